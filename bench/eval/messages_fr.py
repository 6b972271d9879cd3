from build import M

M("031", "fr", "Re: Échange de taille - commande {OID}", reply=True, mailer="gmail", body="""\
Bonjour Claire,

Merci pour votre message. Pour échanger le pull contre une taille M, le plus simple est de
demander un retour depuis votre compte Amazon, puis de commander la taille M :
https://www.amazon.fr/gp/orc/returns/homepage.html

Le retour est gratuit pour ce motif.

Cordialement,
Julien
Service client

Le mar. 17 nov. 2026 à 10:03, Claire <{ALIAS}> a écrit :
> Bonjour, le pull est un peu trop petit. Est-ce que je peux l'échanger contre un M ?
""", note="compliant reply with Amazon returns link; email only in the 'a écrit' line")

M("032", "fr", "Retard de livraison - commande {OID}", crlf=True, body="""\
Bonjour Madame Martin,

Votre colis a pris du retard au centre de tri de Colissimo. La nouvelle date de livraison
estimée est le 23 novembre 2026.

Vous pouvez suivre votre colis ici :
https://www.laposte.fr/outils/suivre-vos-envois?code=6A23456789012

Nous vous prions de nous excuser pour ce désagrément.

Bien cordialement,
L'équipe Maison Lumière
""", note="compliant delay notice with https La Poste tracking link")

M("033", "fr", "Votre avis sur la commande {OID}", mailer="freshdesk", body="""\
Bonjour,

Nous espérons que votre lampe de chevet vous plaît !

Si vous êtes satisfait, n'hésitez pas à nous laisser 5 étoiles sur Amazon, cela nous aide
énormément.

Merci et à bientôt,
Maison Lumière
""", codes=["CNT005"], note="review request asking for 5 stars if satisfied")

M("034", "fr", "Personnalisation de votre commande {OID}", body="""\
Bonjour Monsieur Dubois,

Merci pour votre commande du mug personnalisé. Vous avez indiqué le prénom « Lea » : faut-il
écrire « Léa » avec un accent ? Merci de nous répondre pour que nous lancions l'impression.

Pour toute question, contactez-nous au 01 23 45 67 89.

Cordialement,
Atelier Tasse & Co
""", codes=["CTC002", "CNT003"], note="proactive customization question with a 'for any question contact us on <phone>' line")

M("035", "fr", "Re: Ampoule compatible ? {OID}", reply=True, mailer="freshdesk", html="""\
<div>
<p>Bonjour Monsieur Petit,</p>
<p>Oui, la lampe accepte les ampoules E27 jusqu'à 60 W, y compris les ampoules LED à
intensité variable.</p>
<p>Cordialement,<br>Sophie<br>Service client Maison Lumière</p>
</div>
<blockquote>
<p>Le 18/11/2026 à 14:22, Paul Petit a écrit :</p>
<p>Quelle ampoule faut-il pour cette lampe ? Vous avez un code promo pour les ampoules ?</p>
</blockquote>
""", note="hard compliant: HTML reply, buyer's 'code promo' only inside blockquote")

M("036", "fr", "Facture de votre commande {OID}", body="""\
Bonjour,

Bonne nouvelle : votre commande a été expédiée aujourd'hui !

Vous trouverez la facture de votre commande {OID} dans votre compte Amazon, rubrique « Vos
commandes ».

Cordialement,
Maison Lumière
""", codes=["CNT001"], note="invoice message that also announces shipment")

M("037", "fr", "Re: Couleur du plaid - {OID}", reply=True, mailer="zendesk", body="""\
Bonjour Madame Roux,

Le plaid que vous avez reçu est bien le coloris « Terracotta ». Sur certaines photos il
paraît plus orangé à cause de l'éclairage.

Bien à vous,
Camille
Service client - contact@maison-lumiere.fr

> Le plaid reçu est plus rouge que sur la photo, est-ce normal ?
""", codes=["CTC001"], note="seller email address in the signature")

M("038", "fr", "Votre retour pour la commande {OID}", body="""\
Bonjour Monsieur Moreau,

Nous avons bien reçu votre demande de retour pour la poêle. Pourriez-vous nous préciser si
le revêtement est abîmé ou si la poêle ne chauffe pas correctement sur votre plaque à
induction ? Cela nous aidera à traiter votre remboursement plus rapidement.

Cordialement,
Le service client Cuisine Plus
""", note="compliant return question")

M("039", "fr", "Votre colis {OID} a du retard", mailer="freshdesk", body="""\
Bonjour,

À cause des grèves, votre colis est bloqué chez le transporteur. Suivez-le ici :
https://bit.ly/3xTrk9Q

Toutes nos excuses pour ce retard.

L'équipe Cuisine Plus
""", codes=["LNK003", "LNK001"], note="URL shortener for the tracking link")

M("040", "fr", "Re: Remboursement partiel - {OID}", reply=True, mailer="gmail", body="""\
Bonjour Madame Girard,

Nous sommes désolés que la boîte soit arrivée cabossée. Nous ne proposons pas de code promo,
mais nous venons de vous rembourser 8,00 EUR via Amazon. Le montant apparaîtra sous quelques
jours.

Cordialement,
Julien

Le mer. 18 nov. 2026 à 19:10, Nathalie Girard <{ALIAS}> a écrit :
> La boîte est arrivée cabossée. Pouvez-vous m'envoyer un code promo en compensation ?
""", note="hard compliant: negated promo code, buyer's quoted 'code promo', refund via Amazon")

M("041", "fr", "Votre avis compte - commande {OID}", html="""\
<div style="text-align:center">
<p>Bonjour,</p>
<p>Nous espérons que votre cafetière vous donne satisfaction.</p>
<p>Si vous avez un moment, pourriez-vous partager votre expérience avec les autres clients en
laissant un commentaire sur Amazon ?</p>
<p><a href="https://www.amazon.fr/review/review-your-purchases/?asin=B0B8ZK2Q5V">Écrire un commentaire</a></p>
<p>Cordialement,<br>Cuisine Plus</p>
</div>
""", codes=["STY002"], note="neutral review request with a centred body")

M("042", "fr", "Re: Deuxième exemplaire ? {OID}", reply=True, mailer="gmail", body="""\
Bonjour Monsieur Lefèvre,

Oui, nous avons encore ce vase en stock. Si vous voulez, vous pouvez aussi le commander
directement sur notre site maison-lumiere.fr, c'est un peu moins cher que sur Amazon.

Cordialement,
Sophie

Le mer. 18 nov. 2026 à 08:30, Luc Lefèvre <{ALIAS}> a écrit :
> Le vase est superbe, en avez-vous un deuxième ?
""", codes=["CNT007", "LNK001"], optional=["CNT004"], note="diverts buying to the seller's own site (bare domain)")

M("043", "fr", "Retard d'expédition - commande {OID}", body="""\
Bonjour,

Votre coussin brodé nécessite deux jours de fabrication supplémentaires ; il sera expédié le
21 novembre.

Pour ne plus recevoir nos messages, répondez simplement STOP à cet e-mail.

Cordialement,
Atelier Tasse & Co
""", codes=["CNT008"], note="fulfilment delay with opt-out text")
