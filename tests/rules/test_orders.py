"""ORD001-ORD007: each rule firing and not firing (reply vs proactive, critical vs not, windows)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from relay.model import facts as facts_mod
from relay.model.message import parse
from relay.model.types import Envelope, Order, OrderContext, RelayConfig, RuleContext
from relay.policy import Policy
from relay.rules import REGISTRY
from relay.rules.orders import OrderOptions, review_window
from relay.verdict import Action, Finding, Severity
from tests.conftest import BUYER, NOW, SELLER, JudgeFn, codes, default_order, make_message

REPLY = {"In-Reply-To": "<buyer-question@marketplace.amazon.de>"}
ORDER_ID = "302-1234567-1234567"


def run(
    policy: Policy,
    code: str,
    raw: bytes | None = None,
    *,
    order: Order | None = None,
    known: bool = True,
    rcpt: tuple[str, ...] = (BUYER,),
    now: datetime = NOW,
    review_already_requested: bool = False,
    **fact_changes: Any,
) -> list[Finding]:
    """One rule on one message, with facts derived as the pipeline does and then adjusted."""
    message = parse(raw if raw is not None else make_message())
    ids = message.order_ids
    the_order = (order or default_order()) if known else None
    orders = OrderContext(
        order_id=ids[0] if ids else None,
        order=the_order,
        review_already_requested=review_already_requested,
    )
    envelope = Envelope(SELLER, rcpt)
    derived = facts_mod.derive(message, envelope, policy, the_order)
    ctx = RuleContext(
        message=message,
        envelope=envelope,
        policy=policy,
        config=RelayConfig(approved_senders=(SELLER,)),
        facts=dataclasses.replace(derived, **fact_changes),
        orders=orders,
        now=now,
    )
    return list(REGISTRY[code].check(ctx))


def severities(findings: list[Finding]) -> list[Severity]:
    return [f.severity for f in findings]


NO_ID = make_message("Hallo, Ihr Paket ist unterwegs.", subject="Ihre Bestellung")


# -- ORD001 ---------------------------------------------------------------------------------


def test_ord001_missing_id_proactive_rejects(policy: Policy) -> None:
    findings = run(policy, "ORD001", NO_ID)
    assert severities(findings) == [Severity.REJECT]
    assert findings[0].evidence == "Subject: Ihre Bestellung"


def test_ord001_missing_id_in_reply_warns(policy: Policy) -> None:
    raw = make_message("Hallo, Ihr Paket ist unterwegs.", subject="Re: Frage", headers=REPLY)
    assert severities(run(policy, "ORD001", raw)) == [Severity.WARN]


def test_ord001_id_in_subject_or_body_passes(policy: Policy) -> None:
    assert run(policy, "ORD001") == []
    in_body = make_message(f"Zu Ihrer Bestellung {ORDER_ID}: sie ist unterwegs.", subject="Info")
    assert run(policy, "ORD001", in_body) == []


def test_ord001_id_only_in_quoted_buyer_text_does_not_count(policy: Policy) -> None:
    raw = make_message(
        f"Hallo, wir kümmern uns darum.\n\n> Wo ist meine Bestellung {ORDER_ID}?\n",
        subject="Ihre Frage",
    )
    assert severities(run(policy, "ORD001", raw)) == [Severity.REJECT]


def test_ord001_not_for_passthrough_recipient(policy: Policy) -> None:
    raw = make_message("Hi", subject="Stock", to="buyer@supplier.example")
    assert run(policy, "ORD001", raw, rcpt=("buyer@supplier.example",), known=False) == []


# -- ORD002 ---------------------------------------------------------------------------------


def test_ord002_unknown_order_proactive_rejects(policy: Policy) -> None:
    findings = run(policy, "ORD002", known=False)
    assert severities(findings) == [Severity.REJECT]
    assert findings[0].evidence == ORDER_ID


def test_ord002_unknown_order_in_reply_warns(policy: Policy) -> None:
    raw = make_message(subject=f"Re: Bestellung {ORDER_ID}", headers=REPLY)
    assert severities(run(policy, "ORD002", raw, known=False)) == [Severity.WARN]


def test_ord002_known_order_or_no_id_passes(policy: Policy) -> None:
    assert run(policy, "ORD002") == []
    assert run(policy, "ORD002", NO_ID, known=False) == []  # ORD001's case, not ORD002's


# -- ORD003 ---------------------------------------------------------------------------------


def test_ord003_order_of_another_buyer_rejects(policy: Policy) -> None:
    other = default_order(buyer_email="zz9y8x7w6v@marketplace.amazon.de")
    findings = run(policy, "ORD003", order=other)
    assert severities(findings) == [Severity.REJECT]
    assert "another buyer" in findings[0].message
    assert "zz9***@marketplace.amazon.de" in findings[0].evidence
    assert "zz9y8x7w6v" not in findings[0].evidence  # aliases masked


def test_ord003_same_local_part_other_marketplace_rejects(policy: Policy) -> None:
    french = default_order(buyer_email="a1b2c3d4e5@marketplace.amazon.fr", marketplace="amazon.fr")
    assert severities(run(policy, "ORD003", order=french)) == [Severity.REJECT]


def test_ord003_marketplace_of_order_differs_from_alias_rejects(policy: Policy) -> None:
    odd = default_order(marketplace="amazon.fr")
    findings = run(policy, "ORD003", order=odd)
    assert severities(findings) == [Severity.REJECT]
    assert "marketplace" in findings[0].message


def test_ord003_also_rejects_in_a_reply(policy: Policy) -> None:
    other = default_order(buyer_email="zz9y8x7w6v@marketplace.amazon.de")
    raw = make_message(subject=f"Re: Bestellung {ORDER_ID}", headers=REPLY)
    assert severities(run(policy, "ORD003", raw, order=other)) == [Severity.REJECT]


def test_ord003_same_buyer_with_token_and_case_passes(policy: Policy) -> None:
    token = "A1B2C3D4E5+x7k@marketplace.amazon.de"
    raw = make_message(to=token)
    assert run(policy, "ORD003", raw, rcpt=(token,)) == []
    mobile = "a1b2c3d4e5@m.marketplace.amazon.de"
    assert run(policy, "ORD003", make_message(to=mobile), rcpt=(mobile,)) == []


def test_ord003_unknown_order_is_not_its_business(policy: Policy) -> None:
    assert run(policy, "ORD003", known=False) == []


# -- ORD004 ---------------------------------------------------------------------------------
# default_order: delivered 2026-11-17, so the window closes at 2026-12-17 00:00 UTC.


def test_ord004_proactive_after_30_days_rejects(policy: Policy) -> None:
    late = datetime(2026, 12, 17, 0, 0, 1, tzinfo=UTC)
    findings = run(policy, "ORD004", now=late)
    assert severities(findings) == [Severity.REJECT]
    assert "completed 2026-11-17, 30 days ago" in findings[0].evidence


def test_ord004_proactive_on_day_30_passes(policy: Policy) -> None:
    assert run(policy, "ORD004", now=datetime(2026, 12, 17, tzinfo=UTC)) == []
    assert run(policy, "ORD004") == []


def test_ord004_reply_is_exempt(policy: Policy) -> None:
    raw = make_message(subject=f"Re: Bestellung {ORDER_ID}", headers=REPLY)
    assert run(policy, "ORD004", raw, now=datetime(2027, 2, 1, tzinfo=UTC)) == []


@pytest.mark.parametrize(
    ("changes", "completed"),
    [
        ({"delivery_date": None}, datetime(2026, 11, 18, tzinfo=UTC)),  # latest delivery
        ({"delivery_date": None, "latest_delivery_date": None}, datetime(2026, 11, 12, tzinfo=UTC)),
        (
            {"delivery_date": None, "latest_delivery_date": None, "ship_date": None},
            datetime(2026, 11, 10, tzinfo=UTC),  # purchase date
        ),
    ],
)
def test_ord004_completion_date_fallbacks(
    policy: Policy, changes: dict[str, Any], completed: datetime
) -> None:
    order = default_order(**changes)
    assert run(policy, "ORD004", order=order, now=completed + timedelta(days=30)) == []
    after = completed + timedelta(days=30, minutes=1)
    assert severities(run(policy, "ORD004", order=order, now=after)) == [Severity.REJECT]


def test_ord004_window_is_policy_data(policy: Policy) -> None:
    data = dict(policy.options)
    data["orders"] = OrderOptions(contact_window_days=60)
    wider = dataclasses.replace(policy, options=data, _matchers={})
    assert run(wider, "ORD004", now=datetime(2026, 12, 20, tzinfo=UTC)) == []


# -- ORD005 ---------------------------------------------------------------------------------


def test_ord005_opted_out_buyer_proactive_rejects(policy: Policy) -> None:
    findings = run(policy, "ORD005", order=default_order(opted_out=True), is_critical=False)
    assert severities(findings) == [Severity.REJECT]


def test_ord005_critical_message_is_exempt(policy: Policy) -> None:
    order = default_order(opted_out=True)
    assert run(policy, "ORD005", order=order, is_critical=True, critical_evidence="Gravur") == []


def test_ord005_reply_is_exempt(policy: Policy) -> None:
    raw = make_message(subject=f"Re: Bestellung {ORDER_ID}", headers=REPLY)
    assert run(policy, "ORD005", raw, order=default_order(opted_out=True), is_critical=False) == []


def test_ord005_buyer_not_opted_out_passes(policy: Policy) -> None:
    assert run(policy, "ORD005", is_critical=False) == []


# -- ORD006 ---------------------------------------------------------------------------------

REVIEW: dict[str, Any] = {"is_review_request": True, "review_request_evidence": "bewertung"}


def test_ord006_second_review_request_rejects(policy: Policy) -> None:
    findings = run(policy, "ORD006", review_already_requested=True, **REVIEW)
    assert severities(findings) == [Severity.REJECT]
    assert findings[0].evidence == f"order {ORDER_ID}: bewertung"


def test_ord006_second_review_request_in_a_reply_rejects_too(policy: Policy) -> None:
    raw = make_message(subject=f"Re: Bestellung {ORDER_ID}", headers=REPLY)
    findings = run(policy, "ORD006", raw, review_already_requested=True, **REVIEW)
    assert severities(findings) == [Severity.REJECT]


def test_ord006_first_review_request_passes(policy: Policy) -> None:
    assert run(policy, "ORD006", review_already_requested=False, **REVIEW) == []


def test_ord006_other_message_after_review_request_passes(policy: Policy) -> None:
    assert run(policy, "ORD006", review_already_requested=True, is_review_request=False) == []


# -- ORD007 ---------------------------------------------------------------------------------
# default_order: earliest delivery 2026-11-14, latest 2026-11-18 -> window 11-19 .. 12-18.


def test_ord007_window_bounds() -> None:
    start, end = review_window(default_order(), OrderOptions())
    assert start == datetime(2026, 11, 19, tzinfo=UTC)
    assert end == datetime(2026, 12, 18, tzinfo=UTC)
    unknown = default_order(earliest_delivery_date=None, latest_delivery_date=None)
    start, end = review_window(unknown, OrderOptions())  # completion: delivered 11-17
    assert (start, end) == (datetime(2026, 11, 22, tzinfo=UTC), datetime(2026, 12, 17, tzinfo=UTC))


@pytest.mark.parametrize(
    "now",
    [datetime(2026, 11, 19, tzinfo=UTC), NOW, datetime(2026, 12, 18, tzinfo=UTC)],
)
def test_ord007_inside_window_passes(policy: Policy, now: datetime) -> None:
    assert run(policy, "ORD007", now=now, **REVIEW) == []


@pytest.mark.parametrize(
    ("now", "words"),
    [
        (datetime(2026, 11, 18, 23, 59, tzinfo=UTC), "before"),
        (datetime(2026, 12, 18, 0, 1, tzinfo=UTC), "after"),
    ],
)
def test_ord007_outside_window_rejects(policy: Policy, now: datetime, words: str) -> None:
    findings = run(policy, "ORD007", now=now, **REVIEW)
    assert severities(findings) == [Severity.REJECT]
    assert words in findings[0].message
    assert "window 2026-11-19 to 2026-12-18" in findings[0].evidence


def test_ord007_uses_completion_date_when_window_unknown(policy: Policy) -> None:
    order = default_order(
        earliest_delivery_date=None, latest_delivery_date=None, delivery_date=None
    )  # completion: ship date 11-12 -> window 11-17 .. 12-12
    assert run(policy, "ORD007", order=order, **REVIEW) == []
    late = datetime(2026, 12, 13, tzinfo=UTC)
    assert severities(run(policy, "ORD007", order=order, now=late, **REVIEW)) == [Severity.REJECT]


def test_ord007_not_a_review_request_passes(policy: Policy) -> None:
    early = datetime(2026, 11, 15, tzinfo=UTC)
    assert run(policy, "ORD007", now=early, is_review_request=False) == []


# -- through the whole pipeline -------------------------------------------------------------


def test_pipeline_unknown_order_proactive_is_rejected(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(make_message(), orders=OrderContext(order_id=ORDER_ID, order=None))
    assert "ORD002" in codes(verdict)
    assert verdict.action is Action.REJECT


def test_pipeline_compliant_german_delivery_note_has_no_order_findings(
    judge_raw: JudgeFn,
) -> None:
    verdict = judge_raw(make_message())
    assert not {c for c in codes(verdict) if c.startswith(("ORD", "LNG", "RATE"))}


# -- review-request detection feeding ORD006 (phrase lists, quoted text) ---------------------


def test_pipeline_second_review_request_is_rejected(judge_raw: JudgeFn) -> None:
    raw = make_message(
        "Hallo, wir hoffen, Ihre Bestellung ist gut angekommen. Wir würden uns über eine "
        "Bewertung Ihres Einkaufs auf Amazon freuen.",
        subject=f"Ihre Bestellung {ORDER_ID}",
    )
    orders = OrderContext(order_id=ORDER_ID, order=default_order(), review_already_requested=True)
    verdict = judge_raw(raw, orders=orders)
    assert "ORD006" in codes(verdict)
    assert verdict.action is Action.REJECT


def test_buyer_quoted_review_words_are_not_a_review_request(judge_raw: JudgeFn) -> None:
    raw = make_message(
        "Hello, the replacement part went out today and should arrive on Thursday.\n\n"
        "On Tue, 17 Nov 2026 at 10:12, Buyer <a1b2c3d4e5@marketplace.amazon.de> wrote:\n"
        "> If it does not arrive I will leave a review about this.\n",
        subject=f"Re: Order {ORDER_ID}",
        headers=REPLY,
    )
    orders = OrderContext(order_id=ORDER_ID, order=default_order(), review_already_requested=True)
    verdict = judge_raw(raw, orders=orders)
    assert not {"ORD006", "ORD007"} & codes(verdict)
