# ruff: noqa: E501
"""Build the contact (CTC) and links (LNK) fixtures of the golden corpus.

    .venv/bin/python tests/corpus/contact/make_fixtures.py

Writes tests/corpus/contact/ and tests/corpus/links/: each fixture's .eml, its sidecar .toml
(expected action and codes) and the family's orders.csv (order ids `NNN-21xxxxx-xxxxxxx` and
`NNN-22xxxxx-xxxxxxx`, delivered a few days before the corpus date 2026-11-20). The MIME imitates
the clients sellers answer from: Gmail, Outlook, Zendesk, Freshdesk, Thunderbird (plain text),
with the buyer's message quoted the way each client quotes it. The output is reproducible.
In the texts, `[[label|url]]` is a link: an anchor in HTML, `label <url>` in the plain part.
"""

from __future__ import annotations

import csv
import hashlib
import html as htmlmod
import random
import re
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

MARKETS = {
    "de": ("amazon.de", "de-DE", "marketplace.amazon.de"),
    "uk": ("amazon.co.uk", "en-GB", "marketplace.amazon.co.uk"),
    "us": ("amazon.com", "en-US", "marketplace.amazon.com"),
    "fr": ("amazon.fr", "fr-FR", "marketplace.amazon.fr"),
    "it": ("amazon.it", "it-IT", "marketplace.amazon.it"),
    "es": ("amazon.es", "es-ES", "marketplace.amazon.es"),
    "jp": ("amazon.co.jp", "ja-JP", "marketplace.amazon.co.jp"),
}
CET = timezone(timedelta(hours=1))
JST = timezone(timedelta(hours=9))
LINK = re.compile(r"\[\[(.+?)\|(.+?)\]\]")
AUTOURL = re.compile(r"https?://[^\s<>\"')\]]+")


def attribution(lang: str, style: str, alias: str) -> str:
    if style == "outlook":
        return ""
    return {
        "de": f"Am Mi., 18. Nov. 2026 um 09:14 Uhr schrieb Amazon-Kunde <{alias}>:",
        "en": f"On Wed, 18 Nov 2026 at 09:14, Amazon customer <{alias}> wrote:",
        "fr": f"Le mer. 18 nov. 2026 à 09:14, Client Amazon <{alias}> a écrit :",
        "it": f"Il giorno mer 18 nov 2026 alle ore 09:14 Cliente Amazon <{alias}> ha scritto:",
        "es": f"El mié, 18 nov 2026 a las 9:14, Cliente de Amazon (<{alias}>) escribió:",
        "ja": f"2026年11月18日(水) 9:14 Amazon購入者 <{alias}> のメッセージ:",
    }[lang]


def outlook_header(lang: str, alias: str, subject: str) -> list[tuple[str, str]]:
    labels = {
        "de": ("Von", "Gesendet", "An", "Betreff", "Mittwoch, 18. November 2026 09:14"),
        "en": ("From", "Sent", "To", "Subject", "Wednesday, November 18, 2026 9:14 AM"),
        "fr": ("De", "Envoyé", "À", "Objet", "mercredi 18 novembre 2026 09:14"),
        "it": ("Da", "Inviato", "A", "Oggetto", "mercoledì 18 novembre 2026 09:14"),
        "es": ("De", "Enviado", "Para", "Asunto", "miércoles, 18 de noviembre de 2026 9:14"),
        "ja": ("差出人", "送信日時", "宛先", "件名", "2026年11月18日 9:14"),
    }[lang]
    f, s, t, sub, date = labels
    return [(f, f"Amazon <{alias}>"), (s, date), (t, "support@shop.example"), (sub, subject)]


def plain_links(text: str, style: str) -> str:
    def rep(m: re.Match[str]) -> str:
        label, url = m.group(1), m.group(2)
        shown = url[7:] if url.startswith("mailto:") else url
        if label in (shown, url):
            return label
        if style == "outlook":
            return f"{label}<{url}>"
        if style == "freshdesk":
            return f"{label} ( {url} )"
        return f"{label} <{url}>"

    return LINK.sub(rep, text)


def html_text(text: str) -> str:
    """Paragraphs to <div>/<p>, [[label|url]] to anchors, bare http(s) URLs autolinked."""
    out = []
    for para in text.split("\n\n"):
        pieces = []
        pos = 0
        for m in LINK.finditer(para):
            pieces.append(_auto(htmlmod.escape(para[pos : m.start()], quote=False)))
            pieces.append(
                f'<a href="{htmlmod.escape(m.group(2))}">{htmlmod.escape(m.group(1), quote=False)}</a>'
            )
            pos = m.end()
        pieces.append(_auto(htmlmod.escape(para[pos:], quote=False)))
        out.append("".join(pieces).replace("\n", "<br>\n"))
    return out


def _auto(s: str) -> str:
    return AUTOURL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', s)


def quote_plain(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines())


def build(fx: dict[str, Any]) -> bytes:
    lang, style = fx["lang"], fx["style"]
    alias = fx["alias"]
    subject = fx["subject"]
    own = fx["own"]
    quoted = fx.get("quoted")
    reply = quoted is not None
    seed = int(hashlib.sha256(fx["name"].encode()).hexdigest()[:8], 16)
    rnd = random.Random(seed)
    msg = EmailMessage()
    msg["From"] = (
        '"Shop Example Support" <support@shop.example>'
        if lang != "ja"
        else "ショップエグザンプル <support@shop.example>"
    )
    msg["To"] = alias
    msg["Subject"] = subject
    tz = JST if lang == "ja" else CET
    msg["Date"] = format_datetime(
        datetime(2026, 11, 20, 10, rnd.randrange(60), rnd.randrange(60), tzinfo=tz)
        - timedelta(hours=0)
    )
    token = hashlib.sha1(fx["name"].encode()).hexdigest()
    mid = {
        "gmail": f"<CAF{token[:20]}+{token[20:32]}@mail.gmail.com>",
        "outlook": f"<AM{token[:4].upper()}PR03MB{token[4:8]}{token[8:20].upper()}@AM{token[:4].upper()}PR03MB{token[4:8]}.eurprd03.prod.outlook.com>",
        "zendesk": f"<{token[:12].upper()}_{token[12:20]}@shopexample.zendesk.com>",
        "freshdesk": f"<{token[:24]}@freshdesk.com>",
        "plain": f"<{token[:8]}-{token[8:12]}-{token[12:16]}@shop.example>",
        "html_only": f"<{token[:12].upper()}_{token[12:20]}@shopexample.zendesk.com>",
    }[style]
    msg["Message-ID"] = mid
    if reply:
        buyer_mid = f"<0102019{token[:10]}-{token[10:18]}-buyer-000000@eu-west-1.amazonses.com>"
        msg["In-Reply-To"] = buyer_mid
        msg["References"] = buyer_mid
    if style == "outlook":
        msg["X-Mailer"] = "Microsoft Outlook 16.0"
        msg["Thread-Index"] = "AdtZ" + token[:20]
        msg["Content-Language"] = {
            "de": "de-DE",
            "en": "en-GB",
            "fr": "fr-FR",
            "it": "it-IT",
            "es": "es-ES",
            "ja": "ja-JP",
        }[lang]
    elif style == "plain":
        msg["User-Agent"] = "Mozilla Thunderbird"
    elif style in ("zendesk", "html_only"):
        msg["X-Mailer"] = "Zendesk Mailer"
    elif style == "freshdesk":
        msg["X-Mailer"] = "Freshdesk"

    attr = attribution(lang, style, alias) if reply else ""
    # plain part
    plain = plain_links(own, style)
    if reply:
        if style == "outlook":
            head = "\n".join(
                f"{k}: {v}" for k, v in outlook_header(lang, alias, fx["buyer_subject"])
            )
            plain += "\n\n" + "_" * 32 + "\n" + head + "\n\n" + quoted
        else:
            plain += "\n\n" + attr + "\n" + quote_plain(plain_links(quoted, style))
    # html part
    paras = html_text(own)
    if style == "outlook":
        body = "".join(f'<p class="MsoNormal">{p}</p>\n' for p in paras)
        if reply:
            head = "<br>\n".join(
                f"<b>{k}:</b> {htmlmod.escape(v, quote=False)}"
                for k, v in outlook_header(lang, alias, fx["buyer_subject"])
            )
            qp = "".join(f'<p class="MsoNormal">{p}</p>\n' for p in html_text(quoted))
            body += f'<div id="appendonsend"></div>\n<hr>\n<div id="divRplyFwdMsg" dir="ltr">{head}<br>\n<br>\n{qp}</div>\n'
        html = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>\n<body>\n<div class="WordSection1">\n{body}</div>\n</body></html>\n'
    elif style == "gmail":
        body = (
            '<div dir="ltr">' + "".join(f"<div>{p}</div><div><br></div>" for p in paras) + "</div>"
        )
        if reply:
            qp = "".join(f"<div>{p}</div>" for p in html_text(quoted))
            body += (
                f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{htmlmod.escape(attr, quote=False)}<br></div>'
                f'<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;padding-left:1ex">{qp}</blockquote></div>'
            )
        html = body + "\n"
    elif style in ("zendesk", "html_only"):
        body = (
            '<div class="zd-comment">' + "".join(f'<p dir="auto">{p}</p>' for p in paras) + "</div>"
        )
        if reply:
            qp = "".join(f'<p dir="auto">{p}</p>' for p in html_text(quoted))
            body += f'<div class="zd-quote"><p dir="auto">{htmlmod.escape(attr, quote=False)}</p>{qp}</div>'
        html = f'<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>\n{body}\n</body></html>\n'
    elif style == "freshdesk":
        body = "<div>" + "".join(f"<div>{p}</div><br>" for p in paras) + "</div>"
        if reply:
            qp = "".join(f"<div>{p}</div>" for p in html_text(quoted))
            body += f'<div class="freshdesk_quote"><blockquote class="freshdesk_quote">{htmlmod.escape(attr, quote=False)}<br>{qp}</blockquote></div>'
        html = f"<html><body>\n{body}\n</body></html>\n"
    else:
        html = None

    if style == "html_only":
        msg.set_content(html, subtype="html", charset="utf-8", cte="quoted-printable")
    else:
        msg.set_content(
            plain + "\n", charset="utf-8", cte="quoted-printable" if style != "plain" else "8bit"
        )
        if html is not None:
            msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
            msg.set_boundary(
                {
                    "gmail": f"000000000000{token[:12]}",
                    "outlook": f"_000_AM{token[:4].upper()}PR03MB{token[4:16]}_",
                }.get(style, f"----=_Part_{int(token[:8], 16)}_{int(token[8:14], 16)}")
            )
    return msg.as_bytes()


