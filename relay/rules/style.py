"""STY: styling: emoji, blank lines, centring and font overrides, hidden text, spelling.

The rules decide from the HTML reader's facts (relay.html.facts, once per message) and the
message model; each strip rule's fix, beside it, edits the body through the rewrite's editor
(relay.html.editor) where the reader decided. Quoted blocks (blockquote, gmail_quote, ...) are
the buyer's and are neither judged nor changed; the same goes for quoted lines of a plain-text
reply.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Final

import emoji
from pydantic import BaseModel, ConfigDict, Field, field_validator

from relay.html.facts import HtmlFacts, analyse
from relay.model import locate, quoting, wordlists
from relay.model.emojis import emoji_found, strip_emoji
from relay.model.message import Image
from relay.model.types import RuleContext
from relay.rules.base import options, rule
from relay.verdict import Finding, Severity, Span, Where

if TYPE_CHECKING:
    from relay.delivery.rewrite import BodyEditor


@options("style")
class StyleOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # STY001: characters the emoji library knows that are ordinary text symbols here.
    text_symbols: list[str] = ["©", "®", "™"]
    # STY001: an <img> whose src contains one of these (case-insensitive) is an emoji image.
    emoji_image_sources: list[str] = []
    # STY002: blank lines allowed in a row (1 = at most two line breaks in a row).
    max_blank_lines: int = Field(default=1, ge=0)
    # STY002: a body is centred when at least this share of its words is centred.
    centred_share: float = Field(default=0.6, gt=0, le=1)
    # STY002: distinct font sizes allowed.
    max_font_sizes: int = Field(default=3, ge=0)
    # STY003: languages with a bundled dictionary (pyspellchecker) that are checked (ja, sv,
    # pl, tr: none). Not es: pyspellchecker's Spanish list holds lemmas without inflections
    # ("gracia" but not "gracias", no conjugated verbs), so correct Spanish runs at 15-35 %
    # "unknown". Arabic: correct seller mail measured 4.5 % unknown (attached pronouns included).
    spelling_languages: list[str] = ["en", "de", "fr", "it", "nl", "pt", "ar"]
    # STY003: warn when at least this share of the checked words is unknown ...
    spelling_unknown_share: float = Field(default=0.3, gt=0, le=1)
    # ... and the text has at least this many checkable words.
    spelling_min_words: int = Field(default=20, ge=1)
    # STY003: words every dictionary should know (brands, carriers, marketplace terms).
    spelling_known_words: list[str] = []

    @cached_property
    def known_words(self) -> frozenset[str]:
        """`spelling_known_words` lower-cased, made once and kept with the policy."""
        return frozenset(w.lower() for w in self.spelling_known_words)

    @field_validator("spelling_languages")
    @classmethod
    def _have_word_lists(cls, languages: list[str]) -> list[str]:
        missing = [language for language in languages if not wordlists.available(language)]
        if missing:
            raise ValueError(f"no bundled word list for {', '.join(missing)}")
        return languages


def style_options(ctx: RuleContext) -> StyleOptions:
    opts: StyleOptions = ctx.policy.option("style", StyleOptions)
    return opts


# --------------------------------------------------------------------------------------------
# Emoji


def is_emoji_image(image: Image, opts: StyleOptions) -> bool:
    """An <img> standing for an emoji: from an emoji image CDN, or whose alt is only emoji."""
    src = image.src.lower()
    if any(source.lower() in src for source in opts.emoji_image_sources):
        return True
    alt = image.alt.strip()
    return bool(alt) and not alt.isascii() and emoji.purely_emoji(alt.replace(" ", ""))


def _html_facts(ctx: RuleContext, part: int = 0) -> HtmlFacts:
    """The HTML body's facts (or the `part`-th text/html part's), read once per message for
    every STY rule."""
    if part:
        for more in ctx.message.more_texts:
            if more.where is Where.HTML and more.part == part and more.html_facts is not None:
                return more.html_facts
        html = ctx.message.text_of(Where.HTML_SOURCE, part)
        return ctx.memo(("style-html-facts", part), lambda: analyse(html))
    if ctx.message.html_facts is not None:
        return ctx.message.html_facts  # read with the text, in the same pass (parse)
    return ctx.memo("style-html-facts", lambda: analyse(ctx.message.html or ""))


# --------------------------------------------------------------------------------------------
# Plain text


def blank_line_runs(text: str, max_blank: int) -> list[tuple[int, int]]:
    """(first line, length) of runs of more than `max_blank` blank own lines in a plain body."""
    lines = text.splitlines()
    quoted = quoting.quoted_line_flags(text)
    runs: list[tuple[int, int]] = []
    start = -1
    for index, line in enumerate([*lines, "x"]):
        blank = index < len(lines) and not quoted[index] and not line.strip()
        if blank and start < 0:
            start = index
        elif not blank and start >= 0:
            if index - start > max_blank and start > 0 and index < len(lines):
                runs.append((start, index - start))
            start = -1
    return runs


def own_lines_map(text: str, edit: Callable[[str], str]) -> str:
    """Apply `edit` to every own (not quoted) line of a plain body, keeping line endings."""
    lines = text.splitlines(keepends=True)
    quoted = quoting.quoted_line_flags(text)
    out: list[str] = []
    for index, line in enumerate(lines):
        if index < len(quoted) and quoted[index]:
            out.append(line)
            continue
        body = line.rstrip("\r\n")
        out.append(edit(body) + line[len(body) :])
    return "".join(out)


def collapse_blank_lines(text: str, max_blank: int) -> str:
    runs = blank_line_runs(text, max_blank)
    if not runs:
        return text
    lines = text.splitlines(keepends=True)
    drop: set[int] = set()
    for start, length in runs:
        drop.update(range(start + max_blank, start + length))
    return "".join(line for index, line in enumerate(lines) if index not in drop)


# --------------------------------------------------------------------------------------------
# Rules


def drop_emoji(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    opts = style_options(ctx)
    editor.subject = strip_emoji(editor.subject, opts)
    plain = editor.plain
    if plain is not None:
        editor.plain = own_lines_map(plain, lambda line: strip_emoji(line, opts))
    doc = editor.doc
    if doc is None:
        return
    for tag, image in editor.images():
        if is_emoji_image(image, opts):
            editor.remove_image(tag, image)
    if doc.remove_emoji_text(opts):
        editor.html_changed = True


@rule("STY001", "emoji", Severity.STRIP, "Communication Guidelines: emoji", fix=drop_emoji)
def no_emoji(ctx: RuleContext) -> Iterator[Finding]:
    """No emoji anywhere: Subject, text, HTML, or images standing for emoji (removed).

    Compliant: Subject: Ihre Bestellung 302-1234567-1234567
    Non-compliant: Subject: Danke für Ihre Bestellung! 😊
    """
    opts = style_options(ctx)
    message = ctx.message
    found = emoji_found(message.subject, opts)
    if found:
        subject = locate.DerivedText.whole(message.subject, Where.SUBJECT)
        spans = tuple(span for e in dict.fromkeys(found) for span in subject.spans_of(e))
        yield ctx.finding("STY001", "emoji in the Subject removed", " ".join(found), spans=spans)
    if message.plain_text is not None:
        found = emoji_found(message.own_text, opts)
        if found:
            spans = tuple(span for e in dict.fromkeys(found) for span in ctx.visible.spans_of(e))
            yield ctx.finding("STY001", "emoji in the text removed", " ".join(found), spans=spans)
    if message.html is not None:
        keep = set(opts.text_symbols)
        found = [e for e in _html_facts(ctx).emoji if e not in keep]
        if found:
            spans = tuple(
                span
                for e in dict.fromkeys(found)
                for span in (ctx.locate(e) or ctx.locate_markup(e))
            )
            yield ctx.finding("STY001", "emoji in the HTML removed", " ".join(found), spans=spans)
    for more in message.more_texts:
        if more.where is Where.TEXT:
            found = emoji_found(more.own_text, opts)
            view = locate.DerivedText.whole(more.text, Where.TEXT, more.part)
        else:
            keep = set(opts.text_symbols)
            found = [e for e in _html_facts(ctx, more.part).emoji if e not in keep]
            view = locate.DerivedText.whole(more.html, Where.HTML_SOURCE, more.part)
        if found:
            spans = tuple(span for e in dict.fromkeys(found) for span in view.spans_of(e))
            kind = "text" if more.where is Where.TEXT else "HTML"
            yield ctx.finding(
                "STY001",
                f"emoji in {kind} part {more.part + 1} removed",
                " ".join(found),
                spans=spans,
            )
    for image in message.own_images:
        if is_emoji_image(image, opts):
            yield ctx.finding(
                "STY001", "emoji image removed", image.evidence, spans=ctx.locate_image(image)
            )


def normalize_layout(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    opts = style_options(ctx)
    plain = editor.plain
    if plain is not None:
        editor.plain = collapse_blank_lines(plain, opts.max_blank_lines)
    doc = editor.doc
    if doc is None:
        return
    # What to change was decided by the reader (the rule's facts); the editor only edits.
    facts = _html_facts(ctx, editor.html_index)
    changed = doc.collapse_blank_runs(opts.max_blank_lines)
    if facts.centred_share >= opts.centred_share:
        changed |= doc.remove_centring()
    if facts.overrides:
        changed |= doc.remove_font_overrides()
    if len(facts.sizes) > opts.max_font_sizes:
        changed |= doc.remove_font_sizes()
    if changed:
        editor.html_changed = True


@rule(
    "STY002", "layout", Severity.STRIP, "Communication Guidelines: formatting", fix=normalize_layout
)
def plain_layout(ctx: RuleContext) -> Iterator[Finding]:
    """No blank-line runs, centred bodies, font or colour overrides, or many font sizes.

    More than two line breaks in a row are collapsed; a centred body, font family, colour and
    line-height overrides, and more than three font sizes are normalized away.
    A single centred heading or logo is fine; a body whose text is mostly centred is not.
    A table centred with `align="center"` centres the table, not the text, and is fine.

    Compliant: two paragraphs separated by one blank line, in the reader's default font
    Non-compliant: <body style="text-align:center; font-family:Comic Sans MS">, or three blank lines
    """
    opts = style_options(ctx)
    message = ctx.message
    if message.plain_text is not None:
        yield from _plain_layout(ctx, opts, message.plain_text, 0)
    if message.html is not None:
        yield from _html_layout(ctx, opts, 0)
    for more in message.more_texts:
        if more.where is Where.TEXT:
            yield from _plain_layout(ctx, opts, more.text, more.part)
        elif more.html:
            yield from _html_layout(ctx, opts, more.part)


def _plain_layout(
    ctx: RuleContext, opts: StyleOptions, text: str, part: int
) -> Iterator[Finding]:
    """STY002 in a text/plain part (the `part`-th)."""
    runs = blank_line_runs(text, opts.max_blank_lines)
    if runs:
        lines = text.splitlines()
        start, length = runs[0]
        near = next((ln.strip() for ln in reversed(lines[:start]) if ln.strip()), "")
        yield ctx.finding(
            "STY002",
            "more than two line breaks in a row collapsed (text)",
            f'{length} blank lines after "{near[:60]}"',
            spans=_line_run(text, start, length, part),
        )


def _html_layout(ctx: RuleContext, opts: StyleOptions, part: int) -> Iterator[Finding]:
    """STY002 in a text/html part (the `part`-th), from the reader's facts."""
    facts = _html_facts(ctx, part)
    html_runs = [(kind, n) for kind, n in facts.blank_runs if n > opts.max_blank_lines]
    if html_runs:
        kind, blank = html_runs[0]
        yield ctx.finding(
            "STY002",
            "more than two line breaks in a row collapsed (HTML)",
            f"{blank} blank lines in a row ({kind})",
            spans=_markup(ctx, [kind.removeprefix("empty ").rstrip(">")], part),
        )
    if facts.centred_share >= opts.centred_share:
        yield ctx.finding(
            "STY002",
            "centred body normalized",
            f"{facts.centred_share:.0%} of the text centred by {facts.centred_by}",
            spans=_markup(ctx, [facts.centred_by, "center"], part),
        )
    if facts.overrides:
        yield ctx.finding(
            "STY002",
            "font, colour or line-height overrides removed",
            "; ".join(facts.overrides[:6]),
            spans=_markup(ctx, facts.overrides[:6], part),
        )
    if len(facts.sizes) > opts.max_font_sizes:
        yield ctx.finding(
            "STY002",
            f"{len(facts.sizes)} font sizes (at most {opts.max_font_sizes}) normalized",
            ", ".join(facts.sizes[:10]),
            spans=_markup(ctx, facts.sizes[:10], part),
        )


