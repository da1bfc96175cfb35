"""Watch soak: ``dragoman watch`` over 200 feeds x 50 items served locally, 30 minutes of polling on a fake clock.

    python -m bench.watch                       # 200 feeds x 50 items, 30 simulated minutes
    python -m bench.watch --feeds 40 --items 20 # a quick look
    python -m bench.watch --dedup-window 2000   # the near-duplicate index bounded to 2,000 articles
    python -m bench.watch --merge-chunk 0 --reconnect-articles 500   # as before 2 Dec 2026 13:30 (memory grows)
    python -m bench.watch --store-memory-mb 0   # DuckDB's default memory limit, as before 2 Dec 2026 16:30
    python -m bench.watch --recycle-articles 0 --merge-page 0   # one watcher process, no pages: as before 2 Dec 19:00
    python -m bench.watch --db soak.duckdb --probe soak.jsonl    # the store kept; where the memory is, each round

A separate process serves the feeds, their pages and a webhook receiver on 127.0.0.1.  Each feed
publishes its items one by one over the simulated half hour (item k of a feed at k/items of it,
shifted per feed) and lists its latest 20; it honours ``If-None-Match`` (a 304 when nothing is new).
The pages are short political news composed from the project's own templates (``bench/corpus.py``),
so the real pipeline codes them and some events merge.  The watcher runs as ``dragoman watch`` runs it, on a
``FakeClock`` (every wait it makes moves the clock, and the server reads the same clock through
shared memory): 30 minutes of polling at a 60-second interval run as fast as fetching, coding and
storing allow.  When it starts afresh (after ``watch.recycle_articles`` stored articles, or past its memory
limit), where ``dragoman watch`` re-executes itself, the benchmark starts the next watcher process, which
resumes from the store at the clock's time.  All feeds are on one host, so the polite delay between two requests to a host is
set to 0 (at 1 s it alone would take more simulated time than the half hour).

One rule (every CONSULT) posts each alert to the local webhook, signed, so delivery is exercised.

Printed, written to ``bench/results.json`` by ``make bench`` (``python -m bench``), never asserted in
tests: items ingested per second (wall time, coding included), polls and 304s, alerts fired and
delivered, and the resident memory (``VmRSS``, sampled after every poll) of the process tree that watches:
the watcher process and this one, which starts it (not the server's, which plays the web): the peak in the
first tenth of the simulated time against the peak in the last tenth (flat: within 5%); and the watcher
process's own, by tenth and by process, with each process's highest (``VmHWM``: within rounds too, where no
sample is taken).  ``--probe FILE`` appends, at each round's first sample and at its end, where the watcher
process's memory is (``bench/memprobe.py``: Python's arenas, glibc's heap, DuckDB's jemalloc and buffer manager).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import queue
import random
import socket
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

WINDOW = 20  # items a feed lists
START = 1_767_225_600.0  # the simulated start: 2026-01-01T00:00:00Z
SECRET = "bench-secret"


def _page(feed: int, item: int) -> str:
    """Item ``item`` of feed ``feed``: a short political news page (2-3 template sentences and a quote)."""
    from bench.corpus import BACKGROUND, COUNTRIES, EVENTS, QUOTES, _Composer

    rng = random.Random(feed * 100_003 + item)
    comp = _Composer(rng)
    home, other = rng.sample(COUNTRIES[:12], 2)  # few countries: events of several outlets merge
    day = date(2025, 12, 28 + rng.randint(0, 3))
    sents = [comp.sentence(EVENTS, home, other, day) for _ in range(rng.randint(2, 3))]
    sents.append(comp.sentence(QUOTES, home, other, day))
    sents.append(comp.sentence(BACKGROUND, home, other, day))
    title = sents[0].rstrip(".")
    body = "".join(f"<p>{s}</p>" for s in sents)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
            f"<meta property=\"article:published_time\" content=\"{day.isoformat()}T08:00:00Z\"></head><body>"
            f"<header>Outlet {feed}</header><article><h1>{title}</h1><p>{home[1].upper()} - </p>{body}</article>"
            f"<footer>Outlet {feed}</footer></body></html>")


def _published(feed: int, item: int, items: int, span: float) -> float:
    """When item ``item`` of feed ``feed`` appears: spread over ``span`` seconds, each feed shifted."""
    return START + (item + (feed % 7) / 7) * span / items


def _serve(port_out: Any, now: Any, feeds: int, items: int, span: float, hooks: Any) -> None:
    """The site and the webhook receiver (run in its own process)."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:  # headers and body are two writes: without this, Nagle's algorithm and
            super().setup()  # the client's delayed ACK hold each answer ~40 ms on a kept-alive connection
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            parts = self.path.strip("/").split("/")
            if self.path == "/robots.txt":
                return self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")
            if len(parts) == 2 and parts[1] == "feed.xml":
                f = int(parts[0][1:])
                t = now.value
                visible = [k for k in range(items) if _published(f, k, items, span) <= t][-WINDOW:]
                etag = '"' + hashlib.sha1(repr(visible).encode()).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", "application/rss+xml", {"ETag": etag})
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                entries = "".join(
                    f"<item><title>Report {k} of outlet {f}</title><link>{base}/f{f}/{k}.html</link>"
                    f"<pubDate>{format_datetime(datetime.fromtimestamp(_published(f, k, items, span), UTC))}"
                    f"</pubDate></item>" for k in reversed(visible))
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {f}</title>'
                        f"<link>{base}/</link><description>d</description>{entries}</channel></rss>").encode()
                return self._send(200, body, "application/rss+xml", {"ETag": etag})
            if len(parts) == 2 and parts[1].endswith(".html"):
                return self._send(200, _page(int(parts[0][1:]), int(parts[1][:-5])).encode(), "text/html; charset=utf-8")
            if self.path == "/hooks":
                return self._send(200, str(hooks.value).encode(), "text/plain")
            self._send(404, b"not found", "text/plain")

        def do_POST(self) -> None:
            import hmac

            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            want = "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
            ok = hmac.compare_digest(self.headers.get("X-Dragoman-Signature", ""), want)
            if ok:
                with hooks.get_lock():
                    hooks.value += 1
            self._send(200 if ok else 401, b"ok", "text/plain")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    port_out.value = httpd.server_address[1]
    httpd.serve_forever(poll_interval=0.1)


