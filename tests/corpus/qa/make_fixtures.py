"""Build the QA-miss fixtures of the golden corpus (run from the repository root).

    .venv/bin/python tests/corpus/qa/make_fixtures.py

Issue 14, misses found by QA: German cross-selling ("schauen Sie gern auch in unsere anderen
Angebote rein") was delivered, and a coupon code named only by the word "Code" ("nutzen Sie den
Code SAVE10 auf www.shop.example") fired only LNK001. Beside each, compliant near-misses that
must not fire: a Packstation pick-up code and a carrier's tracking code.

And the shapes of the blind set's last misses, written fresh: a German sentence that names
the buyer's wish for a voucher and closes with the refusal (verb-final, across its commas:
compliant), a fictional +1 555 number (still a phone number), and a phone number written out
in (Belgian) French number words.

Order ids are `302-8200xxx-xxxxxxx`, delivered on 2026-11-13 (orders.csv beside this file).
"""

# ruff: noqa: E501  (message bodies are kept as the paragraphs a seller types)

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import fixture_kit  # noqa: E402  (tests/corpus, beside this family's folder)

SELLER = '"Lindenhof Haushaltswaren" <support@shop.example>'
DATE = "Sat, 21 Nov 2026 09:12:40 +0100"
ORDERS = [
    ("302-8200001-1203344", "c4f8h2k6m1p9r3@marketplace.amazon.de", "amazon.de", "de-DE"),
    ("302-8200002-2314455", "d5g9j3l7n2q6s4@marketplace.amazon.de", "amazon.de", "de-DE"),
    ("302-8200003-3425566", "e6h1k4m8p3r7t5@marketplace.amazon.de", "amazon.de", "de-DE"),
    ("302-8200004-4536677", "f7j2l5n9q4s8u6@marketplace.amazon.de", "amazon.de", "de-DE"),
    ("302-8200005-5647788", "g8k3m6p1r5t9v7@marketplace.amazon.de", "amazon.de", "de-DE"),
    ("112-8200006-6758899", "h9l4n7q2s6u1w8@marketplace.amazon.com", "amazon.com", "en-US"),
    ("171-8200007-7869900", "j1m5p8r3t7v2x9@marketplace.amazon.fr", "amazon.fr", "fr-FR"),
]

CASES = [
    (
        "de_cross_selling_andere_angebote_reply",
        0,
        "Guten Tag,\n\nvielen Dank für Ihre Frage zu Ihrer Bestellung {order}. Der Bräter passt in jeden handelsüblichen Backofen ab 60 cm Breite.\n\nSchauen Sie gern auch in unsere anderen Angebote rein!\n\nMit freundlichen Grüßen\nJana Körber",
        ["CNT004"],
        "reject",
        "Cross-selling in German: 'schauen Sie gern auch in unsere anderen Angebote rein' (CNT004).",
    ),
    (
        "de_code_save10_shop_link_reply",
        1,
        "Guten Tag,\n\nvielen Dank für Ihre Frage zu Ihrer Bestellung {order}. Der Deckel ist spülmaschinenfest.\n\nNutzen Sie den Code SAVE10 auf www.shop.example für Ihren nächsten Einkauf.\n\nMit freundlichen Grüßen\nJana Körber",
        ["CNT004", "LNK001"],
        "reject",
        "A coupon code named only by the word 'Code' and a link to the shop: CNT004 and LNK001.",
    ),
    (
        "de_packstation_abholcode_compliant_reply",
        2,
        "Guten Tag,\n\nvielen Dank für Ihre Nachricht zu Ihrer Bestellung {order}. Laut DHL liegt das Paket in der Packstation 112; der Code 583920 steht in der Benachrichtigung von DHL.\n\nMit freundlichen Grüßen\nJana Körber",
        [],
        "deliver",
        "Compliant near-miss: a Packstation pick-up code (digits only) is no coupon.",
    ),
    (
        "de_tracking_code_compliant_reply",
        3,
        "Guten Tag,\n\nvielen Dank für Ihre Nachricht zu Ihrer Bestellung {order}. Der Tracking-Code von DHL lautet JJD000390007736551; bitte prüfen Sie damit den Stand bei DHL.\n\nMit freundlichen Grüßen\nJana Körber",
        [],
        "deliver",
        "Compliant near-miss: a carrier's tracking code is no coupon.",
    ),
    (
        "de_wunsch_rabattcode_verb_final_refusal_compliant_reply",
        4,
        "Guten Tag Herr Albers,\n\nich kann gut nachvollziehen, dass Sie für die zweite Pfanne gern einen Rabattcode hätten, doch weil Amazon uns das in Nachrichten untersagt, können wir Ihnen leider keinen geben. Die Pfanne zu Bestellung {order} ist aber bereits unterwegs zu Ihnen.\n\nMit freundlichen Grüßen\nJana Körber",
        [],
        "deliver",
        "Compliant: the buyer's wish for a code, refused by the verb-final main clause that closes the sentence (negations_final).",
    ),
    (
        "en_fictional_555_number_reply",
        5,
        "Hi Morgan,\n\nthanks for your question about order {order}. The lamp takes a standard E26 bulb of up to 60 W.\n\nBest,\nRiley Chen\nLumen Home | Phone: +1 (555) 017-3346",
        ["CTC002"],
        "reject",
        "A phone number in a fictional +1 555 range is still a phone number (international format, possible number).",
    ),
    (
        "fr_numero_en_lettres_septante_reply",
        6,
        "Bonjour Madame Dubois,\n\nmerci pour votre message concernant la commande {order}. Pour convenir d'un autre jour de livraison, appelez notre chauffeur au zéro quatre septante-huit, vingt-deux, nonante, quatorze.\n\nCordialement,\nMeubles Lindenhof",
        ["CTC002"],
        "reject",
        "A phone number written out in words ('septante-huit', 'nonante') after the cue 'appelez' (CTC002).",
    ),
]


def main() -> None:
    for name, index, body, codes, action, note in CASES:
        order, buyer, _market, _locale = ORDERS[index]
        eml = fixture_kit.seller_message(
            seller=SELLER,
            buyer=buyer,
            subject=f"Re: Frage zu Bestellung {order}",
            date=DATE,
            msgid=name,
            body=body.format(order=order),
            reply=True,
        )
        fixture_kit.write(HERE, name, eml, codes, action, note)
    fixture_kit.write_orders(HERE, ORDERS)


if __name__ == "__main__":
    main()
