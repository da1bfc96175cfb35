"""Page chrome in plain text: title, dateline, agency credit and masthead date, as spans.

Nothing is cut out of ``Article.text``: the chrome is reported as spans in ``Article.chrome`` and
the NLP stage skips the masthead and a repeated title.
"""

from __future__ import annotations

from collections.abc import Callable

from dragoman.model import Article
from dragoman.settings import Settings
from dragoman.text.chrome import annotate

__all__ = ["annotate", "make"]


def make(settings: Settings) -> Callable[[Article], Article]:
    return annotate
