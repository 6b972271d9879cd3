"""LNG: the seller writes in the buyer's language.

The language of the seller's own text (Subject + body, quoted buyer text excluded) is detected
once in relay/model/facts.py (langdetect, seeded); the buyer's language is the order's buyer locale,
else the marketplace's language. Short or mixed text is only a warning: detection is unreliable
below about 20 words.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from relay.model import aliases
from relay.model.types import RuleContext
from relay.rules.base import options, rule
from relay.verdict import Finding, Severity, Span


@options("language")
class LanguageOptions(BaseModel):
    """`[options.language]`: when a detection is trusted enough to refuse a message."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # Text of this many words or fewer (Japanese: two characters a word) only warns.
    short_words: int = Field(default=20, ge=0)
    # Below this detector probability the result is "unsure" and only warns.
    min_probability: float = Field(default=0.90, ge=0.0, le=1.0)
    # Codes that name the same written language (detector code -> buyer code).
    same_language: dict[str, str] = {"nb": "no", "nn": "no"}


def _options(ctx: RuleContext) -> LanguageOptions:
    opts: LanguageOptions = ctx.policy.option("language", LanguageOptions)
    return opts


def _sample(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _canon(code: str, same: dict[str, str]) -> str:
    code = code.lower().replace("_", "-").split("-", 1)[0]
    return same.get(code, code)


def _marketplace_also_reads(ctx: RuleContext, language: str) -> bool:
    """The buyer's locale is unknown and the marketplace offers `language` besides its own."""
    order = ctx.orders.order
    if order is not None and order.buyer_locale:
        return False
    suffix = (ctx.facts.marketplace or "").lower().removeprefix("www.").removeprefix("amazon.")
    return language in aliases.MARKETPLACE_OTHER_LANGUAGES.get(suffix, ())


@rule(
    "LNG001",
    "wrong-language",
    Severity.REJECT,
    "Communication Guidelines: buyer's language",
    variants={"unsure": Severity.WARN},
)
def buyer_language(ctx: RuleContext) -> Iterator[Finding]:
    """The message is written in the buyer's language (order locale, else the marketplace's).

    Refused when the detection is confident and disagrees; a warning (variant "unsure") when
    the text is short (`[options.language] short_words`) or the detector is unsure
    (`min_probability`), e.g. mixed-language text.

    Compliant: "Vielen Dank für Ihre Bestellung …" (German) to a buyer on amazon.de
    Non-compliant: "Thank you for your order, we wanted to let you know …" to a German buyer
    """
    expected = ctx.facts.buyer_language
    detected = ctx.facts.language
    if ctx.facts.buyer_alias is None or not expected or detected.words == 0:
        return
    opts = _options(ctx)
    want = _canon(expected, opts.same_language)
    sample = _sample(ctx.message.visible_text)
    if detected.code is None:
        yield ctx.finding(
            "LNG001",
            f"language of the text could not be detected (buyer reads {want})",
            sample or "(no text)",
            variant="unsure",
            spans=_sample_spans(ctx),
        )
        return
    got = _canon(detected.code, opts.same_language)
    if got == want or _marketplace_also_reads(ctx, got):
        return
    evidence = f"detected {got} (p={detected.probability:.2f}, {detected.words} words): {sample}"
    if detected.words <= opts.short_words or detected.probability < opts.min_probability:
        yield ctx.finding(
            "LNG001",
            f"text may not be in the buyer's language {want} (short or unsure detection)",
            evidence,
            variant="unsure",
            spans=_sample_spans(ctx),
        )
        return
    yield ctx.finding(
        "LNG001", f"text is in {got}, the buyer reads {want}", evidence, spans=_sample_spans(ctx)
    )


def _sample_spans(ctx: RuleContext) -> tuple[Span, ...]:
    """The opening of the text, which the evidence quotes (the language is the whole text's)."""
    return ctx.visible.spans(0, min(80, len(ctx.visible.text)))
