"""The shared normalizer and phrase matcher (relay/model/phrases.py)."""

from __future__ import annotations

import re

import pytest

from relay.model import phrases as phrases_module
from relay.model.phrases import (
    PhraseHit,
    PhraseMatcher,
    excerpt,
    normalize,
    normalize_map,
    phrase_pattern,
    sentence_bounds,
    word_count,
)


def hits(matcher: PhraseMatcher, text: str) -> list[tuple[str, bool]]:
    return [(h.matched, h.negated) for h in matcher.finditer(normalize(text))]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Zögern Sie NICHT", "zogern sie nicht"),
        ("Straße", "strasse"),
        ("Ｃｏｕｐｏｎ　ＣＯＤＥ", "coupon code"),
        ("don’t  \t hesitate", "don't hesitate"),
        ("ｸｰﾎﾟﾝ", "クーポン"),
        ("ガイド", "ガイド"),  # voicing marks are not accents
        ("お問い\n合わせ", "お問い合わせ"),  # a line wrap inside Japanese disappears
        ("line one\nline two", "line one line two"),
        ("para one\n\npara two", "para one\npara two"),
        ("cafe\u0301", "cafe"),
        ("  ", ""),
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_normalize_map_points_back_to_the_source() -> None:
    text = "Hallo,\n\nbitte  ZÖGERN"
    normalized, source = normalize_map(text)
    assert len(normalized) == len(source)
    start = normalized.index("zogern")
    assert text[source[start] : source[start + 5] + 1] == "ZÖGERN"


def test_word_count_counts_two_japanese_characters_as_a_word() -> None:
    assert word_count("Hello big world") == 3
    assert word_count("お問い合わせ") == 3
    assert word_count("") == 0


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("discount*", "two discounts", "discounts"),
        ("discount*", "undiscounted", None),
        ("*rabatt", "ein Sonderrabatt", "sonderrabatt"),
        ("5-star", "a 5 star review", "5 star"),
        ("5-star", "a 5star review", "5star"),
        ("# % off", "get 12,5 % off", "12,5 % off"),
        ("#% off", "get 10% off", "10% off"),
        ("leave ... review", "leave us a short honest review", "leave us a short honest review"),
        ("leave ... review", "leave it here. A review", None),  # not across a sentence
        ("leave ... review", "leave one two three four five review", None),  # gap of 4 words max
        ("contact us", "contact, us", "contact, us"),
        ("contact us", "contact. Us", None),
        ("review", "reviewing", None),
        ("[important]", "[Important] your order", "[important]"),
        ("レビュー ... お願い", "レビューの投稿をお願いします", "レビューの投稿をお願い"),
        ("クーポン", "割引クーポンコード", "クーポン"),
        ("code %code%", "nutzen Sie den Code SAVE10 auf", "code save10"),
        ("code %code%", 'mit dem Code: "Linde15"!', 'code: "linde15'),
        ("code %code%", "der Code 583920 für die Packstation", None),  # digits only
        ("code %code%", "Tracking-Code JJD000390007736551", None),  # a tracking number
        ("code %code%", "code SW1A 1AA", None),  # a letter after the digits
        ("code %code%", "barcode AB12", None),  # a whole word
        # words the pattern lets start inside a run of word characters (the prefilter asks
        # for their literal pieces, not for a word start)
        ("rabatt* code", "ein Rabattcode", "rabattcode"),
        ("# sterne", "gib uns 5sterne", "5sterne"),
        ("z.b. rabatt", "z.b.rabatt", "z.b.rabatt"),
    ],
)
def test_phrase_syntax(phrase: str, text: str, found: str | None) -> None:
    matcher = PhraseMatcher("en", [phrase])
    matched = [h.matched for h in matcher.finditer(normalize(text))]
    assert matched == ([found] if found else [])
    assert phrase_pattern(phrase)


def test_longest_phrase_wins_over_negation() -> None:
    matcher = PhraseMatcher(
        "en", ["contact us", "do not hesitate to contact us"], negations=["not", "do not"]
    )
    assert hits(matcher, "Please do not hesitate to contact us.") == [
        ("do not hesitate to contact us", False)
    ]


def test_negation_before_in_same_sentence_only() -> None:
    matcher = PhraseMatcher("en", ["coupon*"], negations=["not", "no"])
    assert hits(matcher, "We do not offer coupons.") == [("coupons", True)]
    assert hits(matcher, "We do not ship on Sundays. Here is a coupon.") == [("coupon", False)]


