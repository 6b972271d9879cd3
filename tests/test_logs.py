"""Logging never stops the relay: a closed log pipe costs log lines, not mail or a stop."""

from __future__ import annotations

import asyncio
import getpass
import json
import os
import signal
import smtplib
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from relay.config import load_settings
from relay.runtime.server import DRAIN_SECONDS
from relay.store import open_store
from relay.store.base import EntryQuery
from tests.conftest import (
    BUYER,
    SELLER,
    Sink,
    console_script,
    free_port,
    make_message,
    quarantine_id_of,
    write_settings,
)
from tests.runtime.test_smtp import _import_orders, cli, compliant_reply, held_by_att002, send
from tests.test_policy_reload import Served


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


HOLD_ATT002 = '[rules.ATT002]\nseverity = "hold"\n'
SHOP_LINKS = (
    "Guten Tag, zur Bestellung 302-1234567-1234567: mehr unter www.shop-example.de, "
    "shop-example.de/angebote und https://shop-example.de/x. Viele Grüße"
)


def test_the_auth_user_and_the_operator_are_in_the_logs_and_the_record(
    tmp_path: Path, sink: Sink
) -> None:
    policy = tmp_path / "hold.toml"
    policy.write_text(HOLD_ATT002)
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, smtp_extra='auth = "required"',
        extra=f'[policy]\nfiles = ["{policy}"]\n',
    )  # fmt: skip
    asyncio.run(_import_orders(path, tmp_path))
    added = cli(path, "users", "add", "agent7", "--password-stdin", stdin="agent seven pw\n")
    assert added.returncode == 0, added.stderr
    log = tmp_path / "relay.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [console_script(), "--config", str(path), "serve"], stdout=out, stderr=subprocess.STDOUT
        )
    served = Served(process, log, load_settings(str(path)).smtp.port)
    try:
        served.wait_for("listening")
        with smtplib.SMTP("127.0.0.1", served.port, timeout=30) as client:
            client.login("agent7", "agent seven pw")
            for n in range(2):
                assert client.sendmail(SELLER, [BUYER], held_by_att002(f"<who-{n}@x>")) == {}
            # one rule matching three links: the code once, with its count
            with pytest.raises(smtplib.SMTPDataError):
                client.sendmail(SELLER, [BUYER], make_message(SHOP_LINKS))
        lines = served.wait_for("message", count=3)
        assert [line["auth_user"] for line in lines] == ["agent7"] * 3
        # the judging's CPU beside its wall-clock time, which also counts waits for a core
        assert all(0 < line["policy_cpu_ms"] <= line["policy_ms"] + 0.01 for line in lines)
        assert lines[0]["level"] == "info" and lines[0]["codes"] == ["ATT002"]
        assert lines[2]["codes"].count("LNK001") == 1
        assert lines[2]["code_counts"]["LNK001"] == 3
        records = sorted((tmp_path / "quarantine").glob("*/*.json"))
        envelopes = [json.loads(r.read_text())["envelope"] for r in records]
        assert [e["auth_user"] for e in envelopes] == ["agent7"] * 3
        held = [str(line["quarantine_id"]) for line in lines[:2]]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)

    # The store's index, which the console's list reads, names the login too (and finds by it).
    async def indexed_logins() -> list[str]:
        store = await open_store(load_settings(str(path)).store.url)
        try:
            found, _ = await store.find_entries(EntryQuery(sender="agent7"))
            return [entry.auth_user for entry in found]
        finally:
            await store.close()

    assert asyncio.run(indexed_logins()) == ["agent7"] * 3

    released = cli(path, "quarantine", "release", held[0], "--by", "anna")
    assert released.returncode == 0, released.stderr
    event = _event(released.stderr, "released")
    assert event["by"] == "anna" and event["os_user"] == getpass.getuser()
    assert event["via"] == "cli" and event["auth_user"] == "agent7"
    deleted = cli(path, "quarantine", "delete", held[1])
    assert deleted.returncode == 0, deleted.stderr
    event = _event(deleted.stderr, "deleted")
    assert event["by"] == getpass.getuser() and event["quarantine_id"] == held[1]


