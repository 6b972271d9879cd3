"""Where compliant mail goes: a real SMTP upstream (aiosmtplib) or a local maildir."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
import re
import socket
import ssl
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Protocol
from urllib.parse import unquote, urlparse

import aiosmtplib

from relay.config import UpstreamSettings
from relay.delivery.files import fsync_dir, write_then_rename
from relay.delivery.quarantine import pid_alive


class UpstreamError(Exception):
    """The upstream did not accept the message; `reply` is what the SMTP client should see."""

    def __init__(self, reply: str, *, permanent: bool) -> None:
        super().__init__(reply)
        self.reply = reply
        self.permanent = permanent


@dataclass(frozen=True, slots=True)
class Delivered:
    reply: str


class Upstream(Protocol):
    async def send(
        self, mail_from: str, rcpt_tos: list[str], data: bytes, *, wire_ready: bool = False
    ) -> Delivered:
        """Deliver or raise UpstreamError. Never returns unless every recipient was accepted.

        `wire_ready`: the caller knows `data` has CRLF line ends only and no line after the
        first starting with a dot (see `wire_slices`)."""

    async def check(self) -> None:
        """Raise UpstreamError when the upstream is not reachable now (for /healthz)."""

    async def close(self) -> None: ...


_STALE_TMP_SECONDS = 3600.0


class MaildirUpstream:
    """Delivers into a Maildir (tmp/ -> new/), fsync'd before the reply; the default."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _prepare(self) -> None:
        for sub in ("tmp", "new", "cur"):
            (self.root / sub).mkdir(parents=True, exist_ok=True, mode=0o700)

    def clean_temporary(self) -> int:
        """Remove half-written files a crash left in tmp/; they were never acknowledged.

        Several relays may share one maildir: a file is only removed when this host wrote it
        and its process is gone, or when it is older than any write could take.
        """
        self._prepare()
        removed = 0
        host = socket.gethostname()
        for path in (self.root / "tmp").iterdir():
            parts = path.name.split(".")
            ours = len(parts) >= 4 and parts[-1] == host and parts[-2].isdigit()
            dead = ours and not pid_alive(int(parts[-2]))
            try:
                stale = time.time() - path.stat().st_mtime > _STALE_TMP_SECONDS
            except FileNotFoundError:
                continue
            if dead or stale:
                path.unlink(missing_ok=True)
                removed += 1
        return removed

    def _write(self, data: bytes) -> str:
        self._prepare()
        name = f"{time.time_ns()}.{uuid.uuid4().hex}.{os.getpid()}.{socket.gethostname()}"
        tmp = self.root / "tmp" / name
        write_then_rename(tmp, self.root / "new" / name, data)
        fsync_dir(self.root / "new")
        return name

    async def send(
        self, mail_from: str, rcpt_tos: list[str], data: bytes, *, wire_ready: bool = False
    ) -> Delivered:
        try:
            name = await asyncio.to_thread(self._write, data)
        except OSError as exc:
            raise UpstreamError(
                f"451 4.4.1 outbox not writable ({exc.strerror or exc})", permanent=False
            ) from None
        return Delivered(reply=f"250 2.0.0 Ok: queued as {name}")

    async def check(self) -> None:
        try:
            await asyncio.to_thread(self._prepare)
        except OSError as exc:
            raise UpstreamError(f"outbox not writable: {exc}", permanent=False) from None

    async def close(self) -> None:
        return None


def _reply_text(code: int, message: str) -> str:
    message = " ".join(message.split())
    return f"{code} {message}".strip()


@functools.cache
def tls_context(ca_file: str | None) -> ssl.SSLContext:
    """The upstream's TLS context for `ca_file` (None: the system's CA certificates), one per
    process: OpenSSL's start-up and the certificates cost ~5 MiB. The supervisor makes it
    before it forks the zygote (relay/runtime/server.py), so every worker shares its pages."""
    return ssl.create_default_context(cafile=ca_file)


