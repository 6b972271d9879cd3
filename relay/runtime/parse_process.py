"""What runs in a parse process: `parse()` of large messages, away from the serving loop.

Kept apart from relay.pipeline so that a parse process imports the message model and nothing
else: no rules, policy data, store or SMTP libraries (about 40 MiB less per process).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import multiprocessing
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from email.message import EmailMessage

from relay.model.extract import minimal_pdf
from relay.model.message import ParsedMessage, parse
from relay.runtime.lifeline import exit_with_parent
from relay.runtime.memory import (
    LARGE_MESSAGE_MMAP_THRESHOLD,
    fix_mmap_threshold,
    freeze_startup_objects,
    release_free_memory,
)
from relay.runtime.proctitle import name_process

# parse processes forked by fork_processes(), for the next pool() of this process
_forked: list[ProcessPoolExecutor] = []


def initialize(parent: int) -> None:
    """Parse processes yield the CPU to the serving loop: a 10 MB parse takes ~0.35 s of CPU,
    and at equal priority two of them starve the sessions of small messages on a 2-core host.
    Their large buffers go straight back to the system when freed (relay/runtime/memory.py), and
    they
    end with the relay that started them, even one killed hard (relay/runtime/lifeline.py)."""
    name_process("bsm-parse")
    with contextlib.suppress(OSError):
        os.nice(10)
    fix_mmap_threshold(LARGE_MESSAGE_MMAP_THRESHOLD)
    exit_with_parent(parent)


def parse_without_raw(raw: bytes) -> ParsedMessage:
    """parse() in a parse process; the caller already holds the raw bytes, so they are not
    pickled back (14 MB less to copy and to hold per 10 MB message)."""
    parsed = dataclasses.replace(parse(raw), raw=b"")
    # The PDF reader's reference cycles hold the attachment's stream (10 MB of a 10 MB PDF)
    # until a full collection, which came seldom: each parse process kept the last one's
    # during the next parse. Start-up objects are frozen (warm_up), so this walks little.
    gc.collect()
    release_free_memory()
    return parsed


def spool(raw: bytes) -> str:
    """Write a message for a parse process to read (`parse_spooled`); the file's path.

    Handed over as an argument, a message was pickled: a 14 MB copy in the worker while it
    was sent, and in the parse process the received pickle besides the bytes read from it.
    Written to a file, each side holds the bytes once; the file lives a few milliseconds, in
    the page cache (TMPDIR, or /tmp)."""
    fd, path = tempfile.mkstemp(prefix="bsm-relay-parse-", suffix=".eml")
    try:
        with open(fd, "wb") as handle:
            handle.write(raw)
    except BaseException:
        os.unlink(path)
        raise
    return path


def parse_spooled(path: str) -> ParsedMessage:
    """`parse_without_raw` of the message `spool` wrote; the file is gone once read."""
    with open(path, "rb") as handle:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        raw = handle.read()
    return parse_without_raw(raw)


def warm_up() -> None:
    """Parse a small HTML message with a PDF attached: the HTML and PDF readers are loaded
    before the first large message; what is loaded by then is kept out of later collections."""
    message = EmailMessage()
    message["Subject"] = "warm-up"
    message.set_content("<p>warm-up</p>", subtype="html")
    message.add_attachment(
        minimal_pdf("warm-up"), maintype="application", subtype="pdf", filename="warm-up.pdf"
    )
    parse(message.as_bytes())
    freeze_startup_objects()


def fork_processes(count: int) -> None:
    """Fork `count` parse processes now, for this process's next `pool()`: a worker forked
    from the zygote (relay/runtime/zygote.py), before it starts any thread, so that they share
    the zygote's pages too (a spawned one imports the message model again: ~30 MiB each).

    A pool of forked processes starts them all on its first task, in the calling thread,
    before the pool's own threads; later they are never forked again (a pool whose process
    died is broken, as a spawned pool is)."""
    if count <= 0:
        return
    executor = ProcessPoolExecutor(
        count,
        mp_context=multiprocessing.get_context("fork"),
        initializer=initialize,
        initargs=(os.getpid(),),
    )
    executor.submit(warm_up)
    _forked.append(executor)


def pool(count: int) -> ProcessPoolExecutor | None:
    """`count` parse processes: those fork_processes() prepared, else spawned ones (started on
    first use; a process with threads must not fork)."""
    if count <= 0:
        return None
    if _forked:
        return _forked.pop()
    return ProcessPoolExecutor(
        count,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initialize,
        initargs=(os.getpid(),),
    )
