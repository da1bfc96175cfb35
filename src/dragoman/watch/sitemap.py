"""Sitemaps as the watcher reads them: gzip-compressed (``.xml.gz``), news sitemaps and sitemap indexes.

    xml = gunzip(body, 50_000_000, url)          # the bytes themselves when they are not gzip
    root = parse(xml, url)                       # defusedxml: no DTD, no entity, no external reference
    children(root, url)                          # a <sitemapindex>: its sitemaps, the newest first
    news_urls(root, url)                         # a <urlset>: (loc, title, publication date) of each <news:news>

A gzip body is decompressed step by step and stopped at the limit (``watch.sitemap_max_bytes``,
50 MB: the sitemap protocol's own limit), so a few kilobytes that would expand to gigabytes (a
decompression bomb) are refused with a ``TooLargeError`` before they fill the memory.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from dragoman.errors import FormatError, TooLargeError
from dragoman.ingest.feeds import _DOCTYPE, _ROOT_START

GZIP_MAGIC = b"\x1f\x8b"
_SITEMAP_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(urlset|sitemapindex)\b")
_STEP = 1 << 20  # bytes decompressed at a time


@dataclass(frozen=True)
class Child:
    """A sitemap a sitemap index lists: its URL and its ``<lastmod>`` (as written, or None)."""

    url: str
    lastmod: str | None


def gunzip(data: bytes, limit: int, source: str) -> bytes:
    """``data`` decompressed when it is gzip (by its first bytes, whatever its name or type), else ``data``.

    More than ``limit`` bytes decompressed is a ``TooLargeError``; a corrupt or truncated file a ``FormatError``."""
    if not data.startswith(GZIP_MAGIC):
        return data
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    pending = data
    try:
        while pending and not d.eof:
            out += d.decompress(pending, _STEP)
            pending = d.unconsumed_tail
            if len(out) > limit:
                raise TooLargeError(
                    f"the gzip file decompresses to more than {limit / 1e6:g} MB ({len(data):,} bytes compressed): "
                    "refused as a possible decompression bomb", source=source,
                    hint="a genuine sitemap this large: raise watch.sitemap_max_bytes in the settings file")
        out += d.flush()
    except zlib.error as e:
        raise FormatError(f"the gzip file is corrupt: {e}", source=source, hint="is it really gzip?") from e
    if not d.eof:
        raise FormatError("the gzip file is truncated", source=source, hint="the download was cut short; try later")
    if len(out) > limit:
        raise TooLargeError(f"the gzip file decompresses to more than {limit / 1e6:g} MB", source=source,
                            hint="raise watch.sitemap_max_bytes in the settings file")
    return bytes(out)


def looks_like_sitemap(head: bytes) -> bool:
    return bool(_SITEMAP_ROOT.search(head[:2048]))


def parse(data: bytes, source: str) -> Any:
    """The sitemap's root element, parsed by defusedxml with DTDs, entities and external references forbidden."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    root_at = _ROOT_START.search(data[:1_000_000])
    if _DOCTYPE.search(data[: root_at.start() if root_at else 1_000_000]):
        raise FormatError("the sitemap declares a DTD or entities (a possible XML bomb); refused", source=source)
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise FormatError(f"unsafe XML refused: {type(e).__name__}", source=source) from e
    except (ParseError, ValueError, SyntaxError) as e:
        raise FormatError(f"the sitemap is not well-formed XML: {e}", source=source) from e


def _local(el: Any) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def text(el: Any, name: str) -> str | None:
    """The text of the first descendant of ``el`` named ``name`` (any namespace)."""
    for child in el.iter():
        if _local(child) == name and child.text and child.text.strip():
            return str(child.text).strip()
    return None


def is_index(root: Any) -> bool:
    return _local(root) == "sitemapindex"


def children(root: Any, source: str) -> list[Child]:
    """The sitemaps of a sitemap index, the newest ``<lastmod>`` first (those without one last, in their order)."""
    out = []
    for el in root:
        if _local(el) == "sitemap":
            loc = text(el, "loc")
            if loc:
                out.append(Child(urljoin(source, loc), text(el, "lastmod")))
    dated = sorted((c for c in out if c.lastmod), key=lambda c: _sortable(c.lastmod), reverse=True)
    return dated + [c for c in out if not c.lastmod]


def _sortable(lastmod: str | None) -> str:
    """A W3C datetime as a string that sorts by time (UTC when it has an offset; a bare date at its start)."""
    from datetime import UTC, datetime

    s = (lastmod or "").strip()
    try:
        t = datetime.fromisoformat(s[:-1] + "+00:00" if s.endswith("Z") else s)
    except ValueError:
        return s
    if t.tzinfo is not None:
        t = t.astimezone(UTC).replace(tzinfo=None)
    return t.isoformat()


def news_urls(root: Any, source: str) -> list[tuple[str, str | None, str | None]]:
    """``(loc, title, publication date)`` of each ``<url>`` of a ``<urlset>`` that holds a ``<news:news>``."""
    out = []
    for url in root:
        if _local(url) != "url":
            continue
        news = [c for c in url if _local(c) == "news"]
        loc = text(url, "loc")
        if news and loc:
            out.append((urljoin(source, loc), text(news[0], "title"), text(news[0], "publication_date")))
    return out
