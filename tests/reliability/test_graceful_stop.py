"""Promise 7, graceful stop: SIGTERM to a serving `python -m relay serve` with sessions in
flight. It stops accepting at once, tells idle sessions 421, lets the message being delivered
and the message being uploaded finish (both get their 250), and exits 0 within a bound.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import threading
import time
from pathlib import Path

from tests.conftest import Sink
from tests.reliability.conftest import (
    RawClient,
    compliant,
    import_orders,
    message_id_of,
    settings_file,
    spawn_relay,
)

EXIT_BOUND = 15.0


def test_sigterm_drains_in_flight_sessions_and_exits_0(tmp_path: Path, sink: Sink) -> None:
    sink.handler.delay = 2.0  # the first message is still at the upstream when SIGTERM comes
    settings = settings_file(tmp_path, sink.url)
    asyncio.run(import_orders(settings))
    process = spawn_relay(settings, tmp_path / "relay.log")
    try:
        port = process.port
        results: dict[str, str] = {}

        idle = RawClient(port)
        assert idle.command(b"EHLO idle.example").startswith("250")

        def delivering() -> None:
            client = RawClient(port, timeout=30)
            client.envelope()
            assert client.command(b"DATA").startswith("354")
            client.send(compliant("<in-flight-1@shop.example>") + b".\r\n")
            results["delivering"] = client.reply()
            client.close()

        def uploading(started: threading.Event) -> None:
            client = RawClient(port, timeout=30)
            client.envelope()
            assert client.command(b"DATA").startswith("354")
            started.set()
            raw = compliant("<in-flight-2@shop.example>")
            step = len(raw) // 6 + 1
            for start in range(0, len(raw), step):
                client.send(raw[start : start + step])
                time.sleep(0.25)  # still uploading when SIGTERM arrives
            client.send(b".\r\n")
            results["uploading"] = client.reply()
            client.close()

        upload_started = threading.Event()
        threads = [
            threading.Thread(target=delivering),
            threading.Thread(target=uploading, args=(upload_started,)),
        ]
        for thread in threads:
            thread.start()
        assert upload_started.wait(10)
        time.sleep(0.6)
        stopped_at = time.monotonic()
        process.proc.send_signal(signal.SIGTERM)

        # Idle sessions are told at once and closed.
        assert idle.reply().startswith("421"), "idle session not told 421"
        assert idle.closed(timeout=5)
        # No new connections.
        deadline = time.monotonic() + 5
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                    sock.settimeout(2)
                    greeting = sock.recv(100)
                    assert not greeting.startswith(b"220"), "accepted a new session while stopping"
            except OSError:
                break
            assert time.monotonic() < deadline, "still listening after SIGTERM"
            time.sleep(0.1)

        for thread in threads:
            thread.join(timeout=30)
        code = process.proc.wait(timeout=EXIT_BOUND)
        elapsed = time.monotonic() - stopped_at
        assert code == 0
        assert elapsed < EXIT_BOUND
        assert results["delivering"].startswith("250"), results
        assert results["uploading"].startswith("250"), results
        delivered = sorted(str(message_id_of(m.data)) for m in sink.messages)
        assert delivered == ["<in-flight-1@shop.example>", "<in-flight-2@shop.example>"]
        events = [line["event"] for line in process.log_lines()]
        assert events[-2:] == ["stopping", "stopped"] or "stopped" in events
        print(f"graceful stop: exit 0 after {elapsed:.2f}s, 2 in-flight messages delivered")
    finally:
        process.kill()
