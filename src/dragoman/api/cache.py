"""A small response cache for the read endpoints, emptied by every write.

While ``dragoman serve`` runs it is the store's only writer, so a read's answer stays true until
the server itself writes: each ``POST /api/ingest`` bumps the generation and empties the cache.
A dashboard asks the same questions over and over (every panel of every visitor's first page),
and on a million events one page costs tens of milliseconds of DuckDB time; a hit costs none.
Entries are whole JSON bodies, keyed by path and the request's validated parameters (never its raw
query string: unknown parameters are refused, and ``quad=04`` is ``quad=4``).  The cache is bounded
in entries and in bytes (``[api] cache_bytes``, counting each body and its key); least recently used go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

#: bytes counted for an entry besides its body and key (the dict slot, the tuple, the bytes object)
ENTRY_OVERHEAD = 200


class ResponseCache:
    def __init__(self, max_entries: int = 2048, max_body: int = 2_000_000, max_bytes: int = 64_000_000):
        self.max_entries = max_entries
        self.max_body = max_body
        self.max_bytes = max_bytes
        self.generation = 0
        self.bytes = 0  # what the kept entries count for (see ``_size``)
        self._data: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)

    @staticmethod
    def _size(key: tuple[Any, ...], body: bytes) -> int:
        return len(body) + len(repr(key)) + ENTRY_OVERHEAD

    def get(self, key: tuple[Any, ...]) -> bytes | None:
        with self._lock:
            body = self._data.get(key)
            if body is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: tuple[Any, ...], body: bytes, generation: int) -> None:
        """Keep ``body`` unless a write happened since the read began (``generation`` is stale)."""
        size = self._size(key, body)
        if self.max_entries <= 0 or len(body) > self.max_body or size > self.max_bytes:
            return
        with self._lock:
            if generation != self.generation:
                return
            old = self._data.pop(key, None)
            if old is not None:
                self.bytes -= self._size(key, old)
            self._data[key] = body
            self.bytes += size
            while len(self._data) > self.max_entries or self.bytes > self.max_bytes:
                k, b = self._data.popitem(last=False)
                self.bytes -= self._size(k, b)

    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1
            self._data.clear()
            self.bytes = 0


class SnapshotCache:
    """Values computed from the store (the per-filter histograms behind ``GET /api/events``' totals
    and pages), kept until the next write and used only by reads that saw no write.

    A read takes a ``view()`` before its snapshot transaction begins and ``settle()``s it at the
    end.  Writes call ``begin_write()``/``end_write()``, each bumping the generation.  DuckDB takes
    a transaction's snapshot lazily, so a read cannot know which generation its snapshot shows
    until it is over: if no write began or ran during the read, its snapshot is that of its
    generation and what it computed is kept; otherwise ``settle()`` returns False when it used a
    cached value (the caller then reads again, uncached, in the same snapshot) and drops what it
    computed.
    """

    def __init__(self, max_entries: int = 4096):
        self.max_entries = max_entries
        self.generation = 0
        self.writing = 0
        self._data: OrderedDict[tuple[Any, ...], object] = OrderedDict()
        self._lock = threading.Lock()

    def begin_write(self) -> None:
        with self._lock:
            self.writing += 1
            self.generation += 1
            self._data.clear()

    def end_write(self) -> None:
        with self._lock:
            self.writing -= 1
            self.generation += 1
            self._data.clear()

    def view(self) -> CacheView | None:
        with self._lock:
            return None if self.writing or self.max_entries <= 0 else CacheView(self, self.generation)


class CacheView:
    """One read's window on a ``SnapshotCache`` (``get``/``put`` as a Store expects)."""

    def __init__(self, cache: SnapshotCache, generation: int):
        self.cache = cache
        self.generation = generation
        self.used = False
        self._pending: list[tuple[tuple[Any, ...], object]] = []

    def get(self, key: tuple[Any, ...]) -> object | None:
        c = self.cache
        with c._lock:
            if c.generation != self.generation:
                return None
            value = c._data.get(key)
            if value is not None:
                c._data.move_to_end(key)
                self.used = True
            return value

    def put(self, key: tuple[Any, ...], value: object) -> None:
        self._pending.append((key, value))

    def settle(self) -> bool:
        """True when the read's results stand; False when it used a value its snapshot may not match."""
        c = self.cache
        with c._lock:
            clean = c.generation == self.generation and not c.writing
            if clean:
                for key, value in self._pending:
                    c._data[key] = value
                    c._data.move_to_end(key)
                while len(c._data) > c.max_entries:
                    c._data.popitem(last=False)
        self._pending.clear()
        return clean or not self.used
