"""One event per real-world event: grouping article events reported by several articles.

An article event joins an existing merged event (a *cluster*) when they have the same PLOVER type
and auxiliary modes (negated, hypothetical, future), overlapping participants (by normalised name,
surname, or country/IGO code: at least two shared when both sides have two), dates that can be
the same day (intervals from the date precision, one day of slack) and places that do not
contradict (different countries, or different cities more than 50 km apart, keep events apart).
An article from a near-duplicate of an earlier article (the same wire story copied) joins the
events of the article it copies even without dates.  A cluster never holds two events of one
article: the coder already merged restatements inside an article.

The merged event's id is the smallest id among its members' ids, so it does not depend on the
order articles were ingested in; any member id still finds it (``Store.get_event``).
Pure Python, no SQL: the store loads candidate clusters, calls ``Merger.add`` for each new
article event, and writes back the clusters marked ``touched``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable

from dragoman.store.records import PLACE_RANK, PRECISION_RANK, actor_keys

CITY_KM = 50.0
WIDE_DAYS = 45  # clusters dated more loosely than this are indexed in one "wide" bucket  # two city-level places further apart than this are different places


def parts(m: dict[str, Any]) -> list[dict[str, Any]]:
    """A member's participants (sources then targets), parsed once and cached on the row."""
    if "_parts" not in m:
        srcs = json.loads(m["sources"] or "[]")
        tgts = json.loads(m["targets"] or "[]")
        for a in srcs:
            a["role"] = "source"
        for a in tgts:
            a["role"] = "target"
        m["_parts"] = srcs + tgts
        m["_keys"] = [actor_keys(a) for a in m["_parts"]]
    return m["_parts"]


def member_keys(m: dict[str, Any]) -> list[set[str]]:
    parts(m)
    return m["_keys"]


@dataclass(eq=False)
class Cluster:
    members: list[dict[str, Any]]
    old_id: str | None = None  # its id in the store before this batch
    touched: bool = False
    keys: set[str] = field(default_factory=set)
    actor_ids: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for m in self.members:
            self._absorb(m)

    def _absorb(self, m: dict[str, Any]) -> None:
        for a, ks in zip(parts(m), member_keys(m)):
            self.keys |= ks
            self.actor_ids.add(a["id"])
        self.articles.add(m["article_id"])

    def add(self, m: dict[str, Any]) -> None:
        self.members.append(m)
        self._absorb(m)
        self.touched = True

    def remove_articles(self, article_ids: set[str]) -> None:
        kept = [m for m in self.members if m["article_id"] not in article_ids]
        if len(kept) != len(self.members):
            self.members = []
            self.keys, self.actor_ids, self.articles = set(), set(), set()
            for m in kept:
                self.members.append(m)
                self._absorb(m)
            self.touched = True

    @property
    def id(self) -> str:
        return min(m["id"] for m in self.members)

    @property
    def rep(self) -> dict[str, Any]:
        """The member whose date is most precise (then most confident): it gives the merged fields."""
        return min(self.members, key=lambda m: (PRECISION_RANK.get(m["date_precision"] or "none", 6), -(m["confidence"] or 0), m["id"]))

    @property
    def place_member(self) -> dict[str, Any] | None:
        placed = [m for m in self.members if m.get("place")]
        if not placed:
            return None
        return min(placed, key=lambda m: (PLACE_RANK.get(m["place_precision"] or "country", 4), m["id"]))


def actor_codes(a: dict[str, Any]) -> str:
    """The codes an actor filter matches: country, organisation, country+sector, s:SECTOR, id."""
    c, o, s = a.get("country"), a.get("org"), a.get("sector")
    parts = [c, o, (c + s) if c and s else None, ("s:" + s) if s else None, a.get("actor_id") or a.get("id")]
    return "|".join(p for p in parts if p)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(m: dict[str, Any], other: dict[str, Any] | None) -> bool:
    if other is None or not m.get("place"):
        return True
    if m.get("place_country") and other.get("place_country") and m["place_country"] != other["place_country"]:
        return False
    fine = {"city", "place"}
    if m.get("place_precision") in fine and other.get("place_precision") in fine:
        if (m["place"] or "").casefold() == (other["place"] or "").casefold():
            return True
        if None not in (m.get("lat"), m.get("lon"), other.get("lat"), other.get("lon")):
            return _km((m["lat"], m["lon"]), (other["lat"], other["lon"])) <= CITY_KM
        return False
    return True


