"""Shadow mode per rule, over real SMTP: `mode = "log"` evaluates and logs, changes nothing."""

from __future__ import annotations

import smtplib
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from relay.config import load_settings
from relay.runtime.server import RunningRelay, start
from tests.conftest import Sink, write_settings
from tests.runtime.test_smtp import _import_orders, compliant_reply, send, with_attachment

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def renamed_picture(message_id: str) -> bytes:
    """A PNG sent as foto.jpg: ATT002 (extension does not match the content) fires."""
    return with_attachment(compliant_reply(message_id), "foto.jpg", "image/jpeg", PNG)


async def _relay(tmp_path: Path, sink: Sink, mode: str) -> RunningRelay:
    policy = tmp_path / "trial.toml"
    policy.write_text(f'[rules.ATT002]\nseverity = "reject"\nmode = "{mode}"\n', encoding="utf-8")
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, extra=f'[policy]\nfiles = ["{policy}"]\n'
    )
    await _import_orders(path, tmp_path)
    return await start(load_settings(str(path)), with_http=False)


@pytest.fixture
async def relay_for(
    tmp_path: Path, sink: Sink
) -> AsyncIterator[Callable[[str], object]]:
    running: list[RunningRelay] = []

    async def make(mode: str) -> RunningRelay:
        relay = await _relay(tmp_path, sink, mode)
        running.append(relay)
        return relay

    yield make  # type: ignore[misc]
    for relay in running:
        await relay.stop(drain_seconds=2)


def _message_events(logs: list[dict[str, object]]) -> list[dict[str, object]]:
    return [e for e in logs if e.get("event") == "message"]


async def test_shadow_rule_is_logged_as_would_have_and_message_is_delivered(
    relay_for, sink: Sink
) -> None:
    running = await relay_for("log")
    raw = renamed_picture("<shadow-1@shop.example>")
    with capture_logs() as logs:
        refused = await send(running.smtp_port, raw)
    assert refused == {}
    assert len(sink.messages) == 1, "a shadow rule must not stop the message"
    assert sink.messages[0].data == raw
    [event] = _message_events(logs)
    assert event["action"] == "deliver"
    assert "ATT002" in event["would_have"]  # type: ignore[operator]
    assert "ATT002" not in event["codes"]  # type: ignore[operator]
    assert not list(Path(running.relay.quarantine.root).glob("*/*.eml"))


async def test_same_rule_enforced_rejects(relay_for, sink: Sink) -> None:
    running = await relay_for("enforce")
    with capture_logs() as logs, pytest.raises(smtplib.SMTPDataError) as rejected:
        await send(running.smtp_port, renamed_picture("<shadow-2@shop.example>"))
    assert rejected.value.smtp_code == 550
    assert b"ATT002" in rejected.value.smtp_error
    assert sink.messages == []
    [event] = _message_events(logs)
    assert event["action"] == "reject"
    assert "ATT002" in event["codes"]  # type: ignore[operator]
    assert event["would_have"] == []
