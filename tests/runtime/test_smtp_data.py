"""The chunked DATA reader gives exactly what aiosmtpd's line reader gives, much faster."""

from __future__ import annotations

import asyncio
import os
import random
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiosmtpd.smtp import SMTP

from relay.delivery.upstream import wire_format, wire_slices
from relay.runtime import smtp_data
from relay.runtime.smtp_data import (
    ChunkedDataMixin,
    ChunkScan,
    LineEndScanner,
    LineLengthTracker,
    scan_in_python,
)

# Both ways to scan a chunk: the compiled one (relay/runtime/_linescan.c) and the pure-Python
# one a build without a C compiler runs. Outside CI a build without the compiled module tests
# the Python one alone; in CI test_the_compiled_scan_is_built fails instead.
_IN_CI = os.environ.get("CI") == "true"
_SCANS = [
    pytest.param(scan_in_python, id="python"),
    pytest.param(
        smtp_data.scan,
        id="compiled",
        marks=pytest.mark.skipif(
            smtp_data._linescan is None and not _IN_CI,
            reason="relay.runtime._linescan was not built",
        ),
    ),
]
ScanFn = Callable[[bytes | bytearray], ChunkScan]


class Recorder:
    def __init__(self) -> None:
        self.contents: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.contents.append(envelope.original_content)
        return "250 2.0.0 recorded"


class Chunked(ChunkedDataMixin, SMTP):
    pass


async def _server(cls: type[SMTP], handler: Recorder, limit: int | None) -> asyncio.Server:
    loop = asyncio.get_running_loop()
    return await loop.create_server(
        lambda: cls(handler, decode_data=False, data_size_limit=limit), "127.0.0.1", 0
    )


@pytest.fixture
async def servers() -> AsyncIterator[dict[str, tuple[int, Recorder]]]:
    made: dict[str, tuple[int, Recorder]] = {}
    opened = []
    for name, cls in (("chunked", Chunked), ("aiosmtpd", SMTP)):
        handler = Recorder()
        server = await _server(cls, handler, 200_000)
        opened.append(server)
        made[name] = (server.sockets[0].getsockname()[1], handler)
    yield made
    for server in opened:
        server.close()


