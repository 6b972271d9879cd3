"""Every rule in plain words: why a message was stopped, how to fix it, and where the rule is from.

The wording is data in `policies/explain/<language>.toml` (one table per rule code), read once
and validated. The SMTP reply, the notice to the sender and the review console all take their
words from `explain()`, so an agent reads the same reason wherever the message stopped.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from relay.policy import PolicyError, bundled_policy_dir

LANGUAGES: Final = ("en", "de")
DEFAULT_LANGUAGE: Final = "en"


class _ExplanationEntry(BaseModel):
    """One rule's table in an explain file; every field is required, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: str = Field(min_length=1)
    fix: str = Field(min_length=1)
    example: str = Field(min_length=1)
    guideline: str = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Explanation:
    """A rule explained to the person who wrote the message, in one language."""

    code: str
    language: str
    reason: str  # one sentence: why the message was stopped
    fix: str  # what to change so it passes
    example: str  # a compliant sentence of the same kind
    guideline: str  # the part of Amazon's rules it comes from


def normalize_language(language: str) -> str:
    """`de-DE`, `de_AT` and `DE` all mean `de`; a language without wording falls back to English."""
    base = language.strip().replace("_", "-").split("-", 1)[0].lower()
    return base if base in LANGUAGES else DEFAULT_LANGUAGE


def explain_dir() -> Path:
    return bundled_policy_dir() / "explain"


def load_explanations(path: Path, language: str) -> dict[str, Explanation]:
    """Read and validate one language's file; a wrong key or a missing field names the rule."""
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
    except OSError as exc:
        raise PolicyError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: {exc}") from None
    explanations: dict[str, Explanation] = {}
    for code, table in raw.items():
        if not isinstance(table, dict):
            raise PolicyError(f"{path}: {code} must be a table of reason, fix, example, guideline")
        try:
            entry = _ExplanationEntry.model_validate(table)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or code}: {err['msg']}"
                for err in exc.errors()
            )
            raise PolicyError(f"{path}: [{code}] {problems}") from None
        explanations[code] = Explanation(
            code=code,
            language=language,
            reason=entry.reason,
            fix=entry.fix,
            example=entry.example,
            guideline=entry.guideline,
        )
    return explanations


@functools.cache
def catalogue(language: str) -> dict[str, Explanation]:
    """The bundled explanations of one language (`en` or `de`), read once per process."""
    language = normalize_language(language)
    return load_explanations(explain_dir() / f"{language}.toml", language)


def explain(code: str, language: str = DEFAULT_LANGUAGE) -> Explanation:
    """The rule explained in `language` (English where that language has no wording).

    A code without wording (a rule added without its explanation; the catalogue test refuses
    that) gets the registry's one-line summary rather than no reason at all.
    """
    wording = catalogue(language).get(code) or catalogue(DEFAULT_LANGUAGE).get(code)
    if wording is not None:
        return wording
    # Only here: loading every rule family is heavy for a reader that only wants the wording.
    from relay import rules

    rule = next((spec for spec in rules.load() if spec.code == code), None)
    summary = rule.summary if rule is not None else f"Rule {code} objected to the message."
    return Explanation(
        code=code,
        language=DEFAULT_LANGUAGE,
        reason=summary,
        fix="Ask a reviewer what to change.",
        example="",
        guideline=rule.citation if rule is not None else "",
    )
