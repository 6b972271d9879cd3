from build import M

M("781", "pt-BR", "Re: Prazo de entrega do pedido {OID}", reply=True, mailer="gmail", body="""\
Olá, Fernanda!

Obrigada pela mensagem. Seu pedido foi postado ontem nos Correios e a previsão de entrega é
quinta-feira, 26 de novembro. Você pode acompanhar o rastreamento aqui:
https://rastreamento.correios.com.br/app/index.php?objeto=QB123456789BR

Um abraço,
Juliana
Atendimento Casa Viva

Em qua., 18 de nov. de 2026 às 18:30, Fernanda Souza <{ALIAS}> escreveu:
> Oi, quando chega meu pedido? Preciso dele até o fim de semana.
""", note="compliant delivery-time answer with https Correios link; buyer quoted in 'escreveu' block")

M("782", "pt-BR", "Nota fiscal do pedido {OID}", body="""\
Olá,

A nota fiscal eletrônica (NF-e) do seu pedido {OID} já está disponível na sua conta da Amazon.
Você pode baixá-la na página de detalhes do pedido:
https://www.amazon.com.br/gp/your-account/order-details?orderID={OID}

Atenciosamente,
Casa Viva
""", note="compliant invoice (nota fiscal) notice with Amazon order-details link")

M("783", "pt-BR", "O que você achou do pedido {OID}?", mailer="freshdesk", body="""\
Olá,

Esperamos que a cafeteira tenha chegado direitinho e que você já tenha passado um bom café com ela.

Se tiver um minutinho, compartilhe sua experiência com outros clientes deixando uma avaliação na
Amazon. Elogio ou crítica, toda avaliação sincera ajuda.
https://www.amazon.com.br/review/review-your-purchases/?asin=B0B1RT6YHN

Abraços,
Café & Cia
""", note="compliant neutral review request")

M("784", "pt-BR", "Re: Cupom para o pedido {OID}?", reply=True, mailer="gmail", body="""\
Oi, Rodrigo, tudo bem?

Que bom que você gostou da panela! Infelizmente não podemos oferecer cupom de desconto pelas
mensagens da Amazon; o preço do anúncio é o mesmo para todos os clientes.

A tampa de vidro que você perguntou está à venda na própria Amazon como "Casa Viva tampa de
vidro 24 cm".

Abraço,
Gustavo

Em ter., 17 de nov. de 2026 às 20:12, Rodrigo Lima <{ALIAS}> escreveu:
> Adorei a panela! Vocês têm algum cupom para a próxima compra?
""", note="hard compliant: negated coupon ('não podemos oferecer cupom'); buyer's 'cupom' quoted")

M("785", "pt-BR", "Personalização do seu pedido {OID}", body="""\
Olá, Beatriz!

Obrigado pela compra da caneca personalizada. Antes de imprimir, precisamos confirmar o nome:
você escreveu "Joao" - devemos colocar "João", com til?

Responda esta mensagem com a grafia correta e iniciamos a produção no mesmo dia.

Atenciosamente,
Ateliê Caneca & Arte
""", note="compliant custom-design verification")

M("786", "pt-BR", "RE: Liquidificador parou de funcionar - {OID}", reply=True, mailer="outlook", body="""\
Olá, Marcos,

Sentimos muito pelo problema com o liquidificador. Como ele está dentro da garantia de um ano do
fabricante, o caminho mais rápido é ligar para o SAC do fabricante no 0800 123 4567; eles fazem
a coleta e a troca. Se preferir, você também pode devolvê-lo pelos seus pedidos na Amazon.

Atenciosamente,
Atendimento ao Cliente

-----Mensagem original-----
De: Marcos Pereira <{ALIAS}>
Enviada em: quarta-feira, 18 de novembro de 2026 15:40
Para: support@shop.example
Assunto: Liquidificador parou de funcionar - {OID}

O liquidificador parou de funcionar. O que eu faço?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer's SAC number beside warranty context: warn only; Portuguese Outlook block")

M("787", "pt-BR", "Sua opinião sobre o pedido {OID}", body="""\
Oi!

Se você ficou satisfeito com o jogo de lençóis, deixe uma avaliação 5 estrelas para a gente na
Amazon! Somos uma pequena empresa familiar e cada avaliação positiva faz muita diferença.

Beijos,
Equipe Sono Bom
""", codes=["CNT005"], note="review request asking for 5 stars if satisfied")

M("788", "pt-BR", "Atraso no envio do pedido {OID}", mailer="freshdesk", body="""\
Olá,

Por causa de um atraso do nosso fornecedor, seu pedido será enviado dois dias depois do previsto,
até 24 de novembro. Pedimos desculpas pelo transtorno.

Siga a gente no Instagram @casavivadecor e fique por dentro das novidades e promoções!

Atenciosamente,
Casa Viva
""", codes=["CNT004"], note="delay notice with 'follow us on Instagram'")

M("789", "pt-BR", "Troca do pedido {OID}", body="""\
Oi, Camila!

Vimos que você pediu a devolução do tênis. Foi o tamanho? Se quiser trocar por outra numeração,
fica muito mais rápido falar direto com a gente no WhatsApp: (11) 9.8765/4321.

Abraço,
Passo Certo Calçados
""", codes=["CTC002"], optional=["CNT003", "CNT007"], note="obf:phone-separators return question; seller WhatsApp number written with dot and slash")

M("790", "pt-BR", "Acessórios para o seu pedido {OID}", html_only=True, html="""\
<div>
<p>Olá,</p>
<p>Esperamos que esteja gostando do aspirador. Os filtros de reposição devem ser trocados a cada
três meses.</p>
<p>Você encontra filtros e outros acessórios com preço especial em
<a href="https://loja.casaviva-decor.com.br/acessorios?ref=amazon">www.amazon.com.br/casaviva</a>.</p>
<p>Atenciosamente,<br>Casa Viva</p>
</div>
""", codes=["LNK001", "CNT004"], optional=["CNT007", "CNT012"], note="obf:link-mismatch link text names amazon.com.br, href goes to the seller's shop; promotes accessories (HTML-only mail)")

M("791", "pt-BR", "Problema com o pedido {OID}", body="""\
Olá,

Infelizmente a última unidade da fritadeira elétrica foi danificada no nosso estoque e o
fornecedor só terá novas unidades em janeiro.

Por favor, cancele o pedido na sua conta da Amazon para que você não seja cobrado.

Pedimos desculpas pelo transtorno,
Cozinha Prática
""", codes=["CNT010"], note="fulfilment problem, asks the buyer to cancel")

M("792", "pt-BR", "Obrigado pelo pedido {OID}!", body="""\
Olá!

Muito obrigado por comprar com a gente! Desejamos que aproveite muito o seu produto.

Um abraço,
Equipe Casa Viva
""", codes=["CNT002"], optional=["CNT012"], note="thank-you-only proactive message")
