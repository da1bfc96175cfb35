"""When and where: time expressions and event dates; event places from an offline gazetteer.

* ``make_times(settings)`` — the ``times`` stage (``dragoman.when_where.times``): every time
  expression → ``Article.times``; each event's date, precision, text and trust.
* ``make_places(settings)`` — the ``places`` stage (``dragoman.when_where.places``): every place
  mention → ``Article.places``; each event's ``location``.
"""

from __future__ import annotations

from collections.abc import Callable

from dragoman.model import Article
from dragoman.settings import Settings


def make_times(settings: Settings) -> Callable[[Article], Article]:
    from dragoman.when_where.times import TimeResolver

    return TimeResolver(settings)


def make_places(settings: Settings) -> Callable[[Article], Article]:
    from dragoman.when_where.places import PlaceResolver

    return PlaceResolver(settings)
