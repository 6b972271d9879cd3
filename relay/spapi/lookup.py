"""The just-in-time lookup: an order the store does not know, asked of the API within a budget.

One API lookup per unknown order however many messages name it at once (single flight); the
lookup goes on after a message's budget runs out, and its result is stored for the next one.
An order Amazon does not have is remembered as missing for a minute; one it has is remembered
for a minute too, because a message that read the store just before the lookup stored its result
would otherwise ask again.
"""

from __future__ import annotations

import asyncio
import dataclasses
import time
from typing import Final

import structlog

from relay.model.types import Order
from relay.spapi.client import SpapiClient, SpapiError
from relay.spapi.marketplaces import marketplace_id
from relay.spapi.orders import NOT_FROM_API, OrderShapeError, order_from_api
from relay.spapi.status import SpapiMetrics
from relay.store.base import Store, StoreError

log = structlog.get_logger("relay.spapi.lookup")

MISSING_SECONDS: Final = 60.0
FOUND_SECONDS: Final = 60.0


class OrderLookup:
    def __init__(
        self, client: SpapiClient, store: Store, metrics: SpapiMetrics | None = None
    ) -> None:
        self.client = client
        self.store = store
        self.metrics = metrics
        self._inflight: dict[str, asyncio.Task[Order | None]] = {}
        self._missing: dict[str, float] = {}
        self._found: dict[str, tuple[float, Order]] = {}

    def _count(self, result: str) -> None:
        if self.metrics is not None:
            self.metrics.lookups.labels(result).inc()

    async def find(self, order_id: str, budget: float) -> Order | None:
        """The order from the API, or None when Amazon has none or did not answer in time."""
        if budget <= 0:
            return None
        if self._missing.get(order_id, 0.0) > time.monotonic():
            self._count("missing")
            return None
        found = self._found.get(order_id)
        if found is not None and found[0] > time.monotonic():
            return found[1]
        task = self._inflight.get(order_id)
        if task is None:
            task = asyncio.create_task(self._fetch(order_id), name=f"spapi-lookup-{order_id}")
            self._inflight[order_id] = task
            task.add_done_callback(lambda _t: self._inflight.pop(order_id, None))
        try:
            # shield: a message whose budget ran out leaves the lookup running for the next.
            return await asyncio.wait_for(asyncio.shield(task), budget)
        except TimeoutError:
            self._count("timeout")
            log.warning("spapi_lookup_timeout", order_id=order_id, budget=budget)
            return None

    async def _fetch(self, order_id: str) -> Order | None:
        try:
            data = await self.client.get_order(order_id)
            if data is None:
                self._missing[order_id] = time.monotonic() + MISSING_SECONDS
                self._count("missing")
                return None
            order = order_from_api(data)
            mid = marketplace_id(order.marketplace)
            locale = await self.client.buyer_locale(order_id, mid) if mid else None
            if locale:
                order = dataclasses.replace(order, buyer_locale=locale)
            await self.store.upsert_orders([order], keep=NOT_FROM_API)
        except (SpapiError, OrderShapeError, StoreError) as exc:
            self._count("failed")
            log.warning("spapi_lookup_failed", order_id=order_id, error=str(exc))
            return None
        self._count("found")
        now = time.monotonic()
        self._found = {k: v for k, v in self._found.items() if v[0] > now}
        self._found[order_id] = (now + FOUND_SECONDS, order)
        log.info("spapi_lookup_stored", order_id=order_id)
        return order

    async def close(self) -> None:
        tasks = list(self._inflight.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
