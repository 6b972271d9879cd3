"""The zygote: one process loads what judging needs, and every worker is forked from it.

Spawned workers were each a fresh interpreter that imported the relay (~75 MiB) and built
langdetect's profile table (~59 MiB) and the policy with its compiled phrase lists (~18 MiB)
by itself. Forked from one process that built them, the workers and their parse processes
share those pages copy-on-write: a page is copied only when a process writes to it. The
collector would write to every object's header on each full collection, so the zygote freezes
what it loaded (`gc.freeze()`) before it forks anything; reference counts of the objects a
worker touches still copy those pages, which is why each worker's own share grows with use.

The zygote is multiprocessing's fork server. Forking a process that has threads can leave the
child with a lock held by a thread that does not exist in it; the fork server has one thread,
while the supervisor soon runs several (uvicorn, aiosqlite, executors). So the supervisor forks
the zygote at its start, while it is still single-threaded, and the zygote shares the
supervisor's imports as well; where that cannot be done, the fork server is spawned as
multiprocessing does it, with relay/runtime/zygote_preload.py as its preload, told what to
load through the environment. It lives while the supervisor or a process it forked holds its
end of multiprocessing's "alive" pipe, so it ends after them. A worker that dies is forked
from it again.

A worker uses the zygote's policy only while the policy files are what the zygote read; after
a SIGHUP that changed them, a worker that starts again loads its own (`policy_for`).
"""

from __future__ import annotations

import hashlib
import inspect
import json
import multiprocessing
import multiprocessing.connection
import multiprocessing.context
import multiprocessing.forkserver
import os
import socket
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from relay.policy import Policy, load_policy
from relay.runtime.memory import freeze_startup_objects

ENV = "BSM_RELAY_ZYGOTE"


@dataclass(frozen=True)
class Preloaded:
    files: tuple[str, ...]  # [policy] files, as the settings name them
    fingerprint: str  # of every file the policy was read from, when it was read
    policy: Policy


_preloaded: Preloaded | None = None


def fingerprint(paths: Iterable[str]) -> str:
    """One digest of these files' names and contents; "" when one cannot be read."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(path, "rb") as handle:
                digest.update(hashlib.sha256(handle.read()).digest())
        except OSError:
            return ""
    return digest.hexdigest()


def start(
    policy_files: Sequence[str], log_format: str
) -> multiprocessing.context.ForkServerContext:
    """Start the zygote (the supervisor, before its first worker); the context to fork with.

    Returns at once: the zygote loads in the background (~3 s of CPU), and the first worker's
    start waits for it.

    Forked from the supervisor while it has one thread, the zygote shares the supervisor's
    imports too (~70 MiB); the supervisor's objects are frozen first, so that neither
    process's collector copies those pages. Otherwise (a thread already running, or a Python
    whose fork server this module does not know) the fork server is spawned and imports
    everything itself."""
    context = multiprocessing.get_context("forkserver")
    assert isinstance(context, multiprocessing.context.ForkServerContext)
    request = json.dumps({"policy_files": list(policy_files), "log_format": log_format})
    # Kept in the environment: should the zygote die, multiprocessing spawns a fork server
    # again, and that one preloads the same (the zygote itself takes it out of its own).
    context.set_forkserver_preload(["relay.runtime.zygote_preload"])
    os.environ[ENV] = request
    if not (_single_threaded() and _fork_server(request)):
        multiprocessing.forkserver.ensure_running()
    return context


def _single_threaded() -> bool:
    """One thread in this process, counting those Python did not start (a C library's)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return threading.active_count() == 1


# what multiprocessing.forkserver.ForkServer.ensure_running sets, in CPython 3.11 to 3.13
_SERVER_STATE = ("_forkserver_address", "_forkserver_alive_fd", "_forkserver_pid")


def _fork_server(request: str) -> bool:
    """Fork the fork server from this process (ensure_running spawns it); False when this
    Python's fork server is not laid out as expected."""
    server: Any = multiprocessing.forkserver._forkserver  # private: checked below
    known = inspect.signature(multiprocessing.forkserver.main).parameters
    if (
        any(not hasattr(server, name) for name in _SERVER_STATE)
        or server._forkserver_pid is not None
        or list(known)[:3] != ["listener_fd", "alive_r", "preload"]
        or any(p.default is inspect.Parameter.empty for p in list(known.values())[3:])
    ):
        return False
    freeze_startup_objects()
    connection: Any = multiprocessing.connection  # arbitrary_address: not in the stubs
    address = connection.arbitrary_address("AF_UNIX")
    assert isinstance(address, str)
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(address)
        os.chmod(address, 0o600)
        listener.listen()
        # the fork server ends when every holder of the write end (this process and each
        # process it forks) is gone
        alive_r, alive_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the zygote: it never returns into the supervisor's code
            code = 1
            try:
                os.close(alive_w)
                os.environ.pop(ENV, None)
                preload(request)
                multiprocessing.forkserver.main(listener.fileno(), alive_r, [])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0
            finally:
                os._exit(code)
        os.close(alive_r)
    server._forkserver_address = address
    server._forkserver_alive_fd = alive_w
    server._forkserver_pid = pid
    return True


def policy_for(files: list[str] | tuple[str, ...]) -> Policy:
    """The policy of `files`: the zygote's, shared, while they are the files it read, unchanged;
    else read now."""
    found = _preloaded
    if (
        found is not None
        and found.files == tuple(files)
        and fingerprint(found.policy.sources) == found.fingerprint
    ):
        return found.policy
    return load_policy(files)


def shares(policy: Policy) -> bool:
    """True for the zygote's policy: its pages are the zygote's, whoever else lets it go."""
    return _preloaded is not None and policy is _preloaded.policy


def preload(request: str) -> None:
    """In the fork server, at its start (relay/runtime/zygote_preload.py): load and warm
    everything a worker judges with, then freeze it."""
    global _preloaded
    import structlog

    from relay import logs
    from relay.model.types import RelayConfig
    from relay.pipeline import warm
    from relay.review.notices import load_all_wording
    from relay.runtime import parse_process
    from relay.runtime.proctitle import name_process

    name_process("bsm-zygote")
    data = json.loads(request)
    logs.configure(log_format=data["log_format"])
    files = tuple(data["policy_files"])
    try:
        policy = load_policy(files)
        digest = fingerprint(policy.sources)
        # a worker warms again with its own settings: cheap once these are loaded
        warm(policy, RelayConfig())
        load_all_wording()
        parse_process.warm_up()
    except Exception as exc:  # each worker then loads (and reports) it itself
        structlog.get_logger("relay.runtime.zygote").warning(
            "zygote_preload_failed", error=str(exc), error_type=type(exc).__name__
        )
    else:
        _preloaded = Preloaded(files, digest, policy)
    freeze_startup_objects()
