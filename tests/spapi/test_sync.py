"""`bsm-relay orders sync` against the fake SP-API: the installed console script, a real store."""

from __future__ import annotations

import asyncio
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from relay.config import load_settings
from relay.store import open_store
from tests.conftest import console_script, write_settings
from tests.spapi_fake import LOCALES, MARKETPLACES, FakeSpapi, order_id_for


def orders_sync(settings_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [console_script(), "--config", str(settings_path), "orders", "sync", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_for(tmp_path: Path, fake: FakeSpapi, **spapi: object) -> Path:
    return write_settings(
        tmp_path / "bsm-relay.toml",
        tmp_path,
        "maildir:" + str(tmp_path / "outbox"),
        extra=fake.settings_toml(**spapi),
    )


async def test_sync_reads_250_orders_over_three_marketplaces_and_then_only_changes(
    tmp_path: Path, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.add_orders(250)
    fake_spapi.throttle_every = 20
    fake_spapi.fail_503_at = {33}
    path = settings_for(tmp_path, fake_spapi)

    first = await asyncio.to_thread(orders_sync, path)
    assert first.returncode == 0, first.stderr
    assert "synced 250 orders (250 new) from 5 pages" in first.stdout
    assert fake_spapi.violations == []
    assert fake_spapi.served["getOrders"] == 5
    assert fake_spapi.served["getAttributes"] == 250  # one per new order
    assert fake_spapi.served["createRestrictedDataToken"] == 1
    assert fake_spapi.token_requests == 1  # one access token for the whole run
    throttled = sum(fake_spapi.calls.values()) - sum(fake_spapi.served.values())
    assert throttled >= 13  # the 429s and the 503 were met, and retried

    store = await open_store(load_settings(str(path)).store.url)
    try:
        assert await store.count_orders() == 250
        for number in range(250):  # every one with its alias, locale and delivery window
            stored = await store.get_order(order_id_for(number))
            assert stored is not None
            assert stored.buyer_email.endswith("@marketplace.amazon." + stored.marketplace[7:])
            assert stored.buyer_locale is not None
            assert stored.earliest_delivery_date is not None
            assert stored.latest_delivery_date is not None
        for number in (0, 1, 2, 249):
            order = await store.get_order(order_id_for(number))
            assert order is not None
            data = fake_spapi.orders[order.order_id]
            mid = data["MarketplaceId"]
            assert order.buyer_email == data["BuyerInfo"]["BuyerEmail"]
            assert order.buyer_email.endswith(f"@marketplace.amazon.{MARKETPLACES[mid]}")
            assert order.marketplace == f"amazon.{MARKETPLACES[mid]}"
            assert order.buyer_locale == LOCALES[mid]
            assert order.status == "Shipped"
            assert order.earliest_delivery_date is not None
            assert order.latest_delivery_date is not None
            assert order.latest_delivery_date.isoformat().startswith(
                data["LatestDeliveryDate"][:10]
            )
        # Facts the API does not have, recorded elsewhere, survive the next sync.
        kept = await store.get_order(order_id_for(1))
        assert kept is not None
        requested = datetime(2026, 11, 1, tzinfo=UTC)
        from dataclasses import replace

        await store.upsert_orders(
            [replace(kept, review_requested_at=requested, opted_out=True, buyer_locale="de-AT")]
        )
    finally:
        await store.close()

    fake_spapi.returned_orders.clear()
    fake_spapi.touch(order_id_for(1), OrderStatus="Canceled")
    fake_spapi.touch(order_id_for(5))
    fake_spapi.touch(order_id_for(7))
    fake_spapi.add_orders(2, start=250, updated=datetime.now(UTC))
    attributes_before = fake_spapi.served["getAttributes"]

    second = await asyncio.to_thread(orders_sync, path)
    assert second.returncode == 0, second.stderr
    assert "synced 5 orders (2 new) from 1 pages" in second.stdout
    assert sorted(fake_spapi.returned_orders) == sorted(
        [order_id_for(n) for n in (1, 5, 7, 250, 251)]
    )
    assert fake_spapi.served["getAttributes"] - attributes_before == 2  # new orders only
    assert fake_spapi.violations == []

    store = await open_store(load_settings(str(path)).store.url)
    try:
        assert await store.count_orders() == 252
        changed = await store.get_order(order_id_for(1))
        assert changed is not None
        assert changed.status == "Canceled"
        assert changed.review_requested_at == requested
        assert changed.opted_out is True
        assert changed.buyer_locale == "de-AT"
    finally:
        await store.close()

    third = await asyncio.to_thread(orders_sync, path)
    assert "synced 0 orders (0 new) from 1 pages" in third.stdout  # idempotent: nothing new

    # --since reads again from that date: every order, none new, no locale asked again.
    attributes_before = fake_spapi.served["getAttributes"]
    again = await asyncio.to_thread(orders_sync, path, "--since", "2026-01-01")
    assert "synced 252 orders (0 new) from 6 pages" in again.stdout, again.stdout
    assert fake_spapi.served["getAttributes"] == attributes_before
    wrong = await asyncio.to_thread(orders_sync, path, "--since", "last week")
    assert wrong.returncode == 2
    assert wrong.stderr == "bsm-relay: --since: not an ISO 8601 date: last week\n"


async def test_sync_that_fails_half_way_keeps_what_it_stored_and_resumes(
    tmp_path: Path, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.add_orders(120)
    # Page 2 answers 503 to every attempt: the run gives up after its retries.
    path = settings_for(tmp_path, fake_spapi, retry_backoff=0.01)
    fake_spapi.outage = {"getOrders": 2}
    failed = await asyncio.to_thread(orders_sync, path)
    assert failed.returncode == 2
    assert "getOrders" in failed.stderr and "resumes" in failed.stderr
    assert "Traceback" not in failed.stderr
    store = await open_store(load_settings(str(path)).store.url)
    try:
        assert await store.count_orders() == 50  # the first page is kept
        state = await store.sync_state("orders")
        assert state is not None and state.cursor is None and state.last_failure_at is not None
    finally:
        await store.close()

    fake_spapi.outage = {}
    resumed = await asyncio.to_thread(orders_sync, path)
    assert resumed.returncode == 0, resumed.stderr
    assert "synced 120 orders (70 new)" in resumed.stdout
    store = await open_store(load_settings(str(path)).store.url)
    try:
        assert await store.count_orders() == 120
    finally:
        await store.close()


async def test_a_manual_sync_does_not_race_a_running_one(
    tmp_path: Path, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.add_orders(3)
    path = settings_for(tmp_path, fake_spapi)
    store = await open_store(load_settings(str(path)).store.url)
    try:
        # A relay's background sync is under way (it holds the run lease).
        assert await store.acquire_lease("orders-sync-run", "relay-b:4242:feed", 60)
        busy = await asyncio.to_thread(orders_sync, path)
        assert busy.returncode == 2, busy.stdout
        assert "an orders sync is running now (relay-b:4242:feed)" in busy.stderr
        assert "Traceback" not in busy.stderr
        assert sum(fake_spapi.calls.values()) == 0  # nothing asked of Amazon
        await store.release_lease("orders-sync-run", "relay-b:4242:feed")

        done = await asyncio.to_thread(orders_sync, path)
        assert done.returncode == 0, done.stderr
        assert "synced 3 orders" in done.stdout
        assert await store.lease_holder("orders-sync-run") is None  # given back
    finally:
        await store.close()
