"""Folding: text as a matcher should read it, with a map back to every original character.

A reader sees a word where a matcher sees noise: `rev\u200biew` (a zero-width space),
`rеview` (a Cyrillic `е`), `ｒｅｖｉｅｗ` (full-width letters), `r e v i e w`, `r.e.v.i.e.w`,
`&#114;eview` (an HTML entity), `re=\\nview` (a quoted-printable soft line break that survived).
`fold` undoes all of these, folds case and accents, and keeps for every folded character the
original characters it came from, so a match in the folded text highlights the original
(`Folded.span`).

Confusable letters come from Unicode's confusables data (UTS #39) as shipped by the
`confusable-homoglyphs` package: a letter of another script that Unicode lists as confusable
with a single Latin letter is read as that letter. Scripts whose own words the phrase lists
hold (Arabic, Hebrew, Japanese and Chinese) are left alone.

Every rule that reads words reads them through here: the phrase engine (relay/model/phrases.py)
and the
contact and link readers (`fold_for_reading`, which keeps case and accents).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from array import array
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Final, TypeVar, cast

T = TypeVar("T")

_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_DAKUTEN: Final = ("\u3099", "\u309a")
# Quotes, and Arabic punctuation, which NFKC keeps: `،` is a comma, `؟` ends a sentence.
_QUOTES: Final = str.maketrans(
    {"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
     "،": ",", "؛": ";", "؟": "?", "٪": "%"}
)  # fmt: skip
# Letters that carry a stroke or are a ligature: Unicode does not decompose them, but a
# buyer reads `zwrot pieniedzy` and `zwrot pieniędzy`, `pudełko` and `pudelko` as one word.
_UNDECOMPOSED: Final = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "æ": "ae", "œ": "oe", "ŀ": "l", "ı": "i"}
)
# Invisible characters a reader never sees: Unicode's format characters (zero-width spaces
# and joiners, soft hyphen, bidi controls and isolates, word joiner, BOM) plus the Arabic
# tatweel, a stretching stroke inside a word.
_TATWEEL: Final = "\u0640"
# Scripts whose letters the phrase lists hold themselves: never read as Latin look-alikes.
_OWN_SCRIPTS: Final = ("ARABIC", "HEBREW", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "HALFWIDTH")

# `r e v i e w`, `r.e.v.i.e.w`, `r-e-v-i-e-w`: four or more single letters or digits, each
# followed by the same one separator. A double space ends the run (a word boundary).
_SPACED: Final = re.compile(r"(?<![^\W_])[^\W_]([ .\-_*·|/])(?:[^\W_]\1){2,}[^\W_](?![^\W_])")
# An `a` that opens a spaced run right after a word is the article, not the run's first letter.
_ARTICLE_BEFORE: Final = re.compile(r"[^\W\d_]{2,} a $", re.IGNORECASE)
_ENTITY: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A quoted-printable soft line break left in decoded text (a part declared 8bit that was
# written quoted-printable): `=` at a line end inside a word.
_SOFT_BREAK: Final = re.compile(r"(?<=\w)=\r?\n(?=\w)")
_TRIGGERS: Final = re.compile(r"[&=]|[^\W_][ .\-_*·|/][^\W_][ .\-_*·|/]")


@lru_cache(maxsize=1)
def _confusables() -> dict[str, str]:
    """Unicode's confusables (UTS #39) reduced to: letter of another script -> Latin letter."""
    data = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    table: dict[str, str] = {}
    for char, homoglyphs in json.loads(data).items():
        if len(char) != 1 or char.isascii() or not unicodedata.category(char).startswith("L"):
            continue
        if unicodedata.name(char, "").startswith(_OWN_SCRIPTS):
            continue
        for glyph in homoglyphs:
            latin = glyph["c"].lower()
            if len(latin) == 1 and "a" <= latin <= "z":
                table[char] = latin
                break
    return table


def _is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


