"""ATT: what may be attached, judged by the bytes, the name and the text inside.

Every attachment was sniffed (relay.model.sniff) and its text extracted (relay.model.extract) once,
at
parse time; these rules only read the results. Inline images referenced from the HTML body are
images (the IMG rules judge them), and unnamed text parts between attachments (Apple Mail,
forwarded messages) are pieces of the body, not files: neither counts as an attachment for
ATT003 and ATT004. Their bytes are still checked (ATT001) and their text scanned (ATT005).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

from relay.model import extract, locate, sniff
from relay.model.fold import fold_for_reading
from relay.model.locate import DerivedText
from relay.model.message import Attachment, ParsedMessage
from relay.model.phrases import normalize
from relay.model.types import RuleContext
from relay.rules.base import options, rule
from relay.verdict import Finding, RuleMode, Severity, Span, Where

_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_NAME_SEPARATORS: Final = re.compile(r"[\W_]+")
_CAMEL: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TEXT_KINDS: Final = frozenset({"text", "pdf", "docx", "doc"})


@options("attachments")
class AttachmentOptions(BaseModel):
    """`[options.attachments]`: allowed kinds, limits, and the purpose keywords per language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    allowed_kinds: list[str] = ["text", "pdf", "doc", "docx", "jpeg", "png", "gif"]
    # Extensions that are run rather than read, refused whatever the bytes are (ATT001).
    blocked_extensions: list[str] = []
    max_count: int = Field(default=5, gt=0)
    max_total_bytes: int = Field(default=10 * 1024 * 1024, gt=0)
    # ATT004: purpose -> language -> keywords. In the text a keyword matches whole words; a
    # trailing `*` allows any ending ("invoice*" matches "invoices"). In the file name it
    # matches anywhere, separators ignored ("etikett" matches "Ruecksendeetikett.pdf");
    # Japanese keywords match anywhere.
    purposes: dict[str, dict[str, list[str]]] = {}
    # ATT004 "forbidden" variant: what is never attached (catalogue, flyer, coupon, e-book...).
    forbidden: dict[str, dict[str, list[str]]] = {}
    # ATT004: in a reply, photos of these kinds need no further purpose.
    reply_photo_kinds: list[str] = ["jpeg", "png"]
    # ATT004 judges the purpose from this many characters at the start of the text (the title
    # and the first lines say what a document is; later lines mention anything).
    purpose_text_chars: int = Field(default=3000, gt=0)
    # ATT005: at most this many findings per attachment (a price list has many numbers).
    max_text_findings: int = Field(default=20, gt=0)
    # ATT005: an invoice's letterhead and footer are its first and last this many non-blank
    # lines; the phone number and e-mail address that invoice law asks for there only warn.
    letterhead_lines: int = Field(default=8, ge=0)

    @cached_property
    def compiled_purposes(self) -> _Purposes:
        """The purpose keywords compiled: built once, kept with the policy."""
        return _build_purposes(self)


def _options(ctx: RuleContext) -> AttachmentOptions:
    opts: AttachmentOptions = ctx.policy.option("attachments", AttachmentOptions)
    return opts


def _spans(ctx: RuleContext, attachments: Iterable[Attachment]) -> tuple[Span, ...]:
    """The names of these attachments (the message's own Attachment objects)."""
    index = {id(a): i for i, a in enumerate(ctx.message.attachments)}
    return tuple(span for a in attachments for span in locate.attachment(ctx.message, index[id(a)]))


def _label(name: str, kind: str) -> str:
    return f"{name or '(unnamed)'} ({kind})"


def is_body_fragment(attachment: Attachment) -> bool:
    """An unnamed text part that is not an inline image: a piece of the body, not a file."""
    return (
        not attachment.filename
        and not attachment.content_id
        and attachment.declared_type in ("text/plain", "text/html")
    )


def shown_inline(message: ParsedMessage) -> frozenset[str]:
    """Content-IDs of the parts the HTML body shows as images (`<img src="cid:...">`)."""
    return frozenset(image.src[4:].strip("<>") for image in message.images if image.is_cid)


def files(message: ParsedMessage) -> list[Attachment]:
    """The attachments a buyer sees as files: no inline images, no body fragments.

    An inline part counts as an image only when the HTML really shows it; a part marked
    inline with a Content-ID that nothing references is a file like any other.
    """
    inline = shown_inline(message)
    return [
        a
        for a in message.attachments
        if not (a.inline and a.content_id in inline) and not is_body_fragment(a)
    ]


