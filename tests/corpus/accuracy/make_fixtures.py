"""Build the accuracy fixtures of the golden corpus (run from the repository root).

    .venv/bin/python tests/corpus/accuracy/make_fixtures.py

Issue 14: what slips past by its shape (one fixture per folding class of policy.md "Reading the
text"), grammar where phrase lists fail (negation in each language's word order, who acts,
regional wording, Italian CANCELLAMI lines), and the six newer marketplace languages (Dutch,
Swedish, Polish, Turkish, Portuguese, Arabic): a compliant invoice and a compliant delivery-time
message in each, which must not fire, and a coupon, which must.

The MIME is the content family's (tests/corpus/content/make_fixtures.py: Gmail, Outlook,
Thunderbird, Zendesk, Freshdesk, ISO-2022-JP), with its tables extended to the new languages
and regional variants. Order ids are `302-7xxxxxx-xxxxxxx`, delivered on 2026-11-13.
"""

# ruff: noqa: E501  (message bodies are kept as the paragraphs a seller types)

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_SPEC = importlib.util.spec_from_file_location("content_fixtures", HERE.parent / "content" / "make_fixtures.py")
assert _SPEC is not None and _SPEC.loader is not None
content = importlib.util.module_from_spec(_SPEC)
sys.modules["content_fixtures"] = content
_SPEC.loader.exec_module(content)

Fixture = content.Fixture
F = Fixture

# Marketplace, buyer locale, shop (ASCII: the From header is not encoded), buyer's name and reply attribution of each language (and
# regional variant: `es-MX`, `pt-BR`, `fr-CA`, `en-US`).
LANGUAGES = {
    "nl": ("amazon.nl", "nl-NL", "Huis Lindner Klantenservice", "Amazon-klant",
           "Op wo 18 nov 2026 om 09:14 schreef {name} <{alias}>:"),
    "sv": ("amazon.se", "sv-SE", "Lindner Hem Kundtjanst", "Amazon-kund",
           "Den ons 18 nov. 2026 kl. 09:14 skrev {name} <{alias}>:"),
    "pl": ("amazon.pl", "pl-PL", "Dom Lindner Obsluga klienta", "Klient Amazon",
           "W dniu śr., 18.11.2026 o 09:14 {name} <{alias}> napisał:"),
    "tr": ("amazon.com.tr", "tr-TR", "Lindner Ev Musteri Hizmetleri", "Amazon müşterisi",
           "18 Kas 2026 Çar, saat 09:14 tarihinde {name} <{alias}> şunu yazdı:"),
    "pt-BR": ("amazon.com.br", "pt-BR", "Casa Lindner Atendimento", "Cliente Amazon",
              "Em qua., 18 de nov. de 2026 às 09:14, {name} <{alias}> escreveu:"),
    "ar": ("amazon.sa", "ar-SA", "Lindner Home Customer Care", "عميل أمازون",
           "\u200fفي الأربعاء، 18 نوفمبر 2026 في 9:14 ص، كتب {name} <{alias}>:"),
    "es-MX": ("amazon.com.mx", "es-MX", "Casa Brisa Atencion a clientes", "Cliente de Amazon",
              "El mié, 18 nov 2026 a las 9:14, {name} (<{alias}>) escribió:"),
    "fr-CA": ("amazon.ca", "fr-CA", "Atelier Lumiere Service a la clientele", "Client Amazon",
              "Le mer. 18 nov. 2026 à 09:14, {name} <{alias}> a écrit :"),
    "en-US": ("amazon.com", "en-US", "Northgate Kitchenware Customer Service", "Amazon customer",
              "On Wed, Nov 18, 2026 at 9:14 AM {name} <{alias}> wrote:"),
}
for _code, (_market, _locale, _shop, _buyer, _attribution) in LANGUAGES.items():
    content.MARKET[_code] = (_market, _locale)
    content.SHOP[_code] = _shop
    content.BUYER_NAME[_code] = _buyer
    content.ATTRIBUTION[_code] = _attribution

