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


class Where(enum.StrEnum):
    """Which text of the parsed message a span's offsets index into."""

    SUBJECT = "subject"  # ParsedMessage.subject
    TEXT = "text"  # a text/plain body part's decoded text
    HTML = "html"  # a text/html body part's text as the relay reads it
    HTML_SOURCE = "html_source"  # a text/html body part's decoded markup (an <img>, an href)
    HEADER = "header"  # a header's value (part = the header's index in ParsedMessage.headers)
    ATTACHMENT_NAME = "attachment_name"  # ParsedMessage.attachments[part].filename
    ATTACHMENT_TEXT = "attachment_text"  # ParsedMessage.attachments[part].extracted_text


@dataclass(frozen=True, slots=True)
class Span:
    """The exact text a finding matched: where, its offsets there, and the text itself.

    Offsets index the original (unfolded) text that the parsed message model holds for
    `where`, so a reviewer's console, a notice or `quarantine show` can quote and highlight
    it by re-parsing the stored .eml, without searching again. `part` counts parts of that
    kind (the n-th text/plain part, the n-th attachment); 0 for the subject.
    """

    where: Where
    start: int
    end: int
    quote: str
    part: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "where": self.where.value,
            "part": self.part,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule's objection to one element of a message, with the evidence a reviewer needs."""

    code: str
    severity: Severity
    message: str
    evidence: str = ""
    mode: RuleMode = RuleMode.ENFORCE
    spans: tuple[Span, ...] = ()

    @property
    def enforced(self) -> bool:
        return self.mode is RuleMode.ENFORCE

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "evidence": self.evidence,
        }
        if not self.enforced:
            data["mode"] = self.mode.value
        if self.spans:
            data["spans"] = [span.as_dict() for span in self.spans]
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
