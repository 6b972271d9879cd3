"""Notices end to end: smtplib client -> relay -> outbox -> the sender's mailbox at a real sink."""

from __future__ import annotations

import asyncio
import contextlib
import os
import smtplib
import sqlite3
import subprocess
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

from relay.config import ConfigError, load_settings
from relay.review.explain import explain
from relay.review.notices import NOTICE_HEADER
from relay.runtime.server import RunningRelay, start
from relay.store.outbox import NoticeState
from tests.conftest import (
    BUYER,
    SELLER,
    Sink,
    SinkHandler,
    SinkMessage,
    console_script,
    free_port,
    write_settings,
)
from tests.reliability.conftest import RelayProcess, smtp_send, wait_port
from tests.runtime.test_smtp import _import_orders

CONSOLE = "https://review.shop.example"


def review_request(message_id: str, *, headers: dict[str, str] | None = None) -> bytes:
    """A proactive review request asking for five stars: refused (CNT005 and CNT001)."""
    msg = EmailMessage()
    msg["From"] = SELLER
    msg["To"] = BUYER
    msg["Subject"] = "Ihre Bestellung 302-1234567-1234567"
    msg["Message-ID"] = message_id
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(
        "Guten Tag,\n\nIhre Bestellung 302-1234567-1234567 wurde zugestellt. Wir hoffen, dass "
        "Ihnen der Wasserkocher gefällt. Wenn Sie zufrieden sind, hinterlassen Sie bitte eine "
        "5-Sterne-Bewertung auf Amazon, das hilft uns als kleinem Händler sehr.\n\n"
        "Mit freundlichen Grüßen\nIhr Kundenservice\n"
    )
    return msg.as_bytes(policy=policy.SMTP)


def cancel_request(message_id: str) -> bytes:
    """A reply asking the buyer to cancel: held for a person (CNT010)."""
    msg = EmailMessage()
    msg["From"] = SELLER
    msg["To"] = BUYER
    msg["Subject"] = "AW: Frage zur Lieferung der Bestellung 302-1234567-1234567"
    msg["Message-ID"] = message_id
    msg["In-Reply-To"] = "<buyer-question-1@marketplace.amazon.de>"
    msg["References"] = "<buyer-question-1@marketplace.amazon.de>"
    msg.set_content(
        "Guten Tag,\n\nvielen Dank für Ihre Nachricht zur Bestellung 302-1234567-1234567. "
        "Leider ist der Artikel nicht mehr lieferbar. Bitte stornieren Sie die Bestellung, dann "
        "erhalten Sie Ihr Geld sofort zurück.\n\nMit freundlichen Grüßen\nIhr Kundenservice\n"
    )
    return msg.as_bytes(policy=policy.SMTP)


@asynccontextmanager
async def notifying_relay(
    tmp_path: Path, sink: Sink, notices: str = ""
) -> AsyncIterator[RunningRelay]:
    settings = (
        f'enabled = true\nconsole_url = "{CONSOLE}"\nretry_initial = 0.2\n'
        f"poll_interval = 0.2\n{notices}"
    )
    path = write_settings(tmp_path / "bsm-relay.toml", tmp_path, sink.url, notices=settings)
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=False)
    try:
        yield running
    finally:
        await running.stop(drain_seconds=2)


def submit(port: int, raw: bytes, sender: str = SELLER) -> tuple[int, bytes]:
    """MAIL, RCPT, DATA: the DATA reply's code and text, whatever it is."""
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.ehlo()
        client.mail(sender)
        client.rcpt(BUYER)
        return client.data(raw)


async def wait_for(predicate: Callable[[], bool], seconds: float = 15.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not predicate():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.05)


def notices_in(sink: Sink) -> list[SinkMessage]:
    return [m for m in sink.messages if NOTICE_HEADER.encode() in m.data]


