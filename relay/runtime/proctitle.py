"""The relay's processes name themselves: bsm-zygote, bsm-worker-N, bsm-parse.

Forked processes keep the name of the process they were forked from, so `ps -o comm`, top and
psutil would show every worker and parse process as the zygote's `python3`. The name is the
kernel's (15 bytes, /proc/self/comm); the command line is left as it is.
"""

from __future__ import annotations

from pathlib import Path

_COMM = Path("/proc/self/comm")


def name_process(name: str) -> bool:
    """Name this process (the kernel keeps 15 bytes); False where /proc is not Linux's."""
    try:
        _COMM.write_text(name[:15], encoding="ascii")
    except OSError:
        return False
    return True
