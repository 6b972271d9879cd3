"""CSS and markup facts the HTML reader (relay.html.facts) and editor (relay.html.editor) share:
which declarations set a font, a size, a colour or centring, and which elements hold no text."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

SKIP_TEXT: Final = frozenset({"script", "style", "head", "noscript", "template"})
NO_TEXT: Final = frozenset({"script", "style", "noscript", "template"})
BLOCKS: Final = frozenset({"p", "div"})
TABLE_TAGS: Final = frozenset({"table", "img", "hr", "iframe"})
DECL_OVERRIDE: Final = re.compile(
    r"(?<![\w-])(?P<prop>mso-[\w-]*font-family|font-family|font|color|line-height)\s*:"
    r"\s*(?P<value>[^;{}]*?)\s*(?:;|(?=})|$)",
    re.IGNORECASE,
)
DECL_SIZE: Final = re.compile(
    r"(?<![\w-])font-size\s*:\s*(?P<value>[^;{}]*?)\s*(?:;|(?=})|$)", re.IGNORECASE
)
DECL_CENTER: Final = re.compile(
    r"(?<![\w-])text-align\s*:\s*center\s*(?:!\s*important)?\s*(?:;|(?=})|$)", re.IGNORECASE
)
DECL_ALIGN: Final = re.compile(r"(?<![\w-])text-align\s*:\s*([a-z-]+)", re.IGNORECASE)
FONT_FACE: Final = re.compile(r"@font-face\s*\{[^}]*\}", re.IGNORECASE)
NEUTRAL: Final = frozenset({"inherit", "initial", "unset", "currentcolor", "revert", ""})
CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# Presentational attributes that set a font or a text colour.
COLOUR_ATTRS: Final = {"font": ("face", "color"), "body": ("text",)}
BLANK: Final = re.compile(r"^[\s\u00a0\u200b]*$")


def outside_font_faces(css: str, edit: Callable[[str], str]) -> str:
    """Apply `edit` to the CSS outside @font-face rules (those name fonts, they set none)."""
    pieces: list[str] = []
    last = 0
    for match in FONT_FACE.finditer(css):
        pieces.append(edit(css[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(edit(css[last:]))
    return "".join(pieces)


def css_overrides(css: str) -> list[str]:
    """Font family, font, colour and line-height declarations in a style attribute or sheet."""
    found: list[str] = []

    def collect(chunk: str) -> str:
        for m in DECL_OVERRIDE.finditer(chunk):
            if value(m.group("value")) not in NEUTRAL:
                found.append(f"{m.group('prop').lower()}: {m.group('value').strip()}")
        return chunk

    outside_font_faces(css, collect)
    return found


def css_sizes(css: str) -> list[str]:
    found: list[str] = []

    def collect(chunk: str) -> str:
        for m in DECL_SIZE.finditer(chunk):
            if value(m.group("value")) not in NEUTRAL:
                found.append(value(m.group("value")))
        return chunk

    outside_font_faces(css, collect)
    return found


def value(value: str) -> str:
    return re.sub(r"\s+|!important", "", value.lower())


def drop(pattern: re.Pattern[str], css: str) -> str:
    def edit(chunk: str) -> str:
        def repl(m: re.Match[str]) -> str:
            groups = m.groupdict()
            if "value" in groups and value(groups["value"] or "") in NEUTRAL:
                return m.group(0)
            return ""

        return pattern.sub(repl, chunk)

    return outside_font_faces(css, edit)


def word_weight(text: str) -> float:
    """Words for the centred share: Japanese and Chinese count two characters a word."""
    return len(text.split()) + len(CJK.findall(text)) / 2


# Elements that are content although they hold no text (a block with one is not empty).
NOT_BLANK_TAGS: Final = frozenset(
    {"img", "table", "hr", "input", "iframe", "video", "ul", "ol", *BLOCKS}
)