@rule("ATT001", "attachment-type", Severity.REJECT, "Communication Guidelines: attachments")
def allowed_type(ctx: RuleContext) -> Iterator[Finding]:
    """No attachment types but text, PDF, Word (.doc, .docx), JPEG, PNG and GIF, by the bytes.

    Archives, executables, scripts, HTML, SVG, macro-enabled documents, documents with
    embedded programs (ActiveX, OLE packages), spreadsheets and empty files are refused,
    whatever the file is called; so is a file named to be run (.bat, .js, .lnk...).

    Compliant: invoice.pdf whose bytes start with %PDF
    Non-compliant: setup.exe renamed invoice.pdf (bytes start with MZ)
    """
    opts = _options(ctx)
    allowed = set(opts.allowed_kinds)
    blocked = {e.lower().lstrip(".") for e in opts.blocked_extensions}
    for index, attachment in enumerate(ctx.message.attachments):
        kind = attachment.sniffed_kind
        if is_body_fragment(attachment) and kind in ("text", "html", "empty"):
            continue  # body text, read by the content rules and ATT005
        if kind not in allowed:
            yield ctx.finding(
                "ATT001",
                f"attachment type {kind} is not allowed",
                _label(attachment.filename, kind),
                spans=locate.attachment(ctx.message, index),
            )
        elif sniff.extension_of(attachment.filename) in blocked:
            ext = sniff.extension_of(attachment.filename)
            yield ctx.finding(
                "ATT001",
                f"attachment named .{ext} (a file that is run) is not allowed",
                _label(attachment.filename, kind),
                spans=locate.attachment(ctx.message, index),
            )


@rule("ATT002", "attachment-extension", Severity.REJECT, "Communication Guidelines: attachments")
def extension_matches_bytes(ctx: RuleContext) -> Iterator[Finding]:
    """No file whose name's extension disagrees with what its bytes are.

    Compliant: label.png holding a PNG image
    Non-compliant: photo.jpg holding a ZIP archive
    """
    for index, attachment in enumerate(ctx.message.attachments):
        if not attachment.filename:
            continue
        if not sniff.extension_matches(attachment.sniffed_kind, attachment.filename):
            yield ctx.finding(
                "ATT002",
                f"file name says .{sniff.extension_of(attachment.filename)}, "
                f"bytes are {attachment.sniffed_kind}",
                _label(attachment.filename, attachment.sniffed_kind),
                spans=locate.attachment(ctx.message, index),
            )


@rule("ATT003", "attachment-limits", Severity.REJECT, "Communication Guidelines: attachments")
def count_and_size(ctx: RuleContext) -> Iterator[Finding]:
    """No more than 5 attachments, and under 10 MB decoded in total.

    Inline images referenced from the HTML body are images, not attachments: they do not count
    toward the 5, but their decoded bytes count toward the 10 MB like every other file.

    Compliant: one 200 KB invoice PDF
    Non-compliant: six PDFs, or one 12 MB PDF
    """
    opts = _options(ctx)
    attached = files(ctx.message)
    if len(attached) > opts.max_count:
        yield ctx.finding(
            "ATT003",
            f"{len(attached)} attachments, at most {opts.max_count} allowed",
            ", ".join(a.filename or "(unnamed)" for a in attached),
            spans=_spans(ctx, attached),
        )
    counted = [a for a in ctx.message.attachments if not is_body_fragment(a)]
    total = sum(a.size for a in counted)
    if total >= opts.max_total_bytes:
        largest = sorted(counted, key=lambda a: a.size, reverse=True)[:3]
        yield ctx.finding(
            "ATT003",
            f"attachments total {total} bytes decoded, limit {opts.max_total_bytes}",
            f"{total} bytes; largest: "
            + ", ".join(f"{a.filename or '(unnamed)'} {a.size} bytes" for a in largest),
            spans=_spans(ctx, largest),
        )


# ---- ATT004: purpose ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Keyword:
    category: str
    text_pattern: re.Pattern[str]
    squashed: str  # for file names: lower case, accents folded, no separators


@dataclass(frozen=True, slots=True)
class _Purposes:
    permitted: tuple[_Keyword, ...]
    forbidden: tuple[_Keyword, ...]


def _squash(text: str) -> str:
    return _NAME_SEPARATORS.sub("", normalize(text))


def _keywords(table: Mapping[str, Mapping[str, list[str]]]) -> tuple[_Keyword, ...]:
    found: list[_Keyword] = []
    for category, by_language in table.items():
        for words in by_language.values():
            for word in words:
                prefix = word.strip().endswith("*")
                norm = normalize(word.strip().rstrip("*"))
                if not norm:
                    continue
                body = r"\W*".join(re.escape(t) for t in norm.split(" "))
                if _CJK.search(norm):
                    pattern = body
                else:
                    pattern = rf"(?<!\w){body}" + ("" if prefix else r"(?!\w)")
                found.append(_Keyword(category, re.compile(pattern), _squash(word)))
    return tuple(found)