def dates_gap(m: dict[str, Any], rep: dict[str, Any]) -> int | None:
    """Days between the two date intervals (0 when they overlap); None when either is unknown."""
    if m.get("date_lo") is None or rep.get("date_lo") is None:
        return None
    if m["date_lo"] > rep["date_hi"]:
        return (m["date_lo"] - rep["date_hi"]).days
    if rep["date_lo"] > m["date_hi"]:
        return (rep["date_lo"] - m["date_hi"]).days
    return 0


def overlap(m: dict[str, Any], c: Cluster) -> tuple[int, int]:
    """(participants of ``m`` found in the cluster, how many are needed)."""
    mk = member_keys(m)
    matched = sum(1 for ks in mk if ks & c.keys)
    return matched, min(2, len(mk), len(c.actor_ids))


class Merger:
    """Assigns article events to clusters; keeps an index (type, key) → clusters for speed."""

    def __init__(self, clusters: Iterable[Cluster] = ()):
        self.clusters: list[Cluster] = []
        self._known: set[int] = set()
        self._index: dict[tuple[str, str, Any], dict[int, Cluster]] = {}  # (type, key, day or "wide")
        self._all: dict[tuple[str, str], dict[int, Cluster]] = {}
        for c in clusters:
            self._register(c)

    def _register(self, c: Cluster) -> None:
        if id(c) not in self._known:
            self._known.add(id(c))
            self.clusters.append(c)
        if not c.members:
            return
        rep = c.rep
        if rep["date_lo"] is None:
            return  # undated: only the near-duplicate path can join it
        t = rep["type"]
        span = (rep["date_hi"] - rep["date_lo"]).days
        buckets: list[Any] = ["wide"] if span > WIDE_DAYS else [rep["date_lo"].toordinal() + i for i in range(span + 1)]
        for k in c.keys:
            self._all.setdefault((t, k), {})[id(c)] = c
            for b in buckets:
                self._index.setdefault((t, k, b), {})[id(c)] = c

    def _candidates(self, m: dict[str, Any]) -> Iterable[Cluster]:
        """Clusters of m's type sharing a participant key whose date can be m's (one day of slack)."""
        if m["date_lo"] is None:
            return []
        span = (m["date_hi"] - m["date_lo"]).days
        found: dict[int, Cluster] = {}
        for ks in member_keys(m):
            for k in ks:
                if span > WIDE_DAYS:
                    found.update(self._all.get((m["type"], k), {}))
                    continue
                lo = m["date_lo"].toordinal()
                for b in [*range(lo - 1, lo + span + 2), "wide"]:
                    found.update(self._index.get((m["type"], k, b), {}))
        return sorted(found.values(), key=lambda c: c.id)

    def _same_kind(self, m: dict[str, Any], c: Cluster) -> bool:
        r = c.members[0]
        return (r["type"] == m["type"] and bool(r["negated"]) == bool(m["negated"])
                and bool(r["hypothetical"]) == bool(m["hypothetical"]) and bool(r["future"]) == bool(m["future"])
                and m["article_id"] not in c.articles)

    def add(self, m: dict[str, Any], copies: Iterable[str] = ()) -> Cluster:
        """Put member ``m`` in the best compatible cluster (or a new one) and return it.

        ``copies``: ids of earlier articles this article nearly duplicates; their events are
        matched first, without needing dates.
        """
        copies = set(copies)
        best: tuple[tuple, Cluster] | None = None
        if copies:
            for c in self.clusters:
                if not c.members or not (c.articles & copies) or not self._same_kind(m, c):
                    continue
                matched, need = overlap(m, c)
                if matched < need or (need == 0 and (member_keys(m) or c.actor_ids)):
                    continue
                score = (1, matched, 0, c.id)
                if best is None or score[:3] > best[0][:3] or (score[:3] == best[0][:3] and c.id < best[1].id):
                    best = (score, c)
        if best is None:
            for c in self._candidates(m):
                if not c.members or not self._same_kind(m, c):
                    continue
                matched, need = overlap(m, c)
                if need == 0 or matched < need:
                    continue
                gap = dates_gap(m, c.rep)
                if gap is None or gap > 1:
                    continue
                if not places_compatible(m, c.place_member):
                    continue
                score = (0, matched, -gap, c.id)
                if best is None or score[:3] > best[0][:3] or (score[:3] == best[0][:3] and c.id < best[1].id):
                    best = (score, c)
        if best is not None:
            c = best[1]
            c.add(m)
        else:
            c = Cluster([m], touched=True)
        self._register(c)
        return c