FIXTURES: list[Fixture] = [
    # ================================ folding: one per obfuscation class ====================
    F(
        "fold_zero_width_space_coupon_en_gmail", "en", "gmail",
        "A small thank-you for order {order}",
        "Hello Mr Green,\n\nthe replacement lid for order {order} is delayed by two days. Here is a co\u200bupon for you: SAVE10.\n\nKind regards\nDaniel Hughes\nNorthgate Kitchenware",
        "reject", ["CNT004"], "Zero-width space inside 'coupon'.",
    ),
    F(
        "fold_soft_hyphen_gutschein_de_zendesk", "de", "zendesk",
        "Lieferverzögerung Bestellung {order}",
        "Guten Tag Frau Krause,\n\nIhre Bestellung {order} verzögert sich um zwei Tage, weil der Spediteur einen Engpass hat. Als kleine Entschädigung erhalten Sie einen Gut\u00adschein über 5 Euro.\n\nFreundliche Grüße\nNordlicht Haushaltswaren",
        "reject", ["CNT004"], "Soft hyphen inside 'Gutschein'.",
    ),
    F(
        "fold_bidi_control_code_promo_fr_freshdesk", "fr", "freshdesk",
        "Retard de livraison, commande {order}",
        "Bonjour Madame Roux,\n\nvotre commande {order} aura deux jours de retard à cause d'une grève du transporteur. Pour nous excuser, voici un code\u202a pro\u202cmo : MERCI10.\n\nCordialement,\nJulie Moreau\nAtelier Lumière",
        "reject", ["CNT004"], "Bidi embedding controls inside 'code promo'.",
    ),
    F(
        "fold_cyrillic_confusable_instagram_en_zendesk", "en", "zendesk",
        "Your engraving text for order {order}",
        "Dear Mrs Hall,\n\nwhich text would you like engraved on the chopping board from order {order}? Please reply with up to 20 characters. Follow us on \u0406nstagr\u0430m for more ideas.\n\nKind regards,\nEmily Carter\nNorthgate Kitchenware",
        "reject", ["CNT004"], "Cyrillic I and a inside 'Instagram' (Unicode confusables).",
    ),
    F(
        "fold_fullwidth_newsletter_ja_iso2022jp", "ja", "iso2022jp",
        "ご注文{order}のお届けについて",
        "山田様\n\nご注文{order}の商品は、配送業者の都合により二日ほど遅れる見込みです。ご迷惑をおかけして申し訳ございません。\n当店のＮＥＷＳＬＥＴＴＥＲにもぜひご登録ください。\n\nCasa Midori",
        "reject", ["CNT004"], "Full-width 'NEWSLETTER' (compatibility forms).",
    ),
    F(
        "fold_math_letters_coupon_en_freshdesk", "en", "freshdesk",
        "Delivery date for order {order}",
        "Hello Ms Price,\n\nyour order {order} will be delivered on Thursday between 8 and 12 by our freight partner. Keep this \U0001d41c\U0001d428\U0001d42e\U0001d429\U0001d428\U0001d427 for later: SAVE15.\n\nBest regards\nNorthgate Kitchenware",
        "reject", ["CNT004"], "Mathematical bold letters spelling 'coupon' (NFKC).",
    ),
    F(
        "fold_spaced_letters_coupon_en_gmail", "en", "gmail",
        "About your order {order}",
        "Hello Mr Walsh,\n\nthe teapot from order {order} is out of stock until Monday, so it will ship two days later than planned. Here is a c o u p o n for you: SAVE10.\n\nKind regards\nDaniel Hughes\nNorthgate Kitchenware",
        "reject", ["CNT004"], "Letters spaced apart ('c o u p o n').",
    ),
    F(
        "fold_dotted_letters_instagram_en_zendesk", "en", "zendesk",
        "Your colour choice for order {order}",
        "Dear Mr Lewis,\n\nwhich colour would you like for the enamel mug in order {order}: cream or sage? Please reply so we can send it out. Follow us on I.n.s.t.a.g.r.a.m for new colours.\n\nKind regards,\nEmily Carter\nNorthgate Kitchenware",
        "reject", ["CNT004"], "Letters dotted apart ('I.n.s.t.a.g.r.a.m').",
    ),
    F(
        "fold_html_entity_codice_sconto_it_thunderbird", "it", "thunderbird",
        "Ritardo ordine {order}",
        "Gentile signora Conti,\n\nil suo ordine {order} arriverà con due giorni di ritardo a causa di uno sciopero del corriere. Ci scusiamo per il disagio: usi il codice&#32;sconto SCUSA10.\n\nCordiali saluti\nCasa Aurora",
        "reject", ["CNT004"], "An HTML entity (&#32;) between 'codice' and 'sconto' in plain text.",
    ),
    F(
        "fold_qp_soft_break_cupon_es_thunderbird", "es", "thunderbird",
        "Retraso del pedido {order}",
        "Estimada señora Ruiz,\n\nsu pedido {order} llegará con dos días de retraso por una huelga de transporte. Sentimos las molestias y le enviamos un cu=\npón de descuento: PERDON10.\n\nUn saludo\nCasa Brisa",
        "reject", ["CNT004"], "A quoted-printable soft line break ('cu=' at a line end) left in the text.",
    ),
    F(
        "fold_lookalike_amazon_domain_en_gmail", "en", "gmail",
        "Return label for order {order}",
        "Hello Mr Young,\n\nyour return for order {order} is approved. Please print the label from \u0430mazon.co.uk/returns and drop the parcel at any post office.\n\nKind regards\nDaniel Hughes\nNorthgate Kitchenware",
        "reject", ["LNK001"], "A look-alike Amazon domain (Cyrillic a): its punycode is another host.",
    ),
    F(
        "fold_compliant_abbreviations_en_gmail", "en", "gmail",
        "Size exchange for order {order}",
        "Hello Mrs Scott,\n\nthank you for your message about order {order}. The apron comes in S, M, L and XL; which size would you like instead? The U.S. and U.K. sizes are the same for aprons, e.g. M fits chest 96 cm.\n\nKind regards\nDaniel Hughes\nNorthgate Kitchenware",
        "deliver", [], "Compliant: initials, size letters and abbreviations are not collapsed into words.",
    ),
    # ===================================== grammar: negation ===============================
    F(
        "grammar_de_verb_final_kein_rabatt_an_gmail", "de", "gmail",
        "Lieferverzögerung Bestellung {order}",
        "Guten Tag Herr Wagner,\n\nIhre Bestellung {order} verzögert sich leider um drei Tage, weil der Hersteller nachliefern muss. Einen Rabatt oder Gutschein können wir Ihnen über Amazon leider nicht anbieten, die Lieferung ist aber fest für Freitag zugesagt.\n\nFreundliche Grüße\nNordlicht Haushaltswaren",
        "deliver", [], "German verb-final negation: 'Einen Rabatt oder Gutschein können wir ... nicht anbieten'.",
    ),
    F(
        "grammar_de_dass_keinen_gutschein_reply_zendesk", "de", "zendesk",
        "Ihre Frage zu Bestellung {order}",
        "Guten Tag Frau Schulz,\n\nwir verstehen Ihren Ärger über die Verspätung. Bitte haben Sie Verständnis dafür, dass wir Ihnen über Amazon keinen Gutschein geben können. Die Erstattung der Versandkosten für {order} haben wir heute veranlasst.\n\nFreundliche Grüße\nNordlicht Haushaltswaren",
        "deliver", [], "German subordinate clause: '... dass wir Ihnen keinen Gutschein geben können'.",
        quote="Guten Tag, die Lieferung kam drei Tage zu spät. Bekomme ich einen Gutschein?\nM. Schulz",
    ),
    F(
        "grammar_nl_verb_final_geen_kortingscode_gmail", "nl", "gmail",
        "Vertraging bestelling {order}",
        "Beste mevrouw De Vries,\n\nuw bestelling {order} wordt helaas twee dagen later geleverd, omdat de vervoerder te maken heeft met een staking. Kortingscodes kunnen wij via Amazon helaas niet aanbieden, maar de nieuwe leverdatum is vrijdag 27 november.\n\nMet vriendelijke groet\nHuis Lindner",
        "deliver", [], "Dutch verb-final negation: 'Kortingscodes kunnen wij ... niet aanbieden'.",
    ),
    F(
        "grammar_ja_polite_negative_coupon_iso2022jp", "ja", "iso2022jp",
        "ご注文{order}の配送遅延について",
        "佐藤様\n\nご注文{order}の商品は、配送業者の都合によりお届けが二日ほど遅れる見込みです。誠に申し訳ございません。なお、Amazonのガイドラインにより、クーポンや割引のご提供はいたしかねます。何卒ご了承くださいませ。\n\nCasa Midori",
        "deliver", [], "Japanese polite negative: 'クーポンや割引のご提供はいたしかねます'.",
    ),
    F(
        "grammar_it_clitic_non_le_codice_sconto_gmail", "it", "gmail",
        "Ritardo ordine {order}",
        "Gentile signor Russo,\n\nil suo ordine {order} arriverà con due giorni di ritardo per uno sciopero dei corrieri. Non le possiamo purtroppo offrire un codice sconto, ma la consegna è confermata per venerdì.\n\nCordiali saluti\nCasa Aurora",
        "deliver", [], "Italian clitic between negation and verb: 'Non le possiamo ... offrire un codice sconto'.",
    ),
    F(
        "grammar_es_clitic_no_le_codigo_descuento_zendesk", "es", "zendesk",
        "Retraso del pedido {order}",
        "Estimado señor Gómez,\n\nsu pedido {order} llegará con dos días de retraso por una huelga de transporte. No le podemos ofrecer ningún código de descuento a través de Amazon, pero la entrega está confirmada para el viernes.\n\nUn saludo\nCasa Brisa",
        "deliver", [], "Spanish clitic between negation and verb: 'No le podemos ofrecer ningún código de descuento'.",
    ),
    F(
        "grammar_fr_clitic_ne_vous_code_promo_outlook", "fr", "outlook",
        "Retard de votre commande {order}",
        "Bonjour Monsieur Blanc,\n\nvotre commande {order} aura trois jours de retard, le fabricant doit nous livrer à nouveau. Nous ne pouvons malheureusement pas vous proposer de code promo via Amazon, mais la livraison est confirmée pour vendredi.\n\nCordialement,\nAtelier Lumière",
        "deliver", [], "French negation around a clitic: 'ne pouvons ... pas vous proposer de code promo'.",
    ),
    # ===================================== grammar: who acts ===============================
    F(
        "grammar_en_we_had_to_cancel_gmail", "en", "gmail",
        "Your order {order} could not be fulfilled",
        "Hello Mrs Turner,\n\nwe are very sorry: the walnut tray you ordered is sold out and the workshop cannot make another one before Christmas. We had to cancel your order {order}, and Amazon will refund the full amount within a few days.\n\nKind regards\nDaniel Hughes\nNorthgate Kitchenware",
        "deliver", [], "The seller cancelled the order (fulfilment problem): nobody is asked to cancel.",
    ),
    F(
        "grammar_de_wir_mussten_stornieren_zendesk", "de", "zendesk",
        "Ihre Bestellung {order}",
        "Guten Tag Herr Becker,\n\nleider ist die Messingleuchte aus Ihrer Bestellung {order} ausverkauft und wird nicht mehr hergestellt. Wir mussten Ihre Bestellung deshalb stornieren; Amazon erstattet Ihnen den vollen Betrag.\n\nFreundliche Grüße\nNordlicht Haushaltswaren",
        "deliver", [], "'Wir mussten Ihre Bestellung stornieren': the seller acted, no cancel request.",
    ),
    F(
        "grammar_en_please_cancel_yourself_outlook", "en", "outlook",
        "Order {order} - item unavailable",
        "Dear Mr Hill,\n\nthe enamel pot from order {order} is sold out. Could you please cancel the order yourself in Your Orders, so that it does not count against our account?\n\nKind regards\nOliver Bennett\nNorthgate Kitchenware",
        "hold", ["CNT010"], "The buyer is asked to cancel: CNT010.",
    ),
    # ===================================== regional wording ================================
    F(
        "regional_en_gb_parcel_dispatched_zendesk", "en", "zendesk",
        "Your parcel is on the move - order {order}",
        "Dear Mrs Cooper,\n\nyour parcel with the stoneware mugs from order {order} has been dispatched today with Royal Mail and should be with you by Friday.\n\nKind regards,\nEmily Carter\nNorthgate Kitchenware",
        "reject", ["CNT001"], "British English shipping confirmation ('parcel ... has been dispatched').",
    ),
    F(
        "regional_en_gb_voucher_off_next_order_gmail", "en", "gmail",
        "Sorry for the wait - order {order}",
        "Hello Mr Bell,\n\nwe are sorry the courier delayed your parcel for order {order} by two days. As an apology, here is a money-off voucher: use SORRY5 for £5 off your next order.\n\nCheers\nDaniel Hughes\nNorthgate Kitchenware",
        "reject", ["CNT004"], "British English marketing ('money-off voucher', '£5 off your next order').",
    ),
    F(
        "regional_en_us_zip_code_address_gmail", "en-US", "gmail",
        "Shipping address for order {order}",
        "Hi Jennifer,\n\nthe carrier returned the package for order {order} because the ZIP code in the shipping address does not match the city. Could you please confirm the correct ZIP code so we can send it out again?\n\nThanks,\nDaniel\nNorthgate Kitchenware",
        "deliver", [], "US English address question (permitted purpose: information needed to complete the order).",
    ),
    F(
        "regional_es_mx_orden_enviada_zendesk", "es-MX", "zendesk",
        "Tu orden {order}",
        "Hola Mariana,\n\ntu orden {order} fue enviada hoy por DHL y llegará en dos o tres días hábiles. El paquete incluye la jarra de vidrio y las cuatro tazas que elegiste.\n\nSaludos\nCasa Brisa",
        "reject", ["CNT001"], "Latin American Spanish shipping confirmation ('tu orden fue enviada').",
    ),
    F(
        "regional_es_mx_cancele_su_orden_gmail", "es-MX", "gmail",
        "Sobre su orden {order}",
        "Estimado señor Hernández,\n\nel producto de su orden {order} se agotó con nuestro proveedor. Le pedimos por favor que cancele su orden desde su cuenta de Amazon para que le devuelvan su dinero.\n\nSaludos cordiales\nCasa Brisa",
        "hold", ["CNT010"], "Latin American Spanish cancel request ('cancele su orden').",
    ),
    F(
        "regional_fr_ca_infolettre_freshdesk", "fr-CA", "freshdesk",
        "Votre commande {order} : date de livraison",
        "Bonjour Madame Tremblay,\n\nvotre commande {order} sera livrée jeudi entre 8 h et 12 h par notre transporteur. Abonnez-vous à notre infolettre pour ne rien manquer de nos nouveautés!\n\nBonne journée,\nAtelier Lumière",
        "reject", ["CNT004"], "Canadian French newsletter ('infolettre').",
    ),
    F(
        "regional_pt_br_pedido_enviado_gmail", "pt-BR", "gmail",
        "Seu pedido {order}",
        "Olá Fernanda,\n\nseu pedido {order} foi enviado hoje pelos Correios e deve chegar em até cinco dias úteis. O pacote contém a chaleira de vidro e as duas canecas que você escolheu.\n\nAbraços\nCasa Lindner",
        "reject", ["CNT001"], "Brazilian Portuguese shipping confirmation ('seu pedido foi enviado').",
    ),
    F(
        "regional_it_cancellami_fattura_outlook", "it", "outlook",
        "Fattura ordine {order}",
        "Gentile signora Greco,\n\nin allegato trova la fattura del suo ordine {order}. Il pagamento è già stato effettuato tramite Amazon.\n\nSe non desidera ricevere altre comunicazioni da parte nostra, risponda CANCELLAMI.\n\nCordiali saluti\nCasa Aurora",
        "reject", ["CNT008"], "Italian opt-out line ('risponda CANCELLAMI') in an invoice message.",
    ),
    # ============================================ Dutch ====================================
    F(
        "nl_factuur_compliant_gmail", "nl", "gmail",
        "Factuur bij uw bestelling {order}",
        "Beste meneer Jansen,\n\nin de bijlage vindt u de factuur van uw bestelling {order}. Het bedrag is al via Amazon betaald, u hoeft dus niets meer te doen. U kunt de factuur bewaren voor uw administratie.\n\nMet vriendelijke groet\nHuis Lindner",
        "deliver", [], "Dutch invoice message (permitted purpose).",
    ),
    F(
        "nl_levertijd_antwoord_reply_zendesk", "nl", "zendesk",
        "Levertijd bestelling {order}",
        "Beste mevrouw Bakker,\n\nbedankt voor uw vraag. De lamp uit bestelling {order} komt volgende week dinsdag opnieuw binnen in ons magazijn en wordt dan dezelfde dag verstuurd. De verwachte leverdatum is donderdag 3 december.\n\nMet vriendelijke groet\nHuis Lindner",
        "deliver", [], "Dutch delivery-time answer to the buyer's question.",
        quote="Goedendag, wanneer wordt mijn lamp geleverd? Groet, E. Bakker",
    ),
    F(
        "nl_kortingscode_volgende_bestelling_gmail", "nl", "gmail",
        "Uw bestelling {order}",
        "Beste meneer Visser,\n\nuw bestelling {order} wordt twee dagen later geleverd dan gepland. Gebruik de kortingscode SORRY10 voor 10 % korting op uw volgende bestelling!\n\nMet vriendelijke groet\nHuis Lindner",
        "reject", ["CNT004"], "Dutch coupon.",
    ),
    # ============================================ Swedish ==================================
    F(
        "sv_faktura_compliant_gmail", "sv", "gmail",
        "Faktura för din beställning {order}",
        "Hej Anna,\n\nhär kommer fakturan för din beställning {order} som bifogad fil. Beloppet är redan betalt via Amazon, så du behöver inte göra något mer. Spara gärna fakturan för din bokföring.\n\nVänliga hälsningar\nLindner Hem",
        "deliver", [], "Swedish invoice message (permitted purpose).",
    ),
    F(
        "sv_leveranstid_svar_reply_gmail", "sv", "gmail",
        "Leveranstid för beställning {order}",
        "Hej Erik,\n\ntack för din fråga. Lampan i din beställning {order} kommer tillbaka till vårt lager på tisdag och skickas samma dag. Beräknat leveransdatum är torsdag den 3 december.\n\nVänliga hälsningar\nLindner Hem",
        "deliver", [], "Swedish delivery-time answer to the buyer's question.",
        quote="Hej, när kommer min lampa? Mvh Erik Lund",
    ),
    F(
        "sv_rabattkod_nasta_kop_zendesk", "sv", "zendesk",
        "Din beställning {order}",
        "Hej Sara,\n\ndin beställning {order} blir två dagar försenad. Som tack för ditt tålamod får du rabattkoden TACK10 med 10 % rabatt på ditt nästa köp.\n\nVänliga hälsningar\nLindner Hem",
        "reject", ["CNT004"], "Swedish coupon.",
    ),
    # ============================================ Polish ===================================
    F(
        "pl_faktura_compliant_gmail", "pl", "gmail",
        "Faktura do zamówienia {order}",
        "Dzień dobry,\n\nw załączniku przesyłamy fakturę VAT do zamówienia {order}. Płatność została już zrealizowana przez Amazon, więc nie musi Pan nic więcej robić. Fakturę można zachować do celów księgowych.\n\nPozdrawiamy\nDom Lindner",
        "deliver", [], "Polish invoice message (permitted purpose).",
    ),
    F(
        "pl_termin_dostawy_odpowiedz_reply_gmail", "pl", "gmail",
        "Termin dostawy zamówienia {order}",
        "Dzień dobry Pani Anno,\n\ndziękujemy za pytanie. Lampa z zamówienia {order} wróci do naszego magazynu we wtorek i zostanie wysłana tego samego dnia. Przewidywany termin dostawy to czwartek, 3 grudnia.\n\nPozdrawiamy\nDom Lindner",
        "deliver", [], "Polish delivery-time answer to the buyer's question.",
        quote="Dzień dobry, kiedy dotrze moja lampa? Anna Nowak",
    ),
    F(
        "pl_kod_rabatowy_nastepny_zakup_zendesk", "pl", "zendesk",
        "Twoje zamówienie {order}",
        "Dzień dobry,\n\nzamówienie {order} dotrze z dwudniowym opóźnieniem. W ramach przeprosin otrzymuje Pan kod rabatowy PRZEPRASZAMY10 na 10 % zniżki przy następnym zakupie.\n\nPozdrawiamy\nDom Lindner",
        "reject", ["CNT004"], "Polish coupon.",
    ),
    # ============================================ Turkish ==================================
    F(
        "tr_fatura_compliant_gmail", "tr", "gmail",
        "{order} numaralı siparişinizin faturası",
        "Merhaba Mehmet Bey,\n\n{order} numaralı siparişinizin faturası ektedir. Ödeme Amazon üzerinden alınmıştır, sizin başka bir işlem yapmanıza gerek yoktur. Faturayı kayıtlarınız için saklayabilirsiniz.\n\nSaygılarımızla\nLindner Ev",
        "deliver", [], "Turkish invoice message (permitted purpose).",
    ),
    F(
        "tr_teslimat_suresi_yanit_reply_gmail", "tr", "gmail",
        "{order} teslimat süresi",
        "Merhaba Zeynep Hanım,\n\nsorunuz için teşekkür ederiz. {order} numaralı siparişinizdeki lamba salı günü depomuza geri gelecek ve aynı gün kargoya verilecektir. Tahmini teslim tarihi 3 Aralık Perşembe.\n\nSaygılarımızla\nLindner Ev",
        "deliver", [], "Turkish delivery-time answer to the buyer's question.",
        quote="Merhaba, lambam ne zaman gelir? Zeynep Kaya",
    ),
    F(
        "tr_indirim_kuponu_sonraki_siparis_zendesk", "tr", "zendesk",
        "{order} numaralı siparişiniz",
        "Merhaba Ali Bey,\n\n{order} numaralı siparişiniz iki gün gecikmeli teslim edilecek. Anlayışınız için teşekkür olarak bir sonraki siparişinizde geçerli %10 indirim kuponu: TESEKKUR10.\n\nSaygılarımızla\nLindner Ev",
        "reject", ["CNT004"], "Turkish coupon.",
    ),
    F(
        "tr_indirim_veremiyoruz_reply_gmail", "tr", "gmail",
        "{order} hakkında",
        "Merhaba Ayşe Hanım,\n\ngecikme için özür dileriz. Amazon kuralları gereği size indirim kodu veremiyoruz, ancak {order} numaralı siparişinizin kargo ücretini iade ettik.\n\nSaygılarımızla\nLindner Ev",
        "deliver", [], "Turkish verb-suffix negation: 'indirim kodu veremiyoruz'.",
        quote="Merhaba, siparişim geç geldi. İndirim alabilir miyim? Ayşe",
    ),
    # ============================================ Portuguese ===============================
    F(
        "pt_br_nota_fiscal_compliant_gmail", "pt-BR", "gmail",
        "Nota fiscal do pedido {order}",
        "Olá Rodrigo,\n\nsegue em anexo a nota fiscal do seu pedido {order}. O pagamento já foi confirmado pela Amazon, então você não precisa fazer mais nada. Guarde a nota fiscal para a garantia do produto.\n\nAtenciosamente\nCasa Lindner",
        "deliver", [], "Brazilian Portuguese invoice message (permitted purpose).",
    ),
    F(
        "pt_br_prazo_entrega_resposta_reply_gmail", "pt-BR", "gmail",
        "Prazo de entrega do pedido {order}",
        "Olá Juliana,\n\nobrigado pela sua pergunta. A luminária do pedido {order} volta ao nosso estoque na terça-feira e será despachada no mesmo dia. A previsão de entrega é quinta-feira, 3 de dezembro.\n\nAtenciosamente\nCasa Lindner",
        "deliver", [], "Brazilian Portuguese delivery-time answer to the buyer's question.",
        quote="Olá, quando chega a minha luminária? Juliana Costa",
    ),
    F(
        "pt_br_cupom_proxima_compra_zendesk", "pt-BR", "zendesk",
        "Seu pedido {order}",
        "Olá Carla,\n\nseu pedido {order} vai atrasar dois dias por causa de uma greve dos Correios. Para compensar, use o cupom DESCULPA10 e ganhe 10 % de desconto na sua próxima compra!\n\nAtenciosamente\nCasa Lindner",
        "reject", ["CNT004"], "Brazilian Portuguese coupon.",
    ),
    # ============================================ Arabic ===================================
    F(
        "ar_fatura_compliant_gmail", "ar", "gmail",
        "فاتورة طلبك {order}",
        "مرحبا أستاذ خالد،\n\nمرفق الفاتورة الخاصة بطلبك رقم {order}. تم الدفع بالكامل عن طريق أمازون، ولا تحتاج إلى القيام بأي إجراء آخر. يمكنك الاحتفاظ بالفاتورة لسجلاتك الخاصة.\n\nمع أطيب التحيات\nLindner Home",
        "deliver", [], "Arabic invoice message (permitted purpose).",
    ),
    F(
        "ar_delivery_date_answer_reply_rtl_gmail", "ar", "gmail",
        "موعد توصيل الطلب {order}",
        "\u200fمرحبا أستاذة سارة،\n\n\u200fشكرا على سؤالك. سيصل المصباح الخاص بطلبك رقم {order} إلى مستودعنا يوم الثلاثاء وسيتم شحنه في نفس اليوم. موعد التوصيل المتوقع هو يوم الخميس 3 ديسمبر.\n\n\u200fمع أطيب التحيات\nLindner Home",
        "deliver", [], "Arabic delivery-time answer, right-to-left marks, the buyer's words quoted.",
        quote="مرحبا، متى سيصل المصباح؟ هل يمكنني الحصول على كوبون خصم؟ سارة",
    ),
    F(
        "ar_discount_code_next_order_zendesk", "ar", "zendesk",
        "طلبك {order}",
        "مرحبا أستاذ عمر،\n\nسيتأخر طلبك رقم {order} يومين بسبب الجمارك. نعتذر عن التأخير، واستخدم كود الخصم SORRY10 للحصول على خصم 10 % على طلبك القادم.\n\nمع أطيب التحيات\nLindner Home",
        "reject", ["CNT004"], "Arabic coupon.",
    ),
]


