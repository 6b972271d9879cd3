"""parse(): one typed model from raw bytes; malformed input still parses."""

from __future__ import annotations

import base64
import random
import re
from email.utils import getaddresses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.messages import mix
from relay.model import mime_lift
from relay.model.message import (
    LIMIT_DEFECT,
    MAX_MULTIPARTS,
    _inert,
    _plain_addresses,
    _plain_header_value,
    _visible_text,
    _within_limits,
    parse,
)
from relay.verdict import Where
from tests.conftest import BUYER, examples, make_message


def test_plain_message_fields() -> None:
    raw = make_message("Hallo!\nIhre Bestellung 302-1234567-1234567 ist unterwegs.")
    message = parse(raw)
    assert message.from_addresses == ("support@shop.example",)
    assert message.to_addresses == (BUYER,)
    assert message.order_ids == ("302-1234567-1234567",)
    assert not message.is_reply
    assert "unterwegs" in message.own_text
    assert message.digest and len(message.digest) == 64


def test_quoted_reply_text_is_separated() -> None:
    body = (
        "Sure, the parcel left today.\n\n"
        "On Tue, 17 Nov 2026 at 10:00, Buyer <x@marketplace.amazon.de> wrote:\n"
        "> Please give me a discount and 5 stars\n"
    )
    message = parse(make_message(body, headers={"In-Reply-To": "<q@x>"}))
    assert message.is_reply
    assert "discount" not in message.own_text
    assert "discount" in message.quoted_text


def test_german_and_outlook_quote_markers() -> None:
    body = "Danke für Ihre Frage.\n\nAm 17.11.2026 um 10:00 schrieb Käufer:\nBitte Rabatt\n"
    assert "Rabatt" not in parse(make_message(body)).own_text
    body = "Thanks.\n\nFrom: Buyer\nSent: Tuesday\nTo: shop\nSubject: x\n\ncoupon please\n"
    assert "coupon" not in parse(make_message(body)).own_text


def test_html_only_message_visible_text_links_and_images() -> None:
    html = (
        "<html><head><style>p{color:red}</style></head><body>"
        "<p>Hello <a href='https://www.amazon.de/gp/css/order-history'>orders</a></p>"
        "<div style='display:none'>hidden words</div>"
        "<a href='https://shop.example'><img src='cid:logo' width='120' alt='Logo'></a>"
        "<img src='http://t.example/p.gif' width='1' height='1'>"
        "<blockquote>buyer said: coupon</blockquote>"
        "</body></html>"
    )
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "support@shop.example"
    msg["To"] = BUYER
    msg["Subject"] = "Test"
    msg.set_content(html, subtype="html")
    message = parse(msg.as_bytes())
    assert message.plain_text is None
    assert "hidden words" not in (message.html_text or "")
    assert "coupon" not in message.own_text and "coupon" in message.quoted_text
    hrefs = {link.url: link for link in message.links}
    assert hrefs["https://shop.example"].wraps_image
    pixel = next(i for i in message.images if i.src.startswith("http://"))
    assert (pixel.width, pixel.height) == (1, 1)
    logo = next(i for i in message.images if i.is_cid)
    assert logo.link_href == "https://shop.example"


def test_bare_urls_in_text_are_links() -> None:
    message = parse(make_message("Tracking: https://www.dhl.de/track?id=1. Or www.shop.example"))
    urls = {link.url for link in message.links}
    assert "https://www.dhl.de/track?id=1" in urls
    assert "www.shop.example" in urls


def test_attachments_are_sniffed_by_bytes() -> None:
    raw = make_message(
        attachments=[("invoice.pdf", "application/pdf", b"MZ\x90\x00" + b"\x00" * 64)]
    )
    (attachment,) = parse(raw).attachments
    assert attachment.filename == "invoice.pdf"
    assert attachment.declared_type == "application/pdf"
    assert attachment.sniffed_kind == "exe"
    assert attachment.size == 68


def test_malformed_mime_parses_with_defects() -> None:
    raw = (
        b"From: support@shop.example\r\nTo: "
        + BUYER.encode()
        + b"\r\nSubject: =?utf-8?B?broken\r\n"
        b'Content-Type: multipart/mixed; boundary="nope"\r\n\r\nno boundary here\r\n'
    )
    message = parse(raw)
    assert message.defects
    assert message.subject is not None


def test_unknown_charset_does_not_crash() -> None:
    raw = (
        b"From: a@b.c\r\nTo: x@y.z\r\nSubject: x\r\nContent-Type: text/plain; charset=x-klingon\r\n"
        b"\r\nqapla\xff\r\n"
    )
    message = parse(raw)
    assert "qapla" in message.own_text
    assert any("charset" in d for d in message.defects)


