from build import M

M("401", "it", "Re: Quando arriva l'ordine {OID}?", reply=True, mailer="gmail", body="""\
Gentile signora Rossi,

grazie per il messaggio. Il pacco è stato affidato ieri a BRT e la consegna è prevista per
giovedì 26 novembre. Può seguire la spedizione qui:
https://vas.brt.it/vas/sped_det_show.hsm?referer=sped_numspe_par.htm&Nspediz=123456789012

Cordiali saluti,
Giulia
Servizio clienti Casa Bella

Il giorno mer 18 nov 2026 alle ore 18:40 Maria Rossi <{ALIAS}> ha scritto:
> Buongiorno, quando arriva il mio ordine? Sabato parto.
""", note="compliant delivery-time answer with https BRT link; buyer quoted in 'ha scritto' block")

M("402", "it", "Fattura dell'ordine {OID}", mailer="zendesk", body="""\
Gentile cliente,

la fattura elettronica del Suo ordine {OID} è ora disponibile nel Suo account Amazon. Può
scaricarla dalla pagina dei dettagli dell'ordine:
https://www.amazon.it/gp/your-account/order-details?orderID={OID}

Se ha bisogno della fattura intestata alla Sua azienda, inserisca la partita IVA nel Suo account
Amazon prima del download.

Cordiali saluti,
Casa Bella
""", note="compliant invoice notice with Amazon order-details link")

M("403", "it", "Com'è andata con l'ordine {OID}?", mailer="freshdesk", body="""\
Buongiorno,

speriamo che la moka sia arrivata in buone condizioni e che il caffè Le piaccia.

Se ha un momento, può condividere la Sua esperienza con gli altri clienti lasciando una recensione
su Amazon. Positiva o critica, ogni recensione sincera è utile.
https://www.amazon.it/review/review-your-purchases/?asin=B0C2MKA9ZP

Cordiali saluti,
Caffè Italiano
""", note="compliant neutral review request")

M("404", "it", "Re: Codice sconto per l'ordine {OID}?", reply=True, mailer="gmail", body="""\
Gentile signor Esposito,

grazie per le belle parole. Purtroppo non possiamo offrirLe codici sconto né buoni, e non
potremmo inviarglieli comunque tramite i messaggi di Amazon: il prezzo dell'offerta è uguale per
tutti i clienti.

Il coperchio abbinato si trova su Amazon come "Casa Bella coperchio in vetro 24 cm".

Cordiali saluti,
Luca

Il giorno mar 17 nov 2026 alle ore 20:05 Antonio Esposito <{ALIAS}> ha scritto:
> Pentola fantastica! Avete un codice sconto per il coperchio?
""", note="hard compliant: negated discount codes with clitics ('non possiamo offrirLe', 'inviarglieli'); buyer quoted")

M("405", "it", "Re: Annullare l'ordine {OID}", reply=True, mailer="zendesk", body="""\
Gentile signora Ricci,

fatto: abbiamo annullato l'ordine prima della spedizione, come richiesto. Non Le verrà addebitato
nulla.

Cordiali saluti,
Servizio clienti Casa Bella

Il giorno mer 18 nov 2026 alle ore 09:30 Elena Ricci <{ALIAS}> ha scritto:
> Potete annullare il mio ordine? Ho sbagliato colore.
""", note="hard compliant: the seller reports that it cancelled; the buyer's request is quoted")

M("406", "it", "[Important] Richiamo di sicurezza: caricabatterie dell'ordine {OID}", body="""\
Gentile cliente,

il produttore del caricabatterie USB-C che ha acquistato da noi ha avviato un richiamo di
sicurezza per rischio di surriscaldamento. La preghiamo di non utilizzarlo più e di scollegarlo
dalla presa.

Può restituirlo anche oltre il periodo di reso tramite i Suoi ordini su Amazon e riceverà il
rimborso completo:
https://www.amazon.it/gp/css/order-history

Cordiali saluti,
Voltique Elettronica
""", note="hard compliant: [Important] on a product-safety recall")

