"""Parse a raw message once into the typed model every rule reads."""

from __future__ import annotations

import contextlib
import dataclasses
import email
import email.headerregistry
import email.policy
import email.utils
import hashlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import getaddresses
from typing import Final, Literal

import structlog

from relay.html import events as html_events
from relay.html.events import EventReader
from relay.html.facts import FactsReader, HtmlFacts
from relay.html.hidden import is_hidden
from relay.model import extract, mime_lift, quoting, sniff
from relay.verdict import Where

ORDER_ID: Final = re.compile(r"(?<![\d-])\d{3}-\d{7}-\d{7}(?![\d-])")
_URL: Final = re.compile(r"""(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'()\[\]{}]+""")
_HIDDEN_STYLE: Final = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0+)?\s*(?:;|$)", re.I
)
_CSS_SIZE: Final = re.compile(r"(?<![-\w])(width|height)\s*:\s*(\d+(?:\.\d+)?)\s*px", re.I)
_INVISIBLE_TAGS: Final = ("script", "style", "head", "title", "meta", "noscript", "template")
# Reply prefixes of the common mail clients and languages (Re, AW, SV, RV, R, Antw, 回复, 返信).
_REPLY_PREFIX: Final = re.compile(
    r"^\s*(?:\[[^\]]*\]\s*)?(?:re|aw|antw|sv|rv|r|ref|回复|回覆|返信)\s*(?:\[\d+\])?\s*[:：]",
    re.IGNORECASE,
)
_MAX_HTML_BYTES: Final = 5 * 1024 * 1024

# Parse limits. Python's email package and BeautifulSoup (the style rules and the rewrite edit
# the HTML with it) do superlinear work on some shapes
# (20,000 header fields: ~60 s; 10,000 parts: ~16 s; 3,000 nested multiparts: RecursionError;
# 10,000 HTML elements: seconds). Past a limit the structure is not walked, the message gets
# the LIMIT_DEFECT and MIME001 holds it for a person: bounded work, never an exception.
MAX_HEADER_FIELDS: Final = 500  # top-level header fields
MAX_HEADER_BYTES: Final = 16 * 1024  # one top-level header field, folded lines included
MAX_MULTIPARTS: Final = 50  # multipart containers (so also the nesting depth)
MAX_PARTS: Final = 500  # MIME body parts
MAX_HTML_TAGS: Final = 10_000
# The seller's own text, which the content rules match phrases in (~60 us a character):
# 50,000 characters is a very long letter. A long quoted history is allowed ten times that.
MAX_TEXT_CHARS: Final = 50_000
MAX_BODY_CHARS: Final = 500_000
MAX_SUBJECT_CHARS: Final = 2_000
LIMIT_DEFECT: Final = "MimeLimitDefect"
_FIELD_START: Final = re.compile(rb"(?m)^[!-9;-~]+[ \t]*:")
# Matched on the message lowered (ASCII), starting where their first word is: the same matches
# as the case-insensitive patterns, found with bytes.find instead of a regex scan of every byte
# (70 ms -> ~3 ms for a 1.4 MB message). Captured values are taken from the original bytes.
_BOUNDARY: Final = re.compile(
    rb"""\bboundary[ \t]*=[ \t]*(?:"([^"\r\n]{1,200})"|([^\s;"]{1,200}))"""
)
_MULTIPART_TYPE: Final = re.compile(rb"content-type[ \t]*:[ \t\r\n]*multipart/")
_HTML_TAG: Final = re.compile(r"<[A-Za-z!/?]")
_TAG_OR_COMMENT: Final = re.compile(r"<!--.*?-->|<[^>]*>", re.S)

_log = structlog.get_logger("relay.model.message")


class _SharedHeaderPolicy(email.policy.EmailPolicy):
    """`email.policy.default`, but a header field's parsed value is made once, not per read.

    The header registry parses a field again on every `msg.get(...)` (and `get_content_type`,
    `get_filename`, `get_param` ... read Content-Type and Content-Disposition many times per
    part): the bulk of parsing time. The parsed value depends on the field's name and raw value
    only and is immutable, so identical fields share it (within a message, and common ones such
    as `Content-Type: text/plain; charset=utf-8` across messages).
    """

    def header_fetch_parse(self, name: str, value: str) -> str:
        if hasattr(value, "name"):
            return value
        key = (name, value)
        found = _HEADER_VALUES.get(key)
        if found is None:
            found = super().header_fetch_parse(name, value)
            if len(value) <= _HEADER_VALUE_CHARS:
                if len(_HEADER_VALUES) >= _HEADER_VALUES_SIZE:
                    _HEADER_VALUES.clear()
                _HEADER_VALUES[key] = found
        return found


class _HeaderClasses(email.headerregistry.HeaderRegistry):
    """The header registry, with the class made for each field name kept (the stdlib builds a
    new class with `type()` on every lookup)."""

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type] = {}

    def __getitem__(self, name: str) -> type:
        key = name.lower()
        found = self._classes.get(key)
        if found is None:
            found = self._classes[key] = super().__getitem__(name)
        return found


_HEADER_VALUES: dict[tuple[str, str], str] = {}
_HEADER_VALUES_SIZE: Final = 1024
_HEADER_VALUE_CHARS: Final = 1000
_PARSE_POLICY: Final = _SharedHeaderPolicy(header_factory=_HeaderClasses())

LinkSource = Literal["href", "text"]


@dataclass(frozen=True, slots=True)
class Link:
    """A link the buyer could follow: an `<a href>` or a URL written in the text."""

    url: str
    source: LinkSource
    text: str = ""
    wraps_image: bool = False
    quoted: bool = False
    part: int = 0  # an href's text/html part (Where.HTML_SOURCE's part); 0 for text links


