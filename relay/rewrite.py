"""Strip transforms: rebuild the MIME message without what the strip findings name.

Each transform is registered for one rule code and edits the parsed email in place. Parts a
transform does not touch are re-emitted unchanged; the result is what goes upstream.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from email.message import EmailMessage
from typing import TypeVar

from relay.context import RuleContext
from relay.verdict import Finding, Verdict

Transform = Callable[[EmailMessage, list[Finding], RuleContext], None]
TRANSFORMS: dict[str, Transform] = {}

T = TypeVar("T", bound=Transform)

# Keep long lines as they are; the default policy would refold them and change bytes.
_POLICY = email.policy.SMTP.clone(max_line_length=0)


def transform(code: str) -> Callable[[T], T]:
    def register(func: T) -> T:
        TRANSFORMS[code] = func
        return func

    return register


def rewrite(raw: bytes, verdict: Verdict, ctx: RuleContext) -> bytes:
    """Apply the transform of every enforced strip finding; return the bytes to forward."""
    codes = sorted(verdict.strip_codes)
    if not codes:
        return raw
    msg = email.message_from_bytes(raw, policy=_POLICY)
    assert isinstance(msg, EmailMessage)
    for code in codes:
        func = TRANSFORMS.get(code)
        if func is not None:
            func(msg, [f for f in verdict.findings if f.code == code], ctx)
    return msg.as_bytes(policy=_POLICY)


@transform("ENV004")
def _drop_tracking_headers(msg: EmailMessage, findings: list[Finding], ctx: RuleContext) -> None:
    for finding in findings:
        del msg[finding.evidence]
