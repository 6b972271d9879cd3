"""CNT: purpose and content of what the seller writes, in every language with a phrase list.

Every check reads the seller's own words (`ctx.message.visible_text`: Subject plus body, the
quoted reply excluded), normalized once, against the phrase lists in
`policies/phrases/<lang>.toml`. All languages' lists run on every message, so an English
"follow us on Instagram" in a German message is still found. A phrase preceded (or, in
Japanese, followed) by a negation in the same clause does not count, except where negation
cannot excuse the words (offensive language, unsubscribe text, the [Important] tag).

`scan_text` runs the text checks over any other text (the attachments family uses it for
ATT005, text inside PDF/DOCX/TXT attachments).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

from relay.model.locate import DerivedText
from relay.model.phrases import PhraseHit, excerpt, find_each, normalize, sentence_bounds
from relay.model.types import RuleContext
from relay.policy import Policy
from relay.rules.base import options, phrase_categories, rule
from relay.rules.links import extractor
from relay.verdict import Finding, Severity, Where

phrase_categories(
    "confirmation",
    "thanks",
    "contact_offer",
    "call_offer",
    "appointment",
    "review_steering",
    "marketing",
    "review_biased",
    "review_positive",
    "review_condition",
    "review_incentive",
    "review_mention",
    "review_change",
    "off_amazon",
    "unsubscribe",
    "important_tag",
    "cancel_request",
    "seller_action",
    "offensive",
    "purpose",
    "buyer_request",
    "earlier_time",
    "delivery_question",
    "messaging_app",
    "purchase",
    "seller_pays",
)

CITATION = "Communication Guidelines: permitted and prohibited message content"
# In a reply the buyer asked: what would be refused in a proactive message is a warning.
_REPLY_WARNS = {"reply": Severity.WARN}


@options("content")
class ContentOptions(BaseModel):
    """`[options.content]` in the policy."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # At most this many findings (distinct matched phrases) per rule and message.
    max_findings_per_rule: int = Field(default=3, gt=0)


def _options(ctx: RuleContext) -> ContentOptions:
    opts: ContentOptions = ctx.policy.option("content", ContentOptions)
    return opts


@dataclass(frozen=True, slots=True)
class _Text:
    """A text to check: the original (for evidence and spans) and its normalized form."""

    view: DerivedText

    @property
    def original(self) -> str:
        return self.view.text

    @property
    def normalized(self) -> str:
        return self.view.normalized


def _hits(
    ctx: RuleContext, category: str, normalized: str, *, negation: bool = True
) -> list[PhraseHit]:
    """Hits of a category in every language, left to right, overlaps between languages merged.

    Several rules read the same categories of the same text: found once per message.
    """
    return ctx.memo(
        ("phrase-hits", category, negation, normalized),
        lambda: _find_hits(ctx.policy, category, normalized, negation=negation),
    )


def _find_hits(
    policy: Policy, category: str, normalized: str, *, negation: bool
) -> list[PhraseHit]:
    found: list[PhraseHit] = []
    matchers = policy.matchers(category)
    every = find_each(matchers, normalized)
    for matcher, hits in every:
        for hit in hits:
            if negation and (
                hit.negated
                or any(
                    # Another language's negation word counts unless the hit's own language
                    # reads that word otherwise (Portuguese "no nosso site": "in our site"),
                    # and always where that language's list found the same words itself.
                    other.negates(
                        normalized,
                        hit.start,
                        hit.end,
                        None if _overlaps(hit, theirs) else matcher,
                    )
                    for other, theirs in every
                    if other is not matcher
                )
            ):
                continue
            found.append(hit)
    found.sort(key=lambda h: (h.start, -(h.end - h.start)))
    merged: list[PhraseHit] = []
    for hit in found:
        if merged and hit.start < merged[-1].end:
            continue
        merged.append(hit)
    return merged


def _overlaps(hit: PhraseHit, others: Iterable[PhraseHit]) -> bool:
    return any(hit.start < o.end and o.start < hit.end for o in others)


def _report(
    ctx: RuleContext,
    code: str,
    message: str,
    text: _Text,
    hits: Iterable[PhraseHit],
    variant: str | None = None,
) -> Iterator[Finding]:
    """One finding per distinct matched phrase, up to the configured number."""
    seen: set[str] = set()
    limit = _options(ctx).max_findings_per_rule
    for hit in hits:
        if hit.matched in seen:
            continue
        seen.add(hit.matched)
        yield ctx.finding(
            code,
            message,
            excerpt(text.view.section(hit.start), hit.matched),
            variant,
            spans=text.view.spans_normalized(hit.start, hit.end),
        )
        if len(seen) >= limit:
            return


