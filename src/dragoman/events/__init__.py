"""Events: triggers → PLOVER type/mode/context + CAMEO, who acts on whom, auxiliary modes, merging.

OWNER: the event-coding work (issue 3).
"""

from __future__ import annotations

from typing import Callable

from dragoman.model import Article
from dragoman.settings import Settings


def make(settings: Settings) -> Callable[[Article], Article]:
    def code(article: Article) -> Article:
        return article

    return code


def make_merge(settings: Settings) -> Callable[[Article], Article]:
    def merge(article: Article) -> Article:
        return article

    return merge
