"""relay.review.actions over a real relay (real SMTP in, real aiosmtpd sink out, SQLite store): the
index written before the reply, one release of an entry however many ask at once, the one
forwarding path's claim (ORD006) for released mail, rejected mail only by an admin with a
reason, and a corrected version that leaves out an attachment."""

from __future__ import annotations

import asyncio
import smtplib
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import text
from structlog.testing import capture_logs

from relay.review.actions import Review, ReviewError
from relay.store.sql import metadata
from tests.conftest import BUYER, SELLER, Sink, quarantine_id_of
from tests.runtime.test_smtp import (
    compliant_reply,
    held_by_att002,
    holding_relay,
    send,
    with_attachment,
)

ORDER_ID = "302-1234567-1234567"


def _data_reply(port: int, raw: bytes) -> tuple[int, str]:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.ehlo()
        client.mail(SELLER)
        client.rcpt(BUYER)
        code, reply = client.data(raw)
    return code, reply.decode()


def held_id(reply: str) -> str:
    return quarantine_id_of(reply)


def review_request(n: int) -> bytes:
    """A neutral review request with a misnamed photo: held by ATT002 under holding_relay."""
    msg = EmailMessage()
    msg["From"] = SELLER
    msg["To"] = BUYER
    msg["Subject"] = f"Ihre Bestellung {ORDER_ID}"
    msg["Message-ID"] = f"<review-{n}@shop.example>"
    msg.set_content(
        "Guten Tag,\n\nwir hoffen, der Wasserkocher aus Ihrer Bestellung "
        f"{ORDER_ID} gefällt Ihnen. Wenn Sie einen Moment Zeit haben, würden wir uns über eine "
        "Bewertung des Produkts auf Amazon freuen, denn Ihre Erfahrung hilft anderen Käufern.\n\n"
        "Mit freundlichen Grüßen\nIhr Kundenservice\n"
    )
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
    return with_attachment(msg.as_bytes(), "foto.jpg", "image/jpeg", png)


async def test_index_down_answers_451_and_the_resend_is_indexed(tmp_path: Path, sink: Sink) -> None:
    async with holding_relay(tmp_path, sink) as (running, _):
        store = running.relay.store
        async with store.engine.begin() as conn:  # type: ignore[attr-defined]
            await conn.execute(text("DROP TABLE quarantine_entries"))
        raw = held_by_att002("<index-down@shop.example>")
        code, reply = await asyncio.to_thread(_data_reply, running.smtp_port, raw)
        assert code == 451
        [entry] = running.relay.quarantine.entries()  # on disk, but never acknowledged
        async with store.engine.begin() as conn:  # type: ignore[attr-defined]
            await conn.run_sync(metadata.create_all)
        code, reply = await asyncio.to_thread(_data_reply, running.smtp_port, raw)
        assert code == 250 and held_id(reply) == entry.id
        indexed = await store.get_entry(entry.id)
        assert indexed is not None and indexed.codes == ("ATT002",)
        assert await store.entry_raw(entry.id) == entry.eml_path.read_bytes()


async def test_many_releases_at_once_send_once(tmp_path: Path, sink: Sink) -> None:
    async with holding_relay(tmp_path, sink) as (running, _):
        code, reply = await asyncio.to_thread(
            _data_reply, running.smtp_port, held_by_att002("<race@shop.example>")
        )
        assert code == 250
        review = Review(running.relay)
        results = await asyncio.gather(
            *(review.release(held_id(reply), f"reviewer{n}", "reviewer") for n in range(5)),
            return_exceptions=True,
        )
        assert sum(not isinstance(r, BaseException) for r in results) == 1
        assert all(isinstance(r, ReviewError) for r in results if isinstance(r, BaseException))
        assert len(sink.messages) == 1
        trail = [e.action for e in await running.relay.store.audit_trail(held_id(reply))]
        assert trail == ["held", "release", "released"]


async def test_released_review_requests_take_the_orders_one_claim(
    tmp_path: Path, sink: Sink
) -> None:
    async with holding_relay(tmp_path, sink) as (running, _):
        ids = []
        for n in range(2):
            code, reply = await asyncio.to_thread(_data_reply, running.smtp_port, review_request(n))
            assert code == 250, reply
            ids.append(held_id(reply))
        review = Review(running.relay)
        await review.release(ids[0], "rita", "reviewer")
        with pytest.raises(ReviewError, match="newer message"):
            await review.release(ids[1], "rita", "reviewer")
        # Even a reviewer who means to send both cannot: the order's one review request is used.
        with pytest.raises(ReviewError, match="ORD006"):
            await review.release(ids[1], "rita", "reviewer", even_if_newer=True)
        assert len(sink.messages) == 1
        second = await running.relay.store.get_entry(ids[1])
        assert second is not None and second.state == "held"  # still there to decide on
        trail = await running.relay.store.audit_trail(ids[1])
        assert [e.action for e in trail][-1] == "send_failed" and "ORD006" in trail[-1].reason
        ledger = await running.relay.store.ledger_entries(ORDER_ID)  # type: ignore[attr-defined]
        assert [e.review_request for e in ledger] == [True]


