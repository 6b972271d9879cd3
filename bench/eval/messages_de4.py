from build import M

# Fourth blind batch, German: 821-828. Written from docs/policy.md alone.

M("821", "de", "Ihre Rechnung zur Bestellung {OID}", mailer="outlook", crlf=True, qp=True, body="""\
Sehr geehrte Frau Wendt,

die Rechnung zu Ihrer Bestellung {OID} (Akku-Heckenschere HS-40) steht ab sofort in Ihrem
Amazon-Konto unter "Meine Bestellungen" zum Herunterladen bereit.

Rechnungsnummer: RE-2026-118734
Rechnungsdatum: 12.11.2026
Nettobetrag: 109,24 EUR
Umsatzsteuer 19 %: 20,76 EUR
Gesamtbetrag: 130,00 EUR

Mit freundlichen Grüßen
Ihr Team der Grünschnitt Gartengeräte GmbH

Grünschnitt Gartengeräte GmbH, Torgauer Straße 112, 04347 Leipzig
Sitz der Gesellschaft: Leipzig, Amtsgericht Leipzig HRB 41234
USt-IdNr.: DE287654321, Steuernummer 231/118/04567
Geschäftsführerin: Anja Krüger
""", note="compliant invoice notice with German legal footer (HRB, USt-IdNr., Steuernummer after labels, "
     "postcode); quoted-printable")

M("822", "de", "Re: Dichtung fehlt - Bestellung {OID}", reply=True, mailer="gmail", body="""\
Hallo Herr Brandt,

danke für Ihre Nachricht. Die Silikondichtung für Ihren Espressokocher (6 Tassen) schicken wir
Ihnen heute kostenlos per Brief zu; sie sollte Anfang nächster Woche bei Ihnen sein.

Dass Sie das Zubehör bei uns außerhalb von Amazon bestellen oder per Überweisung bezahlen,
können wir leider nicht anbieten. Einen Gutschein für die nächste Bestellung dürfen wir Ihnen
über dieses Postfach ebenfalls nicht schicken.

Viele Grüße
Jonas Albers
Moka Manufaktur

Am Mi., 18. Nov. 2026 um 20:14 Uhr schrieb Markus Brandt <{ALIAS}>:
> In meinem Paket war keine Dichtung dabei. Kann ich Ersatzdichtungen direkt bei Ihnen
> im Shop kaufen? Gibt es vielleicht einen Gutschein als Entschädigung?
""", note="compliant reply: German verb-final negation of off-Amazon ordering/payment and of a voucher; "
     "'Shop', 'Gutschein' also in the buyer's quote")

M("823", "de", "Re: Stornierung Bestellung {OID}", reply=True, mailer="zendesk", body="""\
Guten Tag Frau Yilmaz,

wie gewünscht haben wir Ihre Bestellung {OID} (Luftbefeuchter Nebula, weiß) storniert, bevor
sie unser Lager verlassen hat. Die Erstattung des vollen Betrags läuft automatisch über Amazon
und erscheint je nach Zahlungsart innerhalb von drei bis fünf Werktagen auf Ihrem Konto.

Freundliche Grüße
Lena Hofmann
Kundenservice Aeris Home

Am 18.11.2026 um 22:03 schrieb Selin Yilmaz <{ALIAS}>:
> Bitte stornieren Sie meine Bestellung, ich habe das Gerät doppelt gekauft.
""", note="compliant reply: the seller reports that it cancelled at the buyer's request (not CNT010); "
     "'stornieren Sie' only in the quote")

M("824", "de", "[Important] Liefertermin für Ihren Kleiderschrank - Bestellung {OID}", mailer="freshdesk",
  body="""\
Sehr geehrter Herr Lindemann,

Ihr Kleiderschrank "Nordhavn" (drei Pakete, zusammen 118 kg) wird als Speditionsware bis in die
Wohnung geliefert. Die Spedition fährt Ihre Region am Dienstag, 24.11., und am Freitag, 27.11.,
jeweils zwischen 8 und 16 Uhr an.

Bitte antworten Sie uns kurz, welcher der beiden Tage Ihnen passt und in welchem Stockwerk sich
die Wohnung befindet. Ohne Ihre Rückmeldung können wir den Termin nicht buchen.

Mit freundlichen Grüßen
Ihr Kundenservice von Holzwerk Nord
""", note="compliant: [Important] on delivery scheduling (critical message), asks for information "
     "needed to complete the order; no shipping confirmation")

