"""relay.model.langid gives langdetect's answers exactly (languages and float probabilities)."""

from __future__ import annotations

import math
import os
import random
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from langdetect import DetectorFactory, detector_factory
from langdetect import detect_langs as reference
from langdetect.detector import Detector
from langdetect.lang_detect_exception import LangDetectException

from bench import language_accuracy
from relay.model import (
    facts,  # seeds langdetect as the relay does
    langid,
)
from relay.model.langid import FastDetector, PythonDetector, detect_langs

_IN_CI = os.environ.get("CI") == "true"
# Both paths of FastDetector: the compiled loops (relay/model/_langid.c) and the pure-Python ones
# a build without a C compiler runs. Outside CI a build without the compiled module tests the
# fallback alone; in CI test_the_compiled_module_is_built fails instead.
_DETECTORS = [
    pytest.param(FastDetector, id="compiled", marks=pytest.mark.skipif(
        langid.compiled is None and not _IN_CI, reason="relay.model._langid was not built"
    )),
    pytest.param(PythonDetector, id="python"),
]  # fmt: skip


def _answer(detect: object, text: str) -> object:
    try:
        return [(found.lang, found.prob) for found in detect(text)]  # type: ignore[operator]
    except LangDetectException as exc:
        return ("no features", str(exc))


def _samples() -> list[str]:
    texts: list[str] = []
    for book in (language_accuracy.TINY, language_accuracy.SHORT, language_accuracy.LONG):
        for samples in book.values():
            texts.extend(samples)
    return texts


def test_seeded_like_the_relay() -> None:
    assert DetectorFactory.seed == 0


@pytest.mark.parametrize("language", language_accuracy.LANGS)
def test_same_answers_on_the_accuracy_samples(language: str) -> None:
    texts = [
        t
        for book in (language_accuracy.TINY, language_accuracy.SHORT, language_accuracy.LONG)
        for t in book[language]
    ]
    for text in texts:
        assert _answer(detect_langs, text) == _answer(reference, text), text


def test_same_answers_on_mixed_and_odd_text() -> None:
    rng = random.Random(7)
    pool = "\n".join(_samples())
    texts = [
        "",
        " ",
        "12345 678",
        "ABC DEF GHI",
        "Привет, как дела? Всё хорошо.",
        "注文番号 302-1234567-1234567 の商品は明日届きます。",
        "Straße ÄÖÜ ñ ç — “quotes” https://shop.example/x mail@shop.example",
        "x" * 12_000,
    ]
    for _ in range(60):
        start = rng.randrange(len(pool))
        texts.append(pool[start : start + rng.choice((3, 15, 60, 400, 3000))])
    for text in texts:
        assert _answer(detect_langs, text) == _answer(reference, text), text[:80]


def test_detect_language_uses_it() -> None:
    text = "Vielen Dank für Ihre Nachricht, das Paket kommt morgen an."
    found = facts.detect_language(text)
    best = reference(text)[0]
    assert (found.code, found.probability) == (best.lang, best.prob)


def _every_probability(
    detector_class: type[Detector], text: str, factory: DetectorFactory | None = None
) -> list[str] | str:
    """All 55 accumulated probabilities as repr, not only the few above 0.1 that detect_langs
    shows: a change in the last bit of any language's share is seen on every text. With
    langdetect's own profile table unless `factory` names another."""
    if factory is None:
        detector_factory.init_factory()
        factory = detector_factory._factory
    detector = detector_class(factory)
    detector.append(text)
    try:
        detector.get_probabilities()
    except LangDetectException as exc:
        return str(exc)
    return [repr(p) for p in detector.langprob]


def _order_sensitive_texts() -> list[str]:
    # Word salads of the six languages converge slowly: many normalizations (sums) per trial.
    rng = random.Random(11)
    words = " ".join(_samples()).split()
    salads = [
        " ".join(rng.choice(words) for _ in range(rng.choice((3, 8, 20, 60, 200))))
        for _ in range(120)
    ]
    return _samples() + salads


def _sequential_sum(values: list[float]) -> float:
    total = 0.0
    for value in values:
        total += value
    return total


class _OtherSum(Detector):  # type: ignore[misc]
    """langdetect with the normalization's total summed otherwise than the running Python's
    sum(): correctly rounded (math.fsum) where sum() is sequential (Python 3.11), sequential
    where sum() is compensated (3.12 on). The same maths, other bits."""

    def _normalize_prob(self, prob: list[float]) -> float:
        total = math.fsum(prob) if sys.version_info < (3, 12) else _sequential_sum(prob)
        for i, p in enumerate(prob):
            prob[i] = p / total
        return max(prob)


