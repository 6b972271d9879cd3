"""Text from attachments (PDF, DOCX, plain text), bounded in size and time; never raises.

Extraction runs once, at parse time (relay.model.message), so every rule reads the same text. A file
whose text cannot be read yields empty text and a reason; a file read only in part yields the
part and a reason. Bounds (see `Limits`):

- input: files over `max_input_bytes` are not opened;
- output: at most `max_chars` characters per file and `message_chars` per message;
- time: `max_seconds` per file and `message_seconds` per message, in CPU seconds of the parsing
  thread, checked between PDF pages and every few hundred XML elements (pure-Python work cannot
  be interrupted in between, so each step is itself bounded by the stream caps below);
- PDF: at most `max_pages` pages; pypdf's own resource limits lowered (decompressed stream
  size, content-stream parsing work, XObject invocations, array and dictionary sizes) and the
  external jbig2dec program never called; every exception (pypdf's, RecursionError,
  MemoryError, ...) caught;
- DOCX: the ZIP's entry count is read from its end record before the archive is opened; each
  member's declared size and compression ratio are checked before it is read, and it is read
  through a capped stream (a lying header cannot make it bigger); XML is parsed incrementally
  with entities, DTDs and network access off.

DOCX is read directly (word/document.xml and friends) rather than with python-docx: python-docx
loads every part of the package into memory with no size or ratio check, and its paragraph API
misses text boxes, headers, footers, footnotes and hyperlink targets, which are exactly where
a phone number or a web address hides. Reading the XML directly is bounded and complete.
"""

from __future__ import annotations

import codecs
import io
import re
import struct
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from relay.model import sniff

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL_HYPERLINK: Final = "relationships/hyperlink"
_URL_IN_FIELD: Final = re.compile(r'HYPERLINK\s+"([^"]+)"', re.I)
_DOCX_TEXT_PARTS: Final = re.compile(
    r"word/(?:document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml"
)
_DOCX_RELS: Final = re.compile(r"word/_rels/(?:document|header\d*|footer\d*)\.xml\.rels")


