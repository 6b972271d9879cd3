"""What a reviewer does with a quarantined message: release, delete, edit and resend.

The console and `bsm-relay quarantine` both act through this module, on the store's index
(so one console acts on every relay's entries) and through `Relay.forward`, the one path by
which live mail leaves too: the same ledger, review-request claim (ORD006) and duplicate
checks. An entry is moved to "releasing" in one statement before anything is sent, so two
reviewers (or a reviewer and the command line, on two hosts) never both send it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import structlog

from relay.delivery.quarantine import Quarantine, QuarantineError
from relay.model import aliases
from relay.model.types import Envelope
from relay.review.edit import EditError, edited_message
from relay.runtime.core import ForwardStatus, Relay, index_row
from relay.store.base import AuditEvent, IndexedEntry, LedgerEntry, Role
from relay.verdict import Action, Verdict

log = structlog.get_logger("relay.review.actions")

RELEASING: Final = "releasing"
OPEN_STATES: Final = ("held", "rejected")


class ReviewError(Exception):
    """The action is refused or failed; the text says why, for a reviewer."""


class NewerDeliveryError(ReviewError):
    """A release refused because the buyer got a newer message about the same order since this
    one was held. The text is the command line's; the console words it for an agent from
    `newer` (what was delivered, oldest first)."""

    def __init__(self, text: str, newer: list[LedgerEntry]) -> None:
        super().__init__(text)
        self.newer = newer


@dataclass(frozen=True, slots=True)
class Done:
    """An action that reached the buyer: the upstream's reply."""

    entry_id: str
    reply: str


@dataclass(frozen=True, slots=True)
class Resend:
    """The verdict on a corrected version, and the upstream's reply when it was sent."""

    verdict: Verdict
    reply: str | None

    @property
    def sent(self) -> bool:
        return self.reply is not None


def envelope_of(entry: IndexedEntry) -> Envelope:
    record = record_of(entry)
    env = record.get("envelope", {})
    return Envelope(
        mail_from=str(env.get("mail_from", entry.sender)),
        rcpt_tos=tuple(str(r) for r in env.get("rcpt_tos", [])),
        auth_user=entry.auth_user or None,
    )


def record_of(entry: IndexedEntry) -> dict[str, Any]:
    try:
        record = json.loads(entry.record_json)
    except ValueError:
        return {}
    return record if isinstance(record, dict) else {}


def _now() -> datetime:
    return datetime.now(UTC)


