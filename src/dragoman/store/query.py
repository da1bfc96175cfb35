"""The SQL the event filters (``EventQuery``, defined in ``dragoman.filters``) become.

The same filters serve ``dragoman events``, ``dragoman export``, the timeline, the actor list and
the web API, with the same defaults: negated and hypothetical events are left out unless asked for.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from dragoman.errors import InputError
from dragoman.filters import SORT_KEYS, EventQuery
from dragoman.store.records import actor_code

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: each sort key (``dragoman.filters.SORT_KEYS``) → its column
SORTS = {key: f"e.{key}" for key in SORT_KEYS}


def _day(value: str, name: str) -> date:
    if not _DAY.match(value or ""):
        raise InputError(f"'{value}' is not a date", source=name, hint="write YYYY-MM-DD, for example 2020-10-27")
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise InputError(f"'{value}' is not a valid date: {e}", source=name, hint="write YYYY-MM-DD") from e


def participant_filters(q: EventQuery | None) -> list[tuple[str, str, list[Any]]]:
    """The filters on participants, ``(name, condition over event_actors, params)``: actor, country, sector."""
    q = q or EventQuery()
    out: list[tuple[str, str, list[Any]]] = []
    if q.actor:
        out.append(("actor", *actor_match(q.actor)))
    if q.country:
        c = q.country.strip().upper()
        out.append(("country", *code_match(c)))
    if q.sector:
        out.append(("sector", "sector = ?", [q.sector.strip().upper()]))
    return out


#: events with a mention (an evidence sentence) holding the words
_TEXT_MATCH = ("e.id IN (SELECT ae.event_id FROM mentions m JOIN article_events ae ON ae.id = m.article_event_id "
               "WHERE m.text ILIKE ?)")


def where(q: EventQuery | None, eks: dict[str, list[int]] | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e``) and its parameters.

    ``eks``: the participant filters already resolved to event keys (``participant_filters``
    run against event_actors), so the clause holds the key lists instead of the semi-joins.
    """
    q = q or EventQuery()
    conds: list[str] = []
    params: list[Any] = []

    def add(cond: str, *ps: Any) -> None:
        conds.append(cond)
        params.extend(ps)

    if not q.include_negated:
        add("NOT e.negated")
    if not q.include_hypothetical:
        add("NOT e.hypothetical")
    for cond, ps in _participant_conditions(q, eks):
        add(cond, *ps)
    if q.type:
        add("list_contains(?, e.type)", [t.strip().upper() for t in q.type.split(",") if t.strip()])
    if q.quad is not None:
        add("e.quad_class = ?", _quad(q.quad))
    if q.since:
        add("e.date >= ?", _day(q.since, "since"))
    if q.until:
        add("e.date <= ?", _day(q.until, "until"))
    if q.since and q.until and q.since > q.until:
        raise InputError(f"since {q.since} is after until {q.until}", source="since", hint="swap the two dates")
    if q.place:
        p = q.place.strip()
        add("(e.place ILIKE ? OR e.place_country = ?)", f"%{_like(p)}%", p.upper())
    if q.text:
        add(_TEXT_MATCH, f"%{_like(q.text.strip())}%")
    if q.exclude_historical:
        add("NOT e.historical")
    if q.min_confidence is not None:
        add("e.confidence >= ?", _confidence(q.min_confidence))
    if q.article:
        add("list_contains(e.article_ids, ?)", q.article.strip())
    return (" AND ".join(conds) if conds else "TRUE"), params


def _participant_conditions(q: EventQuery, eks: dict[str, list[int]] | None) -> list[tuple[str, list[Any]]]:
    """The conditions (over ``events e``) of the actor, country and sector filters, in that order: a key
    list from ``eks`` when the filter was resolved, else a semi-join on ``event_actors``."""
    out: list[tuple[str, list[Any]]] = []
    for name, cond, ps in participant_filters(q):
        if eks is not None and name in eks:
            cond, ps = "e.ek IN (SELECT unnest(?::BIGINT[]))", [eks[name]]
        else:
            cond, ps = _participants(cond), list(ps)
        if name == "country":  # a participant's country, or the event's place
            cond, ps = f"(e.place_country = ? OR {cond})", [q.country.strip().upper()] + ps  # type: ignore[union-attr]
        out.append((cond, ps))
    return out


