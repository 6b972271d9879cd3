from build import M

# Third blind batch, French (France, Canada, Belgium): 921-930.

M("921", "fr-CA", "[Important] Adresse de livraison incomplète - commande {OID}", mailer="freshdesk", body="""\
Bonjour Mme Gagnon,

Postes Canada nous a retourné votre colis, car le numéro d'appartement manque dans l'adresse de
livraison (l'étiquette indique « 4520, avenue Papineau, Montréal QC H2H 1V4 »).

Pourriez-vous vérifier l'adresse dans votre compte Amazon et nous répondre avec le numéro
d'appartement? Nous réexpédierons le colis le jour même. Vous pourrez ensuite le suivre ici :
https://www.canadapost-postescanada.ca/track-reperage/fr#/details/7023210039414604

Merci et bonne journée,
Sophie
Boutique Érable & Lin
""", note="compliant [Important] shipping-address problem (fr-CA), Canada Post https link; civic number, postal code and tracking number are not phone numbers")

M("922", "fr", "RE: Code promo ? Commande {OID}", reply=True, mailer="outlook", qp=True, body="""\
Bonjour Monsieur Lefèvre,

Nous ne proposons pas de codes promo par la messagerie Amazon, et nous ne vous demanderons jamais
de modifier ou de retirer un avis. Votre avis vous appartient.

En revanche, nous avons bien remboursé les frais de port de 4,90 EUR, puisque la livraison a pris
une semaine de retard. Le remboursement apparaît dans votre compte Amazon sous deux à trois jours.

Cordialement,
Nathalie
Service clients

-----Message d'origine-----
De : Julien Lefèvre <{ALIAS}>
Envoyé : mercredi 18 novembre 2026 22:04
À : support@shop.example
Objet : Code promo ? Commande {OID}

Une semaine de retard ! Donnez-moi un code promo ou je laisse un avis négatif.
""", note="compliant reply: negated promo code and negated request to change a review; the seller reports a shipping refund; threats only in the Outlook quote (quoted-printable)")

M("923", "fr", "Votre facture - commande {OID}", body="""\
Bonjour Madame Roux,

Vous trouverez la facture de votre commande {OID} (facture n° F-2026-11-0392) dans votre compte
Amazon, rubrique « Vos commandes », en cliquant sur « Facture ».

Bien cordialement,
Le service comptabilité

--
Atelier Lumière SARL au capital de 10 000 EUR - 18 rue des Tanneurs, 69002 Lyon
RCS Lyon 812 345 678 - SIRET 812 345 678 00019 - TVA intracommunautaire FR 45 812345678
""", note="compliant invoice notice with French legal mentions (RCS, SIRET, TVA): grouped digits that are not phone numbers")

M("924", "fr-BE", "Votre avis sur la commande {OID}", mailer="zendesk", body="""\
Bonjour,

Votre bouilloire en inox est arrivée il y a quelques jours. Si vous avez un moment, vous pouvez
partager votre expérience avec d'autres clients en laissant un avis sur Amazon. Qu'il soit
positif, mitigé ou négatif, chaque avis sincère compte.

https://www.amazon.com.be/review/review-your-purchases/?asin=B0D1KT3LBE

Bien à vous,
Maison Septante
""", note="compliant neutral review request (fr-BE) with the amazon.com.be review link")

M("925", "fr", "Re: Colis introuvable - {OID}", reply=True, mailer="gmail", body="""\
Bonjour Camille,

D'après le suivi Colissimo, votre colis a été déposé hier dans votre bureau de poste, faute de
boîte aux lettres assez grande. Il y reste disponible pendant dix jours ouvrables :
https://www.laposte.fr/outils/suivre-vos-envois?code=6A23456789012

Si le bureau de poste ne le retrouve pas, le service client Colissimo peut ouvrir une enquête au
09 69 39 12 34.

Cordialement,
Antoine

Le mer. 18 nov. 2026 à 18:31, Camille <{ALIAS}> a écrit :
> Le suivi dit livré mais je n'ai rien reçu. Où est mon colis ?
""", codes=["CTC002"], warn=["CTC002"], note="reply with La Poste https tracking and the carrier's customer-service number: warning only")