def _build_purposes(opts: AttachmentOptions) -> _Purposes:
    return _Purposes(_keywords(opts.purposes), _keywords(opts.forbidden))


def _name_text(filename: str) -> str:
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    return _squash(_CAMEL.sub(" ", stem))


def _name_variants(filename: str) -> tuple[str, ...]:
    """The squashed name, and the same with German umlaut spellings (ue -> u) folded."""
    squashed = _name_text(filename)
    folded = squashed.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return (squashed, folded) if folded != squashed else (squashed,)


def _name_hits(keywords: Iterable[_Keyword], filename: str) -> list[_Keyword]:
    variants = _name_variants(filename)
    hits: list[_Keyword] = []
    for keyword in keywords:
        if len(keyword.squashed) < 4 and not _CJK.search(keyword.squashed):
            continue
        if any(keyword.squashed in v for v in variants):
            hits.append(keyword)
    return hits


def _text_hits(keywords: Iterable[_Keyword], normalized: str) -> list[tuple[_Keyword, str]]:
    """One entry per place a keyword matches (a title word repeated in headings weighs more;
    the same word listed in several languages, or "garantie*" and "garantiekarte*" on one
    word, counts once)."""
    hits: dict[int, tuple[_Keyword, str]] = {}
    for keyword in keywords:
        for match in keyword.text_pattern.finditer(normalized):
            hits.setdefault(match.start(), (keyword, _word_at(normalized, match.start())))
    return [hits[start] for start in sorted(hits)]


def _word_at(text: str, start: int) -> str:
    match = re.match(r"\S+(?:\s+\S+)?", text[start : start + 60])
    return match.group(0) if match else text[start : start + 20]


@dataclass(frozen=True, slots=True)
class Purpose:
    """What ATT004 concluded about one attachment, and why."""

    verdict: str  # "permitted" | "forbidden" | "unclear"
    category: str
    evidence: str


def judge_purpose(attachment: Attachment, opts: AttachmentOptions, is_reply: bool) -> Purpose:
    """The purpose of one file from its name first, then from the start of its text."""
    compiled = opts.compiled_purposes
    name = attachment.filename
    name_bad = _name_hits(compiled.forbidden, name)
    name_ok = _name_hits(compiled.permitted, name)
    if name_bad and not name_ok:
        return Purpose("forbidden", name_bad[0].category, f"file name {name!r}")
    if name_ok and not name_bad:
        return Purpose("permitted", name_ok[0].category, f"file name {name!r}")
    head = normalize(attachment.extracted_text[: opts.purpose_text_chars])
    text_bad = _text_hits(compiled.forbidden, head)
    text_ok = _text_hits(compiled.permitted, head)
    if text_bad and len(text_bad) > len(text_ok):
        keyword, word = text_bad[0]
        return Purpose("forbidden", keyword.category, f"{name}: text says {word!r}")
    if text_ok and len(text_ok) > len(text_bad):
        keyword, word = text_ok[0]
        return Purpose("permitted", keyword.category, f"{name}: text says {word!r}")
    if is_reply and attachment.sniffed_kind in opts.reply_photo_kinds:
        return Purpose("permitted", "photo", f"{name}: photo in a reply")
    why = attachment.extraction_note or "no purpose words in its name or text"
    if attachment.sniffed_kind in ("jpeg", "png", "gif"):
        why = "an image in a message that is not a reply"
    return Purpose("unclear", "", f"{_label(name, attachment.sniffed_kind)}: {why}")


@rule(
    "ATT004",
    "attachment-purpose",
    Severity.HOLD,
    "Communication Guidelines: attachments",
    variants={"forbidden": Severity.REJECT},
)
def attachment_purpose(ctx: RuleContext) -> Iterator[Finding]:
    """No attachment without a permitted purpose: invoice, instructions, warranty, label, design.

    A permitted attachment is an invoice, instructions, a warranty, a return or shipping label
    or a custom design, judged from the file name, then from the first lines of its text, with
    keyword lists per language in `[options.attachments]`. In a reply, a JPEG or PNG photo is
    also fine.
    Catalogues, flyers, coupons, e-books and newsletters are refused (variant "forbidden");
    an attachment whose purpose is unclear goes to a person. Inline images are not judged here.

    Compliant: Rechnung_302-4000001-0000001.pdf; a photo of the spare part in a reply
    Non-compliant: Katalog_Herbst_2026.pdf (refused); IMG_2231.jpg in a proactive message (held)
    """
    opts = _options(ctx)
    allowed = set(opts.allowed_kinds)
    for attachment in files(ctx.message):
        if attachment.sniffed_kind not in allowed:
            continue  # ATT001 refuses it already
        purpose = judge_purpose(attachment, opts, ctx.is_reply)
        label = attachment.filename or "(unnamed)"
        if purpose.verdict == "forbidden":
            yield ctx.finding(
                "ATT004",
                f"{label}: {purpose.category} is not a permitted attachment",
                purpose.evidence,
                variant="forbidden",
                spans=_spans(ctx, [attachment]),
            )
        elif purpose.verdict == "unclear":
            yield ctx.finding(
                "ATT004",
                f"{label}: purpose unclear (not an invoice, instructions, warranty, "
                "label or custom design)",
                purpose.evidence,
                spans=_spans(ctx, [attachment]),
            )


