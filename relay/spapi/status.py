"""What /healthz and /metrics say about the SP-API: counters, the newest order's age, and
`spapi: ok | degraded` with the last good sync time. The HTTP layer only calls these."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

from prometheus_client import CollectorRegistry, Counter, Gauge

from relay.config import SpapiSettings
from relay.store.base import Store

if TYPE_CHECKING:
    from relay.runtime.core import Relay

SYNC_NAME: Final = "orders"
_FAILED_OUTCOMES: Final = frozenset({"failed", "unreachable"})


class SpapiMetrics:
    """The SP-API's counters in the relay's registry, and the last call outcomes seen here."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.sync_runs = Counter(
            "bsm_relay_spapi_sync_runs", "Order sync runs by result", ["result"], registry=registry
        )
        self.orders_synced = Counter(
            "bsm_relay_spapi_orders_synced", "Orders written by the SP-API sync", registry=registry
        )
        self.calls = Counter(
            "bsm_relay_spapi_calls",
            "SP-API HTTP attempts by operation and outcome",
            ["operation", "outcome"],
            registry=registry,
        )
        self.lookups = Counter(
            "bsm_relay_spapi_lookups",
            "Just-in-time order lookups by result",
            ["result"],
            registry=registry,
        )
        self.newest_order_age = Gauge(
            "bsm_relay_newest_order_age_seconds",
            "Seconds since the purchase of the newest order in the store",
            registry=registry,
            multiprocess_mode="livemin",
        )
        self.last_ok: datetime | None = None
        self.last_failure: datetime | None = None

    def observe(self, operation: str, outcome: str) -> None:
        """The client's report of one attempt (SpapiClient `observe`)."""
        self.calls.labels(operation, outcome).inc()
        now = datetime.now(UTC)
        if outcome == "ok":
            self.last_ok = now
        elif outcome in _FAILED_OUTCOMES:
            self.last_failure = now


async def health(store: Store, settings: SpapiSettings, metrics: SpapiMetrics | None) -> str:
    """`ok`, or `degraded: ...` with the last good sync time (the relay still serves from the
    stored orders then: a degraded SP-API never fails /healthz by itself)."""
    state = await store.sync_state(SYNC_NAME)
    last_good = state.last_success_at if state else None
    good_text = last_good.strftime("%Y-%m-%dT%H:%M:%SZ") if last_good else "never"
    problems: list[str] = []
    if state and state.last_failure_at and (not last_good or state.last_failure_at > last_good):
        problems.append("last sync failed")
    if settings.sync_interval and last_good is not None:
        stale_after = 3 * settings.sync_interval + settings.lease_seconds
        if (datetime.now(UTC) - last_good).total_seconds() > stale_after:
            problems.append("no sync for too long")
    if (
        metrics is not None
        and metrics.last_failure is not None
        and (metrics.last_ok is None or metrics.last_failure > metrics.last_ok)
    ):
        problems.append("API unreachable")
    if not problems:
        return "ok"
    return f"degraded: {', '.join(problems)}; last good sync {good_text}"


async def refresh_gauges(store: Store, metrics: SpapiMetrics) -> None:
    """Set the newest order's age just before a scrape."""
    newest = await store.newest_order_at()
    if newest is not None:
        metrics.newest_order_age.set((datetime.now(UTC) - newest).total_seconds())


async def checked_health(relay: Relay) -> str:
    """/healthz's `spapi` entry for a relay; never raises (the store check reports the store)."""
    try:
        async with asyncio.timeout(5):
            return await health(relay.store, relay.settings.spapi, relay.spapi_metrics)
    except Exception as exc:
        return f"degraded: state unreadable ({type(exc).__name__})"


async def checked_refresh(relay: Relay) -> None:
    """/metrics: the gauges read from the store; a store failure leaves them as they were."""
    with contextlib.suppress(Exception):
        async with asyncio.timeout(5):
            await refresh_gauges(relay.store, relay.spapi_metrics)
