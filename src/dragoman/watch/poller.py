"""Polling feeds: conditional GETs, the new items fetched, coded and stored, the state saved.

A round polls the feeds that are due in an order that makes a crash at any point safe (nothing
already stored is fetched again, no item is lost):

1. each feed is fetched with the validators of its last poll (``If-None-Match`` / ``If-Modified-Since``);
   a ``304 Not Modified`` reads nothing;
2. its entries are compared with the items seen before, by canonical URL and by content; an
   entry whose page the store already holds (a round killed after storing, before saving its
   state) is marked stored without a fetch;
3. the new items' pages are fetched through the safe fetcher (robots.txt, SSRF guard, size and
   time limits, the polite delay between two requests to one host);
4. the pages of every feed of the round are coded in one batch and ingested in one store transaction;
5. every feed's row (new validators, next poll) and its items' rows are saved in one transaction.

A crash before 5 leaves the old validators, so the next poll reads the feed again and catches
up; a page that failed is tried again on later polls while the feed lists it, ``item_attempts``
times, its failure stored for ``dragoman failures``.  A feed that fails waits ``interval x 2^(n-1)``
(at most ``max_backoff``) after its n-th failure in a row; every wait is jittered.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dragoman.errors import DragomanError, EmptyInputError, FormatError
from dragoman.ingest.fetch import FEED_TYPES, HTML_TYPES, Fetcher
from dragoman.ingest.files import failure
from dragoman.model import Article, Failure
from dragoman.settings import Settings
from dragoman.store.heap import trim_heap
from dragoman.store.records import forget_names
from dragoman.store.store import Store
from dragoman.store.watch import WatchState
from dragoman.watch.clock import Clock
from dragoman.watch.entries import Document, Entry, read_document
from dragoman.watch.feeds import Feed

#: what a feed URL may answer with (a news sitemap is served as XML, a .xml.gz one as gzip or bytes)
POLL_TYPES = FEED_TYPES + ("text/plain", "application/gzip", "application/x-gzip", "application/octet-stream")
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
        self._round_keys: set[str] = set()  # url keys of the poll in progress
        self._round_content: set[str] = set()

    def interval(self, feed: Feed) -> float:
        w = self.settings.watch
        return max(w.min_interval, feed.interval if feed.interval is not None else w.interval)

    def poll(self, feed: Feed) -> PollResult:
        """Poll one feed (see ``poll_many``)."""
        return self.poll_many([feed])[0]

    def poll_many(self, feeds: list[Feed], stop: Any = None) -> list[PollResult]:
        """Poll ``feeds`` (until ``stop``, an Event, is set): each feed read, its new pages fetched; then
        the pages of them all coded in one batch and stored in one transaction; then every feed's state
        saved in one transaction.  Never raises for what a feed or a page does (the results say it)."""
        self._round_keys, self._round_content = set(), set()
        polls: list[_Poll] = []
        for feed in feeds:
            if stop is not None and stop.is_set():
                break
            polls.append(self._read(feed))
        fetched = [p for p in polls if p.fetch]
        if fetched:
            self._store(fetched)
        self.state.save_polls([(p.row, p.items) for p in polls])
        for p in polls:
            r = p.result
            if r.status == "ok":
                self.progress(f"polled: {p.feed.url}: {r.entries} entries, {r.new} new, {r.stored} stored, "
                              f"{r.failed} failed" + (f"; sitemaps not read: {r.error}" if r.error else ""))
            elif r.status == "not_modified":
                self.progress(f"not modified: {p.feed.url}")
            else:
                self.progress(f"feed failed ({p.row['failures']} in a row): {p.feed.url}: {r.error}")
        return [p.result for p in polls]

    def _read(self, feed: Feed) -> _Poll:
        """Read a feed (a conditional GET) and fetch the pages of its new items."""
        row = self.state.feed(feed.url) or {"url": feed.url, "failures": 0, "failures_total": 0, "polls": 0,
                                            "not_modified": 0, "items_seen": 0, "items_new": 0}
        row["name"] = feed.name
        row["last_poll"] = self.clock.time()
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
                return _Poll(feed, row, PollResult(feed.url, "not_modified"))
            doc = read_document(got.body, feed.url, self.settings.watch.sitemap_max_bytes)
            entries, child_errors = self._follow(doc)
        except DragomanError as e:
            return _Poll(feed, row, self._failed(row, feed, e))
        poll = _Poll(feed, row, PollResult(feed.url, "ok", entries=len(entries)))
        self._handle(poll, entries)
        poll.capped = poll.capped or bool(child_errors)  # a sitemap not read: the next poll reads the index again
        for entry, _ in poll.fetch:
            poll.pages.append(self._page(feed, entry))
            self.progress(f"fetched: {self._source(feed, entry)}")
        poll.result.new = len(poll.fetch)
        if not poll.capped:  # else the validators stay: the next poll reads the feed again for the rest
            row["etag"] = got.headers.get("etag")
            row["last_modified"] = got.headers.get("last-modified")
        self._ok(row, feed, "ok")
        if child_errors:
            row["last_error"] = poll.result.error = "; ".join(child_errors)
        return poll

    def _follow(self, doc: Document) -> tuple[list[Entry], list[str]]:
        """The entries of a feed or sitemap, or of a sitemap index's newest ``watch.sitemap_children`` sitemaps
        (each fetched through the safe fetcher); with the errors of the sitemaps that failed.  Every one failing
        is the poll's failure (the first one's error)."""
        if not doc.children:
            return doc.entries, []
        w = self.settings.watch
        entries: list[Entry] = []
        errors: list[DragomanError] = []
        for child in doc.children[: max(1, w.sitemap_children)]:
            try:
                got = self.fetcher.get(child.url, accept=POLL_TYPES, source=child.url)
                sub = read_document(got.body, child.url, w.sitemap_max_bytes)
                if sub.children:
                    raise FormatError("a sitemap index listed in a sitemap index is not followed", source=child.url,
                                      hint="list this index itself as a feed")
                entries.extend(sub.entries)
            except DragomanError as e:
                errors.append(e)
        if errors and not entries:
            raise errors[0]
        return entries, [f"{e.code}: {e.message} ({e.source})" for e in errors]

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
        return PollResult(feed.url, "failed", error=str(e))

    # -- the items ------------------------------------------------------------------------------

    def _handle(self, poll: _Poll, entries: list[Entry]) -> None:
        """Sort the entries: seen before (skipped), the same story as one seen (a duplicate), stored already by
        a poll that stopped before saving its state (recovered), or new (to fetch, at most ``max_items_per_poll``)."""
        feed, result = poll.feed, poll.result
        known = self.state.items([e.url_key for e in entries], [e.content_key for e in entries if e.content_key])
        by_url = {r["url_key"]: r for r in known}
        done_content = {r["content_key"] for r in known if r["content_key"] and r["status"] in DONE}
        done_content |= self._round_content
        now = self.clock.time()
        todo: list[tuple[Entry, dict[str, Any]]] = []
        for e in reversed(entries):  # oldest first: feeds list the newest first
            if e.url_key in self._round_keys:  # listed twice, or by another feed of this round
                continue
            self._round_keys.add(e.url_key)
            old = by_url.get(e.url_key)
            if old is not None and old["status"] in DONE:
                continue
            item = dict(old) if old else {"url_key": e.url_key, "content_key": e.content_key, "feed": feed.url,
                                          "link": e.link, "attempts": 0, "first_seen": now}
            item["last_seen"] = now
            if e.content_key and e.content_key in done_content and not old:
                item.update(status="duplicate", last_error="the same title and summary as an item seen before")
                poll.items.append(item)
                result.duplicates += 1
                continue
            if e.content_key:
                done_content.add(e.content_key)
                self._round_content.add(e.content_key)
            todo.append((e, item))
        stored = self.state.stored_articles(e.link for e, _ in todo if e.link)
        fetch: list[tuple[Entry, dict[str, Any]]] = []
        for e, item in todo:
            if e.link and e.link in stored:  # stored by a poll that stopped before saving its state
                item.update(status="stored", article_id=stored[e.link], last_error=None)
                poll.items.append(item)
                result.recovered += 1
            else:
                fetch.append((e, item))
        cap = max(1, self.settings.watch.max_items_per_poll)
        poll.capped = len(fetch) > cap
        poll.fetch = fetch[:cap]
        poll.row["items_seen"] = (poll.row.get("items_seen") or 0) + len(poll.fetch) + result.recovered \
            + result.duplicates

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

    def _store(self, polls: list[_Poll]) -> None:
        """Code the fetched pages of ``polls`` in one batch, store them in one transaction, and set each item's status."""
        pages = [pg for p in polls for pg in p.pages]
        arts = [pg for pg in pages if isinstance(pg, Article)]
        coded = self.code(arts) if arts else []
        fails = [pg for pg in pages if isinstance(pg, Failure)] + [c for c in coded if isinstance(c, Failure)]
        new: list[Article | Failure] = [c for c in coded if isinstance(c, Article)]
        new.extend(fails)
        try:
            self.store.ingest(self.store.filter_new(new),
                              batch_size=max(1, len(pages)))
        finally:  # the names the batch's merge met (not every name the store holds) and what it freed, let go
            forget_names()
            trim_heap()
        self.progress(f"stored: {len(arts)} pages coded from {len(polls)} feeds")
        stored = self.state.stored_articles(self._source(p.feed, e) for p in polls for e, _ in p.fetch)
        failed = {f.source: f for f in fails}
        for p in polls:
            result = p.result
            for e, item in p.fetch:
                src = self._source(p.feed, e)
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
                p.items.append(item)
            p.row["items_new"] = result.stored


@dataclass
class _Poll:
    """One feed's poll in progress: its state row, its result, the items to save, the pages fetched."""

    feed: Feed
    row: dict[str, Any]
    result: PollResult
    items: list[dict[str, Any]] = field(default_factory=list)
    fetch: list[tuple[Entry, dict[str, Any]]] = field(default_factory=list)
    pages: list[Article | Failure] = field(default_factory=list)
    capped: bool = False  # more new items than max_items_per_poll: the rest wait for the next poll
