"""The fixed message mix: compliant seller replies, so every one is forwarded.

Each message carries a Message-ID placeholder of fixed length; `Template.render(n)` gives a
unique Message-ID per send (the relay's ledger would otherwise answer a repeat as a duplicate
without forwarding it, which is not what we want to measure).
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage

SELLER = "support@shop.example"
BUYER = "a1b2c3d4e5@marketplace.amazon.de"
ORDER_ID = "302-1234567-1234567"
ORDERS_CSV = (
    "order_id,buyer_email,purchase_date,marketplace,status,ship_date,"
    "earliest_delivery_date,latest_delivery_date,delivery_date,buyer_locale\n"
    f"{ORDER_ID},{BUYER},2026-11-10,amazon.de,Delivered,2026-11-12,"
    "2026-11-14,2026-11-18,2026-11-17,de-DE\n"
)
_PLACEHOLDER = b"<bench-000000000000@shop.example>"

_TEXT = (
    "Guten Tag,\n\n"
    f"vielen Dank für Ihre Nachricht zur Bestellung {ORDER_ID}. Das Paket wurde am "
    "Donnerstag an den Zusteller übergeben und sollte laut Sendungsverfolgung morgen bei "
    "Ihnen ankommen. Die Lieferung erfolgt an die Adresse, die Sie bei der Bestellung "
    "angegeben haben.\n\n"
    "Mit freundlichen Grüßen\nIhr Kundenservice\n"
)


@dataclass(frozen=True)
class Template:
    name: str
    raw: bytes

    def render(self, serial: int) -> bytes:
        unique = f"<bench-{serial:012d}@shop.example>".encode()
        assert len(unique) == len(_PLACEHOLDER)
        return self.raw.replace(_PLACEHOLDER, unique, 1)

    @property
    def size(self) -> int:
        return len(self.raw)


def _base(subject: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"Kundenservice <{SELLER}>"
    msg["To"] = BUYER
    msg["Subject"] = subject
    msg["Date"] = "Fri, 20 Nov 2026 12:00:00 +0000"
    msg["Message-ID"] = _PLACEHOLDER.decode()
    msg["In-Reply-To"] = "<buyer-question-1@marketplace.amazon.de>"
    msg["References"] = "<buyer-question-1@marketplace.amazon.de>"
    return msg


def small() -> bytes:
    msg = _base(f"AW: Frage zur Lieferung der Bestellung {ORDER_ID}")
    msg.set_content(_TEXT)
    return msg.as_bytes(policy=policy.SMTP)


def helpdesk_html(target: int = 6 * 1024 + 512) -> bytes:
    """A helpdesk-style (Zendesk/Freshdesk) HTML reply with the buyer's question quoted."""
    msg = _base(f"Re: [#48213] Lieferung Bestellung {ORDER_ID}")
    msg["X-Mailer"] = "Zendesk Mailer"
    paragraphs = [p for p in _TEXT.split("\n\n") if p.strip()]
    own = "".join(
        f'<p style="margin:0 0 12px 0">{p.replace(chr(10), "<br>")}</p>' for p in paragraphs
    )
    quoted_lines = (
        "Hallo, ich habe am 10. November bestellt und das Paket ist noch nicht da. "
        "Können Sie mir sagen, wann es ankommt? Vielen Dank. "
    )
    html_parts = [
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=utf-8"><style type="text/css">'
        "table td{border-collapse:collapse}.zd-comment p{margin:0}</style></head>"
        '<body style="width:100%!important;margin:0;padding:0">'
        '<div style="padding:10px">'
        '<div class="zd-comment" dir="auto">',
        own,
        "</div>",
        '<table width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
        '<td style="padding:15px 0;border-top:1px dotted #c5c5c5"></td></tr></table>',
    ]
    body = "".join(html_parts)
    quote = ""
    while len(body) + len(quote) < target - 600:
        quote += f"<p>{quoted_lines}</p>"
    html = (
        body + '<div class="gmail_quote"><div>Am 19.11.2026 schrieb Käufer '
        "&lt;a1b2c3d4e5@marketplace.amazon.de&gt;:</div>"
        f'<blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;'
        f'padding-left:1ex">{quote}</blockquote></div></div></body></html>'
    )
    msg.set_content(_TEXT)
    msg.add_alternative(html, subtype="html")
    return msg.as_bytes(policy=policy.SMTP)


def pdf_bytes(size: int, seed: int = 1) -> bytes:
    """A well-formed PDF of about `size` bytes: one text page plus an incompressible stream."""
    rng = random.Random(seed)
    filler = zlib.compress(rng.randbytes(size), 0)[: max(0, size - 1200)]
    content = b"BT /F1 12 Tf 72 720 Td (Rechnung zur Bestellung " + ORDER_ID.encode() + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(filler) + filler + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def with_pdf(size: int) -> bytes:
    msg = _base(f"AW: Rechnung zur Bestellung {ORDER_ID}")
    msg.set_content(
        _TEXT.replace(
            "Mit freundlichen", "Anbei finden Sie die Rechnung als PDF.\n\nMit freundlichen"
        )
    )
    msg.add_attachment(
        pdf_bytes(size), maintype="application", subtype="pdf", filename="Rechnung-48213.pdf"
    )
    return msg.as_bytes(policy=policy.SMTP)


def mix() -> dict[str, Template]:
    return {
        "small": Template("small", small()),
        "html8k": Template("html8k", helpdesk_html()),
        "pdf1m": Template("pdf1m", with_pdf(1024 * 1024)),
        "pdf10m": Template("pdf10m", with_pdf(10 * 1024 * 1024)),
    }


if __name__ == "__main__":
    import sys
    from pathlib import Path

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bench-messages")
    out.mkdir(exist_ok=True)
    for name, template in mix().items():
        (out / f"{name}.eml").write_bytes(template.render(1))
        print(name, template.size)
