"""CNT001-CNT012: purpose and content, in six languages, through the real pipeline."""

from __future__ import annotations

import pytest

from relay.model.locate import DerivedText
from relay.model.message import parse
from relay.model.types import Envelope, OrderContext, RelayConfig, RuleContext
from relay.pipeline import judge
from relay.policy import Policy
from relay.rules.content import scan_text
from relay.verdict import Severity, Verdict, Where
from tests.conftest import BUYER, NOW, SELLER, JudgeFn, default_order, make_message

ORDER = "302-1234567-1234567"
REPLY = {"In-Reply-To": "<buyer-question-1@marketplace.amazon.de>"}
LOCALES = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "it": "it-IT", "es": "es-ES", "ja": "ja-JP"}


def run(
    judge_raw: JudgeFn,
    body: str,
    *,
    subject: str = f"Order {ORDER}",
    reply: bool = False,
    lang: str = "en",
    html: str | None = None,
) -> Verdict:
    raw = make_message(body, subject=subject, headers=REPLY if reply else None, html=html)
    orders = OrderContext(order_id=ORDER, order=default_order(buyer_locale=LOCALES[lang]))
    return judge_raw(raw, orders=orders)


def cnt(verdict: Verdict) -> set[str]:
    return {f.code for f in verdict.findings if f.code.startswith("CNT")}


def severity(verdict: Verdict, code: str) -> set[Severity]:
    return {f.severity for f in verdict.findings if f.code == code}


def context(policy: Policy, body: str, *, reply: bool = False) -> RuleContext:
    raw = make_message(body, subject=f"Order {ORDER}", headers=REPLY if reply else None)
    orders = OrderContext(order_id=ORDER, order=default_order(buyer_locale="en-GB"))
    ctx, _verdict, _forward = judge(
        parse(raw),
        Envelope(SELLER, (BUYER,)),
        policy,
        RelayConfig(approved_senders=(SELLER,)),
        orders,
        NOW,
    )
    return ctx


