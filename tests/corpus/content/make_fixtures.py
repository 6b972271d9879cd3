"""Build the content (CNT) fixtures of the golden corpus (run from the repository root).

    .venv/bin/python tests/corpus/content/make_fixtures.py

Every message is written here as a seller's mail client or helpdesk would send it (Gmail,
Outlook, Thunderbird, Zendesk, Freshdesk, a Japanese ISO-2022-JP mailer), proactive or as a
reply with the buyer's words quoted, in English, German, French, Italian, Spanish and Japanese.
Each fixture gets its sidecar (.toml) with the expected action and codes, and its order goes
into orders.csv (order ids `302-1xxxxxx-xxxxxxx`, delivered on 2026-11-13, a week before the
corpus date 2026-11-20, so that review requests are inside the ORD007 window).
"""

# ruff: noqa: E501  (message bodies are kept as the paragraphs a seller types)

from __future__ import annotations

import base64
import hashlib
import html
import quopri
import textwrap
from dataclasses import dataclass, field
from email.header import Header
from pathlib import Path

HERE = Path(__file__).resolve().parent
SELLER = "support@shop.example"

MARKET = {
    "en": ("amazon.co.uk", "en-GB"),
    "de": ("amazon.de", "de-DE"),
    "fr": ("amazon.fr", "fr-FR"),
    "it": ("amazon.it", "it-IT"),
    "es": ("amazon.es", "es-ES"),
    "ja": ("amazon.co.jp", "ja-JP"),
}
SHOP = {
    "en": "Northgate Kitchenware Customer Service",
    "de": "Nordlicht Haushaltswaren Kundenservice",
    "fr": "Atelier Lumiere Service client",
    "it": "Casa Aurora Servizio clienti",
    "es": "Casa Brisa Atencion al cliente",
    "ja": "Casa Midori Support",
}
BUYER_NAME = {
    "en": "Amazon customer",
    "de": "Amazon-Kunde",
    "fr": "Client Amazon",
    "it": "Cliente Amazon",
    "es": "Cliente de Amazon",
    "ja": "Amazon購入者",
}
ATTRIBUTION = {
    "en": "On Wed, 18 Nov 2026 at 09:14, {name} <{alias}> wrote:",
    "de": "Am Mi., 18. Nov. 2026 um 09:14 Uhr schrieb {name} <{alias}>:",
    "fr": "Le mer. 18 nov. 2026 à 09:14, {name} <{alias}> a écrit :",
    "it": "Il giorno mer 18 nov 2026 alle ore 09:14 {name} <{alias}> ha scritto:",
    "es": "El mié, 18 nov 2026 a las 9:14, {name} (<{alias}>) escribió:",
    "ja": "2026年11月18日(水) 9:14 {name} <{alias}> のメッセージ:",
}
OUTLOOK_HEADER = {
    "en": ("From", "Sent", "To", "Subject", "Wednesday, November 18, 2026 9:14 AM"),
    "de": ("Von", "Gesendet", "An", "Betreff", "Mittwoch, 18. November 2026 09:14"),
    "fr": ("De", "Envoyé", "À", "Objet", "mercredi 18 novembre 2026 09:14"),
    "it": ("Da", "Inviato", "A", "Oggetto", "mercoledì 18 novembre 2026 09:14"),
    "es": ("De", "Enviado", "Para", "Asunto", "miércoles, 18 de noviembre de 2026 9:14"),
    "ja": ("差出人", "送信日時", "宛先", "件名", "2026年11月18日 9:14"),
}


@dataclass
class Fixture:
    name: str
    lang: str
    style: str  # gmail | outlook | thunderbird | zendesk | freshdesk | iso2022jp
    subject: str
    body: str
    action: str
    codes: list[str]
    note: str
    quote: str = ""  # the buyer's message this one answers (a reply when set)
    headers: dict[str, str] = field(default_factory=dict)
    html_only: bool = False  # helpdesks that send no text/plain part

    @property
    def reply(self) -> bool:
        return bool(self.quote)


# ---- the fixtures ------------------------------------------------------------------------------

