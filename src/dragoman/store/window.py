"""The near-duplicate index of a long-running writer: the latest ``capacity`` articles in one fixed block of memory.

    index = WindowIndex(20_000)          # about 1.1 kB per article, taken (and touched) at once
    index.add("a1", signature)           # -> None (nothing earlier)
    index.add("a2", signature_of_copy)   # -> "a1"

It answers as ``dragoman.ingest.dedup.NearDuplicateIndex`` trimmed to its latest ``capacity``
keys does: the same LSH banding (datasketch's bands and rows for the threshold), the same check
of the estimated similarity, the earliest match wins.  But where that index keeps a dictionary
entry, a bytes key and a set per band and article (about 4 kB of small Python objects each, which
also fragment the heap), this one keeps a ring of numpy arrays allocated once: a signature row,
a 64-bit hash per band, and the key and its link as fixed-width bytes (no Python object per article).  A query compares the hashes of every row at once (a few hundred
microseconds at 20,000 rows) and checks the candidates' bands exactly, so a hash collision never
links anything.  ``dragoman watch`` uses it (``watch.dedup_window``): its memory does not grow
with the articles it stores.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

import numpy as np

from dragoman.ingest.dedup import NUM_PERM, THRESHOLD, _is_empty, similarity

#: a key (article id) up to this many UTF-8 bytes is kept as it is; a longer one by a hash (and in a dict)
KEY_BYTES = 48
_MIX = np.random.default_rng(16).integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)


def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's (bands, rows per band) for this threshold (the same candidates as ``MinHashLSH``)."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


class WindowIndex:
    """Links each added article to the earliest near-duplicate among the latest ``capacity`` articles."""

    def __init__(self, capacity: int, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        if capacity < 1:
            raise ValueError(f"the window must hold at least one article, not {capacity}")
        self.capacity = capacity
        self.threshold = threshold
        self.num_perm = num_perm
        self.b, self.r = _bands(threshold, num_perm)
        # written through now (not left to the first write), so the resident memory is all there from the start
        self._sigs = np.empty((capacity, num_perm), dtype=np.uint64)
        self._sigs.fill(0)
        self._hashes = np.empty((capacity, self.b), dtype=np.uint64)
        self._hashes.fill(0)
        self._indexed = np.zeros(capacity, dtype=bool)  # False: a free slot, or the empty text's signature
        self._order = np.empty(capacity, dtype=np.int64)
        self._order.fill(-1)
        # keys and links as fixed-width bytes and a 64-bit hash, not Python objects: a long-lived small object
        # made per article, amid the coding's short-lived ones, would keep their memory pages from being reused
        self._keys = np.zeros(capacity, dtype=f"S{KEY_BYTES}")
        self._links = np.zeros(capacity, dtype=f"S{KEY_BYTES}")
        self._keyhash = np.zeros(capacity, dtype=np.uint64)
        self._long: dict[bytes, str] = {}  # the rare key longer than KEY_BYTES: its hash -> the key
        self._size = 0
        self._next = 0  # the next insertion number; its slot is _next % capacity

    def __len__(self) -> int:
        return self._size

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._row(key) is not None

    def _packed(self, key: str) -> bytes:
        raw = key.encode("utf-8")
        if len(raw) <= KEY_BYTES:
            return raw
        short = b"\x00" + hashlib.blake2b(raw, digest_size=16).hexdigest().encode()  # no trailing NUL (numpy strips it)
        self._long.setdefault(short, key)
        return short

    def _unpacked(self, raw: bytes) -> str:
        return self._long[raw] if raw[:1] == b"\x00" else raw.decode("utf-8")

    def _row(self, key: str) -> int | None:
        raw = self._packed(key)
        h = np.uint64(int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "little") | 1)
        for row in np.nonzero(self._keyhash == h)[0].tolist():
            if self._keys[row] == raw:
                return int(row)
        return None

    def signature(self, key: str) -> np.ndarray:
        row = self._row(key)
        if row is None:
            raise KeyError(key)
        sig: np.ndarray = self._sigs[row].copy()
        return sig

    def _band_hashes(self, sig: np.ndarray) -> np.ndarray:
        mixed = (sig[: self.b * self.r] * _MIX[: self.b * self.r]).reshape(self.b, self.r)
        hashes: np.ndarray = np.bitwise_xor.reduce(mixed, axis=1)
        return hashes

    def query(self, sig: Sequence[int] | np.ndarray) -> list[tuple[str, float]]:
        """Keys in the window similar enough, with their estimated similarity, earliest first."""
        s = self._as_signature(sig)
        if _is_empty(s) or not self._size:
            return []
        hashes = self._band_hashes(s)
        rows = np.nonzero(self._indexed & (self._hashes == hashes).any(axis=1))[0]
        out = []
        want = s[: self.b * self.r].reshape(self.b, self.r)
        for row in sorted(rows.tolist(), key=lambda k: int(self._order[k])):
            have = self._sigs[row, : self.b * self.r].reshape(self.b, self.r)
            if not (have == want).all(axis=1).any():  # a hash collision, not a shared band
                continue
            sim = similarity(s, self._sigs[row])
            if sim >= self.threshold:
                out.append((self._unpacked(bytes(self._keys[row])), sim))
        return out

    def add(self, key: str, sig: Sequence[int] | np.ndarray) -> str | None:
        """Index ``key`` (the oldest article leaves a full window); the earliest near-duplicate's key, or None.

        Adding a key the window holds does not index it again: the link found the first time is returned."""
        row = self._row(key)
        if row is not None:
            link = bytes(self._links[row])
            return self._unpacked(link) if link else None
        s = self._as_signature(sig)
        found = self.query(s)
        found_key = found[0][0] if found else None
        self._insert(key, s, found_key)
        return found_key

    def trim(self, max_keys: int) -> int:
        """Forget the earliest keys until at most ``max_keys`` are left; how many were forgotten."""
        n = 0
        while self._size > max(0, max_keys):
            live = np.nonzero(self._order >= 0)[0]
            self._free(int(live[np.argmin(self._order[live])]))
            n += 1
        return n

    def _free(self, row: int) -> None:
        if self._order[row] >= 0:
            self._size -= 1
        for packed in (bytes(self._keys[row]), bytes(self._links[row])):
            if packed[:1] == b"\x00" and not ((self._keys == packed).sum() + (self._links == packed).sum() > 1):
                self._long.pop(packed, None)
        self._keys[row] = b""
        self._links[row] = b""
        self._keyhash[row] = 0
        self._indexed[row] = False
        self._order[row] = -1

    def _insert(self, key: str, s: np.ndarray, link: str | None) -> None:
        row = self._next % self.capacity
        self._free(row)
        raw = self._packed(key)
        self._sigs[row] = s
        self._hashes[row] = self._band_hashes(s)
        self._indexed[row] = not _is_empty(s)
        self._order[row] = self._next
        self._keys[row] = raw
        self._links[row] = self._packed(link) if link else b""
        self._keyhash[row] = int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "little") | 1
        self._size += 1
        self._next += 1

    def _as_signature(self, sig: Sequence[int] | np.ndarray) -> np.ndarray:
        s = np.asarray(sig, dtype=np.uint64)
        if s.ndim != 1 or s.shape[0] != self.num_perm:
            raise ValueError(f"a signature must hold {self.num_perm} values, got shape {s.shape}")
        return s

    @classmethod
    def from_signatures(cls, capacity: int, pairs: Iterable[tuple[str, Sequence[int] | np.ndarray]],
                        threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> WindowIndex:
        """A window filled with stored ``(key, signature)`` pairs in their original order (the latest stay);
        links are not recomputed (they are stored already)."""
        index = cls(capacity, threshold, num_perm)
        for key, sig in pairs:
            if key not in index:
                index._insert(key, index._as_signature(sig), None)
        return index
