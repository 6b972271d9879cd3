"""Reading HTML from the parser's events, without building a tree.

BeautifulSoup's "lxml" builder is an lxml parser target: it built its tree from the events of
libxml2's HTML parser. The relay's readers (relay.model.message for text, links and images; the STY
rules' facts) take the same events with the same parser options and read what they need in one
pass: no tree, no recursion, and libxml2's depth limit of 256 for trees does not apply.
"""

from __future__ import annotations

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
