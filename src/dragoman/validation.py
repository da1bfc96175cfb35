"""The coded record's schema, checked before an article reaches the store.

``check_article(article)`` walks an ``Article`` by the type hints of its dataclasses and raises a
``FormatError`` naming the first field that is wrong and what is wrong with it
(``field 'events[0].quad_class' must be a whole number, not 'x'``):

- types: strings are strings (without lone surrogates, which no file or database can hold),
  whole numbers are ``int`` (never ``bool``), numbers are finite (never NaN or Infinity), flags
  are ``true``/``false``, lists are lists;
- ranges: every offset and index is a whole number from 0 to 2³¹ − 1 (the store's INTEGER), a
  quad class 1–4, a Goldstein score −10 to 10, a confidence or a probability 0–1, a latitude
  −90 to 90, a longitude −180 to 180, precisions from their lists, an event's date one whose
  interval a calendar can hold;
- offsets within the text: every ``start``/``end`` pair (mentions, evidence and triggers, places,
  times, quotes, chrome) satisfies 0 ≤ start ≤ end ≤ len(text);
- ids: an article's id is a non-empty string; its actor ids and event ids are unique;
- ``url``: none, or an ``http://``/``https://`` address with a host (the rule raw records follow:
  ``javascript:``, ``data:``, ``file:``… are refused, in coded records too);
- ``meta``: JSON values only (objects, lists, strings, finite numbers, flags, null), nested at most
  ``MAX_DEPTH`` deep.

``Article.from_dict`` checks every record it reads; ``Store.ingest`` checks every article it is
given (from any source), so a bad record becomes one named failure and never a database error.
"""

from __future__ import annotations

import math
import re
import types
import typing
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from dragoman.errors import FormatError
from dragoman.model import Article, Event, Location, Topic

#: the largest whole number a field may hold: the store's INTEGER columns are 32-bit
MAX_INT = 2**31 - 1
#: how deep ``meta`` may nest
MAX_DEPTH = 32

HINT = "fix the record, or code the article again with: dragoman extract --jsonl"

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NLP = frozenset({"sentences", "tokens", "entities", "noun_chunks"})
#: per (class, field): the allowed range of a number, or the allowed words
_RANGES: dict[tuple[type, str], tuple[float, float]] = {
    (Event, "quad_class"): (1, 4),
    (Event, "score"): (-10.0, 10.0),
    (Event, "confidence"): (0.0, 1.0),
    (Topic, "political"): (0.0, 1.0),
    (Location, "lat"): (-90.0, 90.0),
    (Location, "lon"): (-180.0, 180.0),
}
_WORDS: dict[tuple[type, str], frozenset[str]] = {
    (Event, "date_precision"): frozenset({"day", "week", "month", "quarter", "year", "ref", "article", "none"}),
    (Location, "precision"): frozenset({"place", "city", "admin1", "country"}),
}
#: fields holding a (start, end) pair of character offsets
_PAIRS = frozenset({"trigger", "speaker_span", "cue_span"})


class _Bad(Exception):
    """A problem found at ``path``: turned into one FormatError by ``check_article``."""

    def __init__(self, path: str, problem: str):
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


def check_article(article: Article, *, nlp: bool = False) -> None:
    """Raise ``FormatError`` naming the first field of ``article`` that breaks the record schema.

    ``nlp``: also check the NLP layer (tokens, sentences, entities, noun chunks), which the store
    does not keep (``Article.from_dict`` checks it when a record carries it)."""
    try:
        _check(article, nlp)
    except _Bad as bad:
        path = bad.path if len(bad.path) <= 200 else bad.path[:197] + "..."
        raise FormatError(f"field '{path}' {bad.problem}", hint=HINT) from None


def show(value: Any) -> str:
    """A short, printable rendering of a bad value for a message."""
    text = repr(value)
    if _SURROGATE.search(text):
        text = text.encode("utf-8", "backslashreplace").decode("ascii", "replace")
    return text if len(text) <= 40 else text[:37] + "..."


