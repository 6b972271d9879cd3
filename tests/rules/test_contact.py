"""CTC001 (email addresses) and CTC002 (phone numbers), through the real pipeline."""

from __future__ import annotations

import pytest

from relay.model.locate import DerivedText
from relay.model.message import parse
from relay.model.types import Envelope, OrderContext, RelayConfig, RuleContext
from relay.pipeline import judge
from relay.policy import Policy
from relay.rules import contact
from relay.verdict import Finding, Severity, Verdict, Where
from tests.conftest import BUYER, NOW, SELLER, JudgeFn, default_order, make_message

ORDER = "302-2000001-2000001"

# marketplace -> (buyer alias, locale)
MARKETS = {
    "amazon.de": ("a1b2c3d4e5@marketplace.amazon.de", "de-DE"),
    "amazon.co.uk": ("k9l8m7n6@marketplace.amazon.co.uk", "en-GB"),
    "amazon.com": ("u5v6w7x8@marketplace.amazon.com", "en-US"),
    "amazon.fr": ("f1r2a3n4@marketplace.amazon.fr", "fr-FR"),
    "amazon.it": ("i7t8a9l0@marketplace.amazon.it", "it-IT"),
    "amazon.es": ("e3s4p5a6@marketplace.amazon.es", "es-ES"),
    "amazon.co.jp": ("j1p2n3x4@marketplace.amazon.co.jp", "ja-JP"),
}


def ctc(verdict: Verdict, code: str | None = None) -> list[Finding]:
    return [
        f for f in verdict.findings if f.code.startswith("CTC") and (code is None or f.code == code)
    ]


def run(
    judge_raw: JudgeFn,
    body: str,
    *,
    market: str = "amazon.de",
    subject: str = f"Bestellung {ORDER}",
    html: str | None = None,
    headers: dict[str, str] | None = None,
) -> Verdict:
    alias, locale = MARKETS[market]
    order = default_order(
        order_id=ORDER, buyer_email=alias, marketplace=market, buyer_locale=locale
    )
    raw = make_message(body, subject=subject, to=alias, html=html, headers=headers)
    return judge_raw(raw, rcpt=(alias,), orders=OrderContext(order_id=ORDER, order=order))


# ---------------------------------------------------------------- CTC001


def test_plain_address_in_body_is_rejected(judge_raw: JudgeFn) -> None:
    verdict = run(
        judge_raw, f"Hallo, zu Bestellung {ORDER} schreiben Sie an service@shop-example.de."
    )
    found = ctc(verdict, "CTC001")
    assert [f.evidence for f in found] == ["service@shop-example.de"]
    assert found[0].severity is Severity.REJECT


def test_address_in_subject_is_rejected(judge_raw: JudgeFn) -> None:
    verdict = run(
        judge_raw,
        f"Ihre Bestellung {ORDER} wird morgen geliefert.",
        subject=f"Bestellung {ORDER} - Fragen an info@shop-example.de",
    )
    assert [f.evidence for f in ctc(verdict, "CTC001")] == ["info@shop-example.de"]


@pytest.mark.parametrize(
    ("written", "evidence"),
    [
        ("name [at] shop dot com", "name [at] shop dot com"),
        ("name(at)shop.com", "name(at)shop.com"),
        ("name @ shop . com", "name @ shop . com"),
        ("name at shop dot com", "name at shop dot com"),
        ("info [ät] mein-shop [punkt] de", "info [ät] mein-shop [punkt] de"),
        ("kontakt (at) shop (dot) de", "kontakt (at) shop (dot) de"),
        ("service＠shop.example", "service@shop.example"),
        ("info（アットマーク）shop-example.jp", "info(アットマーク)shop-example.jp"),
    ],
)
def test_obfuscated_addresses_are_rejected(judge_raw: JudgeFn, written: str, evidence: str) -> None:
    verdict = run(
        judge_raw, f"Zu Ihrer Bestellung {ORDER}: bitte schreiben Sie an {written} danke."
    )
    assert [f.evidence for f in ctc(verdict, "CTC001")] == [evidence]


def test_address_inside_japanese_text_ends_at_latin_letters(judge_raw: JudgeFn) -> None:
    body = f"ご注文番号 {ORDER} の件です。画像はinfo@shop-example.jp宛てにお送りください。"
    verdict = run(judge_raw, body, market="amazon.co.jp", subject=ORDER)
    assert [f.evidence for f in ctc(verdict, "CTC001")] == ["info@shop-example.jp"]


