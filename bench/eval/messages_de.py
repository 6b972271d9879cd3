from build import M

M("017", "de", "Re: Rechnung zur Bestellung {OID}", reply=True, mailer="gmail", crlf=True, body="""\
Hallo Frau Schmidt,

vielen Dank für Ihre Nachricht. Die Rechnung mit ausgewiesener Mehrwertsteuer haben wir soeben in
Ihrem Amazon-Konto hochgeladen. Sie finden sie in der Bestellübersicht:
https://www.amazon.de/gp/your-account/order-details?orderID={OID}

Mit freundlichen Grüßen
Jonas Weber
Kundenservice

Am Di., 17. Nov. 2026 um 09:12 Uhr schrieb Anna Schmidt <{ALIAS}>:
> Guten Tag, ich benötige für meine Firma eine Rechnung mit ausgewiesener MwSt.
> Können Sie mir diese bitte zukommen lassen?
""", note="compliant reply, invoice on Amazon order page, email only in the 'Am ... schrieb' line")

M("018", "de", "Lieferverzögerung Ihrer Bestellung {OID}", body="""\
Guten Tag Herr Becker,

leider hat sich die Zustellung Ihres Pakets verzögert: DHL meldet eine Verzögerung im
Paketzentrum Leipzig. Die neue voraussichtliche Zustellung ist am 23.11.2026.

Den aktuellen Status können Sie hier verfolgen:
https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094042557

Wir bitten die Verzögerung zu entschuldigen.

Freundliche Grüße
Ihr Team von Küchenwelt
""", note="compliant delay notice with https DHL tracking link; long tracking number is not a phone")

M("019", "de", "Ihre Meinung zu Bestellung {OID}", mailer="freshdesk", body="""\
Hallo,

wir hoffen, Ihre neue Pfanne ist gut bei Ihnen angekommen.

Wenn Sie zufrieden sind, würden wir uns sehr über eine 5-Sterne-Bewertung auf Amazon freuen!
Als kleines Familienunternehmen sind wir auf jede gute Bewertung angewiesen.

Herzliche Grüße
Familie Krüger
""", codes=["CNT005"], note="review request: 5 stars, only if satisfied")

M("020", "de", "Re: Ersatzteil für Bestellung {OID}", reply=True, mailer="outlook", body="""\
Sehr geehrter Herr Hoffmann,

das fehlende Verbindungsstück haben wir heute per Post an Sie geschickt. Es sollte in zwei bis
drei Werktagen bei Ihnen sein. Eine Rücksendung des Regals ist nicht nötig.

Mit freundlichen Grüßen
Lena Wolf
Kundenservice

Möbelhaus Nord GmbH · Hafenstraße 12 · 20457 Hamburg
Geschäftsführer: Peter Nord · Amtsgericht Hamburg HRB 123456 · USt-IdNr. DE 298765432

-----Ursprüngliche Nachricht-----
Von: Thomas Hoffmann <{ALIAS}>
Gesendet: Mittwoch, 18. November 2026 18:44
An: support@shop.example
Betreff: Ersatzteil für Bestellung {OID}

Bei meinem Regal fehlt ein Verbindungsstück (Teil C). Können Sie es nachschicken?
""", note="hard compliant: Impressum with HRB and VAT numbers (not phone numbers); German Outlook original-message block")

M("021", "de", "Vorschau Ihrer Gravur - Bestellung {OID}", html="""\
<div>
<img src="https://cdn.holzgravur-manufaktur.de/mail/logo.png" alt="Holzgravur Manufaktur" width="180" height="48">
<p>Guten Tag Frau Richter,</p>
<p>anbei die Vorschau Ihrer Gravur für das Schneidebrett. Bitte prüfen Sie Text und Schriftart:</p>
<p><img src="https://cdn.holzgravur-manufaktur.de/previews/{OID}-front.jpg" alt="Vorschau Vorderseite" width="400"></p>
<p><img src="https://cdn.holzgravur-manufaktur.de/previews/{OID}-back.jpg" alt="Vorschau Rückseite" width="400"></p>
<p>Wenn alles passt, antworten Sie bitte kurz mit "Freigabe". Danach beginnen wir mit der Gravur.</p>
<p>Viele Grüße<br>Ihre Holzgravur Manufaktur</p>
</div>
""", codes=["IMG005"], note="proactive custom-design verification with logo plus two preview images")

M("022", "de", "Re: Kaffeemaschine tropft - {OID}", reply=True, mailer="gmail", body="""\
Hallo Herr Schulz,

das tut uns leid. Bitte prüfen Sie zuerst, ob der Wassertank richtig eingerastet ist - das ist die
häufigste Ursache für Tropfen.

Sollte das Problem weiter bestehen, melden Sie sich bitte zuerst bei uns, bevor Sie eine
Bewertung abgeben. Wir finden bestimmt eine Lösung.

Viele Grüße
Sabine

Am Mi., 18. Nov. 2026 um 07:55 Uhr schrieb Martin Schulz <{ALIAS}>:
> Die Maschine tropft unten heraus. Was kann ich tun?
""", codes=["CNT003"], note="reply steering the buyer to contact the seller before reviewing (always refused)")

