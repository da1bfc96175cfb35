"""The watch loop: poll the feeds that are due, fire the rules, deliver the alerts, sleep until the next thing to do.

    with Store.open("news.duckdb") as store:
        w = Watcher(store, feeds, rules, settings)
        w.run_round(every_feed=True)   # what `dragoman watch --once` does
        w.run(stop)                    # until stop is set (SIGTERM, SIGINT)

Everything the watcher knows lives in the store (``dragoman.store.watch``): a restart resumes
with each feed's validators, failures and next poll, the items seen and the alerts not yet
delivered.  The spaCy pipeline is loaded the first time there is a page to code.  After every
round a status file (``<db>.watch.json``) says what the watcher did, for ``dragoman watch
--status`` while it holds the store.
"""

from __future__ import annotations

import json
import os
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dragoman.ingest.fetch import Fetcher
from dragoman.model import Article
from dragoman.settings import Settings
from dragoman.store.heap import trim_heap
from dragoman.store.store import FILTERED_VALUES, Store
from dragoman.store.watch import WatchState
from dragoman.watch import alerts as alerting
from dragoman.watch.clock import Clock
from dragoman.watch.delivery import Courier
from dragoman.watch.feeds import Feed
from dragoman.watch.poller import Poller, PollResult
from dragoman.watch.rules import Rule

#: the longest the loop sleeps in one go (it wakes to deliver retries and to notice a stop)
MAX_SLEEP = 60.0
#: seconds a fetcher serves before a new one replaces it: the robots.txt files it read are read again
FETCHER_LIFE = 86_400.0


def status_path(db: str | os.PathLike[str]) -> Path:
    """Where a running watcher writes its status: ``<db>.watch.json``."""
    return Path(str(db) + ".watch.json")


@dataclass
class RoundReport:
    """What one round did."""

    polls: list[PollResult] = field(default_factory=list)
    alerts: list[dict[str, Any]] = field(default_factory=list)
    deliveries: dict[str, int] = field(default_factory=dict)

    @property
    def stored(self) -> int:
        return sum(p.stored for p in self.polls)