def _in_sentence_with(normalized: str, hit: PhraseHit, companions: Iterable[PhraseHit]) -> bool:
    left, right = sentence_bounds(normalized, hit.start, hit.end)
    return any(
        c.start >= left and c.end <= right and not (hit.start < c.end and c.start < hit.end)
        for c in companions
    )


# --- the text checks (message body or any other text) ---------------------------------------


def _buyer_asked_delivery(ctx: RuleContext) -> bool:
    """The buyer's message (the quoted text, or the Subject the reply keeps) asks when or
    whether the order ships or arrives."""
    asked = normalize(f"{ctx.message.subject}\n{ctx.message.quoted_text}")
    return bool(_hits(ctx, "delivery_question", asked, negation=False))


def _confirmation_hits(ctx: RuleContext, normalized: str) -> list[PhraseHit]:
    hits = _hits(ctx, "confirmation", normalized)
    if not hits:
        return hits
    if ctx.is_reply and _buyer_asked_delivery(ctx):
        # The buyer asked where the order is: the answer is no unsolicited confirmation.
        return []
    # "Recebemos o seu pedido de troca": the buyer's request (exchange, return, refund), not
    # an order ("pedido" is both in Portuguese and Spanish).
    requests = _hits(ctx, "buyer_request", normalized, negation=False)
    hits = [h for h in hits if not _overlaps(h, requests)]
    if hits and ctx.facts.is_review_request:
        # A review request recalling the delivery of days ago ("先日は…お届けいたしました",
        # "the other day we delivered ..."): a reminder of the purchase, no confirmation.
        earlier = _hits(ctx, "earlier_time", normalized, negation=False)
        hits = [h for h in hits if not _in_sentence_with(normalized, h, earlier)]
    return hits


def _check_confirmation(ctx: RuleContext, text: _Text) -> Iterator[Finding]:
    hits = _confirmation_hits(ctx, text.normalized)
    variant = "reply" if ctx.is_reply else None
    yield from _report(
        ctx, "CNT001", "order, shipping or delivery confirmation", text, hits, variant
    )


def _call_hits(ctx: RuleContext, normalized: str) -> list[PhraseHit]:
    """An invitation to phone the seller ("call our order desk and we'll sort it out").

    In a critical message (an address problem, a customization to confirm) or one that names
    a delivery appointment or time slot ("between 8 and 14 h ... if the slot does not suit
    you, call our dispatch"), the call is how the buyer gives what the order needs or moves
    the appointment: the message's permitted purpose, not an open offer of help.
    """
    calls = _hits(ctx, "call_offer", normalized)
    if calls and (
        ctx.facts.is_critical or _hits(ctx, "appointment", normalized, negation=False)
    ):
        return []
    return calls


def _check_contact(ctx: RuleContext, text: _Text) -> Iterator[Finding]:
    steering = _hits(ctx, "review_steering", text.normalized)
    yield from _report(
        ctx, "CNT003", "asks the buyer to contact the seller before reviewing", text, steering
    )
    offers = [h for h in _hits(ctx, "contact_offer", text.normalized) if not _overlaps(h, steering)]
    offers.extend(
        h for h in _call_hits(ctx, text.normalized) if not _overlaps(h, [*steering, *offers])
    )
    offers.sort(key=lambda h: h.start)
    variant = "reply" if ctx.is_reply else None
    yield from _report(
        ctx, "CNT003", '"contact us if you have any problem" line', text, offers, variant
    )


# The host of a URL written in the (normalized) text.
_URL_HOST: Final = re.compile(
    r"(?:https?://|(?<![\w.@])(?=www\.))(?P<host>[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)"
)


def _subdomain_spans(normalized: str) -> list[tuple[int, int]]:
    """Where the subdomain labels of the text's URLs stand (`newsletter.` of
    `https://newsletter.shop.example/...`): a server's name, not words the seller says to the
    buyer (LNK judges the link itself)."""
    spans: list[tuple[int, int]] = []
    for match in _URL_HOST.finditer(normalized):
        subdomain = extractor()(match.group("host")).subdomain
        if subdomain:
            spans.append((match.start("host"), match.start("host") + len(subdomain)))
    return spans


