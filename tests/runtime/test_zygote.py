"""The zygote's policy is a worker's only while the policy files are what the zygote read."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.policy import load_policy
from relay.runtime import zygote


def test_a_worker_takes_the_zygotes_policy_only_while_its_files_are_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seller = tmp_path / "seller.toml"
    seller.write_text('version = "seller-1"\n', encoding="utf-8")
    files = [str(seller)]
    policy = load_policy(files)
    monkeypatch.setattr(
        zygote,
        "_preloaded",
        zygote.Preloaded(tuple(files), zygote.fingerprint(policy.sources), policy),
    )
    assert zygote.policy_for(files) is policy
    assert zygote.shares(policy)
    other = zygote.policy_for([])  # other files named in the settings
    assert other is not policy and not zygote.shares(other)
    seller.write_text('version = "seller-2"\n', encoding="utf-8")  # changed since
    changed = zygote.policy_for(files)
    assert changed is not policy and changed.version == "seller-2"


def test_without_a_zygote_the_policy_is_read() -> None:
    assert zygote.policy_for([]).version == load_policy([]).version
    assert not zygote.shares(load_policy([]))


def test_the_fingerprint_follows_content_and_names(tmp_path: Path) -> None:
    a = tmp_path / "a.toml"
    a.write_text("x = 1\n", encoding="utf-8")
    first = zygote.fingerprint([str(a)])
    assert first == zygote.fingerprint([str(a)])
    a.write_text("x = 2\n", encoding="utf-8")
    assert zygote.fingerprint([str(a)]) != first
    assert zygote.fingerprint([str(tmp_path / "missing.toml")]) == ""


def shares_the_zygotes_policy() -> None:
    """In a process forked by the zygote: exit 0 when the zygote's policy is this process's."""
    import sys

    sys.exit(0 if zygote.shares(zygote.policy_for([])) else 3)


_START = """
import sys, threading, time
from relay.runtime import zygote
from tests.runtime.test_zygote import shares_the_zygotes_policy
if sys.argv[1] == "with a thread":  # forking here is not safe: the fork server is spawned
    threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
context = zygote.start([], "json")
pid = zygote.multiprocessing.forkserver._forkserver._forkserver_pid
with open(f"/proc/{pid}/cmdline", "rb") as theirs, open("/proc/self/cmdline", "rb") as ours:
    spawned = theirs.read() != ours.read()  # a forked one has the command line of its parent
process = context.Process(target=shares_the_zygotes_policy)
process.start()
process.join(120)
print(process.exitcode, "spawned" if spawned else "forked", flush=True)
"""


@pytest.mark.parametrize("mode", ["single-threaded", "with a thread"])
def test_a_process_forked_by_the_zygote_shares_its_policy(mode: str) -> None:
    """Forked from a single-threaded starter, or spawned when a thread runs there: either way
    the zygote preloads the policy, and a process it forks uses it."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", _START, mode],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    exitcode, how = done.stdout.split()
    assert exitcode == "0", done.stderr
    assert how == ("forked" if mode == "single-threaded" else "spawned")
