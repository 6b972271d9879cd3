"""A chunked DATA reader for aiosmtpd: the same protocol, a fraction of the CPU.

aiosmtpd 1.4.6 reads DATA one line at a time through a StreamReader whose limit is the line
length (1001 bytes): about 2 s of event-loop CPU for a 14 MB message. Ten such uploads keep the
loop busy for 20 s, and every other session waits (architecture trap 4, aiosmtpd #293). This
reader takes whatever the socket delivered, looks for the end-of-data marker, checks line length
and size per chunk, and un-stuffs dots with one bytes.replace: the same replies and the same
`envelope.original_content`, at C speed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiosmtpd.smtp import MISSING

EOD = b"\r\n.\r\n"
CHUNK = 256 * 1024


ChunkScan = tuple[int, int, int, int, int, int]


def scan_in_python(chunk: bytes | bytearray) -> ChunkScan:
    """(first, longest, last, crlf, lf, cr) of one chunk: the length before its first CRLF
    (the whole chunk without one), the longest line between two of its CRLFs (CRLF excluded,
    0 if none), the length after its last CRLF, and how many CRLFs, LFs and CRs it holds."""
    parts = chunk.split(b"\r\n")
    # lengths taken in C, not by a Python generator over ~3,400 lines per 256 KiB chunk
    longest = max(map(len, parts[1:-1]), default=0)
    lf, cr = chunk.count(b"\n"), chunk.count(b"\r")
    return len(parts[0]), longest, len(parts[-1]), len(parts) - 1, lf, cr


try:  # the same answers in one pass, without a bytes object per line (setup.py, optional)
    from relay.runtime import _linescan

    scan: Callable[[bytes | bytearray], ChunkScan] = _linescan.scan
except ImportError:  # built without a C compiler
    _linescan = None  # type: ignore[assignment]
    scan = scan_in_python


class LineLengthTracker:
    """Finds a line longer than `limit` bytes (CRLF included) across chunk boundaries, and
    counts the stream's CRLFs, LFs and CRs on the way."""

    def __init__(self, limit: int, scan_chunk: Callable[[bytes | bytearray], ChunkScan] = scan):
        self.limit = limit
        self.carry = 0  # length of the unterminated line so far
        self.pending_cr = False
        self.crlf = 0
        self.lf = 0
        self.cr = 0
        self._scan = scan_chunk

    def feed(self, chunk: bytes | bytearray) -> bool:
        """True when a too-long line has been seen."""
        if self.pending_cr and chunk[:1] == b"\n":
            self.carry, chunk = 0, chunk[1:]
            self.crlf += 1
            self.lf += 1
        self.pending_cr = chunk[-1:] == b"\r"
        first, longest, last, crlf, lf, cr = self._scan(chunk)
        self.lf += lf
        self.cr += cr
        if not crlf:
            self.carry += len(chunk)
            return self.carry - (1 if self.pending_cr else 0) + 2 > self.limit
        self.crlf += crlf
        longest = max(self.carry + first, longest)
        self.carry = last
        return longest + 2 > self.limit


class LineEndScanner:
    """Per chunk: is there a line too long, a bare CR or LF, a line that starts with a dot?

    Done while the message arrives, a few hundred kilobytes at a time, so the whole-message
    scans that would otherwise follow (tens of milliseconds each for 14 MB, on the event loop)
    are skipped for the common, clean message. Each chunk is read in place: one `scan` for the
    line lengths and the counts of CRLF, CR and LF (relay/runtime/_linescan.c: memchr over the
    line ends, where the Python one splits the chunk into a bytes object per line and counts
    twice more) and one search for CRLF-dot, with only the two bytes before a chunk kept for
    what straddles its start.
    """

    def __init__(
        self,
        line_limit: int | None = None,
        scan_chunk: Callable[[bytes | bytearray], ChunkScan] = scan,
    ) -> None:
        self.lines = LineLengthTracker(line_limit or 2**62, scan_chunk)
        self.too_long = False
        self.bare = False  # known after finish()
        self.first_dot: int | None = None  # stream offset of the first CRLF-dot
        self._last = b""  # the stream's last two bytes before the current chunk
        self._consumed = 0

    def feed(self, chunk: bytes | bytearray) -> None:
        if not chunk:
            return
        if self.lines.feed(chunk):
            self.too_long = True
        if self.first_dot is None:
            last = self._last
            # a CRLF-dot that starts in the bytes before this chunk (at most two of them)
            straddling = (last + bytes(chunk[:2])).find(b"\r\n.")
            if straddling >= 0:
                self.first_dot = self._consumed - len(last) + straddling
            else:
                found = chunk.find(b"\r\n.")
                if found >= 0:
                    self.first_dot = self._consumed + found
        self._last = bytes(chunk[-2:]) if len(chunk) >= 2 else (self._last + bytes(chunk))[-2:]
        self._consumed += len(chunk)

    def finish(self) -> None:
        lines = self.lines
        self.bare = lines.lf != lines.crlf or lines.cr != lines.crlf


