"""Decide a file's type from its bytes, never from its name.

`sniff(data)` returns a short kind name. Containers are looked into: a ZIP is told apart from
DOCX, macro-enabled DOCM, XLSX/XLSM, PPTX, OpenDocument, EPUB and JAR by its member names and
`[Content_Types].xml` (read with a size cap); an OLE2 compound file is told apart from Word,
Excel and PowerPoint by the names in its directory. Text is recognised in UTF-8, UTF-16 (with or
without a byte-order mark) and the legacy 8-bit and CJK encodings; markup (HTML, SVG) and
scripts are not "text". Sniffing never raises.
"""

from __future__ import annotations

import io
import re
import struct
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
    "image/heic": "heic",
    "image/svg+xml": "svg",
    "application/x-msdownload": "exe",
    "application/x-executable": "elf",
    "application/x-mach-binary": "macho",
    "application/zip": "zip",
    "application/x-rar-compressed": "rar",
    "application/vnd.rar": "rar",
    "application/x-7z-compressed": "7z",
    "application/gzip": "gzip",
    "application/x-bzip2": "bzip2",
    "application/x-xz": "xz",
    "application/x-tar": "tar",
    "application/zstd": "zstd",
    "application/vnd.ms-cab-compressed": "cab",
    "application/x-shockwave-flash": "swf",
    "application/rtf": "rtf",
    "application/x-msi": "msi",
    "application/epub+zip": "epub",
    "application/wasm": "wasm",
}

EXTENSIONS: Final = {
    "pdf": {"pdf"},
    "jpeg": {"jpg", "jpeg", "jpe", "jfif"},
    "png": {"png"},
    "gif": {"gif"},
    "doc": {"doc", "dot"},
    "docx": {"docx"},
    "docx-objects": {"docx"},
    "docm": {"docm", "dotm"},
    "xls": {"xls"},
    "xlsx": {"xlsx"},
    "xlsm": {"xlsm"},
    "ppt": {"ppt"},
    "pptx": {"pptx"},
    "text": {"txt", "text", "csv", "tsv", "log", "md"},
    "html": {"html", "htm", "xhtml", "shtml"},
    "svg": {"svg"},
    "zip": {"zip"},
    "exe": {"exe", "dll", "scr", "com", "sys"},
    "rar": {"rar"},
    "7z": {"7z"},
    "gzip": {"gz", "tgz"},
    "script": {"sh", "bash", "py", "pl", "rb", "ps1", "bat", "cmd", "vbs", "js"},
    "epub": {"epub"},
    "jar": {"jar"},
    "odf": {"odt", "ods", "odp", "odg"},
}

# Kinds whose extension says nothing either way (there is no content to contradict it).
_NO_EVIDENCE: Final = frozenset({"empty"})

_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD: Final = 8192
_ZIP_EOCD: Final = b"PK\x05\x06"
_CONTENT_TYPES_MAX: Final = 1 << 20  # [Content_Types].xml larger than this is not believed
_OLE_SCAN_MAX: Final = 32 << 20
_ZIP_MAX_ENTRIES: Final = 5_000

_WORD_MAIN: Final = "wordprocessingml.document.main+xml"
_WORD_MACRO: Final = "ms-word.document.macroenabled.main+xml"
_WORD_MACRO_TEMPLATE: Final = "ms-word.template.macroenabledtemplate.main+xml"
_EXCEL_MACRO: Final = "ms-excel.sheet.macroenabled.main+xml"

_MARKUP_START: Final = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|script|iframe|frameset|meta|title|div|table|form"
    rb"|style|link|a\s|p>|span|img|object|embed|base|svg|math)\b",
    re.I,
)
_LEADING_NOISE: Final = re.compile(rb"\A(?:\s|<\?xml[^>]*>|<!--.*?-->)*", re.S)
_SCRIPT_START: Final = re.compile(
    rb"\A(?:#!|@echo\s+off|@setlocal|option\s+explicit\b|on\s+error\s+resume\s+next\b)", re.I
)
_WEAK_SIGNATURES: Final = frozenset({"exe", "bmp", "ps", "mp3", "ico", "cur", "Z"})
_BOMS: Final = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(data: bytes) -> str:
    """Return a short kind name ("pdf", "docx", "exe", "text", ...) or "unknown"."""
    try:
        return _sniff(data)
    except Exception:  # a broken container must not break the parse
        return "unknown"


def _sniff(data: bytes) -> str:
    if not data:
        return "empty"
    head = data[:_HEAD]
    if head.startswith(_OLE_MAGIC):
        return _ole_kind(data)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return _zip_kind(data)
    guess = filetype.guess(head)
    if guess is not None and not (
        # two-letter signatures ("MZ", "BM", "%!", "ID3") also start ordinary sentences
        guess.extension in _WEAK_SIGNATURES and b"\x00" not in head and _text_sample(head)
    ):
        return str(KIND_BY_MIME.get(guess.mime, guess.extension))
    if b"%PDF-" in head[:1024]:  # readers accept up to 1 KB of junk before the header
        return "pdf"
    text_head = _text_sample(head)
    if text_head is None:
        return "zip" if _has_zip_trailer(data) else "unknown"
    if _has_zip_trailer(data):  # text in front of an archive (a polyglot) is an archive
        return "zip"
    stripped = _LEADING_NOISE.sub(b"", text_head.lstrip()).lower()
    if stripped.startswith((b"<svg", b"<!doctype svg")) or (
        text_head.lstrip().startswith(b"<") and b"<svg" in stripped[:2048]
    ):
        return "svg"
    if _MARKUP_START.match(stripped):
        return "html"
    if _SCRIPT_START.match(stripped):
        return "script"
    return "text"