def _line_run(text: str, start: int, length: int, part: int = 0) -> tuple[Span, ...]:
    """The blank lines `start` to `start + length` of a text/plain part."""
    lines = text.splitlines(keepends=True)
    first = sum(len(line) for line in lines[:start])
    last = first + sum(len(line) for line in lines[start : start + length])
    return (Span(Where.TEXT, first, last, text[first:last], part),)


def _markup(ctx: RuleContext, described: Sequence[str], part: int = 0) -> tuple[Span, ...]:
    """Where the described styling is in the HTML: each description's first place, else its
    value (`font-family: Comic Sans` as written `font-family:'Comic Sans'`)."""
    found: list[Span] = []
    for item in described:
        value = re.split(r"[:=]", item.strip("<>"), maxsplit=1)[-1].strip(" '\"")
        spans = ctx.locate_markup(item, part) or (
            ctx.locate_markup(value, part) if value else ()
        )
        found.extend(spans)
    return tuple(dict.fromkeys(found))


def drop_hidden(editor: BodyEditor, findings: list[Finding], ctx: RuleContext) -> None:
    doc = editor.doc
    if doc is not None and doc.remove_hidden():
        editor.html_changed = True


@rule(
    "STY004",
    "hidden-text",
    Severity.STRIP,
    "Communication Guidelines: formatting (docs/policy.md, Reading the text)",
    fix=drop_hidden,
)
def hidden_text(ctx: RuleContext) -> Iterator[Finding]:
    """Text the buyer cannot see is removed: elements hidden by CSS or the `hidden` attribute.

    Hidden text is judged like visible text by every other rule (a coupon in a `display:none`
    block is refused); what is left, breaking no rule, is removed, because nobody should receive
    what they cannot see. Hidden: `display:none`, `visibility:hidden`, zero font size or
    opacity, off-screen positioning, text coloured like its background, `hidden`.

    Compliant: <p>Ihre Bestellung 302-1234567-1234567 ist unterwegs.</p>
    Non-compliant: <span style="display:none">Vorschautext für die Posteingangsliste</span>
    """
    texts = [(0, ctx.message.hidden_text)]
    texts.extend((more.part, more.hidden_text) for more in ctx.message.more_texts)
    lines: list[str] = []
    spans: tuple[Span, ...] = ()
    for part, hidden in texts:
        found = [line for line in hidden.splitlines() if line.strip()]
        lines.extend(found)
        spans += tuple(span for line in found[:5] for span in ctx.locate_markup(line, part))
    if not lines:
        return
    first = lines[0]
    evidence = first if len(first) <= 80 else first[:79] + "…"
    yield ctx.finding(
        "STY004",
        f"{len(lines)} line{'s' if len(lines) != 1 else ''} of hidden text removed",
        evidence,
        spans=spans,
    )


