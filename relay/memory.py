"""Giving freed memory back to the operating system after large messages.

glibc keeps memory that Python freed for reuse instead of returning it: after each 10 MB message
a process's RSS kept about 10 MB more (measured: +103 MB after fifteen 14 MB parses, +19 MB with
a trim after each). `malloc_trim(0)` returns the free pages. Elsewhere than on glibc it does
nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def release_free_memory() -> bool:
    """Return freed heap memory to the OS; False where the C library cannot (not glibc)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)  # ctypes releases the GIL for the call
    return True
