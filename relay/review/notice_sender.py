"""The background task of `serve` that hands pending notices to the upstream.

A notice that the upstream does not take is retried with a doubling delay; the message it is
about keeps its outcome whatever happens here. Rows live in the store (relay/store/outbox.py),
so a restart picks up what was pending, and a notice marked sent is never sent again.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
from datetime import UTC, datetime, timedelta

import structlog

from relay.config import NoticesSettings
from relay.delivery.quarantine import pid_alive
from relay.delivery.upstream import Upstream, UpstreamError
from relay.metrics import Metrics
from relay.model import aliases
from relay.review.notices import NoticeRecipientError, ensure_not_buyer
from relay.store.base import StoreError
from relay.store.outbox import Notice, Outbox

log = structlog.get_logger("relay.review.notices")



def retry_delay(settings: NoticesSettings, attempts: int) -> float:
    """retry_initial after the first failed attempt, doubling up to retry_max."""
    return float(min(settings.retry_max, settings.retry_initial * 2 ** max(0, attempts - 1)))


class NoticeSender:
    def __init__(
        self,
        outbox: Outbox,
        upstream: Upstream,
        settings: NoticesSettings,
        metrics: Metrics,
        *,
        lease: float,
    ) -> None:
        """`lease`: how long a claimed notice is this sender's; longer than an upstream send
        may take, so that no other relay sends it meanwhile."""
        self.outbox = outbox
        self.upstream = upstream
        self.settings = settings
        self.metrics = metrics
        self.lease = lease
        self.host = socket.gethostname()
        self.wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="notice-sender")

    async def stop(self, wait: float = 10.0) -> None:
        """Stop between notices: a send under way may finish within `wait` seconds. One cut
        short stays claimed by this process, which the next start on this host frees."""
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping = True
        self.wake.set()
        done, _ = await asyncio.wait({task}, timeout=wait)
        if not done:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def notify(self) -> None:
        """A notice was just written: look now rather than at the next poll."""
        self.wake.set()

    @property
    def owner(self) -> str:
        return f"{self.host}:{os.getpid()}"

    async def _run(self) -> None:
        try:
            # A relay on this host killed mid-send: its notices are due now, not after the lease.
            freed = await self.outbox.free_dead_claims(self.host, pid_alive, datetime.now(UTC))
            if freed:
                log.info("notice_claims_freed", notices=freed)
        except StoreError as exc:
            log.error("notice_store_failed", error=str(exc))
        while not self._stopping:
            try:
                await self.send_due()
            except StoreError as exc:
                log.error("notice_store_failed", error=str(exc))
            except Exception:
                log.exception("notice_sender_failed")
            self.wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=self.settings.poll_interval)

    async def send_due(self) -> int:
        """Send every notice due now; the number the upstream took."""
        sent = 0
        while not self._stopping:
            # One at a time: a sender told to stop holds no claim it will not send.
            due = await self.outbox.claim_due(datetime.now(UTC), self.lease, self.owner, limit=1)
            if not due:
                break
            sent += await self._send(due[0])
        return sent

    async def _send(self, notice: Notice) -> int:
        try:
            ensure_not_buyer(notice.recipient)
        except NoticeRecipientError as exc:
            await self.outbox.mark_failed(notice.quarantine_id, str(exc), None)
            self.metrics.notices.labels("failed").inc()
            log.error("notice_refused", quarantine_id=notice.quarantine_id, error=str(exc))
            return 0
        try:
            # Null envelope sender: nothing automatic answers a notice (RFC 3834, 5321 4.5.5).
            delivered = await self.upstream.send("", [notice.recipient], notice.body)
        except UpstreamError as exc:
            retry_at = None
            if not exc.permanent:
                delay = retry_delay(self.settings, notice.attempts)
                retry_at = datetime.now(UTC) + timedelta(seconds=delay)
            await self.outbox.mark_failed(notice.quarantine_id, exc.reply, retry_at)
            self.metrics.notices.labels("retry" if retry_at else "failed").inc()
            log.warning(
                "notice_not_sent",
                quarantine_id=notice.quarantine_id,
                recipient=_shown(notice.recipient),
                attempts=notice.attempts,
                upstream_reply=exc.reply,
                retry_at=retry_at.isoformat() if retry_at else None,
            )
            return 0
        await self.outbox.mark_sent(notice.quarantine_id, datetime.now(UTC), delivered.reply)
        self.metrics.notices.labels("sent").inc()
        log.info(
            "notice_sent",
            quarantine_id=notice.quarantine_id,
            recipient=_shown(notice.recipient),
            attempts=notice.attempts,
            upstream_reply=delivered.reply,
        )
        return 1


def _shown(address: str) -> str:
    return aliases.mask(address) if aliases.is_buyer_alias(address) else address
