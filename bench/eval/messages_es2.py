from build import M

M("501", "es", "Re: ¿Cuándo llega el pedido {OID}?", reply=True, mailer="gmail", body="""\
Hola, Lucía:

Gracias por escribirnos. Tu paquete salió ayer con Correos y la entrega está prevista para el
jueves 26 de noviembre. Puedes seguirlo aquí:
https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=PQ4B7F0012345678

Un saludo,
Marta
Atención al cliente, Casa del Sol

El mié, 18 nov 2026 a las 19:02, Lucía Martín (<{ALIAS}>) escribió:
> Hola, ¿cuándo me llega el pedido? El sábado me voy de viaje.
""", note="compliant delivery-time answer with https Correos link; buyer quoted in 'escribió' block")

M("502", "es-MX", "Re: Guía de mi pedido {OID}", reply=True, mailer="zendesk", body="""\
Hola, Sr. Hernández:

Gracias por su mensaje. Su paquete ya está con Estafeta y la entrega está programada para el
jueves 26 de noviembre. Puede checar el estatus aquí:
https://www.estafeta.com/Rastreo/?guia=7012345678901234567890

Saludos cordiales,
Andrea
Atención a clientes, Casa Azul

El mié, 18 nov 2026 a las 17:45, Jorge Hernández (<{ALIAS}>) escribió:
> Buenas tardes, ¿me pueden pasar la guía de mi paquete?
""", note="compliant Mexican-Spanish delivery answer with https Estafeta link ('checar', 'estatus')")

M("503", "es", "Factura de su pedido {OID}", mailer="zendesk", body="""\
Estimado cliente:

La factura de su pedido {OID}, con el IVA desglosado, ya está disponible en su cuenta de Amazon.
Puede descargarla desde la página de detalles del pedido:
https://www.amazon.es/gp/your-account/order-details?orderID={OID}

Atentamente,
Casa del Sol
""", note="compliant invoice notice with Amazon order-details link")

M("504", "es-MX", "¿Qué le pareció su pedido {OID}?", mailer="freshdesk", body="""\
Hola:

Esperamos que su nueva licuadora haya llegado en perfectas condiciones y que ya la esté
disfrutando.

Si tiene un momento, nos ayudaría que compartiera su experiencia con otros clientes dejando una
reseña en Amazon. Buena o mala, toda opinión honesta es bienvenida.
https://www.amazon.com.mx/review/review-your-purchases/?asin=B0B9LCD3XM

Saludos,
Cocina Fácil México
""", note="compliant Mexican-Spanish neutral review request")

M("505", "es", "Re: ¿Cupón para el pedido {OID}?", reply=True, mailer="gmail", body="""\
Hola, Javier:

Muchas gracias por tus palabras. Lamentablemente no podemos ofrecerte ningún cupón ni código de
descuento, ni enviártelo por la mensajería de Amazon: el precio del anuncio es el mismo para
todos los clientes.

La tapa a juego está a la venta en Amazon como "Casa del Sol tapa de cristal 24 cm".

Un saludo,
Pablo

El mar, 17 nov 2026 a las 21:15, Javier Ruiz (<{ALIAS}>) escribió:
> ¡La sartén es genial! ¿Tenéis algún cupón para la tapa?
""", note="hard compliant: negated coupon with clitics ('no podemos ofrecerte ningún cupón ... ni enviártelo'); buyer quoted")

M("506", "es-MX", "Re: Cancelar pedido {OID}", reply=True, mailer="zendesk", body="""\
Hola, Sra. Ramírez:

Listo: ya cancelamos su pedido antes del envío, como nos lo pidió. No se le hará ningún cargo.

Saludos cordiales,
Casa Azul

El mié, 18 nov 2026 a las 10:12, Gabriela Ramírez (<{ALIAS}>) escribió:
> ¿Me pueden cancelar el pedido? Me equivoqué de color.
""", note="hard compliant: the seller reports that it cancelled; the buyer's request is quoted")

