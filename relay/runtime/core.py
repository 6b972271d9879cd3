"""The relay's core, independent of SMTP: evaluate, then deliver or quarantine, then log.

A message's fate is settled here: it is forwarded and recorded in the ledger, or stored in
quarantine, before any 250 goes back. Every failure on our side becomes a 4xx.
"""

from __future__ import annotations

import asyncio
import enum
import json
import logging
import socket
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import structlog

from relay.config import Settings
from relay.delivery.quarantine import Quarantine
from relay.delivery.upstream import Upstream, UpstreamError, open_upstream
from relay.metrics import Metrics
from relay.model import aliases
from relay.model.types import Envelope, Order, RelayConfig
from relay.pipeline import Checker, Evaluation, load_wordlists, warm
from relay.policy import Policy, load_policy
from relay.review.notice_sender import NoticeSender
from relay.review.notices import (
    FailedRule,
    NoticeFacts,
    compose_notice,
    console_link,
    failed_findings,
    failed_rules,
    load_all_wording,
    notice_from_address,
    notice_language,
    notice_recipient,
)
from relay.review.replies import held_reply, rejected_reply
from relay.runtime import zygote
from relay.runtime.memory import IdleRelease, release_free_memory
from relay.runtime.preflight import check_files, require_writable
from relay.spapi.status import SpapiMetrics
from relay.store import open_store
from relay.store.base import AuditEvent, IndexedEntry, LedgerEntry, Store, StoreError
from relay.store.outbox import NoticeState, Outbox
from relay.store.sql import SqlStore
from relay.users import LoginLockout, RateLimiter, UserDirectory

if TYPE_CHECKING:
    from relay.spapi.service import SpapiService
from relay.verdict import Action, Finding, Verdict, decide

log = structlog.get_logger("relay")

REPLY_STORE_DOWN = "451 4.3.0 order store unavailable, try again later"
REPLY_QUARANTINE_DOWN = "451 4.3.0 quarantine unavailable, try again later"
REPLY_INTERNAL = "451 4.3.0 internal error, try again later"
REPLY_SPAPI_DOWN = "451 4.4.1 Amazon's Solicitations API unavailable, try again later"
SOLICITATION_REPLY = "solicitation: Amazon's own review request sent"
# the level of a message's log line: info when all went well, error for our own failures
_LOG_LEVEL_OF_PROBLEM: dict[str | None, int] = {None: logging.INFO, "internal": logging.ERROR}


class ForwardStatus(enum.Enum):
    DELIVERED = "delivered"  # the upstream took it; reply is its answer
    DUPLICATE = "duplicate"  # the ledger has this very message; reply is the earlier answer
    CLAIM_LOST = "claim_lost"  # ORD006: the order's review request is taken; reply is the order
    FAILED = "failed"  # the upstream refused or failed; reply is its answer


@dataclass(frozen=True, slots=True)
class Forwarded:
    status: ForwardStatus
    reply: str
    permanent: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    reply: str
    action: str
    verdict: Verdict | None = None
    quarantine_id: str | None = None
    upstream_reply: str | None = None
    # what kept the message from its fate: "upstream", "store", "quarantine" (the operator's
    # to fix: the message line is a warning) or "internal" (a bug: an error)
    problem: str | None = None


def relay_config(settings: Settings) -> RelayConfig:
    return RelayConfig(
        approved_senders=tuple(settings.senders.approved),
        passthrough_recipients=tuple(settings.policy.passthrough_recipients),
        carrier_hosts=tuple(h.lower() for h in settings.policy.carrier_hosts),
        proactive_daily_limit=settings.policy.proactive_daily_limit,
    )


def _smtp_text(text: str, limit: int = 300) -> str:
    """One printable ASCII line, safe inside an SMTP reply."""
    cleaned = "".join(c if " " <= c <= "~" else "?" for c in " ".join(text.split()))
    return cleaned[:limit]


def message_key(evaluation: Evaluation) -> str:
    return evaluation.message.ledger_key


