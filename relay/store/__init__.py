"""The order store and delivery ledger (SQLite embedded, PostgreSQL for several relays)."""

from __future__ import annotations

from relay.store.base import LedgerEntry, Store, StoreError, SyncState
from relay.store.sql import SqlStore, async_url, redact

# The outbox's table joins the store's metadata here, before any store creates its tables.
from relay.store import outbox as outbox  # isort: skip


async def open_store(url: str, *, schema: str | None = None) -> SqlStore:
    """An opened store for a settings URL (`sqlite:///var/relay.db`, `postgresql://…`).

    The schema is created or migrated here. Raises StoreError with one line (no password)
    when the store cannot be reached or the URL is wrong.
    """
    store = SqlStore(url, schema=schema)
    await store.open()
    return store


__all__ = [
    "LedgerEntry",
    "SqlStore",
    "Store",
    "StoreError",
    "SyncState",
    "async_url",
    "open_store",
    "redact",
]