class SmtpUpstream:
    """An SMTP upstream; STARTTLS whenever offered, AUTH when configured, bounded in time.

    Connections are reused: up to `pool_size` idle, authenticated connections are kept for
    `idle_seconds` and at most `max_messages` transactions each. A pooled connection is checked
    with RSET before it carries a message; a connection that fails the check is dropped and the
    next one (or a fresh one) is used. A connection that saw any error is never reused.
    """

    def __init__(
        self,
        settings: UpstreamSettings,
        timeout: float,
        *,
        pool_size: int | None = None,
        idle_seconds: float = 30.0,
        max_messages: int = 200,
    ) -> None:
        parsed = urlparse(settings.url)
        self.implicit_tls = parsed.scheme == "smtps"
        self.host = parsed.hostname or "localhost"
        self.port = parsed.port or (465 if self.implicit_tls else 587)
        self.username = settings.username or unquote(parsed.username or "")
        self.password = settings.resolved_password() or unquote(parsed.password or "")
        self.timeout = timeout
        self.tls_context = tls_context(settings.ca_file or None)
        self.pool_size = pool_size if pool_size is not None else getattr(settings, "pool_size", 4)
        self.idle_seconds = idle_seconds
        self.max_messages = max_messages
        self._idle: list[_Pooled] = []
        self._closing: set[asyncio.Task[None]] = set()
        self.stats = PoolStats()

    def _client(self) -> aiosmtplib.SMTP:
        return aiosmtplib.SMTP(
            hostname=self.host,
            port=self.port,
            use_tls=self.implicit_tls,
            start_tls=None,
            tls_context=self.tls_context,
            timeout=self.timeout,
            username=self.username or None,
            password=self.password or None,
        )

    async def _acquire(self) -> _Pooled:
        loop = asyncio.get_running_loop()
        while self._idle:
            pooled = self._idle.pop()
            stale = loop.time() - pooled.idle_since > self.idle_seconds
            if stale or not pooled.client.is_connected:
                _discard(pooled.client)
                continue
            try:
                async with asyncio.timeout(min(self.timeout, 5.0)):
                    await pooled.client.rset()
            except (aiosmtplib.SMTPException, OSError, TimeoutError):
                self.stats.failed_checks += 1
                _discard(pooled.client)
                continue
            self.stats.reused += 1
            return pooled
        client = self._client()
        await client.connect()
        self.stats.opened += 1
        return _Pooled(client)

    def _release(self, pooled: _Pooled) -> None:
        pooled.messages += 1
        if (
            pooled.messages >= self.max_messages
            or len(self._idle) >= self.pool_size
            or not pooled.client.is_connected
        ):
            task = asyncio.ensure_future(_quit(pooled.client))
            self._closing.add(task)
            task.add_done_callback(self._closing.discard)
            return
        pooled.idle_since = asyncio.get_running_loop().time()
        self._idle.append(pooled)

    async def send(
        self, mail_from: str, rcpt_tos: list[str], data: bytes, *, wire_ready: bool = False
    ) -> Delivered:
        utf8 = not all(a.isascii() for a in (mail_from, *rcpt_tos))
        pooled: _Pooled | None = None
        try:
            async with asyncio.timeout(self.timeout * 2):
                pooled = await self._acquire()
                reply = await self._transaction(
                    pooled.client, mail_from, rcpt_tos, data, utf8, wire_ready
                )
        except UpstreamError:
            # A refusal by the upstream leaves the connection in a clean state (RSET sent).
            if pooled is not None:
                self._release(pooled)
            raise
        except aiosmtplib.SMTPResponseException as exc:
            if pooled is not None:
                _discard(pooled.client)
            permanent = 500 <= exc.code < 600
            text = _reply_text(exc.code, exc.message)
            raise UpstreamError(
                text if permanent else f"451 4.4.1 upstream answered: {text}",
                permanent=permanent,
            ) from None
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            if pooled is not None:
                _discard(pooled.client)
            raise UpstreamError(
                f"451 4.4.1 upstream unavailable ({type(exc).__name__})", permanent=False
            ) from None
        except BaseException:
            if pooled is not None:
                _discard(pooled.client)
            raise
        self._release(pooled)
        return Delivered(reply=reply)

    async def _transaction(
        self,
        client: aiosmtplib.SMTP,
        mail_from: str,
        rcpt_tos: list[str],
        data: bytes,
        utf8: bool,
        wire_ready: bool = False,
    ) -> str:
        """MAIL, every RCPT, and DATA only when every recipient was accepted.

        aiosmtplib's sendmail sends DATA to the accepted recipients and reports the refused
        ones afterwards (architecture trap 5); a partly refused message is a failure here, so
        nothing is sent to anybody and the client's retry delivers it once.
        """
        if utf8 and not client.supports_extension("smtputf8"):
            raise UpstreamError(
                "451 4.4.1 upstream does not offer SMTPUTF8 for a non-ASCII address",
                permanent=False,
            )
        options = ["SMTPUTF8"] if utf8 else []
        if client.supports_extension("size"):
            options.insert(0, f"SIZE={len(data)}")
        encoding = "utf-8" if utf8 else "ascii"
        await client.mail(mail_from, options=options, encoding=encoding)
        refused: dict[str, tuple[int, str]] = {}
        for rcpt in rcpt_tos:
            try:
                await client.rcpt(rcpt, encoding=encoding)
            except aiosmtplib.SMTPRecipientRefused as exc:
                refused[rcpt] = (exc.code, exc.message)
        if refused:
            await client.rset()
            raise _from_refusals(refused)
        response = await _data(client, data, self.timeout, wire_ready)
        # Success is always a 250; keep the upstream's own text (its queue id).
        return f"250 {' '.join(response.message.split())}".strip()

    async def check(self) -> None:
        client = self._client()
        try:
            async with asyncio.timeout(self.timeout):
                async with client:
                    await client.noop()
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise UpstreamError(
                f"upstream unreachable: {type(exc).__name__}", permanent=False
            ) from None

    async def close(self) -> None:
        idle, self._idle = self._idle, []
        pending = [*(_quit(p.client) for p in idle), *self._closing]
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)


