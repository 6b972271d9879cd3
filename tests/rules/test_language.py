"""LNG001: the seller writes in the buyer's language; short or unsure text only warns."""

from __future__ import annotations

import dataclasses
from typing import Any

from relay.model import facts as facts_mod
from relay.model.message import parse
from relay.model.types import Envelope, Language, OrderContext, RelayConfig, RuleContext
from relay.policy import Policy
from relay.rules import REGISTRY
from relay.rules.language import LanguageOptions
from relay.verdict import Finding, Severity, Verdict
from tests.conftest import BUYER, NOW, SELLER, JudgeFn, default_order, make_message

ORDER_ID = "302-1234567-1234567"

ENGLISH = (
    "Hello, thank you for your order. We wanted to let you know that the replacement part you "
    "asked about has been packed today and will be handed to the carrier tomorrow morning, so "
    "it should reach you within two working days."
)
GERMAN = (
    "Hallo, vielen Dank für Ihre Nachricht. Das Ersatzteil, nach dem Sie gefragt haben, wurde "
    "heute verpackt und wird morgen früh an den Paketdienst übergeben. Es sollte Sie innerhalb "
    "von zwei Werktagen erreichen."
)
FRENCH = (
    "Bonjour, merci pour votre message. La pièce de rechange que vous avez demandée a été "
    "emballée aujourd'hui et sera remise au transporteur demain matin. Elle devrait vous "
    "parvenir sous deux jours ouvrés."
)
JAPANESE = (
    "お問い合わせいただきありがとうございます。ご依頼の交換部品は本日梱包し、明日の朝に配送業者へ"
    "お渡しいたします。二営業日以内にお届けできる見込みです。"
)


def lng(verdict: Verdict) -> list[Finding]:
    return [f for f in verdict.findings if f.code == "LNG001"]


def judge_text(
    judge_raw: JudgeFn,
    body: str,
    *,
    subject: str = f"Bestellung {ORDER_ID}",
    to: str = BUYER,
    headers: dict[str, str] | None = None,
    **order_changes: Any,
) -> list[Finding]:
    order = default_order(buyer_email=to, **order_changes)
    raw = make_message(body, subject=subject, to=to, headers=headers)
    verdict = judge_raw(raw, rcpt=(to,), orders=OrderContext(order_id=ORDER_ID, order=order))
    return lng(verdict)


# -- the three cases of the issue ---------------------------------------------------------


def test_german_buyer_getting_english_text_is_refused(judge_raw: JudgeFn) -> None:
    findings = judge_text(judge_raw, ENGLISH, subject=f"Your order {ORDER_ID}")
    assert [f.severity for f in findings] == [Severity.REJECT]
    assert findings[0].evidence.startswith("detected en (p=")
    assert "buyer reads de" in findings[0].message


def test_german_buyer_getting_german_text_passes(judge_raw: JudgeFn) -> None:
    assert judge_text(judge_raw, GERMAN) == []


def test_one_line_danke_only_warns(judge_raw: JudgeFn) -> None:
    findings = judge_text(judge_raw, "Danke!", subject=f"Re: {ORDER_ID}")
    assert [f.severity for f in findings] == [Severity.WARN]
    assert "short or unsure" in findings[0].message


# -- the buyer's language --------------------------------------------------------------------


def test_short_english_text_to_german_buyer_only_warns(judge_raw: JudgeFn) -> None:
    findings = judge_text(
        judge_raw, "Your parcel arrives tomorrow morning.", subject=f"Order {ORDER_ID}"
    )
    assert [f.severity for f in findings] == [Severity.WARN]


def test_order_locale_wins_over_marketplace(judge_raw: JudgeFn) -> None:
    # An English-speaking buyer on amazon.de (buyer_locale en-GB) gets English.
    assert judge_text(judge_raw, ENGLISH, subject=f"Order {ORDER_ID}", buyer_locale="en-GB") == []
    findings = judge_text(judge_raw, GERMAN, buyer_locale="en-GB")
    assert [f.severity for f in findings] == [Severity.REJECT]


def test_marketplace_language_when_locale_unknown(judge_raw: JudgeFn) -> None:
    alias = "f7g8h9j0k1@marketplace.amazon.fr"
    fr: dict[str, Any] = {"to": alias, "marketplace": "amazon.fr", "buyer_locale": None}
    assert judge_text(judge_raw, FRENCH, subject=f"Commande {ORDER_ID}", **fr) == []
    findings = judge_text(judge_raw, GERMAN, **fr)
    assert [f.severity for f in findings] == [Severity.REJECT]
    assert "buyer reads fr" in findings[0].message


ARABIC = (
    "مرحبا، شكرا على رسالتك. تم تغليف قطعة الغيار التي سألت عنها اليوم وسيتم تسليمها إلى شركة "
    "الشحن صباح الغد، ومن المتوقع أن تصلك خلال يومي عمل. نعتذر عن التأخير ونشكرك على صبرك "
    "وتفهمك لهذا الأمر."
)
DUTCH = (
    "Hallo, bedankt voor uw bericht. Het reserveonderdeel waar u naar vroeg is vandaag verpakt "
    "en wordt morgenochtend aan de vervoerder meegegeven. Het zou u binnen twee werkdagen moeten "
    "bereiken."
)


def test_new_marketplaces_read_their_own_language(judge_raw: JudgeFn) -> None:
    for alias, market, text in (
        ("a1b2c3@marketplace.amazon.sa", "amazon.sa", ARABIC),
        ("a1b2c3@marketplace.amazon.nl", "amazon.nl", DUTCH),
    ):
        changes: dict[str, Any] = {"to": alias, "marketplace": market, "buyer_locale": None}
        assert judge_text(judge_raw, text, subject=f"{ORDER_ID}", **changes) == []
        findings = judge_text(judge_raw, ENGLISH, subject=f"{ORDER_ID}", **changes)
        assert [f.severity for f in findings] == [Severity.REJECT], market


