"""The relay end to end over real sockets: smtplib client -> relay -> aiosmtpd sink."""

from __future__ import annotations

import asyncio
import json
import smtplib
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from relay.config import load_settings
from relay.runtime.server import RunningRelay, start
from tests.conftest import BUYER, SELLER, Sink, console_script, write_settings

ORDERS_CSV = (
    "order_id,buyer_email,purchase_date,marketplace,status,ship_date,"
    "earliest_delivery_date,latest_delivery_date,delivery_date,buyer_locale\n"
    f"302-1234567-1234567,{BUYER},2026-11-10,amazon.de,Delivered,2026-11-12,"
    "2026-11-14,2026-11-18,2026-11-17,de-DE\n"
)


def compliant_reply(message_id: str = "<reply-1@shop.example>") -> bytes:
    """A seller's answer to a buyer's question about the delivery: compliant everywhere."""
    msg = EmailMessage()
    msg["From"] = SELLER
    msg["To"] = BUYER
    msg["Subject"] = "AW: Frage zur Lieferung der Bestellung 302-1234567-1234567"
    msg["Message-ID"] = message_id
    msg["In-Reply-To"] = "<buyer-question-1@marketplace.amazon.de>"
    msg["References"] = "<buyer-question-1@marketplace.amazon.de>"
    msg.set_content(
        "Guten Tag,\n\n"
        "vielen Dank für Ihre Nachricht zur Bestellung 302-1234567-1234567. Das Paket wurde am "
        "Donnerstag an den Zusteller übergeben und sollte laut Sendungsverfolgung morgen bei "
        "Ihnen ankommen. Die Lieferung erfolgt an die Adresse, die Sie bei der Bestellung "
        "angegeben haben.\n\n"
        "Mit freundlichen Grüßen\nIhr Kundenservice\n"
    )
    return msg.as_bytes(policy=policy.SMTP)


def with_attachment(raw: bytes, name: str, mime: str, data: bytes) -> bytes:
    msg = message_from_bytes(raw, policy=policy.SMTP)
    assert isinstance(msg, EmailMessage)
    maintype, subtype = mime.split("/", 1)
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes(policy=policy.SMTP)


async def _import_orders(settings_path: Path, tmp: Path) -> None:
    from relay.orders_import import import_file
    from relay.store import open_store

    settings = load_settings(str(settings_path))
    csv = tmp / "orders.csv"
    csv.write_text(ORDERS_CSV, encoding="utf-8")
    store = await open_store(settings.store.url)
    try:
        report = await import_file(csv, store)
        assert report.imported == 1, report
    finally:
        await store.close()


@pytest.fixture
async def relay_env(tmp_path: Path, sink: Sink) -> AsyncIterator[tuple[RunningRelay, Path]]:
    path = write_settings(tmp_path / "bsm-relay.toml", tmp_path, sink.url)
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=False)
    try:
        yield running, path
    finally:
        await running.stop(drain_seconds=5)


def _send(port: int, raw: bytes, rcpt: list[str] | None = None, sender: str = SELLER) -> dict:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        return client.sendmail(sender, rcpt or [BUYER], raw)


async def send(port: int, raw: bytes, **kwargs: object) -> dict:
    return await asyncio.to_thread(_send, port, raw, **kwargs)  # type: ignore[arg-type]


