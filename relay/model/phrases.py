"""Text normalization and phrase matching shared by every rule that reads words.

Phrase syntax (policies/phrases/<lang>.toml):

- words are separated by spaces and match across any spacing, commas or hyphens, but never
  across the end of a sentence;
- `*` at the end of a word allows any ending (`discount*`: discounts, discounted), at the start
  any beginning (`*rabatt`: Sonderrabatt);
- a hyphen inside a word is optional in the text (`5-star`: 5 star, 5star, 5-star);
- `#` stands for a number (`# %`: 10 %, 10%, 12,5%);
- `...` allows up to four words in between (in Japanese: up to twelve characters);
- `%code%` stands for a coupon-shaped word: letters, then one to three digits (SAVE10).

Negations (`negations` before the phrase, `negations_after` after it, same sentence and
clause; `negations_final` closing its sentence, across its clauses) mark a hit as negated. An
entry starting with `!` is an exception: a fixed expression that contains a negation word but
does not negate (`!do not hesitate`, `!ませんか`).
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple, overload

from relay.model.fold import Folded, fold, judging, memoized

_SPACE: Final = re.compile(r"\s+")
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_SENTENCE_END: Final = re.compile(r"[.!?。！？\n;]")
_AFTER_END: Final = re.compile(r"[.!?。！？\n;,]")
# How far after a phrase a negation that follows it may stand (within its clause).
_AFTER_REACH: Final = 100
# How far after a phrase the end of its sentence may be for a sentence-final refusal
# (`negations_final`) to negate it; and what may follow the refusal before the sentence end.
_FINAL_REACH: Final = 240
_CLOSING: Final = " \t)\"'»“”’"
# Between two words of a phrase: anything but a word character or the end of a sentence.
_SEP: Final = r"[^\w.!?;。！？\n]+"
# A gap (`...`) is a capturing group, so that a negation inside it can be seen; an order id
# or another hyphenated token counts as one word.
_GAP_WORDS: Final = rf"((?:{_SEP}\w+(?:-\w+)*){{0,4}})"
_GAP_CJK: Final = r"([^.!?;。！？\n]{0,12})"
_NUMBER: Final = r"\d+(?:[.,]\d+)?"

def _is_cjk(char: str) -> bool:
    return bool(_CJK.match(char))


def normalize_map(text: str) -> tuple[str, list[int]]:
    """The folded text (relay/model/fold.py) and, for each of its characters, its source index."""
    folded = fold(text)
    return folded.text, list(folded.starts)


def normalize(text: str) -> str:
    """Case, accents, quotes and whitespace folded so that phrases match loosely.

    Offsets differ from the input; use `fold(text).span` (or `excerpt`) to map back. Within
    the judgement of a message the answer is kept with the message (relay.model.fold's
    `message_memo`): the facts and several rules normalize the same text of a message.
    """
    return fold(text).text


# A policy's phrases, normalized once each: compiling a list reads every phrase three times.
_normalized_phrase: Final = functools.lru_cache(maxsize=65536)(normalize)


def word_count(text: str) -> int:
    """Words for the short-text threshold; Japanese and Chinese count two characters a word."""
    cjk = len(_CJK.findall(text))
    latin = len(re.findall(r"[^\W\d_]+", _CJK.sub(" ", text)))
    return latin + (cjk + 1) // 2


# `%code%`: a word shaped like a coupon code as sellers write them (SAVE10, LINDE15, AUTUMN20):
# letters, then one to three digits (the percent or amount). Tracking numbers (JJD0003900077...,
# 1Z999AA1...) and pick-up codes (digits only) do not have that shape.
_CODE_WORD: Final = r"[^\W\d_]{2,12}\d{1,3}(?!\w)"


def _token_pattern(token: str) -> str:
    if token == "%code%":
        return _CODE_WORD
    prefix = token.startswith("*") and len(token) > 1
    suffix = token.endswith("*")
    core = token.strip("*")
    pieces: list[str] = []
    for chunk in re.split(r"(#|-)", core):
        if chunk == "#":
            pieces.append(_NUMBER)
        elif chunk == "-":
            pieces.append(r"[\W_]?")
        elif chunk:
            pieces.append(re.escape(chunk))
    body = "".join(pieces)
    return (r"\w*" if prefix else "") + body + (r"\w*" if suffix else "")


def _phrase_parts(phrase: str) -> tuple[str, str, str]:
    """A phrase as (boundary before it, its literal first characters, the regex for the rest)."""
    norm = _normalized_phrase(phrase)
    cjk = bool(_CJK.search(norm))
    tokens = [t for t in norm.split(" ") if t]
    # Drop leading/trailing gaps: they would only widen the evidence.
    while tokens and tokens[0] == "...":
        tokens.pop(0)
    while tokens and tokens[-1] == "...":
        tokens.pop()
    if not tokens:
        return "", "", r"(?!x)x"
    body = ""
    previous_gap = False
    for position, token in enumerate(tokens):
        if token == "...":
            body += _GAP_CJK if cjk else _GAP_WORDS
            previous_gap = True
            continue
        if position and (not previous_gap or not cjk):
            glued = not re.search(r"\w$", tokens[position - 1]) or not re.match(r"[\w*#]", token)
            glued = glued and token != "%code%"
            if cjk:
                body += r"\s*" if not previous_gap else ""
            else:
                body += f"(?:{_SEP})?" if glued and not previous_gap else _SEP
        previous_gap = False
        body += _token_pattern(token)
    first, last = tokens[0], tokens[-1]
    # A word-start boundary also for `*word` (the phrase is then a whole word ending in it).
    head = r"(?<!\w)" if re.match(r"[\w*]", first) else ""
    tail = "" if last.endswith("*") or not re.search(r"\w$", last) else r"(?!\w)"
    if cjk:
        # Japanese has no spaces: a phrase may sit anywhere inside a run of characters.
        head = r"(?<![a-z0-9])" if head and re.match(r"[a-z0-9]", first) else ""
        tail = r"(?![a-z0-9])" if tail and re.search(r"[a-z0-9]$", last) else ""
    literal = "" if first.startswith(("*", "#")) else re.split(r"[#*-]", first)[0]
    escaped = re.escape(literal)
    assert body.startswith(escaped)
    return head, literal, body[len(escaped) :] + tail


def phrase_pattern(phrase: str) -> str:
    """The regular expression (on normalized text) for one phrase of the phrase syntax."""
    head, literal, rest = _phrase_parts(phrase)
    return head + re.escape(literal) + rest


# Kept for callers of the first version.
_phrase_pattern = phrase_pattern


def _trie(items: list[tuple[str, str]], depth: int = 0) -> str:
    """One alternation for many phrases, branching on their literal first characters.

    Python's regex engine tries alternatives one by one; sharing the first characters lets a
    position that cannot start a phrase fail after one comparison instead of hundreds. Items
    keep their order (longest phrase first), so the longest phrase still wins.
    """
    if depth >= 6 or len(items) <= 3:
        return "|".join(re.escape(literal) + rest for literal, rest in items)
    groups: dict[str, list[tuple[str, str]]] = {}
    ended: list[str] = []
    for literal, rest in items:
        if literal:
            groups.setdefault(literal[0], []).append((literal[1:], rest))
        else:
            ended.append(rest)
    branches = [f"{re.escape(char)}(?:{_trie(group, depth + 1)})" for char, group in groups.items()]
    return "|".join([*branches, *ended])


def _trie_kept(items: list[tuple[str, str, int]], depth: int, keep: frozenset[int]) -> str | None:
    """`_trie(items)` with the items whose index is not in `keep` left out (None: none is
    left), every other choice as `_trie` makes it: the same alternatives in the same order."""
    if depth >= 6 or len(items) <= 3:
        kept = [re.escape(literal) + rest for literal, rest, index in items if index in keep]
        return "|".join(kept) if kept else None
    groups: dict[str, list[tuple[str, str, int]]] = {}
    ended: list[tuple[str, int]] = []
    for literal, rest, index in items:
        if literal:
            groups.setdefault(literal[0], []).append((literal[1:], rest, index))
        else:
            ended.append((rest, index))
    branches = []
    for char, group in groups.items():
        inner = _trie_kept(group, depth + 1, keep)
        if inner is not None:
            branches.append(f"{re.escape(char)}(?:{inner})")
    kept_ended = [rest for rest, index in ended if index in keep]
    if not branches and not kept_ended:
        return None
    return "|".join([*branches, *kept_ended])


@dataclass(frozen=True)
class _Narrowing:
    """A phrase list's pattern narrowed to the phrases a text can hold.

    A phrase whose word-start keys or literal pieces (`_compile_with_keys`) a text lacks
    cannot match anywhere in it, so the pattern without it finds the same matches. For lists
    with `...` gaps, whose alternatives backtrack over every word after a first word they
    share ("bestellung ... wurde ... versandt", "... zugestellt", ...), that is most of a
    scan. Patterns are kept per set of phrases (policy data), at most `_NARROWED` a list.
    """

    needs: tuple[tuple[frozenset[str], tuple[str, ...]], ...]  # per phrase, as ordered
    heads: tuple[tuple[str, tuple[tuple[str, str, int], ...]], ...]  # by_head, indexed
    patterns: dict[frozenset[int], re.Pattern[str]] = field(default_factory=dict)

    def pattern_for(self, normalized: str) -> re.Pattern[str] | None:
        """The narrowed pattern for this text; None when every phrase stays (the full one)."""
        starts = word_starts(normalized)
        keep = frozenset(
            index
            for index, (keys, literals) in enumerate(self.needs)
            if keys <= starts and all(piece in normalized for piece in literals)
        )
        if len(keep) == len(self.needs):
            return None
        found = self.patterns.get(keep)
        if found is None:
            alternatives = []
            for head, items in self.heads:
                inner = _trie_kept(list(items), 0, keep)
                if inner is not None:
                    alternatives.append(f"{head}(?:{inner})")
            found = re.compile("|".join(alternatives) or r"(?!x)x")
            if len(self.patterns) >= _NARROWED:
                self.patterns.clear()
            self.patterns[keep] = found
        return found


_NARROWED: Final = 64


@functools.lru_cache(maxsize=1024)
def _narrowing(phrases: frozenset[str]) -> _Narrowing | None:
    """The narrowing of a list that has `...` gaps and a prefilter (see _Narrowing)."""
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    if not any("..." in phrase for phrase in ordered):
        return None
    needs: list[tuple[frozenset[str], tuple[str, ...]]] = []
    by_head: dict[str, list[tuple[str, str, int]]] = {}
    for index, phrase in enumerate(ordered):
        head, literal, rest = _phrase_parts(phrase)
        by_head.setdefault(head, []).append((literal, rest, index))
        literals = tuple(
            chunk
            for token in _normalized_phrase(phrase).split(" ")
            if token and token != "..." and not _CLASS_TOKEN.fullmatch(token)
            for chunk in re.split(r"[#*-]", token)
            if chunk
        )
        if not literals:
            return None  # a phrase without literal pieces: no prefilter, no narrowing
        needs.append((_word_keys(phrase), literals))
    heads = tuple((head, tuple(items)) for head, items in by_head.items())
    return _Narrowing(tuple(needs), heads)


def _source(phrases: Iterable[str]) -> str | None:
    """The pattern's source for `phrases` (compiled when first needed: `_regex`)."""
    return _compile_with_keys(phrases)[0]


