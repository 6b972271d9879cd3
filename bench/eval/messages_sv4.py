from build import M

# Fourth blind batch, Swedish: 865-868. Written from docs/policy.md alone.

M("865", "sv", "Faktura för din beställning {OID}", mailer="freshdesk", body="""\
Hej Karin,

Fakturan för din beställning {OID} (bastuaggregat 6 kW) finns nu att ladda ner från ditt
Amazon-konto under "Dina beställningar".

Fakturanummer: 26-11-0457
Fakturadatum: 2026-11-12
Belopp exkl. moms: 5 592,00 kr
Moms 25 %: 1 398,00 kr
Att betala: 0,00 kr (betalt via Amazon)

Med vänliga hälsningar
Nordbastu AB
Industrigatan 9, 721 33 Västerås
Org.nr 559123-4567, Momsreg.nr SE559123456701
Godkänd för F-skatt
""", note="compliant invoice notice with Swedish legal footer (Org.nr, Momsreg.nr, postcode)")

M("866", "sv", "SV: Var är mitt paket? Beställning {OID}", reply=True, mailer="outlook", body="""\
Hej Erik,

Dina längdskidor lämnades till PostNord i tisdags och ligger nu på terminalen i Sundsvall.
Leveransen till ditt ombud är beräknad till fredag. Här kan du följa försändelsen:
https://www.postnord.se/vara-verktyg/spara-brev-paket-och-pall?shipmentId=00373500489123456789

Med vänlig hälsning
Linnea
Fjällspår Sport

Från: Erik Holm <{ALIAS}>
Skickat: den 18 november 2026 17:52
Till: support@shop.example
Ämne: Var är mitt paket? Beställning {OID}

Hej, när kommer skidorna? Jag har inte fått något sms.
""", note="compliant reply to the buyer's delivery question, PostNord https link; Swedish Outlook "
     "Från/Skickat block")

M("867", "sv", "Vad tycker du om din beställning {OID}?", mailer="zendesk", body="""\
Hej!

Vi hoppas att den vägghängda hyllan har kommit upp på plats. Om du är nöjd med den blir vi
jätteglada för en recension med fem stjärnor på Amazon. Är du inte nöjd kan du hellre skriva
till oss.

https://www.amazon.se/review/review-your-purchases/?asin=B0DHYLLA22

Hälsningar
Snickeri Ek & Ask
""", codes=["CNT005", "CNT003"], note="review request asking for five stars if satisfied, and steering "
     "unhappy buyers to the seller instead of reviewing")

M("868", "sv", "Extra batteri till din beställning {OID}", mailer="gmail", body="""\
Hej Johan,

Vi såg att du köpte vår robotgräsklippare. Många kunder köper till ett extrabatteri inför nästa
säsong: du får det direkt från oss för 299 kr om du Swishar beloppet till 070-418 52 96 och
skriver ditt namn i meddelandet.

Hälsningar
Gräsmästarna
""", codes=["CNT007", "CTC002", "CNT004"], optional=["CNT012"],
  note="offer to buy an accessory by paying by Swish to a mobile number outside Amazon; no permitted "
       "purpose")
