"""CTC: contact details. No email addresses and no phone numbers in what the seller writes.

The rules read `visible_text` (Subject plus the seller's own text; quoted buyer text is not the
seller's) and the links that are not quoted. `scan_text` runs the same checks over any text,
for instance the text of a PDF attachment (ATT005).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Final
from urllib.parse import unquote, urlsplit

import phonenumbers
from pydantic import BaseModel, ConfigDict, Field

from relay.model import aliases
from relay.model.fold import fold_for_reading
from relay.model.locate import DerivedText
from relay.model.message import ORDER_ID
from relay.model.types import RuleContext
from relay.rules.base import options, rule
from relay.verdict import Finding, Severity, Span


@options("contact")
class ContactOptions(BaseModel):
    """`[options.contact]`: the words of obfuscated addresses and the phone-number cues."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # `name [at] shop dot com`: the words that stand for "@" and "." when spelled out.
    at_words: list[str] = [
        "at", "ät", "arroba", "chiocciola", "アットマーク", "アット", "あっとまーく", "あっと",
        "arobase", "arrobase", "apenstaartje", "snabel-a", "małpa", "malpa", "et işareti",
    ]  # fmt: skip
    dot_words: list[str] = [
        "dot", "punkt", "point", "punto", "ドット", "punt", "kropka", "nokta", "ponto",
    ]  # fmt: skip
    # language -> phrases: a phone number beside one of these (warranty, carrier, manufacturer)
    # gets the "context" variant (warn). A leading `*` lets the phrase end a compound word
    # ("*garantie" matches "Herstellergarantie"); phrases match word prefixes, except that
    # ASCII phrases under four letters match whole words only ("ups" is not "upset").
    context_words: dict[str, list[str]] = {}
    # language -> words that announce a phone number ("Tel.", "call", "電話").
    phone_cues: dict[str, list[str]] = {}
    # language -> words that announce some other number (tracking, invoice, customer number).
    not_phone_cues: dict[str, list[str]] = {}
    # How far (characters) around a number the context words are looked for, within the
    # paragraph; and how far before it the cues are looked for, within the line.
    context_before: int = Field(default=120, ge=0)
    context_after: int = Field(default=60, ge=0)
    cue_before: int = Field(default=40, ge=0)
    # Regions whose national formats are read besides the buyer's marketplace (e.g. ["DE"]
    # for a German seller who writes to every EU marketplace).
    extra_regions: list[str] = []
    # Used when the marketplace is unknown.
    default_region: str = "DE"
    # Links that open a chat with a phone number (`https://wa.me/4915123456789`).
    phone_link_hosts: list[str] = ["wa.me", "api.whatsapp.com"]
    phone_link_schemes: list[str] = ["whatsapp", "viber", "signal"]
    # language -> number words and their values, for a phone number written out in words
    # ("zéro quatre septante - douze - trente-quatre - cinquante-six"): the parts of a
    # hyphenated word add up ("trente-quatre" 34), a unit before 20 multiplies it
    # ("quatre-vingt-dix" 90); `number_joiners` join two words into one number ("trente et un").
    number_words: dict[str, dict[str, int]] = {}
    number_joiners: list[str] = []

    @cached_property
    def patterns(self) -> _Patterns:
        """The patterns these options make: built once, kept with the policy that holds them."""
        return _build_patterns(self)


