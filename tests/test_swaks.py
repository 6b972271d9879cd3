"""End to end with a real mail client: swaks -> relay -> aiosmtpd sink, and into quarantine."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
from pathlib import Path

from relay.config import load_settings
from relay.runtime.server import start
from tests.conftest import BUYER, SELLER, Sink, write_settings
from tests.runtime.test_smtp import _import_orders

BODY = (
    "Guten Tag, Ihr Paket zur Bestellung 302-1234567-1234567 wurde heute an den Zusteller "
    "übergeben und kommt voraussichtlich morgen bei Ihnen an. Die Sendung ist versichert und "
    "wird an die angegebene Lieferadresse zugestellt. Viele Grüße, Ihr Kundenservice"
)


def swaks(port: int, *extra: str) -> subprocess.CompletedProcess[str]:
    # .ci/run installs swaks; a missing tool must fail the test, not skip it.
    binary = shutil.which("swaks")
    assert binary, "swaks is not installed (apt-get install swaks)"
    return subprocess.run(
        [
            binary, "--server", f"127.0.0.1:{port}", "--from", SELLER, "--to", BUYER,
            "--header", "Subject: Ihre Bestellung 302-1234567-1234567",
            "--header", "In-Reply-To: <question-7@marketplace.amazon.de>",
            "--header", "Content-Type: text/plain; charset=utf-8",
            *extra,
        ],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


async def test_swaks_message_is_delivered(tmp_path: Path, sink: Sink) -> None:
    path = write_settings(tmp_path / "bsm-relay.toml", tmp_path, sink.url)
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=False)
    try:
        done = await asyncio.to_thread(swaks, running.smtp_port, "--body", BODY)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "<-  250 2.0.0 sink accepted" in done.stdout
        assert len(sink.messages) == 1
        assert b"302-1234567-1234567" in sink.messages[0].data

        coupon = "Mit dem Gutscheincode SAVE10 sparen Sie 10 % auf Ihren nächsten Einkauf. " + BODY
        refused = await asyncio.to_thread(
            swaks, running.smtp_port, "--body", coupon, "--header", "Message-ID: <coupon@x>"
        )
        assert "<** 550 5.7.1" in refused.stdout, refused.stdout
        assert "quarantine id" in refused.stdout
        assert len(sink.messages) == 1
        assert list((tmp_path / "quarantine").glob("*/*.eml"))
    finally:
        await running.stop(drain_seconds=2)
