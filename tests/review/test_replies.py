"""SMTP replies that explain every rule: one line while it fits 512 octets, else multi-line."""

from __future__ import annotations

import asyncio
import re
import smtplib
from email import policy
from email.message import EmailMessage
from pathlib import Path

from relay import rules as rule_registry
from relay.config import load_settings
from relay.review.explain import explain
from relay.review.notices import FailedRule
from relay.review.replies import held_reply, rejected_reply, reply_text
from relay.runtime.server import start
from tests.conftest import BUYER, SELLER, Sink, write_settings
from tests.runtime.test_smtp import _import_orders

# Every rule: the families register themselves when the registry loads them.
REGISTRY = {spec.code: spec for spec in rule_registry.load()}

QID = "20261202-174216-d4e97399"


def rules(*codes: str, language: str = "en") -> list[FailedRule]:
    return [FailedRule(explain(code, language), ()) for code in codes]


def lines_of(reply: str) -> list[str]:
    return reply.split("\r\n")


def assert_well_formed(reply: str, code: str, status: str) -> None:
    lines = lines_of(reply)
    for index, line in enumerate(lines):
        assert len(line.encode("ascii")) + 2 <= 512, line  # ASCII, and CRLF included
        separator = " " if index == len(lines) - 1 else "-"
        assert line.startswith(f"{code}{separator}{status} "), line


def test_a_short_rejection_is_one_line_in_interface_shape() -> None:
    reply = rejected_reply(QID, rules("CTC002"))
    assert "\r\n" not in reply
    assert reply == (
        "550 5.7.1 CTC002: The message contains a phone number, a tel: link or a WhatsApp link; "
        f"quarantine id {QID}"
    )


def test_a_short_hold_is_one_line_starting_as_interface_says() -> None:
    reply = held_reply(QID, rules("CNT010"))
    assert reply.startswith(f"250 2.6.0 held for review as {QID}: CNT010 ")
    assert explain("CNT010", "en").reason.rstrip(".") in reply
    assert "\r\n" not in reply


def test_every_rule_at_once_becomes_a_multi_line_reply_naming_each() -> None:
    every = sorted(REGISTRY)
    for language in ("en", "de"):
        refused = rejected_reply(QID, rules(*every, language=language))
        assert_well_formed(refused, "550", "5.7.1")
        assert lines_of(refused)[0].startswith(f"550-5.7.1 {','.join(every)}: ")
        assert lines_of(refused)[-1] == f"550 5.7.1 quarantine id {QID}"
        held = held_reply(QID, rules(*every, language=language))
        assert_well_formed(held, "250", "2.6.0")
        assert lines_of(held)[0] == f"250-2.6.0 held for review as {QID}"
        for code in every:
            assert any(line.split(" ", 2)[1] == code for line in lines_of(refused)[1:-1]), code


def test_german_reasons_are_spelt_in_ascii() -> None:
    assert reply_text("Käufer „Prüfung“ – Straße…") == 'Kaeufer "Pruefung" - Strasse...'
    reply = rejected_reply(QID, rules("CNT010", language="de"))
    assert "Kaeufer" in reply and reply.isascii()


def _many_rules_message() -> bytes:
    msg = EmailMessage()
    msg["From"] = SELLER
    msg["To"] = BUYER
    msg["Subject"] = "Ihre Bestellung 302-1234567-1234567"
    msg["Message-ID"] = "<many-1@shop.example>"
    msg.set_content(
        "Guten Tag,\n\nvielen Dank für Ihre Bestellung 302-1234567-1234567. Wenn Sie zufrieden "
        "sind, hinterlassen Sie bitte eine 5-Sterne-Bewertung.\nMit dem Code SAVE10 erhalten Sie "
        "10% Rabatt auf Ihre nächste Bestellung in unserem Shop unter www.shop-example.de.\n"
        "Bei Problemen schreiben Sie an service@shop.example oder rufen Sie uns an: "
        "+49 30 12345678.\nUm keine E-Mails mehr zu erhalten, klicken Sie auf Abmelden.\n\n"
        "Mit freundlichen Grüßen\nIhr Kundenservice\n"
    )
    return msg.as_bytes(policy=policy.SMTP)


def _send_expecting_refusal(port: int, raw: bytes) -> smtplib.SMTPDataError:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        try:
            client.sendmail(SELLER, [BUYER], raw)
        except smtplib.SMTPDataError as refused:
            return refused
    raise AssertionError("the message was accepted")


async def test_smtplib_reads_the_multi_line_refusal_as_one_reply(
    tmp_path: Path, sink: Sink
) -> None:
    path = write_settings(tmp_path / "bsm-relay.toml", tmp_path, sink.url)
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=False)
    try:
        refused = await asyncio.to_thread(
            _send_expecting_refusal, running.smtp_port, _many_rules_message()
        )
        # the session is still usable after the multi-line reply: nothing was left unread
        assert running.relay.quarantine.entries()
    finally:
        await running.stop(drain_seconds=2)
    assert refused.smtp_code == 550
    text = refused.smtp_error.decode("ascii")
    lines = text.split("\n")  # smtplib joins a multi-line reply's texts with LF
    assert len(lines) > 3
    assert all(line.startswith("5.7.1 ") for line in lines)
    codes = lines[0].removeprefix("5.7.1 ").split(":", 1)[0].split(",")
    assert {"CNT005", "CNT004", "CNT008", "CTC001", "CTC002", "LNK001"} <= set(codes)
    for code in codes:
        assert re.search(rf"^5\.7\.1 {code} \S", text, re.M), code
    quarantine_id = text.rsplit("quarantine id ", 1)[1].strip()
    [entry] = running.relay.quarantine.entries()
    assert entry.id == quarantine_id
    assert sink.messages == []