# Plain addresses; the local part may not start with a dot and the last label is letters.
# Character classes of addresses: ASCII and Latin letters only, so that an address written
# straight into Japanese text (`画像はinfo@shop.jp宛て`) ends where the Latin letters end.
_LOCAL_CH: Final = r"A-Za-z0-9\u00c0-\u024f._%+\-"
_LABEL_CH: Final = r"A-Za-z0-9\u00c0-\u024f\-"
_EMAIL: Final = re.compile(
    rf"(?<![{_LOCAL_CH}])[{_LOCAL_CH}]+@(?:[{_LABEL_CH}]+\.)+[A-Za-z]{{2,}}(?![{_LABEL_CH}_])"
)
_URLISH: Final = re.compile(r"""(?i)\b(?:https?://|ftp://|www\.)[^\s<>"'()\[\]{}]+""")
# Dates and times look like phone numbers to phonenumbers (08.11.2026 is a valid German
# number); they are masked before matching.
_DAY: Final = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH: Final = r"(?:1[0-2]|0?[1-9])"
_DATE: Final = re.compile(
    rf"(?<![\d.,/-])(?:{_DAY}([./-]){_MONTH}\1(?:\d{{4}}|\d{{2}})"
    rf"|{_MONTH}([./-]){_DAY}\2(?:\d{{4}}|\d{{2}})"
    rf"|\d{{4}}([./-]){_MONTH}\3{_DAY}"
    rf"|{_DAY}\.{_MONTH}\."
    rf"|(?:2[0-3]|[01]?\d)[:h][0-5]\d(?::[0-5]\d)?)(?!\d|[.,/-]\d)"
)
_DIGIT: Final = re.compile(r"\d")
_PARAGRAPH: Final = re.compile(r"\n[ \t]*\n")
_SEPARATORS: Final = re.compile(r"[\s\-./()]")
# Middle dots, bullets and the like between two digits (phone-number separators).
_DOT_SEPARATOR: Final = re.compile(
    r"(?<=\d)[\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65\u0387](?=\d)"
)
_CONTACT_SCHEMES: Final = {"tel": "tel", "callto": "tel", "sms": "tel", "mailto": "mailto"}

REGION_BY_SUFFIX: Final = {"com": "US", "co.uk": "GB", "uk": "GB"}


def _options(ctx: RuleContext) -> ContactOptions:
    opts: ContactOptions = ctx.policy.option("contact", ContactOptions)
    return opts


@dataclass(frozen=True)
class _Patterns:
    obfuscated: re.Pattern[str]
    context: re.Pattern[str] | None
    phone_cue: re.Pattern[str] | None
    not_phone_cue: re.Pattern[str] | None
    # A run of at least four number words (and joiners) in a line, and each word's value.
    spelled: re.Pattern[str] | None = None
    number_values: Mapping[str, int] | None = None
    joiners: frozenset[str] = frozenset()
    # The number words as `_caseless` gives them (None: no such shortcut, scan every text).
    number_words: frozenset[str] | None = None


def _phrase(word: str) -> str:
    word = word.strip()
    inside = word.startswith("*")
    word = word.lstrip("*").casefold()
    body = r"\s+".join(re.escape(part) for part in word.split())
    if word.isascii() and len(word) < 4 and word[-1:].isalnum():
        body += r"(?![^\W\d_])"  # "ups" is not "upset"
    if inside or not word or not word[0].isascii():
        return body
    return rf"(?<![^\W\d_]){body}"


def _alternation(lists: Mapping[str, Iterable[str]]) -> re.Pattern[str] | None:
    words = sorted({w for words in lists.values() for w in words if w.strip()}, key=len)
    if not words:
        return None
    return re.compile("|".join(_phrase(w) for w in reversed(words)), re.IGNORECASE)


def _build_patterns(opts: ContactOptions) -> _Patterns:
    at_words = "|".join(re.escape(w) for w in sorted(opts.at_words, key=len, reverse=True))
    dot_words = "|".join(re.escape(w) for w in sorted(opts.dot_words, key=len, reverse=True))
    # "@" or an at-word: bracketed (`[at]`, `(at)`), or a bare word between spaces.
    at = (
        rf"(?P<at>\s*[\[({{<]\s*(?:{at_words}|@)\s*[\])}}>]\s*"
        rf"|\s+@\s*|\s*@\s+|\s+(?P<atword>{at_words})\s+)"
    )
    dot = (
        rf"(?:\s*[\[({{<]\s*(?:{dot_words}|\.)\s*[\])}}>]\s*"
        rf"|\s+(?:{dot_words})\s+|\s*\.\s*)"
    )
    obfuscated = re.compile(
        rf"(?<![{_LOCAL_CH}])(?P<local>[{_LOCAL_CH}]+){at}"
        rf"(?P<domain>[{_LABEL_CH}]+(?:{dot}[{_LABEL_CH}]+)*?{dot}(?P<tld>[A-Za-z]{{2,}}))"
        rf"(?![{_LABEL_CH}_])",
        re.IGNORECASE,
    )
    values = {
        word.casefold(): value
        for words in opts.number_words.values()
        for word, value in words.items()
        if word.strip()
    }
    joiners = frozenset(j.casefold() for j in opts.number_joiners if j.strip())
    spelled = None
    if values:
        words = "|".join(re.escape(w) for w in sorted(values, key=len, reverse=True))
        word = rf"(?:{words})(?:-(?:{words}))*"
        joined = "|".join(re.escape(j) for j in sorted(joiners, key=len, reverse=True))
        # Between two words: spaces and dashes, on one line or wrapped onto the next.
        space = r"(?=[\s,\-–./])[ \t,\-–./]*(?:\n[ \t,\-–./]*)?"
        gap = rf"{space}(?:(?:{joined})[ \t]+)?" if joined else space
        spelled = re.compile(
            rf"(?<![^\W\d_]){word}(?:{gap}{word}){{3,}}(?![^\W\d_])", re.IGNORECASE
        )
    patterns = _Patterns(
        obfuscated=obfuscated,
        context=_alternation(opts.context_words),
        phone_cue=_alternation(opts.phone_cues),
        not_phone_cue=_alternation(opts.not_phone_cues),
        spelled=spelled,
        number_values=values,
        joiners=joiners,
        number_words=(
            frozenset(_caseless(word) for word in values) if _SRE_CASES is not None else None
        ),
    )
    return patterns