# (language, subject or None, body, is reply, the CNT codes expected)
CASES: list[tuple[str, str | None, str, bool, set[str]]] = [
    # CNT001
    (
        "en",
        None,
        f"Good news: your order {ORDER} has been shipped and arrives Friday.",
        False,
        {"CNT001"},
    ),
    (
        "en",
        None,
        "Your order has not been shipped yet because the lid is out of stock.",
        False,
        set(),
    ),
    (
        "de",
        None,
        f"Ihre Bestellung {ORDER} wurde heute versandt und ist unterwegs.",
        False,
        {"CNT001"},
    ),
    ("fr", None, "Votre commande a été expédiée ce matin et arrivera jeudi.", False, {"CNT001"}),
    ("it", None, "Il suo ordine è stato spedito oggi con il corriere.", False, {"CNT001"}),
    ("es", None, "Su pedido ha sido enviado hoy y llegará el jueves.", False, {"CNT001"}),
    ("ja", None, "ご注文の商品を本日発送いたしました。", False, {"CNT001"}),
    # CNT002
    (
        "en",
        None,
        "Thank you for your purchase! We hope you enjoy it. Best regards, Anna",
        False,
        {"CNT002"},
    ),
    (
        "de",
        None,
        "Vielen Dank für Ihre Bestellung! Viel Freude damit wünscht Ihr Team",
        False,
        {"CNT002"},
    ),
    (
        "en",
        None,
        "Thank you for your order. Which engraving text would you like on the lid?",
        False,
        set(),
    ),
    ("en", None, "Thank you for your order, it was a pleasure.", True, set()),
    # CNT003
    (
        "en",
        None,
        "Your invoice is attached. If you have any questions, do not hesitate to contact us.",
        False,
        {"CNT003"},
    ),
    ("de", None, "Anbei Ihre Rechnung. Zögern Sie nicht, uns zu kontaktieren.", False, {"CNT003"}),
    (
        "fr",
        None,
        "Veuillez trouver votre facture. N'hésitez pas à nous contacter.",
        False,
        {"CNT003"},
    ),
    (
        "it",
        None,
        "In allegato la fattura. Per qualsiasi domanda restiamo a disposizione.",
        False,
        {"CNT003"},
    ),
    ("es", None, "Adjuntamos la factura. No dude en contactarnos.", False, {"CNT003"}),
    (
        "ja",
        None,
        "請求書を添付いたします。ご不明な点がございましたらお気軽にお問い合わせください。",
        False,
        {"CNT003"},
    ),
    (
        "en",
        None,
        "Please share your experience with the product. If you are not satisfied, "
        "contact us first.",
        False,
        {"CNT003"},
    ),
    # CNT004
    (
        "en",
        None,
        "Your invoice is attached. Use code SAVE10 for 10% off your next order and "
        "follow us on Instagram.",
        False,
        {"CNT004"},
    ),
    (
        "en",
        None,
        "We do not offer discount codes or coupons. Your refund has been issued.",
        False,
        set(),
    ),
    (
        "de",
        None,
        "Rabattcodes bieten wir leider nicht an. Die Rücksendung ist angekommen.",
        False,
        set(),
    ),
    (
        "de",
        None,
        "Die Rechnung liegt bei. Mit dem Gutscheincode WINTER sparen Sie 15 %.",
        False,
        {"CNT004"},
    ),
    (
        "fr",
        None,
        "Nous ne proposons pas de code promo. Votre remboursement est en cours.",
        False,
        set(),
    ),
    ("it", None, "Non offriamo codici sconto. Il rimborso è stato emesso.", False, set()),
    ("es", None, "No ofrecemos cupones. El reembolso ya está en camino.", False, set()),
    ("ja", None, "返品を承りました。クーポンの配布は行っておりません。", False, set()),
    ("ja", None, "返品を承りました。次回使える10%オフクーポンをお送りします。", False, {"CNT004"}),
    # CNT005
    ("en", None, "Please leave us a 5-star review for your new kettle.", False, {"CNT005"}),
    ("en", None, "If you are happy with the kettle, please leave a review.", False, {"CNT005"}),
    ("en", None, "Leave a review and we will send you a $10 gift card.", False, {"CNT005"}),
    ("en", None, "Would you take a moment to share your experience with the kettle?", False, set()),
    (
        "de",
        None,
        "Wenn Sie zufrieden sind, würden wir uns über eine Bewertung freuen.",
        False,
        {"CNT005"},
    ),
    ("fr", None, "Laissez-nous un avis 5 étoiles sur Amazon, merci beaucoup.", False, {"CNT005"}),
    ("it", None, "Ci lasci una recensione a cinque stelle per la caffettiera.", False, {"CNT005"}),
    ("es", None, "Le enviaremos un cheque regalo a cambio de su reseña.", False, {"CNT005"}),
    ("ja", None, "星5のレビューをお願いいたします。", False, {"CNT005"}),
    ("ja", None, "ご満足いただけましたら、レビューをお願いいたします。", False, {"CNT005"}),
    ("ja", None, "商品のレビューにご協力をお願いできませんでしょうか。", False, set()),
    ("en", None, "Thank you for your positive feedback, it made our day.", True, set()),
    # CNT006
    (
        "en",
        None,
        "We have refunded you. Could you please remove your 1-star review?",
        False,
        {"CNT006"},
    ),
    (
        "de",
        None,
        "Wir haben erstattet. Bitte löschen Sie Ihre negative Bewertung.",
        False,
        {"CNT006"},
    ),
    (
        "fr",
        None,
        "Nous vous avons remboursé. Pourriez-vous modifier votre avis ?",
        False,
        {"CNT006"},
    ),
    (
        "ja",
        None,
        "返金いたしました。レビューを削除していただけませんでしょうか。",
        False,
        {"CNT006"},
    ),
    # CNT007
    (
        "en",
        None,
        "About your return: next time order directly from our website.",
        False,
        {"CNT007"},
    ),
    (
        "es",
        None,
        "Sobre la devolución: compre en nuestra tienda online la próxima vez.",
        False,
        {"CNT007"},
    ),
    ("de", None, "Die Gravur erfolgt direkt bei uns in der Werkstatt.", False, set()),
    # CNT008
    (
        "en",
        None,
        "Your invoice is attached. To stop receiving these emails, reply STOP.",
        False,
        {"CNT008"},
    ),
    (
        "fr",
        None,
        "Votre facture est jointe. Pour vous désinscrire, répondez STOP.",
        False,
        {"CNT008"},
    ),
    # CNT009
    (
        "en",
        f"[Important] How do you like your kettle? {ORDER}",
        "Would you share your experience with the kettle in a review?",
        False,
        {"CNT009"},
    ),
    (
        "en",
        f"[Important] Shipping address incomplete for {ORDER}",
        "The shipping address is missing the house number, please send it.",
        False,
        set(),
    ),
    (
        "de",
        f"[Wichtig] Ihre Meinung zu {ORDER}",
        "Würden Sie eine Bewertung für den Wasserkocher abgeben?",
        False,
        {"CNT009"},
    ),
    (
        "ja",
        f"【重要】ご注文 {ORDER} について",
        "商品のレビューにご協力をお願いできませんでしょうか。",
        False,
        {"CNT009"},
    ),
    # CNT010
    (
        "en",
        None,
        "The kettle is out of stock, please cancel the order on your side.",
        False,
        {"CNT010"},
    ),
    ("en", None, "The kettle is delayed. There is no need to cancel your order.", False, set()),
    ("es", None, "El producto está agotado, por favor cancele el pedido.", False, {"CNT010"}),
    (
        "ja",
        None,
        "在庫切れのため、ご注文をキャンセルしていただけませんでしょうか。",
        False,
        {"CNT010"},
    ),
    # CNT011
    ("en", None, "Stop sending us this bullshit about the refund.", True, {"CNT011"}),
    ("de", None, "Sie sind ein Idiot, die Rücksendung ist abgelehnt.", True, {"CNT011"}),
    ("it", None, "Il reso è stato rifiutato, vaffanculo.", True, {"CNT011"}),
    # CNT012
    ("en", None, "Hello from the team! We hope you have a wonderful autumn.", False, {"CNT012"}),
    ("en", None, "Hello from the team! We hope you have a wonderful autumn.", True, set()),
    ("de", None, "Ihre Bestellung verzögert sich wegen eines Streiks um zwei Tage.", False, set()),
]


