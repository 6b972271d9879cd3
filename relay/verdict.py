"""Findings, actions and the one pure function that turns findings into a verdict."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Severity(enum.StrEnum):
    """What a single finding asks for; ordered from most to least severe."""

    REJECT = "reject"
    HOLD = "hold"
    STRIP = "strip"
    WARN = "warn"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.REJECT: 3, Severity.HOLD: 2, Severity.STRIP: 1, Severity.WARN: 0}


class Action(enum.StrEnum):
    """What the relay does with the whole message."""

    DELIVER = "deliver"
    HOLD = "hold"
    REJECT = "reject"


class RuleMode(enum.StrEnum):
    """`log` evaluates a rule in shadow: it is reported as "would have" but changes nothing."""

    ENFORCE = "enforce"
    LOG = "log"


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's objection to one element of a message, with the evidence a reviewer needs."""

    code: str
    severity: Severity
    message: str
    evidence: str = ""
    mode: RuleMode = RuleMode.ENFORCE

    @property
    def enforced(self) -> bool:
        return self.mode is RuleMode.ENFORCE

    def as_dict(self) -> dict[str, str]:
        data = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "evidence": self.evidence,
        }
        if not self.enforced:
            data["mode"] = self.mode.value
        return data


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision for one message: the action, whether it is rewritten, and why."""

    action: Action
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def modified(self) -> bool:
        return self.action is Action.DELIVER and bool(self.strip_codes)

    @property
    def strip_codes(self) -> frozenset[str]:
        return frozenset(
            f.code for f in self.findings if f.enforced and f.severity is Severity.STRIP
        )

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """The enforced findings that decided a hold or reject, most severe first."""
        wanted = Severity.REJECT if self.action is Action.REJECT else Severity.HOLD
        if self.action is Action.DELIVER:
            return ()
        return tuple(f for f in self.findings if f.enforced and f.severity is wanted)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.code for f in self.findings))

    def as_dict(self) -> dict[str, object]:
        return {
            "action": self.action.value,
            "modified": self.modified,
            "findings": [f.as_dict() for f in self.findings],
        }


def decide(findings: Iterable[Finding]) -> Verdict:
    """The most severe enforced finding decides: reject > hold > strip > warn.

    Shadow-mode findings are kept in the verdict for the log but never change the action.
    """
    ordered = tuple(sorted(findings, key=lambda f: (-f.severity.rank, f.code)))
    enforced = [f.severity for f in ordered if f.enforced]
    if Severity.REJECT in enforced:
        action = Action.REJECT
    elif Severity.HOLD in enforced:
        action = Action.HOLD
    else:
        action = Action.DELIVER
    return Verdict(action=action, findings=ordered)
