"""The API's handle on the store: one owner of the DuckDB file, many concurrent readers, one writer.

DuckDB allows one process to write a file; while ``dragoman serve`` runs, this process is it.
Readers run in the server's thread pool; each thread reads through its own read-only ``Store`` on
a DuckDB cursor of the one connection (cursors may run in parallel), each read inside one snapshot
transaction.  Writes (ingest) take the write lock, so two ingests never interleave, and readers
see a batch either whole or not at all (the store commits a batch in one transaction).  Readers
share a ``SnapshotCache`` of per-filter counts (``Store.key_counts``), emptied by every write.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable, TypeVar

from dragoman.api.cache import SnapshotCache

T = TypeVar("T")


class StoreAccess:
    """Opens the store once for the life of the server and hands it to readers and the writer."""

    def __init__(self, path: str | Path):
        from dragoman.store import Store

        self.path = Path(path)
        self._cm = Store.open(str(self.path))
        self.store = self._cm.__enter__() if hasattr(self._cm, "__enter__") else self._cm
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[Any] = []
        self._reader_factory = self._find_reader_factory()
        self.snapshots = SnapshotCache()  # per-filter counts behind pages and totals, until the next write

    def _find_reader_factory(self) -> Callable[[], Any] | None:
        """Per-thread read-only Stores on DuckDB cursors of the one connection (same database)."""
        con = getattr(self.store, "con", None)
        if con is None or not hasattr(con, "cursor"):
            return None
        cls = type(self.store)
        return lambda: cls(con.cursor(), str(self.path), True)

    def _reader(self) -> Any:
        r = getattr(self._local, "reader", None)
        if r is None:
            assert self._reader_factory is not None
            r = self._reader_factory()
            self._local.reader = r
            with self._read_lock:
                self._readers.append(r)
        return r

    def read(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn(store)`` for a read, in one snapshot transaction, concurrently with other reads.

        The transaction matters: a read that runs two statements (a count and a page) must not see
        an ingest commit between them.
        """
        if self._reader_factory is None:
            with self._read_lock:
                return fn(self.store)
        reader = self._reader()
        con = reader.con
        view = self.snapshots.view()  # before the snapshot begins: see SnapshotCache
        reader.key_counts = view
        con.execute("BEGIN TRANSACTION")
        try:
            out = fn(reader)
            if view is not None and not view.settle():
                reader.key_counts = None  # a write ran meanwhile: read again without the cache, same snapshot
                out = fn(reader)
            return out
        finally:
            reader.key_counts = None
            try:
                con.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - a failed statement may have ended the transaction already
                pass

    def write(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn(store)`` for a write; one at a time (readers go on meanwhile)."""
        with self._write_lock:
            self.snapshots.begin_write()
            try:
                if self._reader_factory is not None:
                    return fn(self.store)
                with self._read_lock:
                    return fn(self.store)
            finally:
                self.snapshots.end_write()

    def close(self) -> None:
        for r in self._readers:
            close = getattr(r, "close", None)
            if callable(close):
                try:
                    close()
                except Exception:  # noqa: BLE001 - closing on shutdown, nothing to report to
                    pass
        self._readers.clear()
        if hasattr(self._cm, "__exit__"):
            self._cm.__exit__(None, None, None)
        else:
            close = getattr(self.store, "close", None)
            if callable(close):
                close()
