"""Promise 5, no input breaks it: hostile MIME (deep nesting, huge header counts, bad charsets,
broken base64, RFC 2047 abuse, HTML with very many nodes, zip/docx/PDF bombs) always gets a
verdict, within a time bound and with bounded memory; over SMTP, a clean reply.

CI runs a small count (the strategies in mime_strategies.py); fuzz/mime_fuzz.py runs a large one.
"""

from __future__ import annotations

import asyncio
import os
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from relay.model.message import LIMIT_DEFECT, MAX_HTML_TAGS, parse
from relay.model.types import Envelope, RelayConfig
from relay.pipeline import Checker, Evaluation
from relay.policy import load_policy
from relay.runtime.smtp import normalize_line_endings
from tests.conftest import Sink
from tests.reliability import mime_strategies as ms
from tests.reliability.conftest import asend, import_orders, running_relay, settings_file

TIME_BOUND = 20.0  # seconds for one message, parse + every rule (generous: CI machines are slow)
MEMORY_BOUND = 256 * 1024 * 1024  # tracemalloc peak for one message
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "120"))


@pytest.fixture(scope="module")
def checker() -> Iterator[Checker]:
    policy = load_policy()
    policy.warm()
    config = RelayConfig(approved_senders=(ms.SELLER,))
    # offload_bytes huge: everything runs in this thread, where tracemalloc sees it.
    yield Checker(policy, config, None, offload_bytes=1 << 40)


def judge(checker: Checker, raw: bytes) -> tuple[Evaluation | None, float]:
    """What the relay does with these bytes after DATA: refuse smuggling, else evaluate."""
    started = time.perf_counter()
    normalized = normalize_line_endings(raw)
    if normalized is None:
        return None, time.perf_counter() - started  # a clean 550 5.6.0
    evaluation = asyncio.run(checker.evaluate(normalized, Envelope(ms.SELLER, (ms.BUYER,))))
    return evaluation, time.perf_counter() - started


def check_outcome(evaluation: Evaluation | None, elapsed: float) -> None:
    assert elapsed < TIME_BOUND, elapsed
    if evaluation is None:
        return
    assert evaluation.verdict.action is not None
    codes = {f.code for f in evaluation.verdict.findings}
    assert "SYS001" not in codes, [f for f in evaluation.verdict.findings if f.code == "SYS001"]
    if LIMIT_DEFECT in evaluation.message.defects:
        assert "MIME001" in codes  # beyond the parse limits: held for a person


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(raw=ms.hostile_message())
def test_hostile_mime_always_gets_a_verdict_in_bounded_time(checker: Checker, raw: bytes) -> None:
    evaluation, elapsed = judge(checker, raw)
    check_outcome(evaluation, elapsed)


def nested(depth: int) -> bytes:
    body = b"Content-Type: text/plain\r\n\r\nganz innen\r\n"
    for level in range(depth):
        body = (
            f'Content-Type: multipart/mixed; boundary="d{level}"\r\n\r\n--d{level}\r\n'.encode()
            + body
            + f"\r\n--d{level}--\r\n".encode()
        )
    return (
        ms.message([("From", ms.SELLER), ("To", ms.BUYER), ("Subject", "tief")], b"")[:-4]
        + b"\r\n"
        + body
    )


def many_parts(count: int) -> bytes:
    part = (
        b"--B\r\nContent-Type: application/octet-stream\r\n"
        b'Content-Disposition: attachment; filename="f.bin"\r\n\r\nAAAA\r\n'
    )
    return ms.plain_message([], 'multipart/mixed; boundary="B"', part * count + b"--B--\r\n")


BOMBS = {
    "zip_bomb_320MB": lambda: ms.attachment_message("bomb.zip", "application/zip", ms.zip_bomb()),
    "docx_bomb_40MB": lambda: ms.attachment_message(
        "bomb.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ms.docx_bomb(),
    ),
    "pdf_bomb_64MB_5000_pages": lambda: ms.attachment_message(
        "bomb.pdf", "application/pdf", ms.pdf_bomb()
    ),
    "html_600k_nodes": lambda: ms.plain_message(
        [], "text/html; charset=utf-8", ms.html_bomb(300_000).encode()
    ),
    "nesting_3000": lambda: nested(3000),
    "headers_20000": lambda: ms.message(
        [("From", ms.SELLER), ("To", ms.BUYER), ("Subject", "viele")]
        + [(f"X-H{i}", f"v{i}") for i in range(20000)],
        b"Hallo\r\n",
    ),
    "parts_10000": lambda: many_parts(10000),
    "encoded_words_20000": lambda: ms.plain_message(
        [("X-Note", "=?utf-8?b?w6Q=?= " * 20000)], "text/plain", b"x"
    ).replace(b"Subject: Bestellung", b"Subject: " + b"=?x-unknown?q?=FF?= " * 20000, 1),
    "text_2MB": lambda: ms.plain_message(
        [], "text/plain; charset=utf-8", b"Ihre Bestellung kommt morgen an. " * 60000
    ),
    "broken_base64_1MB": lambda: ms.plain_message(
        [("Content-Transfer-Encoding", "base64")], "text/plain", b"!!==*A\r\n" * 130000
    ),
}


@pytest.mark.parametrize("name", list(BOMBS))
def test_bombs_are_judged_in_bounded_time_and_memory(checker: Checker, name: str) -> None:
    raw = BOMBS[name]()
    tracemalloc.start()
    try:
        evaluation, elapsed = judge(checker, raw)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    check_outcome(evaluation, elapsed)
    assert peak < MEMORY_BOUND, f"{name}: {peak / 2**20:.0f} MB"
    print(f"{name}: {len(raw) / 1024:.0f} KB, {elapsed:.2f} s, peak {peak / 2**20:.0f} MB")


def test_parse_limits_hold_with_mime001() -> None:
    for raw in (nested(3000), many_parts(10000), BOMBS["headers_20000"]()):
        message = parse(raw)
        assert LIMIT_DEFECT in message.defects
    html = ms.plain_message([], "text/html", ms.html_bomb(MAX_HTML_TAGS).encode())
    message = parse(html)
    assert LIMIT_DEFECT in message.defects and message.html is None
    assert "x" in message.own_text  # the text is still there for the rules
    # Under the limits nothing changes.
    small = parse(nested(10))
    assert LIMIT_DEFECT not in small.defects and small.own_text.strip() == "ganz innen"


async def test_hostile_messages_over_smtp_get_a_clean_reply(tmp_path: Path, sink: Sink) -> None:
    settings_path = settings_file(tmp_path, sink.url)
    await import_orders(settings_path)
    async with running_relay(settings_path) as running:
        for name in ("nesting_3000", "parts_10000", "html_600k_nodes", "zip_bomb_320MB"):
            raw = BOMBS[name]()
            if not raw.endswith(b"\r\n"):
                raw += b"\r\n"
            reply = await asend(running.smtp_port, raw)
            # Held (250 2.6.0) or rejected (550): a verdict, never a dropped session or a 500.
            assert reply.code in (250, 550), (name, reply)
            if reply.code == 250:
                assert not sink.messages or all(name not in str(m) for m in sink.messages)
        assert not running.relay.inflight
