"""RSS and Atom feeds → one input ``Article`` per entry, each entry's page fetched.

The feed is checked before feedparser sees it: a document type declaration or an entity
declaration (the "billion laughs" XML bomb, external entities) is refused — defusedxml parses the
feed with DTDs forbidden.  A "feed" that is really an HTML page is refused with that reason.
The entry's date (``published``/``updated``) is a trusted reference date for its article.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from dragoman.errors import DragomanError, EmptyInputError, FormatError
from dragoman.ingest.charset import check_text
from dragoman.model import Article, Failure
from dragoman.settings import Settings

_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_FEED_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF)\b")


def looks_like_feed(head: bytes) -> bool:
    """Does the start of a document look like an RSS/Atom/RDF feed?"""
    h = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return bool(_FEED_ROOT.search(h)) and not _HTML_ROOT.match(h)


def check_feed(data: bytes, source: str) -> None:
    """Refuse what is not a safe feed: HTML, DTDs and entity declarations, XML that does not parse."""
    if not data.strip():
        raise EmptyInputError("the feed is empty", source=source)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FormatError("this is binary data, not a feed", source=source, hint="give an RSS or Atom feed")
    if _HTML_ROOT.match(data[:4096]):
        raise FormatError("this is an HTML page, not a feed", source=source,
                          hint="give the feed's own URL (often linked as RSS or Atom), or the page as HTML")
    root_at = _ROOT_START.search(data[:1_000_000])
    if _DOCTYPE.search(data[: root_at.start() if root_at else 1_000_000]):
        raise FormatError(
            "the feed declares a DTD or entities (a possible XML bomb); refused",
            source=source, hint="feeds do not need <!DOCTYPE> or <!ENTITY>; ask the publisher to remove it",
        )
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise FormatError(f"unsafe XML refused: {type(e).__name__}", source=source,
                          hint="feeds do not need <!DOCTYPE> or <!ENTITY>") from e
    except (ParseError, ValueError, SyntaxError) as e:
        raise FormatError(f"the feed is not well-formed XML: {e}", source=source, hint="is this really a feed?") from e
    tag = root.tag.rsplit("}", 1)[-1].lower() if isinstance(root.tag, str) else ""
    if tag == "html":
        raise FormatError("this is an HTML page, not a feed", source=source, hint="give the feed's own URL")
    if tag not in {"rss", "feed", "rdf", "channel"}:
        raise FormatError(f"not an RSS or Atom feed (the root element is <{tag}>)", source=source,
                          hint="give an RSS or Atom feed")


def _local_day(raw: Any) -> str | None:
    """The calendar day a dated string names in its own time zone (RFC 822 or ISO 8601)."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(raw.strip()).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date().isoformat()  # noqa: FURB162 - every Z, as before
    except ValueError:
        return None


def _entry_date(entry: Any) -> str | None:
    """The entry's publication day, as the publisher's own clock had it (not shifted to UTC)."""
    for key in ("published", "updated", "created"):
        if (day := _local_day(entry.get(key))) and 1900 <= int(day[:4]) <= datetime.now(UTC).year + 1:
            return day
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return datetime.fromtimestamp(calendar.timegm(t), tz=UTC).date().isoformat()
            except (OverflowError, ValueError, OSError, TypeError):
                continue
    return None


def _entry_html(entry: Any) -> str | None:
    """The entry's own content (full text feeds), else its summary."""
    for c in entry.get("content") or []:
        v = c.get("value") if isinstance(c, dict) else None
        if v and len(v) > 200:
            return v
    s = entry.get("summary")
    return s if isinstance(s, str) and s.strip() else None


def read_feed(
    data: bytes,
    source: str,
    settings: Settings,
    fetch_page: Callable[[str, str], tuple[bytes, str | None, str, str | None]] | None,
) -> Iterator[Article | Failure]:
    """Yield one article (or failure) per feed entry.

    ``fetch_page(url, source) -> (body, charset, final_url, content_language)`` fetches an entry's
    page; without it (or when the entry has no link) the entry's own content is used.
    """
    import feedparser

    from dragoman.ingest.files import failure
    from dragoman.ingest.html import page_article

    check_feed(data, source)
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if parsed.get("bozo") and not parsed.entries:
        exc = parsed.get("bozo_exception")
        raise FormatError(f"cannot read the feed: {exc}", source=source, hint="is this really an RSS or Atom feed?")
    if not parsed.entries:
        raise EmptyInputError("the feed has no entries", source=source)
    for n, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        entry_source = f"{source}#entry{n}" + (f" ({link})" if link else "")
        try:
            day = _entry_date(entry)
            title = entry.get("title") or None
            meta = {"format": "feed", "feed": source, "entry": n}
            if link and fetch_page is not None:
                body, charset, final_url, lang = fetch_page(link, link)
                yield page_article(body, link, settings, url=final_url, charset=charset, content_language=lang,
                                   published=day, title=title, meta=meta)
                continue
            content = _entry_html(entry)
            if not content:
                raise EmptyInputError("the entry has no link and no content", source=entry_source)
            check_text(content, entry_source)
            html = f"<html><head><title></title></head><body><article>{content}</article></body></html>"
            yield page_article(html, entry_source, settings, url=link, published=day, title=title,
                               meta={**meta, "from": "entry content"})
        except DragomanError as e:
            yield failure(e, link or entry_source)
