"""The README's walk-through, run as a reader would: the first command, the Quick start, and
STARTTLS + AUTH with swaks, in a fresh folder, against the installed console script.

The only changes: `.venv` is the test's own virtualenv (installing a second one would take
minutes), and the two fixed ports become free ones (a test must not take 2525 and 8025 on a
shared machine); every other line runs exactly as printed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parent.parent
FIRST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/bsm-relay serve"
FIRST_ID = """"$(.venv/bin/bsm-relay quarantine list --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')\""""  # noqa: E501


def sh_blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(), re.S)


def section(title: str) -> str:
    text = (ROOT / "README.md").read_text()
    start = text.index(title)
    return re.findall(r"```sh\n(.*?)```", text[start:], re.S)[0]


Reader = tuple[Path, dict[str, str], int, int]


@pytest.fixture
def reader(tmp_path: Path) -> Reader:
    assert shutil.which("swaks"), "swaks is not installed (apt-get install swaks)"
    (tmp_path / ".venv").symlink_to(Path(sys.executable).parent.parent)
    smtp, http = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BSM_RELAY_")}
    env |= {
        "BSM_RELAY_SMTP__LISTEN": f"127.0.0.1:{smtp}",
        "BSM_RELAY_HTTP__LISTEN": f"127.0.0.1:{http}",
        "BSM_RELAY_CACHE_DIR": os.environ.get("BSM_RELAY_CACHE_DIR", ""),
    }
    if not env["BSM_RELAY_CACHE_DIR"]:
        del env["BSM_RELAY_CACHE_DIR"]
    return tmp_path, env, smtp, http


def run_block(block: str, cwd: Path, env: dict[str, str], smtp: int, http: int) -> str:
    script = (
        block.replace("127.0.0.1:2525", f"127.0.0.1:{smtp}")
        .replace("127.0.0.1:8025", f"127.0.0.1:{http}")
        .replace("<id>", FIRST_ID)
    )
    # as typed at a prompt: no `set -e` (swaks exits non-zero on the 550 the README shows);
    # output to a file, so a relay left running cannot hold the test's pipe open
    output = cwd / "walk-through.txt"
    try:
        with output.open("w") as out:
            subprocess.run(
                ["bash", "-c", script + "\nwait\n"], cwd=cwd, env=env, stdout=out,
                stderr=subprocess.STDOUT, timeout=240, check=False,
            )  # fmt: skip
    finally:
        pid_file = cwd / "relay.pid"
        if pid_file.exists():  # the README's own `kill` did not run: stop it, then fail below
            os.kill(int(pid_file.read_text()), signal.SIGTERM)
            time.sleep(2)
    return output.read_text()


def test_the_first_command_starts_the_relay_and_ctrl_c_stops_it(reader: Reader) -> None:
    cwd, env, smtp, _http = reader
    assert sh_blocks()[0].strip() == FIRST_COMMAND
    readme = (ROOT / "README.md").read_text()
    assert "Ctrl-C stops it" in readme
    serve = FIRST_COMMAND.split(" && ")[-1].split()
    log = cwd / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(serve, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while '"listening"' not in log.read_text():
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        assert f"127.0.0.1:{smtp}" in log.read_text()
    finally:
        process.send_signal(signal.SIGINT)  # Ctrl-C
        code = process.wait(timeout=60)
    assert code == 0
    events = [json.loads(line)["event"] for line in log.read_text().splitlines()]
    assert events[-2:] == ["stopping", "stopped"]


def test_the_quick_start_stops_the_first_relay_and_names_swaks_as_optional() -> None:
    """What the walk-through cannot show by running: the words a reader acts on first."""
    text = (ROOT / "README.md").read_text()
    start = text.index("## Quick start")
    before_block = text[start : text.index("```sh", start)]
    # the first command's relay holds port 2525: the reader is told to stop it first
    assert "Stop the relay of the first command" in before_block and "Ctrl-C" in before_block
    assert "swaks" in before_block and "optional tool" in before_block
    # a certificate made outside Docker, in the block the walk-through runs
    assert section("### STARTTLS and AUTH").startswith("openssl req -x509")


def test_quick_start_then_starttls_and_auth_with_swaks(reader: Reader) -> None:
    cwd, env, smtp, http = reader
    quick = run_block(section("## Quick start"), cwd, env, smtp, http)
    assert "<-  250 2.0.0" in quick  # delivered into the maildir
    assert "<** 550 5.7.1" in quick and "quarantine id" in quick
    # the maildir upstream takes the forwarded message and the writer's notice of the rejection
    assert len(buyer_mail(cwd)) == 1
    notices = notices_in(cwd)
    assert len(notices) == 1 and "To: support@shop.example" in notices[0]
    assert "CNT004" in quick  # quarantine list / show name the rule
    assert not (cwd / "relay.pid").exists()  # stopped

    tls = run_block(section("### STARTTLS and AUTH"), cwd, env, smtp, http)
    assert "<-  220 Ready to start TLS" in tls
    assert "<~  235" in tls  # signed in, inside TLS (swaks marks those lines with ~)
    assert tls.count("<~  250 2.0.0") == 1
    assert len(buyer_mail(cwd)) == 2 and len(notices_in(cwd)) == 1
    assert not (cwd / "relay.pid").exists()


def _outbox(cwd: Path) -> list[str]:
    folder = cwd / "var" / "outbox" / "new"
    return [path.read_text(errors="replace") for path in folder.iterdir()]


def notices_in(cwd: Path) -> list[str]:
    return [text for text in _outbox(cwd) if "\nX-BSM-Relay-Notice:" in text]


def buyer_mail(cwd: Path) -> list[str]:
    return [text for text in _outbox(cwd) if "\nX-BSM-Relay-Notice:" not in text]


def test_every_table_row_belongs_to_a_table() -> None:
    # A row after a blank line or a paragraph is no longer part of the table above it: Markdown
    # shows it as a line of pipes.
    lines = (ROOT / "README.md").read_text().splitlines()
    stray = [
        f"line {number}: {line[:60]}"
        for number, line in enumerate(lines, 1)
        if line.startswith("|")
        and not lines[number - 2].startswith("|")
        and not (number < len(lines) and re.match(r"\|\s*-{3,}", lines[number]))
    ]
    assert not stray, stray


def test_the_review_section_shows_the_screenshots_the_browser_test_takes() -> None:
    text = (ROOT / "README.md").read_text()
    review = text[text.index("## Review the quarantine") : text.index("## The policy")]
    images = re.findall(r"!\[[^\]]+\]\((docs/img/[^)]+\.png)\)", review)
    assert [Path(i).name for i in images] == ["console-list.png", "console-message.png"]
    console_test = (ROOT / "tests" / "test_console.py").read_text()
    for image in images:
        assert (ROOT / image).read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), image
        assert f'screenshots / "{Path(image).name}"' in console_test  # taken by the test run
    assert "BSM_RELAY_SCREENSHOTS=docs/img" in text  # and the reader knows how to refresh them
