"""relay.model.extract: text from PDF, DOCX and text files, bounded in size, time and memory."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
import zlib

import docx
import pytest

from relay.model import extract, sniff
from relay.model.extract import Limits
from relay.model.message import parse
from tests.conftest import make_message


def make_pdf(pages: list[str], *, compress: bool = True, links: tuple[str, ...] = ()) -> bytes:
    """A small valid PDF written by hand: Helvetica, WinAnsi text, one text block per page."""
    objects: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(len(pages))]
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {len(pages)} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for index, text in enumerate(pages):
        annots = ""
        if links and index == 0:
            annots = (
                " /Annots ["
                + " ".join(
                    f"<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] "
                    f"/A << /S /URI /URI ({u}) >> >>"
                    for u in links
                )
                + "]"
            )
        objects.append(
            (
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                f"/Resources << /Font << /F1 3 0 R >> >> /Contents {page_ids[index] + 1} 0 R"
                f"{annots} >>"
            ).encode()
        )
        lines = [b"BT /F1 11 Tf 14 TL 50 790 Td"]
        for line in text.splitlines():
            escaped = (
                line.encode("cp1252", errors="replace")
                .replace(b"\\", b"\\\\")
                .replace(b"(", b"\\(")
                .replace(b")", b"\\)")
            )
            lines.append(b"(" + escaped + b") Tj T*")
        lines.append(b"ET")
        stream = b"\n".join(lines)
        if compress:
            body = zlib.compress(stream)
            head = f"<< /Length {len(body)} /Filter /FlateDecode >>".encode()
        else:
            body = stream
            head = f"<< /Length {len(body)} >>".encode()
        objects.append(head + b"\nstream\n" + body + b"\nendstream")
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def make_docx(paragraphs: list[str], *, footer: str = "", link: str = "") -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    if link:
        part = document.part
        rel = part.relate_to(
            link,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
            is_external=True,
        )
        paragraph = document.add_paragraph()
        hyperlink = paragraph._p.makeelement(  # python-docx has no public hyperlink API
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}hyperlink",
            {"{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id": rel},
        )
        paragraph._p.append(hyperlink)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _replace_member(base: bytes, name: str, insert: bytes) -> bytes:
    """The DOCX with `insert` placed before the section properties of `name`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            payload = src.read(info)
            if info.filename == name:
                payload = payload.replace(b"<w:sectPr", insert + b"<w:sectPr", 1)
            dst.writestr(info.filename, payload)
    return out.getvalue()


def _measure(func: object, *args: object, **kwargs: object) -> tuple[object, float, int]:
    """(result, CPU seconds, peak traced bytes). Time is measured in a run without tracemalloc
    (which slows pypdf several times), as CPU time so that a busy machine does not fail it."""
    started = time.process_time()
    func(*args, **kwargs)  # type: ignore[operator]
    elapsed = time.process_time() - started
    tracemalloc.start()
    try:
        result = func(*args, **kwargs)  # type: ignore[operator]
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, elapsed, peak


# ---- real files -----------------------------------------------------------------------------


def test_pdf_text_is_extracted() -> None:
    data = make_pdf(["Rechnung Nr. 2026-118", "Bestellung 302-4000001-0000001", "Summe 49,90 €"])
    result = extract.extract(data, "pdf")
    assert "Rechnung Nr. 2026-118" in result.text
    assert "302-4000001-0000001" in result.text
    assert "49,90 €" in result.text
    assert result.reason == ""


def test_pdf_several_pages_and_link_annotations() -> None:
    data = make_pdf(["Page one", "Page two"], links=("https://shop.example/deal",))
    result = extract.extract(data, "pdf")
    assert "Page one" in result.text and "Page two" in result.text
    assert "https://shop.example/deal" in result.text


def test_pdf_uncompressed_is_read_too() -> None:
    result = extract.extract(make_pdf(["Garantiekarte"], compress=False), "pdf")
    assert "Garantiekarte" in result.text


def test_docx_body_footer_and_hyperlink_targets() -> None:
    data = make_docx(
        ["Bedienungsanleitung", "Schritt 1: auspacken."],
        footer="Hotline 030 1234567",
        link="https://shop.example/hilfe",
    )
    result = extract.extract(data, "docx")
    assert "Bedienungsanleitung" in result.text
    assert "Schritt 1: auspacken." in result.text
    assert "Hotline 030 1234567" in result.text
    assert "https://shop.example/hilfe" in result.text
    assert result.reason == ""