@dataclass(frozen=True, slots=True)
class Image:
    """An image shown in the body: an `<img>` element, with what is known of its part."""

    src: str
    width: int | None = None
    height: int | None = None
    hidden: bool = False
    alt: str = ""
    filename: str = ""
    content_type: str = ""
    link_href: str | None = None
    quoted: bool = False
    part: int = 0  # which text/html part it is in (Where.HTML_SOURCE's part)

    @property
    def evidence(self) -> str:
        """The element as a reviewer would recognise it, for a finding's evidence."""
        parts = [f'<img src="{self.src[:200]}"']
        if self.alt:
            parts.append(f'alt="{self.alt[:80]}"')
        if self.width is not None or self.height is not None:
            parts.append(f"size={self.width or '?'}x{self.height or '?'}")
        if self.hidden:
            parts.append("hidden")
        if self.link_href:
            parts.append(f'in <a href="{self.link_href[:200]}">')
        return " ".join(parts) + ">"

    @property
    def is_remote(self) -> bool:
        return self.src.lower().startswith(("http://", "https://", "//"))

    @property
    def is_cid(self) -> bool:
        return self.src.lower().startswith("cid:")


@dataclass(frozen=True, slots=True)
class Attachment:
    """A MIME leaf that is not the message's text body."""

    filename: str
    declared_type: str
    sniffed_kind: str
    size: int
    # The decoded bytes are not kept: rules read what was learnt from them here, and a 10 MB
    # attachment would otherwise be held (and pickled back from a parse process) once more.
    # Nor is their digest: nothing but the tests read one (relay.review.edit.attachment_bytes
    # gives the bytes), and it cost ~0.65 ms per 1 MB attachment in every parse.
    inline: bool = False
    content_id: str = ""
    extracted_text: str = ""  # PDF, DOCX and text files: read once here (relay.model.extract)
    extraction_note: str = ""  # why the text is empty or partial; "" when read completely


@dataclass(frozen=True, slots=True)
class TextPart:
    """A text/plain or text/html part a reader's client shows besides the body's two: a
    further inline part of a multipart/mixed, a second multipart/alternative, a part after an
    attachment, a forwarded message's text. Every content rule reads its own lines too
    (relay.model.locate.readable); spans into it carry `where` and `part`."""

    where: Where  # Where.TEXT or Where.HTML
    part: int  # the n-th part of its kind (relay.model.message.text_parts); the body's is 0
    text: str  # what ParsedMessage.text_of(where, part) gives: the decoded text, the HTML's text
    own_text: str  # the seller's lines of it (quoted lines and blocks cut out)
    html: str = ""  # the decoded markup of an HTML part (Where.HTML_SOURCE, part)
    hidden_text: str = ""  # as ParsedMessage.hidden_text, for this part
    attribute_text: str = ""  # as ParsedMessage.attribute_text, for this part
    html_facts: HtmlFacts | None = None  # as ParsedMessage.html_facts, for this part


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """Everything the rules read about one message, parsed once."""

    raw: bytes = field(repr=False)
    headers: tuple[tuple[str, str], ...]
    subject: str
    from_addresses: tuple[str, ...]
    to_addresses: tuple[str, ...]
    cc_addresses: tuple[str, ...]
    bcc_addresses: tuple[str, ...]
    message_id: str
    in_reply_to: str
    references: str
    plain_text: str | None
    html: str | None
    html_text: str | None
    own_text: str
    quoted_text: str
    links: tuple[Link, ...]
    images: tuple[Image, ...]
    attachments: tuple[Attachment, ...]
    defects: tuple[str, ...]
    digest: str
    # The seller's part of the HTML when a text/plain part is the body too (the other
    # alternative, which the buyer's client usually shows); its lines are lines of html_text.
    html_own_text: str = ""
    # What a reader of the HTML source or a scanner sees beyond the visible text: text inside
    # hidden elements, and alt and title attributes (the seller's part only), one per line.
    hidden_text: str = ""
    attribute_text: str = ""
    # The text parts besides the body's first text/plain and first text/html, in MIME order
    # (usually none).
    more_texts: tuple[TextPart, ...] = ()
    # The STY rules' facts of `html` (relay.html.facts.analyse), read in the same pass as its
    # text; None when they were not (the rules then read them on their own).
    html_facts: HtmlFacts | None = None

    @property
    def is_reply(self) -> bool:
        return bool(self.in_reply_to or self.references)

    @property
    def own_images(self) -> tuple[Image, ...]:
        """The seller's images: quoted images are the buyer's and are not judged."""
        return tuple(image for image in self.images if not image.quoted)

    @property
    def own_subject(self) -> str:
        """The Subject, unless it is `Re: <the buyer's subject>` on a reply: then the words
        are the buyer's, like quoted text, and not judged as the seller's."""
        if self.is_reply and _REPLY_PREFIX.match(self.subject):
            return ""
        return self.subject

    @property
    def visible_text(self) -> str:
        """Subject plus the seller's own text: what content, contact and language rules read."""
        return f"{self.own_subject}\n{self.own_text}".strip()

    @property
    def ledger_key(self) -> str:
        """What identifies this message in the ledger and in review claims."""
        return self.message_id or f"<no-message-id:{self.digest[:32]}>"

    @property
    def order_ids(self) -> tuple[str, ...]:
        """Order ids in the whole Subject (a reply's echoed one included) and the own text."""
        return tuple(dict.fromkeys(ORDER_ID.findall(f"{self.subject}\n{self.own_text}")))

    def text_of(self, where: Where, part: int = 0) -> str:
        """The original text a Span's offsets index (relay.verdict.Span), "" if there is none."""
        if part and where in (Where.TEXT, Where.HTML, Where.HTML_SOURCE):
            return self._more_text(where, part)
        if where is Where.SUBJECT:
            return self.subject
        if where is Where.TEXT:
            return self.plain_text or ""
        if where is Where.HTML:
            return self.html_text or ""
        if where is Where.HTML_SOURCE:
            return self.html or ""
        if where is Where.HEADER:
            return self.headers[part][1] if 0 <= part < len(self.headers) else ""
        if not 0 <= part < len(self.attachments):
            return ""
        attachment = self.attachments[part]
        if where is Where.ATTACHMENT_NAME:
            return attachment.filename
        return attachment.extracted_text

    def _more_text(self, where: Where, part: int) -> str:
        kind = Where.HTML if where is Where.HTML_SOURCE else where
        for found in self.more_texts:
            if found.where is kind and found.part == part:
                return found.html if where is Where.HTML_SOURCE else found.text
        return ""

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None

    def header_names(self) -> frozenset[str]:
        return frozenset(key.lower() for key, _ in self.headers)


