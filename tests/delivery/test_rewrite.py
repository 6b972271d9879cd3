"""The rewrite: strip findings rebuild the message; everything else stays byte for byte."""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import quopri
import re
from email.header import decode_header, make_header
from email.message import EmailMessage
from pathlib import Path

import pytest

from relay.delivery.rewrite import encode_subject
from relay.model.message import parse
from relay.model.types import Envelope, Order, OrderContext, RelayConfig
from relay.orders_import import read_orders
from relay.pipeline import judge
from relay.policy import Policy, load_policy
from relay.review.edit import attachment_bytes, attachment_parts
from relay.verdict import Action, Verdict
from tests.conftest import BUYER, NOW, SELLER, default_order, make_message
from tests.corpus.style.make_fixtures import make_pdf

TEXT = (
    "Guten Tag, für Ihre Bestellung 302-1234567-1234567 benötigen wir noch den gewünschten Text "
    "für die Gravur auf dem Schneidebrett. Bitte antworten Sie uns mit dem Namen und dem Datum, "
    "damit wir die Gravur morgen anfertigen können."
)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(200))
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + bytes(range(40))


PDF = make_pdf("Rechnung 2026-1187 zur Bestellung 302-1234567-1234567")
STRIP_CODES = {"IMG001", "IMG002", "IMG003", "IMG004", "STY001", "STY002", "ENV004"}


def run(raw: bytes, policy: Policy) -> tuple[Verdict, bytes]:
    message = parse(raw)
    orders = OrderContext(order_id="302-1234567-1234567", order=default_order())
    config = RelayConfig(approved_senders=(SELLER,))
    _ctx, verdict, forward = judge(message, Envelope(SELLER, (BUYER,)), policy, config, orders, NOW)
    return verdict, forward


def b64(data: bytes) -> str:
    text = base64.b64encode(data).decode()
    return "\r\n".join(text[i : i + 76] for i in range(0, len(text), 76))


def qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode().replace("\n", "\r\n")


HTML = f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<style>p.MsoNormal {{margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}}</style>
</head><body lang="DE" style="text-align:center">
<div class="WordSection1">
<p class="MsoNormal"><a href="https://www.gartenwelt.de/"><img width="180" height="60"
 id="Logo" src="cid:image001.png@01DB3C2A.5E7F1A20" alt="Gartenwelt"></a></p>
<p class="MsoNormal">{TEXT} 😊</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">&nbsp;</p>
<p class="MsoNormal">Mit freundlichen Grüßen<br><br><br>Ihr Kundenservice 🌿</p>
<img src="cid:image002.gif@01DB3C2A.5E7F1A20" width="300" alt="Herbstaktion">
<img src="http://cdn.gartenwelt.de/siegel.png" width="80" alt="Siegel">
<img src="https://t.helpdesk.example/open/abc123" width="1" height="1" style="display:block">
<img src="https://fonts.gstatic.com/s/e/notoemoji/15.0/1f381/32.png" alt="🎁">
</div>
<blockquote style="font-family:Arial;color:#444">Frage vom Käufer 😡
<img src="http://buyer.example/x.gif" width="1" height="1"></blockquote>
</body></html>
"""

PLAIN = f"""[cid:image001.png@01DB3C2A.5E7F1A20] <https://www.gartenwelt.de/>

{TEXT} 😊



Mit freundlichen Grüßen
Ihr Kundenservice 🌿
[cid:image002.gif@01DB3C2A.5E7F1A20]

