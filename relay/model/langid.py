"""langdetect's own algorithm, the same answers bit for bit, in a few times less time.

`detect_langs(text)` returns exactly what `langdetect.detect_langs(text)` returns (same
languages, same float probabilities) for the same `DetectorFactory.seed`: it uses langdetect's
loaded profiles, its text clean-up (`Detector.append`, `cleaning_text`) and the same sequence
of random draws; only the two hot loops are written differently:

* n-gram extraction (`Detector._extract_ngrams` + `NGram.add_char`) with the per-character
  normalization (`NGram.normalize`, a Unicode-block search) memoized per character;
* the trials (`Detector._detect_block`): the five draws between two normalizations are
  multiplied in one pass over the languages, left to right, so every float is the product
  langdetect computes (`(p * (w + a)) * (w + b) ...`: the same IEEE operations in the same
  order), without a Python call per draw and language.

tests/model/test_langid.py compares both on every sample of bench/language_accuracy.py and on
generated text.
"""

from __future__ import annotations

from typing import Final

from langdetect import detector_factory
from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.language import Language
from langdetect.utils.ngram import NGram

_N_GRAM: Final = NGram.N_GRAM
_CHAR: dict[str, str] = {}


def _normalized(ch: str) -> str:
    """NGram.normalize(ch), remembered: it is a pure function of the character."""
    found = _CHAR.get(ch)
    if found is None:
        found = NGram.normalize(ch)
        if len(_CHAR) < 65536:
            _CHAR[ch] = found
    return found


class FastDetector(Detector):  # type: ignore[misc]
    """A langdetect Detector whose `_extract_ngrams` and `_detect_block` are faster."""

    def _extract_ngrams(self) -> list[str]:
        table = self.word_lang_prob_map
        result: list[str] = []
        grams = " "
        capital = False
        for raw in self.text:
            ch = _CHAR.get(raw) or _normalized(raw)
            # NGram.add_char
            last = grams[-1]
            if last == " ":
                grams = " "
                capital = False
                if ch == " ":
                    continue  # nothing is extracted from a lone space
            elif len(grams) >= _N_GRAM:
                grams = grams[1:]
            grams += ch
            if ch.isupper():
                if last.isupper():
                    capital = True
            else:
                capital = False
            if capital:
                continue
            # Detector._extract_ngrams: n = 1 .. N_GRAM
            length = len(grams)
            for n in range(1, _N_GRAM + 1):
                if length < n:
                    break
                w = grams[-n:]
                if w and w != " " and w in table:
                    result.append(w)
        return result

    def _detect_block(self) -> None:
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        table = self.word_lang_prob_map
        size = len(self.langlist)
        n_trial = self.n_trial
        limit = self.ITERATION_LIMIT
        threshold = self.CONV_THRESHOLD
        langprob = [0.0] * size
        rnd = self.random
        rnd.seed(self.seed)
        # random.choice(ngrams) is ngrams[rnd._randbelow(len(ngrams))] (CPython 3.11-3.13);
        # called directly, with the same draws, to save a call per draw.
        below = rnd._randbelow
        count = len(ngrams)
        for _trial in range(n_trial):
            prob = self._init_probability()
            alpha = self.alpha + rnd.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            w = alpha / self.BASE_FREQ
            # i = 0: one draw, then the first convergence check
            prob = [p * (w + pa) for p, pa in zip(prob, table[ngrams[below(count)]], strict=True)]
            i = 0
            while True:
                # Detector._normalize_prob: the largest share is max(p) / total exactly, since
                # a correctly rounded division by a positive total keeps the order.
                total = sum(prob)
                if max(0.0, max(prob) / total) > threshold or i >= limit:
                    prob = [p / total for p in prob]
                    break
                # i + 1 .. i + 5: five draws, multiplied in the order drawn, after the division
                # by the total of the normalization that langdetect does first
                a = table[ngrams[below(count)]]
                b = table[ngrams[below(count)]]
                c = table[ngrams[below(count)]]
                d = table[ngrams[below(count)]]
                e = table[ngrams[below(count)]]
                prob = [
                    p / total * (w + pa) * (w + pb) * (w + pc) * (w + pd) * (w + pe)
                    for p, pa, pb, pc, pd, pe in zip(prob, a, b, c, d, e, strict=True)
                ]
                i += 5
            for j in range(size):
                langprob[j] += prob[j] / n_trial
        self.langprob = langprob


def detect_langs(text: str) -> list[Language]:
    """What `langdetect.detect_langs(text)` returns, computed by FastDetector."""
    detector_factory.init_factory()
    factory = detector_factory._factory
    assert factory is not None
    if not factory.langlist:
        raise LangDetectException(ErrorCode.NeedLoadProfileError, "Need to load profiles.")
    detector = FastDetector(factory)
    detector.append(text)
    result: list[Language] = detector.get_probabilities()
    return result
