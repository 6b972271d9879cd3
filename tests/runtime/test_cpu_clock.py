"""cpu_timed counts the CPU of the call, in the thread or process that ran it, not the wait."""

from __future__ import annotations

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

from relay.runtime.cpu_clock import cpu_timed


def _spin(seconds: float) -> str:
    deadline = time.thread_time() + seconds
    while time.thread_time() < deadline:
        pass
    return "spun"


def test_cpu_spent_is_counted_and_a_wait_is_not() -> None:
    result, spent = cpu_timed(_spin, 0.05)
    assert result == "spun" and spent >= 0.05
    wall = time.perf_counter()
    result, waited = cpu_timed(time.sleep, 0.2)
    assert result is None
    assert time.perf_counter() - wall >= 0.2
    assert waited < 0.05


def test_the_cpu_of_a_call_in_another_process_is_that_process_own() -> None:
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        caller_before = time.process_time()
        result, spent = pool.submit(cpu_timed, _spin, 0.2).result(timeout=60)
        caller_spent = time.process_time() - caller_before
    assert result == "spun" and spent >= 0.2
    assert caller_spent < 0.2  # the caller only waited