def test_negation_stops_at_a_contrast_word() -> None:
    matcher = PhraseMatcher("en", ["discount"], negations=["not"], clause_breaks=["but"])
    assert hits(matcher, "We could not ship it, but here is a discount") == [("discount", False)]
    german = PhraseMatcher("de", ["gutschein"], negations=["nicht"], clause_breaks=["aber"])
    assert hits(german, "Es hat nicht geklappt, aber hier ist ein Gutschein") == [
        ("gutschein", False)
    ]


def test_negation_inside_a_conditional_clause_does_not_reach_the_main_clause() -> None:
    matcher = PhraseMatcher(
        "en", ["contact us first"], negations=["not"], conditionals=["if", "unless"]
    )
    assert hits(matcher, "If you are not satisfied, contact us first.") == [
        ("contact us first", False)
    ]
    assert hits(matcher, "You do not need to contact us first.") == [("contact us first", True)]


def test_a_negation_word_in_a_compound_does_not_negate() -> None:
    matcher = PhraseMatcher("it", ["coupon*"], negations=["non"])
    assert hits(matcher, "Our non-stick pans: coupon SAVE10") == [("coupon", False)]
    assert hits(matcher, "Non offriamo coupon") == [("coupon", True)]


def test_negation_exceptions() -> None:
    matcher = PhraseMatcher("en", ["coupon code"], negations=["not", "!do not hesitate"])
    assert hits(matcher, "Do not hesitate to use the coupon code") == [("coupon code", False)]


def test_negation_after_the_phrase_for_japanese_and_german() -> None:
    japanese = PhraseMatcher("ja", ["クーポン"], negations_after=["ません", "!ませんか"])
    assert hits(japanese, "クーポンの配布は行っておりません。") == [("クーポン", True)]
    assert hits(japanese, "クーポンをお送りしてもよろしいでしょうか。") == [("クーポン", False)]
    review = PhraseMatcher("ja", ["レビューをお願い"], negations_after=["ません", "!ませんか"])
    assert hits(review, "レビューをお願いできませんか。") == [("レビューをお願い", False)]
    german = PhraseMatcher("de", ["gutschein*"], negations_after=["nicht"])
    assert hits(german, "Gutscheine bieten wir nicht an.") == [("gutscheine", True)]
    assert hits(german, "Hier ist ein Gutschein, falls es nicht passt.") == [("gutschein", False)]


def test_french_elision_as_negation() -> None:
    matcher = PhraseMatcher("fr", ["code promo"], negations=["n'", "pas"])
    assert hits(matcher, "Nous n'offrons aucun code promo.") == [("code promo", True)]


def test_empty_matcher_is_falsy() -> None:
    assert not PhraseMatcher("en", [])
    assert list(PhraseMatcher("en", []).finditer("anything")) == []


def test_sentence_bounds() -> None:
    text = "first one. second one here! third"
    start = text.index("second")
    left, right = sentence_bounds(text, start, start + 6)
    assert text[left:right].strip() == "second one here"


def test_excerpt_maps_normalized_needles_back_to_the_original() -> None:
    text = "Guten Tag,\nbitte   ZÖGERN Sie nicht, uns zu\nkontaktieren. Viele Grüße"
    evidence = excerpt(text, "zogern sie nicht, uns zu kontaktieren")
    assert "ZÖGERN Sie nicht, uns zu kontaktieren" in evidence
    assert excerpt("Ａｂｃ クーポン", "クーポン").endswith("クーポン")
    assert excerpt("plain text", "missing") == "missing"
    assert excerpt("plain text", "") == ""


def test_prefilter_never_hides_a_match() -> None:
    """PhraseMatcher skips a text that lacks every phrase's literal: same hits as without."""
    import copy
    from pathlib import Path

    from relay.model.message import parse
    from relay.model.phrases import normalize
    from relay.policy import load_policy

    policy = load_policy()
    policy.warm()
    corpus = [
        normalize(parse(eml.read_bytes()).visible_text)
        for eml in sorted(Path(__file__).parent.parent.glob("corpus/*/*.eml"))[::8]
    ]
    # Every phrase as a text of its own (with a number for `#`), so that each one hits; a
    # matcher reads its own language's texts (twelve languages' cross product is too slow).
    own: dict[str, list[str]] = {}
    for language, book in policy.phrases.items():
        for phrases in book.values():
            own.setdefault(language, []).append(
                normalize(" ".join(p.replace("#", "12").replace("*", "") for p in phrases))
            )
            spaced = " x".join(p.replace("#", "3").replace("...", "a b") for p in phrases)
            own[language].append(normalize("x" + spaced))
    matchers = [m for m in policy._matchers.values() if m]
    assert matchers and all(m._keys is not None for m in matchers)
    hits = 0
    for matcher in matchers:
        plain = copy.copy(matcher)
        plain._keys = None
        for normalized in (*corpus, *own[matcher.language]):
            found = list(matcher.finditer(normalized))
            assert found == list(plain.finditer(normalized)), (matcher.language, normalized[:80])
            hits += len(found)
    assert hits > 1000