def _within_limits(raw: bytes, lifted: mime_lift.Lifted) -> tuple[bytes, list[str]]:
    """The bytes to parse, cut down when the message is beyond a parse limit, and why.

    `lifted` is `mime_lift.lift(raw)`: the whole-message scans read its bytes instead of the
    1.4 MB of a PDF's base64 lines when those lines cannot hold a match (_inert)."""
    end = raw.find(b"\r\n\r\n")
    # only a bare blank line before the first CRLF one counts: searched for up to there (a
    # CRLF message has none, and looking through all of a 1.4 MB one took 1.6 ms)
    end_lf = raw.find(b"\n\n", 0, len(raw) if end < 0 else end)
    if end < 0 or 0 <= end_lf < end:
        end = end_lf
    head = raw if end < 0 else raw[:end]
    reasons: list[str] = []
    structure_ok = True
    starts = [m.start() for m in _FIELD_START.finditer(head)]
    if len(starts) > MAX_HEADER_FIELDS:
        reasons.append(f"{len(starts)} header fields (limit {MAX_HEADER_FIELDS})")
        head = head[: starts[MAX_HEADER_FIELDS]]
        starts = starts[:MAX_HEADER_FIELDS]
    bounds = sorted({0, *starts, len(head)})
    longest = max((b - a for a, b in itertools.pairwise(bounds)), default=0)
    if longest > MAX_HEADER_BYTES:
        # RFC 2047 abuse and the like: the header registry is slow on huge fields.
        reasons.append(f"a header field of {longest} bytes (limit {MAX_HEADER_BYTES})")
        head = b"".join(
            head[a:b] if b - a <= MAX_HEADER_BYTES else head[a : a + MAX_HEADER_BYTES] + b"\r\n"
            for a, b in itertools.pairwise(bounds)
        )
    scanned = lifted.data if all(_inert(run) for run in lifted.runs.values()) else raw
    lowered = scanned.lower()
    multiparts = sum(1 for _ in _matches_from(_MULTIPART_TYPE, b"content-type", lowered))
    boundaries = {
        scanned[m.start(1) : m.end(1)]
        if m.group(1) is not None
        else scanned[m.start(2) : m.end(2)]
        for m in _matches_from(_BOUNDARY, b"boundary", lowered)
    }
    if multiparts > MAX_MULTIPARTS or len(boundaries) > MAX_MULTIPARTS:
        reasons.append(f"{max(multiparts, len(boundaries))} multiparts (limit {MAX_MULTIPARTS})")
        structure_ok = False
    else:
        parts = sum(scanned.count(b"\n--" + boundary) for boundary in boundaries)
        if parts > MAX_PARTS:
            reasons.append(f"{parts} MIME parts (limit {MAX_PARTS})")
            structure_ok = False
    if not reasons:
        return raw, []
    if structure_ok:
        body = b"" if end < 0 else raw[end:]
        return head.rstrip(b"\r\n") + body, reasons
    return _headers_only(head), reasons


def _inert(run: mime_lift.Run) -> bool:
    """True when the limit scans find nothing in these lifted lines, so that the bytes with a
    placeholder line in their place give the same matches.

    The lines are base64 characters and "=" only, each line whole (lift()): no "-", so no
    "content-type" and no "\\n--"; no space, CR or LF inside a line, so no match runs into or
    out of the lines. A `boundary=` match inside needs a "=" right after the word, and a "="
    that is not one of the last two characters is refused here; "boundary" in the last
    characters is refused too."""
    text = run.text
    tail = len(text) - len(run.ending) - 2
    if text.find("=", 0, tail) >= 0:
        return False
    return "boundary" not in text[-64:].lower()


def _matches_from(
    pattern: re.Pattern[bytes], word: bytes, data: bytes
) -> Iterator[re.Match[bytes]]:
    """What `pattern.finditer(data)` gives, for a pattern whose every match starts with `word`:
    the pattern is tried only where bytes.find finds the word."""
    position = 0
    while (hit := data.find(word, position)) >= 0:
        match = pattern.match(data, hit)
        if match is None:
            position = hit + 1
        else:
            yield match
            position = max(match.end(), hit + 1)


def _headers_only(head: bytes) -> bytes:
    """The header fields alone, as a plain text message: the structure is not walked."""
    kept = [
        line
        for line in re.split(rb"\r?\n(?![ \t])", head)
        if not line.lower().startswith((b"content-type", b"content-transfer-encoding"))
    ]
    return b"\r\n".join(kept).rstrip(b"\r\n") + b"\r\n\r\n"


def parse(raw: bytes) -> ParsedMessage:
    """Parse raw RFC 5322 bytes. Never raises for malformed input; defects are recorded.

    If the structure cannot be read at all (a RecursionError in the email package on very deep
    nesting, or a bug), the headers alone are parsed and the
    LIMIT_DEFECT makes MIME001 hold the message: a verdict instead of a 451 the client would
    retry forever.
    """
    lifted = mime_lift.lift(raw)
    parsed_bytes, limits = _within_limits(raw, lifted)
    try:
        return _parse(raw, parsed_bytes, limits, lifted if parsed_bytes is raw else None)
    except Exception as exc:
        _log.warning("parse_fallback", error=type(exc).__name__, detail=str(exc)[:200])
        head, _sep, _body = parsed_bytes.replace(b"\r\n", b"\n").partition(b"\n\n")
        fallback = _headers_only(head.replace(b"\n", b"\r\n"))
        return _parse(raw, fallback, [*limits, f"structure unreadable ({type(exc).__name__})"])


