"""What a rule may read besides the message: envelope, order, relay settings, derived facts."""

from __future__ import annotations

import html
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TypeVar, cast

from relay.model import locate
from relay.model.message import Image, Link, ParsedMessage
from relay.verdict import Finding, Span, Where

if TYPE_CHECKING:
    from relay.policy import Policy

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Envelope:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    auth_user: str | None = None
    client_address: str | None = None


@dataclass(frozen=True, slots=True)
class Order:
    """One Amazon order as the store knows it; dates are timezone-aware UTC."""

    order_id: str
    buyer_email: str
    purchase_date: datetime
    marketplace: str
    status: str | None = None
    ship_date: datetime | None = None
    earliest_delivery_date: datetime | None = None
    latest_delivery_date: datetime | None = None
    delivery_date: datetime | None = None
    buyer_locale: str | None = None
    opted_out: bool = False
    review_requested_at: datetime | None = None

    @property
    def completion_date(self) -> datetime:
        """Delivery, else latest delivery, else ship, else purchase date (docs/policy.md, Terms)."""
        return (
            self.delivery_date or self.latest_delivery_date or self.ship_date or self.purchase_date
        )


# The order's fields, in order: also the order CSV's columns (docs/interface.md) and the store's.
ORDER_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Order))


@dataclass(frozen=True, slots=True)
class OrderContext:
    """The store's answer for this message, looked up once by the pipeline."""

    order_id: str | None = None
    order: Order | None = None
    review_already_requested: bool = False
    proactive_sent_today: int = 0
    # The upstream's reply when this very message (ledger key and digest) was delivered
    # before: the client is retrying after missing our 250. Looked up with the order so that
    # delivery needs no second round trip.
    previous_reply: str | None = None


@dataclass(frozen=True, slots=True)
class RelayConfig:
    """The parts of the settings that rules read (not the policy: these are the seller's setup)."""

    approved_senders: tuple[str, ...] = ()
    passthrough_recipients: tuple[str, ...] = ()
    carrier_hosts: tuple[str, ...] = ()
    proactive_daily_limit: int = 600


@dataclass(frozen=True, slots=True)
class Language:
    """The detected language of the seller's own text."""

    code: str | None
    probability: float
    words: int


@dataclass(frozen=True, slots=True)
class MessageFacts:
    """Derived once per message so that rules agree and nothing is computed twice."""

    buyer_alias: str | None
    marketplace: str | None
    buyer_language: str | None
    language: Language
    is_review_request: bool
    review_request_evidence: str
    is_critical: bool
    critical_evidence: str


@dataclass(frozen=True)
class RuleContext:
    """Everything one rule call may read. Rules do no I/O: all of this was gathered before."""

    message: ParsedMessage
    envelope: Envelope
    policy: Policy
    config: RelayConfig
    facts: MessageFacts
    orders: OrderContext = field(default_factory=OrderContext)
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    # What rules derive from this message and share (per message, so nothing outlives it or
    # mixes policies across a reload): see `memo`. `judge` passes the table relay.model.fold's
    # `message_memo` fills while the facts are derived, so the texts folded for the facts are
    # not folded again by the rules.
    _memo: dict[Hashable, object] = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """`make()`, computed once per message and key; rules of several families share it."""
        try:
            return cast(T, self._memo[key])
        except KeyError:
            value = self._memo[key] = make()
            return value

    @property
    def visible(self) -> locate.DerivedText:
        """`message.visible_text` with the map back to the Subject and the body's text."""
        return self.memo("visible", lambda: locate.visible(self.message))

    @property
    def readable(self) -> locate.DerivedText:
        """The visible text and everything else a reader of the message can find: the other
        alternative, hidden text, alt and title attributes (docs/policy.md, Reading the text)."""
        return self.memo("readable", lambda: locate.readable(self.message, self.visible))

    @property
    def readable_text(self) -> locate.DerivedText:
        """`readable` without alt and title attributes: the text the link rules read (an
        image's alt text is IMG004's, which holds a web address there for a person)."""
        return self.memo(
            "readable-text",
            lambda: locate.readable(self.message, self.visible, attributes=False),
        )

    def locate(self, needle: str) -> tuple[Span, ...]:
        """Where `needle` is: the seller's own text first, then the Subject, the body's texts,
        attachment names, headers and the HTML markup."""
        if not needle:
            return ()
        return self.visible.spans_of(needle) or locate.find(
            self.memo("fields", lambda: locate.fields(self.message, locate.SEARCH_ORDER)), needle
        )

    @property
    def is_reply(self) -> bool:
        return self.message.is_reply

    @property
    def is_proactive(self) -> bool:
        return not self.message.is_reply

    def locate_markup(self, needle: str, part: int = 0) -> tuple[Span, ...]:
        """Where `needle` (an attribute's value: an href, an image's src) is in the HTML (the
        `part`-th text/html part's)."""
        if not needle:
            return ()
        source = self.memo(
            ("html_source", part),
            lambda: locate.DerivedText.whole(
                self.message.text_of(Where.HTML_SOURCE, part), Where.HTML_SOURCE, part
            ),
        )
        return source.spans_of(needle) or source.spans_of(html.escape(needle, quote=False))

    def locate_link(self, link: Link) -> tuple[Span, ...]:
        """A link: its URL where the text shows it, else its href in the HTML, else its text."""
        if link.source == "text":
            return self.locate(link.url)
        return self.locate_markup(link.url, link.part) or self.locate(link.text)

    def locate_image(self, image: Image) -> tuple[Span, ...]:
        """An image: its src in the HTML (an image has no text of its own to point at)."""
        return self.locate_markup(image.src, image.part) or self.locate(image.alt)

    def finding(
        self,
        code: str,
        message: str,
        evidence: str = "",
        variant: str | None = None,
        spans: tuple[Span, ...] = (),
    ) -> Finding:
        """A finding whose severity and mode come from the policy (per rule, per variant)."""
        severity, mode = self.policy.resolve(code, variant)
        return Finding(
            code=code,
            severity=severity,
            message=message,
            evidence=evidence,
            mode=mode,
            spans=spans,
        )
