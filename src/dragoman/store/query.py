"""Event filters (``EventQuery``) and the SQL they become.

The same filters serve ``dragoman events``, ``dragoman export``, the timeline, the actor list and
the web API, with the same defaults: negated and hypothetical events are left out unless asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from dragoman.errors import InputError
from dragoman.store.records import actor_code

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

SORTS = {
    "date": "e.date",
    "type": "e.type",
    "num_mentions": "e.num_mentions",
    "num_sources": "e.num_sources",
    "confidence": "e.confidence",
    "score": "e.score",
    "quad_class": "e.quad_class",
    "id": "e.id",
}


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

    actor: str | None = None
    country: str | None = None
    sector: str | None = None
    type: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    text: str | None = None
    include_negated: bool = False
    include_hypothetical: bool = False

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> "EventQuery":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def _day(value: str, name: str) -> date:
    if not _DAY.match(value or ""):
        raise InputError(f"'{value}' is not a date", source=name, hint="write YYYY-MM-DD, for example 2020-10-27")
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise InputError(f"'{value}' is not a valid date: {e}", source=name, hint="write YYYY-MM-DD") from e


def where(q: EventQuery | None, ids: list[str] | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause (over ``events e``) and its parameters."""
    q = q or EventQuery()
    conds: list[str] = []
    params: list[Any] = []
    if ids is not None:
        conds.append("list_contains(?, e.id)")
        params.append(list(ids))
    else:
        if not q.include_negated:
            conds.append("NOT e.negated")
        if not q.include_hypothetical:
            conds.append("NOT e.hypothetical")
    if q.actor:
        cond, ps = actor_condition(q.actor)
        conds.append(cond)
        params += ps
    if q.country:
        c = q.country.strip().upper()
        conds.append("(e.place_country = ? OR contains(e.actor_codes, ?))")
        params += [c, f"|{c}|"]
    if q.sector:
        conds.append("contains(e.actor_codes, ?)")
        params.append(f"|s:{q.sector.strip().upper()}|")
    if q.type:
        types = [t.strip().upper() for t in q.type.split(",") if t.strip()]
        conds.append("list_contains(?, e.type)")
        params.append(types)
    if q.quad is not None:
        try:
            quad = int(q.quad)
        except (TypeError, ValueError) as e:
            raise InputError(f"'{q.quad}' is not a quad class", source="quad", hint="use 1, 2, 3 or 4") from e
        if quad not in (1, 2, 3, 4):
            raise InputError(f"'{q.quad}' is not a quad class", source="quad",
                             hint="1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict")
        conds.append("e.quad_class = ?")
        params.append(quad)
    if q.since:
        conds.append("e.date >= ?")
        params.append(_day(q.since, "since"))
    if q.until:
        conds.append("e.date <= ?")
        params.append(_day(q.until, "until"))
    if q.since and q.until and q.since > q.until:
        raise InputError(f"since {q.since} is after until {q.until}", source="since", hint="swap the two dates")
    if q.place:
        p = q.place.strip()
        conds.append("(e.place ILIKE ? OR e.place_country = ?)")
        params += [f"%{_like(p)}%", p.upper()]
    if q.text:
        conds.append(
            "e.id IN (SELECT ae.event_id FROM mentions m JOIN article_events ae ON ae.id = m.article_event_id "
            "WHERE m.text ILIKE ?)"
        )
        params.append(f"%{_like(q.text.strip())}%")
    return (" AND ".join(conds) if conds else "TRUE"), params


_CODE = re.compile(r"^[A-Z]{2,6}$")


def actor_condition(actor: str) -> tuple[str, list[Any]]:
    """The condition for ``--actor``: an id (act-…), a code in capitals (PAK, NATO, PAKGOV:
    country, organisation, or country+sector; also an exact name like "UN"), or else part of a
    name, any case.  Participants are folded into ``events.actor_names``/``actor_codes``."""
    a = actor.strip()
    if a.startswith("act-"):
        return "contains(e.actor_codes, ?)", [f"|{a}|"]
    if _CODE.match(a):
        return "(contains(e.actor_codes, ?) OR contains(e.actor_names, ?))", [f"|{a}|", f"|{a.lower()}|"]
    return "contains(e.actor_names, ?)", [a.lower()]


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
    "source_url", "updated_at",
)


def _details(source: str, order: str) -> str:
    """Full rows for the events selected by ``source`` (a subquery naming ``id``)."""
    cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    return f"""
    WITH sel AS MATERIALIZED (SELECT {cols} FROM events e WHERE e.id IN ({source})),
    act AS (
        SELECT event_id,
          list({{'id': actor_id, 'name': name, 'country': country, 'org': org, 'sector': sector}} ORDER BY ord)
            FILTER (WHERE role = 'source') AS sources,
          list({{'id': actor_id, 'name': name, 'country': country, 'org': org, 'sector': sector}} ORDER BY ord)
            FILTER (WHERE role = 'target') AS targets
        FROM event_actors WHERE event_id IN ({source}) GROUP BY event_id),
    arts AS (
        SELECT event_id, list(DISTINCT article_id ORDER BY article_id) AS article_ids
        FROM article_events WHERE event_id IN ({source}) GROUP BY event_id)
    SELECT sel.*, coalesce(act.sources, []) AS sources, coalesce(act.targets, []) AS targets,
           coalesce(arts.article_ids, []) AS article_ids
    FROM sel LEFT JOIN act ON act.event_id = sel.id LEFT JOIN arts ON arts.event_id = sel.id
    ORDER BY {order.replace('e.', 'sel.')}
    """


def page_sql(q: EventQuery | None, *, sort: str = "date", descending: bool = True, limit: int = 100,
             offset: int = 0) -> tuple[str, list[Any]]:
    """The ids of one page of matching events, each row with the total number matching."""
    w, params = where(q)
    order = order_by(sort, descending)
    return (f"SELECT e.id, count(*) OVER () AS total FROM events e WHERE {w} ORDER BY {order} LIMIT ? OFFSET ?",
            params + [int(limit), int(offset)])


def rows_sql(ids: list[str], *, sort: str = "date", descending: bool = True) -> tuple[str, list[Any]]:
    """Full rows for a short list of ids (an IN list of constants: the scans skip what they can)."""
    marks = ", ".join("?" for _ in ids) or "NULL"
    return _details(marks, order_by(sort, descending)), list(ids) * 3


def select_sql(q: EventQuery | None, *, sort: str = "date", descending: bool = True) -> tuple[str, list[Any]]:
    """Full rows of every matching event (for exports)."""
    w, params = where(q)
    return _details(f"SELECT e.id FROM events e WHERE {w}", order_by(sort, descending)), params * 3


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
