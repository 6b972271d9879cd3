"""The installed `bsm-relay` console script: outputs, exit codes, one-line errors."""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SELLER, Sink, console_script, make_message, write_settings
from tests.runtime.test_smtp import ORDERS_CSV, compliant_reply, with_attachment


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


def test_a_rules_guideline_is_worded_as_the_console_and_notices_word_it(workdir: Path) -> None:
    from relay.review.explain import explain

    for code in ("CNT005", "LNK001", "ORD006"):
        done = run(workdir, "rules", code)
        assert done.returncode == 0, done.stderr
        assert f"guideline: {explain(code).guideline}\n" in done.stdout


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


def test_users_add_without_a_terminal_reads_standard_input(workdir: Path) -> None:
    done = run(workdir, "users", "add", "desk", stdin="long enough pw\n")
    assert done.returncode == 0, done.stderr
    assert "picks it up within" in done.stdout
    empty = run(workdir, "users", "add", "desk", stdin="")
    assert empty.returncode == 2
    assert "--password-stdin" in empty.stderr and "internal error" not in empty.stderr
    assert len(empty.stderr.strip().splitlines()) == 1


def test_config_is_accepted_after_the_command(workdir: Path) -> None:
    (workdir / "seller.toml").write_text('[rules.CNT004]\nseverity = "warn"\n')
    (workdir / "other.toml").write_text('[policy]\nfiles = ["seller.toml"]\n')
    done = run(workdir, "rules", "CNT004", "--config", "other.toml")
    assert done.returncode == 0, done.stderr
    assert "(warn)" in done.stdout.splitlines()[0]
    (workdir / "typo.toml").write_text("[smtp]\nlisten_on = 1\n")
    bad = run(workdir, "orders", "import", "orders.csv", "--config", "typo.toml")
    assert bad.returncode == 2 and "typo.toml" in bad.stderr and "smtp.listen_on" in bad.stderr
    # before the command still works, and after it wins over nothing else
    before = run(workdir, "--config", "other.toml", "rules", "CNT004")
    assert "(warn)" in before.stdout.splitlines()[0]


def test_every_argument_has_a_help_text() -> None:
    from relay.cli import build_parser

    def walk(parser: argparse.ArgumentParser, path: str) -> Iterator[tuple[str, argparse.Action]]:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    yield from walk(sub, f"{path} {name}")
            else:
                yield path, action

    missing = [f"{path}: {a.dest}" for path, a in walk(build_parser(), "bsm-relay") if not a.help]
    assert missing == []


def test_orders_import_help_lists_the_columns(workdir: Path) -> None:
    from relay.model.types import ORDER_FIELDS

    done = run(workdir, "orders", "import", "--help")
    assert done.returncode == 0
    for column in ORDER_FIELDS:
        assert f"\n  {column} " in done.stdout or done.stdout.count(column), column
    assert "required" in done.stdout


def test_rules_code_shows_one_rule_with_its_examples(workdir: Path) -> None:
    done = run(workdir, "rules", "cnt004")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("CNT004")
    assert "Compliant:" in done.stdout and "Non-compliant:" in done.stdout
    assert "ENV001" not in done.stdout
    one = json.loads(run(workdir, "rules", "CNT004", "--json").stdout)
    assert one["code"] == "CNT004"
    typo = run(workdir, "rules", "CNT04")
    assert typo.returncode == 2 and "did you mean CNT004" in typo.stderr


def test_serve_writes_a_pid_file_and_logs_for_a_person(tmp_path: Path, sink: Sink) -> None:
    path = write_settings(tmp_path / "bsm-relay.toml", tmp_path, sink.url)
    pid_file = tmp_path / "relay.pid"
    log = tmp_path / "relay.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [console_script(), "serve", "--config", str(path), "--pid-file", str(pid_file),
             "--log-format", "console"],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while "listening" not in log.read_text():
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        assert pid_file.read_text().strip() == str(process.pid)
        line = next(x for x in log.read_text().splitlines() if "listening" in x)
        assert not line.startswith("{")  # not JSON
        assert f"pid={process.pid}" in line and "kill -HUP" in line
        assert "\x1b[" not in log.read_text()  # a file gets no colour codes
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl-C
        code = process.wait(timeout=60)
    assert code == 0, log.read_text()
    assert not pid_file.exists()


def test_console_log_format_colours_a_terminal(tmp_path: Path, sink: Sink) -> None:
    path = write_settings(tmp_path / "bsm-relay.toml", tmp_path, sink.url)
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        [console_script(), "serve", "--config", str(path), "--log-format", "console"],
        stdin=subprocess.DEVNULL, stdout=secondary, stderr=secondary,
    )  # fmt: skip
    os.close(secondary)
    seen = b""
    try:
        deadline = time.monotonic() + 60
        while b"listening" not in seen:
            assert process.poll() is None and time.monotonic() < deadline, seen
            ready, _, _ = select.select([primary], [], [], 0.5)
            if ready:
                seen += os.read(primary, 65536)
    finally:
        process.send_signal(signal.SIGINT)
        while process.poll() is None:  # keep reading: a full terminal would block its writes
            ready, _, _ = select.select([primary], [], [], 0.2)
            if ready:
                try:
                    seen += os.read(primary, 65536)
                except OSError:
                    break
        code = process.wait(timeout=60)
        os.close(primary)
    assert code == 0, seen
    line = next(x for x in seen.decode(errors="replace").splitlines() if "listening" in x)
    assert "\x1b[" in line and not line.startswith("{"), line  # coloured, not JSON


def test_a_broken_pipe_that_is_not_stdout_is_an_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A socket or a helper process gone (seen: the multiprocessing resource tracker) must not
    end `serve` with a silent 0 as if an early reader had closed our output."""
    from relay import cli as cli_module

    def broken(settings: object, args: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(cli_module.COMMANDS, "rules", broken)
    monkeypatch.setattr(cli_module.logs, "configure", lambda **_: None)  # keep pytest's logging
    with (tmp_path / "out.txt").open("w") as out:
        monkeypatch.setattr(sys, "stdout", out)
        code = cli_module.main(["rules"])
    assert code == 2
    assert "internal error: BrokenPipeError" in capsys.readouterr().err


def test_quarantine_list_filters_on_every_state_the_console_shows(workdir: Path) -> None:
    # A message corrected and sent from the console is "resent": the CLI must filter on it too.
    from relay.delivery.quarantine import STATES

    for state in STATES:
        listed = run(workdir, "quarantine", "list", "--state", state, "--json")
        assert listed.returncode == 0, listed.stderr
        assert json.loads(listed.stdout) == []
    assert "resent" in STATES
