"""Text normalization and phrase matching shared by every rule that reads words."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

_SPACE: Final = re.compile(r"\s+")
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_SENTENCE_END: Final = re.compile(r"[.!?。！？\n;:]")
_QUOTES: Final = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'", "“": '"', "”": '"', "„": '"'})


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or char


def normalize(text: str) -> str:
    """Case, accents, quotes and whitespace folded so that phrases match loosely.

    The result has the same number of characters as the input only by accident; callers map
    evidence back by searching the original text, not by offsets.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    text = "".join(_fold_char(c) if ord(c) > 127 else c for c in text)
    return _SPACE.sub(" ", text).strip()


def word_count(text: str) -> int:
    """Words for the short-text threshold; Japanese and Chinese count two characters a word."""
    cjk = len(_CJK.findall(text))
    latin = len(re.findall(r"[^\W\d_]+", _CJK.sub(" ", text)))
    return latin + (cjk + 1) // 2


def _phrase_pattern(phrase: str) -> str:
    """`*` ends a word with any inflection; `...` allows up to four words in between."""
    norm = normalize(phrase)
    parts: list[str] = []
    for token in norm.split(" "):
        if token == "...":
            parts.append(r"(?:\W+\w+){0,4}")
            continue
        escaped = re.escape(token.rstrip("*"))
        parts.append(escaped + (r"\w*" if token.endswith("*") else ""))
    body = r"\W+".join(p for p in parts if p)
    body = body.replace(r"\W+(?:\W+\w+){0,4}\W+", r"(?:\W+\w+){0,4}\W+")
    if _CJK.search(norm):
        return body
    return rf"(?<!\w){body}(?!\w)"


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """One phrase found in a text: the language list it came from and the matched words."""

    language: str
    matched: str
    negated: bool


class PhraseMatcher:
    """All phrases of one category in one language, compiled once into one pattern."""

    def __init__(
        self,
        language: str,
        phrases: Iterable[str],
        negations: Iterable[str] = (),
        negations_after: Iterable[str] = (),
    ) -> None:
        self.language = language
        ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
        self._pattern = (
            re.compile("|".join(_phrase_pattern(p) for p in ordered)) if ordered else None
        )
        neg = sorted({n for n in negations if n.strip()}, key=len, reverse=True)
        self._negation = re.compile("|".join(_phrase_pattern(n) for n in neg)) if neg else None
        after = sorted({n for n in negations_after if n.strip()}, key=len, reverse=True)
        self._negation_after = (
            re.compile("|".join(_phrase_pattern(n) for n in after)) if after else None
        )

    def __bool__(self) -> bool:
        return self._pattern is not None

    def finditer(self, normalized: str) -> Iterator[PhraseHit]:
        if self._pattern is None:
            return
        for match in self._pattern.finditer(normalized):
            yield PhraseHit(self.language, match.group(0), self._is_negated(normalized, match))

    def _is_negated(self, text: str, match: re.Match[str]) -> bool:
        start = match.start()
        before = text[max(0, start - 60) : start]
        cut = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
        before = before[cut:]
        if self._negation is not None and self._negation.search(before):
            return True
        if self._negation_after is not None:
            after = text[match.end() : match.end() + 20]
            end = _SENTENCE_END.search(after)
            after = after[: end.start()] if end else after
            if self._negation_after.search(after):
                return True
        return False


def excerpt(text: str, needle: str, width: int = 60) -> str:
    """The needle with a little context, for evidence; falls back to the needle itself."""
    index = text.lower().find(needle.lower())
    if index < 0:
        return needle[: width * 2]
    start = max(0, index - width // 2)
    end = min(len(text), index + len(needle) + width // 2)
    snippet = _SPACE.sub(" ", text[start:end]).strip()
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")
