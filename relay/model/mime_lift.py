"""Large base64 bodies kept out of the email package's line-by-line parser, then put back.

The stdlib's feed parser reads a message one line at a time in Python: a 1 MB attachment is
~18,000 base64 lines and took ~160 ms of the ~260 ms a 1.4 MB message cost to parse. Those lines
can never change the structure the parser finds: a base64 line is neither a boundary (it cannot
start with "--"), nor a header field (it has no ":"), nor the blank line that ends a header block.
So each long run of such lines is replaced by one line of the same kind (a placeholder) before
parsing, and the original lines are put back into the part's payload after it, before anything
reads it. The parsed tree is then the one the original bytes give, payload strings included, and
decoding (`get_payload(decode=True)`, its defects) happens on the original text as before.

When a placeholder does not come back exactly once (it cannot, by the reasoning above; this is
the safety net), the caller parses the original bytes instead.
"""

from __future__ import annotations

import binascii
import importlib
import secrets
import string
from collections.abc import Callable
from dataclasses import dataclass
from email.errors import MessageDefect
from email.message import Message
from typing import Any, Final, cast

import pybase64

# The email package's own base64 decoding with its defects (what Message.get_payload calls;
# a private module typeshed does not describe).
_decode_b: Final = cast(
    Callable[[bytes], tuple[bytes, list[MessageDefect]]],
    importlib.import_module("email._encoded_words").decode_b,
)

# Runs shorter than this are left to the parser: the gain would not pay for the bookkeeping.
MIN_RUN_BYTES: Final = 64 * 1024

_BASE64: Final = (string.ascii_letters + string.digits + "+/=").encode()
# Every base64 character, CR and LF map to "a", everything else to "#": a run of base64 lines
# becomes one run of "a" that bytes.find locates at C speed.
_RUN_TABLE: Final = bytes(
    ord("a") if byte in _BASE64 or byte in b"\r\n" else ord("#") for byte in range(256)
)
_NEEDLE: Final = b"a" * 4096
_LINE_END: Final = frozenset(b"\r\n")


@dataclass(frozen=True, slots=True)
class Run:
    """The base64 lines one placeholder stands for: their text, each line's end included."""

    text: str
    ending: str  # "\r\n" or "\n", the same for every line
    characters: int  # base64 characters, line ends not counted


@dataclass(frozen=True, slots=True)
class Lifted:
    """The bytes to parse and, per placeholder line, the base64 lines it stands for."""

    data: bytes
    runs: dict[str, Run]


# The attribute restore() marks a part with whose payload is one run's lines and nothing else.
_RUN_OF_PART: Final = "_bsm_lifted_run"


def lift(raw: bytes) -> Lifted:
    """`raw` with every run of at least MIN_RUN_BYTES of complete, non-empty base64 lines
    replaced by one placeholder line; unchanged when there is none."""
    if len(raw) < MIN_RUN_BYTES:
        return Lifted(raw, {})
    mapped = raw.translate(_RUN_TABLE)
    token = secrets.token_hex(8)
    pieces: list[bytes] = []
    runs: dict[str, Run] = {}
    done = 0
    search = 0
    while True:
        hit = mapped.find(_NEEDLE, search)
        if hit < 0:
            break
        end = mapped.find(b"#", hit)
        end = len(raw) if end < 0 else end
        start = mapped.rfind(b"#", 0, hit) + 1
        search = end
        span = _whole_lines(raw, max(start, done), end)
        if span is None:
            continue
        first, last = span
        placeholder = f"bsmLifted{token}n{len(runs)}"
        if placeholder.encode() in raw:
            return Lifted(raw, {})
        ending = b"\r\n" if raw.startswith(b"\r\n", last - 2) else b"\n"
        # the last line's ending stays in the parsed bytes: the placeholder stands for the rest
        pieces += (raw[done:first], placeholder.encode(), ending)
        # decoded from a view: no bytes copy of the run on the way to its str
        text = str(memoryview(raw)[first:last], "ascii")
        width = raw.find(b"\n", first, last) + 1 - first
        lines = (raw.rfind(b"\n", first, last - 1) + 1 - first) // width + 1
        runs[placeholder] = Run(text, ending.decode(), last - first - lines * len(ending))
        done = last
    if not runs:
        return Lifted(raw, {})
    pieces.append(raw[done:])
    return Lifted(b"".join(pieces), runs)