Am 18.11.2026 schrieb Käufer:
> Frage vom Käufer 😡
"""

PDF_B64 = b64(PDF)


def outlook_message() -> bytes:
    """An Outlook-style message with CRLF line ends: related HTML, inline parts, a PDF."""
    subject = encode_subject("Ihre Gravur 🎁 – Bestellung 302-1234567-1234567 für Grüße").replace(
        "\n", "\r\n"
    )
    return (
        "From: Gartenwelt Kundenservice <support@shop.example>\r\n"
        f"To: {BUYER}\r\n"
        f"Subject: {subject}\r\n"
        "Date: Thu, 19 Nov 2026 09:14:03 +0100\r\n"
        "Message-ID: <AM0PR10MB1234.eurprd10.prod.outlook.com>\r\n"
        "Thread-Topic: Ihre Gravur\r\n"
        "X-MS-Has-Attach: yes\r\n"
        "Disposition-Notification-To: support@shop.example\r\n"
        "Content-Language: de-DE\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="_004_mixed_"\r\n'
        "\r\n"
        "--_004_mixed_\r\n"
        'Content-Type: multipart/related; boundary="_003_related_";\r\n'
        ' type="multipart/alternative"\r\n'
        "\r\n"
        "--_003_related_\r\n"
        'Content-Type: multipart/alternative; boundary="_000_alt_"\r\n'
        "\r\n"
        "--_000_alt_\r\n"
        'Content-Type: text/plain; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "\r\n"
        f"{qp(PLAIN)}\r\n"
        "--_000_alt_\r\n"
        'Content-Type: text/html; charset="utf-8"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        f"{b64(HTML.encode())}\r\n"
        "--_000_alt_--\r\n"
        "\r\n"
        "--_003_related_\r\n"
        'Content-Type: image/png; name="image001.png"\r\n'
        "Content-Description: image001.png\r\n"
        'Content-Disposition: inline; filename="image001.png"; size=208\r\n'
        "Content-ID: <image001.png@01DB3C2A.5E7F1A20>\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        f"{b64(PNG)}\r\n"
        "--_003_related_\r\n"
        'Content-Type: image/gif; name="image002.gif"\r\n'
        'Content-Disposition: inline; filename="image002.gif"\r\n'
        "Content-ID: <image002.gif@01DB3C2A.5E7F1A20>\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        f"{b64(GIF)}\r\n"
        "--_003_related_--\r\n"
        "\r\n"
        "--_004_mixed_\r\n"
        'Content-Type: application/pdf; name="Rechnung-302-1234567-1234567.pdf"\r\n'
        'Content-Disposition: attachment; filename="Rechnung-302-1234567-1234567.pdf"\r\n'
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        f"{PDF_B64}\r\n"
        "--_004_mixed_--\r\n"
    ).encode()


def parts_of(raw: bytes) -> EmailMessage:
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def _attachment_digests(raw: bytes) -> list[str]:
    """The SHA-256 of every part the parser lists as an attachment, in its order."""
    count = len(attachment_parts(email.message_from_bytes(raw, policy=email.policy.default)))
    return [hashlib.sha256(attachment_bytes(raw, index)).hexdigest() for index in range(count)]


def body(raw: bytes, subtype: str) -> str:
    for part in parts_of(raw).walk():
        if part.get_content_type() == f"text/{subtype}":
            return str(part.get_content()).replace("\r\n", "\n")
    raise AssertionError(subtype)


def test_message_without_strip_findings_is_forwarded_byte_for_byte(policy: Policy) -> None:
    raw = make_message(TEXT + " Mit freundlichen Grüßen, Ihr Kundenservice", html=f"<p>{TEXT}</p>")
    verdict, forward = run(raw, policy)
    assert verdict.action is Action.DELIVER and not verdict.strip_codes
    assert forward is raw or forward == raw


def test_rewrite_removes_what_was_stripped(policy: Policy) -> None:
    raw = outlook_message()
    verdict, forward = run(raw, policy)
    assert verdict.action is Action.DELIVER, verdict.findings
    assert verdict.strip_codes >= STRIP_CODES

    # it re-parses cleanly, and judging it again finds nothing left to strip
    again = parse(forward)
    assert again.defects == ()
    verdict2, forward2 = run(forward, policy)
    assert verdict2.action is Action.DELIVER
    assert not verdict2.strip_codes, verdict2.findings
    assert forward2 == forward

    html = body(forward, "html")
    plain = body(forward, "plain")
    # pixel, http image, GIF and emoji image gone; the logo stays, unlinked
    assert "t.helpdesk.example" not in html
    assert "http://cdn.gartenwelt.de" not in html
    assert "image002.gif" not in html
    assert "notoemoji" not in html
    assert 'src="cid:image001.png@01DB3C2A.5E7F1A20"' in html
    assert "https://www.gartenwelt.de/" not in html and "<a " not in html
    # emoji, centring, fonts, extra blank lines gone from the seller's part
    own_html = html.split("<blockquote", 1)[0]
    assert "😊" not in own_html and "🌿" not in own_html
    assert "text-align:center" not in own_html and "font-family" not in own_html
    assert own_html.count('<p class="MsoNormal">\xa0</p>') == 1
    assert not re.search(r"(<br/?>\s*){3}", own_html)
    # the buyer's quoted words and image are forwarded unchanged
    assert 'Frage vom Käufer 😡\n<img height="1" src="http://buyer.example/x.gif"' in html
    assert '<blockquote style="font-family:Arial;color:#444">' in html
    assert "> Frage vom Käufer 😡" in plain
    # plain text: emoji and blank runs gone, placeholders of removed parts and the link gone
    assert "😊" not in plain and "🌿" not in plain
    assert "\n\n\n" not in plain
    assert "image002.gif" not in plain and "gartenwelt.de" not in plain
    assert "[cid:image001.png@01DB3C2A.5E7F1A20]" in plain
    assert TEXT in plain


def test_untouched_parts_and_headers_are_byte_identical(policy: Policy) -> None:
    raw = outlook_message()
    _verdict, forward = run(raw, policy)
    # the PDF attachment and the PNG logo: headers and encoded lines exactly as sent
    pdf_part = raw[raw.index(b"Content-Type: application/pdf") : raw.index(b"--_004_mixed_--")]
    assert pdf_part in forward
    png_start = raw.index(b"Content-Type: image/png")
    png_part = raw[png_start : raw.index(b"--_003_related_", png_start)]
    assert png_part in forward
    # every header line but Subject and the removed read-receipt header, in order
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\r\n")
    kept = [
        line
        for line in head
        if not line.startswith((b"Subject:", b" ", b"Disposition-Notification-To"))
    ]
    forward_head = forward.split(b"\r\n\r\n", 1)[0]
    assert b"Disposition-Notification-To" not in forward_head
    positions = [(forward_head + b"\r\n").index(line + b"\r\n") for line in kept]
    assert positions == sorted(positions)
    # boundaries kept; the GIF part that nothing references any more is dropped
    for boundary in (b"_004_mixed_", b"_003_related_", b"_000_alt_"):
        assert boundary in forward
    assert b"image002.gif" not in forward
    html_head = forward[forward.index(b'Content-Type: text/html; charset="utf-8"') :][:120]
    assert b"Content-Transfer-Encoding: base64" in html_head


def test_subject_is_re_encoded_without_emoji(policy: Policy) -> None:
    _verdict, forward = run(outlook_message(), policy)
    msg = parts_of(forward)
    assert str(msg["Subject"]) == "Ihre Gravur – Bestellung 302-1234567-1234567 für Grüße"
    raw_subject = re.search(rb"\r\nSubject: (.*?)\r\n(?! )", forward, re.S)
    assert raw_subject is not None
    lines = raw_subject.group(0).split(b"\r\n")
    assert all(len(line) <= 78 for line in lines)
    assert all(len(w) <= 75 for w in re.findall(rb"=\?[^?]+\?[QB]\?[^?]*\?=", forward, re.I))


def test_encode_subject() -> None:
    assert encode_subject("Bestellung 302-1234567-1234567") == "Bestellung 302-1234567-1234567"
    for text in (
        "ご注文 302-1234567-1234567 の刻印について",
        "Grüße und Gravur für Ihre Bestellung",
    ):
        encoded = encode_subject(text)
        assert encoded.isascii()
        assert str(make_header(decode_header(encoded))) == text


def test_html_only_message_in_latin1_keeps_its_charset(policy: Policy) -> None:
    html = f'<html><body style="font-family:Verdana"><p>{TEXT}</p></body></html>'
    raw = (
        "From: support@shop.example\r\n"
        f"To: {BUYER}\r\n"
        "Subject: Bestellung 302-1234567-1234567 Gravur\r\n"
        "Message-ID: <latin1@shop.example>\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: text/html; charset="iso-8859-1"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "\r\n"
    ).encode() + quopri.encodestring(html.encode("iso-8859-1")).replace(b"\n", b"\r\n")
    verdict, forward = run(raw, policy)
    assert verdict.strip_codes == {"STY002"}
    msg = parts_of(forward)
    assert msg.get_content_charset() == "iso-8859-1"
    assert msg["Content-Transfer-Encoding"] == "quoted-printable"
    content = str(msg.get_content())
    assert "Verdana" not in content and "für Ihre Bestellung" in content


def gmail_message(html_extra: str, plain_extra: str, subject: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = SELLER
    msg["To"] = BUYER
    msg["Subject"] = subject
    msg["Message-ID"] = "<CAH1x@mail.gmail.com>"
    msg.set_content(f"{TEXT}\n\nMit freundlichen Grüßen\nIhr Kundenservice\n{plain_extra}\n")
    msg.add_alternative(
        f'<div dir="ltr"><div>{TEXT}</div><div><br></div><div>Mit freundlichen Grüßen<br>'
        f"Ihr Kundenservice</div>{html_extra}</div>",
        subtype="html",
    )
    return msg.as_bytes()


def test_gmail_image_link_is_unwrapped_in_both_bodies(policy: Policy) -> None:
    html = (
        '<div><a href="https://www.gartenwelt.de" target="_blank"><img width="150" '
        'src="https://static.gartenwelt.de/logo.png" alt="Gartenwelt"></a><br></div>'
    )
    raw = gmail_message(html, "[image: Gartenwelt]\n<https://www.gartenwelt.de>", "Gravur 302")
    raw = raw.replace(b"Gravur 302", b"Gravur zur Bestellung 302-1234567-1234567")
    verdict, forward = run(raw, policy)
    assert verdict.strip_codes == {"IMG004"}, verdict.findings
    plain, html_out = body(forward, "plain"), body(forward, "html")
    assert "gartenwelt.de>" not in plain and "[image: Gartenwelt]" in plain
    assert "<a " not in html_out and 'src="https://static.gartenwelt.de/logo.png"' in html_out
    assert not run(forward, policy)[0].strip_codes


def test_japanese_subject_emoji_is_removed_and_re_encoded(policy: Policy) -> None:
    subject = "ご注文302-1234567-1234567の刻印について🙇"
    raw = gmail_message("", "", subject)
    verdict, forward = run(raw, policy)
    assert "STY001" in verdict.strip_codes
    assert str(parts_of(forward)["Subject"]) == "ご注文302-1234567-1234567の刻印について"
    assert re.search(rb"\nSubject: =\?utf-8\?b\?", forward, re.I)


def test_shadow_mode_strip_rule_changes_nothing(tmp_path: Path) -> None:
    shadow = tmp_path / "shadow.toml"
    shadow.write_text('[rules.STY001]\nmode = "log"\n', encoding="utf-8")
    raw = gmail_message("", "", "Gravur zur Bestellung 302-1234567-1234567 🎁")
    verdict, forward = run(raw, load_policy([str(shadow)]))
    assert "STY001" in {f.code for f in verdict.findings}
    assert not verdict.modified and forward == raw


CORPUS = Path(__file__).parent.parent / "corpus"
OWN_FIXTURES = sorted([*CORPUS.glob("images/*.eml"), *CORPUS.glob("style/*.eml")])


def corpus_orders() -> dict[str, Order]:
    found: dict[str, Order] = {}
    for family in ("images", "style"):
        orders, refused = read_orders(CORPUS / family / "orders.csv")
        assert not refused
        found.update({o.order_id: o for o in orders})
    return found


@pytest.mark.parametrize("eml", OWN_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_corpus_rewrites_re_parse_and_re_judge_clean(eml: Path, policy: Policy) -> None:
    """Every IMG/STY fixture that is delivered modified: clean MIME, nothing left to strip."""
    raw = eml.read_bytes()
    message = parse(raw)
    order = corpus_orders()[message.order_ids[0]]
    orders = OrderContext(order_id=order.order_id, order=order)
    config = RelayConfig(approved_senders=(SELLER,))
    envelope = Envelope(SELLER, message.to_addresses)
    _ctx, verdict, forward = judge(message, envelope, policy, config, orders, NOW)
    if not verdict.modified:
        assert forward == raw
        return
    again = parse(forward)
    assert again.defects == ()
    # parts come through unchanged; only inline images may go (with the images removed)
    before = _attachment_digests(raw)
    after = _attachment_digests(forward)
    assert set(after) <= set(before)
    assert {d for d, a in zip(before, message.attachments, strict=True) if not a.inline} <= set(
        after
    )
    _ctx, verdict2, _ = judge(again, envelope, policy, config, orders, NOW)
    assert not verdict2.strip_codes, verdict2.findings
    assert verdict2.action is Action.DELIVER
    # only strip codes went away: every warning is still there
    warned = {f.code for f in verdict.findings if f.severity.value == "warn"}
    assert warned <= {f.code for f in verdict2.findings}


def test_two_alternatives_are_rewritten_alike_and_both_judged_clean(policy: Policy) -> None:
    """Emoji in both alternatives and a hidden preheader in the HTML: after the rewrite, both
    alternatives say the same words, neither holds an emoji nor hidden text, and the forwarded
    message judged again (both alternatives read) has nothing left to strip."""
    order = "302-1234567-1234567"
    plain = f"Guten Tag, Ihre Bestellung {order} : welche Gravur wünschen Sie auf dem Deckel? 😊\n"
    html = (
        '<span style="display:none;font-size:0">Ihre Gravur-Vorschau</span>'
        f"<p>Guten Tag, Ihre Bestellung {order} : welche Gravur wünschen Sie auf dem Deckel? 😊</p>"
    )
    raw = make_message(plain, html=html)
    verdict, forward = run(raw, policy)
    assert verdict.action is Action.DELIVER, verdict.findings
    assert verdict.strip_codes == {"STY001", "STY004"}
    rewritten = parse(forward)
    assert rewritten.plain_text is not None and rewritten.html_text is not None
    for text in (rewritten.plain_text, rewritten.html_text, rewritten.html or ""):
        assert "😊" not in text
        assert "Ihre Gravur-Vorschau" not in text
    expected = f"Guten Tag, Ihre Bestellung {order} : welche Gravur wünschen Sie auf dem Deckel?"
    assert rewritten.plain_text.strip() == expected
    assert rewritten.html_text.strip() == expected
    assert rewritten.hidden_text == ""
    verdict2, forward2 = run(forward, policy)
    assert verdict2.action is Action.DELIVER and not verdict2.strip_codes, verdict2.findings
    assert forward2 == forward


def test_every_text_part_of_a_multipart_message_is_rewritten(policy: Policy) -> None:
    """A second multipart/alternative and an inline text part after an attachment: the strip
    findings of each part are found, each part is rewritten (both alternatives of the second
    block alike), the attachment is untouched, and the forwarded message judged again has
    nothing left to strip."""
    order = "302-1234567-1234567"
    first = f"Guten Tag, zu Ihrer Bestellung {order}: welche Gravur wünschen Sie?"
    second = "Die Gravur dauert zwei Werktage."
    third = "Die Schrift können Sie frei wählen."
    raw = (
        f"From: {SELLER}\r\nTo: {BUYER}\r\nSubject: Gravur zu {order}\r\n"
        "Message-ID: <parts-rewrite@shop.example>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="mix"\r\n\r\n'
        '--mix\r\nContent-Type: multipart/alternative; boundary="one"\r\n\r\n'
        f"--one\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{first}\r\n"
        f"--one\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>{first}</p>\r\n"
        "--one--\r\n"
        '--mix\r\nContent-Type: multipart/alternative; boundary="two"\r\n\r\n'
        f"--two\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{second} 😊\r\n"
        "--two\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
        '<span style="display:none">Vorschau der Gravur</span>'
        f"<p>{second} 😊</p>\r\n"
        "--two--\r\n"
        "--mix\r\nContent-Type: application/pdf\r\n"
        'Content-Disposition: attachment; filename="Rechnung.pdf"\r\n'
        f"Content-Transfer-Encoding: base64\r\n\r\n{b64(PDF)}\r\n"
        "--mix\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Disposition: inline\r\n\r\n"
        f"{third} 🌿\r\n\r\n\r\n\r\n\r\nIhr Team\r\n"
        "--mix--\r\n"
    ).encode()
    verdict, forward = run(raw, policy)
    assert verdict.action is Action.DELIVER, verdict.findings
    assert verdict.strip_codes == {"STY001", "STY002", "STY004"}
    parts = {
        (span.where.value, span.part)
        for finding in verdict.findings
        for span in finding.spans
        if finding.code in {"STY001", "STY002", "STY004"}
    }
    assert {("text", 1), ("text", 2), ("html_source", 1)} <= parts, parts
    layout = [f for f in verdict.findings if f.code == "STY002"]
    assert [(s.where.value, s.part) for f in layout for s in f.spans] == [("text", 2)]

    rewritten = parse(forward)
    assert [(m.where.value, m.part) for m in rewritten.more_texts] == [
        ("text", 1),
        ("html", 1),
        ("text", 2),
    ]
    texts = [m.text for m in rewritten.more_texts] + [m.html for m in rewritten.more_texts]
    for text in texts:
        assert "😊" not in text and "🌿" not in text
        assert "Vorschau der Gravur" not in text
    plain2, html2, plain3 = (m.text.replace("\r\n", "\n").strip() for m in rewritten.more_texts)
    assert plain2 == html2 == second
    assert plain3 == f"{third}\n\nIhr Team"  # at most two line breaks in a row (STY002)
    assert [a.filename for a in rewritten.attachments] == ["Rechnung.pdf"]
    assert _attachment_digests(forward)[0] == _attachment_digests(raw)[0]
    verdict2, forward2 = run(forward, policy)
    assert verdict2.action is Action.DELIVER and not verdict2.strip_codes, verdict2.findings
    assert forward2 == forward
