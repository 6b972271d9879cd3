from build import M

M("201", "de", "Re: Wo bleibt meine Bestellung {OID}?", reply=True, mailer="gmail", body="""\
Hallo Herr Wagner,

danke für Ihre Nachricht. Ihr Paket ist bei Hermes im Verteilzentrum Ketzin und wird
voraussichtlich am Donnerstag, 26.11.2026, zugestellt. Den Status sehen Sie hier:
https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation#H1002345678901234

Viele Grüße
Laura
Kundenservice Küchenwelt

Am Mi., 18. Nov. 2026 um 17:31 Uhr schrieb Stefan Wagner <{ALIAS}>:
> Hallo, mein Paket ist seit drei Tagen unterwegs. Wann kommt es an?
""", note="compliant delivery-time answer with https Hermes link; long shipment number is not a phone")

M("202", "de", "Ihre Rechnung zur Bestellung {OID}", mailer="zendesk", html="""\
<div style="font-size:14px">
<p>Sehr geehrte Frau Schäfer,</p>
<p>die Rechnung mit ausgewiesener Umsatzsteuer zu Ihrer Bestellung {OID} steht ab sofort in Ihrem
Amazon-Konto bereit:
<a href="https://www.amazon.de/gp/your-account/order-details?orderID={OID}">Bestelldetails auf Amazon.de</a></p>
<p>Mit freundlichen Grüßen<br>Küchenwelt GmbH</p>
</div>
""", note="compliant Zendesk HTML invoice notice with Amazon order-details link")

M("203", "de", "Wie gefällt Ihnen Ihr Kauf? Bestellung {OID}", mailer="freshdesk", body="""\
Guten Tag,

wir hoffen, dass Ihr neuer Wasserkocher gut angekommen ist und Ihnen gute Dienste leistet.

Wenn Sie einen Moment Zeit haben, würden wir uns freuen, wenn Sie Ihre Erfahrungen in einer
Bewertung auf Amazon mit anderen Kundinnen und Kunden teilen - ob positiv oder kritisch.
https://www.amazon.de/review/review-your-purchases/?asin=B0C1KTL3WR

Freundliche Grüße
Ihr Team von Küchenwelt
""", note="compliant neutral review request")

M("204", "de", "Re: Gutschein für Bestellung {OID}?", reply=True, mailer="gmail", body="""\
Hallo Frau Keller,

schön, dass Ihnen die Messer gefallen! Wir verstehen, dass Sie sich einen Gutschein wünschen, aber
da wir über Amazon-Nachrichten keine Rabattcodes oder Gutscheine verschicken dürfen, können wir
Ihnen leider keinen anbieten. Der Preis im Angebot gilt für alle Kunden gleich.

Den passenden Messerblock finden Sie bei Amazon unter "Küchenwelt Messerblock Eiche".

Viele Grüße
Jonas

Am Di., 17. Nov. 2026 um 21:14 Uhr schrieb Sandra Keller <{ALIAS}>:
> Tolle Messer! Bekomme ich einen Gutschein für den Messerblock?
""", note="hard compliant: German verb-final negation ('keine Rabattcodes oder Gutscheine verschicken dürfen'); buyer's 'Gutschein' quoted")

M("205", "de", "Re: Stornierung Bestellung {OID}", reply=True, mailer="zendesk", body="""\
Guten Tag Herr Lorenz,

wir haben Ihre Bestellung wie gewünscht storniert, bevor sie versandt wurde. Amazon gibt die
Zahlung in den nächsten Tagen frei; Ihnen wird nichts berechnet.

Freundliche Grüße
Küchenwelt Kundenservice

Am Mi., 18. Nov. 2026 um 08:12 Uhr schrieb Dirk Lorenz <{ALIAS}>:
> Bitte stornieren Sie meine Bestellung, ich habe mich in der Größe vertan.
""", note="hard compliant: the seller reports that it cancelled; the buyer's 'Bitte stornieren' is quoted")

M("206", "de", "[Important] Sicherheitsrückruf: Ladegerät aus Bestellung {OID}", body="""\
Sehr geehrte Kundin, sehr geehrter Kunde,

der Hersteller des USB-C-Ladegeräts, das Sie bei uns gekauft haben, ruft eine Charge wegen
Überhitzungsgefahr zurück. Bitte verwenden Sie das Ladegerät nicht mehr und ziehen Sie es aus der
Steckdose.

Sie können es auch nach Ablauf der Rückgabefrist über Ihre Amazon-Bestellungen zurücksenden und
erhalten den vollen Kaufpreis erstattet:
https://www.amazon.de/gp/css/order-history

Mit freundlichen Grüßen
Voltique Elektronik
""", note="hard compliant: [Important] on a product-safety recall")

