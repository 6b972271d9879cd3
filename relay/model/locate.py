"""Where a finding's words are in the original message: derived texts mapped back to their source.

Rules read derived text (the Subject plus the seller's own text with quoted lines cut out,
normalized for matching). A reviewer highlights the original text the parsed message holds
(the Subject, the text/plain part, the HTML's text ...), so every derived text here keeps, per
piece, where that piece was copied from. A match in derived (or normalized) text becomes
`Span`s whose offsets index the original and whose quote is the original's characters there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Final

from relay.model.fold import Folded, fold
from relay.model.message import ParsedMessage
from relay.model.phrases import normalize
from relay.verdict import Span, Where


@dataclass(frozen=True, slots=True)
class Piece:
    """`length` characters of the derived text from `start` on are original[source:]."""

    start: int
    length: int
    where: Where
    part: int
    source: int


class DerivedText:
    """A text rules read, with the pieces of it that were copied from the message's fields."""

    __slots__ = ("_folded", "_originals", "_pieces", "_starts", "head", "text")

    def __init__(
        self,
        text: str,
        pieces: list[Piece],
        originals: dict[tuple[Where, int], str],
        head: int | None = None,
    ) -> None:
        self.text = text
        # The text is one text up to `head`, then lines read from elsewhere, one per line.
        self.head = len(text) if head is None else head
        self._pieces = pieces
        self._starts = [p.start for p in pieces]
        self._originals = originals
        self._folded: Folded | None = None

    @classmethod
    def whole(cls, text: str, where: Where, part: int = 0) -> DerivedText:
        """A text that is one original field unchanged (an attachment's name or text)."""
        pieces = [Piece(0, len(text), where, part, 0)] if text else []
        return cls(text, pieces, {(where, part): text})

    @property
    def normalized(self) -> str:
        """The text as the phrase lists match it (relay.model.fold), made once with its map back."""
        return self._fold().text

    def spans(self, start: int, end: int) -> tuple[Span, ...]:
        """The original places of text[start:end]: one span per field it covers."""
        found: list[Span] = []
        index = max(0, bisect_right(self._starts, start) - 1)
        current: tuple[Where, int, int, int] | None = None  # where, part, first, last
        for piece in self._pieces[index:]:
            if piece.start >= end:
                break
            low = max(start, piece.start)
            high = min(end, piece.start + piece.length)
            if low >= high:
                continue
            first = piece.source + low - piece.start
            last = piece.source + high - piece.start
            if current is not None and current[:2] == (piece.where, piece.part):
                current = (current[0], current[1], current[2], last)
            else:
                if current is not None:
                    found.append(self._span(*current))
                current = (piece.where, piece.part, first, last)
        if current is not None:
            found.append(self._span(*current))
        return tuple(found)

    def section(self, start: int) -> str:
        """The text up to `head` when the normalized offset `start` is in it, else the added
        line that holds it: what a finding's evidence quotes around a match."""
        if self.head >= len(self.text):
            return self.text
        at = self._source(start)
        if at < self.head:
            return self.text[: self.head]
        line_start = self.text.rfind("\n", 0, at) + 1
        line_end = self.text.find("\n", at)
        return self.text[line_start : None if line_end < 0 else line_end]

    def _fold(self) -> Folded:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def _source(self, start: int) -> int:
        source = self._fold().starts
        return source[min(start, len(source) - 1)] if source else 0

    def spans_normalized(self, start: int, end: int) -> tuple[Span, ...]:
        """The original places of normalized[start:end] (a phrase hit's offsets), mapped back
        through the folding (relay/model/fold.py): an entity or a spaced-out word is quoted
        whole."""
        folded = self._fold()
        if end <= start or start >= len(folded.text):
            return ()
        return self.spans(*folded.span(start, min(end, len(folded.text))))

    def spans_of(self, needle: str) -> tuple[Span, ...]:
        """The first place of `needle` (as written, else case-folded, else normalized)."""
        if not needle:
            return ()
        at = self.text.find(needle)
        if at < 0:
            at = self.text.casefold().find(needle.casefold())
            if at >= 0 and len(self.text.casefold()) == len(self.text):
                return self.spans(at, at + len(needle))
        else:
            return self.spans(at, at + len(needle))
        wanted = normalize(needle)
        at = self.normalized.find(wanted) if wanted else -1
        if at < 0:
            return ()
        return self.spans_normalized(at, at + len(wanted))

    def _span(self, where: Where, part: int, start: int, end: int) -> Span:
        original = self._originals[(where, part)]
        return Span(where=where, start=start, end=end, quote=original[start:end], part=part)


def visible(message: ParsedMessage) -> DerivedText:
    """`message.visible_text` (own Subject, a newline, own text; stripped) and its sources."""
    subject = message.own_subject
    if message.plain_text is not None:
        where, source = Where.TEXT, message.plain_text
    else:
        where, source = Where.HTML, message.html_text or ""
    joined = f"{subject}\n{message.own_text}"
    pieces: list[Piece] = []
    if subject:
        pieces.append(Piece(0, len(subject), Where.SUBJECT, 0, 0))
    pieces.extend(_lines_in(message.own_text, len(subject) + 1, where, source))
    lead = len(joined) - len(joined.lstrip())
    text = joined.strip()
    shifted = [
        Piece(p.start - lead, p.length, p.where, p.part, p.source) for p in pieces if p.length
    ]
    originals = {(Where.SUBJECT, 0): message.subject, (where, 0): source}
    return DerivedText(text, shifted, originals)