def cli(
    settings_path: Path, *args: str, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [console_script(), "--config", str(settings_path), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        check=False,
    )


async def test_compliant_message_arrives_byte_for_byte(relay_env, sink: Sink) -> None:
    running, _ = relay_env
    raw = compliant_reply()
    refused = await send(running.smtp_port, raw)
    assert refused == {}
    assert len(sink.messages) == 1
    arrived = sink.messages[0]
    assert arrived.rcpt_tos == [BUYER]
    assert arrived.mail_from == SELLER
    assert arrived.data == raw


def _greeting(port: int) -> tuple[int, bytes]:
    client = smtplib.SMTP(timeout=30)
    try:
        return client.connect("127.0.0.1", port)
    finally:
        client.close()


async def test_greeting_names_the_host_once_then_the_software(relay_env) -> None:
    running, _ = relay_env
    code, text = await asyncio.to_thread(_greeting, running.smtp_port)
    # RFC 5321 4.3.1: the domain first; it once read "220 bsm-relay bsm-relay".
    assert (code, text) == (220, b"bsm-relay ESMTP bsm-relay")


async def test_retried_message_is_not_delivered_twice(relay_env, sink: Sink) -> None:
    running, _ = relay_env
    raw = compliant_reply("<retry-1@shop.example>")
    await send(running.smtp_port, raw)
    await send(running.smtp_port, raw)
    assert len(sink.messages) == 1


def _data_reply(port: int, raw: bytes) -> tuple[int, bytes]:
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        client.ehlo()
        client.mail(SELLER)
        client.rcpt(BUYER)
        return client.data(raw)


async def test_retry_without_order_id_is_answered_from_the_ledger(relay_env, sink: Sink) -> None:
    running, _ = relay_env
    raw = compliant_reply("<no-order-1@shop.example>")
    raw = raw.replace(b"der Bestellung 302-1234567-1234567", b"Ihrer Bestellung")
    raw = raw.replace(b"zur Bestellung 302-1234567-1234567", b"zu Ihrer Bestellung")
    assert b"302-1234567" not in raw
    first = await asyncio.to_thread(_data_reply, running.smtp_port, raw)
    again = await asyncio.to_thread(_data_reply, running.smtp_port, raw)
    assert first[0] == 250 and again[0] == 250
    assert b"already delivered" in again[1] and b"already delivered" not in first[1]
    assert len(sink.messages) == 1
    # Same Message-ID, other bytes: another message, delivered.
    changed = raw.replace(b"morgen", b"heute")
    assert (await asyncio.to_thread(_data_reply, running.smtp_port, changed))[0] == 250
    assert len(sink.messages) == 2
    entries = await running.relay.store.ledger_entries()  # type: ignore[attr-defined]
    assert [e.order_id for e in entries] == [None, None]


async def test_renamed_executable_is_rejected_and_quarantined(relay_env, sink: Sink) -> None:
    running, settings_path = relay_env
    raw = with_attachment(
        compliant_reply("<exe-1@shop.example>"),
        "rechnung.pdf",
        "application/pdf",
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200,
    )
    with pytest.raises(smtplib.SMTPDataError) as refused:
        await send(running.smtp_port, raw)
    assert refused.value.smtp_code == 550
    text = refused.value.smtp_error.decode()
    assert "ATT001" in text and "quarantine id" in text
    assert sink.messages == []
    quarantine_id = text.rsplit("quarantine id ", 1)[1].strip()
    day = quarantine_id[:8]
    folder = (
        Path(load_settings(str(settings_path)).quarantine.dir) / f"{day[:4]}-{day[4:6]}-{day[6:]}"
    )
    record = json.loads((folder / f"{quarantine_id}.json").read_text())
    assert record["state"] == "rejected"
    assert {"ATT001", "ATT002"} <= {f["code"] for f in record["findings"]}
    assert (folder / f"{quarantine_id}.eml").read_bytes().startswith(b"From:") or (
        folder / f"{quarantine_id}.eml"
    ).stat().st_size == len(raw.replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n"))
    assert oct((folder / f"{quarantine_id}.eml").stat().st_mode & 0o777) == oct(0o600)


async def test_non_buyer_recipient_is_refused_at_rcpt(relay_env, sink: Sink) -> None:
    running, _ = relay_env

    def attempt() -> None:
        with smtplib.SMTP("127.0.0.1", running.smtp_port, timeout=30) as client:
            client.ehlo()
            client.mail(SELLER)
            code, message = client.rcpt("friend@gmail.com")
            assert code == 550
            assert b"ENV001" in message
            assert b"not an Amazon buyer address" in message  # the rule in plain words

    await asyncio.to_thread(attempt)
    assert sink.messages == []


async def test_upstream_down_answers_451_and_records_nothing(tmp_path: Path) -> None:
    from tests.conftest import free_port

    path = write_settings(tmp_path / "bsm-relay.toml", tmp_path, f"smtp://127.0.0.1:{free_port()}")
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=False)
    try:
        with pytest.raises(smtplib.SMTPDataError) as deferred:
            await send(running.smtp_port, compliant_reply("<down-1@shop.example>"))
        assert deferred.value.smtp_code == 451
        assert deferred.value.smtp_error.startswith(b"4.4.1")
        store = running.relay.store
        assert await store.ledger_entries() == []
        assert not list((tmp_path / "quarantine").glob("*/*.eml"))
    finally:
        await running.stop(drain_seconds=2)


@asynccontextmanager
async def holding_relay(
    tmp_path: Path, sink: Sink, *, with_http: bool = False
) -> AsyncIterator[tuple[RunningRelay, Path]]:
    """A relay whose seller policy holds a wrong file extension (ATT002) for a person."""
    policy = tmp_path / "strict.toml"
    # A seller's own policy layered over the default: wrong extensions go to a person.
    policy.write_text('[rules.ATT002]\nseverity = "hold"\n', encoding="utf-8")
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, extra=f'[policy]\nfiles = ["{policy}"]\n'
    )
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=with_http)
    try:
        yield running, path
    finally:
        await running.stop(drain_seconds=2)