M("023", "de", "Ihre Rücksendung zur Bestellung {OID}", body="""\
Guten Tag Frau Neumann,

wir haben gesehen, dass Sie eine Rücksendung für die Daunendecke angemeldet haben. Damit wir die
Erstattung schnell bearbeiten können: Ist die Verpackung noch originalverschlossen?

Das Rücksendeetikett finden Sie wie gewohnt im Rücksendezentrum auf Amazon.de:
https://www.amazon.de/gp/orc/returns/homepage.html

Freundliche Grüße
Schlafgut Kundenservice
""", note="compliant return question with Amazon returns link")

M("024", "de", "Ihre Rechnung zur Bestellung {OID}", body="""\
Sehr geehrte Kundin, sehr geehrter Kunde,

Ihre Rechnung zur Bestellung {OID} steht ab sofort in Ihrem Amazon-Konto unter "Meine
Bestellungen" zum Download bereit.

Als Dankeschön erhalten Sie mit dem Gutscheincode DANKE10 10 % Rabatt auf Ihre nächste Bestellung.

Mit freundlichen Grüßen
Küchenwelt
""", codes=["CNT004"], note="invoice message with a coupon code")

M("025", "de", "AW: Größe der Bettwäsche - {OID}", reply=True, mailer="outlook", crlf=True, qp=True,
  headers=[("Disposition-Notification-To", "Schlafgut Kundenservice <support@shop.example>")], body="""\
Guten Tag Frau Lange,

die Bettwäsche hat die Größe 155 x 220 cm, der Kissenbezug 80 x 80 cm. Sie passt damit auf
handelsübliche Bettdecken in Komfortgröße.

Freundliche Grüße
Schlafgut Kundenservice

-----Ursprüngliche Nachricht-----
Von: Petra Lange <{ALIAS}>
Gesendet: Mittwoch, 18. November 2026 10:03
An: support@shop.example
Betreff: Größe der Bettwäsche - {OID}

Welche Größe hat die Bettwäsche genau?
""", codes=["ENV004"], note="Outlook read-receipt request header (Disposition-Notification-To); dimensions are not phone numbers")

M("026", "de", "📦 Ihr Paket verspätet sich - Bestellung {OID}", html="""\
<div>
<p>Hallo Herr Fischer,</p>
<p>leider verzögert sich die Lieferung Ihres Gartenschlauchs um etwa drei Tage, weil unser
Lieferant später geliefert hat. Wir versenden den Artikel voraussichtlich am 21.11.2026.</p>
<p>Wir bitten um Entschuldigung.</p>
<p>Viele Grüße<br>Ihr Gartenfreude-Team</p>
</div>
""", codes=["STY001"], note="fulfilment delay with a parcel emoji in the subject")

M("027", "de", "Re: Ihre Bewertung zu Bestellung {OID}", reply=True, mailer="zendesk", body="""\
Hallo Herr Braun,

wie besprochen haben wir Ihnen den vollen Kaufpreis über Amazon erstattet, und das Ersatzgerät
ist bereits unterwegs.

Da das Problem nun gelöst ist, könnten Sie Ihre 2-Sterne-Bewertung bitte entsprechend anpassen
oder löschen? Das würde uns sehr helfen.

Viele Grüße
Küchenwelt Kundenservice

Am Mi., 18. Nov. 2026 um 16:40 Uhr schrieb Frank Braun <{ALIAS}>:
> Danke für die schnelle Erstattung.
""", codes=["CNT006"], note="asks the buyer to change/remove an existing review")

M("028", "de", "Verzögerung bei Ihrer Lieferung {OID}", mailer="freshdesk", body="""\
Guten Tag Frau Zimmermann,

Ihr Paket steckt derzeit im DHL-Paketzentrum fest und wird voraussichtlich zwei Tage später
zugestellt als angekündigt. Den Status finden Sie hier:

http://nolp.dhl.de/nextt-online-public/set_identcodes.do?lang=de&idc=00340434161094099871

Entschuldigen Sie bitte die Unannehmlichkeiten.

Freundliche Grüße
Gartenfreude
""", codes=["LNK002"], note="carrier tracking link over plain http")

M("029", "de", "Re: Lieferung zu spät - {OID}", reply=True, mailer="gmail", body="""\
Hallo Frau Krause,

es tut uns leid, dass das Paket zu spät ankam. Rabatte oder Gutscheine können wir über Amazon
leider nicht anbieten. Wir haben Ihnen aber soeben eine Teilerstattung von 5,00 EUR über Amazon
veranlasst; sie erscheint in wenigen Tagen auf Ihrem Konto.

Viele Grüße
Jonas

Am Mi., 18. Nov. 2026 um 12:30 Uhr schrieb Julia Krause <{ALIAS}>:
> Das Paket kam drei Tage zu spät. Gibt es dafür einen Gutschein oder Rabatt?
""", note="hard compliant: negated coupons/discounts, buyer's quoted 'Gutschein', refund via Amazon")

M("030", "de", "Danke für Ihre Bestellung {OID}", body="""\
Liebe Kundin, lieber Kunde,

vielen Dank für Ihren Einkauf bei uns! Wir wünschen Ihnen viel Freude mit Ihrem neuen Produkt.

Herzliche Grüße
Ihr Team von Gartenfreude
""", codes=["CNT002"], optional=["CNT012"], note="thank-you-only proactive message (CNT012 arguable as well)")
