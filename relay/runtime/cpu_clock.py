"""CPU time of one call, next to the wall-clock time the relay already logs.

`policy_ms` is wall-clock: on a busy host it includes the time the judging thread waited for
a core. `policy_cpu_ms` is what the judging itself cost, so an operator (and the benchmark)
can tell a slow rule from a crowded machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def cpu_timed(func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> tuple[T, float]:
    """`func(*args, **kwargs)` and the CPU seconds the calling thread spent in it.

    A module-level function, so that a process pool can run it (the parse processes)."""
    started = time.thread_time()
    result = func(*args, **kwargs)
    return result, time.thread_time() - started
