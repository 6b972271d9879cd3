from build import M

# Third blind batch, Italian: 931-940.

M("931", "it", "Re: Taglia del piumino - ordine {OID}", reply=True, mailer="gmail", body="""\
Buongiorno Marco,

il piumino che ha ordinato è la taglia L, che corrisponde a un torace di 104-108 cm. Se le
dovesse stare largo, può restituirlo dalla pagina dei suoi ordini su Amazon e ordinare la M.

Quanto alla sua domanda: per le regole di Amazon non possiamo condividere numeri di telefono né
indirizzi email, ma le misure qui sopra sono quelle del nostro laboratorio.

Cordiali saluti,
Elena

Il giorno mer 18 nov 2026 alle ore 10:12 Marco <{ALIAS}> ha scritto:
> Mi mandate il vostro numero di telefono o la mail? Vorrei chiedere com'è la vestibilità della L.
""", note="compliant reply: negated sharing of phone and email; the buyer's request only in the Gmail quote; 104-108 cm is a measurement")

M("932", "it", "Fattura per l'ordine {OID}", mailer="freshdesk", body="""\
Gentile cliente,

la fattura elettronica relativa all'ordine {OID} (fattura n. 2026/FE/00871) è disponibile nel
suo account Amazon, nella pagina dei dettagli dell'ordine, alla voce "Fattura".

Distinti saluti,
Amministrazione

--
Bottega Ceramiche Vietri S.r.l. - Via Costiera 41, 84019 Vietri sul Mare (SA)
P.IVA e C.F. 04812360651 - REA SA-398712 - Capitale sociale EUR 20.000 i.v.
""", note="compliant invoice notice with Italian legal footer: 11-digit P.IVA and REA are not phone numbers")

M("933", "it", "Consegna al piano - ordine {OID}", mailer="zendesk", body="""\
Buongiorno signora Ricci,

la sua libreria viaggia in due colli da 38 kg ciascuno, perciò il corriere deve fissare con lei
l'appuntamento per la consegna al piano. Ci indica rispondendo a questo messaggio quale di
queste fasce orarie preferisce?

- lunedì 23 novembre, 9-13
- martedì 24 novembre, 14-18

La spedizione è tracciabile sul sito di Poste Italiane:
https://www.poste.it/cerca/index.html#/risultati-spedizioni/1UW1234567890

Grazie,
Arredi Lago
""", note="compliant delivery scheduling with Poste Italiane https link; weights and time slots are not phone numbers")

M("934", "it", "R: Annullamento ordine {OID}", reply=True, mailer="outlook", crlf=True, body="""\
Gentile signor Bianchi,

come richiesto abbiamo annullato l'ordine prima della spedizione; il rimborso di 59,90 EUR è già
stato emesso tramite Amazon e sarà visibile sul suo metodo di pagamento entro qualche giorno.

Cordiali saluti,
Francesca
Servizio clienti

-----Messaggio originale-----
Da: Luca Bianchi <{ALIAS}>
Inviato: mercoledì 18 novembre 2026 11:26
A: support@shop.example
Oggetto: Annullamento ordine {OID}

Ho sbagliato colore, potete annullare l'ordine? Grazie.
""", note="compliant reply: the seller reports that it cancelled and refunded; Italian Outlook original-message block quoted")

M("935", "it", "La sua opinione sull'ordine {OID}", mailer="zendesk", body="""\
Buongiorno,

speriamo che la macchina per la pasta sia arrivata in buone condizioni. Quando l'avrà provata,
le andrebbe di raccontare com'è andata con una recensione su Amazon? Che sia positiva o
negativa, un parere sincero è utile a chi deve ancora scegliere.

https://www.amazon.it/review/review-your-purchases/?asin=B0CM2PST4A

Un saluto,
Cucina Nonna Rosa
""", note="compliant neutral review request with the amazon.it review link")

M("936", "it", "Com'è andata con l'ordine {OID}?", body="""\
Buongiorno,

grazie per aver scelto la nostra lampada da lettura. Se è soddisfatto, ci lasci una rеcеnsionе a
5 stеllе su Amazon: per un piccolo laboratorio come il nostro fa davvero la differenza.

https://www.amazon.it/review/review-your-purchases/?asin=B0D4LMP8RA

Grazie di cuore,
Luce di Bottega
""", codes=["CNT005"], note="obf:cyrillic request for a 5-star review only if satisfied; 'recensione' and 'stelle' use Cyrillic е")

M("937", "it", "Il suo ordine {OID} è in viaggio!", mailer="freshdesk", body="""\
Buongiorno signor Greco,

il suo ordine è stato spedito oggi con Poste Italiane e arriverà in 2-3 giorni lavorativi.
Può seguirlo qui: https://www.poste.it/cerca/index.html#/risultati-spedizioni/1UW9876543210

Nel frattempo, seguici su Facebook e Instagram per ricette e novità!

A presto,
Cucina Nonna Rosa
""", codes=["CNT001", "CNT004"], note="proactive shipping confirmation plus a social-media follow-us line")

M("938", "it", "Re: Re: rimborso ordine {OID}", reply=True, mailer="gmail", body="""\
Signor Conti,

le abbiamo già spiegato tre volte che il reso è arrivato rotto per colpa sua. Non ci faccia
perdere altro tempo con queste stronzate: il rimborso non arriverà.

Davide

Il giorno mer 18 nov 2026 alle ore 23:02 Paolo Conti <{ALIAS}> ha scritto:
> Voglio il rimborso subito!!!
""", codes=["CNT011"], note="offensive language in a reply")

M("939", "it", "Domanda sul reso dell'ordine {OID}", mailer="zendesk", html="""\
<html><body>
<p>Buongiorno,</p>
<p>abbiamo visto che ha avviato il reso del tostapane. Ci può dire se è arrivato danneggiato
oppure se semplicemente non faceva al caso suo? Ci aiuta a migliorare l'imballaggio.</p>
<p>Grazie,<br>Casa Bellini</p>
<p><img src="http://img.casabellini.example/banner-natale.gif" alt="Saldi di Natale: -30% su tutto il catalogo con il codice NATALE30" width="480" height="90"></p>
</body></html>
""", codes=["IMG002", "IMG003", "CNT004"], note="obf:alt-title return question whose only banner is an http GIF; the Christmas-sale discount code is only in the alt text")

M("940", "it", "Il suo feedback sull'ordine {OID}", body="""\
Gentile signora Marino,

abbiamo visto il suo feedback negativo sul ritardo della consegna. Il pacco è poi arrivato e
il problema è stato risolto, quindi le chiediamo cortesemente di rimuovere il feedback dal suo
account Amazon.

Grazie per la comprensione,
Arredi Lago
""", codes=["CNT006"], note="proactive request to remove negative feedback")