def _hidden(char: str) -> bool:
    return char == _TATWEEL or unicodedata.category(char) == "Cf"


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    """One input character as folded text (possibly empty, possibly several characters).

    Compatibility forms (NFKC), case, accents (not Japanese voicing marks), quotes and
    letters confusable with a Latin letter are folded; invisible characters vanish.
    """
    if char in _DAKUTEN:
        return char
    if unicodedata.combining(char) or _hidden(char):
        return ""
    folded = unicodedata.normalize("NFKC", char).translate(_QUOTES).casefold()
    confusable = _confusables()
    out: list[str] = []
    for c in folded:
        if ord(c) < 128 or _is_cjk(c) or c in _DAKUTEN:
            out.append(c)
            continue
        if unicodedata.combining(c):
            continue  # the dot that casefold leaves on Turkish `İ`
        decomposed = unicodedata.normalize("NFKD", c)
        base = "".join(d for d in decomposed if not unicodedata.combining(d)) or c
        base = base.translate(_UNDECOMPOSED)
        out.append("".join(confusable.get(b, b) for b in base))
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Folded:
    """A text folded for matching, and where each folded character came from.

    `starts[i]` is the index of the original character that the folded character `text[i]`
    comes from; it stands for `original[starts[i]:starts[i] + 1]`, or for a longer stretch
    (`wide[i]`, its end) when it was written as an entity like `&#101;`.
    """

    original: str
    text: str
    # None when the text was folded character for character (_plain_text): `starts` is then
    # made on first use, which only a text with a hit needs.
    known_starts: array[int] | None = field(compare=False, repr=False)
    wide: Mapping[int, int]

    @property
    def starts(self) -> array[int]:
        if self.known_starts is None:
            object.__setattr__(self, "known_starts", _plain_starts(self.original))
        assert self.known_starts is not None
        return self.known_starts

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the folded text's [start, end)."""
        if not self.text or end <= start:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        last = min(end, len(self.starts)) - 1
        return self.starts[start], self.wide.get(last, self.starts[last] + 1)

    def quote(self, start: int, end: int) -> str:
        """The original characters behind the folded text's [start, end)."""
        first, last = self.span(start, end)
        return self.original[first:last]


def _rewrites(
    text: str, *, spaced: bool = True
) -> tuple[set[int], dict[int, tuple[int, str]]]:
    """What to read differently: positions to drop, and entities (start -> (end, text))."""
    dropped: set[int] = set()
    entities: dict[int, tuple[int, str]] = {}
    if not _TRIGGERS.search(text):
        return dropped, entities
    if spaced:
        for match in _SPACED.finditer(text):
            first = match.start() + 1
            if _ARTICLE_BEFORE.search(text, max(0, match.start() - 40), match.start() + 2):
                first += 2  # "leave a r e v i e w": the article is a word of its own
            dropped.update(range(first, match.end(), 2))
    if "=" in text:
        for match in _SOFT_BREAK.finditer(text):
            dropped.update(range(match.start(), match.end()))
    if "&" in text:
        for match in _ENTITY.finditer(text):
            decoded = html.unescape(match.group(0))
            if decoded != match.group(0):
                entities[match.start()] = (match.end(), decoded)
    return dropped, entities


# The message being judged: its rule context's memo (`RuleContext.memo`'s table), set by
# `message_memo` around the facts, the rules and the rewrite. The facts and several rules fold
# the same few texts of a message; what they fold is remembered there, with the message, and
# nothing outlives it (no process-wide cache keyed by a message's text).
_MESSAGE_MEMO: Final[ContextVar[dict[Hashable, object] | None]] = ContextVar(
    "relay_message_memo", default=None
)


@contextmanager
def message_memo(memo: dict[Hashable, object]) -> Iterator[None]:
    """Within the block, `memoized` (and so `fold`, `fold_for_reading` and relay.model.phrases's
    `normalize` and `word_starts`) remember their answers in `memo`, one message's table."""
    token = _MESSAGE_MEMO.set(memo)
    try:
        yield
    finally:
        _MESSAGE_MEMO.reset(token)


def judging() -> bool:
    """Whether a message is being judged (within `message_memo`): `memoized` remembers then."""
    return _MESSAGE_MEMO.get() is not None


