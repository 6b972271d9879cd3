from build import M

M("701", "nl", "Re: Wanneer wordt bestelling {OID} bezorgd?", reply=True, mailer="gmail", body="""\
Beste Daan,

Bedankt voor je bericht. Je pakket is gisteren bij PostNL aangemeld en wordt volgens de planning
donderdag 26 november tussen 14:00 en 17:00 uur bezorgd. Je kunt het hier volgen:
https://jouw.postnl.nl/track-and-trace/3SHHRD1234567-NL-3511LK

Met vriendelijke groet,
Sanne
Klantenservice Huis & Haard

Op wo 18 nov. 2026 om 20:14 schreef Daan Visser <{ALIAS}>:
> Hoi, wanneer kan ik mijn bestelling verwachten? Ik ben donderdag pas na twee uur thuis.
""", note="compliant delivery-time answer with https PostNL tracking link; buyer quoted in 'schreef' block")

M("702", "nl", "Factuur bij je bestelling {OID}", body="""\
Beste klant,

De factuur voor je bestelling {OID} staat nu in je Amazon-account. Je kunt hem downloaden via
de bestelgegevens:
https://www.amazon.nl/gp/your-account/order-details?orderID={OID}

Het btw-bedrag staat apart vermeld, zodat je de factuur ook voor je bedrijf kunt gebruiken.

Met vriendelijke groet,
Huis & Haard
""", note="compliant invoice notice with Amazon order-details link")

M("703", "nl", "Hoe bevalt je bestelling {OID}?", mailer="freshdesk", body="""\
Beste klant,

We hopen dat de koffiemolen goed is aangekomen en dat je er al een paar keer mee hebt gemalen.

Zou je andere klanten willen helpen door je ervaring te delen in een beoordeling op Amazon? Of je
nu enthousiast of juist kritisch bent: elke eerlijke beoordeling helpt.
https://www.amazon.nl/review/review-your-purchases/?asin=B0CKM4T7QZ

Hartelijke groet,
Koffiehuis Brouwer
""", note="compliant neutral review request, positive or critical both welcome")

M("704", "nl", "Re: Korting op bestelling {OID}?", reply=True, mailer="gmail", body="""\
Beste mevrouw De Vries,

Dank u voor uw vriendelijke woorden over de pan. Wij begrijpen dat u op een korting hoopte, maar
omdat wij via Amazon-berichten geen kortingscodes of waardebonnen mogen aanbieden, kunnen wij u
die helaas niet sturen. De prijs in de aanbieding geldt voor iedere klant.

Het losse glazen deksel waar u naar vroeg, staat op Amazon onder de naam "Huis & Haard glazen
deksel 28 cm".

Met vriendelijke groet,
Marieke

Op di 17 nov. 2026 om 19:02 schreef Anke de Vries <{ALIAS}>:
> Heel blij met de pan! Hebben jullie een kortingscode voor een volgende bestelling?
""", note="hard compliant: Dutch verb-final negation of discount codes ('geen kortingscodes ... mogen aanbieden'); buyer's 'kortingscode' quoted")

