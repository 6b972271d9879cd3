"""Decide a file's type from its bytes, never from its name."""

from __future__ import annotations

import io
import zipfile
from typing import Final

import filetype

# Our own names for the kinds of file the policy talks about.
KIND_BY_MIME: Final = {
    "application/pdf": "pdf",
    "image/jpeg": "jpeg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/bmp": "bmp",
    "image/tiff": "tiff",
    "application/x-msdownload": "exe",
    "application/x-executable": "elf",
    "application/x-mach-binary": "macho",
    "application/zip": "zip",
    "application/x-rar-compressed": "rar",
    "application/x-7z-compressed": "7z",
    "application/gzip": "gzip",
    "application/x-bzip2": "bzip2",
    "application/x-xz": "xz",
    "application/x-tar": "tar",
    "application/vnd.ms-cab-compressed": "cab",
    "application/x-shockwave-flash": "swf",
    "application/rtf": "rtf",
    "application/x-msi": "msi",
}

EXTENSIONS: Final = {
    "pdf": {"pdf"},
    "jpeg": {"jpg", "jpeg", "jpe", "jfif"},
    "png": {"png"},
    "gif": {"gif"},
    "doc": {"doc", "dot"},
    "docx": {"docx"},
    "docm": {"docm"},
    "xls": {"xls"},
    "xlsx": {"xlsx"},
    "xlsm": {"xlsm"},
    "ppt": {"ppt"},
    "pptx": {"pptx"},
    "text": {"txt", "text", "csv", "log", "md"},
    "html": {"html", "htm", "xhtml"},
    "svg": {"svg"},
    "zip": {"zip"},
    "exe": {"exe", "dll", "scr", "com"},
    "rar": {"rar"},
    "7z": {"7z"},
    "gzip": {"gz", "tgz"},
}

_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD: Final = 8192


def sniff(data: bytes) -> str:
    """Return a short kind name ("pdf", "docx", "exe", "text", ...) or "unknown"."""
    head = data[:_HEAD]
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(data)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    guess = filetype.guess(head)
    if guess is not None:
        return str(KIND_BY_MIME.get(guess.mime, guess.extension))
    stripped = head.lstrip().lower()
    if stripped.startswith(b"%pdf"):
        return "pdf"
    if stripped.startswith((b"<svg", b"<?xml")) and b"<svg" in stripped:
        return "svg"
    if stripped.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script")):
        return "html"
    if stripped.startswith(b"#!"):
        return "script"
    if _looks_like_text(head):
        return "text"
    return "unknown"


def extension_of(filename: str) -> str:
    name = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def extension_matches(kind: str, filename: str) -> bool:
    """True when the file name's extension is one that bytes of `kind` may carry."""
    ext = extension_of(filename)
    if not ext:
        return True
    return ext in EXTENSIONS.get(kind, {kind})


def _looks_like_text(head: bytes) -> bool:
    if not head:
        return True
    if b"\x00" in head:
        return head.startswith((b"\xff\xfe", b"\xfe\xff"))
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is still text
        if exc.start < len(head) - 4:
            controls = sum(1 for b in head if b < 9 or 13 < b < 32)
            return controls == 0
    return True


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "zip"
    if "word/document.xml" in names:
        return "docm" if "word/vbaProject.bin" in names else "docx"
    if "xl/workbook.xml" in names:
        return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    return "zip"


def _ole_kind(data: bytes) -> str:
    # OLE2 containers name their main stream in UTF-16; enough to tell Word from Excel.
    body = data[: 1 << 20]
    if "WordDocument".encode("utf-16-le") in body:
        return "docm" if "Macros".encode("utf-16-le") in body else "doc"
    if "Workbook".encode("utf-16-le") in body or "Book".encode("utf-16-le") in body:
        return "xls"
    if "PowerPoint".encode("utf-16-le") in body:
        return "ppt"
    if "_VBA_PROJECT".encode("utf-16-le") in body:
        return "docm"
    return "ole"
