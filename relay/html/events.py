"""Reading HTML from the parser's events, without building a tree.

BeautifulSoup's "lxml" builder is an lxml parser target: it built its tree from the events of
libxml2's HTML parser. The relay's readers (relay.model.message for text, links and images; the STY
rules' facts) take the same events with the same parser options and read what they need in one
pass: no tree, no recursion, and libxml2's depth limit of 256 for trees does not apply.
"""

from __future__ import annotations

import threading
from typing import Any, Generic, Protocol, TypeVar

from lxml import etree


class Open(Protocol):
    """An open element on a reader's stack."""

    name: str


E = TypeVar("E", bound=Open)


class EventReader(Generic[E]):
    """What every reader does alike: text arrives in pieces and is one node at the next event;
    end tags close the elements that are open, as BeautifulSoup's tree builder closed them."""

    stack: list[E]  # the document's root first: it is never closed

    def __init__(self) -> None:
        self.pending: list[str] = []  # the text node being read, in the pieces lxml gives

    def on_text(self, text: str) -> None:
        """A whole text node."""
        raise NotImplementedError

    def close_element(self) -> None:
        """Close the innermost open element (pop it from the stack)."""
        raise NotImplementedError

    def flush(self) -> None:
        if self.pending:
            text = "".join(self.pending)
            self.pending.clear()
            self.on_text(text)

    def data(self, text: str) -> None:
        self.pending.append(text)

    def end(self, name: str) -> None:
        self.flush()
        stack = self.stack
        if stack[-1].name == name:
            self.close_element()
            return
        # lxml closes what it opens, in order; should it not, close up to the element named
        # (if it is open), as BeautifulSoup did.
        for index in range(len(stack) - 1, 0, -1):
            if stack[index].name == name:
                while len(stack) > index:
                    self.close_element()
                return

    def close(self) -> None:
        self.flush()
        while len(self.stack) > 1:
            self.close_element()


def read(html: str, reader: EventReader[Any]) -> None:
    """Feed `html` to `reader` with bs4's "lxml" builder's parser and options, all at once."""
    parser = etree.HTMLParser(target=reader, recover=True)
    parser.feed(html[1:] if html.startswith("\ufeff") else html)
    parser.close()


class _Pair:
    """The parser target of `read_both`: every event to the first reader, then the second.

    The second reader is optional to the first: should it raise, it gets no further events
    and `read_both` says so (its reader then reads the HTML on its own, and fails there as it
    would have), while the first reader's errors end the parse as in `read`.
    """

    __slots__ = ("first", "second", "second_failed")

    def __init__(self) -> None:
        self.first: Any = None
        self.second: Any = None
        self.second_failed = False

    def _fail(self) -> None:
        self.second = None
        self.second_failed = True

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if not attrs:
            # lxml's shared empty mapping answers `get` in Python, through KeyError: a dict
            # answers the same, in C
            attrs = {}
        self.first.start(name, attrs)
        if self.second is not None:
            try:
                self.second.start(name, attrs)
            except Exception:
                self._fail()

    def end(self, name: str) -> None:
        self.first.end(name)
        if self.second is not None:
            try:
                self.second.end(name)
            except Exception:
                self._fail()

    def data(self, text: str) -> None:
        self.first.pending.append(text)
        if self.second is not None:
            self.second.pending.append(text)

    def comment(self, text: str) -> None:
        self.first.comment(text)
        if self.second is not None:
            try:
                self.second.comment(text)
            except Exception:
                self._fail()

    def pi(self, target: str, data: str | None = None) -> None:
        self.first.pi(target, data)
        if self.second is not None:
            try:
                self.second.pi(target, data)
            except Exception:
                self._fail()

    def doctype(self, name: str | None, pubid: str | None, system: str | None) -> None:
        self.first.doctype(name, pubid, system)
        if self.second is not None:
            try:
                self.second.doctype(name, pubid, system)
            except Exception:
                self._fail()

    def close(self) -> None:
        self.first.close()
        if self.second is not None:
            try:
                self.second.close()
            except Exception:
                self._fail()


# One parser per thread, fed one document after another: lxml inspects a target's methods
# (inspect.getfullargspec) when a parser first feeds, ~20 us a parser.
_PARSERS = threading.local()


def read_both(html: str, first: EventReader[Any], second: EventReader[Any]) -> bool:
    """`read(html, first)` and `read(html, second)` from one parse: the same events, in the
    same order, to each. False when `second` raised (it then has only part of the events)."""
    pair: _Pair | None = getattr(_PARSERS, "pair", None)
    parser: etree.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if pair is None or parser is None:
        pair = _PARSERS.pair = _Pair()
        parser = _PARSERS.parser = etree.HTMLParser(target=pair, recover=True)
    pair.first, pair.second, pair.second_failed = first, second, False
    try:
        parser.feed(html[1:] if html.startswith("\ufeff") else html)
        parser.close()
    except BaseException:
        # A parse that ended in an exception may have left the parser mid-document.
        _PARSERS.pair = _PARSERS.parser = None
        raise
    finally:
        pair.first = pair.second = None
    return not pair.second_failed