M("705", "nl", "RE: Waterkoker doet het niet meer - {OID}", reply=True, mailer="outlook", body="""\
Beste meneer Jansen,

Vervelend dat de waterkoker niet meer opwarmt. Omdat hij onder de fabrieksgarantie van twee jaar
valt, kunt u het snelst de garantieservice van de fabrikant bellen op 020 794 3311; zij halen
het apparaat bij u op en sturen een nieuw exemplaar. U kunt hem ook via uw Amazon-bestellingen
retourneren voor een terugbetaling.

Met vriendelijke groet,
Klantenservice

-----Oorspronkelijk bericht-----
Van: Pieter Jansen <{ALIAS}>
Verzonden: woensdag 18 november 2026 21:10
Aan: support@shop.example
Onderwerp: Waterkoker doet het niet meer - {OID}

Mijn waterkoker doet het na een week al niet meer. Wat moet ik doen?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty hotline beside warranty context: warn only; Dutch Outlook original-message block")

M("706", "nl", "[Important] Adresprobleem bij bestelling {OID}", body="""\
Beste mevrouw Bakker,

PostNL heeft je pakket aan ons teruggestuurd, omdat het huisnummer in het bezorgadres ontbreekt
(op het label staat "Kerkstraat, 3511 LK Utrecht").

Wil je het adres in je Amazon-account controleren en ons in een antwoord het juiste huisnummer
laten weten? We versturen het pakket dan dezelfde dag opnieuw.

Met vriendelijke groet,
Huis & Haard
""", note="hard compliant: [Important] on a critical shipping-address problem; postcode is not a phone")

M("707", "nl", "Je mening over bestelling {OID}", mailer="freshdesk", body="""\
Hoi!

Fijn dat je voor ons hebt gekozen. Ben je tevreden over je nieuwe dekbed? Dan zouden we heel blij
zijn met een beoordeling van 5 sterren op Amazon. Voor een klein familiebedrijf is elke goede
beoordeling goud waard.

Groetjes,
Team Slaapwel
""", codes=["CNT005"], note="review request asking for 5 stars if satisfied")

M("708", "nl", "Je factuur voor bestelling {OID}", body="""\
Beste klant,

Je factuur staat klaar in je Amazon-account onder "Mijn bestellingen".

Als bedankje krijg je met de code BEDANKT15 15% korting op je volgende bestelling.

Met vriendelijke groet,
Team Slaapwel
""", codes=["CNT004"], note="invoice notice with a discount code")

M("709", "nl", "Vertraging bij bestelling {OID}", mailer="zendesk", body="""\
Beste klant,

Door een storing in ons magazijn wordt je bestelling twee dagen later verzonden dan gepland. We
verwachten dat het pakket uiterlijk 25 november bij je is. Onze excuses voor het ongemak.

Met vriendelijke groet,
Koffiehuis Brouwer
""", html="""\
<div style="margin:0;padding:0">
<p>Beste klant,</p>
<p>Door een storing in ons magazijn wordt je bestelling twee dagen later verzonden dan gepland. We
verwachten dat het pakket uiterlijk 25 november bij je is. Onze excuses voor het ongemak.</p>
<p>Als goedmakertje: met de code SORRY10 krijg je 10% korting op je volgende aankoop.</p>
<p>Met vriendelijke groet,<br>Koffiehuis Brouwer</p>
</div>
""", codes=["CNT004"], note="obf:html-alternative delay notice; the discount code is only in the text/html alternative, the text/plain one is clean")

M("710", "nl", "Je retour voor bestelling {OID}", body="""\
Beste meneer De Boer,

We zagen dat je een retour hebt aangemeld voor de lamp. Was hij beschadigd bij aankomst, of paste
hij niet in je interieur? Als hij beschadigd was, stuur ons dan gerust een foto naar
klantenservice [at] huisenhaard dot nl, zodat we onze verpakking kunnen verbeteren.

Met vriendelijke groet,
Huis & Haard
""", codes=["CTC001"], note="obf:at-dot return question with an e-mail address written 'name [at] shop dot nl'")

M("711", "nl", "Alles in orde met bestelling {OID}?", body="""\
Beste klant,

We hopen dat je blij bent met je nieuwe dekbed.

Is er toch iets niet naar wens? Neem dan eerst contact met ons op voordat je een beoordeling
schrijft, dan lossen we het samen op.

Met vriendelijke groet,
Team Slaapwel
""", codes=["CNT003"], optional=["CNT012"], note="steers the buyer to contact the seller before reviewing")

M("712", "nl", "Vullingen voor je bestelling {OID}", html_only=True, html="""\
<div>
<p>Beste klant,</p>
<p>Bedankt voor je bestelling van de Huis &amp; Haard waterfilterkan. Een filter gaat ongeveer
twee maanden mee; zo weet je wanneer je hem moet vervangen.</p>
<p>Nieuwe filters bestel je het voordeligst via
<a href="https://www.huisenhaard-shop.nl/filters?utm_source=amazon">www.amazon.nl/huisenhaard-filters</a>.</p>
<p>Met vriendelijke groet,<br>Huis &amp; Haard</p>
</div>
""", codes=["LNK001", "CNT004"], optional=["CNT007", "CNT012"], note="obf:link-mismatch link text names amazon.nl, href goes to the seller's own shop; promotes other products (HTML-only mail)")
