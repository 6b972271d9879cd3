"""Build the accuracy-round-4 fixtures of the golden corpus (run from the repository root).

    .venv/bin/python tests/corpus/acc4/make_fixtures.py

The fourth blind batch's disagreements (bench/eval/fourth_batch_first_run.txt), as classes of
sentence written fresh (not the batch's words), each beside a twin on the other side of the
line:

- a product-safety warning ("stop using it", a fire risk) is critical: `[Important]` may stand
  on it (the same tag on care tips is CNT009);
- asking the buyer to go back to an existing review and raise it is CNT006 (going back to
  Your Orders to start a return is not);
- a review asked for on a condition with the pronoun written out ("se você estiver
  satisfeita") is CNT005; a neutral request is not;
- "rather write to us than ..." steers before a review (CNT003); a neutral request does not;
- an invitation to call the seller ("call our helpline and we will find a solution") is a
  contact line (CNT003; a warning in a reply), but not where the message names a delivery
  appointment or time slot: calling to move it is the scheduling itself;
- the seller's own online store written in full-width letters, URL included: CNT007 and
  LNK001 (a full-width Amazon URL is still Amazon's);
- "many customers also buy ..." cross-sells (CNT004; a reply explaining a part does not);
- a shipping option with its business days is a permitted purpose (no CNT012); a message with
  no purpose at all is still held.

Accuracy round 5 adds two classes here, in every language with a phrase list:

- a review asked for as telling (others) on Amazon how it was or what the buyer thinks
  ("conte na Amazon como foi", "berätta gärna på Amazon vad du tycker") is a review request
  (its link inside it, a purpose); the same request on a condition or paid for is CNT005;
- a delay told against the plan ("five days later than planned", "fünf Tage später als
  geplant") is a permitted purpose; a bare "later" is not.

Order ids are `3xx-84000xx-xxxxxxx`, delivered on 2026-11-13 (orders.csv beside this file).
"""

# ruff: noqa: E501  (message bodies are kept as the paragraphs a seller types)

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import fixture_kit  # noqa: E402  (tests/corpus, beside this family's folder)

SELLER = "support@shop.example"
DATE = "Thu, 19 Nov 2026 10:04:12 +0100"
ORDERS: list[fixture_kit.Order] = [
    ("113-8400001-1121314", "a1c5e9g3i7k2m6@marketplace.amazon.com", "amazon.com", "en-US"),
    ("705-8400002-2131415", "b2d6f1h4j8l3n7@marketplace.amazon.com.br", "amazon.com.br", "pt-BR"),
    ("408-8400003-3141516", "c3e7g2i5k9m4p8@marketplace.amazon.se", "amazon.se", "sv-SE"),
    ("405-8400004-4151617", "d4f8h3j6l1n5q9@marketplace.amazon.nl", "amazon.nl", "nl-NL"),
    ("249-8400005-5161718", "e5g9i4k7m2p6r1@marketplace.amazon.co.jp", "amazon.co.jp", "ja-JP"),
    ("302-8400006-6171819", "f6h1j5l8n3q7s2@marketplace.amazon.de", "amazon.de", "de-DE"),
]

