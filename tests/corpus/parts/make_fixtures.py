"""Build the text-parts fixtures of the golden corpus (run from the repository root).

    .venv/bin/python tests/corpus/parts/make_fixtures.py

Issue 14, "every text part is judged": a violation in a text part besides the body's first
text/plain and text/html must be found, whatever the MIME shape that hides it. One violating
message and one compliant twin (which must not fire) per shape:

- several inline text parts in a multipart/mixed;
- a second multipart/alternative after the first;
- a text part after an attachment;
- a forwarded message (message/rfc822, inline);
- a text file sent as an attachment (Content-Disposition: attachment) stays an attachment
  (ATT rules), not body.

Order ids are `302-8100xxx-xxxxxxx`, delivered on 2026-11-13 (orders.csv beside this file).
"""

# ruff: noqa: E501  (message bodies are kept as the paragraphs a seller types)

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import fixture_kit  # noqa: E402  (tests/corpus, beside this family's folder)

SELLER = '"Lindenhof Haushaltswaren" <support@shop.example>'
DATE = "Fri, 20 Nov 2026 10:04:31 +0100"

ORDERS = [
    # order id, buyer alias, marketplace, locale
    ("302-8100001-4417023", "q7m2k9d4t1s8a3@marketplace.amazon.de", "amazon.de", "de-DE"),
    ("302-8100002-5528134", "v3n8p1c6h2r9e5@marketplace.amazon.co.uk", "amazon.co.uk", "en-GB"),
    ("302-8100003-6639245", "b5x1z7w3j8f2u6@marketplace.amazon.de", "amazon.de", "de-DE"),
    ("302-8100004-7740356", "g9k4r2m7s1d5n3@marketplace.amazon.co.uk", "amazon.co.uk", "en-GB"),
    ("302-8100005-8851467", "t2h6c9v4b8q1w7@marketplace.amazon.de", "amazon.de", "de-DE"),
]


def head(
    order: int, subject: str, content_type: str, *, reply: bool = True, msgid: str
) -> str:
    order_id, buyer, _market, _locale = ORDERS[order]
    lines = [
        f"From: {SELLER}",
        f"To: {buyer}",
        f"Subject: {'Re: ' if reply else ''}{subject} {order_id}",
        f"Date: {DATE}",
        f"Message-ID: <{msgid}@shop.example>",
    ]
    if reply:
        lines.append(f"In-Reply-To: <buyer-{msgid}@marketplace.amazon.example>")
    lines += ["MIME-Version: 1.0", f"Content-Type: {content_type}"]
    return "\n".join(lines) + "\n"


def text(body: str, subtype: str = "plain", extra: str = "") -> str:
    return (
        f'Content-Type: text/{subtype}; charset="UTF-8"\nContent-Transfer-Encoding: 8bit\n'
        f"{extra}\n{body.strip()}\n"
    )


def multipart(boundary: str, *parts: str) -> str:
    inner = "".join(f"--{boundary}\n{part}\n" for part in parts)
    return f"{inner}--{boundary}--\n"


def alternative(boundary: str, plain: str, html: str) -> str:
    return f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n' + multipart(
        boundary, text(plain), text(html, "html")
    )


def html_of(plain: str) -> str:
    paragraphs = [p.strip().replace("\n", "<br>\n") for p in plain.strip().split("\n\n")]
    return "<div>" + "".join(f"<p>{p}</p>\n" for p in paragraphs) + "</div>"


def write(name: str, eml: str, codes: list[str], action: str, note: str) -> None:
    fixture_kit.write(HERE, name, eml, codes, action, note)


DE_DELIVERY = """Guten Tag,

vielen Dank für Ihre Frage zu Ihrer Bestellung 302-8100001-4417023. Der Emaille-Bräter ist für alle Herdarten geeignet, auch für Induktion, und backofenfest bis 250 °C.

Mit freundlichen Grüßen
Jana Körber
Lindenhof Haushaltswaren"""