# --------------------------------------------------------------------------------------------
# Spelling

_WORD: Final = re.compile(r"[^\W\d_]+", re.UNICODE)


def dictionary(language: str) -> Container[str]:
    """The word list bundled with pyspellchecker for `language` (lower-cased words).

    Loaded at start-up with the policy (relay.pipeline.warm), memory-mapped from a trie built
    once per machine (relay.model.wordlists), so a rule never waits for it.
    """
    return wordlists.load(language)


@dataclass(frozen=True, slots=True)
class Spelling:
    language: str
    checked: int
    unknown: tuple[str, ...]

    @property
    def share(self) -> float:
        return len(self.unknown) / self.checked if self.checked else 0.0


def spelling(text: str, language: str, known: frozenset[str] = frozenset()) -> Spelling:
    """Count the words of `text` the `language` dictionary does not know.

    Numbers, words of one or two letters, ALL-CAPS words (codes, acronyms) and words that
    contain digits are not checked.
    """
    words = dictionary(language)
    checked = 0
    unknown: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group(0)
        if len(word) <= 2 or (word.isupper() and len(word) > 1):
            continue
        lower = word.lower()
        checked += 1
        if lower not in words and lower not in known:
            unknown.append(word)
    return Spelling(language=language, checked=checked, unknown=tuple(unknown))