class Watcher:
    """Polls ``feeds`` into ``store`` and fires ``rules``; ``clock`` and ``rng`` may be faked (tests, benchmarks)."""

    def __init__(self, store: Store, feeds: list[Feed], rules: list[Rule], settings: Settings, *,
                 clock: Clock | None = None, rng: random.Random | None = None, pipeline: Any = None,
                 progress: Callable[[str], None] | None = None, out: Callable[[str], None] = print,
                 backfill: bool = False, write_status: bool = True, own_store: bool = True,
                 reconnect: Callable[[], None] | None = None):
        self.store = store
        store.dedup_window = settings.watch.dedup_window or None  # memory bounded whatever the store's size
        store.merge_chunk = settings.watch.merge_chunk or None  # and whatever the number of events on one story
        store.merge_page = settings.watch.merge_page or None  # and whatever the number of events it may join
        # own_store False: the connection is shared (the server's): its threads are left alone, and it is
        # opened afresh only through ``reconnect`` (the server's, which closes its readers' cursors first)
        if own_store and settings.watch.store_threads > 0:
            store.set_threads(settings.watch.store_threads)
        if own_store and settings.watch.store_memory_mb > 0:  # DuckDB's caches and buffers held small
            store.set_memory_limit(settings.watch.store_memory_mb)
        if own_store and settings.watch.reconnect_articles > 0:  # and what it keeps of a batch's list filters
            store.reopen_filtered = FILTERED_VALUES
        self._store_memory_mb = store.memory_mb  # the limit as last seen (a store raises it when its indexes need more)
        self._reconnect = reconnect or (store.reconnect if own_store else None)
        self._unrefreshed = 0  # articles stored since the store's connection was last opened
        self.state = WatchState(store)
        self.feeds = feeds
        self.rules = rules
        self.settings = settings
        self.clock = clock or Clock()
        self.rng = rng or random.Random()
        self._pipeline = pipeline
        self.progress = progress or (lambda line: None)
        self.fetcher = Fetcher(settings.fetch, clock=self.clock)
        self._fetcher_born = self.clock.time()
        self.poller = Poller(store, settings, self.fetcher, self._code, self.clock, self.rng, self.progress)
        self.courier = Courier(self.state, rules, settings, self.fetcher, self.clock, out, self.progress)
        self.write_status = write_status
        self.started = self.clock.time()
        self.rounds = 0
        self._baseline: float | None = None  # resident MB after the first round that coded pages
        self.state.add_feeds([(f.url, f.name) for f in feeds], self.clock.time())
        for r in rules:
            self.state.add_rule(r.name, r.definition, backfill)

    def close(self) -> None:
        self.fetcher.close()

    def _renew_fetcher(self) -> None:
        """A new fetcher (robots.txt files are read again), the old one closed."""
        self.fetcher.close()
        self.fetcher = self.poller.fetcher = self.courier.fetcher = Fetcher(self.settings.fetch, clock=self.clock)
        self._fetcher_born = self.clock.time()

    # -- coding ---------------------------------------------------------------------------------

    def _code(self, articles: list[Article]) -> list[Any]:
        if self._pipeline is None:
            from dragoman.pipeline import Pipeline

            self.progress("loading the pipeline (spaCy model, lexicons)")
            self._pipeline = Pipeline(self.settings)
        from dragoman.runner import coding_gc

        with coding_gc():
            return list(self._pipeline.run_many(articles))

    # -- rounds ---------------------------------------------------------------------------------

    def due(self, every_feed: bool = False) -> list[Feed]:
        """The feeds to poll now, the longest waiting first: those due within ``watch.gather`` seconds, so that a
        round codes and stores many feeds' items at once (``every_feed``: all but those backing off)."""
        rows = {r["url"]: r for r in self.state.feeds()}
        now = self.clock.time() + max(0.0, self.settings.watch.gather)
        out = []
        for f in self.feeds:
            r = rows.get(f.url) or {}
            nxt = r.get("next_poll") or 0.0
            if nxt <= now or (every_feed and not r.get("failures")):
                out.append((nxt, f))
        return [f for _, f in sorted(out, key=lambda x: (x[0], x[1].url))]

    def run_round(self, every_feed: bool = False, stop: threading.Event | None = None) -> RoundReport:
        """Poll the due feeds, fire the rules on what changed, deliver the due alerts."""
        report = RoundReport()
        if self.clock.time() - self._fetcher_born > FETCHER_LIFE:
            self._renew_fetcher()
        report.polls = self.poller.poll_many(self.due(every_feed), stop)
        if self.store.memory_mb != self._store_memory_mb:
            self.progress(f"the store needed more memory than watch.store_memory_mb: DuckDB's limit is now "
                          f"{self.store.memory_mb:,.0f} MB")
            self._store_memory_mb = self.store.memory_mb
        self._refresh_store(report.stored)
        report.alerts = alerting.evaluate(self.state, self.rules, self.clock)
        for a in report.alerts:
            self.progress(f"alert {a['id']}: rule {a['rule']} ({a['reason']})")
        report.deliveries = self.courier.deliver_due()
        self.rounds += 1
        if self.write_status:
            self.save_status()
        return report

    def _refresh_store(self, stored: int) -> None:
        """Open the store's connection afresh once ``watch.reconnect_articles`` articles were stored through it:
        DuckDB keeps the blocks of a growing file cached up to its memory limit (most of the machine's memory)."""
        self._unrefreshed += stored
        every = self.settings.watch.reconnect_articles
        if self._reconnect is not None and every > 0 and self._unrefreshed >= every:
            self._reconnect()
            self._unrefreshed = 0
            trim_heap()  # what DuckDB freed on closing, and the round's freed memory, back to the system

    def next_wake(self) -> float:
        """When there is next something to do: a feed due, a delivery to retry."""
        rows = {r["url"]: r for r in self.state.feeds()}
        times = [rows.get(f.url, {}).get("next_poll") or 0.0 for f in self.feeds]
        nd = self.state.next_delivery()
        if nd is not None:
            times.append(nd)
        return min(times) if times else self.clock.time() + MAX_SLEEP

    def run(self, stop: threading.Event, *, until: float | None = None,
            on_round: Callable[[RoundReport], None] | None = None, recycle: bool = False,
            around: Callable[[Callable[[], RoundReport]], RoundReport] | None = None,
            recycle_articles: int = 0) -> bool:
        """Rounds until ``stop`` is set (or the clock passes ``until``), sleeping in between.

        ``recycle``: also stop after a round that stored articles when the process's resident memory
        is over its limit (``memory_limit``), and return True: the caller starts the watcher afresh.
        ``recycle_articles``: likewise once this many articles were stored by this run (a process that
        codes and stores for ever fragments its heap however little it keeps: ``watch.recycle_articles``).
        ``around(round)`` runs each round (the server runs it under its store's write lock)."""
        stored = 0
        while not stop.is_set():
            report = around(lambda: self.run_round(stop=stop)) if around else self.run_round(stop=stop)
            if on_round is not None:
                on_round(report)
            stored += report.stored
            if stop.is_set():
                break
            if recycle and report.stored and self.over_memory():
                self.progress(f"resident memory {resident_mb():,.0f} MB is over the limit of {self.memory_limit():,.0f}"
                              " MB: starting afresh (the watcher's state is in the store, nothing is lost)")
                return True
            if recycle_articles > 0 and stored >= recycle_articles:
                self.progress(f"{stored:,} articles stored since the watcher started (watch.recycle_articles: "
                              f"{recycle_articles:,}): starting afresh (its state is in the store, nothing is lost)")
                return True
            wake = self.next_wake()
            if until is not None:
                if self.clock.time() >= until:
                    break
                wake = min(wake, until)
            self.clock.sleep(max(0.0, min(wake - self.clock.time(), MAX_SLEEP)))
        return False

    def memory_limit(self) -> float | None:
        """The resident memory (MB) above which ``run(recycle=True)`` stops: ``watch.max_memory_mb``, or (0)
        ``1 + watch.memory_growth`` times the memory after the first round that coded pages."""
        w = self.settings.watch
        if w.max_memory_mb > 0:
            return w.max_memory_mb
        return self._baseline * (1 + w.memory_growth) if self._baseline else None

    def over_memory(self) -> bool:
        rss = resident_mb()
        if self._baseline is None and self._pipeline is not None:
            self._baseline = rss
        limit = self.memory_limit()
        return limit is not None and rss > limit

    # -- status ---------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        return watch_status(self.state, self.feeds, self.rules, now=self.clock.time()) | {
            "pid": os.getpid(), "started": _iso(self.started), "rounds": self.rounds}

    def save_status(self) -> None:
        """Write the status file beside the store (atomically: a reader never sees half of it)."""
        if self.store.path in (":memory:", ""):
            return
        path = status_path(self.store.path)
        tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
        try:
            tmp.write_text(json.dumps(self.status(), default=str, indent=1) + "\n", encoding="utf-8")
            os.replace(tmp, path)
        except OSError as e:
            self.progress(f"warning: cannot write the status file {path}: {e}")


