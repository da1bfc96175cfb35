"""Actors: find the participants in the parse and code them offline (country, org, sector, role).

OWNER: the actors work (issue 2). ``make(settings)`` returns the stage callable.
"""

from __future__ import annotations

from typing import Callable

from dragoman.model import Article
from dragoman.settings import Settings


def make(settings: Settings) -> Callable[[Article], Article]:
    def resolve(article: Article) -> Article:
        return article

    return resolve
