"""The rule registry: every rule is a function registered with its code, data and documentation.

This module imports no rule: families register themselves when `relay.rules.load()` imports
them. A rule reads a RuleContext and returns findings; it does no I/O and writes nothing; the
pipeline gathers everything a rule may need before rules run. `@rule` is the one place a rule's
default severity, its variants (named cases with their own default severity) and its fix (the
transform that removes what a strip finding names) are declared; its family's options are the
pydantic model registered with `@options` (their types and defaults). Each rule's docstring is
its documentation (`bsm-relay rules`): what it forbids, a compliant and a non-compliant example.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from relay.model.types import RuleContext
from relay.verdict import Finding, Severity

if TYPE_CHECKING:
    from relay.delivery.rewrite import BodyEditor

RuleFunc = Callable[[RuleContext], Iterable[Finding]]
# A strip rule's transform: edits the message (headers, Subject, text and HTML bodies) through
# the rewrite's editor, given the rule's enforced strip findings.
Fix = Callable[["BodyEditor", list[Finding], RuleContext], None]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    family: str
    default_severity: Severity
    citation: str
    check: RuleFunc
    doc: str
    stage: str = "message"
    variants: Mapping[str, Severity] = field(default_factory=lambda: MappingProxyType({}))
    fix: Fix | None = None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name


REGISTRY: dict[str, Rule] = {}
OPTIONS: dict[str, type[BaseModel]] = {}
# The grammar the phrase engine reads (relay/model/phrases.py), in every language's file.
PHRASE_CATEGORIES: set[str] = {
    "negations",
    "negations_after",
    "negations_final",
    "clause_breaks",
    "conditionals",
}

F = TypeVar("F", bound=RuleFunc)
M = TypeVar("M", bound=type[BaseModel])


def rule(
    code: str,
    name: str,
    severity: Severity,
    citation: str,
    stage: str = "message",
    *,
    variants: Mapping[str, Severity] | None = None,
    fix: Fix | None = None,
) -> Callable[[F], F]:
    """Register a rule. `stage` is "envelope" for rules the SMTP edge runs at RCPT time.

    `variants` are the named cases the check may report (`ctx.finding(..., variant=...)`) with
    their default severity; a policy may change their severity but not add one. `fix` is the
    transform for a strip finding: a policy may set `strip` only on a rule that has one.
    """

    def register(func: F) -> F:
        if code in REGISTRY:
            raise RuntimeError(f"rule {code} registered twice")
        family = "".join(c for c in code if c.isalpha())
        REGISTRY[code] = Rule(
            code=code,
            name=name,
            family=family,
            default_severity=severity,
            citation=citation,
            check=func,
            doc=inspect.cleandoc(func.__doc__ or ""),
            stage=stage,
            variants=MappingProxyType(dict(variants or {})),
            fix=fix,
        )
        return func

    return register


def options(family: str) -> Callable[[M], M]:
    """Register a family's settings model, read from `[options.<family>]` in the policy."""

    def register(model: M) -> M:
        OPTIONS[family] = model
        return model

    return register


def phrase_categories(*names: str) -> None:
    """Declare the phrase-list categories a family reads from `policies/phrases/<lang>.toml`."""
    PHRASE_CATEGORIES.update(names)
