"""IMG001-IMG005: images in the body."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from relay.model.message import Image
from relay.rules.images import address_shown, domain_in, is_plain_http
from relay.verdict import Action, Severity, Verdict
from tests.conftest import BUYER, SELLER, JudgeFn, codes

TEXT = (
    "Guten Tag, für Ihre Bestellung 302-1234567-1234567 benötigen wir noch den gewünschten Text "
    "für die Gravur auf dem Schneidebrett. Bitte antworten Sie uns mit dem Namen und dem Datum, "
    "damit wir die Gravur morgen anfertigen können. Mit freundlichen Grüßen, Ihr Kundenservice"
)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00" + b"\x00" * 32


def html_mail(
    body_html: str,
    *,
    inline: list[tuple[str, str, str, bytes]] | None = None,
    reply: bool = False,
) -> bytes:
    """A plain + HTML message; `inline` parts are (content id, file name, mime type, bytes)."""
    msg = EmailMessage()
    msg["From"] = SELLER
    msg["To"] = BUYER
    msg["Subject"] = "Ihre Bestellung 302-1234567-1234567: Text der Gravur"
    msg["Message-ID"] = "<img-test@shop.example>"
    if reply:
        msg["In-Reply-To"] = "<buyer-1@marketplace.amazon.de>"
        msg["References"] = "<buyer-1@marketplace.amazon.de>"
    msg.set_content(TEXT)
    msg.add_alternative(f"<html><body><p>{TEXT}</p>{body_html}</body></html>", subtype="html")
    html_part = msg.get_payload()[1]
    for cid, name, mime, data in inline or []:
        maintype, subtype = mime.split("/", 1)
        html_part.add_related(
            data, maintype=maintype, subtype=subtype, cid=f"<{cid}>", filename=name,
            disposition="inline",
        )  # fmt: skip
    return msg.as_bytes()


def findings(verdict: Verdict, code: str) -> list[tuple[Severity, str]]:
    return [(f.severity, f.evidence) for f in verdict.findings if f.code == code]


LOGO = '<img src="cid:logo@shop" alt="Gartenwelt" width="180" height="60">'
LOGO_PART = ("logo@shop", "image001.png", "image/png", PNG)


# ---- compliant -------------------------------------------------------------------------------


def test_one_inline_png_logo_without_link_is_fine(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(html_mail(LOGO, inline=[LOGO_PART]))
    assert not {c for c in codes(verdict) if c.startswith("IMG")}
    assert verdict.action is Action.DELIVER


def test_one_https_image_is_fine(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(html_mail('<img src="https://cdn.gartenwelt.de/logo.png" width="160">'))
    assert not {c for c in codes(verdict) if c.startswith("IMG")}


# ---- IMG001 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "element",
    [
        '<img src="https://helpdesk.example/o/abc.png" width="1" height="1">',
        '<img src="https://helpdesk.example/o/abc.png" style="width:2px;height:2px;border:0">',
        '<img src="https://helpdesk.example/o/abc.png" width="1">',
        '<img src="https://cdn.gartenwelt.de/logo.png" style="display:none">',
        '<div style="display:none"><img src="https://cdn.gartenwelt.de/x.png"></div>',
        '<img src="https://mailtrack.io/trace/mail/abc.png">',
        '<img src="https://a1b2.t.yesware.com/t/open.png" width="40">',
    ],
)
def test_tracking_pixels_are_stripped(judge_raw: JudgeFn, element: str) -> None:
    verdict = judge_raw(html_mail(element))
    found = findings(verdict, "IMG001")
    assert found and all(sev is Severity.STRIP for sev, _ in found)
    assert "<img src=" in found[0][1]


def test_a_small_but_visible_icon_is_not_a_pixel(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(html_mail('<img src="https://cdn.gartenwelt.de/i.png" width="16">'))
    assert "IMG001" not in codes(verdict)


# ---- IMG002 ----------------------------------------------------------------------------------


def test_http_image_is_stripped(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(html_mail('<img src="http://cdn.gartenwelt.de/logo.png" width="160">'))
    assert findings(verdict, "IMG002") == [
        (Severity.STRIP, '<img src="http://cdn.gartenwelt.de/logo.png" size=160x?>')
    ]


def test_protocol_relative_image_counts_as_http() -> None:
    assert is_plain_http(Image(src="//cdn.gartenwelt.de/logo.png"))
    assert not is_plain_http(Image(src="https://cdn.gartenwelt.de/logo.png"))
    assert not is_plain_http(Image(src="cid:logo@shop"))


# ---- IMG003 ----------------------------------------------------------------------------------


def test_inline_gif_is_stripped(judge_raw: JudgeFn) -> None:
    part = ("banner@shop", "banner.gif", "image/gif", GIF)
    verdict = judge_raw(html_mail('<img src="cid:banner@shop" width="400">', inline=[part]))
    assert [s for s, _ in findings(verdict, "IMG003")] == [Severity.STRIP]


def test_gif_bytes_under_a_png_name_are_a_gif(judge_raw: JudgeFn) -> None:
    part = ("banner@shop", "banner.png", "image/png", GIF)
    verdict = judge_raw(html_mail('<img src="cid:banner@shop" width="400">', inline=[part]))
    assert "IMG003" in codes(verdict)


def test_remote_gif_is_stripped(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(html_mail('<img src="https://cdn.gartenwelt.de/sale.GIF?v=2" width="300">'))
    assert "IMG003" in codes(verdict)


def test_png_logo_is_not_a_gif(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(html_mail(LOGO, inline=[LOGO_PART]))
    assert "IMG003" not in codes(verdict)


# ---- IMG004 ----------------------------------------------------------------------------------


def test_link_around_logo_is_stripped(judge_raw: JudgeFn) -> None:
    element = f'<a href="https://www.gartenwelt.de/">{LOGO}</a>'
    verdict = judge_raw(html_mail(element, inline=[LOGO_PART]))
    assert [s for s, _ in findings(verdict, "IMG004")] == [Severity.STRIP]
    assert verdict.action is Action.DELIVER


@pytest.mark.parametrize(
    ("alt", "name"),
    [
        ("www.gartenwelt-shop.de", "image001.png"),
        ("Gartenwelt.de - Ihr Gartenshop", "image001.png"),
        ("Logo", "gartenwelt-shop.com_logo.png"),
    ],
)
def test_web_address_in_alt_or_file_name_holds(judge_raw: JudgeFn, alt: str, name: str) -> None:
    element = f'<img src="cid:logo@shop" alt="{alt}" width="180">'
    verdict = judge_raw(html_mail(element, inline=[("logo@shop", name, "image/png", PNG)]))
    assert Severity.HOLD in [s for s, _ in findings(verdict, "IMG004")]
    assert verdict.action is Action.HOLD


def test_plain_alt_text_and_file_name_show_no_address() -> None:
    assert address_shown(Image(src="cid:x", alt="Gartenwelt GmbH", filename="image001.png")) == ""
    assert address_shown(Image(src="cid:x", alt="St.Moritz z.B. Logo", filename="logo.jpg")) == ""
    assert domain_in("Besuchen Sie gartenwelt.de") == "gartenwelt.de"
    company = Image(src="cid:x", alt="Gartenwelt GmbH & Co.KG", filename="image001.png")
    assert address_shown(company, ("co.kg",)) == ""
    assert address_shown(company) != ""


# ---- IMG005 ----------------------------------------------------------------------------------

PHOTOS = (
    '<img src="https://cdn.gartenwelt.de/p1.jpg" width="300">'
    '<img src="https://cdn.gartenwelt.de/p2.jpg" width="300">'
)


def test_proactive_message_with_three_images_is_held(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(html_mail(LOGO + PHOTOS, inline=[LOGO_PART]))
    assert findings(verdict, "IMG005")[0][0] is Severity.HOLD
    assert verdict.action is Action.HOLD


def test_reply_may_carry_several_images(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(html_mail(LOGO + PHOTOS, inline=[LOGO_PART], reply=True))
    assert "IMG005" not in codes(verdict)


def test_images_that_are_stripped_anyway_do_not_count(judge_raw: JudgeFn) -> None:
    extra = '<img src="https://t.example/p.png" width="1" height="1">'
    extra += '<img src="http://cdn.gartenwelt.de/old.png" width="200">'
    verdict = judge_raw(html_mail(LOGO + extra, inline=[LOGO_PART]))
    assert {"IMG001", "IMG002"} <= codes(verdict)
    assert "IMG005" not in codes(verdict)


# ---- quoted images are the buyer's -----------------------------------------------------------


def test_images_in_quoted_text_are_not_judged(judge_raw: JudgeFn) -> None:
    quoted = (
        '<blockquote type="cite"><img src="http://x.example/p.gif" width="1" height="1">'
        '<a href="https://x.example"><img src="https://x.example/a.png" alt="x.example"></a>'
        '<img src="https://x.example/b.png"></blockquote>'
    )
    verdict = judge_raw(html_mail(LOGO + quoted, inline=[LOGO_PART]))
    assert not {c for c in codes(verdict) if c.startswith("IMG")}
