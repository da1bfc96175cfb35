"""``dragoman serve --watch FEEDS.yaml``: the watcher in a thread of the server, writing through the server's store.

DuckDB lets one process write a store, and while ``dragoman serve`` runs that process is the
server: a separate ``dragoman watch`` could not open the file.  So the server can run the watcher
itself.  Each round runs under the store's write lock (``StoreAccess.write``: an ``/api/ingest``
waits for the round, readers go on and see a round's articles whole or not at all); the watcher
codes with the server's own pipeline (``Coder``, shared with ``/api/ingest``), and the response
cache is emptied after a round that stored articles.  ``GET /api/watch`` and the dashboard's Watch
panel show it live.  A round that fails (the store, a bug) is logged and the next one comes at
its time; the thread stops with the server, after the poll in progress.

Memory: the watcher opens the server's store connection afresh every ``watch.reconnect_articles``
stored articles (``StoreAccess.reconnect``: reads wait a few milliseconds), so DuckDB's cache of
the growing file is given back.  Past ``watch.max_memory_mb`` the server does not re-execute
itself as ``dragoman watch`` does (the requests in flight would be dropped): it logs a warning
once (``memory_warning``) and the watcher goes on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from dragoman.api.access import StoreAccess
from dragoman.settings import Settings

log = logging.getLogger("dragoman.watch")


class _SharedPipeline:
    """The server's ``Coder`` as the watcher's pipeline (one model, one lock)."""

    def __init__(self, coder: Any):
        self.coder = coder

    def run_many(self, items: Any) -> list[Any]:
        return list(self.coder.code_many(items))


class WatchThread:
    """Runs ``Watcher.run`` in a daemon thread over the server's store until ``stop()``."""

    def __init__(self, access: StoreAccess, coder: Any, invalidate: Callable[[], None], feeds: list[Any],
                 rules: list[Any], settings: Settings, out: Callable[[str], None] | None = None):
        self.access = access
        self.coder = coder
        self.invalidate = invalidate
        self.feeds = feeds
        self.rules = rules
        self.settings = settings
        self.out = out or (lambda line: log.warning("%s", line))
        self.watcher: Any = None
        self.error: BaseException | None = None
        self.memory_warning: str | None = None  # set once the server is over the watcher's memory limit
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="dragoman-watch", daemon=True)

    def start(self) -> WatchThread:
        self._thread.start()
        return self

    def _round(self, round_: Callable[[], Any]) -> Any:
        from dragoman.watch.watcher import RoundReport

        try:
            report = self.access.write(lambda s: round_())
        except Exception as e:  # noqa: BLE001 - logged; the server and the next round go on
            log.error("watch round failed: %s: %s", type(e).__name__, e)
            return RoundReport()
        if report.stored or report.alerts:
            self.invalidate()
        return report

    def over_memory(self) -> None:
        """Past ``watch.max_memory_mb`` a server does not start afresh as ``dragoman watch`` does (that would
        drop the requests in flight): it says so once, and the watcher goes on."""
        from dragoman.watch.watcher import resident_mb

        self.memory_warning = (f"the server's resident memory ({resident_mb():,.0f} MB) is over the watcher's limit "
                               f"({self.watcher.memory_limit():,.0f} MB, watch.max_memory_mb): restart the server when "
                               "convenient; the watcher goes on and its state is in the store")
        log.warning("%s", self.memory_warning)

    def _run(self) -> None:
        from dragoman.watch.watcher import Watcher

        try:
            self.watcher = self.access.write(lambda s: Watcher(
                s, self.feeds, self.rules, self.settings, pipeline=_SharedPipeline(self.coder),
                progress=lambda line: log.info("%s", line), out=self.out, own_store=False,
                reconnect=self.access.reconnect))
            if self.watcher.run(self._stop, around=self._round, recycle=True):
                self.over_memory()
                self.watcher.run(self._stop, around=self._round)
        except BaseException as e:  # noqa: BLE001 - reported by the server's log and stop()
            self.error = e
            log.error("the watcher stopped: %s: %s", type(e).__name__, e)

    def stop(self, timeout: float = 60.0) -> None:
        """Stop after the poll in progress, and close the watcher's connections."""
        self._stop.set()
        if self.watcher is not None:
            self.watcher.clock.wake()
        self._thread.join(timeout)
        if self.watcher is not None:
            self.watcher.close()