F = Fixture
FIXTURES: list[Fixture] = [
    # ======================================== English ========================================
    F(
        "en_review_request_neutral_gmail", "en", "gmail",
        "How is your new glass kettle? Order {order}",
        """Hello Sarah,

the glass kettle from order {order} reached you last week. We would be grateful if you could take a moment to share your experience with the product in a review on Amazon. Every review helps other customers choose the right kettle for their kitchen.

Kind regards
Daniel Hughes
Northgate Kitchenware""",
        "deliver", [], "A neutral review request: no condition, no incentive, no steering.",
    ),
    F(
        "en_review_five_star_gift_card_thunderbird", "en", "thunderbird",
        "Your bamboo chopping boards - order {order}",
        """Hi Tom,

we hope you are enjoying the bamboo chopping board set from order {order}. If you love it, please leave us a 5-star review on Amazon. As a thank you we will send you a £10 Amazon gift card once your review is live.

Best wishes,
Claire Morgan
Northgate Kitchenware""",
        "reject", ["CNT005"], "Conditional, 5-star and gift-card incentive in one review request.",
    ),
    F(
        "en_shipping_confirmation_zendesk", "en", "zendesk",
        "Good news about your order {order}",
        """Dear Mrs Robinson,

good news! Your order {order} has been shipped today with Royal Mail and should arrive within two working days. The parcel contains the cast iron casserole dish and the matching lid that you selected.

Kind regards,
Emily Carter
Northgate Kitchenware""",
        "reject", ["CNT001"], "A plain shipping confirmation sent from a helpdesk.",
    ),
    F(
        "en_thank_you_only_outlook", "en", "outlook",
        "Thank you for your order {order}",
        """Dear Mr Patel,

Thank you for your purchase of the walnut desk organiser from order {order}. We truly appreciate your support of our small family business and hope the organiser brings a little calm to your workspace.

Warm regards
Oliver Bennett
Northgate Kitchenware""",
        "reject", ["CNT002"], "Nothing but thanks (CNT012 is not repeated on top of CNT002).",
    ),
    F(
        "en_delay_with_contact_line_gmail", "en", "gmail",
        "Delivery delay for order {order}",
        """Dear Ms Green,

unfortunately the delivery of the garden kneeler from order {order} is delayed because our carrier had a system outage on Wednesday. The parcel will now arrive by Tuesday, 24 November. We apologise for the inconvenience.

If you have any questions, please feel free to contact us.

Kind regards
Daniel Hughes
Northgate Kitchenware""",
        "reject", ["CNT003"], "A permitted delay notice spoiled by a 'contact us' line.",
    ),
    F(
        "en_invoice_with_coupon_and_instagram_gmail", "en", "gmail",
        "VAT invoice for order {order}",
        """Hello Mr Evans,

your VAT invoice for order {order} is now available in your Amazon account under Your Orders.

As a small thank you, use the code WINTER15 for 15% off your next order in our Amazon store, and follow us on Instagram for recipes and new arrivals.

Best regards
Sophie Turner
Northgate Kitchenware""",
        "reject", ["CNT004"], "Invoice message with a discount code and a social 'follow us'.",
    ),
    F(
        "en_return_no_vouchers_negated_outlook", "en", "outlook",
        "Your return request for order {order}",
        """Dear Mrs Clarke,

we have received the return request for the table lamp from order {order}. Please pack the lamp in its original box and use the prepaid return label from Your Orders on Amazon. We do not offer vouchers or discount codes as compensation; the full refund will be issued through Amazon as soon as the lamp arrives back with us.

Kind regards
Oliver Bennett
Northgate Kitchenware""",
        "deliver", [], "Negation: 'we do not offer ... discount codes' is not marketing.",
    ),
    F(
        "en_reply_quoted_discount_and_review_gmail", "en", "gmail",
        "Re: Cracked teapot lid - order {order}",
        """Hello Mr Wright,

I am sorry the lid of your teapot from order {order} arrived cracked. A replacement lid will be sent to you on Monday at no cost, and there is no need to return the damaged one.

Let me know if you need anything else.

Best regards
Emily Carter
Northgate Kitchenware""",
        "deliver", ["CNT003"],
        "Reply: the buyer's quoted words ask for a discount code and offer a 5-star review; "
        "only the seller's offer of further help counts, as a warning.",
        quote="""Hi, the lid of my teapot arrived cracked. Can you give me a discount code? I would happily leave a 5-star review if you send a free replacement.""",
    ),
    F(
        "en_reply_remove_review_outlook", "en", "outlook",
        "RE: Refund for order {order}",
        """Dear Ms Hall,

we have now issued a full refund for order {order}. Since the issue is resolved, could you please remove your 1-star review from the product page?

Kind regards
Sophie Turner
Northgate Kitchenware""",
        "reject", ["CNT006"], "Asking the buyer to remove a review after a refund.",
        quote="""The toaster stopped working after two days. I want my money back and I have left a review so others know.""",
    ),
    F(
        "en_important_tag_on_review_request_gmail", "en", "gmail",
        "[Important] Your opinion on order {order}",
        """Hello Mr Morris,

the stainless steel saucepan set from order {order} should have reached you a few days ago. Would you take a moment to share your experience with the saucepans in a review on Amazon? It helps other home cooks a great deal.

Kind regards
Daniel Hughes
Northgate Kitchenware""",
        "hold", ["CNT009"], "[Important] on a review request, which is not a critical message.",
    ),
    F(
        "en_important_tag_on_address_problem_zendesk", "en", "zendesk",
        "[Important] Delivery address incomplete – order {order}",
        """Dear Mr Lewis,

we are ready to send out the oak bookshelf from order {order}, but the delivery address is missing the flat number and the freight company will not accept the parcel without it. Please reply to this message with the complete address so that the bookshelf can leave our warehouse tomorrow.

Kind regards,
Emily Carter
Northgate Kitchenware""",
        "deliver", [], "[Important] on a critical message (address problem) is allowed.",
    ),
    F(
        "en_ask_buyer_to_cancel_outlook", "en", "outlook",
        "Order {order}: item unavailable",
        """Dear Ms Turner,

we are very sorry, but the ceramic vase from order {order} is out of stock and our supplier cannot deliver it before January. Please cancel the order from your Amazon account so that you are not charged.

Kind regards
Oliver Bennett
Northgate Kitchenware""",
        "hold", ["CNT010"], "Asking the buyer to cancel goes to a person.",
    ),
    F(
        "en_seasonal_greeting_no_purpose_thunderbird", "en", "thunderbird",
        "Autumn greetings from our workshop - order {order}",
        """Dear Mrs Baker,

autumn has arrived at our workshop and the whole team wanted to send you our warmest wishes for the season. We hope the woollen blanket from order {order} keeps you cosy on the long evenings ahead.

All the best,
Claire Morgan
Northgate Kitchenware""",
        "hold", ["CNT012"], "A proactive message with no permitted purpose.",
    ),
    F(
        "en_review_request_steering_gmail", "en", "gmail",
        "A quick favour - order {order}",
        """Hello Mr Scott,

your mattress topper from order {order} arrived a week ago. We would appreciate it if you could leave a review of the product on Amazon. If anything is not as expected, please contact us first before leaving a review so that we can make it right.

Kind regards
Daniel Hughes
Northgate Kitchenware""",
        "reject", ["CNT003"], "Steering the buyer to the seller before reviewing.",
    ),
    F(
        "en_reply_divert_to_website_paypal_freshdesk", "en", "freshdesk",
        "Re: Second set of coasters - order {order}",
        """Hello Ms Young,

thank you for your message about order {order}. The second set of slate coasters is not available on Amazon at the moment. You can order it directly from our website, and if you pay by PayPal we can ship it the same day.

Best regards
Sophie Turner
Northgate Kitchenware""",
        "reject", ["CNT007"], "Diverting the buyer to buy and pay outside Amazon.",
        quote="""Hello, I love the coasters. Can I buy a second set? I cannot find it on Amazon any more.""",
    ),
    F(
        "en_invoice_unsubscribe_footer_freshdesk", "en", "freshdesk",
        "Your invoice for order {order}",
        """Dear Mr King,

your invoice for order {order} is now available in your Amazon account under Your Orders. It shows the VAT for each item separately, as you requested when you placed the order.

Kind regards
Sophie Turner
Northgate Kitchenware

You are receiving this email because you purchased from Northgate Kitchenware. To stop receiving these emails, reply with UNSUBSCRIBE.""",
        "reject", ["CNT008", "ENV004"],
        "Helpdesk footer with opt-out text in the body (CNT008) and a List-Unsubscribe header "
        "(ENV004, stripped).",
        headers={
            "List-Unsubscribe": "<mailto:unsubscribe@shop.example?subject=unsubscribe>",
        },
    ),
    F(
        "en_reply_offensive_gmail", "en", "gmail",
        "Re: Return for order {order}",
        """Listen, we have answered this three times already. Stop sending us this bullshit, the return window for order {order} closed two weeks ago and we will not accept the kettle back.

Mark""",
        "reject", ["CNT011"], "Offensive language in a reply.",
        quote="""I still want to return the kettle. Why are you ignoring me? This is my fourth message.""",
    ),
    F(
        "en_custom_design_proof_outlook", "en", "outlook",
        "Engraving proof for order {order}",
        """Hello Ms Adams,

thank you for choosing the engraved chopping board. Before we start the engraving for order {order}, please check the design proof below and confirm the spelling:

    The Adams Family Kitchen, est. 2019

Once you confirm the text, the board will be engraved and sent out within two working days.

Kind regards
Oliver Bennett
Northgate Kitchenware""",
        "deliver", [], "Custom-design verification with a thank-you opening: not thanks-only.",
    ),
    F(
        "en_reply_confirms_shipping_status_gmail", "en", "gmail",
        "Re: Where is my order {order}?",
        """Hello Mr Hill,

yes, your order {order} was shipped on Tuesday with DPD, and the carrier expects to deliver it tomorrow between ten and two.

Best regards
Emily Carter
Northgate Kitchenware""",
        "deliver", ["CNT001"],
        "Reply: a shipping confirmation answering the buyer's question is only a warning.",
        quote="""Hi, has my order shipped yet? I need the pan for the weekend.""",
    ),
    F(
        "en_not_shipped_yet_negated_thunderbird", "en", "thunderbird",
        "Short delay for order {order}",
        """Dear Mrs Ward,

we have not shipped your order {order} yet, because the handmade mug you chose needs one more day in the kiln. It will leave our workshop on Monday and arrive by Wednesday, 25 November. We are sorry for the short delay.

Kind regards,
Claire Morgan
Northgate Kitchenware""",
        "deliver", [], "Negation: 'we have not shipped your order' is not a shipping confirmation.",
    ),
    # ======================================== German =========================================
    F(
        "de_bewertung_neutral_gmail", "de", "gmail",
        "Wie gefällt Ihnen Ihr Wasserkocher? Bestellung {order}",
        """Guten Tag Herr Schneider,

Ihr Wasserkocher aus der Bestellung {order} ist vor einigen Tagen bei Ihnen angekommen. Wir würden uns freuen, wenn Sie sich einen Moment Zeit nehmen und Ihre Erfahrungen mit dem Produkt in einer Bewertung auf Amazon teilen. Ihre Meinung hilft anderen Kunden bei der Auswahl.

Mit freundlichen Grüßen
Laura Hoffmann
Nordlicht Haushaltswaren""",
        "deliver", [], "Neutrale Bewertungsanfrage.",
    ),
    F(
        "de_bewertung_zufrieden_fuenf_sterne_thunderbird", "de", "thunderbird",
        "Ihre Bettwäsche – Bestellung {order}",
        """Hallo Frau Wagner,

wir hoffen, die Bettwäsche aus Bestellung {order} gefällt Ihnen. Wenn Sie zufrieden sind, würden wir uns sehr über eine 5-Sterne-Bewertung auf Amazon freuen. Alle Kunden mit einer Bewertung nehmen automatisch an unserer monatlichen Verlosung teil.

Viele Grüße
Jonas Weber
Nordlicht Haushaltswaren""",
        "reject", ["CNT005"], "Bedingung, 5 Sterne und Verlosung als Anreiz.",
    ),
    F(
        "de_versandbestaetigung_zendesk", "de", "zendesk",
        "Ihre Bestellung {order} ist unterwegs",
        """Guten Tag Herr Becker,

Ihre Bestellung {order} wurde heute an DHL übergeben und ist auf dem Weg zu Ihnen. Im Paket finden Sie die Kaffeemühle sowie die passende Reinigungsbürste. Die Zustellung erfolgt voraussichtlich am Montag.

Freundliche Grüße
Laura Hoffmann
Nordlicht Haushaltswaren""",
        "reject", ["CNT001"], "Versandbestätigung.",
    ),
    F(
        "de_verzoegerung_bei_fragen_outlook", "de", "outlook",
        "Lieferverzögerung zu Ihrer Bestellung {order}",
        """Sehr geehrte Frau Klein,

leider verzögert sich der Versand des Schreibtischstuhls aus Ihrer Bestellung {order} um etwa drei Tage, da unser Lieferant die Armlehnen verspätet geliefert hat. Wir rechnen nun mit einer Zustellung am Donnerstag, den 26. November.

Bei Fragen stehen wir Ihnen jederzeit gerne zur Verfügung.

Mit freundlichen Grüßen
Jonas Weber
Nordlicht Haushaltswaren""",
        "reject", ["CNT003"], "Erlaubter Verzögerungshinweis mit 'Bei Fragen'-Zeile.",
    ),
    F(
        "de_antwort_kein_gutschein_gmail", "de", "gmail",
        "Re: Zerkratzter Deckel – Bestellung {order}",
        """Guten Tag Herr Fischer,

es tut uns leid, dass der Deckel der Brotdose aus Bestellung {order} zerkratzt angekommen ist. Einen Gutschein oder Rabatt können wir Ihnen leider nicht anbieten. Wir senden Ihnen aber kostenlos einen neuen Deckel zu, der am Dienstag bei Ihnen eintreffen sollte.

Viele Grüße
Laura Hoffmann
Nordlicht Haushaltswaren""",
        "deliver", [],
        "Antwort: Verneinung nach dem Wort ('Gutschein ... leider nicht anbieten'); "
        "Gutschein und schlechte Bewertung stehen nur im Zitat des Käufers.",
        quote="""Der Deckel war zerkratzt. Bekomme ich einen Gutschein oder Rabatt für meine nächste Bestellung? Sonst gibt es eine schlechte Bewertung.""",
    ),
    F(
        "de_rechnung_newsletter_instagram_gmail", "de", "gmail",
        "Rechnung zu Ihrer Bestellung {order}",
        """Guten Tag Frau Schulz,

Ihre Rechnung zur Bestellung {order} steht ab sofort in Ihrem Amazon-Konto unter Meine Bestellungen bereit.

Abonnieren Sie unseren Newsletter und folgen Sie uns auf Instagram, damit Sie unsere Neuheiten und Angebote als Erste sehen!

Freundliche Grüße
Jonas Weber
Nordlicht Haushaltswaren""",
        "reject", ["CNT004"], "Rechnung mit Newsletter- und Social-Media-Werbung.",
    ),
    F(
        "de_antwort_bewertung_loeschen_outlook", "de", "outlook",
        "AW: Erstattung Bestellung {order}",
        """Guten Tag Herr Meyer,

vielen Dank für Ihre Rückmeldung. Die Erstattung für Bestellung {order} ist nun abgeschlossen. Wir möchten Sie daher bitten, Ihre negative Bewertung zu löschen oder zumindest anzupassen. Das würde uns als kleinem Familienbetrieb sehr helfen.

Mit freundlichen Grüßen
Laura Hoffmann
Nordlicht Haushaltswaren""",
        "reject", ["CNT006"], "Bitte, eine Bewertung zu löschen oder zu ändern.",
        quote="""Ich habe das Geld zurückbekommen, danke. Trotzdem war der Artikel defekt.""",
    ),
    F(
        "de_wichtig_bei_bewertungsanfrage_gmail", "de", "gmail",
        "[Wichtig] Ihre Meinung zu Bestellung {order}",
        """Guten Tag Frau Neumann,

die Pfannen aus Ihrer Bestellung {order} sind vor einigen Tagen bei Ihnen angekommen. Würden Sie Ihre Erfahrungen mit den Pfannen in einer Bewertung auf Amazon teilen? Das hilft anderen Kunden sehr bei der Auswahl.

Freundliche Grüße
Jonas Weber
Nordlicht Haushaltswaren""",
        "hold", ["CNT009"], "[Wichtig] bei einer nicht kritischen Nachricht.",
    ),
    F(
        "de_wichtig_lieferadresse_unvollstaendig_outlook", "de", "outlook",
        "[Wichtig] Lieferadresse unvollständig – Bestellung {order}",
        """Guten Tag Frau Richter,

wir möchten Ihr Regal aus Bestellung {order} morgen an die Spedition übergeben. In der Lieferadresse fehlt jedoch die Hausnummer, ohne die der Fahrer nicht zustellen kann. Bitte teilen Sie uns die vollständige Anschrift über Amazon mit, damit sich die Lieferung nicht verzögert.

Mit freundlichen Grüßen
Laura Hoffmann
Nordlicht Haushaltswaren""",
        "deliver", [], "[Wichtig] bei einem Adressproblem (kritische Nachricht).",
    ),
    F(
        "de_gravur_rueckfrage_thunderbird", "de", "thunderbird",
        "Rückfrage zur Gravur – Bestellung {order}",
        """Hallo Herr Braun,

für die Gravur auf dem Schneidebrett aus Bestellung {order} haben wir den Text »Familie Braun – seit 1998« erhalten. Bitte bestätigen Sie kurz, ob der Gedankenstrich so gewünscht ist oder ob wir lieber ein Komma setzen sollen. Sobald wir Ihre Antwort haben, beginnen wir mit der Gravur.

Viele Grüße
Jonas Weber
Nordlicht Haushaltswaren""",
        "deliver", [], "Rückfrage zur Personalisierung.",
    ),
    F(
        "de_bitte_stornieren_outlook", "de", "outlook",
        "Ihre Bestellung {order}: Artikel nicht lieferbar",
        """Sehr geehrter Herr Wolf,

leider ist die Espressotasse in der Farbe Salbei aus Ihrer Bestellung {order} nicht mehr lieferbar, und unser Hersteller produziert sie erst im Frühjahr wieder. Bitte stornieren Sie die Bestellung über Ihr Amazon-Konto, damit Ihnen nichts berechnet wird.

Mit freundlichen Grüßen
Laura Hoffmann
Nordlicht Haushaltswaren""",
        "hold", ["CNT010"], "Aufforderung an den Käufer, zu stornieren.",
    ),
    F(
        "de_antwort_zitat_schlechte_bewertung_gmail", "de", "gmail",
        "Re: Toaster zurückgeben – Bestellung {order}",
        """Guten Tag Frau Krüger,

wir haben Ihre Nachricht zu Bestellung {order} erhalten. Sie können den Toaster über Meine Bestellungen auf Amazon zurücksenden; das Rücksendeetikett ist für Sie kostenlos. Sobald das Paket bei uns eingetroffen ist, erstatten wir den vollen Kaufpreis.

Freundliche Grüße
Jonas Weber
Nordlicht Haushaltswaren""",
        "deliver", [],
        "Antwort: Bewertungsdrohung und Stornowunsch stehen nur im zitierten Käufertext.",
        quote="""Wenn ich bis Freitag keine Antwort bekomme, schreibe ich eine schlechte Bewertung und gebe nur einen Stern. Bitte stornieren Sie alles, ich will mein Geld zurück!""",
    ),
    F(
        "de_eigener_onlineshop_paypal_zendesk", "de", "zendesk",
        "Ihre Bestellung {order}",
        """Hallo Herr Hartmann,

vielen Dank für Ihre Bestellung {order}. Für Ihre nächsten Einkäufe empfehlen wir Ihnen unseren eigenen Onlineshop: Dort bestellen Sie direkt bei uns, zahlen bequem per PayPal und sparen sich die Wartezeit.

Freundliche Grüße
Laura Hoffmann
Nordlicht Haushaltswaren""",
        "reject", ["CNT007", "CNT012"],
        "Abwerben in den eigenen Shop, ohne erlaubten Anlass (CNT012 zusätzlich).",
    ),
    # ======================================== French =========================================
    F(
        "fr_avis_neutre_gmail", "fr", "gmail",
        "Votre théière – commande {order}",
        """Bonjour Madame Martin,

votre théière en fonte de la commande {order} est arrivée chez vous il y a quelques jours. Nous serions ravis si vous pouviez partager votre avis sur le produit sur Amazon. Vos commentaires aident d'autres clients à faire leur choix.

Cordialement,
Julie Moreau
Atelier Lumière""",
        "deliver", [], "Demande d'avis neutre.",
    ),
    F(
        "fr_avis_cinq_etoiles_si_satisfait_thunderbird", "fr", "thunderbird",
        "Votre plaid en laine – commande {order}",
        """Bonjour Monsieur Bernard,

nous espérons que le plaid en laine de la commande {order} vous plaît. Si vous êtes satisfait, merci de nous laisser un avis 5 étoiles sur Amazon : cela compte énormément pour notre petite entreprise.

Bien cordialement,
Hugo Lefebvre
Atelier Lumière""",
        "reject", ["CNT005"], "Avis conditionnel et 5 étoiles.",
    ),
    F(
        "fr_commande_expediee_zendesk", "fr", "zendesk",
        "Votre commande {order} est en route",
        """Bonjour Madame Petit,

bonne nouvelle : votre commande {order} a été expédiée ce matin par Colissimo. Le colis contient la lampe de chevet et l'ampoule assortie, et il devrait arriver sous deux à trois jours ouvrés.

Cordialement,
Julie Moreau
Atelier Lumière""",
        "reject", ["CNT001"], "Confirmation d'expédition.",
    ),
    F(
        "fr_merci_seulement_outlook", "fr", "outlook",
        "Merci ! Commande {order}",
        """Bonjour Monsieur Durand,

merci pour votre commande {order} et pour votre confiance ! Toute l'équipe de l'Atelier Lumière vous souhaite de profiter pleinement de votre nouvelle lampe et de passer de belles soirées à la maison.

Bien à vous,
Hugo Lefebvre
Atelier Lumière""",
        "reject", ["CNT002"], "Message de remerciement seul.",
    ),
    F(
        "fr_facture_nhesitez_pas_gmail", "fr", "gmail",
        "Votre facture – commande {order}",
        """Bonjour Madame Leroy,

vous trouverez votre facture pour la commande {order} dans votre compte Amazon, rubrique Vos commandes. Elle mentionne le numéro de TVA de votre entreprise, comme demandé.

N'hésitez pas à nous contacter si vous avez la moindre question.

Cordialement,
Julie Moreau
Atelier Lumière""",
        "reject", ["CNT003"], "Facture avec la formule « n'hésitez pas à nous contacter ».",
    ),
    F(
        "fr_reponse_pas_de_code_promo_gmail", "fr", "gmail",
        "Re: Housse de rechange – commande {order}",
        """Bonjour Monsieur Roux,

merci pour votre message concernant la commande {order}. Nous ne proposons pas de code promo ni de réduction en plus des prix affichés sur Amazon. En revanche, la housse de rechange que vous avez demandée vous sera envoyée lundi, sans frais.

Bien cordialement,
Hugo Lefebvre
Atelier Lumière""",
        "deliver", [],
        "Réponse : négation (« ne proposons pas de code promo ») ; l'avis 5 étoiles n'est que "
        "dans le texte cité de l'acheteur.",
        quote="""Bonjour, pouvez-vous me faire un code promo ? Je laisserai un avis 5 étoiles en échange. La housse est tachée.""",
    ),
    F(
        "fr_code_promo_prochaine_commande_outlook", "fr", "outlook",
        "Votre facture – commande {order}",
        """Bonjour Madame Fournier,

la facture de votre étagère (commande {order}) est disponible dans votre compte Amazon. Pour vous remercier, profitez de 15 % de réduction sur votre prochaine commande avec le code promo HIVER15, et suivez-nous sur Instagram pour découvrir nos nouveautés.

Cordialement,
Julie Moreau
Atelier Lumière""",
        "reject", ["CNT004"], "Code promo, prochaine commande et réseaux sociaux.",
    ),
    F(
        "fr_reponse_desinscription_outlook", "fr", "outlook",
        "RE: Taille du coussin – commande {order}",
        """Bonjour Madame Blanc,

le coussin de la commande {order} mesure 45 sur 45 centimètres et la housse se lave à 30 degrés. Le rembourrage n'est pas lavable en machine.

Cordialement,
Hugo Lefebvre
Atelier Lumière

Pour vous désinscrire de nos communications, répondez simplement STOP à ce message.""",
        "reject", ["CNT008"], "Mention de désinscription dans le corps d'une réponse.",
        quote="""Bonjour, quelle est la taille exacte du coussin et peut-on laver la housse ?""",
    ),
    F(
        "fr_retour_conforme_freshdesk", "fr", "freshdesk",
        "Votre retour – commande {order}",
        """Bonjour Monsieur Girard,

nous avons bien reçu votre demande de retour pour le fauteuil de la commande {order}. Le transporteur passera le récupérer jeudi matin ; merci de le laisser dans son carton d'origine. Le remboursement sera effectué via Amazon dès réception.

Cordialement,
Julie Moreau
Atelier Lumière""",
        "deliver", [], "Question de retour, conforme.",
    ),
    F(
        "fr_reponse_supprimer_avis_gmail", "fr", "gmail",
        "Re: Remboursement – commande {order}",
        """Bonjour Madame Bonnet,

nous avons procédé au remboursement complet de la commande {order}. Le problème étant résolu, pourriez-vous supprimer votre avis négatif sur la page du produit ?

Cordialement,
Hugo Lefebvre
Atelier Lumière""",
        "reject", ["CNT006"], "Demande de suppression d'un avis.",
        quote="""La lampe ne fonctionnait pas, j'ai laissé un avis. Quand serai-je remboursée ?""",
    ),
    F(
        "fr_rendez_vous_livraison_outlook", "fr", "outlook",
        "Livraison de votre canapé – commande {order}",
        """Bonjour Monsieur Lambert,

votre canapé de la commande {order} est prêt à être livré par notre transporteur spécialisé. Merci de nous indiquer le créneau qui vous convient le mieux : mardi 24 novembre au matin ou mercredi 25 novembre l'après-midi. La livraison se fait au pied de l'immeuble.

Cordialement,
Julie Moreau
Atelier Lumière""",
        "deliver", [], "Prise de rendez-vous de livraison (message critique), conforme.",
    ),
    F(
        "fr_avant_de_laisser_un_avis_gmail", "fr", "gmail",
        "Votre avis – commande {order}",
        """Bonjour Madame Faure,

la bouilloire de la commande {order} vous a rejoint la semaine dernière. Avant de laisser un avis, contactez-nous d'abord si quelque chose ne vous convient pas : nous trouverons toujours une solution.

Cordialement,
Hugo Lefebvre
Atelier Lumière""",
        "reject", ["CNT003"], "Inciter à contacter le vendeur avant de laisser un avis.",
    ),
    F(
        "fr_reponse_texte_cite_avis_gmail", "fr", "gmail",
        "Re: Mug cassé – commande {order}",
        """Bonjour Madame Mercier,

nous sommes désolés que le mug de la commande {order} soit arrivé cassé. Un nouveau mug vous sera envoyé lundi, sans frais, et vous n'avez pas besoin de nous renvoyer l'ancien.

Bien cordialement,
Julie Moreau
Atelier Lumière""",
        "deliver", [],
        "Réponse : menace d'avis 1 étoile et liste de diffusion seulement dans le texte cité.",
        quote="""Le mug est arrivé cassé. Je vais laisser un avis 1 étoile si vous ne me remboursez pas, et retirez-moi de votre liste de diffusion !""",
    ),
    # ======================================== Italian ========================================
    F(
        "it_recensione_neutra_gmail", "it", "gmail",
        "La sua moka – ordine {order}",
        """Gentile signora Rossi,

la moka del suo ordine {order} dovrebbe esserle arrivata pochi giorni fa. Le saremmo grati se volesse lasciare una recensione sul prodotto su Amazon: la sua opinione aiuta altri clienti a scegliere.

Cordiali saluti
Marco Bianchi
Casa Aurora""",
        "deliver", [], "Richiesta di recensione neutra.",
    ),
    F(
        "it_cinque_stelle_buono_sconto_thunderbird", "it", "thunderbird",
        "Il suo set di coltelli – ordine {order}",
        """Gentile signor Ferrari,

speriamo che il set di coltelli dell'ordine {order} le piaccia. Se è soddisfatto, ci lasci una recensione a cinque stelle: in cambio le invieremo un buono sconto di 10 euro per il prossimo acquisto.

Cordiali saluti
Giulia Conti
Casa Aurora""",
        "reject", ["CNT004", "CNT005"],
        "Recensione condizionata con incentivo (CNT005) che è anche uno sconto (CNT004).",
    ),
    F(
        "it_ordine_spedito_zendesk", "it", "zendesk",
        "Il suo ordine {order} è in viaggio",
        """Gentile signora Esposito,

il suo ordine {order} è stato spedito oggi con BRT e arriverà entro due giorni lavorativi. Nel pacco troverà la lampada da tavolo e la lampadina di ricambio.

Cordiali saluti
Marco Bianchi
Casa Aurora""",
        "reject", ["CNT001"], "Conferma di spedizione.",
    ),
    F(
        "it_solo_grazie_outlook", "it", "outlook",
        "Grazie! Ordine {order}",
        """Gentile signor Romano,

grazie per il suo acquisto! Tutto il team di Casa Aurora le augura di godersi al meglio la nuova coperta in lana dell'ordine {order} durante le lunghe serate invernali.

Cordiali saluti
Giulia Conti
Casa Aurora""",
        "reject", ["CNT002"], "Solo ringraziamenti.",
    ),
    F(
        "it_ritardo_qualsiasi_domanda_gmail", "it", "gmail",
        "Ritardo nella consegna – ordine {order}",
        """Gentile signora Colombo,

la spedizione della sedia dell'ordine {order} subirà un ritardo di circa tre giorni a causa di uno sciopero dei corrieri. La consegna è ora prevista per giovedì 26 novembre.

Per qualsiasi domanda restiamo a sua disposizione.

Cordiali saluti
Marco Bianchi
Casa Aurora""",
        "reject", ["CNT003"], "Avviso di ritardo con la frase 'per qualsiasi domanda'.",
    ),
    F(
        "it_risposta_niente_sconti_gmail", "it", "gmail",
        "Re: Cuscino sostitutivo – ordine {order}",
        """Gentile signor Ricci,

grazie per il messaggio sull'ordine {order}. Non offriamo codici sconto né buoni, ma il cuscino sostitutivo che ha richiesto partirà domani e le verrà consegnato entro venerdì senza alcun costo.

Cordiali saluti
Giulia Conti
Casa Aurora""",
        "deliver", [],
        "Risposta: negazione ('non offriamo codici sconto'); la minaccia di recensione è solo "
        "nel testo citato.",
        quote="""Il cuscino è arrivato macchiato. Avete un codice sconto? Altrimenti lascio una recensione negativa.""",
    ),
    F(
        "it_newsletter_instagram_outlook", "it", "outlook",
        "Fattura dell'ordine {order}",
        """Gentile signora Greco,

la fattura dell'ordine {order} è disponibile nel suo account Amazon. Si iscriva alla nostra newsletter e ci segua su Instagram per scoprire in anteprima la nuova collezione e le offerte esclusive.

Cordiali saluti
Marco Bianchi
Casa Aurora""",
        "reject", ["CNT004"], "Fattura con newsletter e social.",
    ),
    F(
        "it_fattura_conforme_outlook", "it", "outlook",
        "Fattura con partita IVA – ordine {order}",
        """Gentile signor Bruno,

come richiesto, la fattura con partita IVA per l'ordine {order} è ora disponibile nel suo account Amazon, nella sezione I miei ordini. Il documento riporta la ragione sociale e la sede della sua azienda.

Cordiali saluti
Giulia Conti
Casa Aurora""",
        "deliver", [], "Fattura, conforme.",
    ),
    F(
        "it_risposta_sito_bonifico_freshdesk", "it", "freshdesk",
        "Re: Secondo vaso – ordine {order}",
        """Gentile signora Gallo,

grazie per il suo messaggio sull'ordine {order}. Al momento il secondo vaso non è disponibile su Amazon. Può acquistarlo dal nostro sito web e pagare con bonifico bancario: in questo modo risparmia anche le spese di spedizione.

Cordiali saluti
Marco Bianchi
Casa Aurora""",
        "reject", ["CNT007"], "Dirottare l'acquisto e il pagamento fuori da Amazon.",
        quote="""Buongiorno, vorrei un secondo vaso uguale ma su Amazon non lo trovo più. Come posso fare?""",
    ),
    F(
        "it_risposta_cliente_offensivo_gmail", "it", "gmail",
        "Re: Frullatore – ordine {order}",
        """Gentile signor Conti,

ci dispiace molto per il disagio con l'ordine {order}. Può restituire il frullatore tramite la pagina I miei ordini su Amazon: l'etichetta di reso è gratuita e il rimborso completo verrà emesso appena riceveremo il pacco.

Cordiali saluti
Giulia Conti
Casa Aurora""",
        "deliver", [], "Risposta cortese: gli insulti sono solo nel testo citato dell'acquirente.",
        quote="""Siete dei truffatori, vaffanculo! Il frullatore non funziona, rivoglio i miei soldi.""",
    ),
    F(
        "it_importante_non_critico_gmail", "it", "gmail",
        "[Importante] Com'è andata con il suo ordine {order}?",
        """Gentile signor Marino,

il tostapane dell'ordine {order} dovrebbe esserle arrivato pochi giorni fa. Le saremmo grati se volesse lasciare una recensione sul prodotto su Amazon: ci aiuta molto e aiuta altri clienti.

Cordiali saluti
Marco Bianchi
Casa Aurora""",
        "hold", ["CNT009"], "[Importante] in un messaggio non critico.",
    ),
    F(
        "it_incisione_conferma_thunderbird", "it", "thunderbird",
        "Testo dell'incisione – ordine {order}",
        """Gentile signora Marino,

prima di procedere con l'incisione del portachiavi dell'ordine {order}, le chiediamo di confermare il testo: «Anna e Luca, San Valentino». Se desidera un carattere diverso, ce lo indichi rispondendo a questo messaggio.

Cordiali saluti
Giulia Conti
Casa Aurora""",
        "deliver", [], "Verifica della personalizzazione, conforme.",
    ),
    # ======================================== Spanish ========================================
    F(
        "es_resena_neutra_gmail", "es", "gmail",
        "Su hervidor – pedido {order}",
        """Hola, Sra. García:

su hervidor del pedido {order} le llegó hace unos días. Le agradeceríamos que compartiera su experiencia con el producto dejando una reseña en Amazon. Su opinión ayuda a otros clientes a elegir.

Un saludo,
Lucía Fernández
Casa Brisa""",
        "deliver", [], "Solicitud de reseña neutral.",
    ),
    F(
        "es_cheque_regalo_por_resena_thunderbird", "es", "thunderbird",
        "Su sartén – pedido {order}",
        """Hola, Sr. López:

esperamos que disfrute de la sartén de su pedido {order}. Si nos deja una reseña de cinco estrellas en Amazon, le enviaremos un cheque regalo de 10 euros como agradecimiento.

Un saludo,
Pablo Navarro
Casa Brisa""",
        "reject", ["CNT005"], "Reseña de cinco estrellas a cambio de un cheque regalo.",
    ),
    F(
        "es_pedido_enviado_zendesk", "es", "zendesk",
        "Su pedido {order} está en camino",
        """Hola, Sra. Martínez:

¡buenas noticias! Su pedido {order} ha sido enviado hoy con SEUR y llegará en uno o dos días laborables. En el paquete encontrará la lámpara y la bombilla de repuesto.

Un saludo,
Lucía Fernández
Casa Brisa""",
        "reject", ["CNT001"], "Confirmación de envío.",
    ),
    F(
        "es_solo_gracias_outlook", "es", "outlook",
        "¡Gracias! Pedido {order}",
        """Hola, Sr. Sánchez:

¡muchas gracias por su compra! Todo el equipo de Casa Brisa le desea que disfrute mucho de su nueva manta del pedido {order} durante estas largas noches de otoño.

Un saludo,
Pablo Navarro
Casa Brisa""",
        "reject", ["CNT002"], "Solo agradecimiento.",
    ),
    F(
        "es_retraso_no_dude_gmail", "es", "gmail",
        "Retraso en la entrega – pedido {order}",
        """Estimada Sra. Pérez:

le informamos de que el envío de la silla de su pedido {order} sufrirá un retraso de unos tres días debido a una huelga de transportistas. La entrega está prevista ahora para el jueves 26 de noviembre.

No dude en contactarnos si tiene cualquier pregunta.

Atentamente,
Lucía Fernández
Casa Brisa""",
        "reject", ["CNT003"], "Aviso de retraso con 'no dude en contactarnos'.",
    ),
    F(
        "es_respuesta_sin_cupones_gmail", "es", "gmail",
        "Re: Tapa de repuesto – pedido {order}",
        """Hola, Sr. Gómez:

gracias por su mensaje sobre el pedido {order}. No ofrecemos cupones ni descuentos adicionales, pero la tapa de repuesto que nos pidió saldrá mañana y le llegará el viernes sin ningún coste.

Un saludo,
Pablo Navarro
Casa Brisa""",
        "deliver", [],
        "Respuesta: negación ('no ofrecemos cupones'); la amenaza de reseña solo está citada.",
        quote="""La tapa llegó rota. ¿Me podéis dar un cupón de descuento? Si no, dejaré una reseña negativa.""",
    ),
    F(
        "es_cupon_proxima_compra_outlook", "es", "outlook",
        "Su factura – pedido {order}",
        """Hola, Sra. Díaz:

su factura del pedido {order} ya está disponible en su cuenta de Amazon. Como agradecimiento, le regalamos un cupón del 10 % de descuento para su próxima compra en nuestra tienda de Amazon. ¡Síganos en Instagram!

Un saludo,
Lucía Fernández
Casa Brisa""",
        "reject", ["CNT004"], "Cupón para la próxima compra y redes sociales.",
    ),
    F(
        "es_cancele_el_pedido_outlook", "es", "outlook",
        "Pedido {order}: producto agotado",
        """Estimado Sr. Ruiz:

lamentablemente, la cafetera de su pedido {order} está agotada y nuestro proveedor no podrá reponerla hasta enero. Por favor, cancele el pedido desde su cuenta de Amazon para que no se le cobre nada.

Atentamente,
Pablo Navarro
Casa Brisa""",
        "hold", ["CNT010"], "Pedir al comprador que cancele.",
    ),
    F(
        "es_devolucion_conforme_freshdesk", "es", "freshdesk",
        "Su devolución – pedido {order}",
        """Hola, Sra. Moreno:

hemos recibido su solicitud de devolución del ventilador del pedido {order}. Puede imprimir la etiqueta de devolución desde Mis pedidos en Amazon y entregar el paquete en cualquier oficina de Correos. El reembolso se realizará en cuanto recibamos el producto.

Un saludo,
Lucía Fernández
Casa Brisa""",
        "deliver", [], "Gestión de una devolución, conforme.",
    ),
    F(
        "es_factura_darse_de_baja_zendesk", "es", "zendesk",
        "Su factura – pedido {order}",
        """Hola, Sr. Torres:

la factura con IVA desglosado del pedido {order} ya está disponible en su cuenta de Amazon, tal como nos pidió al hacer la compra.

Un saludo,
Pablo Navarro
Casa Brisa

Si no desea recibir más mensajes nuestros, puede darse de baja respondiendo BAJA.""",
        "reject", ["CNT008"], "Texto para darse de baja en el cuerpo.",
    ),
    F(
        "es_respuesta_eliminar_resena_gmail", "es", "gmail",
        "Re: Producto nuevo – pedido {order}",
        """Hola, Sr. Jiménez:

ya le hemos enviado un producto nuevo para el pedido {order}. Ahora que el problema está resuelto, ¿podría eliminar su reseña negativa de la página del producto?

Un saludo,
Lucía Fernández
Casa Brisa""",
        "reject", ["CNT006"], "Pedir que elimine una reseña.",
        quote="""El producto llegó defectuoso y ya he escrito una reseña. Quiero uno nuevo.""",
    ),
    F(
        "es_garantia_conforme_outlook", "es", "outlook",
        "Garantía de su batidora – pedido {order}",
        """Hola, Sra. Álvarez:

le escribimos en relación con la garantía de la batidora de su pedido {order}. La garantía del fabricante es de tres años; para activarla solo necesita conservar la factura de Amazon. En caso de avería, el servicio técnico recogerá el aparato sin coste.

Un saludo,
Pablo Navarro
Casa Brisa""",
        "deliver", [], "Información de garantía, conforme.",
    ),
    F(
        "es_respuesta_cita_resena_gmail", "es", "gmail",
        "Re: Cambio de talla – pedido {order}",
        """Hola, Sra. Romero:

sentimos que la talla M de la chaqueta del pedido {order} no le quede bien. Puede solicitar el cambio por la talla L desde Mis pedidos en Amazon; en cuanto recibamos la chaqueta, le enviaremos la nueva talla sin coste adicional.

Un saludo,
Lucía Fernández
Casa Brisa""",
        "deliver", [], "Respuesta: la amenaza de reseña de una estrella solo está en el texto citado.",
        quote="""La talla M me queda pequeña. Si no me la cambiáis, pondré una reseña de una estrella.""",
    ),
    # ======================================== Japanese =======================================
    F(
        "ja_review_request_neutral_gmail", "ja", "gmail",
        "ステンレスケトルのご感想について（注文番号：{order}）",
        """山田様

この度はご注文いただき、誠にありがとうございます。カーサ・ミドリの田中でございます。

先日お届けしたステンレスケトル（注文番号：{order}）はいかがでしょうか。お手すきの際に、Amazonの商品ページにてレビューをご投稿いただけますと幸いです。お客様のご意見は、他のお客様が商品を選ぶ際の参考になります。

カーサ・ミドリ
田中""",
        "deliver", [], "中立的なレビュー依頼。",
    ),
    F(
        "ja_star5_gift_card_iso2022jp", "ja", "iso2022jp",
        "木製トレイについて（注文番号：{order}）",
        """佐藤様

この度はお買い上げいただき、誠にありがとうございます。ご注文の木製トレイ（注文番号：{order}）はお楽しみいただけていますでしょうか。星5のレビューを投稿していただいた方には、お礼として500円分のAmazonギフト券をお送りしております。

カーサ・ミドリ
中村""",
        "reject", ["CNT005"], "星5の依頼とギフト券による見返り。",
    ),
    F(
        "ja_shipped_notice_zendesk", "ja", "zendesk",
        "発送のお知らせ（注文番号：{order}）",
        """鈴木様

この度はご注文いただき、誠にありがとうございます。ご注文の土鍋（注文番号：{order}）を本日ヤマト運輸にて発送いたしました。お届けまで今しばらくお待ちくださいませ。

カーサ・ミドリ
田中""",
        "reject", ["CNT001"], "発送通知。",
    ),
    F(
        "ja_thanks_only_iso2022jp", "ja", "iso2022jp",
        "お礼（注文番号：{order}）",
        """高橋様

この度は当店の商品をお買い上げいただき、誠にありがとうございます。ご注文番号{order}のマグカップが、毎日のコーヒータイムを少しでも豊かにできれば幸いです。スタッフ一同、心より感謝申し上げます。

カーサ・ミドリ
中村""",
        "reject", ["CNT002"], "お礼だけのメッセージ。",
    ),
    F(
        "ja_delay_contact_line_gmail", "ja", "gmail",
        "お届け遅延のお詫び（注文番号：{order}）",
        """伊藤様

ご注文いただいた座椅子（注文番号：{order}）につきまして、メーカーからの入荷が遅れているため、お届けが三日ほど遅延する見込みです。ご迷惑をおかけし、誠に申し訳ございません。

ご不明な点がございましたら、お気軽にお問い合わせください。

カーサ・ミドリ
田中""",
        "reject", ["CNT003"], "遅延のお知らせに「お気軽にお問い合わせください」。",
    ),
    F(
        "ja_reply_no_coupon_negated_gmail", "ja", "gmail",
        "Re: 蓋の交換について（注文番号：{order}）",
        """渡辺様

ご連絡いただきありがとうございます。ご注文（注文番号：{order}）に関しまして、当店ではクーポンの配布は行っておりません。なお、ご依頼いただいた交換用の蓋は本日手配いたしましたので、金曜日までにお届けできる見込みです。

カーサ・ミドリ
田中""",
        "deliver", [],
        "返信：否定（クーポンの配布は行っておりません）。星1のレビューは引用部分のみ。",
        quote="""蓋が割れていました。割引クーポンはありますか？なければ星1のレビューを書きます。""",
    ),
    F(
        "ja_coupon_and_follow_outlook", "ja", "outlook",
        "領収書のご案内（注文番号：{order}）",
        """中村様

ご注文（注文番号：{order}）の領収書は、Amazonのアカウントサービスからダウンロードいただけます。また、次回のお買い物で使える10%オフクーポンをご用意しました。Instagramのフォローもお願いいたします。

カーサ・ミドリ
田中""",
        "reject", ["CNT004"], "クーポンとSNSフォローの宣伝。",
    ),
    F(
        "ja_engraving_confirmation_iso2022jp", "ja", "iso2022jp",
        "名入れ内容のご確認（注文番号：{order}）",
        """小林様

この度は名入れタンブラーをご注文いただき、誠にありがとうございます。ご注文（注文番号：{order}）の名入れ内容について確認させてください。「KOBAYASHI 2026」の表記でお間違いないでしょうか。ご確認のうえ、このメッセージにご返信いただけますと幸いです。

カーサ・ミドリ
中村""",
        "deliver", [], "名入れ内容の確認（カスタマイズ）。",
    ),
    F(
        "ja_important_tag_review_request_gmail", "ja", "gmail",
        "【重要】ご注文 {order} の商品レビューのお願い",
        """松井様

先日お届けした炊飯土鍋（注文番号：{order}）はいかがでしょうか。お手すきの際に、Amazonの商品ページにてレビューをご投稿いただけますと幸いです。いただいたご意見は今後の商品づくりに活かしてまいります。

カーサ・ミドリ
田中""",
        "hold", ["CNT009"], "重要ではないレビュー依頼に【重要】。",
    ),
    F(
        "ja_important_tag_address_problem_outlook", "ja", "outlook",
        "【重要】お届け先住所の確認のお願い（注文番号：{order}）",
        """加藤様

ご注文いただいた本棚（注文番号：{order}）の準備が整いましたが、お届け先住所に部屋番号の記載がなく、配送業者より配達できない可能性があるとの連絡を受けております。お手数ですが、部屋番号をこのメッセージにてお知らせください。

カーサ・ミドリ
中村""",
        "deliver", [], "住所不備（重要なメッセージ）に【重要】は可。",
    ),
    F(
        "ja_reply_delete_review_iso2022jp", "ja", "iso2022jp",
        "Re: 返金について（注文番号：{order}）",
        """吉田様

この度はご迷惑をおかけし、誠に申し訳ございませんでした。ご注文（注文番号：{order}）につきましては、全額返金の手続きが完了いたしました。つきましては、先日ご投稿いただいたレビューを削除していただけませんでしょうか。

カーサ・ミドリ
中村""",
        "reject", ["CNT006"], "レビューの削除依頼。",
        quote="""商品が壊れていたのでレビューに書きました。返金はいつになりますか。""",
    ),
    F(
        "ja_reply_quoted_star1_gmail", "ja", "gmail",
        "Re: サイズ交換について（注文番号：{order}）",
        """山本様

ご連絡いただきありがとうございます。ご注文（注文番号：{order}）のスリッパにつきまして、Lサイズへの交換を承りました。新しい商品は明日お送りしますので、到着後に元の商品を着払いでご返送いただければ結構です。

カーサ・ミドリ
田中""",
        "deliver", [], "返信：星1のレビューの予告は引用部分のみ。",
        quote="""サイズが合いません。交換してくれないなら星1のレビューを書きます。""",
    ),
    F(
        "ja_ask_to_cancel_outlook", "ja", "outlook",
        "ご注文商品の在庫について（注文番号：{order}）",
        """松本様

誠に申し訳ございませんが、ご注文の花瓶（注文番号：{order}）は在庫切れとなり、仕入れ先からの入荷も未定となっております。大変お手数ですが、Amazonのアカウントからご注文をキャンセルしていただけませんでしょうか。

カーサ・ミドリ
中村""",
        "hold", ["CNT010"], "購入者へのキャンセル依頼。",
    ),
    # ======================================== more hard cases ================================
    F(
        "it_html_only_codice_sconto_freshdesk", "it", "freshdesk",
        "Fattura – ordine {order}",
        """Gentile signor Lombardi,

la fattura dell'ordine {order} è disponibile nel suo account Amazon, nella sezione I miei ordini. Con il codice sconto GRAZIE10 avrà il dieci per cento di sconto sul suo prossimo ordine nel nostro negozio Amazon.

Cordiali saluti
Marco Bianchi
Casa Aurora""",
        "reject", ["CNT004"], "Solo HTML (nessuna parte text/plain): il testo visibile dell'HTML viene letto.",
        html_only=True,
    ),
    F(
        "es_html_only_reply_blockquote_freshdesk", "es", "freshdesk",
        "Re: Cambio de color – pedido {order}",
        """Hola, Sr. Castro:

sentimos que el color de la funda del pedido {order} no sea el que esperaba. Puede solicitar el cambio al color gris desde Mis pedidos en Amazon y le enviaremos la nueva funda en cuanto recibamos la anterior.

Un saludo,
Pablo Navarro
Casa Brisa""",
        "deliver", [],
        "Solo HTML: el cupón y la reseña de 5 estrellas están en el blockquote citado del comprador.",
        quote="""El color no es el de la foto. ¿Me dais un cupón? Si no, no pondré la reseña de 5 estrellas que pensaba poner.""",
        html_only=True,
    ),
    F(
        "en_subject_only_shipped_zendesk", "en", "zendesk",
        "Your order {order} has shipped!",
        """Dear Mr Collins,

the parcel with your enamel roasting tin left our warehouse this morning with Parcelforce. The carrier will let you know the delivery window by text message on the day before it arrives.

Kind regards,
Emily Carter
Northgate Kitchenware""",
        "reject", ["CNT001"], "The confirmation is only in the Subject, which the content rules read too.",
    ),
    F(
        "en_reply_thanks_for_positive_review_gmail", "en", "gmail",
        "Re: Lovely teapot - order {order}",
        """Dear Mrs Foster,

what a lovely message, thank you. We are delighted that the teapot from order {order} has found such a good home, and we will pass your kind words about the 5-star experience on to Helen, who glazed it by hand.

Best regards
Daniel Hughes
Northgate Kitchenware""",
        "deliver", [],
        "Reply: positive-review words in the seller's own text without any review request.",
        quote="""The teapot is beautiful and arrived perfectly packed. I gave it five stars on Amazon. Thank you!""",
    ),
    F(
        "de_nicht_stornieren_negiert_gmail", "de", "gmail",
        "Kurze Verzögerung – Bestellung {order}",
        """Guten Tag Frau Vogel,

der Versand Ihrer Stehlampe aus Bestellung {order} verzögert sich um zwei Tage, weil der passende Lampenschirm erst am Montag bei uns eintrifft. Sie müssen die Bestellung deshalb nicht stornieren; die Lampe kommt voraussichtlich am Mittwoch bei Ihnen an.

Freundliche Grüße
Laura Hoffmann
Nordlicht Haushaltswaren""",
        "deliver", [], "Verneinung in der Lücke: 'Bestellung deshalb nicht stornieren' ist keine Aufforderung.",
    ),
    F(
        "fr_avis_si_satisfait_conditionnel_outlook", "fr", "outlook",
        "Votre avis nous intéresse – commande {order}",
        """Bonjour Monsieur Garnier,

la cafetière de la commande {order} vous est parvenue la semaine dernière. Si le produit vous plaît, nous vous serions reconnaissants de laisser une évaluation sur Amazon.

Cordialement,
Julie Moreau
Atelier Lumière""",
        "reject", ["CNT005"], "Demande d'avis conditionnelle (« si le produit vous plaît »).",
    ),
]