def _check_marketing(ctx: RuleContext, text: _Text) -> Iterator[Finding]:
    hits = _hits(ctx, "marketing", text.normalized)
    if hits and ("//" in text.normalized or "www." in text.normalized):
        hosts = _subdomain_spans(text.normalized)
        hits = [h for h in hits if not any(a <= h.start and h.end <= b for a, b in hosts)]
    yield from _report(ctx, "CNT004", "marketing or promotion", text, hits)


def _biased_review_hits(ctx: RuleContext, normalized: str) -> list[PhraseHit]:
    found: list[PhraseHit] = list(_hits(ctx, "review_biased", normalized))
    requests = _hits(ctx, "review_request", normalized)
    if requests:
        found.extend(h for h in _hits(ctx, "review_positive", normalized))
    mentions = [*_hits(ctx, "review_mention", normalized), *requests]
    for category in ("review_condition", "review_incentive"):
        for hit in _hits(ctx, category, normalized):
            if _in_sentence_with(normalized, hit, mentions):
                found.append(hit)
    found.sort(key=lambda h: h.start)
    return found


def _check_review_bias(ctx: RuleContext, text: _Text) -> Iterator[Finding]:
    found = _biased_review_hits(ctx, text.normalized)
    yield from _report(ctx, "CNT005", "biased or incentivized review request", text, found)


def _check_review_change(ctx: RuleContext, text: _Text) -> Iterator[Finding]:
    hits = _hits(ctx, "review_change", text.normalized)
    yield from _report(ctx, "CNT006", "asks to remove or change a review or feedback", text, hits)


# How far after the seller's "we refund you" a payment channel is how the refund is paid.
_REFUND_REACH: Final = 40


def _off_amazon_hits(ctx: RuleContext, normalized: str) -> list[PhraseHit]:
    """Buying, paying or registering elsewhere (docs/policy.md CNT007).

    A messaging app counts in a sentence about ordering, buying or paying ("compre directo
    con nosotros por WhatsApp"); named as a way to reach the seller it is a contact detail
    (CTC002 judges its number). A payment channel right after the seller's refund ("le
    devolvemos 5 EUR por Bizum") is how the seller pays the buyer, not the buyer paying
    elsewhere (as an incentive for a review, CNT005 names it).
    """
    hits = list(_hits(ctx, "off_amazon", normalized))
    apps = _hits(ctx, "messaging_app", normalized)
    if apps:
        purchases = _hits(ctx, "purchase", normalized)
        hits.extend(h for h in apps if _in_sentence_with(normalized, h, purchases))
    if hits:
        refunds = _hits(ctx, "seller_pays", normalized)
        hits = [
            h
            for h in hits
            if not any(0 <= h.start - r.end <= _REFUND_REACH for r in refunds)
            or not _in_sentence_with(normalized, h, refunds)
        ]
    hits.sort(key=lambda h: h.start)
    return hits


def _check_off_amazon(ctx: RuleContext, text: _Text) -> Iterator[Finding]:
    hits = _off_amazon_hits(ctx, text.normalized)
    yield from _report(ctx, "CNT007", "diverts the buyer off Amazon", text, hits)


def _check_unsubscribe(ctx: RuleContext, text: _Text) -> Iterator[Finding]:
    hits = _hits(ctx, "unsubscribe", text.normalized, negation=False)
    yield from _report(ctx, "CNT008", "unsubscribe or opt-out text in the body", text, hits)


def _check_cancel(ctx: RuleContext, text: _Text) -> Iterator[Finding]:
    # Who acts: "we had to cancel your order" tells what the seller did, it asks nothing.
    done = _hits(ctx, "seller_action", text.normalized, negation=False)
    hits = [h for h in _hits(ctx, "cancel_request", text.normalized) if not _overlaps(h, done)]
    yield from _report(ctx, "CNT010", "asks the buyer to cancel the order", text, hits)


def _check_offensive(ctx: RuleContext, text: _Text) -> Iterator[Finding]:
    hits = _hits(ctx, "offensive", text.normalized, negation=False)
    yield from _report(ctx, "CNT011", "offensive, adult or violent language", text, hits)


TextCheck = Callable[[RuleContext, _Text], Iterator[Finding]]

# The checks that judge words alone, usable on any text (scan_text).
TEXT_CHECKS: dict[str, TextCheck] = {
    "CNT001": _check_confirmation,
    "CNT003": _check_contact,
    "CNT004": _check_marketing,
    "CNT005": _check_review_bias,
    "CNT006": _check_review_change,
    "CNT007": _check_off_amazon,
    "CNT008": _check_unsubscribe,
    "CNT010": _check_cancel,
    "CNT011": _check_offensive,
}


