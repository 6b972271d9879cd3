from build import M

# Third blind batch, Spanish (Spain, Mexico, US): 941-950.

M("941", "es-MX", "[Important] Problema con la dirección de entrega del pedido {OID}", body="""\
Hola, Sra. Hernández:

La paquetería no pudo entregar su pedido porque a la dirección le falta el número interior
(la guía dice "Av. Insurgentes Sur 1602, Col. Crédito Constructor, C.P. 03940, Ciudad de
México").

¿Nos podría confirmar el número interior respondiendo a este mensaje, y corregirlo también en su
cuenta de Amazon? En cuanto lo tengamos, reprogramamos la entrega. Puede revisar el pedido aquí:
https://www.amazon.com.mx/gp/your-account/order-details?orderID={OID}

Saludos cordiales,
Andrea
Casa Jacaranda
""", note="compliant [Important] shipping-address problem (es-MX) with the amazon.com.mx order link; street number and código postal are not phone numbers")

M("942", "es", "Re: ¿Descuento por valoración? Pedido {OID}", reply=True, mailer="gmail", body="""\
Hola, Lucía:

Gracias por escribirnos. No podemos ofrecer descuentos ni regalos a cambio de valoraciones; es
algo que Amazon no permite y que tampoco nos parecería justo con los demás clientes.

Sobre la sartén: sí, es apta para placas de inducción y para horno hasta 220 grados sin el mango
de silicona.

Un saludo,
Pablo

El mié, 18 nov 2026 a las 17:40, Lucía (<{ALIAS}>) escribió:
> ¿Me hacéis un descuento en la próxima compra si os dejo 5 estrellas? ¿Vale para inducción?
""", note="compliant reply (es-ES): negated discount-for-review offer; '5 estrellas' and 'descuento' also in the buyer's Gmail quote")

M("943", "es-US", "Confirme el texto del grabado - pedido {OID}", mailer="freshdesk", body="""\
Hola, Sr. Ramírez:

Gracias por su pedido del reloj de bolsillo personalizado. Antes de grabarlo, le pedimos que
confirme el texto y el tipo de letra:

Texto: "Para papá, con cariño - 1975-2025"
Letra: Cursiva clásica (opción 3 del anuncio)

El grabado no se puede modificar una vez hecho, así que por favor responda a este mensaje con
"confirmado" o con los cambios que desee.

Atentamente,
Gabriela
Taller de Grabado Río Grande
""", note="compliant custom-design verification (es-US on amazon.com); years in the engraving are not phone numbers")

M("944", "es", "Factura de su pedido {OID}", mailer="zendesk", body="""\
Estimado cliente:

Le informamos de que la factura de su pedido {OID} (n.º de factura A-2026-1187) ya está
disponible en su cuenta de Amazon, en "Mis pedidos", junto al pedido.

Atentamente,
Departamento de administración

--
Olivar del Sur, S.L. - C/ Fuente Nueva 7, 41400 Écija (Sevilla)
CIF B-41234567 - Inscrita en el Registro Mercantil de Sevilla, Tomo 5123, Folio 87, Hoja SE-84211
""", note="compliant invoice notice with the Spanish company registration footer (CIF, Registro Mercantil)")

M("945", "es", "Re: Pieza de repuesto - pedido {OID}", reply=True, mailer="freshdesk", body="""\
Hola, Jorge:

Lamentamos que la jarra llegara con la tapa agrietada. Ya le hemos enviado una tapa nueva por
Correos; puede seguir el envío con el localizador PQ4B6A0712345670128001T en:
https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=PQ4B6A0712345670128001T

No hace falta que nos devuelva la tapa rota.

Un saludo,
Marta

El 18 nov 2026, a las 9:20, Jorge <{ALIAS}> escribió:
> La tapa de la jarra ha llegado rota. ¿Me enviáis otra o tengo que devolver todo el pedido?
""", note="compliant reply: the seller reports sending a spare lid, Correos https tracking link")

M("946", "es", "¿Qué le ha parecido su pedido {OID}?", mailer="zendesk", body="""\
Hola:

Esperamos que esté disfrutando de su aceite de oliva. Si le apetece, puede contar su experiencia
a otros clientes con una opinión en Amazon:

https://www.amazon.es/review/review-your-purchases/?asin=B0C6ACE1TE

Un saludo,
Olivar del Sur
""", html="""\
<html><body>
<p>Hola:</p>
<p>Esperamos que esté disfrutando de su aceite de oliva. Si le apetece, puede contar su experiencia
a otros clientes con una opinión en Amazon:</p>
<p><a href="https://www.amazon.es/review/review-your-purchases/?asin=B0C6ACE1TE">Escribir una opinión</a></p>
<p>Si nos deja 5 estrellas, le devolvemos 5 EUR por Bizum.</p>
<p>Un saludo,<br>Olivar del Sur</p>
</body></html>
""", codes=["CNT005"], note="obf:html-alternative the text/plain part is a neutral review request; only the HTML alternative offers money for 5 stars")

M("947", "es-MX", "Retraso en su pedido {OID}", mailer="gmail", body="""\
Hola, Sr. Torres:

Su cafetera sale de nuestro almacén con dos días de retraso por un problema con el proveedor de
cajas. Calculamos que le llegará a más tardar el 26 de noviembre.

Para la próxima vez, compre directamente en nuestra tienda en línea www.cafejacaranda.example y
se ahorra el envío.

Saludos,
Café Jacaranda
""", codes=["CNT007", "LNK001"], optional=["CNT004"], note="delay notice that sends the buyer to buy on the seller's own web shop (bare domain); free shipping there as promotion is arguable for CNT004")

M("948", "es", "Re: Montaje de la estantería - {OID}", reply=True, mailer="gmail", body="""\
Hola, Irene:

Es más fácil explicarlo con fotos. Escríbeme al WhatsApp +34 612 345 678 y te mando un vídeo del
montaje paso a paso.

Saludos,
Rubén

El mié, 18 nov 2026 a las 12:05, Irene (<{ALIAS}>) escribió:
> No entiendo el paso 4 de las instrucciones de la estantería.
""", codes=["CTC002"], note="reply giving the seller's WhatsApp number")

M("949", "es", "¡Gracias por su compra! Pedido {OID}", mailer="freshdesk", body="""\
Hola:

¡Muchas gracias por comprar en nuestra tienda! Esperamos que disfrute mucho de su nueva manta 😊

Un abrazo,
El equipo de Lanas del Norte
""", codes=["CNT002", "STY001"], optional=["CNT012"], note="thank-you-only proactive message with an emoji; CNT012 (no permitted purpose) overlaps and is arguable")

M("950", "es", "Su opinión sobre el pedido {OID}", mailer="zendesk", html="""\
<html><body>
<p>Hola:</p>
<p>Esperamos que la lámpara de sal le esté gustando. Nos ayudaría mucho conocer su opinión en
Amazon, sea cual sea:</p>
<p><a href="https://bit.ly/3xLmP9q">https://bit.ly/3xLmP9q</a></p>
<p>Un saludo,<br>Luz de Sal</p>
<img src="https://ct.sendgrid.net/wf/open?upn=aG9sYTEyMw" width="1" height="1" alt="">
</body></html>
""", codes=["LNK001", "LNK003", "IMG001"], note="neutral review request, but the link is a bit.ly shortener, and a 1x1 open-tracking pixel")