def resident_mb() -> float:
    """This process's resident memory in MB (Linux ``/proc``; elsewhere the peak from ``getrusage``)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def _iso(t: float | None) -> str | None:
    if t is None:
        return None
    return datetime.fromtimestamp(t, tz=UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def watch_status(state: WatchState, feeds: list[Feed] | None = None, rules: list[Rule] | None = None,
                 now: float | None = None) -> dict[str, Any]:
    """Each feed's last poll, items seen, failures and next poll; each rule's last firing; the deliveries.

    ``feeds``/``rules``: the ones configured (default: every one the store knows)."""
    rows = state.feeds()
    if feeds is not None:
        wanted = {f.url for f in feeds}
        rows = [r for r in rows if r["url"] in wanted]
    rule_rows = state.rules()
    if rules is not None:
        names = {r.name for r in rules}
        rule_rows = [r for r in rule_rows if r["name"] in names]
    return {
        "now": _iso(now),
        "feeds": [{"url": r["url"], "name": r["name"], "last_poll": _iso(r["last_poll"]), "last_ok": _iso(r["last_ok"]),
                   "last_status": r["last_status"], "next_poll": _iso(r["next_poll"]), "polls": r["polls"],
                   "not_modified": r["not_modified"], "items_seen": r["items_seen"], "items_new": r["items_new"],
                   "failures": r["failures"], "failures_total": r["failures_total"], "last_error": r["last_error"]}
                  for r in rows],
        "rules": [{"name": r["name"], "fired": r["fired"], "last_fired": _iso(r["last_fired"]),
                   "watermark": r["watermark"].isoformat() if r["watermark"] else None} for r in rule_rows],
        "items": state.count_items(),
        "alerts": state.count_alerts(),
        "deliveries": state.delivery_counts(),
    }
