"""Hostile MIME for the fuzz suite (tests/reliability/test_fuzz_mime.py) and the long fuzz run
(fuzz/mime_fuzz.py): hypothesis strategies over the structure, plus ready-made bombs.

Everything produced is bytes as a client would put them after DATA.
"""

from __future__ import annotations

import base64
import functools
import io
import zipfile
import zlib

from hypothesis import strategies as st

SELLER = "support@shop.example"
BUYER = "a1b2c3d4e5@marketplace.amazon.de"

CHARSETS = [
    "utf-8", "us-ascii", "iso-8859-1", "windows-1252", "shift_jis", "iso-2022-jp", "utf-16",
    "utf-7", "x-unknown-charset", "", "utf-8\"; x=\"", "unicode-1-1-utf-7", "euc-kr", "gb18030",
]  # fmt: skip
ENCODINGS = ["7bit", "8bit", "base64", "quoted-printable", "binary", "x-uuencode", "bogus", ""]
SUBTYPES = ["mixed", "alternative", "related", "signed", "report", "digest", "x-weird"]
TEXTS = [
    "Ihre Bestellung 302-1234567-1234567 ist unterwegs.",
    "Your order has shipped. Please leave a review!",
    "Visit https://example.com/x?y=1 or call +49 30 1234567",
    "Sehr geehrte Kundin,\n\n> quoted buyer text\n> more\n\nGruss",
    "ご注文ありがとうございます。",
    "\u202e\u200b\ufeff zero width and bidi",
    "a" * 3000,
    "",
]


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@functools.cache
def zip_bomb() -> bytes:
    """~30 KB on the wire, 32 MB inside; and a zip of ten of those (320 MB)."""
    one = _zip({"readme.txt": b"\0" * (32 * 1024 * 1024)})
    return _zip({f"part{i}.zip": one for i in range(10)})


