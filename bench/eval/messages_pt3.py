from build import M

# Third blind batch, Brazilian Portuguese: 985-990.

M("985", "pt-BR", "Nota fiscal do pedido {OID}", mailer="freshdesk", body="""\
Olá,

A nota fiscal eletrônica do seu pedido {OID} (NF-e nº 000.012.348, série 1) já está disponível
na sua conta da Amazon, em "Seus pedidos", junto ao pedido.

Atenciosamente,
Setor financeiro

--
Casa Ipê Utilidades Ltda. · Rua Augusta, 1500 - Consolação, São Paulo - SP, 01304-001
CNPJ 12.345.678/0001-90 · Inscrição Estadual 123.456.789.110
""", note="compliant invoice notice (NF-e) with a Brazilian company footer: CNPJ, IE and CEP are not phone numbers")

M("986", "pt-BR", "Re: Cupom de desconto? Pedido {OID}", reply=True, mailer="gmail", body="""\
Oi, Ana,

Obrigada pelo contato. Infelizmente não podemos oferecer cupom nem vender fora da Amazon, então a
sua próxima compra também precisa ser feita por lá.

A panela que faltou já foi enviada hoje pelos Correios; o código de rastreio é AA123456789BR:
https://rastreamento.correios.com.br/app/index.php?objeto=AA123456789BR

Abraço,
Juliana

Em qua., 18 de nov. de 2026 às 15:20, Ana <{ALIAS}> escreveu:
> Faltou uma panela no jogo. E vocês têm cupom de desconto se eu comprar direto no site de vocês?
""", note="compliant reply: negated coupon and negated off-Amazon sale; the seller reports sending the missing pan (Correios https link)")

M("987", "pt-BR", "[Important] Problema no endereço de entrega - pedido {OID}", mailer="zendesk", body="""\
Olá, Sr. Pereira,

Os Correios devolveram o seu pacote porque falta o número do apartamento no endereço (a etiqueta
diz "Rua das Laranjeiras, 210, Laranjeiras, Rio de Janeiro - RJ, CEP 22240-003").

Poderia responder a esta mensagem com o número do apartamento e corrigi-lo também na sua conta da
Amazon? Reenviaremos o pacote no mesmo dia.

Atenciosamente,
Rafael
Casa Ipê Utilidades
""", note="compliant [Important] shipping-address problem; the hyphenated CEP is not a phone number")

M("988", "pt-BR", "Atraso no envio do pedido {OID}", mailer="freshdesk", body="""\
Olá, Carla,

O seu liquidificador vai sair do nosso estoque com três dias de atraso, porque o lote novo ainda
não chegou do fornecedor. A previsão de entrega passou para 27 de novembro.

Para compensar, use o cu\u200bpom VOLTEI10 e ganhe 10% de des\u200bconto na sua próxima compra.

Atenciosamente,
Casa Ipê Utilidades
""", codes=["CNT004"], note="obf:zero-width delay notice with a discount coupon; 'cupom' and 'desconto' carry zero-width spaces")

M("989", "pt-BR", "Troca do produto - pedido {OID}", mailer="zendesk", body="""\
Olá,

Recebemos o seu pedido de troca do tapete. Pode nos dizer se prefere o mesmo modelo em outro
tamanho ou o reembolso?

Dica: comprando direto no nosso site lojaipe.example o frete é grátis e você paga no Pix.

Atenciosamente,
Casa Ipê Utilidades
""", codes=["CNT007", "LNK001"], optional=["CNT004"], note="return question that diverts future purchases and payment to the seller's site (bare domain); free shipping as promotion arguable for CNT004")

M("990", "pt-BR", "Re: Como montar a cadeira - {OID}", reply=True, mailer="gmail", body="""\
Oi, Bruno,

Fica mais fácil te explicar por vídeo. Me chama no WhatsApp (11) 98765-4321 que eu te mando o
passo a passo da montagem.

Abraço,
Diego

Em qua., 18 de nov. de 2026 às 20:10, Bruno <{ALIAS}> escreveu:
> Não estou conseguindo encaixar o encosto da cadeira.
""", codes=["CTC002"], note="reply giving the seller's WhatsApp number")
