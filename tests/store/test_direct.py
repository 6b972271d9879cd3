"""The lookup and the ledger write on the driver (relay.store.direct) against the same two
statements through SQLAlchemy: the same rows written, the same answers and types read, on
SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from relay.model.types import Order
from relay.store import LedgerEntry, SqlStore, async_url, open_store
from relay.store.sql import ledger
from tests.store.test_sql_store import ALIAS, NOW, PG_URL, SENDER, StoreFactory, entry, order


def _uses_direct(store: SqlStore) -> None:
    assert store._direct is not None, "the per-message statements must go to the driver"


async def _ledger_rows(store: SqlStore) -> list[tuple[object, ...]]:
    async with store.engine.connect() as conn:
        rows = (await conn.execute(select(ledger).order_by(ledger.c.id))).all()
    return [tuple(row)[1:] for row in rows]  # without the id


async def _both_lookups(store: SqlStore, *args: object, **kwargs: object) -> None:
    """The store's lookup (direct) equals the SQLAlchemy statement's, field by field."""
    direct = await store.lookup(*args, **kwargs)  # type: ignore[arg-type]
    driver = store._direct
    store._direct = None
    try:
        through_sqlalchemy = await store.lookup(*args, **kwargs)  # type: ignore[arg-type]
    finally:
        store._direct = driver
    assert direct == through_sqlalchemy
    if direct.order is not None:
        for field in dataclasses.fields(Order):
            value = getattr(direct.order, field.name)
            assert type(value) is type(getattr(through_sqlalchemy.order, field.name))
            if isinstance(value, datetime):
                assert value.tzinfo is UTC


async def test_lookup_answers_as_through_sqlalchemy(store: SqlStore) -> None:
    _uses_direct(store)
    late = datetime(2026, 11, 19, 23, 59, 59, 999_999, tzinfo=UTC)
    await store.upsert_orders(
        [
            order(),
            order("302-9000002-9000002", status=None, ship_date=None, opted_out=True),
            order("302-9000003-9000003", review_requested_at=late, buyer_locale=None),
        ]
    )
    await store.record_delivery(entry())
    await store.record_delivery(entry("<m2@shop.example>", review_request=True, sent_at=late))
    await store.record_delivery(entry("<m3@shop.example>", proactive=False, order_id=None))
    await store.claim_review_request("302-9000002-9000002", "<c@shop.example>", NOW)
    for order_id in (
        "302-9000001-9000001",
        "302-9000002-9000002",
        "302-9000003-9000003",
        "302-9999999-9999999",
        None,
    ):
        for message_id, digest in (
            ("<m1@shop.example>", "d" * 64),
            ("<m2@shop.example>", "d" * 64),
            ("<c@shop.example>", None),
            (None, None),
        ):
            for sender in (SENDER, " Support@Shop.Example ", "other@shop.example"):
                await _both_lookups(
                    store, order_id, ALIAS, sender, NOW, message_id=message_id, digest=digest
                )
    # the day boundary: a delivery at 23:59:59.999999 counts that day, not the next
    await _both_lookups(store, None, None, SENDER, late)
    await _both_lookups(store, None, None, SENDER, late + timedelta(microseconds=1))


async def test_ledger_write_stores_what_sqlalchemy_stores(store_factory: StoreFactory) -> None:
    direct_store = await store_factory()
    _uses_direct(direct_store)
    written = [
        entry(),
        entry("<m2@shop.example>", sent_at=NOW.replace(microsecond=0), review_request=True),
        entry("<m3@shop.example>", order_id=None, buyer_alias=None, proactive=False),
        entry("<m4@shop.example>", sender=" Support@Shop.Example ", buyer_alias=ALIAS.upper()),
        entry(sent_at=NOW + timedelta(days=3)),  # the same message again: nothing written
    ]
    for item in written:
        await direct_store.record_delivery(item)
    by_driver = await _ledger_rows(direct_store)
    async with direct_store.engine.begin() as conn:
        await conn.execute(text("DELETE FROM ledger"))
    direct_store._direct = None  # the same store, through SQLAlchemy
    for item in written:
        await direct_store.record_delivery(item)
    assert await _ledger_rows(direct_store) == by_driver
    assert len(by_driver) == 4
    read_back: list[LedgerEntry] = await direct_store.ledger_entries()
    assert all(e.sent_at.tzinfo is UTC for e in read_back)


async def test_in_memory_sqlite_goes_through_sqlalchemy() -> None:
    """No second connection sees an in-memory database: the store keeps to its own."""
    store = await open_store("sqlite://")
    try:
        assert store._direct is None
        await store.upsert_orders([order()])
        await store.record_delivery(entry(review_request=True))
        ctx = await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)
        assert ctx.order == order() and ctx.review_already_requested
    finally:
        await store.close()


async def test_postgresql_direct_connection_killed_is_replaced() -> None:
    """A backend of the direct pool killed under the relay: the statement runs again on a new
    connection; neither the lookup nor the ledger write fails."""
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_async_engine(async_url(PG_URL))
    store = await open_store(PG_URL, schema=schema)
    try:
        _uses_direct(store)
        await store.upsert_orders([order()])
        assert (await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)).order == order()
        pool = store._direct._pool  # type: ignore[union-attr]
        async with pool.acquire() as connection:  # the one the next statement gets
            pid = await connection.fetchval("SELECT pg_backend_pid()")
        async with admin.begin() as conn:
            await conn.execute(select(func.pg_terminate_backend(pid)))
        assert (await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)).order == order()
        await store.record_delivery(entry())
        assert len(await store.ledger_entries()) == 1
    finally:
        await store.close()
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        await admin.dispose()


@pytest.mark.parametrize("broken", ["lookup", "ledger"])
async def test_driver_errors_are_store_errors(store: SqlStore, broken: str) -> None:
    from relay.store import StoreError

    _uses_direct(store)
    async with store.engine.begin() as conn:
        await conn.execute(text("DROP TABLE orders" if broken == "lookup" else "DROP TABLE ledger"))
    with pytest.raises(StoreError) as caught:
        if broken == "lookup":
            await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)
        else:
            await store.record_delivery(entry())
    assert "\n" not in str(caught.value)
