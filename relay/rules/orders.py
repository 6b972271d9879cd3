"""ORD: the message names a real order of this buyer, within the windows Amazon allows.

Everything here reads `ctx.orders` (the store's answer, looked up once before the rules run)
and `ctx.facts`; no rule queries the store. Rules about an order only apply to a message for a
buyer alias: pass-through recipients are not Amazon buyers.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field

from relay.model import aliases, locate
from relay.model.types import Order, RuleContext
from relay.rules.base import options, rule
from relay.verdict import Finding, Severity, Span


@options("orders")
class OrderOptions(BaseModel):
    """`[options.orders]`: the day counts of the contact and review windows."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # ORD004: a proactive message goes out within this many days of the completion date.
    contact_window_days: int = Field(default=30, gt=0)
    # ORD007: a review request goes out from earliest delivery + this many days ...
    review_earliest_days: int = Field(default=5, ge=0)
    # ... until latest delivery + this many days.
    review_latest_days: int = Field(default=30, gt=0)


def _options(ctx: RuleContext) -> OrderOptions:
    opts: OrderOptions = ctx.policy.option("orders", OrderOptions)
    return opts


def _variant(ctx: RuleContext) -> str | None:
    return "reply" if ctx.is_reply else None


def _day(moment: datetime) -> str:
    return moment.date().isoformat()


def _order_spans(ctx: RuleContext) -> tuple[Span, ...]:
    """Where the message names the order the finding is about."""
    return ctx.locate(ctx.orders.order_id or "")


def _for_buyer(ctx: RuleContext) -> bool:
    return ctx.facts.buyer_alias is not None


@rule(
    "ORD001",
    "order-id-missing",
    Severity.REJECT,
    "Buyer-Seller Messaging: order required",
    variants={"reply": Severity.WARN},
)
def order_id_present(ctx: RuleContext) -> Iterator[Finding]:
    """A message to a buyer names its Amazon order (3-7-7 id) in the Subject or body.

    Amazon only accepts messages about an order. In a reply on the buyer's thread a missing id
    is a warning (variant "reply").

    Compliant: Subject: Ihre Bestellung 302-1234567-1234567
    Non-compliant: Subject: Ihre Bestellung (no order id anywhere in the message)
    """
    if not _for_buyer(ctx) or ctx.message.order_ids or ctx.orders.order_id:
        return
    yield ctx.finding(
        "ORD001",
        "no Amazon order id (3-7-7) in the Subject or body",
        f"Subject: {ctx.message.subject or '(empty)'}",
        variant=_variant(ctx),
        spans=locate.header_spans(ctx.message, ("subject",), ""),
    )


@rule(
    "ORD002",
    "order-unknown",
    Severity.REJECT,
    "Buyer-Seller Messaging: order required",
    variants={"reply": Severity.WARN},
)
def order_known(ctx: RuleContext) -> Iterator[Finding]:
    """The order id the message names is known to the order store.

    An unknown id is a typo or another seller's order. In a reply it is a warning (variant
    "reply"). Import orders with `bsm-relay orders import`.

    Compliant: 302-1234567-1234567, imported from the order report
    Non-compliant: 302-1234567-1234576 (digits swapped, no such order)
    """
    order_id = ctx.orders.order_id
    if not _for_buyer(ctx) or order_id is None or ctx.orders.order is not None:
        return
    yield ctx.finding(
        "ORD002",
        "order id is not in the order store",
        order_id,
        variant=_variant(ctx),
        spans=ctx.locate(order_id),
    )


@rule("ORD003", "order-of-another-buyer", Severity.REJECT, "Buyer-Seller Messaging: recipient")
def order_belongs_to_recipient(ctx: RuleContext) -> Iterator[Finding]:
    """The order belongs to the recipient: the same buyer alias on the same marketplace.

    `abc+token@…` and `abc@…` are the same buyer. Writing to one buyer about another buyer's
    order discloses that order.

    Compliant: order of a1b2@marketplace.amazon.de, sent to a1b2+x9@marketplace.amazon.de
    Non-compliant: order of a1b2@marketplace.amazon.de, sent to z9y8@marketplace.amazon.de
    """
    alias = ctx.facts.buyer_alias
    order = ctx.orders.order
    if alias is None or order is None:
        return
    recipient = aliases.canonical(alias)
    owner = aliases.canonical(order.buyer_email)
    evidence = (
        f"order {order.order_id} of {aliases.mask(order.buyer_email)} "
        f"({order.marketplace}), recipient {aliases.mask(alias)}"
    )
    if recipient != owner:
        yield ctx.finding(
            "ORD003", "order belongs to another buyer", evidence, spans=_order_spans(ctx)
        )
        return
    market = aliases.marketplace(alias)
    if market is not None and order.marketplace.lower().removeprefix("www.") != market:
        yield ctx.finding(
            "ORD003",
            "order is from another marketplace than the recipient alias",
            evidence,
            spans=_order_spans(ctx),
        )