def _clock() -> float:
    """CPU time of this thread: the bound holds the same on an idle and on a busy relay
    (parses in other threads, other processes), and a slow extraction cannot hide behind
    waiting. Parsing runs in one thread per message, so the budget follows the message."""
    return time.thread_time()


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds of one extraction; the defaults suit a relay under load."""

    max_input_bytes: int = 10 * 1024 * 1024
    max_chars: int = 200_000
    max_seconds: float = 2.0
    message_chars: int = 400_000
    message_seconds: float = 5.0
    max_pages: int = 50
    pdf_stream_bytes: int = 4 * 1024 * 1024
    pdf_parse_work: int = 100_000
    zip_max_entries: int = 2_000
    zip_member_bytes: int = 8 * 1024 * 1024
    zip_total_bytes: int = 24 * 1024 * 1024
    zip_max_ratio: float = 100.0
    zip_ratio_floor: int = 1024 * 1024
    text_max_bytes: int = 1024 * 1024


DEFAULT_LIMITS: Final = Limits()


@dataclass(frozen=True, slots=True)
class Extraction:
    """The text read from one file, and why it is empty or partial (empty reason: complete)."""

    text: str
    reason: str = ""


NOTHING_TO_READ: Final = ("empty", "no text found", "no text extracted from ")


def incomplete(reason: str) -> bool:
    """True when a file has text that was not read (a bound, damage, encryption).

    A file with nothing to read (an image, an empty file, a scanned PDF) is not incomplete.
    """
    return bool(reason) and not reason.startswith(NOTHING_TO_READ)


@dataclass
class Budget:
    """What one message may still spend on extraction, shared by its attachments."""

    limits: Limits = DEFAULT_LIMITS
    chars: int = -1
    deadline: float = 0.0
    _started: bool = field(default=False, repr=False)

    def start(self) -> None:
        if not self._started:
            self._started = True
            self.chars = self.limits.message_chars
            self.deadline = _clock() + self.limits.message_seconds


class _Stop(Exception):
    """A bound was reached; the text read so far is kept."""


class _Collector:
    """Accumulates text under a character cap and a deadline."""

    def __init__(self, limits: Limits, budget: Budget) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.cap = min(limits.max_chars, max(budget.chars, 0))
        self.deadline = min(_clock() + limits.max_seconds, budget.deadline)
        self.reason = ""

    def add(self, text: str) -> None:
        if not text:
            return
        room = self.cap - self.size
        if room <= 0:
            self.stop("character limit reached")
        piece = text[:room]
        self.parts.append(piece)
        self.size += len(piece)
        if len(piece) < len(text):
            self.stop("character limit reached")

    def check_time(self) -> None:
        if _clock() > self.deadline:
            self.stop("time limit reached")

    def stop(self, reason: str) -> None:
        self.reason = self.reason or reason
        raise _Stop(reason)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def extract(
    data: bytes,
    kind: str,
    *,
    charset: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    budget: Budget | None = None,
) -> Extraction:
    """The readable text of a file of the sniffed `kind`; never raises."""
    if kind not in ("pdf", "docx", "docx-objects", "docm", "doc", "text"):
        return Extraction("", f"no text extracted from {kind}" if kind != "empty" else "empty")
    if len(data) > limits.max_input_bytes:
        return Extraction("", f"not read: {len(data)} bytes, limit {limits.max_input_bytes}")
    budget = budget or Budget(limits)
    budget.start()
    if budget.chars <= 0 or _clock() > budget.deadline:
        return Extraction("", "message extraction budget spent")
    collector = _Collector(limits, budget)
    try:
        if kind == "pdf":
            _pdf(data, limits, collector)
        elif kind == "text":
            collector.add(decode_text(data[: limits.text_max_bytes], charset))
            if len(data) > limits.text_max_bytes:
                collector.reason = "size limit reached"
        elif kind == "doc":
            _doc(data, limits, collector)
        else:
            _docx(data, limits, collector)
    except _Stop:
        pass
    except Exception as exc:  # every library error, RecursionError and MemoryError included
        collector.reason = collector.reason or f"unreadable {kind}: {type(exc).__name__}"
    text = collector.text
    budget.chars -= len(text)
    if not text.strip() and not collector.reason:
        collector.reason = "no text found"
    return Extraction(text, collector.reason)


# ---- text -----------------------------------------------------------------------------------


def decode_text(data: bytes, charset: str | None = None) -> str:
    """Decode a text file: byte-order mark, the declared charset, UTF-8, then a guess.

    The guess: Windows-1252 for text whose few non-ASCII bytes all decode (accented Latin);
    otherwise charset-normalizer (Shift-JIS, EUC-JP and the like), Windows-1252 at last.
    """
    encoding = sniff.text_encoding(data)
    if encoding is not None:
        return data.decode(encoding, errors="replace").lstrip("\ufeff")
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            codecs.lookup(candidate)
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    high = sum(1 for b in data[:65536] if b > 127)
    if high < len(data[:65536]) * 0.2:  # accented Latin text; CJK text is mostly high bytes
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except Exception:
        pass
    return data.decode("cp1252", errors="replace")


# ---- PDF ------------------------------------------------------------------------------------


def _pdf_configuration(limits: Limits) -> dict[str, Any]:
    return {
        "maximum_declared_stream_length": limits.pdf_stream_bytes,
        "array_based_stream_maximum_output_length": limits.pdf_stream_bytes,
        "zlib_maximum_output_length": limits.pdf_stream_bytes,
        "lzw_maximum_output_length": limits.pdf_stream_bytes,
        "run_length_maximum_output_length": limits.pdf_stream_bytes,
        "brotli_maximum_output_length": limits.pdf_stream_bytes,
        "jbig2_maximum_output_length": limits.pdf_stream_bytes,
        "image_maximum_buffer_size": limits.pdf_stream_bytes,
        "stream_decoding_work_maximum_length": limits.pdf_stream_bytes * 4,
        "stream_parsing_work_maximum_count": limits.pdf_parse_work,
        "array_maximum_element_count": 20_000,
        "dictionary_maximum_element_count": 20_000,
        "xform_maximum_invocations_per_extraction": 200,
        "page_tree_maximum_entries": 2_000,
        "page_tree_maximum_page_entries": 50_000,
        "outline_maximum_entries": 10_000,
        "form_fields_maximum_entries": 10_000,
        "named_destinations_maximum_entries": 10_000,
        "xmp_maximum_input_length": 1024 * 1024,
        "xfa_decoding_work_maximum_length": limits.pdf_stream_bytes,
        "jbig2dec_binary": None,
        "disable_legacy_handling": True,
    }


def _pdf(data: bytes, limits: Limits, out: _Collector) -> None:
    import pypdf

    with pypdf.apply_configuration(**_pdf_configuration(limits)):
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    out.reason = "encrypted PDF"
                    return
            except Exception:
                out.reason = "encrypted PDF"
                return
        pages = reader.pages
        count = len(pages)
        for index in range(min(count, limits.max_pages)):
            out.check_time()
            page = pages[index]
            try:
                text = page.extract_text() or ""
            except _Stop:
                raise
            except Exception as exc:
                out.reason = out.reason or f"page {index + 1} unreadable: {type(exc).__name__}"
                text = ""
            out.add(text.replace("\x00", ""))
            out.add("\n")
            for uri in _pdf_links(page):
                out.add(uri + "\n")
        if count > limits.max_pages:
            out.reason = out.reason or f"read {limits.max_pages} of {count} pages"


def _pdf_links(page: Any) -> Iterator[str]:
    """The URIs of a page's link annotations (the text may show something else)."""
    try:
        annots = page.get("/Annots")
        annots = annots.get_object() if annots is not None else []
        for ref in list(annots)[:200]:
            annot = ref.get_object()
            action = annot.get("/A")
            action = action.get_object() if action is not None else None
            if action is not None and action.get("/URI") is not None:
                uri = action.get("/URI")
                uri = uri.get_object() if hasattr(uri, "get_object") else uri
                if isinstance(uri, bytes):
                    uri = uri.decode("latin-1")
                yield str(uri)[:2000]
    except Exception:
        return