def _rss_mb(pid: int | str = "self", field: str = "VmRSS") -> float:
    """Resident memory (``VmRSS``; ``VmHWM``: its highest) of a process, in MB; 0 when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _probe(path: str, head: dict[str, Any], store: Any) -> None:
    """Append where this process's memory is (``bench.memprobe.sample``) to ``path``, a JSON line."""
    from bench.memprobe import sample

    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(head | sample(store)) + "\n")


def _shared_clock(now: Any) -> Any:
    """A fake clock starting at ``now`` (a shared value), telling the server (and the next watcher process)
    its time at every move."""
    from dragoman.watch import FakeClock

    class SharedClock(FakeClock):
        def sleep(self, seconds: float) -> None:
            super().sleep(seconds)
            now.value = self.now

    return SharedClock(now.value)


def _watcher_life(path: str, base: str, n_feeds: int, interval: float, until: float, seed: int, life: int, now: Any,
                  watch: Any, out: Any, probe: str | None = None) -> None:
    """One watcher process's life (``dragoman watch`` until it starts afresh, or until the simulated end): its RSS
    samples (its own plus its parent's, the benchmark's: the process tree that watches), polls and whether it
    ended to start afresh, put on ``out``."""
    from dataclasses import replace

    from dragoman.filters import EventQuery
    from dragoman.settings import Settings
    from dragoman.store import Store
    from dragoman.watch import Feed, Watcher
    from dragoman.watch.rules import Action, Rule

    os.environ["DRAGOMAN_BENCH_SECRET"] = SECRET
    feeds = [Feed(f"{base}/f{f}/feed.xml", f"outlet {f}", interval) for f in range(n_feeds)]
    rules = [Rule("consults", EventQuery(type="CONSULT"), actions=(Action("webhook", f"{base}/hook",
                                                                          "DRAGOMAN_BENCH_SECRET"),),
                  definition="consults")]
    settings = replace(Settings.load(allow_private=True, per_host_delay=0.0), watch=watch)
    clock = _shared_clock(now)
    parent = os.getppid()
    samples: list[tuple[float, float, float]] = []  # (simulated seconds since the start, watcher RSS, tree RSS)
    polls = {"ok": 0, "not_modified": 0, "failed": 0}

    probed = [False]  # this round's memory written to ``probe`` already
    stored = [0]  # articles this process stored

    def progress(line: str) -> None:
        if line.startswith(("polled:", "not modified:", "feed failed")):
            mine = _rss_mb()
            samples.append((clock.now - START, mine, mine + _rss_mb(parent)))
            if probe and not probed[0]:  # where the memory is when the round's first sample is taken
                probed[0] = True
                _probe(probe, {"life": life, "at": "sample", "t": round(clock.now - START, 1), "stored": stored[0]},
                       store)

    def on_round(report: Any) -> None:
        for p in report.polls:
            polls[p.status] += 1
        stored[0] += report.stored
        if probe:  # and at the round's end (after the store's connection was opened afresh)
            probed[0] = False
            _probe(probe, {"life": life, "at": "end", "t": round(clock.now - START, 1), "stored": stored[0]}, store)

    with Store.open(path) as store:
        w = Watcher(store, feeds, rules, settings, clock=clock, rng=random.Random(seed * 1000 + life),
                    progress=progress, out=lambda line: None, write_status=False)
        try:  # as `dragoman watch` runs it: started afresh past its memory limit or watch.recycle_articles
            again = w.run(threading.Event(), until=until, on_round=on_round, recycle=True,
                          recycle_articles=watch.recycle_articles)
        finally:
            w.close()
        memory_end = store.memory_mb
    out.put({"samples": samples, "polls": polls, "again": again, "store_memory_mb": memory_end, "hwm": _rss_mb("self", "VmHWM")})