def test_console_actions_are_logged_by_the_relay_with_who_did_them(
    tmp_path: Path, sink: Sink
) -> None:
    """Release, delete and edit (a corrected version, sent or refused) from the console of a
    running `bsm-relay serve`: its own log says what was done to which entry, and by whom."""
    from tests import console_support
    from tests.test_console import FIXED_TEXT, PHRASE, review_request

    policy = tmp_path / "review.toml"
    policy.write_text('[rules.CNT005]\nseverity = "hold"\n\n[rules.ATT002]\nseverity = "hold"\n')
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, extra=f'[policy]\nfiles = ["{policy}"]\n'
    )
    asyncio.run(_import_orders(path, tmp_path))
    console_support.add_user(path, "rita", "rita-reviews-daily", "reviewer")
    settings = load_settings(str(path))
    log = tmp_path / "serve.log"
    served = console_support.run(
        path, "serve", int(settings.http.listen.rsplit(":", 1)[1]), log
    )
    try:
        held = []
        with smtplib.SMTP("127.0.0.1", settings.smtp.port, timeout=30) as client:
            client.ehlo()
            for raw in (
                held_by_att002("<console-1@shop.example>"),
                held_by_att002("<console-2@shop.example>"),
                review_request("<console-3@shop.example>", free_port()),
            ):
                client.mail(SELLER)
                client.rcpt(BUYER)
                code, reply = client.data(raw)
                assert code == 250 and b"held" in reply, reply
                held.append(quarantine_id_of(reply))
        reviewer = console_support.Client(served.base)
        assert reviewer.sign_in("rita", "rita-reviews-daily") == 303
        token = reviewer.csrf()
        assert reviewer.request(f"/quarantine/{held[0]}/release", {"csrf": token})[0] == 303
        assert reviewer.request(f"/quarantine/{held[1]}/delete", {"csrf": token})[0] == 303
        still_asking = FIXED_TEXT + f"\nWenn Sie zufrieden sind, {PHRASE}.\n"
        edit = f"/quarantine/{held[2]}/resend"
        assert reviewer.request(edit, {"csrf": token, "text": still_asking})[0] == 422
        assert reviewer.request(edit, {"csrf": token, "text": FIXED_TEXT})[0] == 303
        assert len(sink.messages) == 2
    finally:
        served.stop()
    events = {}
    for line in log.read_text().splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            events.setdefault(record["event"], record)
    for name, entry in (
        ("released", held[0]),
        ("deleted", held[1]),
        ("resend_refused", held[2]),
        ("resent", held[2]),
    ):
        assert name in events, f"no {name} line in the relay's log"
        assert events[name]["quarantine_id"] == entry and events[name]["by"] == "rita", name
    assert events["resend_refused"]["codes"] == ["CNT005"]


def _event(stderr: str, name: str) -> dict[str, Any]:
    for line in stderr.splitlines():
        if line.startswith("{") and json.loads(line).get("event") == name:
            return dict(json.loads(line))
    raise AssertionError(f"no {name} line on stderr: {stderr}")


def test_an_upstream_failure_is_a_warning(tmp_path: Path) -> None:
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, f"smtp://127.0.0.1:{free_port()}"
    )  # nothing listens there
    asyncio.run(_import_orders(path, tmp_path))
    log = tmp_path / "relay.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [console_script(), "--config", str(path), "serve"], stdout=out, stderr=subprocess.STDOUT
        )
    served = Served(process, log, load_settings(str(path)).smtp.port)
    try:
        served.wait_for("listening")
        with pytest.raises(smtplib.SMTPDataError) as deferred:
            asyncio.run(send(served.port, compliant_reply("<down-1@shop.example>")))
        assert deferred.value.smtp_code == 451
        line = served.wait_for("message")[0]
        assert line["level"] == "warning" and line["problem"] == "upstream"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def test_a_full_disk_under_the_log_is_reported_once_and_logging_goes_on() -> None:
    """/dev/full fails every write with ENOSPC, as a full disk would: the caller never sees
    it, the failure is said once, and the sink is tried again (a disk may be freed)."""
    code = (
        "import structlog\n"
        "from relay import logs\n"
        "sink = open('/dev/full', 'w')\n"
        "logs.configure(stream=sink)\n"
        "log = structlog.get_logger()\n"
        "for n in range(3):\n"
        "    log.info('line', n=n)\n"
        "print('alive', flush=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0 and done.stdout == "alive\n", done.stderr
    reports = [line for line in done.stderr.splitlines() if line]
    assert reports == [
        "bsm-relay: log output failed (OSError: [Errno 28] No space left on device); "
        "those log lines are dropped, the relay goes on"
    ]


_MANY_WRITERS = """
import os, sys, time
import structlog
from relay import logs
logs.configure()
log = structlog.get_logger()
start = float(sys.argv[1])
while time.time() < start:  # every writer starts at once
    pass
for n in range(int(sys.argv[2])):
    log.info("line", n=n, writer=os.getpid())
"""


def test_processes_sharing_the_log_output_never_mix_two_lines_into_one(tmp_path: Path) -> None:
    """A supervisor and its workers write to one output (the same file description): each
    line is one write, its newline included, so lines written at the same instant (a SIGTERM's
    "stopping" in every worker) stay lines of their own. Unbuffered, as PYTHONUNBUFFERED
    makes stdout, print() wrote a line and its newline in two writes, and another process's
    line could land between them."""
    writers, lines = 4, 2000
    log = tmp_path / "shared.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        start = time.time() + 2.0
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", _MANY_WRITERS, str(start), str(lines)], stdout=out, env=env
            )
            for _ in range(writers)
        ]
        assert [p.wait(timeout=120) for p in processes] == [0] * writers
    text = log.read_text(encoding="utf-8")
    unreadable = []
    for line in text.splitlines():
        try:
            json.loads(line)
        except ValueError:
            unreadable.append(line)
    assert not unreadable, f"{len(unreadable)} mixed lines, e.g. {unreadable[0][:300]!r}"
    assert len(text.splitlines()) == writers * lines
