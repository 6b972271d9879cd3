"""What runs in a parse process: `parse()` of large messages, away from the serving loop.

Kept apart from relay.pipeline so that a parse process imports the message model and nothing
else: no rules, policy data, store or SMTP libraries (about 40 MiB less per process).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
from email.message import EmailMessage

from relay.model.extract import minimal_pdf
from relay.model.message import ParsedMessage, parse
from relay.runtime.lifeline import exit_with_parent
from relay.runtime.memory import fix_mmap_threshold, release_free_memory


def initialize(parent: int) -> None:
    """Parse processes yield the CPU to the serving loop: a 10 MB parse takes ~0.35 s of CPU,
    and at equal priority two of them starve the sessions of small messages on a 2-core host.
    Their large buffers go straight back to the system when freed (relay/runtime/memory.py), and
    they
    end with the relay that started them, even one killed hard (relay/runtime/lifeline.py)."""
    with contextlib.suppress(OSError):
        os.nice(10)
    fix_mmap_threshold()
    exit_with_parent(parent)


def parse_without_raw(raw: bytes) -> ParsedMessage:
    """parse() in a parse process; the caller already holds the raw bytes, so they are not
    pickled back (14 MB less to copy and to hold per 10 MB message)."""
    parsed = dataclasses.replace(parse(raw), raw=b"")
    release_free_memory()
    return parsed


def warm_up() -> None:
    """Parse a small HTML message with a PDF attached: the HTML and PDF readers are loaded
    before the first large message."""
    message = EmailMessage()
    message["Subject"] = "warm-up"
    message.set_content("<p>warm-up</p>", subtype="html")
    message.add_attachment(
        minimal_pdf("warm-up"), maintype="application", subtype="pdf", filename="warm-up.pdf"
    )
    parse(message.as_bytes())
