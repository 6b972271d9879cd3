"""PROXY protocol v1/v2 over real sockets: only from listed addresses, and then mandatory.

The whole of 127.0.0.0/8 is loopback on Linux, so the "load balancer" connects from 127.0.0.2
and any other client from 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import ipaddress
import struct
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from relay.config import ConfigError, load_settings
from relay.runtime.server import RunningRelay, start
from tests.conftest import BUYER, SELLER, Sink, write_settings
from tests.runtime.test_smtp import _import_orders, compliant_reply

BALANCER = "127.0.0.2"
CLIENT = "203.0.113.7"


@pytest.fixture
async def proxied(tmp_path: Path, sink: Sink) -> AsyncIterator[RunningRelay]:
    path = write_settings(
        tmp_path / "bsm-relay.toml",
        tmp_path,
        sink.url,
        smtp_extra=f'auth = "off"\nproxy_protocol_from = ["{BALANCER}/32", "10.0.0.0/8"]',
    )
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=False)
    try:
        yield running
    finally:
        await running.stop(drain_seconds=2)


def v1_header(src: str = CLIENT, src_port: int = 40000) -> bytes:
    return f"PROXY TCP4 {src} 127.0.0.1 {src_port} 2525\r\n".encode()


def v2_header(src: str = CLIENT, src_port: int = 40001) -> bytes:
    signature = b"\r\n\r\n\x00\r\nQUIT\n"
    addresses = (
        ipaddress.IPv4Address(src).packed
        + ipaddress.IPv4Address("127.0.0.1").packed
        + struct.pack("!HH", src_port, 2525)
    )
    # version 2, command PROXY (0x21); AF_INET + STREAM (0x11)
    return signature + bytes([0x21, 0x11]) + struct.pack("!H", len(addresses)) + addresses


async def connect(port: int, source: str) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))


async def smtp_session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> list[bytes]:
    """Greeting, EHLO, one message, QUIT; the server's final line of each step."""
    raw = compliant_reply(f"<proxy-{id(writer)}@shop.example>")
    replies: list[bytes] = []

    async def reply() -> bytes:
        while True:
            line = await asyncio.wait_for(reader.readline(), 10)
            if not line or line[3:4] != b"-":
                return line

    replies.append(await reply())
    for command in (b"EHLO helpdesk.example", f"MAIL FROM:<{SELLER}>".encode(),
                    f"RCPT TO:<{BUYER}>".encode(), b"DATA"):
        writer.write(command + b"\r\n")
        await writer.drain()
        replies.append(await reply())
    writer.write(raw + b"\r\n.\r\n")
    await writer.drain()
    replies.append(await reply())
    writer.write(b"QUIT\r\n")
    await writer.drain()
    replies.append(await reply())
    writer.close()
    return replies


@pytest.mark.parametrize("header", [v1_header(), v2_header()], ids=["v1", "v2"])
async def test_listed_balancer_header_is_accepted_and_real_client_logged(
    proxied: RunningRelay, sink: Sink, header: bytes
) -> None:
    reader, writer = await connect(proxied.smtp_port, BALANCER)
    writer.write(header)
    await writer.drain()
    with capture_logs() as logs:
        replies = await smtp_session(reader, writer)
    assert replies[0].startswith(b"220")
    assert replies[5].startswith(b"250"), replies
    assert len(sink.messages) == 1
    accepted = [e for e in logs if e["event"] == "proxy_accepted"]
    assert accepted and accepted[0]["client"] == CLIENT and accepted[0]["proxy"] == BALANCER
    [message] = [e for e in logs if e["event"] == "message"]
    assert message["client"] == CLIENT


async def test_header_from_unlisted_address_is_refused(proxied: RunningRelay, sink: Sink) -> None:
    reader, writer = await connect(proxied.smtp_port, "127.0.0.1")
    greeting = await asyncio.wait_for(reader.readline(), 10)
    assert greeting.startswith(b"220")
    writer.write(v1_header())
    await writer.drain()
    answer = await asyncio.wait_for(reader.readline(), 10)
    assert answer.startswith(b"554 5.7.0")
    assert await asyncio.wait_for(reader.read(), 10) == b"", "the connection must be closed"
    writer.close()
    assert sink.messages == []


async def test_listed_address_without_header_is_refused(proxied: RunningRelay, sink: Sink) -> None:
    reader, writer = await connect(proxied.smtp_port, BALANCER)
    writer.write(b"EHLO sneaky.example\r\n")
    await writer.drain()
    # no greeting, no reply: the connection is closed as soon as the header is seen missing
    assert await asyncio.wait_for(reader.read(), 10) == b""
    writer.close()
    assert sink.messages == []


async def test_malformed_header_from_listed_address_is_refused(proxied: RunningRelay) -> None:
    reader, writer = await connect(proxied.smtp_port, BALANCER)
    writer.write(b"PROXY TCP4 not-an-address 127.0.0.1 1 2\r\n")
    await writer.drain()
    assert await asyncio.wait_for(reader.read(), 10) == b""
    writer.close()


async def test_unlisted_client_without_header_is_served_normally(
    proxied: RunningRelay, sink: Sink
) -> None:
    reader, writer = await connect(proxied.smtp_port, "127.0.0.1")
    with capture_logs() as logs:
        replies = await smtp_session(reader, writer)
    assert replies[5].startswith(b"250")
    [message] = [e for e in logs if e["event"] == "message"]
    assert message["client"] == "127.0.0.1"


def test_bad_proxy_protocol_from_stops_start_up(tmp_path: Path) -> None:
    path = write_settings(
        tmp_path / "bsm-relay.toml",
        tmp_path,
        "maildir:out",
        smtp_extra='auth = "off"\nproxy_protocol_from = ["haproxy.internal"]',
    )
    with pytest.raises(ConfigError, match="proxy_protocol_from"):
        load_settings(str(path))

