"""Freed memory goes back to the operating system after large messages."""

from __future__ import annotations

import gc

import psutil

from relay.memory import release_free_memory


def test_freed_heap_memory_is_returned() -> None:
    process = psutil.Process()
    # 100 KB blocks come from the heap (below glibc's mmap threshold), not from mmap
    blocks = [bytes(100_000) + bytes([n % 256]) for n in range(2_000)]
    keep = blocks[-1]  # the heap's top stays in use: only a trim can give the rest back
    del blocks
    gc.collect()
    before = process.memory_info().rss
    assert release_free_memory()
    after = process.memory_info().rss
    assert before - after > 100 * 2**20, (before >> 20, after >> 20)
    assert keep