@pytest.mark.parametrize(
    ("lang", "subject", "body", "reply", "expected"),
    CASES,
    ids=[f"{c[0]}-{i}-{'+'.join(sorted(c[4])) or 'clean'}" for i, c in enumerate(CASES)],
)
def test_content_rules(
    judge_raw: JudgeFn,
    lang: str,
    subject: str | None,
    body: str,
    reply: bool,
    expected: set[str],
) -> None:
    verdict = run(judge_raw, body, subject=subject or f"Order {ORDER}", reply=reply, lang=lang)
    assert cnt(verdict) == expected, [(f.code, f.evidence) for f in verdict.findings]


def test_contact_offer_in_a_reply_is_a_warning(judge_raw: JudgeFn) -> None:
    verdict = run(
        judge_raw, "The replacement ships Monday. Let me know if you need anything.", reply=True
    )
    assert severity(verdict, "CNT003") == {Severity.WARN}
    proactive = run(judge_raw, "The replacement ships Monday. Let me know if you need anything.")
    assert severity(proactive, "CNT003") == {Severity.REJECT}


def test_steering_before_a_review_is_refused_even_in_a_reply(judge_raw: JudgeFn) -> None:
    verdict = run(
        judge_raw, "Sorry about the lid. Please contact us before leaving a review.", reply=True
    )
    assert severity(verdict, "CNT003") == {Severity.REJECT}


def test_confirmation_in_a_reply_is_a_warning(judge_raw: JudgeFn) -> None:
    verdict = run(judge_raw, f"Your order {ORDER} has been shipped yesterday.", reply=True)
    assert severity(verdict, "CNT001") == {Severity.WARN}


def test_severities_of_hold_rules(judge_raw: JudgeFn) -> None:
    verdict = run(judge_raw, "The kettle is out of stock, please cancel the order.")
    assert severity(verdict, "CNT010") == {Severity.HOLD}
    verdict = run(judge_raw, "Hello from the team! We hope you have a wonderful autumn.")
    assert severity(verdict, "CNT012") == {Severity.HOLD}


def test_quoted_buyer_words_are_not_judged(judge_raw: JudgeFn) -> None:
    body = (
        "Hello, the replacement lid ships on Monday.\n\n"
        "On Tue, 17 Nov 2026 at 10:00, Buyer <a1b2c3d4e5@marketplace.amazon.de> wrote:\n"
        "> Can I get a discount code? I will leave a 5-star review and remove my 1-star review.\n"
        "> Follow us on Instagram, unsubscribe, bullshit.\n"
    )
    verdict = run(judge_raw, body, reply=True)
    assert cnt(verdict) == set(), [(f.code, f.evidence) for f in verdict.findings]


def test_quoted_html_is_not_judged(judge_raw: JudgeFn) -> None:
    html = (
        "<div>The replacement lid ships on Monday.</div>"
        '<div class="gmail_quote"><blockquote>Please give me a coupon code and I will leave a '
        "5-star review.</blockquote></div>"
    )
    raw = make_message("", subject=f"Re: Order {ORDER}", headers=REPLY, html=html)
    # The plain part is empty here only to force the HTML path; judge the HTML alone.
    message = parse(raw.replace(b"Content-Type: text/plain", b"Content-Type: text/x-none"))
    assert "coupon" not in message.visible_text
    verdict = judge_raw(message.raw)
    assert cnt(verdict) == set(), [(f.code, f.evidence) for f in verdict.findings]