def _parse(
    raw: bytes, parsed_bytes: bytes, limits: list[str], lifted: mime_lift.Lifted | None = None
) -> ParsedMessage:
    lifted = lifted or mime_lift.lift(parsed_bytes)
    msg = email.message_from_bytes(lifted.data, policy=_PARSE_POLICY)
    restored = mime_lift.restore(msg, lifted)
    # the lifted lines are in the parts again: a 10 MB attachment's text held twice otherwise
    del lifted
    if not restored:
        msg = email.message_from_bytes(parsed_bytes, policy=_PARSE_POLICY)
    defects: list[str] = [type(d).__name__ for d in msg.defects]
    if limits:
        defects.append(LIMIT_DEFECT)
        defects.extend(f"beyond parse limits: {reason}" for reason in limits)
    header_values = _HeaderValues(msg)
    headers = tuple(_safe_headers(header_values, defects))

    plain_part, html_part = body_parts(msg)
    plain_text = decode_text(plain_part, defects) if plain_part is not None else None
    html = decode_text(html_part, defects) if html_part is not None else None

    further = further_text_parts(msg, plain_part, html_part)
    body_ids = {id(plain_part), id(html_part), *(id(part) for _w, _i, part in further)}
    attachments = tuple(_attachments(msg, body_ids, defects))
    by_cid = {a.content_id: a for a in attachments if a.content_id}

    links: list[Link] = []
    images: list[Image] = []
    html_text: str | None = None
    html_own = ""
    html_quoted = ""
    concealed: list[str] = []
    facts: list[HtmlFacts] = []
    if html is not None:
        tags = len(_HTML_TAG.findall(html, 0, _MAX_HTML_BYTES))
        if tags <= MAX_HTML_TAGS:
            html_text, html_own, html_quoted = _read_html(
                html[:_MAX_HTML_BYTES],
                links,
                images,
                by_cid,
                concealed,
                # the STY facts are of the whole `html`: read with the text when that is all
                facts if len(html) <= _MAX_HTML_BYTES else None,
            )
        else:
            # Not built into a tree: the text with tags removed, and MIME001 holds it.
            defects.append(LIMIT_DEFECT)
            defects.append(f"beyond parse limits: {tags} HTML elements (limit {MAX_HTML_TAGS})")
            html_text = html_own = _crude_text(html[:_MAX_HTML_BYTES])
            html_quoted = ""
            html = None

    if plain_text is not None and len(plain_text) > MAX_BODY_CHARS:
        plain_text = _over_limit(plain_text, "text characters", MAX_BODY_CHARS, defects)
    if html_text is not None and len(html_text) > MAX_BODY_CHARS:
        html_text = _over_limit(html_text, "HTML text characters", MAX_BODY_CHARS, defects)
        html_own = html_own[:MAX_BODY_CHARS]
        html_quoted = html_quoted[:MAX_BODY_CHARS]
    html_own_text = ""
    if plain_text is not None:
        own_text, quoted_text = quoting.split_plain(plain_text)
        html_own_text = quoting.split_plain(html_own)[0][:MAX_TEXT_CHARS] if html_own else ""
    else:
        own_text, quoted_text = quoting.split_plain(html_own)
        quoted_text = "\n".join(t for t in (quoted_text, html_quoted) if t)
    if len(own_text) > MAX_TEXT_CHARS:
        own_text = _over_limit(own_text, "characters of own text", MAX_TEXT_CHARS, defects)

    subject = _header_text(header_values, "subject", defects)
    if len(subject) > MAX_SUBJECT_CHARS:
        subject = _over_limit(subject, "subject characters", MAX_SUBJECT_CHARS, defects)
    href_urls = {link.url for link in links}
    for match in _URL.finditer(f"{subject}\n{own_text}"):
        url = match.group(0).rstrip(".,;:!?")
        if url not in href_urls:
            links.append(Link(url=url, source="text", text=url))
    for match in _URL.finditer(quoted_text):
        links.append(Link(url=match.group(0).rstrip(".,;:!?"), source="text", quoted=True))

    more_texts = _more_texts(further, links, images, by_cid, defects) if further else ()

    return ParsedMessage(
        raw=raw,
        headers=headers,
        subject=subject,
        from_addresses=_addresses(header_values, "from", defects),
        to_addresses=_addresses(header_values, "to", defects),
        cc_addresses=_addresses(header_values, "cc", defects),
        bcc_addresses=_addresses(header_values, "bcc", defects),
        message_id=_header_text(header_values, "message-id", defects).strip(),
        in_reply_to=_header_text(header_values, "in-reply-to", defects).strip(),
        references=_header_text(header_values, "references", defects).strip(),
        plain_text=plain_text,
        html=html,
        html_text=html_text,
        own_text=own_text,
        quoted_text=quoted_text,
        links=tuple(links),
        images=tuple(images),
        attachments=attachments,
        defects=tuple(dict.fromkeys(defects)),
        digest=hashlib.sha256(raw).hexdigest(),
        html_own_text=html_own_text,
        hidden_text=concealed[0][:MAX_TEXT_CHARS] if concealed else "",
        attribute_text=concealed[1][:MAX_TEXT_CHARS] if concealed else "",
        more_texts=more_texts,
        html_facts=facts[0] if facts and html is not None else None,
    )


