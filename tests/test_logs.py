"""Logging never stops the relay: a closed log pipe costs log lines, not mail or a stop."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import time
from pathlib import Path

from relay.config import load_settings
from relay.server import DRAIN_SECONDS
from tests.conftest import Sink, console_script, write_settings
from tests.test_smtp import _import_orders, compliant_reply, send


def _start_with_piped_stdout(path: Path, stderr: Path) -> subprocess.Popen[bytes]:
    with stderr.open("wb") as err:
        process = subprocess.Popen(
            [console_script(), "--config", str(path), "serve"],
            stdout=subprocess.PIPE,
            stderr=err,
        )
    assert process.stdout is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        assert line, f"relay ended before listening: {stderr.read_text()}"
        if json.loads(line).get("event") == "listening":
            return process
    raise AssertionError("no listening line")


def test_a_closed_log_pipe_neither_fails_mail_nor_blocks_the_stop(
    tmp_path: Path, sink: Sink
) -> None:
    path = write_settings(tmp_path / "bsm-relay.toml", tmp_path, sink.url)
    asyncio.run(_import_orders(path, tmp_path))
    port = load_settings(str(path)).smtp.port
    stderr = tmp_path / "stderr.txt"
    process = _start_with_piped_stdout(path, stderr)
    try:
        assert process.stdout is not None
        process.stdout.close()  # `bsm-relay serve | head -1`: the reader is gone
        for n in range(3):
            refused = asyncio.run(send(port, compliant_reply(f"<pipe-{n}@shop.example>")))
            assert refused == {}
        assert len(sink.messages) == 3
        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        code = process.wait(timeout=DRAIN_SECONDS + 5)
        assert time.monotonic() - started < DRAIN_SECONDS
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert code == 0, stderr.read_text()
    reports = [line for line in stderr.read_text().splitlines() if "log output failed" in line]
    assert len(reports) == 1, stderr.read_text()
    assert "Traceback" not in stderr.read_text()