CONTACT: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ non-compliant
    dict(
        name="de_gmail_reply_signature_phone",
        lang="de",
        market="de",
        style="gmail",
        prefix="302",
        alias="k7fq2m9xz4wbd1c@marketplace.amazon.de",
        subject="Re: Frage zur Zustellung – Bestellung {oid}",
        buyer_subject="Frage zur Zustellung",
        own="""Guten Tag Frau Becker,

vielen Dank für Ihre Nachricht. Der Wasserkocher aus Bestellung {oid} wurde laut Sendungsverfolgung am Montag in die Packstation 112 in Ihrer Straße gelegt. Die Abholkarte kommt normalerweise per Post oder als Nachricht in der Post & DHL App.

Für eine schnellere Klärung rufen Sie uns bitte direkt an: +49 30 98765432 (Mo–Fr 9–17 Uhr).

Mit freundlichen Grüßen
Jonas Weber
Kundenservice Shop Example""",
        quoted="""Hallo, laut Sendungsverfolgung wurde mein Paket zugestellt, aber ich habe nichts erhalten. Wo ist es?""",
        action="reject",
        codes=["CNT003", "CTC002"],
        note="Seller's own phone number in an international format in the signature block of a Gmail reply; 'rufen Sie uns bitte direkt an' invites a call, in a reply an offer of further help (CNT003 warning).",
    ),
    dict(
        name="de_zendesk_reply_obfuscated_email",
        lang="de",
        market="de",
        style="zendesk",
        prefix="304",
        alias="p3nd8s0q6vlw2ra@marketplace.amazon.de",
        subject="Re: Rahmen beschädigt angekommen ({oid})",
        buyer_subject="Rahmen beschädigt angekommen",
        own="""Hallo Herr Schulz,

danke für die Fotos des beschädigten Bilderrahmens aus Bestellung {oid}. Damit unsere Werkstatt den Schaden an der Ecke genau prüfen kann, senden Sie die Bilder bitte in voller Auflösung an werkstatt [at] shop-example dot de.

Den Ersatzrahmen legen wir anschließend sofort zurück.

Viele Grüße
Anna Krüger""",
        quoted="""Guten Tag, der Rahmen ist an einer Ecke gebrochen angekommen. Fotos anbei.""",
        action="reject",
        codes=["CTC001"],
        note="Obfuscated address ([at] ... dot de) in a Zendesk reply.",
    ),
    dict(
        name="en_outlook_reply_mailto",
        lang="en",
        market="uk",
        style="outlook",
        prefix="026",
        alias="h2vw9c3kq8tz6ny@marketplace.amazon.co.uk",
        subject="RE: Cracked lid on order {oid}",
        buyer_subject="Cracked lid",
        own="""Dear Mr Patel,

We are sorry that the storage jar from order {oid} arrived with a cracked lid. Our returns team also needs a photo of the original packaging label; please send a picture of it to [[returns@shop-example.co.uk|mailto:returns@shop-example.co.uk]] and we will arrange the replacement lid straight away.

Kind regards,
Sophie Turner
Customer Care""",
        quoted="""Hello, the lid of the jar is cracked. Can you send a new one?""",
        action="reject",
        codes=["CTC001"],
        note="Address both in the text and as a mailto: link (Outlook); reported once.",
    ),
    dict(
        name="fr_gmail_reply_national_phone",
        lang="fr",
        market="fr",
        style="gmail",
        prefix="171",
        alias="m4xe7r1bt9gk3pd@marketplace.amazon.fr",
        subject="Re: Colis bloqué - commande {oid}",
        buyer_subject="Colis bloqué",
        own="""Bonjour Madame Laurent,

Nous avons bien reçu votre message concernant la commande {oid}. Le colis est bloqué au dépôt de votre ville à cause d'un numéro de rue manquant dans l'adresse de livraison.

Pour fixer un nouveau créneau de livraison, appelez notre service logistique au 01 42 68 53 00 du lundi au vendredi.

Cordialement,
Claire Martin
Service client""",
        quoted="""Bonjour, le suivi indique que mon colis est bloqué depuis deux jours. Que se passe-t-il ?""",
        action="reject",
        codes=["CTC002"],
        note="French national format 01 42 68 53 00.",
    ),
    dict(
        name="it_plain_reply_mobile_phone",
        lang="it",
        market="it",
        style="plain",
        prefix="403",
        alias="r8cy5n2wd7hm1sj@marketplace.amazon.it",
        subject="Re: Consegna non riuscita ordine {oid}",
        buyer_subject="Consegna non riuscita",
        own="""Gentile signor Rossi,

abbiamo controllato l'ordine {oid}: il corriere ha tentato la consegna ieri pomeriggio ma non ha trovato nessuno all'indirizzo indicato.

Per concordare il giorno della nuova consegna può chiamare il nostro magazzino al numero 347 123 4567, risponde Marco dalle 9 alle 18.

Cordiali saluti
Giulia Bianchi
Servizio clienti""",
        quoted="""Buongiorno, ho ricevuto un avviso di mancata consegna ma ero in casa. Come posso riceverlo?""",
        action="reject",
        codes=["CTC002"],
        note="Italian mobile number in national format, plain text reply.",
    ),
    dict(
        name="es_gmail_reply_plain_email",
        lang="es",
        market="es",
        style="gmail",
        prefix="404",
        alias="t6jk3b8xq2fn9we@marketplace.amazon.es",
        subject="Re: Cambio de talla pedido {oid}",
        buyer_subject="Cambio de talla",
        own="""Hola, Sra. García:

Hemos revisado el pedido {oid} y la talla enviada es la correcta según la ficha del producto. Si quiere cambiarla por una talla mayor, envíe el número de pedido y la talla deseada a cambios@tienda-ejemplo.es y preparamos el cambio esta misma semana.

Un saludo,
Lucía Fernández
Atención al cliente""",
        quoted="""Hola, la chaqueta me queda pequeña. ¿Puedo cambiarla por una talla L?""",
        action="reject",
        codes=["CTC001"],
        note="Plain address in a Spanish reply; its domain is not also reported as a bare domain.",
    ),
    dict(
        name="ja_gmail_reply_phone",
        lang="ja",
        market="jp",
        style="gmail",
        prefix="503",
        alias="y1qz8f4mv6ct2kh@marketplace.amazon.co.jp",
        subject="Re: 電源が入りません（注文番号 {oid}）",
        buyer_subject="電源が入りません",
        own="""山田様

ご注文番号 {oid} の件でご連絡いたします。お届けした電気ケトルの電源が入らないとのこと、大変申し訳ございません。

交換の手続きについて詳しくご説明しますので、弊社サポート窓口（03-1234-5678、平日10時から17時）までお電話ください。

株式会社ショップエグザンプル
カスタマーサポート 佐藤""",
        quoted="""届いたケトルの電源が入りません。交換できますか。""",
        action="reject",
        codes=["CTC002"],
        note="Tokyo number in national format in a Japanese reply.",
    ),
    dict(
        name="en_us_html_proactive_tel_link",
        lang="en",
        market="us",
        style="html_only",
        prefix="112",
        alias="b9wd2x7rk4pq1ve@marketplace.amazon.com",
        subject="Missing street number for order {oid}",
        own="""Hello Ms. Johnson,

We are writing about order {oid}. The carrier reported that the street number is missing from the shipping address, so the package is waiting at the local depot.

To confirm the correct address, please [[call our shipping desk|tel:+12127365000]] or reply to this message with the full street address and apartment number.

Best regards,
Michael Brown
Shop Example Fulfillment""",
        quoted=None,
        action="reject",
        codes=["CTC002"],
        note="Proactive address problem (HTML only, Zendesk) with a tel: link and no number in the text.",
    ),
    dict(
        name="de_outlook_proactive_email_in_subject",
        lang="de",
        market="de",
        style="outlook",
        prefix="305",
        alias="n5ga1h8tc3zw7mb@marketplace.amazon.de",
        subject="Rückfrage zur Gravur – Bestellung {oid} – Antwort an gravur@shop-example.de",
        own="""Sehr geehrte Frau Hoffmann,

für die Gravur auf dem Schneidebrett aus Bestellung {oid} benötigen wir noch den gewünschten Namen und das Datum.

Bitte antworten Sie mit dem genauen Wortlaut der Gravur, damit wir das Brett noch diese Woche fertigen und versenden können.

Mit freundlichen Grüßen
Tobias Lang
Shop Example Manufaktur""",
        quoted=None,
        action="reject",
        codes=["CTC001"],
        note="Address only in the RFC 2047 encoded Subject of a proactive customisation question.",
    ),
    dict(
        name="en_plain_reply_signature_email_and_phone",
        lang="en",
        market="uk",
        style="plain",
        prefix="203",
        alias="c3fr6y9nm1kx4ta@marketplace.amazon.co.uk",
        subject="Re: Broken handle - order {oid}",
        buyer_subject="Broken handle",
        own="""Hi Emma,

Sorry to hear the blender jug from order {oid} arrived with a cracked handle. A replacement jug went out this morning with Royal Mail Tracked 48 and should reach you on Monday; there is no need to return the damaged one.

Best wishes,
Oliver Green
Shop Example Ltd
support@shop-example.co.uk | 020 7946 0018""",
        quoted="""The handle of the jug is cracked, it is not safe to use.""",
        action="reject",
        codes=["CTC001", "CTC002"],
        note="Signature with address and UK landline: both rules fire.",
    ),
    dict(
        name="fr_freshdesk_reply_obfuscated_at",
        lang="fr",
        market="fr",
        style="freshdesk",
        prefix="402",
        alias="w7hc4k1ps8dn3gz@marketplace.amazon.fr",
        subject="Re: Facture au nom de la société ({oid})",
        buyer_subject="Facture au nom de la société",
        own="""Bonjour Monsieur Dubois,

Merci pour votre retour concernant la commande {oid}. Pour établir la facture au nom de votre société, nous avons besoin du numéro de TVA intracommunautaire.

Vous pouvez l'envoyer à compta(at)boutique-exemple.fr, notre comptable établit la facture le jour même.

Bien cordialement,
Julie Moreau""",
        quoted="""Bonjour, pouvez-vous établir la facture au nom de mon entreprise ?""",
        action="reject",
        codes=["CTC001"],
        note="name(at)domain.fr form; the domain after (at) is not also a bare domain for LNK001.",
    ),
    # ------------------------------------------------------------------ compliant (some warn)
    dict(
        name="de_gmail_reply_warranty_hotline",
        lang="de",
        market="de",
        style="gmail",
        prefix="306",
        alias="f2kx9q5wb7mr4hc@marketplace.amazon.de",
        subject="Re: Akku lädt nicht mehr – Bestellung {oid}",
        buyer_subject="Akku lädt nicht mehr",
        own="""Hallo Herr Neumann,

es tut uns leid, dass die Akkubohrmaschine aus Bestellung {oid} nach drei Wochen nicht mehr lädt. Das Gerät hat zwei Jahre Herstellergarantie, die Reparatur übernimmt der Hersteller direkt.

Die Garantie-Hotline des Herstellers erreichen Sie unter 0800 123 4567. Halten Sie dafür bitte die Seriennummer vom Typenschild bereit.

Mit freundlichen Grüßen
Jonas Weber""",
        quoted="""Der Akku meiner Bohrmaschine lädt seit gestern nicht mehr. Was kann ich tun?""",
        action="deliver",
        codes=["CTC002"],
        note="Manufacturer warranty hotline: CTC002 context variant, a warning; delivered.",
    ),
    dict(
        name="de_plain_reply_dhl_customer_service",
        lang="de",
        market="de",
        style="plain",
        prefix="302",
        alias="q9mb3t6xd1vz8kf@marketplace.amazon.de",
        subject="Re: Paket nicht erhalten {oid}",
        buyer_subject="Paket nicht erhalten",
        own="""Guten Tag Frau Wagner,

das Paket zu Bestellung {oid} liegt laut DHL seit Dienstag in der Filiale in der Hauptstraße 5 zur Abholung bereit. Die Benachrichtigungskarte ist offenbar verloren gegangen.

Den DHL Kundenservice erreichen Sie unter 0228 4333112, dort kann auch die Lagerfrist in der Filiale verlängert werden.

Viele Grüße
Anna Krüger""",
        quoted="""Mein Paket ist immer noch nicht da, obwohl es laut Amazon zugestellt wurde.""",
        action="deliver",
        codes=["CTC002"],
        note="Carrier hotline (DHL Kundenservice): warning only.",
    ),
    dict(
        name="en_gmail_reply_manufacturer_warranty",
        lang="en",
        market="uk",
        style="gmail",
        prefix="202",
        alias="v4tn8c2hy6qb1xw@marketplace.amazon.co.uk",
        subject="Re: Grinder stopped working - order {oid}",
        buyer_subject="Grinder stopped working",
        own="""Dear Mr Hughes,

We are sorry that the coffee grinder from order {oid} has stopped working. It is covered by the manufacturer's two-year warranty, and repairs under that warranty are handled by the manufacturer directly.

Their warranty line is 0161 496 0734; they will ask for the serial number printed under the base of the grinder.

Kind regards,
Sophie Turner""",
        quoted="""My grinder stopped working after ten days. What should I do?""",
        action="deliver",
        codes=["CTC002"],
        note="Manufacturer warranty line in UK national format: warning.",
    ),
    dict(
        name="ja_freshdesk_reply_maker_warranty",
        lang="ja",
        market="jp",
        style="freshdesk",
        prefix="249",
        alias="g8pw1z4kn7ry3dm@marketplace.amazon.co.jp",
        subject="Re: 炊飯器の不具合について（{oid}）",
        buyer_subject="炊飯器の不具合",
        own="""鈴木様

ご注文番号 {oid} の炊飯器につきまして、ご不便をおかけして申し訳ございません。本製品はメーカー保証の対象となっており、修理はメーカーが直接承ります。

メーカー保証窓口は0120-123-456です。本体底面の製造番号をお手元にご用意のうえ、お申し付けください。

ショップエグザンプル カスタマーサポート 佐藤""",
        quoted="""炊飯器のスイッチが入らなくなりました。修理できますか。""",
        action="deliver",
        codes=["CTC002"],
        note="Japanese manufacturer warranty freephone: warning.",
    ),
    dict(
        name="de_gmail_reply_tracking_number_date_price",
        lang="de",
        market="de",
        style="gmail",
        prefix="304",
        alias="s1hd7v3qm9kc5zx@marketplace.amazon.de",
        subject="Re: Zustellnachweis für {oid}",
        buyer_subject="Zustellnachweis",
        own="""Hallo Herr Schmitt,

zu Ihrer Bestellung {oid} vom 12.11.2026 über 1.299,00 EUR: Laut DHL erfolgte die Zustellung am 16.11.2026 an die Adresse in 10115 Berlin. Die Sendungsnummer lautet 00340434161234567890.

Den Zustellnachweis mit Unterschrift haben wir bei DHL angefordert und schicken ihn Ihnen, sobald er vorliegt.

Mit freundlichen Grüßen
Jonas Weber""",
        quoted="""Ich habe das Paket nie bekommen. Können Sie nachweisen, wer unterschrieben hat?""",
        action="deliver",
        codes=[],
        note="Order id, date, price, postcode and a 20-digit tracking number: none is a phone number.",
    ),
    dict(
        name="en_gmail_reply_email_only_in_quote",
        lang="en",
        market="us",
        style="gmail",
        prefix="113",
        alias="d6zq2m8tw4hn1vb@marketplace.amazon.com",
        subject="Re: Replacement filter for order {oid}",
        buyer_subject="Replacement filter",
        own="""Hello Dave,

For privacy reasons we keep all communication about order {oid} here in Amazon messages. The replacement filter cartridge you asked about is model FC-200, and it fits the pitcher that arrived on November 15.

The same model number is printed on the lid of the pitcher, next to the fill line.

Best regards,
Michael Brown""",
        quoted="""Which filter fits this pitcher? You can email me at dave.miller1984@example-mail.com or call me on (212) 555-0143.""",
        action="deliver",
        codes=[],
        note="The buyer's private address and phone number appear only in the quoted buyer text.",
    ),
    dict(
        name="fr_plain_reply_tracking_postcode",
        lang="fr",
        market="fr",
        style="plain",
        prefix="405",
        alias="j3kr9w5bx1mq7tc@marketplace.amazon.fr",
        subject="Re: Où est mon colis ? ({oid})",
        buyer_subject="Où est mon colis ?",
        own="""Bonjour Madame Petit,

Votre colis de la commande {oid} est pris en charge par Colissimo depuis le 13/11/2026. Le numéro de suivi est 6A12345678901 et le colis se trouve actuellement au centre de tri de 69007 Lyon.

Le montant de 49,90 € n'a été débité qu'une seule fois, comme le montre le détail de la commande dans votre compte.

Cordialement,
Claire Martin""",
        quoted="""Bonjour, je n'ai toujours pas reçu mon colis et j'ai l'impression d'avoir été débitée deux fois.""",
        action="deliver",
        codes=[],
        note="Colissimo tracking number, postcode, date and price in French; no phone number.",
    ),
    dict(
        name="it_gmail_reply_amounts_transaction_code",
        lang="it",
        market="it",
        style="gmail",
        prefix="406",
        alias="x5bn1q7kd3wz9hr@marketplace.amazon.it",
        subject="Re: Doppio addebito ordine {oid}",
        buyer_subject="Doppio addebito",
        own="""Gentile signora Esposito,

abbiamo verificato l'ordine {oid}: risulta pagato una sola volta, per un importo di 1.249,00 €. L'addebito di 24,90 € del 10/11/2026 riguarda le spese di spedizione, codice transazione 7734 2219 0045.

Trova lo stesso dettaglio nella pagina dell'ordine del suo account, alla voce riepilogo del pagamento.

Cordiali saluti
Giulia Bianchi""",
        quoted="""Buongiorno, sul mio estratto conto vedo due addebiti per lo stesso ordine.""",
        action="deliver",
        codes=[],
        note="Amounts, a date and a grouped 12-digit transaction code that is not a valid Italian number.",
    ),
    dict(
        name="es_outlook_reply_phone_only_in_quote",
        lang="es",
        market="es",
        style="outlook",
        prefix="407",
        alias="z2cv8h4nq6tk1wp@marketplace.amazon.es",
        subject="RE: Entrega fallida pedido {oid}",
        buyer_subject="Entrega fallida",
        own="""Estimado Sr. López:

Por motivos de privacidad mantenemos toda la comunicación sobre el pedido {oid} en la mensajería de Amazon. El repartidor de SEUR intentará de nuevo la entrega mañana entre las 9:00 y las 14:00.

No hace falta que haga nada más; el paquete lleva la misma dirección que figura en su pedido.

Atentamente,
Lucía Fernández""",
        quoted="""No estaba en casa cuando vino el repartidor. Llámenme al 612 34 56 78 para quedar, por favor.""",
        action="deliver",
        codes=[],
        note="Buyer's mobile number only in the Outlook-quoted text (From/Sent header block).",
    ),
    dict(
        name="ja_plain_reply_yamato_slip_number",
        lang="ja",
        market="jp",
        style="plain",
        prefix="250",
        alias="e7mq3x9rb5zd2nk@marketplace.amazon.co.jp",
        subject="Re: 配送状況について（{oid}）",
        buyer_subject="配送状況について",
        own="""高橋様

ご注文番号 {oid} の商品は11月16日にヤマト運輸へお引き渡し済みです。お問い合わせ伝票番号は4321-1234-5678です。

配達予定日は11月18日でしたが、天候の影響で一日遅れているとヤマト運輸より連絡がございました。ご迷惑をおかけして申し訳ございません。

ショップエグザンプル 佐藤""",
        quoted="""まだ荷物が届きません。いつ届きますか。""",
        action="deliver",
        codes=[],
        note="Yamato slip number 4321-1234-5678 (grouped like a phone number) after 伝票番号.",
    ),
    dict(
        name="de_outlook_reply_alias_in_quoted_header",
        lang="de",
        market="de",
        style="outlook",
        prefix="305",
        alias="u8tf2b6wm4xq9cr@marketplace.amazon.de",
        subject="AW: Fehlende Schraube – Bestellung {oid}",
        buyer_subject="Fehlende Schraube",
        own="""Guten Tag Herr Braun,

die fehlende Schraube für das Regal aus Bestellung {oid} haben wir heute als Brief an Sie verschickt; sie sollte in zwei bis drei Werktagen ankommen.

Bis dahin können Sie das Regal mit den übrigen Schrauben bereits aufbauen, die Stabilität ist dadurch nicht beeinträchtigt.

Freundliche Grüße
Tobias Lang""",
        quoted="""In meinem Paket fehlt eine Schraube M6. Können Sie mir eine schicken?""",
        action="deliver",
        codes=[],
        note="Outlook reply: the buyer alias and support@shop.example appear only in the quoted Von/An header block.",
    ),
    dict(
        name="en_plain_reply_zip_amounts",
        lang="en",
        market="us",
        style="plain",
        prefix="114",
        alias="i4wk7d1zp9mt3qa@marketplace.amazon.com",
        subject="Re: Charged twice? Order {oid}",
        buyer_subject="Charged twice?",
        own="""Hi Karen,

We checked order {oid}: the charge of $1,249.99 was made once, on November 9. The second line on your statement ($24.99) is the expedited shipping you selected at checkout.

Amazon shows the delivery to the address with ZIP code 98109-1234 on November 14, signed for at the front desk.

Best regards,
Michael Brown""",
        quoted="""I see two charges on my card for this order. Why?""",
        action="deliver",
        codes=[],
        note="US order id, ZIP+4 and dollar amounts; none is a phone number.",
    ),
    dict(
        name="ja_zendesk_reply_fullwidth_email",
        lang="ja",
        market="jp",
        style="zendesk",
        prefix="503",
        alias="h5nq2x8kw1zt6cb@marketplace.amazon.co.jp",
        subject="Re: 名入れの内容について（{oid}）",
        buyer_subject="名入れの内容について",
        own="""木村様

ご注文番号 {oid} の名入れタンブラーにつきまして、刻印する文字の確認のためにデザインの画像をお送りいただけますでしょうか。

画像はinfo＠shop-example.jp宛てにお送りください。確認後、三営業日以内に制作いたします。

ショップエグザンプル 制作担当 佐藤""",
        quoted="""名入れの文字を画像で送りたいのですが、どうすればよいですか。""",
        action="reject",
        codes=["CTC001"],
        note="Full-width at sign (＠) in a Japanese address.",
    ),
    dict(
        name="it_zendesk_reply_manufacturer_assistance",
        lang="it",
        market="it",
        style="zendesk",
        prefix="408",
        alias="k2zw7q4xn9bt1mc@marketplace.amazon.it",
        subject="Re: Lavatrice non centrifuga ({oid})",
        buyer_subject="Lavatrice non centrifuga",
        own="""Gentile signor Colombo,

ci dispiace per il problema alla lavatrice dell'ordine {oid}. L'apparecchio è coperto dalla garanzia del produttore per due anni e l'intervento a domicilio è organizzato direttamente dall'assistenza del produttore.

Il numero dell'assistenza in garanzia del produttore è 02 8736 4500; tenga a portata di mano il numero di serie riportato sull'oblò.

Cordiali saluti
Giulia Bianchi""",
        quoted="""Buongiorno, la lavatrice non fa più la centrifuga. Cosa posso fare?""",
        action="deliver",
        codes=["CTC002"],
        note="Italian manufacturer warranty service number: warning only.",
    ),
    dict(
        name="es_freshdesk_reply_correos_customer_service",
        lang="es",
        market="es",
        style="freshdesk",
        prefix="408",
        alias="n8bt3k6zq1wx4mc@marketplace.amazon.es",
        subject="Re: Paquete en la oficina ({oid})",
        buyer_subject="Paquete en la oficina",
        own="""Hola, Sra. Romero:

El paquete del pedido {oid} está en la oficina de Correos de su barrio desde el martes, porque el cartero no pudo entregarlo en mano.

Si necesita ampliar el plazo de recogida, el teléfono de atención al cliente de Correos es 915 197 197; tenga a mano el número de seguimiento del aviso de llegada.

Un saludo,
Lucía Fernández""",
        quoted="""Hola, me ha llegado un aviso de Correos pero no puedo ir a recogerlo esta semana.""",
        action="deliver",
        codes=["CTC002"],
        note="Carrier (Correos) customer service number: warning only.",
    ),
]


