"""ORD006 end to end: two relay instances on one database race on one order's review request.

Fifty different review-request messages for the same order go through two Relay instances
(each with its own Store on the shared database) at once. Exactly one is forwarded; every
other one is refused with ORD006 and lands in quarantine, and the ledger holds one request.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from relay.config import load_settings
from relay.delivery.quarantine import Quarantine
from relay.delivery.upstream import open_upstream
from relay.model.types import Envelope, Order
from relay.policy import load_policy
from relay.runtime.core import Relay
from relay.store import SqlStore
from relay.users import UserDirectory
from tests.store.conftest import StoreFactory

SELLER = "support@shop.example"
ALIAS = "v4b8n2m6k0@marketplace.amazon.de"
ORDER_ID = "302-9400001-9400001"


def review_request(n: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Kundenservice <{SELLER}>"
    msg["To"] = ALIAS
    msg["Subject"] = f"Ihre Bestellung {ORDER_ID}"
    msg["Message-ID"] = f"<review-{n}@shop.example>"
    msg.set_content(
        "Guten Tag,\n\nwir hoffen, der Wasserkocher aus Ihrer Bestellung "
        f"{ORDER_ID} gefällt Ihnen. Wenn Sie einen Moment Zeit haben, würden wir uns über eine "
        "Bewertung des Produkts auf Amazon freuen, denn Ihre Erfahrung hilft anderen Käufern.\n\n"
        "Mit freundlichen Grüßen\nIhr Kundenservice\n"
    )
    return msg.as_bytes()


async def make_relay(store: SqlStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Relay:
    config = tmp_path / "bsm-relay.toml"
    config.write_text(
        f'[senders]\napproved = ["{SELLER}"]\n'
        f'[upstream]\nurl = "maildir:{tmp_path}/outbox"\n'
        f'[quarantine]\ndir = "{tmp_path}/quarantine"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    settings = load_settings(str(config))
    policy = load_policy()
    return Relay(
        settings,
        policy,
        store,
        open_upstream(settings.upstream),
        Quarantine(Path(settings.quarantine.dir)),
        UserDirectory({}),
    )


async def test_fifty_review_requests_through_two_relays_forward_exactly_one(
    store_factory: StoreFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_store = await store_factory()
    second_store = await store_factory()
    now = datetime.now(UTC)
    await first_store.upsert_orders(
        [
            Order(
                order_id=ORDER_ID,
                buyer_email=ALIAS,
                purchase_date=now - timedelta(days=14),
                marketplace="amazon.de",
                status="Delivered",
                ship_date=now - timedelta(days=12),
                earliest_delivery_date=now - timedelta(days=10),
                latest_delivery_date=now - timedelta(days=8),
                delivery_date=now - timedelta(days=9),
                buyer_locale="de-DE",
            )
        ]
    )
    relays = (
        await make_relay(first_store, tmp_path, monkeypatch),
        await make_relay(second_store, tmp_path, monkeypatch),
    )
    envelope = Envelope(SELLER, (ALIAS,))
    outcomes = await asyncio.gather(
        *(relays[i % 2].process(review_request(i), envelope, f"s{i}") for i in range(50))
    )

    delivered = [o for o in outcomes if o.action == "deliver"]
    refused = [o for o in outcomes if o.action == "reject"]
    assert len(delivered) == 1, [o.reply for o in outcomes]
    assert len(refused) == 49, [o.reply for o in outcomes if o.action != "reject"]
    for outcome in refused:
        assert outcome.reply.startswith("550 5.7.1 ORD006"), outcome.reply
    assert len(list((tmp_path / "outbox" / "new").iterdir())) == 1
    ledger = await first_store.ledger_entries(ORDER_ID)
    assert [(e.review_request, e.proactive) for e in ledger] == [(True, True)]
    # Any later review request for the order is refused at lookup already.
    late = await relays[1].process(review_request(99), envelope, "late")
    assert late.action == "reject" and "ORD006" in late.reply