class Review:
    def __init__(self, relay: Relay) -> None:
        self.relay = relay
        self.store = relay.store

    async def entry(self, entry_id: str) -> IndexedEntry:
        """The indexed entry; one only in this relay's folder (quarantined before the index
        existed) is indexed now, so every action works on the index."""
        found = await self.store.get_entry(entry_id)
        if found is not None:
            return found
        quarantine = self.relay.quarantine
        try:
            local = await asyncio.to_thread(quarantine.get, entry_id)
            raw = await asyncio.to_thread(quarantine.body, local)
        except QuarantineError as exc:
            raise ReviewError(str(exc)) from None
        record = {"id": entry_id, **local.record}
        await self.store.index_entry(*index_row(entry_id, raw, record, quarantine.root))
        found = await self.store.get_entry(entry_id)
        if found is None:
            raise ReviewError(f"no quarantined message {entry_id}")
        return found

    async def adopt_folder(self) -> int:
        """Index this relay's folder entries the index lacks (quarantined before it existed)."""
        adopted = 0
        for local in await asyncio.to_thread(self.relay.quarantine.entries):
            if await self.store.get_entry(local.id) is not None:
                continue
            try:
                raw = await asyncio.to_thread(self.relay.quarantine.body, local)
            except QuarantineError:
                raw = b""
            record = {"id": local.id, **local.record}
            await self.store.index_entry(
                *index_row(local.id, raw, record, self.relay.quarantine.root)
            )
            adopted += 1
        return adopted

    async def raw(self, entry: IndexedEntry) -> bytes:
        raw = await self.store.entry_raw(entry.id)
        if raw is None:
            raise ReviewError(f"the message of {entry.id} is gone (state {entry.state})")
        return raw

    async def newer_deliveries(self, entry: IndexedEntry) -> list[LedgerEntry]:
        """What was delivered to this entry's buyer about its order after it was held: most
        often the writer's own corrected version, sent again from the helpdesk after the
        notice (a reviewer's resend of another entry counts too: the buyer has both)."""
        buyers = [r for r in envelope_of(entry).rcpt_tos if aliases.is_buyer_alias(r)]
        return await self.store.deliveries_since(buyers, entry.created_at, entry.order_id)

    async def release(
        self,
        entry_id: str,
        actor: str,
        role: Role,
        reason: str = "",
        *,
        even_if_newer: bool = False,
    ) -> Done:
        """Forward a held message as it is; a rejected one only by an admin with a reason; one
        whose buyer got a newer message since only when the reviewer says so (`even_if_newer`),
        since the buyer would read both."""
        entry = await self.entry(entry_id)
        reason = " ".join(reason.split())
        if entry.state == "rejected":
            if role != "admin":
                raise ReviewError(
                    f"{entry_id} was rejected: only an admin can release it, with a reason"
                )
            if not reason:
                raise ReviewError(f"{entry_id} was rejected: releasing it needs a reason")
        elif entry.state != "held":
            raise ReviewError(f"{entry_id} is {entry.state}, only held messages are released")
        raw = await self.raw(entry)
        envelope = envelope_of(entry)
        evaluation = await self.relay.checker.evaluate(raw, envelope)
        if evaluation.orders.previous_reply is not None:
            # The ledger has this very message as delivered: a second entry of it, or a copy
            # released before. Sending it again would reach the buyer twice.
            raise ReviewError(
                f"{entry_id}: this message was already delivered "
                f"({evaluation.orders.previous_reply[:120]}); nothing sent, "
                "delete the entry instead"
            )
        newer = await self.newer_deliveries(entry)
        if newer and not even_if_newer:
            last = newer[-1]
            # The trail keeps which mail it was (the page shows an agent when, not the id).
            await self.store.add_audit(
                AuditEvent(
                    entry_id,
                    _now(),
                    actor,
                    "release_refused",
                    f"the buyer got a newer message since: {last.message_id}, "
                    f"delivered {last.sent_at:%Y-%m-%d %H:%M} UTC",
                )
            )
            log.info(
                "release_refused",
                quarantine_id=entry_id,
                by=actor,
                auth_user=entry.auth_user,
                newer=len(newer),
            )
            raise NewerDeliveryError(
                f"{entry_id}: the buyer got a newer message since this one was held "
                f"({last.message_id}, delivered {last.sent_at:%Y-%m-%d %H:%M} UTC, probably the "
                "corrected version); releasing this one too would send both. Nothing sent: "
                "delete it, or release it anyway (console: tick 'send it as well'; command line: "
                "--even-if-newer)",
                newer,
            )
        if newer:
            reason = f"{reason} (released although {len(newer)} newer sent)".strip()
        reply = await self._send(entry, actor, "release", reason, evaluation, "released")
        return Done(entry_id, reply)

    async def resend(
        self, entry_id: str, actor: str, text: str, drop_attachments: Collection[int] = ()
    ) -> Resend:
        """Judge the reviewer's corrected version with the full policy; send it only when it
        would be delivered, keeping the conversation headers (relay.review.edit)."""
        entry = await self.entry(entry_id)
        if entry.state not in OPEN_STATES:
            raise ReviewError(f"{entry_id} is {entry.state}: nothing to correct")
        try:
            corrected = edited_message(await self.raw(entry), text, drop_attachments)
        except EditError as exc:
            raise ReviewError(str(exc)) from None
        envelope = envelope_of(entry)
        evaluation = await self.relay.checker.evaluate(corrected, envelope)
        verdict = evaluation.verdict
        if verdict.action is not Action.DELIVER:
            codes = ",".join(f.code for f in verdict.blocking)
            await self.store.add_audit(
                AuditEvent(entry_id, _now(), actor, "resend_refused", f"{verdict.action}: {codes}")
            )
            log.info(
                "resend_refused",
                quarantine_id=entry_id,
                by=actor,
                auth_user=entry.auth_user,
                action=str(verdict.action),
                codes=sorted({f.code for f in verdict.blocking}),
            )
            return Resend(verdict, None)
        reply = await self._send(entry, actor, "resend", "corrected text", evaluation, "resent")
        return Resend(verdict, reply)

    async def _send(
        self,
        entry: IndexedEntry,
        actor: str,
        action: str,
        reason: str,
        evaluation: Any,
        final_state: str,
    ) -> str:
        event = AuditEvent(entry.id, _now(), actor, action, reason)
        if not await self.store.change_state(entry.id, (entry.state,), RELEASING, event):
            current = await self.store.get_entry(entry.id)
            state = current.state if current else "gone"
            raise ReviewError(f"{entry.id} is {state} now (someone else acted on it); nothing sent")
        try:
            forwarded = await self.relay.forward(envelope_of(entry), evaluation)
        except BaseException:
            await self._back(entry, actor, "internal error, nothing sent")
            raise
        if forwarded.status is not ForwardStatus.DELIVERED:
            why = {
                ForwardStatus.DUPLICATE: f"already delivered ({forwarded.reply[:120]})",
                ForwardStatus.CLAIM_LOST: (
                    f"ORD006: a review request for order {forwarded.reply} was already sent"
                ),
                ForwardStatus.FAILED: f"upstream did not accept the message: {forwarded.reply}",
            }[forwarded.status]
            await self._back(entry, actor, why)
            raise ReviewError(f"{entry.id}: {why}")
        done = AuditEvent(entry.id, _now(), actor, final_state, forwarded.reply)
        await self.store.change_state(entry.id, (RELEASING,), final_state, done)
        await self._mirror(entry, final_state, actor, forwarded.reply)
        log.info(
            final_state,
            quarantine_id=entry.id,
            by=actor,
            auth_user=entry.auth_user,
            upstream_reply=forwarded.reply,
        )
        return forwarded.reply

    async def _back(self, entry: IndexedEntry, actor: str, why: str) -> None:
        event = AuditEvent(entry.id, _now(), actor, "send_failed", why)
        await self.store.change_state(entry.id, (RELEASING,), entry.state, event)

    async def delete(self, entry_id: str, actor: str, reason: str = "") -> None:
        """Mark it deleted and drop the message, in the index and in its folder."""
        entry = await self.entry(entry_id)
        event = AuditEvent(entry_id, _now(), actor, "delete", " ".join(reason.split()))
        allowed = (*OPEN_STATES, "released", "resent")
        if entry.state not in allowed or not await self.store.change_state(
            entry_id, allowed, "deleted", event, drop_raw=True
        ):
            current = await self.store.get_entry(entry_id)
            raise ReviewError(f"{entry_id} is {current.state if current else 'gone'} already")
        await self._mirror(entry, "deleted", actor, reason)
        log.info("deleted", quarantine_id=entry_id, by=actor, auth_user=entry.auth_user)

    async def _mirror(self, entry: IndexedEntry, state: str, actor: str, note: str) -> None:
        """The entry's folder follows the index when this host can reach it (best effort: the
        index is what every console reads)."""
        folder = Path(entry.folder)

        def write() -> None:
            quarantine = Quarantine(folder)
            if state == "deleted":
                quarantine.delete(entry.id, actor)
            else:
                quarantine.set_state(entry.id, state, actor, note=note)

        if not folder.is_dir():
            return
        try:
            await asyncio.to_thread(write)
        except (OSError, QuarantineError) as exc:
            log.warning("quarantine_folder_not_updated", quarantine_id=entry.id, error=str(exc))
