"""MIME and SYS: the message could not be read, or the relay failed to judge it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from relay.model import locate
from relay.model.types import RuleContext
from relay.rules.base import rule
from relay.verdict import Finding, Severity

# Defects after which the text a rule reads may be missing or wrong.
_SERIOUS_DEFECTS: Final = frozenset(
    {
        "StartBoundaryNotFoundDefect",
        "CloseBoundaryNotFoundDefect",
        "MultipartInvariantViolationDefect",
        "InvalidBase64CharactersDefect",
        "InvalidBase64PaddingDefect",
        "InvalidBase64LengthDefect",
        "MissingHeaderBodySeparatorDefect",
        "NoBoundaryInMultipartDefect",
        "MimeLimitDefect",  # relay.model.message parse limits: too many headers, parts, elements
    }
)


@rule("MIME001", "malformed-mime", Severity.HOLD, "RFC 2045-2049")
def malformed_structure(ctx: RuleContext) -> Iterator[Finding]:
    """The message's MIME structure is broken enough that its text may be misread.

    Such a message is held for a person rather than judged on text the relay may not see.

    Compliant: a multipart message whose boundaries open and close
    Non-compliant: a multipart message whose boundary never appears, or broken base64
    """
    serious = [d for d in ctx.message.defects if d in _SERIOUS_DEFECTS]
    if serious:
        yield ctx.finding(
            "MIME001",
            "MIME structure is damaged",
            ", ".join(serious),
            spans=locate.header_spans(ctx.message, ("content-type",), ""),
        )


@rule("SYS001", "rule-failed", Severity.HOLD, "bsm-relay")
def rule_failed(ctx: RuleContext) -> Iterator[Finding]:
    """A rule raised an error on this message; it is held for a person instead of guessed at.

    The pipeline reports this code itself; this function never fires.

    Compliant: any message every rule could judge
    Non-compliant: a message that made a rule fail
    """
    return iter(())
