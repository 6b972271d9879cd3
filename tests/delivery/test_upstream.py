"""The SMTP upstream against a real aiosmtpd sink: pooling, health checks, refusals, faults."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiosmtplib
import pytest
from aiosmtpd.controller import Controller

from relay.config import UpstreamSettings
from relay.delivery.upstream import (
    JOIN_WITH_DOT_BYTES,
    SmtpUpstream,
    UpstreamError,
    _data,
    open_upstream,
    wire_format,
)
from tests.conftest import BUYER, SELLER, Sink, SinkHandler, free_port

RAW = b"From: support@shop.example\r\nTo: x@marketplace.amazon.de\r\nSubject: t\r\n\r\nHallo\r\n"
OTHER = "f6g7h8i9j0@marketplace.amazon.de"


def upstream(url: str, pool_size: int = 4) -> SmtpUpstream:
    made = open_upstream(UpstreamSettings(url=url, pool_size=pool_size), timeout=5)
    assert isinstance(made, SmtpUpstream)
    return made


async def test_connections_are_reused(sink: Sink) -> None:
    client = upstream(sink.url)
    try:
        for _ in range(3):
            delivered = await client.send(SELLER, [BUYER], RAW)
            assert delivered.reply.startswith("250 2.0.0 sink accepted")
        assert len(sink.messages) == 3
        assert client.stats.opened == 1
        assert client.stats.reused == 2
    finally:
        await client.close()


async def test_pool_size_zero_opens_a_connection_per_message(sink: Sink) -> None:
    client = upstream(sink.url, pool_size=0)
    try:
        await client.send(SELLER, [BUYER], RAW)
        await client.send(SELLER, [BUYER], RAW)
        assert client.stats.opened == 2 and client.stats.reused == 0
    finally:
        await client.close()


async def test_concurrent_sends_use_separate_connections(sink: Sink) -> None:
    sink.handler.delay = 0.2
    client = upstream(sink.url)
    try:
        results = await asyncio.gather(*(client.send(SELLER, [BUYER], RAW) for _ in range(3)))
        assert all(r.reply.startswith("250") for r in results)
        assert client.stats.opened == 3
        await client.send(SELLER, [BUYER], RAW)
        assert client.stats.opened == 3 and client.stats.reused == 1
    finally:
        await client.close()


async def test_reconnects_after_the_upstream_restarted() -> None:
    port = free_port()
    handler = SinkHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    client = upstream(f"smtp://127.0.0.1:{port}")
    try:
        await client.send(SELLER, [BUYER], RAW)
        controller.stop()  # the pooled connection is now dead
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        delivered = await client.send(SELLER, [BUYER], RAW)
        assert delivered.reply.startswith("250")
        assert client.stats.failed_checks == 1
        assert client.stats.opened == 2
        assert len(handler.messages) == 2
    finally:
        await client.close()
        controller.stop()


async def test_partly_refused_recipients_are_a_failure_and_nothing_is_sent(sink: Sink) -> None:
    sink.handler.refuse_rcpt = OTHER
    client = upstream(sink.url)
    try:
        with pytest.raises(UpstreamError) as failed:
            await client.send(SELLER, [BUYER, OTHER], RAW)
        assert failed.value.permanent
        assert failed.value.reply.startswith("550")
        assert OTHER in failed.value.reply
        assert sink.messages == [], "DATA must not go to the recipients that were accepted"
        # the connection was reset and stays usable
        await client.send(SELLER, [BUYER], RAW)
        assert len(sink.messages) == 1
        assert client.stats.opened == 1
    finally:
        await client.close()


async def test_temporary_fault_becomes_451_4_4_1(sink: Sink) -> None:
    sink.handler.data_reply = "452 4.3.1 insufficient system storage"
    client = upstream(sink.url)
    try:
        with pytest.raises(UpstreamError) as failed:
            await client.send(SELLER, [BUYER], RAW)
        assert not failed.value.permanent
        assert failed.value.reply.startswith("451 4.4.1")
        assert "452" in failed.value.reply
    finally:
        await client.close()


async def test_permanent_fault_is_passed_on(sink: Sink) -> None:
    sink.handler.data_reply = "554 5.7.1 message refused"
    client = upstream(sink.url)
    try:
        with pytest.raises(UpstreamError) as failed:
            await client.send(SELLER, [BUYER], RAW)
        assert failed.value.permanent
        assert failed.value.reply.startswith("554 5.7.1")
    finally:
        await client.close()


async def test_unreachable_upstream_is_451_and_check_fails() -> None:
    client = upstream(f"smtp://127.0.0.1:{free_port()}")
    with pytest.raises(UpstreamError) as failed:
        await client.send(SELLER, [BUYER], RAW)
    assert failed.value.reply.startswith("451 4.4.1") and not failed.value.permanent
    with pytest.raises(UpstreamError):
        await client.check()
    await client.close()


def test_maildir_cleanup_spares_a_live_relays_file(tmp_path: Path) -> None:
    """Several relays may share a maildir: only a dead writer's (or a stale) temp file goes."""
    import os
    import socket

    from relay.delivery.upstream import MaildirUpstream

    outbox = MaildirUpstream(tmp_path)
    outbox.clean_temporary()
    host = socket.gethostname()
    live = tmp_path / "tmp" / f"1.aa.{os.getppid()}.{host}"
    dead_pid = 4194303  # above the default pid_max: no such process
    dead = tmp_path / "tmp" / f"2.bb.{dead_pid}.{host}"
    other_host = tmp_path / "tmp" / f"3.cc.{dead_pid}.elsewhere"
    stale = tmp_path / "tmp" / f"4.dd.{os.getppid()}.{host}"
    for path in (live, dead, other_host, stale):
        path.write_bytes(b"partial")
    os.utime(stale, (0, 0))
    assert outbox.clean_temporary() == 2
    assert live.exists() and other_host.exists()
    assert not dead.exists() and not stale.exists()