@functools.lru_cache(maxsize=4096)
def _regex(source: str | None) -> re.Pattern[str] | None:
    # Compiling is most of a policy's load time (~4 s for twelve languages). A server compiles
    # everything once at start (Policy.warm, in the zygote, so the workers share it); a
    # one-message `check` compiles only the patterns the message's text can match.
    return None if source is None else re.compile(source)


_WORD_HEAD: Final = re.compile(r"(?<!\w)\w{1,3}")  # a run of word characters' first 1-3
_CLASS_TOKEN: Final = re.compile(r"%\w+%")
_KEY_CHARS: Final = 3


def _compile_with_keys(
    phrases: Iterable[str],
) -> tuple[str | None, Prefilter | None]:
    """The pattern's source, and what a text must contain for the pattern to have a chance to match.

    Every literal piece of a phrase's words (what `_token_pattern` escapes: the words split
    at `#`, `*` and `-`) occurs in any text the phrase matches. And a word that the pattern
    puts right after a word boundary (the first word after `(?<!\\w)`, every later word after
    a mandatory separator) and that begins with literal word characters can only match where
    a run of word characters starts with them: its first (up to three) word characters are a
    word-start key (`_word_keys`). A text that holds, for no phrase, all of its keys and all
    of its pieces cannot match and is not scanned. None when some phrase has no literal piece
    at all.
    """
    return _compiled(frozenset(p for p in phrases if p.strip()))