class Relay:
    """One relay instance: policy, store, upstream and quarantine, shared by all sessions."""

    def __init__(
        self,
        settings: Settings,
        policy: Policy,
        store: Store,
        upstream: Upstream,
        quarantine: Quarantine,
        users: UserDirectory,
    ) -> None:
        self.settings = settings
        self.policy = policy
        self.store = store
        self.upstream = upstream
        self.quarantine = quarantine
        self.users = users
        self.metrics = Metrics()
        self.spapi_metrics = SpapiMetrics(self.metrics.registry)
        self.config = relay_config(settings)
        self.spapi: SpapiService | None = None
        if settings.spapi.enabled:
            from relay.spapi.service import SpapiService

            self.spapi = SpapiService(settings.spapi, store, self.spapi_metrics)
        self.checker = Checker(
            policy,
            self.config,
            store,
            max_concurrent=settings.smtp.max_concurrent_checks,
            offload_bytes=settings.smtp.offload_bytes,
            parse_processes=settings.smtp.parse_processes,
            process_bytes=settings.smtp.process_bytes,
            order_source=self.spapi.lookup if self.spapi is not None else None,
            lookup_budget=settings.spapi.lookup_budget,
        )
        self.login_lockout = LoginLockout(
            per_login=settings.smtp.max_failed_logins,
            per_user=settings.smtp.max_failed_logins_per_user,
            per_address=settings.smtp.max_failed_logins_per_address,
            window=settings.smtp.failed_login_window,
        )
        self.user_stamps: dict[str, datetime] = {}
        self.user_rate = RateLimiter(settings.smtp.messages_per_minute_per_user, 60.0)
        self.inflight: set[asyncio.Task[Any]] = set()
        self.idle_release = IdleRelease()
        # SqlStore is the store's one implementation; the outbox is a table in it.
        self.outbox = Outbox(store) if isinstance(store, SqlStore) else None
        self.notice_sender = (
            NoticeSender(
                self.outbox,
                upstream,
                settings.notices,
                self.metrics,
                # an upstream send is bounded by twice its timeout (relay.delivery.upstream)
                lease=2 * upstream_timeout(settings) + 30,
            )
            if self.outbox is not None and settings.notices.enabled
            else None
        )

    @classmethod
    async def start(cls, settings: Settings, *, judges: bool = True) -> Relay:
        """Load and check everything a relay needs; raise with one clear line otherwise.

        `judges=False` (the supervisor of worker processes, which only answers /healthz) checks
        the policy files but does not load what judging needs (~150 MiB it would only hold)."""
        check_files(settings)
        # a worker forked from the zygote shares its policy (relay/runtime/zygote.py)
        policy = (
            zygote.policy_for(settings.policy.files)
            if judges
            else load_policy(settings.policy.files)
        )
        if judges:
            # Phrase patterns, langdetect's profiles, the suffix list, phonenumbers, emoji
            # tables: loaded now, not on the first buyer's message (~0.75 s).
            warm(policy, relay_config(settings))
            load_all_wording()
        store = await open_store(settings.store.url, schema=settings.store.schema_name or None)
        upstream = open_upstream(settings.upstream, timeout=upstream_timeout(settings))
        quarantine = Quarantine(Path(settings.quarantine.dir))
        require_writable("quarantine.dir", quarantine.root, quarantine.writable)
        quarantine.clean_temporary()
        clean = getattr(upstream, "clean_temporary", None)
        if clean is not None:
            maildir = Path(settings.upstream.url.removeprefix("maildir:"))
            require_writable("upstream.url", maildir, clean)
        stamps = await store.user_stamps()
        users = UserDirectory(await store.list_users())
        relay = cls(settings, policy, store, upstream, quarantine, users)
        relay.user_stamps = stamps
        return relay

    async def close(self) -> None:
        if self.notice_sender is not None:
            await self.notice_sender.stop()
        if self.spapi is not None:
            await self.spapi.close()
        self.checker.close()
        self.idle_release.close()
        await self.upstream.close()
        await self.store.close()

    async def reload(self) -> None:
        """SIGHUP: re-read policies and users; a bad file keeps the old ones."""
        policy = load_policy(self.settings.policy.files)
        policy.warm()
        load_wordlists(policy)
        self.policy = policy
        self.checker.policy = policy
        await self.refresh_users(force=True)
        log.info("reloaded", policy_version=policy.version, users=len(self.users))

    async def refresh_users(self, *, force: bool = False) -> list[str]:
        """Re-read the users when one was added, changed or unlocked since the last look;
        the changed ones' lockouts end. Returns the names that changed."""
        stamps = await self.store.user_stamps()
        if stamps == self.user_stamps and not force:
            return []
        changed = sorted(
            name
            for name in stamps.keys() | self.user_stamps.keys()
            if stamps.get(name) != self.user_stamps.get(name)
        )
        self.users.replace(await self.store.list_users())
        self.user_stamps = stamps
        for name in changed:
            self.login_lockout.unlock(name)
        return changed

    # -- messages -------------------------------------------------------------------------

    async def process(
        self, raw: bytes, envelope: Envelope, session_id: str, *, wire_ready: bool = False
    ) -> Outcome:
        """Decide and act on one message. Shielded by the caller: it always runs to the end.

        `wire_ready`: the SMTP edge saw `raw` arrive with CRLF line ends only and no line
        after the first starting with a dot, so forwarded unchanged it needs no scan."""
        self.idle_release.started()
        try:
            return await self._process(raw, envelope, session_id, wire_ready)
        finally:
            self.idle_release.finished(len(raw))

    async def _process(
        self, raw: bytes, envelope: Envelope, session_id: str, wire_ready: bool
    ) -> Outcome:
        started = time.perf_counter()
        evaluation: Evaluation | None = None
        try:
            evaluation = await self.checker.evaluate(raw, envelope)
            if evaluation.verdict.action is Action.DELIVER:
                outcome = await self._deliver(raw, envelope, evaluation, wire_ready)
            else:
                outcome = await self._hold_or_reject(raw, envelope, evaluation, evaluation.verdict)
        except StoreError as exc:
            log.warning("store_failed", session_id=session_id, error=str(exc))
            outcome = Outcome(reply=REPLY_STORE_DOWN, action="deferred", problem="store")
        except Exception:
            log.exception("internal_error", session_id=session_id)
            outcome = Outcome(reply=REPLY_INTERNAL, action="deferred", problem="internal")
        self._observe(outcome, evaluation, envelope, session_id, started)
        if len(raw) >= self.settings.smtp.process_bytes:
            del evaluation
            await asyncio.to_thread(release_free_memory)
        return outcome

    async def _deliver(
        self, raw: bytes, envelope: Envelope, evaluation: Evaluation, wire_ready: bool = False
    ) -> Outcome:
        if evaluation.orders.previous_reply is None and self._solicits(evaluation):
            return await self._solicit(raw, envelope, evaluation)
        # a rewritten message is new bytes, scanned as usual
        unchanged = evaluation.forward_bytes is raw
        forwarded = await self.forward(envelope, evaluation, wire_ready=wire_ready and unchanged)
        if forwarded.status is ForwardStatus.DUPLICATE:
            # A retry of a message the upstream already took (the client missed our reply).
            return Outcome(
                reply=f"250 2.0.0 already delivered: {_smtp_text(forwarded.reply, 200)}",
                action="duplicate",
                verdict=evaluation.verdict,
                upstream_reply=forwarded.reply,
            )
        if forwarded.status is ForwardStatus.CLAIM_LOST:
            lost = evaluation.context.finding(
                "ORD006", "a review request for this order was already sent", forwarded.reply
            )
            verdict = decide([*evaluation.verdict.findings, lost])
            return await self._hold_or_reject(raw, envelope, evaluation, verdict)
        if forwarded.status is ForwardStatus.FAILED:
            return Outcome(
                reply=forwarded.reply if forwarded.permanent else _smtp_text(forwarded.reply),
                action="failed" if forwarded.permanent else "deferred",
                verdict=evaluation.verdict,
                upstream_reply=forwarded.reply,
                problem="upstream",
            )
        return Outcome(
            reply=forwarded.reply,
            action="deliver",
            verdict=evaluation.verdict,
            upstream_reply=forwarded.reply,
        )

    async def forward(
        self, envelope: Envelope, evaluation: Evaluation, *, wire_ready: bool = False
    ) -> Forwarded:
        """The one way a message leaves for the buyer: live delivery, release and resend.

        The ledger's answer for this exact message (a duplicate is not sent again), the
        order's one review request (ORD006, claimed in one statement), the upstream, then the
        ledger. A ledger write that fails after the upstream took the message is logged, not
        raised: the message is out, and a 451 would only make the client send it again.
        """
        message = evaluation.message
        key = message_key(evaluation)
        # Read with the order lookup (same key and digest): no second trip to the store.
        previous = evaluation.orders.previous_reply
        if previous is not None:
            return Forwarded(ForwardStatus.DUPLICATE, previous)
        claimed_order: str | None = None
        if self._needs_review_claim(evaluation):
            order_id = evaluation.orders.order_id
            assert order_id is not None
            if not await self.store.claim_review_request(order_id, key, datetime.now(UTC)):
                return Forwarded(ForwardStatus.CLAIM_LOST, order_id)
            claimed_order = order_id
        try:
            delivered = await self.upstream.send(
                envelope.mail_from,
                list(envelope.rcpt_tos),
                evaluation.forward_bytes,
                wire_ready=wire_ready,
            )
        except BaseException as exc:
            # Not delivered (or unknown, for an unexpected error): give the claim back so a
            # retry is judged afresh, then report as the upstream answered, or raise.
            if claimed_order is not None:
                await self._release_claim(claimed_order, key)
            if not isinstance(exc, UpstreamError):
                raise
            self.metrics.upstream_replies.labels(exc.reply[:1] + "xx").inc()
            return Forwarded(ForwardStatus.FAILED, exc.reply, permanent=exc.permanent)
        self.metrics.upstream_replies.labels(delivered.reply[:1] + "xx").inc()
        entry = LedgerEntry(
            message_id=key,
            digest=message.digest,
            order_id=evaluation.orders.order_id,
            buyer_alias=evaluation.facts.buyer_alias,
            sender=envelope.mail_from,
            sent_at=datetime.now(UTC),
            review_request=evaluation.facts.is_review_request,
            proactive=not message.is_reply,
            upstream_reply=delivered.reply,
        )
        try:
            await self.store.record_delivery(entry)
        except StoreError as exc:
            log.error("ledger_write_failed", message_id=key, error=str(exc))
        return Forwarded(ForwardStatus.DELIVERED, delivered.reply)

    def _solicits(self, evaluation: Evaluation) -> bool:
        """`review_requests = "solicitation"`: a compliant review request to a buyer goes as
        Amazon's own request (Solicitations API), not as this mail."""
        return (
            self.spapi is not None
            and self.settings.spapi.review_requests == "solicitation"
            and evaluation.facts.is_review_request
            and evaluation.facts.buyer_alias is not None
            and evaluation.orders.order is not None
        )

    async def _solicit(self, raw: bytes, envelope: Envelope, evaluation: Evaluation) -> Outcome:
        from relay.spapi.client import SpapiError

        assert evaluation.orders.order is not None
        order = evaluation.orders.order
        key = message_key(evaluation)
        claimed = False
        if self._needs_review_claim(evaluation):
            if not await self.store.claim_review_request(order.order_id, key, datetime.now(UTC)):
                lost = evaluation.context.finding(
                    "ORD006", "a review request for this order was already sent", order.order_id
                )
                verdict = decide([*evaluation.verdict.findings, lost])
                return await self._hold_or_reject(raw, envelope, evaluation, verdict)
            claimed = True
        try:
            refusal = await self._amazon_review_request(order)
        except BaseException as exc:
            # Not sent (or unknown, as for a mail whose send failed): the client's retry is
            # judged afresh.
            if claimed:
                await self._release_claim(order.order_id, key)
            if not isinstance(exc, SpapiError):
                raise
            log.error("solicitation_failed", order_id=order.order_id, error=str(exc))
            return Outcome(reply=REPLY_SPAPI_DOWN, action="deferred")
        if refusal is not None:
            if claimed:
                await self._release_claim(order.order_id, key)
            held = evaluation.context.finding(
                "ORD008", "Amazon does not offer its review request for this order now", refusal
            )
            verdict = decide([*evaluation.verdict.findings, held])
            return await self._hold_or_reject(raw, envelope, evaluation, verdict)
        entry = LedgerEntry(
            message_id=key,
            digest=evaluation.message.digest,
            order_id=order.order_id,
            buyer_alias=evaluation.facts.buyer_alias,
            sender=envelope.mail_from,
            sent_at=datetime.now(UTC),
            review_request=True,
            proactive=not evaluation.message.is_reply,
            upstream_reply=SOLICITATION_REPLY,
        )
        try:
            await self.store.record_delivery(entry)
        except StoreError as exc:
            # Amazon sent it: the claim still counts for ORD006; answer 250 all the same.
            log.error("ledger_write_failed", message_id=key, error=str(exc))
        reply = (
            f"250 2.0.0 not mailed: Amazon's own review request was sent for order "
            f"{order.order_id} (Solicitations API)"
        )
        return Outcome(
            reply=reply,
            action="solicited",
            verdict=evaluation.verdict,
            upstream_reply=SOLICITATION_REPLY,
        )

    async def _amazon_review_request(self, order: Order) -> str | None:
        """Send Amazon's review request for the order; the reason when Amazon does not offer it
        (or refuses it). Raises SpapiError when the API is unavailable (temporary)."""
        from relay.spapi.client import REVIEW_SOLICITATION, SpapiError
        from relay.spapi.marketplaces import marketplace_id

        assert self.spapi is not None
        market = marketplace_id(order.marketplace)
        if market is None:
            return f"no SP-API marketplace id for {order.marketplace}"
        try:
            actions = await self.spapi.client.solicitation_actions(order.order_id, market)
            if REVIEW_SOLICITATION not in actions:
                offered = ", ".join(actions) or "nothing"
                return f"getSolicitationActionsForOrder {order.order_id}: offered {offered}"
            await self.spapi.client.request_review(order.order_id, market)
        except SpapiError as exc:
            if exc.temporary:
                raise
            return str(exc)
        return None

    async def _release_claim(self, order_id: str, key: str) -> None:
        try:
            await self.store.release_review_request(order_id, key)
        except StoreError as exc:
            log.error("claim_release_failed", order_id=order_id, error=str(exc))

    def _needs_review_claim(self, evaluation: Evaluation) -> bool:
        settings = self.policy.settings("ORD006")
        return (
            evaluation.facts.is_review_request
            and evaluation.orders.order_id is not None
            and evaluation.facts.buyer_alias is not None
            and settings.enabled
            and settings.mode.value == "enforce"
        )

    async def _hold_or_reject(
        self, raw: bytes, envelope: Envelope, evaluation: Evaluation, verdict: Verdict
    ) -> Outcome:
        state = "held" if verdict.action is Action.HOLD else "rejected"
        record = quarantine_record(raw, envelope, evaluation, verdict, state, self.policy.version)
        key = message_key(evaluation)
        try:
            earlier = await asyncio.to_thread(self.quarantine.find, key, evaluation.message.digest)
            if earlier is not None and earlier.state == state:
                # A resend after a lost reply: the same answer, the same entry, no second copy.
                # (An entry released, deleted or judged otherwise since gets a new one, as any
                # new message would.)
                quarantine_id = earlier.id
                record = earlier.record
                log.info("quarantine_resend", quarantine_id=quarantine_id, state=earlier.state)
            else:
                quarantine_id = await asyncio.to_thread(self.quarantine.put, raw, record, None, key)
        except OSError as exc:
            log.error("quarantine_failed", error=str(exc))
            return Outcome(
                reply=REPLY_QUARANTINE_DOWN,
                action="deferred",
                verdict=verdict,
                problem="quarantine",
            )
        # Indexed before the reply too (a StoreError answers 451; the client's resend finds
        # the folder's entry and indexes it then): every acknowledged entry is in the console.
        await self.store.index_entry(
            *index_row(quarantine_id, raw, record, self.quarantine.root, envelope.auth_user)
        )
        language = notice_language(self.settings.notices, envelope.mail_from)
        rules = failed_rules(failed_findings(verdict), language)
        # Written with the entry, before the reply (a resend of the same entry writes nothing
        # new). A store failure propagates: 451, and the client's retry finds the same entry.
        await self._record_notice(quarantine_id, state, envelope, evaluation, rules, language)
        if verdict.action is Action.HOLD:
            reply = held_reply(quarantine_id, rules)
        else:
            reply = rejected_reply(quarantine_id, rules)
        return Outcome(
            reply=reply, action=verdict.action.value, verdict=verdict, quarantine_id=quarantine_id
        )

    async def _record_notice(
        self,
        quarantine_id: str,
        state: str,
        envelope: Envelope,
        evaluation: Evaluation,
        rules: tuple[FailedRule, ...],
        language: str,
    ) -> None:
        """Put the writer's notice of this entry in the outbox, unless it gets none."""
        settings = self.settings.notices
        recipient = notice_recipient(
            settings, evaluation.message, envelope.mail_from, self.settings.senders.approved
        )
        if self.outbox is None or recipient is None:
            return
        now = datetime.now(UTC)
        facts = NoticeFacts(
            quarantine_id=quarantine_id,
            state=state,
            subject=evaluation.message.subject,
            buyer=evaluation.facts.buyer_alias,
            order_id=evaluation.orders.order_id,
            received_at=now,
            rules=rules,
        )
        # ~10 ms of the email package's MIME and quoted-printable work: kept off the loop
        body = await asyncio.to_thread(
            compose_notice,
            facts,
            recipient=recipient,
            sender=notice_from_address(settings, self.settings.smtp.hostname),
            language=language,
            link=console_link(settings, quarantine_id),
        )
        added = await self.outbox.add(
            quarantine_id,
            recipient,
            language,
            body,
            now,
            rate_limit=settings.rate_limit,
            rate_window=settings.rate_window,
        )
        if added is NoticeState.SKIPPED:
            self.metrics.notices.labels("skipped").inc()
            log.warning("notice_rate_limited", quarantine_id=quarantine_id, recipient=recipient)
        elif added is not None:
            self.metrics.notices.labels("queued").inc()
            if self.notice_sender is not None:
                self.notice_sender.notify()

    def _observe(
        self,
        outcome: Outcome,
        evaluation: Evaluation | None,
        envelope: Envelope,
        session_id: str,
        started: float,
    ) -> None:
        duration = time.perf_counter() - started
        self.metrics.messages.labels(outcome.action, outcome.reply[:3]).inc()
        self.metrics.message_seconds.observe(duration)
        findings: tuple[Finding, ...] = outcome.verdict.findings if outcome.verdict else ()
        for finding in findings:
            self.metrics.findings.labels(finding.code, finding.severity.value).inc()
        if evaluation is not None:
            self.metrics.policy_seconds.observe(evaluation.policy_seconds)
        enforced = Counter(f.code for f in findings if f.enforced)
        shadow = Counter(f.code for f in findings if not f.enforced)
        log.log(
            _LOG_LEVEL_OF_PROBLEM.get(outcome.problem, logging.WARNING),
            "message",
            session_id=session_id,
            auth_user=envelope.auth_user,
            message_id=evaluation.message.message_id if evaluation else None,
            order_id=evaluation.orders.order_id if evaluation else None,
            mail_from=envelope.mail_from,
            client=envelope.client_address,
            rcpt_tos=[
                aliases.mask(r) if aliases.is_buyer_alias(r) else r for r in envelope.rcpt_tos
            ],
            action=outcome.action,
            modified=bool(outcome.verdict and outcome.verdict.modified),
            # each code once; how often a rule matched, where more than once
            codes=list(enforced),
            would_have=list(shadow),
            code_counts={code: n for code, n in (enforced + shadow).items() if n > 1} or None,
            problem=outcome.problem,
            quarantine_id=outcome.quarantine_id,
            upstream_reply=outcome.upstream_reply,
            reply=outcome.reply,
            duration_ms=round(duration * 1000, 2),
            policy_ms=round(evaluation.policy_seconds * 1000, 2) if evaluation else None,
            policy_cpu_ms=round(evaluation.policy_cpu_seconds * 1000, 2) if evaluation else None,
        )