def _check(article: Article, nlp: bool) -> None:
    if not isinstance(article.id, str) or not article.id.strip():
        raise _Bad("id", f"must be a non-empty string, not {show(article.id)}")
    if not isinstance(article.text, str):
        raise _Bad("text", f"must be a string, not {type(article.text).__name__}")
    n = len(article.text)
    if isinstance(article.url, str) and article.url:
        _url(article.url)
    for name, hint in _fields(Article):
        if name in _NLP and not nlp:
            continue
        value = getattr(article, name)
        if name == "meta":
            if not isinstance(value, Mapping):
                raise _Bad("meta", f"must be an object, not {type(value).__name__}")
            _json(value, "meta", 0)
        elif name == "chrome":
            if not isinstance(value, Mapping):
                raise _Bad("chrome", f"must be an object, not {type(value).__name__}")
            for k, pair in value.items():
                if not isinstance(k, str):
                    raise _Bad("chrome", f"has a key that is not a string: {show(k)}")
                _text(k, "chrome")
                _pair(pair, f"chrome.{k}", n)
        else:
            _value(value, hint, name, n, Article, name)
    for name in ("actors", "events"):
        seen: set[str] = set()
        for i, item in enumerate(getattr(article, name)):
            if item.id in seen:
                raise _Bad(f"{name}[{i}].id", f"repeats the id {show(item.id)} of an earlier one")
            seen.add(item.id)


@cache
def _hints(cls: type) -> dict[str, Any]:
    from dragoman import model

    return typing.get_type_hints(cls, vars(model))


