"""LNK001-LNK004: link hosts, https, shorteners and redirects, Amazon product pages."""

from __future__ import annotations

import pytest

from relay.model.locate import DerivedText
from relay.model.message import parse
from relay.model.types import Envelope, OrderContext, RelayConfig, RuleContext
from relay.pipeline import judge
from relay.policy import Policy
from relay.rules import links
from relay.verdict import Finding, Severity, Verdict, Where
from tests.conftest import NOW, SELLER, JudgeFn, default_order, make_message

ORDER = "302-2000002-2000002"
MARKETS = {
    "amazon.de": ("a1b2c3d4e5@marketplace.amazon.de", "de-DE"),
    "amazon.co.uk": ("k9l8m7n6@marketplace.amazon.co.uk", "en-GB"),
    "amazon.fr": ("f1r2a3n4@marketplace.amazon.fr", "fr-FR"),
    "amazon.co.jp": ("j1p2n3x4@marketplace.amazon.co.jp", "ja-JP"),
}
BODY = f"Ihre Bestellung {ORDER} ist unterwegs."


def lnk(verdict: Verdict, code: str | None = None) -> list[Finding]:
    return [
        f for f in verdict.findings if f.code.startswith("LNK") and (code is None or f.code == code)
    ]


def lnk_codes(verdict: Verdict) -> set[str]:
    return {f.code for f in lnk(verdict)}


def run(
    judge_raw: JudgeFn,
    body: str = BODY,
    *,
    html: str | None = None,
    market: str = "amazon.de",
    config: RelayConfig | None = None,
) -> Verdict:
    alias, locale = MARKETS[market]
    order = default_order(
        order_id=ORDER, buyer_email=alias, marketplace=market, buyer_locale=locale
    )
    raw = make_message(body, subject=f"Bestellung {ORDER}", to=alias, html=html)
    return judge_raw(
        raw, rcpt=(alias,), orders=OrderContext(order_id=ORDER, order=order), config=config
    )


def html_link(href: str, text: str = "hier") -> tuple[str, str]:
    """(plain, html) of a message whose only link is an href."""
    return f"{BODY} Details {text}.", f'<p>{BODY} Details <a href="{href}">{text}</a>.</p>'


# ---------------------------------------------------------------- LNK001


@pytest.mark.parametrize(
    "url",
    [
        "https://www.amazon.de/gp/css/order-history",
        "https://www.amazon.de/your-orders/order-details?orderID=302-2000002-2000002",
        "https://www.amazon.de/gp/help/customer/display.html?nodeId=GKM69DUUYKQWKWX7",
        "https://www.amazon.de/returns/cart/302-2000002-2000002",
        "https://smile.amazon.de/gp/css/order-history",
        "https://amazon.de/gp/css/returns/homepage.html",
        "https://track.amazon.de/tracking/TBA123456789012",
    ],
)
def test_amazon_order_help_and_return_pages_allowed(judge_raw: JudgeFn, url: str) -> None:
    plain, html = html_link(url)
    assert lnk(run(judge_raw, plain, html=html)) == []
    assert lnk(run(judge_raw, f"{BODY} Details: {url}")) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890",
        "https://nolp.dhl.de/nextt-online-public/set_identcodes.do?idc=00340434161234567890",
        "https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation/#H1004350012345678901",
        "https://tracking.dpd.de/status/de_DE/parcel/01234567890123",
        "https://www.ups.com/track?loc=de_DE&tracknum=1Z999AA10123456784",
        "https://gls-group.eu/DE/de/paketverfolgung?match=123456789012",
        "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901",
        "https://www.colissimo.fr/portail_colissimo/suivre.do?parcelnumber=6A12345678901",
        "https://www.poste.it/cerca/index.html#/risultati-spedizioni/RR123456789IT",
        "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=PQ4F6P0712345670128013",
        "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=432112345678",
        "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=123456789012",
        "https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=123456789012",
        "https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB",
        "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223856928499",
        "https://www.fedex.com/fedextrack/?trknbr=123456789012",
        "https://www.evri.com/track/parcel/H01AAA0012345678",
        "https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT=XY123456789FR",
        "https://www.brt.it/it/tracking?spedizione=1234567890123",
        "https://www.seur.com/livetracking/?segOnlineIdentificador=12345678901",
        # carriers of the Benelux, Nordic, Polish, Turkish and Portuguese marketplaces
        "https://track.bpost.cloud/btr/web/#/search?itemCode=323299998888777766665555",
        "https://www.dpd.nl/track/05212345678901",
        "https://tracking.instabox.io/se/ABCD1234",
        "https://tracking.dpd.com.pl/parcel/0000123456789U",
        "https://kargotakip.mngkargo.com.tr/?takipNo=123456789",
    ],
)
def test_carrier_tracking_links_allowed(judge_raw: JudgeFn, url: str) -> None:
    plain, html = html_link(url, "Sendungsverfolgung")
    assert lnk(run(judge_raw, plain, html=html)) == []


