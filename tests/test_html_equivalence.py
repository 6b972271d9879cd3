"""relay.message reads HTML with lxml directly: the same results as the BeautifulSoup reader
it replaced (kept in bench/html_equivalence.py) over every corpus, evaluation and bench
message, deep nesting and random markup."""

from __future__ import annotations

from bench import html_equivalence


def test_every_message_parses_as_before() -> None:
    report = html_equivalence.run(0, 0, messages=True, deep=False)
    assert report.messages > 300
    assert report.differences == []


def test_deep_and_random_html_reads_as_before() -> None:
    report = html_equivalence.run(300, 7, messages=False, deep=True)
    assert report.documents > 300
    assert report.differences == []
    assert report.old_failed == []
