"""Giving freed memory back to the operating system after large messages.

glibc keeps memory that Python freed for reuse instead of returning it: after each 10 MB message
a process's RSS kept about 10 MB more (measured: +103 MB after fifteen 14 MB parses, +19 MB with
a trim after each). `malloc_trim(0)` returns the free pages. Elsewhere than on glibc it does
nothing.

glibc also raises its mmap threshold each time a block that came from mmap is freed (up to
32 MiB): after the first 10 MB message, the next ones' buffers come from the heap and stay
there until a trim. `serve` processes fix the threshold instead (`fix_mmap_threshold`), so a
large buffer is unmapped the moment Python frees it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Callable
from functools import cache

# mallopt's parameter number for the mmap threshold (malloc.h)
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 256 * 1024


@cache
def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    trim: Callable[[int], int] | None = getattr(_libc(), "malloc_trim", None)
    return trim


def fix_mmap_threshold(size: int = MMAP_THRESHOLD) -> bool:
    """Serve blocks of `size` bytes and more from mmap, always; False where not glibc."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, size))


def release_free_memory() -> bool:
    """Return freed heap memory to the OS; False where the C library cannot (not glibc)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)  # ctypes releases the GIL for the call
    return True


def freeze_startup_objects() -> int:
    """Keep what start-up loaded out of every later garbage collection; the count kept out.

    A warmed relay holds ~200,000 container objects for good (the policy, langdetect's profile
    table, the libraries): a full collection walked all of them, 140-190 ms with the event loop
    stopped, several times in a few seconds of load. Called once they are loaded (after a
    collection, so no garbage is frozen); later collections only see what came after.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