class ChunkedDataMixin:
    """Put before aiosmtpd's SMTP in the bases: `class RelaySMTP(ChunkedDataMixin, SMTP)`."""

    _reader: Any
    transport: Any
    envelope: Any
    session: Any
    data_size_limit: int | None
    line_length_limit: int
    _decode_data: bool
    enable_SMTPUTF8: bool

    def refuse_too_big(self, size: int) -> str:
        """The reply to a message over the limit (aiosmtpd's; the relay's server says more)."""
        return "552 Error: Too much mail data"

    async def smtp_DATA(self, arg: str) -> None:
        smtp: Any = self
        if await smtp.check_helo_needed():
            return
        if await smtp.check_auth_needed("DATA"):
            return
        assert self.envelope is not None
        if not self.envelope.rcpt_tos:
            await smtp.push("503 Error: need RCPT command")
            return
        if arg:
            await smtp.push("501 Syntax: DATA")
            return
        await smtp.push("354 End data with <CR><LF>.<CR><LF>")

        reader = self._reader
        limit = self.data_size_limit
        scanner = LineEndScanner(self.line_length_limit)
        buffer = bytearray()
        received = 0
        too_much = too_long = False
        end = -1
        while self.transport is not None:
            chunk = await reader.read(CHUNK)
            if not chunk:  # EOF: eof_received cancels us; be safe if it does not
                return
            received += len(chunk)
            if not too_long:
                scanner.feed(chunk)
                too_long = scanner.too_long
            if too_much or too_long:
                # keep only the tail, enough to find the end marker
                buffer = bytearray(buffer[-4:])
            start = max(0, len(buffer) - 4)
            buffer += chunk
            if buffer.startswith(b".\r\n") and not too_much and not too_long and received == len(
                buffer
            ):
                end = 0  # an empty message: the first line is the end marker
                rest_at = 3
                break
            # The end marker starts with CRLF-dot, which the scanner looks for in every chunk
            # (and the two bytes before it) until it finds the first: while it has found none,
            # the stream holds no end marker yet and the search is skipped (~1 ms per 1.4 MB).
            dot_seen = too_long or scanner.first_dot is not None
            found = buffer.find(EOD, start) if dot_seen else -1
            if found >= 0:
                end = found + 2  # keep the last line's CRLF
                rest_at = found + len(EOD)
                break
            if limit and received - len(EOD) > limit and not too_much:
                too_much = True
                buffer = bytearray(buffer[-4:])
        else:
            return
        rest = bytes(buffer[rest_at:])
        if rest:
            # pipelined commands after the end of data go back to the reader
            reader._buffer[0:0] = rest
        del buffer[end:]  # in place: no second copy of a large message
        if too_long or (limit and len(buffer) > limit) or too_much:
            if too_long:
                await smtp.push("500 Line too long (see RFC5321 4.5.3.1.6)")
            else:
                await smtp.push(smtp.refuse_too_big(received - len(EOD)))
            smtp._set_post_data_state()
            return
        scanner.finish()
        # RFC 5321 4.5.2: remove the leading dot of every line that has one.
        if buffer.startswith(b"."):
            del buffer[0]
        # the end marker is a CRLF-dot too: only one before it means a dot-stuffed line
        dotted_lines = scanner.first_dot is not None and scanner.first_dot < end - 2
        if dotted_lines:
            buffer = buffer.replace(b"\r\n.", b"\r\n")
        original_content = bytes(buffer)
        del buffer
        # For the handler: False means CRLF line endings throughout (nothing to normalize);
        # with no line after the first starting with a dot, the content goes upstream as it is
        # (relay.delivery.upstream.wire_slices, `wire_ready`).
        self.envelope.bare_line_endings = scanner.bare
        self.envelope.dotted_lines = dotted_lines
        content: str | bytes
        if self._decode_data:
            if self.enable_SMTPUTF8:
                content = original_content.decode("utf-8", errors="surrogateescape")
            else:
                try:
                    content = original_content.decode("ascii", errors="strict")
                except UnicodeDecodeError:
                    await smtp.push("500 Error: strict ASCII mode")
                    return
        else:
            content = original_content
        self.envelope.content = content
        self.envelope.original_content = original_content
        status = await smtp._call_handler_hook("DATA")
        smtp._set_post_data_state()
        await smtp.push("250 OK" if status is MISSING else status)
