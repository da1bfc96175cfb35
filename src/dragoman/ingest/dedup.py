"""Near-duplicate articles: the same wire story on twenty sites.

A MinHash signature over word 5-shingles estimates the Jaccard similarity of two texts; an LSH
index (datasketch ``MinHashLSH``) finds, for a new article, the earlier ones whose similarity is
probably above the threshold (0.8).  Both articles are kept: the later one is *linked* to the
earlier one it repeats (``duplicate_of``) so the store can count independent sources.

    index = NearDuplicateIndex()
    index.add("a1", text_a)          # -> None  (nothing earlier)
    index.add("a2", text_b)          # -> "a1"  (text_b repeats text_a)

Signatures are plain ``numpy.uint64`` arrays of ``NUM_PERM`` values, computed with a fixed seed,
so they can be stored (for example in DuckDB) and the index rebuilt later with
``NearDuplicateIndex.from_signatures(pairs)`` without the texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128  # permutations per signature (more = finer similarity estimate, slower)
SHINGLE = 5  # words per shingle
THRESHOLD = 0.8  # Jaccard similarity above which two texts are near-duplicates
SEED = 1  # fixed: signatures must be comparable across processes and runs
SCHEME = "affine32"  # datasketch hashing scheme, pinned so stored signatures stay comparable

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The set of lower-cased word ``size``-shingles of ``text`` (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM) -> np.ndarray:
    """The MinHash signature of ``text`` (``numpy.uint64`` array of ``num_perm`` values).

    An empty text (no words) gives the signature of the empty set (all values at the maximum),
    which ``NearDuplicateIndex`` never links to anything.
    """
    m = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    sh = shingles(text)
    if sh:
        m.update_batch(list(sh))
    return np.asarray(m.hashvalues, dtype=np.uint64).copy()


def similarity(a: Sequence[int] | np.ndarray, b: Sequence[int] | np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal values)."""
    x, y = np.asarray(a, dtype=np.uint64), np.asarray(b, dtype=np.uint64)
    if x.shape != y.shape:
        raise ValueError(f"signatures differ in length: {x.shape[0]} and {y.shape[0]}")
    return float(np.count_nonzero(x == y)) / float(x.shape[0])


_EMPTY = None  # the empty-set signature, computed lazily


def _is_empty(sig: np.ndarray) -> bool:
    global _EMPTY
    if _EMPTY is None or _EMPTY.shape != sig.shape:
        _EMPTY = np.asarray(MinHash(num_perm=sig.shape[0], seed=SEED, scheme=SCHEME).hashvalues, dtype=np.uint64)
    return bool(np.array_equal(sig, _EMPTY))


class NearDuplicateIndex:
    """Links each added article to the earliest earlier article it nearly repeats.

    ``add(key, text_or_signature)`` returns the key of that earlier article, or ``None``.  The
    candidates LSH proposes are checked against the estimated similarity, so a link means an
    estimated Jaccard similarity of at least ``threshold`` on word 5-shingles.  Not thread-safe.
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}  # key -> insertion number (earliest wins)
        self._links: dict[str, str | None] = {}
        self._next = 0  # the next insertion number

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: object) -> bool:
        return key in self._sigs

    def signature(self, key: str) -> np.ndarray:
        return self._sigs[key]

    def _as_signature(self, text_or_signature: str | Sequence[int] | np.ndarray) -> np.ndarray:
        if isinstance(text_or_signature, str):
            return minhash(text_or_signature, self.num_perm)
        sig = np.asarray(text_or_signature, dtype=np.uint64)
        if sig.ndim != 1 or sig.shape[0] != self.num_perm:
            raise ValueError(f"a signature must hold {self.num_perm} values, got shape {sig.shape}")
        return sig

    def query(self, text_or_signature: str | Sequence[int] | np.ndarray) -> list[tuple[str, float]]:
        """Earlier keys similar enough, with their estimated similarity, earliest first."""
        sig = self._as_signature(text_or_signature)
        if _is_empty(sig) or not self._sigs:
            return []
        m = MinHash(num_perm=self.num_perm, seed=SEED, scheme=SCHEME, hashvalues=sig)
        out = []
        for key in self._lsh.query(m):
            sim = similarity(sig, self._sigs[key])
            if sim >= self.threshold:
                out.append((key, sim))
        out.sort(key=lambda ks: self._order[ks[0]])
        return out

    def add(self, key: str, text_or_signature: str | Sequence[int] | np.ndarray) -> str | None:
        """Index ``key``; return the key of the earliest earlier near-duplicate, or ``None``.

        Adding a key twice does not index it again: the link found the first time is returned.
        """
        if key in self._sigs:
            return self._links.get(key)
        sig = self._as_signature(text_or_signature)
        found = self.query(sig)
        link = found[0][0] if found else None
        self._insert(key, sig)
        self._links[key] = link
        return link

    def remove(self, key: str) -> None:
        """Forget ``key``: later articles are no longer compared with it (links already made stay where they are)."""
        sig = self._sigs.pop(key, None)
        if sig is None:
            return
        self._order.pop(key, None)
        self._links.pop(key, None)
        if not _is_empty(sig):
            self._lsh.remove(key)

    def trim(self, max_keys: int) -> int:
        """Forget the earliest keys until at most ``max_keys`` are left; how many were forgotten."""
        n = 0
        while len(self._sigs) > max(0, max_keys):
            self.remove(next(iter(self._order)))
            n += 1
        return n

    def _insert(self, key: str, sig: np.ndarray) -> None:
        self._order[key] = self._next
        self._next += 1
        self._sigs[key] = sig
        if not _is_empty(sig):
            self._lsh.insert(key, MinHash(num_perm=self.num_perm, seed=SEED, scheme=SCHEME, hashvalues=sig))

    @classmethod
    def from_signatures(
        cls,
        pairs: Iterable[tuple[str, Sequence[int] | np.ndarray]],
        threshold: float = THRESHOLD,
        num_perm: int = NUM_PERM,
    ) -> NearDuplicateIndex:
        """Rebuild an index from stored ``(key, signature)`` pairs, in their original order.

        Links are not recomputed (they are already stored); later ``add`` calls find these keys.
        """
        index = cls(threshold=threshold, num_perm=num_perm)
        for key, sig in pairs:
            if key in index._sigs:
                continue
            index._insert(key, index._as_signature(sig))
            index._links[key] = None
        return index