def test_review_request_fact_is_precise(policy: Policy) -> None:
    def is_request(body: str) -> bool:
        return context(policy, body).facts.is_review_request

    assert is_request("Would you leave a review of the kettle on Amazon?")
    assert is_request("Würden Sie eine Bewertung für den Wasserkocher abgeben?")
    assert is_request("Pourriez-vous laisser un avis sur la bouilloire ?")
    assert is_request("Potrebbe lasciare una recensione sul bollitore?")
    assert is_request("¿Podría dejar una reseña del hervidor?")
    assert is_request("商品のレビューにご協力をお願いできませんでしょうか。")
    assert not is_request("We will review your request and come back to you.")
    assert not is_request("Thank you for your feedback about the sizing.")
    assert not is_request("Wir prüfen Ihre Bewertung und melden uns.")
    assert not is_request("À votre avis, quelle taille convient le mieux ?")
    assert not is_request("In our opinion the lid fits both sizes.")
    assert not is_request("お客様のレビューを拝見いたしました。")


def test_findings_carry_the_original_words_as_evidence(judge_raw: JudgeFn) -> None:
    verdict = run(
        judge_raw, "Anbei Ihre Rechnung. Zögern Sie nicht, uns zu kontaktieren.", lang="de"
    )
    evidence = [f.evidence for f in verdict.findings if f.code == "CNT003"]
    assert evidence and "Zögern Sie nicht" in evidence[0]
    verdict = run(
        judge_raw, "返品を承りました。次回使える10%オフクーポンをお送りします。", lang="ja"
    )
    evidence = [f.evidence for f in verdict.findings if f.code == "CNT004"]
    assert evidence and all(f.message for f in verdict.findings)
    assert any("クーポン" in e for e in evidence)


def test_english_phrase_inside_another_language_is_found(judge_raw: JudgeFn) -> None:
    verdict = run(
        judge_raw, "Anbei Ihre Rechnung zur Bestellung. Follow us on Instagram!", lang="de"
    )
    assert "CNT004" in cnt(verdict)


def test_scan_text_runs_named_checks_over_any_text(policy: Policy) -> None:
    ctx = context(policy, "Your invoice for the order is attached.")
    text = "INVOICE\nUse code SAVE10 for 10% off. Leave a 5-star review and get a gift card."
    view = DerivedText.whole(text, Where.ATTACHMENT_TEXT)
    findings = list(scan_text(ctx, view, frozenset({"CNT004", "CNT005"})))
    assert {f.code for f in findings} == {"CNT004", "CNT005"}
    assert {s.quote for f in findings for s in f.spans} >= {"10% off", "5-star review"}
    assert all(text[s.start : s.end] == s.quote for f in findings for s in f.spans)
    only = {f.code for f in scan_text(ctx, view, frozenset({"CNT004"}))}
    assert only == {"CNT004"}
    clean = DerivedText.whole("Invoice 2026-0042, total 39.90 EUR", Where.ATTACHMENT_TEXT)
    assert list(scan_text(ctx, clean, frozenset({"CNT004"}))) == []
    empty = DerivedText.whole("", Where.ATTACHMENT_TEXT)
    assert list(scan_text(ctx, empty, frozenset({"CNT004"}))) == []
    # message-level rules are not text checks
    thanks = DerivedText.whole("Thank you for your order", Where.ATTACHMENT_TEXT)
    assert list(scan_text(ctx, thanks, frozenset({"CNT002", "CNT012"}))) == []


def test_findings_per_rule_are_capped(judge_raw: JudgeFn) -> None:
    body = (
        "Invoice attached. Coupon SAVE1. Newsletter. Follow us. Black Friday. "
        "Our new collection. Referral bonus."
    )
    verdict = run(judge_raw, body)
    assert len([f for f in verdict.findings if f.code == "CNT004"]) == 3


def test_rules_are_documented() -> None:
    from relay.rules import REGISTRY

    for number in range(1, 13):
        spec = REGISTRY[f"CNT{number:03d}"]
        assert "Compliant:" in spec.doc and "Non-compliant:" in spec.doc, spec.code


LANGUAGES = ("de", "en", "es", "fr", "it", "ja")
CATEGORIES = (
    "review_request",
    "critical",
    "confirmation",
    "thanks",
    "contact_offer",
    "review_steering",
    "marketing",
    "review_positive",
    "review_biased",
    "review_condition",
    "review_incentive",
    "review_mention",
    "review_change",
    "off_amazon",
    "unsubscribe",
    "important_tag",
    "cancel_request",
    "offensive",
    "purpose",
)


