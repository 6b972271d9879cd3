# ruff: noqa: E501  (the samples are data: one message per line)
"""How well does language detection work on sellers' messages? langdetect vs lingua.

Run: .venv/bin/python bench/language_accuracy.py [--no-lingua]

Samples per language (en, de, fr, es, it, ja): 20 one-liners (1-3 words), 20 short (4-10 words;
Japanese two characters a word) and 20 long (more than 20 words), written like real buyer-seller
messages (delays, returns, invoices, personalisation, review requests, replies). langdetect runs exactly as
the relay runs it (relay.model.facts.detect_language: seeded, on the text as given). lingua runs in two
set-ups: all its 75 languages (comparable with langdetect's 55), and restricted to the languages
of Amazon's marketplaces (what the relay would configure if it switched).

Besides accuracy the table shows, for langdetect, how often LNG001 would *wrongly refuse* a
correct message: a wrong language with probability >= min_probability on text longer than
short_words (the rule's thresholds from [options.language]).

Figures on 2026-11-22 (langdetect 1.0.9 seeded; lingua-language-detector 2.1.1, high accuracy):

    length    langdetect   lingua (all 75)   lingua (12 marketplace languages)
    1-3 w       69.2 %         85.0 %            95.0 %
    4-10 w      96.7 %        100.0 %           100.0 %
    long       100.0 %        100.0 %           100.0 %
    median      3.3 ms         2.4 ms            0.35 ms per call
    lingua (12 languages, preloaded): 7.8 s to load, about 340 MB resident.

LNG001 refuses only above 20 words, where all three are at 100 %; the difference is in the
warnings on short text (langdetect: about 3 in 10 one-liners get a wrong-language warning).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from relay.model.facts import detect_language
from relay.model.phrases import word_count
from relay.rules.language import LanguageOptions

LANGS = ("en", "de", "fr", "es", "it", "ja")

SHORT: dict[str, list[str]] = {
    "en": [
        "Thanks, the replacement is on its way.",
        "Your parcel will arrive on Tuesday.",
        "Could you confirm the engraving text, please?",
        "Sorry for the delay with your order.",
        "The invoice is attached.",
        "Yes, it fits the 2019 model.",
        "Which colour would you like instead?",
        "We refunded the shipping costs today.",
        "Please keep the damaged item.",
        "The courier will call before delivery.",
        "Your return label is ready.",
        "Happy to help, the size runs small.",
        "We need your house number for delivery.",
        "The second box ships tomorrow morning.",
        "Good news: the part is back in stock.",
        "Unfortunately this colour is sold out.",
        "Please check the serial number underneath.",
        "No need to send it back.",
        "Delivery slot confirmed for Friday.",
        "The battery is covered by the warranty.",
    ],
    "de": [
        "Danke, der Ersatz ist unterwegs.",
        "Ihr Paket kommt am Dienstag an.",
        "Bitte bestätigen Sie den Gravurtext.",
        "Entschuldigen Sie die Verzögerung.",
        "Die Rechnung finden Sie im Anhang.",
        "Ja, es passt auch zum Modell 2019.",
        "Welche Farbe möchten Sie stattdessen?",
        "Die Versandkosten haben wir heute erstattet.",
        "Bitte behalten Sie den beschädigten Artikel.",
        "Der Fahrer ruft vor der Zustellung an.",
        "Ihr Rücksendeetikett ist fertig.",
        "Gern, die Größe fällt klein aus.",
        "Wir brauchen noch Ihre Hausnummer.",
        "Der zweite Karton geht morgen raus.",
        "Das Ersatzteil ist wieder vorrätig.",
        "Leider ist diese Farbe ausverkauft.",
        "Die Seriennummer steht auf der Unterseite.",
        "Sie müssen nichts zurückschicken.",
        "Liefertermin für Freitag ist bestätigt.",
        "Der Akku fällt unter die Garantie.",
    ],
    "fr": [
        "Merci, le remplacement est en route.",
        "Votre colis arrivera mardi.",
        "Pouvez-vous confirmer le texte de la gravure ?",
        "Désolés pour le retard de votre commande.",
        "La facture est jointe.",
        "Oui, il est compatible avec le modèle 2019.",
        "Quelle couleur souhaitez-vous à la place ?",
        "Nous avons remboursé les frais de port.",
        "Gardez l'article abîmé, s'il vous plaît.",
        "Le livreur appellera avant la livraison.",
        "Votre étiquette de retour est prête.",
        "Avec plaisir, la taille est petite.",
        "Il nous manque votre numéro de rue.",
        "Le deuxième carton part demain matin.",
        "La pièce est de nouveau en stock.",
        "Cette couleur est malheureusement épuisée.",
        "Le numéro de série est sous l'appareil.",
        "Inutile de nous le renvoyer.",
        "Créneau de livraison confirmé pour vendredi.",
        "La batterie est couverte par la garantie.",
    ],
    "es": [
        "Gracias, el recambio ya está en camino.",
        "Su paquete llegará el martes.",
        "¿Puede confirmar el texto del grabado?",
        "Disculpe el retraso de su pedido.",
        "Le adjuntamos la factura.",
        "Sí, es compatible con el modelo 2019.",
        "¿Qué color prefiere en su lugar?",
        "Hoy le hemos devuelto los gastos de envío.",
        "Puede quedarse con el artículo dañado.",
        "El repartidor llamará antes de la entrega.",
        "Su etiqueta de devolución está lista.",
        "Con gusto, la talla es pequeña.",
        "Necesitamos el número de su portal.",
        "La segunda caja sale mañana.",
        "La pieza vuelve a estar disponible.",
        "Lamentablemente ese color está agotado.",
        "El número de serie está debajo.",
        "No hace falta devolverlo.",
        "Franja de entrega confirmada para el viernes.",
        "La batería está cubierta por la garantía.",
    ],
    "it": [
        "Grazie, il ricambio è in arrivo.",
        "Il pacco arriverà martedì.",
        "Può confermare il testo dell'incisione?",
        "Ci scusi per il ritardo dell'ordine.",
        "In allegato trova la fattura.",
        "Sì, è compatibile con il modello 2019.",
        "Quale colore preferisce invece?",
        "Oggi abbiamo rimborsato le spese di spedizione.",
        "Può tenere l'articolo danneggiato.",
        "Il corriere la chiamerà prima della consegna.",
        "L'etichetta di reso è pronta.",
        "Volentieri, la taglia veste piccola.",
        "Ci serve il numero civico.",
        "Il secondo pacco parte domani mattina.",
        "Il pezzo è di nuovo disponibile.",
        "Purtroppo questo colore è esaurito.",
        "Il numero di serie è sotto l'apparecchio.",
        "Non serve rispedirlo.",
        "Fascia di consegna confermata per venerdì.",
        "La batteria è coperta dalla garanzia.",
    ],
    "ja": [
        "交換品を発送しました。",
        "火曜日にお届けします。",
        "刻印の文字をご確認ください。",
        "発送が遅れて申し訳ございません。",
        "請求書を添付いたします。",
        "はい、2019年モデルにも使えます。",
        "代わりに何色がよろしいですか。",
        "送料を返金いたしました。",
        "破損品は破棄してください。",
        "配達前に電話があります。",
        "返品ラベルをご用意しました。",
        "サイズは小さめです。",
        "番地を教えていただけますか。",
        "二箱目は明日発送します。",
        "部品の在庫が戻りました。",
        "この色は売り切れです。",
        "製造番号は底面にあります。",
        "返送は不要です。",
        "金曜日の配達が確定しました。",
        "電池は保証の対象です。",
    ],
}

LONG: dict[str, list[str]] = {
    "en": [
        "Hello, we are sorry to tell you that the desk lamp from your order is delayed because our supplier delivered late. We will ship it on Wednesday and it should reach you by Friday.",
        "Thank you for your message. The replacement charger left our warehouse this morning with Royal Mail and should arrive within two working days. You can keep the faulty one.",
        "To finish the engraving on your chopping board we need the exact text. Could you confirm the name and the date, with at most twenty characters in total, so we can start today?",
        "The invoice for your order is now available in your Amazon account under order details. Because you asked for a company invoice, we have added your VAT number as well.",
        "Your wardrobe is too large for the normal courier, so a freight company will deliver it. Please tell us which weekday next week suits you between eight and four o'clock.",
        "We noticed that the house number is missing from the delivery address of your order. Could you send it to us so that the parcel does not come back to us as undeliverable?",
        "We hope the walking boots are serving you well. If you have a moment, would you leave a review of the product on Amazon? Your honest opinion helps other customers choose.",
        "Unfortunately the blue version of the kettle is no longer available from the manufacturer. We can send the grey one at the same price, or cancel the item if you prefer.",
        "The spare part you asked about fits every model built since 2017. You will find the model number on the label underneath the appliance, next to the serial number and barcode.",
        "The courier reported that the parcel was damaged in transit. We have already sent a new one by express, and you do not need to return anything; the tracking follows in the order.",
        "Your return has arrived at our warehouse and we checked the item today. The refund for the full amount has been issued and should show on your statement within a few days.",
        "The manufacturer grants a three-year warranty on the vacuum cleaner. Please keep the warranty card together with the invoice, which you can download from your Amazon account.",
        "We are writing because the customs office needs a phone-free proof of the item's value. A copy of the invoice is enough; you can upload it in the order details on Amazon.",
        "Following your question: the jacket is cut slim, so most customers choose one size larger than usual. The sleeve length for size L is sixty-six centimetres, measured from the shoulder.",
        "The second box of your order was held at the carrier's depot because of the storm. The carrier expects to deliver it on Tuesday, and we will keep an eye on the shipment for you.",
        "We received a recall notice from the manufacturer for this batch of power banks. Please stop using yours; we will send a replacement and a prepaid label for the old one this week.",
        "We checked the photo you sent and the scratch is clearly a production fault. A new frame is packed and leaves today; please keep the damaged one or recycle it as you wish.",
        "Your personalised mug proof is ready. The name is printed in dark green above the design, exactly as in your order; please confirm it so that we can send it to print tomorrow.",
        "The delivery date shown on Amazon was wrong because of a mistake in our warehouse system. Your parcel is already packed and will be handed over tomorrow, two days later than shown.",
        "Thank you for pointing out the missing screws. A small bag with all six screws and the two washers is in the post today, so you can finish assembling the shelf at the weekend.",
    ],
    "de": [
        "Guten Tag, leider müssen wir Ihnen mitteilen, dass sich die Schreibtischlampe aus Ihrer Bestellung verzögert, weil unser Lieferant später geliefert hat. Wir versenden sie am Mittwoch.",
        "Vielen Dank für Ihre Nachricht. Das Ersatzladegerät hat heute früh unser Lager verlassen und sollte innerhalb von zwei Werktagen bei Ihnen sein. Das defekte Gerät dürfen Sie behalten.",
        "Für die Gravur auf Ihrem Schneidebrett brauchen wir den genauen Text. Könnten Sie uns Namen und Datum mit höchstens zwanzig Zeichen bestätigen, damit wir heute beginnen können?",
        "Die Rechnung zu Ihrer Bestellung steht jetzt in Ihrem Amazon-Konto unter den Bestelldetails bereit. Da Sie eine Firmenrechnung wünschten, haben wir auch Ihre Umsatzsteuer-Nummer eingetragen.",
        "Ihr Kleiderschrank ist für den normalen Paketdienst zu groß, deshalb liefert eine Spedition. Bitte teilen Sie uns mit, welcher Werktag nächste Woche zwischen acht und sechzehn Uhr passt.",
        "Uns ist aufgefallen, dass in der Lieferadresse Ihrer Bestellung die Hausnummer fehlt. Könnten Sie sie uns schicken, damit das Paket nicht als unzustellbar zu uns zurückkommt?",
        "Wir hoffen, die Wanderschuhe bewähren sich. Wenn Sie einen Moment Zeit haben, würden wir uns über eine Bewertung des Produkts auf Amazon freuen, denn Ihre Erfahrung hilft anderen Käufern.",
        "Leider liefert der Hersteller den Wasserkocher in Blau nicht mehr. Wir können Ihnen das graue Modell zum gleichen Preis schicken oder den Artikel stornieren, wenn Ihnen das lieber ist.",
        "Das Ersatzteil, nach dem Sie gefragt haben, passt zu allen Modellen ab 2017. Die Modellnummer finden Sie auf dem Etikett an der Unterseite, neben der Seriennummer und dem Strichcode.",
        "Der Paketdienst hat gemeldet, dass das Paket beim Transport beschädigt wurde. Wir haben bereits ein neues per Express verschickt, Sie müssen nichts zurückschicken; die Sendungsnummer folgt.",
        "Ihre Rücksendung ist in unserem Lager eingetroffen und wir haben den Artikel heute geprüft. Der volle Betrag wurde erstattet und sollte in wenigen Tagen auf Ihrem Konto erscheinen.",
        "Der Hersteller gewährt auf den Staubsauger drei Jahre Garantie. Bitte bewahren Sie die Garantiekarte zusammen mit der Rechnung auf, die Sie in Ihrem Amazon-Konto herunterladen können.",
        "Wir schreiben Ihnen, weil der Zoll einen Nachweis über den Warenwert benötigt. Eine Kopie der Rechnung genügt; Sie können sie in den Bestelldetails bei Amazon hochladen.",
        "Zu Ihrer Frage: Die Jacke ist schmal geschnitten, daher wählen die meisten Kunden eine Nummer größer als sonst. Die Ärmellänge in Größe L beträgt sechsundsechzig Zentimeter ab der Schulter.",
        "Der zweite Karton Ihrer Bestellung wurde wegen des Sturms im Depot des Paketdienstes aufgehalten. Die Zustellung ist für Dienstag angekündigt, und wir behalten die Sendung für Sie im Blick.",
        "Der Hersteller hat für diese Charge Powerbanks einen Rückruf veröffentlicht. Bitte benutzen Sie Ihre nicht mehr; wir schicken Ihnen diese Woche Ersatz und ein frankiertes Etikett für die alte.",
        "Wir haben Ihr Foto geprüft, der Kratzer ist eindeutig ein Produktionsfehler. Ein neuer Rahmen ist verpackt und geht heute raus; den beschädigten können Sie behalten oder entsorgen.",
        "Die Vorschau für Ihre personalisierte Tasse ist fertig. Der Name ist in Dunkelgrün über dem Motiv gedruckt, genau wie bestellt; bitte bestätigen Sie sie, damit wir morgen drucken können.",
        "Das bei Amazon angezeigte Lieferdatum war wegen eines Fehlers in unserem Lagersystem falsch. Ihr Paket ist bereits gepackt und wird morgen übergeben, zwei Tage später als angezeigt.",
        "Danke für den Hinweis auf die fehlenden Schrauben. Ein kleiner Beutel mit allen sechs Schrauben und den zwei Unterlegscheiben geht heute in die Post, damit Sie das Regal am Wochenende aufbauen können.",
    ],
    "fr": [
        "Bonjour, nous sommes désolés de vous informer que la lampe de bureau de votre commande est en retard, car notre fournisseur a livré tardivement. Nous l'expédierons mercredi.",
        "Merci pour votre message. Le chargeur de remplacement a quitté notre entrepôt ce matin et devrait vous parvenir sous deux jours ouvrés. Vous pouvez garder l'ancien, défectueux.",
        "Pour terminer la gravure de votre planche à découper, nous avons besoin du texte exact. Pourriez-vous confirmer le prénom et la date, vingt caractères au maximum, pour que nous commencions aujourd'hui ?",
        "La facture de votre commande est désormais disponible dans votre compte Amazon, dans le détail de la commande. Comme vous avez demandé une facture professionnelle, nous avons ajouté votre numéro de TVA.",
        "Votre armoire est trop grande pour un transporteur classique ; elle sera livrée par un transporteur spécialisé. Merci de nous indiquer quel jour de la semaine prochaine vous convient, entre huit et seize heures.",
        "Nous avons remarqué que le numéro de rue manque dans l'adresse de livraison de votre commande. Pourriez-vous nous l'envoyer afin que le colis ne nous revienne pas comme non distribuable ?",
        "Nous espérons que vos chaussures de randonnée vous donnent satisfaction. Si vous avez un instant, pourriez-vous laisser un avis sur le produit sur Amazon ? Votre expérience aide les autres clients.",
        "Malheureusement, le fabricant ne produit plus la bouilloire en bleu. Nous pouvons vous envoyer le modèle gris au même prix, ou annuler l'article si vous le préférez.",
        "La pièce détachée dont vous parlez est compatible avec tous les modèles fabriqués depuis 2017. Le numéro de modèle se trouve sur l'étiquette sous l'appareil, à côté du numéro de série.",
        "Le transporteur nous a signalé que le colis a été endommagé pendant le transport. Nous vous avons déjà envoyé un nouveau colis en express ; vous n'avez rien à nous retourner.",
        "Votre retour est arrivé dans notre entrepôt et nous avons vérifié l'article aujourd'hui. Le remboursement de la totalité du montant a été effectué et apparaîtra d'ici quelques jours.",
        "Le fabricant accorde une garantie de trois ans sur l'aspirateur. Conservez la carte de garantie avec la facture, que vous pouvez télécharger depuis votre compte Amazon.",
        "Nous vous écrivons car la douane demande un justificatif de la valeur de l'article. Une copie de la facture suffit ; vous pouvez la déposer dans le détail de la commande sur Amazon.",
        "Pour répondre à votre question : la veste est coupée près du corps, la plupart des clients prennent donc une taille au-dessus. La longueur de manche en taille L est de soixante-six centimètres.",
        "Le deuxième carton de votre commande a été retenu au dépôt du transporteur à cause de la tempête. La livraison est prévue mardi et nous suivons l'envoi de près pour vous.",
        "Le fabricant a publié un avis de rappel pour ce lot de batteries externes. Merci de ne plus utiliser la vôtre ; nous vous enverrons cette semaine un remplacement et une étiquette prépayée.",
        "Nous avons examiné la photo que vous nous avez envoyée : la rayure est clairement un défaut de fabrication. Un nouveau cadre est emballé et part aujourd'hui ; vous pouvez garder l'ancien.",
        "La maquette de votre tasse personnalisée est prête. Le prénom est imprimé en vert foncé au-dessus du motif, comme dans votre commande ; merci de la valider pour que nous lancions l'impression demain.",
        "La date de livraison affichée sur Amazon était erronée à cause d'une erreur dans notre système d'entrepôt. Votre colis est prêt et sera remis demain au transporteur, avec deux jours de décalage.",
        "Merci de nous avoir signalé les vis manquantes. Un petit sachet avec les six vis et les deux rondelles part aujourd'hui par la poste, pour que vous puissiez monter l'étagère ce week-end.",
    ],
    "es": [
        "Hola, sentimos comunicarle que la lámpara de escritorio de su pedido se retrasa porque nuestro proveedor la entregó tarde. La enviaremos el miércoles y debería llegar el viernes.",
        "Gracias por su mensaje. El cargador de repuesto salió esta mañana de nuestro almacén y debería llegarle en dos días laborables. Puede quedarse con el defectuoso, no hace falta devolverlo.",
        "Para terminar el grabado de su tabla de cortar necesitamos el texto exacto. ¿Podría confirmarnos el nombre y la fecha, con veinte caracteres como máximo, para empezar hoy mismo?",
        "La factura de su pedido ya está disponible en su cuenta de Amazon, en los detalles del pedido. Como pidió una factura para empresa, también hemos incluido su número de IVA.",
        "Su armario es demasiado grande para la mensajería normal, así que lo entregará una empresa de transporte. Indíquenos qué día laborable de la próxima semana le viene bien, entre las ocho y las cuatro.",
        "Hemos visto que en la dirección de entrega de su pedido falta el número del portal. ¿Podría enviárnoslo para que el paquete no vuelva a nosotros como no entregable?",
        "Esperamos que las botas de montaña le estén dando buen resultado. Si tiene un momento, ¿podría dejar una reseña del producto en Amazon? Su experiencia ayuda a otros clientes a elegir.",
        "Lamentablemente el fabricante ya no produce el hervidor en azul. Podemos enviarle el modelo gris al mismo precio o anular el artículo, si lo prefiere así.",
        "La pieza de recambio por la que pregunta es compatible con todos los modelos fabricados desde 2017. Encontrará el número de modelo en la etiqueta de la parte inferior, junto al número de serie.",
        "La empresa de transporte nos ha informado de que el paquete se dañó durante el envío. Ya le hemos mandado uno nuevo por envío urgente y no tiene que devolvernos nada.",
        "Su devolución ha llegado a nuestro almacén y hoy hemos revisado el artículo. Ya hemos emitido el reembolso del importe completo, que verá reflejado en su cuenta en unos días.",
        "El fabricante ofrece una garantía de tres años para la aspiradora. Guarde la tarjeta de garantía junto con la factura, que puede descargar desde su cuenta de Amazon.",
        "Le escribimos porque la aduana necesita un justificante del valor del artículo. Basta con una copia de la factura; puede subirla en los detalles del pedido en Amazon.",
        "Respecto a su pregunta: la chaqueta es de corte entallado, por lo que la mayoría de los clientes elige una talla más. La manga en la talla L mide sesenta y seis centímetros desde el hombro.",
        "La segunda caja de su pedido quedó retenida en el almacén del transportista por la tormenta. La entrega está prevista para el martes y seguiremos el envío de cerca por usted.",
        "El fabricante ha publicado un aviso de retirada para este lote de baterías externas. Deje de usar la suya, por favor; esta semana le enviaremos una nueva y una etiqueta prepagada para la antigua.",
        "Hemos revisado la foto que nos envió y el arañazo es claramente un defecto de fabricación. Un marco nuevo ya está embalado y sale hoy; puede quedarse con el dañado o reciclarlo.",
        "La prueba de su taza personalizada está lista. El nombre está impreso en verde oscuro encima del diseño, tal como en su pedido; confírmela, por favor, para imprimirla mañana.",
        "La fecha de entrega que mostraba Amazon era incorrecta por un error en nuestro sistema de almacén. Su paquete ya está preparado y saldrá mañana, dos días más tarde de lo indicado.",
        "Gracias por avisarnos de los tornillos que faltan. Hoy sale por correo una bolsita con los seis tornillos y las dos arandelas, para que pueda montar la estantería el fin de semana.",
    ],
    "it": [
        "Buongiorno, ci dispiace comunicarle che la lampada da scrivania del suo ordine è in ritardo perché il nostro fornitore ha consegnato tardi. La spediremo mercoledì e arriverà venerdì.",
        "Grazie per il suo messaggio. Il caricatore sostitutivo è partito stamattina dal nostro magazzino e dovrebbe arrivare entro due giorni lavorativi. Può tenere quello difettoso.",
        "Per completare l'incisione sul suo tagliere ci serve il testo esatto. Può confermarci il nome e la data, al massimo venti caratteri, così iniziamo oggi stesso?",
        "La fattura del suo ordine è ora disponibile nel suo account Amazon, nei dettagli dell'ordine. Poiché ha chiesto una fattura aziendale, abbiamo aggiunto anche la sua partita IVA.",
        "Il suo armadio è troppo grande per il corriere normale, quindi lo consegnerà uno spedizioniere. Ci indichi quale giorno feriale della prossima settimana le va bene, tra le otto e le sedici.",
        "Abbiamo notato che nell'indirizzo di consegna del suo ordine manca il numero civico. Può inviarcelo, così il pacco non ci torna indietro come non consegnabile?",
        "Speriamo che gli scarponi da trekking la stiano soddisfacendo. Se ha un momento, può lasciare una recensione del prodotto su Amazon? La sua esperienza aiuta altri clienti a scegliere.",
        "Purtroppo il produttore non realizza più il bollitore in blu. Possiamo inviarle il modello grigio allo stesso prezzo oppure annullare l'articolo, se preferisce.",
        "Il ricambio di cui chiede è compatibile con tutti i modelli prodotti dal 2017. Trova il numero di modello sull'etichetta sotto l'apparecchio, accanto al numero di serie e al codice a barre.",
        "Il corriere ci ha segnalato che il pacco si è danneggiato durante il trasporto. Le abbiamo già spedito un nuovo pacco con corriere espresso e non deve restituirci nulla.",
        "Il suo reso è arrivato nel nostro magazzino e oggi abbiamo controllato l'articolo. Il rimborso dell'intero importo è stato emesso e lo vedrà sul conto entro pochi giorni.",
        "Il produttore offre tre anni di garanzia sull'aspirapolvere. Conservi il certificato di garanzia insieme alla fattura, che può scaricare dal suo account Amazon.",
        "Le scriviamo perché la dogana richiede una prova del valore dell'articolo. Basta una copia della fattura; può caricarla nei dettagli dell'ordine su Amazon.",
        "Riguardo alla sua domanda: la giacca ha un taglio aderente, quindi la maggior parte dei clienti sceglie una taglia in più. La manica nella taglia L misura sessantasei centimetri dalla spalla.",
        "Il secondo pacco del suo ordine è rimasto fermo nel deposito del corriere a causa della tempesta. La consegna è prevista per martedì e seguiremo la spedizione per lei.",
        "Il produttore ha pubblicato un richiamo per questo lotto di power bank. La preghiamo di non usare più il suo; questa settimana le invieremo un sostituto e un'etichetta prepagata.",
        "Abbiamo esaminato la foto che ci ha inviato e il graffio è chiaramente un difetto di produzione. Una nuova cornice è già imballata e parte oggi; può tenere quella danneggiata.",
        "La bozza della sua tazza personalizzata è pronta. Il nome è stampato in verde scuro sopra il disegno, come nell'ordine; la confermi, per favore, così domani la mandiamo in stampa.",
        "La data di consegna mostrata su Amazon era sbagliata per un errore nel nostro sistema di magazzino. Il pacco è già pronto e verrà affidato al corriere domani, con due giorni di ritardo.",
        "Grazie per averci segnalato le viti mancanti. Oggi spediamo per posta una bustina con tutte e sei le viti e le due rondelle, così potrà montare la mensola nel fine settimana.",
    ],
    "ja": [
        "ご注文のデスクライトにつきまして、仕入先からの入荷が遅れたため、発送が遅延しております。水曜日に発送し、金曜日にはお届けできる見込みです。ご迷惑をおかけして申し訳ございません。",
        "ご連絡ありがとうございます。交換用の充電器は本日午前に当店の倉庫から発送いたしました。二営業日以内にお届けの予定です。不具合のある充電器はご返送いただく必要はございません。",
        "まな板への刻印を仕上げるため、正確な文字をお知らせいただけますでしょうか。お名前と日付を合わせて二十文字以内でご確認いただければ、本日中に作業を開始いたします。",
        "ご注文の請求書は、Amazonアカウントの注文履歴からダウンロードいただけるようになりました。法人向けの請求書をご希望でしたので、登録番号も記載しております。",
        "ご注文のワードローブは通常の宅配便では配送できない大きさのため、専門の配送業者がお届けします。来週の平日のうち、八時から十六時の間でご都合のよい日をお知らせください。",
        "ご注文のお届け先住所に番地が記載されていないようです。お荷物が配達不能で当店に戻ってしまわないよう、番地をお知らせいただけますでしょうか。",
        "登山靴はいかがでしょうか。お時間がございましたら、Amazonで商品のレビューをお寄せいただけますと幸いです。お客様のご意見は、他のお客様の商品選びの参考になります。",
        "申し訳ございませんが、青色の電気ケトルはメーカーでの生産が終了いたしました。同じ価格で灰色のモデルをお送りするか、ご希望であれば商品をキャンセルいたします。",
        "お問い合わせの交換部品は、二〇一七年以降に製造されたすべてのモデルに対応しております。型番は本体底面のラベルに、製造番号とバーコードと並んで記載されています。",
        "配送業者より、輸送中にお荷物が破損したとの連絡がありました。すでに新しい商品を速達で発送しておりますので、破損した商品をご返送いただく必要はございません。",
        "ご返品の商品が当店の倉庫に到着し、本日検品いたしました。全額の返金手続きを完了いたしましたので、数日以内にご利用明細に反映される見込みです。",
        "掃除機にはメーカーによる三年間の保証が付いております。保証書は、Amazonアカウントからダウンロードできる請求書と一緒に大切に保管してください。",
        "税関より商品価格の証明書類の提出を求められたため、ご連絡いたしました。請求書の写しで問題ございません。Amazonの注文詳細からアップロードしていただけます。",
        "お問い合わせの件ですが、このジャケットは細身の作りのため、多くのお客様が普段より一つ大きいサイズをお選びになっています。Lサイズの袖丈は肩から六十六センチです。",
        "ご注文の二箱目は、嵐の影響で配送業者の営業所に留め置かれておりました。火曜日に配達される予定で、当店でも引き続き配送状況を確認してまいります。",
        "メーカーより、このロットのモバイルバッテリーについてリコールの告知がありました。恐れ入りますがご使用を中止してください。今週中に交換品と着払い伝票をお送りいたします。",
        "お送りいただいた写真を確認いたしましたところ、傷は明らかに製造時の不良でした。新しいフレームを本日発送いたします。傷のある商品はそのままお使いいただいても構いません。",
        "名入れマグカップのデザイン案ができあがりました。ご注文どおり、お名前を濃い緑色で絵柄の上に印刷しております。明日印刷に入れるよう、ご確認をお願いいたします。",
        "当店の倉庫システムの不具合により、Amazonに表示されたお届け予定日に誤りがございました。お荷物はすでに梱包済みで、表示より二日遅れて明日発送いたします。",
        "ネジが不足していたとのご連絡ありがとうございます。六本のネジと二枚のワッシャーを本日郵送いたしますので、週末には棚を組み立てていただけます。",
    ],
}

# 1-3 words (Japanese: up to 10 characters): the one-line replies of a helpdesk ("Danke!"), where detectors differ most.
TINY: dict[str, list[str]] = {
    "en": [
        "Thanks!",
        "You're welcome.",
        "Sure, no problem.",
        "Already shipped.",
        "Good news!",
        "Sorry about that.",
        "Yes, it fits.",
        "Refund issued.",
        "On its way.",
        "Many thanks.",
        "Label attached.",
        "Confirmed.",
        "Kind regards",
        "Apologies.",
        "Happy to help.",
        "Back in stock.",
        "Sold out, sorry.",
        "Arrives Tuesday.",
        "Invoice attached.",
        "Best wishes",
    ],
    "de": [
        "Danke!",
        "Gern geschehen.",
        "Klar, kein Problem.",
        "Schon unterwegs.",
        "Gute Nachricht!",
        "Tut uns leid.",
        "Ja, passt.",
        "Geld erstattet.",
        "Ist unterwegs.",
        "Vielen Dank.",
        "Etikett anbei.",
        "Bestätigt.",
        "Freundliche Grüße",
        "Entschuldigung.",
        "Gerne geholfen.",
        "Wieder vorrätig.",
        "Leider ausverkauft.",
        "Kommt Dienstag.",
        "Rechnung anbei.",
        "Viele Grüße",
    ],
    "fr": [
        "Merci !",
        "Avec plaisir.",
        "Aucun souci.",
        "Déjà expédié.",
        "Bonne nouvelle !",
        "Désolés.",
        "Oui, ça convient.",
        "Remboursement effectué.",
        "En route.",
        "Merci beaucoup.",
        "Étiquette jointe.",
        "Confirmé.",
        "Bien cordialement",
        "Toutes nos excuses.",
        "Ravis d'aider.",
        "De nouveau disponible.",
        "Épuisé, désolés.",
        "Livraison mardi.",
        "Facture jointe.",
        "Bonne journée",
    ],
    "es": [
        "¡Gracias!",
        "De nada.",
        "Claro, sin problema.",
        "Ya enviado.",
        "¡Buenas noticias!",
        "Lo sentimos.",
        "Sí, encaja.",
        "Reembolso hecho.",
        "En camino.",
        "Muchas gracias.",
        "Etiqueta adjunta.",
        "Confirmado.",
        "Un saludo",
        "Disculpe.",
        "Encantados de ayudar.",
        "Otra vez disponible.",
        "Agotado, lo siento.",
        "Llega el martes.",
        "Factura adjunta.",
        "Saludos cordiales",
    ],
    "it": [
        "Grazie!",
        "Prego.",
        "Certo, nessun problema.",
        "Già spedito.",
        "Buone notizie!",
        "Ci scusi.",
        "Sì, va bene.",
        "Rimborso effettuato.",
        "In arrivo.",
        "Grazie mille.",
        "Etichetta allegata.",
        "Confermato.",
        "Cordiali saluti",
        "Mi scusi.",
        "Felici di aiutare.",
        "Di nuovo disponibile.",
        "Esaurito, ci spiace.",
        "Arriva martedì.",
        "Fattura allegata.",
        "Buona giornata",
    ],
    "ja": [
        "ありがとうございます。",
        "どういたしまして。",
        "承知しました。",
        "発送済みです。",
        "朗報です！",
        "申し訳ありません。",
        "はい、合います。",
        "返金しました。",
        "配送中です。",
        "感謝いたします。",
        "ラベル添付。",
        "確認しました。",
        "よろしくお願いします。",
        "失礼しました。",
        "お役に立てて幸いです。",
        "再入荷しました。",
        "売り切れです。",
        "火曜日着です。",
        "請求書添付。",
        "敬具",
    ],
}


def check_samples() -> None:
    for lang in LANGS:
        assert len(SHORT[lang]) == 20 and len(LONG[lang]) == 20 and len(TINY[lang]) == 20, lang
        for text in TINY[lang]:
            # Japanese: a set phrase like ありがとうございます is ten characters (5 "words").
            assert word_count(text) <= (5 if lang == "ja" else 3), (lang, text, word_count(text))
        for text in SHORT[lang]:
            assert word_count(text) <= 10, (lang, text, word_count(text))
        for text in LONG[lang]:
            # Long = what LNG001 may refuse on: more than short_words.
            assert word_count(text) > LanguageOptions().short_words, (lang, text, word_count(text))


Detector = Callable[[str], str | None]


def langdetect_detector() -> Detector:
    return lambda text: detect_language(text).code


def lingua_detectors() -> dict[str, Detector]:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    def wrap(builder: LanguageDetectorBuilder) -> Detector:
        detector = builder.build()

        def detect(text: str) -> str | None:
            found = detector.detect_language_of(text)
            return None if found is None else found.iso_code_639_1.name.lower()

        return detect

    # The written languages of Amazon's marketplaces (relay.model.aliases.MARKETPLACE_LANGUAGE).
    market_codes = ("en", "es", "pt", "de", "fr", "it", "nl", "sv", "pl", "tr", "ja", "ar")
    market = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in market_codes]
    return {
        "lingua (all 75)": wrap(
            LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models()
        ),
        "lingua (market 12)": wrap(
            LanguageDetectorBuilder.from_languages(*market).with_preloaded_language_models()
        ),
    }


SIZES = (("1-3 w", TINY), ("4-10 w", SHORT), ("long", LONG))


def measure(detect: Detector) -> tuple[dict[tuple[str, str], float], float, list[str]]:
    accuracy: dict[tuple[str, str], float] = {}
    timings: list[float] = []
    misses: list[str] = []
    for size, samples in SIZES:
        for lang in LANGS:
            right = 0
            for text in samples[lang]:
                started = time.perf_counter()
                got = detect(text)
                timings.append(time.perf_counter() - started)
                right += got == lang
                if got != lang:
                    misses.append(f"{lang}->{got}: {text}")
            accuracy[(lang, size)] = right / len(samples[lang])
    return accuracy, statistics.median(timings) * 1000, misses


def false_refusals() -> tuple[int, int, list[str]]:
    """Correct messages LNG001 would refuse (confident, long enough, wrong language)."""
    opts = LanguageOptions()
    refused: list[str] = []
    total = 0
    for _size, samples in SIZES:
        for lang in LANGS:
            for text in samples[lang]:
                total += 1
                found = detect_language(text)
                if (
                    found.code != lang
                    and found.words > opts.short_words
                    and found.probability >= opts.min_probability
                ):
                    refused.append(f"{lang}->{found.code}: {text[:60]}")
    return len(refused), total, refused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lingua", action="store_true", help="langdetect only")
    args = parser.parse_args()
    check_samples()
    detect_language("warm up the profiles")  # the first call loads langdetect's profiles

    detectors: dict[str, Detector] = {"langdetect (relay)": langdetect_detector()}
    if not args.no_lingua:
        try:
            detectors.update(lingua_detectors())
        except ImportError:
            print("lingua-language-detector is not installed; langdetect only\n")
    results = {name: measure(detect) for name, detect in detectors.items()}

    names = list(results)
    width = max(len(n) for n in names)
    header = f"{'lang':<5} {'length':<7}" + " ".join(f"{n:>{width}}" for n in names)
    print(header)
    print("-" * len(header))
    for size, _samples in SIZES:
        for lang in LANGS:
            cells = " ".join(f"{results[n][0][(lang, size)]:>{width}.0%}" for n in names)
            print(f"{lang:<5} {size:<7}{cells}")
        overall = " ".join(
            f"{sum(results[n][0][(lang, size)] for lang in LANGS) / len(LANGS):>{width}.1%}"
            for n in names
        )
        print(f"{'all':<5} {size:<7}{overall}")
        print("-" * len(header))
    timing = " ".join(f"{results[n][1]:>{width - 3}.2f} ms" for n in names)
    print(f"{'median time':<13}{timing}")
    for name in names:
        misses = results[name][2]
        print(f"\n{name}: {len(misses)} wrong")
        for miss in misses:
            print(f"  {miss}")
    count, total, examples = false_refusals()
    print(f"\nLNG001 with langdetect would wrongly refuse {count} of {total} correct samples")
    for example in examples:
        print(f"  {example}")


if __name__ == "__main__":
    main()