def test_outlook_original_message_after_the_marker_is_quoted() -> None:
    from email.message import EmailMessage

    html = (
        "<html><body><div><p>Your parcel left our warehouse today.</p></div>"
        "<div id='appendonsend'></div><hr>"
        "<div id='divRplyFwdMsg'><b>From:</b> Buyer<br><b>Sent:</b> Monday</div>"
        "<div><p>Can I get a coupon?</p><blockquote>older <b>nested</b></blockquote></div>"
        "</body></html>"
    )
    msg = EmailMessage()
    msg["From"] = "support@shop.example"
    msg["To"] = BUYER
    msg["Subject"] = "RE: parcel"
    msg.set_content(html, subtype="html")
    message = parse(msg.as_bytes())
    assert "warehouse" in message.own_text
    assert "coupon" not in message.own_text
    assert "coupon" in message.quoted_text
    assert message.quoted_text.count("nested") == 1


def test_reply_subject_echoes_the_buyer_and_is_not_judged() -> None:
    headers = {"In-Reply-To": "<q@marketplace.amazon.es>"}
    reply = parse(
        make_message(
            "Lo siento, no.", subject="Re: ¿Descuento? 302-1234567-1234567", headers=headers
        )
    )
    assert reply.own_subject == ""
    assert "Descuento" not in reply.visible_text
    assert reply.order_ids == ("302-1234567-1234567",)
    proactive = parse(make_message("Hola", subject="Re: Descuento"))
    assert proactive.own_subject == "Re: Descuento"
    fresh_subject = parse(make_message("Hola", subject="Su pedido", headers=headers))
    assert fresh_subject.own_subject == "Su pedido"


def _mixed(*parts: str) -> bytes:
    body = "".join(f"--b\r\n{part}\r\n" for part in parts)
    return (
        f"From: support@shop.example\r\nTo: {BUYER}\r\nSubject: Parts\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/mixed; boundary="b"\r\n\r\n{body}--b--\r\n'
    ).encode()


def test_every_shown_text_part_is_read_and_numbered_by_kind() -> None:
    """Inline text parts beyond the body's two, a forwarded message's text, and a text part
    after an attachment are further text parts (numbered by kind from 1); a text file sent as
    an attachment, and the parts of an attached message, stay attachments."""
    raw = _mixed(
        "Content-Type: text/plain\r\n\r\nBody text",
        "Content-Type: text/html\r\n\r\n<p>Body html</p>",
        'Content-Type: text/plain\r\nContent-Disposition: attachment; filename="a.txt"\r\n\r\nFile',
        "Content-Type: text/plain\r\nContent-Disposition: inline\r\n\r\nSecond text www.a.example",
        "Content-Type: message/rfc822\r\n\r\nSubject: fwd\r\nContent-Type: text/html\r\n\r\n"
        '<p>Forwarded <a href="https://b.example">b</a></p>',
        'Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename="m.eml"\r\n\r\n'
        "Subject: att\r\nContent-Type: text/plain\r\n\r\nAttached message",
    )
    message = parse(raw)
    assert message.plain_text == "Body text"
    assert message.html_text == "Body html"
    assert [(m.where.value, m.part, m.own_text) for m in message.more_texts] == [
        ("text", 1, "Second text www.a.example"),
        ("html", 1, "Forwarded\nb"),
    ]
    assert [a.filename for a in message.attachments] == ["a.txt", ""]
    assert message.attachments[1].extracted_text.strip() == "Attached message"
    assert message.text_of(Where.TEXT, 1) == "Second text www.a.example"
    assert message.text_of(Where.HTML_SOURCE, 1).startswith("<p>Forwarded")
    by_url = {link.url: link for link in message.links}
    assert by_url["www.a.example"].source == "text"
    assert by_url["https://b.example"].part == 1


def test_one_plain_one_html_message_has_no_further_parts() -> None:
    message = parse(make_message("Hallo", html="<p>Hallo</p>"))
    assert message.more_texts == ()


def test_the_header_block_ends_at_the_first_blank_line_bare_or_crlf() -> None:
    """The parse limits count the header fields before the first blank line, whichever its
    line ends: 600 lines after a bare one are body, 600 before a CRLF one are fields."""
    fields = b"".join(b"X-F%d: v\r\n" % i for i in range(600))
    bare_first = b"Subject: x\n\nbody\r\n" + fields + b"\r\n\r\nmore\r\n"
    assert LIMIT_DEFECT not in parse(bare_first).defects
    crlf_first = b"Subject: x\r\n" + fields + b"\r\nbody\n\nmore\n"
    assert LIMIT_DEFECT in parse(crlf_first).defects


