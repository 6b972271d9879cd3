"""What the console shows of one message: its texts with every finding's phrase marked in
place, each rule explained, the HTML part made inert, the attachments listed.

Offsets come from `Finding.spans` (they index the texts `relay.model.message.parse` gives for the
stored .eml); a finding without spans is placed by searching its evidence instead.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from typing import Any, Final, NamedTuple

from relay import rules
from relay.model import aliases
from relay.model.message import ParsedMessage
from relay.review import explain as rule_wording
from relay.verdict import Where

# The HTML part, shown in a sandboxed frame (no scripts, no same origin), also carries its own
# policy: nothing is fetched, not even what the page's policy would allow.
FRAME_POLICY: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"


@dataclass(frozen=True, slots=True)
class Explanation:
    name: str  # the rule in plain words
    reason: str
    fix: str  # what to change so it passes
    example: str  # a compliant sentence of the same kind
    guideline: str


def explain(code: str) -> Explanation:
    """The rule's name, plain reason, fix, compliant example and guideline (relay.review.explain,
    the same wording the SMTP reply and the notice use)."""
    spec = next((spec for spec in rules.load() if spec.code == code), None)
    wording = rule_wording.explain(code)
    return Explanation(
        name=spec.name.replace("-", " ") if spec is not None else code,
        reason=wording.reason,
        fix=wording.fix,
        example=wording.example,
        guideline=wording.guideline,
    )


def rule_words(code: str) -> str:
    return explain(code).name


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    finding: int | None = None  # the finding's number on the page (1-based)


@dataclass(frozen=True, slots=True)
class ShownText:
    label: str
    segments: tuple[Segment, ...]

    @property
    def marked(self) -> bool:
        return any(s.finding is not None for s in self.segments)


@dataclass(frozen=True, slots=True)
class ShownFinding:
    number: int
    code: str
    severity: str
    message: str
    quote: str
    explanation: Explanation
    placed: bool  # its phrase is marked in one of the texts shown
    shadow: bool


@dataclass(frozen=True, slots=True)
class ShownAttachment:
    index: int
    filename: str
    kind: str
    size: int


class _Place(NamedTuple):
    """A text of the message a span can point into (`Span.where` and `Span.part`)."""

    label: str
    where: str
    part: int
    text: str


@dataclass(frozen=True, slots=True)
class MessageView:
    subject: ShownText
    texts: tuple[ShownText, ...]
    findings: tuple[ShownFinding, ...]
    attachments: tuple[ShownAttachment, ...]
    html_frame: str | None  # srcdoc of the sandboxed frame
    edit_text: str  # what the correction form starts from


def mask_recipients(recipients: str) -> str:
    parts = [r.strip() for r in recipients.split(",") if r.strip()]
    return ", ".join(aliases.mask(r) if aliases.is_buyer_alias(r) else r for r in parts)


def _ranges(text: str, finding: dict[str, Any], where: str, part: int) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for span in finding.get("spans", []) or []:
        if span.get("where") != where or int(span.get("part", 0)) != part:
            continue
        start, end = int(span.get("start", 0)), int(span.get("end", 0))
        quote = str(span.get("quote", ""))
        if 0 <= start < end <= len(text) and (not quote or text[start:end] == quote):
            found.append((start, end))
        elif quote and (at := text.find(quote)) >= 0:
            found.append((at, at + len(quote)))  # offsets of another reading of the text
    return found


def _search(text: str, evidence: str) -> tuple[int, int] | None:
    """Where an evidence excerpt stands in the text: its words in order, any whitespace
    between them (excerpts fold line breaks), a word cut at an elided end left out."""
    evidence = evidence.strip()
    words = evidence.strip("….").split()
    if evidence.startswith(("…", "...")) and len(words) > 1:
        words = words[1:]
    if evidence.endswith(("…", "...")) and len(words) > 1:
        words = words[:-1]
    words = [w for w in words if w]
    if not words or sum(len(w) for w in words) < 3:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, text, re.IGNORECASE)
    return match.span() if match else None


def _segments(text: str, marks: list[tuple[int, int, int]]) -> tuple[Segment, ...]:
    """The text cut at every mark's ends; a piece inside several marks shows the first
    finding's number, so overlapping findings each keep the part only they cover."""
    cuts = sorted({0, len(text), *(p for s, e, _ in marks for p in (s, e))})
    segments: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        covering = [n for s, e, n in marks if s <= start and end <= e]
        number = min(covering) if covering else None
        if segments and segments[-1].finding == number:
            segments[-1] = Segment(segments[-1].text + text[start:end], number)
        else:
            segments.append(Segment(text[start:end], number))
    return tuple(segments) or (Segment(""),)


