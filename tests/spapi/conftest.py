"""The fake SP-API for the SP-API tests (a real HTTP server on 127.0.0.1, see tests/spapi_fake)."""

from __future__ import annotations

import smtplib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from relay.config import load_settings
from relay.runtime.server import RunningRelay, start
from tests.conftest import SELLER, Sink, write_settings
from tests.spapi_fake import FakeSpapi


@pytest.fixture
def fake_spapi() -> Iterator[FakeSpapi]:
    fake = FakeSpapi().start()
    try:
        yield fake
    finally:
        fake.stop()
    # Every test: no operation was called faster than the rate the fake advertised.
    assert fake.violations == [], fake.violations


@asynccontextmanager
async def spapi_relay(
    tmp_path: Path, sink: Sink, fake: FakeSpapi, **spapi: object
) -> AsyncIterator[RunningRelay]:
    """A relay (SMTP and HTTP on loopback) whose [spapi] points at the fake."""
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, extra=fake.settings_toml(**spapi)
    )
    running = await start(load_settings(str(path)))
    try:
        yield running
    finally:
        await running.stop(drain_seconds=5)


def message(
    body: str,
    *,
    subject: str,
    to: str,
    message_id: str,
    sender: str = SELLER,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg.as_bytes(policy=policy.SMTP)


def send(port: int, raw: bytes, rcpt: str) -> tuple[int, str]:
    """MAIL, RCPT, DATA over a real socket; the DATA reply (code, text)."""
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        client.ehlo()
        client.mail(SELLER)
        client.rcpt(rcpt)
        code, text = client.data(raw)
        return code, text.decode()