DE_CARE = """Pflegehinweis zum Emaille-Bräter: Bitte vor dem ersten Gebrauch mit warmem Wasser ausspülen und nicht auf höchster Stufe leer erhitzen."""

DE_COUPON = """Übrigens: Mit dem Gutscheincode LINDE15 erhalten Sie 15 % Rabatt auf Ihre nächste Bestellung in unserem Shop."""


def mixed_inline() -> None:
    boundary = "mixed-inline-5f1c"
    for name, second, codes, action, note in (
        (
            "mixed_inline_second_text_part_coupon_de",
            DE_COUPON,
            ["CNT004"],
            "reject",
            "multipart/mixed with two inline text/plain parts; the second offers a coupon (CNT004).",
        ),
        (
            "mixed_inline_second_text_part_compliant_de",
            DE_CARE,
            [],
            "deliver",
            "Compliant: multipart/mixed with two inline text/plain parts, the second a care note.",
        ),
    ):
        eml = head(0, "Lieferung Ihrer Bestellung", f'multipart/mixed; boundary="{boundary}"', msgid=name)
        eml += "\n" + multipart(
            boundary, text(DE_DELIVERY), text(second, extra="Content-Disposition: inline\n")
        )
        write(name, eml, codes, action, note)


EN_ANSWER = """Hello Mr Patel,

thank you for your question about order 302-8100002-5528134. The lid of the casserole is oven-safe up to 220 °C, and its knob is stainless steel, so it will not melt.

Kind regards
Oliver Grant
Lindenhof Homeware"""

EN_ANSWER_2 = """PS: the same lid fits both the 24 cm and the 28 cm casserole."""

EN_MARKETING_HTML = """<div><p>PS: take a look at our new autumn range of cast-iron pans &ndash; <b>20% off</b> everything in our shop this week only with code AUTUMN20!</p></div>"""


def second_alternative() -> None:
    outer = "outer-mixed-77a0"
    for name, plain2, html2, codes, action, note in (
        (
            "second_alternative_html_marketing_en",
            EN_ANSWER_2,
            EN_MARKETING_HTML,
            ["CNT004"],
            "reject",
            "A second multipart/alternative after the first: its text/plain part is clean, its text/html part advertises a sale code (CNT004).",
        ),
        (
            "second_alternative_compliant_en",
            EN_ANSWER_2,
            html_of(EN_ANSWER_2),
            [],
            "deliver",
            "Compliant: two multipart/alternative blocks, both clean.",
        ),
    ):
        eml = head(1, "Question about order", f'multipart/mixed; boundary="{outer}"', msgid=name)
        eml += "\n" + multipart(
            outer,
            alternative("alt-one-19bd", EN_ANSWER, html_of(EN_ANSWER)),
            alternative("alt-two-2c4e", plain2, html2),
        )
        write(name, eml, codes, action, note)


DE_INVOICE_NOTE = """Guten Tag,

anbei erhalten Sie wie gewünscht die Rechnung zu Ihrer Bestellung 302-8100003-6639245.

Mit freundlichen Grüßen
Jana Körber"""

DE_INVOICE_FILE = """Rechnung Nr. 2026-11873
Bestellung 302-8100003-6639245
1 x Emaille-Bräter 28 cm, 49,90 EUR (inkl. 19 % MwSt.)"""

DE_AFTER_PHONE = """Bei Fragen zur Rechnung rufen Sie uns gern direkt an: 0721 4490 1823."""
DE_AFTER_CLEAN = """Die Rechnung ist auch in Ihrem Amazon-Konto unter „Meine Bestellungen“ abrufbar."""