# name, order, reply quote (None: proactive), subject, body (text; or ("html", markup)),
# codes, action, note
CASES: list[fixture_kit.Case] = [
    (
        "en_important_safety_warning_compliant_proactive",
        0,
        None,
        "[Important] Safety warning about your space heater, order {order}",
        "Hello Ms Reyes,\n\nthe maker of the oil-filled space heater in order {order} told us that units from one production week can overheat at the power switch. Please stop using the heater and unplug it.\n\nWe will send you a replacement at no cost, and you can send the old unit back free of charge from Your Orders on Amazon.\n\nWe are sorry for the trouble.\nWarmth & Co.",
        [],
        "deliver",
        "Compliant: [Important] on a product-safety warning that tells the buyer to stop using the product (critical message).",
    ),
    (
        "en_important_care_tips_proactive",
        0,
        None,
        "[Important] Care tips for your space heater, order {order}",
        "Hello Ms Reyes,\n\nyour oil-filled space heater from order {order} works best a little away from the wall. Dust the fins now and then with a dry cloth, and keep the cable free of the rug.\n\nWarmth & Co.",
        ["CNT009", "CNT012"],
        "hold",
        "Twin: [Important] on care tips, no critical message (CNT009); nor does it serve a permitted purpose (CNT012).",
    ),
    (
        "en_go_back_to_review_raise_reply",
        0,
        "The new switch works, thanks for sending it so fast.",
        "Re: Space heater switch, order {order}",
        "Hello Ms Reyes,\n\nwe are glad the new switch works. Now that it is fixed, could you go back to your 1-star review and raise it so it shows how it all ended?\n\nBest wishes,\nWarmth & Co.",
        ["CNT006"],
        "reject",
        "Asking the buyer to go back to an existing review and raise it (CNT006), in a reply too.",
    ),
    (
        "en_go_back_to_your_orders_compliant_reply",
        0,
        "The switch is still sparking, I would rather send it back.",
        "Re: Space heater switch, order {order}",
        "Hello Ms Reyes,\n\nwe are sorry the switch still sparks. Please go back to Your Orders on Amazon and choose 'Return or replace items' for order {order}; the return label is free.\n\nBest wishes,\nWarmth & Co.",
        [],
        "deliver",
        "Twin: going back to Your Orders for a return names no review (no CNT006).",
    ),
    (
        "pt_avaliacao_se_voce_estiver_satisfeita_proactive",
        1,
        None,
        "Sua opinião sobre o pedido {order}",
        "Olá, Beatriz!\n\nEsperamos que a luminária de mesa esteja iluminando bem as suas noites. Deixe uma avaliação na Amazon se você estiver satisfeita com ela.\n\nhttps://www.amazon.com.br/review/review-your-purchases/?asin=B0DLUMI123\n\nAbraços,\nLuz & Lar",
        ["CNT005"],
        "reject",
        "A review asked for only on a condition, with the pronoun written out ('se você estiver satisfeita'): CNT005.",
    ),
    (
        "pt_avaliacao_neutra_compliant_proactive",
        1,
        None,
        "Sua opinião sobre o pedido {order}",
        "Olá, Beatriz!\n\nEsperamos que a luminária de mesa esteja iluminando bem as suas noites. Deixe uma avaliação na Amazon contando como foi a sua experiência com ela, seja ela boa ou ruim.\n\nhttps://www.amazon.com.br/review/review-your-purchases/?asin=B0DLUMI123\n\nAbraços,\nLuz & Lar",
        [],
        "deliver",
        "Twin: a neutral review request (no CNT005).",
    ),
    (
        "sv_skriv_hellre_till_oss_proactive",
        2,
        None,
        "Hur fungerar din lampa? Order {order}",
        "Hej Karin,\n\nvi hoppas att golvlampan lyser fint i vardagsrummet. Lämna gärna en recension på Amazon. Skriv hellre till oss än att ge lampan ett lågt betyg.\n\nhttps://www.amazon.se/review/review-your-purchases/?asin=B0DLAMPA42\n\nHälsningar\nLjus & Form",
        ["CNT003"],
        "reject",
        "'Skriv hellre till oss' (rather write to us) than a low rating: steering before a review (CNT003).",
    ),
    (
        "sv_neutral_recension_compliant_proactive",
        2,
        None,
        "Hur fungerar din lampa? Order {order}",
        "Hej Karin,\n\nvi hoppas att golvlampan lyser fint i vardagsrummet. Lämna gärna en recension på Amazon och berätta vad du tycker om den.\n\nhttps://www.amazon.se/review/review-your-purchases/?asin=B0DLAMPA42\n\nHälsningar\nLjus & Form",
        [],
        "deliver",
        "Twin: a neutral review request (no CNT003).",
    ),
    (
        "en_call_our_helpline_delay_proactive",
        0,
        None,
        "Update on order {order}",
        "Hello Ms Reyes,\n\nthe second space heater in order {order} is delayed at our supplier by about five days. If waiting is a problem for you, call our helpline and we will find a solution together.\n\nWarmth & Co.",
        ["CNT003"],
        "reject",
        "An invitation to call the seller in a delay notice is a contact line (CNT003), with no number written (no CTC002).",
    ),
    (
        "en_call_our_dispatch_time_slot_compliant_proactive",
        0,
        None,
        "Delivery of order {order}",
        "Hello Ms Reyes,\n\nour freight partner will bring the radiator cabinet of order {order} on Tuesday, 24 November, in the time slot from 10 am to 2 pm. If the slot does not suit you, call our dispatch team to move it.\n\nWarmth & Co.",
        [],
        "deliver",
        "Twin: the same invitation in a message that names a delivery time slot: calling to move it is delivery scheduling (no CNT003).",
    ),
    (
        "nl_bel_ons_even_reply_warn",
        3,
        "Het deksel van de pan past niet goed.",
        "Re: Deksel pan - bestelling {order}",
        "Beste meneer Bakker,\n\nvervelend dat het deksel niet goed past. Bel ons even, dan kijken we samen welk deksel u nodig heeft.\n\nMet vriendelijke groet,\nKookhuis",
        ["CNT003"],
        "deliver",
        "Dutch 'bel ons even' (give us a call) in a reply: an offer of further help, a warning (CNT003 reply variant).",
    ),
    (
        "ja_fullwidth_online_store_url_proactive",
        4,
        None,
        "ご注文{order}について",
        (
            "html",
            "<html><body>\n<p>お客様</p>\n<p>このたびは竹のまな板をお買い上げいただき、誠にありがとうございます。</p>\n<p>次回は当店のオンラインストア（ｈｔｔｐｓ：／／ｔａｋｅ－ｋｏｂｏ．ｅｘａｍｐｌｅ／）からご注文いただけます。</p>\n<p>竹工房</p>\n</body></html>",
        ),
        ["CNT007", "CNT012", "LNK001"],
        "reject",
        "The seller's own online store ('当店のオンラインストア', CNT007) with its URL in full-width letters (LNK001); no permitted purpose (CNT012).",
    ),
    (
        "ja_fullwidth_amazon_url_compliant_proactive",
        4,
        None,
        "ご注文{order}の返品について",
        (
            "html",
            "<html><body>\n<p>お客様</p>\n<p>竹のまな板の返品は、Amazonの注文履歴（ｈｔｔｐｓ：／／ｗｗｗ．ａｍａｚｏｎ．ｃｏ．ｊｐ／ｇｐ／ｃｓｓ／ｏｒｄｅｒ－ｈｉｓｔｏｒｙ）からお手続きいただけます。</p>\n<p>竹工房</p>\n</body></html>",
        ),
        [],
        "deliver",
        "Twin: a full-width URL that folds to Amazon's own order history is Amazon's (no LNK001).",
    ),
    (
        "de_viele_kunden_kaufen_dazu_reply",
        5,
        "Passt das Messer auch für Tomaten?",
        "Re: Frage zu Bestellung {order}",
        "Guten Tag Herr Wolf,\n\ndas Brotmesser schneidet auch Tomaten sauber. Viele Kunden kaufen das passende Schneidebrett gleich dazu, bei uns kostet es 24 Euro.\n\nMit freundlichen Grüßen\nMesserwerk",
        ["CNT004"],
        "reject",
        "Cross-selling: 'viele Kunden kaufen ... dazu' (many customers also buy) another product (CNT004).",
    ),
    (
        "de_messer_frage_compliant_reply",
        5,
        "Passt das Messer auch für Tomaten?",
        "Re: Frage zu Bestellung {order}",
        "Guten Tag Herr Wolf,\n\ndas Brotmesser schneidet auch Tomaten sauber, dank des feinen Wellenschliffs. Viele Kunden fragen uns das, die Antwort ist also ein klares Ja.\n\nMit freundlichen Grüßen\nMesserwerk",
        [],
        "deliver",
        "Twin: 'viele Kunden fragen' names no other product (no CNT004).",
    ),
    (
        "en_express_shipping_business_days_compliant_proactive",
        0,
        None,
        "Shipping for order {order}",
        "Hello Ms Reyes,\n\nthe radiator cabinet of order {order} is ready to ship from our warehouse. Standard shipping takes 4 to 6 business days; the carrier will email you a tracking link when it leaves.\n\nWarmth & Co.",
        [],
        "deliver",
        "Compliant: a shipping notice told by its business days has a permitted purpose (no CNT012).",
    ),
    # accuracy round 5: a review asked for as telling on Amazon how it was, and a delay told
    # against the plan ("five days later than planned")
    (
        "pt_conte_na_amazon_compliant_proactive",
        1,
        None,
        "Como está a sua chaleira? Pedido {order}",
        "Olá, Beatriz!\n\nEsperamos que a chaleira elétrica esteja fazendo um bom café todas as manhãs. Conte na Amazon como foi a sua experiência com ela, seja boa ou ruim.\n\nhttps://www.amazon.com.br/review/review-your-purchases/?asin=B0DCHALE77\n\nAbraços,\nLuz & Lar",
        [],
        "deliver",
        "Compliant: a neutral review request told as 'conte na Amazon como foi' (tell on Amazon how it was), its review link inside it.",
    ),
    (
        "pt_conte_na_amazon_cupom_proactive",
        1,
        None,
        "Como está a sua chaleira? Pedido {order}",
        "Olá, Beatriz!\n\nEsperamos que a chaleira elétrica esteja fazendo um bom café todas as manhãs. Conte na Amazon como foi a sua experiência com ela e ganhe um cupom de 10% na próxima compra.\n\nhttps://www.amazon.com.br/review/review-your-purchases/?asin=B0DCHALE77\n\nAbraços,\nLuz & Lar",
        ["CNT004", "CNT005"],
        "reject",
        "Twin: the same request paid for with a coupon on the next purchase (CNT005; the coupon promotes a further sale, CNT004).",
    ),
    (
        "sv_beratta_pa_amazon_compliant_proactive",
        2,
        None,
        "Hur fungerar din vattenkokare? Order {order}",
        "Hej Karin,\n\nvi hoppas att vattenkokaren gör nytta i köket. Berätta gärna på Amazon vad du tycker om den.\n\nhttps://www.amazon.se/review/review-your-purchases/?asin=B0DKOKA991\n\nHälsningar\nLjus & Form",
        [],
        "deliver",
        "Compliant: a neutral review request told as 'berätta gärna på Amazon vad du tycker' (tell on Amazon what you think).",
    ),
    (
        "sv_beratta_pa_amazon_om_nojd_proactive",
        2,
        None,
        "Hur fungerar din vattenkokare? Order {order}",
        "Hej Karin,\n\nvi hoppas att vattenkokaren gör nytta i köket. Om du är nöjd, berätta gärna på Amazon vad du tycker om den.\n\nhttps://www.amazon.se/review/review-your-purchases/?asin=B0DKOKA991\n\nHälsningar\nLjus & Form",
        ["CNT005"],
        "reject",
        "Twin: the same request asked only of a satisfied buyer ('om du är nöjd'): CNT005.",
    ),
    (
        "en_five_days_later_than_planned_compliant_proactive",
        0,
        None,
        "Your order {order}",
        "Hello Ms Reyes,\n\nthe towel rail of order {order} will reach you five days later than planned, as our supplier packed it after the weekend. We now expect it on Friday, 27 November.\n\nWe are sorry for the wait.\nWarmth & Co.",
        [],
        "deliver",
        "Compliant: a delay told against the plan ('five days later than planned') is a permitted purpose (no CNT012).",
    ),
    (
        "en_see_you_later_no_purpose_proactive",
        0,
        None,
        "Your order {order}",
        "Hello Ms Reyes,\n\nwe hope the towel rail of order {order} keeps your towels warm this winter. Enjoy it, and see you later!\n\nWarmth & Co.",
        ["CNT012"],
        "hold",
        "Twin: 'later' without a plan it is later than names no delay; the message has no permitted purpose (CNT012).",
    ),
    (
        "de_fuenf_tage_spaeter_als_geplant_compliant_proactive",
        5,
        None,
        "Ihre Bestellung {order}",
        "Guten Tag Herr Wolf,\n\ndas Brotmesser aus Bestellung {order} kommt fünf Tage später als geplant bei Ihnen an, weil unser Lieferant erst nach dem Wochenende packt. Wir rechnen jetzt mit Freitag, dem 27. November.\n\nMit freundlichen Grüßen\nMesserwerk",
        [],
        "deliver",
        "Compliant: German 'fünf Tage später als geplant' (five days later than planned) is a delay notice (no CNT012).",
    ),
]


def main() -> None:
    fixture_kit.write_cases(HERE, seller=SELLER, date=DATE, orders=ORDERS, cases=CASES)


if __name__ == "__main__":
    main()
