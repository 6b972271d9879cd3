from build import M

# Fourth blind batch, Spanish (Spain, Mexico, US): 845-852. Written from docs/policy.md alone.

M("845", "es-MX", "Re: ¿Cuándo llega mi pedido {OID}?", reply=True, mailer="gmail", body="""\
Hola Guadalupe,

Gracias por escribirnos. Su licuadora salió de nuestra bodega en Monterrey el lunes y DHL la
tiene programada para entrega este viernes. Puede ver el estatus aquí:
https://www.dhl.com/mx-es/home/rastreo.html?tracking-id=4873920156

Por las políticas de Amazon no podemos contactarla por WhatsApp ni por teléfono, así que le
seguiremos respondiendo por este mismo medio.

Saludos cordiales,
Ernesto
Cocina Norteña

El mié, 18 nov 2026 a las 19:02, Guadalupe <{ALIAS}> escribió:
> ¿Ya mandaron mi licuadora? Mejor mándenme WhatsApp a mi celular 55 1234 5678.
""", note="compliant reply to the buyer's delivery question (Mexican Spanish), DHL https link; negated "
     "WhatsApp/phone contact; the phone number only in the buyer's quote")

M("846", "es", "Factura de su pedido {OID}", mailer="outlook", crlf=True, qp=True, body="""\
Estimado cliente:

Le informamos de que la factura de su pedido {OID} (cafetera de goteo programable) ya está
disponible en su cuenta de Amazon, en el apartado "Mis pedidos".

Número de factura: F26-004512
Fecha: 12/11/2026
Base imponible: 57,02 EUR
IVA (21 %): 11,97 EUR
Total: 68,99 EUR

Un saludo,
Departamento de Administración

Cafés del Turia, S.L. - C/ de Colón 18, 46004 Valencia
CIF B98765432 - Inscrita en el Registro Mercantil de Valencia, Tomo 10234, Folio 56, Hoja V-178901
""", note="compliant invoice notice with Spanish legal footer (CIF, Registro Mercantil volume/folio/sheet "
     "numbers, postcode)")

M("847", "es-US", "Su opinión sobre el pedido {OID}", mailer="zendesk", html="""\
<html><body>
<p><img src="https://cdn.shop.example/img/solana-logo.png" alt="Solana Home" width="160" height="48"></p>
<p>Hola,</p>
<p>Esperamos que el ventilador de torre que recibió hace unos días esté funcionando bien. Si
tiene un momento, ¿podría compartir su experiencia con otros compradores dejando una reseña en
Amazon? Todas las opiniones sinceras nos sirven, sean buenas o malas.</p>
<p><a href="https://www.amazon.com/review/review-your-purchases/?asin=B0DVENT0R5">Escribir una reseña</a></p>
<p>Saludos,<br>Solana Home</p>
</body></html>
""", note="compliant neutral review request (US Spanish) with the Amazon review link and one https logo "
     "image without link or web address")

M("848", "es", "Su solicitud de devolución - pedido {OID}", mailer="freshdesk", body="""\
Hola Álvaro,

Hemos visto que ha solicitado la devolución de las zapatillas de pádel. No hace falta que haga
nada más: la devolución sigue su curso en Amazon y el reembolso se emitirá en cuanto el paquete
llegue a nuestro almacén.

Para mejorar nuestras tallas, ¿nos podría decir si le quedaron pequeñas, grandes o si el motivo
fue otro? Con una palabra nos basta.

Gracias,
Pádel Levante
""", note="compliant proactive return question acknowledging the buyer's return (CNT001 exemption)")

M("849", "es", "Instrucciones de garantía - pedido {OID}", mailer="zendesk", body="""\
Hola Marta,

Su robot aspirador tiene dos años de garantía. Para cualquier reclamación de garantía solo
necesitará el número de pedido {OID} y el número de serie que aparece bajo el depósito.

Y como agradecimiento, en su próxima compra de filtros y cepillos tiene un \u0441up\u00f3n de
d\u0435scuento del 20 % con el código LIMPIO20.

Un saludo,
Hogar Brillante
""", codes=["CNT004"], note="obf:cyrillic 'cupón de descuento' with Cyrillic с and е, in a warranty message")

M("850", "es-MX", "Re: Foto del daño pedido {OID}", reply=True, mailer="gmail", body="""\
Hola Rodrigo,

Lamentamos mucho que la maceta de talavera llegara estrellada. Para darle seguimiento a la
garantía, por favor mándenos las fotos del empaque y de la pieza a
garantias.talaveramx@gmail.com y en cuanto las recibamos le mandamos una nueva.

Saludos,
Itzel
Talavera Colonial

El mié, 18 nov 2026 a las 12:44, Rodrigo <{ALIAS}> escribió:
> La maceta llegó rota. ¿Qué hago?
""", codes=["CTC001"], note="reply asking the buyer to send photos to an external e-mail address")

M("851", "es", "¡Gracias por su compra! Pedido {OID}", mailer="zendesk", body="""\
Hola,

¡Muchísimas gracias por elegirnos para su compra de la lámpara de sal del Himalaya! Para un
pequeño taller familiar como el nuestro, cada pedido es una alegría.

Un abrazo de todo el equipo,
Sal y Luz Artesanos
""", codes=["CNT002"], optional=["CNT012"], note="thank-you-only proactive message; no permitted purpose "
     "(CNT012 arguable beside CNT002)")

M("852", "es-US", "Retraso en su pedido {OID}", mailer="freshdesk", body="""\
Hola Sr. Ramírez,

Le avisamos que su juego de llaves de vaso viene con dos días de retraso por el alto volumen de
paquetes de esta semana. La nueva fecha estimada es el martes 24 de noviembre.

Puede ver dónde va su paquete aquí: https://bit.ly/3Tk9RmQ

Disculpe las molestias,
Herramientas del Valle
""", codes=["LNK001", "LNK003"], optional=["CNT001"], note="delay notice with a bit.ly shortener (US Spanish); "
     "'see where your parcel is' makes CNT001 arguable")