def test_mailto_link_is_rejected_once(judge_raw: JudgeFn) -> None:
    html = (
        f"<p>Zu Ihrer Bestellung {ORDER}: "
        '<a href="mailto:hilfe@shop-example.de?subject=Frage">schreiben Sie uns</a></p>'
    )
    verdict = run(judge_raw, f"Zu Ihrer Bestellung {ORDER}: schreiben Sie uns", html=html)
    assert [f.evidence for f in ctc(verdict, "CTC001")] == ["hilfe@shop-example.de"]


@pytest.mark.parametrize(
    "body",
    [
        # Prose with "at" and a domain, an order id, a price with @.
        f"Ihre Bestellung {ORDER} ist unterwegs; das Paket kam at home an. Preis 2 @ 5 EUR.",
        # The buyer's own Amazon alias is not the seller's contact detail.
        f"Hallo a1b2c3d4e5@marketplace.amazon.de, Ihre Bestellung {ORDER} ist unterwegs.",
        # Only in the quoted buyer text (Gmail attribution with the buyer alias).
        f"Die Bestellung {ORDER} geht morgen raus.\n\n"
        "Am 18.11.2026 um 10:00 schrieb Kunde <a1b2c3d4e5@marketplace.amazon.de>:\n"
        "> Können Sie mir an privat@example-mail.de schreiben?",
        # Outlook header block with the buyer alias.
        f"Die Bestellung {ORDER} geht morgen raus.\n\n"
        "From: Kunde <a1b2c3d4e5@marketplace.amazon.de>\nSent: Monday, 16 November 2026\n"
        "Subject: Frage\n\nBitte an max.mustermann@example-mail.de antworten.",
    ],
)
def test_no_address_no_finding(judge_raw: JudgeFn, body: str) -> None:
    assert ctc(run(judge_raw, body), "CTC001") == []


def test_quoted_mailto_is_not_judged(judge_raw: JudgeFn) -> None:
    html = (
        f"<p>Die Bestellung {ORDER} geht morgen raus.</p>"
        '<blockquote><a href="mailto:privat@example-mail.de">privat@example-mail.de</a>'
        "</blockquote>"
    )
    verdict = run(judge_raw, f"Die Bestellung {ORDER} geht morgen raus.", html=html)
    assert ctc(verdict, "CTC001") == []


# ---------------------------------------------------------------- CTC002


@pytest.mark.parametrize(
    ("market", "text", "evidence"),
    [
        ("amazon.de", "Rufen Sie uns an: +49 30 12345678", "+49 30 12345678"),
        ("amazon.de", "Rufen Sie uns an: 030 12345678", "030 12345678"),
        ("amazon.de", "Sie erreichen uns unter 0151 23456789", "0151 23456789"),
        ("amazon.de", "Erreichbar unter 0049 89 1234567", "0049 89 1234567"),
        ("amazon.de", "Tel. 0301234567", "0301234567"),
        ("amazon.co.uk", "Ring us on +44 20 7946 0958", "+44 20 7946 0958"),
        ("amazon.co.uk", "Ring us on 020 7946 0958", "020 7946 0958"),
        ("amazon.com", "Call us at (212) 736-5000", "(212) 736-5000"),
        ("amazon.com", "Call us at +1 212 736 5000", "+1 212 736 5000"),
        ("amazon.fr", "Appelez-nous au 01 42 68 53 00", "01 42 68 53 00"),
        ("amazon.fr", "Appelez-nous au +33 1 42 68 53 00", "+33 1 42 68 53 00"),
        ("amazon.it", "Chiamateci al 06 1234 5678", "06 1234 5678"),
        ("amazon.it", "Chiamateci al +39 347 123 4567", "+39 347 123 4567"),
        ("amazon.es", "Llámenos al 912 345 678", "912 345 678"),
        ("amazon.es", "Llámenos al +34 612 34 56 78", "+34 612 34 56 78"),
        ("amazon.co.jp", "お電話は03-1234-5678まで", "03-1234-5678"),
        ("amazon.co.jp", "お電話は+81 3-1234-5678まで", "+81 3-1234-5678"),
        ("amazon.co.jp", "携帯090-1234-5678へどうぞ", "090-1234-5678"),
        ("amazon.co.jp", "お電話は０３－１２３４－５６７８まで", "03-1234-5678"),
        # middle dots and bullets as separators
        ("amazon.de", "WhatsApp: +90 532·614·27·90", "+90 532·614·27·90"),
        ("amazon.de", "Rufen Sie an: 030•1234•5678", "030•1234•5678"),
        # vanity numbers: the letters are the keypad's digits
        ("amazon.com", "Questions? Ring us toll-free at 1-888-GO-CHAIR.", "1-888-GO-CHAIR"),
        ("amazon.co.uk", "Call our team on 0800-NEWBED-1.", "0800-NEWBED-1"),
        # fictional ranges are still numbers the buyer dials (docs/policy.md)
        ("amazon.com", "Questions? Phone: +1 (555) 014-2290", "+1 (555) 014-2290"),
        ("amazon.de", "Rufen Sie an: +1 555 0142 290", "+1 555 0142 290"),
        # written out in words after a phone cue, Belgian French numbers included
        (
            "amazon.fr",
            "Appelez notre chauffeur au zéro quatre nonante - vingt-deux - quarante-cinq -\n"
            "soixante-sept.",
            "zéro quatre nonante - vingt-deux - quarante-cinq -\nsoixante-sept",
        ),
        (
            "amazon.com",
            "Call Dana on two one two, seven three six, five zero zero zero.",
            "two one two, seven three six, five zero zero zero",
        ),
    ],
)
def test_phone_numbers_are_rejected(
    judge_raw: JudgeFn, market: str, text: str, evidence: str
) -> None:
    verdict = run(judge_raw, f"{ORDER}\n{text}", market=market, subject=ORDER)
    found = ctc(verdict, "CTC002")
    assert [f.evidence for f in found] == [evidence]
    assert found[0].severity is Severity.REJECT