def test_every_probability_bit_for_bit() -> None:
    for text in _order_sensitive_texts():
        expected = _every_probability(Detector, text)
        assert _every_probability(FastDetector, text) == expected, text[:80]


def test_a_summation_order_change_would_be_seen() -> None:
    texts = _order_sensitive_texts()
    differing = sum(
        _every_probability(_OtherSum, text) != _every_probability(Detector, text) for text in texts
    )
    assert differing > len(texts) * 9 // 10


def _ngrams(detector_class: type[Detector], text: str) -> list[str]:
    detector_factory.init_factory()
    detector = detector_class(detector_factory._factory)
    detector.append(text)
    detector.cleaning_text()
    result: list[str] = detector._extract_ngrams()
    return result


@pytest.mark.parametrize(
    "text",
    [
        "Hallo Welt Hallo",  # a word last, without the space after it, and earlier with it
        "Hallo Welt Hallo ",
        " Hallo  Welt. Hallo!",  # punctuation normalizes to a space: words split there
        "ABC Abc aBC ABc abc ABC",  # capital words give no n-grams; their spaces do
        "Ärger über Öl — ärger",
        "注文番号の商品は明日届きます 注文番号",
        "x" * 50 + " " + "x" * 50,  # longer than the memo keeps
    ],
)
def test_word_memo_gives_langdetects_ngrams(text: str) -> None:
    langid._WORD_NGRAMS.clear()
    cold = _ngrams(FastDetector, text)
    warm = _ngrams(FastDetector, text)
    assert cold == warm == _ngrams(Detector, text)


def test_a_full_word_memo_starts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langid, "_MEMO_WORDS", 3)
    langid._WORD_NGRAMS.clear()
    text = "eins zwei drei vier fünf sechs sieben eins zwei"
    assert _ngrams(FastDetector, text) == _ngrams(Detector, text)
    assert len(langid._WORD_NGRAMS) <= 3


def test_append_and_cleaning_text_leave_the_text_langdetect_leaves() -> None:
    """FastDetector's append and cleaning_text: the same detector text as langdetect's own."""
    detector_factory.init_factory()
    factory = detector_factory._factory
    rng = random.Random(11)
    alphabet = ["a", "Z", " ", "  ", "\t", "\n", "_", "[", "é", "ф", "Ж", "注", "ạ", "a\u0301"]
    texts = [
        " lead  and  trail  ",
        "Привет мир abc",
        "注文 abc 注文 注文 注文",
        "see https://x.example/a  b mail@x.example  c",
        "a" * 10_010 + "   b",
    ]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(40))) for _ in range(400)]
    for text in texts:
        fast, slow = FastDetector(factory), Detector(factory)
        for detector in (fast, slow):
            detector.append(text)
            detector.append(text[:7])
        assert fast.text == slow.text, text[:80]
        fast.cleaning_text()
        slow.cleaning_text()
        assert fast.text == slow.text, text[:80]


# ---- the compiled loops (relay/model/_langid.c) and the pure-Python ones, each against
# langdetect: every probability, and the random generator's state after the draws


def test_the_compiled_module_is_built() -> None:
    """CI must measure and test the compiled loops, not silently the fallback."""
    if langid.compiled is None and not _IN_CI:
        pytest.skip("relay.model._langid was not built (no C compiler); CI fails here")
    assert langid.compiled is not None, "relay.model._langid cannot be imported"
    assert FastDetector.compiled is langid.compiled
    assert PythonDetector.compiled is None


def _run(
    detector_class: type[Detector], text: str, **settings: object
) -> tuple[list[str] | str, object]:
    """All 55 accumulated probabilities (repr) and the random state after the draws; or the
    error (raised before the generator is seeded: its state is os.urandom's)."""
    langid._WORD_NGRAMS.clear()  # each path extracts its own n-grams
    detector_factory.init_factory()
    detector = detector_class(detector_factory._factory)
    for name, value in settings.items():
        setattr(detector, name, value)
    detector.append(text)
    try:
        detector.get_probabilities()
    except LangDetectException as exc:
        return str(exc), None
    return [repr(p) for p in detector.langprob], detector.random.getstate()


@pytest.mark.parametrize("detector_class", _DETECTORS)
def test_each_path_equals_langdetect_on_the_accuracy_samples(
    detector_class: type[Detector],
) -> None:
    for text in _samples():
        assert _run(detector_class, text) == _run(Detector, text), text[:80]