M("207", "de", "Liefertermin für Ihr Sofa - Bestellung {OID}", mailer="outlook", body="""\
Sehr geehrte Frau Hartmann,

Ihr Sofa wird von unserer Spedition geliefert und bis in die Wohnung getragen. Bitte teilen Sie
uns per Antwort auf diese Nachricht mit, welcher Termin Ihnen passt:

- Dienstag, 24.11.2026, 8-12 Uhr
- Donnerstag, 26.11.2026, 13-17 Uhr

Mit freundlichen Grüßen
Möbelhaus Nord
""", note="compliant delivery scheduling")

M("208", "de", "AW: Akku lädt nicht mehr - {OID}", reply=True, mailer="outlook", body="""\
Hallo Herr Vogel,

das ist ärgerlich. Der Akkusauger hat zwei Jahre Herstellergarantie; am schnellsten geht es über
die Garantie-Hotline des Herstellers unter 0800 123 45 67 (kostenlos). Dort wird das Gerät
abgeholt und ausgetauscht. Alternativ können Sie ihn über Ihre Amazon-Bestellungen zurücksenden.

Freundliche Grüße
Kundenservice

-----Ursprüngliche Nachricht-----
Von: Markus Vogel <{ALIAS}>
Gesendet: Mittwoch, 18. November 2026 19:20
An: support@shop.example
Betreff: Akku lädt nicht mehr - {OID}

Der Akku lädt nicht mehr. Was soll ich tun?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty hotline: warn only")

M("209", "de", "AW: Bewertung und Newsletter - {OID}", reply=True, mailer="outlook", body="""\
Guten Tag Frau Berger,

vielen Dank für Ihre Nachricht. Wir versenden keine Newsletter, Sie stehen also auf keiner
Verteilerliste. Zu Ihrer Frage: Die Pfanne ist für alle Herdarten geeignet, auch für Induktion.

Mit freundlichen Grüßen
Küchenwelt Kundenservice

-----Ursprüngliche Nachricht-----
Von: Monika Berger <{ALIAS}>
Gesendet: Mittwoch, 18. November 2026 11:05
An: support@shop.example
Betreff: Bewertung und Newsletter - {OID}

Ich habe Ihnen schon 5 Sterne gegeben! Bitte melden Sie mich von allen Newslettern ab, ich will
keinen Gutscheincode. Geht die Pfanne auf Induktion? Schreiben Sie mir an monika.berger@example.de.
""", note="hard compliant: '5 Sterne', newsletter, Gutscheincode and an e-mail only in the quoted Outlook block; seller negates newsletters")

M("210", "de", "Verzögerung Ihrer Bestellung {OID}", body="""\
Guten Tag Herr Krämer,

wegen einer Inventur in unserem Lager verschicken wir Ihre Lampe erst am Montag, 23.11.2026. Wir
bitten die Verzögerung zu entschuldigen.

Mit freundlichen Grüßen
Licht & Raum

Licht & Raum GmbH, Industriestraße 7, 50667 Köln
Registergericht Köln HRB 98765, USt-IdNr. DE 312345678, Geschäftsführerin: Eva Krämer-Roth
""", note="hard compliant: delay notice with a legal footer (HRB and VAT id are not phone numbers)")

M("211", "de", "Ihre Rücksendung - Bestellung {OID}", body="""\
Grüß Gott Frau Huber,

wir haben gesehen, dass Sie den Wintermantel zurücksenden möchten. Dürfen wir fragen, ob die Größe
nicht gepasst hat oder ob etwas mit dem Mantel nicht in Ordnung war? Ihre Antwort hilft uns, die
Größentabelle zu verbessern.

Die Erstattung erfolgt wie gewohnt über Amazon, sobald der Mantel bei uns ist.

Freundliche Grüße aus Graz
Alpenloden
""", note="compliant Austrian-German return question")

M("212", "de", "Re: Farbe der Tasse - {OID}", reply=True, mailer="gmail", body="""\
Hallo Frau Roth,

die Tasse ist innen glasiert und spülmaschinenfest 🙂 Die Farbe kann je nach Brand leicht
variieren, das ist bei Handarbeit normal.

Viele Grüße
Tonwerk Töpferei

Am Mi., 18. Nov. 2026 um 14:22 Uhr schrieb Ina Roth <{ALIAS}>:
> Ist die Tasse spülmaschinenfest?
""", codes=["STY001"], note="reply with an emoji: stripped, delivered")

M("213", "de", "Re: Aufbauanleitung - {OID}", reply=True, mailer="zendesk", body="""\
Guten Tag Herr Peters,

die Aufbauanleitung liegt im Karton unter der Rückwand. Schritt 4 ist etwas missverständlich: Die
kurzen Schrauben gehören in die Seitenteile, die langen in den Boden.

Bei weiteren Fragen stehen wir Ihnen gerne zur Verfügung.

Freundliche Grüße
Möbelhaus Nord

Am Mi., 18. Nov. 2026 um 20:01 Uhr schrieb Uwe Peters <{ALIAS}>:
> Wo finde ich die Aufbauanleitung?
""", codes=["CNT003"], warn=["CNT003"], note="reply with an offer of further help: warning only")

M("214", "de", "Ihre Meinung zählt - Bestellung {OID}", body="""\
Hallo,

Sie haben bei uns einen Mixer gekauft - vielen Dank! Bewerten Sie uns jetzt mit 5 Sternen auf
Amazon und Sie erhalten als Dankeschön einen Amazon-Gutschein über 10 Euro.

Viele Grüße
MixMaster
""", codes=["CNT005"], optional=["CNT004"], note="review request demanding 5 stars with a gift-card incentive")

M("215", "de", "Rechnung zur Bestellung {OID}", mailer="freshdesk", body="""\
Guten Tag,

Ihre Rechnung finden Sie in Ihrem Amazon-Konto unter "Meine Bestellungen".

Mit dem Gut\u200bschein\u200bcode WIN\u200bTER15 sparen Sie 15 % bei Ihrer nächsten Bestellung.

Freundliche Grüße
Gartenfreude
""", codes=["CNT004"], note="obf:zero-width invoice notice; 'Gutscheincode' and the code split by zero-width spaces")

M("216", "de", "Lieferverzögerung - Bestellung {OID}", body="""\
Guten Tag,

Ihre Bestellung wird wegen eines Lieferengpasses erst am 24.11.2026 verschickt. Entschuldigen Sie
bitte die Verzögerung.

Als kleine Entschädigung erhalten Sie mit dem R\u0430b\u0430ttcode S\u041eRRY10 10 % auf Ihren
nächsten Einkauf.

Freundliche Grüße
Schlafgut
""", codes=["CNT004"], note="obf:cyrillic delay notice; 'Rabattcode' and the code spelled with Cyrillic а/О")

M("217", "de", "Ihre Rücksendung zur Bestellung {OID}", body="""\
Guten Tag Herr Schröder,

Sie haben eine Rücksendung für den Toaster angemeldet. War das Gerät defekt? Dann schicken Sie uns
bitte ein Foto des Typenschilds an service(at)kuechenwelt(punkt)de, damit wir den Fehler an den
Hersteller melden können.

Freundliche Grüße
Küchenwelt
""", codes=["CTC001"], note="obf:at-dot return question with an e-mail written 'service(at)kuechenwelt(punkt)de'")

M("218", "de", "Ihr Liefertermin - Bestellung {OID}", body="""\
Guten Tag Frau Schulte,

Ihre Waschmaschine wird am Freitag, 27.11.2026, zwischen 8 und 14 Uhr geliefert. Passt Ihnen der
Termin nicht? Dann rufen Sie unsere Disposition an: 0 30 / 12 34 56 - 78.

Freundliche Grüße
Elektro Fuchs
""", codes=["CTC002"], note="obf:phone-separators delivery scheduling with a seller phone number written with spaces, slash and dash")

M("219", "de", "Zubehör zu Ihrer Bestellung {OID}", html_only=True, html="""\
<div>
<p>Guten Tag,</p>
<p>zu Ihrer Kaffeemaschine gibt es passende Entkalkungstabletten und Wasserfilter.</p>
<p>Am günstigsten bestellen Sie diese direkt bei uns:
<a href="https://shop.kaffeewelt-direkt.de/zubehoer?src=amzn">www.amazon.de/kaffeewelt-zubehoer</a></p>
<p>Freundliche Grüße<br>Kaffeewelt</p>
</div>
""", codes=["CNT007", "LNK001", "CNT004"], optional=["CNT012"], note="obf:link-mismatch link text names amazon.de, href goes to the seller's shop; diverts buying (HTML-only mail)")

M("220", "de", "Ihre Bestellung {OID} verspätet sich", mailer="freshdesk", body="""\
Hallo,

leider verzögert sich der Versand Ihres Rasenmähers um zwei Tage. Wir rechnen mit der Zustellung
bis zum 25.11.2026.

Folgen Sie uns auf Facebook und Instagram, um keine Gartentipps mehr zu verpassen!

Viele Grüße
Gartenfreude
""", codes=["CNT004"], note="delay notice with 'follow us on Facebook and Instagram'")

M("221", "de", "Problem mit Ihrer Bestellung {OID}", body="""\
Guten Tag Herr Franke,

leider ist der bestellte Kinderwagen in der Farbe Salbei nicht mehr lieferbar, und der Hersteller
produziert ihn nicht nach.

Bitte stornieren Sie die Bestellung in Ihrem Amazon-Konto, damit Ihnen nichts berechnet wird.

Mit freundlichen Grüßen
Babywelt
""", codes=["CNT010"], note="fulfilment problem, asks the buyer to cancel")

M("222", "de", "Alles in Ordnung mit Ihrer Bestellung {OID}?", body="""\
Guten Tag,

wir hoffen, dass Sie mit Ihrem neuen Staubsauger zufrieden sind.

Falls nicht, melden Sie sich bitte bei uns, bevor Sie eine negative Bewertung abgeben. Wir finden
gemeinsam eine Lösung.

Mit freundlichen Grüßen
Elektro Fuchs
""", codes=["CNT003"], optional=["CNT012", "CNT005"], note="steers the buyer to contact the seller before a negative review")

M("223", "de", "Wie war Ihr Einkauf? Bestellung {OID}", html="""\
<div>
<p>Guten Tag,</p>
<p>wir hoffen, Ihre neue Bettdecke gefällt Ihnen. Wenn Sie mögen, teilen Sie Ihre Erfahrung in
einer Bewertung auf Amazon:
<a href="https://www.amazon.de/review/review-your-purchases/?asin=B0D8BTD4KE">Jetzt bewerten</a></p>
<p>Freundliche Grüße<br>Schlafgut</p>
<p style="font-size:11px">Sie möchten keine Nachrichten mehr von uns erhalten?
<a href="https://www.schlafgut-shop.de/newsletter/abmelden">Hier abmelden</a></p>
</div>
""", codes=["CNT008", "LNK001"], note="review request with an unsubscribe link in the HTML footer")

M("224", "de", "Versandinformation zu Bestellung {OID}", html="""\
<div style="background:#ffffff">
<p>Guten Tag,</p>
<p>Ihr Gartentisch wird in zwei Paketen geliefert; das zweite Paket kommt einen Tag später, weil es
aus einem anderen Lager verschickt wird.</p>
<p style="color:#ffffff">Cyber Week: 25 % auf alles mit dem Code CYBER25 in unserem Onlineshop.</p>
<p>Viele Grüße<br>Gartenfreude</p>
</div>
""", body="""\
Guten Tag,

Ihr Gartentisch wird in zwei Paketen geliefert; das zweite Paket kommt einen Tag später, weil es
aus einem anderen Lager verschickt wird.

Viele Grüße
Gartenfreude
""", codes=["CNT004"], optional=["CNT007"], note="obf:hidden delivery information; a discount code in white text on a white background, HTML only")

M("225", "de", "Rechnung und Versand Ihrer Bestellung {OID}", body="""\
Guten Tag,

Ihre Rechnung steht in Ihrem Amazon-Konto zum Download bereit.

Außerdem freuen wir uns, Ihnen mitzuteilen: Ihre Bestellung wurde heute versandt und ist mit DPD
unterwegs zu Ihnen.

Freundliche Grüße
Küchenwelt
""", codes=["CNT001"], note="invoice notice that also carries a shipping confirmation")

M("226", "de", "Re: Ihre Bewertung - Bestellung {OID}", reply=True, mailer="freshdesk", html_only=True, html="""\
<div>
<p>Hallo Frau Schneider,</p>
<p>die Ersatzteile sind gestern bei Ihnen angekommen, wie wir sehen. Wir w&#252;rden uns sehr freuen,
wenn Sie Ihre 1-Stern-&#66;&#101;&#119;&#101;&#114;&#116;&#117;&#110;&#103; jetzt &#228;&#110;&#100;&#101;&#114;&#110;
oder &#108;&#246;&#115;&#99;&#104;&#101;&#110; k&#246;nnten.</p>
<p>Viele Gr&#252;&#223;e<br>Möbelhaus Nord</p>
</div>
<blockquote>Die Teile sind endlich da.</blockquote>
""", codes=["CNT006"], note="obf:entities reply asking to change or delete a review, key words written as numeric HTML entities")