# Python's regex engine under IGNORECASE matches a character to a pattern character when
# their simple lower cases are equal or one of a few pairs (`ı` and `i`, `ſ` and `s`, `µ` and
# `μ` ...): re._casefix. `_caseless` maps every character to the least of its class, so two
# words the engine matches to each other have the same `_caseless` form. Private to `re`: where
# it is missing, the spelled-number pattern simply scans every text.
_SRE_CASES: dict[int, int] | None = None
try:
    _tolower: Callable[[int], int] = importlib.import_module("_sre").unicode_tolower
    _SRE_CASES = {
        code: min(code, *others)
        for code, others in importlib.import_module("re._casefix")._EXTRA_CASES.items()
    }
except (ImportError, AttributeError):  # pragma: no cover - another Python's internals
    _SRE_CASES = None
_LETTERS: Final = re.compile(r"[^\W\d_]+")


def _caseless(word: str) -> str:
    if word.isascii():
        return word.lower()  # ASCII letters are the least of their classes
    assert _SRE_CASES is not None
    lowered = (_tolower(ord(ch)) for ch in word)
    return "".join(chr(_SRE_CASES.get(code, code)) for code in lowered)


def _may_spell_a_number(text: str, words: frozenset[str]) -> bool:
    """Whether `text` has the four number words a spelled-out phone number needs. Each word of
    a match is a whole run of letters (the pattern's boundaries, gaps and hyphens are all
    non-letters), so a text with fewer than four such runs cannot match: one pass over its
    words instead of the pattern's ~100 case-insensitive alternatives at every character."""
    found = 0
    for run in _LETTERS.findall(text):
        if _caseless(run) in words:
            found += 1
            if found >= 4:
                return True
    return False


def _fold(text: str) -> str:
    """What a reader sees (relay/model/fold.py):
    full-width `＠` and `０３－１２３４` read as `@` and
    `03-1234`, `info\u200b@shop.de`, `info&#64;shop.de` and a Cyrillic `іnfo` as plain."""
    return fold_for_reading(text)


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: "x" * len(m.group(0)), text)


# ---------------------------------------------------------------- email addresses (CTC001)


def _is_exempt_address(address: str) -> bool:
    """The buyer's own Amazon alias is not a contact detail of the seller."""
    return aliases.is_buyer_alias(address)


def find_addresses(text: str, opts: ContactOptions) -> Iterator[str]:
    """Email addresses in `text`, plain or obfuscated, as written."""
    from relay.rules.links import public_suffix_tlds  # registered after CTC, shares the PSL

    text = _fold(text)
    for match in _EMAIL.finditer(text):
        address = match.group(0).rstrip(".")
        if not _is_exempt_address(address):
            yield address
    masked = _mask(text, _EMAIL)
    tlds = public_suffix_tlds()
    for match in opts.patterns.obfuscated.finditer(masked):
        tld = match.group("tld")
        if tld.casefold() not in tlds or not (tld.islower() or tld.isupper()):
            continue
        written = match.group(0)
        spelled_dot = re.search(r"[\[({<]|\s[^\W\d_]{2,}\s", match.group("domain"))
        if match.group("atword") and not spelled_dot:
            continue  # "meet us at shop.example" is prose, not an address
        if "@" in written and not re.search(r"\s", written) and not spelled_dot:
            continue  # a plain address, already reported
        yield re.sub(r"\s+", " ", written.strip())


