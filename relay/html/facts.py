"""The reader of the STY rules' HTML facts: emoji, blank runs, centring, font overrides and sizes,
read in one pass over lxml's parser events, without a tree (see `analyse`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from relay.html import events as html_events
from relay.html.css import (
    BLANK,
    BLOCKS,
    COLOUR_ATTRS,
    DECL_ALIGN,
    NO_TEXT,
    NOT_BLANK_TAGS,
    SKIP_TEXT,
    TABLE_TAGS,
    css_overrides,
    css_sizes,
    word_weight,
)
from relay.html.events import EventReader
from relay.model import quoting
from relay.model.emojis import emoji_found


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


# --------------------------------------------------------------------------------------------
# The facts of the STY rules, read without a tree
#
# `analyse` runs on every HTML message, compliant ones included; building the BeautifulSoup
# tree was most of its time. FactsReader is an lxml parser target fed by the parser and options
# bs4's "lxml" builder used (as relay.model.message's reader), so it sees the events that tree was
# built from and works out what a BeautifulSoup analysis found in it, quirks included. It is
# the one reader of these facts: the STY002 fix edits (relay.html.editor) what it decided.


@dataclass(frozen=True, slots=True)
class _Symbols:
    text_symbols: tuple[str, ...] = ()


# Every emoji is reported; the rules set the policy's text symbols aside.
_ALL_EMOJI: Final = _Symbols()

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
        self.no_text = False  # inside an element of NO_TEXT
        self.skip_text = False  # inside an element of SKIP_TEXT
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


class FactsReader(EventReader[_Element]):
    """The parser target that reads HtmlFacts (`analyse`, or with the text: relay.model.message)."""

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
        element.no_text = outer.no_text or name in NO_TEXT
        element.skip_text = outer.skip_text or name in SKIP_TEXT
        element.in_pre = outer.in_pre or name in _KEEPS_BLANKS
        element.container = element if name in _STRING_CONTAINERS else outer.container
        element.source = _centring(element, outer.source)
        if name in NOT_BLANK_TAGS:
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
            if name in BLOCKS:
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
        elif "style" in attrs or name in COLOUR_ATTRS or name == "font":
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
        if not BLANK.match(text):
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
        words = word_weight(text)
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
            for attr in COLOUR_ATTRS.get(name, ()):
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
    """The element that centres text inside `element` (inherited from the elements around it)."""
    if element.name == "center":
        return element
    style = element.attrs.get("style")
    if style is not None:
        matches = DECL_ALIGN.findall(style)
        if matches:
            return element if matches[-1].lower() == "center" else None
    align = element.attrs.get("align")
    if align is not None and element.name not in TABLE_TAGS and align.strip():
        return element if align.strip().lower() == "center" else None
    return outer


def _in_empty_block(parent: _Element | None) -> bool:
    while parent is not None:
        if parent.name in BLOCKS and parent.empty():
            return True
        parent = parent.parent
    return False


def _element_head(element: _Element) -> str:
    """The element's start tag as bs4 wrote it (list attributes split on whitespace)."""
    listed = _LIST_ATTRS_OF.get(element.name, frozenset())
    attrs = " ".join(
        f'{k}="{" ".join(_CLASSES.findall(v)) if k in _LIST_ATTRS or k in listed else v}"'
        for k, v in element.attrs.items()
    )
    return f"<{element.name}{' ' + attrs if attrs else ''}>"[:200]


def analyse(html: str) -> HtmlFacts:
    """One read of a message's HTML for every STY rule (what HtmlDoc would find, no tree)."""
    reader = FactsReader()
    html_events.read(html, reader)
    return reader.facts()
