"""The HTML editor: a BeautifulSoup tree of a body whose quoted blocks are known, so that the
strip fixes change only the seller's part. It edits what the rules decided from the reader
(relay.html.facts, relay.model.message); it does not judge."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bs4 import BeautifulSoup, Comment, Tag
from bs4.element import NavigableString

from relay.html.css import (
    BLANK,
    BLOCKS,
    COLOUR_ATTRS,
    DECL_CENTER,
    DECL_OVERRIDE,
    DECL_SIZE,
    NO_TEXT,
    NOT_BLANK_TAGS,
    TABLE_TAGS,
    drop,
)
from relay.html.hidden import is_hidden
from relay.model import quoting
from relay.model.emojis import TextSymbols, strip_emoji


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
            if _under(node, NO_TEXT):
                continue
            found.append(node)
        return found

    # ---- emoji ------------------------------------------------------------------------------

    def remove_emoji_text(self, opts: TextSymbols) -> bool:
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
        for block in self.own_tags(*BLOCKS):
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

    def remove_centring(self) -> bool:
        changed = False
        for tag in self.own_tags():
            if tag.name == "center":
                tag.unwrap()
                changed = True
                continue
            if tag.name not in TABLE_TAGS and str(tag.get("align", "")).lower() == "center":
                del tag["align"]
                changed = True
            style = tag.get("style")
            if isinstance(style, str) and DECL_CENTER.search(style):
                tag["style"] = DECL_CENTER.sub("", style)
                _clean_style(tag)
                changed = True
        return changed

    # ---- fonts ------------------------------------------------------------------------------

    def _drop_declarations(
        self, pattern: re.Pattern[str], attributes: Callable[[Tag], Iterable[str]]
    ) -> bool:
        """Remove matching CSS declarations (style elements and attributes) and attributes."""
        changed = False
        for tag in self.own_tags():
            if tag.name == "style":
                css = tag.get_text()
                cleaned = drop(pattern, css)
                if cleaned != css:
                    tag.string = cleaned
                    changed = True
                continue
            style = tag.get("style")
            if isinstance(style, str):
                cleaned = drop(pattern, style)
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
        return self._drop_declarations(DECL_OVERRIDE, lambda t: COLOUR_ATTRS.get(t.name, ()))

    def remove_font_sizes(self) -> bool:
        return self._drop_declarations(DECL_SIZE, lambda t: ("size",) if t.name == "font" else ())

    def serialize(self) -> str:
        return str(self.soup)


def _unwrap_bare_fonts(doc: HtmlDoc) -> bool:
    changed = False
    for tag in doc.own_tags("font"):
        if not tag.attrs:
            tag.unwrap()
            changed = True
    return changed


def _is_empty_block(node: object, memo: dict[int, bool] | None = None) -> bool:
    """A paragraph or div that shows nothing but one blank line (memoized per document)."""
    if not isinstance(node, Tag) or node.name not in BLOCKS:
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
            if inner.name in NOT_BLANK_TAGS:
                return False
            if inner.name == "br":
                breaks += 1
                if breaks > 1:
                    return False
        elif not isinstance(inner, Comment) and not BLANK.match(str(inner)):
            return False
    return True


def _inside_empty_block(node: Tag, memo: dict[int, bool]) -> bool:
    return any(_is_empty_block(p, memo) for p in node.parents if p.name in BLOCKS)


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
            if not BLANK.match(str(node)):
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
        and BLANK.match(str(previous))
    ):
        previous.extract()
    element.decompose()