def _quad(value: Any) -> int:
    try:
        quad = int(value)
    except (TypeError, ValueError) as e:
        raise InputError(f"'{value}' is not a quad class", source="quad", hint="use 1, 2, 3 or 4") from e
    if quad not in (1, 2, 3, 4):
        raise InputError(f"'{value}' is not a quad class", source="quad",
                         hint="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
    return quad


def _confidence(value: Any) -> float:
    try:
        floor = float(value)
    except (TypeError, ValueError) as e:
        raise InputError(f"'{value}' is not a confidence", source="min_confidence",
                         hint="a number from 0 to 1, for example 0.7") from e
    if not 0.0 <= floor <= 1.0:
        raise InputError(f"'{value}' is not a confidence", source="min_confidence", hint="a number from 0 to 1")
    return floor


_CODE = re.compile(r"^[A-Z]{2,6}$")


def code_match(code: str) -> tuple[str, list[Any]]:
    """A participant with this code: its country, organisation or actor id, or its country+sector
    written as the code's splits (``country = 'PAK' AND sector = 'GOV'``): equalities on
    dictionary-encoded columns, no concatenation of every row."""
    conds, params = ["country = ?", "org = ?", "actor_id = ?"], [code, code, code]
    for i in range(1, len(code)):
        conds.append("(country = ? AND sector = ?)")
        params += [code[:i], code[i:]]
    return "(" + " OR ".join(conds) + ")", params


def _participants(cond: str) -> str:
    """Events with a participant (an ``event_actors`` row) matching ``cond``: an integer semi-join on ``ek``."""
    return f"e.ek IN (SELECT ek FROM event_actors WHERE {cond})"


def actor_match(actor: str) -> tuple[str, list[Any]]:
    """The condition over ``event_actors`` for ``--actor``: an id (act-…), a code in capitals
    (PAK, NATO, PAKGOV: country, organisation, or country+sector; also an exact name like "UN"),
    or else part of a name, any case (names are lower-cased in ``name_lc``)."""
    a = actor.strip()
    if a.startswith("act-"):
        return "actor_id = ?", [a]
    if _CODE.match(a):
        cond, params = code_match(a)
        return cond[:-1] + " OR name_lc = ?)", params + [a.lower()]
    return "contains(name_lc, ?)", [a.lower()]


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def order_by(sort: str, descending: bool) -> str:
    col = SORTS.get(sort)
    if col is None:
        raise InputError(f"cannot sort by '{sort}'", source="sort", hint="sort by one of: " + ", ".join(SORTS))
    d = "DESC" if descending else "ASC"
    return f"{col} {d} NULLS LAST, e.id"


EVENT_COLUMNS = (
    "id", "type", "mode", "contexts", "cameo", "quad_class", "score", "date", "date_precision", "date_text",
    "reciprocal", "negated", "hypothetical", "future", "historical", "confidence", "rule", "place", "place_country",
    "lat", "lon", "place_precision", "num_mentions", "num_sources", "num_articles", "evidence_text", "article_id",
    "source_url", "updated_at", "sources", "targets", "article_ids",
)  # and ``ek``, the row's integer key (internal, not returned)

#: the columns of an event row, as selected from ``events e``
ROW = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)

#: sort keys with few distinct values, paged through their histogram (see ``page_window``);
#: ``id`` is unique per row, so it is paged by a plain ORDER BY … LIMIT
WINDOWED = frozenset(SORTS) - {"id"}


def histogram_sql(q: EventQuery | None, sort: str, eks: dict[str, list[int]] | None = None) -> tuple[str, list[Any]]:
    """How many matching events have each value of the sort column: ``[(value, count)]``."""
    w, params = where(q, eks=eks)
    col = SORTS[sort]
    return f"SELECT {col}, count(*) FROM events e WHERE {w} GROUP BY ALL", params


