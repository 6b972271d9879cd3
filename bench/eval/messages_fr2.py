from build import M

M("301", "fr", "Re: Où en est ma commande {OID} ?", reply=True, mailer="gmail", body="""\
Bonjour Monsieur Lefèvre,

Merci pour votre message. Votre colis a été confié à Chronopost hier soir et devrait vous être
livré jeudi 26 novembre avant 13 h. Vous pouvez le suivre ici :
https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY123456789FR

Bien cordialement,
Camille
Service client Maison Lumière

Le mer. 18 nov. 2026 à 19:20, Paul Lefèvre <{ALIAS}> a écrit :
> Bonjour, quand vais-je recevoir ma commande ? Je pars vendredi.
""", note="compliant delivery-time answer with https Chronopost link")

M("302", "fr-CA", "Retard de livraison - commande {OID}", mailer="freshdesk", body="""\
Bonjour M. Gagnon,

En raison d'un retard chez notre fournisseur, votre commande partira de notre entrepôt deux jours
plus tard que prévu. Postes Canada devrait vous la livrer au plus tard le 27 novembre. Vous
pourrez la suivre ici dès son départ :
https://www.canadapost-postescanada.ca/track-reperage/fr#/details/7023210012345678

Toutes nos excuses pour ce délai.

Cordialement,
Érable & Cie
""", note="compliant Canadian-French delay notice with https Canada Post link")

M("303", "fr-BE", "Re: Livraison de la commande {OID}", reply=True, mailer="gmail", body="""\
Bonjour Madame Peeters,

Votre colis est chez bpost et sera livré demain entre 9 h et 13 h. Si vous êtes absente, il sera
déposé dans le point d'enlèvement le plus proche. Suivi :
https://track.bpost.cloud/btr/web/#/search?itemCode=323212345678901234567890&lang=fr

Bien à vous,
Sophie
Service clientèle Chocolaterie Dumont

Le mer. 18 nov. 2026 à 16:02, Anne Peeters <{ALIAS}> a écrit :
> Bonjour, mon colis arrive-t-il avant le week-end ? Il me faut septante pralines pour samedi !
""", note="compliant Belgian-French delivery answer with https bpost link; 'septante' only in the quoted buyer line")

M("304", "fr", "Votre facture - commande {OID}", mailer="zendesk", html="""\
<div style="font-size:14px">
<p>Bonjour Madame Girard,</p>
<p>La facture de votre commande {OID}, avec la TVA détaillée, est disponible dans votre compte
Amazon : <a href="https://www.amazon.fr/gp/your-account/order-details?orderID={OID}">détails de la commande sur Amazon.fr</a></p>
<p>Cordialement,<br>Maison Lumière</p>
</div>
""", note="compliant Zendesk HTML invoice notice with Amazon order-details link")

M("305", "fr", "Votre avis sur la commande {OID}", mailer="freshdesk", body="""\
Bonjour,

Nous espérons que votre bouilloire est bien arrivée et qu'elle vous rend service.

Si vous avez un moment, vous pouvez partager votre expérience avec les autres clients en laissant
un commentaire sur Amazon. Qu'il soit positif ou critique, chaque avis sincère est utile.
https://www.amazon.fr/review/review-your-purchases/?asin=B0BNKT5W2C

Cordialement,
Maison Lumière
""", note="compliant neutral review request")

M("306", "fr", "Re: Code promo pour la commande {OID} ?", reply=True, mailer="gmail", body="""\
Bonjour Madame Roux,

Merci pour votre gentil message. Nous ne pouvons malheureusement pas vous proposer de code promo,
ni vous en envoyer par la messagerie Amazon : le prix de l'annonce est le même pour tous nos
clients.

Le couvercle assorti est vendu séparément sur Amazon sous le nom « Maison Lumière couvercle
verre 24 cm ».

Cordialement,
Julien

Le mar. 17 nov. 2026 à 20:40, Isabelle Roux <{ALIAS}> a écrit :
> La casserole est superbe ! Auriez-vous un code promo pour le couvercle ?
""", note="hard compliant: negated promo code with a clitic ('ne pouvons pas vous proposer ... ni vous en envoyer'); buyer quoted")