M("407", "it", "Consegna del divano - ordine {OID}", mailer="outlook", body="""\
Gentile signor Conti,

il Suo divano verrà consegnato dal nostro corriere con montaggio al piano. La preghiamo di
indicarci, rispondendo a questo messaggio, la fascia oraria che preferisce:

- martedì 24 novembre, 8-12
- giovedì 26 novembre, 14-18

Cordiali saluti,
Arredo Milano
""", note="compliant delivery scheduling")

M("408", "it", "R: Aspirapolvere non si accende - {OID}", reply=True, mailer="outlook", body="""\
Gentile signor Greco,

ci dispiace per il problema. L'aspirapolvere è coperto dalla garanzia del produttore di due anni:
la soluzione più rapida è chiamare il numero verde dell'assistenza del produttore, 800 123 456,
che ritirerà l'apparecchio e lo sostituirà. In alternativa può restituirlo tramite i Suoi ordini
Amazon.

Cordiali saluti,
Servizio clienti

-----Messaggio originale-----
Da: Marco Greco <{ALIAS}>
Inviato: mercoledì 18 novembre 2026 17:12
A: support@shop.example
Oggetto: Aspirapolvere non si accende - {OID}

L'aspirapolvere non si accende più. Cosa devo fare?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer's toll-free warranty number: warn only; Italian Outlook block")

M("409", "it", "Re: Taglia della giacca - ordine {OID}", reply=True, mailer="gmail", body="""\
Gentile signora Marino,

la giacca veste leggermente grande: se di solito porta la M, Le consigliamo la S. Per il cambio può
richiedere il reso dal Suo account Amazon e ordinare la taglia giusta.

Cordiali saluti,
Moda Toscana

Il giorno mer 18 nov 2026 alle ore 12:50 Paola Marino <{ALIAS}> ha scritto:
> Vi ho già dato 5 stelle! La giacca è grande, prendo la S?
> E CANCELLAMI dalla vostra newsletter, non voglio codici sconto.
""", note="hard compliant: '5 stelle', 'CANCELLAMI' and 'codici sconto' only in the quoted buyer lines")

M("410", "it", "Personalizzazione del Suo ordine {OID}", body="""\
Gentile signora Gallo,

grazie per aver ordinato il tagliere inciso. Prima dell'incisione La preghiamo di confermare testo
e carattere:

Testo: "Famiglia Gallo - dal 2010"
Carattere: Classico (opzione 2 dell'offerta)

Dopo l'incisione non è più possibile modificarlo; risponda semplicemente "OK" oppure indichi le
correzioni.

Cordiali saluti,
Legno Inciso
""", note="compliant custom-design verification")

M("411", "it", "Ritardo del Suo ordine {OID}", body="""\
Gentile cliente,

a causa dell'inventario di magazzino il Suo ordine partirà lunedì 23 novembre, con due giorni di
ritardo. Ci scusiamo per il disagio.

Cordiali saluti,
Casa Bella S.r.l.
Via Roma 12, 20121 Milano - P.IVA 01234567890 - REA MI-1234567
""", note="hard compliant delay notice with an Italian legal footer (P.IVA and REA are not phone numbers)")

M("412", "it", "Re: Istruzioni di montaggio - {OID}", reply=True, mailer="zendesk", body="""\
Gentile signor Bruno,

le istruzioni si trovano nella busta delle viti. Al passo 5 le viti corte vanno nei fianchi e
quelle lunghe nel fondo.

Restiamo a disposizione per qualsiasi altra domanda.

Cordiali saluti,
Arredo Milano

Il giorno mer 18 nov 2026 alle ore 21:15 Davide Bruno <{ALIAS}> ha scritto:
> Non trovo le istruzioni di montaggio.
""", codes=["CNT003"], warn=["CNT003"], note="reply with an offer of further help: warning only")

M("413", "it", "Un regalo per la Sua recensione - ordine {OID}", body="""\
Buongiorno,

speriamo che il robot da cucina Le piaccia! Lasci una recensione su Amazon e Le invieremo un buono
Amazon da 10 € come ringraziamento.

Cordiali saluti,
Cucina Facile
""", codes=["CNT005"], note="review request with a gift-card incentive")

M("414", "it", "La Sua fattura - ordine {OID}", mailer="freshdesk", body="""\
Gentile cliente,

la fattura è disponibile nel Suo account Amazon, nella sezione "I miei ordini".

Seguici su Instagram @casabella_home per idee e novità!

Cordiali saluti,
Casa Bella
""", codes=["CNT004"], note="invoice notice with 'follow us on Instagram'")

M("415", "it", "Com'è il Suo nuovo piumone? Ordine {OID}", body="""\
Buongiorno,

se ha un momento, ci farebbe piacere una Sua recensione su Amazon:
https://www.amazon.it/review/review-your-purchases/?asin=B0D1PLM7QS

Non vuole più ricevere nostri messaggi? Risponda CANCELLAMI.

Cordiali saluti,
Dolce Notte
""", codes=["CNT008"], note="review request with an opt-out line ('Risponda CANCELLAMI', issue 14)")

M("416", "it", "Problema con il Suo ordine {OID}", body="""\
Gentile signor Ferrari,

ci dispiace, ma l'ultima macchina per la pasta è stata danneggiata nel nostro magazzino e il
fornitore non ne avrà altre prima di gennaio.

La preghiamo di annullare l'ordine dal Suo account Amazon, così non Le verrà addebitato nulla.

Cordiali saluti,
Cucina Facile
""", codes=["CNT010"], note="fulfilment problem, asks the buyer to cancel")

M("417", "it", "Re: La Sua recensione - ordine {OID}", reply=True, mailer="zendesk", body="""\
Gentile signora Colombo,

come concordato Le abbiamo rimborsato l'intero importo tramite Amazon.

Ora che il problema è risolto, potrebbe modificare la Sua recensione da una stella o eliminarla?
Per noi sarebbe molto importante.

Cordiali saluti,
Casa Bella

Il giorno mer 18 nov 2026 alle ore 16:20 Laura Colombo <{ALIAS}> ha scritto:
> Grazie per il rimborso.
""", codes=["CNT006"], note="asks the buyer to change or delete an existing review")

M("418", "it", "Risparmi sul prossimo ordine {OID}", mailer="freshdesk", body="""\
Buongiorno,

grazie per l'acquisto del caffè! Dal prossimo ordine può acquistare direttamente sul nostro sito
caffeitaliano-shop.it e pagare con bonifico: senza le commissioni di Amazon il prezzo è più basso
del 10%.

Cordiali saluti,
Caffè Italiano
""", codes=["CNT007", "LNK001"], optional=["CNT004", "CNT012"], note="diverts buying and payment off Amazon (bare domain)")

M("419", "it", "Il Suo ordine {OID} è stato spedito!", body="""\
Buongiorno,

buone notizie: il Suo ordine è stato spedito oggi con GLS e arriverà entro 48 ore.

Grazie per l'acquisto!
Casa Bella
""", codes=["CNT001"], optional=["CNT012"], note="shipping confirmation alone")

M("420", "it", "Ritardo di spedizione - ordine {OID}", body="""\
Gentile cliente,

il Suo ordine partirà con un giorno di ritardo, il 21 novembre, a causa di un ritardo del
fornitore. Ci scusiamo per l'inconveniente.

Per qualsiasi problema non esiti a contattarci.

Cordiali saluti,
Moda Toscana
""", codes=["CNT003"], note="proactive delay notice with a 'contact us with any problem' line")

M("421", "it", "Consegna dell'ordine {OID}", body="""\
Gentile signora Villa,

la lavatrice verrà consegnata venerdì 27 novembre tra le 8 e le 13.

Cordiali saluti,
Elettro Sud
Tel. 02 1234 5678
""", codes=["CTC002"], note="delivery scheduling with the seller's phone number in the signature")

M("422", "it", "[Important] La Sua opinione sull'ordine {OID}", body="""\
Buongiorno,

speriamo che la lampada Le piaccia. Se ha un momento, può lasciare una recensione su Amazon:
https://www.amazon.it/review/review-your-purchases/?asin=B0BLMP4K2D

Cordiali saluti,
Luce Design
""", codes=["CNT009"], note="[Important] on a review request (not critical)")

M("423", "it", "La Sua fattura - ordine {OID}", body="""\
Gentile cliente,

la fattura è disponibile nel Suo account Amazon.

Come ringraziamento, con il co\u200bdice scon\u200bto GRA\u200bZIE10 ha il 10% di sconto sul prossimo
acquisto.

Cordiali saluti,
Dolce Notte
""", codes=["CNT004"], note="obf:zero-width invoice notice; 'codice sconto' and the code split by zero-width spaces")

M("424", "it", "Reso dell'ordine {OID}", body="""\
Gentile signor Fontana,

abbiamo visto che ha richiesto il reso del tostapane. È arrivato danneggiato? In tal caso ci mandi
una foto a assistenza chiocciola casabella punto it, così lo segnaliamo al corriere.

Cordiali saluti,
Casa Bella
""", codes=["CTC001"], note="obf:at-dot return question with an e-mail written 'assistenza chiocciola casabella punto it'")

M("425", "it", "La Sua opinione conta - ordine {OID}", body="""\
Buongiorno,

se è soddisfatto del Suo nuovo frullatore, ci lasci 5 s t e l l e su Amazon! Per una piccola
azienda familiare ogni r e c e n s i o n e  p o s i t i v a è preziosa.

Cordiali saluti,
Cucina Facile
""", codes=["CNT005"], note="obf:spaced review request asking for five stars, words spaced apart")

M("426", "it", "Segua la consegna dell'ordine {OID}", html="""\
<div>
<p>Buongiorno,</p>
<p>la Sua scrivania arriva in due colli; il secondo parte da un altro magazzino un giorno dopo. Lo
stato di entrambi è qui:</p>
<p><a href="https://xn--amazn-mye.it/gp/your-orders/{OID}">https://www.amazon.it/gp/your-orders/{OID}</a></p>
<p>Cordiali saluti,<br>Arredo Milano</p>
</div>
""", codes=["LNK001"], note="obf:idn link text shows amazon.it, href is the punycode look-alike xn--amazn-mye.it (Cyrillic о)")

M("427", "it", "Ritardo di consegna - ordine {OID}", body="""\
Gentile cliente,

il corriere ha comunicato un ritardo: il Suo pacco arriverà martedì 24 novembre. Ci scusiamo per
l'attesa.

Cordiali saluti,
Luce Design
""", html="""\
<div>
<p>Gentile cliente,</p>
<p>il corriere ha comunicato un ritardo: il Suo pacco arriverà martedì 24 novembre. Ci scusiamo per
l'attesa.</p>
<p>Per farci perdonare: codice <b>SCUSA15</b>, 15% di sconto sul prossimo ordine.</p>
<p>Cordiali saluti,<br>Luce Design</p>
</div>
""", codes=["CNT004"], note="obf:html-alternative delay notice; the discount code only in the text/html alternative")

M("428", "it", "Installazione della caldaia - ordine {OID}", body="""\
Gentile signor Moretti,

il tecnico per l'installazione della caldaia passerà mercoledì 25 novembre al mattino. Se
l'orario non Le va bene, chiami il nostro ufficio al ０２ １２３４ ５６７８.

Cordiali saluti,
Termo Nord
""", codes=["CTC002"], note="obf:compat scheduling message with the seller's phone number in full-width digits")
