"""The SP-API parts one relay holds: client, just-in-time lookup, sync, background sync."""

from __future__ import annotations

from relay.config import SpapiSettings
from relay.spapi.client import SpapiClient
from relay.spapi.lookup import OrderLookup
from relay.spapi.status import SpapiMetrics
from relay.spapi.sync import BackgroundSync, OrderSync
from relay.store.base import Store


class SpapiService:
    def __init__(self, settings: SpapiSettings, store: Store, metrics: SpapiMetrics) -> None:
        self.settings = settings
        self.metrics = metrics
        self.client = SpapiClient(
            settings, retry_backoff=settings.retry_backoff, observe=metrics.observe
        )
        self.lookup = OrderLookup(self.client, store, metrics)
        self.sync = OrderSync(self.client, store, settings, metrics)
        self.background: BackgroundSync | None = None
        self._store = store

    def start_background_sync(self) -> None:
        """`serve`: sync every `sync_interval` seconds while this relay holds the lease."""
        if self.settings.sync_interval > 0 and self.background is None:
            self.background = BackgroundSync(self.sync, self._store, self.settings)
            self.background.start()

    async def close(self) -> None:
        if self.background is not None:
            await self.background.stop()
            self.background = None
        await self.lookup.close()
        await self.client.close()
