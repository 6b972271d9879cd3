"""Freed memory goes back to the operating system after large messages."""

from __future__ import annotations

import gc

import psutil

from relay.runtime.memory import release_free_memory


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


_AFTER_A_LARGE_BLOCK = """
import sys, psutil
from relay.runtime.memory import fix_mmap_threshold
if sys.argv[1] == "fixed":
    assert fix_mmap_threshold()
process = psutil.Process()
big = bytearray(20 * 2**20)  # from mmap; freeing it raises glibc's dynamic threshold
del big
blocks = [bytearray(2**20) for _ in range(100)]
top = bytearray(100_000)  # from the top of the heap: keeps it in use
before = process.memory_info().rss
del blocks
print((before - process.memory_info().rss) >> 20)
"""


def test_fixed_mmap_threshold_unmaps_large_blocks_as_they_are_freed() -> None:
    """100 freed 1 MiB blocks: kept on the heap by default glibc, returned with the fix."""
    import subprocess
    import sys

    def returned(mode: str) -> int:
        out = subprocess.run(
            [sys.executable, "-c", _AFTER_A_LARGE_BLOCK, mode],
            capture_output=True,
            text=True,
            check=True,
        )
        return int(out.stdout)

    assert returned("default") < 20
    assert returned("fixed") > 90


_FREEZE = """
import gc, json
from relay.runtime.memory import freeze_startup_objects
kept = [[i] for i in range(20000)]  # what start-up loads and keeps
frozen = freeze_startup_objects()
tracked = {id(o) for o in gc.get_objects()}
print(json.dumps({"frozen": frozen, "still_walked": sum(id(o) in tracked for o in kept)}))
"""


def test_startup_objects_are_left_out_of_later_collections() -> None:
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-c", _FREEZE], capture_output=True, text=True, check=True
    )
    result = json.loads(out.stdout)
    assert result["frozen"] >= 20000
    assert result["still_walked"] == 0