M("926", "fr", "Retard de livraison - commande {OID}", mailer="zendesk", body="""\
Bonjour Monsieur Garnier,

Votre lampe de bureau est bloquée chez notre transporteur à cause d'une grève au centre de tri.
Elle devrait vous parvenir d'ici le 25 novembre.

Pour nous faire pardonner, profitez de -20 % sur votre prochaine commande avec le
c o d e  p r o m o  LUMIERE20.

Cordialement,
Atelier Lumière
""", codes=["CNT004"], note="obf:spaced delay notice with a promo code, 'code promo' spaced out letter by letter")

M("927", "fr-CA", "Re: Installation du support mural - {OID}", reply=True, mailer="gmail", body="""\
Bonjour Marc,

Pour l'installation du support, le plus simple serait qu'on en parle de vive voix. Appelez-moi
directement au 514 555-0147, je suis au bureau jusqu'à 17 h.

N'hésitez pas à nous écrire si vous avez d'autres questions!

Bonne soirée,
Kevin
Boutique Érable & Lin

Le mer. 18 nov. 2026 à 20:15, Marc <{ALIAS}> a écrit :
> Les vis fournies sont trop courtes pour mon mur en brique. Que faire?
""", codes=["CTC002", "CNT003"], warn=["CNT003"], note="reply with the seller's own phone number (no carrier/warranty context) and an offer of further help (warning in a reply)")

M("928", "fr", "Problème avec votre commande {OID}", body="""\
Bonjour Madame Mercier,

Nous sommes désolés : le dernier service à thé en porcelaine a été cassé lors de la préparation
de votre colis, et notre fabricant ne pourra pas en livrer avant février.

Pourriez-vous annuler la commande depuis votre compte Amazon ? Vous ne serez pas débitée.

Avec toutes nos excuses,
Porcelaine & Cie
""", codes=["CNT010"], note="fulfilment problem asking the buyer to cancel the order")

M("929", "fr", "Votre avis sur la commande {OID}", mailer="zendesk", html="""\
<html><body>
<p><a href="https://www.atelier-lumiere.example"><img src="https://cdn.atelier-lumiere.example/img/logo.png" alt="Atelier Lumière" width="160" height="48"></a></p>
<p>Bonjour,</p>
<p>Votre suspension en rotin est arrivée il y a quelques jours. Si vous avez un moment, un avis
sur Amazon aiderait d'autres clients à se décider, quel qu'il soit.</p>
<p><a href="https://www.amazon.fr/review/review-your-purchases/?asin=B0CJ5RTN8A">Donner mon avis</a></p>
<p>Découvrez aussi notre nouvelle collection d'hiver :</p>
<p><img src="https://cdn.atelier-lumiere.example/img/hiver-1.jpg" alt="Lampadaire Hiver" width="200" height="200">
<img src="https://cdn.atelier-lumiere.example/img/hiver-2.jpg" alt="Applique Hiver" width="200" height="200"></p>
<p>À bientôt,<br>Atelier Lumière</p>
</body></html>
""", codes=["IMG004", "IMG005", "CNT004"], note="review request with a logo linked to the shop (strip the link), two more product images in a proactive message (hold), and a new-collection promotion")

M("930", "fr", "Un petit service ? Commande {OID}", mailer="freshdesk", body="""\
Bonjour,

Nous espérons que votre coussin chauffant vous donne entière satisfaction. Si c'est le cas, un
avis 5 étoiles sur Amazon nous aiderait énormément ⭐⭐⭐⭐⭐

https://www.amazon.fr/review/review-your-purchases/?asin=B0BZ9HC0SN

Merci d'avance,
Douceur Maison
""", codes=["CNT005", "STY001"], note="review request asking for 5 stars if satisfied, with star emoji")
