"""Notices to the writer of a held or rejected message: who gets one, and what it says.

Pure functions: the relay core decides with `notice_recipient` whether a message gets a notice
and composes it with `compose_notice` while the message is being quarantined; the outbox
(relay/store/outbox.py) keeps it until relay/review/notice_sender.py has handed it to the upstream.
The wording is data in `policies/notices/<language>.toml`; the rules' reasons come from
relay/review/explain.py.
"""

from __future__ import annotations

import functools
import html
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, make_msgid
from pathlib import Path
from string import Template
from typing import Final

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from relay.config import NoticesSettings
from relay.model import aliases
from relay.model.message import ParsedMessage
from relay.policy import PolicyError, bundled_policy_dir
from relay.review.explain import LANGUAGES, Explanation, catalogue, explain, normalize_language
from relay.verdict import Finding, Severity, Verdict

NOTICE_HEADER: Final = "X-BSM-Relay-Notice"
_QUOTE_CHARS: Final = 200  # one quoted phrase in a notice; the console shows the whole text
_QUOTES_PER_RULE: Final = 5


class NoticeRecipientError(ValueError):
    """A notice was about to go to an address that must never get one (a buyer alias)."""


class NoticeWording(BaseModel):
    """One language's notice texts; every key required, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    subject_held: str = Field(min_length=1)
    subject_rejected: str = Field(min_length=1)
    greeting: str = Field(min_length=1)
    intro_held: str = Field(min_length=1)
    intro_rejected: str = Field(min_length=1)
    message_heading: str = Field(min_length=1)
    label_subject: str = Field(min_length=1)
    label_buyer: str = Field(min_length=1)
    label_order: str = Field(min_length=1)
    label_time: str = Field(min_length=1)
    label_id: str = Field(min_length=1)
    no_order: str = Field(min_length=1)
    no_subject: str = Field(min_length=1)
    rules_heading: str = Field(min_length=1)
    label_found: str = Field(min_length=1)
    quote_open: str = Field(min_length=1)
    quote_close: str = Field(min_length=1)
    label_fix: str = Field(min_length=1)
    label_example: str = Field(min_length=1)
    label_guideline: str = Field(min_length=1)
    next_held: str = Field(min_length=1)
    next_rejected: str = Field(min_length=1)
    console_link: str = Field(min_length=1)
    no_console: str = Field(min_length=1)
    footer: str = Field(min_length=1)


def load_wording(path: Path) -> NoticeWording:
    try:
        with path.open("rb") as handle:
            raw = tomllib.load(handle)
        return NoticeWording.model_validate(raw)
    except OSError as exc:
        raise PolicyError(f"{path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        raise PolicyError(f"{path}: {key}: {first['msg']}") from None


@functools.cache
def wording(language: str) -> NoticeWording:
    """The bundled wording of one language, read once per process."""
    return load_wording(bundled_policy_dir() / "notices" / f"{normalize_language(language)}.toml")


def load_all_wording() -> None:
    """Read and validate every language's rule explanations and notice wording (at start: a
    broken file stops the relay with its name, not the first held message with a 451)."""
    for language in LANGUAGES:
        catalogue(language)
        wording(language)


# -- who gets a notice ------------------------------------------------------------------------


def _lookup(mapping: dict[str, str], address: str) -> str | None:
    """A mapping's entry for the address itself, else for its @domain."""
    key = address.strip().lower()
    if key in mapping:
        return mapping[key]
    _local, at, domain = key.rpartition("@")
    return mapping.get(f"@{domain}") if at else None


def is_automatic(message: ParsedMessage, mail_from: str) -> bool:
    """A bounce, a notice or another automatic message: it never gets a notice (no loops)."""
    if mail_from.strip() in ("", "<>"):  # aiosmtpd hands a null sender on as "<>"
        return True
    if message.header(NOTICE_HEADER) is not None:
        return True
    submitted = (message.header("auto-submitted") or "no").strip().lower()
    return not submitted.startswith("no")


def ensure_not_buyer(recipient: str) -> str:
    """Every notice passes here before it is written and again before it is sent."""
    if aliases.is_buyer_alias(recipient):
        masked = aliases.mask(recipient)
        raise NoticeRecipientError(f"a notice never goes to a buyer alias ({masked})")
    return recipient