@pytest.mark.parametrize(
    ("body", "evidence"),
    [
        (
            f"{BODY} Mehr auf https://www.shop-example.de/angebote",
            "https://www.shop-example.de/angebote",
        ),
        (f"{BODY} Mehr auf www.shop-example.de", "www.shop-example.de"),
        (f"{BODY} Besuchen Sie shop.example für Neuheiten.", "shop.example"),
        (f"{BODY} Anleitung: meinshop.de/anleitung", "meinshop.de/anleitung"),
        (f"{BODY} Bestellen Sie auch auf amazon.com.", "amazon.com"),
        (
            f"{BODY} Siehe https://www.amazon.de.evil.example/login",
            "https://www.amazon.de.evil.example/login",
        ),
        (
            f"{BODY} Siehe https://www.amazon.de@evil.example/login",
            "https://www.amazon.de@evil.example/login",
        ),
    ],
)
def test_unlisted_hosts_rejected(judge_raw: JudgeFn, body: str, evidence: str) -> None:
    found = lnk(run(judge_raw, body), "LNK001")
    assert [f.evidence for f in found] == [evidence]
    assert found[0].severity is Severity.REJECT


def test_unlisted_href_rejected(judge_raw: JudgeFn) -> None:
    plain, html = html_link("https://www.instagram.com/shop_example", "Instagram")
    found = lnk(run(judge_raw, plain, html=html), "LNK001")
    assert [f.evidence for f in found] == ["https://www.instagram.com/shop_example"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Rechnung invoice.pdf und anleitung.docx liegen bei.",
        "Bitte lesen Sie readme.md und setup.py nicht.",
        "Firmware-Version 2.3.1 und Preis 12.50 EUR, z.B. morgen, e.g. today, i.e. soon.",
        "Das Paket.Danke für Ihre Geduld, u.a. wegen Streik, d.h. morgen.",
        "Ihre Bestellung bei Amazon.de kommt morgen.",
        "Shop Example GmbH & Co.KG, bzw.in der Regel inkl.MwSt. und ca.de facto, p.es. oggi.",
        # a number's label abbreviated with a full stop, then the number (label_endings)
        "Shop Example AB · Momsreg.nr SE556123456701 · Art.nr 4711 · Ref.no: 88",
    ],
)
def test_false_bare_domains(judge_raw: JudgeFn, text: str) -> None:
    assert lnk(run(judge_raw, f"{BODY} {text}")) == []


@pytest.mark.parametrize(
    ("written", "host"),
    [
        ("ｗｗｗ．ｓｈｏｐ－ｅｘａｍｐｌｅ．ｄｅ", "www.shop-example.de"),
        ("ｈｔｔｐｓ：／／ｓｈｏｐ－ｅｘａｍｐｌｅ．ｄｅ／ａｎｇｅｂｏｔｅ", "shop-example.de"),
    ],
)
def test_full_width_url_is_judged(judge_raw: JudgeFn, written: str, host: str) -> None:
    # Folded, the full-width form is a URL; the reader of bare domains masks it as one, so
    # the URL reader must find it too or no LNK rule sees it.
    found = lnk(run(judge_raw, f"{BODY} Mehr unter {written}."), "LNK001")
    assert len(found) == 1 and host in found[0].evidence


def test_full_width_marketplace_url_allowed(judge_raw: JudgeFn) -> None:
    url = "ｈｔｔｐｓ：／／ｗｗｗ．ａｍａｚｏｎ．ｄｅ／ｇｐ／ｃｓｓ／ｏｒｄｅｒ－ｈｉｓｔｏｒｙ"
    body = f"{BODY} Ihre Bestellungen: {url}"
    assert lnk(run(judge_raw, body)) == []



def test_a_url_written_with_an_entity_is_one_link(policy: Policy) -> None:
    # The read form (`&amp;` as `&`) is looked at for URLs only compatibility forms hide; a URL
    # found as written is not counted again in it.
    opts = policy.option("links", links.LinkOptions)
    text = "Hier: https://shop.example/p?a=1&amp;b=2 und ｈｔｔｐｓ：／／ｓｈｏｐ．ｊｐ／ｘ"
    urls = [target.url for target in links.text_targets(text, opts)]
    assert urls == ["https://shop.example/p?a=1&amp;b=2", "https://shop.jp/x"]

