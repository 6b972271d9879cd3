"""`review_requests = "solicitation"`: Amazon's own review request instead of the seller's mail."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

from tests.conftest import Sink, quarantine_id_of
from tests.spapi.conftest import message, send, spapi_relay
from tests.spapi_fake import FakeSpapi

ORDER = "026-9300006-9300006"
OTHER = "026-9300007-9300007"
UK_BUYER = "p2o6i0u4y8@marketplace.amazon.co.uk"
UK = "A1F83G8C2ARO7P"
REVIEW = (
    "Hello,\n\nWe hope the walking boots from order {order} are serving you well. If you have "
    "a moment, would you leave a review of the product on Amazon? Your honest opinion helps "
    "other customers choose the right size.\n\nBest wishes,\nThe team at Fellside Outdoor\n"
)


def review_request(number: int, order: str = ORDER) -> bytes:
    return message(
        REVIEW.format(order=order),
        subject=f"Your order {order}",
        to=UK_BUYER,
        message_id=f"<review-{number}@shop.example>",
    )


async def test_review_request_goes_as_amazons_own_and_only_once(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.put_order(ORDER, marketplace_id=UK, buyer_email=UK_BUYER)
    async with spapi_relay(tmp_path, sink, fake_spapi, review_requests="solicitation") as running:
        code, text = await asyncio.to_thread(send, running.smtp_port, review_request(1), UK_BUYER)
        assert code == 250, text
        assert "not mailed" in text and "review request" in text and ORDER in text
        assert sink.messages == []  # the seller's mail never reaches the buyer
        assert fake_spapi.solicitations == [ORDER]
        assert fake_spapi.calls["getSolicitationActionsForOrder"] == 1
        ledger = await running.relay.store.ledger_entries(ORDER)  # type: ignore[attr-defined]
        assert [(e.review_request, e.order_id) for e in ledger] == [(True, ORDER)]

        # The same message again (the client missed our reply): the same answer, nothing new.
        code, text = await asyncio.to_thread(send, running.smtp_port, review_request(1), UK_BUYER)
        assert code == 250 and "already delivered" in text
        # A second review request for the order: ORD006 counts Amazon's request.
        code, text = await asyncio.to_thread(send, running.smtp_port, review_request(2), UK_BUYER)
        assert code == 550 and "ORD006" in text
        assert fake_spapi.solicitations == [ORDER]
    assert sink.messages == []
    assert fake_spapi.violations == []


async def test_review_request_amazon_does_not_offer_is_held_with_the_reason(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.put_order(OTHER, marketplace_id=UK, buyer_email=UK_BUYER)
    fake_spapi.not_solicitable.add(OTHER)
    async with spapi_relay(tmp_path, sink, fake_spapi, review_requests="solicitation") as running:
        code, text = await asyncio.to_thread(
            send, running.smtp_port, review_request(3, OTHER), UK_BUYER
        )
        assert code == 250 and "held for review as" in text, text
        quarantine_id = quarantine_id_of(text)
        entry = running.relay.quarantine.get(quarantine_id)
        held = {f["code"]: f for f in entry.record["findings"]}
        assert "ORD008" in held
        assert "getSolicitationActionsForOrder" in held["ORD008"]["evidence"]
        # Not sent, so not used up: the claim was given back.
        context = await running.relay.store.lookup(
            OTHER, UK_BUYER, "other@shop.example", datetime.now(UTC)
        )
        assert context.review_already_requested is False
    assert sink.messages == []
    assert fake_spapi.solicitations == []


async def test_mail_mode_mails_the_review_request_as_before(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.put_order(ORDER, marketplace_id=UK, buyer_email=UK_BUYER)
    async with spapi_relay(tmp_path, sink, fake_spapi) as running:
        code, _ = await asyncio.to_thread(send, running.smtp_port, review_request(1), UK_BUYER)
        assert code == 250
    assert len(sink.messages) == 1
    assert fake_spapi.solicitations == []
    assert fake_spapi.calls["getSolicitationActionsForOrder"] == 0


async def test_solicitations_api_down_answers_451_and_the_retry_is_sent(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.put_order(ORDER, marketplace_id=UK, buyer_email=UK_BUYER)
    fake_spapi.outage = {"getSolicitationActionsForOrder": 0}
    async with spapi_relay(
        tmp_path, sink, fake_spapi, review_requests="solicitation", retry_backoff=0.01
    ) as running:
        code, text = await asyncio.to_thread(send, running.smtp_port, review_request(1), UK_BUYER)
        assert code == 451 and "try again later" in text
        assert fake_spapi.solicitations == []
        fake_spapi.outage = {}
        # The client retries: the claim was given back, so this is not a "second" request.
        code, text = await asyncio.to_thread(send, running.smtp_port, review_request(1), UK_BUYER)
        assert code == 250 and "not mailed" in text, text
        assert fake_spapi.solicitations == [ORDER]
    assert sink.messages == []
