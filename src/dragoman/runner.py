"""Run the pipeline over a stream of inputs, on one process or several.

OWNER of the multi-process path: the speed-and-scale work (issue 8).
"""

from __future__ import annotations

from typing import Iterable, Iterator

from dragoman.model import Article, Failure
from dragoman.pipeline import Pipeline
from dragoman.settings import Settings


def run(items: Iterable[Article | Failure], settings: Settings, processes: int = 1) -> Iterator[Article | Failure]:
    """Yield coded articles (and failures) in input order."""
    pipe = Pipeline(settings)
    yield from pipe.run_many(items)
