"""API load test: 20 concurrent clients for 30 s against GET /api/events on a 1,000,000-event store.

    python -m bench.api                          # 1,000,000 events, 20 clients, 30 s
    python -m bench.api --events 100000 --seconds 10

The store is built once and kept in ``bench/out/api-<N>.duckdb`` (rebuilt when missing).  It is
bulk-loaded from generated coded articles (``bench.store.articles``) through the store's own row
builders and Arrow loader, one merged event per article event: the ingest path with dedup and
merging is what ``bench/store.py`` measures; here only the served store matters.

The server is the real command, ``dragoman serve``, in its own process on 127.0.0.1 and a free
port; the clients are a small asyncio HTTP/1.1 keep-alive loop (cheap, so on two cores the server
gets most of the CPU).  Requests rotate through 30,000 generated requests (``--urls``; enough that
the clients do not come round to the start within the run): first pages, pages up to 200 deep, and
filters by actor, type, quad class and date range.  Their parameters repeat as a dashboard's do
(two first pages, 200 actors, six types, 200 page depths), so many requests are asked again.  Answers the server gives from its
response cache (``X-Cache: hit``: the same URL asked again since the last write) are counted apart,
so the uncached latency is reported too; so are answers that waited for the same request already
being read (``X-Cache: shared``: the clients walk the list at staggered offsets, so a URL is often
asked by a second client while the first one's read runs).  Traffic goes to loopback only; the run
stops by itself.
Printed, never asserted in tests.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


# -- the store ------------------------------------------------------------------------------------


def build_store(path: Path, events: int, per_article: int = 20, chunk_articles: int = 2500) -> dict[str, Any]:
    """Bulk-load ``events`` generated events into a new store at ``path``; return counts and seconds."""
    from bench.store import articles
    from dragoman.store import Store
    from dragoman.store.merge import Cluster, merged_rows
    from dragoman.store.records import article_rows

    if path.exists():
        path.unlink()
    n_articles = max(1, events // per_article)
    now = datetime.now(UTC).replace(tzinfo=None)
    t0 = time.perf_counter()
    seq = 0
    with Store.open(path) as store:
        batch: dict[str, list[dict[str, Any]]] = defaultdict(list)

        def flush() -> None:
            store.con.execute("BEGIN TRANSACTION")
            for table in ("articles", "article_actors", "article_events", "mentions", "times", "quotes", "events",
                          "event_actors", "event_keys"):
                store._insert(table, batch.get(table, []))  # the store's own Arrow bulk loader
            store.con.execute("COMMIT")
            batch.clear()

        for art in articles(n_articles, per_article):
            seq += 1
            rows = article_rows(art, seq=seq, source_group=art.id, duplicate_of=None, now=now)
            for mem in rows["article_events"]:
                ev, acts, keys = merged_rows(Cluster([mem]), now)
                store.number_event(ev, acts)
                mem["event_id"] = ev["id"]
                batch["events"].append(ev)
                batch["event_actors"] += acts
                batch["event_keys"] += keys
            for table, lst in rows.items():
                batch[table] += lst
            if seq % chunk_articles == 0:
                flush()
        if batch:
            flush()
        # the generated articles come in random date order; a store fed by news arrives in date order
        # (or is optimised after loading an archive): pages cost ~1 ms a row when their rows are scattered
        store.optimize()
        counts = store.counts()
    return {"events": counts["events"], "articles": counts["articles"], "seconds": round(time.perf_counter() - t0, 1)}


def ensure_store(events: int) -> tuple[Path, dict[str, Any]]:
    path = OUT / f"api-{events}.duckdb"
    if path.exists() and not Path(str(path) + ".server.json").exists():
        from dragoman.store import Store

        try:
            with Store.open(path) as store:  # opened for writing: a store of an older schema is migrated
                n = store.counts()["events"]
            if n >= events:
                return path, {"events": n, "reused": True}
        except Exception:  # noqa: BLE001, S110 - a broken or old file is rebuilt
            pass
    OUT.mkdir(parents=True, exist_ok=True)
    info = build_store(path, events)
    print(f"  built {path.name}: {info['events']:,} events from {info['articles']:,} articles in {info['seconds']} s",
          flush=True)
    return path, info


# -- the server -----------------------------------------------------------------------------------


def start_server(db: Path) -> tuple[subprocess.Popen, str]:
    side = Path(str(db) + ".server.json")
    if side.exists():
        side.unlink()
    env = {k: v for k, v in os.environ.items() if k != "DRAGOMAN_API_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-c", "from dragoman.cli import main; main()", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", "0", "--log-level", "warning"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 120
    while not side.exists():
        if proc.poll() is not None:
            raise RuntimeError("dragoman serve exited: " + proc.stderr.read().decode()[-2000:])
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError("dragoman serve did not start in 120 s")
        time.sleep(0.1)
    return proc, json.loads(side.read_text())["url"]


def stop_server(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# -- the clients ----------------------------------------------------------------------------------


def request_mix(url: str, rng: random.Random, n: int = 30_000) -> list[tuple[str, str]]:
    """(kind, path?query) pairs: the pages and filters an analyst's dashboard asks for."""
    import urllib.request

    with urllib.request.urlopen(url + "/api/actors?limit=200", timeout=120) as r:
        actors = [a["name"] for a in json.loads(r.read())["actors"]]
    types = ["CONSULT", "AGREE", "ASSAULT", "ACCUSE", "AID", "THREATEN"]
    out = []
    for _ in range(n):
        kind = rng.choice(["first_page", "deep_page", "actor", "type", "quad_dates", "actor_dates"])
        p: dict[str, Any] = {"limit": 50}
        if kind == "first_page":
            p["sort"] = rng.choice(["date", "confidence"])
        elif kind == "deep_page":
            p["offset"] = rng.randrange(0, 10_000, 50)  # up to 200 pages deep
        elif kind == "actor":
            p["actor"] = rng.choice(actors)
        elif kind == "type":
            p["type"] = rng.choice(types)
        elif kind == "quad_dates":
            p["quad"] = rng.randint(1, 4)
            d = rng.randrange(0, 1000)
            p["since"] = (datetime(2022, 1, 1) + _days(d)).date().isoformat()
            p["until"] = (datetime(2022, 1, 1) + _days(d + 30)).date().isoformat()
        else:
            p["actor"] = rng.choice(actors)
            d = rng.randrange(0, 1000)
            p["since"] = (datetime(2022, 1, 1) + _days(d)).date().isoformat()
            p["until"] = (datetime(2022, 1, 1) + _days(d + 90)).date().isoformat()
        out.append((kind, "/api/events?" + urlencode(p)))
    return out


