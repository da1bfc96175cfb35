"""A polled document's entries: the items of an RSS/Atom feed, or the ``<news:news>`` URLs of a news sitemap.

Both are checked as ``dragoman.ingest.feeds`` checks a feed before anything parses them: no DTD, no
entity declaration (an XML bomb), no HTML posing as XML; a sitemap is parsed by defusedxml with
DTDs and entities forbidden.  Each entry has the keys the watcher deduplicates on: ``url_key``
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
from dragoman.ingest.feeds import _DOCTYPE, _ROOT_START, _entry_date, _entry_html, _local_day, check_feed
from dragoman.store.records import canonical_url

_SITEMAP_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(urlset|sitemapindex)\b")
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


def looks_like_sitemap(head: bytes) -> bool:
    return bool(_SITEMAP_ROOT.search(head[:2048]))


def read_entries(data: bytes, source: str) -> list[Entry]:
    """The entries of a feed or news sitemap, in document order (FormatError/EmptyInputError naming ``source``)."""
    if looks_like_sitemap(data):
        return _sitemap(data, source)
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


def _text(el: Any, name: str) -> str | None:
    for child in el.iter():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _sitemap(data: bytes, source: str) -> list[Entry]:
    """The ``<url>`` elements of a news sitemap that hold a ``<news:news>`` element."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    root_at = _ROOT_START.search(data[:1_000_000])
    if _DOCTYPE.search(data[: root_at.start() if root_at else 1_000_000]):
        raise FormatError("the sitemap declares a DTD or entities (a possible XML bomb); refused", source=source)
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise FormatError(f"unsafe XML refused: {type(e).__name__}", source=source) from e
    except (ParseError, ValueError, SyntaxError) as e:
        raise FormatError(f"the sitemap is not well-formed XML: {e}", source=source) from e
    if root.tag.rsplit("}", 1)[-1] == "sitemapindex":
        raise FormatError("this is a sitemap index, not a news sitemap", source=source,
                          hint="list the news sitemap it points to (its <loc>) as the feed")
    out = []
    for url in root:
        if not (isinstance(url.tag, str) and url.tag.rsplit("}", 1)[-1] == "url"):
            continue
        news = [c for c in url if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] == "news"]
        loc = _text(url, "loc")
        if not news or not loc:
            continue
        loc = urljoin(source, loc)
        title = _text(news[0], "title")
        out.append(Entry(loc, title, _local_day(_text(news[0], "publication_date")), None,
                         canonical_url(loc) or loc, None))
    if not out:
        raise EmptyInputError("the sitemap has no <news:news> entries", source=source,
                              hint="give a news sitemap (Google News format) or an RSS/Atom feed")
    return out
