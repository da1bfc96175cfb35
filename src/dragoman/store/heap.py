"""Memory freed but kept by the allocators, given back to the system (for a long-running writer: ``dragoman watch``).

    from dragoman.store.heap import trim_heap
    trim_heap()   # glibc's free memory and DuckDB's dirty pages given back

A process that stores for ever frees most of what a batch allocates, but its allocators keep freed memory
resident for the next allocation, and the larger the store, the more a batch's statements allocate:

* glibc's ``malloc`` (Python's objects over 512 bytes, numpy, spaCy's buffers) keeps the free chunks of its
  heap: ``malloc_trim(0)`` gives back their pages.
* DuckDB allocates through its own jemalloc, linked into its module (on 64-bit Linux), which keeps the pages a
  statement freed ("dirty") until they have aged, and ages them only when it allocates again: over the soak's
  store at 2,500 articles it held 18.7 MB resident for 7.5 MB in use after a batch.  Its ``mallctl``
  (``duckdb_je_mallctl``) flushes the calling thread's cache and purges every arena's dirty pages.
* Arrow's memory pool (mimalloc) releases its unused memory on ``release_unused()``.

Each is skipped where it is missing (another platform, another build): nothing is done and nothing fails.
"""

from __future__ import annotations

import ctypes
from typing import Any

#: jemalloc's ``MALLCTL_ARENAS_ALL``: ``arena.<i>.purge`` with this index purges every arena
_ARENAS_ALL = 4096

_LIBC: Any = None
_JE_MALLCTL: Any = None


def _libc() -> Any:
    global _LIBC
    if _LIBC is None:
        try:
            _LIBC = ctypes.CDLL("libc.so.6")
            _LIBC.malloc_trim  # noqa: B018 - glibc's (musl has none)
        except (OSError, AttributeError):
            _LIBC = False
    return _LIBC


def duckdb_mallctl() -> Any:
    """DuckDB's jemalloc ``mallctl`` (its module's ``duckdb_je_mallctl``), or False where DuckDB has none."""
    global _JE_MALLCTL
    if _JE_MALLCTL is None:
        try:
            import duckdb

            fn = ctypes.CDLL(duckdb._duckdb.__file__).duckdb_je_mallctl  # the module loaded already: the same copy
            fn.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p,
                           ctypes.c_size_t]
            fn.restype = ctypes.c_int
            _JE_MALLCTL = fn
        except (OSError, AttributeError, ImportError):
            _JE_MALLCTL = False
    return _JE_MALLCTL


def purge_duckdb() -> bool:
    """Give back the pages DuckDB's jemalloc holds freed: the calling thread's cache flushed (a connection held to
    one thread runs its statements on it), every arena's dirty pages purged.  False where DuckDB has no jemalloc."""
    fn = duckdb_mallctl()
    if not fn:
        return False
    fn(b"thread.tcache.flush", None, None, None, 0)
    return int(fn(f"arena.{_ARENAS_ALL}.purge".encode(), None, None, None, 0)) == 0


def trim_heap() -> bool:
    """Give the memory the allocators keep freed back to the system: glibc's (``malloc_trim``), DuckDB's jemalloc
    (``purge_duckdb``) and Arrow's pool.  Memory freed in the middle of a heap (DuckDB's cached blocks once its
    connection closes, a batch's short-lived buffers) otherwise stays resident, and more of it the larger the store
    a batch reads.  False where there is no glibc."""
    purge_duckdb()
    try:
        import pyarrow as pa

        pa.default_memory_pool().release_unused()
    except (ImportError, AttributeError):
        pass
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc else False