# Every category's matcher of a language compiles the same negation, clause-break and
# exception lists: compiled once per policy (and kept across a reload that does not change
# them), warm-up takes a third of the time. Patterns and prefilters are immutable.
@functools.lru_cache(maxsize=4096)
def _compiled(phrases: frozenset[str]) -> tuple[str | None, Prefilter | None]:
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    if not ordered:
        return None, None
    by_head: dict[str, list[tuple[str, str]]] = {}
    needs: dict[str, set[tuple[frozenset[str], tuple[str, ...]]]] = {}
    pieces: set[tuple[str, ...]] = set()
    complete = True
    for phrase in ordered:
        head, literal, rest = _phrase_parts(phrase)
        by_head.setdefault(head, []).append((literal, rest))
        chunks = {
            chunk
            for token in _normalized_phrase(phrase).split(" ")
            # `...` and a %class% token (e.g. %code%) hold no literal text
            if token and token != "..." and not _CLASS_TOKEN.fullmatch(token)
            for chunk in re.split(r"[#*-]", token)
            if chunk
        }
        # the longest first: the likeliest to be missing
        literals = tuple(sorted(chunks, key=lambda c: (-len(c), c)))
        word_keys = _word_keys(phrase)
        if word_keys:
            # filed under its longest key: a text without that key cannot match the phrase
            needs.setdefault(max(sorted(word_keys), key=len), set()).add((word_keys, literals))
        elif literals:
            pieces.add(literals)
        else:
            complete = False
    pattern = "|".join(f"{head}(?:{_trie(items)})" for head, items in by_head.items())
    prefilter = (
        Prefilter(
            frozenset(needs),
            {key: tuple(sorted(found, key=repr)) for key, found in needs.items()},
            tuple(sorted(pieces)),
        )
        if complete
        else None
    )
    return pattern, prefilter