@cache
def _plan(hint: Any) -> tuple[str, bool, Any]:
    """A type hint as (kind, may be None, inner): kinds object, pair, tuple, bool, int, float, str, any."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    nullable = False
    if origin in (typing.Union, types.UnionType):
        nullable = type(None) in args
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            hint = inner[0]
            origin, args = typing.get_origin(hint), typing.get_args(hint)
    if is_dataclass(hint):
        return "object", nullable, hint
    if origin is tuple:
        if len(args) == 2 and args[1] is not Ellipsis:
            return "pair", nullable, None
        return "tuple", nullable, args[0]
    for kind in (bool, int, float, str):
        if hint is kind:
            return kind.__name__, nullable, None
    return "any", nullable, None


def _value(value: Any, hint: Any, path: str, n: int, owner: type, name: str) -> None:
    kind, nullable, inner = _plan(hint)
    if value is None:
        if nullable:
            return
        raise _Bad(path, "is missing (null)")
    if kind == "str":
        if not isinstance(value, str):
            raise _Bad(path, f"must be a string, not {show(value)}")
        _text(value, path)
        words = _WORDS.get((owner, name))
        if words is not None and value not in words:
            raise _Bad(path, f"must be one of {', '.join(sorted(words))}, not {show(value)}")
    elif kind == "object":
        if not isinstance(value, inner):
            raise _Bad(path, f"must be an object, not {type(value).__name__}")
        _object(value, path, n)
    elif kind == "pair" or name in _PAIRS:
        _pair(value, path, n)
    elif kind == "tuple":
        if not isinstance(value, (tuple, list)):
            raise _Bad(path, f"must be a list, not {show(value)}")
        for i, item in enumerate(value):
            _value(item, inner, f"{path}[{i}]", n, owner, name)
    elif kind == "bool":
        if not isinstance(value, bool):
            raise _Bad(path, f"must be true or false, not {show(value)}")
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Bad(path, f"must be a whole number, not {show(value)}")
        lo, hi = _RANGES.get((owner, name), (0, MAX_INT))
        if not lo <= value <= hi:
            raise _Bad(path, f"must be a whole number from {int(lo)} to {int(hi)}, not {show(value)}")
    elif kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _Bad(path, f"must be a number, not {show(value)}")
        if isinstance(value, float) and not math.isfinite(value):
            raise _Bad(path, f"must be a finite number, not {show(value)}")
        rng = _RANGES.get((owner, name))
        if rng is not None and not rng[0] <= value <= rng[1]:
            raise _Bad(path, f"must be a number from {rng[0]:g} to {rng[1]:g}, not {show(value)}")
        if rng is None and abs(value) > 1e300:
            raise _Bad(path, f"is out of range: {show(value)}")
    else:  # Any
        _json(value, path, 0)


@cache
def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = _hints(cls)
    return tuple((f.name, hints[f.name]) for f in fields(cls))


def _object(obj: Any, path: str, n: int) -> None:
    cls: type = type(obj)
    for name, hint in _fields(cls):
        _value(getattr(obj, name), hint, f"{path}.{name}", n, cls, name)
    start, end = getattr(obj, "start", None), getattr(obj, "end", None)
    if isinstance(start, int) and isinstance(end, int):
        _within(start, end, path, n)
    if cls is Event and obj.date is not None:
        _date(obj, path)


def _pair(value: Any, path: str, n: int) -> None:
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise _Bad(path, f"must be a [start, end] pair, not {show(value)}")
    for i, v in enumerate(value):
        if isinstance(v, bool) or not isinstance(v, int):
            raise _Bad(f"{path}[{i}]", f"must be a whole number, not {show(v)}")
    _within(value[0], value[1], path, n, ("[0]", "[1]"))


def _within(start: int, end: int, path: str, n: int, names: tuple[str, str] = (".start", ".end")) -> None:
    """0 <= start <= end <= len(text), or a problem naming the offset that breaks it."""
    if not 0 <= start <= n:
        raise _Bad(path + names[0], f"is {start}, outside the text (0 to {n})")
    if not 0 <= end <= n:
        raise _Bad(path + names[1], f"is {end}, outside the text (0 to {n})")
    if end < start:
        raise _Bad(path + names[1], f"is {end}, before its start {start}")


def _text(value: str, path: str) -> None:
    m = _SURROGATE.search(value)
    if m:
        code = f"\\u{ord(m.group()):04x}"
        raise _Bad(path, f"holds a lone surrogate ({code}) at character {m.start()}, which is not text")


def _url(url: str) -> None:
    try:
        check_url(url, "record")
    except FormatError:
        raise _Bad("url", f"must be an http:// or https:// address, not {show(url)}") from None


def _date(ev: Event, path: str) -> None:
    from dragoman.period import interval, parse_date

    try:
        interval(parse_date(ev.date), ev.date_precision)
    except (OverflowError, ValueError):
        raise _Bad(f"{path}.date", f"is outside the calendar: {show(ev.date)} ({ev.date_precision})") from None


def _json(value: Any, path: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise _Bad(path, f"nests deeper than {MAX_DEPTH} levels")
    if value is None or isinstance(value, (bool, int)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Bad(path, f"must be a finite number, not {show(value)}")
    elif isinstance(value, str):
        _text(value, path)
    elif isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, str):
                raise _Bad(path, f"has a key that is not a string: {show(k)}")
            _text(k, path)
            _json(v, f"{path}.{k}", depth + 1)
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            _json(v, f"{path}[{i}]", depth + 1)
    else:
        raise _Bad(path, f"must be a JSON value, not {type(value).__name__}")


_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def check_url(url: str, source: str, field: str = "url") -> None:
    """Refuse a record's URL unless it is an http(s) address with a host (no ``javascript:``, ``data:``…)."""
    parts = None
    if url == url.strip() and not _URL_CONTROL.search(url):
        try:
            parts = urlsplit(url)
        except ValueError:
            parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc \
            or not url.lower().startswith(parts.scheme.lower() + "://"):
        shown = _URL_CONTROL.sub("?", url[:40])
        raise FormatError(f"field '{field}' must be an http:// or https:// address, not '{shown}'", source=source,
                          hint="give the article's web address, or leave the field out")
