"""Summaries of event rows: events per day, who deals with whom, events per place.

Pure functions over the rows ``Store.query_events`` and ``Store.timeline`` return; the store's
``timeline_days``, ``network`` and ``places`` run them, for the CLI and the API alike.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any


def days(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``[{date, quad_class, count}]`` → one row per day: ``[{date, q1, q2, q3, q4, total}]`` (in the rows' order)."""
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        d = out.setdefault(r["date"], {"date": r["date"], "q1": 0, "q2": 0, "q3": 0, "q4": 0, "total": 0})
        q = r.get("quad_class")
        if q in (1, 2, 3, 4):
            d[f"q{q}"] += r["count"]
        d["total"] += r["count"]
    return list(out.values())


def dyads(rows: list[dict[str, Any]], max_nodes: int = 40, max_edges: int = 200) -> dict[str, Any]:
    """Actors and source→target pairs of the given events, counted as cooperation (quad 1–2) or conflict (3–4)."""
    names: dict[str, dict[str, Any]] = {}
    n_events: Counter[str] = Counter()
    pairs: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: {"count": 0, "coop": 0, "conflict": 0})
    for r in rows:
        srcs = [a for a in r.get("sources") or [] if a.get("id")]
        tgts = [a for a in r.get("targets") or [] if a.get("id")]
        for a in srcs + tgts:
            names.setdefault(a["id"], {"id": a["id"], "name": a.get("name") or a["id"], "country": a.get("country"),
                                       "sector": a.get("sector")})
        for aid in {a["id"] for a in srcs + tgts}:
            n_events[aid] += 1
        q = r.get("quad_class")
        for s in srcs:
            for t in tgts:
                if s["id"] == t["id"]:
                    continue
                key = (s["id"], t["id"]) if s["id"] < t["id"] else (t["id"], s["id"])
                p = pairs[key]
                p["count"] += 1
                if q in (1, 2):
                    p["coop"] += 1
                elif q in (3, 4):
                    p["conflict"] += 1
    linked: Counter[str] = Counter()
    for (a, b), p in pairs.items():
        linked[a] += p["count"]
        linked[b] += p["count"]
    keep = [aid for aid, _ in sorted(linked.items(), key=lambda kv: (-n_events[kv[0]], -kv[1], kv[0]))[:max_nodes]]
    kept = set(keep)
    edges: list[dict[str, Any]] = [{"source": a, "target": b, **p} for (a, b), p in pairs.items() if a in kept and b in kept]
    edges.sort(key=lambda e: (-e["count"], e["source"], e["target"]))
    return {"nodes": [{**names[a], "events": n_events[a]} for a in keep], "edges": edges[:max_edges]}


def places(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Located events grouped by place (name, country, coordinates), with counts per quad class."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in rows:
        lat, lon = r.get("lat"), r.get("lon")
        if lat is None or lon is None:
            continue
        key = (r.get("place"), r.get("place_country"), round(lat, 3), round(lon, 3))
        g = groups.setdefault(key, {"name": r.get("place") or f"{lat:.2f}, {lon:.2f}",
                                    "country": r.get("place_country"), "lat": lat, "lon": lon,
                                    "precision": r.get("place_precision"), "events": 0,
                                    "quads": {"1": 0, "2": 0, "3": 0, "4": 0}})
        g["events"] += 1
        q = r.get("quad_class")
        if q in (1, 2, 3, 4):
            g["quads"][str(q)] += 1
    return sorted(groups.values(), key=lambda g: (-g["events"], g["name"]))