def scan_text(ctx: RuleContext, view: DerivedText, codes: frozenset[str]) -> Iterator[Finding]:
    """Run the named content checks (of TEXT_CHECKS) over any text, e.g. an attachment's.

    Findings carry the rule's own code and severity; the caller may re-label them. Codes
    that judge the whole message (CNT002, CNT009, CNT012) are ignored here.
    """
    if not view.text.strip():
        return
    subject = _Text(view)
    for code in sorted(codes):
        check = TEXT_CHECKS.get(code)
        if check is not None and ctx.policy.settings(code).enabled:
            yield from check(ctx, subject)


def _visible(ctx: RuleContext) -> _Text:
    return _Text(ctx.visible)


def _readable(ctx: RuleContext) -> _Text:
    """The visible text and the rest a reader can find (the other alternative, hidden text,
    alt and title attributes): what the words-alone checks judge."""
    return _Text(ctx.readable)


# --- message-level analysis -------------------------------------------------------------------

# Categories that give a message a content of its own besides thanks.
_SUBSTANCE = (
    "confirmation",
    "marketing",
    "off_amazon",
    "review_change",
    "cancel_request",
    "review_steering",
)


def _has_purpose(ctx: RuleContext, text: _Text) -> bool:
    if ctx.facts.is_review_request or ctx.facts.is_critical:
        return True
    # A biased review request ("5 stars if you are happy") is still a review request: CNT005
    # names what is wrong with it, and holding it again as purposeless would misname it.
    if _biased_review_hits(ctx, text.normalized):
        return True
    return bool(_hits(ctx, "purpose", text.normalized, negation=False))


def _thanks_only(ctx: RuleContext, text: _Text) -> list[PhraseHit]:
    """The thanks phrases of a proactive message that is nothing but thanks, else []."""
    if ctx.is_reply:
        return []
    thanks = _hits(ctx, "thanks", text.normalized)
    if not thanks or _has_purpose(ctx, text):
        return []
    if any(_hits(ctx, category, text.normalized) for category in _SUBSTANCE):
        return []
    if _off_amazon_hits(ctx, text.normalized):
        return []
    return thanks


# --- the rules ----------------------------------------------------------------------------------


@rule("CNT001", "order-confirmation", Severity.REJECT, CITATION, variants=_REPLY_WARNS)
def order_confirmation(ctx: RuleContext) -> Iterator[Finding]:
    """No order, shipping or delivery confirmation, alone or inside another message.

    In a reply (the buyer asked), the finding takes the policy's `reply` variant (warn).

    Compliant: The engraving proof for order 302-1111111-1111111 is attached, please confirm it.
    Non-compliant: Good news! Your order 302-1111111-1111111 has been shipped.
    """
    yield from _check_confirmation(ctx, _readable(ctx))


@rule("CNT002", "thank-you-only", Severity.REJECT, CITATION)
def thank_you_only(ctx: RuleContext) -> Iterator[Finding]:
    """No proactive message that only says thank you.

    A message is thanks-only when it thanks the buyer and has no permitted purpose and no
    other content; replies to the buyer are not judged.

    Compliant: Thank you for your order. Which engraving text would you like on the lid?
    Non-compliant: Thank you for your purchase! We hope you enjoy it. Best regards, the team
    """
    text = _visible(ctx)
    yield from _report(ctx, "CNT002", "thank-you-only message", text, _thanks_only(ctx, text))


@rule("CNT003", "contact-us-line", Severity.REJECT, CITATION, variants=_REPLY_WARNS)
def contact_us_line(ctx: RuleContext) -> Iterator[Finding]:
    """No "contact us if you have any problem" lines; no steering to contact before reviewing.

    In a reply an offer of further help takes the `reply` variant (warn); steering the buyer
    to contact the seller before a review is always refused.

    Compliant: Please choose the colour of the replacement part for order 302-1111111-1111111.
    Non-compliant: If you have any problems, please contact us before leaving a review.
    """
    yield from _check_contact(ctx, _readable(ctx))


@rule("CNT004", "marketing", Severity.REJECT, CITATION)
def marketing(ctx: RuleContext) -> Iterator[Finding]:
    """No marketing: coupons, discount codes, other products, newsletters, social, loyalty.

    Negated mentions ("we do not offer discount codes") do not count.

    Compliant: We do not offer coupons; the refund for the damaged lid has been issued.
    Non-compliant: Use code SAVE10 for 10% off your next order and follow us on Instagram!
    """
    yield from _check_marketing(ctx, _readable(ctx))


