"""RATE: how many proactive messages one sender may send in a day."""

from __future__ import annotations

from collections.abc import Iterator

from relay.model import locate
from relay.model.types import RuleContext
from relay.rules.base import rule
from relay.verdict import Finding, Severity


@rule("RATE001", "daily-proactive-limit", Severity.HOLD, "Buyer-Seller Messaging: volume")
def proactive_daily_limit(ctx: RuleContext) -> Iterator[Finding]:
    """No more proactive messages per sender per UTC day than `[policy] proactive_daily_limit`.

    Counted from the ledger (messages actually forwarded since UTC midnight). Replies are not
    counted and never held. A message over the limit waits for a person (or the next day).

    Compliant: the 20th proactive message of the day with the default limit of 600
    Non-compliant: the 601st proactive message of the day from support@shop.example
    """
    if ctx.is_reply or ctx.facts.buyer_alias is None:
        return
    limit = ctx.config.proactive_daily_limit
    sent = ctx.orders.proactive_sent_today
    if sent >= limit:
        yield ctx.finding(
            "RATE001",
            f"daily limit of {limit} proactive messages reached",
            f"{sent} proactive messages sent today by {ctx.envelope.mail_from or '<>'}",
            spans=locate.header_spans(ctx.message, ("to", "cc"), ctx.facts.buyer_alias),
        )
