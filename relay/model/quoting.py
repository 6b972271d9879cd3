"""Separate the seller's own words from the quoted text of the message they answer."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from bs4 import BeautifulSoup, Tag

# White space and the direction marks right-to-left mail (Arabic) puts at a line's start.
_LEAD: Final = r"[\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]*"
# A line that starts the quoted block: everything from it on is the buyer's (or Amazon's) text.
_ATTRIBUTION: Final = re.compile(
    _LEAD
    + r"""(?:
        -{2,}\s*(?:original\s+message|ursprüngliche\s+nachricht|message\s+d'origine|
                 messaggio\s+originale|mensaje\s+original|元のメッセージ|オリジナル\s*メッセージ|
                 oorspronkelijk\s+bericht|ursprungligt\s+meddelande|wiadomość\s+oryginalna|
                 oryginalna\s+wiadomość|orijinal\s+ileti|özgün\s+ileti|mensagem\s+original|
                 الرسالة\s+الأصلية|الرسالة\s+الاصلية)\s*-{2,}
      | _{10,}
      | on\b.{0,200}\bwrote:
      | am\b.{0,200}\bschrieb.{0,80}:
      | le\b.{0,200}\ba\s+écrit\s*:
      | il\b.{0,200}\bha\s+scritto\s*:
      | el\b.{0,200}\bescribió\s*:
      | op\b.{0,200}\bschreef.{0,80}:
      | den\b.{0,200}\bskrev.{0,80}:
      | .{0,200}@.{0,200}\bskrev\s*:
      | (?:w\s+dniu\b|.{0,200}@).{0,200}\b(?:napisał|napisała|napisał\(a\)|pisze)\s*:
      | (?:.{0,200}\btarihinde\b|.{0,200}@).{0,200}\b(?:şunu\s+)?yazdı\s*:
      | (?:em\b|no\s+dia\b).{0,200}\bescreveu\s*:
      | (?:في\s|.{0,200}@).{0,200}(?:كتب|كتبت).{0,80}[:：]
      | .{0,200}(?:のメッセージ|に書きました|wrote)\s*[:：]
      | -{5,}\s*message\s*:?\s*-{5,}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Outlook's header block: "From: ..." followed within a few lines by "Sent:" (or its translations).
_HEADER_FROM: Final = re.compile(
    _LEAD + r"\*?(?:from|von|de|da|差出人|van|från|od|kimden|من)\s*\*?\s*[:：]", re.IGNORECASE
)
_HEADER_SENT: Final = re.compile(
    _LEAD
    + r"\*?(?:sent|date|gesendet|datum|envoyé|date|inviato|data|enviado|enviada|fecha|送信日時|"
    # Outlook in Spain and Brazil: "Enviado el:", "Enviado em:"
    r"enviado\s+(?:el|em)|"
    r"verzonden|skickat|wysłano|wysłane|gönderildi|gönderilme\s+tarihi|tarih|"
    r"تاريخ\s+الإرسال|أُرسل|أرسل|التاريخ)\s*\*?\s*[:：]",
    re.IGNORECASE,
)
_QUOTE_MARK: Final = re.compile(_LEAD + ">")

_HTML_QUOTE_SELECTORS: Final = (
    "blockquote",
    "div.gmail_quote",
    "div.gmail_extra",
    "div.yahoo_quoted",
    "div#divRplyFwdMsg",
    "div#appendonsend",
    "div.moz-cite-prefix",
    "div.zd-quote",
    "div.freshdesk_quote",
    "div.quote",
)


def split_plain(text: str) -> tuple[str, str]:
    """Return (own text, quoted text) of a plain-text body."""
    lines = text.splitlines()
    own: list[str] = []
    quoted: list[str] = []
    for index, line in enumerate(lines):
        if _ATTRIBUTION.match(line) or _outlook_header_at(lines, index):
            quoted.extend(lines[index:])
            break
        if _QUOTE_MARK.match(line):
            quoted.append(line)
        else:
            own.append(line)
    return "\n".join(own).strip(), "\n".join(quoted).strip()


def quoted_line_flags(text: str) -> list[bool]:
    """For each line of `text.splitlines()`, whether split_plain counts it as quoted."""
    lines = text.splitlines()
    flags: list[bool] = []
    for index, line in enumerate(lines):
        if _ATTRIBUTION.match(line) or _outlook_header_at(lines, index):
            return flags + [True] * (len(lines) - index)
        flags.append(_QUOTE_MARK.match(line) is not None)
    return flags


def _outlook_header_at(lines: list[str], index: int) -> bool:
    if not _HEADER_FROM.match(lines[index]):
        return False
    return any(_HEADER_SENT.match(line) for line in lines[index + 1 : index + 5])


def html_quote_blocks(soup: BeautifulSoup | Tag) -> list[Tag]:
    """The quoted blocks of `soup`, left in place (for the style rules and the rewrite, which
    edit a BeautifulSoup tree; relay.model.message reads the same blocks from an lxml tree).

    The selectors are simple (`tag`, `tag.class`, `tag#id`), so one walk over the document
    matches them all, much faster than one CSS query per selector on a large body.
    """
    found: list[Tag] = []
    for element in soup.find_all(list(QUOTE_TAG_NAMES)):
        classes: list[str] | str = element.get("class") or []
        if starts_quote(element.name, classes, element.get("id")):
            found.append(element)
    return found


def starts_quote(name: str, classes: Sequence[str], ident: object) -> bool:
    """Whether an element with this tag name, class list and id is a quoted block."""
    for wanted, cls, key in _WANTED:
        if name == wanted and (cls is None or cls in classes) and (key is None or key == ident):
            return True
    return False


def _simple_selector(selector: str) -> tuple[str, str | None, str | None]:
    if "#" in selector:
        name, key = selector.split("#", 1)
        return name, None, key
    if "." in selector:
        name, cls = selector.split(".", 1)
        return name, cls, None
    return selector, None, None


_WANTED: Final = tuple(_simple_selector(s) for s in _HTML_QUOTE_SELECTORS)
QUOTE_TAG_NAMES: Final = frozenset(name for name, _c, _i in _WANTED)

# Outlook puts only the header block inside these markers; the original message follows them
# as siblings, so everything after a marker is quoted too.
FOLLOWED_BY_QUOTE: Final = frozenset({"divRplyFwdMsg", "appendonsend"})
