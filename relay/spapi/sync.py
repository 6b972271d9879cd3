"""The order sync: getOrders by LastUpdatedAfter into the store, resumable and idempotent;
and the background loop in `serve` that lets one relay of several sync at a time (a lease).

Every page is stored as it arrives, so a run that fails half way keeps what it stored; the
cursor moves only when a run completes, so the next run starts where the failed one did
(orders fetched twice are upserted twice: same rows).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import socket
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

import structlog

from relay.config import SpapiSettings
from relay.model.types import Order
from relay.spapi.client import SpapiClient, SpapiError
from relay.spapi.marketplaces import marketplace_id
from relay.spapi.orders import (
    NOT_FROM_API,
    OrderNotReady,
    OrderShapeError,
    last_update,
    order_from_api,
)
from relay.spapi.status import SYNC_NAME, SpapiMetrics
from relay.store.base import Store, StoreError

log = structlog.get_logger("relay.spapi.sync")


LEASE_NAME: Final = "orders-sync"
# Held only while a run is under way, by the background sync and by `orders sync` alike, so a
# manual run never races a relay's (the lease above is kept between runs by its holder).
RUN_LEASE_NAME: Final = "orders-sync-run"
# Without a cursor or --since, the first run reads this far back: older orders are past every
# contact and review window of docs/policy.md.
FIRST_WINDOW: Final = timedelta(days=60)


@dataclass(frozen=True, slots=True)
class SyncReport:
    pages: int
    fetched: int
    stored: int
    new: int
    refused: tuple[str, ...]
    since: datetime
    cursor: datetime


class OrderSync:
    """One run of the sync; `serve` keeps one and runs it every `sync_interval`."""

    def __init__(
        self,
        client: SpapiClient,
        store: Store,
        settings: SpapiSettings,
        metrics: SpapiMetrics | None = None,
    ) -> None:
        self.client = client
        self.store = store
        self.settings = settings
        self.metrics = metrics

    async def run(self, since: datetime | None = None) -> SyncReport:
        started = datetime.now(UTC)
        try:
            report = await self._run(since, started)
        except (SpapiError, StoreError) as exc:
            if self.metrics is not None:
                self.metrics.sync_runs.labels("failed").inc()
            with contextlib.suppress(StoreError):
                await self.store.record_sync(SYNC_NAME, failure_at=started, error=str(exc))
            raise
        if self.metrics is not None:
            self.metrics.sync_runs.labels("ok").inc()
            self.metrics.orders_synced.inc(report.stored)
        return report

    async def _run(self, since: datetime | None, started: datetime) -> SyncReport:
        state = await self.store.sync_state(SYNC_NAME)
        after = since or (state.cursor if state and state.cursor else started - FIRST_WINDOW)
        pages = fetched = stored = new = 0
        refused: list[str] = []
        upper: datetime | None = None
        newest_update: datetime | None = None
        token: str | None = None
        while True:
            page = await self.client.get_orders(
                self.settings.marketplaces, last_updated_after=after, next_token=token
            )
            pages += 1
            fetched += len(page.orders)
            if upper is None and page.last_updated_before:
                with contextlib.suppress(ValueError):
                    upper = datetime.fromisoformat(page.last_updated_before.replace("Z", "+00:00"))
            for data in page.orders:
                moment = last_update(data)
                if moment is not None and (newest_update is None or moment > newest_update):
                    newest_update = moment
            page_orders, page_refused = _convert(page.orders)
            refused.extend(page_refused)
            known = await self.store.order_locales([o.order_id for o in page_orders])
            completed: list[Order] = []
            for order in page_orders:
                if order.order_id not in known:
                    new += 1
                if known.get(order.order_id) is None:
                    # New (or never localised): one getAttributes each, not on every change.
                    order = await self._with_locale(order)
                completed.append(order)
            stored += await self.store.upsert_orders(completed, keep=NOT_FROM_API)
            token = page.next_token
            if not token:
                break
        # The upper bound Amazon answered for (LastUpdatedBefore) is where the next run starts:
        # anything updated later is after it. Without one, the newest update seen.
        cursor = upper or newest_update or after
        if cursor.tzinfo is None:
            cursor = cursor.replace(tzinfo=UTC)
        await self.store.record_sync(SYNC_NAME, cursor=cursor, success_at=started)
        report = SyncReport(
            pages=pages,
            fetched=fetched,
            stored=stored,
            new=new,
            refused=tuple(refused),
            since=after,
            cursor=cursor,
        )
        log.info(
            "sync_finished",
            pages=pages,
            fetched=fetched,
            stored=stored,
            new=new,
            refused=len(refused),
            since=after.isoformat(),
            cursor=cursor.isoformat(),
        )
        return report

    async def _with_locale(self, order: Order) -> Order:
        mid = marketplace_id(order.marketplace)
        if mid is None:
            return order
        try:
            locale = await self.client.buyer_locale(order.order_id, mid)
        except SpapiError as exc:
            if exc.temporary:
                raise
            # A refused lookup for one order does not stop the sync: LNG001 falls back to the
            # marketplace's language, as for an order imported without a locale.
            log.warning("spapi_refused", error=str(exc))
            return order
        return dataclasses.replace(order, buyer_locale=locale) if locale else order


def _convert(items: list[dict[str, Any]]) -> tuple[list[Order], list[str]]:
    converted: list[Order] = []
    refused: list[str] = []
    for data in items:
        try:
            converted.append(order_from_api(data))
        except OrderNotReady:
            continue
        except OrderShapeError as exc:
            refused.append(str(exc))
            log.warning("sync_order_refused", reason=str(exc))
    return converted, refused


class SyncBusy(Exception):
    """Another sync is running now; the text names its holder."""


@contextlib.asynccontextmanager
async def run_lease(store: Store, holder: str, seconds: float) -> AsyncIterator[None]:
    """Hold the run lease for the body, renewed every seconds / 3; SyncBusy when taken."""
    if not await store.acquire_lease(RUN_LEASE_NAME, holder, seconds):
        raise SyncBusy(await store.lease_holder(RUN_LEASE_NAME) or "another relay")

    async def renew() -> None:
        while True:
            await asyncio.sleep(seconds / 3)
            with contextlib.suppress(StoreError):
                await store.acquire_lease(RUN_LEASE_NAME, holder, seconds)

    renewer = asyncio.create_task(renew(), name="spapi-run-lease")
    try:
        yield
    finally:
        renewer.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await renewer
        with contextlib.suppress(StoreError):
            await store.release_lease(RUN_LEASE_NAME, holder)


def holder_name() -> str:
    """This relay's name in the lease table: host, process and a per-start token."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class BackgroundSync:
    """`serve` with `sync_interval`: take (or renew) the lease, sync when due, repeat.

    The holder keeps the lease between runs, renewing it every lease_seconds / 3, so the
    relays do not take turns; a holder that dies (kill -9) stops renewing and another relay
    takes over once the lease expires. A stopping holder gives it back at once.
    """

    def __init__(
        self, sync: OrderSync, store: Store, settings: SpapiSettings, holder: str | None = None
    ) -> None:
        self.sync = sync
        self.store = store
        self.interval = settings.sync_interval
        self.lease_seconds = settings.lease_seconds
        self.holder = holder or holder_name()
        self._task: asyncio.Task[None] | None = None
        self._holding = False

    def start(self) -> None:
        self._task = asyncio.create_task(self._loop(), name="spapi-background-sync")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._holding:
            with contextlib.suppress(StoreError):
                await self.store.release_lease(LEASE_NAME, self.holder)
            self._holding = False

    async def _take(self) -> bool:
        try:
            held = await self.store.acquire_lease(LEASE_NAME, self.holder, self.lease_seconds)
        except StoreError as exc:
            log.error("sync_lease_failed", error=str(exc))
            held = False
        if held != self._holding:
            log.info("sync_lease_taken" if held else "sync_lease_lost", holder=self.holder)
        self._holding = held
        return held

    async def _loop(self) -> None:
        renew_every = self.lease_seconds / 3
        due = time.monotonic()
        while True:
            # A run skipped because `orders sync` was running is tried again at the next
            # renewal, not an interval later.
            if (
                await self._take()
                and time.monotonic() >= due
                and await self._run_holding(renew_every)
            ):
                due = time.monotonic() + self.interval
            wait = renew_every if not self._holding else min(renew_every, due - time.monotonic())
            await asyncio.sleep(max(0.05, wait))

    async def _run_holding(self, renew_every: float) -> bool:
        """One run while renewing the lease; False when it was skipped (another run is on)."""
        run = asyncio.create_task(self._run_once())
        try:
            while not run.done():
                done, _ = await asyncio.wait({run}, timeout=renew_every)
                if not done and not await self._take():
                    # Another relay holds it now (we stalled past the expiry): stop, it syncs.
                    run.cancel()
        finally:
            if not run.done():
                # A stopping relay ends its run here, so the run lease is given back now
                # rather than left to expire (an `orders sync` right after would be refused).
                run.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await run
        try:
            return await run
        except asyncio.CancelledError:
            return True

    async def _run_once(self) -> bool:
        try:
            async with run_lease(self.store, self.holder, self.lease_seconds):
                log.info("sync_started", holder=self.holder)
                await self.sync.run()
        except SyncBusy as busy:
            log.info("sync_skipped", holder=self.holder, running=str(busy))
            return False
        except (SpapiError, StoreError) as exc:
            log.error("sync_failed", holder=self.holder, error=str(exc))
        except Exception:
            log.exception("sync_crashed", holder=self.holder)
        return True