def readable(
    message: ParsedMessage, shown: DerivedText, *, attributes: bool = True
) -> DerivedText:
    """`shown` (the visible text) and, after it, what else a buyer or a scanner can read:
    the other alternative's own lines (the HTML when the text/plain part is the body), text in
    hidden elements, (with `attributes`) alt and title attributes, and then the same of every
    further text part (a second alternative, inline parts of a multipart/mixed, a forwarded
    message), each line mapped to its part. A line whose words the visible text holds already
    (the HTML alternative re-wrapping the plain one) is not repeated."""
    if not (
        message.html_own_text
        or message.hidden_text
        or message.attribute_text
        or message.more_texts
    ):
        return shown
    known = _squash(shown.text)
    text = shown.text
    pieces = list(shown._pieces)
    originals = dict(shown._originals)
    html_text, html = message.html_text or "", message.html or ""
    sources: list[tuple[str, Where, int, str]] = [
        (message.html_own_text, Where.HTML, 0, html_text),
        (message.hidden_text, Where.HTML_SOURCE, 0, html),
        (message.attribute_text if attributes else "", Where.HTML_SOURCE, 0, html),
    ]
    for more in message.more_texts:
        sources.append((more.own_text, more.where, more.part, more.text))
        if more.where is Where.HTML:
            sources.append((more.hidden_text, Where.HTML_SOURCE, more.part, more.html))
            if attributes:
                sources.append((more.attribute_text, Where.HTML_SOURCE, more.part, more.html))
    # What the further parts said already: a second alternative's HTML repeats its plain text.
    said = ""
    for lines, where, part, source in sources:
        if not lines or _squash(lines) in known:
            continue  # all of it said already (the common HTML alternative of the text)
        further = part > 0
        cursor = 0
        for line in lines.split("\n"):
            words = _squash(line)
            if not words or words in known or (further and words in said):
                continue
            at = source.find(line, cursor)
            text += "\n"
            if at >= 0:
                pieces.append(Piece(len(text), len(line), where, part, at))
                originals[(where, part)] = source
                cursor = at + len(line)
            text += line
            if further:
                said += words + "\n"
    if text == shown.text:
        return shown
    return DerivedText(text, pieces, originals, head=len(shown.text))


def _squash(text: str) -> str:
    """The word characters of a text, case-folded, for "does the visible text say this
    already" (without separators: Japanese lines joined in one text have no space between
    them). Not `normalize`: its small cache is for the texts the rules match."""
    return "".join(_WORDS.findall(text.casefold()))


_WORDS: Final = re.compile(r"\w+")


def _lines_in(derived: str, offset: int, where: Where, source: str) -> list[Piece]:
    """Each line of a text made of whole lines of `source`, in order (quoting.split_plain;
    the HTML's own text is lines of its full text): where it is in the source."""
    pieces: list[Piece] = []
    cursor = 0
    position = 0
    for line in derived.split("\n"):
        if line:
            at = source.find(line, cursor)
            if at >= 0:
                pieces.append(Piece(offset + position, len(line), where, 0, at))
                cursor = at + len(line)
        position += len(line) + 1
    return pieces


SEARCH_ORDER: Final = (
    Where.SUBJECT,
    Where.TEXT,
    Where.HTML,
    Where.ATTACHMENT_NAME,
    Where.HEADER,
    Where.HTML_SOURCE,
)


def fields(message: ParsedMessage, wheres: tuple[Where, ...] = SEARCH_ORDER) -> list[DerivedText]:
    """The message's original texts of these kinds, each as its own (unchanged) text."""
    found: list[DerivedText] = []
    for where in wheres:
        if where is Where.HEADER:
            found.extend(
                DerivedText.whole(value, Where.HEADER, index)
                for index, (_name, value) in enumerate(message.headers)
            )
        elif where is Where.ATTACHMENT_NAME:
            found.extend(
                DerivedText.whole(a.filename, Where.ATTACHMENT_NAME, index)
                for index, a in enumerate(message.attachments)
            )
        elif where is Where.ATTACHMENT_TEXT:
            found.extend(
                DerivedText.whole(a.extracted_text, Where.ATTACHMENT_TEXT, index)
                for index, a in enumerate(message.attachments)
            )
        else:
            found.append(DerivedText.whole(message.text_of(where), where))
            kind = Where.HTML if where is Where.HTML_SOURCE else where
            found.extend(
                DerivedText.whole(message.text_of(where, more.part), where, more.part)
                for more in message.more_texts
                if more.where is kind
            )
    return found


def find(texts: list[DerivedText], needle: str) -> tuple[Span, ...]:
    """The first place of `needle` in the first of `texts` that has it."""
    for text in texts:
        spans = text.spans_of(needle)
        if spans:
            return spans
    return ()


def header_spans(message: ParsedMessage, names: tuple[str, ...], needle: str) -> tuple[Span, ...]:
    """Where `needle` is in the value of one of these headers (all of the value if "")."""
    wanted = {name.lower() for name in names}
    for index, (name, value) in enumerate(message.headers):
        if name.lower() not in wanted:
            continue
        field = DerivedText.whole(value, Where.HEADER, index)
        if not needle:
            return field.spans(0, len(value)) if value else ()
        spans = field.spans_of(needle)
        if spans:
            return spans
    return ()


def attachment(message: ParsedMessage, index: int) -> tuple[Span, ...]:
    """An attachment: its whole name, or the opening of its text when it has no name."""
    found = message.attachments[index]
    if found.filename:
        return DerivedText.whole(found.filename, Where.ATTACHMENT_NAME, index).spans(
            0, len(found.filename)
        )
    text = DerivedText.whole(found.extracted_text, Where.ATTACHMENT_TEXT, index)
    return text.spans(0, min(80, len(found.extracted_text)))