_LINE_ENDINGS = re.compile(rb"\r\n|\n|\r(?!\n)")


def wire_slices(
    data: bytes, slice_bytes: int = 1024 * 1024, *, wire_ready: bool = False
) -> Iterator[bytes | memoryview]:
    """wire_format(data), in pieces of about slice_bytes, so that a large message is converted
    and written a slice at a time with the loop free in between, and never sits whole in the
    transport's buffer. `b"".join(wire_slices(data))` equals `wire_format(data)`.

    Slices end after a line feed (or, in a line longer than a slice, never between CR and LF),
    so no CRLF and no CRLF-dot is split and each slice can be converted on its own. A slice with
    nothing to convert (the usual case: the relay forwards CRLF bytes) is a view of `data`, not
    a copy of it.

    `wire_ready`: the caller knows `data` has CRLF line ends only and no CRLF-dot (the SMTP
    edge saw it arrive so): views of it, with nothing scanned but its first and last bytes."""
    if wire_ready:
        if data.startswith(b"."):
            yield b"."
        view = memoryview(data)
        for start in range(0, len(data), slice_bytes):
            yield view[start : start + slice_bytes]
        if not data.endswith(b"\r\n"):
            yield b"\r\n"
        return
    if len(data) <= slice_bytes:
        yield wire_format(data)
        return
    view = memoryview(data)
    at_line_start = True
    ends_with_crlf = False
    start = 0
    while start < len(data):
        end = min(start + slice_bytes, len(data))
        if end < len(data):
            cut = data.rfind(b"\n", start, end)
            if cut >= start:
                end = cut + 1
            elif data[end - 1] == 0x0D and data[end] == 0x0A:
                end += 1
        crlf = data.count(b"\r\n", start, end)
        clean = data.count(b"\n", start, end) == crlf and data.count(b"\r", start, end) == crlf
        stuff_first = at_line_start and data.startswith(b".", start)
        part: bytes | memoryview
        if clean and not stuff_first and data.find(b"\r\n.", start, end) < 0:
            part = view[start:end]
            at_line_start = data[end - 1] == 0x0A
            ends_with_crlf = data.startswith(b"\r\n", end - 2) and end - 2 >= start
        else:
            converted = data[start:end]
            if not clean:
                converted = _LINE_ENDINGS.sub(b"\r\n", converted)
            if at_line_start and converted.startswith(b"."):
                converted = b"." + converted
            if converted.find(b"\r\n.") >= 0:
                converted = converted.replace(b"\r\n.", b"\r\n..")
            at_line_start = converted.endswith(b"\n")
            ends_with_crlf = converted.endswith(b"\r\n")
            part = converted
        start = end
        yield part
    if not ends_with_crlf:
        yield b"\r\n"