def _word_keys(phrase: str) -> frozenset[str]:
    """The word-start keys of a phrase (see `_compile_with_keys`), following `_phrase_parts`:
    empty for a Japanese or Chinese phrase and for one whose words all may start inside a run
    of word characters."""
    norm = _normalized_phrase(phrase)
    if _CJK.search(norm):
        return frozenset()
    tokens = [t for t in norm.split(" ") if t]
    while tokens and tokens[0] == "...":
        tokens.pop(0)
    while tokens and tokens[-1] == "...":
        tokens.pop()
    keys: set[str] = set()
    previous_gap = False
    for position, token in enumerate(tokens):
        if token == "...":
            previous_gap = True
            continue
        if position == 0:
            at_word_start = bool(re.match(r"[\w*]", token))  # the `(?<!\w)` head
        else:
            glued = not re.search(r"\w$", tokens[position - 1]) or not re.match(r"[\w*#]", token)
            at_word_start = previous_gap or not glued  # a separator is required before it
        previous_gap = False
        if not at_word_start or token.startswith(("*", "#")):
            continue
        lead = re.match(r"\w+", re.split(r"[#*-]", token)[0])
        if lead is not None:
            keys.add(lead.group(0)[:_KEY_CHARS])
    return frozenset(keys)


# Every prefilter has a bit; a word-start key (a first piece) maps to the bits of the
# prefilters that file it (that have it as a first piece). A text's `_TextMasks`, made once per
# text of the message being judged, tell every prefilter with one bit test whether any of its
# keys (first pieces) is in the text: a message meets ~240 prefilters per text, and most of
# them have none. Bits of prefilters no longer used stay set: they only cost a closer look.
_KEY_BITS: dict[str, int] = {}
_PIECE_BITS: dict[str, dict[str, int]] = {}  # a first piece's first character -> piece -> bits
_REGISTERED = [0]  # prefilters with a bit (published after their bits are in the tables)
_REGISTER_LOCK: Final = threading.Lock()