@rule("ORD004", "contact-window-closed", Severity.REJECT, "Buyer-Seller Messaging: 30 days")
def within_contact_window(ctx: RuleContext) -> Iterator[Finding]:
    """A proactive message goes out within 30 days of the order's completion date.

    Completion date: delivery, else latest delivery, else ship, else purchase date. Replies on
    the buyer's thread are exempt. The day count is `[options.orders] contact_window_days`.

    Compliant: a delivery question 10 days after delivery
    Non-compliant: a proactive message 45 days after delivery
    """
    order = ctx.orders.order
    if not _for_buyer(ctx) or order is None or ctx.is_reply:
        return
    days = _options(ctx).contact_window_days
    completed = order.completion_date
    if ctx.now > completed + timedelta(days=days):
        age = (ctx.now - completed).days
        yield ctx.finding(
            "ORD004",
            f"proactive message more than {days} days after the order's completion",
            f"order {order.order_id} completed {_day(completed)}, {age} days ago",
            spans=_order_spans(ctx),
        )


@rule("ORD005", "buyer-opted-out", Severity.REJECT, "Buyer-Seller Messaging: opt-out")
def buyer_not_opted_out(ctx: RuleContext) -> Iterator[Finding]:
    """No unsolicited message to a buyer who opted out; critical messages and replies pass.

    Critical: customization, delivery scheduling, address problems, fulfilment blockers, legally
    required documents.

    Compliant: "Bitte bestätigen Sie die Gravur" (critical) to an opted-out buyer
    Non-compliant: a review request to a buyer who opted out of unsolicited messages
    """
    order = ctx.orders.order
    if not _for_buyer(ctx) or order is None or not order.opted_out:
        return
    if ctx.is_reply or ctx.facts.is_critical:
        return
    yield ctx.finding(
        "ORD005",
        "buyer opted out of unsolicited messages and this one is not critical",
        f"order {order.order_id}: opted_out",
        spans=_order_spans(ctx),
    )


@rule("ORD006", "review-already-requested", Severity.REJECT, "Solicitations: one per order")
def one_review_request(ctx: RuleContext) -> Iterator[Finding]:
    """At most one review or feedback request per order, across every message ever sent.

    Counts requests the relay forwarded, claims in flight, and requests recorded as sent
    elsewhere (Seller Central's button, the API: `review_requested_at` in the order import).
    The delivery step claims the request atomically, so two relays cannot both send one.

    Compliant: the first review request for an order
    Non-compliant: a second "please leave a review" for the same order
    """
    if not ctx.facts.is_review_request or not ctx.orders.review_already_requested:
        return
    order_id = ctx.orders.order_id or "(no order id)"
    yield ctx.finding(
        "ORD006",
        "a review or feedback request was already sent for this order",
        f"order {order_id}: {ctx.facts.review_request_evidence}",
        spans=_order_spans(ctx) + ctx.locate(ctx.facts.review_request_evidence),
    )


def review_window(order: Order, opts: OrderOptions) -> tuple[datetime, datetime]:
    """From earliest delivery + 5 days to latest delivery + 30 days (completion date if unknown)."""
    completed = order.completion_date
    start = (order.earliest_delivery_date or completed) + timedelta(days=opts.review_earliest_days)
    end = (order.latest_delivery_date or completed) + timedelta(days=opts.review_latest_days)
    return start, end


@rule("ORD007", "review-request-timing", Severity.REJECT, "Solicitations: 5-30 days")
def review_request_in_window(ctx: RuleContext) -> Iterator[Finding]:
    """A review request goes out only from earliest delivery + 5 days to latest delivery + 30 days.

    Where the delivery window is unknown, the completion date stands in for it. The day counts
    are `[options.orders] review_earliest_days` and `review_latest_days`.

    Compliant: a neutral review request 8 days after delivery
    Non-compliant: a review request the day after delivery, or 40 days after it
    """
    order = ctx.orders.order
    if not _for_buyer(ctx) or order is None or not ctx.facts.is_review_request:
        return
    start, end = review_window(order, _options(ctx))
    window = f"order {order.order_id}: window {_day(start)} to {_day(end)}"
    if ctx.now < start:
        yield ctx.finding(
            "ORD007",
            "review request before the review window opens",
            window,
            spans=_order_spans(ctx),
        )
    elif ctx.now > end:
        yield ctx.finding(
            "ORD007",
            "review request after the review window closed",
            window,
            spans=_order_spans(ctx),
        )


@rule("ORD008", "solicitation-not-offered", Severity.HOLD, "Solicitations API")
def solicitation_offered(ctx: RuleContext) -> Iterator[Finding]:
    """With `[spapi] review_requests = "solicitation"`, a review request is sent as Amazon's own
    (Solicitations API) instead of by mail; where Amazon does not offer that for the order now,
    the message is held for a person with Amazon's answer.

    The delivery step reports this code after asking Amazon; this function never fires.

    Compliant: a review request for an order whose solicitation actions include
    productReviewAndSellerFeedback
    Non-compliant: a review request for an order Amazon offers no solicitation for (yet)
    """
    return iter(())