def test_configured_carrier_host_allowed(judge_raw: JudgeFn) -> None:
    body = f"{BODY} Verfolgen: https://track.regional-kurier.example/123"
    assert lnk_codes(run(judge_raw, body)) == {"LNK001"}
    config = RelayConfig(approved_senders=(SELLER,), carrier_hosts=("regional-kurier.example",))
    assert lnk(run(judge_raw, body, config=config)) == []


def test_other_marketplace_allowed_for_its_own_buyer(judge_raw: JudgeFn) -> None:
    body = f"Your order {ORDER}: https://www.amazon.co.uk/gp/css/order-history"
    assert lnk(run(judge_raw, body, market="amazon.co.uk")) == []
    assert lnk_codes(run(judge_raw, body, market="amazon.de")) == {"LNK001"}


def test_image_src_and_logo_link_are_not_links(judge_raw: JudgeFn) -> None:
    html = (
        f"<p>{BODY}</p>"
        '<a href="https://www.shop-example.de"><img src="https://cdn.shop-example.de/logo.png"'
        ' alt="Logo" width="120" height="40"></a>'
    )
    assert lnk(run(judge_raw, BODY, html=html)) == []


def test_quoted_links_are_not_judged(judge_raw: JudgeFn) -> None:
    body = (
        f"{BODY}\n\nAm 18.11.2026 um 10:00 schrieb Kunde:\n"
        "> Ist das hier Ihr Shop? http://bit.ly/abc und www.other-shop.example"
    )
    assert lnk(run(judge_raw, body)) == []
    html = (
        f'<p>{BODY}</p><div class="gmail_quote"><blockquote>'
        '<a href="http://bit.ly/abc">Link</a></blockquote></div>'
    )
    assert lnk(run(judge_raw, BODY, html=html)) == []


def test_domain_of_a_fullwidth_address_is_not_a_bare_domain(judge_raw: JudgeFn) -> None:
    body = f"ご注文 {ORDER} の画像はinfo＠shop-example.jp宛てにお送りください。"
    assert lnk(run(judge_raw, body, market="amazon.co.jp")) == []


def test_japanese_text_next_to_domain(judge_raw: JudgeFn) -> None:
    body = f"ご注文 {ORDER} はshop-example.jpでもご覧いただけます。"
    found = lnk(run(judge_raw, body, market="amazon.co.jp"), "LNK001")
    assert [f.evidence for f in found] == ["shop-example.jp"]
    ok = f"ご注文 {ORDER} の状況はamazon.co.jpのお客様の注文履歴でご確認いただけます。"
    assert lnk(run(judge_raw, ok, market="amazon.co.jp")) == []


# ---------------------------------------------------------------- LNK002


def test_http_refused_even_for_allowed_hosts(judge_raw: JudgeFn) -> None:
    verdict = run(judge_raw, f"{BODY} http://www.amazon.de/gp/css/order-history")
    assert [(f.code, f.evidence) for f in lnk(verdict)] == [
        ("LNK002", "http://www.amazon.de/gp/css/order-history")
    ]
    plain, html = html_link("http://www.dhl.de/de/privatkunden.html")
    assert lnk_codes(run(judge_raw, plain, html=html)) == {"LNK002"}


def test_https_and_bare_www_are_not_lnk002(judge_raw: JudgeFn) -> None:
    verdict = run(judge_raw, f"{BODY} https://www.dhl.de/x und www.dhl.de")
    assert lnk(verdict) == []


def test_http_to_unlisted_host_is_both(judge_raw: JudgeFn) -> None:
    verdict = run(judge_raw, f"{BODY} http://shop-example.de/rabatt")
    assert lnk_codes(verdict) == {"LNK001", "LNK002"}


# ---------------------------------------------------------------- LNK003


@pytest.mark.parametrize(
    "url",
    [
        "https://bit.ly/3xYzAbC",
        "https://tinyurl.com/y7abc123",
        "https://t.co/AbCdEf",
        "https://goo.gl/maps/xyz",
        "https://ow.ly/abc",
        "https://amzn.to/3AbCdEf",
        "https://a.co/d/abc1234",
        "https://amzn.eu/d/abc1234",
    ],
)
def test_shorteners_refused(judge_raw: JudgeFn, url: str) -> None:
    verdict = run(judge_raw, f"{BODY} Link: {url}")
    assert [f.evidence for f in lnk(verdict, "LNK003")] == [url]
    assert lnk_codes(verdict) == {"LNK001", "LNK003"}


