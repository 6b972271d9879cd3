from build import M

# Fourth blind batch, French (France, Belgium, Canada): 829-836. Written from docs/policy.md alone.

M("829", "fr-BE", "RE: Où est mon colis ? Commande {OID}", reply=True, mailer="outlook", crlf=True, body="""\
Bonjour Madame Lambert,

Votre portemanteau sur pied a été remis à bpost lundi et se trouve actuellement au centre de tri de
Bruxelles X. La livraison est prévue demain, entre 9 h et 17 h. Vous pouvez suivre le colis
ici :
https://track.bpost.cloud/btr/web/#/search?itemCode=323299004571876543&lang=fr

Si personne n'est à la maison, le facteur le déposera au point d'enlèvement le plus proche, où
il restera quinze jours.

Bien à vous,
Aurélie
Service clientèle Lumina

-----Message d'origine-----
De : Chantal Lambert <{ALIAS}>
Envoyé : mercredi 18 novembre 2026 19:22
À : support@shop.example
Objet : Où est mon colis ? Commande {OID}

Bonjour, j'ai commandé un portemanteau il y a nonante heures et je n'ai toujours rien. Où en est
l'envoi ?
""", note="compliant reply to the buyer's own delivery question (CNT001 exemption), bpost https "
     "tracking link; Outlook French original-message block")

M("830", "fr-CA", "Gravure de votre bâton de hockey - commande {OID}", mailer="freshdesk", body="""\
Bonjour Mathieu,

Merci pour votre commande d'un bâton de hockey personnalisé. Avant de lancer la gravure au laser,
nous voulons valider avec vous ce qui sera inscrit sur le manche :

Nom : GAGNON
Numéro : 87
Position : côté droit, à 15 cm de la palette

Une fois gravé, le bâton ne peut plus être modifié. Répondez simplement à ce courriel avec
« OK » ou avec vos corrections, et la fabrication commencera dès réception de votre réponse.

Merci et bonne saison!
L'équipe de l'Atelier Rondelle
""", note="compliant custom-design verification (Canadian French); 'courriel' is a word, not an address; "
     "the number 87 is a jersey number")

M("831", "fr", "Votre avis sur la commande {OID}", mailer="zendesk", body="""\
Bonjour,

Votre théière en fonte est arrivée il y a quelques jours. Si vous avez un moment, vous pouvez
partager votre expérience avec les autres clients en publiant un commentaire sur Amazon :

https://www.amazon.fr/review/review-your-purchases/?asin=B0CTHE1FON

Nous ne vous offrirons rien en échange et nous ne vous demandons pas de note particulière :
un avis sincère, qu'il soit bon ou moins bon, est ce qui aide le plus.

Cordialement,
Maison Tetsu
""", note="compliant neutral review request with the amazon.fr review link; negated incentive and "
     "negated star request")

M("832", "fr", "Re: Mixeur en panne - commande {OID}", reply=True, mailer="zendesk", body="""\
Bonjour Monsieur Garnier,

Nous sommes désolés que le moteur de votre mixeur plongeant se soit arrêté au bout de deux
utilisations. Nous avons lancé aujourd'hui le remboursement intégral via Amazon ; vous le verrez
sur votre compte d'ici trois à cinq jours ouvrés. Vous n'avez pas besoin de nous renvoyer
l'appareil.

Cordialement,
Sophie
Service client Cuisimax

Le mer. 18 nov. 2026 à 21:40, Thierry Garnier <{ALIAS}> a écrit :
> Mixeur HS après deux jours. J'ai mis une étoile sur Amazon et je modifierai mon avis
> seulement si vous me remboursez. Appelez-moi au 06 12 34 56 78.
""", note="compliant reply: the seller reports the refund it made, does not ask for a review change; "
     "'étoile', 'modifier mon avis' and a phone number only in the buyer's quote")

M("833", "fr", "Retard de livraison - commande {OID}", html_only=True, mailer="zendesk", html="""\
<html><body>
<p>Bonjour Madame Roux,</p>
<p>Votre cocotte en céramique a pris du retard chez notre transporteur à cause des intempéries
dans la vallée du Rhône. La nouvelle date estimée est le lundi 23 novembre.</p>
<p>Suivi de l'acheminement :
<a href="https://suivi.cuisine-lyon.example/colis/8F2K9QX">www.laposte.fr/outils/suivre-vos-envois</a></p>
<p>Nous vous prions de nous excuser pour ce contretemps.</p>
<p>Cordialement,<br>Cuisine Lyon</p>
</body></html>
""", codes=["LNK001"], optional=["CNT001"], note="obf:link-mismatch link text shows La Poste's tracking page, the href goes to the "
     "seller's own tracking site; a delay notice with a tracking link makes CNT001 arguable")

M("834", "fr-CA", "Re: Pièce manquante commande {OID}", reply=True, mailer="gmail", body="""\
Allô Julie,

Désolé pour la pièce manquante! Pour la roulette de remplacement de votre chaise de bureau, le
plus rapide, c'est de nous envoyer un virement Interac de 12 $ (frais de poste inclus) et on vous
la poste le jour même, sans passer par Amazon.

Bonne journée,
Kevin
Mobilier Laurentides

Le mer. 18 nov. 2026, à 16 h 05, Julie <{ALIAS}> a écrit :
> Il manque une des cinq roulettes de ma chaise. Comment on fait?
""", codes=["CNT007"], note="reply asking the buyer to pay by Interac transfer outside Amazon "
     "(Canadian French)")

M("835", "fr-BE", "Un petit mot sur votre commande {OID} ?", mailer="freshdesk", body="""\
Bonjour,

Nous espérons que votre gaufrier électrique vous donne entière satisfaction.

Un commentaire sur Amazon nous aide beaucoup : dès qu'il sera publié, répondez-nous avec le
nom sous lequel vous l'avez posté et nous vous rembourserons les frais de livraison de la
commande.

https://www.amazon.com.be/review/review-your-purchases/?asin=B0DGAUFR12

Bien à vous,
Gaufres & Cie
""", codes=["CNT005"], note="review request offering a partial refund (shipping costs) as an incentive "
     "(Belgian French)")

M("836", "fr", "Votre facture - commande {OID}", html_only=True, mailer="zendesk", html="""\
<html><body>
<p>Bonjour,</p>
<p>La facture de votre commande {OID} (tapis de yoga en liège) est disponible dans votre compte
Amazon, rubrique « Vos commandes ».</p>
<p>Pour vos prochains achats de tapis et de briques de yoga, profitez de -15 % avec le
&#99;&#111;&#100;&#101; &#112;&#114;&#111;&#109;&#111; <b>ZEN15</b>.</p>
<p>Cordialement,<br>Liège &amp; Lotus</p>
</body></html>
""", codes=["CNT004"], note="obf:entities 'code promo' written as numeric HTML entities in an invoice notice")
