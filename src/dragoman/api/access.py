"""The API's handle on the store: one owner of the DuckDB file, many concurrent readers, one writer.

DuckDB allows one process to write a file; while ``dragoman serve`` runs, this process is it.
Readers run in the server's thread pool; each thread reads through its own read-only ``Store`` on
a DuckDB cursor of the one connection (cursors may run in parallel), each read inside one snapshot
transaction.  Writes (ingest) take the write lock, so two ingests never interleave, and readers
see a batch either whole or not at all (the store commits a batch in one transaction).  Readers
share a ``SnapshotCache`` of per-filter counts (``Store.key_counts``), emptied by every write.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from dragoman.api.cache import SnapshotCache

if TYPE_CHECKING:
    from dragoman.store import Store

T = TypeVar("T")


class StoreAccess:
    """Opens the store once for the life of the server and hands it to readers and the writer."""

    def __init__(self, path: str | os.PathLike[str]):
        from dragoman.store import Store

        self.path = Path(path)
        self.store = Store.open(str(self.path))
        self._write_lock = threading.Lock()
        self._read_lock = threading.Lock()  # guards the list of readers
        self._local = threading.local()
        self._readers: list[Store] = []
        self.snapshots = SnapshotCache()  # per-filter counts behind pages and totals, until the next write
        self._gate = threading.Condition()  # reads in progress, and a reconnect waiting for them
        self._reading = 0
        self._reconnecting = False
        self._generation = 0  # readers of an older connection are replaced

    def _reader(self) -> Store:
        """This thread's read-only Store (``Store.reader``: a cursor of the one connection)."""
        r: Store | None = getattr(self._local, "reader", None)
        if r is None or getattr(self._local, "generation", -1) != self._generation:
            r = self._local.reader = self.store.reader()
            self._local.generation = self._generation
            with self._read_lock:
                self._readers.append(r)
        return r

    def read(self, fn: Callable[[Store], T]) -> T:
        """Run ``fn(store)`` for a read, in one snapshot transaction, concurrently with other reads.

        The transaction matters: a read that runs two statements (a count and a page) must not see
        an ingest commit between them.
        """
        with self._gate:
            while self._reconnecting:
                self._gate.wait()
            self._reading += 1
        try:
            return self._read(fn)
        finally:
            with self._gate:
                self._reading -= 1
                self._gate.notify_all()

    def _read(self, fn: Callable[[Store], T]) -> T:
        reader = self._reader()
        view = self.snapshots.view()  # before the snapshot begins: see SnapshotCache
        reader.key_counts = view
        try:
            with reader.snapshot():
                out = fn(reader)
                if view is not None and not view.settle():
                    reader.key_counts = None  # a write ran meanwhile: read again without the cache, same snapshot
                    out = fn(reader)
                return out
        finally:
            reader.key_counts = None

    def write(self, fn: Callable[[Store], T]) -> T:
        """Run ``fn(store)`` for a write; one at a time (readers go on meanwhile)."""
        with self._write_lock:
            self.snapshots.begin_write()
            try:
                return fn(self.store)
            finally:
                self.snapshots.end_write()

    def reconnect(self) -> None:
        """Open the store's connection afresh (``Store.reconnect``: DuckDB gives back the blocks it cached),
        waiting for the reads in progress and holding new ones meanwhile (a few milliseconds); each thread
        then reads through a cursor of the new connection.  Called by the watcher under the write lock."""
        with self._gate:
            self._reconnecting = True
            try:
                while self._reading:
                    self._gate.wait()
                with self._read_lock:
                    for r in self._readers:
                        with contextlib.suppress(Exception):
                            r.close()
                    self._readers.clear()
                self._generation += 1
                self.store.reconnect()
            finally:
                self._reconnecting = False
                self._gate.notify_all()

    def close(self) -> None:
        for r in self._readers:
            with contextlib.suppress(Exception):  # closing on shutdown, nothing to report to
                r.close()
        self._readers.clear()
        self.store.close()
