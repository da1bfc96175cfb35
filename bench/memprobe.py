"""Where a process's memory is: one sample of its resident memory split by who holds it (Linux, glibc).

    from bench.memprobe import sample
    sample(store)   # {"rss": ..., "anon": ..., "file": ..., "glibc_used": ..., "glibc_free": ..., "mmapped": ...,
                    #  "py_arenas": ..., "py_used": ..., "duckdb": ..., "duckdb_by_tag": {...}}

``bench.watch --probe FILE`` writes one after every round of the soak's watcher processes (a JSON line each).
Every figure is in MB.  ``glibc_*`` is ``mallinfo2()`` (every arena: what is in use, what is free and kept,
what is ``mmap``-ed apart); ``py_*`` is Python's small-object allocator (``sys._debugmallocstats``: its arenas,
1 MB each in Python 3.11, and the bytes of the blocks in use in them); ``duckdb`` is ``duckdb_memory()`` (its buffer manager:
cached blocks, indexes, hash tables), ``duckdb_by_tag`` by tag.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
import tempfile
from typing import Any

MB = 1024 * 1024


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


_LIBC: Any = None


def mallinfo() -> dict[str, float]:
    """glibc's ``mallinfo2()``, in MB: ``glibc_heap`` (arenas' size), ``glibc_used``, ``glibc_free``, ``mmapped``."""
    global _LIBC
    if _LIBC is None:
        _LIBC = ctypes.CDLL("libc.so.6")
        _LIBC.mallinfo2.restype = _Mallinfo2
    m = _LIBC.mallinfo2()
    return {"glibc_heap": m.arena / MB, "glibc_used": m.uordblks / MB, "glibc_free": m.fordblks / MB,
            "mmapped": m.hblkhd / MB, "mmapped_n": m.hblks}


def pymalloc() -> dict[str, float]:
    """Python's small-object allocator: ``py_arenas`` (MB of arenas held), ``py_used`` (MB in blocks in use)."""
    with tempfile.TemporaryFile() as fh:
        saved = os.dup(2)
        try:
            sys.stderr.flush()
            os.dup2(fh.fileno(), 2)
            sys._debugmallocstats()  # type: ignore[attr-defined]
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        fh.seek(0)
        text = fh.read().decode("ascii", "replace")

    def num(label: str) -> int:
        m = re.search(re.escape(label) + r"\s*=\s*([\d,]+)", text)
        return int(m.group(1).replace(",", "")) if m else 0

    return {"py_arenas": num("# arenas allocated current") * (1 << 20) / MB, "py_used": num("# bytes in allocated blocks") / MB,
            "py_free_pools": num("# bytes in available blocks") / MB}


def smaps() -> dict[str, float]:
    out = {}
    try:
        with open("/proc/self/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                k, _, v = line.partition(":")
                if k in ("Rss", "Anonymous", "Private_Dirty", "Shared_Clean", "Private_Clean"):
                    out[k.lower()] = int(v.split()[0]) / 1024
    except OSError:
        pass
    return out


def duckdb_memory(store: Any) -> dict[str, Any]:
    try:
        rows = store.con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall()
    except Exception:  # noqa: BLE001 - a probe
        return {}
    by = {t: round(b / MB, 2) for t, b in rows if b}
    return {"duckdb": round(sum(by.values()), 2), "duckdb_by_tag": by}


def sample(store: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    out.update(smaps())
    out.update(mallinfo())
    out.update(pymalloc())
    out.update(jemalloc())
    if store is not None:
        out.update(duckdb_memory(store))
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}


_JE: Any = None


def _jemalloc() -> Any:
    """DuckDB's own jemalloc (statically linked into its module, its symbols prefixed ``duckdb_je_``), or False."""
    global _JE
    if _JE is None:
        try:
            import duckdb

            lib = ctypes.CDLL(duckdb._duckdb.__file__)
            fn = lib.duckdb_je_mallctl
            fn.argtypes = [ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t), ctypes.c_void_p,
                           ctypes.c_size_t]
            fn.restype = ctypes.c_int
            _JE = fn
        except (OSError, AttributeError):
            _JE = False
    return _JE


def jemalloc() -> dict[str, float]:
    """DuckDB's jemalloc, in MB: ``je_allocated`` (in use), ``je_resident`` (its pages in memory, dirty ones
    included), ``je_retained``."""
    fn = _jemalloc()
    if not fn:
        return {}
    epoch = ctypes.c_uint64(1)
    fn(b"epoch", None, None, ctypes.byref(epoch), ctypes.sizeof(epoch))
    out = {}
    for name in ("allocated", "active", "resident", "mapped", "retained"):
        v = ctypes.c_size_t(0)
        n = ctypes.c_size_t(ctypes.sizeof(v))
        if fn(f"stats.{name}".encode(), ctypes.byref(v), ctypes.byref(n), None, 0) == 0:
            out["je_" + name] = v.value / MB
    return out
