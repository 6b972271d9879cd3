"""/healthz and /metrics over real HTTP, with a relay on real sockets in front of a sink."""

from __future__ import annotations

import asyncio
import json
import smtplib
import urllib.error
import urllib.request
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from relay.config import load_settings
from relay.runtime.server import RunningRelay, start
from tests.conftest import Sink, free_port, write_settings
from tests.runtime.test_smtp import _import_orders, compliant_reply, send, with_attachment


def _get(port: int, path: str, method: str = "GET") -> tuple[int, str, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode()


async def get(port: int, path: str, method: str = "GET") -> tuple[int, str, str]:
    return await asyncio.to_thread(_get, port, path, method)


async def _start(tmp_path: Path, upstream_url: str) -> RunningRelay:
    path = write_settings(tmp_path / "bsm-relay.toml", tmp_path, upstream_url)
    await _import_orders(path, tmp_path)
    return await start(load_settings(str(path)), with_http=True)


@pytest.fixture
async def relay_http(tmp_path: Path, sink: Sink) -> AsyncIterator[RunningRelay]:
    running = await _start(tmp_path, sink.url)
    try:
        yield running
    finally:
        await running.stop(drain_seconds=2)


def sample(text: str, name: str, **labels: str) -> float | None:
    """The value of one sample in Prometheus text format (labels in any order)."""
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        head, value = line.rsplit(" ", 1)
        metric, _, label_text = head.partition("{")
        if metric != name:
            continue
        found = dict(
            part.split("=", 1) for part in label_text.rstrip("}").split(",") if "=" in part
        )
        found = {k: v.strip('"') for k, v in found.items()}
        if all(found.get(k) == v for k, v in labels.items()):
            return float(value)
    return None


async def test_healthz_ok_when_everything_is_reachable(relay_http: RunningRelay) -> None:
    assert relay_http.http_port is not None
    status, content_type, body = await get(relay_http.http_port, "/healthz")
    assert status == 200
    assert content_type == "application/json"
    data = json.loads(body)
    assert data == {
        "status": "ok",
        "checks": {"store": "ok", "upstream": "ok", "quarantine": "ok"},
    }


async def test_healthz_503_names_the_unreachable_upstream(tmp_path: Path) -> None:
    running = await _start(tmp_path, f"smtp://127.0.0.1:{free_port()}")
    try:
        assert running.http_port is not None
        status, _, body = await get(running.http_port, "/healthz")
        assert status == 503
        data = json.loads(body)
        assert data["status"] == "failing"
        assert data["checks"]["upstream"].startswith("failed")
        assert data["checks"]["store"] == "ok"
    finally:
        await running.stop(drain_seconds=2)


async def test_healthz_503_when_quarantine_folder_is_a_file(tmp_path: Path, sink: Sink) -> None:
    running = await _start(tmp_path, sink.url)
    try:
        root = Path(running.relay.quarantine.root)
        if root.exists():
            for child in sorted(root.rglob("*"), reverse=True):
                child.rmdir() if child.is_dir() else child.unlink()
            root.rmdir()
        root.write_text("not a folder")
        assert running.http_port is not None
        status, _, body = await get(running.http_port, "/healthz")
        assert status == 503
        assert json.loads(body)["checks"]["quarantine"].startswith("failed")
    finally:
        await running.stop(drain_seconds=2)


async def test_metrics_count_messages_replies_latency_and_quarantine(
    relay_http: RunningRelay, sink: Sink
) -> None:
    port = relay_http.http_port
    assert port is not None
    status, content_type, before = await get(port, "/metrics")
    assert status == 200 and content_type.startswith("text/plain")
    assert sample(before, "bsm_relay_sessions_open") == 0.0
    assert sample(before, "bsm_relay_quarantine_held") == 0.0

    await send(relay_http.smtp_port, compliant_reply("<metrics-1@shop.example>"))
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
    rejected = with_attachment(
        compliant_reply("<metrics-2@shop.example>"), "rechnung.pdf", "application/pdf", exe
    )
    with pytest.raises(smtplib.SMTPDataError):
        await send(relay_http.smtp_port, rejected)

    _, _, text = await get(port, "/metrics")
    assert sample(text, "bsm_relay_messages_total", action="deliver", code="250") == 1.0
    assert sample(text, "bsm_relay_messages_total", action="reject", code="550") == 1.0
    assert sample(text, "bsm_relay_findings_total", code="ATT001", severity="reject") == 1.0
    assert sample(text, "bsm_relay_upstream_replies_total", status="2xx") == 1.0
    assert sample(text, "bsm_relay_message_seconds_count") == 2.0
    assert sample(text, "bsm_relay_message_seconds_bucket", le="+Inf") == 2.0
    assert sample(text, "bsm_relay_policy_seconds_count") == 2.0
    assert (sample(text, "bsm_relay_policy_seconds_sum") or 0) > 0
    # rejected messages are kept for the record but are not waiting for review
    assert sample(text, "bsm_relay_quarantine_held") == 0.0
    assert len(sink.messages) == 1


async def test_metrics_quarantine_held_counts_held_messages(tmp_path: Path, sink: Sink) -> None:
    policy = tmp_path / "hold.toml"
    policy.write_text('[rules.ATT002]\nseverity = "hold"\n', encoding="utf-8")
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, extra=f'[policy]\nfiles = ["{policy}"]\n'
    )
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=True)
    try:
        png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
        for n in range(2):
            raw = with_attachment(
                compliant_reply(f"<held-{n}@shop.example>"), "foto.jpg", "image/jpeg", png
            )
            await send(running.smtp_port, raw)
        assert running.http_port is not None
        _, _, text = await get(running.http_port, "/metrics")
        assert sample(text, "bsm_relay_quarantine_held") == 2.0
        assert sample(text, "bsm_relay_messages_total", action="hold", code="250") == 2.0
    finally:
        await running.stop(drain_seconds=2)


async def test_sessions_open_gauge_follows_connections(relay_http: RunningRelay) -> None:
    port = relay_http.http_port
    assert port is not None
    reader, writer = await asyncio.open_connection("127.0.0.1", relay_http.smtp_port)
    await reader.readline()
    _, _, text = await get(port, "/metrics")
    assert sample(text, "bsm_relay_sessions_open") == 1.0
    writer.write(b"QUIT\r\n")
    await writer.drain()
    await reader.read()
    writer.close()
    await asyncio.sleep(0.1)
    _, _, text = await get(port, "/metrics")
    assert sample(text, "bsm_relay_sessions_open") == 0.0


async def test_unknown_path_method_and_garbage(relay_http: RunningRelay) -> None:
    port = relay_http.http_port
    assert port is not None
    status, content_type, body = await get(port, "/nope")
    # The console's own page (with a way back), not a bare "Not Found".
    assert status == 404 and content_type.startswith("text/html")
    assert "No such page." in body and 'href="/login"' in body
    status, _, body = await get(port, "/metrics", method="POST")
    assert status == 405 and "Not possible here." in body
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"\x00\x01garbage\r\n\r\n")
    await writer.drain()
    answer = await reader.read()
    writer.close()
    assert answer.startswith(b"HTTP/1.1 400")
