"""A small response cache for the read endpoints, emptied by every write.

While ``dragoman serve`` runs it is the store's only writer, so a read's answer stays true until
the server itself writes: each ``POST /api/ingest`` bumps the generation and empties the cache.
A dashboard asks the same questions over and over (every panel of every visitor's first page),
and on a million events one page costs tens of milliseconds of DuckDB time; a hit costs none.
Entries are whole JSON bodies, keyed by path and sorted query string; least recently used go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict


class ResponseCache:
    def __init__(self, max_entries: int = 2048, max_body: int = 2_000_000):
        self.max_entries = max_entries
        self.max_body = max_body
        self.generation = 0
        self._data: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: tuple) -> bytes | None:
        with self._lock:
            body = self._data.get(key)
            if body is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: tuple, body: bytes, generation: int) -> None:
        """Keep ``body`` unless a write happened since the read began (``generation`` is stale)."""
        if self.max_entries <= 0 or len(body) > self.max_body:
            return
        with self._lock:
            if generation != self.generation:
                return
            self._data[key] = body
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1
            self._data.clear()