M("825", "de", "Fehlendes Teil zu Ihrer Bestellung {OID}", mailer="zendesk", body="""\
Hallo Frau Peters,

beim Packen Ihres Schlauchwagens ist uns leider die Kurbel nicht mit in den Karton gerutscht.
Wir schicken sie Ihnen in den nächsten Tagen separat zu.

Falls Sie bis dahin Fragen haben, schreiben Sie uns einfach an
kundendienst (at) gartenliebe-versand (punkt) de - wir antworten werktags innerhalb von
24 Stunden.

Sonnige Grüße
Gartenliebe Versand
""", codes=["CTC001", "CNT003"], optional=["LNK001"],
  note="obf:at-dot e-mail address spelled with (at) and (punkt); 'if you have questions, write to us' line "
       "in a proactive message; the spelled-out domain makes LNK001 arguable")

M("826", "de", "Wie gefällt Ihnen Ihre Nähmaschine? ({OID})", mailer="outlook", html="""\
<html><body>
<div class="WordSection1">
<p class="MsoNormal">Liebe Kundin, lieber Kunde,</p>
<p class="MsoNormal">Ihre Nähmaschine "Stichwerk 220" ist seit einigen Tagen bei Ihnen. Wir würden
uns über eine Rezension auf Amazon freuen.</p>
<p class="MsoNormal">Sollte etwas nicht so funktionieren, wie Sie es erwarten, melden Sie sich bitte
zuerst bei uns, bevor Sie eine Bewertung abgeben - wir finden bestimmt eine Lösung.</p>
<p class="MsoNormal"><a href="https://www.amazon.de/review/create-review?asin=B0CS4NAEH7">Rezension schreiben</a></p>
<p class="MsoNormal">Herzliche Grüße<br>Ihr Stichwerk-Team</p>
</div></body></html>
""", codes=["CNT003"], optional=["CNT005"],
  note="review request steering the buyer to contact the seller before reviewing; CNT005 arguable")

M("827", "de", "Re: Ersatzklingen für Bestellung {OID}", reply=True, mailer="gmail", body="""\
Hallo Herr Vogel,

die Ersatzklingen für den Rasentrimmer bekommen Sie bei uns direkt deutlich günstiger als über
Amazon: im Zehnerpack für 7,90 EUR in unserem eigenen Webshop, bezahlt wird bequem per PayPal.

https://www.klingenwerk-shop.de/ersatzteile/trimmer-tx20

Beste Grüße
Klingenwerk

Am Mi., 18. Nov. 2026 um 17:40 Uhr schrieb Henrik Vogel <{ALIAS}>:
> Wo bekomme ich Ersatzklingen für den Trimmer aus Bestellung {OID}?
""", codes=["CNT007", "LNK001"], optional=["CNT004"],
  note="reply sending the buyer to buy and pay in the seller's own web shop; link to a non-allowlisted "
       "host; promoting accessories makes CNT004 arguable")

M("828", "de", "Verzögerung bei Ihrer Bestellung {OID}", html_only=True, mailer="zendesk", html="""\
<html><body>
<p>Guten Tag Herr Schäfer,</p>
<p>Ihr Aquarium-Heizstab (150 W) ist bei unserem Lieferanten leider erst ab dem 25. November
wieder verfügbar. Wir liefern ihn Ihnen sofort nach Wareneingang; die Bestellung bleibt
bestehen.</p>
<p>Bitte entschuldigen Sie die Verzögerung.</p>
<div style="display:none">Folgen Sie uns auf Instagram und sichern Sie sich 10 % Rabatt auf Ihre
nächste Bestellung mit dem Code AQUA10.</div>
<p>Mit freundlichen Grüßen<br>Ihr Team von Blauwasser Aquaristik</p>
</body></html>
""", codes=["CNT004"], note="obf:hidden display:none block with a social-media follow and a discount code "
     "in an HTML-only delay notice")