def _days(n: int):
    from datetime import timedelta

    return timedelta(days=n)


async def _client(host: str, port: int, mix: list[tuple[str, str]], offset: int, until: float,
                  lat: dict[str, list[float]], errors: list[str]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    i = offset
    try:
        while time.perf_counter() < until:
            kind, path = mix[i % len(mix)]
            i += 7
            t = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            cache = b"miss"
            for line in head.split(b"\r\n"):
                low = line.lower()
                if low.startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
                elif low.startswith(b"x-cache:"):
                    cache = low.split(b":", 1)[1].strip()
            await reader.readexactly(length)
            if status != 200:
                errors.append(f"{status} {path}")
                continue
            took = time.perf_counter() - t
            lat[kind].append(took)
            lat["_hit" if cache == b"hit" else "_shared" if cache == b"shared" else "_miss"].append(took)
    finally:
        writer.close()


async def _load(url: str, mix: list[tuple[str, str]], clients: int, seconds: float) -> tuple[dict[str, list[float]], list[str], float]:
    parts = urlsplit(url)
    lat: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    t0 = time.perf_counter()
    until = t0 + seconds
    await asyncio.gather(*(_client(parts.hostname, parts.port, mix, k, until, lat, errors) for k in range(clients)))
    return lat, errors, time.perf_counter() - t0


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] if xs else float("nan")


def main(events: int = 1_000_000, clients: int = 20, seconds: float = 30.0, seed: int = 7,
         urls: int = 30_000) -> dict[str, Any]:
    db, built = ensure_store(events)
    proc, url = start_server(db)
    try:
        mix = request_mix(url, random.Random(seed), urls)
        asyncio.run(_load(url, mix[:40], min(clients, 4), 2.0))  # warm-up: caches, thread pool
        lat, errors, wall = asyncio.run(_load(url, mix, clients, seconds))
    finally:
        stop_server(proc)
    misses, hits, shared = lat.pop("_miss", []), lat.pop("_hit", []), lat.pop("_shared", [])
    every = [x for xs in lat.values() for x in xs]
    n = len(every)
    result: dict[str, Any] = {
        "api_store_events": built.get("events"),
        "api_store_built_seconds": built.get("seconds", 0.0),
        "api_clients": clients,
        "api_seconds": round(wall, 1),
        "api_requests": n,
        "api_errors": len(errors),
        "api_requests_per_s": round(n / wall, 1) if wall else 0.0,
        "api_p50_ms": round(_pct(every, 50) * 1000, 1),
        "api_p90_ms": round(_pct(every, 90) * 1000, 1),
        "api_p99_ms": round(_pct(every, 99) * 1000, 1),
        "api_max_ms": round(max(every) * 1000, 1) if every else None,
        "api_cache_hits": len(hits),
        "api_shared": len(shared),
        "api_uncached_p99_ms": round(_pct(misses + shared, 99) * 1000, 1),
        "api_miss_p50_ms": round(_pct(misses, 50) * 1000, 1),
        "api_miss_p99_ms": round(_pct(misses, 99) * 1000, 1),
        "api_p50_ms_by_kind": {k: round(statistics.median(v) * 1000, 1) for k, v in sorted(lat.items())},
    }
    print(f"api: GET /api/events on {result['api_store_events']:,} events, {clients} clients for {wall:.0f} s: "
          f"{result['api_requests_per_s']} requests/s, p50 {result['api_p50_ms']} ms, p99 {result['api_p99_ms']} ms "
          f"(goal p99 < 300 ms), {len(errors)} errors; {len(hits):,} answered from the response cache, "
          f"{len(shared):,} shared a read in flight (p99 of both uncached kinds {result['api_uncached_p99_ms']} ms), "
          f"{len(misses):,} read the store: p50 {result['api_miss_p50_ms']} ms p99 {result['api_miss_p99_ms']} ms", flush=True)
    return result


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--urls", type=int, default=30_000,
                    help="distinct requests the clients cycle through (more: fewer repeats, fewer cache hits)")
    a = ap.parse_args()
    main(a.events, a.clients, a.seconds, urls=a.urls)