def test_second_marketplace_language_when_locale_unknown(judge_raw: JudgeFn) -> None:
    # amazon.ae speaks English and Arabic, amazon.com.be French and Dutch.
    ae: dict[str, Any] = {"to": "q1w2e3@marketplace.amazon.ae", "marketplace": "amazon.ae"}
    assert judge_text(judge_raw, ARABIC, subject=ORDER_ID, buyer_locale=None, **ae) == []
    assert judge_text(judge_raw, ENGLISH, subject=ORDER_ID, buyer_locale=None, **ae) == []
    be: dict[str, Any] = {"to": "q1w2e3@marketplace.amazon.com.be", "marketplace": "amazon.com.be"}
    assert judge_text(judge_raw, DUTCH, subject=ORDER_ID, buyer_locale=None, **be) == []
    # A known locale still decides alone.
    findings = judge_text(judge_raw, ARABIC, subject=ORDER_ID, buyer_locale="en-AE", **ae)
    assert [f.severity for f in findings] == [Severity.REJECT]


def test_marketplace_language_without_any_order(judge_raw: JudgeFn) -> None:
    alias = "f7g8h9j0k1@marketplace.amazon.fr"
    raw = make_message(GERMAN, subject=f"Bestellung {ORDER_ID}", to=alias)
    verdict = judge_raw(raw, rcpt=(alias,), orders=OrderContext(order_id=ORDER_ID, order=None))
    assert [f.severity for f in lng(verdict)] == [Severity.REJECT]


def test_japanese(judge_raw: JudgeFn) -> None:
    alias = "q2w3e4r5t6@marketplace.amazon.co.jp"
    jp: dict[str, Any] = {"to": alias, "marketplace": "amazon.co.jp", "buyer_locale": "ja-JP"}
    assert judge_text(judge_raw, JAPANESE, subject=f"ご注文 {ORDER_ID}", **jp) == []
    findings = judge_text(judge_raw, ENGLISH, subject=f"Order {ORDER_ID}", **jp)
    assert [f.severity for f in findings] == [Severity.REJECT]


def test_quoted_buyer_text_is_not_judged(judge_raw: JudgeFn) -> None:
    body = (
        "Hallo, vielen Dank für Ihre Nachricht. Das Ersatzteil ist heute verpackt worden und "
        "geht morgen früh an den Paketdienst, es sollte in zwei Werktagen bei Ihnen sein.\n\n"
        "On Tue, 17 Nov 2026 at 10:12, Buyer <a1b2c3d4e5@marketplace.amazon.de> wrote:\n"
        f"> {ENGLISH}\n> {ENGLISH}\n"
    )
    findings = judge_text(
        judge_raw,
        body,
        subject=f"Re: Bestellung {ORDER_ID}",
        headers={"In-Reply-To": "<q@marketplace.amazon.de>"},
    )
    assert findings == []


# -- the decision itself, on given facts -------------------------------------------------------


def run(policy: Policy, language: Language, **changes: Any) -> list[Finding]:
    message = parse(make_message(GERMAN))
    envelope = Envelope(SELLER, (BUYER,))
    derived = facts_mod.derive(message, envelope, policy, default_order())
    facts = dataclasses.replace(derived, language=language, **changes)
    ctx = RuleContext(
        message=message,
        envelope=envelope,
        policy=policy,
        config=RelayConfig(approved_senders=(SELLER,)),
        facts=facts,
        orders=OrderContext(order_id=ORDER_ID, order=default_order()),
        now=NOW,
    )
    return list(REGISTRY["LNG001"].check(ctx))


def test_confident_long_and_different_rejects(policy: Policy) -> None:
    assert [f.severity for f in run(policy, Language("en", 0.99, 40))] == [Severity.REJECT]


def test_unsure_detection_only_warns(policy: Policy) -> None:
    # Mixed text: the detector's best guess is weak.
    assert [f.severity for f in run(policy, Language("en", 0.6, 80))] == [Severity.WARN]


def test_short_text_threshold_is_inclusive(policy: Policy) -> None:
    assert [f.severity for f in run(policy, Language("en", 0.99, 20))] == [Severity.WARN]
    assert [f.severity for f in run(policy, Language("en", 0.99, 21))] == [Severity.REJECT]


def test_undetectable_text_warns(policy: Policy) -> None:
    findings = run(policy, Language(None, 0.0, 3))
    assert [f.severity for f in findings] == [Severity.WARN]
    assert findings[0].evidence


def test_nothing_to_judge(policy: Policy) -> None:
    assert run(policy, Language(None, 0.0, 0)) == []  # no words at all
    assert run(policy, Language("en", 0.99, 40), buyer_language=None) == []  # unknown buyer
    assert run(policy, Language("en", 0.99, 40), buyer_alias=None) == []  # pass-through
    assert run(policy, Language("de", 0.99, 40)) == []


def test_same_language_codes(policy: Policy) -> None:
    assert run(policy, Language("nb", 0.99, 40), buyer_language="no") == []
    assert run(policy, Language("de", 0.99, 40), buyer_language="de-AT") == []


def test_thresholds_are_policy_data(policy: Policy) -> None:
    data = dict(policy.options)
    data["language"] = LanguageOptions(short_words=50, min_probability=0.5)
    lenient = dataclasses.replace(policy, options=data, _matchers={})
    assert [f.severity for f in run(lenient, Language("en", 0.99, 40))] == [Severity.WARN]
    assert [f.severity for f in run(lenient, Language("en", 0.6, 80))] == [Severity.REJECT]