def held_by_att002(message_id: str) -> bytes:
    """A compliant reply with a PNG named .jpg: held under holding_relay's policy."""
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
    return with_attachment(compliant_reply(message_id), "foto.jpg", "image/jpeg", png)


async def test_held_message_is_released_with_the_cli(tmp_path: Path, sink: Sink) -> None:
    async with holding_relay(tmp_path, sink) as (running, path):
        raw = held_by_att002("<hold-1@shop.example>")
        refused = await send(running.smtp_port, raw)
        assert refused == {}
        assert sink.messages == []
        listing = await asyncio.to_thread(
            cli, path, "quarantine", "list", "--state", "held", "--json"
        )
        assert listing.returncode == 0, listing.stderr
        rows = json.loads(listing.stdout)
        assert len(rows) == 1 and rows[0]["codes"] == ["ATT002"]
        quarantine_id = rows[0]["id"]
        shown = await asyncio.to_thread(cli, path, "quarantine", "show", quarantine_id)
        assert "ATT002" in shown.stdout and "foto.jpg" in shown.stdout
        released = await asyncio.to_thread(
            cli, path, "quarantine", "release", quarantine_id, "--by", "anna"
        )
        assert released.returncode == 0, released.stderr
        assert len(sink.messages) == 1
        record = json.loads(
            next((tmp_path / "quarantine").glob(f"*/{quarantine_id}.json")).read_text()
        )
        assert record["state"] == "released"
        assert record["history"][-1]["by"] == "anna"
        again = await asyncio.to_thread(cli, path, "quarantine", "release", quarantine_id)
        assert again.returncode == 2 and "released" in again.stderr
        assert len(sink.messages) == 1


async def test_a_resent_held_message_keeps_its_one_entry_and_is_delivered_once(
    tmp_path: Path, sink: Sink
) -> None:
    """A client whose reply was lost sends the held message again: same id, no second entry;
    and an older second entry of a message already released is not delivered again."""
    async with holding_relay(tmp_path, sink) as (running, path):
        raw = held_by_att002("<resent-1@shop.example>")
        first = await asyncio.to_thread(_data_reply, running.smtp_port, raw)
        again = await asyncio.to_thread(_data_reply, running.smtp_port, raw)
        assert first[0] == 250 and first[1].startswith(b"2.6.0 held for review as ")
        assert again == first
        quarantine = running.relay.quarantine
        [entry] = quarantine.entries()
        assert first[1].startswith(f"2.6.0 held for review as {entry.id}".encode())
        assert b"ATT002" in first[1]  # and the reasons, in plain words

        # A second entry of the same message, as older releases (or two relays racing) left them.
        duplicate = quarantine.put(raw, dict(entry.record))
        released = await asyncio.to_thread(cli, path, "quarantine", "release", entry.id)
        assert released.returncode == 0, released.stderr
        twice = await asyncio.to_thread(cli, path, "quarantine", "release", duplicate)
        assert twice.returncode == 2 and "already delivered" in twice.stderr
        assert len(sink.messages) == 1
        assert quarantine.get(duplicate).state == "held"


