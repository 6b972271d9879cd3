"""A relay killed hard leaves no process behind: workers and parse processes end with it."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil

from tests.conftest import Sink
from tests.reliability.conftest import settings_file, spawn_relay

_MIDDLE = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", sys.argv[1], sys.argv[2]], stdout=subprocess.PIPE)
child.stdout.readline()  # the child is up (and watching, where it watches)
print(child.pid, flush=True)
time.sleep(600)
"""

_CHILD = """
import os, sys, time
from relay.runtime.lifeline import watch_parent
mode = sys.argv[1]
if mode == "watch":
    watch_parent(os.getppid())
if mode == "late":
    watch_parent(int(sys.argv[2]))  # the parent died before the watch began
print("up", flush=True)
time.sleep(600)
"""


def _orphan_survives(mode: str) -> bool:
    middle = subprocess.Popen(
        [sys.executable, "-c", _MIDDLE, _CHILD, mode], stdout=subprocess.PIPE, text=True
    )
    assert middle.stdout is not None
    # The middle names the child once the child says it is up: killed before the child's
    # watch began (a fixed half-second wait, on a busy machine), the watch would have read
    # init as its parent and the orphan would live on, a failure of the test, not the watch.
    child = psutil.Process(int(middle.stdout.readline()))
    middle.send_signal(signal.SIGKILL)
    middle.wait(timeout=10)
    deadline = time.monotonic() + 5
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _running(child):
        child.kill()
        return True
    return False


def test_a_watching_child_ends_when_its_parent_is_killed() -> None:
    assert _orphan_survives("plain")  # the control: without the watch it lives on
    assert not _orphan_survives("watch")


def _running(process: psutil.Process) -> bool:
    """Still running; a zombie has ended (whoever inherited it may never reap it here)."""
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def test_kill_9_of_the_supervisor_leaves_no_worker_nor_parse_process(
    tmp_path: Path, sink: Sink
) -> None:
    path = settings_file(tmp_path, sink.url, smtp='auth = "off"\nworkers = 2\nparse_processes = 1')
    relay = spawn_relay(path, tmp_path / "relay.log")
    try:
        # two workers, each with its parse process (started in the background after listening)
        deadline = time.monotonic() + 60
        while len(_descendants(relay.proc.pid)) < 4 and time.monotonic() < deadline:
            time.sleep(0.1)
        children = _descendants(relay.proc.pid)
        assert len(children) >= 4, [c.cmdline() for c in children]
    finally:
        relay.kill()  # SIGKILL: the supervisor cannot stop anything itself
    deadline = time.monotonic() + 30
    while (alive := [p for p in children if _running(p)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    for process in alive:
        process.kill()
    assert not alive, [p.pid for p in alive]
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", relay.port)) != 0  # nobody serves the port


def test_a_child_whose_parent_died_before_the_watch_began_ends_too() -> None:
    """Seen in the kill -9 tests: a parse process still starting when its relay was killed."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    child = psutil.Process(
        subprocess.Popen([sys.executable, "-c", _CHILD, "late", str(gone.pid)]).pid
    )
    deadline = time.monotonic() + 10
    while _running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    alive = _running(child)
    if alive:
        child.kill()
    assert not alive