def test_every_language_has_every_category(policy: Policy) -> None:
    for language in LANGUAGES:
        for category in CATEGORIES:
            assert policy.phrase_list(language, category), (language, category)


def _sample(phrase: str) -> str:
    """A text the phrase must match: gaps closed, wildcards dropped, numbers filled in."""
    words = [w for w in phrase.split(" ") if w != "..."]
    words = ["save10" if w == "%code%" else w for w in words]
    return " ".join(w.strip("*").replace("#", "5") for w in words)


def test_every_phrase_matches_its_own_words(policy: Policy) -> None:
    from relay.model.phrases import PhraseMatcher, normalize

    dead = []
    for language in LANGUAGES:
        for category in CATEGORIES:
            for phrase in policy.phrase_list(language, category):
                for word in phrase.split(" "):
                    assert "*" not in word.strip("*"), f"{language}.{category}: {phrase!r}"
                matcher = PhraseMatcher(language, [phrase])
                if not list(matcher.finditer(normalize(_sample(phrase)))):
                    dead.append((language, category, phrase))
    assert dead == []


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        ("fr", "Votre facture est disponible. Commandez directement sur notre site web.", "CNT007"),
        ("it", "La fattura è disponibile. Può pagare anche con PayPal.", "CNT007"),
        ("ja", "領収書をお送りします。次回は当店の公式サイトから直接ご購入ください。", "CNT007"),
        ("de", "Ihre Rechnung liegt bei. Vom Newsletter abmelden können Sie hier.", "CNT008"),
        ("it", "La fattura è disponibile. Per disiscriversi risponda STOP.", "CNT008"),
        ("es", "Su factura está disponible. Para darse de baja responda BAJA.", "CNT008"),
        ("ja", "領収書をお送りします。メール配信停止をご希望の方はご返信ください。", "CNT008"),
        ("fr", "Votre retour est refusé, espèce de connard.", "CNT011"),
        ("es", "Su devolución está rechazada, gilipollas.", "CNT011"),
        ("ja", "返品はお受けできません。ふざけるな。", "CNT011"),
        ("fr", "Merci pour votre achat ! Profitez bien de votre lampe.", "CNT002"),
        ("it", "Grazie per il suo acquisto! Buona giornata da tutto il team.", "CNT002"),
        ("es", "¡Gracias por su compra! Que tenga un buen día.", "CNT002"),
        ("ja", "この度はお買い上げいただき、誠にありがとうございます。", "CNT002"),
        ("fr", "Bonjour ! Toute l'équipe vous souhaite un bel automne.", "CNT012"),
        ("ja", "秋も深まってまいりました。皆様いかがお過ごしでしょうか。", "CNT012"),
        ("it", "Potrebbe annullare l'ordine? Il prodotto è esaurito.", "CNT010"),
        ("fr", "Le produit est en rupture de stock, veuillez annuler la commande.", "CNT010"),
        ("it", "Abbiamo rimborsato. Può rimuovere la sua recensione negativa?", "CNT006"),
        ("es", "Hemos reembolsado el importe. ¿Podría eliminar su reseña?", "CNT006"),
    ],
)
def test_more_languages(judge_raw: JudgeFn, lang: str, body: str, expected: str) -> None:
    verdict = run(judge_raw, body, lang=lang)
    assert expected in cnt(verdict), [(f.code, f.evidence) for f in verdict.findings]


