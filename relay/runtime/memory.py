"""Giving freed memory back to the operating system after large messages.

glibc keeps memory that Python freed for reuse instead of returning it: after each 10 MB message
a process's RSS kept about 10 MB more (measured: +103 MB after fifteen 14 MB parses, +19 MB with
a trim after each). `malloc_trim(0)` returns the free pages. Elsewhere than on glibc it does
nothing.

glibc also raises its mmap threshold each time a block that came from mmap is freed (up to
32 MiB): after the first 10 MB message, the next ones' buffers come from the heap and stay
there until a trim. `serve` processes fix the threshold instead (`fix_mmap_threshold`), so a
buffer of 2 MiB and more is unmapped the moment Python frees it.

Not lower: every block served by mmap is fresh pages, one page fault (~3-5 us on the bench VM)
per 4 KiB touched. At 256 KiB, each 1.4 MB message's buffers (the received bytes, the decoded
PDF, the texts) cost a worker ~2,000 faults; at 2 MiB they mostly reuse heap blocks the
previous message freed (~260 faults; 4 MiB saved those too but kept more of each 10 MB
message's growing buffers on the heap while in flight: peak memory 3.94x -> 4.18x the bytes in
flight). What a message leaves on the heap is returned once the process is idle
(`IdleRelease`), and after every message of `process_bytes` and more. Parse processes, which
only see messages of `process_bytes` and more, keep `LARGE_MESSAGE_MMAP_THRESHOLD`.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
from collections.abc import Callable
from functools import cache

# mallopt's parameter numbers (malloc.h)
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 2 * 1024 * 1024
# parse processes: messages of process_bytes and more, their buffers unmapped as soon as freed
LARGE_MESSAGE_MMAP_THRESHOLD = 256 * 1024
# a message this large may leave freed blocks of its own size on the heap
HEAP_KEEPS_BYTES = 256 * 1024


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
    """Serve blocks of `size` bytes and more from mmap, always; False where not glibc.

    The heap's free top is kept up to twice that (glibc's own ratio when it moves the
    threshold itself): with its default 128 KiB, the main thread's heap gave a freed 1.4 MB
    buffer back at once and faulted it in again for the next message."""
    libc = _libc()
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, size)) and bool(mallopt(_M_TRIM_THRESHOLD, 2 * size))


def release_free_memory() -> bool:
    """Return freed heap memory to the OS; False where the C library cannot (not glibc)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)  # ctypes releases the GIL for the call
    return True


def freeze_startup_objects() -> int:
    """Keep what start-up loaded out of every later garbage collection; the count kept out.

    A warmed relay holds ~150,000 container objects for good (the policy, langdetect's profile
    table, the libraries): a full collection walked all of them, 140-190 ms with the event loop
    stopped, several times in a few seconds of load. Called once they are loaded (after a
    collection, so no garbage is frozen); later collections only see what came after.
    """
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


class IdleRelease:
    """Returns the heap to the OS once no message has been in flight for `delay` seconds,
    after messages large enough to leave freed blocks on it (`HEAP_KEEPS_BYTES`).

    Not after each one: under load the next message reuses those blocks without page faults,
    which is why they are kept (`MMAP_THRESHOLD`). Idle, the relay holds no more than before.
    """

    def __init__(self, delay: float = 2.0) -> None:
        self.delay = delay
        self.released = 0  # times the heap was returned, for tests and curiosity
        self._in_flight = 0
        self._pending = False
        self._timer: asyncio.TimerHandle | None = None
        self._tasks: set[asyncio.Task[bool]] = set()

    def started(self) -> None:
        self._in_flight += 1

    def finished(self, size: int) -> None:
        self._in_flight -= 1
        if size >= HEAP_KEEPS_BYTES:
            self._pending = True
        if self._in_flight == 0 and self._pending and self._timer is None:
            self._timer = asyncio.get_running_loop().call_later(self.delay, self._release)

    def _release(self) -> None:
        self._timer = None
        if self._in_flight or not self._pending:
            return  # busy again: the next idle moment schedules it anew
        self._pending = False
        self.released += 1
        task = asyncio.get_running_loop().create_task(asyncio.to_thread(release_free_memory))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
