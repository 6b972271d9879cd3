"""What the console marks in a message: spans in place, evidence searched when spans are
missing, the HTML part inert, each rule explained."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import jinja2

import relay.console.web as web
from relay.console.view import FRAME_POLICY, explain, message_view, rule_words
from relay.model.message import parse
from tests.conftest import JudgeFn, make_message


def marked(view_text: object) -> list[tuple[str, int]]:
    return [(s.text, s.finding) for s in view_text.segments if s.finding]  # type: ignore[attr-defined]


def test_spans_mark_their_phrase_in_subject_and_text() -> None:
    body = "Guten Tag,\nbitte kontaktieren Sie uns\nvor einer Bewertung.\n"
    message = parse(make_message(body, subject="Ihre Bewertung zählt"))
    text = message.plain_text or ""
    start = text.index("kontaktieren")
    findings = [
        {
            "code": "CNT003",
            "severity": "hold",
            "message": "contact before review",
            "evidence": "…anything…",
            "spans": [
                {
                    "where": "text",
                    "part": 0,
                    "start": start,
                    "end": start + 12,
                    "quote": "kontaktieren",
                },
                {"where": "subject", "part": 0, "start": 5, "end": 13, "quote": "Bewertung"[:8]},
            ],
        }
    ]
    view = message_view(message, findings)
    assert marked(view.texts[0]) == [("kontaktieren", 1)]
    assert marked(view.subject) == [("Bewertun", 1)]
    assert "".join(s.text for s in view.texts[0].segments) == text
    assert view.findings[0].placed and view.findings[0].quote == "kontaktieren … Bewertun"


def test_a_finding_without_spans_is_found_by_its_evidence_across_line_breaks() -> None:
    body = "Das Paket kommt morgen.\n\nWenn Sie zufrieden sind, bewerten Sie uns bitte.\n"
    message = parse(make_message(body))
    findings = [
        {
            "code": "CNT005",
            "severity": "hold",
            "message": "review request",
            "evidence": "…kommt morgen. Wenn Sie zufrieden sind, bewer…",
        },
        {
            "code": "ORD002",
            "severity": "warn",
            "message": "unknown order",
            "evidence": "999-0000000-0000000",
        },
    ]
    view = message_view(message, findings)
    assert marked(view.texts[0]) == [("morgen.\n\nWenn Sie zufrieden sind,", 1)]
    assert [f.placed for f in view.findings] == [True, False]


def test_html_part_gets_its_own_no_fetch_policy_and_rules_are_explained() -> None:
    html = '<p>Hallo</p><img src="http://tracker.example/p.gif" width="1" height="1">'
    view = message_view(parse(make_message("Hallo", html=html)), [])
    assert view.html_frame is not None and view.html_frame.startswith("<meta")
    assert "default-src 'none'" in FRAME_POLICY and "http" not in FRAME_POLICY
    cnt005 = explain("CNT005")
    assert cnt005.name and cnt005.reason and cnt005.guideline
    assert explain("ATT001").fix  # the rule's compliant example


def test_a_link_is_marked_in_the_html_markup_it_stands_in(judge_raw: JudgeFn) -> None:
    # An href has no text of its own: its span indexes the HTML part's markup (html_source).
    html = (
        '<p>Ihre Bestellung ist unterwegs.</p><p><a href="https://shop-beispiel.de/x">hier</a></p>'
    )
    raw = make_message("Ihre Bestellung ist unterwegs.", html=html)
    verdict = judge_raw(raw)
    findings = [f.as_dict() for f in verdict.findings if f.code.startswith("LNK")]
    assert findings and any(s["where"] == "html_source" for s in findings[0]["spans"])
    view = message_view(parse(raw), findings)
    shown = [t for t in view.texts if t.label == "HTML part's markup"]
    assert shown and any("shop-beispiel.de" in text for text, _ in marked(shown[0]))
    assert view.findings[0].placed


def test_a_finding_in_a_further_text_part_is_marked_in_that_part(judge_raw: JudgeFn) -> None:
    """A coupon in the second inline text part: its span names the part, the console shows
    that part (like the body) and highlights the coupon there."""
    body = "Ihre Bestellung 302-1234567-1234567: der Deckel ist spülmaschinenfest."
    raw = (
        "From: support@shop.example\r\nTo: buyer@marketplace.amazon.de\r\n"
        "Subject: Ihre Frage\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        f"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        "Mit dem Gutscheincode LINDE15 sparen Sie 15 %.\r\n--b--\r\n"
    ).encode()
    verdict = judge_raw(raw)
    findings = [f.as_dict() for f in verdict.findings if f.code == "CNT004"]
    assert findings, verdict.findings
    assert all(s["where"] == "text" and s["part"] == 1 for s in findings[0]["spans"])
    view = message_view(parse(raw), findings)
    shown = [t for t in view.texts if t.label == "Text part 2"]
    assert shown and any("LINDE15" in text or "Gutschein" in text for text, _ in marked(shown[0]))
    assert view.findings[0].placed


def _templates() -> jinja2.Environment:
    """The console's templates with the globals relay/console/web.py gives them."""
    folder = Path(web.__file__).parent / "templates"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True)
    env.globals.update(explain=explain, rule_words=rule_words)
    env.filters["when"] = lambda at: at.strftime("%Y-%m-%d %H:%M") if at else ""
    return env


