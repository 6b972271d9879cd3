# ruff: noqa: E501
"""Regenerate the IMG and STY corpus fixtures: `python tests/corpus/style/make_fixtures.py`.

Writes tests/corpus/images/*.eml and tests/corpus/style/*.eml in the MIME shapes that Gmail,
Outlook, Thunderbird, Apple Mail and Zendesk-, Freshdesk- and Help Scout-style helpdesks send,
each with its sidecar (expected action and codes, declared below, not computed) and the orders
they refer to (orders.csv, ids 302-31xxxxx-... for images and 302-32xxxxx-... for style).
"""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import quopri
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from email.charset import BASE64, QP, Charset
from email.header import Header
from pathlib import Path


def png(width: int, height: int, rgb: tuple[int, int, int] = (46, 125, 50)) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def gif(width: int = 1, height: int = 1) -> bytes:
    return (
        b"GIF89a"
        + struct.pack("<HH", width, height)
        + b"\x80\x00\x00"
        + b"\xff\xff\xff\x00\x00\x00"
        + b"!\xf9\x04\x01\x00\x00\x00\x00"
        + b","
        + struct.pack("<HHHH", 0, 0, width, height)
        + b"\x00"
        + b"\x02\x02\x44\x01\x00;"
    )


def jpeg(seed: str, size: int = 2400) -> bytes:
    body = hashlib.sha256(seed.encode()).digest() * (size // 32)
    return (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x01\x00H\x00H\x00\x00"
        + b"\xff\xdb\x00C\x00"
        + bytes(range(1, 65))
        + b"\xff\xda\x00\x08\x01\x01\x00\x00?\x00"
        + body.replace(b"\xff", b"\xfe")
        + b"\xff\xd9"
    )


def make_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


@dataclass
class Part:
    mime: str
    data: bytes
    filename: str
    cid: str = ""
    disposition: str = "inline"
    extra: list[str] = field(default_factory=list)

    def render(self) -> str:
        lines = [f'Content-Type: {self.mime}; name="{self.filename}"']
        lines += self.extra
        lines.append(f'Content-Disposition: {self.disposition}; filename="{self.filename}"')
        lines.append("Content-Transfer-Encoding: base64")
        if self.cid:
            lines.append(f"Content-ID: <{self.cid}>")
        text = base64.b64encode(self.data).decode()
        body = "\n".join(text[i : i + 76] for i in range(0, len(text), 76))
        return "\n".join(lines) + "\n\n" + body + "\n"


def qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode()


def text_part(
    subtype: str, text: str, cte: str = "quoted-printable", charset: str = "UTF-8"
) -> str:
    head = (
        f'Content-Type: text/{subtype}; charset="{charset}"\nContent-Transfer-Encoding: {cte}\n\n'
    )
    if cte == "quoted-printable":
        body = qp(text)
    elif cte == "base64":
        raw = base64.b64encode(text.encode("utf-8")).decode()
        body = "\n".join(raw[i : i + 76] for i in range(0, len(raw), 76))
    else:
        body = text
    return head + body.rstrip("\n") + "\n"


def multipart(subtype: str, boundary: str, parts: list[str], params: str = "") -> str:
    out = [f'Content-Type: multipart/{subtype};{params}\n boundary="{boundary}"\n\n']
    for part in parts:
        out.append(f"--{boundary}\n{part}\n")
    out.append(f"--{boundary}--\n")
    return "".join(out)


def subject_header(text: str) -> str:
    if text.isascii():
        return text
    charset = Charset("utf-8")
    non_ascii = sum(1 for c in text if not c.isascii())
    charset.header_encoding = BASE64 if non_ascii > len(text) / 3 else QP
    return Header(text, charset, header_name="Subject").encode(linesep="\n")


def esc(text: str) -> str:
    return htmllib.escape(text, quote=False)


T = {
    "de_missing": (
        "Ersatzschrauben für Ihre Gartenbank, Bestellung {oid}",
        [
            "Guten Tag Frau Becker,",
            "beim Prüfen unserer Lagerliste ist uns aufgefallen, dass Ihrer Gartenbank aus der "
            "Bestellung {oid} die Beutel mit den Montageschrauben fehlen. Wir schicken Ihnen die "
            "Schrauben kostenlos nach.",
            "Bitte bestätigen Sie kurz, dass die Lieferadresse aus Ihrer Bestellung noch aktuell "
            "ist, damit der Beutel Sie sicher erreicht.",
        ],
        ["Mit freundlichen Grüßen", "Ihr Kundenservice von Gartenwelt"],
    ),
    "de_warranty": (
        "Garantie für Ihren Rasentrimmer (Bestellung {oid})",
        [
            "Guten Tag Herr Schneider,",
            "für den Akku-Rasentrimmer aus Ihrer Bestellung {oid} gilt eine Garantie von drei "
            "Jahren. Damit wir die Garantie für Sie beim Hersteller registrieren können, "
            "benötigen wir die Seriennummer vom Typenschild auf der Unterseite des Geräts.",
            "Bitte teilen Sie uns die Seriennummer in Ihrer Antwort mit.",
        ],
        ["Mit freundlichen Grüßen", "Ihr Kundenservice von Gartenwelt"],
    ),
    "de_return": (
        "Ihre Rücksendung zur Bestellung {oid}",
        [
            "Guten Tag Frau Wagner,",
            "Sie haben für die Pflanzschalen aus Ihrer Bestellung {oid} eine Rücksendung "
            "angemeldet. Bitte teilen Sie uns mit, ob Sie die Schalen lieber umtauschen oder das "
            "Geld erstattet bekommen möchten.",
            "Das Rücksendeetikett erstellen wir, sobald wir Ihre Antwort haben.",
        ],
        ["Viele Grüße", "Ihr Kundenservice von Gartenwelt"],
    ),
    "de_engraving": (
        "Gravur auf Ihrem Schneidebrett (Bestellung {oid})",
        [
            "Guten Tag Herr Hoffmann,",
            "die Gravur auf dem Schneidebrett aus Ihrer Bestellung {oid} ist leider fehlerhaft: "
            "beim Datum wurde eine Ziffer vertauscht. Wir fertigen Ihnen kostenlos ein neues Brett "
            "an.",
            "Bitte bestätigen Sie uns noch einmal den gewünschten Text der Gravur, damit diesmal "
            "alles stimmt.",
        ],
        ["Mit freundlichen Grüßen", "Ihr Kundenservice von Gartenwelt"],
    ),
    "de_invoice": (
        "Rechnung zu Ihrer Bestellung {oid}",
        [
            "Guten Tag Frau Keller,",
            "wie gewünscht erhalten Sie im Anhang die Rechnung zu Ihrer Bestellung {oid} mit "
            "ausgewiesener Mehrwertsteuer. Die Rechnung ist auf Ihren Firmennamen ausgestellt, "
            "den Sie uns genannt haben.",
        ],
        ["Mit freundlichen Grüßen", "Ihr Kundenservice von Gartenwelt"],
    ),
    "en_address": (
        "Delivery address for order {oid}",
        [
            "Hello Mr Carter,",
            "the replacement lid for the planter from order {oid} is ready to go out, but the "
            "carrier has told us that the delivery address is incomplete because the flat number "
            "is missing.",
            "Could you please reply with the full address, including the flat number, so that "
            "the parcel reaches you without delay?",
        ],
        ["Kind regards", "Customer Service, Oakfield Home"],
    ),
    "en_proof": (
        "Design proof for your personalised doormat, order {oid}",
        [
            "Hello Ms Patel,",
            "the first doormat from order {oid} arrived with a printing fault, so we are making a "
            "new one for you. Below is the design proof for the replacement.",
            "Please check the spelling of the family name and the layout of the house number, "
            "and confirm the design or tell us what to change.",
        ],
        ["Kind regards", "Customer Service, Oakfield Home"],
    ),
    "en_warranty": (
        "Warranty for your kettle (order {oid})",
        [
            "Hello Mrs Evans,",
            "the kettle from order {oid} comes with a two-year manufacturer warranty. To register "
            "the warranty for you, we need the serial number printed on the base of the kettle.",
            "Please reply with the serial number and we will complete the registration.",
        ],
        ["Best regards", "Customer Service, Oakfield Home"],
    ),
    "en_damaged": (
        "Replacement for the damaged vase, order {oid}",
        [
            "Hello Ms Hughes,",
            "we are sorry that the glass vase from order {oid} arrived damaged. We would like to "
            "send a replacement this week.",
            "Please confirm whether you would like the same colour again or the smoke grey "
            "version, which is also in stock.",
        ],
        ["Kind regards", "Customer Service, Oakfield Home"],
    ),
    "fr_address": (
        "Adresse de livraison de votre commande {oid}",
        [
            "Bonjour Madame Martin,",
            "nous souhaitons vous envoyer la pièce manquante de votre commande {oid}, mais le "
            "transporteur nous signale que l'adresse de livraison est incomplète : le numéro de "
            "l'appartement manque.",
            "Pourriez-vous nous indiquer l'adresse complète afin que le colis puisse vous être "
            "remis rapidement ?",
        ],
        ["Cordialement,", "Le service client de Maison Lavande"],
    ),
    "fr_engraving": (
        "Gravure de votre planche à découper (commande {oid})",
        [
            "Bonjour Monsieur Bernard,",
            "la gravure de la planche à découper de votre commande {oid} comporte une erreur dans "
            "la date. Nous fabriquons une nouvelle planche pour vous, sans frais.",
            "Merci de confirmer le texte exact de la gravure afin que tout soit correct cette "
            "fois.",
        ],
        ["Cordialement,", "Le service client de Maison Lavande"],
    ),
    "fr_return": (
        "Votre retour pour la commande {oid}",
        [
            "Bonjour Madame Dubois,",
            "vous avez demandé le retour des coussins de votre commande {oid}. Veuillez nous "
            "indiquer si vous préférez un échange contre une autre couleur ou un remboursement.",
            "Nous préparerons l'étiquette de retour dès réception de votre réponse.",
        ],
        ["Cordialement,", "Le service client de Maison Lavande"],
    ),
    "it_address": (
        "Indirizzo di consegna del suo ordine {oid}",
        [
            "Buongiorno signora Rossi,",
            "vorremmo spedirle il pezzo mancante del suo ordine {oid}, ma il corriere ci segnala "
            "che l'indirizzo di consegna è incompleto: manca il numero civico.",
            "Potrebbe indicarci l'indirizzo completo, così da organizzare la consegna il prima "
            "possibile?",
        ],
        ["Cordiali saluti,", "Il servizio clienti di Casa Olivo"],
    ),
    "it_engraving": (
        "Incisione del suo tagliere (ordine {oid})",
        [
            "Buongiorno signor Bianchi,",
            "l'incisione sul tagliere del suo ordine {oid} contiene un errore nella data. "
            "Realizzeremo per lei un nuovo tagliere senza alcun costo.",
            "La preghiamo di confermare il testo esatto dell'incisione, così che questa volta sia "
            "tutto corretto.",
        ],
        ["Cordiali saluti,", "Il servizio clienti di Casa Olivo"],
    ),
    "es_address": (
        "Dirección de entrega de su pedido {oid}",
        [
            "Hola, señora García:",
            "queremos enviarle la pieza que faltaba en su pedido {oid}, pero la empresa de "
            "transporte nos indica que la dirección de entrega está incompleta: falta el número "
            "del piso.",
            "¿Podría indicarnos la dirección completa para que el paquete le llegue lo antes "
            "posible?",
        ],
        ["Un saludo,", "El servicio de atención al cliente de Casa Verde"],
    ),
    "es_engraving": (
        "Grabado de su tabla de cortar (pedido {oid})",
        [
            "Hola, señor López:",
            "el grabado de la tabla de cortar de su pedido {oid} tiene un error en la fecha. "
            "Vamos a fabricarle una tabla nueva sin ningún coste.",
            "Por favor confirme el texto exacto del grabado para que esta vez todo quede correcto.",
        ],
        ["Un saludo,", "El servicio de atención al cliente de Casa Verde"],
    ),
    "ja_engraving": (
        "ご注文{oid}の刻印について",
        [
            "山田様",
            "ご注文番号{oid}のまな板の刻印に誤りがございました。日付の数字が入れ替わっておりました。"
            "大変申し訳ございません。新しいまな板を無償でお作りいたします。",
            "お手数ですが、刻印する文字をもう一度ご確認のうえ、ご返信いただけますでしょうか。",
        ],
        ["ガーデンワールド カスタマーサービス"],
    ),
    "ja_address": (
        "ご注文{oid}のお届け先住所について",
        [
            "佐藤様",
            "ご注文番号{oid}の不足部品をお送りする準備ができましたが、配送業者より、お届け先住所に"
            "部屋番号が記載されていないとの連絡がありました。",
            "お手数ですが、部屋番号を含む正しいご住所をお知らせください。確認でき次第、発送の手配を"
            "いたします。",
        ],
        ["ガーデンワールド カスタマーサービス"],
    ),
}

QUOTES = {
    "de": (
        "Am Mi., 18. Nov. 2026 um 09:41 Uhr schrieb Anna Becker:",
        [
            "Hallo, wann kommen denn die fehlenden Schrauben für die Bank?",
            "Viele Grüße, Anna Becker",
        ],
    ),
    "en": (
        "On Wed, 18 Nov 2026 at 09:41, Daniel Carter wrote:",
        ["Hi, where is the replacement lid for my planter?", "Thanks, Daniel"],
    ),
    "fr": (
        "Le mer. 18 nov. 2026 à 09:41, Claire Martin a écrit :",
        ["Bonjour, où en est l'envoi de la pièce manquante ?", "Merci, Claire"],
    ),
    "it": (
        "Il giorno mer 18 nov 2026 alle ore 09:41 Giulia Rossi ha scritto:",
        ["Buongiorno, quando arriva il pezzo mancante?", "Grazie, Giulia"],
    ),
    "es": (
        "El mié, 18 nov 2026 a las 9:41, Lucía García escribió:",
        ["Hola, ¿cuándo llega la pieza que falta?", "Gracias, Lucía"],
    ),
    "ja": ("2026年11月18日(水) 9:41 山田太郎:", ["刻印の件、どうなっていますか。", "山田"]),
}

T["de_typos"] = (
    "Ihre Rücksendung zur Bestellung {oid}",
    [
        "Gutn Tag Frau Wagner,",
        "Sie habn für die Pflanzschahlen aus Ihrer Bestelung {oid} eine Rücksendung angemmeldet. "
        "Bite teilen Sie uns mitt, ob Sie die Schahlen libber umtauschen oder das Gelt ersttattet "
        "bekommen möchtn.",
        "Das Rücksendeetikett erstellen wier, sobalt wir Ihre Antwortt habenn.",
    ],
    ["Mit freundlichn Grüßn", "Ihr Kundenservice von Gartenwelt"],
)
T["en_typos"] = (
    "Warranty for your kettle (order {oid})",
    [
        "Helo Mrs Evans,",
        "the kettel from order {oid} coms with a two-yeer manufacturer waranty. To registr the "
        "waranty for you, we ned the serial numbr printed on the bace of the kettel.",
        "Pleese reply with the serial numbr and we wil complete the registraton.",
    ],
    ["Kind regards", "Customer Servise, Oakfield Home"],
)


ROOT = Path(__file__).resolve().parent.parent
SUFFIX = {"de": "de", "en": "co.uk", "fr": "fr", "it": "it", "es": "es", "ja": "co.jp"}
LOCALE = {"de": "de-DE", "en": "en-GB", "fr": "fr-FR", "it": "it-IT", "es": "es-ES", "ja": "ja-JP"}
SELLER_NAME = {
    "de": "Gartenwelt Kundenservice",
    "en": "Oakfield Home",
    "fr": "Maison Lavande",
    "it": "Casa Olivo",
    "es": "Casa Verde",
    "ja": "ガーデンワールド",
}
AMAZON_IDS = {
    "de": "amazon.de",
    "en": "amazon.co.uk",
    "fr": "amazon.fr",
    "it": "amazon.it",
    "es": "amazon.es",
    "ja": "amazon.co.jp",
}


@dataclass
class Spec:
    family: str
    name: str
    text: str
    client: str
    action: str
    codes: list[str]
    note: str
    reply: bool = False
    subject_extra: str = ""
    paras_fn: Callable[[list[str]], list[str]] | None = None  # both bodies
    html_paras_fn: Callable[[list[str]], list[str]] | None = None  # HTML only
    plain_fn: Callable[[str], str] | None = None
    html_fn: Callable[[str], str] | None = None  # applied to the finished HTML
    top_html: str = ""
    sig_html: str = ""
    end_html: str = ""
    plain_sig: list[str] = field(default_factory=list)
    plain_top: list[str] = field(default_factory=list)
    inline: list[Part] = field(default_factory=list)
    attach: list[Part] = field(default_factory=list)
    html: bool = True
    plain: bool = True
    quote_html_extra: str = ""
    quote_plain_extra: str = ""
    quote_lines: list[str] | None = None
    headers: list[str] = field(default_factory=list)
    blank_plain: int = 1  # blank lines between paragraphs in the plain body


ORDERS: list[dict[str, str]] = []


def order_id(family: str, n: int) -> str:
    digit = "1" if family == "images" else "2"
    return f"302-3{digit}{n:05d}-{7100000 + n * 37 + (11 if digit == '2' else 0):07d}"


def alias(family: str, name: str, lang: str) -> str:
    token = hashlib.sha1(f"{family}/{name}".encode()).hexdigest()
    letters = "".join(c for c in token if c.isalnum())[:14]
    return f"{letters}@marketplace.amazon.{SUFFIX[lang]}"


def plain_body(spec: Spec, lang: str, paras: list[str], closing: list[str]) -> str:
    lines: list[str] = list(spec.plain_top)
    sep = "\n" * (spec.blank_plain + 1)
    text = sep.join(paras) + "\n\n" + "\n".join(closing)
    if spec.plain_sig:
        text += "\n" + "\n".join(spec.plain_sig)
    body = ("\n".join(lines) + "\n\n" if lines else "") + text + "\n"
    if spec.reply:
        attribution, quoted = QUOTES[lang]
        quoted = spec.quote_lines or quoted
        body += "\n" + attribution + "\n\n" + "".join(f"> {q}\n" for q in quoted)
        body += spec.quote_plain_extra
    if spec.plain_fn:
        body = spec.plain_fn(body)
    return body


def quote_html(spec: Spec, lang: str, style: str) -> str:
    attribution, quoted = QUOTES[lang]
    quoted = spec.quote_lines or quoted
    inner = "".join(f"<div>{esc(q)}</div>" for q in quoted) + spec.quote_html_extra
    if style == "gmail":
        return (
            '<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            f'{esc(attribution)}<br></div><blockquote class="gmail_quote" style="margin:0px 0px '
            '0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            f"{inner}</blockquote></div>"
        )
    return f'<div class="moz-cite-prefix">{esc(attribution)}<br></div><blockquote type="cite">{inner}</blockquote>'


def html_body(spec: Spec, lang: str, paras: list[str], closing: list[str]) -> str:
    c = spec.client
    if spec.html_paras_fn:
        paras = spec.html_paras_fn(paras)
    ps = [esc(p) for p in paras]
    sig = "<br>".join(esc(x) for x in closing)
    q_gmail = quote_html(spec, lang, "gmail") if spec.reply else ""
    q_cite = quote_html(spec, lang, "cite") if spec.reply else ""
    if c == "gmail":
        inner = "<div><br></div>".join(f"<div>{p}</div>" for p in ps)
        html = (
            f'<div dir="ltr">{spec.top_html}{inner}<div><br></div><div>{sig}</div>'
            f"{spec.sig_html}{spec.end_html}</div>{q_gmail}\n"
        )
    elif c == "outlook":

        def mso(x: str) -> str:
            return f'<p class="MsoNormal">{x}<o:p></o:p></p>\n'

        blank = '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n'
        inner = blank.join(mso(p) for p in ps)
        html = (
            '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
            'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n'
            '<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:"Cambria Math";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n'
            "@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n"
            "/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n"
            '\tfont-family:"Calibri",sans-serif;\n\tmso-ligatures:standardcontextual;\n\tmso-fareast-language:EN-US;}\n'
            'span.E-MailFormatvorlage17\n\t{mso-style-type:personal-compose;\n\tfont-family:"Calibri",sans-serif;\n\tcolor:windowtext;}\n'
            ".MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-size:11.0pt;}\n"
            "@page WordSection1\n\t{size:612.0pt 792.0pt;\n\tmargin:70.85pt 70.85pt 2.0cm 70.85pt;}\n"
            "div.WordSection1\n\t{page:WordSection1;}\n--></style></head>"
            f'<body lang="{LOCALE[lang]}" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
            f'<div class="WordSection1">\n{spec.top_html}{inner}{blank}{mso(sig)}{spec.sig_html}{spec.end_html}'
            "</div>\n</body></html>\n"
        )
    elif c == "thunderbird":
        inner = "".join(f"<p>{p}</p>\n" for p in ps)
        html = (
            '<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'
            f"  </head>\n  <body>\n{spec.top_html}{inner}<p>{sig}</p>\n{spec.sig_html}{spec.end_html}{q_cite}\n  </body>\n</html>\n"
        )
    elif c == "apple":
        inner = "<div><br></div>".join(f"<div>{p}</div>" for p in ps)
        html = (
            '<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; '
            'charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; '
            f'line-break: after-white-space;">{spec.top_html}{inner}<div><br></div><div>{sig}</div>'
            f"{spec.sig_html}{spec.end_html}{q_cite}</body></html>"
        )
    elif c == "zendesk":
        inner = "".join(f'<p dir="ltr">{p}</p>' for p in ps)
        html = (
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta content="text/html; charset=utf-8" http-equiv="Content-Type" />'
            '<style type="text/css">table td { border-collapse: collapse; }</style></head>\n'
            '<body style="width: 100%!important; margin: 0; padding: 0;">\n'
            "<div style=\"padding: 10px ; line-height: 18px; font-family: 'Lucida Grande',Verdana,Arial,sans-serif; "
            f'font-size: 12px; color:#444444;">\n{spec.top_html}{inner}<p dir="ltr">{sig}</p>{spec.sig_html}\n'
            f"</div>\n{spec.end_html}{q_cite}</body></html>\n"
        )
    elif c == "freshdesk":
        inner = '<div dir="ltr"><br></div>'.join(f'<div dir="ltr">{p}</div>' for p in ps)
        html = (
            '<div style="font-family:-apple-system, BlinkMacSystemFont, Segoe UI, Roboto, Helvetica Neue, '
            f'Arial, sans-serif; font-size:14px">{spec.top_html}{inner}<div dir="ltr"><br></div>'
            f'<div dir="ltr">{sig}</div>{spec.sig_html}</div>{spec.end_html}{q_cite}\n'
        )
    elif c == "helpscout":
        inner = "".join(f'<p style="margin:0 0 1em 0">{p}</p>' for p in ps)
        html = (
            '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n'
            '<table align="center" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td>\n'
            f"{spec.top_html}{inner}<p>{sig}</p>{spec.sig_html}\n</td></tr></table>{spec.end_html}{q_cite}\n</body></html>\n"
        )
    else:
        raise ValueError(c)
    if spec.html_fn:
        html = spec.html_fn(html)
    return html


CLIENT_HEADERS = {
    "gmail": lambda n: [f"Message-ID: <CAH{n}Qm1x+ZkR7vU9bq@mail.gmail.com>"],
    "outlook": lambda n: [
        f"Message-ID: <AM0PR10MB{n}8C1F4E2A9B3D@AM0PR10MB3401.EURPRD10.PROD.OUTLOOK.COM>",
        "Thread-Index: AdsaQm3kT1w2xJbVQe6mYpL0n3bXvA==",
        "Accept-Language: de-DE, en-US",
        "X-MS-Has-Attach: yes",
        "X-MS-TNEF-Correlator:",
        "X-Mailer: Microsoft Outlook 16.0",
    ],
    "thunderbird": lambda n: [
        f"Message-ID: <{n}a7c2e1-4b9d-4f0e-9a61-5d2b7c1e8f30@shop.example>",
        "User-Agent: Mozilla Thunderbird",
    ],
    "apple": lambda n: [
        f"Message-Id: <{n}F2C1A9E-77B4-4C3D-9E10-2A6B5C4D3E2F@shop.example>",
        "X-Mailer: Apple Mail (2.3774.600.62)",
    ],
    "zendesk": lambda n: [
        f"Message-ID: <XR2Y0Q{n}MZP_6553f1a2b7e4c_3d2e1f0a_sprut@zendesk.com>",
        "X-Mailer: Zendesk Mailer",
        "X-Zendesk-From-Account-Id: 8c1f4e2",
        "Auto-Submitted: auto-generated",
    ],
    "freshdesk": lambda n: [
        f"Message-ID: <{n}.freshdesk.7a1c9e2b@shop.example>",
        "X-Mailer: Freshdesk",
        "X-FD-Email: true",
    ],
    "helpscout": lambda n: [
        f"Message-ID: <reply-{n}-8821734-1f3c@helpscout.net>",
        "X-Mailer: Help Scout Notification",
    ],
}


def build(spec: Spec, n: int) -> tuple[bytes, dict[str, str]]:
    lang = spec.text.split("_", 1)[0]
    oid = order_id(spec.family, n)
    buyer = alias(spec.family, spec.name, lang)
    subject_t, paras_t, closing = T[spec.text]
    subject = subject_t.format(oid=oid) + spec.subject_extra
    paras = [p.format(oid=oid) for p in paras_t]
    if spec.paras_fn:
        paras = spec.paras_fn(paras)
    if spec.reply:
        subject = {"de": "AW: ", "ja": "RE: "}.get(lang, "RE: ") + subject
    day = 19 if n % 2 else 20
    hour = 8 + n % 3
    headers = [
        f"From: {SELLER_NAME[lang]} <support@shop.example>",
        f"To: {buyer}",
        f"Subject: {subject_header(subject)}",
        f"Date: {'Thu' if day == 19 else 'Fri'}, {day} Nov 2026 {hour:02d}:{(n * 7) % 60:02d}:{(n * 13) % 60:02d} +0100",
        *CLIENT_HEADERS[spec.client](f"{n:03d}"),
    ]
    if spec.reply:
        ref = f"<0102019{n:03d}a7c4e2f1-3b9d8c7e-{n:04d}@eu-west-1.amazonses.com>"
        headers += [f"In-Reply-To: {ref}", f"References: {ref}"]
    headers += spec.headers
    headers.append("MIME-Version: 1.0")

    plain = (
        text_part(
            "plain",
            plain_body(spec, lang, paras, closing),
            "8bit" if spec.client == "thunderbird" else "quoted-printable",
        )
        if spec.plain
        else None
    )
    html = None
    if spec.html:
        cte = "base64" if spec.client == "outlook" and lang == "ja" else "quoted-printable"
        html = text_part("html", html_body(spec, lang, paras, closing), cte)
    inline = [p.render() for p in spec.inline]
    b = hashlib.md5(f"{spec.family}{spec.name}".encode()).hexdigest()
    if spec.client == "outlook":
        bounds = (
            f"_000_AM0PR10MB{b[:12].upper()}_",
            f"_003_AM0PR10MB{b[:12].upper()}_",
            f"_004_AM0PR10MB{b[:12].upper()}_",
        )
    elif spec.client == "gmail":
        bounds = (f"000000000000{b[:12]}", f"000000000000{b[12:24]}", f"000000000000{b[20:32]}")
    elif spec.client in ("zendesk", "freshdesk", "helpscout"):
        bounds = (
            f"--==_mimepart_{b[:13]}_alt",
            f"--==_mimepart_{b[:13]}_rel",
            f"--==_mimepart_{b[:13]}_mix",
        )
    else:
        bounds = (f"------------{b[:24]}", f"------------{b[8:32]}", f"------------{b[4:28]}")
    alt_b, rel_b, mix_b = bounds

    if plain is not None and html is not None:
        if inline and spec.client in ("thunderbird", "apple"):
            body = multipart(
                "alternative", alt_b, [plain, multipart("related", rel_b, [html, *inline])]
            )
        elif inline:
            params = ' type="multipart/alternative";' if spec.client == "outlook" else ""
            body = multipart(
                "related", rel_b, [multipart("alternative", alt_b, [plain, html]), *inline], params
            )
        else:
            body = multipart("alternative", alt_b, [plain, html])
    elif html is not None:
        body = multipart("related", rel_b, [html, *inline]) if inline else html
    else:
        assert plain is not None
        body = plain
    if spec.attach:
        body = multipart("mixed", mix_b, [body, *[p.render() for p in spec.attach]])
    raw = "\n".join(headers) + "\n" + body
    ORDERS.append(
        {
            "order_id": oid,
            "buyer_email": buyer,
            "purchase_date": f"2026-11-{5 + n % 4:02d}",
            "marketplace": AMAZON_IDS[lang],
            "status": "Delivered",
            "ship_date": f"2026-11-{9 + n % 4:02d}",
            "earliest_delivery_date": f"2026-11-{11 + n % 4:02d}",
            "latest_delivery_date": f"2026-11-{15 + n % 3:02d}",
            "delivery_date": f"2026-11-{13 + n % 4:02d}",
            "buyer_locale": LOCALE[lang],
            "opted_out": "false",
            "review_requested_at": "",
        }
    )
    return raw.encode("utf-8"), {"oid": oid, "buyer": buyer}


def write(specs: list[Spec]) -> None:
    for family in ("images", "style"):
        ORDERS.clear()
        fam_specs = [s for s in specs if s.family == family]
        out = ROOT / family
        out.mkdir(parents=True, exist_ok=True)
        for n, spec in enumerate(fam_specs, 1):
            raw, _info = build(spec, n)
            (out / f"{spec.name}.eml").write_bytes(raw)
            codes = ", ".join(f'"{c}"' for c in sorted(spec.codes))
            note = spec.note.replace("\\", "\\\\").replace('"', '\\"')
            (out / f"{spec.name}.toml").write_text(
                f'action = "{spec.action}"\ncodes = [{codes}]\nnote = "{note}"\n', encoding="utf-8"
            )
        cols = list(ORDERS[0])
        lines = [",".join(cols)] + [",".join(o[c] for c in cols) for o in ORDERS]
        (out / "orders.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


LOGO = png(160, 48)
OUTLOOK_CID = "image001.png@01DB3A4C.5E7F1A20"


def rep(old, new, count=1):
    return lambda s: s.replace(old, new, count)


SPECS = [
    # ------------------------------------------------------------------ images: compliant
    Spec(
        "images",
        "gmail_inline_png_logo_de",
        "de_missing",
        "gmail",
        "deliver",
        [],
        "Gmail, proactive: one inline PNG logo (cid) in the signature, no link: the one allowed image",
        sig_html='<div><img src="cid:ii_m3k2a9f80" alt="gartenwelt_logo.png" width="160" height="48"><br></div>',
        plain_sig=["[image: gartenwelt_logo.png]"],
        inline=[
            Part(
                "image/png",
                LOGO,
                "gartenwelt_logo.png",
                "ii_m3k2a9f80",
                extra=["X-Attachment-Id: ii_m3k2a9f80"],
            )
        ],
    ),
    Spec(
        "images",
        "thunderbird_https_logo_fr",
        "fr_address",
        "thunderbird",
        "deliver",
        [],
        "Thunderbird: a remote logo over https with a plain alt text is fine",
        top_html='<p><img moz-do-not-send="true" src="https://static.shop.example/brand/lavande-logo.png" alt="Maison Lavande" width="180" height="54"></p>\n',
    ),
    Spec(
        "images",
        "apple_reply_two_photos_it",
        "it_engraving",
        "apple",
        "deliver",
        [],
        "Apple Mail reply with two inline JPEG photos: the one-image limit is for proactive messages only",
        reply=True,
        sig_html='<div><br></div><div><img apple-inline="yes" id="5A0C1F2E-8D4B" src="cid:5A0C1F2E-8D4B-4E1A-9C3D-1B2A3C4D5E6F" alt="IMG_2041.jpeg" width="320" height="240"></div>'
        '<div><img apple-inline="yes" id="7B1D2E3F-9E5C" src="cid:7B1D2E3F-9E5C-4F2B-8D4E-2C3B4D5E6F70" alt="IMG_2042.jpeg" width="320" height="240"></div>',
        inline=[
            Part(
                "image/jpeg", jpeg("it1"), "IMG_2041.jpeg", "5A0C1F2E-8D4B-4E1A-9C3D-1B2A3C4D5E6F"
            ),
            Part(
                "image/jpeg", jpeg("it2"), "IMG_2042.jpeg", "7B1D2E3F-9E5C-4F2B-8D4E-2C3B4D5E6F70"
            ),
        ],
    ),
    Spec(
        "images",
        "gmail_reply_quoted_pixel_es",
        "es_address",
        "gmail",
        "deliver",
        [],
        "Gmail reply: the buyer's quoted message carries an http tracking pixel and a linked image; quoted images are not the seller's and are neither judged nor removed",
        reply=True,
        quote_html_extra='<div><a href="https://example.org/x"><img src="https://example.org/banner.png" alt="example.org"></a>'
        '<img src="http://example.org/open.gif" width="1" height="1"></div>',
    ),
    Spec(
        "images",
        "helpscout_centred_table_https_logo_en",
        "en_warranty",
        "helpscout",
        "deliver",
        [],
        "Help Scout style layout: a 600px table centred with align=center (centres the table, not the text) and an https logo",
        top_html='<p><img src="https://static.shop.example/oakfield/logo-mail.png" alt="Oakfield Home" width="150" height="40"></p>\n',
    ),
    Spec(
        "images",
        "gmail_logo_japanese_alt_ja",
        "ja_address",
        "gmail",
        "deliver",
        [],
        "Gmail, Japanese: one inline PNG logo whose alt text is the shop name, no web address",
        sig_html='<div><img src="cid:ii_lz8q2w1e0" alt="ガーデンワールド ロゴ" width="160" height="48"><br></div>',
        plain_sig=["[image: ガーデンワールド ロゴ]"],
        inline=[
            Part(
                "image/png",
                LOGO,
                "logo.png",
                "ii_lz8q2w1e0",
                extra=["X-Attachment-Id: ii_lz8q2w1e0"],
            )
        ],
    ),
    # ------------------------------------------------------------------ images: strip
    Spec(
        "images",
        "outlook_linked_logo_de",
        "de_warranty",
        "outlook",
        "deliver",
        ["IMG004", "STY002"],
        "Outlook signature logo wrapped in a link to the shop: the link is removed (the logo stays); Outlook's Calibri style sheet is normalized",
        sig_html=f'<p class="MsoNormal"><a href="https://www.gartenwelt-shop.de/"><span style="text-decoration:none"><img border="0" width="160" height="48" style="width:1.6666in;height:.5in" id="Grafik_x0020_1" src="cid:{OUTLOOK_CID}" alt="Gartenwelt Logo"></span></a><o:p></o:p></p>\n',
        plain_sig=["", f"[cid:{OUTLOOK_CID}]<https://www.gartenwelt-shop.de/>"],
        inline=[
            Part(
                "image/png",
                LOGO,
                "image001.png",
                OUTLOOK_CID,
                extra=["Content-Description: image001.png"],
            )
        ],
    ),
    Spec(
        "images",
        "gmail_mailtrack_pixel_en",
        "en_warranty",
        "gmail",
        "deliver",
        ["IMG001"],
        "Gmail with the Mailtrack extension: a zero-size pixel from a known tracking host (mailtrack.io) is removed",
        end_html='<img width="0" height="0" class="mailtrack-img" alt="" style="display:flex" src="https://mailtrack.io/trace/mail/3f1c9e2b7a4d0e8f.png?u=8812734">',
    ),
    Spec(
        "images",
        "zendesk_open_pixel_fr",
        "fr_return",
        "zendesk",
        "deliver",
        ["IMG001", "STY002"],
        "Zendesk-style helpdesk mail with a 1x1 open-tracking pixel: pixel removed; the template's font and colour wrapper normalized",
        end_html='<img src="https://support.shop.example/tracking/open/7f3a9c2e.png" width="1" height="1" alt="" style="height:1px!important;width:1px!important;border-width:0!important;margin:0!important;padding:0!important">\n',
    ),
    Spec(
        "images",
        "thunderbird_http_logo_it",
        "it_engraving",
        "thunderbird",
        "deliver",
        ["IMG002"],
        "Thunderbird: a remote logo over plain http is removed",
        top_html='<p><img moz-do-not-send="true" src="http://static.shop.example/casaolivo/logo-mail.png" alt="Casa Olivo" width="180" height="60"></p>\n',
    ),
    Spec(
        "images",
        "freshdesk_inline_gif_banner_es",
        "es_engraving",
        "freshdesk",
        "deliver",
        ["IMG003", "STY002"],
        "Freshdesk-style reply template with an inline animated GIF banner (cid): removed with its MIME part; font wrapper normalized",
        top_html='<div dir="ltr"><img src="cid:banner_otono.gif@fd.shop" alt="Otoño en Casa Verde" width="480" height="120"></div>',
        inline=[Part("image/gif", gif(480, 120), "banner_otono.gif", "banner_otono.gif@fd.shop")],
    ),
    Spec(
        "images",
        "gmail_remote_gif_signature_de",
        "de_return",
        "gmail",
        "deliver",
        ["IMG003"],
        "Gmail signature with an animated GIF over https: removed (GIFs are not allowed in the body)",
        sig_html='<div><img src="https://static.shop.example/mail/gartenwelt-signatur.gif" width="200" height="60" alt="Gartenwelt"></div>',
    ),
    Spec(
        "images",
        "apple_hidden_image_ja",
        "ja_engraving",
        "apple",
        "deliver",
        ["IMG001"],
        "Apple Mail, Japanese: an image hidden with display:none is a tracking pixel and is removed",
        end_html='<img src="https://static.shop.example/o/5d2e9a.png" style="display:none" width="120" alt="">',
    ),
    Spec(
        "images",
        "thunderbird_http_gif_pixel_en",
        "en_damaged",
        "thunderbird",
        "deliver",
        ["IMG001", "IMG002", "IMG003"],
        "A 1x1 GIF pixel over http: tracking pixel, http image and GIF at once; every rule reports it",
        end_html='<img src="http://email.shop.example/o/8812734.gif" width="1" height="1" border="0" alt="">\n',
    ),
    Spec(
        "images",
        "gmail_gif_bytes_named_png_fr",
        "fr_engraving",
        "gmail",
        "reject",
        ["ATT002", "IMG003"],
        "Inline image declared image/png and named .png whose bytes are a GIF: the bytes decide; IMG003 would strip it, but a name that lies about the bytes is refused (ATT002)",
        sig_html='<div><img src="cid:ii_m40a7c1d2" alt="lavande.png" width="160" height="48"><br></div>',
        plain_sig=["[image: lavande.png]"],
        inline=[
            Part(
                "image/png",
                gif(160, 48),
                "lavande.png",
                "ii_m40a7c1d2",
                extra=["X-Attachment-Id: ii_m40a7c1d2"],
            )
        ],
    ),
    Spec(
        "images",
        "gmail_linked_https_logo_es",
        "es_address",
        "gmail",
        "deliver",
        ["IMG004"],
        "Gmail signature: https logo inside a link to the shop; the link wrapper is removed and the logo kept",
        sig_html='<div><a href="https://www.casaverde-tienda.es" target="_blank"><img src="https://static.shop.example/casaverde/logo.png" alt="Casa Verde" width="150" height="50"></a><br></div>',
        plain_sig=["[image: Casa Verde]", "<https://www.casaverde-tienda.es>"],
    ),
    # ------------------------------------------------------------------ images: hold
    Spec(
        "images",
        "outlook_logo_alt_domain_de",
        "de_missing",
        "outlook",
        "hold",
        ["IMG004", "STY002"],
        "Outlook signature logo whose alt text is the shop's web address: the address cannot be stripped from the image, so the message is held",
        sig_html=f'<p class="MsoNormal"><img width="160" height="48" style="width:1.6666in;height:.5in" id="Grafik_x0020_1" src="cid:{OUTLOOK_CID}" alt="www.gartenwelt-shop.de"><o:p></o:p></p>\n',
        plain_sig=["", f"[cid:{OUTLOOK_CID}]"],
        inline=[Part("image/png", LOGO, "image001.png", OUTLOOK_CID)],
    ),
    Spec(
        "images",
        "thunderbird_logo_filename_domain_it",
        "it_address",
        "thunderbird",
        "hold",
        ["IMG004"],
        "Inline logo whose file name is the shop's domain (casaolivo-shop.it.png): held",
        sig_html='<p><img moz-do-not-send="false" src="cid:part1.Zx3LmQ9a.Kp2Wn7Vb@shop.example" alt="" width="160" height="48"></p>\n',
        inline=[
            Part("image/png", LOGO, "casaolivo-shop.it.png", "part1.Zx3LmQ9a.Kp2Wn7Vb@shop.example")
        ],
    ),
    Spec(
        "images",
        "gmail_proof_three_images_en",
        "en_proof",
        "gmail",
        "hold",
        ["IMG005"],
        "Proactive design-proof message with a logo and two proof images: more than one image in a proactive message is held for a person",
        top_html='<div><img src="cid:ii_m3q9x0b71" alt="oakfield_logo.png" width="150" height="40"><br></div>',
        sig_html='<div><img src="https://static.shop.example/proofs/doormat-302-front.jpg" alt="Proof, front" width="400" height="250"></div>'
        '<div><img src="https://static.shop.example/proofs/doormat-302-detail.jpg" alt="Proof, detail" width="400" height="250"></div>',
        plain_top=["[image: oakfield_logo.png]"],
        inline=[
            Part(
                "image/png",
                LOGO,
                "oakfield_logo.png",
                "ii_m3q9x0b71",
                extra=["X-Attachment-Id: ii_m3q9x0b71"],
            )
        ],
    ),
    Spec(
        "images",
        "zendesk_linked_logo_and_photo_es",
        "es_engraving",
        "zendesk",
        "hold",
        ["IMG004", "IMG005", "STY002"],
        "Zendesk-style proactive mail: linked logo (strip) plus a product photo (two images: hold); the hold wins",
        top_html='<p><a href="https://www.casaverde-tienda.es"><img src="https://static.shop.example/casaverde/logo.png" alt="Casa Verde" width="150" height="50" /></a></p>',
        sig_html='<p><img src="https://static.shop.example/casaverde/tabla-grabada.jpg" alt="Tabla de cortar" width="300" height="200" /></p>',
    ),
    # ------------------------------------------------------------------ style: compliant
    Spec(
        "style",
        "plain_two_line_breaks_de",
        "de_warranty",
        "thunderbird",
        "deliver",
        [],
        "Plain text with paragraphs separated by one blank line (two line breaks): fine",
        html=False,
    ),
    Spec(
        "style",
        "gmail_single_blank_divs_en",
        "en_address",
        "gmail",
        "deliver",
        [],
        "Gmail HTML: paragraphs separated by one <div><br></div> each; no fonts, no centring",
    ),
    Spec(
        "style",
        "thunderbird_centred_heading_fr",
        "fr_engraving",
        "thunderbird",
        "deliver",
        [],
        "One centred heading above left-aligned text is not a centred body",
        top_html='<h3 style="text-align: center;">Maison Lavande</h3>\n',
    ),
    Spec(
        "style",
        "apple_text_symbols_it",
        "it_engraving",
        "apple",
        "deliver",
        [],
        "Registered and copyright signs are text symbols, not emoji",
        plain_sig=["Casa Olivo® – Olio e cucina ©"],
        sig_html="<div>Casa Olivo® – Olio e cucina ©</div>",
    ),
    Spec(
        "style",
        "plain_japanese_marks_ja",
        "ja_address",
        "thunderbird",
        "deliver",
        [],
        "Japanese plain text with ※ and ★ marks (not emoji); no spelling check for Japanese",
        html=False,
        paras_fn=lambda ps: (
            [*ps, "※ 部屋番号が不明な場合は、建物名だけでも結構です。★印の欄は必須です。"]
        ),
    ),
    Spec(
        "style",
        "gmail_reply_quoted_emoji_es",
        "es_engraving",
        "gmail",
        "deliver",
        [],
        "Gmail reply: emoji, colours and blank lines only in the buyer's quoted message are not the seller's",
        reply=True,
        quote_lines=["¡Hola! ¿Me pueden hacer una tabla nueva? 😊🙏", "Gracias"],
        quote_html_extra='<div style="color:#e91e63;font-family:Georgia"><br><br><br><br>Lucía 💐</div>',
    ),
    Spec(
        "style",
        "gmail_three_font_sizes_de",
        "de_engraving",
        "gmail",
        "deliver",
        [],
        "Three font sizes (heading, body default, small footer) without font or colour overrides: fine",
        top_html='<div><font size="4">Gartenwelt</font></div><div><br></div>',
        sig_html='<div><font size="1">Gartenwelt Gartenbedarf GmbH</font></div>',
    ),
    Spec(
        "style",
        "helpscout_reply_table_en",
        "en_damaged",
        "helpscout",
        "deliver",
        [],
        "Help Scout style reply in a centred layout table with no font overrides",
        reply=True,
    ),
    # ------------------------------------------------------------------ style: strip
    Spec(
        "style",
        "gmail_subject_emoji_de",
        "de_missing",
        "gmail",
        "deliver",
        ["STY001"],
        "Emoji in the RFC 2047 encoded Subject only: removed and the Subject re-encoded",
        subject_extra=" 🔩",
    ),
    Spec(
        "style",
        "gmail_emoji_image_en",
        "en_damaged",
        "gmail",
        "deliver",
        ["STY001"],
        "Gmail inserts emoji as images from its emoji CDN; the plain part has the character: both removed",
        paras_fn=lambda ps: [ps[0], ps[1] + " 🙏", *ps[2:]],
        html_paras_fn=lambda ps: [ps[0], ps[1].replace(" 🙏", ""), *ps[2:]],
        html_fn=rep(
            "this week.</div>",
            'this week. <img data-emoji="🙏" class="an1" alt="🙏" aria-label="🙏" draggable="false" src="https://fonts.gstatic.com/s/e/notoemoji/15.1/1f64f/32.png" loading="lazy"></div>',
        ),
    ),
    Spec(
        "style",
        "plain_three_blank_lines_fr",
        "fr_return",
        "thunderbird",
        "deliver",
        ["STY002"],
        "Plain text with three blank lines between paragraphs: collapsed to one",
        html=False,
        blank_plain=3,
    ),
    Spec(
        "style",
        "thunderbird_centred_body_it",
        "it_address",
        "thunderbird",
        "deliver",
        ["STY002"],
        "Every paragraph centred with align=center: a centred body, normalized",
        html_fn=lambda h: h.replace("<p>", '<p align="center">'),
    ),
    Spec(
        "style",
        "outlook_calibri_es",
        "es_address",
        "outlook",
        "deliver",
        ["STY002"],
        "Plain Outlook message: only the Word style sheet's font family and colour overrides, normalized",
    ),
    Spec(
        "style",
        "gmail_blank_divs_de",
        "de_warranty",
        "gmail",
        "deliver",
        ["STY002"],
        "Gmail HTML and plain with three blank lines between two paragraphs: collapsed",
        html_fn=rep("<div><br></div>", "<div><br></div><div><br></div><div><br></div>"),
        plain_fn=rep("\n\n", "\n\n\n\n"),
    ),
    Spec(
        "style",
        "gmail_four_font_sizes_en",
        "en_warranty",
        "gmail",
        "deliver",
        ["STY002"],
        "Four different font sizes: normalized",
        top_html='<div><font size="6">Oakfield Home</font></div><div><br></div>',
        sig_html='<div><span style="font-size:11px">Oakfield Home Ltd</span></div><div><font size="1">Homeware and kitchen</font></div>',
        html_fn=rep(
            "<div>Hello Mrs Evans,</div>", '<div style="font-size:15px">Hello Mrs Evans,</div>'
        ),
    ),
    Spec(
        "style",
        "gmail_emoji_japanese_ja",
        "ja_engraving",
        "gmail",
        "deliver",
        ["STY001"],
        "Japanese: bowing emoji in the Subject and the body, removed",
        subject_extra=" 🙇",
        paras_fn=lambda ps: [
            ps[0],
            ps[1].replace("大変申し訳ございません。", "大変申し訳ございません🙇‍♀️"),
            *ps[2:],
        ],
    ),
    Spec(
        "style",
        "plain_misspelled_de",
        "de_typos",
        "thunderbird",
        "deliver",
        ["STY003"],
        "Many misspelled words for a German buyer: reported as a warning, forwarded unchanged",
        html=False,
    ),
    Spec(
        "style",
        "gmail_misspelled_emoji_en",
        "en_typos",
        "gmail",
        "deliver",
        ["STY001", "STY003"],
        "Misspelled English with an emoji: the emoji is stripped, the spelling is a warning",
        paras_fn=lambda ps: [ps[0], ps[1], ps[2] + " 👍"],
    ),
    Spec(
        "style",
        "zendesk_reply_emoji_blank_lines_de",
        "de_missing",
        "zendesk",
        "deliver",
        ["STY001", "STY002"],
        "Zendesk-style reply with an emoji and a run of <br> line breaks; template fonts normalized",
        reply=True,
        paras_fn=lambda ps: [ps[0], ps[1] + " 😊", *ps[2:]],
        html_fn=rep('</p><p dir="ltr">Bitte', '<br><br><br><br></p><p dir="ltr">Bitte'),
    ),
    Spec(
        "style",
        "freshdesk_coloured_text_fr",
        "fr_address",
        "freshdesk",
        "deliver",
        ["STY002"],
        "Freshdesk-style template with a font wrapper and a coloured phrase: normalized",
        html_fn=rep(
            "l'adresse complète", '<span style="color:#e91e63"><b>l\'adresse complète</b></span>'
        ),
    ),
    Spec(
        "style",
        "outlook_emoji_blank_paragraphs_it",
        "it_engraving",
        "outlook",
        "deliver",
        ["STY001", "STY002"],
        "Outlook with an emoji and three empty paragraphs in a row: emoji removed, blank lines collapsed, fonts normalized",
        paras_fn=lambda ps: [ps[0], ps[1] + " 😔", *ps[2:]],
        html_fn=rep(
            '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n',
            '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' * 3,
        ),
    ),
]


if __name__ == "__main__":
    write(SPECS)
    print(len(SPECS), "fixtures")