class _TextMasks(NamedTuple):
    registered: int  # prefilters registered when the masks were made: the others are not in them
    keys: int  # bits of the prefilters with a word-start key among the text's word starts
    pieces: int  # bits of the prefilters with a first piece in the text
    either: int  # keys | pieces: a prefilter without its bit here lets nothing through
    starts: frozenset[str]  # the text's word starts (word_starts)


def _text_masks(normalized: str) -> _TextMasks:
    registered = _REGISTERED[0]
    keys = 0
    starts = word_starts(normalized)
    for start in starts:
        bits = _KEY_BITS.get(start)
        if bits:
            keys |= bits
    pieces = 0
    # the text's distinct characters are fewer than the pieces' first characters (~35 of a
    # letter, ~175 in a policy): look each up rather than test every first character
    for char in set(normalized):
        found = _PIECE_BITS.get(char)
        if found:
            for piece, bits in found.items():
                if piece in normalized:
                    pieces |= bits
    return _TextMasks(registered, keys, pieces, keys | pieces, starts)


def _masks(normalized: str) -> _TextMasks:
    """The text's masks, made once for the message being judged (call while judging)."""
    return memoized(("prefilter-masks", normalized), lambda: _text_masks(normalized))


@dataclass(frozen=True, slots=True)
class Prefilter:
    """What a text needs for a pattern to match: for some phrase, every one of its word-start
    keys and literal pieces (`needs`, filed under one of the keys, `filed`), or, for a phrase
    without word-start keys, every one of its literal pieces (`pieces`)."""

    filed: frozenset[str]
    needs: Mapping[str, tuple[tuple[frozenset[str], tuple[str, ...]], ...]]
    pieces: tuple[tuple[str, ...], ...]
    # the first piece of any of `pieces`, as one pattern: most texts hold none (a German text
    # and a Japanese list), and one search in C says so
    first_pieces: re.Pattern[str] | None = field(init=False, default=None)
    index: int = field(init=False, default=-1, compare=False)  # its bit is 1 << index
    bit: int = field(init=False, default=0, compare=False)

    def __post_init__(self) -> None:
        firsts = sorted({literals[0] for literals in self.pieces}, key=lambda p: (-len(p), p))
        if self.pieces:
            pattern = re.compile("|".join(re.escape(piece) for piece in firsts))
            object.__setattr__(self, "first_pieces", pattern)
        with _REGISTER_LOCK:
            index = _REGISTERED[0]
            bit = 1 << index
            for key in self.filed:
                _KEY_BITS[key] = _KEY_BITS.get(key, 0) | bit
            for piece in firsts:
                found = _PIECE_BITS.setdefault(piece[0], {})
                found[piece] = found.get(piece, 0) | bit
            object.__setattr__(self, "index", index)
            object.__setattr__(self, "bit", bit)
            _REGISTERED[0] = index + 1

    def may_match(self, normalized: str) -> bool:
        if not judging():
            return self._may_match(normalized)
        masks = _masks(normalized)
        if self.index >= masks.registered:
            return self._may_match(normalized)  # made after the masks (compiled on first use)
        return self._passes(normalized, masks)

    def _passes(self, normalized: str, masks: _TextMasks) -> bool:
        """may_match, with the masks of the text (made after this prefilter was registered)."""
        if masks.keys & self.bit:
            starts = masks.starts
            for key in self.filed & starts:
                for keys, literals in self.needs[key]:
                    if keys <= starts and _all_in(literals, normalized):
                        return True
        if not masks.pieces & self.bit:
            return False  # no first piece in the text: `first_pieces` would find none
        return any(all(piece in normalized for piece in literals) for literals in self.pieces)

    def _may_match(self, normalized: str) -> bool:
        if self.filed:
            starts = word_starts(normalized)
            for key in self.filed & starts:
                for keys, literals in self.needs[key]:
                    if keys <= starts and all(piece in normalized for piece in literals):
                        return True
        if self.first_pieces is None or self.first_pieces.search(normalized) is None:
            return False
        return any(all(piece in normalized for piece in literals) for literals in self.pieces)