LINKS: list[dict[str, Any]] = [
    # ------------------------------------------------------------------ non-compliant
    dict(
        name="de_gmail_reply_own_site_manual",
        lang="de",
        market="de",
        style="gmail",
        prefix="302",
        alias="a3rz8k1vq6nd4wt@marketplace.amazon.de",
        subject="Re: Aufbauanleitung Schreibtisch ({oid})",
        buyer_subject="Aufbauanleitung",
        own="""Hallo Frau Schneider,

die Aufbauanleitung für den Schreibtisch aus Bestellung {oid} finden Sie als PDF hier: https://www.shop-example.de/anleitungen/schreibtisch-eiche.pdf

Die Schritte 4 bis 6 zeigen, wie die Querstrebe eingesetzt wird. Die Schrauben dafür liegen im kleinen Beutel mit der Aufschrift B.

Viele Grüße
Anna Krüger""",
        quoted="""Hallo, in meinem Paket war keine Anleitung. Wie baue ich die Querstrebe ein?""",
        action="reject",
        codes=["LNK001"],
        note="Link to the seller's own site (Gmail autolinked URL).",
    ),
    dict(
        name="de_plain_reply_bare_domain_video",
        lang="de",
        market="de",
        style="plain",
        prefix="304",
        alias="b8wc2n7xt5kq1mh@marketplace.amazon.de",
        subject="Re: Regal wackelt ({oid})",
        buyer_subject="Regal wackelt",
        own="""Guten Tag Herr Fischer,

dass das Regal aus Bestellung {oid} wackelt, liegt meistens an den Bodenträgern in der mittleren Reihe. Ein kurzes Video zum richtigen Einsetzen finden Sie unter shop-example.de/aufbau-video im Bereich Regale.

Die Rückwand sollte erst danach festgeschraubt werden.

Freundliche Grüße
Tobias Lang""",
        quoted="""Mein neues Regal wackelt stark, obwohl ich alles nach Anleitung aufgebaut habe.""",
        action="reject",
        codes=["LNK001"],
        note="Bare domain with a path, no scheme, no www.",
    ),
    dict(
        name="en_gmail_reply_bitly_tracking",
        lang="en",
        market="uk",
        style="gmail",
        prefix="026",
        alias="c1xq6v9mz3tw8kd@marketplace.amazon.co.uk",
        subject="Re: Where is my parcel? {oid}",
        buyer_subject="Where is my parcel?",
        own="""Hi Mr Evans,

The parcel for order {oid} is with Royal Mail and is expected at your address on Saturday. You can follow the parcel here: https://bit.ly/3RmTrk8

If it has not arrived by Monday evening we will send a replacement at no cost.

Kind regards,
Sophie Turner""",
        quoted="""My parcel has not arrived yet. Where is it?""",
        action="reject",
        codes=["LNK001", "LNK003"],
        note="Shortened tracking link: the target is hidden.",
    ),
    dict(
        name="en_outlook_reply_amzn_to_return",
        lang="en",
        market="us",
        style="outlook",
        prefix="111",
        alias="d5kt1w8rb4zq7nx@marketplace.amazon.com",
        subject="RE: Wrong color - order {oid}",
        buyer_subject="Wrong color",
        own="""Hello Ms. Davis,

We are sorry that the towels from order {oid} arrived in grey instead of blue. You can start the return for a replacement here: https://amzn.to/3xR7uYq

The return label is free, and the blue set will be sent as soon as the carrier scans the returned package.

Best regards,
Michael Brown""",
        quoted="""I ordered blue towels but received grey ones.""",
        action="reject",
        codes=["LNK001", "LNK003"],
        note="amzn.to is Amazon's own shortener, still a shortener (and not the marketplace host).",
    ),
    dict(
        name="fr_gmail_reply_http_laposte",
        lang="fr",
        market="fr",
        style="gmail",
        prefix="171",
        alias="e2nm7c4qx9wb1tz@marketplace.amazon.fr",
        subject="Re: Suivi du colis {oid}",
        buyer_subject="Suivi du colis",
        own="""Bonjour Monsieur Girard,

Le colis de la commande {oid} est en cours d'acheminement par La Poste. Le suivi détaillé est disponible sur http://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901

La livraison est prévue pour jeudi dans votre boîte aux lettres.

Cordialement,
Claire Martin""",
        quoted="""Bonjour, pouvez-vous me donner le numéro de suivi de mon colis ?""",
        action="reject",
        codes=["LNK002"],
        note="Allowlisted carrier host, but over http.",
    ),
    dict(
        name="it_zendesk_reply_sendgrid_click",
        lang="it",
        market="it",
        style="zendesk",
        prefix="403",
        alias="f9pz3k6wn1xc8qm@marketplace.amazon.it",
        subject="Re: Spedizione in ritardo ({oid})",
        buyer_subject="Spedizione in ritardo",
        own="""Gentile signora Romano,

il pacco dell'ordine {oid} è stato affidato a BRT con un giorno di ritardo a causa di uno sciopero nel nostro magazzino. [[Traccia la spedizione|https://u4567890.ct.sendgrid.net/ls/click?upn=u001.kP3dQx8-2BbrtTrack-2Fspedizione1234567890123]]

La consegna è prevista per venerdì mattina.

Cordiali saluti
Giulia Bianchi""",
        quoted="""Buongiorno, il mio ordine doveva arrivare ieri. Ci sono problemi?""",
        action="reject",
        codes=["LNK001", "LNK003"],
        note="Helpdesk click tracking (sendgrid) wrapping a carrier link.",
    ),
    dict(
        name="es_gmail_reply_product_link",
        lang="es",
        market="es",
        style="gmail",
        prefix="404",
        alias="g4wd8t2mq7kz5vb@marketplace.amazon.es",
        subject="Re: Recambio compatible pedido {oid}",
        buyer_subject="Recambio compatible",
        own="""Hola, Sr. Martínez:

El filtro de la cafetera del pedido {oid} se puede sustituir por el modelo FX-20, que es el recambio original del fabricante. Lo encontrará aquí: https://www.amazon.es/dp/B0EXAMPLE7

El filtro se cambia cada dos meses, o antes si el agua de su zona es muy dura.

Un saludo,
Lucía Fernández""",
        quoted="""Hola, ¿qué filtro de recambio sirve para esta cafetera?""",
        action="hold",
        codes=["LNK004"],
        note="Amazon product page outside a review request: held for a person.",
    ),
    dict(
        name="de_freshdesk_reply_seller_page",
        lang="de",
        market="de",
        style="freshdesk",
        prefix="305",
        alias="h7qk2x5bn9tw3cz@marketplace.amazon.de",
        subject="Re: Ersatzdeckel ({oid})",
        buyer_subject="Ersatzdeckel",
        own="""Hallo Herr Wolf,

den einzelnen Ersatzdeckel für den Topf aus Bestellung {oid} bieten wir auf Amazon ebenfalls an. Sie finden ihn auf unserer Verkäuferseite: [[Verkäuferseite bei Amazon|https://www.amazon.de/sp?seller=A1EXAMPLE2SELL]]

Der Deckel passt auf alle Töpfe mit 24 cm Durchmesser.

Viele Grüße
Anna Krüger""",
        quoted="""Kann ich den Deckel einzeln nachkaufen? Meiner ist gesprungen.""",
        action="hold",
        codes=["LNK004"],
        note="Amazon seller (storefront) page outside a review request.",
    ),
    dict(
        name="ja_gmail_reply_http_yamato",
        lang="ja",
        market="jp",
        style="gmail",
        prefix="503",
        alias="i3mv9q1zk6rx4wd@marketplace.amazon.co.jp",
        subject="Re: 配送状況の確認（{oid}）",
        buyer_subject="配送状況の確認",
        own="""中村様

ご注文番号 {oid} の商品はヤマト運輸でお届けしております。お問い合わせ伝票番号は4321-5678-9012で、配送状況は下記のページでご確認いただけます。

http://toi.kuronekoyamato.co.jp/cgi-bin/tneko

お届けは明日の午前中を予定しております。

ショップエグザンプル 佐藤""",
        quoted="""注文した商品の配送状況を教えてください。""",
        action="reject",
        codes=["LNK002"],
        note="Yamato tracking page over http.",
    ),
    dict(
        name="en_outlook_reply_other_marketplace_help",
        lang="en",
        market="uk",
        style="outlook",
        prefix="203",
        alias="j6tz4w8cq2nb7xk@marketplace.amazon.co.uk",
        subject="RE: Return label - order {oid}",
        buyer_subject="Return label",
        own="""Dear Ms Clarke,

The return label for order {oid} can be printed from your orders page. The steps are described here: https://www.amazon.com/gp/help/customer/display.html?nodeId=GKM69DUUYKQWKWX7

Once the parcel is scanned by the carrier, the refund is issued within two working days.

Kind regards,
Oliver Green""",
        quoted="""How do I get a return label for this order?""",
        action="reject",
        codes=["LNK001"],
        note="Help page of another marketplace (amazon.com) for an amazon.co.uk buyer.",
    ),
    dict(
        name="de_gmail_reply_youtube_video",
        lang="de",
        market="de",
        style="gmail",
        prefix="306",
        alias="k1bx5m9tq3zw8vn@marketplace.amazon.de",
        subject="Re: Wie entkalke ich die Maschine? ({oid})",
        buyer_subject="Entkalken",
        own="""Hallo Frau Zimmermann,

das Entkalken der Kaffeemaschine aus Bestellung {oid} dauert etwa 20 Minuten. Wie das Programm gestartet wird, zeigt diese [[Video-Anleitung|https://www.youtube.com/watch?v=Zx3kP9qLm2w]] Schritt für Schritt.

Verwenden Sie bitte nur Entkalker auf Zitronensäurebasis, keinen Essig.

Viele Grüße
Jonas Weber""",
        quoted="""Wie entkalke ich die Maschine richtig?""",
        action="reject",
        codes=["LNK001"],
        note="Video host is not allowlisted.",
    ),
    dict(
        name="fr_outlook_reply_safelinks_colissimo",
        lang="fr",
        market="fr",
        style="outlook",
        prefix="402",
        alias="l8qw2z6nk4tc1mx@marketplace.amazon.fr",
        subject="RE: Colis en attente ({oid})",
        buyer_subject="Colis en attente",
        own="""Bonjour Madame Lefèvre,

Le colis de la commande {oid} est resté une journée de plus au centre de tri de Colissimo. Vous pouvez suivre son acheminement ici : [[suivi Colissimo|https://eur03.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.colissimo.fr%2Fportail_colissimo%2Fsuivre.do%3Fparcelnumber%3D6A12345678901&data=05%7C02%7C&reserved=0]]

La livraison est désormais prévue pour samedi.

Cordialement,
Julie Moreau""",
        quoted="""Bonjour, mon colis devait arriver hier, où en est-il ?""",
        action="reject",
        codes=["LNK001", "LNK003"],
        note="A carrier link pasted from Outlook keeps its Safe Links redirect wrapper.",
    ),
    # ------------------------------------------------------------------ compliant
    dict(
        name="es_plain_reply_correos_bare_domain",
        lang="es",
        market="es",
        style="plain",
        prefix="405",
        alias="m2kc7x4wq9bz1tn@marketplace.amazon.es",
        subject="Re: Seguimiento del envío {oid}",
        buyer_subject="Seguimiento del envío",
        own="""Hola, Sra. Navarro:

El paquete del pedido {oid} viaja con Correos y el número de seguimiento es PQ4F6P0712345670128013. Puede consultar el estado en correos.es, en el apartado de localizador de envíos.

La entrega está prevista para el jueves por la mañana.

Un saludo,
Lucía Fernández""",
        quoted="""Hola, ¿me puede dar el número de seguimiento?""",
        action="deliver",
        codes=[],
        note="Bare carrier domain (allowlisted) and a Correos tracking number.",
    ),
    dict(
        name="de_zendesk_reply_dhl_tracking",
        lang="de",
        market="de",
        style="zendesk",
        prefix="302",
        alias="n5xt1k8bw3qz6mc@marketplace.amazon.de",
        subject="Re: Sendungsverfolgung {oid}",
        buyer_subject="Sendungsverfolgung",
        own="""Hallo Herr Lehmann,

das Paket zu Bestellung {oid} ist bei DHL im Paketzentrum Radefeld und wird morgen zugestellt. Die Sendungsnummer lautet 00340434161234567890.

Den aktuellen Stand sehen Sie in der [[DHL Sendungsverfolgung|https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890]].

Viele Grüße
Anna Krüger""",
        quoted="""Wo ist mein Paket? Die Sendungsverfolgung bei Amazon zeigt nichts an.""",
        action="deliver",
        codes=[],
        note="DHL tracking link in a Zendesk reply.",
    ),
    dict(
        name="de_plain_proactive_hermes_delay",
        lang="de",
        market="de",
        style="plain",
        prefix="304",
        alias="o9wq4c2zt7kb1xn@marketplace.amazon.de",
        subject="Lieferverzögerung bei Bestellung {oid}",
        own="""Guten Tag Frau Richter,

leider verzögert sich die Zustellung Ihrer Bestellung {oid} um zwei Tage, weil das Paketzentrum von Hermes in Ihrer Region überlastet ist. Neuer voraussichtlicher Liefertag ist Montag.

Den Stand können Sie bei Hermes verfolgen: https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation/#H1004350012345678901

Wir bitten die Verzögerung zu entschuldigen.

Freundliche Grüße
Tobias Lang""",
        quoted=None,
        action="deliver",
        codes=[],
        note="Proactive delay notice with an allowlisted Hermes tracking link.",
    ),
    dict(
        name="en_gmail_reply_royalmail_evri",
        lang="en",
        market="uk",
        style="gmail",
        prefix="202",
        alias="p3zk8x1wq5tm7cb@marketplace.amazon.co.uk",
        subject="Re: Two parcels? Order {oid}",
        buyer_subject="Two parcels?",
        own="""Hi Ms Walker,

Order {oid} was split into two parcels because the mirror needed extra packaging. The first parcel travels with Royal Mail ([[track it here|https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB]]), the second with Evri ([[tracking page|https://www.evri.com/track/parcel/H01AAA0012345678]]).

Both are expected by Friday.

Kind regards,
Sophie Turner""",
        quoted="""I only received half of my order. Is another parcel coming?""",
        action="deliver",
        codes=[],
        note="Royal Mail and Evri tracking links.",
    ),
    dict(
        name="en_outlook_reply_usps_ups_fedex",
        lang="en",
        market="us",
        style="outlook",
        prefix="112",
        alias="q7bx2w9kz4nc1tm@marketplace.amazon.com",
        subject="RE: Tracking for my three boxes ({oid})",
        buyer_subject="Tracking for my three boxes",
        own="""Hello Mr. Wilson,

The three boxes of order {oid} left our warehouse with different carriers because of their sizes:

Box 1 (USPS): https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223856928499
Box 2 (UPS): https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784
Box 3 (FedEx): https://www.fedex.com/fedextrack/?trknbr=123456789012

Best regards,
Michael Brown""",
        quoted="""Can you send me tracking numbers for all three boxes?""",
        action="deliver",
        codes=[],
        note="USPS, UPS and FedEx tracking links with long numbers in the query.",
    ),
    dict(
        name="fr_gmail_reply_colissimo_chronopost",
        lang="fr",
        market="fr",
        style="gmail",
        prefix="405",
        alias="r1tq6z3kx8wb4nm@marketplace.amazon.fr",
        subject="Re: Deux colis pour la commande {oid}",
        buyer_subject="Deux colis",
        own="""Bonjour Monsieur Fontaine,

Votre commande {oid} comprend deux colis. Le premier est suivi par Colissimo : https://www.colissimo.fr/portail_colissimo/suivre.do?parcelnumber=6A12345678901

Le second, plus volumineux, voyage avec Chronopost : https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY123456789FR

Cordialement,
Claire Martin""",
        quoted="""Bonjour, je n'ai reçu qu'un seul carton. Est-ce normal ?""",
        action="deliver",
        codes=[],
        note="Colissimo and Chronopost tracking links.",
    ),
    dict(
        name="it_freshdesk_reply_poste_brt",
        lang="it",
        market="it",
        style="freshdesk",
        prefix="406",
        alias="s4kw9x2zq7bt1cn@marketplace.amazon.it",
        subject="Re: Stato della spedizione ({oid})",
        buyer_subject="Stato della spedizione",
        own="""Gentile signor Ferrari,

l'ordine {oid} è stato diviso in due spedizioni. La busta con gli accessori viaggia con Poste Italiane: [[traccia la busta|https://www.poste.it/cerca/index.html#/risultati-spedizioni/RR123456789IT]]

Il pacco principale è affidato a BRT: [[traccia il pacco|https://www.brt.it/it/tracking?spedizione=1234567890123]]

Cordiali saluti
Giulia Bianchi""",
        quoted="""Buongiorno, è arrivata solo una busta con gli accessori. Dov'è il resto?""",
        action="deliver",
        codes=[],
        note="Poste Italiane and BRT tracking links (Freshdesk).",
    ),
    dict(
        name="es_gmail_reply_correos_seur",
        lang="es",
        market="es",
        style="gmail",
        prefix="407",
        alias="t8zn3k6wx1qc5bm@marketplace.amazon.es",
        subject="Re: ¿Cuándo llega mi pedido {oid}?",
        buyer_subject="¿Cuándo llega mi pedido?",
        own="""Hola, Sr. Sánchez:

El pedido {oid} salió en dos paquetes. El pequeño va con Correos: https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=PQ4F6P0712345670128013

El grande lo entrega SEUR: https://www.seur.com/livetracking/?segOnlineIdentificador=12345678901

Un saludo,
Lucía Fernández""",
        quoted="""Hola, ¿cuándo llega el resto del pedido?""",
        action="deliver",
        codes=[],
        note="Correos and SEUR tracking links.",
    ),
    dict(
        name="ja_gmail_reply_yamato_sagawa_japanpost",
        lang="ja",
        market="jp",
        style="gmail",
        prefix="249",
        alias="u2wq7x4kz9bn1tc@marketplace.amazon.co.jp",
        subject="Re: 荷物の追跡について（{oid}）",
        buyer_subject="荷物の追跡について",
        own="""伊藤様

ご注文番号 {oid} の商品は三つの荷物に分かれております。それぞれの配送状況は以下のページでご確認いただけます。

ヤマト運輸: https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=432112345678
佐川急便: https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=123456789012
日本郵便: https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=123456789012

ショップエグザンプル 佐藤""",
        quoted="""荷物が一つしか届いていません。残りはいつ届きますか。""",
        action="deliver",
        codes=[],
        note="Yamato, Sagawa and Japan Post tracking links.",
    ),
    dict(
        name="de_gmail_reply_amazon_return_help",
        lang="de",
        market="de",
        style="gmail",
        prefix="305",
        alias="v5xk1z8wq3tb6nc@marketplace.amazon.de",
        subject="Re: Rücksendung ({oid})",
        buyer_subject="Rücksendung",
        own="""Hallo Frau Krause,

die Rücksendung der Jacke aus Bestellung {oid} starten Sie am einfachsten über Ihre Bestellübersicht: [[Meine Bestellungen|https://www.amazon.de/gp/css/order-history]]

Dort wählen Sie "Artikel zurücksenden" und drucken das Etikett aus. Die Bedingungen stehen auf der [[Amazon Hilfeseite zu Rücksendungen|https://www.amazon.de/gp/help/customer/display.html?nodeId=GKM69DUUYKQWKWX7]].

Viele Grüße
Anna Krüger""",
        quoted="""Die Jacke passt nicht. Wie kann ich sie zurückschicken?""",
        action="deliver",
        codes=[],
        note="Links to the marketplace's order history and return help pages.",
    ),
    dict(
        name="en_plain_proactive_review_request_link",
        lang="en",
        market="uk",
        style="plain",
        prefix="204",
        alias="w9tk4x2zq6nb8cm@marketplace.amazon.co.uk",
        subject="Your order {oid}: a request for a product review",
        own="""Hello Mr Baker,

We are contacting you about order {oid}. Could you take a moment to write a review of the product on Amazon? Your review helps other customers decide.

You can write it here: https://www.amazon.co.uk/review/create-review?asin=B0EXAMPLE9&channel=bsm

Kind regards,
Oliver Green
Shop Example Ltd""",
        quoted=None,
        action="deliver",
        codes=[],
        note="The single review request may link to Amazon's review page (LNK004 does not apply).",
    ),
    dict(
        name="de_plain_reply_filenames_versions",
        lang="de",
        market="de",
        style="plain",
        prefix="306",
        alias="x1qz7k3wb9tn5cm@marketplace.amazon.de",
        subject="Re: Firmware-Update ({oid})",
        buyer_subject="Firmware-Update",
        own="""Hallo Herr Schäfer,

für die Wetterstation aus Bestellung {oid} ist die Firmware-Version 2.3.1 aktuell; Ihre Station zeigt 2.1.0 an. Das Update startet automatisch, sobald die Station z.B. über Nacht mit dem WLAN verbunden ist, d.h. Sie müssen nichts weiter tun.

Die Datei anleitung_v2.pdf im Lieferumfang beschreibt auf Seite 12.5 bzw. im Abschnitt Update.Info die Anzeige während der Installation, u.a. den Fortschrittsbalken.

Viele Grüße
Jonas Weber""",
        quoted="""Meine Wetterstation zeigt eine alte Firmware an. Wie bekomme ich das Update?""",
        action="deliver",
        codes=[],
        note="File names, version numbers, abbreviations and a missing space after a full stop are not bare domains.",
    ),
    dict(
        name="ja_plain_reply_amazon_co_jp_mention",
        lang="ja",
        market="jp",
        style="plain",
        prefix="250",
        alias="y6wk2x9zq4tb1nc@marketplace.amazon.co.jp",
        subject="Re: 返品について（{oid}）",
        buyer_subject="返品について",
        own="""小林様

ご注文番号 {oid} の返品は、amazon.co.jpの注文履歴から手続きいただけます。該当の商品を選び、返品理由をお選びのうえ、表示される返品用ラベルを印刷してください。

返品の商品が到着しましたら、三営業日以内に返金いたします。

ショップエグザンプル 佐藤""",
        quoted="""サイズが合わなかったので返品したいです。""",
        action="deliver",
        codes=[],
        note="The marketplace written as a bare domain, directly next to Japanese text.",
    ),
    dict(
        name="fr_gmail_reply_shortener_only_in_quote",
        lang="fr",
        market="fr",
        style="gmail",
        prefix="407",
        alias="z3tq8k1wx6bn4cm@marketplace.amazon.fr",
        subject="Re: Article différent de la photo ({oid})",
        buyer_subject="Article différent de la photo",
        own="""Bonjour Madame Mercier,

Nous avons comparé votre photo avec l'article de la commande {oid} : il s'agit bien du même modèle, seule la couleur du pied paraît différente à cause de l'éclairage de la photo produit.

Si la lampe ne vous convient pas, le retour est gratuit pendant trente jours depuis votre compte Amazon.

Cordialement,
Julie Moreau""",
        quoted="""Bonjour, la lampe reçue ne ressemble pas à celle-ci : http://bit.ly/lampe-photo et www.autre-boutique.example/lampe""",
        action="deliver",
        codes=[],
        note="A shortener and a foreign domain only in the quoted buyer text are not judged.",
    ),
    dict(
        name="de_freshdesk_reply_gls_dpd",
        lang="de",
        market="de",
        style="freshdesk",
        prefix="302",
        alias="a7kx3w9zq1tb5nm@marketplace.amazon.de",
        subject="Re: Zwei Pakete ({oid})",
        buyer_subject="Zwei Pakete",
        own="""Guten Tag Herr Koch,

die Bestellung {oid} kommt in zwei Paketen, weil die Tischplatte separat aus unserem zweiten Lager versendet wird. Das Gestell ist mit GLS unterwegs: [[GLS Paketverfolgung|https://gls-group.eu/DE/de/paketverfolgung?match=123456789012]]

Die Tischplatte bringt DPD: [[DPD Sendungsstatus|https://tracking.dpd.de/status/de_DE/parcel/01234567890123]]

Freundliche Grüße
Tobias Lang""",
        quoted="""Ich habe nur das Tischgestell bekommen, wo ist die Platte?""",
        action="deliver",
        codes=[],
        note="GLS and DPD tracking links on subdomains of allowlisted hosts.",
    ),
    dict(
        name="it_plain_reply_http_amazon_orders",
        lang="it",
        market="it",
        style="plain",
        prefix="408",
        alias="p6xk1w9zq3tb7nc@marketplace.amazon.it",
        subject="Re: Fattura ordine {oid}",
        buyer_subject="Fattura ordine",
        own="""Gentile signora Greco,

la fattura dell'ordine {oid} è stata caricata oggi e la trova nella pagina dei suoi ordini: http://www.amazon.it/gp/css/order-history

Selezioni l'ordine e scelga la voce "Fattura" per scaricare il documento in formato PDF.

Cordiali saluti
Giulia Bianchi""",
        quoted="""Buongiorno, mi serve la fattura per questo ordine.""",
        action="reject",
        codes=["LNK002"],
        note="The marketplace's own order page, but over http.",
    ),
    dict(
        name="es_outlook_reply_tinyurl_manual",
        lang="es",
        market="es",
        style="outlook",
        prefix="408",
        alias="q9tz4k2wx7bn1mc@marketplace.amazon.es",
        subject="RE: Instrucciones de montaje ({oid})",
        buyer_subject="Instrucciones de montaje",
        own="""Hola, Sra. Ortega:

El manual de la estantería del pedido {oid} se puede ver en este enlace: https://tinyurl.com/montaje-estanteria

En la página 3 se ve cómo fijar la estantería a la pared con las piezas que vienen en la caja.

Un saludo,
Lucía Fernández""",
        quoted="""Buenos días, no encuentro las instrucciones de montaje en la caja.""",
        action="reject",
        codes=["LNK001", "LNK003"],
        note="URL shortener in an Outlook reply.",
    ),
    dict(
        name="en_plain_proactive_return_bare_marketplace",
        lang="en",
        market="uk",
        style="plain",
        prefix="205",
        alias="r3wq8x5kz1tb6nc@marketplace.amazon.co.uk",
        subject="Damaged item in order {oid}",
        own="""Hello Ms Wright,

Our warehouse found that the vase packed for order {oid} may have been damaged during packing. If it arrived broken, you can return it for a full refund at amazon.co.uk/returns and we will cover the postage.

Please keep the packaging until the return is complete.

Kind regards,
Oliver Green
Shop Example Ltd""",
        quoted=None,
        action="deliver",
        codes=[],
        note="Proactive damage notice with the marketplace's returns page as a bare domain.",
    ),
]


