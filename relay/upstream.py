"""Where compliant mail goes: a real SMTP upstream (aiosmtplib) or a local maildir."""

from __future__ import annotations

import asyncio
import os
import socket
import ssl
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlparse

import aiosmtplib

from relay.config import UpstreamSettings


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
    async def send(self, mail_from: str, rcpt_tos: list[str], data: bytes) -> Delivered:
        """Deliver or raise UpstreamError. Never returns unless every recipient was accepted."""

    async def check(self) -> None:
        """Raise UpstreamError when the upstream is not reachable now (for /healthz)."""

    async def close(self) -> None: ...


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class MaildirUpstream:
    """Delivers into a Maildir (tmp/ -> new/), fsync'd before the reply; the default."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _prepare(self) -> None:
        for sub in ("tmp", "new", "cur"):
            (self.root / sub).mkdir(parents=True, exist_ok=True, mode=0o700)

    def clean_temporary(self) -> int:
        """Remove half-written files a crash left in tmp/; they were never acknowledged."""
        self._prepare()
        removed = 0
        for path in (self.root / "tmp").iterdir():
            path.unlink(missing_ok=True)
            removed += 1
        return removed

    def _write(self, data: bytes) -> str:
        self._prepare()
        name = f"{time.time_ns()}.{uuid.uuid4().hex}.{socket.gethostname()}"
        tmp = self.root / "tmp" / name
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.root / "new" / name)
        _fsync_dir(self.root / "new")
        return name

    async def send(self, mail_from: str, rcpt_tos: list[str], data: bytes) -> Delivered:
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


class SmtpUpstream:
    """An SMTP upstream; STARTTLS whenever offered, AUTH when configured, bounded in time."""

    def __init__(self, settings: UpstreamSettings, timeout: float) -> None:
        parsed = urlparse(settings.url)
        self.implicit_tls = parsed.scheme == "smtps"
        self.host = parsed.hostname or "localhost"
        self.port = parsed.port or (465 if self.implicit_tls else 587)
        self.username = settings.username or unquote(parsed.username or "")
        self.password = settings.resolved_password() or unquote(parsed.password or "")
        self.timeout = timeout
        self.tls_context = ssl.create_default_context(cafile=settings.ca_file or None)

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

    async def send(self, mail_from: str, rcpt_tos: list[str], data: bytes) -> Delivered:
        options = ["SMTPUTF8"] if not all(a.isascii() for a in (mail_from, *rcpt_tos)) else []
        client = self._client()
        try:
            async with asyncio.timeout(self.timeout * 2):
                async with client:
                    refused, reply = await client.sendmail(
                        mail_from, rcpt_tos, data, mail_options=options
                    )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            raise _from_refusals({r.recipient: r for r in exc.recipients}) from None
        except aiosmtplib.SMTPResponseException as exc:
            permanent = 500 <= exc.code < 600
            text = _reply_text(exc.code, exc.message)
            raise UpstreamError(
                text if permanent else f"451 4.4.1 upstream answered: {text}",
                permanent=permanent,
            ) from None
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise UpstreamError(
                f"451 4.4.1 upstream unavailable ({type(exc).__name__})", permanent=False
            ) from None
        if refused:
            # aiosmtplib reports partial refusals instead of raising (architecture trap 5).
            raise _from_refusals(refused)
        # aiosmtplib returns the text of the final reply; success is always a 250.
        return Delivered(reply=f"250 {' '.join(reply.split())}".strip())

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
        return None


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