def notice_recipient(
    settings: NoticesSettings,
    message: ParsedMessage,
    mail_from: str,
    approved_senders: Sequence[str],
) -> str | None:
    """Where this message's notice goes, or None when it gets none.

    The `[notices] to` entry for the sender (or its @domain), else the envelope sender.
    Automatic mail, a sender that is itself a buyer alias and a sender not on the approved
    list get none: the envelope sender of a refused message is whatever the client claimed,
    and a notice to it would be backscatter to a stranger.
    """
    if not settings.enabled or is_automatic(message, mail_from):
        return None
    if not aliases.matches_passthrough(mail_from, tuple(approved_senders)):
        return None
    recipient = _lookup(settings.to, mail_from) or mail_from.strip()
    if aliases.is_buyer_alias(recipient) or "@" not in recipient:
        return None
    return recipient


def notice_language(settings: NoticesSettings, mail_from: str) -> str:
    return normalize_language(_lookup(dict(settings.languages), mail_from) or settings.language)


# -- what it says -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FailedRule:
    """One rule that stopped the message, in the reader's language, with what it matched."""

    explanation: Explanation
    quotes: tuple[str, ...]

    @property
    def code(self) -> str:
        return self.explanation.code


def failed_findings(verdict: Verdict) -> tuple[Finding, ...]:
    """The enforced findings a writer has to fix: every reject and hold, most severe first."""
    return tuple(
        f
        for f in verdict.findings
        if f.enforced and f.severity in (Severity.REJECT, Severity.HOLD)
    )


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def quotes_of(finding: Finding) -> tuple[str, ...]:
    """The exact phrases a finding matched (its spans), else its evidence."""
    found = [span.quote for span in finding.spans if span.quote.strip()]
    if not found and finding.evidence.strip():
        found = [finding.evidence]
    return tuple(_one_line(q, _QUOTE_CHARS) for q in found)


def failed_rules(findings: Sequence[Finding], language: str) -> tuple[FailedRule, ...]:
    """One entry per rule code, in the findings' order, its quotes gathered and deduplicated."""
    quotes: dict[str, dict[str, None]] = {}
    for finding in findings:
        quotes.setdefault(finding.code, {}).update(dict.fromkeys(quotes_of(finding)))
    return tuple(
        FailedRule(explain(code, language), tuple(found)[:_QUOTES_PER_RULE])
        for code, found in quotes.items()
    )


@dataclass(frozen=True, slots=True)
class NoticeFacts:
    """What a notice tells about the stopped message."""

    quarantine_id: str
    state: str  # "held" or "rejected"
    subject: str
    buyer: str | None  # the buyer alias, masked before it is shown
    order_id: str | None
    received_at: datetime
    rules: tuple[FailedRule, ...]


def notice_from_address(settings: NoticesSettings, hostname: str) -> str:
    if settings.from_address:
        return settings.from_address
    host = hostname if "." in hostname else "localhost"
    return f"bsm-relay@{host}"


def console_link(settings: NoticesSettings, quarantine_id: str) -> str | None:
    return f"{settings.console_url}/quarantine/{quarantine_id}" if settings.console_url else None


def compose_notice(
    facts: NoticeFacts,
    *,
    recipient: str,
    sender: str,
    language: str,
    link: str | None,
) -> bytes:
    """The notice as a complete message: a text part and an HTML part of the same content."""
    ensure_not_buyer(recipient)
    words = wording(language)
    held = facts.state == "held"
    subject = facts.subject.strip() or words.no_subject
    template = words.subject_held if held else words.subject_rejected
    msg = EmailMessage()
    msg["From"] = Address("bsm-relay", addr_spec=sender)
    msg["To"] = recipient
    msg["Subject"] = _one_line(Template(template).safe_substitute(subject=subject), 200)
    msg["Date"] = format_datetime(facts.received_at)
    msg["Message-ID"] = make_msgid(f"notice.{facts.quarantine_id}", sender.rpartition("@")[2])
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"  # no out-of-office answers from Exchange
    msg[NOTICE_HEADER] = facts.quarantine_id
    msg["Content-Language"] = normalize_language(language)
    # quoted-printable: 7-bit clean for an upstream without 8BITMIME, readable in the raw
    msg.set_content(_text_body(facts, words, subject, link), cte="quoted-printable")
    msg.add_alternative(
        _html_body(facts, words, subject, link, language),
        subtype="html",
        cte="quoted-printable",
    )
    return msg.as_bytes(policy=SMTP_POLICY)


