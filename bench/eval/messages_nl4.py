from build import M

# Fourth blind batch, Dutch: 861-864. Written from docs/policy.md alone.

M("861", "nl", "Factuur bij uw bestelling {OID}", mailer="outlook", crlf=True, body="""\
Geachte heer De Vries,

De factuur van uw bestelling {OID} (elektrische fietsaccu 36V) staat klaar in uw Amazon-account
onder "Mijn bestellingen".

Factuurnummer: 2026-11-0932
Factuurdatum: 12-11-2026
Bedrag excl. btw: EUR 247,11
Btw 21%: EUR 51,89
Totaal: EUR 299,00

Met vriendelijke groet,
Administratie Trapkracht B.V.
Kanaalweg 14, 3526 KL Utrecht
KvK 81234567 - btw-id NL862345671B01
""", note="compliant invoice notice with Dutch legal footer (KvK, btw-id, postcode)")

M("862", "nl", "Re: Pakket nog niet binnen - bestelling {OID}", reply=True, mailer="gmail", body="""\
Hoi Sanne,

Je kattenkrabpaal ligt sinds gisteren bij PostNL en wordt volgens hun planning morgen tussen
13:00 en 15:30 bezorgd. Je kunt het pakket hier volgen:
https://jouw.postnl.nl/track-and-trace/3SKRAB4829107-NL-3526KL

Je hoeft de bestelling dus niet te annuleren.

Groetjes,
Bram
Poezenpaleis

Op wo 18 nov 2026 om 20:47 schreef Sanne <{ALIAS}>:
> Mijn krabpaal is nog steeds niet binnen. Moet ik de bestelling annuleren?
""", note="compliant reply to the buyer's delivery question with a PostNL https link; negated "
     "cancellation")

M("863", "nl", "Vertraging bij uw bestelling {OID}", mailer="zendesk",
  body="""\
Beste klant,

Uw tuinslanghaspel wordt door een vertraging bij onze leverancier pas op 25 november verzonden.
Onze excuses voor het ongemak.

Met vriendelijke groet,
Tuinhuis Groen
""", html="""\
<html><body>
<p>Beste klant,</p>
<p>Uw tuinslanghaspel wordt door een vertraging bij onze leverancier pas op 25 november verzonden.
Onze excuses voor het ongemak.</p>
<p>Als goedmaker: met de kortingscode SLANG10 krijgt u 10% korting op uw volgende bestelling in
onze winkel.</p>
<p>Met vriendelijke groet,<br>Tuinhuis Groen</p>
</body></html>
""", codes=["CNT004"], optional=["CNT007"], note="obf:html-alternative discount code only in the text/html alternative of a "
     "delay notice")

M("864", "nl", "Re: Onderdeel kapot - bestelling {OID}", reply=True, mailer="zendesk", body="""\
Beste mevrouw Jansen,

Vervelend dat het handvat van de stofzuiger is afgebroken. Het is het snelst als u ons even belt,
dan regelen we direct een nieuw handvat: 020 794 3318 (ma-vr 9-17 uur).

Met vriendelijke groet,
Peter
Zuigkracht Service

Op wo 18 nov 2026 om 11:02 schreef Ineke Jansen <{ALIAS}>:
> Het handvat van mijn stofzuiger is bij het uitpakken afgebroken.
""", codes=["CTC002", "CNT003"], warn=["CNT003"], note="reply with the seller's phone number (not warranty, "
     "carrier or manufacturer context); 'call us' is an offer of help in a reply: CNT003 warning")
