"""Deployment files, validated offline (no container engine, no systemd here)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def check_jsonschema() -> str:
    beside = Path(sys.executable).parent / "check-jsonschema"
    found = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    assert found, "check-jsonschema (test extra) is not installed"
    return found


def test_compose_file_matches_the_compose_spec() -> None:
    done = subprocess.run(
        [check_jsonschema(), "--builtin-schema", "vendor.compose-spec", "docker-compose.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_compose_validation_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "docker-compose.yml"
    broken.write_text("services:\n  relay:\n    ports: 2525\n    restart: sometimes\n")
    done = subprocess.run(
        [check_jsonschema(), "--builtin-schema", "vendor.compose-spec", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0


def test_dockerfile_runs_as_non_root_with_a_healthcheck() -> None:
    text = (ROOT / "deploy" / "Dockerfile").read_text()
    users = [line.split()[1] for line in text.splitlines() if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in text and "/healthz" in text


def _unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "deploy" / "bsm-relay.service")
    return parser


def test_systemd_unit_is_hardened() -> None:
    service = _unit()["Service"]
    assert service["User"] != "root"
    assert service["ExecStart"].endswith("bsm-relay serve")
    assert "HUP" in service["ExecReload"]
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "PrivateDevices": "yes",
        "RestrictSUIDSGID": "yes",
        "MemoryDenyWriteExecute": "yes",
    }.items():
        assert service.get(key) == value, key
    assert int(service["TimeoutStopSec"]) > 30  # longer than the relay's drain


def test_haproxy_example_sends_proxy_protocol_and_checks_health() -> None:
    text = (ROOT / "deploy" / "haproxy.cfg").read_text()
    assert "send-proxy-v2" in text
    assert "/healthz" in text
    assert "proxy_protocol_from" in text


def test_runbook_covers_the_operator_tasks() -> None:
    text = (ROOT / "docs" / "runbook.md").read_text().lower()
    for topic in ("helpdesk", "quarantine", "logs", "users add", "upgrade", "sighup", "/metrics"):
        assert topic in text, topic
