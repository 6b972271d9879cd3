"""relay.langid gives langdetect's answers exactly (languages and float probabilities)."""

from __future__ import annotations

import random

import pytest
from langdetect import DetectorFactory
from langdetect import detect_langs as reference
from langdetect.lang_detect_exception import LangDetectException

from bench import language_accuracy
from relay import facts  # seeds langdetect as the relay does
from relay.langid import detect_langs


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
