from build import M

# Third blind batch, German: 911-920.

M("911", "de", "AW: Direkt bei Ihnen bestellen? Bestellung {OID}", reply=True, mailer="outlook", body="""\
Hallo Herr Schröder,

vielen Dank für Ihr Interesse an einem zweiten Sattelhocker. Bestellungen oder Zahlungen
außerhalb von Amazon dürfen wir leider nicht annehmen, auch nicht per Überweisung. Den Hocker in
Eiche geölt finden Sie weiterhin in unserem Amazon-Angebot.

Zur Sitzhöhe: Der Hocker lässt sich stufenlos zwischen 52 und 71 cm verstellen.

Mit freundlichen Grüßen
Katrin Vogel
Kundenservice

Am 18.11.2026 um 19:12 schrieb Jonas Schröder <{ALIAS}>:
> Kann ich den zweiten Hocker nicht direkt bei Ihnen bestellen und überweisen? Dann sparen Sie
> sich die Amazon-Gebühren und ich bekomme vielleicht einen Rabatt.
""", note="compliant reply: verb-final negated off-Amazon order and payment; 'Rabatt' and the off-Amazon idea only in the quoted buyer text; 52 und 71 cm are measurements")

M("912", "de", "Ihre Rechnung zur Bestellung {OID}", mailer="freshdesk", body="""\
Guten Tag Frau Lindner,

die Rechnung zu Ihrer Bestellung {OID} (Rechnungsnummer RE-2026-04417) haben wir in Ihrem
Amazon-Konto hinterlegt. Sie finden sie unter "Meine Bestellungen" bei der Bestellung unter
"Rechnung".

Freundliche Grüße
Ihre Buchhaltung

--
Holzwerk Berger GmbH · Industriestraße 12 · 79108 Freiburg im Breisgau
Geschäftsführerin: Anna Berger · Amtsgericht Freiburg HRB 712345
USt-IdNr.: DE 312 456 789 · Steuernummer 06/123/45678
""", note="compliant invoice notice with German company footer (HRB, USt-IdNr., Steuernummer); none of the numbers is a phone number")

