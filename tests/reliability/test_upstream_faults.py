"""Promise 2, faults upstream: refused connection, hang, drop mid-DATA, 4xx, 5xx, a refused
buyer alias, a partly refused recipient list; the store down; the quarantine unwritable or full.

The client gets 451 for a temporary fault and the upstream's own 5xx for a permanent one, the
ledger records only what the upstream really accepted, and the client's retry after the fault
clears delivers the message exactly once (a second retry is recognised: Message-ID + digest).
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from pathlib import Path

import pytest

from relay.runtime.server import RunningRelay
from tests.conftest import BUYER, free_port
from tests.reliability.conftest import (
    Reply,
    asend,
    compliant,
    held,
    import_orders,
    ledger_ids,
    running_relay,
    settings_file,
)
from tests.reliability.fakes import FakeUpstream, Script

UPSTREAM_TIMEOUT = 1.0
SESSION_TIMEOUT = 30.0


async def fault_settings(tmp: Path, upstream_url: str, extra: str = "") -> Path:
    path = settings_file(tmp, upstream_url, extra=extra)
    text = path.read_text(encoding="utf-8").replace("timeout = 5", f"timeout = {UPSTREAM_TIMEOUT}")
    path.write_text(text, encoding="utf-8")
    await import_orders(path)
    return path


def quarantine_files(tmp: Path) -> list[Path]:
    return sorted(p for p in (tmp / "quarantine").rglob("*") if p.is_file())


async def retry_delivers_once(
    running: RunningRelay, up: FakeUpstream, raw: bytes, key: str
) -> None:
    """The fault is gone: the client's retry is delivered, a second retry is not delivered again."""
    up.script = Script()
    first = await asend(running.smtp_port, raw)
    assert first.code == 250, first
    again = await asend(running.smtp_port, raw)
    assert again.code == 250, again
    assert [m for m in up.received if key.encode() in m.data] and len(up.received) == 1
    assert await ledger_ids(running) == [key]