def test_docx_text_box_is_read() -> None:
    base = make_docx(["Intro"])
    box = (
        b'<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        b"<w:txbxContent><w:p><w:r><w:t>Call 0800 123 456</w:t></w:r></w:p></w:txbxContent>"
        b"</v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    data = _replace_member(base, "word/document.xml", box)
    assert "Call 0800 123 456" in extract.extract(data, "docx").text


@pytest.mark.parametrize(
    ("encoded", "charset", "expected"),
    [
        ("Grüße aus Köln".encode(), None, "Grüße aus Köln"),
        ("Grüße aus Köln".encode("latin-1"), "iso-8859-1", "Grüße aus Köln"),
        ("Grüße aus Köln".encode("utf-16"), None, "Grüße aus Köln"),
        ("Grüße aus Köln".encode("utf-16-le"), None, "Grüße aus Köln"),
        (
            "取扱説明書を添付いたします".encode("shift_jis"),
            "shift_jis",
            "取扱説明書を添付いたします",
        ),
        (b"\xef\xbb\xbfplain", None, "plain"),
        ("Facture n° 12".encode("cp1252"), "no-such-charset", "Facture n° 12"),
    ],
)
def test_text_decoding(encoded: bytes, charset: str | None, expected: str) -> None:
    assert extract.extract(encoded, "text", charset=charset).text == expected


def test_unsupported_kinds_yield_a_reason() -> None:
    assert extract.extract(b"MZ...", "exe") == extract.Extraction("", "no text extracted from exe")
    assert extract.extract(b"", "empty").reason == "empty"


def test_garbage_never_raises() -> None:
    for kind in ("pdf", "docx", "text"):
        for data in (b"", b"%PDF-1.7\n garbage", b"PK\x03\x04 garbage", bytes(range(256)) * 10):
            result = extract.extract(data, kind)
            assert isinstance(result.text, str)
            if not result.text.strip():
                assert result.reason


def test_character_limit() -> None:
    data = ("word " * 50_000).encode()
    result = extract.extract(data, "text", limits=Limits(max_chars=1000))
    assert len(result.text) == 1000
    assert result.reason == "character limit reached"


def test_message_budget_is_shared_between_attachments() -> None:
    budget = extract.Budget(Limits(message_chars=1500, max_chars=1000))
    first = extract.extract(b"a" * 5000, "text", budget=budget, limits=budget.limits)
    second = extract.extract(b"b" * 5000, "text", budget=budget, limits=budget.limits)
    third = extract.extract(b"c" * 5000, "text", budget=budget, limits=budget.limits)
    assert len(first.text) == 1000 and len(second.text) == 500
    assert third.text == "" and third.reason == "message extraction budget spent"


def test_input_size_limit() -> None:
    result = extract.extract(b"x" * 2000, "text", limits=Limits(max_input_bytes=1000))
    assert result.text == "" and "limit" in result.reason


def test_nothing_to_read_is_not_incomplete() -> None:
    assert not extract.incomplete("")
    assert not extract.incomplete("no text found")
    assert not extract.incomplete("no text extracted from jpeg")
    assert extract.incomplete("read 5 of 12 pages")
    assert extract.incomplete("encrypted PDF")


def test_page_limit() -> None:
    data = make_pdf([f"page {i}" for i in range(12)])
    result = extract.extract(data, "pdf", limits=Limits(max_pages=5))
    assert "page 4" in result.text and "page 5" not in result.text
    assert result.reason == "read 5 of 12 pages"


def test_parse_extracts_once_into_the_attachment() -> None:
    raw = make_message(
        "Anbei die Rechnung.",
        attachments=[("Rechnung.pdf", "application/pdf", make_pdf(["Rechnung 4711"]))],
    )
    (attachment,) = parse(raw).attachments
    assert attachment.sniffed_kind == "pdf"
    assert "Rechnung 4711" in attachment.extracted_text
    assert attachment.extraction_note == ""


# ---- bombs ----------------------------------------------------------------------------------


def _zip_bomb(member_bytes: int) -> bytes:
    """A DOCX whose word/document.xml inflates to `member_bytes` of XML (about 1000:1)."""
    base = make_docx(["x"])
    # write the big member deflated, in chunks, without holding it in memory
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info))
        with dst.open("word/document.xml", "w", force_zip64=True) as handle:
            handle.write(
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
            )
            chunk = b"A" * (1 << 20)
            for _ in range(member_bytes >> 20):
                handle.write(chunk)
            handle.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def test_zip_bomb_is_refused_before_inflating() -> None:
    data = _zip_bomb(512 << 20)  # 512 MB of XML in a few hundred KB
    assert len(data) < 2 << 20
    result, elapsed, peak = _measure(extract.extract, data, "docx")
    assert isinstance(result, extract.Extraction)
    assert "word/document.xml" in result.reason
    assert elapsed < 1.0
    assert peak < 16 << 20