@pytest.mark.parametrize(
    ("market", "text"),
    [
        ("amazon.de", f"Bestellung {ORDER} vom 17.11.2026 um 14:30 Uhr, Preis 1.299,00 €."),
        ("amazon.de", "Sendungsnummer 00340434161234567890, Lieferung an 10115 Berlin."),
        ("amazon.de", "DPD Paketnummer 09445440123456 und GLS 123456789012."),
        ("amazon.de", "Ihre Sendungsnummer lautet 0340434161."),
        ("amazon.de", "IBAN DE89 3704 0044 0532 0130 00, Kundennummer 0301234567."),
        ("amazon.de", "Version 2.3.1, Artikel 4006381333931, Datum 2026-11-20."),
        (
            "amazon.de",
            "Bestellt am 08.11.2026, 14:32 Uhr; geliefert am 12.11. zwischen 9:00 und 12:00.",
        ),
        (
            "amazon.de",
            "Modell 0815-234, USt-IdNr. DE 123 456 789, HRB 98765 B, StNr. 27/123/45678.",
        ),
        ("amazon.co.uk", "Royal Mail tracking AB123456789GB, order 026-2345678-2345678."),
        ("amazon.co.uk", "Company No. 01234567, VAT GB 123 4567 89, ordered 08/11/2026."),
        # tax, VAT and register numbers after their label (an imprint or invoice footer)
        ("amazon.de", "Amtsgericht Freiburg HRB 712345 · Steuernummer 06/123/45678"),
        ("amazon.it", "P.IVA 01234567890 · Codice fiscale 01234567890"),
        ("amazon.es", "NIF B12345678 · CIF 612 345 678"),
        ("amazon.com", "Item #2045-6789-12 ships from ZIP 10001; ordered 11/08/2026 at 9:15."),
        ("amazon.com", "Your order 113-2345678-2345678 costs $1,299.99, ZIP 98109-1234."),
        ("amazon.fr", "Numéro de suivi 8R00123456789, 75008 Paris, facture 2026-0001."),
        ("amazon.it", "Numero di spedizione 1234567890123, CAP 00184 Roma."),
        ("amazon.es", "Número de seguimiento PQ4F6P0712345670128013, CP 28013 Madrid."),
        ("amazon.co.jp", "伝票番号 4321-1234-5678、注文番号 503-2345678-2345678、〒100-0001。"),
        ("amazon.com", "Model LX-2000-ABC and part RTX-4080-SUPER are in stock, SKU KTL-1234-RED."),
        # number words without a phone cue, or too few of them
        ("amazon.com", "We packed one two three four five six seven eight glasses."),
        ("amazon.fr", "Appelez-nous si besoin: livraison entre huit et douze heures."),
        ("amazon.fr", "Le colis pèse deux kilos, trois cent vingt-cinq grammes."),
        # a + that is not a phone number
        ("amazon.de", "Größe +2, Gewicht +1,5 kg; Temperatur +20 bis +30 Grad."),
    ],
)
def test_numbers_that_are_not_phones(judge_raw: JudgeFn, market: str, text: str) -> None:
    verdict = run(judge_raw, f"{ORDER}\n{text}", market=market, subject=ORDER)
    assert ctc(verdict, "CTC002") == []


