"""Large messages parsed in a worker process give exactly what parsing in a thread gives."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path

import pytest

from relay.model.types import Envelope, RelayConfig
from relay.pipeline import Checker
from relay.policy import Policy
from tests.conftest import BUYER, NOW, SELLER, make_message


async def test_process_parse_equals_thread_parse(policy: Policy) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
    raw = make_message(
        html="<p>Hallo, Ihre Bestellung 302-1234567-1234567 kommt morgen.</p>",
        attachments=[("foto.jpg", "image/jpeg", png)],
    ).replace(b"\n", b"\r\n")
    config = RelayConfig(approved_senders=(SELLER,))
    envelope = Envelope(SELLER, (BUYER,))
    in_thread = Checker(policy, config, None, offload_bytes=0)
    in_process = Checker(policy, config, None, parse_processes=1, process_bytes=0)
    try:
        a = await in_thread.evaluate(raw, envelope, NOW)
        b = await in_process.evaluate(raw, envelope, NOW)
    finally:
        in_process.close()
    assert a.message == b.message
    assert a.verdict == b.verdict
    assert a.forward_bytes == b.forward_bytes
    assert "ATT002" in {f.code for f in b.verdict.findings}
    # the parse process's CPU is counted with the judging's, as the thread's is
    assert 0 < a.policy_cpu_seconds <= a.policy_seconds
    assert 0 < b.policy_cpu_seconds <= b.policy_seconds


async def test_small_messages_stay_in_the_serving_process(policy: Policy) -> None:
    checker = Checker(policy, RelayConfig(), None, parse_processes=1, process_bytes=1 << 20)
    try:
        await checker.evaluate(make_message().replace(b"\n", b"\r\n"), Envelope(SELLER, (BUYER,)))
        assert checker._processes is not None
        assert not checker._processes._processes  # never started
    finally:
        checker.close()


async def test_parse_processes_start_before_the_first_large_message(policy: Policy) -> None:
    checker = Checker(policy, RelayConfig(), None, parse_processes=2, process_bytes=1 << 20)
    try:
        checker.start_processes()
        pool = checker._processes
        assert pool is not None
        deadline = time.monotonic() + 60
        while len(pool._processes) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert len(pool._processes) == 2
        # they run below the serving loop's priority
        for pid in pool._processes:
            while os.getpriority(os.PRIO_PROCESS, pid) == os.getpriority(os.PRIO_PROCESS, 0):
                assert time.monotonic() < deadline
                await asyncio.sleep(0.05)
    finally:
        checker.close()


def test_close_right_after_start_ends_every_parse_process(policy: Policy) -> None:
    """A stop just after start: the pool's shutdown alone left a process that was still
    starting waiting forever, and the relay hung at exit (seen with kill -9 of a supervisor)."""
    import psutil

    def running(process: psutil.Process) -> bool:
        try:
            return process.status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    for _ in range(3):
        before = {p.pid for p in psutil.Process().children()}
        checker = Checker(policy, RelayConfig(), None, parse_processes=2, process_bytes=0)
        checker.start_processes()
        time.sleep(0.05)  # the processes are being spawned
        started = [p for p in psutil.Process().children() if p.pid not in before]
        checker.close()
        deadline = time.monotonic() + 10
        while any(running(p) for p in started) and time.monotonic() < deadline:
            time.sleep(0.05)
        alive = [p for p in started if running(p)]
        for process in alive:
            process.kill()
        assert started and not alive


def test_a_parse_leaves_no_pdf_reader_behind() -> None:
    """pypdf's reader holds the PDF's streams in reference cycles; a parse process collects
    them after each message instead of carrying a 10 MB PDF's into the next parse."""
    import gc

    from pypdf import PdfReader

    from relay.model.extract import minimal_pdf
    from relay.runtime import parse_process

    gc.collect()
    raw = make_message(
        attachments=[("lieferschein.pdf", "application/pdf", minimal_pdf("Lieferschein"))]
    ).replace(b"\n", b"\r\n")
    gc.disable()  # only the parse's own collection may find them
    try:
        parsed = parse_process.parse_without_raw(raw)
        readers = [o for o in gc.get_objects() if isinstance(o, PdfReader)]
    finally:
        gc.enable()
    assert parsed.attachments and parsed.attachments[0].extracted_text
    assert not readers


async def test_a_message_that_cannot_be_spooled_is_handed_over_as_before(
    policy: Policy, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Large messages reach the parse process through a file that is gone once read; with no
    room for it, as an argument."""
    from relay.runtime import parse_process

    raw = make_message(html="<p>Ihre Bestellung 302-1234567-1234567.</p>").replace(b"\n", b"\r\n")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    checker = Checker(policy, RelayConfig(), None, parse_processes=1, process_bytes=0)
    try:
        spooled = await checker.evaluate(raw, Envelope(SELLER, (BUYER,)), NOW)
        assert not list(tmp_path.iterdir())  # read and removed

        def full(raw: bytes) -> str:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(parse_process, "spool", full)
        pickled = await checker.evaluate(raw, Envelope(SELLER, (BUYER,)), NOW)
    finally:
        checker.close()
    assert spooled.message == pickled.message and spooled.verdict == pickled.verdict


async def test_a_parse_process_that_died_is_replaced_for_the_next_message(policy: Policy) -> None:
    """The message in flight fails (the SMTP edge answers 451); the next large one is parsed by
    a new process instead of failing like it for as long as the worker lives."""
    from concurrent.futures.process import BrokenProcessPool

    checker = Checker(policy, RelayConfig(), None, parse_processes=1, process_bytes=0)
    raw = make_message().replace(b"\n", b"\r\n")
    envelope = Envelope(SELLER, (BUYER,))
    try:
        first = await checker.evaluate(raw, envelope, NOW)  # the process is up
        broken = checker._processes
        assert broken is not None
        for process in list(broken._processes.values()):  # type: ignore[attr-defined]
            process.kill()
            process.join(timeout=10)
        with pytest.raises(BrokenProcessPool):
            await checker.evaluate(raw, envelope, NOW)
        assert checker._processes is not broken
        again = await checker.evaluate(raw, envelope, NOW)
        assert (again.message, again.verdict) == (first.message, first.verdict)
    finally:
        checker.close()
