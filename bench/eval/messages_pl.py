from build import M

M("741", "pl", "Re: Kiedy dotrze zamówienie {OID}?", reply=True, mailer="gmail", body="""\
Dzień dobry Pani Agnieszko,

dziękujemy za wiadomość. Paczka została nadana wczoraj do Paczkomatu InPost i powinna dotrzeć w
piątek, 27 listopada. Status przesyłki można sprawdzić tutaj:
https://inpost.pl/sledzenie-przesylek?number=620123456789012345678901

Pozdrawiamy serdecznie
Marta
Obsługa klienta Dom i Ogród

W dniu śr., 18 lis 2026 o 18:22 Agnieszka Nowak <{ALIAS}> napisał(a):
> Dzień dobry, kiedy mogę się spodziewać paczki? Zamówiłam prezent na urodziny.
""", note="compliant delivery-time answer with https InPost tracking link; buyer quoted")

M("742", "pl", "Faktura VAT do zamówienia {OID}", body="""\
Dzień dobry,

faktura VAT do zamówienia {OID} jest już dostępna na Pana/Pani koncie Amazon. Można ją pobrać w
szczegółach zamówienia:
https://www.amazon.pl/gp/your-account/order-details?orderID={OID}

Z poważaniem
Dom i Ogród
""", note="compliant invoice notice with Amazon order-details link")

M("743", "pl", "Jak sprawdza się Twój nowy czajnik? Zamówienie {OID}", mailer="freshdesk", body="""\
Dzień dobry,

mamy nadzieję, że czajnik dotarł w dobrym stanie i dobrze się sprawdza.

Jeśli znajdzie Pan/Pani chwilę, prosimy o podzielenie się swoją opinią na Amazon. Każda szczera
opinia, pozytywna czy krytyczna, pomaga innym klientom w wyborze.
https://www.amazon.pl/review/review-your-purchases/?asin=B0C8WERT5Q

Z pozdrowieniami
Kuchnia Plus
""", note="compliant neutral review request")

M("744", "pl", "Re: Rabat na zamówienie {OID}", reply=True, mailer="gmail", body="""\
Dzień dobry Panie Tomaszu,

bardzo dziękujemy za miłe słowa. Niestety nie możemy zaoferować kodu rabatowego ani bonu przez
wiadomości Amazon - cena w ofercie jest taka sama dla wszystkich klientów.

Pasujące pokrywki znajdzie Pan na Amazon pod nazwą "Kuchnia Plus pokrywka szklana 24 cm".

Z poważaniem
Ewa

W dniu wt., 17 lis 2026 o 20:10 Tomasz Wójcik <{ALIAS}> napisał(a):
> Garnki są świetne. Czy dostanę kod rabatowy na kolejne zakupy?
""", note="hard compliant: negated discount code; buyer's 'kod rabatowy' quoted")

M("745", "pl", "Termin dostawy szafy - zamówienie {OID}", body="""\
Dzień dobry Pani Katarzyno,

szafa z zamówienia {OID} jest gotowa do wysyłki. Ponieważ dostawa odbywa się transportem
paletowym, prosimy o wybór terminu dostawy: wtorek 24 listopada lub czwartek 26 listopada, w obu
przypadkach między 8:00 a 16:00.

Wystarczy odpowiedzieć na tę wiadomość, podając wybrany dzień.

Z poważaniem
Meble Nowak
""", note="compliant delivery scheduling")

