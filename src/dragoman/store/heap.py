"""Memory freed but kept by the allocators, given back to the system (for a long-running writer: ``dragoman watch``).

    from dragoman.store.heap import trim_heap
    trim_heap()   # glibc's free memory given back
"""

from __future__ import annotations

import ctypes
from typing import Any

_LIBC: Any = None


def trim_heap() -> bool:
    """Give the free memory of the C heap back to the system (glibc's ``malloc_trim``): memory freed in the
    middle of the heap (DuckDB's cached blocks once its connection closes, a round's short-lived buffers)
    otherwise stays resident, and more of it the larger the store a round reads.  False where there is no
    glibc (nothing done)."""
    global _LIBC
    try:
        if _LIBC is None:
            _LIBC = ctypes.CDLL("libc.so.6")
        return bool(_LIBC.malloc_trim(0))
    except (OSError, AttributeError):
        _LIBC = False
        return False