def test_order_ids_are_never_phones_in_any_region(judge_raw: JudgeFn) -> None:
    ids = "302-2000001-2000001 028-1234567-7654321 171-0301234-5678901 250-0800123-4567890"
    for market in MARKETS:
        verdict = run(judge_raw, f"Orders {ids}", market=market, subject=ids)
        assert ctc(verdict, "CTC002") == [], market


@pytest.mark.parametrize(
    ("market", "text", "evidence"),
    [
        (
            "amazon.de",
            "Für die Herstellergarantie wenden Sie sich an die Hotline: 0800 123 4567",
            "0800 123 4567",
        ),
        ("amazon.de", "DHL Kundenservice: 0228 4333112", "0228 4333112"),
        ("amazon.co.uk", "The manufacturer's warranty line is 020 7946 0958.", "020 7946 0958"),
        ("amazon.fr", "Pour la garantie, le fabricant répond au 01 42 68 53 00.", "01 42 68 53 00"),
        ("amazon.it", "Assistenza del produttore in garanzia: 06 1234 5678", "06 1234 5678"),
        ("amazon.es", "Servicio técnico del fabricante (garantía): 912 345 678", "912 345 678"),
        ("amazon.co.jp", "メーカー保証のお問い合わせは0120-123-456へ", "0120-123-456"),
    ],
)
def test_warranty_and_carrier_context_warns(
    judge_raw: JudgeFn, market: str, text: str, evidence: str
) -> None:
    verdict = run(judge_raw, f"{ORDER}\n{text}", market=market, subject=ORDER)
    found = ctc(verdict, "CTC002")
    assert [f.evidence for f in found] == [evidence]
    assert found[0].severity is Severity.WARN


def test_context_in_another_paragraph_does_not_excuse(judge_raw: JudgeFn) -> None:
    body = f"{ORDER}\nDie Garantie beträgt zwei Jahre.\n\nRufen Sie uns an: 030 12345678"
    found = ctc(run(judge_raw, body), "CTC002")
    assert [f.severity for f in found] == [Severity.REJECT]


def test_tel_link_is_rejected(judge_raw: JudgeFn) -> None:
    html = f'<p>{ORDER}: <a href="tel:+493012345678">Rufen Sie uns an</a></p>'
    found = ctc(run(judge_raw, f"{ORDER}: Rufen Sie uns an", html=html), "CTC002")
    assert [(f.evidence, f.severity) for f in found] == [("tel:+493012345678", Severity.REJECT)]


def test_tel_link_with_carrier_text_warns(judge_raw: JudgeFn) -> None:
    html = f'<p>{ORDER}: <a href="tel:+492284333112">DHL Kundenservice</a></p>'
    found = ctc(run(judge_raw, f"{ORDER}: DHL Kundenservice", html=html), "CTC002")
    assert [f.severity for f in found] == [Severity.WARN]


def test_tel_link_and_same_number_in_text_count_once(judge_raw: JudgeFn) -> None:
    html = f'<p>{ORDER}: <a href="tel:+493012345678">+49 30 12345678</a></p>'
    found = ctc(run(judge_raw, f"{ORDER}: +49 30 12345678", html=html), "CTC002")
    assert len(found) == 1


@pytest.mark.parametrize(
    "href", ["https://wa.me/4915123456789", "whatsapp://send?phone=4915123456789"]
)
def test_whatsapp_link_is_a_phone_number(judge_raw: JudgeFn, href: str) -> None:
    html = f'<p>{ORDER}: <a href="{href}">Chat</a></p>'
    found = ctc(run(judge_raw, f"{ORDER}: Chat", html=html), "CTC002")
    assert [(f.evidence, f.severity) for f in found] == [(href, Severity.REJECT)]


def test_phone_in_quoted_text_is_not_judged(judge_raw: JudgeFn) -> None:
    body = (
        f"Die Bestellung {ORDER} geht morgen raus.\n\n"
        "Am 18.11.2026 um 10:00 schrieb Kunde:\n> Rufen Sie mich an: 0151 23456789"
    )
    assert ctc(run(judge_raw, body), "CTC002") == []


# ---------------------------------------------------------------- scan_text and helpers


def rule_context(policy: Policy) -> RuleContext:
    raw = make_message(f"Bestellung {ORDER}")
    order = default_order(order_id=ORDER)
    ctx, _verdict, _forward = judge(
        parse(raw),
        Envelope(SELLER, (BUYER,)),
        policy,
        RelayConfig(approved_senders=(SELLER,)),
        OrderContext(order_id=ORDER, order=order),
        NOW,
    )
    return ctx