_URLISH: Final = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|\S+\.\S+/\S*")


@rule("STY003", "spelling", Severity.WARN, "Communication Guidelines: professional tone")
def spelling_errors(ctx: RuleContext) -> Iterator[Finding]:
    """Spelling: a high share of words unknown to the buyer's language dictionary is reported.

    Only the languages of `[options.style] spelling_languages` are checked (each needs a
    bundled word list; not Japanese). Text detected as another language is LNG001's, not a spelling
    problem.

    Compliant: "Ihre Bestellung wurde heute an DHL übergeben."
    Non-compliant: "Ihre Bestelung wurd heutte an DHL übergeebn."
    """
    opts = style_options(ctx)
    language = ctx.facts.buyer_language
    if language is None or language not in opts.spelling_languages:
        return
    detected = ctx.facts.language
    if detected.code and detected.code != language:
        return  # text in another language: LNG001 reports it, it is not a spelling problem
    text = _URLISH.sub(" ", ctx.message.visible_text)
    result = spelling(text, language, opts.known_words)
    if result.checked < opts.spelling_min_words:
        return
    if result.share >= opts.spelling_unknown_share:
        sample = ", ".join(dict.fromkeys(result.unknown))
        yield ctx.finding(
            "STY003",
            f"{result.share:.0%} of {result.checked} words unknown to the {language} dictionary",
            sample[:300],
            spans=tuple(
                span
                for word in list(dict.fromkeys(result.unknown))[:10]
                for span in ctx.visible.spans_of(word)
            ),
        )