FAULTS = {
    # name: (script, expected reply code, expected text fragment)
    "hang_before_greeting": (Script(greet=False), 451, "4.4.1"),
    "drop_mid_data": (Script(drop_mid_data=True), 451, "4.4.1"),
    "hang_after_data": (Script(hang_after_data=True), 451, "4.4.1"),
    "data_4xx": (Script(data_reply="452 4.3.1 Insufficient system storage"), 451, "4.4.1"),
    "data_5xx": (Script(data_reply="554 5.6.0 Message rejected as spam"), 554, "5.6.0"),
    "buyer_alias_refused_5xx": (
        Script(rcpt_replies={BUYER: "550 5.1.1 no such user"}),
        550,
        "5.1.1",
    ),
    "buyer_alias_refused_4xx": (
        Script(rcpt_replies={BUYER: "450 4.2.1 mailbox busy"}),
        451,
        "4.4.1",
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_upstream_fault_answers_and_records_correctly(tmp_path: Path, fault: str) -> None:
    script, code, fragment = FAULTS[fault]
    async with FakeUpstream() as up:
        up.script = script
        settings = await fault_settings(tmp_path, up.url)
        async with running_relay(settings) as running:
            key = f"<{fault}@shop.example>"
            raw = compliant(key)
            started = time.monotonic()
            reply = await asend(running.smtp_port, raw)
            elapsed = time.monotonic() - started
            assert reply.code == code, reply
            assert fragment in reply.text, reply
            # Bounded by the upstream timeout, far below the session timeout.
            assert elapsed < 4 * UPSTREAM_TIMEOUT + 3, elapsed
            assert up.received == []
            assert await ledger_ids(running) == []
            assert quarantine_files(tmp_path) == []
            await retry_delivers_once(running, up, raw, key)
            assert not running.relay.inflight


async def test_upstream_refusing_connections_answers_451_then_retry_delivers_once(
    tmp_path: Path,
) -> None:
    async with FakeUpstream() as up:
        port = up.port
        settings = await fault_settings(tmp_path, up.url)
        async with running_relay(settings) as running:
            assert up.server is not None
            up.server.close()
            await up.server.wait_closed()
            key = "<refused-connection@shop.example>"
            raw = compliant(key)
            reply = await asend(running.smtp_port, raw)
            assert reply.code == 451 and "4.4.1" in reply.text, reply
            assert await ledger_ids(running) == []
            # The upstream is back on the same port.
            import asyncio

            up.server = await asyncio.start_server(up._serve, "127.0.0.1", port)
            await retry_delivers_once(running, up, raw, key)


async def test_partly_refused_recipients_are_a_failure_not_a_success(tmp_path: Path) -> None:
    """aiosmtplib reports partial refusals in its result; the relay must not answer 250."""
    extra = '[policy]\npassthrough_recipients = ["@partner.example"]\n'
    async with FakeUpstream() as up:
        settings = await fault_settings(tmp_path, up.url, extra=extra)
        rcpt = ["a@partner.example", "b@partner.example"]
        async with running_relay(settings) as running:
            for refusal, code in (("550 5.1.1 unknown", 550), ("450 4.2.1 busy", 451)):
                up.script = Script(rcpt_replies={"b@partner.example": refusal})
                key = f"<partial-{code}@shop.example>"
                raw = compliant(key, to="a@partner.example, b@partner.example")
                reply = await asend(running.smtp_port, raw, rcpt=rcpt)
                assert reply.code == code, reply
                assert up.received == []  # not even to the recipient that was accepted
                assert await ledger_ids(running) == []
            up.script = Script()
            assert (await asend(running.smtp_port, raw, rcpt=rcpt)).code == 250
            assert len(up.received) == 1 and sorted(up.received[0].rcpt_tos) == rcpt


async def test_store_down_mid_run_answers_451_and_recovers(tmp_path: Path) -> None:
    async with FakeUpstream() as up:
        settings = await fault_settings(tmp_path, up.url)
        async with running_relay(settings) as running:
            assert (await asend(running.smtp_port, compliant("<before@shop.example>"))).code == 250
            await running.relay.store.close()  # the database goes away
            reply = await asend(running.smtp_port, compliant("<during@shop.example>"))
            assert reply.code == 451 and reply.text.startswith("4.3.0"), reply
            assert len(up.received) == 1
            await running.relay.store.open()  # and comes back
            assert (await asend(running.smtp_port, compliant("<during@shop.example>"))).code == 250
            assert await ledger_ids(running) == ["<before@shop.example>", "<during@shop.example>"]


async def test_ledger_write_failing_after_upstream_accepted_keeps_the_250(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upstream has the message: a 451 now would make the client send it a second time."""
    from relay.store.base import StoreError

    async with FakeUpstream() as up:
        settings = await fault_settings(tmp_path, up.url)
        async with running_relay(settings) as running:

            async def broken(entry: object) -> None:
                raise StoreError("database is locked")

            monkeypatch.setattr(running.relay.store, "record_delivery", broken)
            reply = await asend(running.smtp_port, compliant("<ledger-down@shop.example>"))
            assert reply.code == 250, reply
            assert len(up.received) == 1


async def test_quarantine_unwritable_answers_451_and_recovers(tmp_path: Path) -> None:
    async with FakeUpstream() as up:
        settings = await fault_settings(tmp_path, up.url)
        async with running_relay(settings) as running:
            folder = tmp_path / "quarantine"
            shutil.rmtree(folder, ignore_errors=True)
            folder.write_text("not a folder")  # unwritable even for root
            reply = await asend(running.smtp_port, held("<held-1@shop.example>"))
            assert reply.code == 451 and reply.text.startswith("4.3.0"), reply
            folder.unlink()
            reply = await asend(running.smtp_port, held("<held-1@shop.example>"))
            assert (reply.code == 250 and "held for review" in reply.text) or reply.code == 250
            assert len([p for p in quarantine_files(tmp_path) if p.suffix == ".eml"]) == 1
            assert up.received == []


async def test_quarantine_disk_full_answers_451_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import relay.delivery.quarantine as quarantine_module

    real_write = os.write
    calls = {"n": 0}

    def full_disk(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] >= 2:  # the .eml fits, the .json does not
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    async with FakeUpstream() as up:
        settings = await fault_settings(tmp_path, up.url)
        async with running_relay(settings) as running:
            monkeypatch.setattr(quarantine_module.os, "write", full_disk)
            reply = await asend(running.smtp_port, held("<full-1@shop.example>"))
            assert reply.code == 451 and reply.text.startswith("4.3.0"), reply
            monkeypatch.setattr(quarantine_module.os, "write", real_write)
            # No half entry: no .eml without its .json, no temp file.
            assert quarantine_files(tmp_path) == []


async def test_maildir_outbox_unwritable_answers_451(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    settings = await fault_settings(tmp_path, f"maildir:{outbox}")
    async with running_relay(settings) as running:
        shutil.rmtree(outbox, ignore_errors=True)
        outbox.write_text("not a folder")
        reply = await asend(running.smtp_port, compliant("<outbox-1@shop.example>"))
        assert reply.code == 451 and "4.4.1" in reply.text, reply
        assert await ledger_ids(running) == []
        outbox.unlink()
        assert (await asend(running.smtp_port, compliant("<outbox-1@shop.example>"))).code == 250
        assert len(list((outbox / "new").iterdir())) == 1


async def test_nothing_listening_upstream_is_bounded(tmp_path: Path) -> None:
    settings = await fault_settings(tmp_path, f"smtp://127.0.0.1:{free_port()}")
    async with running_relay(settings) as running:
        reply: Reply = await asend(running.smtp_port, compliant("<nobody@shop.example>"))
        assert reply.code == 451
        assert await ledger_ids(running) == []