def soak(n_feeds: int = 200, n_items: int = 50, minutes: float = 30.0, interval: float = 60.0, seed: int = 16,
         db: str | None = None, dedup_window: int = 20_000, merge_chunk: int | None = None,
         reconnect_articles: int | None = None, store_memory_mb: float | None = None,
         merge_page: int | None = None, recycle_articles: int | None = None, probe: str | None = None) -> dict[str, Any]:
    """Run the soak; its figures."""
    from dataclasses import replace

    from dragoman.settings import WatchSettings  # light: the store and the pipeline are imported by the watcher process

    span = minutes * 60
    ctx = multiprocessing.get_context("spawn")
    now, port, hooks = ctx.Value("d", START), ctx.Value("i", 0), ctx.Value("i", 0)
    server = ctx.Process(target=_serve, args=(port, now, n_feeds, n_items, span, hooks), daemon=True)
    server.start()
    while port.value == 0:
        time.sleep(0.05)

    base = f"http://127.0.0.1:{port.value}"
    watch = WatchSettings(interval=interval, min_interval=1.0, dedup_window=dedup_window)
    given: dict[str, Any] = {"merge_chunk": merge_chunk, "merge_page": merge_page, "recycle_articles": recycle_articles,
                             "reconnect_articles": reconnect_articles, "store_memory_mb": store_memory_mb}
    watch = replace(watch, **{k: v for k, v in given.items() if v is not None})
    samples: list[tuple[float, float, float]] = []
    polls = {"ok": 0, "not_modified": 0, "failed": 0}
    lives = 0
    per_life: list[tuple[float, float]] = []
    hwm: list[float] = []  # each watcher process's highest resident memory (``VmHWM``: within rounds too)
    limits: list[float | None] = []  # DuckDB's memory limit at each watcher process's end (raised when outgrown)
    memory_end = None

    tmp = tempfile.TemporaryDirectory()
    path = db or str(Path(tmp.name) / "soak.duckdb")
    t0 = time.perf_counter()
    try:
        again = True
        while again:  # each life a process of its own, as `dragoman watch` re-executes itself
            out = ctx.Queue()
            proc = ctx.Process(target=_watcher_life, args=(path, base, n_feeds, interval, START + span, seed, lives, now,
                                                          watch, out, probe))
            proc.start()
            life = None
            while life is None:
                try:
                    life = out.get(timeout=5)
                except queue.Empty:
                    if not proc.is_alive():
                        raise RuntimeError(f"the watcher process failed (exit code {proc.exitcode})") from None
            proc.join()
            lives += 1
            samples += life["samples"]
            if life["samples"]:  # each process's first and highest sample of its own RSS
                per_life.append((round(life["samples"][0][1], 1), round(max(x[1] for x in life["samples"]), 1)))
            hwm.append(round(life["hwm"], 1))
            for k, v in life["polls"].items():
                polls[k] += v
            again, memory_end = life["again"], life["store_memory_mb"]
            limits.append(memory_end)
        wall = time.perf_counter() - t0
        from dragoman.store import Store
        from dragoman.store.watch import WatchState

        with Store.open(path, read_only=True) as store:
            state = WatchState(store)
            counts = store.counts()
            items = state.count_items()
            deliveries = state.delivery_counts()
            alerts = state.count_alerts()
    finally:
        time.sleep(0.5)
        received = hooks.value
        server.terminate()
        server.join(5)
        tmp.cleanup()
    tenth = span / 10

    def peaks(col: int) -> tuple[list[float], float, float]:
        by_tenth = [max((s[col] for s in samples if k * tenth <= s[0] < (k + 1) * tenth), default=0.0) for k in range(10)]
        return by_tenth, by_tenth[0], max((s[col] for s in samples if s[0] >= span - tenth), default=0.0)

    by_tenth, p1, p10 = peaks(2)
    own, o1, o10 = peaks(1)
    res = {
        "feeds": n_feeds, "items_per_feed": n_items, "simulated_minutes": minutes, "interval_s": interval,
        "dedup_window": dedup_window, "merge_chunk": watch.merge_chunk, "merge_page": watch.merge_page,
        "reconnect_articles": watch.reconnect_articles, "recycle_articles": watch.recycle_articles,
        "watcher_processes": lives, "watcher_rss_mb_first_and_peak_by_process": per_life,
        "watcher_rss_mb_highest_by_process": hwm,
        "store_memory_mb": watch.store_memory_mb, "store_memory_mb_at_end": memory_end,
        "store_memory_mb_at_end_by_process": limits,
        "wall_seconds": round(wall, 1),
        "articles_stored": counts["articles"], "events": counts["events"], "failures": counts["failures"],
        "items": items, "polls": polls,
        "items_per_s": round(counts["articles"] / wall, 2) if wall else None,
        "alerts": alerts, "deliveries": deliveries, "webhook_received_valid": received,
        # the process tree that watches: the watcher process and the benchmark's, which started it
        "rss_mb_first_tenth_peak": round(p1, 1), "rss_mb_last_tenth_peak": round(p10, 1),
        "rss_change_pct": round(100 * (p10 - p1) / p1, 2) if p1 else None,
        "rss_samples": len(samples), "rss_mb_peak_by_tenth": [round(m, 1) for m in by_tenth],
        "watcher_rss_mb_peak_by_tenth": [round(m, 1) for m in own],
        "watcher_rss_change_pct": round(100 * (o10 - o1) / o1, 2) if o1 else None,
    }
    res["rss_flat_within_5pct"] = res["rss_change_pct"] is not None and abs(res["rss_change_pct"]) <= 5
    return res


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description="dragoman watch soak (fake clock, local feeds)")
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--minutes", type=float, default=30.0, help="simulated minutes of polling")
    ap.add_argument("--interval", type=float, default=60.0, help="seconds between two polls of a feed")
    ap.add_argument("--db", default=None, help="the store to watch into (kept; default: a temporary one)")
    ap.add_argument("--dedup-window", type=int, default=20_000,
                    help="articles the near-duplicate index keeps in memory (watch.dedup_window)")
    ap.add_argument("--merge-chunk", type=int, default=None,
                    help="new events merged per load of the stored events they may join (watch.merge_chunk; 0: a round's at once)")
    ap.add_argument("--merge-page", type=int, default=None,
                    help="stored events held at once to compare a new event with (watch.merge_page; 0: all a chunk may join)")
    ap.add_argument("--recycle-articles", type=int, default=None,
                    help="articles a watcher process stores before it starts afresh (watch.recycle_articles; 0: never)")
    ap.add_argument("--reconnect-articles", type=int, default=None,
                    help="articles stored between two openings of the store's connection (watch.reconnect_articles)")
    ap.add_argument("--store-memory-mb", type=float, default=None,
                    help="DuckDB's memory limit for the watcher's store connection (watch.store_memory_mb; 0: DuckDB's default)")
    ap.add_argument("--probe", default=None,
                    help="append where each watcher process's memory is after every round to this file (JSON lines: "
                         "bench/memprobe.py)")
    a = ap.parse_args(argv if argv is not None else [])
    res = soak(a.feeds, a.items, a.minutes, a.interval, db=a.db, dedup_window=a.dedup_window, merge_chunk=a.merge_chunk,
               reconnect_articles=a.reconnect_articles, store_memory_mb=a.store_memory_mb,
               merge_page=a.merge_page, recycle_articles=a.recycle_articles, probe=a.probe)
    print(f"  {res['feeds']} feeds x {res['items_per_feed']} items, {res['simulated_minutes']:g} simulated minutes "
          f"in {res['wall_seconds']} s: {res['articles_stored']} articles stored ({res['items_per_s']} items/s, "
          f"coding included), {res['events']} events, {res['failures']} failures | polls {res['polls']} | "
          f"alerts {res['alerts']}, deliveries {res['deliveries']}, webhook received {res['webhook_received_valid']} "
          f"| {res['watcher_processes']} watcher processes | peak RSS (watcher and benchmark processes) first tenth {res['rss_mb_first_tenth_peak']} MB, last tenth {res['rss_mb_last_tenth_peak']} MB "
          f"({res['rss_change_pct']:+}%: {'flat' if res['rss_flat_within_5pct'] else 'NOT flat'})", flush=True)
    return res


if __name__ == "__main__":
    import sys

    out = main(sys.argv[1:])
    print(json.dumps(out, indent=2))