_EDGE_TEXTS = {
    "one n-gram": "ё",
    "one n-gram, Latin": "ß",
    "no n-grams": "12345 678 ẞ",
    "empty": "",
    "capital words only": "ABC DEF",
    "Cyrillic": "Привет, как дела? Всё хорошо, спасибо за заказ.",
    "Japanese": "注文番号 302-1234567-1234567 の商品は明日届きます。",
    "Chinese": "您的订单已经发货，预计明天送达。谢谢您的耐心等待。",
    "Korean": "주문하신 상품은 내일 도착할 예정입니다. 감사합니다.",
    "Arabic": "شكرا لطلبك، سيتم شحن الطلب غدا إن شاء الله.",
    "Hindi": "आपका ऑर्डर कल भेज दिया जाएगा। धन्यवाद।",
    "Greek": "Ευχαριστούμε για την παραγγελία σας, θα σταλεί αύριο.",
    "Thai": "ขอบคุณสำหรับคำสั่งซื้อของคุณ จะจัดส่งพรุ่งนี้",
    "mixed with astral characters": "Danke 😀 für 𝐁𝐞𝐬𝐭𝐞𝐥𝐥𝐮𝐧𝐠 Ihre Bestellung 𠀀𠀁",
    "Latin under a third": "Привет мир abc Привет мир Привет мир",
    "Vietnamese": "Cảm ơn bạn đã đặt hàng, chúng tôi sẽ giao vào ngày mai.",
    "past max_text_length": "Vielen Dank für Ihre Bestellung. " * 400,
}


@pytest.mark.parametrize("detector_class", _DETECTORS)
@pytest.mark.parametrize("case", list(_EDGE_TEXTS))
def test_each_path_equals_langdetect_on_edge_cases(
    detector_class: type[Detector], case: str
) -> None:
    text = _EDGE_TEXTS[case]
    assert _run(detector_class, text) == _run(Detector, text)


def test_the_edge_cases_are_what_they_say() -> None:
    assert _ngrams(Detector, _EDGE_TEXTS["one n-gram"]) == ["ё"]
    assert _ngrams(Detector, _EDGE_TEXTS["one n-gram, Latin"]) == ["ß"]
    assert _ngrams(Detector, _EDGE_TEXTS["no n-grams"]) == []
    assert (
        len(_EDGE_TEXTS["past max_text_length"])
        > Detector(detector_factory._factory).max_text_length
    )


@pytest.mark.parametrize("detector_class", _DETECTORS)
@pytest.mark.parametrize(
    "settings",
    [
        # never converges (no share exceeds 1.0): every trial ends at ITERATION_LIMIT
        {"CONV_THRESHOLD": 1.0, "ITERATION_LIMIT": 0},
        {"CONV_THRESHOLD": 1.0, "ITERATION_LIMIT": 7},
        {"CONV_THRESHOLD": 1.0, "ITERATION_LIMIT": 40},
        {"max_text_length": 25},
        {"n_trial": 1},
        {"alpha": 0.1},
        {"prior_map": [float(i + 1) / 1540 for i in range(55)]},
    ],
    ids=["limit0", "limit7", "limit40", "max_text_length", "one trial", "alpha", "prior"],
)
def test_each_path_equals_langdetect_with_other_settings(
    detector_class: type[Detector], settings: dict[str, object]
) -> None:
    for text in (_EDGE_TEXTS["Cyrillic"], "Vielen Dank für Ihre Nachricht, bis morgen.", "ё"):
        assert _run(detector_class, text, **settings) == _run(Detector, text, **settings)


def test_the_full_iteration_limit_compiled_equals_python() -> None:
    """Every trial runs the 10,000 draws (langdetect itself would take seconds here)."""
    if langid.compiled is None and not _IN_CI:
        pytest.skip("relay.model._langid was not built")
    assert langid.compiled is not None
    text = "Vielen Dank für Ihre Nachricht, das Paket kommt morgen an."
    compiled = _run(FastDetector, text, CONV_THRESHOLD=1.0)
    assert compiled == _run(PythonDetector, text, CONV_THRESHOLD=1.0)
    assert compiled != _run(PythonDetector, text, CONV_THRESHOLD=1.0, ITERATION_LIMIT=9995)


class _OtherRandom(random.Random):
    """A Random whose choice() draws with random() rather than getrandbits()."""

    def random(self) -> float:
        return super().random()


@pytest.mark.parametrize("detector_class", _DETECTORS)
def test_a_random_subclass_takes_the_python_trials(detector_class: type[Detector]) -> None:
    text = "Vielen Dank für Ihre Nachricht, das Paket kommt morgen an."

    def with_other_random(cls: type[Detector]) -> tuple[list[str] | str, object]:
        class Other(cls):  # type: ignore[valid-type, misc]
            def __init__(self, factory: object) -> None:
                super().__init__(factory)
                self.random = _OtherRandom()

        return _run(Other, text)

    assert with_other_random(detector_class) == with_other_random(Detector)
    assert with_other_random(Detector) != _run(Detector, text)  # other draws, other answers


