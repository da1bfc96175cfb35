"""A polled document's entries: the items of an RSS/Atom feed, or the ``<news:news>`` URLs of a news sitemap.

Both are checked as ``dragoman.ingest.feeds`` checks a feed before anything parses them: no DTD, no
entity declaration (an XML bomb), no HTML posing as XML; a sitemap is parsed by defusedxml with
DTDs and entities forbidden (``dragoman.watch.sitemap``).  Either may come gzip-compressed
(``.xml.gz``); a sitemap index is read as the list of sitemaps it points to (``read_document``),
which the poller follows.  Each entry has the keys the watcher deduplicates on: ``url_key``
(the canonical URL of its link) and ``content_key`` (its title and summary, when the summary says
enough to tell two stories apart).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from dragoman.errors import EmptyInputError, FormatError
from dragoman.ids import digest
from dragoman.ingest.feeds import _entry_date, _entry_html, _local_day, check_feed
from dragoman.store.records import canonical_url
from dragoman.watch import sitemap

#: the most bytes a gzip-compressed feed or sitemap may decompress to (the sitemap protocol's limit)
DEFAULT_MAX_BYTES = 50_000_000
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
#: a summary shorter than this (in characters, tags removed) does not tell two stories apart
MIN_SUMMARY = 40


@dataclass(frozen=True)
class Entry:
    """One item of a feed or sitemap."""

    link: str | None  # the page to fetch (None: a feed entry that carries its own content)
    title: str | None
    published: str | None  # YYYY-MM-DD, the publisher's day
    content: str | None  # a feed entry's own HTML (used when it has no link)
    url_key: str  # canonical URL of the link, or feed URL + guid
    content_key: str | None


def _norm(text: str | None) -> str:
    return _SPACE.sub(" ", _TAG.sub(" ", text or "")).strip().casefold()


def content_key(title: str | None, summary: str | None) -> str | None:
    """A key for the same story under two URLs: its title with its summary, when the summary is long enough."""
    s = _norm(summary)
    if len(s) < MIN_SUMMARY:
        return None
    return "c-" + digest(_norm(title), s, length=24)


@dataclass(frozen=True)
class Document:
    """A polled document read: a feed's or news sitemap's entries, or the sitemaps a sitemap index lists."""

    entries: list[Entry]
    children: list[sitemap.Child]


def read_document(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A feed, a news sitemap or a sitemap index, gzip-compressed or not (at most ``max_bytes`` decompressed)."""
    data = sitemap.gunzip(data, max_bytes, source)
    if sitemap.looks_like_sitemap(data):
        root = sitemap.parse(data, source)
        if sitemap.is_index(root):
            found = sitemap.children(root, source)
            if not found:
                raise EmptyInputError("the sitemap index lists no sitemap", source=source,
                                      hint="give a news sitemap or an index with <sitemap><loc> entries")
            return Document([], found)
        return Document(_sitemap(root, source), [])
    return Document(read_entries(data, source), [])


def read_entries(data: bytes, source: str) -> list[Entry]:
    """The entries of a feed or news sitemap, in document order (FormatError/EmptyInputError naming ``source``);
    a sitemap index is a FormatError here (``read_document`` lists its sitemaps)."""
    if sitemap.looks_like_sitemap(data):
        root = sitemap.parse(data, source)
        if sitemap.is_index(root):
            raise FormatError("this is a sitemap index, not a news sitemap", source=source,
                              hint="read it with read_document, which lists its sitemaps")
        return _sitemap(root, source)
    import feedparser

    check_feed(data, source)
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if parsed.get("bozo") and not parsed.entries:
        raise FormatError(f"cannot read the feed: {parsed.get('bozo_exception')}", source=source,
                          hint="is this really an RSS or Atom feed?")
    out = []
    for n, e in enumerate(parsed.entries, 1):
        link = e.get("link") if isinstance(e.get("link"), str) and e.get("link", "").strip() else None
        if link:
            link = urljoin(source, link.strip())  # a relative link is the feed's own site
        guid = e.get("id") or e.get("guid") or f"entry{n}:{e.get('title', '')}"
        key = canonical_url(link) if link else f"{source}#{guid}"
        summary = e.get("summary") if isinstance(e.get("summary"), str) else None
        out.append(Entry(link.strip() if link else None, e.get("title") or None, _entry_date(e),
                         None if link else _entry_html(e), key or f"{source}#{guid}", content_key(e.get("title"), summary)))
    return out


def _sitemap(root: Any, source: str) -> list[Entry]:
    """The ``<url>`` elements of a news sitemap that hold a ``<news:news>`` element."""
    out = [Entry(loc, title, _local_day(day), None, canonical_url(loc) or loc, None)
           for loc, title, day in sitemap.news_urls(root, source)]
    if not out:
        raise EmptyInputError("the sitemap has no <news:news> entries", source=source,
                              hint="give a news sitemap (Google News format) or an RSS/Atom feed")
    return out
