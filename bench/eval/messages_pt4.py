from build import M

# Fourth blind batch, Brazilian Portuguese: 877-880. Written from docs/policy.md alone.

M("877", "pt-BR", "Nota fiscal do pedido {OID}", mailer="outlook", crlf=True, body="""\
Prezado Sr. Oliveira,

A nota fiscal eletrônica do seu pedido {OID} (panela de pressão elétrica 6 L) já está
disponível na sua conta da Amazon, em "Seus pedidos".

NF-e nº 000.045.812, série 1
Data de emissão: 12/11/2026
Valor total: R$ 429,90

Atenciosamente,
Panelas do Cerrado Comércio Ltda.
Rua 7 de Setembro, 1500 - Centro, Goiânia/GO - CEP 74015-010
CNPJ 12.345.678/0001-95 - Inscrição Estadual 10.498.765-4
""", note="compliant invoice notice with Brazilian legal footer (CNPJ, Inscrição Estadual, NF-e number, "
     "CEP)")

M("878", "pt-BR", "Re: Pedido {OID} não chegou", reply=True, mailer="gmail", body="""\
Olá, Fernanda!

Seu kit de pincéis de maquiagem foi postado nos Correios na segunda-feira e está em trânsito para
Curitiba. A previsão de entrega é sexta-feira. Você pode acompanhar aqui:
https://rastreamento.correios.com.br/app/index.php?objeto=QB123456789BR

Infelizmente não temos cupom de desconto para oferecer por aqui, mas o pedido está dentro do
prazo.

Abraços,
Juliana
Bela Pincel

Em qua., 18 de nov. de 2026 às 15:10, Fernanda <{ALIAS}> escreveu:
> Meu pedido ainda não chegou. Vocês têm algum cupom pela demora?
""", note="compliant reply to the buyer's delivery question, Correios https link; negated coupon, "
     "'cupom' also in the buyer's quote")

M("879", "pt-BR", "Entrega expressa do pedido {OID}", mailer="zendesk", body="""\
Olá, Rafael!

Seu ventilador de teto está pronto para envio. Se quiser recebê-lo em até 2 dias úteis em vez de
7, é só pagar a diferença do frete expresso (R$ 25,00) via Pix, usando a chave 11 98765-4321, e
nos mandar o comprovante respondendo esta mensagem.

Atenciosamente,
Brisa Casa
""", codes=["CNT007", "CTC002"], note="buyer asked to pay for express shipping by Pix outside Amazon; the "
     "Pix key is a mobile phone number")

M("880", "pt-BR", "Como foi sua experiência com o pedido {OID}?", mailer="freshdesk", body="""\
Olá!

Esperamos que a sua mochila para notebook esteja sendo útil no dia a dia.

Só deixe uma avaliação na Amazon se você estiver satisfeito com o produto. Se algo não saiu como
esperado, prefira falar com a gente antes.

https://www.amazon.com.br/review/review-your-purchases/?asin=B0DMOCH1LA

Um abraço,
Mochilas Urbanas
""", codes=["CNT005", "CNT003"], note="review request 'only if satisfied' and steering unhappy buyers to "
     "the seller before reviewing")
