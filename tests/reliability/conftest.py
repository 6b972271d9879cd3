"""Helpers for the reliability suite: real relay processes, raw SMTP clients, messages.

Everything here talks to the relay over real sockets. A relay under test is either started in
the test's own event loop (relay.runtime.server.start) or as a
real `python -m relay serve` subprocess
(for kill -9, SIGTERM and log capture).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import smtplib
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from email import policy as email_policy
from email.message import EmailMessage
from pathlib import Path

from relay.config import load_settings
from relay.runtime.server import RunningRelay, start
from tests.conftest import BUYER, SELLER, write_settings

ORDER_ID = "302-1234567-1234567"
ORDERS_CSV = (
    "order_id,buyer_email,purchase_date,marketplace,status,ship_date,"
    "earliest_delivery_date,latest_delivery_date,delivery_date,buyer_locale\n"
    f"{ORDER_ID},{BUYER},2026-11-10,amazon.de,Delivered,2026-11-12,"
    "2026-11-14,2026-11-18,2026-11-17,de-DE\n"
)
MAX_STARTUP_SECONDS = 30.0


# -- messages ---------------------------------------------------------------------------------


def compliant(message_id: str, *, body_extra: str = "", to: str = BUYER) -> bytes:
    """A seller's answer about a delivery: compliant everywhere, CRLF line endings."""
    msg = EmailMessage()
    msg["From"] = SELLER
    msg["To"] = to
    msg["Subject"] = f"AW: Frage zur Lieferung der Bestellung {ORDER_ID}"
    msg["Message-ID"] = message_id
    msg["In-Reply-To"] = "<buyer-question-1@marketplace.amazon.de>"
    msg["References"] = "<buyer-question-1@marketplace.amazon.de>"
    msg.set_content(
        "Guten Tag,\n\n"
        f"vielen Dank für Ihre Nachricht zur Bestellung {ORDER_ID}. Das Paket wurde am "
        "Donnerstag an den Zusteller übergeben und sollte laut Sendungsverfolgung morgen bei "
        "Ihnen ankommen. Die Lieferung erfolgt an die Adresse, die Sie bei der Bestellung "
        f"angegeben haben.\n{body_extra}\n"
        "Mit freundlichen Grüßen\nIhr Kundenservice\n"
    )
    return msg.as_bytes(policy=email_policy.SMTP)


def with_attachment(raw: bytes, name: str, mime: str, data: bytes) -> bytes:
    from email import message_from_bytes

    msg = message_from_bytes(raw, policy=email_policy.SMTP)
    assert isinstance(msg, EmailMessage)
    maintype, subtype = mime.split("/", 1)
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes(policy=email_policy.SMTP)


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


def rejected(message_id: str) -> bytes:
    """A renamed executable: ATT001, rejected (550) and quarantined."""
    return with_attachment(compliant(message_id), "rechnung.pdf", "application/pdf", EXE)


def held(message_id: str) -> bytes:
    """A multipart message whose closing boundary never comes: MIME001, held (250 2.6.0)."""
    return (
        f"From: {SELLER}\r\nTo: {BUYER}\r\n"
        f"Subject: AW: Frage zur Lieferung der Bestellung {ORDER_ID}\r\n"
        f"Message-ID: {message_id}\r\n"
        "In-Reply-To: <buyer-question-1@marketplace.amazon.de>\r\n"
        "References: <buyer-question-1@marketplace.amazon.de>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="XYZ"\r\n\r\n'
        "--XYZ\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"Guten Tag,\r\n\r\nvielen Dank fuer Ihre Nachricht zur Bestellung {ORDER_ID}. Das "
        "Paket wurde am Donnerstag an den Zusteller uebergeben und sollte laut "
        "Sendungsverfolgung morgen bei Ihnen ankommen.\r\n\r\nMit freundlichen Gruessen\r\n"
    ).encode()


def message_id_of(raw: bytes) -> str | None:
    for line in raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"message-id:"):
            return line.split(b":", 1)[1].strip().decode()
    return None


# -- settings, orders -------------------------------------------------------------------------


def settings_file(
    tmp: Path, upstream_url: str, *, smtp: str = "", extra: str = "", policy: str = ""
) -> Path:
    """Settings under `tmp`. The policy layers STY003 off: its word lists are built at a
    relay's start on a machine whose cache is empty (~2 s, more under load), which would swamp
    the timings these tests check (and is not what they are about)."""
    policy_file = tmp / "reliability-policy.toml"
    from relay import rules

    loaded = {spec.code for spec in rules.load()}
    quiet = "[rules.STY003]\nenabled = false\n" if "STY003" in loaded else ""
    policy_file.write_text(quiet + policy, encoding="utf-8")
    if "[policy]" in extra:
        extra = extra.replace("[policy]\n", f'[policy]\nfiles = ["{policy_file}"]\n', 1)
    else:
        extra += f'\n[policy]\nfiles = ["{policy_file}"]\n'
    return write_settings(
        tmp / "bsm-relay.toml", tmp, upstream_url, smtp_extra=smtp or 'auth = "off"', extra=extra
    )


async def import_orders(settings_path: Path) -> None:
    from relay.orders_import import import_file
    from relay.store import open_store

    settings = load_settings(str(settings_path))
    csv = settings_path.parent / "orders.csv"
    csv.write_text(ORDERS_CSV, encoding="utf-8")
    store = await open_store(settings.store.url)
    try:
        report = await import_file(csv, store)
        assert report.imported == 1, report
    finally:
        await store.close()