def message_view(message: ParsedMessage, findings: list[dict[str, Any]]) -> MessageView:
    body_text = message.plain_text if message.plain_text is not None else message.html_text
    body_where = "text" if message.plain_text is not None else "html"
    places = [
        _Place("Subject", "subject", 0, message.subject),
        _Place("Text", body_where, 0, body_text or ""),
    ]
    if message.plain_text is not None and message.html_text:
        places.append(_Place("HTML part as the relay read it", "html", 0, message.html_text))
    more_at = len(places)  # the further text parts, shown like the body
    for more in message.more_texts:
        kind = "Text" if more.where is Where.TEXT else "HTML"
        label = f"{kind} part {more.part + 1}"
        places.append(_Place(label, more.where.value, more.part, more.text))
    more_end = len(places)
    for index, attachment in enumerate(message.attachments):
        name = attachment.filename or str(index + 1)
        places.append(
            _Place(f"Attachment {name}: name", "attachment_name", index, attachment.filename)
        )
        if attachment.extracted_text:
            places.append(
                _Place(
                    f"Attachment {name}: text", "attachment_text", index, attachment.extracted_text
                )
            )
    # Images and links have no text (their spans index the markup), some rules read headers:
    # shown, like the attachments, only when a finding points into them.
    if message.html:
        places.append(_Place("HTML part's markup", "html_source", 0, message.html))
    for more in message.more_texts:
        if more.html:
            label = f"HTML part {more.part + 1}'s markup"
            places.append(_Place(label, "html_source", more.part, more.html))
    for index, (name, value) in enumerate(message.headers):
        places.append(_Place(f"Header {name}", "header", index, value))
    marks: dict[int, list[tuple[int, int, int]]] = {i: [] for i in range(len(places))}
    shown: list[ShownFinding] = []
    for number, finding in enumerate(findings, start=1):
        placed = False
        for i, place in enumerate(places):
            for start, end in _ranges(place.text, finding, place.where, place.part):
                marks[i].append((start, end, number))
                placed = True
        if not placed and not finding.get("spans"):
            # No spans yet (rules still being taught to report them): search the evidence.
            for i, place in enumerate(places):
                hit = _search(place.text, str(finding.get("evidence", "")))
                if hit is not None:
                    marks[i].append((*hit, number))
                    placed = True
                    break
        quotes = [str(s.get("quote", "")) for s in finding.get("spans", []) or []]
        shown.append(
            ShownFinding(
                number=number,
                code=str(finding.get("code", "")),
                severity=str(finding.get("severity", "")),
                message=str(finding.get("message", "")),
                quote=" … ".join(q for q in quotes if q) or str(finding.get("evidence", "")),
                explanation=explain(str(finding.get("code", ""))),
                placed=placed,
                shadow=finding.get("mode") == "log",
            )
        )
    texts = [
        ShownText(place.label, _segments(place.text, marks[i])) for i, place in enumerate(places)
    ]
    subject, body = texts[:2]
    # Attachment names and texts only when a finding points into them: the list shows the rest.
    extra = tuple(
        t for i, t in enumerate(texts) if i >= 2 and (t.marked or more_at <= i < more_end)
    )
    return MessageView(
        subject=subject,
        texts=(body, *extra),
        findings=tuple(shown),
        attachments=tuple(
            ShownAttachment(
                i, a.filename or f"attachment-{i + 1}", a.sniffed_kind or a.declared_type, a.size
            )
            for i, a in enumerate(message.attachments)
        ),
        html_frame=frame_document(message.html) if message.html else None,
        edit_text=message.plain_text if message.plain_text is not None else (body_text or ""),
    )


def frame_document(markup: str) -> str:
    """The HTML part for a sandboxed srcdoc frame, its own no-fetch policy first."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(FRAME_POLICY)}">'
    return meta + markup