def _whole_lines(raw: bytes, start: int, end: int) -> tuple[int, int] | None:
    """The longest stretch of [start, end) made of complete, non-empty lines of one width, each
    ended by CRLF or LF, with no lone CR; None when there is none of MIN_RUN_BYTES."""
    if start > 0 and raw[start - 1 : start] != b"\n":
        newline = raw.find(b"\n", start, end)
        if newline < 0:
            return None
        start = newline + 1
    while start < end and raw[start : start + 1] in (b"\r", b"\n"):
        start += 1  # blank lines end a header block: they stay where the parser sees them
    last = raw.rfind(b"\n", start, end)
    if last < 0:
        return None
    # trailing blank lines stay too: the last kept line is the last non-empty one, with its end
    content_end = last
    while content_end > start and raw[content_end - 1] in _LINE_END:
        content_end -= 1
    last = raw.find(b"\n", content_end, end) + 1
    if last <= 0 or last - start < MIN_RUN_BYTES:
        return None
    if not _uniform_lines(raw, start, last):
        return None
    return start, last


def _uniform_lines(raw: bytes, start: int, last: int) -> bool:
    """True when [start, last) is lines of one width (the last one may be shorter), all ended
    the same way (CRLF or LF) and none empty, with no other CR or LF: no blank line and no lone
    CR (a line end to the parser) can hide inside. Encoders write base64 that way; a run that
    is not is left to the parser. Checked in C without copying the run whole."""
    width = raw.find(b"\n", start, last) + 1 - start
    ending = 2 if raw[start + width - 2 : start + width] == b"\r\n" else 1
    if width <= ending:
        return False
    final_start = raw.rfind(b"\n", start, last - 1) + 1
    if final_start < start or (final_start - start) % width:
        return False
    if last - final_start <= ending:
        return False
    # the last line: its own end and nothing else (no LF before last - 1 by final_start)
    if raw.find(b"\r", final_start, last - ending) >= 0 or raw[last - ending : last] != (
        b"\r\n" if ending == 2 else b"\n"
    ):
        return False
    return _line_ends_only_at(raw, start, final_start, width, ending)


# Lines per block of _line_ends_only_at: a block's copy is ~80 kB for base64's 78-byte lines.
_BLOCK_LINES: Final = 1024


def _line_ends_only_at(raw: bytes, start: int, stop: int, width: int, ending: int) -> bool:
    """True when the lines of `width` bytes in [start, stop) each end with `ending` bytes of
    CRLF (or LF) and hold no other CR or LF.

    A block of lines at a time is copied, its line ends checked and overwritten in two strided
    slice operations, and what is left searched for CR and LF with memchr: ~0.2 ms for a 1 MB
    attachment, where counting each byte value over the run took ~1.2 ms."""
    block_bytes = width * _BLOCK_LINES
    view = memoryview(raw)
    for block_start in range(start, stop, block_bytes):
        block = bytearray(view[block_start : min(block_start + block_bytes, stop)])
        lines = len(block) // width
        filler = b"a" * lines
        if block[width - 1 :: width] != b"\n" * lines:
            return False
        block[width - 1 :: width] = filler
        if ending == 2:
            if block[width - 2 :: width] != b"\r" * lines:
                return False
            block[width - 2 :: width] = filler
        if block.find(b"\n") >= 0 or block.find(b"\r") >= 0:
            return False
    return True