def _nested(depth: int, run: bytes) -> bytes:
    """`depth` nested multiparts, the innermost holding a base64 part of `run`'s lines."""
    head = b"From: a@shop.example\r\nTo: b@marketplace.amazon.de\r\n"
    body = b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n" + run
    for level in range(depth):
        boundary = b"b%d" % level
        body = (
            b'Content-Type: multipart/mixed; boundary="' + boundary + b'"\r\n\r\n--'
            + boundary + b"\r\n" + body + b"--" + boundary + b"--\r\n"
        )
    return head + body


def _run(seed: int, last_line: bytes) -> bytes:
    encoded = base64.b64encode(random.Random(seed).randbytes(mime_lift.MIN_RUN_BYTES))
    lines = [encoded[i : i + 76] for i in range(0, len(encoded) - len(encoded) % 76, 76)]
    return b"".join(line + b"\r\n" for line in [*lines, last_line])


@pytest.mark.parametrize(
    "last_line",
    [
        b"QUJD",  # plain
        b"QUI=",  # padded
        b"QQ==",
        b"x/boundary==",  # a boundary "=" to the scan of the original bytes
        b"boundary=QUJD",  # a "=" inside the lines
        b"QU+boundary=",
    ],
)
@pytest.mark.parametrize("depth", [1, MAX_MULTIPARTS, MAX_MULTIPARTS + 1])
def test_limit_scans_of_the_lifted_bytes_find_what_the_original_gives(
    last_line: bytes, depth: int
) -> None:
    """The multipart and boundary counts read the bytes with the base64 lines lifted out only
    when the lines cannot hold a match: the limits come out as a scan of the original's."""
    raw = _nested(depth, _run(depth, last_line))
    lifted = mime_lift.lift(raw)
    assert len(lifted.runs) == 1
    assert _within_limits(raw, lifted) == _within_limits(raw, mime_lift.Lifted(raw, {}))


def test_the_bench_pdf_is_scanned_without_its_base64_lines() -> None:
    lifted = mime_lift.lift(mix()["pdf1m"].raw)
    assert [_inert(run) for run in lifted.runs.values()] == [True]
    assert not _inert(mime_lift.lift(_nested(1, _run(1, b"x/boundary=="))).runs.popitem()[1])
_WHITE = [" ", "\t", "\xa0", "\n", "\r", "\x0c", "\u2028", "\u3000", "a", "b"]


@given(st.lists(st.text(st.sampled_from(_WHITE), max_size=12), max_size=5))
def test_visible_text_collapses_as_the_regex_did(strings: list[str]) -> None:
    """_visible_text (str methods) gives what the per-character regex gave."""
    spaced = re.sub(r"[ \t\xa0]+", " ", "\n".join(strings))
    lines = "\n".join(line.strip() for line in spaced.splitlines())
    assert _visible_text(strings) == re.sub(r"\n{3,}", "\n\n", lines).strip()


def test_html_facts_are_read_with_the_text() -> None:
    """The STY rules' facts come from the parse's one pass over the HTML, as analyse finds them."""
    from relay.html.facts import analyse

    html = '<p style="text-align:center;font-size:20px">Hallo 😀</p><br><br><br><p>x</p>'
    raw = make_message("Hallo", html=html)
    message = parse(raw)
    assert message.html is not None
    assert message.html_facts == analyse(message.html)
    assert message.html_facts.emoji and message.html_facts.centred_share > 0


# The header values read without the registry (message._plain_header_value) must be the
# registry's, on every form: generated values of every kind of field, the corpus's fields, and
# whole parses with the registry alone.
_HEADER_NAMES = (
    "From", "to", "CC", "Bcc", "Reply-To", "Sender", "Resent-From", "Subject", "Date",
    "Resent-Date", "Message-ID", "In-Reply-To", "References", "MIME-Version", "X-Mailer",
    "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Received",
)  # fmt: skip
_ATOMS = st.text(alphabet="abXY09.-_+=?'!#", min_size=0, max_size=6)


@st.composite
def _mailboxes(draw: st.DrawFn) -> str:
    """Mostly plain mailbox lists, with the odd variation a plain reader could get wrong."""
    boxes = []
    for _ in range(draw(st.integers(1, 3))):
        address = f"{draw(_ATOMS)}@{draw(_ATOMS)}"
        words = draw(st.lists(_ATOMS, max_size=3))
        space = draw(st.sampled_from([" ", " ", "  ", "\t", "\r\n "]))
        name = draw(st.sampled_from([" ", " ", "  ", "\t", "", '"', "(", "."])).join(words)
        boxes.append(f"{name}{space}<{address}>" if words else address)
    return draw(st.sampled_from([", ", ", ", ",", " , ", ",\r\n "])).join(boxes)


