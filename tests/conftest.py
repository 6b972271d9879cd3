"""Shared test helpers: build messages and judge them with the real pipeline code."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from relay.context import Envelope, Order, OrderContext, RelayConfig
from relay.pipeline import judge
from relay.policy import Policy, load_policy
from relay.message import parse
from relay.verdict import Verdict

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SELLER = "support@shop.example"
BUYER = "a1b2c3d4e5@marketplace.amazon.de"


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy()


def make_message(
    body: str = "Hallo, Ihre Bestellung 302-1234567-1234567 wird morgen geliefert.",
    *,
    subject: str = "Bestellung 302-1234567-1234567",
    sender: str = SELLER,
    to: str = BUYER,
    html: str | None = None,
    headers: dict[str, str] | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
) -> bytes:
    """A message as a mail client would send it; attachments are (name, mime type, bytes)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = "<test-1@shop.example>"
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for name, mime, data in attachments or []:
        maintype, subtype = mime.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def default_order(**changes: object) -> Order:
    """A German order delivered three days before NOW."""
    values: dict[str, object] = {
        "order_id": "302-1234567-1234567",
        "buyer_email": BUYER,
        "purchase_date": datetime(2026, 11, 10, tzinfo=UTC),
        "marketplace": "amazon.de",
        "status": "Delivered",
        "ship_date": datetime(2026, 11, 12, tzinfo=UTC),
        "earliest_delivery_date": datetime(2026, 11, 14, tzinfo=UTC),
        "latest_delivery_date": datetime(2026, 11, 18, tzinfo=UTC),
        "delivery_date": datetime(2026, 11, 17, tzinfo=UTC),
        "buyer_locale": "de-DE",
    }
    values.update(changes)
    return Order(**values)  # type: ignore[arg-type]


JudgeFn = Callable[..., Verdict]


@pytest.fixture
def judge_raw(policy: Policy) -> JudgeFn:
    """Judge raw bytes with the real facts, rules and decision (no store, no network)."""

    def run(
        raw: bytes,
        *,
        mail_from: str = SELLER,
        rcpt: tuple[str, ...] = (BUYER,),
        orders: OrderContext | None = None,
        config: RelayConfig | None = None,
        now: datetime = NOW,
    ) -> Verdict:
        message = parse(raw)
        if orders is None:
            ids = message.order_ids
            orders = OrderContext(order_id=ids[0] if ids else None, order=default_order())
        config = config or RelayConfig(approved_senders=(SELLER,))
        _ctx, verdict, _forward = judge(message, Envelope(mail_from, rcpt), policy, config, orders, now)
        return verdict

    return run


def codes(verdict: Verdict) -> set[str]:
    return {f.code for f in verdict.findings}