@functools.cache
def docx_bomb() -> bytes:
    """A .docx whose document.xml inflates to ~40 MB of paragraphs."""
    paragraph = b"<w:p><w:r><w:t>Bewertung bitte</w:t></w:r></w:p>"
    document = (
        b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
        b'wordprocessingml/2006/main"><w:body>'
        + paragraph * (40 * 1024 * 1024 // len(paragraph))
        + b"</w:body></w:document>"
    )
    content_types = (
        b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"><Override PartName="/word/document.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        b"</Relationships>"
    )
    return _zip(
        {"[Content_Types].xml": content_types, "_rels/.rels": rels, "word/document.xml": document}
    )


def _pdf(objects: list[bytes], root: int) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


@functools.cache
def pdf_bomb() -> bytes:
    """One page whose content stream inflates to ~64 MB of text-showing operators, shown on
    5,000 pages (the same stream each time)."""
    content = b"BT /F1 12 Tf 72 712 Td (Bitte bewerten Sie uns) Tj ET\n" * (64 * 1024 * 1024 // 52)
    stream = zlib.compress(content, 9)
    pages = 5000
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>"
        )
    return _pdf(objects, 1)


def html_bomb(nodes: int) -> str:
    """`nodes` nested <div>s with a <span> each, in lines short enough for SMTP."""
    opening = "\r\n".join(["<div><span>x</span>" * 40] * (nodes // 40))
    closing = "\r\n".join(["</div>" * 40] * (nodes // 40))
    return f"<html><body>{opening}\r\n{closing}</body></html>"


def message(headers: list[tuple[str, str]], body: bytes, eol: bytes = b"\r\n") -> bytes:
    head = eol.join(f"{k}: {v}".encode("utf-8", "surrogateescape") for k, v in headers)
    return head + eol + eol + body


def plain_message(extra: list[tuple[str, str]], content_type: str, body: bytes) -> bytes:
    return message(
        [
            ("From", SELLER),
            ("To", BUYER),
            ("Subject", "Bestellung 302-1234567-1234567"),
            ("Message-ID", "<fuzz@shop.example>"),
            ("MIME-Version", "1.0"),
            *extra,
            ("Content-Type", content_type),
        ],
        body,
    )


def attachment_message(name: str, mime: str, data: bytes) -> bytes:
    """A text body plus one base64 attachment."""
    boundary = "==bomb=="
    body = (
        (
            f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "Anbei die Rechnung zu Bestellung 302-1234567-1234567.\r\n"
            f"--{boundary}\r\nContent-Type: {mime}\r\n"
            f'Content-Disposition: attachment; filename="{name}"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n"
        ).encode()
        + base64.encodebytes(data).replace(b"\n", b"\r\n")
        + f"--{boundary}--\r\n".encode()
    )
    return plain_message([], f'multipart/mixed; boundary="{boundary}"', body)


# -- hypothesis strategies ----------------------------------------------------------------------

_text = st.one_of(st.sampled_from(TEXTS), st.text(max_size=300))


@st.composite
def encoded_word(draw: st.DrawFn) -> str:
    """RFC 2047, often wrong: odd charsets, broken base64, stray `?=`, nesting, no end."""
    charset = draw(st.sampled_from([*CHARSETS, "utf-8*de", "UTF-8", "=?utf-8?"]))
    kind = draw(st.sampled_from(["b", "q", "B", "x"]))
    raw = draw(_text).encode("utf-8", "surrogatepass")
    if kind.lower() == "b":
        payload = base64.b64encode(raw).decode()
        if draw(st.booleans()):
            payload = payload.rstrip("=")[: draw(st.integers(0, len(payload)))] + "!*"
    else:
        payload = "".join(f"={b:02X}" if b > 127 or b in b" ?=_" else chr(b) for b in raw)
        if draw(st.booleans()):
            payload += "=Z"
    word = f"=?{charset}?{kind}?{payload}?="
    if draw(st.integers(0, 9)) == 0:
        word = word[:-2]  # unterminated
    if draw(st.integers(0, 9)) == 0:
        word = f"=?utf-8?b?{base64.b64encode(word.encode()).decode()}?="  # an encoded word inside
    return word


def _subject() -> st.SearchStrategy[str]:
    return st.one_of(
        _text.map(lambda t: t.replace("\r", " ").replace("\n", " ")),
        st.lists(encoded_word(), min_size=1, max_size=40).map(" ".join),
        st.integers(1, 3000).map(lambda n: "=?utf-8?q?a?= " * n),
    )


@st.composite
def leaf(draw: st.DrawFn) -> tuple[list[tuple[str, str]], bytes]:
    """A body part: text, HTML, an attachment (sometimes a bomb), or an embedded message."""
    kind = draw(
        st.sampled_from(["plain", "html", "html-many", "attachment", "bomb", "rfc822", "garbage"])
    )
    charset = draw(st.sampled_from(CHARSETS))
    encoding = draw(st.sampled_from(ENCODINGS))
    headers: list[tuple[str, str]] = []
    if kind == "plain":
        data = draw(_text).encode("utf-8", "surrogatepass")
        content_type = f"text/plain; charset={charset}" if charset else "text/plain"
    elif kind in ("html", "html-many"):
        if kind == "html":
            html = "<html><body><p>" + draw(_text) + '</p><a href="https://x.example/">x</a>'
            html += '<img src="cid:a" width="1" height="1"></body></html>'
        else:
            html = html_bomb(draw(st.integers(100, 6000)))
        data = html.encode("utf-8", "surrogatepass")
        content_type = f"text/html; charset={charset}" if charset else "text/html"
    elif kind == "attachment":
        name = draw(
            st.sampled_from(["a.pdf", "b.docx", "c.zip", "d.png", "e.exe", "", "f\x00.txt"])
        )
        data = draw(st.binary(max_size=2000))
        if draw(st.booleans()):
            data = draw(st.sampled_from([b"%PDF-1.4\n", b"PK\x03\x04", b"MZ", b"\x89PNG"])) + data
        content_type = draw(st.sampled_from(["application/pdf", "application/zip", "image/png"]))
        headers.append(("Content-Disposition", f'attachment; filename="{name}"'))
    elif kind == "bomb":
        name, content_type, make = draw(
            st.sampled_from(
                [
                    ("bomb.zip", "application/zip", zip_bomb),
                    (
                        "bomb.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        docx_bomb,
                    ),
                    ("bomb.pdf", "application/pdf", pdf_bomb),
                ]
            )
        )
        data = make()
        encoding = "base64"
        headers.append(("Content-Disposition", f'attachment; filename="{name}"'))
    elif kind == "rfc822":
        data = plain_message([], "text/plain", draw(_text).encode("utf-8", "surrogatepass"))
        content_type = "message/rfc822"
    else:
        data = draw(st.binary(max_size=3000))
        content_type = draw(st.sampled_from(["text/plain", "application/octet-stream", "x/y"]))
    if encoding == "base64":
        data = base64.encodebytes(data).replace(b"\n", b"\r\n")
        if draw(st.integers(0, 3)) == 0:  # broken base64
            data = data[: draw(st.integers(0, len(data)))] + b"!!!=\r\n=A"
    elif encoding == "quoted-printable" and draw(st.booleans()):
        data = data + b"=\r\n=ZZ=4"
    headers.insert(0, ("Content-Type", content_type))
    if encoding:
        headers.append(("Content-Transfer-Encoding", encoding))
    return headers, data


@st.composite
def multipart(draw: st.DrawFn, children: st.SearchStrategy) -> tuple[list[tuple[str, str]], bytes]:  # type: ignore[type-arg]
    parts = draw(st.lists(children, min_size=0, max_size=6))
    boundary = draw(st.sampled_from(["b1", "=_Part_0", "x" * 70, "", "a b", "--"]))
    boundary += str(draw(st.integers(0, 10**6)))
    body = bytearray(draw(st.sampled_from([b"", b"preamble\r\n"])))
    for headers, data in parts:
        body += f"--{boundary}\r\n".encode() + message(headers, data)
        body += b"\r\n"
    if draw(st.integers(0, 4)) != 0:  # sometimes the closing boundary never comes
        body += f"--{boundary}--\r\n".encode()
    subtype = draw(st.sampled_from(SUBTYPES))
    return [("Content-Type", f'multipart/{subtype}; boundary="{boundary}"')], bytes(body)


def structure() -> st.SearchStrategy[tuple[list[tuple[str, str]], bytes]]:
    return st.recursive(leaf(), lambda children: multipart(children), max_leaves=12)


@st.composite
def deep_nesting(draw: st.DrawFn) -> tuple[list[tuple[str, str]], bytes]:
    depth = draw(st.integers(1, 400))
    body = b"Content-Type: text/plain\r\n\r\nganz innen\r\n"
    for level in range(depth):
        body = (
            f'Content-Type: multipart/mixed; boundary="d{level}"\r\n\r\n--d{level}\r\n'.encode()
            + body
            + f"\r\n--d{level}--\r\n".encode()
        )
    head, _, rest = body.partition(b"\r\n\r\n")
    return [("Content-Type", head.split(b": ", 1)[1].decode())], rest


@st.composite
def hostile_message(draw: st.DrawFn) -> bytes:
    headers: list[tuple[str, str]] = [
        ("From", draw(st.sampled_from([SELLER, f"=?utf-8?b?{'w' * 8}?= <{SELLER}>", "", "<>"]))),
        ("To", draw(st.sampled_from([BUYER, f"{BUYER}, x@y.example", "undisclosed:;", ""]))),
        ("Subject", draw(_subject())),
        ("Message-ID", draw(st.sampled_from(["<fuzz@shop.example>", "", "<<>>", "x" * 2000]))),
        ("MIME-Version", "1.0"),
    ]
    if draw(st.booleans()):
        headers.append(("In-Reply-To", "<buyer-question@marketplace.amazon.de>"))
    count = draw(st.sampled_from([0, 3, 50, 400, 2000]))
    headers.extend((f"X-Filler-{i}", f"value {i}") for i in range(count))
    part_headers, body = draw(st.one_of(structure(), deep_nesting()))
    raw = message(headers + part_headers, body)
    eol = draw(st.sampled_from([b"\r\n", b"\n", b"mixed"]))
    if eol == b"\n":
        raw = raw.replace(b"\r\n", b"\n")
    elif eol == b"mixed":
        raw = raw.replace(b"\r\n", b"\n", draw(st.integers(0, 20)))
    return raw