def test_upstreams_of_one_process_share_one_tls_context_per_ca_file(tmp_path: Path) -> None:
    """The supervisor makes it before it forks the zygote, so that every worker shares its
    pages (~5 MiB of OpenSSL state and certificates): a worker's upstream takes that one."""
    from relay.delivery.upstream import tls_context
    from tests.reliability.test_open_relay import make_certificate

    made_before = tls_context(None)
    first = open_upstream(UpstreamSettings(url="smtp://127.0.0.1:25"), timeout=5)
    second = open_upstream(UpstreamSettings(url="smtp://127.0.0.1:2525"), timeout=5)
    assert isinstance(first, SmtpUpstream) and isinstance(second, SmtpUpstream)
    assert first.tls_context is made_before and second.tls_context is made_before
    # a CA file of its own: a context of its own, which trusts that file's certificate
    ca_file, _key = make_certificate(tmp_path)
    own = open_upstream(UpstreamSettings(url="smtp://127.0.0.1:25", ca_file=str(ca_file)))
    assert isinstance(own, SmtpUpstream)
    assert own.tls_context is not made_before
    assert own.tls_context.cert_store_stats()["x509_ca"] == 1


class _RecordingProtocol:
    """What `_data` uses of aiosmtplib's protocol, recording every write."""

    def __init__(self) -> None:
        self._command_lock = asyncio.Lock()
        self._response_pending = False
        self.writes: list[bytes] = []

    def write(self, data: bytes | memoryview) -> None:
        self.writes.append(bytes(data))

    async def _drain_helper(self) -> None:
        pass

    async def read_response(self, timeout: float | None = None) -> aiosmtplib.SMTPResponse:
        if self.writes[-1] == b"DATA\r\n":
            return aiosmtplib.SMTPResponse(354, "go ahead")
        return aiosmtplib.SMTPResponse(250, "queued")


class _RecordingClient:
    def __init__(self) -> None:
        self.protocol = _RecordingProtocol()


@pytest.mark.parametrize("wire_ready", [False, True])
async def test_a_small_message_and_its_final_dot_go_out_in_one_write(wire_ready: bool) -> None:
    client: Any = _RecordingClient()
    response = await _data(client, RAW, 5.0, wire_ready)
    assert response.code == 250
    assert client.protocol.writes == [b"DATA\r\n", RAW + b".\r\n"]


@pytest.mark.parametrize("size", [JOIN_WITH_DOT_BYTES + 1, 5 * 1024 * 1024 // 2])
async def test_a_large_message_is_written_in_slices_and_the_dot_alone(size: int) -> None:
    line = b"." + b"x" * 76 + b"\r\n"  # dot-stuffed on the way out
    data = line * (size // len(line) + 1)
    client: Any = _RecordingClient()
    await _data(client, data, 5.0)
    writes = client.protocol.writes
    assert writes[0] == b"DATA\r\n"
    assert writes[-1] == b".\r\n"  # not a copy of a large last slice
    assert b"".join(writes[1:]) == wire_format(data) + b".\r\n"
