"""Deterministic ids: the same inputs give the same ids in any store."""

from __future__ import annotations

import hashlib


def digest(*parts: object, length: int = 16) -> str:
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(str(p).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def article_id(text: str, url: str | None = None) -> str:
    """An article's id: from its canonical URL when it has one, else from its text."""
    return "art-" + (digest("url", url) if url else digest("text", text))


def event_id(article: str, type_: str, trigger_start: int, trigger_end: int) -> str:
    return "ev-" + digest(article, type_, trigger_start, trigger_end)
