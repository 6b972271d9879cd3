"""Promise 4, SMTP smuggling: raw bytes over a socket. End-of-data look-alikes (`\\n.\\n`,
`\\r.\\r`, `\\n.\\r\\n`, `\\r\\n.\\n`) never make the upstream see a second message, and bare CR or
LF inside header lines is normalized before parsing and before forwarding, so the rules judge
exactly the headers the upstream will see.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

from relay.runtime.smtp import normalize_line_endings
from tests.conftest import BUYER, SELLER, Sink
from tests.reliability.conftest import (
    RawClient,
    compliant,
    import_orders,
    running_relay,
    settings_file,
)

BARE = re.compile(rb"\r(?!\n)|(?<!\r)\n")


def smuggle(end: bytes) -> bytes:
    """A compliant message with a second SMTP transaction hidden behind `end`."""
    head, _, _ = compliant("<outer@shop.example>").partition(b"Mit freundlichen")
    return (
        head
        + b"Mit freundlichen Gruessen"
        + end
        + b"MAIL FROM:<" + SELLER.encode() + b">\r\n"
        + b"RCPT TO:<victim@gmail.com>\r\n"
        + b"DATA\r\n"
        + b"From: ceo@bank.example\r\nTo: victim@gmail.com\r\nSubject: smuggled\r\n\r\n"
        + b"Please wire the money.\r\n"
    )  # fmt: skip


def transaction(port: int, body: bytes) -> str:
    """One DATA transaction with exactly these bytes, then a proper end of data."""
    client = RawClient(port)
    try:
        client.envelope()
        assert client.command(b"DATA").startswith("354")
        if not body.endswith(b"\r\n"):
            body += b"\r\n"
        client.send(body + b".\r\n")
        answer = client.reply()
        client.command(b"QUIT")
        return answer
    finally:
        client.close()


@pytest.fixture
async def relay(tmp_path: Path, sink: Sink):  # type: ignore[no-untyped-def]
    settings = settings_file(tmp_path, sink.url)
    await import_orders(settings)
    async with running_relay(settings) as running:
        yield running


@pytest.mark.parametrize(
    "end",
    [b"\n.\n", b"\r.\r", b"\n.\r\n", b"\r.\n", b"\r\n.\r", b"\r\n.\n"],
    ids=["LF.LF", "CR.CR", "LF.CRLF", "CR.LF", "CRLF.CR", "CRLF.LF"],
)
async def test_end_of_data_lookalikes_never_smuggle_a_second_message(
    relay, sink: Sink, end: bytes
) -> None:  # type: ignore[no-untyped-def]
    answer = await asyncio.to_thread(transaction, relay.smtp_port, smuggle(end))
    # Refused outright, or (CRLF.LF: aiosmtpd has already removed the dot as transparency)
    # normalized so that the whole thing is one message to the buyer alone.
    assert answer[:1] in ("5", "2"), answer
    if end in (b"\n.\n", b"\r.\r", b"\n.\r\n", b"\r.\n"):
        assert answer.startswith("550 5.6.0"), answer
    for message in sink.messages:
        assert message.rcpt_tos == [BUYER]
        assert BARE.search(message.data) is None  # CRLF only on the way out
        assert message.data.count(b"\r\n.\r\n") == 0
    assert all(b"victim@gmail.com" not in m.rcpt_tos for m in sink.messages)  # type: ignore[comparison-overlap]
    assert len(sink.messages) <= 1


@pytest.mark.parametrize("eol", [b"\n", b"\r"], ids=["LF", "CR"])
async def test_bare_eol_in_a_header_is_normalized_before_parsing(
    relay, sink: Sink, eol: bytes
) -> None:  # type: ignore[no-untyped-def]
    """`Subject: x<LF>Cc: outsider`: the upstream would see a Cc header, so the rules must too
    (ENV002: a buyer alias mixed with another recipient -> 550)."""
    raw = compliant("<inject@shop.example>").replace(
        b"Subject: ", b"Subject: Lieferung" + eol + b"Cc: friend@gmail.com" + eol + b"X-A: ", 1
    )
    answer = await asyncio.to_thread(transaction, relay.smtp_port, raw)
    assert answer.startswith("550") and "ENV002" in answer, answer
    assert sink.messages == []
    quarantined = list(Path(relay.relay.quarantine.root).glob("*/*.eml"))
    assert len(quarantined) == 1
    # What was judged (and kept) is the normalized message: CRLF only.
    assert BARE.search(quarantined[0].read_bytes()) is None


async def test_bare_lf_in_the_body_is_normalized_before_forwarding(relay, sink: Sink) -> None:  # type: ignore[no-untyped-def]
    raw = compliant("<lf-body@shop.example>").replace(
        b"\r\n\r\nGuten Tag,\r\n", b"\r\n\r\nGuten Tag,\n", 1
    )
    raw = raw.replace(b"Mit freundlichen", b"Zeile eins\nZeile zwei\rMit freundlichen", 1)
    answer = await asyncio.to_thread(transaction, relay.smtp_port, raw)
    assert answer.startswith("250"), answer
    assert len(sink.messages) == 1
    forwarded = sink.messages[0].data
    assert BARE.search(forwarded) is None
    assert b"Zeile eins\r\nZeile zwei\r\nMit freundlichen" in forwarded


def test_normalize_line_endings_unit() -> None:
    assert normalize_line_endings(b"a\nb\rc\r\n") == b"a\r\nb\r\nc\r\n"
    assert normalize_line_endings(b"a\r\n.\r\nb") == b"a\r\n.\r\nb"  # a stuffed dot line
    for bad in (b"a\n.\nb", b"a\r.\rb", b"a\n.\r\nb", b"a\r\n.\nb", b"a\r.\r\nb", b"a\r\n.\rb"):
        assert normalize_line_endings(bad) is None, bad