# ---- MIME ------------------------------------------------------------------------------------


def order_id(index: int) -> str:
    return f"302-1{index:06d}-{(index * 7919 + 1234567) % 10_000_000:07d}"


def alias(fixture: Fixture) -> str:
    local = hashlib.sha256(fixture.name.encode()).hexdigest()[:14]
    local = "".join(c if c.isdigit() else chr(ord("a") + int(c, 16) % 26) for c in local)
    return f"{local}@marketplace.{MARKET[fixture.lang][0]}"


def encode_header(value: str, charset: str = "utf-8") -> str:
    if value.isascii():
        return value
    return Header(value, charset).encode(maxlinelen=76)


def qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def b64(text: str, charset: str = "utf-8") -> str:
    return base64.encodebytes(text.encode(charset)).decode("ascii")


def quoted_plain(fixture: Fixture, to: str) -> str:
    if fixture.style == "outlook":
        frm, sent, to_label, subj, when = OUTLOOK_HEADER[fixture.lang]
        colon = " :" if fixture.lang == "fr" else ":"
        subject = fixture.subject.replace("{order}", order_of(fixture))
        subject = subject.split(": ", 1)[1] if subject[:3] in ("RE:", "AW:") else subject
        return (
            f"{frm}{colon} {BUYER_NAME[fixture.lang]} <{to}>\n"
            f"{sent}{colon} {when}\n"
            f"{to_label}{colon} {SELLER}\n"
            f"{subj}{colon} {subject}\n\n"
            f"{fixture.quote}\n"
        )
    attribution = ATTRIBUTION[fixture.lang].format(name=BUYER_NAME[fixture.lang], alias=to)
    lines = "\n".join(f"> {line}" if line else ">" for line in fixture.quote.splitlines())
    return f"{attribution}\n{lines}\n"


