"""Promise 3, client faults: a client that disconnects mid-DATA or right after it, slow-loris
sessions, and the session timeout firing while the upstream send is in flight. No duplicate,
no loss, no leaked task (relay.inflight drains, every session is closed). Our own bugs in a
hook answer 451 4.3.0, never aiosmtpd's 500.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
import structlog.testing

from relay.runtime.server import RunningRelay
from tests.conftest import BUYER, SELLER, Sink
from tests.reliability.conftest import (
    RawClient,
    asend,
    compliant,
    import_orders,
    ledger_ids,
    running_relay,
    settings_file,
)


async def relay_with(tmp: Path, sink: Sink, *, session_timeout: float = 30, smtp: str = "") -> Path:
    path = settings_file(tmp, sink.url, smtp=smtp or 'auth = "off"')
    text = path.read_text(encoding="utf-8").replace(
        "session_timeout = 30", f"session_timeout = {session_timeout}"
    )
    path.write_text(text, encoding="utf-8")
    await import_orders(path)
    return path


async def settled(running: RunningRelay, timeout: float = 15.0) -> None:
    """Every session closed and every delivery finished (nothing leaked)."""
    deadline = time.monotonic() + timeout
    while running.handler.sessions or running.relay.inflight:
        assert time.monotonic() < deadline, (running.handler.sessions, running.relay.inflight)
        await asyncio.sleep(0.05)


def quarantined(tmp: Path) -> list[Path]:
    return sorted((tmp / "quarantine").glob("*/*.eml"))


async def test_disconnect_mid_data_leaves_nothing(tmp_path: Path, sink: Sink) -> None:
    settings = await relay_with(tmp_path, sink)
    async with running_relay(settings) as running:
        raw = compliant("<cut@shop.example>")

        def cut() -> None:
            client = RawClient(running.smtp_port)
            client.envelope()
            assert client.command(b"DATA").startswith("354")
            client.send(raw[: len(raw) // 2])
            client.close()

        await asyncio.to_thread(cut)
        await settled(running)
        assert sink.messages == []
        assert quarantined(tmp_path) == []
        assert await ledger_ids(running) == []
        # The client's retry goes through once.
        assert (await asend(running.smtp_port, raw)).code == 250
        assert len(sink.messages) == 1


async def test_disconnect_after_the_dot_delivers_once_and_retry_is_recognised(
    tmp_path: Path, sink: Sink
) -> None:
    sink.handler.delay = 0.8  # the client is gone before the upstream answers
    settings = await relay_with(tmp_path, sink)
    async with running_relay(settings) as running:
        raw = compliant("<gone@shop.example>")

        def send_and_leave() -> None:
            client = RawClient(running.smtp_port)
            client.envelope()
            assert client.command(b"DATA").startswith("354")
            client.send(raw + b".\r\n")
            client.close()

        await asyncio.to_thread(send_and_leave)
        await settled(running)
        # The shielded delivery finished although nobody was listening any more.
        assert len(sink.messages) == 1
        assert await ledger_ids(running) == ["<gone@shop.example>"]
        sink.handler.delay = 0
        retry = await asend(running.smtp_port, raw)
        assert retry.code == 250
        assert len(sink.messages) == 1  # recognised by Message-ID + digest: no duplicate


async def test_session_timeout_during_upstream_send_no_duplicate_no_loss_no_leak(
    tmp_path: Path, sink: Sink
) -> None:
    """The session timeout (which covers upload + handle_DATA) fires while the upstream send
    is in flight: aiosmtpd cancels the handler, the shielded delivery completes, the client
    saw no reply and retries, and the retry is recognised as already delivered."""
    session_timeout = 6.0  # upstream bounded at min(5, 6 / 3) = 2 s
    sink.handler.delay = 1.6
    settings = await relay_with(tmp_path, sink, session_timeout=session_timeout)
    async with running_relay(settings) as running:
        tasks_before = {t for t in asyncio.all_tasks() if not t.done()}
        raw = compliant("<timeout@shop.example>")

        def trickle() -> tuple[str, float]:
            client = RawClient(running.smtp_port, timeout=30)
            client.envelope()
            assert client.command(b"DATA").startswith("354")
            started = time.monotonic()
            step = len(raw) // 10 + 1
            for start in range(0, len(raw), step):
                client.send(raw[start : start + step])
                time.sleep(0.46)  # the upload takes most of the session timeout
            client.send(b".\r\n")
            answer = client.reply()  # '' when the server closed without answering
            elapsed = time.monotonic() - started
            client.close()
            return answer, elapsed

        answer, elapsed = await asyncio.to_thread(trickle)
        assert answer == "", answer  # cut by the session timeout, no reply
        assert elapsed < session_timeout + 2
        await settled(running)
        assert len(sink.messages) == 1  # the delivery was not cut in half
        assert await ledger_ids(running) == ["<timeout@shop.example>"]
        sink.handler.delay = 0
        retry = await asend(running.smtp_port, raw)
        assert retry.code == 250
        assert len(sink.messages) == 1
        await settled(running)
        leaked = {t for t in asyncio.all_tasks() if not t.done()} - tasks_before
        assert {t for t in leaked if t is not asyncio.current_task()} == set()


async def test_slow_loris_sessions_are_cut_by_the_session_timeout(
    tmp_path: Path, sink: Sink
) -> None:
    settings = await relay_with(tmp_path, sink, session_timeout=1.5)
    async with running_relay(settings) as running:

        def silent() -> bool:
            client = RawClient(running.smtp_port)
            return client.closed(timeout=6)

        def dribble_command() -> bool:
            client = RawClient(running.smtp_port)
            for byte in b"EHLO slow.example":
                try:
                    client.send(bytes([byte]))
                except OSError:
                    return True
                time.sleep(0.3)
            return client.closed(timeout=6)

        def dribble_data() -> bool:
            client = RawClient(running.smtp_port)
            client.envelope()
            assert client.command(b"DATA").startswith("354")
            for line in compliant("<loris@shop.example>").split(b"\r\n"):
                try:
                    client.send(line + b"\r\n")
                except OSError:
                    return True
                time.sleep(0.3)
            return client.closed(timeout=6)

        started = time.monotonic()
        results = await asyncio.gather(
            *(asyncio.to_thread(f) for f in (silent, dribble_command, dribble_data))
        )
        assert results == [True, True, True]
        assert time.monotonic() - started < 12
        await settled(running)
        assert sink.messages == []
        assert quarantined(tmp_path) == []


async def test_too_big_message_is_refused_552_and_not_delivered(tmp_path: Path, sink: Sink) -> None:
    settings = await relay_with(tmp_path, sink, smtp='auth = "off"\nmax_message_bytes = 4096')
    async with running_relay(settings) as running:
        raw = compliant("<big@shop.example>", body_extra="x" * 10000)
        reply = await asend(running.smtp_port, raw)
        assert reply.code == 552
        assert sink.messages == []


async def test_a_bug_in_a_hook_answers_451_never_500(
    tmp_path: Path, sink: Sink, monkeypatch: pytest.MonkeyPatch
) -> None:
    import relay.runtime.smtp as smtp_module

    def broken(address: str, config: object) -> bool:
        raise RuntimeError("bug with internals /etc/secret")

    settings = await relay_with(tmp_path, sink)
    async with running_relay(settings) as running:
        monkeypatch.setattr(smtp_module, "recipient_allowed", broken)

        def attempt() -> str:
            client = RawClient(running.smtp_port)
            assert client.command(b"EHLO c").startswith("250")
            assert client.command(f"MAIL FROM:<{SELLER}>".encode()).startswith("250")
            return client.command(f"RCPT TO:<{BUYER}>".encode())

        answer = await asyncio.to_thread(attempt)
        assert answer.startswith("451 4.3.0"), answer
        assert "secret" not in answer and "RuntimeError" not in answer


async def test_a_bug_in_the_core_answers_451_never_500(
    tmp_path: Path, sink: Sink, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = await relay_with(tmp_path, sink)
    async with running_relay(settings) as running:

        async def broken(raw: bytes, envelope: object, now: object = None) -> object:
            raise KeyError("internal detail")

        monkeypatch.setattr(running.relay.checker, "evaluate", broken)
        with structlog.testing.capture_logs() as logged:
            reply = await asend(running.smtp_port, compliant("<bug@shop.example>"))
        assert reply.code == 451 and reply.text.startswith("4.3.0"), reply
        assert "internal detail" not in reply.text
        assert sink.messages == []
    # a bug is an error in the log (an upstream or store failure is a warning: test_logs.py)
    message = next(e for e in logged if e["event"] == "message")
    assert message["log_level"] == "error" and message["problem"] == "internal", message
    assert any(e["event"] == "internal_error" and e["log_level"] == "error" for e in logged)
