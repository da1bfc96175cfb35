"""The event filters, defined once: ``EventQuery`` and what each of its fields means.

Every field of ``EventQuery`` is a filter, and its metadata (``Filter``) is all there is to know
about it: the help text, the type a user writes, the allowed range or length.  From that one
definition ``dragoman.cli.options.filter_options`` makes the options of ``dragoman events``,
``actors``, ``timeline`` and ``export``, and ``dragoman.api.filters`` makes the query parameters
of every read endpoint of the API; the store's queries (``dragoman.store.query.where``) read the
``EventQuery`` both build.  A new filter is one new field here (and its SQL in ``where``).

The defaults are the same everywhere: negated and hypothetical events are left out unless asked for.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Filter:
    """What a user may know about one filter: its name (``--min-confidence`` on the command line,
    ``min_confidence`` in a URL), the type they write, the help text, and the bounds a value must keep."""

    name: str  # the EventQuery field and API parameter; the CLI option is --name-with-dashes
    kind: type  # str, int, float, bool, or date (a YYYY-MM-DD day)
    help: str
    max_length: int | None = None  # longest text value (the API refuses a longer one)
    lo: float | None = None  # smallest number
    hi: float | None = None  # largest number

    @property
    def option(self) -> str:
        """The command-line option: ``--min-confidence``."""
        return "--" + self.name.replace("_", "-")


def _filter(help: str, *, default: Any = None, kind: type | None = None, max_length: int | None = None,
            lo: float | None = None, hi: float | None = None) -> Any:
    """An ``EventQuery`` field with its filter metadata (``kind``: when the user writes another type
    than the field keeps, as a day kept as its ISO string)."""
    return field(default=default, metadata={"filter": (help, kind, max_length, lo, hi)})


@dataclass
class EventQuery:
    """Filters over merged events; every field is optional and they combine with AND.

    ``actor``: a name (case-insensitive, part of the name is enough), an actor id (``act-…``),
    a country or IGO code (``PAK``, ``NATO``) or country+sector (``PAKGOV``);
    ``country``: a participant's country or the event's place country; ``sector``: a
    participant's sector; ``type``: PLOVER type(s), comma-separated; ``quad``: 1–4;
    ``since``/``until``: YYYY-MM-DD, inclusive; ``place``: part of the place name or its
    country code; ``text``: words in any evidence sentence.
    """

    actor: str | None = _filter("Actor name (part of it), id, country or IGO code, or country+sector (PAKGOV).",
                                max_length=200)
    country: str | None = _filter("A participant's or the place's country code (ISO3 or IGO).", max_length=20)
    sector: str | None = _filter("A participant's sector (GOV, MIL, REB, ...).", max_length=20)
    type: str | None = _filter("PLOVER type(s), comma-separated.", max_length=200)
    quad: int | None = _filter("Quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.",
                               lo=1, hi=4)
    since: str | None = _filter("First day, YYYY-MM-DD (inclusive).", kind=date)
    until: str | None = _filter("Last day, YYYY-MM-DD (inclusive).", kind=date)
    place: str | None = _filter("Part of the place name, or its country code.", max_length=200)
    text: str | None = _filter("Words in an evidence sentence.", max_length=200)
    include_negated: bool = _filter("Also events reported as not happening.", default=False)
    include_hypothetical: bool = _filter("Also hypothetical events.", default=False)
    exclude_historical: bool = _filter("Leave out background: events well before the news.", default=False)
    min_confidence: float | None = _filter("Only events at least this sure.", lo=0, hi=1)
    article: str | None = _filter("Only events this article (by id) reports.", max_length=200)


def _kind(hint: Any) -> type:
    """``str | None`` → str."""
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    return args[0] if args else hint


def _filters() -> tuple[Filter, ...]:
    hints = typing.get_type_hints(EventQuery)
    out = []
    for f in fields(EventQuery):
        help, kind, max_length, lo, hi = f.metadata["filter"]
        out.append(Filter(f.name, kind or _kind(hints[f.name]), help, max_length, lo, hi))
    return tuple(out)


#: every filter, in the order ``--help`` and the API's documentation list them
FILTERS: tuple[Filter, ...] = _filters()


#: the columns events may be sorted by (``dragoman events --sort``, ``GET /api/events?sort=``)
SORT_KEYS = ("date", "type", "num_mentions", "num_sources", "confidence", "score", "quad_class", "id")


def query_from(values: Mapping[str, Any]) -> EventQuery:
    """The ``EventQuery`` of filter values given by name (absent ones take their defaults), each as the
    command line and the API both read it: a text without NUL characters and surrounding blanks (a
    blank one is no filter), a day as YYYY-MM-DD."""
    return EventQuery(**{f.name: _clean(values[f.name]) for f in FILTERS if f.name in values})


def _clean(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        value = value.replace("\x00", "").strip()
        return value or None
    return value