def restore(msg: Message, lifted: Lifted) -> bool:
    """Put the original lines back into the parsed tree; False unless every placeholder was
    found exactly once (the caller then parses the original bytes)."""
    if not lifted.runs:
        return True
    found = dict.fromkeys(lifted.runs, 0)
    for part in msg.walk():
        for attribute in ("preamble", "epilogue"):
            text = getattr(part, attribute, None)
            if isinstance(text, str) and "bsmLifted" in text:
                setattr(part, attribute, _put_back(text, lifted.runs, found))
        if part.is_multipart():
            continue
        payload = part.get_payload()
        if isinstance(payload, str) and "bsmLifted" in payload:
            restored = _put_back(payload, lifted.runs, found)
            part.set_payload(restored)
            for run in lifted.runs.values():
                if restored is run.text:
                    setattr(part, _RUN_OF_PART, run)
    return all(count == 1 for count in found.values())


def _put_back(text: str, runs: dict[str, Run], found: dict[str, int]) -> str:
    for placeholder, run in runs.items():
        count = text.count(placeholder)
        if count:
            found[placeholder] += count
            if text == placeholder + run.ending:
                # a payload of the run's lines alone (the usual attachment): the run's own
                # text, not a copy of it
                text = run.text
            else:
                text = text.replace(placeholder, run.text[: len(run.text) - len(run.ending)])
    return text


def decoded_payload(part: Message) -> Any:
    """`part.get_payload(decode=True)`: the same value, the same defects recorded on the part.

    A base64 body of ASCII text (what mail programs write, and every body `lift` took out) is
    decoded as the email package does (`decode_b` of the text without its line ends) with two
    copies of it instead of four and no list of one bytes object per line: the package checks
    the text for surrogates by encoding it to UTF-8, encodes it again to ASCII, splits it into
    lines and joins them. A text that is ASCII holds no surrogates and encodes to ASCII, and
    dropping every CR and LF is what joining `bytes.splitlines()` gives. Anything else (other
    encodings, bytes or non-ASCII payloads, multiparts) is the email package's own call.
    """
    payload = getattr(part, "_payload", None)  # what get_payload reads first
    if isinstance(payload, str) and not part.is_multipart() and payload.isascii():
        cte = str(part.get("content-transfer-encoding", "")).lower()
        if cte == "base64":
            run = getattr(part, _RUN_OF_PART, None)
            if isinstance(run, Run) and run.text is payload:
                lines = _decode_lines(run)
                if lines is not None:
                    return lines
            value, defects = _decode_base64(payload.encode("ascii").translate(None, b"\r\n"))
            for defect in defects:
                part.policy.handle_defect(part, defect)
            return value
    return part.get_payload(decode=True)


def _decode_lines(run: Run) -> bytes | None:
    """decode_b of a lifted run's characters (its lines joined), or None when the strict
    decode would fail and decode_b's own path is needed.

    lift() took only lines of base64 characters and "=", each ended by `run.ending` and
    with no other CR or LF. So decode_b's strict decode succeeds, with no defect, exactly when
    the characters are a multiple of four and any "=" are the last one or two; pybase64
    then decodes the lines as they are, skipping their ends, with no joined copy made first
    (two 1.4 MB copies for the 1 MB PDF)."""
    if run.characters % 4:
        return None
    pad = run.text.find("=")
    if pad >= 0 and run.text[pad:].rstrip(run.ending) not in ("=", "=="):
        return None
    return pybase64.b64decode(run.text, validate=False)


def _decode_base64(encoded: bytes) -> tuple[bytes, list[MessageDefect]]:
    """`decode_b(encoded)`: the same value and defects.

    decode_b first tries a strict decode (binascii, ~200 MB/s here: 7 ms of a 1.4 MB message's
    ~30). For well-formed base64 (a multiple of four characters, nothing outside the alphabet,
    padding only at the end) pybase64's strict decode gives the same bytes at SIMD speed; it
    accepts no input binascii's strict mode refuses (tests/model/test_mime_lift.py compares
    them), and anything it refuses goes to decode_b, defects and all."""
    if len(encoded) % 4 == 0:
        try:
            return pybase64.b64decode(encoded, validate=True), []
        except (binascii.Error, ValueError):
            pass
    return _decode_b(encoded)