async def transaction(port: int, body: bytes, piece: int = 0) -> list[bytes]:
    """EHLO/MAIL/RCPT/DATA, the body (in pieces of `piece` bytes), QUIT pipelined after it."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = [await reader.readline()]

    async def command(line: bytes) -> None:
        writer.write(line + b"\r\n")
        await writer.drain()
        while True:
            got = await reader.readline()
            if got[3:4] != b"-":
                replies.append(got)
                return

    await command(b"EHLO client.example")
    await command(b"MAIL FROM:<a@shop.example>")
    await command(b"RCPT TO:<b@marketplace.amazon.de>")
    await command(b"DATA")
    payload = body + b".\r\nQUIT\r\n"
    step = piece or len(payload)
    for at in range(0, len(payload), step):
        writer.write(payload[at : at + step])
        await writer.drain()
        if piece:
            await asyncio.sleep(0)
    replies.append(await reader.readline())
    replies.append(await reader.readline())
    writer.close()
    return replies


BODIES = {
    "plain": b"Subject: x\r\n\r\nHallo\r\n",
    "dot-stuffed": b"Subject: x\r\n\r\n..leading dot\r\n.\x2e\r\n...\r\nend\r\n",
    "starts-with-dot": b"..first\r\nsecond\r\n",
    "empty": b"",
    "bare-lf": b"Subject: x\r\n\r\nline\nwith bare lf\rand cr\r\n",
    "long-but-legal": b"Subject: x\r\n\r\n" + b"a" * 998 + b"\r\n",
    "too-long": b"Subject: x\r\n\r\n" + b"a" * 1200 + b"\r\n",
    "too-much": b"Subject: x\r\n\r\n" + (b"b" * 76 + b"\r\n") * 3000,
}


@pytest.mark.parametrize("piece", [0, 1, 7, 1000])
@pytest.mark.parametrize("name", list(BODIES))
async def test_same_replies_and_content_as_aiosmtpd(servers, name: str, piece: int) -> None:
    body = BODIES[name]
    results = {}
    for server, (port, handler) in servers.items():
        replies = await asyncio.wait_for(transaction(port, body, piece), 30)
        results[server] = ([r[:3] for r in replies], list(handler.contents))
    assert results["chunked"] == results["aiosmtpd"]
    codes, contents = results["chunked"]
    assert codes[-1] == b"221"  # the pipelined QUIT was read after the end of data
    if name == "too-long":
        assert codes[-2] == b"500" and contents == []
    elif name == "too-much":
        assert codes[-2] == b"552" and contents == []
    else:
        assert codes[-2] == b"250" and len(contents) == 1


@pytest.mark.parametrize("scan", _SCANS)
@pytest.mark.parametrize("seed", range(20))
def test_line_end_scanner_matches_whole_message_scan(seed: int, scan: ScanFn) -> None:
    rng = random.Random(seed)
    for _ in range(1000):
        pieces = [b"ab", b"\r\n", b".", b"\r", b"\n", b"\r\n.", b"x" * 30]
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        scanner = LineEndScanner(scan_chunk=scan)
        at = 0
        while at < len(data):
            step = rng.randint(1, 25)
            scanner.feed(data[at : at + step])
            at += step
        scanner.finish()
        crlf = data.count(b"\r\n")
        assert scanner.bare == (data.count(b"\n") != crlf or data.count(b"\r") != crlf), data
        first = data.find(b"\r\n.")
        assert scanner.first_dot == (first if first >= 0 else None), data


@pytest.mark.parametrize("seed", range(10))
def test_sliced_wire_format_equals_whole(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1000):
        pieces = [b"ab", b"\r\n", b".", b"\r", b"\n", b"\r\n.", b"x" * 30]
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        assert b"".join(wire_slices(data, rng.randint(1, 40))) == wire_format(data), data


@pytest.mark.parametrize("seed", range(5))
def test_wire_ready_slices_equal_the_scanned_format(seed: int) -> None:
    """What the edge vouches for (CRLF only, no CRLF-dot) goes out as views, unscanned, and
    is what wire_format makes of it: the first line's dot stuffed, a final CRLF added."""
    rng = random.Random(seed)
    for _ in range(1000):
        pieces = [b"ab", b"\r\n", b".", b"x" * 30]
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        if b"\r\n." in data or data.count(b"\r") != data.count(b"\r\n"):
            continue
        sent = list(wire_slices(data, rng.randint(1, 40), wire_ready=True))
        assert b"".join(sent) == wire_format(data), data
        assert all(isinstance(part, memoryview) for part in sent if len(part) > 2)