_SAMPLE_WORDS = " ".join(_samples()).split()
_TEXTS = st.one_of(
    # word salads of the samples' languages
    st.lists(st.sampled_from(_SAMPLE_WORDS), min_size=1, max_size=40).map(" ".join),
    # any characters, spaces and capitals often
    st.text(
        st.one_of(
            st.sampled_from(" \\n.,ABCXYZÄÖÜ"),
            st.characters(codec="utf-8", exclude_categories=("Cs",)),
        ),
        max_size=120,
    ),
    # scripts other than Latin, mixed with Latin words
    st.lists(
        st.sampled_from([*_SAMPLE_WORDS[:200], *"".join(list(_EDGE_TEXTS.values())[5:14]).split()]),
        min_size=1,
        max_size=30,
    ).map(" ".join),
)


@pytest.mark.parametrize("detector_class", _DETECTORS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS)
def test_each_path_equals_langdetect_on_generated_text(
    detector_class: type[Detector], text: str
) -> None:
    assert _run(detector_class, text) == _run(Detector, text)


_WORDS = st.text(
    st.one_of(
        st.sampled_from("aAbBzZäÄß  ёЁж注丁"),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=30,
)


@settings(max_examples=500, deadline=None)
@given(chars=_WORDS)
def test_compiled_word_ngrams_equal_pythons(chars: str) -> None:
    if langid.compiled is None and not _IN_CI:
        pytest.skip("relay.model._langid was not built")
    assert langid.compiled is not None
    table = detector_factory._factory.word_lang_prob_map
    assert langid.compiled.word_ngrams(chars, table) == langid.python_word_ngrams(chars, table)


_FLOATS = st.lists(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False),
        st.floats(min_value=1e-30, max_value=1.0),
        st.sampled_from([1e16, -1e16, 1.0, 1e-16, 0.1, 0.7]),
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=500, deadline=None)
@given(values=_FLOATS)
def test_the_compiled_total_is_builtin_sums(values: list[float]) -> None:
    """The normalization's total is sum()'s bit for bit: sequential before Python 3.12,
    compensated (Neumaier) since."""
    if langid.compiled is None and not _IN_CI:
        pytest.skip("relay.model._langid was not built")
    assert langid.compiled is not None
    total = langid.compiled.float_sum(values)
    assert total == sum(values) or (math.isnan(total) and math.isnan(sum(values)))
    assert math.copysign(1.0, total) == math.copysign(1.0, sum(values))


def test_the_total_tells_the_two_summations_apart() -> None:
    if langid.compiled is None and not _IN_CI:
        pytest.skip("relay.model._langid was not built")
    assert langid.compiled is not None
    compensated = sys.version_info >= (3, 12)
    assert langid.compiled.float_sum([1e16, 1.0, -1e16]) == (1.0 if compensated else 0.0)


def test_a_detector_starts_as_langdetects_does_with_a_constant_seed_not_os_entropy() -> None:
    detector_factory.init_factory()
    factory = detector_factory._factory
    reference_state = vars(Detector(factory))
    state = vars(FastDetector(factory))
    assert state.keys() == reference_state.keys()
    assert {k: v for k, v in state.items() if k != "random"} == {
        k: v for k, v in reference_state.items() if k != "random"
    }
    # _detect_block seeds it again before drawing: only the system's entropy is saved
    assert type(state["random"]) is random.Random
    assert state["random"].getstate() == random.Random(0).getstate()


def test_the_packed_table_is_langdetects() -> None:
    """Every n-gram of langdetect's table, with the same 55 floats, bit for bit; only the
    non-zero ones are stored (about two per n-gram, where langdetect keeps 55)."""
    detector_factory.init_factory()
    theirs = detector_factory._factory
    packed = langid.packed_factory()
    assert packed.langlist == theirs.langlist
    assert packed.word_lang_prob_map.keys() == theirs.word_lang_prob_map.keys()
    size = len(theirs.langlist)
    stored = 0
    for word, row in theirs.word_lang_prob_map.items():
        ours = packed.word_lang_prob_map[word]
        assert isinstance(ours, bytes)
        assert [repr(p) for p in langid.dense(ours, size)] == [repr(p) for p in row], word
        stored += len(ours) // 9
    assert stored == sum(1 for row in theirs.word_lang_prob_map.values() for p in row if p)


@pytest.mark.parametrize("detector_class", _DETECTORS)
def test_every_probability_bit_for_bit_on_the_packed_table(
    detector_class: type[FastDetector],
) -> None:
    for text in _order_sensitive_texts()[::3]:
        expected = _every_probability(Detector, text)
        packed = _every_probability(detector_class, text, langid.packed_factory())
        assert packed == expected, text[:80]