def _all_in(pieces: tuple[str, ...], normalized: str) -> bool:
    """Whether every piece is in the text: `all(...)` without a generator, which costs more
    than the usual one or two substring tests it would run."""
    for piece in pieces:  # noqa: SIM110 (the generator is what this avoids)
        if piece not in normalized:
            return False
    return True


def word_starts(normalized: str) -> frozenset[str]:
    """The first one, two and three characters of every run of word characters in the text
    (kept with the message being judged, like `normalize`)."""
    return memoized(("word-starts", normalized), lambda: _word_starts(normalized))


def _word_starts(normalized: str) -> frozenset[str]:
    # a run's first three characters, each distinct one once (most words of a letter repeat
    # their heads), then their first two and first one
    heads = set(_WORD_HEAD.findall(normalized))
    found = set(heads)
    found.update([head[:2] for head in heads])
    found.update([head[:1] for head in heads])
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """One phrase found in a text: the language list it came from and the matched words.

    `start`/`end` are offsets in the normalized text the matcher was given; `source_start`/
    `source_end` are offsets in the original text when the matcher was given a `Folded`
    (relay/model/fold.py), so `original[source_start:source_end]` is what to highlight.
    """

    language: str
    matched: str
    negated: bool
    start: int = -1
    end: int = -1
    source_start: int = -1
    source_end: int = -1


