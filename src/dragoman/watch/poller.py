"""One poll of one feed: a conditional GET, the new items fetched, coded and stored, the state saved.

The order makes a crash at any point safe (nothing already stored is fetched again, no item is lost):

1. the feed is fetched with the validators of the last poll (``If-None-Match`` / ``If-Modified-Since``);
   a ``304 Not Modified`` reads nothing;
2. its entries are compared with the items seen before, by canonical URL and by content; an
   entry whose page the store already holds (a poll killed after storing, before saving its
   state) is marked stored without a fetch;
3. the new items' pages are fetched through the safe fetcher (robots.txt, SSRF guard, size and
   time limits, the polite delay between two requests to one host), coded and ingested in one
   store transaction;
4. the feed's row (new validators, next poll) and its items' rows are saved in one transaction.

A crash before 4 leaves the old validators, so the next poll reads the feed again and catches
up; a page that failed is tried again on later polls while the feed lists it, ``item_attempts``
times, its failure stored for ``dragoman failures``.  A feed that fails waits ``interval x 2^(n-1)``
(at most ``max_backoff``) after its n-th failure in a row; every wait is jittered.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Callable

from dragoman.errors import DragomanError, EmptyInputError
from dragoman.ingest.fetch import FEED_TYPES, HTML_TYPES, Fetcher
from dragoman.ingest.files import failure
from dragoman.model import Article, Failure
from dragoman.settings import Settings
from dragoman.store.store import Store
from dragoman.store.watch import WatchState
from dragoman.watch.clock import Clock
from dragoman.watch.entries import Entry, read_entries
from dragoman.watch.feeds import Feed

#: what a feed URL may answer with (a news sitemap is served as XML)
POLL_TYPES = FEED_TYPES + ("text/plain",)
#: items in these states are never fetched again
DONE = ("stored", "duplicate", "given_up")


@dataclass
class PollResult:
    """What one poll did."""

    feed: str
    status: str  # ok | not_modified | failed
    entries: int = 0
    new: int = 0  # items fetched this poll
    stored: int = 0  # articles stored
    recovered: int = 0  # items found stored already (a poll interrupted before saving its state)
    duplicates: int = 0
    failed: int = 0  # items whose page or coding failed
    error: str | None = None
    failures: list[Failure] = field(default_factory=list)


def wait_after(interval: float, failures: int, settings: Settings, rng: random.Random) -> float:
    """Seconds until the next poll: the interval, or after ``failures`` failures in a row
    ``interval x 2^(failures-1)`` capped at ``max_backoff`` (never below the interval), jittered."""
    w = settings.watch
    wait = interval
    if failures > 0:
        wait = max(interval, min(interval * 2 ** (failures - 1), w.max_backoff))
    j = max(0.0, min(w.jitter, 0.9))
    return wait * (1 + rng.uniform(-j, j))


class Poller:
    """Polls feeds into one store (``code(articles) -> coded items`` codes the new pages)."""

    def __init__(self, store: Store, settings: Settings, fetcher: Fetcher, code: Callable[[list[Article]], list[Any]],
                 clock: Clock, rng: random.Random, progress: Callable[[str], None] | None = None):
        self.store = store
        self.state = WatchState(store)
        self.settings = settings
        self.fetcher = fetcher
        self.code = code
        self.clock = clock
        self.rng = rng
        self.progress = progress or (lambda line: None)

    def interval(self, feed: Feed) -> float:
        w = self.settings.watch
        return max(w.min_interval, feed.interval if feed.interval is not None else w.interval)

    def poll(self, feed: Feed) -> PollResult:
        """Poll ``feed`` once; never raises for what the feed or its pages do (the result says it)."""
        row = self.state.feed(feed.url) or {"url": feed.url, "failures": 0, "failures_total": 0, "polls": 0,
                                            "not_modified": 0, "items_seen": 0, "items_new": 0}
        row["name"] = feed.name
        now = self.clock.time()
        row["last_poll"] = now
        row["polls"] = (row.get("polls") or 0) + 1
        headers = {}
        if row.get("etag"):
            headers["If-None-Match"] = row["etag"]
        if row.get("last_modified"):
            headers["If-Modified-Since"] = row["last_modified"]
        try:
            got = self.fetcher.get(feed.url, accept=POLL_TYPES, source=feed.url, headers=headers or None)
            if got.status == 304:
                self._ok(row, feed, "not_modified")
                row["not_modified"] = (row.get("not_modified") or 0) + 1
                self.state.save_poll(row, [])
                self.progress(f"not modified: {feed.url}")
                return PollResult(feed.url, "not_modified")
            entries = read_entries(got.body, feed.url)
        except DragomanError as e:
            return self._failed(row, feed, e)
        result = PollResult(feed.url, "ok", entries=len(entries))
        items = self._handle(feed, entries, result)
        row["etag"] = got.headers.get("etag")
        row["last_modified"] = got.headers.get("last-modified")
        row["items_seen"] = (row.get("items_seen") or 0) + result.new + result.recovered + result.duplicates
        row["items_new"] = result.stored
        self._ok(row, feed, "ok")
        self.state.save_poll(row, items)
        self.progress(f"polled: {feed.url}: {len(entries)} entries, {result.new} new, {result.stored} stored, "
                      f"{result.failed} failed")
        return result

    # -- outcome of the feed itself -------------------------------------------------------------

    def _ok(self, row: dict[str, Any], feed: Feed, status: str) -> None:
        row.update(last_ok=self.clock.time(), last_status=status, failures=0, last_error=None)
        row["next_poll"] = self.clock.time() + wait_after(self.interval(feed), 0, self.settings, self.rng)

    def _failed(self, row: dict[str, Any], feed: Feed, e: DragomanError) -> PollResult:
        row["failures"] = (row.get("failures") or 0) + 1
        row["failures_total"] = (row.get("failures_total") or 0) + 1
        row["last_status"] = "failed"
        row["last_error"] = f"{e.code}: {e.message}"
        row["next_poll"] = self.clock.time() + wait_after(self.interval(feed), row["failures"], self.settings, self.rng)
        self.state.save_poll(row, [])
        self.progress(f"feed failed ({row['failures']} in a row): {feed.url}: {e.message}")
        return PollResult(feed.url, "failed", error=str(e))

    # -- the items ------------------------------------------------------------------------------

    def _handle(self, feed: Feed, entries: list[Entry], result: PollResult) -> list[dict[str, Any]]:
        """Fetch, code and store the entries not seen before; the item rows to save."""
        known = self.state.items([e.url_key for e in entries], [e.content_key for e in entries if e.content_key])
        by_url = {r["url_key"]: r for r in known}
        done_content = {r["content_key"] for r in known if r["content_key"] and r["status"] in DONE}
        now = self.clock.time()
        todo: list[tuple[Entry, dict[str, Any]]] = []
        rows: list[dict[str, Any]] = []
        seen_now: set[str] = set()
        for e in reversed(entries):  # oldest first: feeds list the newest first
            if e.url_key in seen_now:
                continue
            seen_now.add(e.url_key)
            old = by_url.get(e.url_key)
            if old is not None and old["status"] in DONE:
                continue
            item = dict(old) if old else {"url_key": e.url_key, "content_key": e.content_key, "feed": feed.url,
                                          "link": e.link, "attempts": 0, "first_seen": now}
            item["last_seen"] = now
            if e.content_key and e.content_key in done_content and not old:
                item.update(status="duplicate", last_error="the same title and summary as an item seen before")
                rows.append(item)
                result.duplicates += 1
                continue
            if e.content_key:
                done_content.add(e.content_key)
            todo.append((e, item))
        stored = self.state.stored_articles(e.link for e, _ in todo if e.link)
        fetch: list[tuple[Entry, dict[str, Any]]] = []
        for e, item in todo:
            if e.link and e.link in stored:  # stored by a poll that stopped before saving its state
                item.update(status="stored", article_id=stored[e.link], last_error=None)
                rows.append(item)
                result.recovered += 1
            else:
                fetch.append((e, item))
        fetch = fetch[: self.settings.watch.max_items_per_poll]
        if fetch:
            rows += self._fetch_and_store(feed, fetch, result)
        return rows

    def _source(self, feed: Feed, e: Entry) -> str:
        return e.link or e.url_key

    def _page(self, feed: Feed, e: Entry) -> Article | Failure:
        from dragoman.ingest.charset import check_text
        from dragoman.ingest.html import page_article

        source = self._source(feed, e)
        meta = {"format": "feed", "feed": feed.url, "watch": feed.name}
        try:
            if e.link:
                got = self.fetcher.get(e.link, accept=HTML_TYPES, source=e.link)
                return page_article(got.body, e.link, self.settings, url=got.url, charset=got.charset,
                                    content_language=got.headers.get("content-language"), published=e.published,
                                    title=e.title, meta=meta)
            if not e.content:
                raise EmptyInputError("the entry has no link and no content", source=source)
            check_text(e.content, source)
            html = f"<html><head><title></title></head><body><article>{e.content}</article></body></html>"
            return page_article(html, source, self.settings, published=e.published, title=e.title,
                                meta={**meta, "from": "entry content"})
        except DragomanError as err:
            return failure(err, source)

    def _fetch_and_store(self, feed: Feed, fetch: list[tuple[Entry, dict[str, Any]]],
                         result: PollResult) -> list[dict[str, Any]]:
        pages: list[Article | Failure] = []
        for e, _ in fetch:
            page = self._page(feed, e)
            pages.append(page)
            self.progress(f"fetched: {self._source(feed, e)}")
        result.new = len(fetch)
        arts = [p for p in pages if isinstance(p, Article)]
        coded = self.code(arts) if arts else []
        fails = [p for p in pages if isinstance(p, Failure)] + [c for c in coded if isinstance(c, Failure)]
        self.store.ingest(self.store.filter_new([c for c in coded if isinstance(c, Article)] + fails),
                          batch_size=max(1, len(pages)))
        self.progress(f"stored: {feed.url}: {len(arts)} pages coded")
        stored = self.state.stored_articles(self._source(feed, e) for e, _ in fetch)
        failed = {f.source: f for f in fails}
        rows = []
        for e, item in fetch:
            src = self._source(feed, e)
            if src in stored:
                item.update(status="stored", article_id=stored[src], last_error=None)
                result.stored += 1
            elif src in failed:
                f = failed[src]
                item["attempts"] = (item.get("attempts") or 0) + 1
                item["last_error"] = f"{f.code}: {f.message}"
                given_up = item["attempts"] >= self.settings.watch.item_attempts
                item["status"] = "given_up" if given_up else "failed"
                result.failed += 1
                result.failures.append(f)
            else:  # the store holds the same article under another URL or text: not stored again
                item.update(status="duplicate", last_error="the store holds this article already")
                result.duplicates += 1
            rows.append(item)
        return rows