ROOT = Path(__file__).resolve().parent.parent
SPECIAL = {
    "en_plain_proactive_review_request_link": dict(
        purchase_date="2026-11-05",
        ship_date="2026-11-07",
        earliest_delivery_date="2026-11-10",
        latest_delivery_date="2026-11-14",
        delivery_date="2026-11-12",
        status="Delivered",
    ),
    "en_us_html_proactive_tel_link": dict(
        purchase_date="2026-11-12",
        ship_date="2026-11-14",
        earliest_delivery_date="2026-11-18",
        latest_delivery_date="2026-11-21",
        delivery_date="",
        status="Shipped",
    ),
    "de_plain_proactive_hermes_delay": dict(
        purchase_date="2026-11-13",
        ship_date="2026-11-16",
        earliest_delivery_date="2026-11-18",
        latest_delivery_date="2026-11-20",
        delivery_date="",
        status="Shipped",
    ),
    "de_outlook_proactive_email_in_subject": dict(
        purchase_date="2026-11-17",
        ship_date="",
        earliest_delivery_date="2026-11-24",
        latest_delivery_date="2026-11-27",
        delivery_date="",
        status="Unshipped",
    ),
}
DEFAULT = dict(
    purchase_date="2026-11-08",
    ship_date="2026-11-10",
    earliest_delivery_date="2026-11-13",
    latest_delivery_date="2026-11-17",
    delivery_date="2026-11-15",
    status="Delivered",
)


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> None:
    for family, fx, base in (("contact", CONTACT, 2100001), ("links", LINKS, 2200001)):
        out = ROOT / family
        out.mkdir(parents=True, exist_ok=True)
        rows = []
        names = set()
        for i, f in enumerate(fx):
            assert f["name"] not in names
            names.add(f["name"])
            last = int(hashlib.sha256(f["name"].encode()).hexdigest()[:8], 16) % 9000000 + 1000000
            oid = f"{f['prefix']}-{base + i}-{last}"
            f = dict(f)
            for k in ("subject", "own", "quoted", "buyer_subject"):
                if f.get(k):
                    f[k] = f[k].replace("{oid}", oid)
                (out / f"{f['name']}.eml").write_bytes(build(f))
            side = [
                f"action = {toml_str(f['action'])}",
                "codes = [" + ", ".join(toml_str(c) for c in f["codes"]) + "]",
                f"note = {toml_str(f['note'])}",
            ]
            (out / f"{f['name']}.toml").write_text("\n".join(side) + "\n", encoding="utf-8")
            marketplace, locale, _ = MARKETS[f["market"]]
            dates = SPECIAL.get(f["name"], DEFAULT)
            rows.append(
                dict(
                    order_id=oid,
                    buyer_email=f["alias"],
                    marketplace=marketplace,
                    buyer_locale=locale,
                    opted_out="false",
                    **dates,
                )
            )
        cols = [
            "order_id",
            "buyer_email",
            "purchase_date",
            "marketplace",
            "status",
            "ship_date",
            "earliest_delivery_date",
            "latest_delivery_date",
            "delivery_date",
            "buyer_locale",
            "opted_out",
        ]
        with (out / "orders.csv").open("w", newline="", encoding="utf-8") as h:
            w = csv.DictWriter(h, fieldnames=cols, lineterminator="\n")
            w.writeheader()
            for r in rows:
                w.writerow({c: r.get(c, "") for c in cols})
        print(family, len(fx))


if __name__ == "__main__":
    main()
