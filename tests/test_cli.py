"""The installed `bsm-relay` console script: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SELLER, console_script, make_message
from tests.test_smtp import ORDERS_CSV, compliant_reply, with_attachment


def run(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [console_script(), *args], cwd=cwd, capture_output=True, text=True, input=stdin,
        timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "bsm-relay.toml").write_text(f'[senders]\napproved = ["{SELLER}"]\n')
    (tmp_path / "orders.csv").write_text(ORDERS_CSV)
    imported = run(tmp_path, "orders", "import", "orders.csv")
    assert imported.returncode == 0, imported.stderr
    assert "imported 1 rows, refused 0" in imported.stdout
    return tmp_path


def test_check_json_for_a_compliant_message(workdir: Path) -> None:
    (workdir / "ok.eml").write_bytes(compliant_reply())
    done = run(workdir, "check", "ok.eml", "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result == {"action": "deliver", "modified": False, "findings": result["findings"]}
    assert all(f["severity"] == "warn" for f in result["findings"])
    assert not (workdir / "var" / "outbox").exists()


def test_check_json_for_a_rejected_message(workdir: Path) -> None:
    raw = with_attachment(compliant_reply(), "invoice.pdf", "application/pdf", b"MZ" + b"\0" * 99)
    (workdir / "exe.eml").write_bytes(raw)
    done = run(workdir, "check", "exe.eml", "--json", "--rcpt", "a1b2c3d4e5@marketplace.amazon.de")
    assert done.returncode == 1
    result = json.loads(done.stdout)
    assert result["action"] == "reject"
    assert result["modified"] is False
    att001 = next(f for f in result["findings"] if f["code"] == "ATT001")
    assert set(att001) == {"code", "severity", "message", "evidence", "spans"}
    assert att001["severity"] == "reject" and "invoice.pdf" in att001["evidence"]
    where = {"where": "attachment_name", "part": 0, "start": 0, "end": 11, "quote": "invoice.pdf"}
    assert att001["spans"] == [where]
    assert not (workdir / "var" / "quarantine").exists()


def test_check_human_output_and_bad_input(workdir: Path) -> None:
    (workdir / "ok.eml").write_bytes(make_message())
    done = run(workdir, "check", "ok.eml")
    assert done.stdout.startswith("action: ")
    missing = run(workdir, "check", "nope.eml")
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "nope.eml" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_bad_config_is_one_line_naming_the_key(tmp_path: Path) -> None:
    (tmp_path / "bsm-relay.toml").write_text('[smtp]\nlisten = "127.0.0.1:2525"\nport = 25\n')
    done = run(tmp_path, "rules")
    assert done.returncode == 2
    assert "smtp.port" in done.stderr
    assert done.stderr.count("\n") == 1


def test_bad_orders_file_reports_rows(workdir: Path) -> None:
    (workdir / "bad.csv").write_text(
        "order_id,buyer_email,purchase_date\n"
        "302-1234567-7654321,x1@marketplace.amazon.de,2026-11-01\n"
        "12-34,x2@marketplace.amazon.de,2026-11-01\n"
        "302-1234567-7654322,x3@marketplace.amazon.de,yesterday\n"
    )
    done = run(workdir, "orders", "import", "bad.csv")
    assert done.returncode == 1
    assert "imported 1 rows, refused 2" in done.stdout
    assert "line 3" in done.stdout and "line 4" in done.stdout


def test_rules_lists_every_code(workdir: Path) -> None:
    done = run(workdir, "rules", "--json")
    assert done.returncode == 0, done.stderr
    rules = {r["code"]: r for r in json.loads(done.stdout)}
    assert {"ENV001", "ENV002", "ENV003", "ATT001", "ATT002", "ATT003"} <= set(rules)
    assert rules["ATT001"]["severity"] == "reject"
    for rule in rules.values():
        assert "Compliant:" in rule["documentation"], rule["code"]
        assert "Non-compliant:" in rule["documentation"], rule["code"]
    text = run(workdir, "rules")
    assert "ENV001" in text.stdout


def test_users_add_stores_a_hash(workdir: Path) -> None:
    done = run(workdir, "users", "add", "desk", "--password-stdin", stdin="long enough pw\n")
    assert done.returncode == 0, done.stderr
    short = run(workdir, "users", "add", "desk", "--password-stdin", stdin="short\n")
    assert short.returncode == 2 and "8 characters" in short.stderr
    db = (workdir / "var" / "relay.db").read_bytes()
    assert b"long enough pw" not in db and b"$argon2id$" in db


def test_python_dash_m_is_the_same_command(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "relay", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stdout.startswith("bsm-relay ")


def test_a_reader_that_stops_early_gets_no_error_line(workdir: Path) -> None:
    """`bsm-relay rules | head`: a closed pipe is the reader's choice, not an error. Here the
    reader (`true`) is gone before the relay writes a line, so every write meets it."""
    script = f"'{console_script()}' rules | true"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", script], cwd=workdir, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
