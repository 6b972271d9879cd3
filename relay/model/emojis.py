"""Emoji in text: finding them and taking them out, for STY001 and its fix (Subject, text, HTML)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Protocol

import emoji


class TextSymbols(Protocol):
    """What is kept although the emoji library lists it (the STY options' text symbols)."""

    @property
    def text_symbols(self) -> Sequence[str]: ...


# Where an emoji can start: a cheap test before the emoji library's tokenizer. Keycap emoji
# (`1️⃣`, `#⃣`) start with a digit, `#` or `*` followed by U+FE0F or U+20E3 (tested in
# tests/rules/test_style.py), so plain digits do not call the tokenizer. A set test: one
# character class of every emoji start made `re.search` scan slowly.
_KEYCAP_BASES: Final = frozenset("#*0123456789")
_EMOJI_FIRST: Final = frozenset(e[0] for e in emoji.EMOJI_DATA) - _KEYCAP_BASES


def may_have_emoji(text: str) -> bool:
    """False when no emoji can start anywhere in `text` (then emoji_list finds none)."""
    if not _EMOJI_FIRST.isdisjoint(text):
        return True
    return ("\ufe0f" in text or "\u20e3" in text) and not _KEYCAP_BASES.isdisjoint(text)


def emoji_found(text: str, opts: TextSymbols) -> list[str]:
    """The emoji in `text`, in order (text symbols such as (c) and (tm) excepted)."""
    if not text or text.isascii() or not may_have_emoji(text):
        return []
    keep = set(opts.text_symbols)
    return [e["emoji"] for e in emoji.emoji_list(text) if e["emoji"] not in keep]


def strip_emoji(text: str, opts: TextSymbols) -> str:
    """`text` without its emoji, and without the space an emoji leaves behind."""
    if not text or text.isascii() or not may_have_emoji(text):
        return text
    keep = set(opts.text_symbols)
    out: list[str] = []
    last = 0
    for match in emoji.emoji_list(text):
        if match["emoji"] in keep:
            continue
        start, end = match["match_start"], match["match_end"]
        if start < last:
            continue
        chunk = text[last:start]
        after = text[end : end + 1]
        if chunk.endswith(" ") and (after == "" or after in " \t\r\n.,!?;:)]»"):
            chunk = chunk[:-1]
        elif ((chunk == "" and last == 0) or chunk.endswith("\n")) and after == " ":
            end += 1
        out.append(chunk)
        last = end
    out.append(text[last:])
    return "".join(out)
