"""The SP-API sync's store parts on SQLite and PostgreSQL: cursor, lease, upsert that keeps."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime

from tests.conftest import default_order
from tests.store.conftest import StoreFactory


async def test_lease_is_won_by_one_renewed_by_it_and_taken_over_when_expired(
    store_factory: StoreFactory,
) -> None:
    first, second = await store_factory(), await store_factory()
    won = await asyncio.gather(
        *(s.acquire_lease("orders-sync", name, 1.5) for s, name in ((first, "a"), (second, "b")))
    )
    assert sorted(won) == [False, True]  # decided in one statement: never both
    holder, other = ("a", "b") if won[0] else ("b", "a")
    holder_store = first if won[0] else second
    other_store = second if won[0] else first
    assert await holder_store.acquire_lease("orders-sync", holder, 1.5)  # renewal
    assert not await other_store.acquire_lease("orders-sync", other, 1.5)
    assert await first.lease_holder("orders-sync") == holder
    await asyncio.sleep(1.6)  # the holder stopped renewing (it died)
    assert await first.lease_holder("orders-sync") is None
    assert await other_store.acquire_lease("orders-sync", other, 1.5)
    assert not await holder_store.acquire_lease("orders-sync", holder, 1.5)
    await other_store.release_lease("orders-sync", other)
    assert await holder_store.acquire_lease("orders-sync", holder, 1.5)  # released: free at once


async def test_sync_state_keeps_the_cursor_across_a_failed_run(
    store_factory: StoreFactory,
) -> None:
    store = await store_factory()
    assert await store.sync_state("orders") is None
    cursor = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    ok_at = datetime(2026, 11, 20, 10, 2, tzinfo=UTC)
    await store.record_sync("orders", cursor=cursor, success_at=ok_at)
    failed_at = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)
    await store.record_sync("orders", failure_at=failed_at, error="SP-API getOrders: HTTP 503")
    state = await store.sync_state("orders")
    assert state is not None
    assert (state.cursor, state.last_success_at, state.last_failure_at) == (
        cursor,
        ok_at,
        failed_at,
    )
    assert state.last_error == "SP-API getOrders: HTTP 503"


async def test_upsert_keeps_what_the_source_does_not_know(store_factory: StoreFactory) -> None:
    store = await store_factory()
    requested = datetime(2026, 11, 19, tzinfo=UTC)
    await store.upsert_orders([default_order(opted_out=True, review_requested_at=requested)])
    from_api = default_order(
        status="Canceled", opted_out=False, delivery_date=None, buyer_locale=None
    )
    keep = ("opted_out", "delivery_date", "buyer_locale", "review_requested_at")
    await store.upsert_orders([from_api], keep=keep)
    stored = await store.get_order(from_api.order_id)
    assert stored is not None
    assert stored.status == "Canceled"
    assert stored.opted_out is True
    assert stored.delivery_date == default_order().delivery_date
    assert stored.buyer_locale == "de-DE"
    assert stored.review_requested_at == requested
    await store.upsert_orders([replace(from_api, buyer_locale="de-AT")], keep=keep)
    assert (await store.get_order(from_api.order_id)).buyer_locale == "de-AT"  # type: ignore[union-attr]
    # Without keep (a CSV import): the file's values win, as before.
    await store.upsert_orders([from_api])
    assert (await store.get_order(from_api.order_id)).opted_out is False  # type: ignore[union-attr]


async def test_newest_order_and_stored_locales(store_factory: StoreFactory) -> None:
    store = await store_factory()
    assert await store.newest_order_at() is None
    newer = default_order(
        order_id="302-7654321-7654321",
        purchase_date=datetime(2026, 11, 15, tzinfo=UTC),
        buyer_locale=None,
    )
    await store.upsert_orders([default_order(), newer])
    assert await store.newest_order_at() == datetime(2026, 11, 15, tzinfo=UTC)
    assert await store.order_locales(["302-1234567-1234567", newer.order_id, "302-0-0"]) == {
        "302-1234567-1234567": "de-DE",
        newer.order_id: None,
    }
