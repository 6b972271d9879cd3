"""The rule registry: every rule is a function registered with its code and documentation.

A rule reads a RuleContext and returns findings. It does no I/O and writes nothing; the
pipeline gathers everything a rule may need before rules run. Each rule's docstring is its
documentation (`bsm-relay rules`): what it forbids, a compliant and a non-compliant example.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel

from relay.context import RuleContext
from relay.verdict import Finding, Severity

RuleFunc = Callable[[RuleContext], Iterable[Finding]]


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

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name


REGISTRY: dict[str, Rule] = {}
OPTIONS: dict[str, type[BaseModel]] = {}
# The grammar the phrase engine reads (relay/text.py), in every language's file.
PHRASE_CATEGORIES: set[str] = {"negations", "negations_after", "clause_breaks", "conditionals"}

F = TypeVar("F", bound=RuleFunc)
M = TypeVar("M", bound=type[BaseModel])


def rule(
    code: str,
    name: str,
    severity: Severity,
    citation: str,
    stage: str = "message",
) -> Callable[[F], F]:
    """Register a rule. `stage` is "envelope" for rules the SMTP edge runs at RCPT time."""

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
