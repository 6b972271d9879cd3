"""The just-in-time lookup: a message about an order the store does not know yet."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BUYER, Sink
from tests.spapi.conftest import message, send, spapi_relay
from tests.spapi_fake import FakeSpapi

ORDER = "302-7700001-7700001"
ENGRAVING = (
    "Guten Tag,\n\nfür die Gravur auf Ihrem Schneidebrett aus Bestellung {order} haben wir den "
    "Text „Familie Hoffmann – seit 2006“ vorgemerkt. Bitte bestätigen Sie kurz, dass die "
    "Schreibweise so stimmt, damit wir mit der Gravur beginnen können.\n\n"
    "Freundliche Grüße\nHolzwerkstatt Maier\n"
)


def engraving(number: int, order: str = ORDER) -> bytes:
    return message(
        ENGRAVING.format(order=order),
        subject=f"Gravurtext zu Bestellung {order}",
        to=BUYER,
        message_id=f"<engraving-{number}@shop.example>",
    )


async def test_message_for_an_order_only_amazon_knows_is_delivered_after_one_lookup(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.put_order(ORDER, buyer_email=BUYER)
    async with spapi_relay(tmp_path, sink, fake_spapi) as running:
        # A burst of five messages about the same unknown order, all at once.
        replies = await asyncio.gather(
            *(asyncio.to_thread(send, running.smtp_port, engraving(n), BUYER) for n in range(5))
        )
        assert [code for code, _ in replies] == [250] * 5, replies
        assert len(sink.messages) == 5
        # Single flight: one lookup for the burst: getOrder with the buyer alias, the buyer's
        # locale, and the RDT for buyer info (generic path: reused by later lookups for an hour).
        assert fake_spapi.calls["getOrder"] == 1
        assert fake_spapi.calls["getAttributes"] == 1
        assert fake_spapi.calls["createRestrictedDataToken"] == 1
        assert sum(fake_spapi.calls.values()) == 3
        stored = await running.relay.store.get_order(ORDER)
        assert stored is not None
        assert stored.buyer_email == BUYER and stored.buyer_locale == "de-DE"
        # Stored: the next message needs no API call at all.
        assert (await asyncio.to_thread(send, running.smtp_port, engraving(9), BUYER))[0] == 250
        assert fake_spapi.calls["getOrder"] == 1
        # Another unknown order: the RDT is reused, so one Orders call and one Messaging call.
        other = "302-7700011-7700011"
        fake_spapi.put_order(other, buyer_email=BUYER)
        assert (await asyncio.to_thread(send, running.smtp_port, engraving(10, other), BUYER))[
            0
        ] == 250
        assert fake_spapi.calls["getOrder"] == 2
        assert fake_spapi.calls["createRestrictedDataToken"] == 1
    assert fake_spapi.violations == []


async def test_order_amazon_does_not_have_is_judged_as_today(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi
) -> None:
    async with spapi_relay(tmp_path, sink, fake_spapi) as running:
        code, text = await asyncio.to_thread(
            send, running.smtp_port, engraving(1, "302-7700009-7700009"), BUYER
        )
        assert code == 550 and "ORD002" in text
        # Remembered as missing for a while: a second message asks Amazon no second time.
        code, _ = await asyncio.to_thread(
            send, running.smtp_port, engraving(2, "302-7700009-7700009"), BUYER
        )
        assert code == 550
        assert fake_spapi.calls["getOrder"] == 1
    assert sink.messages == []


async def test_hanging_api_leaves_the_message_judged_within_the_budget(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.put_order(ORDER, buyer_email=BUYER)
    fake_spapi.hang_seconds = 8
    async with spapi_relay(tmp_path, sink, fake_spapi, lookup_budget=0.5) as running:
        started = time.monotonic()
        code, text = await asyncio.to_thread(send, running.smtp_port, engraving(1), BUYER)
        elapsed = time.monotonic() - started
        # Judged without the order, as before the API existed: ORD002 for a proactive message.
        assert code == 550 and "ORD002" in text
        assert elapsed < 0.5 + 2.0, elapsed
        assert fake_spapi.calls["createRestrictedDataToken"] == 1  # the lookup was under way
    assert sink.messages == []


UK = "A1F83G8C2ARO7P"
UK_BUYER = "k4j5h6g7f8@marketplace.amazon.co.uk"


@pytest.mark.parametrize(
    ("order", "to", "expected"),
    [
        # The buyer's locale from getAttributes, not the marketplace's language, decides LNG001:
        # German to a German-speaking buyer on amazon.co.uk is delivered ...
        ({"marketplace_id": UK, "buyer_email": UK_BUYER, "locale": "de-DE"}, UK_BUYER, None),
        # ... and German to a French-speaking buyer on amazon.de is not.
        ({"buyer_email": BUYER, "locale": "fr-FR"}, BUYER, "LNG001"),
        # The looked-up order is judged by the order rules: another buyer's order (ORD003) ...
        ({"buyer_email": "z9y8x7w6v5@marketplace.amazon.de"}, BUYER, "ORD003"),
        # ... and one long past the 30 days a proactive message may follow it (ORD004).
        (
            {"buyer_email": BUYER, "purchased": datetime.now(UTC) - timedelta(days=120)},
            BUYER,
            "ORD004",
        ),
    ],
    ids=["locale-delivers", "locale-rejects", "other-buyer", "too-late"],
)
async def test_the_looked_up_order_and_locale_are_what_the_rules_judge(
    tmp_path: Path,
    sink: Sink,
    fake_spapi: FakeSpapi,
    order: dict[str, Any],
    to: str,
    expected: str | None,
) -> None:
    fake_spapi.put_order(ORDER, **order)
    async with spapi_relay(tmp_path, sink, fake_spapi) as running:
        raw = message(
            ENGRAVING.format(order=ORDER),
            subject=f"Gravurtext zu Bestellung {ORDER}",
            to=to,
            message_id="<engraving-judged@shop.example>",
        )
        code, text = await asyncio.to_thread(send, running.smtp_port, raw, to)
        assert fake_spapi.calls["getOrder"] == 1 and fake_spapi.calls["getAttributes"] == 1
    if expected is None:
        assert code == 250, text
        assert len(sink.messages) == 1
    else:
        assert code == 550 and expected in text, text
        assert "ORD002" not in text  # the order was found: not judged as unknown
        assert sink.messages == []
