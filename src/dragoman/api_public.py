"""The Python entry points for notebooks: ``dragoman.extract`` and ``dragoman.extract_many``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from dragoman.ingest.article import make_article
from dragoman.model import Article, Failure
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline(Settings())


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