def _address_key(address: str) -> str:
    return re.sub(r"\s+", "", address).casefold()


def _email_findings(ctx: RuleContext, view: DerivedText, where: str) -> Iterator[Finding]:
    for address in dict.fromkeys(find_addresses(view.text, _options(ctx))):
        yield ctx.finding(
            "CTC001", f"email address in {where}", address, spans=view.spans_of(address)
        )


@rule("CTC001", "email-address", Severity.REJECT, "Communication Guidelines: contact details")
def email_addresses(ctx: RuleContext) -> Iterator[Finding]:
    """No email addresses in the Subject or body, obfuscated forms and mailto: links included.

    The buyer's own Amazon alias and addresses in quoted buyer text do not count.

    Compliant: Antworten Sie einfach auf diese Nachricht über Amazon.
    Non-compliant: Schreiben Sie an service [at] shop dot de
    """
    seen: set[str] = set()
    for finding in _email_findings(ctx, ctx.readable, "the text"):
        seen.add(_address_key(finding.evidence))
        yield finding
    for link in ctx.message.links:
        if link.quoted or _scheme(link.url) != "mailto":
            continue
        address = unquote(link.url.split(":", 1)[1].split("?", 1)[0]).strip()
        if not address or _is_exempt_address(address) or _address_key(address) in seen:
            continue
        seen.add(_address_key(address))
        yield ctx.finding("CTC001", "mailto: link", address, spans=ctx.locate_link(link))


# ---------------------------------------------------------------- phone numbers (CTC002)


def region_for(marketplace: str | None) -> str | None:
    """`amazon.de` -> DE, `amazon.co.uk` -> GB, `amazon.com` -> US, `amazon.co.jp` -> JP."""
    if not marketplace:
        return None
    suffix = marketplace.lower().removeprefix("www.").removeprefix("amazon.")
    if suffix in REGION_BY_SUFFIX:
        return REGION_BY_SUFFIX[suffix]
    return suffix.rsplit(".", 1)[-1].upper()


def _regions(ctx: RuleContext, opts: ContactOptions) -> list[str]:
    order = ctx.orders.order
    region = region_for(order.marketplace if order else None) or region_for(ctx.facts.marketplace)
    wanted = [region or opts.default_region.upper(), *(r.upper() for r in opts.extra_regions)]
    return list(dict.fromkeys(r for r in wanted if r in phonenumbers.SUPPORTED_REGIONS))


@dataclass(frozen=True, slots=True)
class PhoneHit:
    """A phone number found in text: as written, in E.164, and whether context excuses it."""

    written: str
    e164: str
    in_context: bool


def _last_cue(pattern: re.Pattern[str] | None, before: str) -> int:
    if pattern is None:
        return -1
    return max((m.end() for m in pattern.finditer(before)), default=-1)


def _window(text: str, start: int, end: int, opts: ContactOptions) -> str:
    before = text[max(0, start - opts.context_before) : start]
    paragraphs = _PARAGRAPH.split(before)
    after = text[end : end + opts.context_after]
    after = _PARAGRAPH.split(after)[0]
    return f"{paragraphs[-1]} {text[start:end]} {after}"


def in_context(text: str, start: int, end: int, opts: ContactOptions) -> bool:
    pattern = opts.patterns.context
    return pattern is not None and pattern.search(_window(text, start, end, opts)) is not None


