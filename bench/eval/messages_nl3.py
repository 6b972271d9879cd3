from build import M

# Third blind batch, Dutch: 961-966.

M("961", "nl", "Vraag over uw retour - bestelling {OID}", mailer="freshdesk", body="""\
Beste meneer De Vries,

Wij hebben de geretourneerde stofzuiger vandaag ontvangen, maar de oplader zat niet in de doos.
Kunt u nakijken of die nog bij u thuis ligt? Dan kunnen we de terugbetaling volledig afronden.
Een nieuw retourlabel vindt u bij de bestelling in uw Amazon-account.

Met vriendelijke groet,
Retourafdeling Zuiver Huishouden B.V.

--
KvK 81234567 · btw NL862345671B01 · Stationsweg 18, 3811 MZ Amersfoort
""", note="compliant return question with a Dutch company footer (KvK and btw numbers, postcode: not phone numbers)")

M("962", "nl", "Re: Kapotte vaas - bestelling {OID}", reply=True, mailer="gmail", body="""\
Hallo Sanne,

Wat vervelend dat de vaas gebarsten aankwam. We hebben vandaag een nieuwe, extra goed ingepakt,
met PostNL naar u verstuurd. U kunt hem hier volgen:
https://jouw.postnl.nl/track-and-trace/3SZHDK1234567-NL-2512AB

De kapotte vaas hoeft u niet terug te sturen.

Groeten,
Mirjam

Op wo 18 nov 2026 om 14:03 schreef Sanne <{ALIAS}>:
> De vaas is gebarsten aangekomen. Ik wil mijn geld terug of een nieuwe, anders zet ik er een
> slechte review op.
""", note="compliant reply: the seller reports sending a replacement with a PostNL https link; review threat only in the quote")

M("963", "nl", "Uw ervaring met bestelling {OID}", mailer="zendesk", body="""\
Beste klant,

Uw nieuwe koffiemolen is een paar dagen geleden bezorgd. Zou u uw ervaring met andere klanten
willen delen in een review op Amazon? We vragen u nadrukkelijk niet om een positieve
beoordeling: juist een eerlijke mening, goed of slecht, helpt anderen het meest.

https://www.amazon.nl/review/review-your-purchases/?asin=B0CBNL7KFM

Met vriendelijke groet,
Branderij Dijkstra
""", note="compliant neutral review request with a negated 'positive review' ask, amazon.nl link")

M("964", "nl", "Uw retourzending - bestelling {OID}", body="""\
Beste mevrouw Jansen,

We zagen dat u de wollen plaid wilt terugsturen. Mogen we vragen wat de reden is? Was de kleur
anders dan verwacht, of de maat te klein?

Met de k.o.r.t.i.n.g.s.c.o.d.e WINTER15 krijgt u bovendien 15% korting op uw volgende
bestelling in onze winkel.

Hartelijke groet,
Wolwinkel Texel
""", codes=["CNT004"], note="obf:dotted return question with a discount code; 'kortingscode' dotted apart")

M("965", "nl", "Update over uw bestelling {OID}", mailer="freshdesk", body="""\
Beste meneer Bakker,

Door de drukte voor Sinterklaas is uw pakket één dag later bij PostNL aangeleverd. Het wordt naar
verwachting morgen bezorgd:
http://www.postnl.nl/tracktrace/?B=3SZHDK7654321&P=1012AB&D=NL&T=C

Neem gerust contact met ons op als u nog vragen heeft of als er iets mis is met de bezorging.

Met vriendelijke groet,
Speelgoed Het Hobbelpaard
""", codes=["CNT003", "LNK002"], note="proactive delay notice with a contact-us-if-problems line and an http (not https) carrier link")

M("966", "nl", "Re: Levertijd bestelling {OID}", reply=True, mailer="outlook", body="""\
Beste mevrouw Visser,

Helaas blijkt de bank in de kleur olijfgroen pas in maart weer leverbaar. Wilt u de bestelling
zelf annuleren via uw Amazon-account? Dan krijgt u direct uw geld terug.

Met vriendelijke groet,
Ruben
Klantenservice Wonen aan Zee

-----Oorspronkelijk bericht-----
Van: Eva Visser <{ALIAS}>
Verzonden: woensdag 18 november 2026 16:22
Aan: support@shop.example
Onderwerp: Levertijd bestelling {OID}

Wanneer wordt mijn bank geleverd?
""", codes=["CNT010"], note="reply asking the buyer to cancel the order (Dutch Outlook original-message block)")
