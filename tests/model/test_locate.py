"""relay.model.locate: spans point into the original texts of the parsed message; ctx.memo."""

from __future__ import annotations

from relay.model import locate
from relay.model.message import parse
from relay.model.types import Envelope, OrderContext, RelayConfig
from relay.pipeline import judge
from relay.policy import Policy
from relay.verdict import Where
from tests.conftest import BUYER, NOW, SELLER, make_message

ORDER = "302-1234567-1234567"


def test_visible_text_maps_to_subject_and_plain_text() -> None:
    body = "Hallo,\n\nIhre Bestellung ist unterwegs.\n\n> Wo ist mein Paket?\n> Danke"
    message = parse(make_message(body, subject=f"Bestellung {ORDER}"))
    view = locate.visible(message)
    assert view.text == message.visible_text
    at = view.text.index("unterwegs")
    (span,) = view.spans(at, at + len("unterwegs"))
    assert span.where is Where.TEXT
    assert message.text_of(Where.TEXT)[span.start : span.end] == span.quote == "unterwegs"
    (subject,) = view.spans(0, 10)
    assert (subject.where, subject.quote) == (Where.SUBJECT, "Bestellung")
    # across the Subject and the text: one span in each
    both = view.spans(len(message.subject) - 3, len(message.subject) + 7)
    assert [s.where for s in both] == [Where.SUBJECT, Where.TEXT]
    assert [s.quote for s in both] == [ORDER[-3:], "Hallo,"]


def test_a_normalized_hit_maps_back_to_the_original_characters() -> None:
    message = parse(make_message("Nutzen Sie den Gutschein-Ｃｏｄｅ  ＳＡＶＥ10 für Rabatt."))
    view = locate.visible(message)
    wanted = "gutschein-code save10"
    start = view.normalized.index(wanted)
    (span,) = view.spans_normalized(start, start + len(wanted))
    assert span.quote == "Gutschein-Ｃｏｄｅ  ＳＡＶＥ10"
    assert message.text_of(span.where)[span.start : span.end] == span.quote



def test_a_hit_in_an_entity_quotes_the_whole_entity() -> None:
    # relay.model.fold reads `&#110;` as one "n": the span covers the six characters written.
    view = locate.DerivedText.whole("Use the coupo&#110; code now", Where.TEXT)
    start = view.normalized.index("coupon")
    (span,) = view.spans_normalized(start, start + len("coupon"))
    assert (span.start, span.end, span.quote) == (8, 19, "coupo&#110;")

def test_html_only_message_maps_into_the_html_text() -> None:
    html = "<html><body><p>Ihre <b>Bestellung</b> ist da.</p><p>Mehr auf shop.example</p></body>"
    raw = (
        f"From: {SELLER}\nTo: {BUYER}\nSubject: Bestellung {ORDER}\nMIME-Version: 1.0\n"
        f"Content-Type: text/html; charset=utf-8\n\n{html}\n"
    ).encode()
    message = parse(raw)
    assert message.plain_text is None and message.html_text is not None
    spans = locate.visible(message).spans_of("shop.example")
    assert [(s.where, s.quote) for s in spans] == [(Where.HTML, "shop.example")]
    for span in spans:
        assert message.text_of(span.where)[span.start : span.end] == span.quote


def test_memo_computes_once_per_message_and_key(policy: Policy) -> None:
    ctx, _verdict, _forward = judge(
        parse(make_message()),
        Envelope(SELLER, (BUYER,)),
        policy,
        RelayConfig(approved_senders=(SELLER,)),
        OrderContext(),
        NOW,
    )
    calls: list[int] = []

    def make() -> int:
        calls.append(1)
        return len(calls)

    assert ctx.memo("k", make) == 1
    assert ctx.memo("k", make) == 1
    assert ctx.memo("other", make) == 2
    assert ctx.visible is ctx.visible
