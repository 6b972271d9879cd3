"""SIGHUP re-reads policies and users in a running `bsm-relay serve`; a bad file changes nothing."""

from __future__ import annotations

import asyncio
import json
import signal
import smtplib
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from relay.config import load_settings
from tests.conftest import Sink, console_script, write_settings
from tests.runtime.test_smtp import _import_orders, cli, send
from tests.test_shadow_mode import renamed_picture

HOLD = '[rules.ATT002]\nseverity = "hold"\n'


class Served:
    def __init__(self, process: subprocess.Popen[bytes], log: Path, port: int) -> None:
        self.process = process
        self.log = log
        self.port = port

    def events(self, name: str) -> list[dict[str, object]]:
        found = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if event.get("event") == name:
                found.append(event)
        return found

    def wait_for(self, name: str, count: int = 1, seconds: float = 30) -> list[dict[str, object]]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = self.events(name)
            if len(found) >= count:
                return found
            assert self.process.poll() is None, self.log.read_text()
            time.sleep(0.05)
        raise AssertionError(f"no {name!r} event in time:\n{self.log.read_text()}")


@pytest.fixture
def served(tmp_path: Path, sink: Sink) -> Iterator[tuple[Served, Path, Path]]:
    policy = tmp_path / "seller.toml"
    policy.write_text('version = "seller-1"\n', encoding="utf-8")
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, extra=f'[policy]\nfiles = ["{policy}"]\n'
    )
    asyncio.run(_import_orders(path, tmp_path))
    log = tmp_path / "relay.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [console_script(), "--config", str(path), "serve"], stdout=out, stderr=subprocess.STDOUT
        )
    served = Served(process, log, load_settings(str(path)).smtp.port)
    try:
        served.wait_for("listening")
        yield served, policy, path
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def reply_code(port: int, message_id: str) -> int:
    try:
        asyncio.run(send(port, renamed_picture(message_id)))
    except smtplib.SMTPDataError as exc:
        return exc.smtp_code
    return 250


def test_good_policy_is_applied_without_restart(served, sink: Sink) -> None:
    relay, policy, _ = served
    assert reply_code(relay.port, "<reload-1@shop.example>") == 550  # ATT002 rejects by default
    policy.write_text('version = "seller-2"\n' + HOLD, encoding="utf-8")
    relay.process.send_signal(signal.SIGHUP)
    [reloaded] = relay.wait_for("reloaded")
    assert reloaded["policy_version"] == "seller-2"
    assert reply_code(relay.port, "<reload-2@shop.example>") == 250  # now held for review
    held = [e for e in relay.events("message") if e["action"] == "hold"]
    assert len(held) == 1 and held[0]["codes"] == ["ATT002"]
    assert sink.messages == []
    assert relay.process.poll() is None


@pytest.mark.parametrize(
    "bad",
    [
        'version = "seller-3"\n[rules.ATT002\nseverity = "hold"\n',  # not TOML
        'version = "seller-3"\n[rules.XYZ999]\nseverity = "hold"\n',  # no such rule
        'version = "seller-3"\n[rules.ATT002]\nseverity = "maybe"\n',  # no such severity
    ],
    ids=["syntax", "unknown-rule", "bad-value"],
)
def test_bad_policy_keeps_the_old_one_and_says_why(served, sink: Sink, bad: str) -> None:
    relay, policy, _ = served
    policy.write_text('version = "seller-2"\n' + HOLD, encoding="utf-8")
    relay.process.send_signal(signal.SIGHUP)
    relay.wait_for("reloaded")
    policy.write_text(bad, encoding="utf-8")
    relay.process.send_signal(signal.SIGHUP)
    [failed] = relay.wait_for("reload_failed")
    assert failed["kept_policy"] == "seller-2"
    assert str(policy) in str(failed["error"])
    assert failed["level"] == "error"
    # still the good policy: the renamed picture is held, not rejected; the relay kept serving
    assert reply_code(relay.port, "<reload-3@shop.example>") == 250
    assert [e["action"] for e in relay.events("message")] == ["hold"]
    assert relay.process.poll() is None


def test_sighup_reloads_users(served, sink: Sink) -> None:
    relay, _, path = served
    # a login created after start-up works only after SIGHUP
    added = cli(path, "users", "add", "agent", "--password-stdin", stdin="s3cret-pass-word\n")
    assert added.returncode == 0, added.stderr
    relay.process.send_signal(signal.SIGHUP)
    [reloaded] = relay.wait_for("reloaded")
    assert reloaded["users"] == 1