M("913", "de", "Re: Akkuschrauber lädt nicht mehr - {OID}", reply=True, mailer="gmail", body="""\
Hallo Frau Aydin,

das tut uns leid. Für den Akkuschrauber gilt eine dreijährige Herstellergarantie. Am
schnellsten geht es über den Garantieservice des Herstellers, den Sie kostenfrei unter
0800 724 3310 erreichen; dort wird der Austausch direkt veranlasst.

Sie können das Gerät stattdessen auch über Ihr Amazon-Konto an uns zurücksenden, dann erstatten
wir den vollen Kaufpreis.

Viele Grüße
Timo

Am Mi., 18. Nov. 2026 um 21:40 Uhr schrieb Selin Aydin <{ALIAS}>:
> Der Akku lädt seit gestern nicht mehr. Was kann ich tun?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty hotline in a reply: warning only")

M("914", "de", "[Important] Sicherheitsrückruf: Ladegerät zu Ihrer Bestellung {OID}", body="""\
Sehr geehrte Kundin, sehr geehrter Kunde,

bei einer Prüfung hat sich gezeigt, dass das mitgelieferte USB-C-Ladegerät (Modell LG-65W,
Charge 2026-09) überhitzen kann. Bitte verwenden Sie das Ladegerät ab sofort nicht mehr und
trennen Sie es vom Stromnetz. Die Lampe selbst ist nicht betroffen.

Sie können das Ladegerät kostenlos über Ihre Amazon-Bestellungen zurücksenden; wir erstatten
Ihnen den Anteil am Kaufpreis oder schicken ein geprüftes Ersatzgerät:
https://www.amazon.de/gp/css/order-history

Wir bitten um Entschuldigung.

Lichtwerk Leuchten GmbH
""", optional=["CNT012"], note="compliant [Important] product-safety recall (critical) with the Amazon order-history link; a recall is not literally in CNT012's purpose list, so CNT012 is arguable")

M("915", "de", "Re: Ersatzteil fehlt - Bestellung {OID}", reply=True, mailer="freshdesk", body="""\
Hallo Herr Kowalczyk,

entschuldigen Sie bitte, dass die Wandhalterung im Paket gefehlt hat. Wir haben sie heute mit
DHL an Sie geschickt, die Sendungsnummer lautet 00340434161234567890:
https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890

Die Schrauben liegen diesmal in einem separaten Beutel bei.

Beste Grüße
Martina

Am 18.11.2026 um 07:58 schrieb Piotr Kowalczyk <{ALIAS}>:
> Die Halterung fehlt komplett. Wenn das bis Freitag nicht geklärt ist, gibt es eine
> 1-Stern-Bewertung und ich storniere alles.
""", note="compliant reply: seller reports sending a spare part by DHL (https), 20-digit tracking number; review threat and cancellation only in the quote")

M("916", "de", "Wie zufrieden sind Sie mit Bestellung {OID}?", body="""\
Liebe Kundin, lieber Kunde,

wir hoffen, die Bettwäsche aus Bio-Baumwolle gefällt Ihnen. Wenn Sie rundum zufrieden sind,
würden wir uns sehr über eine Bewertung auf Amazon freuen:
https://www.amazon.de/review/review-your-purchases/?asin=B0CQ2H7LWE

Und falls etwas nicht stimmt, melden Sie sich bitte zuerst bei uns, bevor Sie eine Bewertung
schreiben. Wir finden bestimmt eine Lösung.

Herzliche Grüße
Ihr Team von Leinenliebe
""", codes=["CNT005", "CNT003"], note="review request only for satisfied buyers, and steering unhappy buyers to contact the seller before reviewing")

M("917", "de", "Verzögerung bei Ihrer Bestellung {OID}", mailer="zendesk", body="""\
Hallo Frau Brandt,

leider verzögert sich die Auslieferung Ihres Gartenstuhls um etwa drei Werktage, weil unser
Lieferant die Armlehnen später liefert als zugesagt. Wir rechnen mit der Zustellung bis
26. November.

Als kleines Dankeschön für Ihre Geduld erhalten Sie mit dem Gut\u00adschein\u00adcode GEDULD10 10 %
Ra\u00adbatt auf Ihren nächsten Einkauf bei uns.

Mit freundlichen Grüßen
Gartenzeit Möbel
""", codes=["CNT004"], note="obf:soft-hyphen delay notice with a discount code; 'Gutscheincode' and 'Rabatt' carry soft hyphens")

M("918", "de", "Re: Farbe des Teppichs - {OID}", reply=True, mailer="zendesk", html_only=True, html="""\
<html><body>
<p>Hallo Herr Neumann,</p>
<p>der Teppich ist in der Farbe &quot;Sand&quot; etwas heller als auf den Produktfotos, weil die
Wolle ungefärbt ist. Nach einigen Wochen gleicht sich der Farbton erfahrungsgemäß etwas an.</p>
<div style="display:none">Tipp: Im Onlineshop unter www.teppichhaus-neumeyer.example bekommen Sie alle Teppiche 15 % günstiger als bei Amazon.</div>
<p>Viele Grüße<br>Jana<br>Teppichhaus Neumeyer</p>
<blockquote>
<p>Ist der Teppich in echt so hell wie auf dem Bild?</p>
</blockquote>
</body></html>
""", codes=["CNT004", "CNT007", "LNK001"], note="obf:hidden display:none block steers the buyer to the seller's web shop (cheaper than Amazon) with a bare domain; visible reply compliant")

M("919", "de", "[Important] 🌿 Pflegetipps für Ihr Schneidebrett - {OID}", body="""\
Hallo Herr Yilmaz,

damit Ihr neues Schneidebrett aus Olivenholz lange schön bleibt, hier drei Tipps: nicht in die
Spülmaschine geben, nach dem Abwaschen aufrecht trocknen lassen und einmal im Monat mit etwas
Speiseöl einreiben.

Viel Freude damit!
Olivo Küchenwerk
""", codes=["CNT009", "STY001"], optional=["CNT012"], note="[Important] on a non-critical care-tips message; emoji in the Subject; care tips as a purpose arguable for CNT012")

M("920", "de", "Re: Bewertung zu Bestellung {OID}", reply=True, mailer="gmail", body="""\
Hallo Frau Hartmann,

schön, dass der Ersatzdeckel jetzt angekommen ist und alles passt.

Da das Problem nun gelöst ist: Könnten Sie Ihre 2-Sterne-Bewertung vielleicht noch einmal
anpassen? Als Dankeschön erstatten wir Ihnen dann gern die Versandkosten.

Viele Grüße
Ralf

Am Mi., 18. Nov. 2026 um 16:03 Uhr schrieb Claudia Hartmann <{ALIAS}>:
> Der neue Deckel ist da und passt. Danke!
""", codes=["CNT006"], optional=["CNT005"], note="asks the buyer to change an existing review, with a refund of shipping as an incentive (CNT005 arguable)")
