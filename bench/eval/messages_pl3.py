from build import M

# Third blind batch, Polish: 973-978.

M("973", "pl", "Faktura VAT do zamówienia {OID}", mailer="freshdesk", body="""\
Dzień dobry,

faktura VAT do zamówienia {OID} (nr FV/2026/11/0733) jest już dostępna w Pana koncie Amazon,
w sekcji "Twoje zamówienia", przy tym zamówieniu.

Z poważaniem
Dział księgowości

--
Drewniane Zabawki Kowal sp. z o.o., ul. Rzemieślnicza 4, 33-300 Nowy Sącz
NIP 734-352-68-19 · REGON 123456785 · KRS 0000612345
""", note="compliant invoice notice with a Polish company footer: the hyphenated NIP looks like a phone number but is a tax id")

M("974", "pl", "Re: Brak kabla w zestawie - {OID}", reply=True, mailer="gmail", body="""\
Dzień dobry Pani Anno,

bardzo przepraszamy za brakujący kabel. Wysłaliśmy go dziś przez InPost do wybranego przez Panią
paczkomatu. Przesyłkę można śledzić tutaj:
https://inpost.pl/sledzenie-przesylek?number=620123456789012345678901

Pozdrawiamy
Tomasz
Sklep ElektroDom

W dniu 18.11.2026 o 12:30 Anna <{ALIAS}> napisała:
> W paczce nie było kabla zasilającego. Jeśli go nie dostanę, wystawię negatywną opinię.
""", note="compliant reply: the seller reports sending the missing cable by InPost (https); review threat only in the quote")

M("975", "pl", "Prosimy o potwierdzenie grawera - zamówienie {OID}", mailer="zendesk", body="""\
Dzień dobry,

dziękujemy za zamówienie drewnianej deski z grawerem. Zanim przystąpimy do grawerowania, prosimy
o potwierdzenie treści:

Napis: "Kasia i Marek - 12.06.2026"
Czcionka: Elegancka (wariant 2 z oferty)

Grawer nie może być później zmieniony, dlatego prosimy o odpowiedź na tę wiadomość ze słowem
"potwierdzam" lub z poprawkami.

Pozdrawiamy
Pracownia Grawerska Dąb
""", note="compliant custom-design verification; the date in the engraving is not a phone number")

M("976", "pl", "Jak oceniasz zamówienie {OID}?", mailer="zendesk", html_only=True, html="""\
<html><body>
<p>Dzień dobry,</p>
<p>mamy nadzieję, że drewniana kolejka sprawia radość. Jeśli jest Pan zadowolony, prosimy o
wystawienie opinii &#53;&#32;&#103;&#119;&#105;&#97;&#122;&#100;&#101;&#107; na Amazon:</p>
<p><a href="https://www.amazon.pl/review/review-your-purchases/?asin=B0CPLZAB12">Wystaw opinię</a></p>
<p>Pozdrawiamy<br>Drewniane Zabawki Kowal</p>
</body></html>
""", codes=["CNT005"], note="obf:entities asks for a '5 gwiazdek' (5-star) review only if satisfied; the phrase is written as numeric HTML entities")

M("977", "pl", "Zwrot zamówienia {OID}", mailer="freshdesk", body="""\
Dzień dobry,

widzimy, że rozpoczął Pan zwrot lampki nocnej. Czy mógłby Pan napisać, co było nie tak? Pomoże
nam to poprawić opis produktu.

Przy następnych zakupach zapraszamy do naszego sklepu na Allegro, gdzie ceny są niższe:
https://allegro.pl/uzytkownik/ElektroDom

Pozdrawiamy
Sklep ElektroDom
""", codes=["CNT007", "LNK001"], optional=["CNT004"], note="return question that steers the buyer to buy on another marketplace (Allegro link); lower prices as promotion arguable for CNT004")

M("978", "pl", "Faktura do zamówienia {OID}", mailer="zendesk", body="""\
Dzień dobry,

faktura do zamówienia {OID} jest dostępna w Pani koncie Amazon przy tym zamówieniu.

Jeśli nie chce Pani otrzymywać od nas więcej wiadomości, prosimy kliknąć tutaj:
https://newsletter.elektrodom.example/wypisz?id=58812

Pozdrawiamy
Sklep ElektroDom
""", codes=["CNT008", "LNK001"], note="invoice notice with an opt-out line and an unsubscribe link to the seller's host")
