"""The STY rules read their HTML facts from lxml's events: the same HtmlFacts as the
BeautifulSoup analysis they replaced (kept in bench/style_equivalence.py) for every corpus,
evaluation and bench HTML body, edge cases, nesting and random style-heavy markup."""

from __future__ import annotations

from bench import style_equivalence


def test_every_message_body_gives_the_same_facts() -> None:
    report = style_equivalence.run(0, 0, messages=True, fixed=False)
    assert report.messages > 200
    assert report.differences == []


def test_edge_and_random_html_gives_the_same_facts() -> None:
    report = style_equivalence.run(400, 7, messages=False, fixed=True, heavy=False)
    assert report.documents > 400
    assert report.differences == []
    assert report.old_failed == []
    # The sample exercises every fact.
    assert set(report.fired) == {
        "emoji", "blank_runs", "centred_share", "centred_by", "overrides", "sizes"
    }  # fmt: skip