def find_phones(text: str, regions: list[str], opts: ContactOptions) -> Iterator[PhoneHit]:
    """Phone numbers in `text`, national formats read for `regions`.

    Order ids, URLs, email addresses, dates and times are masked first. A candidate must be a
    valid number for its region (phonenumbers' VALID leniency: not prices, postcodes). A bare run of
    digits (no `+`, no separators) counts only after a phone cue ("Tel.", "call", "電話"), since
    tracking and customer numbers look the same; a number right after a tracking, invoice or
    customer-number cue is never a phone number.
    """
    text = _fold(text)
    masked = text
    for pattern in (ORDER_ID, _URLISH, _EMAIL):
        masked = _mask(masked, pattern)
    # Every date, time, vanity number and dotted number has a digit: without one (an order id
    # was all a reply had, masked above) these three scans would find nothing.
    if _DIGIT.search(masked) is not None:
        masked = _mask(masked, _DATE)
        masked = _VANITY.sub(_keypad_digits, masked)
        # Dots written mid-line between digits (`0532·614·27·90`, `030•1234•567`) separate
        # like a hyphen; one character for one keeps every offset.
        masked = _DOT_SEPARATOR.sub("-", masked)
    patterns = opts.patterns
    seen: set[str] = set()
    for region in regions or [opts.default_region]:
        matcher = phonenumbers.PhoneNumberMatcher(
            masked, region, leniency=phonenumbers.Leniency.VALID
        )
        for match in matcher:
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            if e164 in seen:
                continue
            line_start = masked.rfind("\n", 0, match.start) + 1
            before = masked[max(line_start, match.start - opts.cue_before) : match.start]
            phone_cue = _last_cue(patterns.phone_cue, before)
            other_cue = _last_cue(patterns.not_phone_cue, before)
            if other_cue > phone_cue:
                continue
            raw = match.raw_string
            formatted = raw.startswith("+") or _SEPARATORS.search(raw.strip()) is not None
            if not formatted and phone_cue < 0:
                continue
            seen.add(e164)
            written = text[match.start : match.end]  # as the buyer reads it, letters and all
            yield PhoneHit(written, e164, in_context(masked, match.start, match.end, opts))
    # Written in international format (+ and a country code), a number the buyer can dial is
    # a phone number even in a range phonenumbers does not call valid (the fictional
    # +1 555 01xx numbers, docs/policy.md): a possible number is enough there.
    for found in _INTERNATIONAL.finditer(masked):
        international = _possible_e164(found.group(0))
        if international is None or international in seen:
            continue
        line_start = masked.rfind("\n", 0, found.start()) + 1
        before = masked[max(line_start, found.start() - opts.cue_before) : found.start()]
        if _last_cue(patterns.not_phone_cue, before) > _last_cue(patterns.phone_cue, before):
            continue
        seen.add(international)
        start, end = found.span()
        yield PhoneHit(text[start:end], international, in_context(masked, start, end, opts))
    yield from _spelled_phones(text, masked, regions or [opts.default_region], opts, seen)


# `+`, a country code and the rest of a number, with the separators people write.
_INTERNATIONAL: Final = re.compile(r"(?<![\w+])\+\d(?:[ \t().\-/]{0,2}\d){6,16}(?!\d)")


