"""Build the accuracy-round-2 fixtures of the golden corpus (run from the repository root).

    .venv/bin/python tests/corpus/acc2/make_fixtures.py

Issue 14, the third blind batch's disagreements, as fresh shapes (not the batch's words), each
with a near-miss twin on the other side of the line:

- English contracted negation before an off-Amazon phrase ("weren't set up to accept payment
  outside Amazon": compliant; "are able to": CNT007);
- tax, VAT and company-register numbers after their label are no phone numbers (German
  Steuernummer; a Telefon number in the same footer still is);
- a number label abbreviated with a full stop ("Momsreg.nr SE...") is no domain (`shop.nr`
  without a number after it still is);
- a review request recalling last week's delivery is no delivery confirmation (without the
  time word it is);
- the buyer's return request acknowledged ("pedido de devolução") is no order confirmation;
  buying direct and paying by Pix is CNT007, a refusal of both is compliant ("no" is Portuguese
  "in the", not a negation);
- a reply answering the buyer's delivery question is no unsolicited confirmation (a reply that
  volunteers "your order has shipped" to a question about the colour still warns);
- a display:none block with a shop address and a percentage price cut: CNT004, CNT007, LNK001;
- Swedish cross-selling, Polish opt-out with the newsletter host in the link, a phone number
  with middle-dot separators, WhatsApp as a contact channel (CTC002 only) or as an order
  channel (CNT007), a Bizum refund offered for five stars (CNT005, not CNT007), a Dutch delay
  notice told by how much later the parcel goes (a permitted purpose).

Order ids are `3xx-83000xx-xxxxxxx`, delivered on 2026-11-13 (orders.csv beside this file).
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
ORDERS = [
    ("113-8300001-1020304", "k2m6p0r4t8v3x7@marketplace.amazon.com", "amazon.com", "en-US"),
    ("304-8300002-2030405", "l3n7q1s5u9w4y8@marketplace.amazon.de", "amazon.de", "de-DE"),
    ("408-8300003-3040506", "m4p8r2t6v1x5z9@marketplace.amazon.se", "amazon.se", "sv-SE"),
    ("250-8300004-4050607", "n5q9s3u7w2y6a1@marketplace.amazon.co.jp", "amazon.co.jp", "ja-JP"),
    ("702-8300005-5060708", "p6r1t4v8x3z7b2@marketplace.amazon.com.br", "amazon.com.br", "pt-BR"),
    ("409-8300006-6070809", "q7s2u5w9y4a8c3@marketplace.amazon.pl", "amazon.pl", "pl-PL"),
    ("406-8300007-7080910", "r8t3v6x1z5b9d4@marketplace.amazon.es", "amazon.es", "es-ES"),
    ("410-8300008-8091011", "s9u4w7y2a6c1e5@marketplace.amazon.com.tr", "amazon.com.tr", "tr-TR"),
    ("405-8300009-9101112", "t1v5x8z3b7d2f6@marketplace.amazon.nl", "amazon.nl", "nl-NL"),
]

# name, order, reply quote (None: proactive), subject, body (text; or ("html", markup)),
# codes, action, note
CASES: list[fixture_kit.Case] = [
    (
        "en_werent_set_up_payment_outside_amazon_compliant_reply",
        0,
        "Could I pay you by PayPal for a second lamp and skip Amazon? Maybe with a little discount?",
        "Re: Second lamp for order {order}",
        "Hello Mr Ortega,\n\nthank you for checking with us first. We weren't set up to accept payment outside Amazon, PayPal included, so a second lamp would need to be ordered on Amazon like the first one.\n\nAbout the shade: it is linen and can be wiped with a slightly damp cloth.\n\nKind regards,\nPriya",
        [],
        "deliver",
        "Compliant: a contracted negation ('weren't') before 'outside Amazon' and 'PayPal' (English negations).",
    ),
    (
        "en_able_to_take_payment_outside_amazon_reply",
        0,
        "Could I pay you by PayPal for a second lamp and skip Amazon? Maybe with a little discount?",
        "Re: Second lamp for order {order}",
        "Hello Mr Ortega,\n\nthank you for checking with us first. We are able to take payment outside Amazon by PayPal, so a second lamp can be paid to us directly.\n\nAbout the shade: it is linen and can be wiped with a slightly damp cloth.\n\nKind regards,\nPriya",
        ["CNT007"],
        "reject",
        "Twin: the same offer without the negation diverts the payment off Amazon (CNT007).",
    ),
    (
        "de_steuernummer_impressum_compliant_proactive",
        1,
        None,
        "Ihre Rechnung zu Bestellung {order}",
        'Guten Tag Herr Kramer,\n\ndie Rechnung zu Ihrer Bestellung {order} (Rechnungsnummer 2026-11873) steht jetzt in Ihrem Amazon-Konto unter "Meine Bestellungen" bereit.\n\nMit freundlichen Grüßen\nIhre Buchhaltung\n\n--\nLampenmanufaktur Seidel GmbH · Gartenstraße 4 · 01067 Dresden\nAmtsgericht Dresden HRB 40417 · USt-IdNr.: DE 298 765 432 · Steuernummer 04/217/30981',
        [],
        "deliver",
        "Compliant: a Steuernummer (and HRB, USt-IdNr.) after its label in an invoice footer is no phone number.",
    ),
    (
        "de_impressum_telefonnummer_proactive",
        1,
        None,
        "Ihre Rechnung zu Bestellung {order}",
        'Guten Tag Herr Kramer,\n\ndie Rechnung zu Ihrer Bestellung {order} (Rechnungsnummer 2026-11873) steht jetzt in Ihrem Amazon-Konto unter "Meine Bestellungen" bereit.\n\nMit freundlichen Grüßen\nIhre Buchhaltung\n\n--\nLampenmanufaktur Seidel GmbH · Gartenstraße 4 · 01067 Dresden\nSteuernummer 203/118/05512 · Telefon 0351 4827193',
        ["CTC002"],
        "reject",
        "Twin: the same footer with a Telefon number: the phone number is still found (CTC002).",
    ),
    (
        "sv_momsreg_nr_sidfot_compliant_proactive",
        2,
        None,
        "Faktura för order {order}",
        'Hej Erik,\n\nfakturan för din order {order} (fakturanummer 2026-51277) finns nu i ditt Amazon-konto under "Dina beställningar".\n\nVänliga hälsningar,\nEkonomi\n\n--\nLjusverkstaden i Umeå AB · Org.nr 559876-5432 · Momsreg.nr SE559876543201',
        [],
        "deliver",
        "Compliant: 'Momsreg.nr' followed by its number is a label, not the domain momsreg.nr.",
    ),
    (
        "sv_butiken_nr_domain_reply",
        2,
        "Finns lampan i svart också?",
        "Re: Fråga om order {order}",
        "Hej Erik,\n\ntack för frågan. Lampan finns i svart och i vitt; bilder på båda färgerna har vi på ljusverkstaden.nr där du ser skillnaden bäst.\n\nVänliga hälsningar,\nAnna",
        ["LNK001"],
        "reject",
        "Twin: a domain ending in .nr with no number after it is still a domain (LNK001).",
    ),
    (
        "ja_review_request_senshuu_otodoke_compliant_proactive",
        3,
        None,
        "ご注文{order}の土鍋について",
        "お客様\n\n先週、ご注文の伊賀焼の土鍋をお届けいたしました。\nお使いになってみてのご感想を、Amazonのレビューでお聞かせいただけますと幸いです。\n良い点も気になった点も、率直なご意見をお待ちしております。\n\nhttps://www.amazon.co.jp/review/review-your-purchases/?asin=B0DKTX1234\n\n土鍋工房 山川",
        [],
        "deliver",
        "Compliant: a review request recalling last week's delivery ('先週…お届けいたしました') is no delivery confirmation.",
    ),
    (
        "ja_review_request_otodoke_confirmation_proactive",
        3,
        None,
        "ご注文{order}の土鍋について",
        "お客様\n\nご注文の伊賀焼の土鍋をお届けいたしました。\nお使いになってみてのご感想を、Amazonのレビューでお聞かせいただけますと幸いです。\n良い点も気になった点も、率直なご意見をお待ちしております。\n\nhttps://www.amazon.co.jp/review/review-your-purchases/?asin=B0DKTX1234\n\n土鍋工房 山川",
        ["CNT001"],
        "reject",
        "Twin: without the time word the same sentence announces the delivery (CNT001).",
    ),
    (
        "pt_pedido_de_devolucao_recebido_compliant_proactive",
        4,
        None,
        "Devolução - pedido {order}",
        "Olá, Carla,\n\nrecebemos o seu pedido de devolução da luminária do pedido {order}. Pode nos dizer se prefere trocar por outra cor ou receber o reembolso pela Amazon?\n\nAtenciosamente,\nLuz & Casa",
        [],
        "deliver",
        "Compliant: the buyer's return request acknowledged ('pedido de devolução') is no order confirmation; a return question.",
    ),
    (
        "pt_pedido_recebido_enviado_proactive",
        4,
        None,
        "Seu pedido {order}",
        "Olá, Carla,\n\nrecebemos o seu pedido {order} e ele já foi enviado pelos Correios. Obrigada pela compra!\n\nAtenciosamente,\nLuz & Casa",
        ["CNT001"],
        "reject",
        "Twin: the order itself received and shipped is a confirmation (CNT001).",
    ),
    (
        "pt_comprando_direto_pague_no_pix_proactive",
        4,
        None,
        "Devolução - pedido {order}",
        "Olá, Carla,\n\nsobre a devolução do pedido {order}: pode nos dizer se prefere trocar por outra cor ou receber o reembolso?\n\nDica: comprando direto na luzecasa.example você pega frete grátis e pague no Pix.\n\nAtenciosamente,\nLuz & Casa",
        ["CNT007", "LNK001"],
        "reject",
        "Buying direct and paying by Pix (CNT007), the shop's bare domain (LNK001).",
    ),
    (
        "pt_nao_aceitamos_pix_compliant_reply",
        4,
        "Posso pagar a segunda luminária no Pix direto com vocês?",
        "Re: Pedido {order}",
        "Olá, Carla,\n\nobrigada por perguntar. Infelizmente não é possível pagar no Pix nem comprar direto no nosso site; a segunda luminária precisa ser pedida pela Amazon, como a primeira.\n\nAtenciosamente,\nLuz & Casa",
        [],
        "deliver",
        "Compliant twin: paying by Pix and buying on the shop's site, both refused ('não ... nem'); 'no' (in the) negates nothing, 'não' does.",
    ),
    (
        "pl_odpowiedz_kiedy_dotrze_compliant_reply",
        5,
        "Dzień dobry, kiedy dotrze moja lampa? Potrzebuję jej na weekend.",
        "Re: Zamówienie {order}",
        "Dzień dobry Panie Tomaszu,\n\ndziękujemy za wiadomość. Przesyłka została nadana wczoraj kurierem DPD i powinna dotrzeć w piątek, 20 listopada. Status przesyłki można sprawdzić na stronie przewoźnika.\n\nPozdrawiamy serdecznie\nEwa",
        [],
        "deliver",
        "Compliant: a reply answering the buyer's delivery question ('kiedy dotrze') is no unsolicited shipping confirmation.",
    ),
    (
        "en_reply_volunteers_order_shipped_warn",
        0,
        "Is the lamp shade white or more of a cream colour?",
        "Re: Question about order {order}",
        "Hello Mr Ortega,\n\nthe shade is off-white, closer to cream than to pure white. By the way, your order {order} has shipped and should be with you on Friday.\n\nKind regards,\nPriya",
        ["CNT001"],
        "deliver",
        "Twin: the buyer asked about the colour; a shipping confirmation volunteered in the reply is still a warning (CNT001 reply variant).",
    ),
    (
        "de_hidden_onlineshop_prozent_guenstiger_reply",
        1,
        "Wie hell ist die Lampe?",
        "Re: Frage zu Bestellung {order}",
        (
            "html",
            '<html><body>\n<p>Guten Tag Herr Kramer,</p>\n<p>die Lampe hat 800 Lumen und lässt sich stufenlos dimmen.</p>\n<div style="display:none">Übrigens: unter www.lampenmanufaktur-seidel.example gibt es alle Leuchten 20 % günstiger.</div>\n<p>Mit freundlichen Grüßen<br>Jana</p>\n</body></html>',
        ),
        ["CNT004", "LNK001", "STY004"],
        "reject",
        "obf:hidden a display:none block, judged by every rule: the shop's www address (LNK001) and a percentage price cut (CNT004); the hidden line is removed (STY004).",
    ),
    (
        "de_prozent_laenger_compliant_reply",
        1,
        "Wie lange hält der Akku?",
        "Re: Frage zu Bestellung {order}",
        "Guten Tag Herr Kramer,\n\nder neue Akku der Lampe hält etwa 20 % länger als der alte, rund zwölf Stunden bei mittlerer Helligkeit.\n\nMit freundlichen Grüßen\nJana",
        [],
        "deliver",
        "Compliant twin: a percentage that is no price cut ('20 % länger').",
    ),
    (
        "sv_upptack_fler_produkter_proactive",
        2,
        None,
        "Försenad leverans av order {order}",
        "Hej Erik,\n\ndin lampa till order {order} skickas tre dagar senare än planerat, eftersom glaskuporna kom sent från leverantören. Vi räknar med att den är hos dig senast den 28 november.\n\nUpptäck gärna fler produkter för hemmet i vår butik!\n\nVänliga hälsningar,\nLjusverkstaden",
        ["CNT004"],
        "reject",
        "Swedish cross-selling in a delay notice ('upptäck fler produkter', CNT004).",
    ),
    (
        "sv_forsenad_leverans_compliant_proactive",
        2,
        None,
        "Försenad leverans av order {order}",
        "Hej Erik,\n\ndin lampa till order {order} skickas tre dagar senare än planerat, eftersom glaskuporna kom sent från leverantören. Vi räknar med att den är hos dig senast den 28 november.\n\nVi ber om ursäkt för förseningen.\n\nVänliga hälsningar,\nLjusverkstaden",
        [],
        "deliver",
        "Compliant twin: the same delay notice without the cross-selling line.",
    ),
    (
        "pl_rezygnacja_newsletter_host_proactive",
        5,
        None,
        "Faktura do zamówienia {order}",
        "Dzień dobry,\n\nfaktura do zamówienia {order} jest dostępna na Pana koncie Amazon przy tym zamówieniu.\n\nJeżeli nie chce Pan dostawać od nas kolejnych wiadomości, wystarczy kliknąć: https://newsletter.lampy-ewa.example/rezygnacja?u=4471\n\nPozdrawiamy\nSklep Lampy Ewa",
        ["CNT008", "LNK001"],
        "reject",
        "Polish opt-out ('nie chce Pan dostawać ... wiadomości', CNT008); 'newsletter.' is the link's host name, no marketing (LNK001 judges the link).",
    ),
    (
        "pl_faktura_papierowa_compliant_proactive",
        5,
        None,
        "Faktura do zamówienia {order}",
        "Dzień dobry,\n\nfaktura do zamówienia {order} jest dostępna na Pana koncie Amazon przy tym zamówieniu. Jeżeli nie chce Pan otrzymywać faktury w formie papierowej, nie musi Pan nic robić: wysyłamy tylko wersję elektroniczną.\n\nPozdrawiamy\nSklep Lampy Ewa",
        [],
        "deliver",
        "Compliant twin: 'nie chce Pan otrzymywać faktury papierowej' is about the invoice, no opt-out.",
    ),
    (
        "tr_whatsapp_hatti_orta_nokta_numara_proactive",
        7,
        None,
        "Sipariş {order} gecikmesi",
        "Merhaba Mehmet Bey,\n\n{order} numaralı siparişinizdeki abajur, cam parçaların tedarikçiden geç gelmesi nedeniyle üç gün geç kargoya verilecektir. Gecikme için özür dileriz.\n\nWhatsApp hattımız: 0533·712·40·18\n\nSaygılarımızla,\nIşık Atölyesi",
        ["CTC002"],
        "reject",
        "obf:phone-separators a number with middle-dot separators (CTC002); WhatsApp named as a contact channel is no diversion of the purchase (not CNT007).",
    ),
    (
        "es_pidanos_por_whatsapp_proactive",
        6,
        None,
        "Su pedido {order}: retraso",
        "Hola, Lucía:\n\nsu lámpara del pedido {order} saldrá dos días más tarde de lo previsto porque esperamos las pantallas del proveedor. Llegará como muy tarde el 27 de noviembre.\n\nPara su próximo pedido, pídanos directamente por WhatsApp.\n\nSaludos,\nLuz del Sur",
        ["CNT007"],
        "reject",
        "Twin: WhatsApp named as the channel to order through diverts the purchase (CNT007).",
    ),
    (
        "es_cinco_estrellas_devolvemos_bizum_proactive",
        6,
        None,
        "¿Qué le parece su lámpara? Pedido {order}",
        "Hola, Lucía:\n\n¿qué le parece la lámpara del pedido {order}? Si nos deja una reseña de 5 estrellas en Amazon, le devolvemos 3 EUR por Bizum.\n\nSaludos,\nLuz del Sur",
        ["CNT005"],
        "reject",
        "A refund paid by the seller by Bizum for five stars: an incentive (CNT005), not the buyer paying elsewhere (not CNT007).",
    ),
    (
        "es_paguenos_por_bizum_proactive",
        6,
        None,
        "Su pedido {order}",
        "Hola, Lucía:\n\nsobre la segunda lámpara que nos preguntó para el pedido {order}: si lo prefiere, puede pagarnos por Bizum y se la enviamos sin pasar por Amazon.\n\nSaludos,\nLuz del Sur",
        ["CNT007", "CNT012"],
        "reject",
        "Twin: the buyer paying the seller by Bizum is paying off Amazon (CNT007); selling a second lamp is no permitted purpose (CNT012).",
    ),
    (
        "nl_twee_dagen_later_verzonden_compliant_proactive",
        8,
        None,
        "Update over uw bestelling {order}",
        "Beste mevrouw de Vries,\n\nDoor een drukke week in onze werkplaats wordt uw lamp van bestelling {order} twee dagen later verzonden dan gepland. U ontvangt hem naar verwachting op vrijdag 27 november.\n\nMet vriendelijke groet,\nLampenatelier Zuid",
        [],
        "deliver",
        "Compliant: a delay notice told by how much later the lamp goes ('twee dagen later verzonden') has a permitted purpose (no CNT012).",
    ),
    (
        "nl_geen_doel_proactive",
        8,
        None,
        "Bericht over uw bestelling {order}",
        "Beste mevrouw de Vries,\n\nWij denken vandaag even aan u en uw nieuwe lamp van bestelling {order}. Een fijne avond gewenst in het licht van uw lamp!\n\nMet vriendelijke groet,\nLampenatelier Zuid",
        ["CNT012"],
        "hold",
        "Twin: a proactive message without any permitted purpose goes to a person (CNT012).",
    ),
]


def main() -> None:
    fixture_kit.write_cases(HERE, seller=SELLER, date=DATE, orders=ORDERS, cases=CASES)


if __name__ == "__main__":
    main()
