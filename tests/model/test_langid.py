"""relay.model.langid gives langdetect's answers exactly (languages and float probabilities)."""

from __future__ import annotations

import math
import random

import pytest
from langdetect import DetectorFactory, detector_factory
from langdetect import detect_langs as reference
from langdetect.detector import Detector
from langdetect.lang_detect_exception import LangDetectException

from bench import language_accuracy
from relay.model import (
    facts,  # seeds langdetect as the relay does
    langid,
)
from relay.model.langid import FastDetector, detect_langs


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


def _every_probability(detector_class: type[Detector], text: str) -> list[str] | str:
    """All 55 accumulated probabilities as repr, not only the few above 0.1 that detect_langs
    shows: a change in the last bit of any language's share is seen on every text."""
    detector_factory.init_factory()
    detector = detector_class(detector_factory._factory)
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


class _CompensatedSum(Detector):  # type: ignore[misc]
    """langdetect with a correctly rounded total in the normalization (math.fsum; Python 3.12's
    sum() of floats is compensated too): the same maths, other bits."""

    def _normalize_prob(self, prob: list[float]) -> float:
        total = math.fsum(prob)
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
        _every_probability(_CompensatedSum, text) != _every_probability(Detector, text)
        for text in texts
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