def order_id(index: int) -> str:
    return f"302-7{index:06d}-{(index * 7919 + 7654321) % 10_000_000:07d}"


def main() -> None:
    for path in HERE.glob("*.eml"):
        path.unlink()
    for path in HERE.glob("*.toml"):
        path.unlink()
    rows = [
        "order_id,buyer_email,purchase_date,marketplace,status,ship_date,"
        "earliest_delivery_date,latest_delivery_date,delivery_date,buyer_locale,opted_out"
    ]
    names = [f.name for f in FIXTURES]
    assert len(names) == len(set(names)), "duplicate fixture names"
    for index, fixture in enumerate(FIXTURES, start=1):
        content.ORDERS[fixture.name] = order_id(index)
    for index, fixture in enumerate(FIXTURES, start=1):
        marketplace, locale = content.MARKET[fixture.lang]
        rows.append(
            f"{content.order_of(fixture)},{content.alias(fixture)},2026-11-08,{marketplace},"
            f"Delivered,2026-11-10,2026-11-12,2026-11-14,2026-11-13,{locale},false"
        )
        (HERE / f"{fixture.name}.eml").write_bytes(content.build(fixture, index))
        codes = ", ".join(content.toml_string(c) for c in sorted(fixture.codes))
        (HERE / f"{fixture.name}.toml").write_text(
            f"action = {content.toml_string(fixture.action)}\ncodes = [{codes}]\n"
            f"note = {content.toml_string(fixture.note)}\n",
            encoding="utf-8",
        )
    (HERE / "orders.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(FIXTURES)} fixtures written to {HERE}")


if __name__ == "__main__":
    main()