# Phrase-level expectations: "cat" must be found, "-cat" must not (negations, near misses).
PROBES: list[tuple[str, str, str]] = [
    (
        "en",
        "review_request",
        "We hope you're enjoying your purchase! Would you mind leaving us a review?",
    ),
    (
        "en",
        "review_request,review_positive",
        "If so, would you mind leaving us a positive review on Amazon?",
    ),
    (
        "en",
        "review_request",
        "Your feedback matters! Please take a minute to review your recent purchase.",
    ),
    (
        "en",
        "review_request",
        "We'd love to hear what you think – could you spare a moment to write a product review?",
    ),
    ("en", "review_request", "Please consider leaving seller feedback for this order."),
    ("en", "-review_request", "We will review your request within 24 hours."),
    ("en", "-review_request", "Thanks for your feedback about the size."),
    ("en", "contact_offer", "Should you have any questions, simply reply to this message."),
    (
        "en",
        "contact_offer",
        "Please don't hesitate to reach out if there's anything else we can do.",
    ),
    ("en", "contact_offer", "If there is any issue with your order, please let us know."),
    ("en", "contact_offer", "We're always here to help if you need anything."),
    (
        "en",
        "review_steering",
        "If you're not 100% satisfied, please message us before leaving feedback.",
    ),
    (
        "en",
        "review_steering",
        "Please reach out to us first so we can make things right before you leave a review.",
    ),
    ("en", "marketing", "Check out our other products in our Amazon storefront."),
    ("en", "marketing", "Get 20% off your next purchase with code THANKS20."),
    ("en", "marketing", "Join our VIP club for exclusive deals."),
    ("en", "-marketing", "We don't offer discount codes."),
    ("en", "-marketing", "Unfortunately we cannot offer a discount or coupon for this order."),
    ("en", "confirmation", "Your package has been shipped and is on its way."),
    ("en", "confirmation", "Great news – your item is now on its way to you!"),
    ("en", "confirmation", "We're happy to let you know that your order has been dispatched."),
    ("en", "-confirmation", "Your order has not been dispatched yet."),
    (
        "en",
        "review_change",
        "Would you consider updating your review now that the issue is resolved?",
    ),
    ("en", "review_change", "We kindly ask you to revise your feedback."),
    ("en", "off_amazon", "You can also buy it on our website for less."),
    ("en", "off_amazon", "Please send the payment via PayPal to our account."),
    ("en", "cancel_request", "Could you please cancel the order so we can refund you?"),
    ("en", "-cancel_request", "You don't need to cancel the order."),
    ("en", "unsubscribe", "Click here to unsubscribe from future emails."),
    ("en", "offensive", "This is fucking ridiculous."),
    (
        "de",
        "review_request",
        "Wir würden uns sehr freuen, wenn Sie sich kurz Zeit nehmen, den Artikel zu bewerten.",
    ),
    ("de", "review_request", "Über eine Bewertung bei Amazon würden wir uns sehr freuen."),
    ("de", "review_request", "Könnten Sie uns eine kurze Rezension schreiben?"),
    ("de", "review_request", "Bitte hinterlassen Sie eine Bewertung für den Artikel."),
    ("de", "-review_request", "Wir haben Ihre Bewertung gelesen und melden uns."),
    ("de", "review_positive,review_request", "Wir würden uns über eine positive Bewertung freuen."),
    ("de", "contact_offer", "Sollten Sie Fragen haben, melden Sie sich gerne bei uns."),
    ("de", "contact_offer", "Bei Problemen können Sie sich jederzeit an uns wenden."),
    ("de", "contact_offer", "Falls etwas nicht in Ordnung ist, schreiben Sie uns einfach."),
    (
        "de",
        "review_steering",
        "Bevor Sie eine negative Bewertung abgeben, kontaktieren Sie uns bitte.",
    ),
    (
        "de",
        "review_steering",
        "Bitte kontaktieren Sie uns zuerst, bevor Sie eine Bewertung schreiben.",
    ),
    (
        "de",
        "marketing",
        "Mit dem Code WINTER20 erhalten Sie 20 % Rabatt auf Ihre nächste Bestellung.",
    ),
    ("de", "marketing", "Schauen Sie sich auch unsere anderen Produkte an."),
    ("de", "-marketing", "Wir bieten keine Rabatte oder Gutscheine an."),
    ("de", "-marketing", "Einen Rabatt können wir Ihnen leider nicht gewähren."),
    ("de", "confirmation", "Ihr Paket wurde heute versendet."),
    ("de", "confirmation", "Wir haben Ihre Bestellung heute verschickt."),
    ("de", "confirmation", "Ihre Bestellung wurde soeben an DHL übergeben."),
    ("de", "-confirmation", "Ihre Bestellung wurde noch nicht versandt."),
    ("de", "review_change", "Könnten Sie Ihre Bewertung bitte anpassen?"),
    ("de", "review_change", "Wir bitten Sie, die negative Bewertung zu entfernen."),
    ("de", "off_amazon", "Sie können den Artikel auch direkt in unserem Webshop kaufen."),
    ("de", "off_amazon", "Bitte überweisen Sie den Betrag per PayPal."),
    ("de", "cancel_request", "Bitte stornieren Sie die Bestellung in Ihrem Konto."),
    ("de", "cancel_request", "Wir bitten Sie, die Bestellung zu stornieren."),
    ("de", "-cancel_request", "Sie müssen die Bestellung nicht stornieren."),
    ("de", "unsubscribe", "Wenn Sie keine weiteren E-Mails erhalten möchten, klicken Sie hier."),
    ("de", "offensive", "Das ist doch Scheiße."),
    ("de", "thanks", "Herzlichen Dank für Ihren Einkauf bei uns!"),
    (
        "fr",
        "review_request",
        "Pourriez-vous prendre un instant pour laisser un commentaire sur le produit ?",
    ),
    (
        "fr",
        "review_request",
        "Votre avis nous intéresse : n'hésitez pas à évaluer votre achat sur Amazon.",
    ),
    ("fr", "review_request", "Nous serions ravis de connaître votre avis sur Amazon."),
    ("fr", "-review_request", "À votre avis, quelle couleur préférez-vous ?"),
    ("fr", "contact_offer", "Si vous avez un souci, contactez-nous."),
    (
        "fr",
        "contact_offer",
        "Nous restons à votre disposition pour toute information complémentaire.",
    ),
    ("fr", "review_steering", "Avant de laisser une évaluation négative, merci de nous contacter."),
    ("fr", "marketing", "Profitez de 10 % de réduction avec le code MERCI10."),
    ("fr", "-marketing", "Nous ne faisons pas de codes promo."),
    ("fr", "confirmation", "Votre colis a été expédié aujourd'hui."),
    (
        "fr",
        "confirmation",
        "Nous avons le plaisir de vous informer que votre commande a été expédiée.",
    ),
    ("fr", "-confirmation", "Votre commande n'a pas encore été expédiée."),
    ("fr", "review_change", "Pourriez-vous retirer votre commentaire négatif ?"),
    ("fr", "off_amazon", "Vous pouvez aussi commander directement sur notre site internet."),
    ("fr", "cancel_request", "Merci d'annuler votre commande depuis votre compte."),
    ("fr", "-cancel_request", "Vous n'avez pas besoin d'annuler la commande."),
    ("fr", "thanks", "Merci beaucoup pour votre achat !"),
    ("it", "review_request", "Le saremmo grati se volesse lasciarci un feedback."),
    (
        "it",
        "review_request",
        "Ci farebbe piacere se potesse scrivere una breve recensione su Amazon.",
    ),
    ("it", "review_request", "Può valutare il prodotto su Amazon?"),
    ("it", "contact_offer", "Per qualsiasi necessità non esiti a contattarci."),
    ("it", "contact_offer", "Se ha bisogno di ulteriori informazioni, siamo a sua disposizione."),
    ("it", "review_steering", "Prima di lasciare una recensione negativa, ci contatti."),
    ("it", "marketing", "Approfitti del 15% di sconto sul prossimo acquisto."),
    ("it", "-marketing", "Non facciamo sconti."),
    ("it", "confirmation", "Il pacco è stato spedito questa mattina."),
    ("it", "confirmation", "Le comunichiamo che il suo ordine è stato spedito."),
    ("it", "-confirmation", "Il suo ordine non è ancora stato spedito."),
    ("it", "review_change", "Potrebbe modificare la sua recensione?"),
    ("it", "off_amazon", "Può acquistare direttamente sul nostro sito."),
    ("it", "cancel_request", "La preghiamo di annullare l'ordine."),
    ("it", "thanks", "Grazie mille per il suo acquisto!"),
    ("es", "review_request", "¿Podría dejarnos su opinión sobre el producto en Amazon?"),
    ("es", "review_request", "Le agradeceríamos mucho que valorara el producto."),
    ("es", "review_request", "Nos encantaría que escribiera una reseña."),
    ("es", "-review_request", "En nuestra opinión, la talla M le quedará mejor."),
    ("es", "contact_offer", "Si tiene cualquier problema, escríbanos."),
    ("es", "contact_offer", "Quedamos a su disposición para cualquier consulta."),
    ("es", "review_steering", "Antes de dejar una valoración negativa, contacte con nosotros."),
    ("es", "marketing", "Obtenga un 15% de descuento en su próximo pedido."),
    ("es", "-marketing", "No hacemos descuentos."),
    ("es", "confirmation", "Su paquete ha sido enviado esta mañana."),
    ("es", "confirmation", "Le informamos de que su pedido ya ha sido enviado."),
    ("es", "-confirmation", "Su pedido aún no ha sido enviado."),
    ("es", "review_change", "¿Podría modificar su valoración?"),
    ("es", "off_amazon", "Puede comprar directamente en nuestra web."),
    ("es", "cancel_request", "Por favor, cancele su pedido desde su cuenta."),
    ("es", "thanks", "¡Muchas gracias por su compra!"),
    ("ja", "review_request", "よろしければ、商品レビューをお寄せいただけますと幸いです。"),
    ("ja", "review_request", "お手数ですが、評価をお願いできますでしょうか。"),
    ("ja", "review_request", "ぜひレビューを投稿してください。"),
    ("ja", "-review_request", "お客様のレビューを拝見しました。"),
    ("ja", "contact_offer", "何かご不明な点がございましたら、お気軽にご連絡ください。"),
    ("ja", "contact_offer", "お困りの点がございましたら、いつでもご相談ください。"),
    ("ja", "review_steering", "低評価をつける前に、まずは当店までご連絡ください。"),
    ("ja", "marketing", "次回ご購入時に使える500円OFFクーポンをプレゼント！"),
    ("ja", "-marketing", "割引は行っておりません。"),
    ("ja", "confirmation", "ご注文の商品を発送いたしました。"),
    ("ja", "confirmation", "本日、商品を出荷いたしました。"),
    ("ja", "-confirmation", "まだ発送しておりません。"),
    ("ja", "review_change", "レビューの修正をお願いできませんでしょうか。"),
    ("ja", "off_amazon", "当店の公式サイトからもご購入いただけます。"),
    ("ja", "cancel_request", "お手数ですが、ご注文のキャンセルをお願いいたします。"),
    ("ja", "thanks", "この度はご購入いただき、誠にありがとうございます。"),
    ("ja", "unsubscribe", "配信停止をご希望の方はこちら"),
]