def memoized(key: Hashable, make: Callable[[], T]) -> T:
    """`make()`, remembered under `key` for the message being judged (`message_memo`);
    computed afresh outside one (policy loading, a tool looking at one text)."""
    memo = _MESSAGE_MEMO.get()
    if memo is None:
        return make()
    try:
        return cast(T, memo[key])
    except KeyError:
        value = memo[key] = make()
        return value


def fold(text: str) -> Folded:
    """The folded text (see the module doc) with its map back to `text`.

    A run of white space becomes one space, or one newline when it holds a blank line (a
    paragraph break); white space between two Japanese or Chinese characters (a line wrap)
    disappears.
    """
    return memoized(("fold", text), lambda: _fold(text))


def _script_change(before: str, after: str) -> bool:
    """A Latin letter right after a Japanese or Chinese character, or the reverse (digits
    stay attached: `10割引`, `星5`)."""
    if before < "\u3040":
        return before.isascii() and before.isalpha() and after >= "\u3040" and _is_cjk(after)
    return after.isascii() and after.isalpha() and _is_cjk(before)


# Every character met so far, folded: a dict lookup is cheaper than a cached call per character.
_FOLDED: dict[str, str] = {}


def _folded(char: str) -> str:
    found = _FOLDED.get(char)
    if found is None:
        found = fold_char(char)
        if len(_FOLDED) < 65536:
            _FOLDED[char] = found
    return found


# White space as `_fold` reads it (`str.isspace`, which is what `\s` matches): every run
# becomes one space, or one newline when it holds two newlines. In three linear passes:
# the white space that is not a newline to one space each run, then runs of spaces and at least
# two newlines to a placeholder, then what is left (runs with one newline) to a space.
_SPACES: Final = re.compile(r"[^\S\n]+")
_PARAGRAPH_BREAK: Final = re.compile(r" ?\n(?: ?\n)+ ?")
_WHITE_RUN: Final = re.compile(r"\s+")
_WORD: Final = re.compile(r"\S+")
_PLACEHOLDER: Final = "\x00"


def _plain_text(text: str) -> str | None:
    """What `_fold(text).text` is, made with a few passes in C instead of a step per character,
    when the text is plain: nothing to rewrite (`_rewrites`), and every character either white
    space or folding to characters below the Japanese and Chinese ranges (so no line wrap
    between two such characters, no change of script, no voicing mark to compose), at least
    one (one that vanishes joins the white space around it). None when it is not."""
    if _PLACEHOLDER in text or _TRIGGERS.search(text):
        return None
    table: dict[int, str] = {}
    for char in set(text):
        if char.isspace():
            continue
        folded = _FOLDED.get(char)
        if folded is None:
            folded = _folded(char)
        if not folded or max(folded) >= "\u3040":
            return None
        if folded != char:
            table[ord(char)] = folded
    # Leading and trailing white space is never written out (`_fold` only writes a run
    # before a character).
    text = _SPACES.sub(" ", text.strip())
    text = _WHITE_RUN.sub(" ", _PARAGRAPH_BREAK.sub(_PLACEHOLDER, text))
    return text.replace(_PLACEHOLDER, "\n").translate(table)


def _plain_starts(text: str) -> array[int]:
    """`_fold(text).starts` for a text `_plain_text` folds: each character kept (as often as
    it has folded characters, `ß` as `ss`), and each run of white space between two of them,
    at the run's first character."""
    widths = {
        char: len(folded)
        for char in set(text)
        if not char.isspace() and len(folded := _folded(char)) > 1
    }
    starts = array("i")
    previous_end = -1
    for word in _WORD.finditer(text):
        start, end = word.span()
        if previous_end >= 0:
            starts.append(previous_end)
        if widths and not widths.keys().isdisjoint(word.group()):
            for position in range(start, end):
                starts.extend([position] * widths.get(text[position], 1))
        else:
            starts.extend(range(start, end))
        previous_end = end
    return starts


def _fold(text: str) -> Folded:
    plain = _plain_text(text)
    if plain is not None:
        return Folded(text, plain, None, {})
    return _fold_each(text)