def extension_of(filename: str) -> str:
    name = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].strip().rstrip(".")
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def extension_matches(kind: str, filename: str) -> bool:
    """True when the file name's extension is one that bytes of `kind` may carry."""
    ext = extension_of(filename)
    if not ext or kind in _NO_EVIDENCE:
        return True
    return ext in EXTENSIONS.get(kind, {kind})


def text_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark or the NUL pattern of UTF-16 text reveals, if any."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return _bomless_utf16(data[:_HEAD])


def _text_sample(head: bytes) -> bytes | None:
    """The head as ASCII-compatible bytes when it is text, else None."""
    encoding = text_encoding(head)
    if encoding is not None and encoding != "utf-8-sig":
        sample = head[: len(head) - len(head) % 2]
        decoded = sample.decode(encoding, errors="ignore").lstrip("\ufeff")
        if _controls(decoded) > len(decoded) // 100:
            return None
        return decoded.encode("utf-8", errors="ignore")
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is still text; other bytes may
        # be Latin-1, Windows-1252, Shift-JIS or EUC-JP text: then there are no control bytes
        if exc.start < len(head) - 4 and any(b < 9 or (13 < b < 32 and b != 27) for b in head):
            return None
    return head


def _controls(text: str) -> int:
    return sum(1 for c in text if ord(c) < 9 or 13 < ord(c) < 32)


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without a byte-order mark: mostly-ASCII text has a NUL in every other byte."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 8:
        return None
    even = sample[0::2]
    odd = sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > half * 0.6 and even.count(0) < half * 0.1:
        return "utf-16-le"
    if even.count(0) > half * 0.6 and odd.count(0) < half * 0.1:
        return "utf-16-be"
    return None


def _has_zip_trailer(data: bytes) -> bool:
    tail = data[-(65536 + 22) :]
    return _ZIP_EOCD in tail and zipfile.is_zipfile(io.BytesIO(data))


def _zip_kind(data: bytes) -> str:
    entries = zip_entry_count(data)
    if entries is None or entries > _ZIP_MAX_ENTRIES:
        return "zip"  # not opened: a central directory that size is no office document
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            content_types = ""
            info = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
            if info is not None and info.file_size <= _CONTENT_TYPES_MAX:
                with archive.open(info) as handle:
                    raw = handle.read(_CONTENT_TYPES_MAX + 1)[:_CONTENT_TYPES_MAX]
                content_types = raw.decode("utf-8", errors="replace").lower()
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as handle:
                    mimetype = handle.read(100)
    except Exception:  # BadZipFile, truncated, encrypted, unsupported compression...
        return "zip"
    if _WORD_MACRO in content_types or _WORD_MACRO_TEMPLATE in content_types:
        return "docm"
    if "word/document.xml" in names or _WORD_MAIN in content_types:
        if "word/vbaproject.bin" in {n.lower() for n in names}:
            return "docm"
        if any(_is_active_object(n) for n in names):
            return "docx-objects"
        return "docx"
    if _EXCEL_MACRO in content_types or "xl/vbaProject.bin" in names:
        return "xlsm"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if mimetype.startswith(b"application/epub") or "META-INF/container.xml" in names:
        return "epub"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return "odf"
    if "META-INF/MANIFEST.MF" in names or any(n.endswith(".class") for n in names):
        return "jar"
    return "zip"


def zip_entry_count(data: bytes) -> int | None:
    """The entry count from a ZIP's end-of-central-directory record (ZIP64 too), unopened."""
    tail = data[-(65536 + 22) :]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return None
    (total,) = struct.unpack_from("<H", tail, at + 10)
    if total == 0xFFFF:
        locator = tail.rfind(b"PK\x06\x06", 0, at)
        if locator < 0 or len(tail) < locator + 40:
            return None
        (total,) = struct.unpack_from("<Q", tail, locator + 32)
    return int(total)


def _is_active_object(name: str) -> bool:
    """ActiveX controls and OLE packages (which can carry any file, programs included)."""
    lower = name.lower()
    return lower.startswith("word/activex/") or (
        lower.startswith("word/embeddings/") and lower.endswith(".bin")
    )


def _ole_kind(data: bytes) -> str:
    # OLE2 containers name their streams in UTF-16 in the directory sectors: enough to tell
    # Word from Excel and to see a VBA project, without a full compound-file parser.
    body = data[:_OLE_SCAN_MAX]

    def has(name: str) -> bool:
        return name.encode("utf-16-le") in body

    if has("EncryptedPackage"):  # a password-protected DOCX/XLSX: nothing can be checked
        return "encrypted-office"
    if has("WordDocument"):
        return "docm" if has("Macros") or has("_VBA_PROJECT") else "doc"
    if has("Workbook") or has("Book"):
        return "xlsm" if has("_VBA_PROJECT_CUR") else "xls"
    if has("PowerPoint Document"):
        return "ppt"
    if has("_VBA_PROJECT"):
        return "docm"
    if has("\x05SummaryInformation") and b"Installer" in body:
        return "msi"
    return "ole"