def test_the_message_page_says_which_findings_did_not_stop_the_message() -> None:
    # An agent reads "Why it was stopped": a warning (LNG001) or a stripped emoji must not look
    # like a reason the message was stopped.
    env = _templates()
    findings = [
        {"code": "CNT012", "severity": "hold", "message": "no purpose", "evidence": ""},
        {"code": "LNG001", "severity": "warn", "message": "language", "evidence": ""},
        {"code": "STY001", "severity": "strip", "message": "emoji", "evidence": ""},
    ]
    entry = SimpleNamespace(
        id="20261202-230000-0123abcd", subject="Ihre Bestellung", state="held",
        sender="support@shop.example", auth_user="", order_id="302-1234567-1234567",
        created_at=datetime(2026, 12, 2, 23, 0, tzinfo=UTC), holder="relay-1",
    )  # fmt: skip
    page = env.get_template("message.html").render(
        session=SimpleNamespace(user="rita", role="reviewer", csrf="token"),
        entry=entry, view=message_view(parse(make_message("Hallo")), findings), trail=[],
        problem="", resend=None, edited=None, marketplace="amazon.de", alias="a1b***@x",
    )  # fmt: skip
    notes = page.split('id="finding-')[1:]
    assert "did not stop" not in notes[0]
    assert "a warning: it did not stop the message" in notes[1]
    assert "removed when sent: it did not stop the message" in notes[2]
    assert "Why delete it (optional)" in page


def test_a_reviewer_is_told_before_a_bulk_release_which_ones_an_admin_must_release() -> None:
    entries = [
        SimpleNamespace(id=f"20261202-230000-0000000{n}", subject="Bestellung", state=state,
                        sender="support@shop.example")
        for n, state in enumerate(("held", "rejected", "rejected"))
    ]  # fmt: skip
    confirm = _templates().get_template("confirm.html")

    def page(role: str, shown: list[SimpleNamespace]) -> str:
        session = SimpleNamespace(user="rita", role=role, csrf="token")
        return confirm.render(session=session, action="release", entries=shown)

    assert "2 of them were rejected: only an admin can release them" in page("reviewer", entries)
    assert "1 of them was rejected" in page("reviewer", entries[:2])
    assert "bulk-refused" not in page("admin", entries)
    assert "bulk-refused" not in page("reviewer", entries[:1])


def test_a_finding_in_an_attachments_text_is_marked_there(judge_raw: JudgeFn) -> None:
    note = "Mit dem Gutscheincode LINDE15 sparen Sie 15 % bei Ihrer nächsten Bestellung.\n"
    raw = make_message(attachments=[("hinweis.txt", "text/plain", note.encode())])
    verdict = judge_raw(raw)
    findings = [f.as_dict() for f in verdict.findings if f.code == "ATT005"]
    assert findings and all(s["where"] == "attachment_text" for s in findings[0]["spans"])
    view = message_view(parse(raw), findings)
    [shown] = [t for t in view.texts if t.label == "Attachment hinweis.txt: text"]
    assert marked(shown) == [("Gutscheincode", 1), ("bei Ihrer nächsten Bestellung", 2)]
    assert all(not marked(t) for t in view.texts if t is not shown)
    assert all(f.placed for f in view.findings)


def test_a_finding_in_an_html_only_body_is_marked_in_the_text_the_buyer_reads(
    judge_raw: JudgeFn,
) -> None:
    raw = (
        b"From: support@shop.example\r\nTo: a1b2c3d4e5@marketplace.amazon.de\r\n"
        b"Subject: Ihre Bestellung 302-1234567-1234567\r\nMIME-Version: 1.0\r\n"
        b"Message-ID: <html-only@shop.example>\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
        b"<html><body><p>Ihre Bestellung 302-1234567-1234567 ist unterwegs.</p>"
        b"<p>Mit dem <b>Gutscheincode</b> LINDE15 sparen Sie 15 % beim n&auml;chsten Kauf.</p>"
        b"</body></html>\r\n"
    )
    verdict = judge_raw(raw)
    findings = [f.as_dict() for f in verdict.findings if f.code == "CNT004"]
    assert findings and any(s["where"] == "html" for s in findings[0]["spans"])
    view = message_view(parse(raw), findings)
    assert view.texts[0].label == "Text"  # the HTML part's text, where the body is shown
    assert any("Gutscheincode" in text for text, _ in marked(view.texts[0])), view.texts[0]
    assert view.findings[0].placed