_HEADER_VALUES = st.one_of(
    _mailboxes(),
    st.builds(lambda left, right: f"<{left}@{right}>", _ATOMS, _ATOMS),
    st.sampled_from(
        ["1.0", "1.0 (x)", "Fri, 20 Nov 2026 12:00:00 +0000", "20 Nov 2026 12:00 -0000",
         "Fri, 31 Feb 2026 12:00:00 +0000", "Fri, 20 Nov 10000 12:00:00 +0000", "",
         "Mon, 1 Jan 99 1:2:3 EST", "=?utf-8?q?Gr=C3=BC=C3=9Fe?=", "text/plain; charset=utf-8"]
    ),
    st.text(alphabet=" \t\r\nabXY09@.<>,;:\"()[]\\=?-_'+#é\udcff", max_size=40),
)  # fmt: skip


def _registry_value(name: str, value: str) -> str:
    from relay.model.message import _PARSE_POLICY

    return str(_PARSE_POLICY.header_fetch_parse(name, value))


@given(st.sampled_from(_HEADER_NAMES), _HEADER_VALUES)
@settings(max_examples=examples(4000), deadline=None)
def test_plain_header_values_are_the_registrys(name: str, value: str) -> None:
    plain = _plain_header_value(name, value)
    if plain is not None:
        assert plain == _registry_value(name, value)


@given(st.lists(_mailboxes(), max_size=3))
@settings(max_examples=examples(3000), deadline=None)
def test_plain_addresses_are_getaddresses(values: list[str]) -> None:
    plain = _plain_addresses(values)
    if plain is not None:
        assert plain == [address for _name, address in getaddresses(values)]


def test_common_header_forms_are_read_without_the_registry() -> None:
    common = {
        "From": "Kundenservice <support@shop.example>",
        "To": "a1b2c3d4e5@marketplace.amazon.de, Max Mustermann <max@example.de>",
        "Subject": "AW: Frage zur Lieferung der Bestellung 302-1234567-1234567",
        "Date": "Fri, 20 Nov 2026 12:00:00 +0000",
        "Message-ID": "<bench-000000000001@shop.example>",
        "References": "<a@b.example>\r\n <c@d.example>",
        "MIME-Version": "1.0",
    }
    for name, value in common.items():
        assert _plain_header_value(name, value) == _registry_value(name, value), name
    assert _plain_addresses([common["From"], common["To"]]) == [
        "support@shop.example",
        "a1b2c3d4e5@marketplace.amazon.de",
        "max@example.de",
    ]


def _corpus_messages() -> list[bytes]:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = [*root.glob("tests/corpus/*/*.eml"), *root.glob("bench/eval/messages/*.eml")]
    return [eml.read_bytes() for eml in sorted(found)]


def test_plain_header_values_are_the_registrys_on_the_corpus() -> None:
    import email

    from relay.model.message import _PARSE_POLICY

    plain = 0
    for raw in _corpus_messages():
        for part in email.message_from_bytes(raw, policy=_PARSE_POLICY).walk():
            for name, value in part.raw_items():
                found = _plain_header_value(name, value)
                if found is not None:
                    plain += 1
                    assert found == _registry_value(name, value), (name, value)
    assert plain > 1000


def test_parse_reads_headers_as_the_registry_does(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every header-derived field of every corpus message, with and without the plain reader."""
    from relay.model import message as module

    fields = (
        "headers", "subject", "from_addresses", "to_addresses", "cc_addresses",
        "bcc_addresses", "message_id", "in_reply_to", "references", "defects",
    )  # fmt: skip
    messages = [
        *_corpus_messages(),
        make_message("x", to="a@b.example, =?utf-8?q?G=C3=BC?= <c@d.example>"),
        b"From: a@b.example\r\nTo: <>\r\nDate: never\r\nReceived: x\r\nreceived: y\r\n"
        b"Received: x\r\nMessage-ID: <a@[1.2.3.4]>\r\nSubject: \xe9t\xe9\r\n\r\nbody\r\n",
    ]
    with_plain = [parse(raw) for raw in messages]
    monkeypatch.setattr(module, "_plain_header_value", lambda name, value: None)
    monkeypatch.setattr(module, "_plain_addresses", lambda values: None)
    registry_only = [parse(raw) for raw in messages]
    for fast, slow in zip(with_plain, registry_only, strict=True):
        assert [getattr(fast, f) for f in fields] == [getattr(slow, f) for f in fields]