M("746", "pl", "RE: Odkurzacz nie działa - {OID}", reply=True, mailer="outlook", body="""\
Dzień dobry Panie Pawle,

przykro nam, że odkurzacz przestał działać. Urządzenie jest objęte dwuletnią gwarancją
producenta - najszybciej będzie skontaktować się z serwisem gwarancyjnym producenta pod numerem
22 123 45 67, który odbierze sprzęt i wymieni go na nowy. Może Pan też zwrócić odkurzacz przez
swoje zamówienia na Amazon.

Z poważaniem
Obsługa klienta

-----Wiadomość oryginalna-----
Od: Paweł Zieliński <{ALIAS}>
Wysłano: środa, 18 listopada 2026 16:45
Do: support@shop.example
Temat: Odkurzacz nie działa - {OID}

Odkurzacz nie włącza się. Co mam zrobić?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty service number: warn only; Polish Outlook block")

M("747", "pl", "Twoja opinia o zamówieniu {OID}", body="""\
Dzień dobry,

dziękujemy za zakupy! Jeśli jest Pan/Pani zadowolony/a z pościeli, będziemy wdzięczni za ocenę
5 gwiazdek na Amazon. Jako mała rodzinna firma bardzo na nią liczymy.

Serdecznie pozdrawiamy
Sen i Len
""", codes=["CNT005"], note="review request asking for 5 stars if satisfied")

M("748", "pl", "Zamówienie {OID} - kolejne zakupy taniej", mailer="freshdesk", body="""\
Dzień dobry,

dziękujemy za zamówienie lampy. Kolejne zamówienia mogą Państwo składać bezpośrednio u nas i
zapłacić przelewem na nasze konto - wtedy nie doliczamy prowizji Amazon i cena jest niższa o 10%.

Z poważaniem
Światło Design
""", codes=["CNT007"], optional=["CNT004", "CNT012"], note="diverts future purchases and payment off Amazon")

M("749", "pl", "Opóźnienie zamówienia {OID}", body="""\
Dzień dobry,

z powodu inwentaryzacji w magazynie wyślemy Pana/Pani zamówienie dwa dni później, najpóźniej
23 listopada. Bardzo przepraszamy za opóźnienie.

W ramach przeprosin: k o d  r a b a t o w y  P R Z E P R A S Z A M Y 1 0 daje 10% zniżki na
następne zakupy.

Z poważaniem
Kuchnia Plus
""", codes=["CNT004"], note="obf:spaced delay notice with a discount code written with spaced letters")

M("750", "pl", "Dostawa zamówienia {OID} przesunięta", html="""\
<div>
<p>Dzień dobry,</p>
<p>przewoźnik DPD przesunął doręczenie Pana/Pani paczki na poniedziałek, 23 listopada.
Przepraszamy za niedogodności.</p>
<p>Na osłodę: &#107;&#111;&#100; &#114;&#97;&#98;&#97;&#116;&#111;&#119;&#121; <b>&#83;&#76;&#79;&#68;&#75;&#73;&#53;</b>
&#61; 5% &#122;&#110;&#105;&#380;&#107;&#105; przy kolejnym zamówieniu.</p>
<p>Z pozdrowieniami<br>Słodka Spiżarnia</p>
</div>
""", body="""\
Dzień dobry,

przewoźnik DPD przesunął doręczenie Pana/Pani paczki na poniedziałek, 23 listopada.
Przepraszamy za niedogodności.

Z pozdrowieniami
Słodka Spiżarnia
""", codes=["CNT004"], note="obf:entities delay notice; discount code written as numeric HTML entities in the HTML alternative only")

M("751", "pl", "Problem z zamówieniem {OID}", body="""\
Dzień dobry,

bardzo nam przykro, ale ostatni egzemplarz ekspresu do kawy uszkodził się w magazynie, a nowa
dostawa będzie dopiero w styczniu.

Prosimy o anulowanie zamówienia na swoim koncie Amazon, aby nie zostali Państwo obciążeni.

Z poważaniem
Kawa i Młynek
""", codes=["CNT010"], note="fulfilment problem, asks the buyer to cancel")

M("752", "pl", "Zwrot zamówienia {OID}", body="""\
Dzień dobry,

widzimy, że zgłosił Pan zwrot krzesła. Czy było uszkodzone, czy po prostu nie pasowało? Jeśli było
uszkodzone, prosimy przesłać zdjęcia na adres reklamacje@meble-nowak.pl - szybciej to załatwimy.

Z poważaniem
Meble Nowak
""", codes=["CTC001"], note="return question with a plain e-mail address")