# ---- ATT005: text inside attachments --------------------------------------------------------


@rule(
    "ATT005",
    "attachment-text",
    Severity.REJECT,
    "Communication Guidelines: attachments",
    variants={"unreadable": Severity.HOLD, "letterhead": Severity.WARN},
)
def attachment_text(ctx: RuleContext) -> Iterator[Finding]:
    """No contact details, off-list links, marketing or biased review requests in attachments.

    Text inside PDF, Word and text attachments obeys the CTC, LNK, CNT004 and CNT005 rules.
    Each finding has the severity of the underlying rule (unless `[rules.ATT005] severity`
    overrides it) and names the file and the rule: "invoice.pdf: CTC002 phone number". A file
    whose text could not be read in full (encrypted, damaged, over the extraction bounds) is
    held (variant "unreadable"): nobody could check what it says. The phone number or e-mail
    address in an invoice's letterhead or footer (its first and last `letterhead_lines`
    non-blank lines), which invoice law asks for, only warns (variant "letterhead").

    Compliant: an invoice PDF with the order, items and the seller's postal address
    Non-compliant: a manual whose last page says "call us on +49 30 1234567"
    """
    opts = _options(ctx)
    allowed = set(opts.allowed_kinds)
    inline = shown_inline(ctx.message)
    readable = [
        a
        for a in ctx.message.attachments
        if not (a.inline and a.content_id in inline)
        and a.sniffed_kind in _TEXT_KINDS
        and a.sniffed_kind in allowed
    ]
    for attachment in readable:
        if extract.incomplete(attachment.extraction_note):
            yield ctx.finding(
                "ATT005",
                f"{attachment.filename or '(text part)'}: text not fully read, "
                "so it could not be checked",
                attachment.extraction_note,
                variant="unreadable",
                spans=_spans(ctx, [attachment]),
            )
    candidates = [a for a in readable if a.extracted_text.strip()]
    if not candidates:
        return
    from relay.rules import contact, content, links

    own = ctx.policy.settings("ATT005")
    for attachment in candidates:
        label = attachment.filename or "(text part)"
        part = next(i for i, a in enumerate(ctx.message.attachments) if a is attachment)
        text = DerivedText.whole(attachment.extracted_text, Where.ATTACHMENT_TEXT, part)
        letterhead = ""
        if judge_purpose(attachment, opts, ctx.is_reply).category == "invoice":
            letterhead = _letterhead(text.text, opts.letterhead_lines)
        underlying = [
            *contact.scan_text(ctx, text),
            *links.scan_text(ctx, text),
            *content.scan_text(ctx, text, frozenset({"CNT004", "CNT005"})),
        ]
        emitted = 0
        for finding in underlying:
            if not ctx.policy.settings(finding.code).enabled:
                continue
            if emitted >= opts.max_text_findings:
                break
            emitted += 1
            mode = RuleMode.LOG if RuleMode.LOG in (own.mode, finding.mode) else RuleMode.ENFORCE
            if finding.code in _LETTERHEAD_CODES and finding.evidence in letterhead:
                severity, _mode = ctx.policy.resolve("ATT005", "letterhead")
                yield Finding(
                    code="ATT005",
                    severity=severity,
                    message=f"{label}: {finding.code} {finding.message}, in the invoice's "
                    "letterhead or footer",
                    evidence=finding.evidence,
                    mode=mode,
                    spans=finding.spans,
                )
                continue
            yield Finding(
                code="ATT005",
                severity=own.severity or finding.severity,
                message=f"{label}: {finding.code} {finding.message}",
                evidence=finding.evidence,
                mode=mode,
                spans=finding.spans,
            )


# Contact details invoice law asks for in the letterhead or footer (docs/policy.md, "Reading the
# text"); a link, a shop's web address, marketing or a review request is judged as anywhere.
_LETTERHEAD_CODES: Final = frozenset({"CTC001", "CTC002"})


def _letterhead(text: str, count: int) -> str:
    """The first and last `count` non-blank lines of a document, as the contact readers see
    them (relay/model/fold.py): where an invoice puts the seller's identity."""
    if count <= 0:
        return ""
    lines = [line for line in fold_for_reading(text).splitlines() if line.strip()]
    return "\n".join(lines[:count] + lines[-count:])