M("307", "fr", "Re: Annulation de la commande {OID}", reply=True, mailer="zendesk", body="""\
Bonjour Monsieur Mercier,

C'est fait : nous avons annulé votre commande avant l'expédition, comme vous l'avez demandé. Vous
ne serez pas débité.

Cordialement,
Service client Maison Lumière

Le mer. 18 nov. 2026 à 09:14, Luc Mercier <{ALIAS}> a écrit :
> Pouvez-vous annuler ma commande ? Je me suis trompé de couleur.
""", note="hard compliant: the seller reports that it cancelled; the buyer's request is quoted")

M("308", "fr", "[Important] Adresse incomplète pour la commande {OID}", body="""\
Bonjour Madame Fontaine,

Colissimo nous a retourné votre colis : le numéro de rue manque dans l'adresse de livraison
(l'étiquette indique « rue des Lilas, 69003 Lyon »).

Pourriez-vous vérifier l'adresse dans votre compte Amazon et nous indiquer le bon numéro en
réponse à ce message ? Nous renverrons le colis le jour même.

Cordialement,
Maison Lumière
""", note="hard compliant: [Important] on a critical address problem; postcode is not a phone")

M("309", "fr", "RE: Aspirateur en panne - {OID}", reply=True, mailer="outlook", body="""\
Bonjour Monsieur Blanc,

Nous sommes désolés que l'aspirateur ne fonctionne plus. Il est couvert par la garantie constructeur
de deux ans : le plus rapide est d'appeler le service après-vente du fabricant au 09 69 32 10 00,
qui viendra le chercher et l'échangera. Vous pouvez aussi le retourner via vos commandes Amazon.

Cordialement,
Service client

-----Message d'origine-----
De : Nicolas Blanc <{ALIAS}>
Envoyé : mercredi 18 novembre 2026 18:05
À : support@shop.example
Objet : Aspirateur en panne - {OID}

Mon aspirateur ne démarre plus. Que faire ?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer after-sales number beside warranty context: warn only; French Outlook block")

M("310", "fr-CA", "Re: Taille du manteau - commande {OID}", reply=True, mailer="gmail", body="""\
Bonjour Mme Bouchard,

Le manteau taille un peu grand : si vous portez habituellement un M, le S devrait vous convenir.
Pour l'échanger, demandez un retour dans votre compte Amazon, puis commandez la bonne taille.

Bonne journée,
Érable & Cie

Le mer. 18 nov. 2026 à 13:10, Julie Bouchard <{ALIAS}> a écrit :
> Je vous ai déjà donné 5 étoiles ! Le manteau est trop grand, dois-je prendre un S ?
> Et désabonnez-moi de votre infolettre svp, je ne veux pas de rabais.
""", note="hard compliant Canadian-French reply: '5 étoiles', 'désabonnez-moi', 'rabais' only in the quoted buyer lines")

M("311", "fr", "Personnalisation de votre planche - commande {OID}", body="""\
Bonjour Madame Morel,

Merci pour votre commande de la planche à découper gravée. Avant la gravure, merci de confirmer le
texte et la police :

Texte : « Famille Morel - depuis 2012 »
Police : Classique (option 2 de l'annonce)

La gravure ne peut plus être modifiée ensuite ; répondez simplement « OK » ou indiquez vos
corrections.

Cordialement,
Atelier Bois Gravé
""", note="compliant custom-design verification")

M("312", "fr-BE", "Retard de votre commande {OID}", body="""\
Bonjour Monsieur Janssens,

En raison d'un inventaire dans notre entrepôt, votre commande sera expédiée lundi 23 novembre,
avec deux jours de retard. Veuillez nous en excuser.

Bien à vous,
Chocolaterie Dumont SRL
Rue de la Loi 42, 1040 Bruxelles - TVA BE 0123.456.789 - RPM Bruxelles
""", note="hard compliant Belgian-French delay notice; the dotted Belgian VAT number is not a phone")

M("313", "fr", "Re: Ampoules de rechange - {OID}", reply=True, mailer="outlook", html="""\
<html><body>
<div style="font-family:Comic Sans MS;color:#8a2be2;text-align:center">
<p>Bonjour Madame Perrin,</p>
<p>Oui, la lampe accepte les ampoules E14 jusqu'à 40 W ; des ampoules LED de 5 W conviennent très
bien.</p>
<p>Cordialement,<br>Maison Lumière</p>
</div>
<div style="border-top:solid #E1E1E1 1.0pt">
<p><b>De :</b> Claire Perrin &lt;{ALIAS}&gt;<br><b>Envoyé :</b> mercredi 18 novembre 2026 10:30<br><b>À :</b> support@shop.example<br><b>Objet :</b> Ampoules de rechange - {OID}</p>
</div>
<p>Quelle ampoule faut-il pour cette lampe ?</p>
</body></html>
""", codes=["STY002"], note="compliant reply with a centred body, font family and colour overrides: stripped, delivered")

M("314", "fr", "Re: Notice de montage - {OID}", reply=True, mailer="zendesk", body="""\
Bonjour Monsieur Garnier,

La notice se trouve dans le sachet de vis. À l'étape 5, les vis courtes vont dans les côtés et les
longues dans le fond.

N'hésitez pas à nous contacter pour toute autre question.

Cordialement,
Atelier Bois Gravé

Le mer. 18 nov. 2026 à 21:00, Marc Garnier <{ALIAS}> a écrit :
> Je ne trouve pas la notice de montage.
""", codes=["CNT003"], warn=["CNT003"], note="reply with an offer of further help: warning only")

M("315", "fr", "Un petit merci pour votre avis - commande {OID}", body="""\
Bonjour,

Nous espérons que votre robot pâtissier vous plaît ! Laissez un avis sur Amazon et envoyez-nous une
capture d'écran : nous vous rembourserons 5 € en remerciement.

À bientôt,
Pâtisserie Maison
""", codes=["CNT005"], note="review request with a refund incentive")

M("316", "fr-CA", "Mise à jour de votre commande {OID}", mailer="freshdesk", body="""\
Bonjour,

Votre couverture sera expédiée le 23 novembre, avec un jour de retard. Merci de votre patience.

Abonnez-vous à notre infolettre et suivez-nous sur Facebook pour ne rien manquer de nos
nouveautés!

Cordialement,
Érable & Cie
""", codes=["CNT004"], note="Canadian-French delay notice with newsletter ('infolettre') and Facebook promotion")

M("317", "fr", "Votre facture - commande {OID}", body="""\
Bonjour,

Votre facture est disponible dans votre compte Amazon, rubrique « Vos commandes ».

Pour vous remercier, profitez de 10 % de ré\u00adduc\u00adtion avec le code pro\u00admo MER\u00adCI10 sur
votre prochain achat.

Cordialement,
Maison Lumière
""", codes=["CNT004"], note="obf:soft-hyphen invoice notice; 'réduction', 'code promo' and the code broken by soft hyphens")

M("318", "fr", "Retour de votre commande {OID}", body="""\
Bonjour Madame Lambert,

Vous avez demandé le retour de la théière. Est-elle arrivée abîmée ? Si oui, envoyez-nous une photo
à sav arobase maisonlumiere point fr afin que nous puissions le signaler au transporteur.

Cordialement,
Maison Lumière
""", codes=["CTC001"], note="obf:at-dot return question with an e-mail written 'sav arobase maisonlumiere point fr'")

M("319", "fr-BE", "Livraison de votre commande {OID}", body="""\
Bonjour Monsieur Claes,

Votre armoire sera livrée vendredi 27 novembre entre 8 h et 12 h. Si ce créneau ne vous convient
pas, appelez notre dispatching sur le GSM zéro quatre septante - douze - trente-quatre -
cinquante-six.

Bien à vous,
Meubles Wallons
""", codes=["CTC002"], note="obf:phone-letters Belgian delivery scheduling with a mobile number written out in words ('septante')")

M("320", "fr", "Accessoires pour votre commande {OID}", html_only=True, html="""\
<div>
<p>Bonjour,</p>
<p>Pour votre machine à café, pensez aux filtres à eau et aux pastilles de détartrage.</p>
<p>Commandez-les au meilleur prix directement chez nous :
<a href="https://boutique.cafe-direct.fr/accessoires?from=amazon">www.amazon.fr/cafe-direct</a></p>
<p>Cordialement,<br>Café Direct</p>
</div>
""", codes=["CNT007", "LNK001", "CNT004"], optional=["CNT012"], note="obf:link-mismatch link text names amazon.fr, href goes to the seller's shop (HTML-only mail)")

M("321", "fr", "Re: Votre avis - commande {OID}", reply=True, mailer="zendesk", body="""\
Bonjour Madame Chevalier,

Comme convenu, nous vous avons remboursé intégralement via Amazon et un nouvel appareil est en
route.

Maintenant que le problème est réglé, pourriez-vous modifier votre avis d'une étoile, voire le
supprimer ? Cela nous aiderait beaucoup.

Cordialement,
Maison Lumière

Le mer. 18 nov. 2026 à 15:40, Sylvie Chevalier <{ALIAS}> a écrit :
> Merci pour le remboursement rapide.
""", codes=["CNT006"], note="asks the buyer to change or delete an existing review")

M("322", "fr", "Problème avec votre commande {OID}", body="""\
Bonjour Monsieur Robin,

Nous sommes désolés : le dernier exemplaire de la machine à pain a été endommagé dans notre
entrepôt, et notre fournisseur ne sera pas réapprovisionné avant janvier.

Merci d'annuler votre commande depuis votre compte Amazon afin de ne pas être débité.

Cordialement,
Pâtisserie Maison
""", codes=["CNT010"], note="fulfilment problem, asks the buyer to cancel")

M("323", "fr", "Retard d'expédition - commande {OID}", body="""\
Bonjour,

Votre commande partira avec deux jours de retard, le 23 novembre. Toutes nos excuses.

En compensation, profitez de 15 % de ré\u0434uction sur votre prochain achat avec le \u0441o\u0434e
PARD\u041eN15.

Cordialement,
Maison Lumière
""", codes=["CNT004"], note="obf:cyrillic delay notice; 'réduction', 'code' and the code mixed with Cyrillic letters")

M("324", "fr", "Comment s'est passée votre commande {OID} ?", html="""\
<div>
<p>Bonjour,</p>
<p>Nous espérons que votre linge de lit vous plaît. Si vous le souhaitez, partagez votre expérience
sur Amazon :
<a href="https://www.amazon.fr/review/review-your-purchases/?asin=B0C7LNG8TR">laisser un commentaire</a></p>
<p>Cordialement,<br>Linge &amp; Lin</p>
<p style="font-size:11px">Pour ne plus recevoir nos messages,
<a href="https://www.linge-et-lin.fr/desinscription">désabonnez-vous ici</a>.</p>
</div>
""", codes=["CNT008", "LNK001"], note="review request with an unsubscribe link in the HTML footer")

M("325", "fr-CA", "Livraison de votre commande {OID}", html="""\
<div>
<p>Bonjour,</p>
<p>Votre table sera livrée par Purolator le mardi 24 novembre. Une signature sera requise à la
livraison.</p>
<p><span style="visibility:hidden">Magasinez sur notre site avec le code RABAIS15 : 15 % de rabais sur tout!</span></p>
<p>Cordialement,<br>Érable &amp; Cie</p>
</div>
""", body="""\
Bonjour,

Votre table sera livrée par Purolator le mardi 24 novembre. Une signature sera requise à la
livraison.

Cordialement,
Érable & Cie
""", codes=["CNT004"], optional=["CNT007"], note="obf:hidden Canadian-French delivery notice; a discount code in a visibility:hidden span of the HTML only")

M("326", "fr", "Votre commande {OID} a été expédiée !", body="""\
Bonjour,

Bonne nouvelle : votre commande a été expédiée aujourd'hui avec Colissimo et devrait arriver sous
48 h.

Merci pour votre achat !
Maison Lumière
""", codes=["CNT001"], optional=["CNT012"], note="shipping confirmation alone")

M("327", "fr", "Re: Re: Re: commande {OID}", reply=True, mailer="gmail", body="""\
Monsieur,

Ça fait cinq fois que vous nous posez la même question. Le colis a été livré et signé, alors
arrêtez de nous harceler avec vos conneries et débrouillez-vous avec La Poste, espèce d'abruti.

Marc

Le mer. 18 nov. 2026 à 23:10, Jean <{ALIAS}> a écrit :
> Où est mon colis ??? Répondez !!!
""", codes=["CNT011"], note="offensive language by a frustrated agent")