@pytest.mark.parametrize(
    "url",
    [
        "https://u1234567.ct.sendgrid.net/ls/click?upn=abc",
        "https://shop-example.us1.list-manage.com/track/click?u=1&id=2",
        "https://click.mailer.shop-example.de/?qs=abc",
        "https://www.amazon.de/gp/redirect.html?location=https%3A%2F%2Fshop-example.de",
        "https://www.dhl.de/redirect?url=https://shop-example.de",
        "https://www.ups.com/track?loc=de&url=https%3A%2F%2Fshop-example.de",
        "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.dhl.de",
    ],
)
def test_redirects_refused(judge_raw: JudgeFn, url: str) -> None:
    plain, html = html_link(url)
    assert [f.evidence for f in lnk(run(judge_raw, plain, html=html), "LNK003")] == [url]


def test_query_param_without_url_is_not_a_redirect(judge_raw: JudgeFn) -> None:
    plain, html = html_link("https://www.ups.com/track?loc=de_DE&tracknum=1Z999AA10123456784&u=1")
    assert lnk(run(judge_raw, plain, html=html)) == []


# ---------------------------------------------------------------- LNK004


@pytest.mark.parametrize(
    "url",
    [
        "https://www.amazon.de/dp/B0TEST1234",
        "https://www.amazon.de/Anything-Name/dp/B0TEST1234/ref=sr_1_1",
        "https://www.amazon.de/gp/product/B0TEST1234",
        "https://www.amazon.de/stores/ShopExample/page/1234-ABCD",
        "https://www.amazon.de/shops/A1B2C3D4E5F6G7",
        "https://www.amazon.de/s?me=A1B2C3D4E5F6G7",
        "https://www.amazon.de/sp?seller=A1B2C3D4E5F6G7",
        "https://www.amazon.de/review/create-review?asin=B0TEST1234",
        "https://www.amazon.de/product-reviews/B0TEST1234",
    ],
)
def test_product_links_held_outside_review_request(judge_raw: JudgeFn, url: str) -> None:
    plain, html = html_link(url)
    verdict = run(judge_raw, plain, html=html)
    found = lnk(verdict, "LNK004")
    assert [f.evidence for f in found] == [url]
    assert found[0].severity is Severity.HOLD
    assert lnk_codes(verdict) == {"LNK004"}


def test_review_link_allowed_in_review_request(judge_raw: JudgeFn) -> None:
    body = (
        f"Ihre Bestellung {ORDER} wurde zugestellt. Wir würden uns über Ihre Bewertung des "
        "Produkts freuen."
    )
    html = (
        f'<p>{body} <a href="https://www.amazon.de/review/create-review?asin=B0TEST1234">'
        "Bewertung schreiben</a></p>"
    )
    assert lnk(run(judge_raw, body, html=html)) == []


# ---------------------------------------------------------------- scan_text and helpers


def rule_context(policy: Policy) -> RuleContext:
    alias, _ = MARKETS["amazon.de"]
    order = default_order(order_id=ORDER, buyer_email=alias)
    ctx, _verdict, _forward = judge(
        parse(make_message(BODY, to=alias)),
        Envelope(SELLER, (alias,)),
        policy,
        RelayConfig(approved_senders=(SELLER,)),
        OrderContext(order_id=ORDER, order=order),
        NOW,
    )
    return ctx


def test_scan_text(policy: Policy) -> None:
    ctx = rule_context(policy)
    text = (
        "Anleitung v2.1 (manual.pdf). Tracking: https://www.dhl.de/x\n"
        "Mehr Produkte: shop-example.de und http://bit.ly/abc und "
        "https://www.amazon.de/dp/B0TEST1234"
    )
    findings = list(links.scan_text(ctx, DerivedText.whole(text, Where.ATTACHMENT_TEXT)))
    assert all(s.quote == f.evidence for f in findings for s in f.spans)
    assert all(len(f.spans) == 1 for f in findings)
    found = {(f.code, f.evidence) for f in findings}
    assert found == {
        ("LNK001", "shop-example.de"),
        ("LNK001", "http://bit.ly/abc"),
        ("LNK002", "http://bit.ly/abc"),
        ("LNK003", "http://bit.ly/abc"),
        ("LNK004", "https://www.amazon.de/dp/B0TEST1234"),
    }
    clean = DerivedText.whole("Rechnung 2026-0001, Summe 49,99 EUR, z.B. heute.", Where.TEXT)
    assert list(links.scan_text(ctx, clean)) == []


def test_extractor_is_built_once_and_offline() -> None:
    first = links.extractor()
    assert first is links.extractor()
    assert first.suffix_list_urls == ()
    assert first("www.amazon.co.uk").suffix == "co.uk"
    assert "de" in links.public_suffix_tlds()


