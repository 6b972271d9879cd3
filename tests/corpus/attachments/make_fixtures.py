"""Build the attachment fixtures of the golden corpus (run from the repository root).

    .venv/bin/python tests/corpus/attachments/make_fixtures.py

Everything is generated here, byte for byte reproducible: the PDFs are written by hand (a few
objects, Helvetica, WinAnsi text), the DOCX files come from python-docx with fixed core
properties and ZIP timestamps, PNG and JPEG images are encoded below (a zlib PNG, a baseline
grayscale JPEG of flat 8x8 blocks). The MIME around them imitates the clients sellers use:
Gmail, Outlook, Thunderbird, Apple Mail, Freshdesk and a Japanese ISO-2022-JP mailer.

Each fixture also gets its sidecar (.toml) with the expected action and codes, and its order
goes into orders.csv (order ids `NNN-4xxxxxx-xxxxxxx`, delivered a few days before the corpus
date 2026-11-20).
"""

from __future__ import annotations

import base64
import hashlib
import io
import quopri
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from email.header import Header
from email.utils import encode_rfc2231
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for tests.model.test_extract
SELLER = "support@shop.example"

# ---- files ----------------------------------------------------------------------------------


def pdf(pages: list[list[str]], *, title: str = "", links: tuple[str, ...] = ()) -> bytes:
    """A PDF as office software writes it: catalog, page tree, font, pages, info, xref."""
    objects: list[bytes] = []
    first_page = 5
    page_ids = [first_page + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R /Lang (de) >>")
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"
    )
    for index, lines in enumerate(pages):
        annots = ""
        if links and index == 0:
            annots = (
                " /Annots ["
                + " ".join(
                    f"<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect [50 60 300 75] "
                    f"/A << /S /URI /URI ({u}) >> >>"
                    for u in links
                )
                + "]"
            )
        objects.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] "
                "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                f"/Contents {page_ids[index] + 1} 0 R{annots} >>"
            ).encode()
        )
        ops = [b"BT", b"/F2 14 Tf", b"16 TL", b"56 780 Td"]
        for number, line in enumerate(lines):
            if number == 1:
                ops.append(b"/F1 10 Tf 13 TL")
            escaped = (
                line.encode("cp1252")
                .replace(b"\\", b"\\\\")
                .replace(b"(", b"\\(")
                .replace(b")", b"\\)")
            )
            ops.append(b"(" + escaped + b") Tj T*")
        ops.append(b"ET")
        stream = zlib.compress(b"\n".join(ops), 9)
        objects.append(
            f"<< /Length {len(stream)} /Filter /FlateDecode >>".encode()
            + b"\nstream\n"
            + stream
            + b"\nendstream"
        )
    info = (
        f"<< /Title ({title}) /Producer (Fakturama 2.1.3) /Creator (Writer) "
        "/CreationDate (D:20261119101500+01'00') >>"
    ).encode("cp1252")
    objects.append(info)
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    digest = hashlib.md5(bytes(out)).hexdigest()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R "
        f"/ID [<{digest}> <{digest}>] >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def docx_file(paragraphs: list[str], *, heading: str = "", footer: str = "") -> bytes:
    """A DOCX from python-docx, made reproducible (fixed core properties and ZIP dates)."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.author = "Kundenservice"
    props.last_modified_by = "Kundenservice"
    props.created = datetime(2026, 11, 19, 9, 0, 0)
    props.modified = datetime(2026, 11, 19, 9, 30, 0)
    props.revision = 2
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 19, 9, 30, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
        for name, payload in (extra or {}).items():
            fixed = zipfile.ZipInfo(name, date_time=(2026, 11, 19, 9, 30, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, payload)
    return out.getvalue()


def docm_file(paragraphs: list[str]) -> bytes:
    """A macro-enabled Word document: the DOCX with a VBA project and the macro content type."""
    base = docx_file(paragraphs)
    out = io.BytesIO()
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "_VBA_PROJECT".encode("utf-16-le")
    with zipfile.ZipFile(io.BytesIO(base)) as src:
        parts = {info.filename: src.read(info) for info in src.infolist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, payload in [*parts.items(), ("word/vbaProject.bin", ole)]:
            dst.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 19, 9, 30, 0)), payload)
    return out.getvalue()


def doc_file(lines: list[str]) -> bytes:
    """A Word 97-2003 .doc (compound file, FIB, piece table), as tests/model/test_extract.py
    makes."""
    from tests.model.test_extract import make_doc

    return make_doc("\r".join(lines) + "\r")


def zip_file(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, payload in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 11, 18, 17, 2, 0)), payload)
    return out.getvalue()


def xlsx_file() -> bytes:
    return zip_file(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/content-types"/>',
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b"<worksheet/>",
        }
    )


def exe_file() -> bytes:
    """The first bytes of a Windows program (an MZ stub pointing at a PE header)."""
    header = bytearray(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00")
    header += b"\xb8" + b"\x00" * 47
    header[0x3C:0x40] = struct.pack("<I", 0x80)
    stub = b"\x0e\x1f\xba\x0e\x00\xb4\t\xcd!\xb8\x01L\xcd!"
    stub += b"This program cannot be run in DOS mode.\r\r\n$"
    body = bytes(header) + stub
    body += b"\x00" * (0x80 - len(body))
    body += b"PE\x00\x00\x4c\x01\x03\x00" + b"\x00" * 16 + b"\x0b\x01" + b"\x00" * 400
    return body


def png_file(width: int, height: int, seed: int) -> bytes:
    """A real PNG: an RGB gradient."""
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows += bytes(((x * 9 + seed) % 256, (y * 7 + seed * 3) % 256, (x + y + seed) % 256))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def jpeg_file(width: int, height: int, seed: int) -> bytes:
    """A real baseline JPEG (grayscale): each 8x8 block one flat tone, DC coefficients only."""
    dc_bits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    dc_vals = list(range(12))
    codes: dict[int, tuple[int, int]] = {}
    code = 0
    k = 0
    for length, count in enumerate(dc_bits, start=1):
        for _ in range(count):
            codes[dc_vals[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    bits: list[int] = []

    def put(value: int, length: int) -> None:
        bits.extend((value >> (length - 1 - i)) & 1 for i in range(length))

    previous = 0
    for by in range((height + 7) // 8):
        for bx in range((width + 7) // 8):
            tone = (bx * 23 + by * 41 + seed * 13) % 200 + 28
            dc = (tone - 128) * 8 // 16  # level shift, DCT DC gain 8, quantizer 16
            diff = dc - previous
            previous = dc
            size = abs(diff).bit_length()
            put(*codes[size])
            if size:
                put(diff if diff > 0 else diff + (1 << size) - 1, size)
            put(0, 1)  # end of block (the only AC symbol, code "0")
    bits.extend([1] * (-len(bits) % 8))
    scan = bytearray()
    for i in range(0, len(bits), 8):
        byte = int("".join(map(str, bits[i : i + 8])), 2)
        scan.append(byte)
        if byte == 0xFF:
            scan.append(0)

    def segment(marker: int, data: bytes) -> bytes:
        return struct.pack(">HH", 0xFF00 | marker, len(data) + 2) + data

    return (
        b"\xff\xd8"
        + segment(0xE0, b"JFIF\x00\x01\x01\x01\x00H\x00H\x00\x00")
        + segment(0xDB, b"\x00" + bytes([16] * 64))
        + segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
        + segment(0xC4, b"\x00" + bytes(dc_bits) + bytes(dc_vals))
        + segment(0xC4, b"\x10" + bytes([1] + [0] * 15) + b"\x00")
        + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
        + bytes(scan)
        + b"\xff\xd9"
    )


# ---- MIME -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class File:
    name: str
    mime: str
    data: bytes
    disposition: str = "attachment"
    content_id: str = ""


@dataclass(frozen=True)
class Market:
    domain: str  # amazon.de
    locale: str
    prefix: str  # order id prefix


MARKETS = {
    "de": Market("amazon.de", "de-DE", "302"),
    "en": Market("amazon.co.uk", "en-GB", "204"),
    "fr": Market("amazon.fr", "fr-FR", "405"),
    "it": Market("amazon.it", "it-IT", "403"),
    "es": Market("amazon.es", "es-ES", "406"),
    "ja": Market("amazon.co.jp", "ja-JP", "503"),
    "pl": Market("amazon.pl", "pl-PL", "407"),
    "tr": Market("amazon.com.tr", "tr-TR", "408"),
}


@dataclass
class Fixture:
    name: str
    lang: str
    client: str  # gmail | outlook | thunderbird | apple | freshdesk | iso2022jp
    subject: str
    text: str  # the seller's text; {order} is replaced by the order id
    files: Callable[[str], list[File]]  # the order id -> the attached files
    action: str
    codes: list[str]
    note: str
    quoted: str = ""  # the buyer's message quoted under a reply ("" = proactive)
    html: bool = True
    number: int = 0
    order: str = ""
    alias: str = ""


def _b64(data: bytes) -> str:
    text = base64.b64encode(data).decode()
    return "\n".join(text[i : i + 76] for i in range(0, len(text), 76))


def _qp(text: str, charset: str = "utf-8") -> str:
    return (
        quopri.encodestring(text.replace("\n", "\r\n").encode(charset))
        .decode()
        .replace("\r\n", "\n")
        .replace("=0D\n", "\n")
    )


def _subject(text: str, charset: str = "utf-8") -> str:
    try:
        text.encode("ascii")
    except UnicodeEncodeError:
        return Header(text, charset).encode(maxlinelen=76)
    return text


def _filename_params(name: str, client: str) -> tuple[str, str]:
    """(Content-Type name param, Content-Disposition filename param) as the client writes them."""
    try:
        name.encode("ascii")
    except UnicodeEncodeError:
        if client in ("thunderbird", "apple"):
            value = encode_rfc2231(name, "utf-8")
            return f"name*={value}", f"filename*={value}"
        charset = "iso-2022-jp" if client == "iso2022jp" else "utf-8"
        encoded = Header(name, charset).encode()
        return f'name="{encoded}"', f'filename="{encoded}"'
    return f'name="{name}"', f'filename="{name}"'


def _html(text: str, quoted_html: str = "") -> str:
    paragraphs = "<div><br></div>".join(
        f"<div>{p.replace(chr(10), '<br>')}</div>" for p in text.split("\n\n")
    )
    return f'<div dir="ltr">{paragraphs}</div>{quoted_html}'


def _attachment_part(file: File, client: str, index: int) -> str:
    ctype, cdisp = _filename_params(file.name, client)
    lines = [f"Content-Type: {file.mime}; {ctype}"]
    disposition = "inline" if client == "apple" else file.disposition
    if client == "outlook":
        lines.append(f"Content-Description: {file.name}")
        lines.append(
            f"Content-Disposition: {disposition}; {cdisp}; size={len(file.data)};\n"
            '\tcreation-date="Thu, 19 Nov 2026 09:31:02 GMT";\n'
            '\tmodification-date="Thu, 19 Nov 2026 09:31:02 GMT"'
        )
    else:
        lines.append(f"Content-Disposition: {disposition}; {cdisp}")
    lines.append("Content-Transfer-Encoding: base64")
    if file.content_id:
        lines.append(f"Content-ID: <{file.content_id}>")
    elif client == "gmail":
        lines.append(f"Content-ID: <f_mh{index}k2x{index}0>")
        lines.append(f"X-Attachment-Id: f_mh{index}k2x{index}0")
    return "\n".join(lines) + "\n\n" + _b64(file.data) + "\n"


def _multipart(boundary: str, subtype: str, parts: list[str]) -> tuple[str, str]:
    header = f'multipart/{subtype}; boundary="{boundary}"'
    body = "".join(f"--{boundary}\n{p}\n" for p in parts) + f"--{boundary}--\n"
    return header, body


def build(fx: Fixture) -> bytes:
    market = MARKETS[fx.lang]
    text = fx.text.replace("{order}", fx.order)
    subject = fx.subject.replace("{order}", fx.order)
    tag = hashlib.sha1(fx.name.encode()).hexdigest()
    reply = bool(fx.quoted)
    buyer_msgid = f"<0102019a{tag[:12]}-{tag[12:20]}@marketplace.{market.domain}>"
    day = 18 + fx.number % 3
    weekday = ["Wed", "Thu", "Fri"][fx.number % 3]
    clock = f"{8 + fx.number % 4:02d}:{(fx.number * 7) % 60:02d}:12"
    date = f"{weekday}, {day} Nov 2026 {clock} +0100"
    charset = "iso-2022-jp" if fx.client == "iso2022jp" else "utf-8"
    if fx.client == "outlook" and fx.lang in ("de", "fr", "it", "es"):
        charset = "windows-1252"

    quoted_plain = ""
    quoted_html = ""
    if reply:
        who = f"Amazon Marketplace <{fx.alias}>"
        intro = {
            "de": f"Am Mi., 18. Nov. 2026 um 21:14 Uhr schrieb {who}:",
            "en": f"On Wed, 18 Nov 2026 at 21:14, {who} wrote:",
            "fr": f"Le mer. 18 nov. 2026 à 21:14, {who} a écrit :",
            "it": f"Il giorno mer 18 nov 2026 alle ore 21:14 {who} ha scritto:",
            "es": f"El mié, 18 nov 2026 a las 21:14, {who} escribió:",
            "ja": f"2026年11月18日(水) 21:14 {who}:",
        }[fx.lang]
        body = "\n".join(f"> {line}" if line else ">" for line in fx.quoted.splitlines())
        quoted_plain = f"\n\n{intro}\n{body}\n"
        quoted_html = (
            f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{intro}<br></div>'
            '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px '
            'solid rgb(204,204,204);padding-left:1ex">'
            + fx.quoted.replace("\n", "<br>")
            + "</blockquote></div>"
        )

    plain = text + quoted_plain
    if charset == "iso-2022-jp":
        plain_part = (
            'Content-Type: text/plain; charset="ISO-2022-JP"\nContent-Transfer-Encoding: 7bit\n\n'
            + plain.encode("iso-2022-jp").decode("ascii")
            + "\n"
        )
    else:
        flowed = "; format=flowed" if fx.client == "thunderbird" else ""
        plain_part = (
            f'Content-Type: text/plain; charset="{charset}"{flowed}\n'
            f"Content-Transfer-Encoding: quoted-printable\n\n{_qp(plain, charset)}\n"
        )
    boundaries = [f"000000000000{tag[:4]}{tag[4:16]}", f"000000000000{tag[16:20]}{tag[20:32]}"]
    if fx.client == "outlook":
        boundaries = [f"_004_{tag[:24]}_", f"_000_{tag[:24]}_"]
    elif fx.client == "freshdesk":
        boundaries = [
            f"--==_mimepart_{tag[:13]}_{fx.number:04d}",
            f"--==_mimepart_{tag[13:26]}_alt",
        ]
    elif fx.client == "apple":
        boundaries = [f"Apple-Mail={tag[:8].upper()}-{tag[8:12].upper()}", "unused"]
    elif fx.client == "thunderbird":
        boundaries = [f"------------{tag[:24]}", f"------------{tag[24:40]}"]

    attached = fx.files(fx.order)
    inline_files = [f for f in attached if f.content_id]
    files = [f for f in attached if not f.content_id]
    parts: list[str] = []
    if fx.client == "apple":
        # Apple Mail: text, the files (inline disposition), then the signature as a new part
        body, _, signature = plain_part.rpartition("\n\n")
        parts.append(plain_part)
        for index, file in enumerate(files):
            parts.append(_attachment_part(file, fx.client, index))
        parts.append(
            'Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 7bit\n\n\n'
        )
        del body, signature
    else:
        if fx.html and fx.client != "iso2022jp":
            logos = "".join(
                f'<div><img src="cid:{f.content_id}" alt="Werkstatt Lindner" width="120" '
                'height="40"></div>'
                for f in inline_files
            )
            html_body = _html(text, logos + quoted_html)
            html_charset = "utf-8" if charset == "iso-2022-jp" else charset
            html_part = (
                f'Content-Type: text/html; charset="{html_charset}"\n'
                f"Content-Transfer-Encoding: quoted-printable\n\n{_qp(html_body, html_charset)}\n"
            )
            if inline_files:
                related = [html_part] + [
                    _attachment_part(f, fx.client, i) for i, f in enumerate(inline_files)
                ]
                rel_header, rel_body = _multipart(boundaries[1] + "r", "related", related)
                html_part = f"Content-Type: {rel_header}\n\n{rel_body}"
            alt_header, alt_body = _multipart(boundaries[1], "alternative", [plain_part, html_part])
            parts.append(f"Content-Type: {alt_header}\n\n{alt_body}")
        else:
            parts.append(plain_part)
        for index, file in enumerate(files):
            parts.append(_attachment_part(file, fx.client, index))
    top_header, top_body = _multipart(boundaries[0], "mixed", parts)

    headers = [f"Date: {date}"]
    if fx.client == "outlook":
        headers += [
            f"From: Kundenservice Lindner <{SELLER}>",
            f'To: "{fx.alias}" <{fx.alias}>',
            f"Subject: {_subject(subject, charset)}",
            f"Thread-Topic: {_subject(subject, charset)}",
            f"Thread-Index: AQHZ{tag[:20]}==",
            f"Message-ID: <AM0PR07MB{tag[:10].upper()}@AM0PR07MB6322.eurprd07.prod.outlook.com>",
            f"Content-Language: {market.locale}",
            "X-MS-Has-Attach: yes",
            "X-MS-TNEF-Correlator:",
        ]
    elif fx.client == "thunderbird":
        headers += [
            f"Message-ID: <{tag[:8]}-{tag[8:12]}-{tag[12:16]}-{tag[16:28]}@shop.example>",
            "User-Agent: Mozilla Thunderbird",
            f"Content-Language: {market.locale}",
            f"To: {fx.alias}",
            f"From: Kundenservice <{SELLER}>",
            f"Subject: {_subject(subject, charset)}",
        ]
    elif fx.client == "apple":
        headers += [
            f"From: Shop Support <{SELLER}>",
            f"Subject: {_subject(subject, charset)}",
            f"Message-Id: <{tag[:8].upper()}-{tag[8:12].upper()}-{tag[12:16].upper()}"
            "@shop.example>",
            f"To: {fx.alias}",
            "X-Mailer: Apple Mail (2.3774.600.62)",
        ]
    elif fx.client == "freshdesk":
        headers += [
            f"From: Shop Support <{SELLER}>",
            f"To: {fx.alias}",
            f"Message-ID: <{tag[:24]}.{fx.number}@shopsupport.freshdesk.com>",
            f"Subject: {_subject(subject, charset)}",
            "X-FD-Email: true",
        ]
    elif fx.client == "iso2022jp":
        headers += [
            f"From: {Header('ショップサポート', 'iso-2022-jp').encode()} <{SELLER}>",
            f"To: {fx.alias}",
            f"Subject: {_subject(subject, 'iso-2022-jp')}",
            f"Message-Id: <{tag[:16]}@shop.example>",
            "X-Mailer: Becky! ver. 2.81.07",
        ]
    else:
        headers += [
            f"Message-ID: <CAF{tag[:20]}{fx.number:03d}x@mail.gmail.com>",
            f"Subject: {_subject(subject, charset)}",
            f"From: Shop Support <{SELLER}>",
            f"To: {fx.alias}",
        ]
    if reply:
        headers += [f"In-Reply-To: {buyer_msgid}", f"References: {buyer_msgid}"]
    headers += ["MIME-Version: 1.0", f"Content-Type: {top_header}"]
    message = "\n".join(headers) + "\n\n" + top_body
    return message.replace("\n", "\r\n").encode("ascii")


# ---- the fixtures ---------------------------------------------------------------------------

INVOICE_DE = [
    "Rechnung",
    "Werkstatt Lindner GmbH, Hauptstraße 12, 33602 Bielefeld",
    "Rechnungsnummer: RE-2026-11873",
    "Rechnungsdatum: 17.11.2026",
    "Bestellnummer: {order}",
    "",
    "Pos.  Artikel                                Menge   Preis",
    "1     Schreibtischlampe Messing, LED          1      64,90 EUR",
    "2     Versand                                 1       0,00 EUR",
    "",
    "Gesamtbetrag: 64,90 EUR (enthält 19 % MwSt.: 10,36 EUR)",
    "Zahlungsart: Amazon Pay. Der Betrag ist bereits beglichen.",
]


def _pages(lines: list[str], order: str) -> list[list[str]]:
    return [[line.replace("{order}", order) for line in lines]]


RETURN_LABEL_EN = [
    "Returns label - DPD Return",
    "From: R. Patel, 14 Mill Lane, Leeds LS6 2AB",
    "To: Returns Department, Lindner Workshop Ltd, Unit 4, Ringway Trading Estate,",
    "Manchester M22 5LH",
    "Return reference: RMA-4471",
    "Order: {order}",
    "Print this label and attach it to the parcel.",
    "Drop the parcel at any DPD Pickup shop. Postage is prepaid.",
]
WARRANTY_FR = [
    "Certificat de garantie",
    "Produit : Machine à café expresso EC-200",
    "Numéro de série : EC200-7731-F",
    "Date d'achat : 10/11/2026",
    "Commande : {order}",
    "Durée de la garantie : 3 ans à compter de la date d'achat.",
    "La garantie couvre les défauts de fabrication et de matériel.",
    "Elle ne couvre pas l'usure normale, le calcaire ni une utilisation non conforme.",
]
FACTURA_ES = [
    "Factura",
    "Taller Lindner S.L., Calle Mayor 21, 28013 Madrid",
    "Número de factura: F-2026-0932",
    "Fecha: 17/11/2026",
    "Pedido: {order}",
    "Cliente: Construcciones García S.L.",
    "1 x Taladro percutor 18 V                 89,00 EUR",
    "Base imponible: 73,55 EUR   IVA 21 %: 15,45 EUR",
    "Total: 89,00 EUR (IVA incluido). Pagado con Amazon Pay.",
]
INVOICE_CORRECTED_DE = [
    "Rechnungskorrektur",
    "Werkstatt Lindner GmbH, Hauptstraße 12, 33602 Bielefeld",
    "Rechnungsnummer: RE-2026-11901 (ersetzt RE-2026-11874)",
    "Rechnungsdatum: 19.11.2026",
    "Bestellnummer: {order}",
    "Rechnungsempfänger: Wagner Haustechnik, USt-IdNr. DE298765431",
    "1 x Werkbank Buche, 120 cm       249,00 EUR",
    "Gesamtbetrag: 249,00 EUR (enthält 19 % MwSt.: 39,76 EUR)",
]
WITHDRAWAL_FR = [
    "Formulaire de rétractation",
    "(à compléter et à renvoyer uniquement si vous souhaitez vous rétracter du contrat)",
    "À l'attention de : Atelier Lindner, Hauptstraße 12, 33602 Bielefeld, Allemagne",
    "Je vous notifie par la présente ma rétractation du contrat portant sur la vente",
    "du bien ci-dessous :",
    "Commande : {order}",
    "Commandé le : 10/11/2026      Reçu le : 16/11/2026",
    "Nom du consommateur : ____________________",
    "Signature : ____________________   Date : __________",
]
INVOICE_EN = [
    "Invoice",
    "Lindner Workshop Ltd, Unit 4, Ringway Trading Estate, Manchester M22 5LH",
    "Invoice number: INV-2026-5521",
    "Invoice date: 17 November 2026",
    "Order: {order}",
    "1 x Walnut desk organiser, dark finish       £42.00",
    "Total: £42.00 (including VAT £7.00)",
    "Paid with Amazon Pay.",
]
FACTURE_FR_DOC = [
    "Facture",
    "Atelier Lindner, Hauptstraße 12, 33602 Bielefeld, Allemagne",
    "Facture n° F-2026-0771 du 17/11/2026",
    "Commande : {order}",
    "1 x Lampe de bureau en laiton, LED      64,90 EUR",
    "Total TTC : 64,90 EUR, dont TVA 20 % : 10,82 EUR",
    "Questions sur cette facture : compta@atelier-lindner.fr",
]
INVOICE_DE_LETTERHEAD = [
    "Werkstatt Lindner GmbH",
    "Hauptstraße 12, 33602 Bielefeld",
    "Tel. +49 521 9876543 - rechnung@werkstatt-lindner.de",
    "USt-IdNr. DE298765432",
    "Rechnung RE-2026-11990 vom 18.11.2026",
    "Bestellnummer: {order}",
    "Pos.  Artikel                                Menge   Preis",
    "1     Tischleuchte Eiche, LED                 1      79,90 EUR",
    "2     Versand                                 1       0,00 EUR",
    "Gesamtbetrag: 79,90 EUR (enthält 19 % MwSt.: 12,76 EUR)",
    "Zahlungsart: Amazon Pay. Der Betrag ist bereits beglichen.",
    "Werkstatt Lindner GmbH - Geschäftsführer: J. Lindner - Amtsgericht Bielefeld HRB 41234",
    "Bankverbindung: Sparkasse Bielefeld, IBAN DE12 4805 0161 0000 1234 56",
]
INVOICE_EN_MARKETING_FOOTER = [
    "Invoice",
    "Lindner Workshop Ltd, Unit 4, Ringway Trading Estate, Manchester M22 5LH",
    "Invoice number: INV-2026-5690",
    "Invoice date: 18 November 2026",
    "Order: {order}",
    "1 x Oak bookend pair                       £36.00",
    "Total: £36.00 (including VAT £6.00)",
    "Paid with Amazon Pay.",
    "Shop our full range at www.lindner-workshop.co.uk",
    "Happy with your bookends? Please leave us a 5-star review on Amazon!",
]
FAKTURA_PL = [
    "Sprzedawca: Warsztat Lindner Sp. z o.o., ul. Prosta 20, 00-850 Warszawa",
    "Faktura nr FV/2026/11/0457 z dnia 18.11.2026",
    "Zamówienie: {order}",
    "1 x Lampa biurkowa, mosiądz, LED       289,00 PLN",
    "Razem brutto: 289,00 PLN (w tym VAT 23 %: 54,04 PLN)",
    "Zapłacono przez Amazon.",
]
FATURA_TR = [
    "Satıcı: Lindner Atölyesi Ltd. Şti., Bağdat Cad. 100, 34728 İstanbul",
    "Fatura no: TR-2026-0931, tarih: 18.11.2026",
    "Sipariş: {order}",
    "1 x Masa lambası, pirinç, LED       1.249,00 TL",
    "Toplam: 1.249,00 TL (KDV %20 dahil)",
]
RETURN_LABEL_IT = [
    "Etichetta di reso - BRT Reso prepagato",
    "Mittente: Giorgio Ferri, Via Garibaldi 8, 40121 Bologna",
    "Destinatario: Laboratorio Lindner S.r.l., Via Roma 14, 20121 Milano",
    "Riferimento reso: RES-2291",
    "Ordine: {order}",
    "Stampare l'etichetta e applicarla sul pacco.",
    "Consegnare il pacco in un punto BRT fermopoint. La spedizione è già pagata.",
]
INVOICE_JA = [
    "請求書番号：INV-2026-1187",
    "発行日：2026年11月17日",
    "ご注文番号：{order}",
    "電気ケトル KT-100　1点　4,980円（税込）",
    "お支払い：Amazon決済にて支払済み",
]
CATALOGUE_EN = [
    "Lindner Workshop - Autumn Catalogue 2026",
    "Desk lamps ........................ page 2",
    "Chopping boards and serving trays .. page 6",
    "Desk organisers ................... page 9",
    "Brass desk lamp, LED, three colours   £64.90",
    "Oak chopping board, 40 x 30 cm         £29.90",
]
COUPON_DE = [
    "Gutschein über 10 EUR",
    "Als kleine Entschuldigung für die Verzögerung schenken wir Ihnen 10 EUR.",
    "Gutscheincode: SORRY10-LX7Q",
    "Einlösbar bei Ihrer nächsten Bestellung in unserem Amazon Shop bis 31.12.2026.",
]
FATTURA_IT = [
    "Fattura",
    "Laboratorio Lindner S.r.l., Via Roma 14, 20121 Milano",
    "Fattura n. 2026/0418 del 17/11/2026",
    "Ordine: {order}",
    "1 x Deumidificatore DH-12                 179,00 EUR",
    "Imponibile 146,72 EUR   IVA 22 %: 32,28 EUR",
    "Totale: 179,00 EUR. Pagato con Amazon Pay.",
    "Tutti i nostri prodotti su www.negozio-lindner.it",
]
MANUAL_ES = [
    "Manual de usuario - Batidora de vaso BV-600",
    "1. Coloque el vaso sobre la base hasta que encaje.",
    "2. No llene el vaso por encima de la marca de 1,5 litros.",
    "3. Seleccione la velocidad con el mando giratorio.",
    "4. Limpie las cuchillas con agua tibia; no las sumerja.",
]
EBOOK_ES = [
    "E-book gratuito: 30 recetas de batidos",
    "Batido de fresa y plátano",
    "Batido verde de espinacas y manzana",
    "Batido de mango y yogur",
]
ASSEMBLY_DE = [
    "Teil {n} von 6: Aufbauanleitung Hochbeet",
    "Schritt {n}: Die Seitenteile wie abgebildet zusammenstecken.",
    "Alle Schrauben erst handfest anziehen und zum Schluss festziehen.",
]
ADDRESS_FORM_EN = [
    "Dear customer,",
    "our driver could not find your building on 17 November.",
    "Flat or unit number: ______________",
    "Name on the door or intercom: ______________",
    "Preferred place if you are not at home: ______________",
]
REVIEW_FR = [
    "Merci pour votre confiance !",
    "Votre lampe a été fabriquée à la main dans notre atelier.",
    "Si vous êtes satisfait, laissez-nous un avis 5 étoiles sur Amazon.",
    "Cela nous aide énormément.",
]
MANUAL_DE_PHONE = [
    "Aufbauanleitung Schreibtisch Eiche",
    "Schritt 1: Die Tischbeine mit den beiliegenden Schrauben M8 an der Platte befestigen.",
    "Schritt 2: Die Querstrebe einsetzen und alle Schrauben festziehen.",
    "Schritt 3: Die Höhe mit den Stellfüßen ausgleichen.",
    "Bei Fragen zum Aufbau erreichen Sie uns telefonisch unter 0521 98765430.",
]
WARRANTY_DE = [
    "Herstellergarantie der Mahlwerk AG für die Kaffeemühle KM-3",
    "Die Garantie gilt zwei Jahre ab Kaufdatum und umfasst Material- und Verarbeitungsfehler.",
    "Im Garantiefall erreichen Sie die Garantie-Hotline des Herstellers unter 0800 5566778.",
    "Bitte halten Sie dazu die Seriennummer und den Kaufbeleg bereit.",
]
CARE_EN = (
    "Care instructions - oak chopping board\r\n\r\n"
    "1. Wash by hand with warm water and a little washing-up liquid.\r\n"
    "2. Never put the board in the dishwasher or leave it soaking.\r\n"
    "3. Dry it standing upright.\r\n"
    "4. Oil the board once a month with food-safe mineral oil.\r\n"
)
MANUAL_IT = [
    "Deumidificatore DH-12",
    "1. Posizionare l'apparecchio su una superficie piana, ad almeno 20 cm dalla parete.",
    "2. Premere il tasto di accensione e scegliere l'umidità desiderata.",
    "3. Capitolo 4 - Sbrinamento automatico: sotto i 5 gradi l'apparecchio si ferma da solo.",
    "4. Codice E1 sul display: serbatoio pieno. Svuotare il serbatoio e rimontarlo.",
]
MANUAL_JA = [
    "電気ケトル KT-100",
    "1. 本体に水を入れ、電源台に置きます。",
    "2. 温度ボタンで六十度から百度まで設定できます。",
    "3. 沸騰すると自動的に電源が切れます。",
]


def _pdfs(name: str, lines: list[str], title: str) -> Callable[[str], list[File]]:
    return lambda o: [
        File(name.format(order=o), "application/pdf", pdf(_pages(lines, o), title=title))
    ]


def _encrypted(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.add_metadata({"/Producer": "Fakturama 2.1.3"})
    # pypdf draws the file identifier (which keys RC4) at random: fix it for reproducible bytes
    fixed = ByteStringObject(hashlib.md5(data).digest())
    writer._ID = ArrayObject((fixed, fixed))
    writer.generate_file_identifiers = lambda: None  # type: ignore[method-assign]
    writer.encrypt(user_password="302474", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


SIG_DE = "Mit freundlichen Grüßen\nIhr Team von Werkstatt Lindner"


def fixtures() -> list[Fixture]:
    """The cases. Order ids and aliases are filled in by number, in list order."""
    return [
        # ---------------------------------------------------------------- compliant
        Fixture(
            "de_invoice_pdf_gmail",
            "de",
            "gmail",
            "Ihre Rechnung zur Bestellung {order}",
            "Guten Tag Frau Becker,\n\nanbei erhalten Sie die Rechnung zu Ihrer Bestellung "
            "{order} als PDF-Datei. Die Zahlung ist bereits eingegangen, Sie müssen also nichts "
            "weiter tun. Die Rechnung können Sie für Ihre Unterlagen speichern oder ausdrucken.\n\n"
            + SIG_DE,
            _pdfs("Rechnung_{order}.pdf", INVOICE_DE, "Rechnung"),
            "deliver",
            [],
            "proactive invoice; the PDF is a clean German invoice",
        ),
        Fixture(
            "en_return_label_reply_freshdesk",
            "en",
            "freshdesk",
            "Re: Kettle lid cracked [{order}]",
            "Hello Mr Patel,\n\nI'm sorry the kettle arrived with a cracked lid. As agreed, please "
            "send it back to us: the prepaid returns label for order {order} is attached. Print "
            "it, stick it on the box and drop the parcel at any DPD Pickup shop. We will refund "
            "the full price as soon as the kettle reaches our warehouse.\n\nKind regards,\nPriya\n"
            "Shop Support",
            _pdfs("return-label-{order}.pdf", RETURN_LABEL_EN, "DPD Return"),
            "deliver",
            [],
            "reply with a prepaid return label PDF (carrier named, no links)",
            quoted="Hello, the lid of the kettle I received is cracked. Can I send it back "
            "for a refund?\nThanks, Raj Patel",
        ),
        Fixture(
            "fr_warranty_card_outlook",
            "fr",
            "outlook",
            "Garantie de votre commande {order}",
            "Bonjour Madame Laurent,\n\nvotre commande {order} comprend une garantie fabricant de "
            "trois ans sur la machine à café. Vous trouverez en pièce jointe le certificat de "
            "garantie au format PDF, avec le numéro de série de votre appareil. Conservez-le avec "
            "votre facture pour toute demande de garantie.\n\nCordialement,\nLe service client",
            _pdfs("Certificat_de_garantie.pdf", WARRANTY_FR, "Certificat de garantie"),
            "deliver",
            [],
            "proactive warranty card, Outlook MIME in windows-1252",
        ),
        Fixture(
            "it_manual_docx_reply_thunderbird",
            "it",
            "thunderbird",
            "Re: Manuale in italiano - ordine {order}",
            "Buongiorno signora Rossi,\n\ncome richiesto, le inviamo in allegato il manuale "
            "d'uso in italiano del deumidificatore del suo ordine {order}. Nel capitolo 4 trova "
            "la spiegazione dello sbrinamento automatico e dei codici che compaiono sul display."
            "\n\nCordiali saluti\nIl servizio clienti",
            lambda o: [
                File(
                    "Manuale_uso_DH-12.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx_file(MANUAL_IT, heading="Manuale d'uso"),
                )
            ],
            "deliver",
            [],
            "reply with an Italian user manual (DOCX) the buyer asked for",
            quoted="Buongiorno, nella confezione c'era solo il manuale in tedesco. Potete "
            "mandarmi quello in italiano?\nGrazie, Giulia Rossi",
        ),
        Fixture(
            "es_invoice_factura_gmail",
            "es",
            "gmail",
            "Factura de su pedido {order}",
            "Hola, Sr. García:\n\nle enviamos adjunta la factura de su pedido {order}, tal como "
            "nos pidió su empresa para la contabilidad. En ella figuran los datos fiscales de su "
            "empresa y el desglose del IVA. El importe ya está pagado, por lo que no tiene que "
            "hacer nada más.\n\nUn saludo,\nEl equipo de atención al cliente",
            _pdfs("Factura_{order}.pdf", FACTURA_ES, "Factura"),
            "deliver",
            [],
            "proactive Spanish invoice (factura) PDF",
        ),
        Fixture(
            "ja_manual_docx_reply_iso2022jp",
            "ja",
            "iso2022jp",
            "Re: 取扱説明書について（注文番号 {order}）",
            "山田様\n\nいつも当店をご利用いただき、誠にありがとうございます。\nご注文 {order} の"
            "電気ケトルにつきまして、ご依頼のありました日本語の取扱説明書を添付いたしました。\n"
            "温度設定の方法は二ページ目に記載しております。お手数ですがご確認ください。\n\n"
            "ショップサポート",
            lambda o: [
                File(
                    "取扱説明書_KT-100.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx_file(MANUAL_JA, heading="取扱説明書"),
                )
            ],
            "deliver",
            [],
            "Japanese reply in ISO-2022-JP, RFC 2047 file name, DOCX manual",
            quoted="日本語の説明書が入っていませんでした。送っていただけますか。\n山田",
        ),
        Fixture(
            "en_photo_reply_gmail",
            "en",
            "gmail",
            "Re: Filter lid does not close - {order}",
            "Hello Ms Wright,\n\nthe attached photo shows where the small grey clip sits under "
            "the filter cover of the jug from order {order}. Push the clip in until it clicks, "
            "then the lid closes again. It often comes loose when the filter is changed for the "
            "first time.\n\nBest regards,\nTom\nShop Support",
            lambda o: [File("IMG_4821.jpg", "image/jpeg", jpeg_file(64, 48, 5))],
            "deliver",
            [],
            "a photo (JPEG) in a reply is fine without a document purpose",
            quoted="Hi, since I changed the filter the lid of the jug does not close any more. "
            "What am I doing wrong?\nHelen Wright",
        ),
        Fixture(
            "de_design_proof_png_outlook",
            "de",
            "outlook",
            "Entwurf Ihrer Gravur - Bestellung {order}",
            "Guten Tag Herr Schneider,\n\nfür Ihre Bestellung {order} haben wir den Entwurf der "
            "Gravur für das Schneidebrett vorbereitet. Bitte prüfen Sie im angehängten Bild "
            "Schreibweise und Anordnung des Textes „Familie Schneider – seit 2006“ und bestätigen "
            "Sie uns den Entwurf mit einer kurzen Antwort auf diese Nachricht. Erst danach "
            "beginnen wir mit der Gravur.\n\n" + SIG_DE,
            lambda o: [File("Entwurf_Gravur_Schneidebrett.png", "image/png", png_file(120, 80, 3))],
            "deliver",
            [],
            "proactive custom-design proof as PNG: purpose from the file name",
        ),
        Fixture(
            "en_care_instructions_utf16_txt_reply_thunderbird",
            "en",
            "thunderbird",
            "Re: Care instructions chopping board {order}",
            "Hello Mrs Evans,\n\nas requested, here are the care instructions for the oak "
            "chopping board from order {order} as a text file. The most important point: oil the "
            "board once a month and never put it in the dishwasher, otherwise the wood can "
            "crack.\n\nKind regards,\nAnna",
            lambda o: [File("care-instructions.txt", "text/plain", CARE_EN.encode("utf-16"))],
            "deliver",
            [],
            "UTF-16 text file (Windows Notepad) with care instructions, in a reply",
            quoted="Hi, could you send me the care instructions for the chopping board? I "
            "lost the paper that came with it.\nThanks, Sue Evans",
        ),
        Fixture(
            "de_corrected_invoice_inline_logo_gmail",
            "de",
            "gmail",
            "Korrigierte Rechnung zu Ihrer Bestellung {order}",
            "Guten Tag Herr Wagner,\n\nin der ersten Rechnung zu Ihrer Bestellung {order} fehlte "
            "die Umsatzsteuer-Identifikationsnummer Ihrer Firma. Anbei erhalten Sie die "
            "korrigierte Rechnung, die die erste ersetzt. Am Betrag ändert sich nichts.\n\n"
            + SIG_DE,
            lambda o: [
                File(
                    "logo.png",
                    "image/png",
                    png_file(120, 40, 9),
                    "inline",
                    "logo-lindner@shop.example",
                ),
                File(
                    f"Rechnungskorrektur_{o}.pdf",
                    "application/pdf",
                    pdf(_pages(INVOICE_CORRECTED_DE, o), title="Rechnungskorrektur"),
                ),
            ],
            "deliver",
            [],
            "HTML with an inline logo (cid, not an attachment) and an invoice PDF",
        ),
        Fixture(
            "fr_withdrawal_form_apple_reply",
            "fr",
            "apple",
            "Re: Retour de la lampe - commande {order}",
            "Bonjour Monsieur Martin,\n\nvous trouverez ci-joint le formulaire de rétractation "
            "pour votre commande {order}. Il suffit de le remplir, de le joindre au colis et de "
            "renvoyer la lampe dans les 30 jours. Le remboursement est effectué dès réception du "
            "retour.\n\nBien cordialement,\nLe service client",
            _pdfs("Formulaire_de_rétractation.pdf", WITHDRAWAL_FR, "Formulaire de rétractation"),
            "deliver",
            [],
            "Apple Mail: plain text, PDF with RFC 2231 file name, then an empty text part",
            quoted="Bonjour, je souhaite retourner la lampe. Comment dois-je procéder ?\n"
            "Cordialement, Paul Martin",
        ),
        Fixture(
            "de_warranty_docx_manufacturer_hotline",
            "de",
            "gmail",
            "Garantiebedingungen zu Ihrer Bestellung {order}",
            "Guten Tag Frau Koch,\n\nzu Ihrer Bestellung {order} senden wir Ihnen die "
            "Garantiebedingungen des Herstellers der Kaffeemühle. Die Garantie gilt zwei Jahre "
            "ab Kaufdatum. Im Garantiefall ist der Hersteller selbst zuständig, die Angaben dazu "
            "finden Sie im Dokument.\n\n" + SIG_DE,
            lambda o: [
                File(
                    "Garantiebedingungen_KM-3.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx_file(WARRANTY_DE, heading="Garantiebedingungen"),
                )
            ],
            "deliver",
            ["ATT005"],
            "manufacturer's warranty hotline inside the DOCX: CTC002 context, a warning only",
        ),
        Fixture(
            "es_return_label_png_reply_gmail",
            "es",
            "gmail",
            "Re: Devolución de la batidora - pedido {order}",
            "Hola, Sra. López:\n\nsentimos que la batidora no funcione bien. Le adjuntamos la "
            "etiqueta de devolución de su pedido {order}: imprímala, péguela en la caja y "
            "entregue el paquete en cualquier oficina de Correos. Le devolveremos el importe "
            "completo en cuanto recibamos la batidora.\n\nUn saludo,\nEl equipo de atención al "
            "cliente",
            lambda o: [File("etiqueta_devolucion.png", "image/png", png_file(160, 100, 21))],
            "deliver",
            [],
            "return label as an image in a reply, purpose from the Spanish name",
            quoted="Hola, la batidora hace un ruido muy fuerte y huele a quemado. Quiero "
            "devolverla.\nMaría López",
        ),
        Fixture(
            "it_return_label_pdf_reply_gmail",
            "it",
            "gmail",
            "Re: Reso della lampada - ordine {order}",
            "Buongiorno signor Ferri,\n\nci dispiace che la lampada non sia della misura "
            "giusta. In allegato trova l'etichetta di reso prepagata per il suo ordine {order}: "
            "la stampi, la applichi sul pacco e lo consegni in un punto BRT. Il rimborso viene "
            "effettuato appena il pacco arriva al nostro magazzino.\n\nCordiali saluti\n"
            "Il servizio clienti",
            _pdfs("etichetta_reso_{order}.pdf", RETURN_LABEL_IT, "Etichetta di reso"),
            "deliver",
            [],
            "Italian prepaid return label PDF in a reply",
            quoted="Buongiorno, la lampada è troppo grande per la mia scrivania. Posso "
            "restituirla?\nGiorgio Ferri",
        ),
        Fixture(
            "ja_invoice_docx_proactive_iso2022jp",
            "ja",
            "iso2022jp",
            "ご注文 {order} の請求書",
            "鈴木様\n\nこの度は当店をご利用いただき、誠にありがとうございます。\n"
            "ご注文 {order} の請求書を添付いたしました。お支払いはAmazonにて完了しておりますので、"
            "お手続きは不要です。経理処理の際にご利用ください。\n\nショップサポート",
            lambda o: [
                File(
                    "請求書.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx_file(
                        [line.replace("{order}", o) for line in INVOICE_JA], heading="請求書"
                    ),
                )
            ],
            "deliver",
            [],
            "Japanese invoice (DOCX, RFC 2047 ISO-2022-JP file name) in a proactive message",
        ),
        # ---------------------------------------------------------------- not compliant
        Fixture(
            "de_renamed_exe_invoice_outlook",
            "de",
            "outlook",
            "Rechnung {order}",
            "Guten Tag Herr Fischer,\n\nanbei erhalten Sie die Rechnung zu Ihrer Bestellung "
            "{order}. Der Betrag wurde bereits über Amazon beglichen, Sie müssen also nichts "
            "weiter tun. Bewahren Sie die Rechnung bitte für Ihre Unterlagen auf.\n\n" + SIG_DE,
            lambda o: [File(f"Rechnung_{o}.pdf", "application/pdf", exe_file())],
            "reject",
            ["ATT001", "ATT002"],
            "a Windows program named Rechnung_….pdf",
        ),
        Fixture(
            "en_invoice_and_catalogue_gmail",
            "en",
            "gmail",
            "Your invoice for order {order}",
            "Hello Mr Hughes,\n\nplease find attached the invoice for your order {order}. The "
            "amount has already been paid through Amazon, so there is nothing more for you to do. "
            "You can keep the invoice for your records or print it out.\n\nBest regards,\n"
            "Lindner Workshop",
            lambda o: [
                File(f"Invoice_{o}.pdf", "application/pdf", pdf(_pages(INVOICE_EN, o))),
                File(
                    "Lindner-Autumn-Catalogue-2026.pdf",
                    "application/pdf",
                    pdf(_pages(CATALOGUE_EN, o), title="Autumn Catalogue"),
                ),
            ],
            "reject",
            ["ATT004"],
            "a clean invoice, plus a catalogue the buyer did not ask for",
        ),
        Fixture(
            "de_delay_with_coupon_pdf_freshdesk",
            "de",
            "freshdesk",
            "Verzögerung bei Ihrer Bestellung {order}",
            "Guten Tag Herr Krüger,\n\nzu Ihrer Bestellung {order} müssen wir Ihnen leider eine "
            "Verzögerung mitteilen: Der Hersteller liefert das Hochbeet erst am 26. November an "
            "unser Lager. Wir versenden es noch am selben Tag.\n\nWir bitten Sie, die Verzögerung "
            "zu entschuldigen.\n\n" + SIG_DE,
            _pdfs("Gutschein_10_Euro.pdf", COUPON_DE, "Gutschein"),
            "reject",
            ["ATT004", "ATT005"],
            "clean delay notice; the attached coupon is refused, and its text is marketing",
        ),
        Fixture(
            "en_photo_proactive_outlook",
            "en",
            "outlook",
            "Please confirm the finish - order {order}",
            "Hello Mr Hughes,\n\nbefore we pack your order {order}, please confirm from the "
            "attached photo that the dark walnut finish is the one you want. The listing photo "
            "shows a lighter wood, and we would rather check than send the wrong one. A short "
            "reply to this message is enough.\n\nBest regards,\nLindner Workshop",
            lambda o: [File("IMG_2231.jpg", "image/jpeg", jpeg_file(80, 56, 11))],
            "hold",
            ["ATT004"],
            "a photo in a proactive message has no clear purpose: held",
        ),
        Fixture(
            "de_assembly_docx_phone_thunderbird",
            "de",
            "thunderbird",
            "Re: Aufbauanleitung Schreibtisch - {order}",
            "Guten Tag Frau Weber,\n\nwie gewünscht senden wir Ihnen die Aufbauanleitung für den "
            "Schreibtisch aus Ihrer Bestellung {order} als Word-Datei. Die Schrauben M8 finden "
            "Sie im kleinen Beutel, der unter der Tischplatte befestigt ist.\n\n" + SIG_DE,
            lambda o: [
                File(
                    "Aufbauanleitung_Schreibtisch.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx_file(MANUAL_DE_PHONE, heading="Aufbauanleitung"),
                )
            ],
            "reject",
            ["ATT005"],
            "the seller's phone number inside a DOCX manual",
            quoted="Hallo, in meinem Paket war keine Aufbauanleitung. Können Sie mir eine "
            "schicken?\nViele Grüße\nLena Weber",
        ),
        Fixture(
            "de_zip_named_docx_gmail",
            "de",
            "gmail",
            "Re: Bedienungsanleitung Kaffeemühle {order}",
            "Guten Tag Herr Braun,\n\nanbei die Bedienungsanleitung der Kaffeemühle aus Ihrer "
            "Bestellung {order}. Den Mahlgrad stellen Sie am Ring unter dem Bohnenbehälter ein, "
            "am besten bei laufendem Gerät.\n\n" + SIG_DE,
            lambda o: [
                File(
                    "Bedienungsanleitung_KM-3.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    zip_file({"Bedienungsanleitung_KM-3.pdf": pdf(_pages(WARRANTY_DE[:1], o))}),
                )
            ],
            "reject",
            ["ATT001", "ATT002"],
            "a ZIP archive named .docx",
            quoted="Guten Tag, wo finde ich die Bedienungsanleitung für die Mühle?\nJ. Braun",
        ),
        Fixture(
            "en_docm_invoice_outlook",
            "en",
            "outlook",
            "Invoice for your order {order}",
            "Hello Ms Clarke,\n\nplease find attached the invoice for your order {order}, as "
            "requested by your accounts department. The amount has already been paid through "
            "Amazon, so there is nothing more for you to do.\n\nBest regards,\nLindner Workshop",
            lambda o: [
                File(
                    f"Invoice_{o}.docm",
                    "application/vnd.ms-word.document.macroEnabled.12",
                    docm_file([line.format(order=o) for line in INVOICE_EN]),
                )
            ],
            "reject",
            ["ATT001"],
            "a macro-enabled Word document (.docm), even for an invoice",
        ),
        Fixture(
            "it_invoice_with_shop_link_gmail",
            "it",
            "gmail",
            "Fattura del suo ordine {order}",
            "Buongiorno signor Bianchi,\n\nin allegato trova la fattura del suo ordine {order}, "
            "come richiesto per la sua partita IVA. L'importo è già stato pagato tramite Amazon, "
            "quindi non deve fare nient'altro. Conservi la fattura per la sua contabilità.\n\n"
            "Cordiali saluti\nIl servizio clienti",
            _pdfs("Fattura_{order}.pdf", FATTURA_IT, "Fattura"),
            "reject",
            ["ATT005"],
            "the invoice PDF carries the shop's own web address",
        ),
        Fixture(
            "es_manual_and_ebook_reply_freshdesk",
            "es",
            "freshdesk",
            "Re: Manual de la batidora [{order}]",
            "Hola, Sr. Torres:\n\nle adjuntamos el manual de usuario de la batidora de su pedido "
            "{order}. En el punto 2 verá que el vaso no se debe llenar por encima de la marca de "
            "1,5 litros; por eso se salía el líquido por la tapa.\n\nUn saludo,\nEl equipo de "
            "atención al cliente",
            lambda o: [
                File("manual_de_usuario_BV-600.pdf", "application/pdf", pdf(_pages(MANUAL_ES, o))),
                File("ebook-recetas-batidos.pdf", "application/pdf", pdf(_pages(EBOOK_ES, o))),
            ],
            "reject",
            ["ATT004"],
            "a manual the buyer asked for, plus an e-book",
            quoted="Hola, cuando uso la batidora se sale el líquido por la tapa. ¿Qué hago "
            "mal?\nCarlos Torres",
        ),
        Fixture(
            "de_six_manual_parts_gmail",
            "de",
            "gmail",
            "Re: Aufbauanleitung Hochbeet {order}",
            "Guten Tag Herr Schulz,\n\nwie besprochen erhalten Sie die Aufbauanleitung für das "
            "Hochbeet aus Ihrer Bestellung {order}. Wegen der Größe haben wir sie in sechs Teile "
            "aufgeteilt, jeweils ein Teil pro Aufbauschritt.\n\n" + SIG_DE,
            lambda o: [
                File(
                    f"Aufbauanleitung_Teil_{n}.pdf",
                    "application/pdf",
                    pdf([[line.replace("{n}", str(n)) for line in ASSEMBLY_DE]]),
                )
                for n in range(1, 7)
            ],
            "reject",
            ["ATT003"],
            "six attachments, at most five allowed",
            quoted="Hallo, die Anleitung im Karton ist unleserlich. Haben Sie sie als PDF?\n"
            "Gruß, Martin Schulz",
        ),
        Fixture(
            "en_unclear_pdf_proactive_gmail",
            "en",
            "gmail",
            "Delivery address for order {order}",
            "Hello Ms Green,\n\nour driver could not find your building when delivering order "
            "{order}. Please fill in the attached form with your flat number and a safe place "
            "for the parcel, and send it back as a reply to this message, so that the second "
            "delivery attempt works.\n\nBest regards,\nLindner Workshop",
            _pdfs("document.pdf", ADDRESS_FORM_EN, ""),
            "hold",
            ["ATT004"],
            "a PDF whose name and text say nothing of its purpose: held",
        ),
        Fixture(
            "fr_review_request_with_pdf_gmail",
            "fr",
            "gmail",
            "Votre avis sur la lampe - commande {order}",
            "Bonjour Madame Dubois,\n\nnous espérons que la lampe de votre commande {order} vous "
            "plaît et éclaire bien votre bureau. Si vous le souhaitez, vous pouvez laisser un "
            "avis sur Amazon pour "
            "partager votre expérience avec d'autres clients. Un petit mot de notre atelier est "
            "joint à ce message.\n\nBien cordialement,\nL'atelier Lindner",
            _pdfs("Merci.pdf", REVIEW_FR, "Merci"),
            "reject",
            ["ATT004", "ATT005"],
            "neutral review request in the body; the attached note asks for 5 stars",
        ),
        Fixture(
            "de_price_list_xlsx_outlook",
            "de",
            "outlook",
            "AW: Preise für größere Mengen - Bestellung {order}",
            "Guten Tag Frau Hoffmann,\n\nzu Ihrer Frage nach der Bestellung {order}: Den Preis "
            "für größere Mengen können wir Ihnen leider nur über Amazon anbieten. Die Übersicht "
            "der Staffelpreise liegt dieser Nachricht bei.\n\n" + SIG_DE,
            lambda o: [
                File(
                    "Staffelpreise_2026.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    xlsx_file(),
                )
            ],
            "reject",
            ["ATT001"],
            "a spreadsheet (.xlsx) is not an allowed type",
            quoted="Guten Tag, wir würden gern 40 Stück bestellen. Gibt es einen "
            "Mengenrabatt?\nS. Hoffmann",
        ),
        Fixture(
            "ja_coupon_image_reply_iso2022jp",
            "ja",
            "iso2022jp",
            "Re: 配送の遅れについて（注文番号 {order}）",
            "佐藤様\n\nこの度はご注文 {order} の商品のお届けが遅れており、大変申し訳ございません。"
            "\n商品は十一月二十四日に入荷する予定で、入荷後すぐに発送いたします。\n"
            "詳細は添付の画像をご覧ください。\n\nショップサポート",
            lambda o: [File("クーポン.png", "image/png", png_file(200, 120, 33))],
            "reject",
            ["ATT004"],
            "a coupon image in a reply is still a coupon (name says so)",
            quoted="注文した商品がまだ届きません。いつ届きますか。\n佐藤",
        ),
        Fixture(
            "en_invoice_html_attachment_freshdesk",
            "en",
            "freshdesk",
            "Re: VAT invoice [{order}]",
            "Hello Mr Shah,\n\nyour VAT invoice for order {order} is attached. The amount has "
            "already been paid through Amazon, so there is nothing more for you to do. You can "
            "keep the invoice for your records or print it out.\n\nKind regards,\nShop Support",
            lambda o: [
                File(
                    f"invoice-{o}.html",
                    "text/html",
                    (
                        "<!DOCTYPE html><html><head><title>Invoice</title></head><body>"
                        + "".join(f"<p>{line.format(order=o)}</p>" for line in INVOICE_EN)
                        + "</body></html>"
                    ).encode(),
                )
            ],
            "reject",
            ["ATT001"],
            "an HTML file is not an allowed attachment",
            quoted="Hello, I need a VAT invoice for my company, please.\nA. Shah",
        ),
        Fixture(
            "fr_invoice_doc_with_email_outlook",
            "fr",
            "outlook",
            "Facture de votre commande {order}",
            "Bonjour Monsieur Petit,\n\nveuillez trouver ci-joint la facture de votre commande "
            "{order} au format Word, comme demandé par votre service comptable. Le montant a déjà "
            "été réglé via Amazon, vous n'avez donc rien d'autre à faire.\n\nCordialement,\n"
            "Le service client",
            lambda o: [
                File(
                    f"Facture_{o}.doc",
                    "application/msword",
                    doc_file([line.replace("{order}", o) for line in FACTURE_FR_DOC]),
                )
            ],
            "deliver",
            ["ATT005"],
            "Word 97-2003 invoice whose footer gives the accounts e-mail address: "
            "letterhead contact details only warn (policy.md, Reading the text)",
        ),
        Fixture(
            "en_password_protected_invoice_gmail",
            "en",
            "gmail",
            "Invoice for order {order}",
            "Hello Mr Hughes,\n\nplease find attached the invoice for your order {order}. The "
            "amount has already been paid through Amazon, so there is nothing more for you to "
            "do. The password for the PDF is your postcode.\n\nBest regards,\nLindner Workshop",
            lambda o: [
                File(f"Invoice_{o}.pdf", "application/pdf", _encrypted(pdf(_pages(INVOICE_EN, o))))
            ],
            "hold",
            ["ATT005"],
            "encrypted PDF: its text cannot be checked, so a person looks",
        ),
        # ------------------------------------------- invoice letterhead (issue 14 item 5)
        Fixture(
            "de_invoice_letterhead_phone_email_vat_gmail",
            "de",
            "gmail",
            "Rechnung zu Ihrer Bestellung {order}",
            "Guten Tag Herr Wolff,\n\nanbei die Rechnung zu Ihrer Bestellung {order}. Der "
            "Betrag wurde bereits über Amazon beglichen, Sie müssen nichts weiter tun.\n\n"
            + SIG_DE,
            _pdfs("Rechnung_{order}.pdf", INVOICE_DE_LETTERHEAD, "Rechnung"),
            "deliver",
            ["ATT005"],
            "invoice letterhead and footer with phone, e-mail and VAT id: a warning only",
        ),
        Fixture(
            "en_invoice_footer_shop_site_review_gmail",
            "en",
            "gmail",
            "Invoice for order {order}",
            "Hello Ms Carter,\n\nplease find attached the invoice for your order {order}. The "
            "amount has already been paid through Amazon.\n\nBest regards,\nLindner Workshop",
            _pdfs("Invoice_{order}.pdf", INVOICE_EN_MARKETING_FOOTER, "Invoice"),
            "reject",
            ["ATT005"],
            "invoice footer with the shop's web address and a 5-star review request: judged "
            "as in the body, the footer does not excuse them",
        ),
        Fixture(
            "pl_invoice_docx_letterhead_phone_outlook",
            "pl",
            "outlook",
            "Faktura do zamówienia {order}",
            "Dzień dobry,\n\nw załączniku przesyłamy fakturę VAT do zamówienia {order}. "
            "Płatność została już zrealizowana przez Amazon, nie musi Pan nic więcej robić."
            "\n\nPozdrawiamy\nZespół Warsztat Lindner",
            lambda o: [
                File(
                    f"Faktura_{o}.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx_file(
                        [line.replace("{order}", o) for line in FAKTURA_PL],
                        heading="Faktura VAT",
                        footer="Warsztat Lindner Sp. z o.o. · NIP PL5213456789 · "
                        "tel. +48 22 123 45 67 · faktury@warsztat-lindner.pl",
                    ),
                )
            ],
            "deliver",
            ["ATT005"],
            "Polish invoice (DOCX) whose footer has the phone and e-mail: a warning only",
        ),
        Fixture(
            "tr_invoice_docx_coupon_in_footer_outlook",
            "tr",
            "outlook",
            "Siparişiniz {order} için fatura",
            "Merhaba Ayşe Hanım,\n\n{order} numaralı siparişinizin faturası ektedir. Ödeme "
            "Amazon üzerinden alınmıştır.\n\nSaygılarımızla\nLindner Atölyesi",
            lambda o: [
                File(
                    f"Fatura_{o}.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    docx_file(
                        [line.replace("{order}", o) for line in FATURA_TR],
                        heading="Fatura",
                        footer="Bir sonraki siparişinizde %10 indirim: KUPON10",
                    ),
                )
            ],
            "reject",
            ["ATT005"],
            "Turkish invoice with a coupon in its footer: marketing in an invoice is judged "
            "as in the body",
        ),
    ]


# ---- writing --------------------------------------------------------------------------------


def _alias(name: str) -> str:
    digest = hashlib.sha256(name.encode()).hexdigest()
    letters = "abcdefghijkmnpqrstuvwxyz0123456789"
    return "".join(letters[int(digest[i : i + 2], 16) % len(letters)] for i in range(0, 26, 2))


def main() -> int:
    rows = [
        "order_id,buyer_email,purchase_date,marketplace,status,ship_date,earliest_delivery_date,"
        "latest_delivery_date,delivery_date,buyer_locale,opted_out,review_requested_at"
    ]
    for old in HERE.glob("*.eml"):
        old.unlink()
    for old in HERE.glob("*.toml"):
        old.unlink()
    for number, fx in enumerate(fixtures(), start=1):
        market = MARKETS[fx.lang]
        fx.number = number
        fx.order = (
            f"{market.prefix}-4{number:03d}{(number * 37) % 1000:03d}-{(number * 7919) % 10**7:07d}"
        )
        domain = market.domain.removeprefix("amazon.")
        fx.alias = f"{_alias(fx.name)}@marketplace.amazon.{domain}"
        (HERE / f"{fx.name}.eml").write_bytes(build(fx))
        codes = ", ".join(f'"{c}"' for c in sorted(fx.codes))
        (HERE / f"{fx.name}.toml").write_text(
            f'action = "{fx.action}"\ncodes = [{codes}]\nnote = "{fx.note}"\n', encoding="utf-8"
        )
        rows.append(
            f"{fx.order},{fx.alias},2026-11-10T09:12:00Z,{market.domain},Delivered,2026-11-12,"
            f"2026-11-14,2026-11-18,2026-11-16T13:40:00Z,{market.locale},false,"
        )
    (HERE / "orders.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} fixtures to {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
