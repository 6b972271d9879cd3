"""STY: styling: emoji, blank lines, centring and font overrides, spelling.

The HTML analysis here (`HtmlDoc` and the `*_fixes` helpers) is shared with the strip
transforms in relay/rewrite.py: the rule reports what the transform will change, from the same
code. Quoted blocks (blockquote, gmail_quote, ...) are the buyer's and are neither judged nor
changed; the same goes for quoted lines of a plain-text reply.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Final

import emoji
from bs4 import BeautifulSoup, Comment, Tag
from bs4.element import NavigableString
from pydantic import BaseModel, ConfigDict, Field, field_validator

from relay import html_events, locate, quoting, wordlists
from relay.context import RuleContext
from relay.html.hidden import is_hidden
from relay.html_events import EventReader
from relay.message import Image
from relay.rules.base import options, rule
from relay.verdict import Finding, Severity, Span, Where

if TYPE_CHECKING:
    from relay.rewrite import BodyEditor


@options("style")
class StyleOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # STY001: characters the emoji library knows that are ordinary text symbols here.
    text_symbols: list[str] = ["©", "®", "™"]
    # STY001: an <img> whose src contains one of these (case-insensitive) is an emoji image.
    emoji_image_sources: list[str] = []
    # STY002: blank lines allowed in a row (1 = at most two line breaks in a row).
    max_blank_lines: int = Field(default=1, ge=0)
    # STY002: a body is centred when at least this share of its words is centred.
    centred_share: float = Field(default=0.6, gt=0, le=1)
    # STY002: distinct font sizes allowed.
    max_font_sizes: int = Field(default=3, ge=0)
    # STY003: languages with a bundled dictionary (pyspellchecker) that are checked. Not es:
    # pyspellchecker's Spanish list holds lemmas without inflections ("gracia" but not
    # "gracias", no conjugated verbs), so correct Spanish runs at 15-35 % "unknown".
    spelling_languages: list[str] = ["en", "de", "fr", "it", "nl", "pt"]
    # STY003: warn when at least this share of the checked words is unknown ...
    spelling_unknown_share: float = Field(default=0.3, gt=0, le=1)
    # ... and the text has at least this many checkable words.
    spelling_min_words: int = Field(default=20, ge=1)
    # STY003: words every dictionary should know (brands, carriers, marketplace terms).
    spelling_known_words: list[str] = []

    @cached_property
    def known_words(self) -> frozenset[str]:
        """`spelling_known_words` lower-cased, made once and kept with the policy."""
        return frozenset(w.lower() for w in self.spelling_known_words)

    @field_validator("spelling_languages")
    @classmethod
    def _have_word_lists(cls, languages: list[str]) -> list[str]:
        missing = [language for language in languages if not wordlists.available(language)]
        if missing:
            raise ValueError(f"no bundled word list for {', '.join(missing)}")
        return languages


def style_options(ctx: RuleContext) -> StyleOptions:
    opts: StyleOptions = ctx.policy.option("style", StyleOptions)
    return opts


# --------------------------------------------------------------------------------------------
# Emoji


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


def emoji_found(text: str, opts: StyleOptions) -> list[str]:
    """The emoji in `text`, in order (text symbols such as (c) and (tm) excepted)."""
    if not text or text.isascii() or not may_have_emoji(text):
        return []
    keep = set(opts.text_symbols)
    return [e["emoji"] for e in emoji.emoji_list(text) if e["emoji"] not in keep]


def strip_emoji(text: str, opts: StyleOptions) -> str:
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


def is_emoji_image(image: Image, opts: StyleOptions) -> bool:
    """An <img> standing for an emoji: from an emoji image CDN, or whose alt is only emoji."""
    src = image.src.lower()
    if any(source.lower() in src for source in opts.emoji_image_sources):
        return True
    alt = image.alt.strip()
    return bool(alt) and not alt.isascii() and emoji.purely_emoji(alt.replace(" ", ""))


# --------------------------------------------------------------------------------------------
# The HTML body, parsed once per message for the style rules (and once per rewrite)

_SKIP_TEXT: Final = frozenset({"script", "style", "head", "noscript", "template"})
_NO_TEXT: Final = frozenset({"script", "style", "noscript", "template"})
_BLOCKS: Final = frozenset({"p", "div"})
_TABLE_TAGS: Final = frozenset({"table", "img", "hr", "iframe"})
_DECL_OVERRIDE: Final = re.compile(
    r"(?<![\w-])(?P<prop>mso-[\w-]*font-family|font-family|font|color|line-height)\s*:"
    r"\s*(?P<value>[^;{}]*?)\s*(?:;|(?=})|$)",
    re.IGNORECASE,
)
_DECL_SIZE: Final = re.compile(
    r"(?<![\w-])font-size\s*:\s*(?P<value>[^;{}]*?)\s*(?:;|(?=})|$)", re.IGNORECASE
)
_DECL_CENTER: Final = re.compile(
    r"(?<![\w-])text-align\s*:\s*center\s*(?:!\s*important)?\s*(?:;|(?=})|$)", re.IGNORECASE
)
_DECL_ALIGN: Final = re.compile(r"(?<![\w-])text-align\s*:\s*([a-z-]+)", re.IGNORECASE)
_FONT_FACE: Final = re.compile(r"@font-face\s*\{[^}]*\}", re.IGNORECASE)
_NEUTRAL: Final = frozenset({"inherit", "initial", "unset", "currentcolor", "revert", ""})
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# Presentational attributes that set a font or a text colour.
_COLOUR_ATTRS: Final = {"font": ("face", "color"), "body": ("text",)}
_BLANK: Final = re.compile(r"^[\s\u00a0\u200b]*$")


def _outside_font_faces(css: str, edit: Callable[[str], str]) -> str:
    """Apply `edit` to the CSS outside @font-face rules (those name fonts, they set none)."""
    pieces: list[str] = []
    last = 0
    for match in _FONT_FACE.finditer(css):
        pieces.append(edit(css[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(edit(css[last:]))
    return "".join(pieces)


def css_overrides(css: str) -> list[str]:
    """Font family, font, colour and line-height declarations in a style attribute or sheet."""
    found: list[str] = []

    def collect(chunk: str) -> str:
        for m in _DECL_OVERRIDE.finditer(chunk):
            if _value(m.group("value")) not in _NEUTRAL:
                found.append(f"{m.group('prop').lower()}: {m.group('value').strip()}")
        return chunk

    _outside_font_faces(css, collect)
    return found


def css_sizes(css: str) -> list[str]:
    found: list[str] = []

    def collect(chunk: str) -> str:
        for m in _DECL_SIZE.finditer(chunk):
            if _value(m.group("value")) not in _NEUTRAL:
                found.append(_value(m.group("value")))
        return chunk

    _outside_font_faces(css, collect)
    return found


def _value(value: str) -> str:
    return re.sub(r"\s+|!important", "", value.lower())


def _drop(pattern: re.Pattern[str], css: str) -> str:
    def edit(chunk: str) -> str:
        def repl(m: re.Match[str]) -> str:
            groups = m.groupdict()
            if "value" in groups and _value(groups["value"] or "") in _NEUTRAL:
                return m.group(0)
            return ""

        return pattern.sub(repl, chunk)

    return _outside_font_faces(css, edit)


def _clean_style(tag: Tag) -> None:
    style = str(tag.get("style", ""))
    if not style.strip(" ;"):
        del tag["style"]


class HtmlDoc:
    """An HTML body with its quoted blocks known, so only the seller's part is judged or edited."""

    def __init__(self, html: str) -> None:
        self.soup = BeautifulSoup(html, "lxml")
        blocks = quoting.html_quote_blocks(self.soup)
        self._quoted = {id(node) for block in blocks for node in (block, *block.descendants)}

    def own(self, node: Tag | NavigableString) -> bool:
        return id(node) not in self._quoted

    def own_tags(self, *names: str) -> list[Tag]:
        found = self.soup.find_all(list(names)) if names else self.soup.find_all(True)
        return [t for t in found if isinstance(t, Tag) and self.own(t)]

    def own_images(self) -> list[Tag]:
        return self.own_tags("img")

    def own_strings(self) -> list[NavigableString]:
        """Every text node of the seller's part (comments, scripts and style sheets excluded)."""
        found: list[NavigableString] = []
        for node in self.soup.find_all(string=True):
            if isinstance(node, Comment) or not self.own(node):
                continue
            if _under(node, _NO_TEXT):
                continue
            found.append(node)
        return found

    def own_text(self) -> str:
        return "\n".join(str(s) for s in self.own_strings() if not _under(s, _SKIP_TEXT))

    # ---- emoji ------------------------------------------------------------------------------

    def emoji_texts(self, opts: StyleOptions) -> list[str]:
        found: list[str] = []
        for node in self.own_strings():
            found.extend(emoji_found(str(node), opts))
        for tag in self.own_tags():
            if tag.name == "img":
                continue
            for attr in ("alt", "title"):
                found.extend(emoji_found(str(tag.get(attr, "")), opts))
        for tag in self.own_images():
            found.extend(emoji_found(str(tag.get("title", "")), opts))
        return found

    def remove_emoji_text(self, opts: StyleOptions) -> bool:
        changed = False
        for node in self.own_strings():
            text = str(node)
            cleaned = strip_emoji(text, opts)
            if cleaned != text:
                node.replace_with(NavigableString(cleaned))
                changed = True
        for tag in self.own_tags():
            for attr in ("alt", "title"):
                if tag.name == "img" and attr == "alt":
                    continue
                value = tag.get(attr)
                if isinstance(value, str):
                    cleaned = strip_emoji(value, opts)
                    if cleaned != value:
                        tag[attr] = cleaned
                        changed = True
        return changed

    # ---- hidden elements ----------------------------------------------------------------

    def remove_hidden(self) -> bool:
        """Remove the seller's elements that hide their content (relay.html.hidden)."""
        hidden = [t for t in self.own_tags() if t.name != "img" and is_hidden(t.attrs)]
        for tag in hidden:
            if not tag.decomposed:
                tag.decompose()
        return bool(hidden)

    # ---- blank lines ------------------------------------------------------------------------

    def blank_runs(self, max_blank: int) -> list[list[Tag]]:
        """Runs of line breaks that make more than `max_blank` blank lines in a row.

        Two kinds: `<br>` elements with only whitespace between them (n breaks = n-1 blank
        lines), and empty paragraphs or divs in a row (Outlook's `<p>&nbsp;</p>`, Gmail's
        `<div><br></div>`: each is one blank line).
        """
        runs: list[list[Tag]] = []
        seen: set[int] = set()
        memo: dict[int, bool] = {}

        def empty(node: object) -> bool:
            return _is_empty_block(node, memo)

        for br in self.own_tags("br"):
            if id(br) in seen or _inside_empty_block(br, memo):
                continue
            run = _sibling_run(br, lambda n: isinstance(n, Tag) and n.name == "br")
            seen.update(id(n) for n in run)
            if len(run) - 1 > max_blank:
                runs.append(run)
        for block in self.own_tags(*_BLOCKS):
            if id(block) in seen or not empty(block):
                continue
            run = _sibling_run(block, empty)
            seen.update(id(n) for n in run)
            if len(run) > max_blank:
                runs.append(run)
        return runs

    def collapse_blank_runs(self, max_blank: int) -> bool:
        runs = self.blank_runs(max_blank)
        for run in runs:
            is_br = run[0].name == "br"
            keep = max_blank + 1 if is_br else max_blank
            for element in run[keep:]:
                _remove_with_space(element)
        return bool(runs)

    # ---- centring ---------------------------------------------------------------------------

    def centred_share(self) -> tuple[float, str]:
        """The share of the seller's words that are centred, and the element that centres most."""
        total = 0.0
        centred = 0.0
        by_element: dict[int, tuple[Tag, float]] = {}
        for node in self.own_strings():
            if _under(node, _SKIP_TEXT):
                continue
            words = _words(str(node))
            if not words:
                continue
            total += words
            source = _alignment_source(node)
            if source is not None:
                centred += words
                tag, count = by_element.get(id(source), (source, 0.0))
                by_element[id(source)] = (tag, count + words)
        if not total or not by_element:
            return 0.0, ""
        top = max(by_element.values(), key=lambda item: item[1])[0]
        return centred / total, _tag_head(top)

    def remove_centring(self) -> bool:
        changed = False
        for tag in self.own_tags():
            if tag.name == "center":
                tag.unwrap()
                changed = True
                continue
            if tag.name not in _TABLE_TAGS and str(tag.get("align", "")).lower() == "center":
                del tag["align"]
                changed = True
            style = tag.get("style")
            if isinstance(style, str) and _DECL_CENTER.search(style):
                tag["style"] = _DECL_CENTER.sub("", style)
                _clean_style(tag)
                changed = True
        return changed

    # ---- fonts ------------------------------------------------------------------------------

    def font_overrides(self) -> list[str]:
        found: list[str] = []
        for tag in self.own_tags():
            if tag.name == "style":
                found.extend(css_overrides(tag.get_text()))
                continue
            style = tag.get("style")
            if isinstance(style, str):
                found.extend(css_overrides(style))
            for attr in _COLOUR_ATTRS.get(tag.name, ()):
                value = tag.get(attr)
                if isinstance(value, str) and value.strip():
                    found.append(f"<{tag.name} {attr}={value.strip()}>")
        return found

    def _drop_declarations(
        self, pattern: re.Pattern[str], attributes: Callable[[Tag], Iterable[str]]
    ) -> bool:
        """Remove matching CSS declarations (style elements and attributes) and attributes."""
        changed = False
        for tag in self.own_tags():
            if tag.name == "style":
                css = tag.get_text()
                cleaned = _drop(pattern, css)
                if cleaned != css:
                    tag.string = cleaned
                    changed = True
                continue
            style = tag.get("style")
            if isinstance(style, str):
                cleaned = _drop(pattern, style)
                if cleaned != style:
                    tag["style"] = cleaned
                    _clean_style(tag)
                    changed = True
            for attr in attributes(tag):
                if tag.has_attr(attr):
                    del tag[attr]
                    changed = True
        changed |= _unwrap_bare_fonts(self)
        return changed

    def remove_font_overrides(self) -> bool:
        return self._drop_declarations(_DECL_OVERRIDE, lambda t: _COLOUR_ATTRS.get(t.name, ()))

    def font_sizes(self) -> list[str]:
        found: list[str] = []
        for tag in self.own_tags():
            if tag.name == "style":
                found.extend(css_sizes(tag.get_text()))
                continue
            style = tag.get("style")
            if isinstance(style, str):
                found.extend(css_sizes(style))
            if tag.name == "font":
                value = tag.get("size")
                if isinstance(value, str) and value.strip():
                    found.append(f"size={value.strip()}")
        return list(dict.fromkeys(found))

    def remove_font_sizes(self) -> bool:
        return self._drop_declarations(_DECL_SIZE, lambda t: ("size",) if t.name == "font" else ())

    def serialize(self) -> str:
        return str(self.soup)