def html_paragraphs(text: str, wrap: str) -> str:
    parts = []
    for paragraph in text.split("\n\n"):
        inner = "<br>\n".join(html.escape(line, quote=False) for line in paragraph.splitlines())
        parts.append(wrap.format(inner))
    return "\n".join(parts)


ORDERS: dict[str, str] = {}


def order_of(fixture: Fixture) -> str:
    return ORDERS[fixture.name]


def build(fixture: Fixture, index: int) -> bytes:
    order = order_of(fixture)
    to = alias(fixture)
    body = fixture.body.replace("{order}", order)
    subject = fixture.subject.replace("{order}", order)
    if fixture.reply and not subject.lower().startswith(("re:", "aw:")):
        subject = f"Re: {subject}"
    stamp = hashlib.sha256(fixture.name.encode()).hexdigest()
    minute = 10 + index % 50
    headers = [
        ("From", f'"{SHOP[fixture.lang]}" <{SELLER}>'),
        ("To", to),
        ("Subject", encode_header(subject, "iso-2022-jp" if fixture.style == "iso2022jp" else "utf-8")),
        ("Date", f"Fri, 20 Nov 2026 09:{minute:02d}:{index % 60:02d} +0100"),
    ]
    message_ids = {
        "gmail": f"<CAH{stamp[:24]}+{stamp[24:32]}@mail.gmail.com>",
        "outlook": f"<DB9PR08MB{stamp[:10].upper()}{stamp[10:20].upper()}@DB9PR08MB.eurprd08.prod.outlook.com>",
        "thunderbird": f"<{stamp[:8]}-{stamp[8:12]}-{stamp[12:16]}-{stamp[16:28]}@shop.example>",
        "zendesk": f"<{stamp[:12].upper()}_{stamp[12:20]}_sprut@zendesk.com>",
        "freshdesk": f"<{stamp[:20]}.{index}@freshdesk.com>",
        "iso2022jp": f"<{stamp[:16]}.{index}@shop.example>",
    }
    headers.append(("Message-ID", message_ids[fixture.style]))
    if fixture.reply:
        buyer_id = f"<0102019{stamp[:9]}-{stamp[9:17]}-buyer-000000@eu-west-1.amazonses.com>"
        headers += [("In-Reply-To", buyer_id), ("References", buyer_id)]
    headers.append(("MIME-Version", "1.0"))
    extra = {
        "outlook": [("X-Mailer", "Microsoft Outlook 16.0"), ("Thread-Index", "AdtB" + stamp[:20])],
        "thunderbird": [
            ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Thunderbird/128.4.0")
        ],
        "zendesk": [("X-Mailer", "Zendesk Mailer"), ("Auto-Submitted", "auto-generated")],
        "freshdesk": [("X-Mailer", "Freshdesk")],
        "iso2022jp": [("X-Mailer", "Becky! ver. 2.81.04")],
        "gmail": [],
    }
    headers += extra[fixture.style]
    headers += list(fixture.headers.items())

    quote_plain = quoted_plain(fixture, to) if fixture.reply else ""
    plain = body + "\n"
    if quote_plain:
        plain += "\n" + quote_plain

    boundary = f"000000000000{stamp[:16]}"
    if fixture.style in ("thunderbird", "iso2022jp"):
        if fixture.style == "iso2022jp":
            # Japanese mailers wrap at about 35 full-width characters, inside words.
            folded = "\n".join(
                "\n".join(line[i : i + 35] for i in range(0, len(line), 35)) if line else line
                for line in plain.splitlines()
            )
            content = (folded + "\n").encode("iso2022_jp").decode("ascii")
            headers += [
                ("Content-Type", 'text/plain; charset="ISO-2022-JP"'),
                ("Content-Transfer-Encoding", "7bit"),
            ]
            return render(headers, content)
        wrapped = "\n".join(
            (" \n".join(textwrap.wrap(line, 72, break_long_words=False)) if line.strip() else line)
            for line in plain.splitlines()
        )
        headers += [
            ("Content-Type", "text/plain; charset=UTF-8; format=flowed"),
            ("Content-Transfer-Encoding", "8bit"),
        ]
        return render(headers, wrapped + "\n")

    if fixture.style == "gmail":
        own_html = '<div dir="ltr">' + html_paragraphs(body, "<div>{}</div><div><br></div>") + "</div>"
        if fixture.reply:
            attribution = ATTRIBUTION[fixture.lang].format(
                name=BUYER_NAME[fixture.lang], alias=f"&lt;{to}&gt;"
            ).replace(f"<&lt;{to}&gt;>", f"&lt;{to}&gt;")
            own_html += (
                '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
                f"{attribution}<br></div>"
                '<blockquote class="gmail_quote">'
                + html_paragraphs(fixture.quote, "<div>{}</div>")
                + "</blockquote></div>"
            )
        html_part = own_html + "\n"
    elif fixture.style == "outlook":
        own = html_paragraphs(body, '<p class="MsoNormal">{}</p>\n<p class="MsoNormal">&nbsp;</p>')
        html_part = (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '</head><body><div class="WordSection1">\n' + own + "\n</div>"
        )
        if fixture.reply:
            header_block = html.escape(quote_plain.split("\n\n", 1)[0]).replace("\n", "<br>\n")
            html_part += (
                '<hr><div id="divRplyFwdMsg" dir="ltr"><p class="MsoNormal">'
                + header_block
                + "</p>"
                + html_paragraphs(fixture.quote, '<p class="MsoNormal">{}</p>')
                + "</div>"
            )
        html_part += "\n</body></html>\n"
    elif fixture.style == "zendesk":
        html_part = (
            '<div class="zd-comment" dir="auto">'
            + html_paragraphs(body, '<p dir="auto">{}</p>')
            + "</div>"
        )
        if fixture.reply:
            html_part += '<div class="zd-quote">' + html_paragraphs(fixture.quote, "<p>{}</p>") + "</div>"
        html_part += "\n"
    else:  # freshdesk
        html_part = '<div dir="ltr">' + html_paragraphs(body, "<div>{}</div><div><br></div>") + "</div>"
        if fixture.reply:
            html_part += (
                '<div class="freshdesk_quote"><blockquote class="freshdesk_quote">'
                + html_paragraphs(fixture.quote, "<div>{}</div>")
                + "</blockquote></div>"
            )
        html_part += "\n"

    if fixture.html_only:
        headers += [
            ("Content-Type", 'text/html; charset="UTF-8"'),
            ("Content-Transfer-Encoding", "quoted-printable"),
        ]
        return render(headers, qp("<html><body>" + html_part + "</body></html>\n"))
    headers.append(("Content-Type", f'multipart/alternative; boundary="{boundary}"'))
    if fixture.style == "outlook":
        plain_part = (
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64\n\n'
            + b64(plain)
        )
        html_mime = (
            'Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: base64\n\n'
            + b64(html_part)
        )
    else:
        plain_part = (
            'Content-Type: text/plain; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
            + qp(plain)
        )
        html_mime = (
            'Content-Type: text/html; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
            + qp(html_part)
        )
    content = (
        f"--{boundary}\n{plain_part}\n--{boundary}\n{html_mime}\n--{boundary}--\n"
    )
    return render(headers, content)


def render(headers: list[tuple[str, str]], content: str) -> bytes:
    head = "".join(f"{k}: {v}\n" for k, v in headers)
    return (head + "\n" + content).encode("ascii" if content.isascii() else "utf-8")


def toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
        ORDERS[fixture.name] = order_id(index)
    for index, fixture in enumerate(FIXTURES, start=1):
        marketplace, locale = MARKET[fixture.lang]
        rows.append(
            f"{order_of(fixture)},{alias(fixture)},2026-11-08,{marketplace},Delivered,2026-11-10,"
            f"2026-11-12,2026-11-14,2026-11-13,{locale},false"
        )
        (HERE / f"{fixture.name}.eml").write_bytes(build(fixture, index))
        codes = ", ".join(toml_string(c) for c in sorted(fixture.codes))
        (HERE / f"{fixture.name}.toml").write_text(
            f"action = {toml_string(fixture.action)}\ncodes = [{codes}]\n"
            f"note = {toml_string(fixture.note)}\n",
            encoding="utf-8",
        )
    (HERE / "orders.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(FIXTURES)} fixtures written to {HERE}")


if __name__ == "__main__":
    main()