def test_verb_final_negation_reaches_the_end_of_its_clause() -> None:
    german = PhraseMatcher("de", ["rabatt*"], negations_after=["nicht"], clause_breaks=["aber"])
    text = "Rabatte oder Gutscheine können wir über Amazon leider nicht anbieten."
    assert hits(german, text) == [("rabatte", True)]
    # ... but not past a contrast word or the clause's comma.
    assert hits(german, "Rabatte gibt es heute, das Paket kam nicht an.") == [("rabatte", False)]
    text = "Rabatte gibt es heute für alle Kunden aber die Lieferung klappt nicht."
    assert hits(german, text) == [("rabatte", False)]


def test_japanese_conditional_suffix_ends_the_clause() -> None:
    matcher = PhraseMatcher("ja", ["ご連絡ください"], negations=["ない"], conditionals=["場合は"])
    assert hits(matcher, "届いていない場合は、ご連絡ください。") == [("ご連絡ください", False)]
    assert hits(matcher, "届いていない、ご連絡ください。") == [("ご連絡ください", True)]


def test_sentence_final_refusal_negates_across_clauses() -> None:
    """`negations_final`: a refusal closing the sentence negates what it named before, across
    commas and clause breaks; not what follows it, nor a sentence that goes on."""
    matcher = PhraseMatcher(
        "de",
        ["gutschein*"],
        negations=["keine"],
        clause_breaks=["aber"],
        negations_final=["keinen anbieten"],
    )

    def negated(text: str) -> list[bool]:
        return [hit.negated for hit in matcher.finditer(normalize(text))]

    closing = (
        "Wir verstehen, dass Sie einen Gutschein wünschen, aber leider können wir keinen anbieten."
    )
    assert negated(closing) == [True]
    assert negated("Hier ist Ihr Gutschein. Rabatte können wir keinen anbieten.") == [False]
    after = "Wir können leider keinen anbieten, aber ein Gutschein liegt bei."
    assert negated(after) == [False]
    going_on = "Wir verstehen, dass Sie einen Gutschein möchten, aber keinen anbieten heißt nichts."
    assert negated(going_on) == [False]


def test_a_host_language_exception_is_no_negation_before_its_own_phrase() -> None:
    english = PhraseMatcher("en", ["paypal"], negations=["no"])
    portuguese = PhraseMatcher("pt", ["nosso site"], negations=["não", "!no"])
    text = normalize("Comprando direto no nosso site, o frete é grátis.")
    start = text.index("nosso site")
    end = start + len("nosso site")
    # English reads "no" as a negation; before a Portuguese phrase it is "in the".
    assert english.negates(text, start, end)
    assert not english.negates(text, start, end, portuguese)
    assert portuguese.negates(normalize("Não vendemos no nosso site."), 14, 24, None)


def _each_on_its_own(
    matchers: list[PhraseMatcher], text: str
) -> list[tuple[PhraseMatcher, list[PhraseHit]]]:
    """What find_each answers, from each matcher's own finditer: every matcher with its hits,
    or no pairs when none has a hit."""
    every = [(m, list(m.finditer(text))) for m in matchers]
    return every if any(hits for _m, hits in every) else []


def test_find_each_passes_over_only_matchers_that_cannot_match() -> None:
    """While a message is judged, find_each skips a matcher on the text's bit masks: the same
    hits as each matcher's finditer, for matchers compiled before the masks and after; and no
    pairs at all for a text without any hit, judging or not."""
    from pathlib import Path

    from relay.model.fold import message_memo
    from relay.model.message import parse
    from relay.model.phrases import find_each
    from relay.policy import load_policy

    policy = load_policy()
    policy.warm()
    texts = [
        normalize(parse(eml.read_bytes()).visible_text)
        for eml in sorted(Path(__file__).parent.parent.glob("corpus/*/*.eml"))[::4]
    ]
    texts.append(normalize("Gerne gewähren wir Ihnen 10 % Rabatt, bitte bewerten Sie uns!"))
    texts.append(normalize("Qxz vrb."))  # no phrase of any list
    matchers = [m for m in policy._matchers.values() if m]
    skipped = 0
    answers = []
    for text in texts:
        expected = _each_on_its_own(matchers, text)
        assert find_each(matchers, text) == expected
        with message_memo({}):
            assert find_each(matchers, text) == expected
            # and each matcher on its own, on the masks find_each left with the message
            assert _each_on_its_own(matchers, text) == expected
            # a matcher compiled after the text's masks were made is asked, not skipped
            late = PhraseMatcher("de", ["ganz neue phrase", "rabatt"])
            assert find_each([late], text) == _each_on_its_own([late], text)
        skipped += sum(1 for m in matchers if m._keys is not None and not m._keys.may_match(text))
        answers.append(expected)
    assert skipped  # most matchers have nothing to find in most texts
    # both answers are met: every matcher's pairs, and none
    assert answers[-1] == [] and any(len(a) == len(matchers) for a in answers)
    assert all(len(a) in (0, len(matchers)) for a in answers)