def wire_format(data: bytes) -> bytes:
    """CRLF line endings and a final CRLF, dots stuffed: what goes between DATA and `.`.

    aiosmtplib does the same with two regular-expression substitutions over the whole message
    (about 130 ms of event-loop time for 14 MB, even when there is nothing to change); the relay
    hands over CRLF-normalized bytes, so the common case is a few C-speed scans.
    """
    crlf = data.count(b"\r\n")
    if data.count(b"\n") != crlf or data.count(b"\r") != crlf:
        data = _LINE_ENDINGS.sub(b"\r\n", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    if data.startswith(b"."):
        data = b"." + data
    if data.find(b"\r\n.") >= 0:
        data = data.replace(b"\r\n.", b"\r\n..")
    return data


# A message's last slice up to this size is copied once to go out with the final dot in one
# write (a copy of 64 KiB costs less than a system call); a larger one is written on its own.
JOIN_WITH_DOT_BYTES: Final = 64 * 1024


async def _write_slice(protocol: Any, part: bytes | memoryview) -> None:
    protocol.write(part)
    # the upstream reads what it was sent before the next slice is made (so the transport
    # never holds a second copy of a large message), and other sessions get the loop between
    # slices; send()'s timeout bounds the wait
    await protocol._drain_helper()
    await asyncio.sleep(0)


async def _data(
    client: aiosmtplib.SMTP, data: bytes, timeout: float, wire_ready: bool = False
) -> aiosmtplib.SMTPResponse:
    """DATA, the message, the final dot; the reply. Uses aiosmtplib's protocol directly so the
    message is not scanned twice more on the event loop; falls back to client.data()."""
    protocol: Any = client.protocol
    lock = getattr(protocol, "_command_lock", None)
    needed = ("read_response", "write", "_drain_helper")
    if lock is None or not all(hasattr(protocol, name) for name in needed):
        return await client.data(data)
    async with lock:
        protocol._response_pending = True
        protocol.write(b"DATA\r\n")
        start = await protocol.read_response(timeout=timeout)
        if start.code != 354:
            raise aiosmtplib.SMTPDataError(start.code, start.message)
        protocol._response_pending = True
        last: bytes | memoryview | None = None
        for part in wire_slices(data, wire_ready=wire_ready):
            if last is not None:
                await _write_slice(protocol, last)
            last = part
        if last is not None and len(last) <= JOIN_WITH_DOT_BYTES:
            # the last slice and the final dot in one write: one send to the kernel, not two
            protocol.write(b"".join((last, b".\r\n")))
        else:
            if last is not None:
                await _write_slice(protocol, last)
            protocol.write(b".\r\n")
        response: aiosmtplib.SMTPResponse = await protocol.read_response(timeout=timeout)
        if response.code != 250:
            raise aiosmtplib.SMTPDataError(response.code, response.message)
    return response


@dataclass(slots=True)
class PoolStats:
    opened: int = 0
    reused: int = 0
    failed_checks: int = 0


@dataclass(slots=True)
class _Pooled:
    client: aiosmtplib.SMTP
    messages: int = 0
    idle_since: float = 0.0


def _discard(client: aiosmtplib.SMTP) -> None:
    with contextlib.suppress(Exception):  # closing a broken transport
        client.close()


async def _quit(client: aiosmtplib.SMTP) -> None:
    try:
        async with asyncio.timeout(2.0):
            await client.quit()
    except (aiosmtplib.SMTPException, OSError, TimeoutError):
        pass
    finally:
        _discard(client)


def _from_refusals(refused: Mapping[str, object]) -> UpstreamError:
    codes: list[tuple[int, str]] = []
    for recipient, value in refused.items():
        code = getattr(value, "code", None)
        message = getattr(value, "message", "")
        if code is None and isinstance(value, tuple):
            code, message = value[0], value[1]
        codes.append((int(code or 450), f"{recipient}: {message}"))
    if all(500 <= code < 600 for code, _ in codes):
        code, text = codes[0]
        return UpstreamError(
            _reply_text(code, f"recipient refused by upstream {text}"), permanent=True
        )
    return UpstreamError(
        f"451 4.4.1 upstream refused a recipient temporarily ({codes[0][1]})", permanent=False
    )


def open_upstream(settings: UpstreamSettings, *, timeout: float | None = None) -> Upstream:
    if settings.url.startswith("maildir:"):
        return MaildirUpstream(Path(settings.url.removeprefix("maildir:")))
    return SmtpUpstream(settings, timeout or settings.timeout)