@rule("CNT005", "biased-review-request", Severity.REJECT, CITATION)
def biased_review_request(ctx: RuleContext) -> Iterator[Finding]:
    """Review requests must be neutral: no positive/5-star asks, conditions or incentives.

    Also refused: "only if you are happy", refunds, gift cards or free products for a review,
    and instructions on what to write.

    Compliant: Would you take a moment to share your experience with the product on Amazon?
    Non-compliant: If you are happy, please leave a 5-star review and get a $10 gift card.
    """
    yield from _check_review_bias(ctx, _readable(ctx))


@rule("CNT006", "review-change-request", Severity.REJECT, CITATION)
def review_change_request(ctx: RuleContext) -> Iterator[Finding]:
    """No request to remove or change an existing review or feedback.

    Compliant: We are sorry the lid was cracked; a replacement for 302-1111111-1111111 is on order.
    Non-compliant: We have refunded you, could you please remove your 1-star review?
    """
    yield from _check_review_change(ctx, _readable(ctx))


@rule("CNT007", "off-amazon", Severity.REJECT, CITATION)
def off_amazon(ctx: RuleContext) -> Iterator[Finding]:
    """No diverting the buyer off Amazon: buying, paying or registering elsewhere.

    Compliant: You can request the return from Your Orders on Amazon.
    Non-compliant: Next time order directly from our website, it is 15% cheaper.
    """
    yield from _check_off_amazon(ctx, _readable(ctx))


@rule("CNT008", "unsubscribe-text", Severity.REJECT, CITATION)
def unsubscribe_text(ctx: RuleContext) -> Iterator[Finding]:
    """No unsubscribe or opt-out text or links in the body.

    Compliant: Your invoice for order 302-1111111-1111111 is attached.
    Non-compliant: To stop receiving these emails, click unsubscribe.
    """
    yield from _check_unsubscribe(ctx, _readable(ctx))


@rule("CNT009", "important-tag", Severity.HOLD, CITATION)
def important_tag(ctx: RuleContext) -> Iterator[Finding]:
    """`[Important]` (or a translation) in the Subject only on critical messages.

    Compliant: [Important] Delivery address incomplete for order 302-1111111-1111111
    Non-compliant: [Important] How do you like your new kettle?
    """
    if ctx.facts.is_critical:
        return
    subject = _Text(
        ctx.memo("subject", lambda: DerivedText.whole(ctx.message.subject, Where.SUBJECT))
    )
    hits = _hits(ctx, "important_tag", subject.normalized, negation=False)
    yield from _report(
        ctx, "CNT009", "[Important] on a message that is not critical", subject, hits
    )


@rule("CNT010", "cancel-request", Severity.HOLD, CITATION)
def cancel_request(ctx: RuleContext) -> Iterator[Finding]:
    """No asking the buyer to cancel the order.

    Compliant: There is no need to cancel your order; the replacement ships on Monday.
    Non-compliant: The item is sold out, please cancel the order on your side.
    """
    yield from _check_cancel(ctx, _readable(ctx))


@rule("CNT011", "offensive-language", Severity.REJECT, CITATION)
def offensive_language(ctx: RuleContext) -> Iterator[Finding]:
    """No offensive, adult or violent language.

    Compliant: We are sorry for the trouble with order 302-1111111-1111111.
    Non-compliant: Stop sending us this bullshit or you will regret it.
    """
    yield from _check_offensive(ctx, _readable(ctx))


@rule("CNT012", "no-permitted-purpose", Severity.HOLD, CITATION)
def no_permitted_purpose(ctx: RuleContext) -> Iterator[Finding]:
    """A proactive message must serve a permitted purpose; one that fits none goes to a person.

    Permitted: fulfilment problem, information needed to complete the order, return question,
    invoice, review/feedback request, delivery scheduling, custom-design verification,
    warranty. Not reported when CNT001 or CNT002 already name what the message is.

    Compliant: Your order 302-1111111-1111111 is delayed by two days because of a strike.
    Non-compliant: Hello from our team! We hope you have a wonderful autumn.
    """
    if ctx.is_reply:
        return
    text = _visible(ctx)
    if _has_purpose(ctx, text):
        return
    if _confirmation_hits(ctx, text.normalized) or _thanks_only(ctx, text):
        return
    evidence = excerpt(text.original, text.original[:80]) if text.original else "(empty)"
    # No words to point at: the opening of the text, which the evidence quotes.
    spans = text.view.spans(0, min(80, len(text.original)))
    yield ctx.finding(
        "CNT012", "proactive message with no permitted purpose", evidence, spans=spans
    )
