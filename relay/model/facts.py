"""Facts derived once per message: whom it is for, its language, and what kind of message it is."""

from __future__ import annotations

import threading
from typing import Final

from langdetect import DetectorFactory
from langdetect.lang_detect_exception import LangDetectException

from relay.model import aliases
from relay.model.langid import detect_langs
from relay.model.message import ParsedMessage
from relay.model.phrases import find_each, normalize, word_count
from relay.model.types import Envelope, Language, MessageFacts, Order
from relay.policy import Policy
from relay.rules.base import phrase_categories

phrase_categories("review_request", "critical")

_DETECT_LOCK: Final = threading.Lock()
# langdetect is random unless seeded (architecture trap 11).
DetectorFactory.seed = 0


def detect_language(text: str) -> Language:
    words = word_count(text)
    if not text.strip():
        return Language(code=None, probability=0.0, words=0)
    try:
        # The detector factory is shared state; checks may run in worker threads. relay.model.langid
        # gives langdetect's answers exactly, faster.
        with _DETECT_LOCK:
            candidates = detect_langs(text)
    except LangDetectException:
        return Language(code=None, probability=0.0, words=words)
    best = candidates[0]
    code = str(best.lang).split("-", 1)[0]
    return Language(code=code, probability=float(best.prob), words=words)


def buyer_alias(envelope: Envelope, message: ParsedMessage) -> str | None:
    for address in (*envelope.rcpt_tos, *message.to_addresses, *message.cc_addresses):
        if aliases.is_buyer_alias(address):
            return address.lower()
    return None


def buyer_language(alias: str | None, order: Order | None) -> str | None:
    """The order's buyer locale (`de-DE` -> `de`), else the marketplace's language."""
    if order is not None and order.buyer_locale:
        return order.buyer_locale.replace("_", "-").split("-", 1)[0].lower()
    suffix = None
    if order is not None and order.marketplace:
        suffix = order.marketplace.lower().removeprefix("www.").removeprefix("amazon.")
    elif alias is not None:
        suffix = aliases.marketplace_suffix(alias)
    return aliases.MARKETPLACE_LANGUAGE.get(suffix or "")


def first_phrase(policy: Policy, category: str, normalized: str) -> str:
    """The first non-negated phrase of a category found in any language, or ""."""
    for _matcher, hits in find_each(policy.matchers(category), normalized):
        for hit in hits:
            if not hit.negated:
                return hit.matched
    return ""


def derive(
    message: ParsedMessage, envelope: Envelope, policy: Policy, order: Order | None
) -> MessageFacts:
    alias = buyer_alias(envelope, message)
    normalized = normalize(message.visible_text)
    review = first_phrase(policy, "review_request", normalized)
    critical = first_phrase(policy, "critical", normalized)
    return MessageFacts(
        buyer_alias=alias,
        marketplace=aliases.marketplace(alias) if alias else None,
        buyer_language=buyer_language(alias, order),
        language=detect_language(message.visible_text),
        is_review_request=bool(review),
        review_request_evidence=review,
        is_critical=bool(critical),
        critical_evidence=critical,
    )
