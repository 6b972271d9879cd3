from build import M

M("721", "sv", "Sv: Leveranstid för order {OID}", reply=True, mailer="gmail", body="""\
Hej Erik,

Tack för ditt meddelande! Paketet lämnades till PostNord i går och beräknas komma fram till ditt
ombud på fredag den 27 november. Du kan följa det här:
https://www.postnord.se/vara-verktyg/spara-brev-paket-och-pall?shipmentId=00370712345678901234

Vänliga hälsningar
Maja
Kundtjänst, Nordiskt Hem

Den ons 18 nov. 2026 kl 19:40 skrev Erik Lindqvist <{ALIAS}>:
> Hej! När kommer min beställning? Jag reser bort över helgen.
""", note="compliant delivery-time answer with https PostNord link; long shipment id is not a phone")

M("722", "sv", "Faktura för din order {OID}", body="""\
Hej,

Fakturan för din order {OID} finns nu i ditt Amazon-konto. Du hittar den under orderdetaljerna:
https://www.amazon.se/gp/your-account/order-details?orderID={OID}

Momsen är specificerad på fakturan, så den går även att använda i ditt företags bokföring.

Med vänliga hälsningar
Nordiskt Hem
""", note="compliant invoice notice with Amazon order-details link")

M("723", "sv", "Hur fungerar din nya stekpanna? Order {OID}", mailer="freshdesk", body="""\
Hej,

Vi hoppas att stekpannan kom fram i gott skick och att du har hunnit laga något gott i den.

Om du har tid får du gärna dela med dig av dina erfarenheter i en recension på Amazon. Både
positiva och kritiska omdömen hjälper andra kunder att välja rätt.
https://www.amazon.se/review/review-your-purchases/?asin=B0D4PQ2XLM

Vänliga hälsningar
Järn & Gjutjärn
""", note="compliant neutral review request")

M("724", "sv", "Sv: Rabatt på order {OID}?", reply=True, mailer="gmail", body="""\
Hej Anna,

Vad roligt att du är nöjd med filten! Tyvärr kan vi inte erbjuda rabattkoder eller presentkort via
Amazons meddelanden, och priset i annonsen är detsamma för alla kunder.

Kuddfodralen i samma färg finns som en egen produkt på Amazon, "Nordiskt Hem kuddfodral ull".

Vänliga hälsningar
Maja

Den tis 17 nov. 2026 kl 21:05 skrev Anna Berg <{ALIAS}>:
> Älskar filten! Har ni någon rabattkod till nästa köp?
""", note="hard compliant: negated discount codes; buyer's 'rabattkod' quoted")

M("725", "sv", "Gravyr på din order {OID} - vänligen bekräfta", body="""\
Hej Johan,

Tack för din beställning av den graverade skärbrädan. Innan vi graverar vill vi att du bekräftar
texten:

Text: "Familjen Holm - sedan 2015"
Typsnitt: Klassisk (alternativ 2 i annonsen)

Gravyren går inte att ändra i efterhand, så svara gärna med "OK" eller med dina ändringar.

Vänliga hälsningar
Trä & Form
""", note="compliant custom-design verification")

M("726", "sv", "SV: Dammsugaren laddar inte - {OID}", reply=True, mailer="outlook", body="""\
Hej Karin,

Vad tråkigt att dammsugaren har slutat ladda. Den omfattas av tillverkarens garanti i två år, och
snabbast går det via tillverkarens garantiservice på telefon 08-123 456 78; de hämtar den och
skickar en ny. Du kan också returnera den via dina Amazon-beställningar och få pengarna tillbaka.

Vänliga hälsningar
Kundtjänst

-----Ursprungligt meddelande-----
Från: Karin Ek <{ALIAS}>
Skickat: den 18 november 2026 17:22
Till: support@shop.example
Ämne: Dammsugaren laddar inte - {OID}

Dammsugaren laddar inte längre. Vad gör jag?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty phone beside warranty context: warn only; Swedish Outlook block")

M("727", "sv", "Recension av order {OID} - presentkort som tack", body="""\
Hej!

Tack för att du handlade hos oss. Om du skriver en recension av kaffekvarnen på Amazon skickar vi
dig ett presentkort på 100 kr som tack. Skicka bara en skärmdump av recensionen som svar på det
här meddelandet.

Vänliga hälsningar
Kaffekompaniet
""", codes=["CNT005"], note="review request with a gift-card incentive")

M("728", "sv", "Försenad leverans av order {OID}", mailer="freshdesk", body="""\
Hej,

Din order skickas tyvärr två dagar senare än planerat, eftersom vår leverantör är försenad. Vi
räknar med att paketet är hos dig senast den 26 november. Vi ber om ursäkt för förseningen.

Följ oss gärna på Instagram @nordiskthem för inredningstips och nyheter!

Vänliga hälsningar
Nordiskt Hem
""", codes=["CNT004"], note="delay notice with 'follow us on Instagram'")

M("729", "sv", "Din faktura för order {OID}", body="""\
Hej,

Fakturan för din beställning finns nu i ditt Amazon-konto under "Dina beställningar".

Som tack får du 15 % på nästa köp med r\u0430b\u0430ttkoden T\u0410CK15.

Vänliga hälsningar
Kaffekompaniet
""", codes=["CNT004"], note="obf:cyrillic invoice notice; 'rabattkoden' and the code spelled with Cyrillic а/А")

M("730", "sv", "Försening av din order {OID}", body="""\
Hej Lena,

På grund av en lagerinventering skickas din lampa först på måndag. Den beräknas vara framme den
25 november. Vi beklagar förseningen.

Vänliga hälsningar
Linnea Sjöberg
Nordiskt Hem
Tel. 070/123.45.67
""", codes=["CTC002"], note="obf:phone-separators delay notice; seller's mobile number written with slash and dots")

M("731", "sv", "Sv: Ditt omdöme om order {OID}", reply=True, mailer="zendesk", body="""\
Hej Peter,

Som vi sa har vi nu återbetalat hela beloppet via Amazon, och en ny kvarn är på väg till dig.

Eftersom problemet är löst, skulle du kunna ändra ditt betyg från två stjärnor eller ta bort
omdömet? Det skulle betyda mycket för oss.

Vänliga hälsningar
Kaffekompaniet

Den ons 18 nov. 2026 kl 15:02 skrev Peter Nilsson <{ALIAS}>:
> Tack för den snabba återbetalningen.
""", codes=["CNT006"], note="asks the buyer to change or remove an existing review")

M("732", "sv", "Leveransinformation för order {OID}", html="""\
<div>
<p>Hej,</p>
<p>Din soffa levereras av vår speditör. Föraren ringer dig en timme före leveransen, så se gärna
till att ditt telefonnummer i Amazon-kontot stämmer.</p>
<p>Leveransdagen är fredag den 27 november mellan 08:00 och 12:00.</p>
<div style="display:none">Julerbjudande: 20 % rabatt med koden JUL20 i vår webbutik.</div>
<p>Vänliga hälsningar<br>Nordiskt Hem</p>
</div>
""", body="""\
Hej,

Din soffa levereras av vår speditör. Föraren ringer dig en timme före leveransen, så se gärna
till att ditt telefonnummer i Amazon-kontot stämmer.

Leveransdagen är fredag den 27 november mellan 08:00 och 12:00.

Vänliga hälsningar
Nordiskt Hem
""", codes=["CNT004"], optional=["CNT007"], note="obf:hidden delivery scheduling; a discount code in a display:none block of the HTML")