def test_narrowed_pattern_finds_what_the_whole_list_finds() -> None:
    """A list with `...` gaps is scanned with only the phrases a text can hold: the same hits,
    and with every phrase kept the narrowed pattern is the list's own pattern."""
    import copy
    from pathlib import Path

    from relay.model.message import parse
    from relay.model.phrases import _trie_kept
    from relay.policy import load_policy

    policy = load_policy()
    policy.warm()
    narrowing = [m for m in policy._matchers.values() if m and m._narrowing is not None]
    assert narrowing
    texts = [
        normalize(parse(eml.read_bytes()).visible_text)
        for eml in sorted(Path(__file__).parent.parent.glob("corpus/*/*.eml"))[::5]
    ]
    for book in policy.phrases.values():
        for phrases in book.values():
            texts.append(
                normalize(". ".join(p.replace("#", "3").replace("...", "x y") for p in phrases))
            )
    narrowed = 0
    for matcher in narrowing:
        assert matcher._narrowing is not None and matcher._pattern is not None
        every = frozenset(range(len(matcher._narrowing.needs)))
        whole = "|".join(
            f"{head}(?:{_trie_kept(list(items), 0, every)})"
            for head, items in matcher._narrowing.heads
        )
        assert whole == matcher._pattern.pattern
        plain = copy.copy(matcher)
        plain._narrowing = None
        for text in texts:
            assert list(matcher.finditer(text)) == list(plain.finditer(text)), text[:80]
            narrowed += matcher._narrowing.pattern_for(text) is not None
    assert narrowed


def test_patterns_compile_on_first_use_and_warm_compiles_them_all() -> None:
    """A one-message `check` compiles only the patterns its text can match (compiling every
    list is most of a policy's load time); a server's warm-up compiles all, before it forks."""
    from relay.model.phrases import _LAZY_PATTERNS
    from relay.policy import load_policy

    def compiled(matcher: PhraseMatcher) -> set[str]:
        return {name for name in _LAZY_PATTERNS if name in vars(matcher)}

    matcher = PhraseMatcher("en", ["coupon code", "gift card"], negations=["not"])
    assert compiled(matcher) == set()
    assert hits(matcher, "Das Paket kommt morgen.") == []  # the prefilter says no: no compile
    assert compiled(matcher) == set()
    assert hits(matcher, "We do not send a coupon code.") == [("coupon code", True)]
    assert {"_pattern", "_negation"} <= compiled(matcher)

    policy = load_policy()
    marketing = policy.matchers("marketing")
    assert marketing and all(compiled(m) == set() for m in marketing)
    policy.warm()
    assert all(compiled(m) == set(_LAZY_PATTERNS) for m in marketing)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a",
        "ab abc abcd",
        "über straße ß",
        "x_1 2-3 日本語の文",
        "  a\u0301b  q.r,st ",
        "abc abd abc",
    ],
)
def test_word_starts_are_every_run_first_one_two_and_three_characters(text: str) -> None:
    runs = re.findall(r"\w+", text)
    expected = {run[:length] for run in runs for length in (1, 2, 3)}
    assert phrases_module._word_starts(text) == expected


def test_text_masks_hold_the_bit_of_every_prefilter_with_a_first_piece_in_the_text() -> None:
    PhraseMatcher("ja", ["クーポンを差し上げます"]).compile_now()  # a prefilter with pieces
    text = normalize("クーポンを差し上げます and a coupon code")
    expected = 0
    for found in phrases_module._PIECE_BITS.values():
        for piece, bits in found.items():
            if piece in text:
                expected |= bits
    assert expected
    assert phrases_module._text_masks(text).pieces == expected
