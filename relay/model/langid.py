"""langdetect's own algorithm, the same answers bit for bit, in a few times less time.

`detect_langs(text)` returns exactly what `langdetect.detect_langs(text)` returns (same
languages, same float probabilities) for the same `DetectorFactory.seed`: it uses langdetect's
profiles (packed, below), its text clean-up (`Detector.append`, `cleaning_text`) and the same
sequence of random draws; only the two hot loops are written differently:

* n-gram extraction (`Detector._extract_ngrams` + `NGram.add_char`): the per-character
  normalization (`NGram.normalize`, a Unicode-block search) is one `str.translate` over a
  table filled as characters are met, and since the n-gram buffer starts afresh after every
  space, each word's n-grams are computed once and remembered (a bounded memo);
* the trials (`Detector._detect_block`): the five draws between two normalizations are
  multiplied in one pass over the languages, left to right, so every float is the product
  langdetect computes (`(p * (w + a)) * (w + b) ...`: the same IEEE operations in the same
  order), without a Python call per draw and language.

The profile table is langdetect's, packed (`packed_factory`): langdetect keeps a list of 55
floats per n-gram (87,598 of them, 41 MiB of pointers), 96% of them 0.0; the packed table keeps
each n-gram's other entries, about two, as bytes of (language index, double) pairs: 17 MiB
resident where langdetect's took 61 (shared by the relay's forked processes). Its rows read as
the same doubles, so the answers do not change. Both paths also read langdetect's own lists.

Both loops are also written in C (relay/model/_langid.c, the same operations in the same
order, the draws made by the same Random object), built at install where there is a compiler;
without it, the pure-Python loops here run. tests/model/test_langid.py compares both paths with
langdetect on every sample of bench/language_accuracy.py and on generated text.
"""

from __future__ import annotations

import functools
import random
import re
import struct
from types import ModuleType
from typing import Any, ClassVar, Final

from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.language import Language
from langdetect.utils.ngram import NGram

compiled: ModuleType | None
try:
    from relay.model import _langid as compiled
except ImportError:  # built without a C compiler or Python headers: the loops below
    compiled = None

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


class _Normalizer(dict[int, str]):
    """str.translate's table for NGram.normalize, filled as characters are met."""

    def __missing__(self, code: int) -> str:
        found = _normalized(chr(code))
        if len(self) < 65536:
            self[code] = found
        return found


_NORMALIZED: Final = _Normalizer()
_WORD_NGRAMS: dict[str, tuple[str, ...]] = {}
_MEMO_WORDS: Final = 50_000
_MEMO_WORD_LENGTH: Final = 40


Row = list[float] | bytes  # langdetect's, or packed (PackedFactory)
# one packed entry: the language's index, its probability (the C loop reads the same layout)
_ENTRY: Final = struct.Struct("=Bd")


def dense(row: Row, size: int) -> list[float]:
    """A row of the table as langdetect's list of `size` floats."""
    if isinstance(row, list):
        return row
    values = [0.0] * size
    for language, probability in _ENTRY.iter_unpack(row):
        values[language] = probability
    return values


class PackedFactory(DetectorFactory):  # type: ignore[misc]
    """langdetect's DetectorFactory, whose table keeps only each n-gram's non-zero entries
    (see the module's docstring); load_profile reads the same profiles, to the same floats."""

    def add_profile(self, profile: Any, index: int, langsize: int) -> None:
        # DetectorFactory.add_profile, without the list of langsize zeros per n-gram. A row
        # grows by one entry per language: each longer copy takes the place its predecessor
        # just freed, where building all the rows at the end left the loading's garbage
        # scattered between them (~25 MiB more resident).
        if profile.name in self.langlist:
            raise LangDetectException(
                ErrorCode.DuplicateLangError, "Duplicate the same language profile."
            )
        self.langlist.append(profile.name)
        rows: dict[str, bytes] = self.word_lang_prob_map
        for word in profile.freq:
            row = rows.get(word, b"")
            length = len(word)
            if 1 <= length <= 3:
                probability = 1.0 * profile.freq.get(word) / profile.n_words[length - 1]
                row += _ENTRY.pack(index, probability)
            rows[word] = row


@functools.cache
def packed_factory() -> PackedFactory:
    """langdetect's profiles, packed: what detect_langs detects with (loaded on first use)."""
    factory = PackedFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def python_word_ngrams(chars: str, table: dict[str, Row]) -> tuple[str, ...]:
    """The n-grams langdetect extracts from `chars` (normalized, one word and perhaps the space
    after it), starting as after a space: NGram.add_char and Detector._extract_ngrams."""
    result: list[str] = []
    grams = " "
    capital = False
    for ch in chars:
        last = grams[-1]
        if last == " ":
            grams = " "
            capital = False
            if ch == " ":
                continue
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
        length = len(grams)
        for n in range(1, _N_GRAM + 1):
            if length < n:
                break
            w = grams[-n:]
            if w != " " and w in table:
                result.append(w)
    return tuple(result)