@asynccontextmanager
async def running_relay(settings_path: Path) -> AsyncIterator[RunningRelay]:
    """A relay in this event loop (no HTTP endpoint), stopped and drained afterwards."""
    running = await start(load_settings(str(settings_path)), with_http=False)
    try:
        yield running
    finally:
        await running.stop(drain_seconds=5)


async def ledger_ids(running: RunningRelay) -> list[str]:
    entries = await running.relay.store.ledger_entries()  # type: ignore[attr-defined]
    return [e.message_id for e in entries]


# -- a relay subprocess -----------------------------------------------------------------------


def wait_port(
    port: int, timeout: float = MAX_STARTUP_SECONDS, proc: subprocess.Popen | None = None
) -> None:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"relay exited with {proc.returncode} before listening")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.settimeout(5)
                greeting = sock.recv(512)
                if greeting.startswith(b"220"):
                    sock.sendall(b"QUIT\r\n")
                    return
        except OSError:
            pass
        time.sleep(0.03)
    raise AssertionError(f"nothing listening on {port} after {timeout}s")


@dataclass
class RelayProcess:
    proc: subprocess.Popen  # type: ignore[type-arg]
    port: int
    log_path: Path

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)

    def log_lines(self) -> list[dict[str, object]]:
        lines = []
        for line in self.log_path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip():
                lines.append(json.loads(line))
        return lines


def spawn_relay(settings_path: Path, log_path: Path, *, wait: bool = True) -> RelayProcess:
    """`python -m relay serve` with BSM_RELAY_CONFIG, stdout (the JSON log) to log_path."""
    env = dict(os.environ, BSM_RELAY_CONFIG=str(settings_path), PYTHONUNBUFFERED="1")
    handle = log_path.open("ab")
    errors = log_path.with_suffix(".stderr").open("ab")
    proc = subprocess.Popen(
        [sys.executable, "-m", "relay", "serve"],
        stdout=handle,
        stderr=errors,
        env=env,
        cwd=settings_path.parent,
    )
    handle.close()
    errors.close()
    port = load_settings(str(settings_path)).smtp.port
    process = RelayProcess(proc, port, log_path)
    if wait:
        try:
            wait_port(port, proc=proc)
        except BaseException:
            process.kill()
            raise
    return process


@contextmanager
def relay_subprocess(settings_path: Path, log_path: Path) -> Iterator[RelayProcess]:
    process = spawn_relay(settings_path, log_path)
    try:
        yield process
    finally:
        process.kill()


# -- clients ----------------------------------------------------------------------------------


@dataclass
class Reply:
    code: int | None  # None: no answer (connection closed or timed out)
    text: str = ""


def smtp_send(
    port: int,
    raw: bytes,
    *,
    sender: str = SELLER,
    rcpt: list[str] | None = None,
    timeout: float = 30.0,
    login: tuple[str, str] | None = None,
) -> Reply:
    """One message over a fresh connection; the final reply, or code None when none came."""
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=timeout) as client:
            if login is not None:
                client.ehlo()
                client.login(*login)
            client.sendmail(sender, rcpt or [BUYER], raw)
            return Reply(250, "")
    except smtplib.SMTPDataError as exc:
        return Reply(exc.smtp_code, exc.smtp_error.decode(errors="replace"))
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = next(iter(exc.recipients.values()))
        return Reply(code, text.decode(errors="replace"))
    except smtplib.SMTPSenderRefused as exc:
        return Reply(exc.smtp_code, exc.smtp_error.decode(errors="replace"))
    except smtplib.SMTPResponseException as exc:
        return Reply(exc.smtp_code, exc.smtp_error.decode(errors="replace"))
    except (smtplib.SMTPServerDisconnected, OSError):
        return Reply(None)


async def asend(port: int, raw: bytes, **kwargs: object) -> Reply:
    return await asyncio.to_thread(smtp_send, port, raw, **kwargs)  # type: ignore[arg-type]


class RawClient:
    """A byte-exact SMTP client on a plain socket (for smuggling and half-finished sessions)."""

    def __init__(self, port: int, timeout: float = 10.0, source: str | None = None) -> None:
        self.sock = socket.create_connection(
            ("127.0.0.1", port), timeout=timeout, source_address=(source, 0) if source else None
        )
        self.buffer = b""
        self.greeting = self.reply()

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def reply(self) -> str:
        """One complete (possibly multi-line) reply; '' when the server closed."""
        lines: list[bytes] = []
        while True:
            while b"\r\n" not in self.buffer:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return b"\r\n".join(lines).decode(errors="replace")
                self.buffer += chunk
            line, self.buffer = self.buffer.split(b"\r\n", 1)
            lines.append(line)
            if len(line) < 4 or line[3:4] != b"-":
                return b"\r\n".join(lines).decode(errors="replace")

    def command(self, line: bytes) -> str:
        self.send(line + b"\r\n")
        return self.reply()

    def envelope(self, sender: str = SELLER, rcpt: str = BUYER) -> None:
        assert self.command(b"EHLO client.example").startswith("250")
        assert self.command(f"MAIL FROM:<{sender}>".encode()).startswith("250")
        assert self.command(f"RCPT TO:<{rcpt}>".encode()).startswith("250")

    def closed(self, timeout: float) -> bool:
        """True when the server closes the connection within `timeout` seconds."""
        self.sock.settimeout(timeout)
        try:
            while True:
                chunk = self.sock.recv(65536)
                if not chunk:
                    return True
        except TimeoutError:
            return False
        except OSError:
            return True

    def close(self) -> None:
        self.sock.close()