def after_attachment() -> None:
    boundary = "after-attach-0d93"
    for name, after, codes, action, note in (
        (
            "text_part_after_attachment_phone_de",
            DE_AFTER_PHONE,
            ["CNT003", "CTC002"],
            "reject",
            "A text/plain part after the invoice attachment asks the buyer to call the seller's phone number (CTC002, CNT003).",
        ),
        (
            "text_part_after_attachment_compliant_de",
            DE_AFTER_CLEAN,
            [],
            "deliver",
            "Compliant: invoice attachment between two clean text/plain parts.",
        ),
    ):
        eml = head(2, "Rechnung zu Ihrer Bestellung", f'multipart/mixed; boundary="{boundary}"', msgid=name)
        eml += "\n" + multipart(
            boundary,
            text(DE_INVOICE_NOTE),
            text(
                DE_INVOICE_FILE,
                extra='Content-Disposition: attachment; filename="Rechnung_2026-11873.txt"\n',
            ),
            text(after),
        )
        write(name, eml, codes, action, note)


EN_FORWARD_NOTE = """Hello Ms Reid,

as promised, I am forwarding the carrier's note about order 302-8100004-7740356 below.

Kind regards
Oliver Grant
Lindenhof Homeware"""

EN_CARRIER = """Your parcel could not be delivered today because nobody was at home. We will try again tomorrow between 9am and 1pm."""

EN_NEWSLETTER = """Autumn sale at Lindenhof Homeware! Get 25% off all kitchen textiles with voucher code COSY25 - this week only. Sign up to our newsletter for more offers."""


def forwarded() -> None:
    boundary = "fwd-mixed-61e7"
    for name, inner_subject, inner_body, codes, action, note in (
        (
            "forwarded_rfc822_newsletter_en",
            "Autumn sale",
            EN_NEWSLETTER,
            ["CNT004"],
            "reject",
            "A forwarded message (message/rfc822, inline) carries the shop's sale newsletter (CNT004).",
        ),
        (
            "forwarded_rfc822_carrier_note_compliant_en",
            "Delivery attempt",
            EN_CARRIER,
            [],
            "deliver",
            "Compliant: a forwarded carrier note about a missed delivery.",
        ),
    ):
        inner = (
            "From: Parcel Desk <desk@carrier.example>\n"
            f"To: service@shop.example\nSubject: {inner_subject}\nDate: {DATE}\n"
            "MIME-Version: 1.0\n" + text(inner_body)
        )
        eml = head(3, "Your delivery, order", f'multipart/mixed; boundary="{boundary}"', msgid=name)
        eml += "\n" + multipart(
            boundary,
            text(EN_FORWARD_NOTE),
            "Content-Type: message/rfc822\nContent-Disposition: inline\n\n" + inner,
        )
        write(name, eml, codes, action, note)


DE_WARRANTY_NOTE = """Guten Tag,

anbei die Garantiebedingungen des Herstellers zu Ihrer Bestellung 302-8100005-8851467, wie besprochen.

Mit freundlichen Grüßen
Jana Körber"""

DE_WARRANTY_FILE = """Garantiebedingungen Emaille-Bräter
Die Herstellergarantie beträgt 10 Jahre ab Kaufdatum. Bitte bewahren Sie den Kaufbeleg auf."""


def attachment_stays() -> None:
    boundary = "att-stays-3b58"
    name = "text_attachment_stays_attachment_compliant_de"
    eml = head(4, "Garantie zu Ihrer Bestellung", f'multipart/mixed; boundary="{boundary}"', msgid=name)
    eml += "\n" + multipart(
        boundary,
        text(DE_WARRANTY_NOTE),
        text(
            DE_WARRANTY_FILE,
            extra='Content-Disposition: attachment; filename="Garantiebedingungen.txt"\n',
        ),
    )
    write(
        name,
        eml,
        [],
        "deliver",
        "Compliant: a text/plain part with Content-Disposition: attachment stays an attachment (ATT rules), not a second body.",
    )


def orders() -> None:
    fixture_kit.write_orders(HERE, ORDERS)


if __name__ == "__main__":
    mixed_inline()
    second_alternative()
    after_attachment()
    forwarded()
    attachment_stays()
    orders()
