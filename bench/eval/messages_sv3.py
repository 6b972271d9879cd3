from build import M

# Third blind batch, Swedish: 967-972.

M("967", "sv", "Försenad leverans av order {OID}", mailer="zendesk", body="""\
Hej Erik,

Tyvärr blev ditt paket med skrivbordsstolen försenat hos PostNord på grund av snöovädret i
Norrland. Enligt PostNord når det utlämningsstället senast den 25 november. Du kan följa
försändelsen här:
https://tracking.postnord.com/se/?id=00370712345678901234

Vi ber om ursäkt för förseningen.

Vänliga hälsningar,
Lisa
Nordisk Kontorsmiljö
""", note="compliant delay notice (fulfilment problem) with a PostNord https tracking link; the 20-digit shipment id is not a phone number")

M("968", "sv", "SV: Fraktkostnad order {OID}", reply=True, mailer="outlook", headers=[
    ("Disposition-Notification-To", "support@shop.example"),
], body="""\
Hej Johanna,

Eftersom leveransen tog en vecka längre än utlovat har vi återbetalat fraktkostnaden på 49 kr via
Amazon. Beloppet syns på ditt kort inom några bankdagar.

Vänliga hälsningar,
Oskar
Kundtjänst

-----Ursprungligt meddelande-----
Från: Johanna Berg <{ALIAS}>
Skickat: den 18 november 2026 15:40
Till: support@shop.example
Ämne: Fraktkostnad order {OID}

Leveransen var en vecka sen. Kan ni ersätta frakten? Ring mig gärna på 070-123 45 67.
""", codes=["ENV004"], note="compliant reply reporting a refund the seller made; Outlook read-receipt header is stripped (ENV004); the buyer's phone only in the quoted block")

M("969", "sv", "Faktura för order {OID}", mailer="freshdesk", body="""\
Hej,

Fakturan för din order {OID} (fakturanummer 2026-30418) finns nu i ditt Amazon-konto under
"Dina beställningar".

Med vänliga hälsningar,
Ekonomiavdelningen

--
Trädgårdshuset i Skåne AB · Org.nr 556123-4567 · Momsreg.nr SE556123456701
Säte: Lund · Godkänd för F-skatt
""", note="compliant invoice notice with a Swedish company footer: org.nr 556123-4567 looks like a phone number but is not")

M("970", "sv", "Hur fungerar din nya vattenkokare? Order {OID}", mailer="zendesk", html_only=True, html="""\
<html><body>
<p>Hej,</p>
<p>Vi hoppas att vattenkokaren fungerar bra. Om du har tid får du gärna berätta vad du tycker i
en recension på Amazon, oavsett om intrycket är bra eller dåligt.</p>
<p><a href="https://www.\u0430mazon.se/review/review-your-purchases/?asin=B0CSV7KT1E">Skriv en recension</a></p>
<p>Vänliga hälsningar,<br>Köksboden</p>
</body></html>
""", codes=["LNK001"], note="obf:idn neutral review request whose link goes to a look-alike internationalized domain (Cyrillic 'а' in amazon.se)")

M("971", "sv", "Försenad leverans - order {OID}", mailer="freshdesk", body="""\
Hej Maria,

Din planteringsbänk skickas två dagar senare än planerat eftersom vår snickare har varit sjuk.
Vi räknar med att den är hos dig senast den 27 november.

Medan du väntar: upptäck fler produkter för trädgården i vår butik på Amazon!
https://www.amazon.se/stores/Tradgardshuset/page/5C1E2A7B-3F40-4D2B-9A61-0E8F7C3D2B11

Vänliga hälsningar,
Trädgårdshuset i Skåne
""", codes=["CNT004", "LNK004"], note="delay notice promoting other products with an Amazon storefront link outside a review request")

M("972", "sv", "Re: Fel färg på kuddfodral - {OID}", reply=True, mailer="gmail", body="""\
Hej Anders,

Förlåt för förväxlingen! Vi skickar rätt färg i morgon. Det felaktiga fodralet får du behålla.

Hälsningar,
Sara
Textilateljén Sara Lind
kundtjanst@textilateljen.example

Den ons 18 nov. 2026 kl. 10:44 skrev Anders <{ALIAS}>:
> Jag beställde blå kuddfodral men fick gröna.
""", codes=["CTC001"], optional=["LNK001"], note="reply with the seller's e-mail address in the signature (its domain as a bare domain arguable for LNK001)")