def _summary(facts: NoticeFacts, words: NoticeWording, subject: str) -> list[tuple[str, str]]:
    return [
        (words.label_subject, subject),
        (words.label_buyer, aliases.mask(facts.buyer) if facts.buyer else "-"),
        (words.label_order, facts.order_id or words.no_order),
        (words.label_time, facts.received_at.strftime("%Y-%m-%d %H:%M UTC")),
        (words.label_id, facts.quarantine_id),
    ]


def _text_body(facts: NoticeFacts, words: NoticeWording, subject: str, link: str | None) -> str:
    held = facts.state == "held"
    lines = [words.greeting, "", words.intro_held if held else words.intro_rejected, ""]
    lines.append(words.message_heading)
    lines += [f"  {label}: {value}" for label, value in _summary(facts, words, subject)]
    lines += ["", Template(words.rules_heading).safe_substitute(count=len(facts.rules)), ""]
    for number, rule in enumerate(facts.rules, 1):
        wording_ = rule.explanation
        lines.append(f"{number}. {wording_.reason} ({rule.code})")
        lines += [
            f"   {words.label_found}: {words.quote_open}{quote}{words.quote_close}"
            for quote in rule.quotes
        ]
        lines.append(f"   {words.label_fix}: {wording_.fix}")
        if wording_.example:
            lines.append(f"   {words.label_example}: {wording_.example}")
        if wording_.guideline:
            lines.append(f"   {words.label_guideline}: {wording_.guideline}")
        lines.append("")
    lines.append(words.next_held if held else words.next_rejected)
    lines.append("")
    if link:
        lines += [words.console_link, link]
    else:
        lines.append(Template(words.no_console).safe_substitute(id=facts.quarantine_id))
    lines += ["", "-- ", words.footer, ""]
    return "\n".join(lines)


def _html_body(
    facts: NoticeFacts, words: NoticeWording, subject: str, link: str | None, language: str
) -> str:
    def esc(text: str) -> str:
        return html.escape(text, quote=True)

    held = facts.state == "held"
    rows = "".join(
        f"<tr><th align=\"left\">{esc(label)}</th><td>{esc(value)}</td></tr>"
        for label, value in _summary(facts, words, subject)
    )
    items = []
    for rule in facts.rules:
        wording_ = rule.explanation
        parts = [f"<p><strong>{esc(wording_.reason)}</strong> ({esc(rule.code)})</p>"]
        parts += [
            f"<p>{esc(words.label_found)}: <mark>{esc(quote)}</mark></p>" for quote in rule.quotes
        ]
        parts.append(f"<p>{esc(words.label_fix)}: {esc(wording_.fix)}</p>")
        if wording_.example:
            parts.append(f"<p>{esc(words.label_example)}: <em>{esc(wording_.example)}</em></p>")
        if wording_.guideline:
            parts.append(f"<p>{esc(words.label_guideline)}: {esc(wording_.guideline)}</p>")
        items.append(f"<li>{''.join(parts)}</li>")
    if link:
        where = f'<p>{esc(words.console_link)} <a href="{esc(link)}">{esc(link)}</a></p>'
    else:
        where = f"<p>{esc(Template(words.no_console).safe_substitute(id=facts.quarantine_id))}</p>"
    heading = Template(words.rules_heading).safe_substitute(count=len(facts.rules))
    return (
        f'<!DOCTYPE html><html lang="{esc(normalize_language(language))}"><body>'
        f"<p>{esc(words.greeting)}</p>"
        f"<p>{esc(words.intro_held if held else words.intro_rejected)}</p>"
        f"<h3>{esc(words.message_heading)}</h3><table>{rows}</table>"
        f"<h3>{esc(heading)}</h3><ol>{''.join(items)}</ol>"
        f"<p>{esc(words.next_held if held else words.next_rejected)}</p>{where}"
        f"<p><small>{esc(words.footer)}</small></p></body></html>\n"
    )