def test_extractor_reads_the_bundled_list_without_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import socket

    import requests

    attempts: list[object] = []

    def refuse(*args: object, **_kwargs: object) -> None:
        attempts.append(args)
        raise OSError("no network in this test")

    # tldextract fetches with requests and falls back to its snapshot on errors, so record
    # the attempt instead of relying on an exception.
    monkeypatch.setattr(requests.Session, "request", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    links.extractor.cache_clear()
    links.public_suffix_tlds.cache_clear()
    try:
        fresh = links.extractor(("example",))
        assert fresh("a.b.kuronekoyamato.co.jp").top_domain_under_public_suffix == (
            "kuronekoyamato.co.jp"
        )
        assert "jp" in links.public_suffix_tlds()
        assert attempts == []
    finally:
        links.extractor.cache_clear()
        links.public_suffix_tlds.cache_clear()


@pytest.mark.parametrize(
    ("url", "host", "scheme"),
    [
        ("https://WWW.Amazon.DE./x", "www.amazon.de", "https"),
        ("www.dhl.de/x", "www.dhl.de", ""),
        ("javascript:alert(1)", "", "javascript"),
        ("HTTP://user:pw@evil.example:8080/", "evil.example", "http"),
    ],
)
def test_parse_target(url: str, host: str, scheme: str) -> None:
    target = links.parse_target(url)
    assert target is not None
    assert (target.host, target.scheme) == (host, scheme)


def test_contact_schemes_are_ctc_not_lnk() -> None:
    assert links.parse_target("mailto:a@b.example") is None
    assert links.parse_target("tel:+4930123456") is None
    assert links.parse_target("cid:logo@shop") is None


# ---------------------------------------------------------------- folding: IDN, look-alikes


def test_look_alike_amazon_host_is_not_amazon(judge_raw: JudgeFn) -> None:
    # Cyrillic `а` in the href: its punycode is another host.
    plain, html = html_link("https://\u0430mazon.de/gp/css/order-history", "Bestellung")
    verdict = run(judge_raw, plain, html=html)
    assert [f.evidence for f in lnk(verdict, "LNK001")] == [
        "https://\u0430mazon.de/gp/css/order-history"
    ]


def test_look_alike_bare_domain_is_read_whole(judge_raw: JudgeFn) -> None:
    verdict = run(judge_raw, f"{BODY} Mehr auf \u0430mazon.de/angebote")
    assert [f.evidence for f in lnk(verdict, "LNK001")] == ["\u0430mazon.de/angebote"]


def test_idn_host_meets_the_allowlist_in_both_forms() -> None:
    assert links.ascii_host("Bücher.de") == "xn--bcher-kva.de"
    assert links.unicode_host("xn--bcher-kva.de") == "bücher.de"
    assert links._matches("xn--bcher-kva.de", ["bücher.de"])
    assert links._matches("shop.xn--bcher-kva.de", ["bücher.de"])
    assert not links._matches("xn--mazon-3ve.de", ["amazon.de"])


def test_link_text_naming_another_host_is_judged_too(judge_raw: JudgeFn) -> None:
    # The href is Amazon's, the text the buyer reads names the seller's shop.
    _plain, html = html_link("https://www.amazon.de/gp/css/order-history", "www.mein-shop.de")
    verdict = run(judge_raw, f"{BODY} Details hier.", html=html)
    assert [f.evidence for f in lnk(verdict, "LNK001")] == ["www.mein-shop.de"]


def test_zero_width_space_does_not_hide_a_bare_domain(judge_raw: JudgeFn) -> None:
    verdict = run(judge_raw, f"{BODY} Besuchen Sie mein-shop\u200b.de")
    assert [f.evidence for f in lnk(verdict, "LNK001")] == ["mein-shop.de"]


def test_a_label_ending_without_a_number_after_it_is_still_a_domain(judge_raw: JudgeFn) -> None:
    body = f"{BODY} Mehr Bilder finden Sie auf lampenhaus.nr im Bereich Leuchten."
    assert [f.evidence for f in lnk(run(judge_raw, body), "LNK001")] == ["lampenhaus.nr"]


def test_a_www_address_in_hidden_text_is_judged(judge_raw: JudgeFn) -> None:
    html = (
        f"<p>{BODY}</p>"
        '<div style="display:none">Alles günstiger unter www.lampenhaus-shop.example</div>'
    )
    found = lnk(run(judge_raw, BODY, html=html), "LNK001")
    assert [f.evidence for f in found] == ["www.lampenhaus-shop.example"]
