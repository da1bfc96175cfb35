"""The Python entry points for notebooks: ``dragoman.extract`` and ``dragoman.extract_many``."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from dragoman.ids import article_id
from dragoman.model import Article, Failure
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings
from dragoman.text.dates import parse_published


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline(Settings())


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
    from dragoman.model import ReferenceDate

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


def extract(
    text: str,
    published: str | None = None,
    title: str | None = None,
    url: str | None = None,
    *,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """Code one article: actors, events, times, places and quotes, every offset into ``text``.

    ``published`` (YYYY-MM-DD or ISO date-time) is a trusted reference date; without it dragoman
    uses a masthead date found in the text, marked untrusted.
    """
    pipe = pipeline or _default_pipeline()
    return pipe(make_article(text, id=id, published=published, title=title, url=url, published_source="user"))


def extract_many(articles: Iterable[Article | Failure], pipeline: Pipeline | None = None) -> Iterator[Article | Failure]:
    """Code a stream of input articles in batches; failures are yielded, not raised."""
    pipe = pipeline or _default_pipeline()
    return pipe.run_many(articles)