async def test_wrong_password_gets_535(tmp_path: Path, sink: Sink) -> None:
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, smtp_extra='auth = "required"'
    )
    added = await asyncio.to_thread(
        cli, path, "users", "add", "helpdesk", "--password-stdin", stdin="correct horse battery\n"
    )
    assert added.returncode == 0, added.stderr
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=False)

    def attempt(password: str) -> int:
        with smtplib.SMTP("127.0.0.1", running.smtp_port, timeout=30) as client:
            client.ehlo()
            try:
                client.login("helpdesk", password)
            except smtplib.SMTPAuthenticationError as exc:
                return exc.smtp_code
            client.sendmail(SELLER, [BUYER], compliant_reply("<auth-1@shop.example>"))
            return 235

    try:
        assert await asyncio.to_thread(attempt, "wrong password") == 535
        assert sink.messages == []
        assert await asyncio.to_thread(attempt, "correct horse battery") == 235
        assert len(sink.messages) == 1

        def unauthenticated() -> int:
            with smtplib.SMTP("127.0.0.1", running.smtp_port, timeout=30) as client:
                client.ehlo()
                code, _ = client.mail(SELLER)
                return code

        assert await asyncio.to_thread(unauthenticated) == 530
    finally:
        await running.stop(drain_seconds=2)


async def test_one_session_sends_hundreds_of_messages(tmp_path: Path, sink: Sink) -> None:
    """A helpdesk keeps its connection open: message 101 and later are not cut with a 421."""
    path = write_settings(
        tmp_path / "bsm-relay.toml",
        tmp_path,
        sink.url,
        smtp_extra='auth = "off"\nmessages_per_minute_per_user = 1000',
    )
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=False)

    def send_many(count: int) -> list[dict]:
        refused = []
        with smtplib.SMTP("127.0.0.1", running.smtp_port, timeout=30) as client:
            for n in range(count):
                refused.append(
                    client.sendmail(SELLER, [BUYER], compliant_reply(f"<long-{n}@shop.example>"))
                )
        return refused

    try:
        refused = await asyncio.to_thread(send_many, 150)
    finally:
        await running.stop(drain_seconds=5)
    assert refused == [{}] * 150
    assert len(sink.messages) == 150


async def test_cli_release_over_a_newer_delivery_needs_even_if_newer(
    tmp_path: Path, sink: Sink
) -> None:
    async with holding_relay(tmp_path, sink) as (running, path):
        held = await asyncio.to_thread(
            _data_reply, running.smtp_port, held_by_att002("<held-first@shop.example>")
        )
        [entry] = running.relay.quarantine.entries()
        assert held[0] == 250
        await asyncio.sleep(0.01)
        assert await send(running.smtp_port, compliant_reply("<fixed@shop.example>")) == {}
        refused = await asyncio.to_thread(cli, path, "quarantine", "release", entry.id)
        assert refused.returncode == 2 and "<fixed@shop.example>" in refused.stderr
        assert "--even-if-newer" in refused.stderr and "Traceback" not in refused.stderr
        assert len(sink.messages) == 1
        sent = await asyncio.to_thread(
            cli, path, "quarantine", "release", entry.id, "--even-if-newer"
        )
        assert sent.returncode == 0, sent.stderr
        assert len(sink.messages) == 2


async def test_upstream_is_told_when_the_edge_saw_nothing_to_convert(relay_env, sink: Sink) -> None:
    """CRLF throughout and no dotted line: the upstream sends the bytes without a scan;
    a dot-stuffed line, and it is scanned (and stuffed again) as before. Either way the
    message arrives byte for byte."""
    running, _ = relay_env
    upstream = running.relay.upstream
    real_send = upstream.send
    told: list[bool] = []

    async def spy(*args: object, wire_ready: bool = False) -> object:
        told.append(wire_ready)
        return await real_send(*args, wire_ready=wire_ready)  # type: ignore[arg-type]

    upstream.send = spy  # type: ignore[method-assign]
    clean = compliant_reply("<wire-1@shop.example>")
    dotted = compliant_reply("<wire-2@shop.example>").replace(
        b"\r\n\r\n", b"\r\n\r\n.a line that starts with a dot\r\n", 1
    )
    assert b"\r\n." in dotted
    await send(running.smtp_port, clean)
    await send(running.smtp_port, dotted)
    assert told == [True, False]
    assert [m.data for m in sink.messages] == [clean, dotted]