def page_window(hist: list[tuple[Any, int]], offset: int, limit: int, descending: bool) -> tuple[Any, Any, int, bool] | None:
    """The sort-key values a page spans, from the histogram of the matching events.

    Returns ``(first, last, before, nulls)``: the page's rows have keys from ``first`` to ``last``
    (in page order; NULL keys come last, ``nulls`` says the page reaches them) and ``before``
    events precede the first key.  None when the page is past the end.
    """
    keyed = sorted((kv for kv in hist if kv[0] is not None), key=lambda kv: kv[0], reverse=descending)
    keyed += [kv for kv in hist if kv[0] is None]
    before, i = 0, 0
    while i < len(keyed) and before + keyed[i][1] <= offset:
        before += keyed[i][1]
        i += 1
    if i == len(keyed):
        return None
    j, seen = i, before + keyed[i][1]
    while seen < offset + limit and j + 1 < len(keyed):
        j += 1
        seen += keyed[j][1]
    first, last = keyed[i][0], keyed[j][0]
    return first, last, before, last is None


def window_condition(sort: str, first: Any, last: Any, descending: bool) -> tuple[str, list[Any]]:
    """The condition selecting the rows whose sort key lies between ``first`` and ``last`` (page order)."""
    col = SORTS[sort]
    if first is None:
        return f"{col} IS NULL", []
    lo_op, hi_op = ("<=", ">=") if descending else (">=", "<=")
    if last is None:
        return f"({col} {lo_op} ? OR {col} IS NULL)", [first]
    return f"{col} {lo_op} ? AND {col} {hi_op} ?", [first, last]


def page_sql(q: EventQuery | None, *, sort: str = "date", descending: bool = True, limit: int = 100,
             offset: int = 0, window: tuple[str, list[Any]] | None = None,
             eks: dict[str, list[int]] | None = None) -> tuple[str, list[Any]]:
    """One page of full event rows (``window``: an extra condition on the sort key, from ``page_window``)."""
    w, params = where(q, eks=eks)
    order = order_by(sort, descending)
    if window is not None:
        w = f"{w} AND {window[0]}"
        params = params + window[1]
    return f"SELECT {ROW} FROM events e WHERE {w} ORDER BY {order} LIMIT ? OFFSET ?", params + [int(limit), int(offset)]


def count_sql(q: EventQuery | None, eks: dict[str, list[int]] | None = None) -> tuple[str, list[Any]]:
    w, params = where(q, eks=eks)
    return f"SELECT count(*) FROM events e WHERE {w}", params


def rows_sql(ids: list[str], *, sort: str = "date", descending: bool = True) -> tuple[str, list[Any]]:
    """Full rows for a short list of ids."""
    marks = ", ".join("?" for _ in ids) or "NULL"
    return f"SELECT {ROW} FROM events e WHERE e.id IN ({marks}) ORDER BY {order_by(sort, descending)}", list(ids)


def select_sql(q: EventQuery | None, *, sort: str = "date", descending: bool = True) -> tuple[str, list[Any]]:
    """Full rows of every matching event (for exports)."""
    w, params = where(q)
    return f"SELECT {ROW} FROM events e WHERE {w} ORDER BY {order_by(sort, descending)}", params


def finish_row(r: dict[str, Any]) -> dict[str, Any]:
    """An Arrow row → the public event row (ISO date strings, joined names for display)."""
    if isinstance(r.get("date"), date):
        r["date"] = r["date"].isoformat()
    if isinstance(r.get("updated_at"), datetime):
        r["updated_at"] = r["updated_at"].isoformat()
    r["sources"] = [dict(a) for a in (r.get("sources") or [])]
    r["targets"] = [dict(a) for a in (r.get("targets") or [])]
    r["contexts"] = list(r.get("contexts") or [])
    r["article_ids"] = list(r.get("article_ids") or [])
    r["source_names"] = "; ".join(a["name"] for a in r["sources"])
    r["target_names"] = "; ".join(a["name"] for a in r["targets"])
    r["source_codes"] = "; ".join(actor_code(a) for a in r["sources"])
    r["target_codes"] = "; ".join(actor_code(a) for a in r["targets"])
    return r
