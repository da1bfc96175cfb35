"""When and where: time expressions and event dates; event places from an offline gazetteer.

OWNER: the dates/places/quotes work (issue 4).
"""

from __future__ import annotations

from typing import Callable

from dragoman.model import Article
from dragoman.settings import Settings


def make_times(settings: Settings) -> Callable[[Article], Article]:
    def resolve_times(article: Article) -> Article:
        return article

    return resolve_times


def make_places(settings: Settings) -> Callable[[Article], Article]:
    def locate(article: Article) -> Article:
        return article

    return locate