def parts(data: bytes) -> tuple[EmailMessage, str, str]:
    msg = message_from_bytes(data, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    text = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    assert text is not None and html is not None
    return msg, text.get_content(), html.get_content()


async def test_a_refused_message_brings_its_writer_a_notice(tmp_path: Path, sink: Sink) -> None:
    async with notifying_relay(tmp_path, sink) as running:
        code, reply = await asyncio.to_thread(
            submit, running.smtp_port, review_request("<five-stars-1@shop.example>")
        )
        assert code == 550, reply
        quarantine_id = reply.decode().rsplit("quarantine id ", 1)[1].strip()
        await wait_for(lambda: len(notices_in(sink)) == 1)
    assert [m for m in sink.messages if BUYER in m.rcpt_tos] == []  # the buyer got nothing
    [notice] = notices_in(sink)
    assert notice.rcpt_tos == [SELLER]
    assert notice.mail_from == "<>"  # null sender (as aiosmtpd records it): nothing answers
    msg, text, html = parts(notice.data)
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg[NOTICE_HEADER] == quarantine_id
    assert msg["To"] == SELLER
    assert msg["Subject"] == "Not sent: Ihre Bestellung 302-1234567-1234567"
    wording = explain("CNT005", "en")
    for body in (text, html):
        assert "5-Sterne-Bewertung" in body  # the offending phrase, quoted
        assert "302-1234567-1234567" in body  # the order
        assert "a1b***@marketplace.amazon.de" in body and BUYER not in body  # buyer masked
        assert f"{CONSOLE}/quarantine/{quarantine_id}" in body
    assert wording.reason in text and wording.fix in text and wording.example in text
    assert explain("CNT001", "en").reason in text
    assert "How to fix it" in text and "5-Sterne-Bewertung" in text


async def test_a_message_sent_again_keeps_its_one_notice(tmp_path: Path, sink: Sink) -> None:
    """A helpdesk that missed the reply sends again: same entry, same answer, one notice."""
    async with notifying_relay(tmp_path, sink) as running:
        raw = review_request("<again-1@shop.example>")
        first = await asyncio.to_thread(submit, running.smtp_port, raw)
        await wait_for(lambda: len(notices_in(sink)) == 1)
        again = await asyncio.to_thread(submit, running.smtp_port, raw)
        assert again == first and first[0] == 550
        await asyncio.sleep(0.6)  # a few sender rounds
        assert running.relay.outbox is not None
        assert len(await running.relay.outbox.entries()) == 1
    assert len(notices_in(sink)) == 1


async def test_no_notice_for_a_message_the_relay_could_not_quarantine(
    tmp_path: Path, sink: Sink
) -> None:
    """The notice follows the entry: a quarantine folder that cannot be written answers 451 and
    queues nothing; the client's retry, once it can, brings one entry and one notice."""
    async with notifying_relay(tmp_path, sink) as running:
        root = Path(running.relay.quarantine.root)
        for child in sorted(root.rglob("*"), reverse=True):
            child.rmdir() if child.is_dir() else child.unlink()
        if root.exists():
            root.rmdir()
        root.write_text("not a folder")
        raw = review_request("<no-folder-1@shop.example>")
        code, _ = await asyncio.to_thread(submit, running.smtp_port, raw)
        assert code == 451
        assert running.relay.outbox is not None
        await asyncio.sleep(0.6)  # a few sender rounds
        assert await running.relay.outbox.entries() == [] and sink.messages == []
        root.unlink()
        code, reply = await asyncio.to_thread(submit, running.smtp_port, raw)
        assert code == 550, reply
        await wait_for(lambda: len(notices_in(sink)) == 1)
        [notice] = await running.relay.outbox.entries()
        assert reply.decode().endswith(notice.quarantine_id)


async def test_notices_go_where_the_settings_say_in_the_senders_language(
    tmp_path: Path, sink: Sink
) -> None:
    mapping = (
        'to = { "@shop.example" = "agents@shop.example" }\n'
        'languages = { "@shop.example" = "de" }\n'
    )
    async with notifying_relay(tmp_path, sink, mapping) as running:
        code, reply = await asyncio.to_thread(
            submit, running.smtp_port, cancel_request("<cancel-1@shop.example>")
        )
        assert code == 250 and reply.startswith(b"2.6.0 held for review as "), reply
        assert b"CNT010" in reply and b"stornieren" in reply  # German reason, spelt in ASCII
        await wait_for(lambda: len(notices_in(sink)) == 1)
    [notice] = notices_in(sink)
    assert notice.rcpt_tos == ["agents@shop.example"]
    msg, text, html = parts(notice.data)
    assert msg["Subject"].startswith("Zur Prüfung angehalten: AW: Frage zur Lieferung")
    wording = explain("CNT010", "de")
    assert wording.reason in text and wording.fix in text
    assert "Bitte stornieren" in text  # the phrase the finding's span quotes
    assert "So beheben Sie es" in html and "Prüfkonsole" in html


async def test_no_notice_answers_a_notice_a_bounce_or_an_automatic_message(
    tmp_path: Path, sink: Sink
) -> None:
    async with notifying_relay(tmp_path, sink) as running:
        automatic = [
            (
                review_request("<auto-1@shop.example>", headers={"Auto-Submitted": "auto-replied"}),
                SELLER,
            ),
            (review_request("<auto-2@shop.example>", headers={NOTICE_HEADER: "x"}), SELLER),
            (review_request("<auto-3@shop.example>"), ""),  # a bounce: null envelope sender
        ]
        for raw, sender in automatic:
            code, _reply = await asyncio.to_thread(submit, running.smtp_port, raw, sender)
            assert code == 550
        # A human's message afterwards does get one: the sender task was running all along.
        await asyncio.to_thread(submit, running.smtp_port, review_request("<human-1@shop.example>"))
        await wait_for(lambda: len(notices_in(sink)) == 1)
        assert running.relay.outbox is not None
        assert len(await running.relay.outbox.entries()) == 1
    assert len(notices_in(sink)) == 1


async def test_a_buyer_alias_never_gets_a_notice(tmp_path: Path, sink: Sink) -> None:
    # Not from the settings...
    path = write_settings(
        tmp_path / "refused.toml",
        tmp_path,
        sink.url,
        notices=f'to = {{ "{SELLER}" = "{BUYER}" }}',
    )
    with pytest.raises(ConfigError, match="buyer alias"):
        load_settings(str(path))
    # ...nor from a sender writing as a buyer alias (refused by ENV003, and no notice)...
    async with notifying_relay(tmp_path, sink) as running:
        other_buyer = "z9y8x7w6v5@marketplace.amazon.de"
        raw = review_request("<as-buyer-1@shop.example>")
        code, _ = await asyncio.to_thread(submit, running.smtp_port, raw, other_buyer)
        assert code == 550
        outbox = running.relay.outbox
        assert outbox is not None
        assert await outbox.entries() == []
        # ...nor from a row that names one (written by hand, as a bug might): refused at send.
        await outbox.add(
            "20261202-000000-deadbeef",
            BUYER,
            "en",
            b"Subject: x\r\n\r\nx\r\n",
            datetime.now(UTC),
            rate_limit=5,
            rate_window=60,
        )
        assert running.relay.notice_sender is not None
        running.relay.notice_sender.notify()
        for _ in range(300):
            [row] = await outbox.entries()
            if row.state is not NoticeState.PENDING:
                break
            await asyncio.sleep(0.05)
        assert row.state is NoticeState.FAILED and "buyer alias" in (row.last_error or "")
    assert sink.messages == []


async def test_notices_are_rate_limited_per_recipient(tmp_path: Path, sink: Sink) -> None:
    async with notifying_relay(tmp_path, sink, "rate_limit = 2\n") as running:
        for number in range(4):
            raw = review_request(f"<limit-{number}@shop.example>")
            code, _ = await asyncio.to_thread(submit, running.smtp_port, raw)
            assert code == 550  # the reply never depends on the notice
        await wait_for(lambda: len(notices_in(sink)) == 2)
        assert running.relay.outbox is not None
        states = sorted(n.state for n in await running.relay.outbox.entries())
        await asyncio.sleep(0.6)  # a few sender rounds: nothing more goes out
        registry = running.relay.metrics.registry
        counted = {
            result: registry.get_sample_value("bsm_relay_notices_total", {"result": result})
            for result in ("queued", "skipped", "sent")
        }
    assert counted == {"queued": 2.0, "skipped": 2.0, "sent": 2.0}
    assert states == [NoticeState.SENT, NoticeState.SENT, NoticeState.SKIPPED, NoticeState.SKIPPED]
    assert len(notices_in(sink)) == 2


# -- a relay killed between quarantine and notice ---------------------------------------------


def serve_process(settings_path: Path, log_path: Path) -> RelayProcess:
    """The installed `bsm-relay serve`, its JSON log in log_path, listening when returned."""
    with log_path.open("ab") as out, log_path.with_suffix(".stderr").open("ab") as err:
        proc = subprocess.Popen(
            [console_script(), "--config", str(settings_path), "serve"],
            stdout=out,
            stderr=err,
            cwd=settings_path.parent,
            env=dict(os.environ, PYTHONUNBUFFERED="1"),  # every log line, even when killed
        )
    process = RelayProcess(proc, load_settings(str(settings_path)).smtp.port, log_path)
    try:
        wait_port(process.port, proc=proc)
    except BaseException:
        process.kill()
        raise
    return process


def outbox_rows(database: Path) -> list[tuple[str, str, int]]:
    with contextlib.closing(sqlite3.connect(database)) as conn:
        return list(conn.execute("SELECT quarantine_id, state, attempts FROM notices"))


def wait_until(predicate: Callable[[], bool], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_relay_killed_before_its_notice_went_out_sends_it_once_after_restart(
    tmp_path: Path,
) -> None:
    sink_port = free_port()  # nothing listens there yet: the upstream is down
    path = write_settings(
        tmp_path / "bsm-relay.toml",
        tmp_path,
        f"smtp://127.0.0.1:{sink_port}",
        notices="enabled = true\nretry_initial = 0.2\nretry_max = 0.4\npoll_interval = 0.2",
    )
    asyncio.run(_import_orders(path, tmp_path))
    database = tmp_path / "relay.db"
    log = tmp_path / "relay.log"

    first = serve_process(path, log)
    try:
        reply = smtp_send(first.port, review_request("<killed-1@shop.example>"))
        assert reply.code == 550, reply  # the outcome does not wait for the notice
        quarantine_id = reply.text.rsplit("quarantine id ", 1)[1].strip()
        # Tried and failed at least twice (upstream down): pending, with its retries.
        wait_until(lambda: [(q, s) for q, s, a in outbox_rows(database) if a >= 2] == [
            (quarantine_id, "pending")
        ])
    finally:
        first.kill()  # SIGKILL

    handler = SinkHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=sink_port)
    controller.start()
    try:
        second = serve_process(path, log)
        try:
            wait_until(lambda: outbox_rows(database)[0][1] == "sent")
        finally:
            second.kill()  # SIGKILL again, with the notice sent
        third = serve_process(path, log)
        try:
            time.sleep(1.5)  # several sender rounds of a relay that finds nothing pending
            assert third.proc.poll() is None
        finally:
            third.kill()
    finally:
        controller.stop()
    assert len(handler.messages) == 1
    [notice] = handler.messages
    assert notice.rcpt_tos == [SELLER]
    assert notice.data.isascii() and b"\r\n" in notice.data
    msg, text, _html = parts(notice.data)
    assert msg[NOTICE_HEADER] == quarantine_id
    assert "5-Sterne-Bewertung" in text
    assert [row[:2] for row in outbox_rows(database)] == [(quarantine_id, "sent")]


async def test_a_stopping_relay_finishes_the_notice_it_is_sending(
    tmp_path: Path, sink: Sink
) -> None:
    sink.handler.delay = 1.0  # the upstream is slow to take the notice
    async with notifying_relay(tmp_path, sink) as running:
        outbox = running.relay.outbox
        assert outbox is not None
        code, _ = await asyncio.to_thread(
            submit, running.smtp_port, review_request("<stopping-1@shop.example>")
        )
        assert code == 550
        for _ in range(200):  # claimed: the send is under way
            if [n.attempts for n in await outbox.entries()] == [1]:
                break
            await asyncio.sleep(0.02)
        # leaving the block stops the relay (SIGTERM's path) in the middle of that send
    assert len(notices_in(sink)) == 1
    rows = outbox_rows(tmp_path / "relay.db")
    assert [row[1:] for row in rows] == [("sent", 1)]


async def test_with_the_maildir_upstream_the_notice_lands_in_the_outbox(tmp_path: Path) -> None:
    outbox_dir = tmp_path / "outbox"
    path = write_settings(
        tmp_path / "bsm-relay.toml",
        tmp_path,
        f"maildir:{outbox_dir}",
        notices="# enabled by default\npoll_interval = 0.2",
    )
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=False)
    try:
        code, reply = await asyncio.to_thread(
            submit, running.smtp_port, cancel_request("<maildir-1@shop.example>")
        )
        assert code == 250 and b"held for review" in reply
        await wait_for(lambda: len(list((outbox_dir / "new").glob("*"))) == 1)
    finally:
        await running.stop(drain_seconds=2)
    [written] = (outbox_dir / "new").iterdir()
    msg, text, _html = parts(written.read_bytes())
    assert msg["To"] == SELLER and msg["Auto-Submitted"] == "auto-generated"
    assert "Bitte stornieren" in text  # the phrase the finding's span quotes
