"""STY001-STY003: emoji, layout, spelling."""

from __future__ import annotations

import time

import pytest

from relay.html.facts import analyse
from relay.model.types import OrderContext
from relay.rules.style import (
    StyleOptions,
    blank_line_runs,
    collapse_blank_lines,
    dictionary,
    emoji_found,
    spelling,
    strip_emoji,
)
from relay.verdict import Severity, Verdict
from tests.conftest import JudgeFn, codes, default_order, make_message

TEXT = (
    "Guten Tag, für Ihre Bestellung 302-1234567-1234567 benötigen wir noch den gewünschten Text "
    "für die Gravur auf dem Schneidebrett. Bitte antworten Sie uns mit dem Namen und dem Datum, "
    "damit wir die Gravur morgen anfertigen können. Mit freundlichen Grüßen, Ihr Kundenservice"
)
SUBJECT = "Ihre Bestellung 302-1234567-1234567: Text der Gravur"
OPTS = StyleOptions()


def messages(verdict: Verdict, code: str) -> list[str]:
    return [f.message for f in verdict.findings if f.code == code]


def html_only(html: str) -> bytes:
    """A message whose only body is HTML (helpdesks often send no plain part)."""
    raw = make_message("x", subject=SUBJECT)
    head, _sep, _body = raw.partition(b"\n\n")
    head = head.replace(b"Content-Type: text/plain", b"Content-Type: text/html")
    return head + b"\n\n" + f"<html><body>{html}</body></html>\n".encode()


# ---- STY001 ----------------------------------------------------------------------------------