class _ReferenceLineLengthTracker:
    """The tracker as first written (a Python generator over the lines): the reference."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.carry = 0
        self.pending_cr = False

    def feed(self, chunk: bytes) -> bool:
        if self.pending_cr and chunk[:1] == b"\n":
            self.carry, chunk = 0, chunk[1:]
        self.pending_cr = chunk[-1:] == b"\r"
        parts = chunk.split(b"\r\n")
        if len(parts) == 1:
            self.carry += len(chunk)
            return self.carry - (1 if self.pending_cr else 0) + 2 > self.limit
        longest = max(self.carry + len(parts[0]), *(len(p) for p in parts[1:-1]), 0)
        self.carry = len(parts[-1])
        return longest + 2 > self.limit


@pytest.mark.parametrize("scan", _SCANS)
@pytest.mark.parametrize("seed", range(10))
def test_line_length_tracker_answers_as_the_reference(seed: int, scan: ScanFn) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        pieces = [b"ab", b"\r\n", b".", b"\r", b"\n", b"x" * 30, b"y" * 400]
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        limit = rng.choice([20, 60, 1001])
        new, old = LineLengthTracker(limit, scan), _ReferenceLineLengthTracker(limit)
        at = 0
        while at < len(data):
            step = rng.randint(1, 120)
            piece = data[at : at + step]
            assert new.feed(piece) == old.feed(piece), (data, limit, at)
            at += step


@pytest.mark.parametrize("scan", _SCANS)
@pytest.mark.parametrize("seed", range(5))
def test_line_end_scanner_with_a_limit_answers_as_the_tracker_and_counts_every_crlf(
    seed: int, scan: ScanFn
) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        pieces = [b"ab", b"\r\n", b".", b"\r", b"\n", b"\r\n.", b"x" * 30, b"y" * 400]
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        limit = rng.choice([20, 60, 1001])
        scanner, tracker = LineEndScanner(limit, scan), LineLengthTracker(limit, scan)
        at, too_long = 0, False
        while at < len(data):
            step = rng.randint(1, 120)
            piece = data[at : at + step]
            scanner.feed(piece)
            too_long = tracker.feed(piece) or too_long
            assert scanner.too_long == too_long, (data, limit, at)
            at += step
        assert scanner.lines.crlf == data.count(b"\r\n"), data
        assert scanner.lines.lf == data.count(b"\n"), data
        assert scanner.lines.cr == data.count(b"\r"), data


def test_line_end_scanner_finds_a_crlf_dot_after_one_byte_chunks() -> None:
    scanner = LineEndScanner()
    for byte in b"ab\r\n.c\r\n":
        scanner.feed(bytes([byte]))
    scanner.finish()
    assert scanner.first_dot == 2 and not scanner.bare


def test_line_end_scanner_counts_a_crlf_split_across_chunks() -> None:
    scanner = LineEndScanner()
    for piece in (b"abc\r", b"\n.", b"def\r", b"\n"):
        scanner.feed(piece)
    scanner.finish()
    assert not scanner.bare and scanner.first_dot == 3
    split_dot = LineEndScanner()
    for piece in (b"abc\r", b"\n", b".x\r\n"):
        split_dot.feed(piece)
    split_dot.finish()
    assert split_dot.first_dot == 3


def test_line_length_tracker_across_chunks() -> None:
    tracker = LineLengthTracker(1001)
    assert not tracker.feed(b"a" * 600)
    assert not tracker.feed(b"a" * 399 + b"\r")
    assert not tracker.feed(b"\nshort\r\n")
    assert tracker.feed(b"b" * 500 + b"c" * 500)


async def test_large_message_arrives_intact() -> None:
    handler = Recorder()
    server = await _server(Chunked, handler, None)
    port = server.sockets[0].getsockname()[1]
    body = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2\r\n" * 200_000
    replies = await transaction(port, body, piece=65536)
    server.close()
    assert replies[-2].startswith(b"250")
    assert handler.contents == [body]


def test_the_compiled_scan_is_built() -> None:
    """CI must run the compiled scan, not silently the Python one."""
    if smtp_data._linescan is None and not _IN_CI:
        pytest.skip("relay.runtime._linescan was not built (no C compiler); CI fails here")
    assert smtp_data._linescan is not None, "relay.runtime._linescan cannot be imported"
    assert smtp_data.scan is smtp_data._linescan.scan


@pytest.mark.parametrize("seed", range(10))
def test_the_compiled_scan_answers_as_the_python_one(seed: int) -> None:
    if smtp_data._linescan is None and not _IN_CI:
        pytest.skip("relay.runtime._linescan was not built")
    assert smtp_data._linescan is not None
    rng = random.Random(seed)
    pieces = [b"ab", b"\r\n", b".", b"\r", b"\n", b"\r\r\n", b"\n\r", b"x" * 30, b"y" * 900]
    for _ in range(2000):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 50)))
        for chunk in (data, bytearray(data), memoryview(data)[1:]):
            assert smtp_data._linescan.scan(chunk) == scan_in_python(bytes(chunk)), data
