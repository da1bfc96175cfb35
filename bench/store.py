"""Store benchmark: ingest rows/s, and a query filtered by actor and date range on 1,000,000 events.

    python -m bench.store                  # 1,000,000 events
    python -m bench.store --events 100000  # a quick look

The first 20,000 events go through ``Store.ingest`` (the path ``dragoman ingest`` takes: dedup
signatures, merging, Arrow bulk loads, one transaction per batch) from generated coded articles:
that is the ingest rate printed.  The rest, up to 1,000,000, are generated in SQL with the same
table shapes (coding a million articles in Python would take many minutes).  The query is timed as ``Store.query_events`` sees it (count + first
page with participants), warm, median of several runs.  Printed, never asserted in tests.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dragoman.ids import event_id
from dragoman.model import Actor, Article, Aux, Event, Evidence, Location, Mention, ReferenceDate

COUNTRIES = ["USA", "CHN", "RUS", "IND", "PAK", "AFG", "IRN", "TUR", "DEU", "FRA", "GBR", "BRA", "NGA", "KEN", "EGY",
             "ISR", "UKR", "JPN", "KOR", "IDN", "MEX", "COL", "ZAF", "ETH", "SAU", "QAT", "SYR", "IRQ", "YEM", "SDN"]
SECTORS = ["GOV", "MIL", "REB", "COP", "LEG", "JUD", "PTY", "BUS", "CVL", "MED"]
TYPES = [("CONSULT", "040", 1, 1.0), ("AGREE", "057", 1, 4.0), ("SUPPORT", "051", 1, 3.4), ("COOPERATE", "061", 2, 6.4),
         ("AID", "070", 2, 7.0), ("REQUEST", "020", 1, 3.0), ("ACCUSE", "112", 3, -2.0), ("REJECT", "120", 3, -4.0),
         ("THREATEN", "138", 3, -7.0), ("PROTEST", "140", 3, -6.5), ("SANCTION", "163", 4, -8.0),
         ("MOBILIZE", "150", 4, -7.2), ("COERCE", "170", 4, -7.0), ("ASSAULT", "190", 4, -10.0)]
CITIES = [("Doha", "QAT", 25.29, 51.53), ("Geneva", "CHE", 46.2, 6.15), ("Kabul", "AFG", 34.53, 69.17),
          ("Nairobi", "KEN", -1.29, 36.82), ("Cairo", "EGY", 30.04, 31.24), ("Kyiv", "UKR", 50.45, 30.52)]
SYLL = ["ka", "ra", "mi", "to", "le", "na", "so", "vi", "da", "ru", "pe", "lo", "an", "is", "or", "el"]


def _name(rng: random.Random) -> str:
    return " ".join("".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).title() for _ in range(2))


def articles(n_articles: int, per_article: int, seed: int = 1, n_actors: int = 5000, days: int = 1095) -> Iterator[Article]:
    """Generated coded articles: ``per_article`` events each among ``n_actors`` people over ``days`` days."""
    rng = random.Random(seed)
    people = [(_name(rng), rng.choice(COUNTRIES), rng.choice(SECTORS)) for _ in range(n_actors)]
    import datetime as dt

    base = dt.date(2022, 1, 1)
    for i in range(n_articles):
        aid = f"bench-{i:07d}"
        sents, actors, events = [], {}, []
        pos = 0
        day = base + dt.timedelta(days=rng.randrange(days))
        for k in range(per_article):
            a, b = rng.sample(range(n_actors), 2)
            t, cameo, quad, score = rng.choice(TYPES)
            pa, pb = people[a], people[b]
            s = f"{pa[0]} and {pb[0]} were reported in event {k} ({t.lower()}) near item {rng.randrange(10**6)}."
            ids = []
            for p, who in ((pa, a), (pb, b)):
                lid = f"a{who}"
                if lid not in actors:
                    start = pos + s.index(p[0])
                    actors[lid] = Actor(lid, p[0], p[1], None, p[2], kind="person", mentions=(Mention(start, start + len(p[0]), p[0]),))
                ids.append(lid)
            trig = pos + s.index("reported")
            city = rng.choice(CITIES)
            d = day - dt.timedelta(days=rng.randrange(3))
            events.append(Event(
                id=event_id(aid, t, trig, trig + 8), type=t, cameo=cameo, quad_class=quad, score=score,
                sources=(ids[0],), targets=(ids[1],), date=d.isoformat(), date_precision="day",
                location=Location(city[0], city[1], city[2], city[3], "city"), aux=Aux(),
                evidence=(Evidence(pos, pos + len(s), (trig, trig + 8)),), confidence=0.7, rule="bench"))
            sents.append(s)
            pos += len(s) + 1
        yield Article(id=aid, text=" ".join(sents), url=f"https://bench.example/{i}", published=day.isoformat(),
                      reference_date=ReferenceDate(day.isoformat(), "metadata", True), actors=tuple(actors.values()),
                      events=tuple(events))


def bulk_events(store: Any, n: int, seed: int = 2, n_actors: int = 5000, days: int = 1095) -> float:
    """Add ``n`` generated merged events (with actors, members and mentions) in SQL, in seconds.

    The rows have the shape ``Store.ingest`` writes; generating them in DuckDB instead of coding
    a million articles in Python keeps ``make bench`` to a few minutes.
    """
    import pyarrow as pa

    rng = random.Random(seed)
    people = [(f"act-bulk{k:06d}", _name(rng), rng.choice(COUNTRIES), rng.choice(SECTORS)) for k in range(n_actors)]
    con = store.con
    con.register("_people", pa.table({"k": list(range(n_actors)), "actor_id": [p[0] for p in people],
                                      "name": [p[1] for p in people], "country": [p[2] for p in people],
                                      "sector": [p[3] for p in people]}))
    con.register("_types", pa.table({"k": list(range(len(TYPES))), "type": [t[0] for t in TYPES],
                                     "cameo": [t[1] for t in TYPES], "quad": [t[2] for t in TYPES],
                                     "score": [t[3] for t in TYPES]}))
    con.register("_cities", pa.table({"k": list(range(len(CITIES))), "name": [c[0] for c in CITIES],
                                      "country": [c[1] for c in CITIES], "lat": [c[2] for c in CITIES],
                                      "lon": [c[3] for c in CITIES]}))
    t0 = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    con.execute(f"""CREATE TEMP TABLE _g AS SELECT i, 'ev-bulk' || lpad(i::VARCHAR, 10, '0') AS id,
        'art-bulk' || lpad((i // 10)::VARCHAR, 9, '0') AS article_id,
        (hash(i, 1) % {len(TYPES)})::INT AS t, (hash(i, 2) % {len(CITIES)})::INT AS c,
        DATE '2022-01-01' + (hash(i, 3) % {days})::INT AS d,
        (hash(i, 4) % {n_actors})::INT AS a, ((hash(i, 4) % {n_actors}) + 1 + hash(i, 5) % {n_actors - 1})::INT % {n_actors} AS b,
        1 + (hash(i, 6) % 3)::INT AS nm
        FROM range({n}) r(i)""")
    ek0 = int(con.execute("SELECT coalesce(max(ek), 0) FROM events").fetchall()[0][0])
    con.execute(f"""INSERT INTO events BY NAME SELECT g.id, t.type AS type, NULL AS mode, []::VARCHAR[] AS contexts,
        t.quad AS quad_class, t.cameo, t.score, g.d AS date, 'day' AS date_precision, NULL AS date_text,
        false AS reciprocal, false AS negated, false AS hypothetical, false AS future, false AS historical,
        0.7 AS confidence, 'bench' AS rule, c.name AS place, c.country AS place_country, c.lat, c.lon,
        'city' AS place_precision, g.nm AS num_mentions, g.nm AS num_sources, g.nm AS num_articles,
        pa.name || ' and ' || pb.name || ' were reported in a ' || lower(t.type) || ' event.' AS evidence_text,
        g.article_id, 'https://bench.example/' || g.article_id AS source_url, g.d AS date_lo, g.d AS date_hi,
        now()::TIMESTAMP AS updated_at,
        [{{'id': pa.actor_id, 'name': pa.name, 'country': pa.country, 'org': NULL, 'sector': pa.sector}}] AS sources,
        [{{'id': pb.actor_id, 'name': pb.name, 'country': pb.country, 'org': NULL, 'sector': pb.sector}}] AS targets,
        [g.article_id] AS article_ids, {ek0} + 1 + g.i AS ek
        FROM _g g JOIN _types t ON t.k = g.t JOIN _cities c ON c.k = g.c JOIN _people pa ON pa.k = g.a JOIN _people pb ON pb.k = g.b""")
    con.execute(f"""INSERT INTO event_actors BY NAME
        SELECT g.id AS event_id, 'source' AS role, 0 AS ord, p.actor_id, p.name, p.country, NULL AS org, p.sector,
               lower(p.name) AS name_lc, {ek0} + 1 + g.i AS ek FROM _g g JOIN _people p ON p.k = g.a
        UNION ALL
        SELECT g.id, 'target', 0, p.actor_id, p.name, p.country, NULL, p.sector, lower(p.name), {ek0} + 1 + g.i
        FROM _g g JOIN _people p ON p.k = g.b""")
    con.execute("""INSERT INTO article_events (id, article_id, event_id, local_id, type, quad_class, cameo, score, date,
        date_precision, negated, hypothetical, future, historical, n_evidence, evidence_text, date_lo, date_hi, seq)
        SELECT g.id, g.article_id, g.id, 'e' || g.i, t.type, t.quad, t.cameo, t.score, g.d, 'day', false, false, false,
        false, 1, 'generated', g.d, g.d, 0 FROM _g g JOIN _types t ON t.k = g.t""")
    con.execute("""INSERT INTO mentions SELECT g.id, g.article_id, 0, 0, 40, 20, 28, pa.name || ' and ' || pb.name ||
        ' were reported in a ' || lower(t.type) || ' event.' FROM _g g JOIN _types t ON t.k = g.t
        JOIN _people pa ON pa.k = g.a JOIN _people pb ON pb.k = g.b""")
    con.execute("DROP TABLE _g")
    con.execute("COMMIT")
    for name in ("_people", "_types", "_cities"):
        con.unregister(name)
    return time.perf_counter() - t0


def main(events: int = 1_000_000, per_article: int = 20, db: str | None = None, ingest_events: int = 20_000) -> dict[str, Any]:
    """Ingest ``ingest_events`` through ``Store.ingest`` (the measured rate), add the rest in bulk, query."""
    from dragoman.store import EventQuery, Store

    ingest_events = min(events, ingest_events)
    n_articles = max(1, ingest_events // per_article)
    tmp = tempfile.TemporaryDirectory(prefix="dragoman-bench-store-")
    path = Path(db) if db else Path(tmp.name) / "bench.duckdb"
    try:
        with Store.open(path) as store:
            tables = ("articles", "article_actors", "article_events", "mentions", "events", "event_actors", "signatures")
            t0 = time.perf_counter()
            counts = store.ingest(articles(n_articles, per_article), batch_size=500)
            ingest_s = time.perf_counter() - t0
            rows = store.counts()
            total_rows = sum(rows[t] for t in tables) + store.con.execute("SELECT count(*) FROM event_keys").fetchall()[0][0]
            rest = events - rows["events"]
            bulk_s = bulk_events(store, rest) if rest > 0 else 0.0
            rows = store.counts()
            actor = store.top_actors(limit=200)[100]["name"]
            q = EventQuery(actor=actor, since="2023-03-01", until="2023-05-30")
            times, total = [], 0
            for _ in range(7):
                t1 = time.perf_counter()
                _page, total = store.query_events(q, limit=100)
                times.append(time.perf_counter() - t1)
            code_q = EventQuery(actor="PAKGOV", since="2023-03-01", until="2023-05-30")
            t2 = time.perf_counter()
            _, code_total = store.query_events(code_q, limit=100)
            code_ms = (time.perf_counter() - t2) * 1000
        size_mb = path.stat().st_size / 1e6
    finally:
        tmp.cleanup()
    result = {
        "store_events": rows["events"],
        "store_ingested_article_events": counts["events"],
        "store_ingested_articles": counts["articles"],
        "store_ingest_seconds": round(ingest_s, 1),
        "store_ingest_rows_per_s": round(total_rows / ingest_s),
        "store_ingest_article_events_per_s": round(counts["events"] / ingest_s),
        "store_bulk_seconds": round(bulk_s, 1),
        "store_query_actor_daterange_ms": round(statistics.median(times) * 1000, 1),
        "store_query_actor_daterange_first_ms": round(times[0] * 1000, 1),
        "store_query_matches": total,
        "store_query_code_daterange_ms": round(code_ms, 1),
        "store_query_code_matches": code_total,
        "store_file_mb": round(size_mb, 1),
    }
    print(f"store: ingest through Store.ingest: {counts['articles']:,} articles, {counts['events']:,} events, "
          f"{result['store_ingest_rows_per_s']:,} rows/s ({result['store_ingest_article_events_per_s']:,} events/s); "
          f"store grown to {result['store_events']:,} events in {result['store_bulk_seconds']} s (bulk SQL); "
          f"query by actor '{actor}' + 90 days: {result['store_query_actor_daterange_ms']} ms median "
          f"(first {result['store_query_actor_daterange_first_ms']} ms, {total} matches; goal < 200 ms); "
          f"by code PAKGOV + 90 days: {result['store_query_code_daterange_ms']} ms ({code_total} matches)")
    return result


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--per-article", type=int, default=20)
    ap.add_argument("--ingest-events", type=int, default=20_000, help="events coded through Store.ingest (the rest in bulk)")
    ap.add_argument("--db", help="keep the store in this file instead of a temporary one")
    a = ap.parse_args()
    main(a.events, a.per_article, a.db, a.ingest_events)