# ---- DOCX -----------------------------------------------------------------------------------


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, spent: list[int]
) -> bytes | None:
    """A member's bytes, or None when its declared size or ratio is out of bounds."""
    if info.file_size > limits.zip_member_bytes:
        return None
    if info.file_size > limits.zip_ratio_floor and (
        info.compress_size == 0 or info.file_size / info.compress_size > limits.zip_max_ratio
    ):
        return None
    room = min(limits.zip_member_bytes, limits.zip_total_bytes - spent[0])
    if info.file_size > room:
        return None
    with archive.open(info) as handle:
        raw = handle.read(room + 1)
    if len(raw) > room:  # the header lied about the size
        return None
    spent[0] += len(raw)
    return raw


def _docx(data: bytes, limits: Limits, out: _Collector) -> None:
    entries = sniff.zip_entry_count(data)
    if entries is None or entries > limits.zip_max_entries:
        out.reason = f"archive not opened: {entries} entries"
        return
    spent = [0]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = {info.filename: info for info in archive.infolist()}
        parts = sorted(
            (n for n in infos if _DOCX_TEXT_PARTS.fullmatch(n)),
            key=lambda n: (n != "word/document.xml", n),
        )
        skipped: list[str] = []
        for name in parts:
            out.check_time()
            raw = _read_member(archive, infos[name], limits, spent)
            if raw is None:
                skipped.append(name)
                continue
            _docx_xml(raw, out)
            out.add("\n")
        for name in sorted(n for n in infos if _DOCX_RELS.fullmatch(n)):
            raw = _read_member(archive, infos[name], limits, spent)
            if raw is None:
                skipped.append(name)
                continue
            for target in _external_links(raw):
                out.add(target + "\n")
        if skipped:
            out.reason = out.reason or "not read (size or compression ratio): " + ", ".join(
                skipped
            )