def merged_rows(c: Cluster, now: datetime) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """The ``events`` row, the ``event_actors`` rows and the ``event_keys`` rows of a cluster."""
    rep = c.rep
    pm = c.place_member or {}
    eid = c.id
    ordered = [rep] + sorted((m for m in c.members if m is not rep), key=lambda m: m["id"])
    actors: list[dict[str, Any]] = []
    seen: set[str] = set()
    names: set[tuple[str | None, str]] = set()  # (country, name key): "Kamau" is "Daniel Kamau" of one country
    counts = {"source": 0, "target": 0}
    for m in ordered:
        for a, ks in zip(parts(m), member_keys(m)):
            nks = {(a.get("country"), k) for k in ks if k.startswith("n:")}
            if a["id"] in seen or (nks & names):
                continue
            seen.add(a["id"])
            names |= nks
            role = a["role"]
            actors.append({"event_id": eid, "role": role, "ord": counts[role], "actor_id": a["id"], "name": a["name"],
                           "country": a.get("country"), "org": a.get("org"), "sector": a.get("sector"),
                           "name_lc": (a["name"] or "").lower()})
            counts[role] += 1
    url = rep.get("url") or next((m["url"] for m in ordered if m.get("url")), None)
    row = {
        "id": eid, "type": rep["type"], "mode": rep["mode"], "contexts": list(rep["contexts"] or []),
        "quad_class": rep["quad_class"], "cameo": rep["cameo"], "score": rep["score"], "date": rep["date"],
        "date_precision": rep["date_precision"], "date_text": rep["date_text"], "reciprocal": any(bool(m["reciprocal"]) for m in c.members),
        "negated": bool(rep["negated"]), "hypothetical": bool(rep["hypothetical"]), "future": bool(rep["future"]),
        "historical": bool(rep["historical"]), "confidence": max(m["confidence"] or 0 for m in c.members), "rule": rep["rule"],
        "place": pm.get("place"), "place_country": pm.get("place_country"), "lat": pm.get("lat"), "lon": pm.get("lon"),
        "place_precision": pm.get("place_precision"),
        "num_mentions": sum(int(m["n_evidence"] or 1) for m in c.members),
        "num_sources": len({m["source_group"] for m in c.members}), "num_articles": len(c.articles),
        "evidence_text": rep["evidence_text"], "article_id": rep["article_id"], "source_url": url,
        "date_lo": rep["date_lo"], "date_hi": rep["date_hi"], "updated_at": now,
    }
    # denormalised for pages of events (schema 5): the event_actors rows and the members' articles
    for role, col in (("source", "sources"), ("target", "targets")):
        row[col] = [{"id": a["actor_id"], "name": a["name"], "country": a["country"], "org": a["org"],
                     "sector": a["sector"]} for a in actors if a["role"] == role]
    row["article_ids"] = sorted({m["article_id"] for m in c.members if m.get("article_id")})
    keys = []
    if rep["date_lo"] is not None:
        keys = [{"event_id": eid, "type": rep["type"], "key": k, "date_lo": rep["date_lo"], "date_hi": rep["date_hi"]}
                for k in sorted(c.keys)]
    return row, actors, keys