def _unwrap_bare_fonts(doc: HtmlDoc) -> bool:
    changed = False
    for tag in doc.own_tags("font"):
        if not tag.attrs:
            tag.unwrap()
            changed = True
    return changed


def _words(text: str) -> float:
    return len(text.split()) + len(_CJK.findall(text)) / 2


def _alignment_source(node: NavigableString) -> Tag | None:
    """The element that centres this text, or None when its nearest alignment is not centre."""
    for parent in node.parents:
        if not isinstance(parent, Tag):
            continue
        if parent.name == "center":
            return parent
        style = parent.get("style")
        if isinstance(style, str):
            matches = _DECL_ALIGN.findall(style)
            if matches:
                return parent if matches[-1].lower() == "center" else None
        align = parent.get("align")
        if isinstance(align, str) and parent.name not in _TABLE_TAGS and align.strip():
            return parent if align.strip().lower() == "center" else None
    return None


def _tag_head(tag: Tag) -> str:
    attrs = " ".join(
        f'{k}="{v if isinstance(v, str) else " ".join(v)}"' for k, v in tag.attrs.items()
    )
    return f"<{tag.name}{' ' + attrs if attrs else ''}>"[:200]


_NOT_BLANK_TAGS: Final = frozenset(
    {"img", "table", "hr", "input", "iframe", "video", "ul", "ol", *_BLOCKS}
)


