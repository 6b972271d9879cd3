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
big = bytearray(30 * 2**20)  # from mmap; freeing it raises glibc's dynamic threshold
del big
blocks = [bytearray(5 * 2**20) for _ in range(20)]
top = bytearray(100_000)  # from the top of the heap: keeps it in use
before = process.memory_info().rss
del blocks
print((before - process.memory_info().rss) >> 20)
"""


def test_fixed_mmap_threshold_unmaps_large_blocks_as_they_are_freed() -> None:
    """20 freed 5 MiB blocks: kept on the heap by default glibc, returned with the fix."""
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


_REUSE = """
import resource, sys
from relay.runtime.memory import MMAP_THRESHOLD, fix_mmap_threshold
assert fix_mmap_threshold(int(sys.argv[1]) if len(sys.argv) > 1 else MMAP_THRESHOLD)
def faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
held = []
for n in range(3):  # warm: the heap grows to its working size once
    held.append(bytearray(1_500_000)); held.append(bytes(1_000_000)); held.clear()
before = faults()
for n in range(20):  # a 1.4 MB message's buffers, message after message
    held.append(bytearray(1_500_000)); held.append(bytes(1_000_000)); held.clear()
print(faults() - before)
"""


def test_buffers_of_a_1mb_message_are_reused_without_page_faults() -> None:
    """Under the threshold, the next message's buffers take the blocks the last one freed;
    served by mmap (the former 256 KiB threshold) each is hundreds of fresh pages to fault in."""
    import subprocess
    import sys

    def faults(*threshold: str) -> int:
        out = subprocess.run(
            [sys.executable, "-c", _REUSE, *threshold], capture_output=True, text=True, check=True
        )
        return int(out.stdout)

    assert faults(str(256 * 1024)) > 5_000  # the comparison: mmap'd, faulted every time
    assert faults() < 200


async def test_idle_release_returns_the_heap_once_idle_not_while_busy() -> None:
    import asyncio

    from relay.runtime.memory import HEAP_KEEPS_BYTES, IdleRelease

    idle = IdleRelease(delay=0.05)
    idle.started()
    idle.started()
    idle.finished(HEAP_KEEPS_BYTES)
    await asyncio.sleep(0.1)
    assert idle.released == 0  # one still in flight
    idle.finished(100)
    idle.started()  # busy again before the delay is over
    await asyncio.sleep(0.1)
    assert idle.released == 0
    idle.finished(100)
    await asyncio.sleep(0.1)
    assert idle.released == 1
    idle.started()
    idle.finished(100)  # small messages leave nothing worth a trim
    await asyncio.sleep(0.1)
    assert idle.released == 1
    idle.close()


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