def test_zip_bomb_with_lying_sizes_stays_bounded() -> None:
    data = bytearray(_zip_bomb(64 << 20))
    # claim the big member is 1000 bytes in the central directory: the capped read must hold
    at = data.rfind(b"word/document.xml")
    central = data.rfind(b"PK\x01\x02", 0, at)
    struct.pack_into("<I", data, central + 24, 1000)
    result, elapsed, peak = _measure(extract.extract, bytes(data), "docx")
    assert isinstance(result, extract.Extraction)
    assert elapsed < 2.0
    assert peak < 32 << 20


def test_zip_with_too_many_entries_is_not_opened() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", b"<x/>")
        for i in range(3000):
            archive.writestr(f"word/media/{i}.bin", b"")
    result = extract.extract(out.getvalue(), "docx")
    assert result.text == "" and "entries" in result.reason


def test_pdf_flate_bomb_is_bounded() -> None:
    inflated = b"(A) Tj\n" * ((200 << 20) // 7)  # 200 MB content stream
    body = zlib.compress(inflated, 9)
    del inflated
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        f"<< /Length {len(body)} /Filter /FlateDecode >>".encode()
        + b"\nstream\n"
        + body
        + b"\nendstream",
    ]
    data = _assemble(objects)
    assert len(data) < 2 << 20
    result, elapsed, peak = _measure(extract.extract, data, "pdf")
    assert isinstance(result, extract.Extraction)
    assert result.reason  # the page was not read in full
    assert elapsed < 3.0
    assert peak < 64 << 20


def test_pdf_with_thousands_of_pages_is_bounded() -> None:
    data = make_pdf([f"Seite {i}" for i in range(3000)], compress=False)
    result, elapsed, peak = _measure(extract.extract, data, "pdf")
    assert isinstance(result, extract.Extraction)
    assert result.reason == "unreadable pdf: LimitReachedError"  # page tree over 2000 entries
    assert extract.incomplete(result.reason)
    assert elapsed < 3.0
    assert peak < 64 << 20


def test_pdf_deep_nesting_is_caught() -> None:
    nested = b"[" * 100_000 + b"]" * 100_000
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Bomb " + nested + b" >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]
    result = extract.extract(_assemble(objects), "pdf")
    assert result.text.strip() == "" and result.reason


def test_pdf_time_limit() -> None:
    data = make_pdf(["text " * 200] * 30)
    result = extract.extract(data, "pdf", limits=Limits(max_seconds=0.0))
    assert result.reason == "time limit reached"


def test_pdf_huge_content_stream_is_bounded() -> None:
    inflated = b"(Hello world) Tj T*\n" * ((4 << 20) // 20)  # 4 MB of operators on one page
    body = zlib.compress(inflated)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        f"<< /Length {len(body)} /Filter /FlateDecode >>".encode()
        + b"\nstream\n"
        + body
        + b"\nendstream",
    ]
    started = time.process_time()
    result = extract.extract(_assemble(objects), "pdf")
    assert time.process_time() - started < 3.0
    assert extract.incomplete(result.reason)


def test_encrypted_pdf_yields_a_reason() -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Rechnung"]))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    result = extract.extract(out.getvalue(), "pdf")
    assert result.text == ""
    assert result.reason == "encrypted PDF"


# ---- Word 97-2003 ---------------------------------------------------------------------------


def make_cfb(streams: dict[str, bytes]) -> bytes:
    """A compound file (version 3, 512-byte sectors) holding `streams` (each >= 4096 bytes)."""
    sector = 512
    names = list(streams)
    chains: list[tuple[int, int]] = []  # (first sector, size)
    body = bytearray()
    next_sector = 2  # 0: FAT, 1: directory
    fat = [0xFFFFFFFD, 0xFFFFFFFE]
    for name in names:
        data = streams[name]
        assert len(data) >= 4096  # no mini stream needed
        count = -(-len(data) // sector)
        chains.append((next_sector, len(data)))
        fat += [next_sector + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
        body += data + b"\x00" * (count * sector - len(data))
        next_sector += count
    assert len(fat) <= 128
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def entry(
        name: str, kind: int, left: int, right: int, child: int, start: int, size: int
    ) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le") if name else b""
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", left, right, child)
            + b"\x00" * 16
            + b"\x00" * 4
            + b"\x00" * 16
            + struct.pack("<IQ", start, size)
        )

    none = 0xFFFFFFFF
    directory = entry("Root Entry", 5, none, none, 1, 0xFFFFFFFE, 0)
    for index, (name, (start, size)) in enumerate(zip(names, chains, strict=True), start=1):
        right = index + 1 if index < len(names) else none
        directory += entry(name, 2, none, right, none, start, size)
    directory += b"".join(entry("", 0, none, none, none, 0, 0) for _ in range(4 - len(names) - 1))
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", 0xFFFFFFFF) * 108
    )
    assert len(header) == 512 and len(directory) == 512
    return header + struct.pack("<128I", *fat) + directory + bytes(body)


