"""Quotes: direct and indirect speech, speaker, cue and channel, linked to the events they report.

OWNER: the dates/places/quotes work (issue 4).
"""

from __future__ import annotations

from typing import Callable

from dragoman.model import Article
from dragoman.settings import Settings


def make(settings: Settings) -> Callable[[Article], Article]:
    def extract(article: Article) -> Article:
        return article

    return extract
