from build import M

M("044", "it", "Re: Dov'è il mio pacco? Ordine {OID}", reply=True, mailer="gmail", body="""\
Buongiorno Marco,

il suo pacco è in consegna con Poste Italiane. Può seguirlo qui:
https://www.poste.it/cerca/index.html#/risultati-spedizioni/RB123456789IT

Secondo il tracciamento arriverà entro venerdì.

Cordiali saluti,
Giulia
Servizio clienti

Il giorno mar 17 nov 2026 alle ore 11:20 Marco <{ALIAS}> ha scritto:
> Buongiorno, non ho ancora ricevuto il pacco. Dove si trova?
""", note="compliant reply with https Poste Italiane tracking link")

M("045", "it", "La sua opinione sull'ordine {OID}", crlf=True, body="""\
Gentile cliente,

speriamo che il set di coltelli sia arrivato in perfette condizioni. Se ha qualche minuto,
ci farebbe piacere se condividesse la sua esperienza con gli altri clienti lasciando una
recensione su Amazon:

https://www.amazon.it/review/review-your-purchases/?asin=B0CQ7L2M4T

Cordiali saluti,
Coltelleria Bianchi
""", note="compliant neutral review request")

M("046", "it", "Ordine {OID} - una piccola richiesta", mailer="freshdesk", body="""\
Gentile cliente,

grazie per aver scelto i nostri prodotti! Se lascia una recensione su Amazon, le invieremo in
regalo un buono Amazon da 10 euro: basta rispondere a questo messaggio con lo screenshot della
recensione.

Un caro saluto,
Casa Verde
""", codes=["CNT005"], note="gift card in exchange for a review")

M("047", "it", "Re: Istruzioni montaggio - ordine {OID}", reply=True, mailer="zendesk", body="""\
Buongiorno Signora Ricci,

le istruzioni di montaggio si trovano anche sulla pagina del prodotto su Amazon, nella sezione
"Documenti del prodotto". Il passaggio 4 va eseguito prima di fissare le gambe del tavolo.

Cordiali saluti,
Luca
Servizio clienti Casa Verde

Il giorno mer 18 nov 2026 alle ore 17:05 Anna Ricci <{ALIAS}> ha scritto:
> Ho perso il foglio delle istruzioni, dove lo trovo?
""", note="compliant reply; no offer of further help")

M("048", "it", "Conferma dell'incisione - ordine {OID}", body="""\
Buongiorno Signor Conti,

prima di procedere con l'incisione del portachiavi, le chiediamo di confermare il testo:

"Per sempre - 12.09.2026"

L'incisione non può essere modificata dopo la lavorazione. Ci risponda con "confermo" oppure
con le correzioni.

Grazie,
Laboratorio Incisioni Rossi
""", note="compliant custom-design verification; date is not a phone")

M("049", "it", "Fattura dell'ordine {OID}", body="""\
Gentile cliente,

la fattura relativa al suo ordine {OID} è disponibile nel suo account Amazon, nella sezione
"I miei ordini".

Se non desidera ricevere ulteriori comunicazioni da parte nostra, ci risponda con "CANCELLAMI".

Cordiali saluti,
Casa Verde
""", codes=["CNT008"], note="invoice message with opt-out text")

M("050", "it", "Re: Taglia scarpe - ordine {OID}", reply=True, mailer="gmail", body="""\
Buongiorno Francesca,

le scarpe vestono regolari: se di solito porta il 38, le consigliamo il 38. La suola interna
misura 24,5 cm.

Cordiali saluti,
Elena

Il giorno mer 18 nov 2026 alle ore 09:48 Francesca <{ALIAS}> ha scritto:
> Che numero mi consigliate? Di solito porto il 38.
""", note="compliant reply")

M("051", "it", "Ritardo nella spedizione dell'ordine {OID}", html="""\
<div>
<img src="http://www.casaverde-arredo.it/img/logo-mail.png" alt="Casa Verde" width="160" height="50">
<p>Gentile Signora Gallo,</p>
<p>purtroppo la spedizione della sua lampada subirà un ritardo di due giorni a causa di un
problema con il nostro fornitore. Prevediamo di spedirla il 21 novembre.</p>
<p>Ci scusiamo per il disagio.</p>
<p>Cordiali saluti,<br>Casa Verde</p>
</div>
""", codes=["IMG002"], note="logo image loaded over http")

M("052", "it", "Re: Pagamento ordine {OID}", reply=True, mailer="gmail", body="""\
Buongiorno Signor Greco,

se preferisce, per il prossimo acquisto può pagare direttamente con bonifico sul nostro conto
IBAN IT60 X054 2811 1010 0000 0123 456, così risparmia le commissioni di Amazon e le facciamo
uno sconto.

Cordiali saluti,
Marco

Il giorno mer 18 nov 2026 alle ore 15:12 Paolo Greco <{ALIAS}> ha scritto:
> Vorrei ordinare altri due pezzi.
""", codes=["CNT007"], optional=["CNT004"], note="diverts payment off Amazon (bank transfer); 'sconto' makes CNT004 arguable; IBAN digits are not a phone")

M("053", "it", "Il suo reso per l'ordine {OID}", html="""\
<div>
<a href="https://www.casaverde-arredo.it"><img src="https://cdn.casaverde-arredo.it/logo.png" alt="Casa Verde" width="160" height="50"></a>
<p>Gentile Signor Marino,</p>
<p>abbiamo visto che ha richiesto il reso del tappeto. Potrebbe indicarci se il colore non
corrisponde alle foto oppure se la misura non è quella giusta?</p>
<p>Cordiali saluti,<br>Casa Verde</p>
</div>
""", codes=["IMG004"], note="logo wrapped in a link to the shop (link wrapper to strip)")

M("054", "it", "Re: Frullatore non si accende - {OID}", reply=True, mailer="outlook", qp=True, body="""\
Gentile Signora Lombardi,

ci dispiace per l'inconveniente. Il frullatore è coperto dalla garanzia del produttore di due
anni: per la riparazione in garanzia può contattare l'assistenza Philips al Numero Verde
800 123 456. In alternativa può restituirlo tramite il suo account Amazon.

Cordiali saluti,
Servizio clienti

-----Messaggio originale-----
Da: Sara Lombardi <{ALIAS}>
Inviato: mercoledì 18 novembre 2026 13:20
A: support@shop.example
Oggetto: Frullatore non si accende - {OID}

Il frullatore non si accende più. Cosa posso fare?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty hotline: warn only")

M("055", "it", "Il suo ordine {OID} è stato spedito", body="""\
Gentile cliente,

le comunichiamo che il suo ordine è stato spedito con Poste Italiane. Può seguire la spedizione
qui: https://www.poste.it/cerca/index.html#/risultati-spedizioni/RB987654321IT

Cordiali saluti,
Casa Verde
""", codes=["CNT001"], optional=["CNT012"], note="shipping confirmation alone (no other purpose)")
