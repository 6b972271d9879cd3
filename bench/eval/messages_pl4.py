from build import M

# Fourth blind batch, Polish: 869-872. Written from docs/policy.md alone.

M("869", "pl", "Faktura do zamówienia {OID}", mailer="zendesk", body="""\
Dzień dobry,

faktura VAT do zamówienia {OID} (oczyszczacz powietrza AirPure 300) jest już dostępna do
pobrania na Pana koncie Amazon, w zakładce "Twoje zamówienia".

Numer faktury: FV/2026/11/0612
Data wystawienia: 12.11.2026
Wartość netto: 520,33 zł
VAT 23%: 119,67 zł
Wartość brutto: 640,00 zł

Z poważaniem
Czyste Powietrze sp. z o.o.
ul. Długa 17, 31-147 Kraków
NIP 676-254-81-39, REGON 368123457, KRS 0000712345
""", note="compliant invoice notice with Polish legal footer (NIP with dashes, REGON, KRS, postcode)")

M("870", "pl", "Re: Gdzie jest paczka? Zamówienie {OID}", reply=True, mailer="gmail", body="""\
Dzień dobry Pani Agnieszko,

zestaw garnków jest już w paczkomacie InPost - kod odbioru przyszedł zapewne SMS-em od InPost.
Status przesyłki można sprawdzić tutaj:
https://inpost.pl/sledzenie-przesylek?number=630012345678901234567890

Nie musi Pani anulować zamówienia ani zamawiać ponownie.

Pozdrawiamy serdecznie
Marek
Kuchnia Mistrza

W dniu śr., 18.11.2026 o 19:31 Agnieszka <{ALIAS}> napisała:
> Nie dostałam jeszcze garnków. Czy mam anulować zamówienie?
""", note="compliant reply to the buyer's delivery question with an InPost https link; negated "
     "cancellation")

M("871", "pl", "Opóźnienie zamówienia {OID}", mailer="freshdesk", body="""\
Dzień dobry,

niestety kurier nie odebrał od nas w piątek paczki z Pana ekspresem przelewowym, dlatego
dostawa przesunie się o dwa dni robocze, na wtorek 24 listopada.

W ramach przeprosin przy następnych zakupach w naszym sklepie internetowym otrzyma Pan 15%
rabatu z kodem rabatowym PRZEPRASZAMY15.

Z pozdrowieniami
Kawowy Zakątek
""", codes=["CNT004"], optional=["CNT007"], note="delay notice with a discount code for the seller's web "
     "shop; buying there makes CNT007 arguable")

M("872", "pl", "RE: Opinia o zamówieniu {OID}", reply=True, mailer="outlook", body="""\
Szanowny Panie Tomaszu,

cieszymy się, że nowy czajnik dotarł cały i działa bez zarzutu. Skoro sprawa została
rozwiązana, czy mógłby Pan usunąć negatywną opinię, którą wystawił Pan w zeszłym tygodniu?

Z wyrazami szacunku
Ewa
Domowe AGD

-----Original Message-----
From: Tomasz <{ALIAS}>
Sent: Wednesday, November 18, 2026 6:40 PM
To: support@shop.example
Subject: Opinia o zamówieniu {OID}

Nowy czajnik przyszedł, wszystko w porządku.
""", codes=["CNT006"], note="reply asking the buyer to remove a negative review")
