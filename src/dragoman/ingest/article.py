"""The input ``Article``: raw text and its metadata, before any stage has read it."""

from __future__ import annotations

from dragoman.ids import article_id
from dragoman.model import Article, ReferenceDate
from dragoman.text.dates import parse_published


def make_article(
    text: str,
    *,
    id: str | None = None,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published_source: str = "metadata",
    meta: dict | None = None,
) -> Article:
    """Build the input ``Article`` (before any stage) from raw text and metadata."""
    ref = ReferenceDate()
    if published:
        day = parse_published(published, source=source or id or "input")
        ref = ReferenceDate(day, published_source, True)
    m = dict(meta or {})
    if source:
        m.setdefault("source", source)
    return Article(
        id=id or article_id(text, url),
        text=text,
        url=url,
        title=title,
        published=published,
        reference_date=ref,
        meta=m,
    )
