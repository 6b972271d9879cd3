"""SMTP logins in a running `bsm-relay serve`: lockouts that stop a guesser, not a helpdesk."""

from __future__ import annotations

import signal
import smtplib
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from relay.config import load_settings
from tests.conftest import Sink, console_script, write_settings
from tests.runtime.test_smtp import cli
from tests.test_policy_reload import Served

ALICE = ("alice", "alice's right password")
BOB = ("bob", "bob's right password")


def login(port: int, user: str, password: str, source: str = "127.0.0.1") -> tuple[int, str]:
    with smtplib.SMTP("127.0.0.1", port, timeout=30, source_address=(source, 0)) as client:
        client.ehlo()
        try:
            code, text = client.login(user, password)
        except smtplib.SMTPAuthenticationError as exc:
            return exc.smtp_code, exc.smtp_error.decode()
        return code, text.decode()


@pytest.fixture
def auth_served(
    tmp_path: Path, sink: Sink, request: pytest.FixtureRequest
) -> Iterator[tuple[Served, Path]]:
    extra = getattr(request, "param", "")  # more [smtp] settings, by indirect parametrization
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url,
        smtp_extra='auth = "required"\nmax_failed_logins = 5\nusers_refresh_seconds = 0.5\n'
        + extra,
    )  # fmt: skip
    for name, password in (ALICE, BOB):
        added = cli(path, "users", "add", name, "--password-stdin", stdin=password + "\n")
        assert added.returncode == 0, added.stderr
    log = tmp_path / "relay.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [console_script(), "--config", str(path), "serve"], stdout=out, stderr=subprocess.STDOUT
        )
    served = Served(process, log, load_settings(str(path)).smtp.port)
    try:
        served.wait_for("listening")
        yield served, path
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def test_one_users_typos_lock_out_only_that_user_until_unlocked(
    auth_served: tuple[Served, Path],
) -> None:
    served, path = auth_served
    port = served.port
    # smtplib tries PLAIN, then LOGIN with the same password: each wrong password counts once
    for n in range(4):
        assert login(port, "alice", f"typo {n}")[0] == 535
    assert login(port, *ALICE)[0] == 235
    for n in range(4):
        assert login(port, "alice", f"second typo {n}")[0] == 535
    # the fifth: 535 to PLAIN, then smtplib's LOGIN retry already hears the lockout
    assert login(port, "alice", "second typo 4")[0] in (535, 454)
    code, text = login(port, *ALICE)
    assert code == 454, text
    assert "try again in" in text and "seconds" in text
    seconds = int(text.split("try again in ")[1].split()[0])
    assert 0 < seconds <= 300
    # the other agent behind the same address signs in
    assert login(port, *BOB)[0] == 235
    locked = served.events("login_locked")
    assert locked and locked[-1]["user"] == "alice" and locked[-1]["scope"] == "login"

    unlocked = cli(path, "users", "unlock", "alice")
    assert unlocked.returncode == 0, unlocked.stderr
    assert "unlocked" in unlocked.stdout
    deadline = time.monotonic() + 10
    while login(port, *ALICE)[0] != 235:
        assert time.monotonic() < deadline, "the unlock did not reach the running relay"
        time.sleep(0.2)

    missing = cli(path, "users", "unlock", "nobody")
    assert missing.returncode == 2 and "no user nobody" in missing.stderr


@pytest.mark.parametrize("auth_served", ["max_failed_logins_per_user = 6"], indirect=True)
def test_a_users_failures_from_many_addresses_lock_that_user_everywhere(
    auth_served: tuple[Served, Path],
) -> None:
    """A guesser spreading one user's tries over many addresses stays under the per-address
    limit: the per-user count stops them, and still not the other agents."""
    served, path = auth_served
    port = served.port
    for source in ("127.0.0.2", "127.0.0.3"):
        for n in range(2):
            assert login(port, "alice", f"guess {source} {n}", source)[0] == 535
    assert login(port, "alice", "guess 127.0.0.4 0", "127.0.0.4")[0] == 535
    # the sixth: 535 to PLAIN, then smtplib's LOGIN retry may already hear the lockout
    assert login(port, "alice", "guess 127.0.0.4 1", "127.0.0.4")[0] in (535, 454)
    # from an address that never failed, with the right password: this user is locked
    code, text = login(port, *ALICE, "127.0.0.5")
    assert code == 454, text
    assert "for this login, try again in" in text, text
    assert login(port, *BOB, "127.0.0.5")[0] == 235
    locked = served.events("login_locked")
    assert locked[-1]["user"] == "alice" and locked[-1]["scope"] == "user"

    assert cli(path, "users", "unlock", "alice").returncode == 0
    deadline = time.monotonic() + 10
    while login(port, *ALICE, "127.0.0.5")[0] != 235:
        assert time.monotonic() < deadline, "the unlock did not reach the running relay"
        time.sleep(0.2)


def test_a_user_added_to_a_running_relay_signs_in_within_seconds(
    auth_served: tuple[Served, Path],
) -> None:
    served, path = auth_served
    assert login(served.port, "carol", "carol's password")[0] == 535
    added = cli(path, "users", "add", "carol", "--password-stdin", stdin="carol's password\n")
    assert added.returncode == 0, added.stderr
    changed = cli(path, "users", "add", "bob", "--password-stdin", stdin="bob's new password\n")
    assert changed.returncode == 0, changed.stderr
    deadline = time.monotonic() + 10
    # the two changes may arrive in one look at the store or in two
    while (
        login(served.port, "carol", "carol's password")[0] != 235
        or login(served.port, "bob", "bob's new password")[0] != 235
    ):
        assert time.monotonic() < deadline, "the change did not reach the running relay"
        time.sleep(0.2)
    assert login(served.port, *BOB)[0] == 535
    assert served.events("users_refreshed")


def test_users_are_listed_and_a_deleted_one_no_longer_signs_in(
    auth_served: tuple[Served, Path],
) -> None:
    served, path = auth_served
    added = cli(path, "users", "add", "rita", "--role", "reviewer", "--password-stdin",
                stdin="rita reviews daily\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = cli(path, "users", "list")
    assert listed.returncode == 0, listed.stderr
    rows = [line.split()[:2] for line in listed.stdout.splitlines()]
    assert rows == [["alice", "sender"], ["bob", "sender"], ["rita", "reviewer"]]
    assert "argon2" not in listed.stdout  # no hashes on the screen

    assert login(served.port, *BOB)[0] == 235
    deleted = cli(path, "users", "delete", "bob")
    assert deleted.returncode == 0 and "user bob deleted" in deleted.stdout, deleted.stderr
    deadline = time.monotonic() + 10
    while login(served.port, *BOB)[0] != 535:
        assert time.monotonic() < deadline, "the deletion did not reach the running relay"
        time.sleep(0.2)
    assert login(served.port, *ALICE)[0] == 235
    assert [line.split()[0] for line in cli(path, "users", "list").stdout.splitlines()] == [
        "alice",
        "rita",
    ]
    missing = cli(path, "users", "delete", "bob")
    assert missing.returncode == 2 and "no user bob" in missing.stderr
    assert "Traceback" not in missing.stderr