def upstream_timeout(settings: Settings) -> float:
    """Bound the upstream send well below the session timeout (architecture trap 3)."""
    return min(settings.upstream.timeout, settings.smtp.session_timeout / 3)


def quarantine_record(
    raw: bytes,
    envelope: Envelope,
    evaluation: Evaluation,
    verdict: Verdict,
    state: str,
    policy_version: str,
) -> dict[str, Any]:
    message = evaluation.message
    return {
        "state": state,
        "action": verdict.action.value,
        "policy_version": policy_version,
        "envelope": {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            # who submitted it (SMTP AUTH), for the reviewer and the notices
            "auth_user": envelope.auth_user,
            "client_address": envelope.client_address,
        },
        "headers": {
            "from": ", ".join(message.from_addresses),
            "to": ", ".join(message.to_addresses),
            "cc": ", ".join(message.cc_addresses),
            "subject": message.subject,
            "message_id": message.message_id,
            "date": message.header("date") or "",
            "in_reply_to": message.in_reply_to,
        },
        "order_id": evaluation.orders.order_id,
        "size": len(raw),
        "digest": message.digest,
        "findings": [f.as_dict() for f in verdict.findings],
    }


def index_row(
    quarantine_id: str,
    raw: bytes,
    record: dict[str, Any],
    folder: Path,
    auth_user: str | None = None,
) -> tuple[IndexedEntry, bytes, AuditEvent]:
    """The store's index row of a quarantine entry, and its first audit event."""
    envelope = record.get("envelope", {})
    rcpt_tos = [str(r) for r in envelope.get("rcpt_tos", [])]
    buyer = next((r for r in rcpt_tos if aliases.is_buyer_alias(r)), "")
    suffix = aliases.marketplace_suffix(buyer) if buyer else None
    # What stopped it (hold and reject): what a reviewer filters by and reads in the list.
    codes = tuple(
        dict.fromkeys(
            str(f["code"])
            for f in record.get("findings", [])
            if f.get("mode") != "log" and f.get("severity") in ("hold", "reject")
        )
    )
    received = record.get("received_at")
    at = datetime.fromisoformat(received) if received else datetime.now(UTC)
    state = str(record.get("state", "held"))
    entry = IndexedEntry(
        id=quarantine_id,
        state=state,
        codes=codes,
        sender=str(envelope.get("mail_from", "")),
        auth_user=auth_user or str(envelope.get("auth_user") or ""),
        recipient=", ".join(rcpt_tos),
        subject=str(record.get("headers", {}).get("subject", "")),
        marketplace=f"amazon.{suffix}" if suffix else "",
        order_id=record.get("order_id"),
        created_at=at,
        updated_at=at,
        holder=socket.gethostname(),
        folder=str(folder.resolve()),
        record_json=json.dumps(record, ensure_ascii=False),
        size=len(raw),
    )
    return entry, raw, AuditEvent(quarantine_id, at, "relay", state, ",".join(codes))