M("507", "es", "[Important] Dirección incompleta en el pedido {OID}", body="""\
Estimada Sra. Navarro:

Correos nos ha devuelto su paquete porque en la dirección de entrega falta el número de portal
(la etiqueta indica "Calle Mayor, 28013 Madrid").

¿Podría comprobar la dirección en su cuenta de Amazon e indicarnos el número correcto
respondiendo a este mensaje? Reenviaremos el paquete el mismo día.

Atentamente,
Casa del Sol
""", note="hard compliant: [Important] on a critical address problem; postcode is not a phone")

M("508", "es", "RE: La aspiradora no carga - {OID}", reply=True, mailer="outlook", body="""\
Estimado Sr. Molina:

Sentimos el problema. La aspiradora tiene dos años de garantía del fabricante, y lo más rápido es
llamar al servicio técnico oficial del fabricante al 900 123 456, que la recogerá y la cambiará.
También puede devolverla desde sus pedidos de Amazon.

Atentamente,
Atención al cliente

-----Mensaje original-----
De: Raúl Molina <{ALIAS}>
Enviado el: miércoles, 18 de noviembre de 2026 16:30
Para: support@shop.example
Asunto: La aspiradora no carga - {OID}

La aspiradora ya no carga. ¿Qué hago?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer's technical service number beside warranty context: warn only; Spanish Outlook block")

M("509", "es-US", "Re: Talla de la chamarra - orden {OID}", reply=True, mailer="gmail", body="""\
Hola, Sra. Torres:

La chamarra queda un poco grande; si normalmente usa talla M, le recomendamos la S. Para el cambio,
solicite una devolución desde su cuenta de Amazon y pida la talla correcta.

Saludos,
Moda Latina

El mié, 18 nov 2026 a las 13:40, Rosa Torres (<{ALIAS}>) escribió:
> ¡Ya les di 5 estrellas! La chamarra me queda grande, ¿pido la S?
> Y por favor denme de baja de su boletín, no quiero cupones.
""", note="hard compliant US-Spanish reply: '5 estrellas', 'denme de baja', 'cupones' only in the quoted buyer lines")

M("510", "es-MX", "Personalización de su pedido {OID}", body="""\
Hola, Sra. Castillo:

Gracias por su compra de la taza personalizada. Antes de imprimirla necesitamos confirmar el
nombre: usted escribió "Maria", ¿lo ponemos con acento, "María"?

Respóndanos con la forma correcta y la mandamos a producción el mismo día.

Saludos cordiales,
Tazas y Más
""", note="compliant custom-design verification")

M("511", "es", "Retraso en su pedido {OID}", body="""\
Estimado cliente:

Debido al inventario anual de nuestro almacén, su pedido saldrá el lunes 23 de noviembre, con dos
días de retraso. Le pedimos disculpas por las molestias.

Atentamente,
Casa del Sol S.L. - CIF B12345678
Registro Mercantil de Madrid, Tomo 1234, Folio 56, Hoja M-123456
""", note="hard compliant delay notice with a Spanish legal footer (CIF and registry numbers are not phones)")

M("512", "es", "Re: Instrucciones de montaje - {OID}", reply=True, mailer="zendesk", body="""\
Estimado Sr. Serrano:

Las instrucciones están en la bolsa de los tornillos. En el paso 5, los tornillos cortos van en
los laterales y los largos en la base.

Quedamos a su disposición para cualquier otra consulta.

Atentamente,
Muebles Levante

El mié, 18 nov 2026 a las 21:30, Diego Serrano (<{ALIAS}>) escribió:
> No encuentro las instrucciones de montaje.
""", codes=["CNT003"], warn=["CNT003"], note="reply with an offer of further help: warning only")

M("513", "es", "Cambio de fecha de entrega - pedido {OID}", html="""\
<div>
<p><img src="http://img.casadelsol-tienda.es/mail/logo.png" alt="Casa del Sol" width="160" height="40"></p>
<p>Estimado cliente:</p>
<p>SEUR nos ha informado de que su paquete se entregará el martes 24 de noviembre, un día más tarde
de lo previsto. Disculpe las molestias.</p>
<p>Atentamente,<br>Casa del Sol</p>
</div>
""", codes=["IMG002"], note="delay notice with the logo loaded over plain http: image stripped, delivered")

M("514", "es", "Su opinión sobre el pedido {OID}", body="""\
Hola:

Si está satisfecho con su nuevo edredón, le agradeceríamos mucho una valoración de 5 estrellas en
Amazon. Si no lo está, escríbanos antes y lo solucionamos.

Atentamente,
Dulces Sueños
""", codes=["CNT005", "CNT003"], note="review request: 5 stars if satisfied, otherwise contact the seller first")

M("515", "es-MX", "Actualización de su pedido {OID}", mailer="freshdesk", body="""\
Hola:

Su pedido saldrá de nuestro almacén el 23 de noviembre, un día después de lo previsto. Gracias por
su paciencia.

¡Síguenos en Facebook e Instagram para enterarte de nuestras promociones!

Saludos,
Casa Azul
""", codes=["CNT004"], note="Mexican-Spanish delay notice promoting social media and offers")

M("516", "es", "¿Qué tal su pedido {OID}?", body="""\
Hola:

Si tiene un momento, nos encantaría conocer su opinión en Amazon:
https://www.amazon.es/review/review-your-purchases/?asin=B0CQPSW8RT

Si no desea recibir más mensajes nuestros, responda BAJA.

Atentamente,
Dulces Sueños
""", codes=["CNT008"], note="review request with opt-out text")

M("517", "es-MX", "Problema con su pedido {OID}", body="""\
Hola, Sr. Flores:

Lamentamos informarle que la última cafetera de ese modelo se dañó en nuestro almacén y el
proveedor no tendrá más hasta enero.

Le pedimos de favor que cancele su pedido desde su cuenta de Amazon para que no se le cobre.

Saludos,
Cocina Fácil México
""", codes=["CNT010"], note="Mexican-Spanish fulfilment problem, asks the buyer to cancel")

M("518", "es", "Re: Su valoración - pedido {OID}", reply=True, mailer="zendesk", body="""\
Estimada Sra. Iglesias:

Como acordamos, le hemos reembolsado el importe completo a través de Amazon.

Ahora que el problema está resuelto, ¿podría modificar su valoración de una estrella o
eliminarla? Nos ayudaría muchísimo.

Atentamente,
Casa del Sol

El mié, 18 nov 2026 a las 15:05, Carmen Iglesias (<{ALIAS}>) escribió:
> Gracias por el reembolso.
""", codes=["CNT006"], note="asks the buyer to change or delete an existing review")

M("519", "es-MX", "Su próximo pedido {OID} más barato", mailer="freshdesk", body="""\
Hola:

¡Gracias por comprar nuestro café de Chiapas! Para su próximo pedido, compre directo con nosotros
por WhatsApp al 55 1234 5678 y le damos 10% menos que en Amazon.

Saludos,
Café de Altura
""", codes=["CNT007", "CTC002"], optional=["CNT004", "CNT012"], note="diverts future purchases to WhatsApp with the seller's number")

M("520", "es", "¡Su pedido {OID} está en camino!", body="""\
Hola:

¡Buenas noticias! Su pedido ha sido enviado hoy con MRW y llegará en 24-48 horas.

¡Gracias por su compra!
Casa del Sol
""", codes=["CNT001"], optional=["CNT012"], note="shipping confirmation alone")

M("521", "es", "Gracias por su pedido {OID}", body="""\
Hola:

¡Muchísimas gracias por confiar en nosotros! Esperamos que disfrute mucho de su compra.

Un saludo,
Casa del Sol
""", codes=["CNT002"], optional=["CNT012"], note="thank-you-only proactive message")

M("522", "es-MX", "[Important] ¿Qué le pareció su pedido {OID}?", body="""\
Hola:

Esperamos que disfrute su nueva lámpara. Si tiene un momento, puede dejar una reseña en Amazon:
https://www.amazon.com.mx/review/review-your-purchases/?asin=B0C5LMP9TT

Saludos,
Luz y Diseño
""", codes=["CNT009"], note="[Important] on a review request (not critical)")

M("523", "es", "Su factura - pedido {OID}", body="""\
Estimado cliente:

Su factura está disponible en su cuenta de Amazon, en "Mis pedidos".

Como agradecimiento, use el cu\u00adpón de des\u00adcuen\u00adto GRA\u00adCIAS10 y obtenga un 10 % en su
próxima compra.

Atentamente,
Dulces Sueños
""", codes=["CNT004"], note="obf:soft-hyphen invoice notice; 'cupón de descuento' and the code broken by soft hyphens")

M("524", "es-MX", "Devolución de su pedido {OID}", body="""\
Hola, Sra. Vargas:

Vimos que solicitó la devolución de la plancha. ¿Llegó dañada? Si es así, mándenos una foto a
ventas arroba casaazul punto com punto mx para reportarlo a la paquetería.

Saludos,
Casa Azul
""", codes=["CTC001"], note="obf:at-dot return question with an e-mail written 'ventas arroba casaazul punto com punto mx'")

M("525", "es", "Su opinión cuenta - pedido {OID}", body="""\
Hola:

Si le gusta su nueva batidora, déjenos 5 e.s.t.r.e.l.l.a.s en Amazon. Para una pequeña empresa
familiar, cada v.a.l.o.r.a.c.i.ó.n p.o.s.i.t.i.v.a es un tesoro.

Atentamente,
Cocina Casera
""", codes=["CNT005"], note="obf:dotted review request asking for five stars, words dotted apart")

M("526", "es", "Retraso en la entrega - pedido {OID}", html_only=True, html="""\
<div>
<p>Estimado cliente:</p>
<p>El transportista nos informa de que su paquete llegar&aacute; el martes 24 de noviembre.
Disculpe la espera.</p>
<p>Para compensarle: &#99;&#243;&#100;&#105;&#103;&#111; &#100;&#101; &#100;&#101;&#115;&#99;&#117;&#101;&#110;&#116;&#111;
&#80;&#69;&#82;&#68;&#79;&#78;&#49;&#53; &#40;15 %&#41; en su pr&oacute;ximo pedido.</p>
<p>Atentamente,<br>Luz y Dise&ntilde;o</p>
</div>
""", codes=["CNT004"], note="obf:entities delay notice; 'código de descuento' and the code written as numeric HTML entities (HTML-only mail)")

M("527", "es-MX", "Entrega de su refrigerador - pedido {OID}", body="""\
Hola, Sr. Ortiz:

Su refrigerador se entregará el viernes 27 de noviembre entre 9 y 14 h. Si no le queda el
horario, márquenos al 55-CASA-AZUL para reprogramar.

Saludos,
Casa Azul
""", codes=["CTC002"], note="obf:phone-letters delivery scheduling with the seller's number spelled in letters")

M("528", "es", "Seguimiento de su pedido {OID}", html="""\
<div>
<p>Estimado cliente:</p>
<p>Su paquete ha tenido una incidencia en la entrega y Correos lo ha retenido en la oficina. Puede
ver el estado del envío aquí:
<a href="https://seguimiento-envios.es-paquetes.com/track?id=PQ4B7F0098765432">https://www.correos.es/es/es/herramientas/localizador</a></p>
<p>Atentamente,<br>Casa del Sol</p>
</div>
""", codes=["LNK001"], note="obf:link-mismatch delivery problem; link text names correos.es, href goes to an unrelated host")