def _more_texts(
    further: list[tuple[Where, int, Message]],
    links: list[Link],
    images: list[Image],
    by_cid: dict[str, Attachment],
    defects: list[str],
) -> tuple[TextPart, ...]:
    """The text parts besides the body's two, read like the body: their links and images are
    added to the lists (after the body's), marked with their part."""
    found: list[TextPart] = []
    budget = MAX_TEXT_CHARS
    href_urls = {link.url for link in links if link.source == "href"}
    for where, index, part in further:
        decoded = decode_text(part, defects)
        if where is Where.TEXT:
            text = decoded[:MAX_BODY_CHARS]
            own, quoted = quoting.split_plain(text)
            item = TextPart(where, index, text, own)
        else:
            html = decoded[:_MAX_HTML_BYTES]
            facts: list[HtmlFacts] = []
            tags = len(_HTML_TAG.findall(html))
            if tags > MAX_HTML_TAGS:
                defects.append(LIMIT_DEFECT)
                defects.append(
                    f"beyond parse limits: {tags} HTML elements (limit {MAX_HTML_TAGS})"
                )
                text = own_html = _crude_text(html)
                html_quoted = ""
                concealed = ["", ""]
                html = ""
            else:
                part_links: list[Link] = []
                part_images: list[Image] = []
                concealed = []
                text, own_html, html_quoted = _read_html(
                    html, part_links, part_images, by_cid, concealed, facts
                )
                links.extend(dataclasses.replace(link, part=index) for link in part_links)
                images.extend(dataclasses.replace(image, part=index) for image in part_images)
                href_urls.update(link.url for link in part_links)
            text = text[:MAX_BODY_CHARS]
            own, quoted = quoting.split_plain(own_html[:MAX_BODY_CHARS])
            quoted = "\n".join(t for t in (quoted, html_quoted) if t)
            item = TextPart(
                where,
                index,
                text,
                own,
                html=html,
                hidden_text=concealed[0][:MAX_TEXT_CHARS],
                attribute_text=concealed[1][:MAX_TEXT_CHARS],
                html_facts=facts[0] if facts else None,
            )
        if len(item.own_text) > budget:
            cut = _over_limit(item.own_text, "characters of own text", budget, defects)
            item = dataclasses.replace(item, own_text=cut)
        budget -= len(item.own_text)
        found.append(item)
        for match in _URL.finditer(item.own_text):
            url = match.group(0).rstrip(".,;:!?")
            if url not in href_urls:
                links.append(Link(url=url, source="text", text=url))
        for match in _URL.finditer(quoted):
            links.append(Link(url=match.group(0).rstrip(".,;:!?"), source="text", quoted=True))
        if budget <= 0:
            break
    return tuple(found)


def _over_limit(text: str, what: str, limit: int, defects: list[str]) -> str:
    """The text cut at the limit, with the defect that makes MIME001 hold the message."""
    defects.append(LIMIT_DEFECT)
    defects.append(f"beyond parse limits: {len(text)} {what} (limit {limit})")
    return text[:limit]