def make_doc(latin: str, unicode: str = "", *, encrypted: bool = False) -> bytes:
    """A Word 97 document: FIB, one 8-bit piece and optionally one UTF-16 piece."""
    word = bytearray(8192)
    struct.pack_into("<HH", word, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", word, 0x0A, 0x0200 | (0x0100 if encrypted else 0))
    pieces = [(0x800, latin.encode("cp1252"), True)]
    if unicode:
        pieces.append((0x1000, unicode.encode("utf-16-le"), False))
    cps = [0]
    pcds = b""
    for offset, raw, compressed in pieces:
        word[offset : offset + len(raw)] = raw
        cps.append(cps[-1] + (len(raw) if compressed else len(raw) // 2))
        fc = (offset * 2) | 0x40000000 if compressed else offset
        pcds += struct.pack("<HIH", 0, fc, 0)
    plc = struct.pack(f"<{len(cps)}I", *cps) + pcds
    clx = (
        b"\x01"
        + struct.pack("<H", 3)
        + b"\x00\x00\x00"
        + b"\x02"
        + struct.pack("<I", len(plc))
        + plc
    )
    struct.pack_into("<II", word, 0x01A2, 0, len(clx))
    table = clx.ljust(4096, b"\x00")
    return make_cfb({"WordDocument": bytes(word), "1Table": table})


def test_doc_text_is_extracted() -> None:
    data = make_doc("Garantiekarte\rHotline 0800 5566778\r", "保証書\r")
    assert sniff_kind(data) == "doc"
    result = extract.extract(data, "doc")
    assert result.reason == ""
    assert "Garantiekarte\nHotline 0800 5566778" in result.text
    assert "保証書" in result.text


def test_doc_encrypted_and_damaged() -> None:
    assert extract.extract(make_doc("x", encrypted=True), "doc").reason == "encrypted Word document"
    broken = make_doc("Rechnung")[:1200]
    result = extract.extract(broken, "doc")
    assert result.text == "" and extract.incomplete(result.reason)


def sniff_kind(data: bytes) -> str:
    from relay.model import sniff

    return sniff.sniff(data)


# ---- never raises ---------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PREFIXES = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_PREFIXES), st.binary(max_size=2048))
def test_sniff_and_extract_never_raise(prefix: bytes, tail: bytes) -> None:
    from relay.model import sniff

    data = prefix + tail
    kind = sniff.sniff(data)
    assert isinstance(kind, str) and kind
    for as_kind in {kind, "pdf", "docx", "doc", "text"}:
        result = extract.extract(data, as_kind)
        assert isinstance(result.text, str)
        assert result.text.strip() or result.reason


_SEEDS = {
    "pdf": make_pdf(["Rechnung Nr. 1", "Summe 10,00 EUR"], links=("https://x.example/a",)),
    "docx": make_docx(["Anleitung"], footer="Fuß", link="https://x.example/b"),
    "doc": make_doc("Garantie\r", "保証\r"),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(sorted(_SEEDS)),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=8),
    st.integers(min_value=0),
)
def test_damaged_files_never_raise(kind: str, flips: list[tuple[int, int]], cut: int) -> None:
    from relay.model import sniff

    data = bytearray(_SEEDS[kind])
    for where, value in flips:
        data[where % len(data)] = value
    damaged = bytes(data[: max(1, len(data) - cut % 64)])
    result = extract.extract(damaged, kind)
    assert isinstance(result.text, str)
    assert result.text.strip() or result.reason
    assert isinstance(sniff.sniff(damaged), str)


def test_the_warm_up_pdf_is_read_as_any_pdf() -> None:
    """relay.pipeline.warm and the parse processes read it at start (the PDF reader loaded)."""
    data = extract.minimal_pdf("Lieferschein zur Bestellung")
    assert sniff.sniff(data) == "pdf"
    found = extract.extract(data, "pdf")
    assert (found.text.strip(), found.reason) == ("Lieferschein zur Bestellung", "")