def python_trials(
    ngrams: list[str],
    table: dict[str, Row],
    rnd: random.Random,
    init: list[float],
    alpha: float,
    alpha_width: float,
    base_freq: float,
    n_trial: int,
    limit: int,
    threshold: float,
) -> list[float]:
    """langdetect's trials (Detector._detect_block once the n-grams are extracted): the
    languages' probabilities summed over the trials; relay/model/_langid.c's `trials` is this."""
    size = len(init)
    langprob = [0.0] * size
    # random.choice(ngrams) is ngrams[rnd._randbelow(len(ngrams))] (CPython 3.11-3.13);
    # called directly, with the same draws, to save a call per draw.
    below = rnd._randbelow  # type: ignore[attr-defined]
    count = len(ngrams)
    for _trial in range(n_trial):
        prob = list(init)
        w = (alpha + rnd.gauss(0.0, 1.0) * alpha_width) / base_freq
        # i = 0: one draw, then the first convergence check
        first = dense(table[ngrams[below(count)]], size)
        prob = [p * (w + pa) for p, pa in zip(prob, first, strict=True)]
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
            a = dense(table[ngrams[below(count)]], size)
            b = dense(table[ngrams[below(count)]], size)
            c = dense(table[ngrams[below(count)]], size)
            d = dense(table[ngrams[below(count)]], size)
            e = dense(table[ngrams[below(count)]], size)
            prob = [
                p / total * (w + pa) * (w + pb) * (w + pc) * (w + pd) * (w + pe)
                for p, pa, pb, pc, pd, pe in zip(prob, a, b, c, d, e, strict=True)
            ]
            i += 5
        for j in range(size):
            langprob[j] += prob[j] / n_trial
    return langprob


_LATIN: Final = re.compile(r"[A-z]")  # langdetect's `'A' <= ch <= 'z'`


class FastDetector(Detector):  # type: ignore[misc]
    """A langdetect Detector whose `append`, `cleaning_text`, `_extract_ngrams` and
    `_detect_block` are faster: compiled (relay/model/_langid.c) where it was built."""

    compiled: ClassVar[ModuleType | None] = compiled

    def __init__(self, factory: DetectorFactory) -> None:
        # Detector.__init__, whose random.Random() reads 2.5 KB from os.urandom to seed itself
        # on every detection; `_detect_block` seeds it with the factory's seed before its
        # first draw, so a Random seeded with a constant draws exactly the same.
        self.word_lang_prob_map = factory.word_lang_prob_map
        self.langlist = factory.langlist
        self.seed = factory.seed
        self.random = random.Random(0)
        self.text = ""
        self.langprob: list[float] | None = None
        self.alpha = self.ALPHA_DEFAULT
        self.n_trial = 7
        self.max_text_length = 10000
        self.prior_map = None
        self.verbose = False

    def append(self, text: str) -> None:
        # Detector.append: URLs and addresses out, Vietnamese normalized, then the first
        # max_text_length characters with every run of spaces made one (its loop kept a space
        # only after a character that is not one), added to the text.
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)[: self.max_text_length]
        while "  " in text:
            text = text.replace("  ", " ")
        self.text += text

    def cleaning_text(self) -> None:
        # Detector.cleaning_text: Latin letters are taken out when they are under a third of
        # the letters. The non-Latin count (a Unicode-block lookup per character) is needed
        # only when the Latin letters are under a third of the whole text.
        text = self.text
        latin = len(_LATIN.findall(text))
        if latin * 2 >= len(text) - latin:
            return  # non-Latin letters are at most len - latin: the condition cannot hold
        Detector.cleaning_text(self)

    def _extract_ngrams(self) -> list[str]:
        # The n-gram buffer starts afresh after every space (NGram.add_char), so the n-grams a
        # word gives depend on the word alone: a text is its words' n-grams in order, and a
        # word seen before costs one dict lookup.
        table = self.word_lang_prob_map
        result: list[str] = []
        words = self.text.translate(_NORMALIZED).split(" ")
        last = len(words) - 1
        memo = _WORD_NGRAMS
        word_ngrams = python_word_ngrams if self.compiled is None else self.compiled.word_ngrams
        for index, word in enumerate(words):
            if not word:
                continue  # a space after a space (or at the start) gives nothing
            key = word if index < last else word + "\0"  # the text's last word: no space after
            found = memo.get(key)
            if found is None:
                found = word_ngrams(word + " " if index < last else word, table)
                if len(word) <= _MEMO_WORD_LENGTH:
                    if len(memo) >= _MEMO_WORDS:
                        memo.clear()
                    memo[key] = found
            result.extend(found)
        return result

    def _detect_block(self) -> None:
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        rnd = self.random
        rnd.seed(self.seed)
        # the compiled trials call getrandbits and gauss themselves: only on random.Random,
        # whose choice() draws with getrandbits (a subclass may draw otherwise)
        trials = python_trials
        if self.compiled is not None and type(rnd) is random.Random:
            trials = self.compiled.trials
        self.langprob = trials(
            ngrams,
            self.word_lang_prob_map,
            rnd,
            self._init_probability(),
            self.alpha,
            self.ALPHA_WIDTH,
            self.BASE_FREQ,
            self.n_trial,
            self.ITERATION_LIMIT,
            self.CONV_THRESHOLD,
        )


class PythonDetector(FastDetector):
    """FastDetector with its pure-Python loops, compiled module or not."""

    compiled = None


def detect_langs(text: str) -> list[Language]:
    """What `langdetect.detect_langs(text)` returns, computed by FastDetector on the packed
    table."""
    factory = packed_factory()
    if not factory.langlist:
        raise LangDetectException(ErrorCode.NeedLoadProfileError, "Need to load profiles.")
    detector = FastDetector(factory)
    detector.append(text)
    result: list[Language] = detector.get_probabilities()
    return result