# An attachment's text may hold 200,000 characters, so the map is an array of 4-byte offsets.
def _fold_each(text: str) -> Folded:
    dropped, entities = _rewrites(text)
    chars: list[str] = []
    starts = array("i")
    wide: dict[int, int] = {}
    pending_space = ""
    pending_at = 0
    skip_to = 0
    for position, char in enumerate(text):
        if position < skip_to or (dropped and position in dropped):
            continue
        entity_end = 0
        if entities and position in entities:
            skip_to, char = entities[position]
            entity_end = skip_to
            if len(char) != 1:
                for c in "".join(_folded(c) for c in char):
                    wide[len(chars)] = entity_end
                    chars.append(c)
                    starts.append(position)
                continue
        if char.isspace():
            if not pending_space:
                pending_at = position
                pending_space = " "
            if char == "\n":
                pending_space += "\n"
            continue
        folded = _FOLDED.get(char)
        if folded is None:
            folded = _folded(char)
        if not folded:
            continue
        if pending_space:
            if chars:
                if pending_space.count("\n") >= 2:
                    chars.append("\n")
                    starts.append(pending_at)
                elif not (_is_cjk(chars[-1]) and _is_cjk(folded[0])):
                    chars.append(" ")
                    starts.append(pending_at)
            pending_space = ""
        elif chars and _script_change(chars[-1], folded[0]):
            # `当店のnewsletterにも`: a Latin word written into Japanese is a word of its own.
            chars.append(" ")
            starts.append(position)
        if entity_end:
            wide[len(chars)] = entity_end
        if len(folded) == 1 and folded not in _DAKUTEN:
            chars.append(folded)
            starts.append(position)
            continue
        for c in folded:
            if c in _DAKUTEN and chars:
                composed = unicodedata.normalize("NFC", chars[-1] + c)
                if len(composed) == 1:
                    chars[-1] = composed
                    continue
            if entity_end:
                wide[len(chars)] = entity_end
            chars.append(c)
            starts.append(position)
    return Folded(text, "".join(chars), starts, wide)


# Format characters (zero-width, soft hyphen, bidi controls, word joiner, BOM) and the
# tatweel: what `_hidden` finds in the Basic Multilingual Plane, as one character class.
_HIDDEN_CLASS: Final = (
    "\u00ad\u0600-\u0605\u061c\u0640\u06dd\u070f\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
)
# Characters beyond it (mathematical letters, tag characters) are looked at one by one: a
# class that mixes them with the plane's characters scans 25 times slower.
_ASTRAL: Final = re.compile("[\U00010000-\U0010ffff]")


@lru_cache(maxsize=2)
def _suspects(confusables: bool) -> re.Pattern[str]:
    """Characters of the plane the reading form changes: hidden ones, and confusables."""
    table = _confusables() if confusables else {}
    letters = "".join(re.escape(c) for c in sorted(table) if ord(c) < 0x10000)
    return re.compile(f"[{_HIDDEN_CLASS}{letters}]")


@lru_cache(maxsize=2)
def _changes(confusables: bool) -> re.Pattern[str]:
    return re.compile(f"{_suspects(confusables).pattern}|{_ASTRAL.pattern}")


def _unescape(match: re.Match[str]) -> str:
    return html.unescape(match.group(0))


def fold_for_reading(text: str, *, confusables: bool = True) -> str:
    """The text with invisible characters, entities, confusables and compatibility forms
    undone, case and accents kept: what the contact and link readers look at.

    Offsets are not kept (those readers quote what they find in this text). Spaced-out
    characters stay as they are: phone numbers are written in groups of digits. The link
    reader keeps confusables (`confusables=False`): a look-alike host is another host.
    """
    return memoized(("reading", text, confusables), lambda: _fold_for_reading(text, confusables))


def _fold_for_reading(text: str, confusables: bool) -> str:
    suspects = _suspects(confusables)
    if "=" in text:
        text = _SOFT_BREAK.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(_unescape, text)
    if suspects.search(text) is not None or _ASTRAL.search(text) is not None:
        table = _confusables() if confusables else {}

        def read(match: re.Match[str]) -> str:
            char = match.group(0)
            return "" if _hidden(char) else table.get(char, char)

        text = _changes(confusables).sub(read, text)
    return unicodedata.normalize("NFKC", text)
