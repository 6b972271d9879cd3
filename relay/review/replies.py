"""SMTP replies for held and rejected messages that name every failed rule in plain words.

docs/interface.md fixes the shapes: `250 2.6.0 held for review as <id>` then the reasons, and
`550 5.7.1 <codes>: <every reason>; quarantine id <id>`. When that one line would pass 512
octets (RFC 5321 4.5.3.1.5, CRLF included) the reply becomes a multi-line one: aiosmtpd writes
the handler's string as it is plus CRLF, so "250-...\\r\\n250 ..." reaches the client as one
reply, and every line repeats the enhanced status code (RFC 2034).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Final

from relay.review.notices import FailedRule

MAX_LINE: Final = 510  # octets of one reply line without its CRLF
_ASCII: Final = str.maketrans(
    {
        "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss",
        "„": '"', "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...",
        "é": "e", "è": "e", "à": "a", "ç": "c",
    }
)  # fmt: skip


def reply_text(text: str) -> str:
    """One printable ASCII line: a reply goes to clients that may not take UTF-8 (German
    umlauts are spelt out, anything else unprintable becomes '?')."""
    flat = " ".join(text.translate(_ASCII).split())
    return "".join(c if " " <= c <= "~" else "?" for c in flat)


def _plain(rule: FailedRule) -> str:
    return reply_text(rule.explanation.reason).rstrip(".")


def _reason(rule: FailedRule) -> str:
    return f"{rule.code} {_plain(rule)}"


def _lines(code: str, status: str, texts: Sequence[str]) -> str:
    """A multi-line reply: every text wrapped to fit, all but the last line with a dash."""
    width = MAX_LINE - len(code) - len(status) - 2
    wrapped = [piece for text in texts for piece in textwrap.wrap(text, width) or [""]]
    last = len(wrapped) - 1
    return "\r\n".join(
        f"{code}{' ' if i == last else '-'}{status} {piece}" for i, piece in enumerate(wrapped)
    )


def held_reply(quarantine_id: str, rules: Sequence[FailedRule]) -> str:
    head = f"held for review as {quarantine_id}"
    reasons = [_reason(rule) for rule in rules]
    one = f"250 2.6.0 {head}" + (f": {'; '.join(reasons)}" if reasons else "")
    if len(one.encode()) <= MAX_LINE:
        return one
    return _lines("250", "2.6.0", [head, *reasons])


def rejected_reply(quarantine_id: str, rules: Sequence[FailedRule]) -> str:
    codes = ",".join(rule.code for rule in rules) or "rejected"
    reasons = "; ".join(_plain(rule) for rule in rules)
    one = f"550 5.7.1 {codes}: {reasons}; quarantine id {quarantine_id}"
    if len(one.encode()) <= MAX_LINE:
        return one
    head = f"{codes}: refused for {len(rules)} reasons, each below; quarantine id {quarantine_id}"
    lines = [head, *(_reason(rule) for rule in rules), f"quarantine id {quarantine_id}"]
    return _lines("550", "5.7.1", lines)
