"""The watcher's state in the store (the ``watch_*`` tables of migration 7): the only SQL of ``dragoman watch``.

    state = WatchState(store)
    state.feed("https://example.org/rss")          # its validators, next poll, failures
    state.items(["https://example.org/a"], [])     # the feed items seen before

Every write that must be atomic is one transaction: a poll's feed row with its items, a rule's
alerts with their firings, deliveries and the rule's new watermark.  Times the watcher keeps are
seconds since the epoch on the watcher's clock (``dragoman.watch.clock``), so a test or a
benchmark with a fake clock sees its own time; ``watermark`` is the store's own ``events.updated_at``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import duckdb

from dragoman.filters import EventQuery
from dragoman.store import query as Q
from dragoman.store.store import Store

FEED_COLUMNS = ("url", "name", "etag", "last_modified", "last_poll", "next_poll", "last_ok", "last_status", "failures",
                "failures_total", "last_error", "polls", "not_modified", "items_seen", "items_new")
ITEM_COLUMNS = ("url_key", "content_key", "feed", "link", "status", "attempts", "article_id", "last_error",
                "first_seen", "last_seen")
DELIVERY_COLUMNS = ("alert_id", "action", "target", "status", "attempts", "next_attempt", "last_error", "delivered_at")


class WatchState:
    """The watch tables of one open ``Store`` (the store's lock serialises every call)."""

    def __init__(self, store: Store):
        self.store = store

    # -- helpers -------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        s = self.store
        with s._lock:
            s._writable()
            s._sql("BEGIN TRANSACTION")
            try:
                yield
                s._sql("COMMIT")
            except BaseException:
                try:
                    s._sql("ROLLBACK")
                except duckdb.Error:
                    pass
                raise

    def _dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        with self.store._lock:
            return self.store._dicts(sql, params)

    def _keyed(self, table: str, column: str, values: Iterable[str]) -> list[dict[str, Any]]:
        vals = sorted({v for v in values if v})
        if not vals:
            return []
        return self._dicts(f"SELECT * FROM {table} WHERE list_contains(?, {column})", [vals])

    # -- feeds ---------------------------------------------------------------------------------

    def feeds(self) -> list[dict[str, Any]]:
        """Every feed the watcher has polled or will poll, by URL."""
        return self._dicts("SELECT * FROM watch_feeds ORDER BY url")

    def feed(self, url: str) -> dict[str, Any] | None:
        rows = self._keyed("watch_feeds", "url", [url])
        return rows[0] if rows else None

    def add_feeds(self, feeds: Iterable[tuple[str, str]], now: float) -> None:
        """Register ``(url, name)`` feeds not known yet (due at once); a known feed keeps its state, its name updated."""
        feeds = list(feeds)
        known = {r["url"] for r in self._keyed("watch_feeds", "url", [u for u, _ in feeds])}
        with self._transaction():
            for url, name in feeds:
                if url in known:
                    self.store._sql("UPDATE watch_feeds SET name = ? WHERE url = ?", [name, url])
            self.store._insert("watch_feeds", [
                {"url": url, "name": name, "next_poll": now, "failures": 0, "failures_total": 0, "polls": 0,
                 "not_modified": 0, "items_seen": 0, "items_new": 0} for url, name in feeds if url not in known])

    def save_polls(self, polls: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
        """A round's polls in one transaction: each feed's row and the rows of the items it handled."""
        if not polls:
            return
        feeds = [f for f, _ in polls]
        items = [i for _, its in polls for i in its]
        with self._transaction():
            self.store._delete_in("watch_feeds", "url", [f["url"] for f in feeds])
            self.store._insert("watch_feeds", [{c: f.get(c) for c in FEED_COLUMNS} for f in feeds])
            if items:
                self.store._delete_in("watch_items", "url_key", [i["url_key"] for i in items])
                self.store._insert("watch_items", [{c: i.get(c) for c in ITEM_COLUMNS} for i in items])

    # -- items ---------------------------------------------------------------------------------

    def items(self, url_keys: Iterable[str], content_keys: Iterable[str]) -> list[dict[str, Any]]:
        """The stored items with one of these canonical URLs or content keys."""
        url_keys, content_keys = sorted(set(url_keys)), sorted({c for c in content_keys if c})
        if not url_keys and not content_keys:
            return []
        return self._dicts("SELECT * FROM watch_items WHERE list_contains(?, url_key) OR list_contains(?, content_key)",
                           [url_keys, content_keys])

    def stored_articles(self, sources: Iterable[str]) -> dict[str, str]:
        """For the inputs (item links) an article was stored from: link -> article id."""
        vals = sorted({v for v in sources if v})
        rows = self._dicts("SELECT source, id FROM articles WHERE list_contains(?, source)", [vals]) if vals else []
        return {r["source"]: r["id"] for r in rows}

    def count_items(self) -> dict[str, int]:
        return {r["status"]: int(r["n"]) for r in
                self._dicts("SELECT status, count(*) AS n FROM watch_items GROUP BY status")}

    # -- rules ---------------------------------------------------------------------------------

    def rules(self) -> list[dict[str, Any]]:
        return self._dicts("SELECT * FROM watch_rules ORDER BY name")

    def rule(self, name: str) -> dict[str, Any] | None:
        rows = self._keyed("watch_rules", "name", [name])
        return rows[0] if rows else None

    def add_rule(self, name: str, definition: str, backfill: bool) -> dict[str, Any]:
        """Register a rule (its watermark: nothing yet with ``backfill``, else the store's latest change,
        so that a new rule fires on what happens from now on); a known rule keeps its state."""
        old = self.rule(name)
        if old is not None:
            if old["definition"] != definition:
                with self._transaction():
                    self.store._sql("UPDATE watch_rules SET definition = ? WHERE name = ?", [definition, name])
                old["definition"] = definition
            return old
        mark = None if backfill else self.latest_change()
        row = {"name": name, "definition": definition, "watermark": mark, "last_fired": None, "fired": 0}
        with self._transaction():
            self.store._insert("watch_rules", [row])
        return row

    def latest_change(self) -> datetime | None:
        """The latest ``events.updated_at``: what a rule has seen once it has read up to here."""
        rows = self._dicts("SELECT max(updated_at) AS m FROM events")
        return rows[0]["m"] if rows else None

    def changed_events(self, q: EventQuery, min_sources: int, after: datetime | None, upto: datetime,
                       also_actors: Iterable[str] = (), limit: int = 5_000,
                       resume: tuple[datetime, str] | None = None) -> list[dict[str, Any]]:
        """One page (``limit``) of the events matching ``q`` (every actor of ``also_actors`` taking part too,
        and at least ``min_sources`` sources) that changed in (after, upto], oldest change first, after the
        ``resume`` key (``_changed``, ``id``) of the previous page's last row; each with ``members``, the ids
        of the article events it merges."""
        w, params = Q.where(q)
        for actor in also_actors:
            cond, ps = Q.actor_match(actor)
            w += f" AND {Q._participants(cond)}"
            params = params + ps
        sql = f"SELECT {Q.ROW}, e.updated_at AS _changed FROM events e WHERE {w} AND e.updated_at <= ?"
        params = params + [upto]
        if after is not None:
            sql += " AND e.updated_at > ?"
            params.append(after)
        if resume is not None:
            sql += " AND (e.updated_at > ? OR (e.updated_at = ? AND e.id > ?))"
            params += [resume[0], resume[0], resume[1]]
        if min_sources > 1:
            sql += " AND e.num_sources >= ?"
            params.append(min_sources)
        sql += " ORDER BY e.updated_at, e.id LIMIT ?"
        params.append(int(limit))
        with self.store._lock:
            rows = self.store._event_rows(sql, params)
        members: dict[str, list[str]] = {}
        for r in self._keyed("article_events", "event_id", [r["id"] for r in rows]):
            members.setdefault(r["event_id"], []).append(r["id"])
        for r in rows:
            r["members"] = sorted(members.get(r["id"], []))
        return rows

    def fired(self, rule: str, member_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
        """The firings of ``rule`` on any of these article events, by article event (an event keeps its
        members when its id changes)."""
        ids = sorted(set(member_ids))
        out: dict[str, list[dict[str, Any]]] = {}
        if ids:
            for r in self._dicts("SELECT * FROM watch_fired WHERE rule = ? AND list_contains(?, member_id)", [rule, ids]):
                out.setdefault(r["member_id"], []).append(r)
        return out

    def save_firings(self, rule: str, watermark: datetime | None, alerts: list[dict[str, Any]],
                     fired: list[dict[str, Any]], deliveries: list[dict[str, Any]], now: float) -> None:
        """A rule's new alerts, the firings they record, their deliveries and the rule's new watermark, at once."""
        with self._transaction():
            s = self.store
            s._insert("watch_alerts", alerts)
            s._insert("watch_fired", fired)
            s._insert("watch_deliveries", [{c: d.get(c) for c in DELIVERY_COLUMNS} for d in deliveries])
            if alerts:
                s._sql("UPDATE watch_rules SET watermark = ?, last_fired = ?, fired = fired + ? WHERE name = ?",
                       [watermark, now, len(alerts), rule])
            else:
                s._sql("UPDATE watch_rules SET watermark = ? WHERE name = ?", [watermark, rule])

    # -- alerts and deliveries -----------------------------------------------------------------

    def due_deliveries(self, now: float, limit: int = 500) -> list[dict[str, Any]]:
        """Pending deliveries whose time has come, oldest alert first, each with its alert's payload."""
        return self._dicts(
            "SELECT d.*, a.payload, a.rule FROM watch_deliveries d JOIN watch_alerts a ON a.id = d.alert_id "
            "WHERE d.status = 'pending' AND d.next_attempt <= ? ORDER BY a.fired_at, a.id, d.action LIMIT ?",
            [now, int(limit)])

    def next_delivery(self) -> float | None:
        rows = self._dicts("SELECT min(next_attempt) AS t FROM watch_deliveries WHERE status = 'pending'")
        return rows[0]["t"] if rows else None

    def update_delivery(self, d: dict[str, Any]) -> None:
        with self._transaction():
            self.store._sql(
                "UPDATE watch_deliveries SET status = ?, attempts = ?, next_attempt = ?, last_error = ?, delivered_at = ? "
                "WHERE alert_id = ? AND action = ? AND target = ?",
                [d["status"], d["attempts"], d["next_attempt"], d["last_error"], d["delivered_at"],
                 d["alert_id"], d["action"], d["target"]])

    def alerts(self, *, rule: str | None = None, status: str | None = None, limit: int = 100,
               offset: int = 0) -> list[dict[str, Any]]:
        """Alerts, the latest first, each with its deliveries (``status``: only alerts with a delivery in that state)."""
        conds, params = ["TRUE"], []
        if rule:
            conds.append("a.rule = ?")
            params.append(rule)
        if status:
            conds.append("a.id IN (SELECT alert_id FROM watch_deliveries WHERE status = ?)")
            params.append(status)
        rows = self._dicts(f"SELECT a.* FROM watch_alerts a WHERE {' AND '.join(conds)} "
                           "ORDER BY a.fired_at DESC, a.id LIMIT ? OFFSET ?", params + [int(limit), int(offset)])
        by: dict[str, list[dict[str, Any]]] = {}
        for d in self._keyed("watch_deliveries", "alert_id", [r["id"] for r in rows]):
            by.setdefault(d["alert_id"], []).append(d)
        for r in rows:
            r["deliveries"] = sorted(by.get(r["id"], []), key=lambda d: (d["action"], d["target"]))
        return rows

    def delivery_counts(self) -> dict[str, int]:
        return {r["status"]: int(r["n"]) for r in
                self._dicts("SELECT status, count(*) AS n FROM watch_deliveries GROUP BY status")}

    def count_alerts(self) -> int:
        return int(self._dicts("SELECT count(*) AS n FROM watch_alerts")[0]["n"])
