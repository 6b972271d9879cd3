"""read_both: one parse of the markup for two readers, each seeing what `read` shows it."""

from __future__ import annotations

import pytest

from relay.html import events
from relay.html.events import EventReader


class _Frame:
    def __init__(self, name: str) -> None:
        self.name = name


class Recorder(EventReader[_Frame]):
    """Writes down every event, as a reader's methods receive them."""

    def __init__(self, fail_at: str | None = None) -> None:
        super().__init__()
        self.stack = [_Frame("")]
        self.seen: list[tuple[object, ...]] = []
        self.fail_at = fail_at

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.flush()
        if name == self.fail_at:
            raise ValueError(name)
        self.seen.append(("start", name, dict(attrs)))
        self.stack.append(_Frame(name))

    def close_element(self) -> None:
        self.seen.append(("end", self.stack.pop().name))

    def on_text(self, text: str) -> None:
        self.seen.append(("text", text))

    def comment(self, text: str) -> None:
        self.flush()
        self.seen.append(("comment", text))

    def pi(self, target: str, data: str | None = None) -> None:
        self.flush()
        self.seen.append(("pi", target, data))

    def doctype(self, name: str | None, pubid: str | None, system: str | None) -> None:
        self.flush()
        self.seen.append(("doctype", name, pubid, system))


DOCUMENTS = [
    "",
    "\ufeff<p>Hallo</p>",
    '<!DOCTYPE html><html><body><p style="x">a<br>b</p><!-- c --><?pi x?></body></html>',
    "<div><p>unclosed <b>bold <i>both</div>tail",
    "<pre>  two  </pre><style>p{}</style><blockquote>q</blockquote>",
]


def test_each_reader_sees_what_read_shows_it() -> None:
    for html in DOCUMENTS * 2:  # the second time round on a parser that read them all
        alone = Recorder()
        events.read(html, alone)
        first, second = Recorder(), Recorder()
        assert events.read_both(html, first, second)
        assert first.seen == alone.seen == second.seen, html


def test_a_failing_second_reader_leaves_the_first_whole() -> None:
    html = DOCUMENTS[2]
    alone = Recorder()
    events.read(html, alone)
    first, second = Recorder(), Recorder(fail_at="p")
    assert not events.read_both(html, first, second)
    assert first.seen == alone.seen
    assert ("start", "p", {"style": "x"}) not in second.seen


def test_a_failing_first_reader_raises_and_the_next_parse_starts_afresh() -> None:
    with pytest.raises(ValueError):
        events.read_both("<div><p>x</p>", Recorder(fail_at="p"), Recorder())
    alone, first = Recorder(), Recorder()
    events.read("<i>y</i>", alone)
    assert events.read_both("<i>y</i>", first, Recorder())
    assert first.seen == alone.seen
