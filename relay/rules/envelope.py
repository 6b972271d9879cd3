"""ENV: who may send, and to whom."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from relay.model import aliases, locate
from relay.model.types import RelayConfig, RuleContext
from relay.rules.base import rule
from relay.verdict import Finding, Severity, Span

if TYPE_CHECKING:
    from relay.delivery.rewrite import BodyEditor

TRACKING_HEADERS: Final = (
    "list-unsubscribe",
    "list-unsubscribe-post",
    "disposition-notification-to",
    "return-receipt-to",
    "x-confirm-reading-to",
)


def recipient_allowed(address: str, config: RelayConfig) -> bool:
    """The RCPT-time test of ENV001, shared by the SMTP edge and the rule."""
    return aliases.is_buyer_alias(address) or aliases.matches_passthrough(
        address, config.passthrough_recipients
    )


_RECIPIENT_HEADERS: Final = ("to", "cc", "bcc")


def _recipient_spans(ctx: RuleContext, addresses: list[str]) -> tuple[Span, ...]:
    """Where the recipient headers name these addresses (an envelope-only one is nowhere)."""
    return tuple(
        span
        for address in addresses
        for span in locate.header_spans(ctx.message, _RECIPIENT_HEADERS, address)
    )


@rule("ENV001", "recipient-not-buyer-alias", Severity.REJECT, "Relay scope", stage="envelope")
def recipient_is_buyer_alias(ctx: RuleContext) -> Iterator[Finding]:
    """Every envelope recipient is a buyer alias or on the pass-through list.

    Anything else is an open-relay attempt and is refused at RCPT time.

    Compliant: RCPT TO:<a1b2c3@marketplace.amazon.de>
    Non-compliant: RCPT TO:<someone@gmail.com>
    """
    for address in ctx.envelope.rcpt_tos:
        if not recipient_allowed(address, ctx.config):
            yield ctx.finding(
                "ENV001",
                "recipient is not an Amazon buyer alias",
                address,
                spans=locate.header_spans(ctx.message, _RECIPIENT_HEADERS, address),
            )


@rule("ENV002", "one-buyer-per-message", Severity.REJECT, "Buyer-Seller Messaging: one buyer")
def one_buyer_alias(ctx: RuleContext) -> Iterator[Finding]:
    """At most one buyer alias per message, and no buyer alias mixed with other recipients.

    Envelope recipients and the To, Cc and Bcc headers all count.

    Compliant: To: a1b2c3@marketplace.amazon.de
    Non-compliant: To: a1b2c3@marketplace.amazon.de, Cc: boss@shop.example
    """
    everyone = dict.fromkeys(
        a.lower()
        for a in (
            *ctx.envelope.rcpt_tos,
            *ctx.message.to_addresses,
            *ctx.message.cc_addresses,
            *ctx.message.bcc_addresses,
        )
    )
    buyers = {aliases.canonical(a) for a in everyone if aliases.is_buyer_alias(a)}
    others = [a for a in everyone if not aliases.is_buyer_alias(a)]
    if len(buyers) > 1:
        yield ctx.finding(
            "ENV002",
            "more than one buyer alias in one message",
            ", ".join(aliases.mask(b) for b in sorted(buyers)),
            spans=_recipient_spans(ctx, [a for a in everyone if aliases.is_buyer_alias(a)]),
        )
    if buyers and others:
        yield ctx.finding(
            "ENV002",
            "buyer alias mixed with other recipients",
            ", ".join(others),
            # The buyer's alias too: an envelope-only recipient is written nowhere.
            spans=_recipient_spans(ctx, [*others, *(a for a in everyone if a not in others)]),
        )


@rule("ENV003", "sender-not-approved", Severity.REJECT, "Seller Central: approved senders")
def sender_is_approved(ctx: RuleContext) -> Iterator[Finding]:
    """The envelope sender and every From: address are on the approved-sender list.

    Amazon drops mail from addresses not registered in Seller Central, so the relay refuses it
    first. Entries may be full addresses or `@domain`.

    Compliant: MAIL FROM:<support@shop.example> with support@shop.example approved
    Non-compliant: MAIL FROM:<intern@gmail.com>
    """
    approved = ctx.config.approved_senders
    if not aliases.matches_passthrough(ctx.envelope.mail_from, approved):
        yield ctx.finding(
            "ENV003",
            "envelope sender is not approved",
            ctx.envelope.mail_from or "<>",
            spans=locate.header_spans(
                ctx.message, ("return-path", "sender", "from"), ctx.envelope.mail_from
            ),
        )
    if not ctx.message.from_addresses:
        yield ctx.finding("ENV003", "message has no From: address", "")
    for address in ctx.message.from_addresses:
        if not aliases.matches_passthrough(address, approved):
            yield ctx.finding(
                "ENV003",
                "From: address is not approved",
                address,
                spans=locate.header_spans(ctx.message, ("from",), address),
            )


def drop_tracking_headers(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    for finding in findings:
        del editor.msg[finding.evidence]


@rule(
    "ENV004",
    "tracking-headers",
    Severity.STRIP,
    "Communication Guidelines: opt-out links",
    fix=drop_tracking_headers,
)
def tracking_headers(ctx: RuleContext) -> Iterator[Finding]:
    """Opt-out and read-receipt headers are removed before the message is forwarded.

    Compliant: a message without List-Unsubscribe
    Non-compliant: List-Unsubscribe: <mailto:unsub@shop.example> (removed, message forwarded)
    """
    present = ctx.message.header_names()
    for name in TRACKING_HEADERS:
        if name in present:
            yield ctx.finding(
                "ENV004",
                f"{name} header removed",
                name,
                spans=locate.header_spans(ctx.message, (name,), ""),
            )
