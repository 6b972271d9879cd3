from build import M

# Fourth blind batch, Italian: 837-844. Written from docs/policy.md alone.

M("837", "it", "Fattura ordine {OID}", mailer="outlook", crlf=True, body="""\
Gentile Sig.ra Ferretti,

la fattura relativa al Suo ordine {OID} (macchina per la pasta in acciaio) è stata caricata nel
Suo account Amazon, alla voce "I miei ordini".

Fattura n. 2026/FE/00871 del 12/11/2026
Imponibile: 49,18 EUR
IVA 22%: 10,82 EUR
Totale: 60,00 EUR

Distinti saluti,
Amministrazione

Pastaio Toscano S.r.l. - Via dei Macci 41, 50122 Firenze
P.IVA 06123450487 - C.F. 06123450487 - REA FI-598877
Capitale sociale 10.000,00 EUR i.v.
""", note="compliant invoice notice with Italian legal footer (P.IVA, C.F., REA, share capital, CAP)")

M("838", "it", "Re: Quando arriva l'ordine {OID}?", reply=True, mailer="gmail", body="""\
Buongiorno Sig. Colombo,

il Suo zaino da trekking è stato affidato a Poste Italiane martedì e risulta in consegna nella
zona di Bergamo. Può seguire la spedizione qui:
https://www.poste.it/cerca/index.html#/risultati-spedizioni/RB123456785IT

Non serve annullare l'ordine né aprirne uno nuovo: il pacco è già in viaggio e dovrebbe arrivare
entro venerdì.

Cordiali saluti,
Federica
Alpestre Outdoor

Il giorno mer 18 nov 2026 alle ore 18:33 Paolo Colombo <{ALIAS}> ha scritto:
> Buongiorno, lo zaino non è ancora arrivato. Devo annullare l'ordine e riordinarlo?
""", note="compliant reply to the buyer's delivery question with a Poste Italiane https link; negated "
     "cancellation ('non serve annullare'), not CNT010")

M("839", "it", "[Important] Indirizzo incompleto - ordine {OID}", mailer="zendesk", body="""\
Gentile Cliente,

il corriere ci ha segnalato che nell'indirizzo di consegna del Suo ordine {OID} manca il numero
civico: risulta solo "Via Padova, 20131 Milano".

Per non rimandare la spedizione, La preghiamo di rispondere a questo messaggio indicando il
numero civico ed eventualmente la scala o l'interno. Riprogrammeremo la consegna appena
riceveremo i dati.

Cordiali saluti,
Servizio clienti Casa Lario
""", note="compliant: [Important] on a shipping-address problem (critical); postcode 20131 is not a phone")

M("840", "it", "Re: Macchina del caffè non si accende - ordine {OID}", reply=True, mailer="freshdesk",
  html="""\
<div>Gentile Sig. Russo,</div>
<div><br></div>
<div>ci dispiace per il problema. La Sua macchina del caffè è coperta dalla garanzia del produttore
di 24 mesi: il centro assistenza ufficiale del produttore risponde al numero verde
800 912 345 e organizza il ritiro a domicilio. In alternativa può restituirla tramite la pagina
dei Suoi ordini su Amazon e ottenere il rimborso.</div>
<div><br></div>
<div>Cordiali saluti,<br>Marta - Assistenza Clienti</div>
<div class="freshdesk_quote">
<blockquote class="freshdesk_quote">
<p>Il 18/11/2026 20:51, Luca Russo &lt;{ALIAS}&gt; ha scritto:</p>
<p>La macchina del caffè comprata la settimana scorsa non si accende più. Cosa devo fare?</p>
</blockquote></div>
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer's warranty service number in a reply: warning only "
     "(delivered)")

M("841", "it", "Istruzioni di lavaggio per l'ordine {OID}", mailer="zendesk", body="""\
Buongiorno,

il piumino d'oca che ha ricevuto va lavato la prima volta a 30 gradi con un detersivo delicato
e asciugato in asciugatrice con due palline da tennis, così l'imbottitura resta soffice.

Iscriviti alla nostra newsletter per ricevere in anteprima le nuove collezioni di biancheria e
le offerte riservate agli iscritti!

Un caro saluto,
Piuma d'Oro
""", codes=["CNT004"], optional=["CNT012"], note="care instructions with a newsletter sign-up and offers; "
     "care tips are not plainly a permitted proactive purpose, so CNT012 is arguable")

M("842", "it", "R: Recensione ordine {OID}", reply=True, mailer="outlook", html="""\
<html><body lang="IT">
<div class="WordSection1">
<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Aptos&quot;,sans-serif">Gentile Sig. Marino,</span></p>
<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Aptos&quot;,sans-serif">siamo contenti che il nuovo tostapane funzioni. Visto che il problema ora è risolto, Le chiediamo la cortesia di cancellare la recensione da una stella che ha pubblicato la settimana scorsa.</span></p>
<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Aptos&quot;,sans-serif">Grazie mille,<br>Giorgia</span></p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal"><b>Da:</b> Andrea Marino &lt;{ALIAS}&gt;<br><b>Inviato:</b> mercoledì 18 novembre 2026 19:10<br><b>A:</b> support@shop.example<br><b>Oggetto:</b> Recensione ordine {OID}</p>
</div>
<p class="MsoNormal">Il tostapane sostitutivo è arrivato e funziona.</p>
</div></body></html>
""", codes=["CNT006", "STY002"], note="Outlook reply asking the buyer to delete a one-star review; Outlook "
     "font-family overrides")

M("843", "it", "Problema con l'ordine {OID}", mailer="gmail", body="""\
Gentile Cliente,

purtroppo il modello di bilancia pesapersone che ha ordinato è andato esaurito e il fornitore
non sa dirci quando tornerà disponibile.

Le chiediamo quindi di annullare l'ordine dal Suo account Amazon: in questo modo non Le verrà
addebitato nulla.

Ci scusiamo per il disagio,
Bilancia Italia
""", codes=["CNT010"], note="fulfilment problem asking the buyer to cancel the order")

M("844", "it", "Ricambi per il Suo ordine {OID}", mailer="freshdesk", body="""\
Buongiorno,

la Sua bicicletta pieghevole è arrivata e speriamo che le prime uscite siano andate bene.

Per ordinare camere d'aria, pastiglie dei freni e altri ricambi originali ci scriva su WhatsApp:
Le mandiamo il listino e può pagare direttamente con bonifico.

Tel. / WhatsApp: 347 812 6630

Buone pedalate,
Ciclofficina Navigli
""", codes=["CNT007", "CTC002", "CNT004"], optional=["CNT012", "CNT001"],
  note="WhatsApp named for ordering and paying by bank transfer, mobile number, promotion of other "
       "products; no permitted purpose; 'your bike has arrived' makes CNT001 arguable")