def _xml_events(raw: bytes, events: tuple[str, ...]) -> Any:
    from lxml import etree

    return etree.iterparse(
        io.BytesIO(raw),
        events=events,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _docx_xml(raw: bytes, out: _Collector) -> None:
    for seen, (_event, element) in enumerate(_xml_events(raw, ("end",)), start=1):
        tag = element.tag
        if tag == f"{_W}t":
            out.add(element.text or "")
        elif tag == f"{_W}tab":
            out.add("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            out.add("\n")
        elif tag == f"{_W}instrText":
            match = _URL_IN_FIELD.search(element.text or "")
            if match:
                out.add(f" {match.group(1)} ")
        elif tag == f"{_W}p":
            out.add("\n")
            element.clear()
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
        if seen % 500 == 0:
            out.check_time()


def _external_links(raw: bytes) -> Iterator[str]:
    for _event, element in _xml_events(raw, ("end",)):
        if (
            str(element.tag).endswith("Relationship")
            and str(element.get("Type", "")).endswith(_REL_HYPERLINK)
            and element.get("TargetMode") == "External"
        ):
            yield str(element.get("Target", ""))[:2000]


# ---- Word 97-2003 (.doc) --------------------------------------------------------------------

_PIECE_CONTROLS: Final = str.maketrans(
    {"\r": "\n", "\x07": "\t", "\x0b": "\n", "\x0c": "\n", "\x13": " ", "\x14": " ", "\x15": " "}
)
_FIB_FLAGS: Final = 0x0A
_FIB_CLX: Final = 0x01A2  # fcClx, lcbClx in FibRgFcLcb97


def _doc(data: bytes, limits: Limits, out: _Collector) -> None:
    """The text of a Word 97-2003 binary document, from its piece table ([MS-DOC] 2.4.1).

    The compound file is read with olefile; each stream is size-checked before it is read.
    """
    import olefile  # type: ignore[import-untyped]

    with olefile.OleFileIO(data) as ole:
        if not ole.exists("WordDocument"):
            out.reason = "Word document without a WordDocument stream"
            return
        word = _ole_stream(ole, "WordDocument", limits)
        if word is None or len(word) < _FIB_CLX + 8:
            out.reason = out.reason or "Word document stream too large or too short"
            return
        ident, nfib = struct.unpack_from("<HH", word, 0)
        (flags,) = struct.unpack_from("<H", word, _FIB_FLAGS)
        if ident != 0xA5EC or nfib < 101:
            out.reason = "Word 6/95 or unknown Word format: text not extracted"
            return
        if flags & 0x0100:
            out.reason = "encrypted Word document"
            return
        table = _ole_stream(ole, "1Table" if flags & 0x0200 else "0Table", limits)
        if table is None:
            out.reason = "Word table stream missing or too large"
            return
        fc_clx, lcb_clx = struct.unpack_from("<II", word, _FIB_CLX)
        for piece in _doc_pieces(word, table[fc_clx : fc_clx + lcb_clx]):
            out.add(piece.translate(_PIECE_CONTROLS))
            out.check_time()


def _ole_stream(ole: Any, name: str, limits: Limits) -> bytes | None:
    if not ole.exists(name) or ole.get_size(name) > limits.zip_member_bytes:
        return None
    with ole.openstream(name) as stream:
        raw: bytes = stream.read(limits.zip_member_bytes + 1)
    return raw if len(raw) <= limits.zip_member_bytes else None


def _doc_pieces(word: bytes, clx: bytes) -> Iterator[str]:
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: formatting, skipped
        (size,) = struct.unpack_from("<H", clx, at + 1)
        at += 3 + size
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise ValueError("no piece table")
    (lcb,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5 : at + 5 + lcb]
    count = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    for index in range(count):
        (fc,) = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)
        length = max(0, cps[index + 1] - cps[index])
        if fc & 0x40000000:  # 8-bit characters (Windows-1252) at fc / 2
            start = (fc & 0x3FFFFFFF) // 2
            yield word[start : start + length].decode("cp1252", errors="replace")
        else:
            yield word[fc : fc + 2 * length].decode("utf-16-le", errors="replace")


def minimal_pdf(text: str) -> bytes:
    """A one-page PDF that shows `text` (ASCII, no parentheses or backslashes): what the relay
    and its parse processes read once at start, so that the first buyer's PDF does not wait
    for the PDF reader's import and first use (~100-200 ms)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
