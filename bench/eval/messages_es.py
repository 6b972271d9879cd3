from build import M

M("056", "es", "Re: ¿Cuándo llega mi pedido? {OID}", reply=True, mailer="gmail", body="""\
Hola Lucía:

Su paquete viaja con Correos y, según el seguimiento, le llegará el lunes. Puede consultar el
estado aquí:
https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=PQ4B6A0712345670128001C

Un saludo,
Pablo
Atención al cliente

El mar, 17 nov 2026 a las 12:05, Lucía (<{ALIAS}>) escribió:
> Hola, ¿cuándo me llegará el paquete? Lo necesito para el fin de semana.
""", note="compliant reply with https Correos tracking link")

M("057", "es", "Su devolución del pedido {OID}", body="""\
Estimado Sr. García:

Hemos visto que ha solicitado la devolución de la cafetera. ¿Podría indicarnos si el
producto llegó dañado o si no funciona correctamente? Así podremos tramitar el reembolso con
mayor rapidez.

Atentamente,
Tienda Sol - Atención al cliente
""", crlf=True, note="compliant return question")

M("058", "es", "Su opinión sobre el pedido {OID}", mailer="freshdesk", body="""\
Hola:

Esperamos que esté disfrutando de su nueva manta. ¿Le importaría compartir su experiencia con
otros clientes dejando una valoración en Amazon?

https://www.amazon.es/review/review-your-purchases/?asin=B0D1HX6R8W

Muchas gracias,
Tienda Sol
""", note="compliant neutral review request")

M("059", "es", "Re: La lámpara parpadea - {OID}", reply=True, mailer="zendesk", body="""\
Hola Javier:

Sentimos mucho las molestias. Pruebe por favor con otra bombilla; a veces el parpadeo se debe a
bombillas LED no regulables.

Antes de dejar una valoración negativa, contáctenos y lo solucionamos enseguida.

Saludos,
Marta
Tienda Sol

> La lámpara parpadea todo el rato. ¿Qué hago?
""", codes=["CNT003"], note="reply steering the buyer to contact the seller before a negative review")

M("060", "es", "Retraso en el envío del pedido {OID}", body="""\
Hola Sra. Fernández:

Le informamos de que su pedido saldrá de nuestro almacén con dos días de retraso porque
estamos esperando material de nuestro proveedor. La nueva fecha prevista de entrega es el 24 de
noviembre.

Disculpe las molestias.

Un saludo,
Tienda Sol
""", note="compliant fulfilment delay notice")

M("061", "es", "RE: Medidas de la mesa - {OID}", reply=True, mailer="outlook", qp=True,
  headers=[("Disposition-Notification-To", "support@shop.example"),
           ("Return-Receipt-To", "support@shop.example")], body="""\
Buenos días, Sr. López:

La mesa mide 120 x 80 cm y tiene una altura de 75 cm. El tablero es de roble macizo de 3 cm.

Atentamente,
Carlos Ruiz
Atención al cliente
Correo: atencion@tiendasol.es

-----Mensaje original-----
De: Andrés López <{ALIAS}>
Enviado el: miércoles, 18 de noviembre de 2026 11:02
Para: support@shop.example
Asunto: Medidas de la mesa - {OID}

¿Cuáles son las medidas exactas de la mesa?
""", codes=["ENV004", "CTC001"], note="read-receipt headers and seller email in signature")

M("062", "es", "Personalización de su pedido {OID}", html="""\
<div>
<img src="https://cdn.tiendasol.es/mail/logo.png" alt="Tienda Sol" width="150" height="40">
<p>Hola Sra. Navarro:</p>
<p>Gracias por su pedido de la taza personalizada. Para el grabado nos ha indicado el nombre
«Ines». ¿Desea que lo escribamos con tilde, «Inés»?</p>
<p>Responda a este mensaje y empezaremos con la personalización.</p>
<p>Un saludo,<br>Tienda Sol</p>
</div>
""", note="compliant customization question, single https logo")

M("063", "es", "Factura de su pedido {OID}", body="""\
Estimado cliente:

La factura de su pedido {OID} ya está disponible en su cuenta de Amazon, en "Mis pedidos".

Descubra también nuestros otros productos en nuestra tienda de Amazon:
https://www.amazon.es/stores/TiendaSol/page/4B2D1E7A-9C3F-4E21-8A5B-2F6D7C9E1A30

Atentamente,
Tienda Sol
""", codes=["CNT004", "LNK004"], note="invoice message promoting other products with a storefront link")

M("064", "es", "Re: ¿Descuento por valoración? {OID}", reply=True, mailer="gmail", body="""\
Hola Sergio:

Gracias por su mensaje. Lo sentimos, pero no ofrecemos descuentos ni regalos a cambio de
valoraciones. El precio es el mismo para todos los clientes.

Un saludo,
Pablo

El mié, 18 nov 2026 a las 20:15, Sergio (<{ALIAS}>) escribió:
> Si os dejo 5 estrellas, ¿me hacéis un descuento en el próximo pedido?
""", note="hard compliant: negation of incentives, buyer's quoted '5 estrellas' and 'descuento'")

M("065", "es", "¿Qué tal con su pedido {OID}?", body="""\
Hola:

Solo queríamos saber qué tal le va con su nueva cafetera italiana. ¿Ya ha preparado su primer
café?

Un saludo cordial,
Tienda Sol
""", codes=["CNT012"], note="proactive check-in with no permitted purpose")

M("066", "es", "Re: Garantía - pedido {OID}", reply=True, mailer="zendesk", body="""\
Hola Sra. Romero:

Para gestionar la garantía necesitamos una foto de la etiqueta con el número de serie. Puede
respondernos aquí o escribirnos a soporte [arroba] tiendasol punto es.

Saludos,
Marta

> El ventilador hace un ruido muy fuerte. ¿Cómo funciona la garantía?
""", codes=["CTC001"], note="obfuscated email address")

M("067", "es", "Comparta su opinión - pedido {OID}", html="""\
<div>
<img src="https://cdn.tiendasol.es/mail/gracias-animado.gif" alt="Tienda Sol" width="300" height="90">
<p>Hola:</p>
<p>Esperamos que esté contento con su pedido. Si tiene un momento, ¿podría compartir su opinión
con otros clientes dejando una valoración en Amazon?</p>
<p><a href="https://www.amazon.es/review/review-your-purchases/?asin=B0C5MZ9K1D">Escribir una valoración</a></p>
<p>Un saludo,<br>Tienda Sol</p>
</div>
""", codes=["IMG003"], note="neutral review request with an animated GIF banner")