def test_scan_text_finds_addresses_and_phones(policy: Policy) -> None:
    ctx = rule_context(policy)
    text = "Fragen? kontakt [at] shop dot de oder Tel. +49 30 12345678. Rechnung 2026-0001."
    findings = list(contact.scan_text(ctx, _attached(text)))
    found = {(f.code, f.evidence) for f in findings}
    assert found == {("CTC001", "kontakt [at] shop dot de"), ("CTC002", "+49 30 12345678")}
    quotes = {(f.code, s.where, s.part, s.quote) for f in findings for s in f.spans}
    assert quotes == {
        ("CTC001", Where.ATTACHMENT_TEXT, 2, "kontakt [at] shop dot de"),
        ("CTC002", Where.ATTACHMENT_TEXT, 2, "+49 30 12345678"),
    }
    assert all(text[s.start : s.end] == s.quote for f in findings for s in f.spans)


def _attached(text: str) -> DerivedText:
    return DerivedText.whole(text, Where.ATTACHMENT_TEXT, 2)


def test_scan_text_clean_invoice(policy: Policy) -> None:
    ctx = rule_context(policy)
    text = (
        f"Rechnung 2026-0001\nBestellung {ORDER}\nDatum 17.11.2026\nSumme 49,99 EUR\n10115 Berlin"
    )
    assert list(contact.scan_text(ctx, _attached(text))) == []


@pytest.mark.parametrize(
    ("marketplace", "region"),
    [
        ("amazon.de", "DE"),
        ("amazon.co.uk", "GB"),
        ("amazon.com", "US"),
        ("amazon.co.jp", "JP"),
        ("amazon.com.mx", "MX"),
        ("www.amazon.fr", "FR"),
        (None, None),
    ],
)
def test_region_for(marketplace: str | None, region: str | None) -> None:
    assert contact.region_for(marketplace) == region


def test_patterns_are_compiled_once(policy: Policy) -> None:
    opts = policy.option("contact", contact.ContactOptions)
    assert opts.patterns is opts.patterns
    # kept with the policy: the same options object every time it is asked
    assert policy.option("contact", contact.ContactOptions) is opts


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("info\u200b@shop-beispiel.de", "info@shop-beispiel.de"),  # zero-width space
        ("info&#64;shop-beispiel.de", "info@shop-beispiel.de"),  # HTML entity
        ("\u0456nfo@\u0455hop-beispiel.de", "info@shop-beispiel.de"),  # Cyrillic і and ѕ
        ("ｉｎｆｏ＠ｓｈｏｐ－ｂｅｉｓｐｉｅｌ．ｄｅ", "info@shop-beispiel.de"),  # full-width
    ],
)
def test_folded_addresses_are_found(policy: Policy, written: str, found: str) -> None:
    opts = policy.option("contact", contact.ContactOptions)
    assert list(contact.find_addresses(f"Schreiben Sie an {written} bitte.", opts)) == [found]


def test_spelled_number_shortcut_never_hides_a_match(policy: Policy) -> None:
    """A text without four number words (as the regex engine compares them, case and all) is
    not scanned for a spelled-out phone number: every text the pattern matches has them."""
    import random

    patterns = policy.option("contact", contact.ContactOptions).patterns
    assert patterns.spelled is not None and patterns.number_words is not None
    words = sorted(patterns.number_values or {})
    swaps = {"i": "ı", "s": "ſ", "k": "\u212a", "I": "İ", "z": "Z"}
    rng = random.Random(3)

    def written(word: str) -> str:
        word = rng.choice([word, word.upper(), word.title()])
        return "".join(swaps.get(c, c) if rng.random() < 0.15 else c for c in word)

    separators = [" ", ", ", " - ", "-", " – ", ".", "/", "\n", " et ", " y ", " und ", ": "]
    others = ["Tel", "anrufen", "x", "12", "Nachricht", "helfen", "keins"]
    matched = skipped = 0
    for _ in range(5000):
        pieces = []
        for _ in range(rng.randint(1, 9)):
            pieces.append(written(rng.choice(words)) if rng.random() < 0.7 else rng.choice(others))
            pieces.append(rng.choice(separators))
        text = "".join(pieces)
        may = contact._may_spell_a_number(text, patterns.number_words)
        if patterns.spelled.search(text):
            matched += 1
            assert may, text
        skipped += not may
    assert matched and skipped
    # an ordinary German reply holds "acht" in "Nachricht", but not four number words
    reply = "Vielen Dank für Ihre Nachricht, wir helfen gerne. Keins der Pakete fehlt."
    assert not contact._may_spell_a_number(reply, patterns.number_words)