def _possible_e164(written: str) -> str | None:
    try:
        number = phonenumbers.parse(written, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _spelled_digits(written: str, patterns: _Patterns) -> str:
    """The digits a run of number words stands for: each word (its hyphenated parts added,
    a unit before 20 multiplying it) one number, a joiner adding the next word to it."""
    values = patterns.number_values or {}
    numbers: list[int] = []
    join = False
    for token in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", written.casefold()):
        if token in patterns.joiners:
            join = bool(numbers)
            continue
        total = 0
        for part in token.split("-"):
            value = values.get(part, 0)
            total = total * value if value == 20 and 1 < total < 10 else total + value
        if join:
            numbers[-1] += total
        else:
            numbers.append(total)
        join = False
    return "".join(str(n) for n in numbers)


def _spelled_phones(
    text: str, masked: str, regions: list[str], opts: ContactOptions, seen: set[str]
) -> Iterator[PhoneHit]:
    """Phone numbers written out in words, after a phone cue ("appelez le GSM zéro quatre
    septante - douze - ..."): the digits the words stand for make a valid number."""
    patterns = opts.patterns
    if patterns.spelled is None:
        return
    if patterns.number_words is not None and not _may_spell_a_number(text, patterns.number_words):
        return
    for match in patterns.spelled.finditer(text):
        digits = _spelled_digits(match.group(0), patterns)
        if not 7 <= len(digits) <= 15:
            continue
        line_start = masked.rfind("\n", 0, match.start()) + 1
        before = masked[max(line_start, match.start() - opts.cue_before) : match.start()]
        phone_cue = _last_cue(patterns.phone_cue, before)
        if phone_cue < 0 or _last_cue(patterns.not_phone_cue, before) > phone_cue:
            continue
        for region in regions:
            try:
                number = phonenumbers.parse(digits, region)
            except phonenumbers.NumberParseException:
                continue
            if not phonenumbers.is_valid_number(number):
                continue
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if e164 not in seen:
                seen.add(e164)
                start, end = match.span()
                yield PhoneHit(text[start:end], e164, in_context(masked, start, end, opts))
            break


# A vanity number ("1-800-LUMEN-4U", "55-CASA-AZUL"): digit groups and capital-letter groups
# joined by hyphens, with at least one group of digits and one of three or more letters.
_VANITY = re.compile(
    r"(?<![\w-])(?=[\dA-Z-]*\d)(?=[\dA-Z-]*[A-Z]{3})[\dA-Z]+(?:-[\dA-Z]+)+(?![\w-])"
)


def _keypad_digits(match: re.Match[str]) -> str:
    """The letters as the phone keypad's digits, same length, so offsets stay put."""
    written = match.group(0)
    if not 7 <= sum(ch.isalnum() for ch in written) <= 15:
        return written
    return str(phonenumbers.convert_alpha_characters_in_number(written))


def _e164(number: str, region: str) -> str | None:
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _phone_finding(ctx: RuleContext, hit: PhoneHit, what: str, spans: tuple[Span, ...]) -> Finding:
    if hit.in_context:
        return ctx.finding(
            "CTC002",
            f"{what} beside warranty, carrier or manufacturer context",
            hit.written,
            variant="context",
            spans=spans,
        )
    return ctx.finding("CTC002", what, hit.written, spans=spans)


def _is_phone_chat_link(url: str, opts: ContactOptions) -> bool:
    scheme = _scheme(url)
    if scheme in {s.lower() for s in opts.phone_link_schemes}:
        return True
    if scheme not in ("http", "https"):
        return False
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return any(host == h or host.endswith("." + h) for h in opts.phone_link_hosts)


def _scheme(url: str) -> str:
    head, sep, _rest = url.partition(":")
    return head.strip().lower() if sep and head.isascii() and head.isalpha() else ""


@rule(
    "CTC002",
    "phone-number",
    Severity.REJECT,
    "Communication Guidelines: contact details",
    variants={"context": Severity.WARN},
)
def phone_numbers(ctx: RuleContext) -> Iterator[Finding]:
    """No phone numbers (international or national format), no tel: or WhatsApp links.

    A number beside warranty, carrier or manufacturer context ("Herstellergarantie",
    "DHL Kundenservice") is the "context" variant: a warning by default. Order ids, tracking
    numbers, dates, prices and postcodes are not phone numbers.

    Compliant: Die Hotline des Herstellers (Garantie) erreichen Sie unter 0800 123 4567.
    Non-compliant: Rufen Sie uns an: +49 30 12345678
    """
    opts = _options(ctx)
    regions = _regions(ctx, opts)
    view = ctx.readable
    text = view.text
    seen: set[str] = set()
    for hit in find_phones(text, regions, opts):
        seen.add(hit.e164)
        yield _phone_finding(ctx, hit, "phone number in the text", view.spans_of(hit.written))
    folded = _fold(text)
    for link in ctx.message.links:
        if link.quoted:
            continue
        if _is_phone_chat_link(link.url, opts):
            yield ctx.finding(
                "CTC002", "chat link to a phone number", link.url, spans=ctx.locate_link(link)
            )
            continue
        if _CONTACT_SCHEMES.get(_scheme(link.url)) != "tel":
            continue
        number = unquote(link.url.split(":", 1)[1]).split(";", 1)[0].strip()
        e164 = _e164(number, regions[0] if regions else opts.default_region)
        if e164 is not None and e164 in seen:
            continue
        if e164 is not None:
            seen.add(e164)
        context = in_context(link.text, 0, 0, opts)
        where = folded.find(link.text) if link.text else -1
        if not context and where >= 0:
            context = in_context(folded, where, where + len(link.text), opts)
        hit = PhoneHit(link.url, e164 or number, context)
        yield _phone_finding(ctx, hit, "tel: link", ctx.locate_link(link))


def scan_text(ctx: RuleContext, view: DerivedText) -> Iterator[Finding]:
    """CTC001 and CTC002 over any text (for example an attachment's, for ATT005)."""
    opts = _options(ctx)
    yield from _email_findings(ctx, view, "attached text")
    for hit in find_phones(view.text, _regions(ctx, opts), opts):
        yield _phone_finding(ctx, hit, "phone number in attached text", view.spans_of(hit.written))