class _CompiledOnFirstRead:
    """A matcher's pattern, compiled from its `<name>_source` the first time it is read and
    kept in the instance (whose attribute then answers every later read directly)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.source = f"{name}_source"

    @overload
    def __get__(self, instance: None, owner: type) -> _CompiledOnFirstRead: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> re.Pattern[str] | None: ...

    def __get__(
        self, instance: object | None, owner: type | None = None
    ) -> re.Pattern[str] | _CompiledOnFirstRead | None:
        if instance is None:
            return self
        pattern = _regex(getattr(instance, self.source))
        instance.__dict__[self.name] = pattern
        return pattern


_LAZY_PATTERNS: Final = (
    "_pattern",
    "_negation",
    "_negation_after",
    "_exceptions",
    "_breaks",
    "_conditional",
    "_negation_final",
)


class PhraseMatcher:
    """All phrases of one category in one language, compiled once into one pattern.

    Longer phrases win over shorter ones at the same place, so a phrase that contains a
    negation word ("do not hesitate to contact us") is matched whole and is not negated.
    """

    def __init__(
        self,
        language: str,
        phrases: Iterable[str],
        negations: Iterable[str] = (),
        negations_after: Iterable[str] = (),
        clause_breaks: Iterable[str] = (),
        conditionals: Iterable[str] = (),
        negations_final: Iterable[str] = (),
    ) -> None:
        self.language = language
        phrases = frozenset(p for p in phrases if p.strip())
        self._pattern_source, self._keys = _compile_with_keys(phrases)
        self._narrowing = _narrowing(phrases) if self._keys is not None else None
        before = [n for n in negations if n.strip()]
        after = [n for n in negations_after if n.strip()]
        self._negation_source = _source(n for n in before if not n.startswith("!"))
        self._negation_after_source = _source(n for n in after if not n.startswith("!"))
        self._exceptions_source = _source(n[1:] for n in (*before, *after) if n.startswith("!"))
        self._breaks_source = _source(clause_breaks)
        self._conditional_source = _conditional_source(conditionals)
        self._negation_final_source = _source(n for n in negations_final if n.strip())

    # The patterns, compiled from their sources on first use (see `_regex`), then kept.
    _pattern = _CompiledOnFirstRead()
    _negation = _CompiledOnFirstRead()
    _negation_after = _CompiledOnFirstRead()
    _exceptions = _CompiledOnFirstRead()
    _breaks = _CompiledOnFirstRead()
    _conditional = _CompiledOnFirstRead()
    _negation_final = _CompiledOnFirstRead()

    def compile_now(self) -> None:
        """Compile every pattern now (a server's start), rather than at first use."""
        for name in _LAZY_PATTERNS:
            getattr(self, name)

    def __bool__(self) -> bool:
        return self._pattern_source is not None

    def finditer(self, text: str | Folded) -> Iterator[PhraseHit]:
        """The phrases in a normalized text, or in a `fold(original)` (offsets then also in
        the original)."""
        return self._finditer(text, None)

    def _finditer(self, text: str | Folded, masks: _TextMasks | None) -> Iterator[PhraseHit]:
        """finditer; with `masks`, the text's masks (find_each has them at hand)."""
        folded = text if isinstance(text, Folded) else None
        normalized = text.text if isinstance(text, Folded) else text
        if self._pattern_source is None:
            return
        keys = self._keys
        if keys is not None and not (
            keys._passes(normalized, masks)
            if masks is not None and keys.index < masks.registered
            else keys.may_match(normalized)
        ):
            return  # the text lacks every literal the phrases begin with: no match possible
        narrowed = self._narrowing.pattern_for(normalized) if self._narrowing else None
        pattern = narrowed or self._pattern
        assert pattern is not None
        for match in pattern.finditer(normalized):
            if not match.group(0).strip():
                continue
            source = folded.span(match.start(), match.end()) if folded else (-1, -1)
            yield PhraseHit(
                self.language,
                match.group(0),
                self._is_negated(normalized, match),
                match.start(),
                match.end(),
                *source,
            )

    def _clean(self, window: str, host: PhraseMatcher | None = None) -> str:
        for exceptions in (self._exceptions, host._exceptions if host is not None else None):
            if exceptions is not None:
                window = exceptions.sub(lambda m: " " * len(m.group(0)), window)
        return window

    def _is_negated(self, text: str, match: re.Match[str]) -> bool:
        if self._negation is not None or self._negation_after is not None:
            for gap in match.groups():
                if gap and any(
                    _negates(pattern, self._clean(f" {gap} "))
                    for pattern in (self._negation, self._negation_after)
                ):
                    return True
        return self.negates(text, match.start(), match.end())

    def negates(
        self, normalized: str, start: int, end: int, host: PhraseMatcher | None = None
    ) -> bool:
        """Whether this language's negations negate the words at [start, end) of the text.

        Lets a caller apply every language's negations to a hit found by another language's
        list (an English "not" before a word that is also on the Italian list). `host`, the
        language whose list found the words: its exceptions (`!no` in Portuguese, where "no"
        is "in the": "direto no nosso site") are not negations before its own phrases.
        """
        before = normalized[max(0, start - 60) : start]
        cut = max((m.end() for m in _SENTENCE_END.finditer(before)), default=0)
        for breaker in (self._breaks, self._conditional):
            if breaker is not None:
                cut = max([cut, *(m.end() for m in breaker.finditer(before))])
        before = self._clean(before[cut:], host)
        if _negates(self._negation, before):
            return True
        if self._negation_after is not None:
            # To the end of the clause: a verb-final negation ("Rabatte oder Gutscheine
            # können wir über Amazon leider nicht anbieten") stands far behind its object.
            after = normalized[end : end + _AFTER_REACH]
            stop = _AFTER_END.search(after)
            after = after[: stop.start()] if stop else after
            if self._breaks is not None:
                found = self._breaks.search(after)
                after = after[: found.start()] if found else after
            after = self._clean(after, host)
            if _negates(self._negation_after, after):
                return True
        return self._negation_final is not None and self._ends_negated(normalized, end)

    def _ends_negated(self, normalized: str, end: int) -> bool:
        """The sentence ends with a verb-final refusal ("..., dass Sie sich einen Gutschein
        wünschen, aber ... können wir Ihnen leider keinen anbieten."): it negates what the
        whole sentence said before it, across its commas and clause breaks."""
        assert self._negation_final is not None
        found = _SENTENCE_END.search(normalized, end, end + _FINAL_REACH)
        if found is None and len(normalized) > end + _FINAL_REACH:
            return False
        stop = found.start() if found else len(normalized)
        tail = normalized[end:stop].rstrip(_CLOSING)
        return any(m.end() == len(tail) for m in self._negation_final.finditer(tail))


def find_each(
    matchers: Sequence[PhraseMatcher], text: str | Folded
) -> list[tuple[PhraseMatcher, list[PhraseHit]]]:
    """Every matcher with its hits in the text (`finditer`), in order; no pairs at all when
    none of them has a hit (what a text holds for most categories: callers then have nothing
    to look at, not one empty pair per language). While a message is judged, a matcher whose
    prefilter has none of its keys and first pieces in the text is passed over with one bit
    test (see `_TextMasks`): no call, no generator."""
    if not judging():
        every = [(matcher, list(matcher.finditer(text))) for matcher in matchers]
        return every if any(hits for _matcher, hits in every) else []
    normalized = text.text if isinstance(text, Folded) else text
    masks = _masks(normalized)
    either, registered = masks.either, masks.registered
    found: dict[int, list[PhraseHit]] | None = None
    for index, matcher in enumerate(matchers):
        keys = matcher._keys
        if keys is not None and keys.index < registered and not either & keys.bit:
            continue
        hits = list(matcher._finditer(text, masks))
        if hits:
            if found is None:
                found = {}
            found[index] = hits
    if found is None:
        return []
    return [(matcher, found.get(index, [])) for index, matcher in enumerate(matchers)]


def _conditional_source(words: Iterable[str]) -> str | None:
    """Where a conditional clause ends: from its opening word to the next comma, or (Japanese
    and Chinese, where the condition is a suffix) right after the suffix and its comma."""
    return _conditional_source_of(tuple(words))


@functools.lru_cache(maxsize=256)
def _conditional_source_of(words: tuple[str, ...]) -> str | None:
    latin: list[str] = []
    suffixes: list[str] = []
    for word in words:
        folded = normalize(word).strip()
        if folded:
            (suffixes if _CJK.search(folded) else latin).append(re.escape(folded))
    branches = []
    if latin:
        branches.append(rf"(?<!\w)(?:{'|'.join(latin)})(?!\w)[^,]*,")
    if suffixes:
        branches.append(rf"(?:{'|'.join(suffixes)})[、,]?")
    return "|".join(branches) if branches else None


def _negates(pattern: re.Pattern[str] | None, window: str) -> bool:
    """A negation word in the window, not as the first part of a compound ("non-stick")."""
    if pattern is None:
        return False
    return any(window[m.end() : m.end() + 1] != "-" for m in pattern.finditer(window))


def sentence_bounds(normalized: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of the normalized text that holds [start, end)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(normalized, 0, start)), default=0)
    found = _SENTENCE_END.search(normalized, end)
    right = found.start() if found else len(normalized)
    return left, right


def excerpt(text: str, needle: str, width: int = 60) -> str:
    """The needle with a little context, for evidence; falls back to the needle itself.

    The needle may be normalized text (a PhraseHit's `matched`): it is then found in the
    normalized form of `text` and mapped back to the original characters.
    """
    if not needle:
        return ""
    index = text.lower().find(needle.lower())
    length = len(needle)
    if index < 0:
        normalized, source = normalize_map(text)
        found = normalized.find(normalize(needle))
        if found < 0 or not source:
            return needle[: width * 2]
        last = found + len(normalize(needle)) - 1
        index = source[found]
        length = source[min(last, len(source) - 1)] + 1 - index
    start = max(0, index - width // 2)
    end = min(len(text), index + length + width // 2)
    snippet = _SPACE.sub(" ", text[start:end]).strip()
    return ("…" if start else "") + snippet + ("…" if end < len(text) else "")