async def test_rejected_mail_needs_an_admin_and_a_reason(tmp_path: Path, sink: Sink) -> None:
    async with holding_relay(tmp_path, sink) as (running, _):
        exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
        raw = with_attachment(
            compliant_reply("<exe@shop.example>"), "rechnung.pdf", "application/pdf", exe
        )
        with pytest.raises(smtplib.SMTPDataError) as refused:
            await send(running.smtp_port, raw)
        entry_id = quarantine_id_of(refused.value.smtp_error)
        review = Review(running.relay)
        with pytest.raises(ReviewError, match="only an admin"):
            await review.release(entry_id, "rita", "reviewer", "the buyer asked")
        with pytest.raises(ReviewError, match="needs a reason"):
            await review.release(entry_id, "ada", "admin", "  ")
        assert sink.messages == []
        await review.release(entry_id, "ada", "admin", "the buyer asked for this file")
        assert len(sink.messages) == 1
        trail = await running.relay.store.audit_trail(entry_id)
        assert ("ada", "release", "the buyer asked for this file") in [
            (e.actor, e.action, e.reason) for e in trail
        ]


async def test_a_corrected_version_can_leave_the_attachment_out(tmp_path: Path, sink: Sink) -> None:
    async with holding_relay(tmp_path, sink) as (running, _):
        raw = held_by_att002("<photo@shop.example>")
        code, reply = await asyncio.to_thread(_data_reply, running.smtp_port, raw)
        assert code == 250
        review = Review(running.relay)
        original = message_from_bytes(raw, policy=policy.default)
        body = original.get_body(("plain",))
        assert body is not None
        kept = await review.resend(held_id(reply), "rita", body.get_content())
        assert not kept.sent and [f.code for f in kept.verdict.blocking] == ["ATT002"]
        dropped = await review.resend(held_id(reply), "rita", body.get_content(), {0})
        assert dropped.sent and len(sink.messages) == 1
        sent = message_from_bytes(sink.messages[0].data, policy=policy.default)
        assert list(sent.iter_attachments()) == []
        assert sent["In-Reply-To"] == original["In-Reply-To"]
        assert sent["Subject"] == original["Subject"]
        with pytest.raises(ReviewError, match="resent"):
            await review.release(held_id(reply), "rita", "reviewer")


async def test_held_mail_is_not_released_over_the_writers_corrected_version(
    tmp_path: Path, sink: Sink
) -> None:
    async with holding_relay(tmp_path, sink) as (running, _):
        code, reply = await asyncio.to_thread(
            _data_reply, running.smtp_port, held_by_att002("<first-try@shop.example>")
        )
        assert code == 250
        entry_id = held_id(reply)
        review = Review(running.relay)
        entry = await review.entry(entry_id)
        assert await review.newer_deliveries(entry) == []
        # The writer read the notice and sent a corrected version from the helpdesk.
        await asyncio.sleep(0.01)
        assert await send(running.smtp_port, compliant_reply("<second-try@shop.example>")) == {}
        [newer] = await review.newer_deliveries(entry)
        assert newer.message_id == "<second-try@shop.example>"
        with capture_logs() as logs, pytest.raises(ReviewError, match="newer message") as refused:
            await review.release(entry_id, "rita", "reviewer")
        assert "second-try" in str(refused.value) and "--even-if-newer" in str(refused.value)
        [logged] = [line for line in logs if line["event"] == "release_refused"]
        assert (logged["quarantine_id"], logged["by"], logged["newer"]) == (entry_id, "rita", 1)
        assert len(sink.messages) == 1
        held = await running.relay.store.get_entry(entry_id)
        assert held is not None and held.state == "held"
        # A reviewer who means it sends it as well; the trail says so.
        await review.release(entry_id, "rita", "reviewer", even_if_newer=True)
        assert len(sink.messages) == 2
        trail = await running.relay.store.audit_trail(entry_id)
        assert any(e.action == "release" and "1 newer sent" in e.reason for e in trail)
