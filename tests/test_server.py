"""`bsm-relay serve` with several worker processes sharing the port (SO_REUSEPORT)."""

from __future__ import annotations

import asyncio
import signal
import subprocess
from pathlib import Path

import psutil

from tests.conftest import Sink, console_script, write_settings
from tests.test_http import get, sample
from tests.test_policy_reload import Served
from tests.test_smtp import _import_orders, compliant_reply, send


def test_workers_share_the_port_and_metrics_are_summed(tmp_path: Path, sink: Sink) -> None:
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, smtp_extra='auth = "off"\nworkers = 2'
    )
    asyncio.run(_import_orders(path, tmp_path))
    from relay.config import load_settings

    settings = load_settings(str(path))
    log = tmp_path / "relay.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [console_script(), "--config", str(path), "serve"], stdout=out, stderr=subprocess.STDOUT
        )
    served = Served(process, log, settings.smtp.port)
    try:
        served.wait_for("worker_started", count=2)
        served.wait_for("listening", count=3, seconds=60)  # supervisor + two workers
        children = psutil.Process(process.pid).children()
        workers = [c for c in children if "spawn_main" in " ".join(c.cmdline())]
        assert len(workers) == 2

        async def scenario() -> str:
            for n in range(6):
                await send(settings.smtp.port, compliant_reply(f"<w-{n}@shop.example>"))
            http_port = int(settings.http.listen.rsplit(":", 1)[1])
            status, _, text = await get(http_port, "/metrics")
            assert status == 200
            health, _, _ = await get(http_port, "/healthz")
            assert health == 200
            return text

        text = asyncio.run(scenario())
        assert len(sink.messages) == 6
        assert sample(text, "bsm_relay_messages_total", action="deliver", code="250") == 6.0
        assert sample(text, "bsm_relay_quarantine_held") == 0.0
        served_by = {e.get("worker") for e in served.events("message")}
        assert served_by <= {0, 1} and served_by
        process.send_signal(signal.SIGHUP)
        served.wait_for("reloaded", count=3)
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
    assert code == 0
    assert not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers)