def test_emoji_in_subject_is_stripped(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(make_message(TEXT, subject=SUBJECT + " 🎁"))
    found = [f for f in verdict.findings if f.code == "STY001"]
    assert [(f.severity, f.evidence) for f in found] == [(Severity.STRIP, "🎁")]


def test_emoji_in_text_and_html_are_stripped(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(make_message(TEXT + " 😊", html=f"<p>{TEXT} 👍🏽</p>"))
    assert messages(verdict, "STY001") == [
        "emoji in the text removed",
        "emoji in the HTML removed",
    ]


@pytest.mark.parametrize(
    "element",
    [
        '<img data-emoji="😀" class="an1" alt="😀" aria-label="😀" '
        'src="https://fonts.gstatic.com/s/e/notoemoji/15.0/1f600/32.png">',
        '<img src="https://s.w.org/images/core/emoji/14.0.0/72x72/2764.png" alt="heart">',
        '<img src="cid:smile" alt="😊">',
    ],
)
def test_emoji_images_are_stripped(judge_raw: JudgeFn, element: str) -> None:
    verdict = judge_raw(make_message(TEXT, html=f"<p>{TEXT}</p>{element}"))
    assert "emoji image removed" in messages(verdict, "STY001")


def test_text_symbols_and_japanese_marks_are_not_emoji(judge_raw: JudgeFn) -> None:
    text = TEXT + " Gartenwelt® und Gravurmeister™ © 2026. ※ ★ ■ → 〒"
    verdict = judge_raw(make_message(text, html=f"<p>{text}</p>"))
    assert "STY001" not in codes(verdict)


def test_emoji_in_quoted_buyer_text_is_not_judged(judge_raw: JudgeFn) -> None:
    plain = TEXT + "\n\nAm 18.11.2026 schrieb Käufer:\n> Danke 😊😊\n"
    html = f"<p>{TEXT}</p><blockquote>Danke 😊😊</blockquote>"
    verdict = judge_raw(make_message(plain, html=html))
    assert "STY001" not in codes(verdict)


def test_strip_emoji_leaves_clean_spacing() -> None:
    assert strip_emoji("Danke 😊 für Ihre Geduld 👍", OPTS) == "Danke für Ihre Geduld"
    assert strip_emoji("🎉 Neu: Gravur!", OPTS) == "Neu: Gravur!"
    assert strip_emoji("Familie 👨‍👩‍👧 Müller ❤️.", OPTS) == "Familie Müller."
    assert strip_emoji("Gartenwelt® ™", OPTS) == "Gartenwelt® ™"
    assert emoji_found("1️⃣ Schritt", OPTS) == ["1️⃣"]


# ---- STY002 ----------------------------------------------------------------------------------


def test_two_line_breaks_are_fine_three_are_not(judge_raw: JudgeFn) -> None:
    two = TEXT.replace(". Bitte", ".\n\nBitte")
    three = TEXT.replace(". Bitte", ".\n\n\nBitte")
    assert "STY002" not in codes(judge_raw(make_message(two)))
    verdict = judge_raw(make_message(three))
    assert messages(verdict, "STY002") == ["more than two line breaks in a row collapsed (text)"]


def test_blank_lines_in_quoted_text_do_not_count() -> None:
    text = "Hallo\n\nText\n\nAm 1.1.2026 schrieb X:\n>\n>\n>\n> alt\n"
    assert blank_line_runs(text, 1) == []
    assert blank_line_runs("Hallo\n\n\n\nText\n", 1) == [(1, 3)]
    assert collapse_blank_lines("Hallo\n\n\n\nText\n> a\n", 1) == "Hallo\n\nText\n> a\n"


@pytest.mark.parametrize(
    ("html", "fires"),
    [
        ("<p>Hallo<br><br>Text</p>", False),
        ("<p>Hallo<br><br><br>Text</p>", True),
        ("<p>Hallo<br>\n&nbsp; <br>\n<br>Text</p>", True),
        ("<div>Hallo</div><div><br></div><div>Text</div>", False),
        ("<div>Hallo</div><div><br></div><div><br></div><div>Text</div>", True),
        ('<p class="MsoNormal">a</p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p>b</p>', False),
        ("<p>a</p><p>&nbsp;</p><p>&nbsp;</p><p>b</p>", True),
    ],
)
def test_html_line_breaks(html: str, fires: bool) -> None:
    assert any(blank > 1 for _kind, blank in analyse(html).blank_runs) is fires


def test_centred_body_is_normalized(judge_raw: JudgeFn) -> None:
    html = f'<div style="text-align: center"><p>{TEXT}</p></div>'
    verdict = judge_raw(make_message(TEXT, html=html))
    assert "centred body normalized" in messages(verdict, "STY002")
    verdict = judge_raw(make_message(TEXT, html=f"<center><p>{TEXT}</p></center>"))
    assert "centred body normalized" in messages(verdict, "STY002")


def test_one_centred_heading_and_a_centred_table_are_fine(judge_raw: JudgeFn) -> None:
    html = (
        '<table align="center" width="600"><tr><td align="center">'
        '<img src="https://cdn.gartenwelt.de/logo.png" width="160"></td></tr>'
        f'<tr><td><h2 style="text-align:center">Ihre Gravur</h2><p>{TEXT}</p></td></tr></table>'
    )
    verdict = judge_raw(make_message(TEXT, html=html))
    assert "STY002" not in codes(verdict)


def test_left_aligned_text_inside_a_centred_wrapper_is_not_centred() -> None:
    html = f'<body style="text-align:center"><div style="text-align:left">{TEXT}</div></body>'
    assert analyse(html).centred_share == 0


@pytest.mark.parametrize(
    "html",
    [
        f'<div style="font-family: Verdana, sans-serif">{TEXT}</div>',
        f'<p><span style="color:#ff0000">{TEXT}</span></p>',
        f'<p style="line-height:1.8">{TEXT}</p>',
        f'<font face="Comic Sans MS">{TEXT}</font>',
        '<style>p.MsoNormal {font-family:"Calibri",sans-serif}</style>'
        f'<p class="MsoNormal">{TEXT}</p>',
    ],
)
def test_font_overrides_are_removed(judge_raw: JudgeFn, html: str) -> None:
    verdict = judge_raw(make_message(TEXT, html=html))
    assert "font, colour or line-height overrides removed" in messages(verdict, "STY002")


def test_neutral_values_and_font_faces_are_not_overrides() -> None:
    html = (
        '<style>@font-face {font-family:"Cambria Math"; panose-1:2 4 5 3}</style>'
        f'<p style="color: inherit; background-color:#eee; font-weight:bold">{TEXT}</p>'
    )
    assert analyse(html).overrides == ()


def test_more_than_three_font_sizes(judge_raw: JudgeFn) -> None:
    three = "".join(f'<p style="font-size:{s}px">{TEXT}</p>' for s in (12, 14, 18))
    four = three + '<p><font size="5">Gravur</font></p>'
    assert "STY002" not in codes(judge_raw(make_message(TEXT, html=three)))
    verdict = judge_raw(make_message(TEXT, html=four))
    assert any("font sizes" in m for m in messages(verdict, "STY002"))


def test_styles_inside_quoted_blocks_are_not_judged(judge_raw: JudgeFn) -> None:
    quoted = (
        '<div class="gmail_quote"><div style="font-family:Arial;color:#333;text-align:center">'
        "Frage<br><br><br><br>zur Gravur</div></div>"
    )
    verdict = judge_raw(make_message(TEXT, html=f"<div>{TEXT}</div>{quoted}"))
    assert "STY002" not in codes(verdict)


def test_html_only_message_is_judged_on_its_html(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(html_only(f'<p style="font-family:Arial">{TEXT} 🙂</p>'))
    assert messages(verdict, "STY001") == ["emoji in the HTML removed"]
    assert "STY002" in codes(verdict)


# ---- STY003 ----------------------------------------------------------------------------------

MISSPELLED = (
    "Gutn Tag, fielen Dang für Ire Bestelung 302-1234567-1234567. Leida hatt sisch di Liferung "
    "Ihres Rasenmähas verzöget, weill unsa Lieferannt die Wahre erts nächte Wohe versndet. Wier "
    "haben einnen neuen Liefertermien am Donerstag resserviert. Bite bestätigen Sie kurtz."
)


def test_many_unknown_words_warn(judge_raw: JudgeFn) -> None:
    verdict = judge_raw(make_message(MISSPELLED))
    found = [f for f in verdict.findings if f.code == "STY003"]
    assert len(found) == 1 and found[0].severity is Severity.WARN
    assert "Bestelung" in found[0].evidence


def test_correct_text_does_not_warn(judge_raw: JudgeFn) -> None:
    assert "STY003" not in codes(judge_raw(make_message(TEXT)))


def test_japanese_buyer_is_not_spell_checked(judge_raw: JudgeFn) -> None:
    order = default_order(buyer_locale="ja-JP")
    verdict = judge_raw(
        make_message(MISSPELLED),
        orders=OrderContext(order_id="302-1234567-1234567", order=order),
    )
    assert "STY003" not in codes(verdict)


def test_text_in_another_language_is_left_to_lng001(judge_raw: JudgeFn) -> None:
    english = (
        "Hello, regarding your order 302-1234567-1234567 we still need the text for the "
        "engraving on the cutting board. Please reply with the name and the date so that we can "
        "make the engraving tomorrow. Kind regards, your customer service team"
    )
    assert "STY003" not in codes(judge_raw(make_message(english)))


def test_spelling_counts_words_and_skips_codes() -> None:
    result = spelling("Bestellung DHL 302-1234567-1234567 Xyzzqw ab", "de")
    assert result.checked == 2 and result.unknown == ("Xyzzqw",)


def test_dictionary_knows_exactly_pyspellcheckers_words() -> None:
    """The compact word list answers as pyspellchecker's own dictionary does, word for word."""
    from spellchecker import SpellChecker

    original = SpellChecker(language="it", distance=1).word_frequency.dictionary
    compact = dictionary("it")
    assert all(word in compact for word in original)
    assert sum(1 for _ in compact) == len(original)  # nothing more
    for word in ("grazie", "Grazie".lower(), "xyzzqw", "grazi", "graziee", ""):
        assert (word in compact) == (word in original)


def test_dictionaries_load_once() -> None:
    dictionary("de")
    started = time.perf_counter()
    for _ in range(50):
        assert dictionary("de") is dictionary("de")
        spelling(TEXT, "de")
    assert time.perf_counter() - started < 0.5


def test_emoji_prefilter_lets_keycaps_through_and_skips_plain_digits() -> None:
    """Every emoji passes may_have_emoji; digits, `#` and `*` alone do not."""
    import emoji

    from relay.model.emojis import may_have_emoji
    from relay.rules.style import StyleOptions, emoji_found

    for item in emoji.EMOJI_DATA:
        assert may_have_emoji(f"ab {item} cd"), item.encode("unicode_escape")
    assert not may_have_emoji("Bestellung 302-1234567-1234567 #5 * ÄÖÜ ß 日本語")
    opts = StyleOptions(text_symbols=[])
    assert emoji_found("Schritt 1\ufe0f\u20e3 und #\u20e3 ✅", opts) == [
        "1\ufe0f\u20e3",
        "#\u20e3",
        "✅",
    ]