def _is_empty_block(node: object, memo: dict[int, bool] | None = None) -> bool:
    """A paragraph or div that shows nothing but one blank line (memoized per document)."""
    if not isinstance(node, Tag) or node.name not in _BLOCKS:
        return False
    if memo is not None and id(node) in memo:
        return memo[id(node)]
    result = _shows_nothing(node)
    if memo is not None:
        memo[id(node)] = result
    return result


def _shows_nothing(node: Tag) -> bool:
    breaks = 0
    for inner in node.descendants:
        if isinstance(inner, Tag):
            if inner.name in _NOT_BLANK_TAGS:
                return False
            if inner.name == "br":
                breaks += 1
                if breaks > 1:
                    return False
        elif not isinstance(inner, Comment) and not _BLANK.match(str(inner)):
            return False
    return True


def _inside_empty_block(node: Tag, memo: dict[int, bool]) -> bool:
    return any(_is_empty_block(p, memo) for p in node.parents if p.name in _BLOCKS)


def _under(node: Tag | NavigableString, names: frozenset[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.name in names:
            return True
        parent = parent.parent
    return False


def _sibling_run(first: Tag, same: Callable[[object], bool]) -> list[Tag]:
    """`first` and the following siblings for which `same` holds, skipping blank text only."""
    run = [first]
    node = first.next_sibling
    while node is not None:
        if isinstance(node, NavigableString) and not isinstance(node, Comment):
            if not _BLANK.match(str(node)):
                break
        elif isinstance(node, Tag) and same(node):
            run.append(node)
        else:
            break
        node = node.next_sibling
    return run


def _remove_with_space(element: Tag) -> None:
    previous = element.previous_sibling
    if (
        isinstance(previous, NavigableString)
        and not isinstance(previous, Comment)
        and _BLANK.match(str(previous))
    ):
        previous.extract()
    element.decompose()


@dataclass(frozen=True, slots=True)
class HtmlFacts:
    """What the STY rules need to know about a message's HTML, computed once per message.

    Only small results are kept (not the parsed document): `emoji` lists every emoji of the
    seller's part before the policy's text symbols are set aside; `blank_runs` is (what, blank
    lines in a row) for every run of at least one blank line.
    """

    emoji: tuple[str, ...]
    blank_runs: tuple[tuple[str, int], ...]
    centred_share: float
    centred_by: str
    overrides: tuple[str, ...]
    sizes: tuple[str, ...]


_ALL_EMOJI: Final = StyleOptions(text_symbols=[])


# --------------------------------------------------------------------------------------------
# The facts of the STY rules, read without a tree
#
# `analyse` runs on every HTML message, compliant ones included; building the BeautifulSoup
# tree was most of its time. _FactsReader is an lxml parser target fed by the parser and options
# bs4's "lxml" builder used (as relay.message's reader), so it sees the events that tree was
# built from and works out what the HtmlDoc methods found in it, quirks included. The old
# analysis is kept in bench/style_equivalence.py, which compares the two.

# bs4 made a text node of nothing but these one space or one newline, outside <pre>/<textarea>.
_BS4_SPACES: Final = "\x20\x0a\x09\x0c\x0d"
_KEEPS_BLANKS: Final = frozenset({"pre", "textarea"})
# Elements whose text bs4 gave its own string class; a <style>'s get_text() is only that text.
_STRING_CONTAINERS: Final = frozenset({"rt", "rp", "style", "script", "template"})
_CLASSES: Final = re.compile(r"\S+")  # how bs4 split the class attribute
# Attributes bs4 split into lists (its HTMLTreeBuilder.DEFAULT_CDATA_LIST_ATTRIBUTES): a
# centring element's head shows them split and joined again.
_LIST_ATTRS: Final = frozenset({"class", "accesskey", "dropzone"})
_LIST_ATTRS_OF: Final = {
    "a": frozenset({"rel", "rev"}),
    "link": frozenset({"rel", "rev"}),
    "td": frozenset({"headers"}),
    "th": frozenset({"headers"}),
    "form": frozenset({"accept-charset"}),
    "object": frozenset({"archive"}),
    "area": frozenset({"rel"}),
    "icon": frozenset({"sizes"}),
    "iframe": frozenset({"sandbox"}),
    "output": frozenset({"for"}),
}


class _Element:
    """An open (or, for the blank-run checks, closed) element and what it inherits."""

    __slots__ = (
        "attrs",
        "br_run",
        "breaks",
        "container",
        "in_pre",
        "name",
        "no_text",
        "not_blank",
        "order",
        "parent",
        "quoted",
        "segment",
        "sheet",
        "skip_text",
        "source",
        "text",
    )

    def __init__(self, name: str, attrs: dict[str, str], parent: _Element | None) -> None:
        self.name = name
        self.attrs = attrs
        self.parent = parent
        self.order = 0
        self.quoted = False  # a quoted block or inside one
        self.no_text = False  # inside an element of _NO_TEXT
        self.skip_text = False  # inside an element of _SKIP_TEXT
        self.in_pre = False
        self.container: _Element | None = None  # the nearest element of _STRING_CONTAINERS
        self.sheet: list[str] | None = None  # an own <style>'s text
        self.source: _Element | None = None  # the element that centres its text, if any
        # What _shows_nothing looks at, over everything inside it.
        self.not_blank = False
        self.breaks = 0
        self.text = False
        # Its children that make blank runs so far: the <br> run (number of <br>) and the
        # empty-block candidates (p and div with only blank text between them).
        self.br_run: list[int] | None = None
        self.segment: list[_Element] | None = None

    def empty(self) -> bool:
        """_shows_nothing, for a closed p or div."""
        return not self.not_blank and self.breaks <= 1 and not self.text


class _FactsReader(EventReader[_Element]):
    def __init__(self) -> None:
        super().__init__()
        self.root = _Element("[document]", {}, None)
        self.stack = [self.root]
        self.count = 0
        self.string_emoji: list[str] = []
        self.tag_emoji: list[str] = []
        self.image_emoji: list[str] = []
        # Per own element with a style attribute, a <style> or a font or colour attribute,
        # in document order: the <style>'s text pieces, or the element.
        self.fonts: list[list[str] | _Element] = []
        self.br_runs: list[tuple[list[int], _Element]] = []
        self.segments: list[list[_Element]] = []
        self.total = 0.0
        self.centred = 0.0
        self.by_element: dict[int, tuple[_Element, float]] = {}

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.flush()
        outer = self.stack[-1]
        element = _Element(name, attrs, outer)
        self.count += 1
        element.order = self.count
        element.quoted = outer.quoted or (
            name in quoting.QUOTE_TAG_NAMES
            and quoting.starts_quote(
                name, _CLASSES.findall(attrs.get("class") or ""), attrs.get("id")
            )
        )
        element.no_text = outer.no_text or name in _NO_TEXT
        element.skip_text = outer.skip_text or name in _SKIP_TEXT
        element.in_pre = outer.in_pre or name in _KEEPS_BLANKS
        element.container = element if name in _STRING_CONTAINERS else outer.container
        element.source = _centring(element, outer.source)
        if name in _NOT_BLANK_TAGS:
            outer.not_blank = True
        if name == "br":
            outer.breaks += 1
            outer.segment = None
            if not outer.quoted:
                if outer.br_run is None:
                    outer.br_run = [0]
                    self.br_runs.append((outer.br_run, outer))
                outer.br_run[0] += 1
        else:
            outer.br_run = None
            if name in _BLOCKS:
                if outer.segment is None:
                    outer.segment = []
                    if not outer.quoted:
                        self.segments.append(outer.segment)
                outer.segment.append(element)
            else:
                outer.segment = None
        if not element.quoted:
            self._own_element(element)
        self.stack.append(element)

    def _own_element(self, element: _Element) -> None:
        name, attrs = element.name, element.attrs
        if name == "img":
            self.image_emoji.extend(emoji_found(attrs.get("title", ""), _ALL_EMOJI))
        else:
            for attr in ("alt", "title"):
                self.tag_emoji.extend(emoji_found(attrs.get(attr, ""), _ALL_EMOJI))
        if name == "style":
            element.sheet = []
            self.fonts.append(element.sheet)
        elif "style" in attrs or name in _COLOUR_ATTRS or name == "font":
            self.fonts.append(element)

    def close_element(self) -> None:
        element = self.stack.pop()
        outer = self.stack[-1]
        outer.not_blank = outer.not_blank or element.not_blank
        outer.breaks += element.breaks
        outer.text = outer.text or element.text
        element.br_run = None
        element.segment = None

    def comment(self, text: str) -> None:
        self.flush()
        outer = self.stack[-1]
        outer.br_run = None
        outer.segment = None

    def pi(self, target: str, data: str) -> None:
        self.flush()
        self._string(target + " " + data, False)

    def doctype(self, name: str | None, pubid: str | None, system: str | None) -> None:
        self.flush()
        value = name or ""
        if pubid is not None:
            value += f' PUBLIC "{pubid}"'
            if system is not None:
                value += f' "{system}"'
        elif system is not None:
            value += f' SYSTEM "{system}"'
        self._string(value, False)

    def on_text(self, text: str) -> None:
        self._string(text, True)

    def _string(self, text: str, data: bool) -> None:
        """A text node (data), or a doctype or processing instruction (bs4 strings too)."""
        element = self.stack[-1]
        if not element.in_pre and not text.strip(_BS4_SPACES):
            text = "\n" if "\n" in text else " "
        if not _BLANK.match(text):
            element.text = True
            element.br_run = None
            element.segment = None
        container = element.container
        if data and container is not None and container.sheet is not None:
            container.sheet.append(text)
        if element.quoted or element.no_text:
            return
        self.string_emoji.extend(emoji_found(text, _ALL_EMOJI))
        if element.skip_text:
            return
        words = _words(text)
        if not words:
            return
        self.total += words
        source = element.source
        if source is not None:
            self.centred += words
            tag, count = self.by_element.get(id(source), (source, 0.0))
            self.by_element[id(source)] = (tag, count + words)

    def facts(self) -> HtmlFacts:
        runs: list[tuple[str, int]] = []
        for run, parent in self.br_runs:
            if run[0] > 1 and not _in_empty_block(parent):
                runs.append(("<br>", run[0] - 1))
        blocks: list[tuple[int, str, int]] = []
        for segment in self.segments:
            index = 0
            while index < len(segment):
                first = segment[index]
                if first.quoted or not first.empty():
                    index += 1
                    continue
                end = index + 1
                while end < len(segment) and segment[end].empty():
                    end += 1
                blocks.append((first.order, first.name, end - index))
                index = end
        for _order, name, length in sorted(blocks):
            runs.append((f"empty <{name}>", length))
        share, element = 0.0, ""
        if self.total and self.by_element:
            top = max(self.by_element.values(), key=lambda item: item[1])[0]
            share, element = self.centred / self.total, _element_head(top)
        overrides: list[str] = []
        sizes: list[str] = []
        for item in self.fonts:
            if isinstance(item, list):
                css = "".join(item)
                overrides.extend(css_overrides(css))
                sizes.extend(css_sizes(css))
                continue
            name, attrs = item.name, item.attrs
            style = attrs.get("style")
            if style is not None:
                overrides.extend(css_overrides(style))
                sizes.extend(css_sizes(style))
            for attr in _COLOUR_ATTRS.get(name, ()):
                value = attrs.get(attr)
                if value is not None and value.strip():
                    overrides.append(f"<{name} {attr}={value.strip()}>")
            if name == "font":
                value = attrs.get("size")
                if value is not None and value.strip():
                    sizes.append(f"size={value.strip()}")
        return HtmlFacts(
            emoji=(*self.string_emoji, *self.tag_emoji, *self.image_emoji),
            blank_runs=tuple(runs),
            centred_share=share,
            centred_by=element,
            overrides=tuple(dict.fromkeys(overrides)),
            sizes=tuple(dict.fromkeys(sizes)),
        )


def _centring(element: _Element, outer: _Element | None) -> _Element | None:
    """The element that centres text inside `element` (_alignment_source, inherited)."""
    if element.name == "center":
        return element
    style = element.attrs.get("style")
    if style is not None:
        matches = _DECL_ALIGN.findall(style)
        if matches:
            return element if matches[-1].lower() == "center" else None
    align = element.attrs.get("align")
    if align is not None and element.name not in _TABLE_TAGS and align.strip():
        return element if align.strip().lower() == "center" else None
    return outer


def _in_empty_block(parent: _Element | None) -> bool:
    while parent is not None:
        if parent.name in _BLOCKS and parent.empty():
            return True
        parent = parent.parent
    return False


def _element_head(element: _Element) -> str:
    """_tag_head of the element as bs4 had it (list attributes split on whitespace)."""
    listed = _LIST_ATTRS_OF.get(element.name, frozenset())
    attrs = " ".join(
        f'{k}="{" ".join(_CLASSES.findall(v)) if k in _LIST_ATTRS or k in listed else v}"'
        for k, v in element.attrs.items()
    )
    return f"<{element.name}{' ' + attrs if attrs else ''}>"[:200]


def analyse(html: str) -> HtmlFacts:
    """One read of a message's HTML for every STY rule (what HtmlDoc would find, no tree)."""
    reader = _FactsReader()
    html_events.read(html, reader)
    return reader.facts()


def _html_facts(ctx: RuleContext) -> HtmlFacts:
    """The HTML body's facts, read once per message for every STY rule."""
    return ctx.memo("style-html-facts", lambda: analyse(ctx.message.html or ""))


# --------------------------------------------------------------------------------------------
# Plain text


def blank_line_runs(text: str, max_blank: int) -> list[tuple[int, int]]:
    """(first line, length) of runs of more than `max_blank` blank own lines in a plain body."""
    lines = text.splitlines()
    quoted = quoting.quoted_line_flags(text)
    runs: list[tuple[int, int]] = []
    start = -1
    for index, line in enumerate([*lines, "x"]):
        blank = index < len(lines) and not quoted[index] and not line.strip()
        if blank and start < 0:
            start = index
        elif not blank and start >= 0:
            if index - start > max_blank and start > 0 and index < len(lines):
                runs.append((start, index - start))
            start = -1
    return runs


def own_lines_map(text: str, edit: Callable[[str], str]) -> str:
    """Apply `edit` to every own (not quoted) line of a plain body, keeping line endings."""
    lines = text.splitlines(keepends=True)
    quoted = quoting.quoted_line_flags(text)
    out: list[str] = []
    for index, line in enumerate(lines):
        if index < len(quoted) and quoted[index]:
            out.append(line)
            continue
        body = line.rstrip("\r\n")
        out.append(edit(body) + line[len(body) :])
    return "".join(out)


def collapse_blank_lines(text: str, max_blank: int) -> str:
    runs = blank_line_runs(text, max_blank)
    if not runs:
        return text
    lines = text.splitlines(keepends=True)
    drop: set[int] = set()
    for start, length in runs:
        drop.update(range(start + max_blank, start + length))
    return "".join(line for index, line in enumerate(lines) if index not in drop)


# --------------------------------------------------------------------------------------------
# Rules


def drop_emoji(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    opts = style_options(ctx)
    editor.subject = strip_emoji(editor.subject, opts)
    plain = editor.plain
    if plain is not None:
        editor.plain = own_lines_map(plain, lambda line: strip_emoji(line, opts))
    doc = editor.doc
    if doc is None:
        return
    for tag, image in editor.images():
        if is_emoji_image(image, opts):
            editor.remove_image(tag, image)
    if doc.remove_emoji_text(opts):
        editor.html_changed = True


@rule("STY001", "emoji", Severity.STRIP, "Communication Guidelines: emoji", fix=drop_emoji)
def no_emoji(ctx: RuleContext) -> Iterator[Finding]:
    """No emoji anywhere: Subject, text, HTML, or images standing for emoji (removed).

    Compliant: Subject: Ihre Bestellung 302-1234567-1234567
    Non-compliant: Subject: Danke für Ihre Bestellung! 😊
    """
    opts = style_options(ctx)
    message = ctx.message
    found = emoji_found(message.subject, opts)
    if found:
        subject = locate.DerivedText.whole(message.subject, Where.SUBJECT)
        spans = tuple(span for e in dict.fromkeys(found) for span in subject.spans_of(e))
        yield ctx.finding("STY001", "emoji in the Subject removed", " ".join(found), spans=spans)
    if message.plain_text is not None:
        found = emoji_found(message.own_text, opts)
        if found:
            spans = tuple(span for e in dict.fromkeys(found) for span in ctx.visible.spans_of(e))
            yield ctx.finding("STY001", "emoji in the text removed", " ".join(found), spans=spans)
    if message.html is not None:
        keep = set(opts.text_symbols)
        found = [e for e in _html_facts(ctx).emoji if e not in keep]
        if found:
            spans = tuple(
                span
                for e in dict.fromkeys(found)
                for span in (ctx.locate(e) or ctx.locate_markup(e))
            )
            yield ctx.finding("STY001", "emoji in the HTML removed", " ".join(found), spans=spans)
    for image in message.own_images:
        if is_emoji_image(image, opts):
            yield ctx.finding(
                "STY001", "emoji image removed", image.evidence, spans=ctx.locate_image(image)
            )


def normalize_layout(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    opts = style_options(ctx)
    plain = editor.plain
    if plain is not None:
        editor.plain = collapse_blank_lines(plain, opts.max_blank_lines)
    doc = editor.doc
    if doc is None:
        return
    changed = doc.collapse_blank_runs(opts.max_blank_lines)
    share, _element = doc.centred_share()
    if share >= opts.centred_share:
        changed |= doc.remove_centring()
    if doc.font_overrides():
        changed |= doc.remove_font_overrides()
    if len(doc.font_sizes()) > opts.max_font_sizes:
        changed |= doc.remove_font_sizes()
    if changed:
        editor.html_changed = True


@rule(
    "STY002", "layout", Severity.STRIP, "Communication Guidelines: formatting", fix=normalize_layout
)
def plain_layout(ctx: RuleContext) -> Iterator[Finding]:
    """No blank-line runs, centred bodies, font or colour overrides, or many font sizes.

    More than two line breaks in a row are collapsed; a centred body, font family, colour and
    line-height overrides, and more than three font sizes are normalized away.
    A single centred heading or logo is fine; a body whose text is mostly centred is not.
    A table centred with `align="center"` centres the table, not the text, and is fine.

    Compliant: two paragraphs separated by one blank line, in the reader's default font
    Non-compliant: <body style="text-align:center; font-family:Comic Sans MS">, or three blank lines
    """
    opts = style_options(ctx)
    message = ctx.message
    if message.plain_text is not None:
        runs = blank_line_runs(message.plain_text, opts.max_blank_lines)
        if runs:
            lines = message.plain_text.splitlines()
            start, length = runs[0]
            near = next((ln.strip() for ln in reversed(lines[:start]) if ln.strip()), "")
            yield ctx.finding(
                "STY002",
                "more than two line breaks in a row collapsed (text)",
                f'{length} blank lines after "{near[:60]}"',
                spans=_line_run(message.plain_text, start, length),
            )
    if message.html is None:
        return
    facts = _html_facts(ctx)
    html_runs = [(kind, n) for kind, n in facts.blank_runs if n > opts.max_blank_lines]
    if html_runs:
        kind, blank = html_runs[0]
        yield ctx.finding(
            "STY002",
            "more than two line breaks in a row collapsed (HTML)",
            f"{blank} blank lines in a row ({kind})",
            spans=_markup(ctx, [kind.removeprefix("empty ").rstrip(">")]),
        )
    if facts.centred_share >= opts.centred_share:
        yield ctx.finding(
            "STY002",
            "centred body normalized",
            f"{facts.centred_share:.0%} of the text centred by {facts.centred_by}",
            spans=_markup(ctx, [facts.centred_by, "center"]),
        )
    if facts.overrides:
        yield ctx.finding(
            "STY002",
            "font, colour or line-height overrides removed",
            "; ".join(facts.overrides[:6]),
            spans=_markup(ctx, facts.overrides[:6]),
        )
    if len(facts.sizes) > opts.max_font_sizes:
        yield ctx.finding(
            "STY002",
            f"{len(facts.sizes)} font sizes (at most {opts.max_font_sizes}) normalized",
            ", ".join(facts.sizes[:10]),
            spans=_markup(ctx, facts.sizes[:10]),
        )


def _line_run(text: str, start: int, length: int) -> tuple[Span, ...]:
    """The blank lines `start` to `start + length` of a text/plain part."""
    lines = text.splitlines(keepends=True)
    first = sum(len(line) for line in lines[:start])
    last = first + sum(len(line) for line in lines[start : start + length])
    return (Span(Where.TEXT, first, last, text[first:last]),)


def _markup(ctx: RuleContext, described: Sequence[str]) -> tuple[Span, ...]:
    """Where the described styling is in the HTML: each description's first place, else its
    value (`font-family: Comic Sans` as written `font-family:'Comic Sans'`)."""
    found: list[Span] = []
    for item in described:
        value = re.split(r"[:=]", item.strip("<>"), maxsplit=1)[-1].strip(" '\"")
        spans = ctx.locate_markup(item) or (ctx.locate_markup(value) if value else ())
        found.extend(spans)
    return tuple(dict.fromkeys(found))


def drop_hidden(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    doc = editor.doc
    if doc is not None and doc.remove_hidden():
        editor.html_changed = True


@rule(
    "STY004",
    "hidden-text",
    Severity.STRIP,
    "Communication Guidelines: formatting (docs/policy.md, Reading the text)",
    fix=drop_hidden,
)
def hidden_text(ctx: RuleContext) -> Iterator[Finding]:
    """Text the buyer cannot see is removed: elements hidden by CSS or the `hidden` attribute.

    Hidden text is judged like visible text by every other rule (a coupon in a `display:none`
    block is refused); what is left, breaking no rule, is removed, because nobody should receive
    what they cannot see. Hidden: `display:none`, `visibility:hidden`, zero font size or
    opacity, off-screen positioning, text coloured like its background, `hidden`.

    Compliant: <p>Ihre Bestellung 302-1234567-1234567 ist unterwegs.</p>
    Non-compliant: <span style="display:none">Vorschautext für die Posteingangsliste</span>
    """
    hidden = ctx.message.hidden_text.strip()
    if not hidden:
        return
    lines = [line for line in hidden.splitlines() if line.strip()]
    spans = tuple(span for line in lines[:5] for span in ctx.locate_markup(line))
    first = lines[0]
    evidence = first if len(first) <= 80 else first[:79] + "…"
    yield ctx.finding(
        "STY004",
        f"{len(lines)} line{'s' if len(lines) != 1 else ''} of hidden text removed",
        evidence,
        spans=spans,
    )


# --------------------------------------------------------------------------------------------
# Spelling

_WORD: Final = re.compile(r"[^\W\d_]+", re.UNICODE)


def dictionary(language: str) -> Container[str]:
    """The word list bundled with pyspellchecker for `language` (lower-cased words).

    Loaded at start-up with the policy (relay.pipeline.warm), memory-mapped from a trie built
    once per machine (relay.wordlists), so a rule never waits for it.
    """
    return wordlists.load(language)


@dataclass(frozen=True, slots=True)
class Spelling:
    language: str
    checked: int
    unknown: tuple[str, ...]

    @property
    def share(self) -> float:
        return len(self.unknown) / self.checked if self.checked else 0.0


def spelling(text: str, language: str, known: frozenset[str] = frozenset()) -> Spelling:
    """Count the words of `text` the `language` dictionary does not know.

    Numbers, words of one or two letters, ALL-CAPS words (codes, acronyms) and words that
    contain digits are not checked.
    """
    words = dictionary(language)
    checked = 0
    unknown: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        if len(word) <= 2 or (word.isupper() and len(word) > 1):
            continue
        lower = word.lower()
        checked += 1
        if lower not in words and lower not in known:
            unknown.append(word)
    return Spelling(language=language, checked=checked, unknown=tuple(unknown))


_URLISH: Final = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\S+\.\S+/\S*")


@rule("STY003", "spelling", Severity.WARN, "Communication Guidelines: professional tone")
def spelling_errors(ctx: RuleContext) -> Iterator[Finding]:
    """Spelling: a high share of words unknown to the buyer's language dictionary is reported.

    Only the languages of `[options.style] spelling_languages` are checked (each needs a
    bundled word list; not Japanese). Text detected as another language is LNG001's, not a spelling
    problem.

    Compliant: "Ihre Bestellung wurde heute an DHL übergeben."
    Non-compliant: "Ihre Bestelung wurd heutte an DHL übergeebn."
    """
    opts = style_options(ctx)
    language = ctx.facts.buyer_language
    if language is None or language not in opts.spelling_languages:
        return
    detected = ctx.facts.language
    if detected.code and detected.code != language:
        return  # text in another language: LNG001 reports it, it is not a spelling problem
    text = _URLISH.sub(" ", ctx.message.visible_text)
    result = spelling(text, language, opts.known_words)
    if result.checked < opts.spelling_min_words:
        return
    if result.share >= opts.spelling_unknown_share:
        sample = ", ".join(dict.fromkeys(result.unknown))
        yield ctx.finding(
            "STY003",
            f"{result.share:.0%} of {result.checked} words unknown to the {language} dictionary",
            sample[:300],
            spans=tuple(
                span
                for word in list(dict.fromkeys(result.unknown))[:10]
                for span in ctx.visible.spans_of(word)
            ),
        )
