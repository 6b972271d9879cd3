"""Child processes end when the process that started them is gone.

A relay killed hard (kill -9, the OOM killer) cannot stop its children. Its parse processes
wait on a queue whose write end they hold themselves, so they would never see it close and
lived on forever (38 MiB each; seen after the crash tests). Its worker processes would go on
serving the shared port with a policy nobody can reload any more. Each child watches its
parent instead: when the parent is gone (the child is re-parented), it acts.

A worker is forked by the zygote (relay/runtime/zygote.py), so its parent is the zygote, not
the supervisor. It watches the supervisor through multiprocessing's parent sentinel instead:
a pipe whose write end only the process that started it holds, which reads as closed once that
process is gone, however it ended.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from typing import Final

CHECK_SECONDS: Final = 1.0


def _exit_now() -> None:
    os._exit(0)


def _graceful_stop() -> None:
    """SIGTERM to ourselves: the serving loop drains its sessions and exits as on any stop."""
    os.kill(os.getpid(), signal.SIGTERM)


def watch_parent(parent: int, on_orphaned: Callable[[], None] = _exit_now) -> threading.Thread:
    """Call `on_orphaned` once, from a daemon thread, when process `parent` is no longer ours.

    `parent` is the pid the starting process passed down, not `os.getppid()` read here: a
    parent killed while this process was still starting up would already have been replaced
    by init, and the watch would never fire.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(CHECK_SECONDS)
        on_orphaned()

    thread = threading.Thread(target=watch, name="parent-watch", daemon=True)
    thread.start()
    return thread


def exit_with_parent(parent: int) -> threading.Thread:
    """A parse process: nothing of its own to finish, it ends at once."""
    return watch_parent(parent, _exit_now)


def stop_with_parent(parent: int) -> threading.Thread:
    """A worker: it finishes its in-flight messages (SIGTERM's graceful stop), then ends."""
    return watch_parent(parent, _graceful_stop)


def stop_with_starter() -> threading.Thread:
    """A worker: it stops gracefully (as stop_with_parent) when the process that started it
    through multiprocessing is gone, whichever process forked it."""
    starter = multiprocessing.parent_process()
    if starter is None:
        raise RuntimeError("not started by multiprocessing: no starter to watch")

    def watch() -> None:
        starter.join()  # returns when the sentinel reads as closed
        _graceful_stop()

    thread = threading.Thread(target=watch, name="starter-watch", daemon=True)
    thread.start()
    return thread