def _crude_text(html: str) -> str:
    text = _TAG_OR_COMMENT.sub(" ", html)
    lines = (re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# A header field's value as the header registry gives it (`str(msg.get(name))`), without the
# registry for the common forms whose value it gives back unchanged (or, for a date, as
# `format_datetime` writes it): the registry's parse of a header is ~10-50 us, and the rules
# read every top-level field's value. Anything else (encoded words, non-ASCII bytes, comments,
# quoted names, groups, Content-* fields) goes to the registry.
_PRINTABLE: Final = re.compile(r"[\t -~]*")
_ATOM: Final = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_DOT_ATOM: Final = rf"{_ATOM}(?:\.{_ATOM})*"
_ADDR_SPEC: Final = rf"{_DOT_ATOM}@{_DOT_ATOM}"
_MAILBOX: Final = rf"(?:{_ADDR_SPEC}|{_ATOM}(?: {_ATOM})* <{_ADDR_SPEC}>)"
_SIMPLE_ADDRESSES: Final = re.compile(rf"{_MAILBOX}(?:, {_MAILBOX})*")
_SIMPLE_MESSAGE_ID: Final = re.compile(rf"<{_ADDR_SPEC}>")
_KINDS: Final = (
    (email.headerregistry.UnstructuredHeader, "unstructured"),
    (email.headerregistry.AddressHeader, "address"),
    (email.headerregistry.DateHeader, "date"),
    (email.headerregistry.MessageIDHeader, "message-id"),
    (email.headerregistry.MIMEVersionHeader, "mime-version"),
)


def _kind(header_class: type) -> str | None:
    return next((kind for base, kind in _KINDS if issubclass(header_class, base)), None)


_HEADER_KINDS: Final = {
    name: _kind(header_class)
    for name, header_class in _PARSE_POLICY.header_factory.registry.items()  # type: ignore[attr-defined]
}
_DEFAULT_KIND: Final = _kind(_PARSE_POLICY.header_factory.default_class)  # type: ignore[attr-defined]


def _plain_header_value(name: str, value: str) -> str | None:
    """`str(policy.header_fetch_parse(name, value))` for a value of a plain form, else None."""
    value = value.replace("\r", "").replace("\n", "")  # what header_fetch_parse takes out
    if "=?" in value or _PRINTABLE.fullmatch(value) is None:
        return None
    kind = _HEADER_KINDS.get(name.lower(), _DEFAULT_KIND)
    if kind == "unstructured":
        return value
    if kind == "address":
        return value if _SIMPLE_ADDRESSES.fullmatch(value) else None
    if kind == "message-id":
        return value if _SIMPLE_MESSAGE_ID.fullmatch(value) else None
    if kind == "mime-version":
        return value if value == "1.0" else None
    if kind == "date" and value:
        try:
            return email.utils.format_datetime(email.utils.parsedate_to_datetime(value))
        except Exception:
            return None  # the registry's answer, or its error, for an odd date
    return None


class _HeaderValues:
    """The message's own header fields' values, what `msg.get_all(name)` and `msg.get(name)`
    give as strings (or the exception they raise), each field's made once."""

    def __init__(self, msg: Message) -> None:
        self.policy = msg.policy
        self.fields = list(msg.raw_items())
        self.by_name: dict[str, list[int]] = {}
        for index, (name, _value) in enumerate(self.fields):
            self.by_name.setdefault(name.lower(), []).append(index)
        self.made: dict[int, str | Exception] = {}

    def _value(self, index: int) -> str:
        found = self.made.get(index)
        if found is None:
            name, value = self.fields[index]
            try:
                plain = None
                if isinstance(value, str) and not hasattr(value, "name"):
                    plain = _plain_header_value(name, value)
                found = (
                    plain if plain is not None else str(self.policy.header_fetch_parse(name, value))
                )
            except Exception as exc:  # the header registry raises on some broken headers
                found = exc
            self.made[index] = found
        if isinstance(found, Exception):
            raise found
        return found

    def all(self, name: str) -> list[str]:
        return [self._value(index) for index in self.by_name.get(name.lower(), ())]

    def first(self, name: str) -> str | None:
        indexes = self.by_name.get(name.lower())
        return self._value(indexes[0]) if indexes else None


def _safe_headers(values: _HeaderValues, defects: list[str]) -> list[tuple[str, str]]:
    result: list[tuple[str, str]] = []
    for key, _value in values.fields:
        try:
            found = values.all(key)
        except Exception as exc:
            defects.append(f"header {key}: {type(exc).__name__}")
            continue
        for value in found:
            result.append((key, value))
    return list(dict.fromkeys(result))


def _header_text(values: _HeaderValues, name: str, defects: list[str]) -> str:
    try:
        value = values.first(name)
    except Exception as exc:
        defects.append(f"header {name}: {type(exc).__name__}")
        return ""
    return "" if value is None else value


def _addresses(values: _HeaderValues, name: str, defects: list[str]) -> tuple[str, ...]:
    try:
        header = values.all(name)
    except Exception as exc:
        defects.append(f"header {name}: {type(exc).__name__}")
        return ()
    plain = _plain_addresses(header)
    if plain is not None:
        return tuple(dict.fromkeys(address.lower() for address in plain))
    found: list[str] = []
    for _display, address in getaddresses(header):
        if address and "@" in address:
            found.append(address.strip().lower())
    return tuple(dict.fromkeys(found))


def _plain_addresses(values: list[str]) -> list[str] | None:
    """The addresses `getaddresses(values)` finds, when every value is a plain mailbox list
    (`_SIMPLE_ADDRESSES`: no comma, angle bracket or space inside a name's word or an
    address, so the list splits at ", "); None otherwise."""
    if not all(_SIMPLE_ADDRESSES.fullmatch(value) for value in values):
        return None
    return [
        mailbox[mailbox.rfind("<") + 1 : -1] if mailbox.endswith(">") else mailbox
        for value in values
        for mailbox in value.split(", ")
    ]


def _is_attachment(part: Message) -> bool:
    disposition = (part.get("content-disposition") or "").split(";", 1)[0].strip().lower()
    return disposition == "attachment" or bool(part.get_filename())


def text_parts(
    msg: Message, plain: Message | None = None, html: Message | None = None
) -> list[Message]:
    """Every text part a reader's client shows: the body's two (body_parts, or those given)
    and the further ones (further_text_parts). None of them is an attachment."""
    if plain is None and html is None:
        plain, html = body_parts(msg)
    found = [p for p in (plain, html) if p is not None]
    found.extend(part for _where, _index, part in further_text_parts(msg, plain, html))
    return found


def further_text_parts(
    msg: Message, plain: Message | None, html: Message | None
) -> list[tuple[Where, int, Message]]:
    """The text/plain and text/html parts besides the body's `plain` and `html`, in MIME order,
    each with its kind and its index among the parts of its kind (the body's is 0, so the n-th
    further text/plain part is part n): what a client shows inline. Attachments, and the parts
    of an attached message (a message/rfc822 with Content-Disposition: attachment), are not."""
    found: list[tuple[Where, int, Message]] = []
    counts = {Where.TEXT: 0 if plain is None else 1, Where.HTML: 0 if html is None else 1}
    stack: list[tuple[Message, bool]] = [(msg, False)]
    while stack:
        part, attached = stack.pop()
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                inner = attached or (part is not msg and _is_attachment(part))
                stack.extend(
                    (child, inner) for child in reversed(children) if isinstance(child, Message)
                )
            continue
        if attached or part is plain or part is html or _is_attachment(part):
            continue
        content_type = part.get_content_type()
        where = (
            Where.TEXT
            if content_type == "text/plain"
            else Where.HTML
            if content_type == "text/html"
            else None
        )
        if where is not None:
            found.append((where, counts[where], part))
            counts[where] += 1
    return found


def body_parts(msg: Message) -> tuple[Message | None, Message | None]:
    """The first text/plain and text/html parts that are not attachments: the body."""
    plain: Message | None = None
    html: Message | None = None
    for part in msg.walk():
        if part.is_multipart() or _is_attachment(part):
            continue
        content_type = part.get_content_type()
        if content_type == "text/plain" and plain is None:
            plain = part
        elif content_type == "text/html" and html is None:
            html = part
    return plain, html


def decode_text(part: Message, defects: list[str] | None = None) -> str:
    """A text part's payload as text in its declared charset; an unknown charset is read as
    UTF-8 (and noted in `defects` when given), undecodable bytes replaced, never an error."""
    payload = mime_lift.decoded_payload(part)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        if defects is not None:
            defects.append(f"unknown charset {charset!r}")
        return payload.decode("utf-8", errors="replace")


def _attachments(msg: Message, body_ids: set[int], defects: list[str]) -> list[Attachment]:
    found: list[Attachment] = []
    budget = extract.Budget()
    for part in msg.walk():
        if part.is_multipart() or id(part) in body_ids:
            continue
        if isinstance(part, EmailMessage) and part.get_content_type() == "message/rfc822":
            continue
        payload = mime_lift.decoded_payload(part)
        data = payload if isinstance(payload, bytes) else b""
        for defect in part.defects:
            defects.append(type(defect).__name__)
        try:
            filename = part.get_filename() or ""
        except Exception:
            filename = ""
        disposition = (part.get("content-disposition") or "").split(";", 1)[0].strip().lower()
        content_id = (part.get("content-id") or "").strip().strip("<>")
        kind = sniff.sniff(data)
        try:
            charset = part.get_content_charset()
        except Exception:
            charset = None
        text = extract.extract(data, kind, charset=charset, budget=budget)
        found.append(
            Attachment(
                filename=filename,
                declared_type=part.get_content_type(),
                sniffed_kind=kind,
                size=len(data),
                inline=disposition != "attachment" and bool(content_id),
                content_id=content_id,
                extracted_text=text.text,
                extraction_note=text.reason,
            )
        )
    return found


# Text inside these elements is not read, the same as BeautifulSoup's "string containers" did
# (text under rt/rp, script, style and template was never the body's text nor a link's).
_NOT_TEXT: Final = frozenset({"rt", "rp", "script", "style", "template"})
_CLASSES: Final = re.compile(r"\S+")  # how BeautifulSoup split the class attribute
_KEEPS_BLANKS: Final = frozenset({"pre", "textarea"})
_BLANK_LINES: Final = re.compile(r"\n{3,}")


def _visible_text(strings: list[str]) -> str:
    """The text nodes a reader sees, one per line, spaces and blank lines collapsed."""
    # Every run of spaces, tabs and no-break spaces becomes one space, over the whole text at
    # once (no line end is one of them, so that is what collapsing each line gave). With str
    # methods, not a regex: `re.sub(r"[ \t\xa0]+", " ")` tried a character class at every
    # position and replaced every single space (~0.25 ms for an 8 kB HTML body's text).
    text = "\n".join(strings)
    if "\t" in text:
        text = text.replace("\t", " ")
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    while "  " in text:
        text = text.replace("  ", " ")  # halves every run: a few passes at most
    text = "\n".join(line.strip() for line in text.splitlines())
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


class _Anchor:
    """An `<a href>` while its text is read."""

    __slots__ = ("has_image", "href", "texts")

    def __init__(self, href: str) -> None:
        self.href = href
        self.texts: list[str] = []
        self.has_image = False


class _Part:
    """The seller's part of the HTML (quoted blocks left out) or one quoted block."""

    __slots__ = ("anchors", "images", "strings", "text_in")

    def __init__(self, text_in: str | None = None) -> None:
        # Which text nodes are its text: those under no element of _NOT_TEXT (None), or, for
        # a block that is such an element itself, those whose nearest one it is.
        self.text_in = text_in
        self.strings: list[str] = []
        self.anchors: list[_Anchor] = []
        self.images: list[Image] = []


class _Frame:
    """An open element: what the text and elements inside it inherit."""

    __slots__ = (
        "anchors",
        "block",
        "conceals",
        "full_out",
        "hidden",
        "href",
        "in_pre",
        "invisible",
        "last_empty",
        "last_empty_in_part",
        "name",
        "not_text",
        "part",
        "part_out",
        "rest_quoted",
    )

    def __init__(
        self,
        name: str,
        part: _Part,
        not_text: str | None,
        full_out: list[str],
        part_out: list[str],
    ) -> None:
        self.name = name
        self.part = part
        self.not_text = not_text  # the nearest element in _NOT_TEXT around it, if any
        # Where its visible text goes: the text, or the text of the invisible element around it
        # until that element's end decides (see _HtmlReader.end); the same inside its part.
        self.full_out = full_out
        self.part_out = part_out
        self.invisible = False
        self.in_pre = False  # inside <pre> or <textarea>: blank text is kept as it is
        self.block = False  # the root of a quoted block
        self.hidden = False  # a hidden style on an element around it, up to its block
        self.href: str | None = None  # the nearest <a href> around it, inside its block
        self.anchors: tuple[_Anchor, ...] = ()  # every <a href> around it, inside its block
        self.rest_quoted = False  # an Outlook marker was a child: the elements after it are quoted
        self.conceals = False  # inside an element that hides its content (relay.html.hidden)
        # Whether the last node inside it so far is empty (None: nothing inside yet): an empty
        # comment, doctype or text in a <pre> (elsewhere BeautifulSoup made blank ones a space),
        # in the document and in its part (quoted blocks cut out of the seller's part).
        self.last_empty: bool | None = None
        self.last_empty_in_part: bool | None = None


class _HtmlReader(EventReader[_Frame]):
    """An lxml parser target that reads the text, quoted blocks, links and images in one pass.

    BeautifulSoup's "lxml" builder is such a target too: it built its tree from the events of
    the same parser, with the same options, which this reads directly (no tree, no recursion:
    libxml2 builds no tree for a target, so its depth limit of 256 for trees does not cut deep
    HTML short). Every text node goes to the full text if a reader sees it, and to the own text
    or its quoted block's text (quoting.starts_quote) as if the blocks had been cut out of the
    document, which is what the old BeautifulSoup reader did, quirks included.
    """

    def __init__(self, by_cid: dict[str, Attachment]) -> None:
        self.by_cid = by_cid
        self.own = _Part()
        self.parts = [self.own]
        self.full: list[str] = []
        self.hidden: list[str] = []
        self.attributes: list[str] = []
        self.stack = [_Frame("", self.own, None, self.full, self.own.strings)]
        super().__init__()

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.flush()
        outer = self.stack[-1]
        part = outer.part
        block = part is self.own and (
            outer.rest_quoted
            or (
                name in quoting.QUOTE_TAG_NAMES
                and quoting.starts_quote(
                    name, _CLASSES.findall(attrs.get("class") or ""), attrs.get("id")
                )
            )
        )
        style = attrs.get("style")
        hidden_style = style is not None and _HIDDEN_STYLE.search(style) is not None
        invisible = hidden_style or name in _INVISIBLE_TAGS or attrs.get("hidden") is not None
        not_text = name if name in _NOT_TEXT else outer.not_text
        outer.last_empty = False
        in_pre = outer.in_pre or name in _KEEPS_BLANKS
        if block:
            part = _Part(name if name in _NOT_TEXT else None)
            self.parts.append(part)
            if attrs.get("id") in quoting.FOLLOWED_BY_QUOTE:
                outer.rest_quoted = True
            # A block is read on its own: what is around it does not hide its text or images,
            # nor is it hidden itself, and a link around it is not its link.
            frame = _Frame(name, part, not_text, [] if invisible else outer.full_out, part.strings)
            frame.block = True
            frame.invisible = invisible
            frame.in_pre = in_pre
            frame.hidden = hidden_style
            if name == "a":
                # Only what is inside a block is read: a block that is itself a link or an
                # image (an element after an Outlook marker can be) is not listed.
                frame.href = attrs.get("href")
            self.stack.append(frame)
            return
        outer.last_empty_in_part = False
        if part is self.own and not outer.conceals:
            for key in ("alt", "title"):
                value = attrs.get(key)
                if value and value.strip():
                    self.attributes.append(value.strip())
        if invisible:
            frame = _Frame(name, part, not_text, [], [])
            frame.invisible = True
        else:
            frame = _Frame(name, part, not_text, outer.full_out, outer.part_out)
        frame.in_pre = in_pre
        frame.hidden = outer.hidden or hidden_style
        frame.conceals = outer.conceals or is_hidden(attrs)
        frame.href = outer.href
        frame.anchors = outer.anchors
        if name == "a":
            href = attrs.get("href")
            if href is not None:
                anchor = _Anchor(href)
                part.anchors.append(anchor)
                frame.href = href
                frame.anchors = (*frame.anchors, anchor)
        elif name == "img":
            for anchor in frame.anchors:
                anchor.has_image = True
            part.images.append(self._image(attrs, frame, part is not self.own))
        self.stack.append(frame)

    def close_element(self) -> None:
        frame = self.stack.pop()
        outer = self.stack[-1]
        if frame.last_empty is not None:
            outer.last_empty = frame.last_empty
        if frame.invisible:
            # An invisible element is left out with everything inside, unless the last node
            # inside it is empty (`<pre><span hidden>x<!----></span>`): BeautifulSoup's walk
            # skipped to the node after the last one inside, and went into the element
            # instead when that node was an empty string. Kept, so that no text read before
            # is lost or added.
            if frame.last_empty:
                outer.full_out.extend(frame.full_out)
            if not frame.block and frame.last_empty_in_part:
                outer.part_out.extend(frame.part_out)
        if not frame.block and frame.last_empty_in_part is not None:
            outer.last_empty_in_part = frame.last_empty_in_part

    def comment(self, text: str) -> None:
        self.flush()
        frame = self.stack[-1]
        frame.last_empty = frame.last_empty_in_part = not text and frame.in_pre

    def pi(self, target: str, data: str | None = None) -> None:
        self.flush()
        frame = self.stack[-1]
        frame.last_empty = frame.last_empty_in_part = False

    def doctype(self, name: str | None, pubid: str | None, system: str | None) -> None:
        # A stray `<!doctype>` in the body is a node too, empty when it names nothing.
        self.flush()
        frame = self.stack[-1]
        empty = not name and pubid is None and system is None
        frame.last_empty = frame.last_empty_in_part = empty and frame.in_pre

    def on_text(self, text: str) -> None:
        frame = self.stack[-1]
        if not text and not frame.in_pre:
            text = " "  # BeautifulSoup's text node for blank text
        frame.last_empty = frame.last_empty_in_part = not text
        if frame.conceals and frame.not_text is None and frame.part is self.own and text.strip():
            self.hidden.append(text)
        if frame.not_text == frame.part.text_in:
            frame.part_out.append(text)
        if frame.not_text is None:
            frame.full_out.append(text)
            if frame.anchors:
                stripped = text.strip()
                if stripped:
                    for anchor in frame.anchors:
                        anchor.texts.append(stripped)

    def _image(self, attrs: dict[str, str], frame: _Frame, quoted: bool) -> Image:
        src = (attrs.get("src") or "").strip()
        style = attrs.get("style") or ""
        sizes = {m.group(1).lower(): m.group(2) for m in _CSS_SIZE.finditer(style)}
        width = _int(attrs.get("width")) or _int(sizes.get("width"))
        height = _int(attrs.get("height")) or _int(sizes.get("height"))
        part = self.by_cid.get(src[4:]) if src.lower().startswith("cid:") else None
        filename = part.filename if part else src.rsplit("/", 1)[-1].split("?", 1)[0]
        return Image(
            src=src,
            width=width,
            height=height,
            hidden=frame.hidden or attrs.get("hidden") is not None,
            alt=attrs.get("alt") or "",
            filename=filename,
            content_type=part.declared_type if part else "",
            link_href=frame.href,
            quoted=quoted,
        )


def _read_html(
    html: str,
    links: list[Link],
    images: list[Image],
    by_cid: dict[str, Attachment],
    concealed: list[str] | None = None,
    facts: list[HtmlFacts] | None = None,
) -> tuple[str, str, str]:
    """(full text, own text, quoted text) of the HTML; its links and images added to the lists,
    the seller's first, then each quoted block's, links before images; the seller's hidden
    text and then the alt and title attributes added to `concealed` (two entries); with
    `facts`, the STY rules' facts of the HTML added to it, read in the same pass (one parse of
    the markup for both; nothing is added if their reader failed)."""
    reader = _HtmlReader(by_cid)
    if facts is None:
        html_events.read(html, reader)
    else:
        facts_reader = FactsReader()
        if html_events.read_both(html, reader, facts_reader):
            # should they fail, the STY rules read them again on their own, and fail there
            with contextlib.suppress(Exception):
                facts.append(facts_reader.facts())
    if concealed is not None:
        concealed.append(_visible_text(reader.hidden))
        concealed.append("\n".join(reader.attributes))
    for part in reader.parts:
        quoted = part is not reader.own
        for anchor in part.anchors:
            href = anchor.href.strip()
            if not href or href.startswith("#"):
                continue
            text = " ".join(anchor.texts)
            wraps_image = anchor.has_image and not text
            links.append(
                Link(url=href, source="href", text=text, wraps_image=wraps_image, quoted=quoted)
            )
        images.extend(part.images)
    quoted_text = "\n".join(_visible_text(part.strings) for part in reader.parts[1:])
    return _visible_text(reader.full), _visible_text(reader.own.strings), quoted_text


def _int(value: object) -> int | None:
    if value is None:
        return None
    match = re.match(r"\s*(\d+)", str(value))
    return int(match.group(1)) if match else None


def address_domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower() if "@" in address else ""