# Ordinary permitted messages: only purpose words, no content finding.
NOT_CONTENT = (
    "-confirmation,-contact_offer,-marketing,-off_amazon,-cancel_request,-review_change,"
    "-review_steering,-offensive,-unsubscribe"
)
CLEAN_TEXTS = [
    (
        "We are sorry, the parcel was damaged in transit. A replacement will leave our "
        "warehouse on Monday; you can keep the damaged item or recycle it."
    ),
    (
        'Please confirm the engraving text "For Mum, with love" so that we can start '
        "production. The proof is attached as a PDF."
    ),
    (
        "Ihre Rechnung mit ausgewiesener Mehrwertsteuer finden Sie im Anhang. Die "
        "Garantie beträgt zwei Jahre ab Lieferdatum."
    ),
    (
        "Leider ist der Artikel beschädigt angekommen. Wir senden Ihnen kostenlos Ersatz,"
        " die Rücksendung des defekten Artikels ist nicht nötig."
    ),
    (
        "Votre facture est disponible dans votre compte Amazon. La garantie du fabricant "
        "couvre deux ans."
    ),
    ("Il prodotto è coperto da garanzia di due anni. La fattura è disponibile nel suo account."),
    (
        "El paquete llegó dañado. Le enviaremos un producto de sustitución sin coste; no "
        "necesita devolver el dañado."
    ),
    ("配送中に商品が破損したとのこと、大変申し訳ございません。代替品を月曜日に手配いたします。"),
    (
        "ご注文の商品は大型家具のため、配達日時のご指定をお願いいたします。ご都合のよい日時をお知らせください。"
    ),
    (
        "The kettle comes with a two-year manufacturer's warranty; the warranty card is "
        "in the box with the user manual."
    ),
    (
        "Lamentamos el retraso: el transportista no pudo entregar el pedido por una "
        "dirección incompleta. ¿Podría indicarnos el número de piso?"
    ),
    (
        "Il corriere non ha potuto consegnare il pacco perché manca il numero civico. Può"
        " indicarci l'indirizzo completo?"
    ),
]
PROBES += [("clean", NOT_CONTENT, text) for text in CLEAN_TEXTS]


@pytest.mark.parametrize(("lang", "expected", "text"), PROBES)
def test_phrase_probes(policy: Policy, lang: str, expected: str, text: str) -> None:
    from relay.model.phrases import normalize
    from relay.rules.content import _find_hits

    normalized = normalize(text)
    for item in expected.split(","):
        category = item.lstrip("-")
        found = _find_hits(policy, category, normalized, negation=True)
        if item.startswith("-"):
            assert not found, (category, found)
        else:
            assert found, category


def test_french_delay_is_not_offensive(judge_raw) -> None:  # type: ignore[no-untyped-def]
    """English offensive words must not match ordinary words of another language."""
    from tests.conftest import make_message

    raw = make_message(
        "Bonjour, votre colis 302-1234567-1234567 a pris du retard à cause d'une grève. "
        "Nous sommes désolés pour ce retard de livraison."
    )
    assert "CNT011" not in {f.code for f in judge_raw(raw).findings}
