"""The order store on real SQLite and real PostgreSQL: schema, orders, ledger, claims, users."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, event, func, inspect, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from relay.model.types import Order
from relay.store import LedgerEntry, SqlStore, StoreError, async_url, open_store, redact
from relay.store.sql import _LOOKUP, SCHEMA_VERSION, schema_version, users

PG_URL = os.environ.get("BSM_RELAY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
StoreFactory = Callable[[], Awaitable[SqlStore]]
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ALIAS = "k9x2m4p7q1@marketplace.amazon.de"
SENDER = "support@shop.example"


def order(order_id: str = "302-9000001-9000001", **changes: object) -> Order:
    values: dict[str, object] = {
        "order_id": order_id,
        "buyer_email": ALIAS,
        "purchase_date": datetime(2026, 11, 10, 9, 30, tzinfo=UTC),
        "marketplace": "amazon.de",
        "status": "Delivered",
        "ship_date": datetime(2026, 11, 12, tzinfo=UTC),
        "earliest_delivery_date": datetime(2026, 11, 14, tzinfo=UTC),
        "latest_delivery_date": datetime(2026, 11, 18, tzinfo=UTC),
        "delivery_date": datetime(2026, 11, 17, 15, 45, tzinfo=UTC),
        "buyer_locale": "de-DE",
    }
    values.update(changes)
    return Order(**values)  # type: ignore[arg-type]


def entry(message_id: str = "<m1@shop.example>", **changes: object) -> LedgerEntry:
    values: dict[str, object] = {
        "message_id": message_id,
        "digest": "d" * 64,
        "order_id": "302-9000001-9000001",
        "buyer_alias": ALIAS,
        "sender": SENDER,
        "sent_at": NOW - timedelta(hours=1),
        "review_request": False,
        "proactive": True,
        "upstream_reply": "250 2.0.0 Ok",
    }
    values.update(changes)
    return LedgerEntry(**values)  # type: ignore[arg-type]


# -- URLs and opening ----------------------------------------------------------------------


def test_async_url_translation() -> None:
    assert str(async_url("sqlite:///var/relay.db")) == "sqlite+aiosqlite:///var/relay.db"
    pg = async_url("postgresql://u:p@db.example:5432/relay")
    assert pg.drivername == "postgresql+asyncpg"
    assert (pg.host, pg.port, pg.database, pg.password) == ("db.example", 5432, "relay", "p")
    assert async_url("postgres://u@h/d").drivername == "postgresql+asyncpg"
    with pytest.raises(StoreError):
        async_url("mysql://u@h/d")


def test_redact_hides_password() -> None:
    assert redact("postgresql://relay:s3cret@h:5432/d") == "postgresql://relay:***@h:5432/d"
    assert redact("sqlite:///var/relay.db") == "sqlite:///var/relay.db"


async def test_relative_sqlite_path_creates_parent_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    store = await open_store("sqlite:///var/relay.db")
    try:
        await store.ping()
    finally:
        await store.close()
    assert (tmp_path / "var" / "relay.db").is_file()


async def test_unreachable_postgresql_is_one_line_without_password() -> None:
    with pytest.raises(StoreError) as caught:
        await open_store("postgresql://relay:TopSecret99@127.0.0.1:1/relay")
    message = str(caught.value)
    assert "TopSecret99" not in message
    assert "\n" not in message
    assert "127.0.0.1:1" in message and "cannot be opened" in message


async def test_unusable_sqlite_path_is_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError) as caught:
        await open_store(f"sqlite:///{blocker}/relay.db")
    assert "\n" not in str(caught.value)


async def test_schema_created_and_versioned_once(store_factory: StoreFactory) -> None:
    first = await store_factory()
    second = await store_factory()  # opening again migrates nothing
    for store in (first, second):
        async with store.engine.connect() as conn:
            versions = (await conn.execute(select(schema_version.c.version))).scalars().all()
        assert versions == [SCHEMA_VERSION]


def ledger_indexes(sync: Connection) -> dict[str, list[str | None]]:
    return {str(i["name"]): list(i["column_names"]) for i in inspect(sync).get_indexes("ledger")}


async def test_older_store_gets_the_covering_proactive_index_and_keeps_its_version(
    store_factory: StoreFactory,
) -> None:
    old = await store_factory()
    # Put the ledger's indexes back as the first release created them.
    async with old.engine.begin() as conn:
        await conn.execute(text("DROP INDEX ledger_sender_proactive_sent"))
        await conn.execute(text("CREATE INDEX ledger_sender_sent ON ledger (sender, sent_at)"))
    await old.record_delivery(entry())
    await old.close()
    store = await store_factory()
    async with store.engine.connect() as conn:
        versions = (await conn.execute(select(schema_version.c.version))).scalars().all()
        indexes = await conn.run_sync(ledger_indexes)
    # No new version: the previous release still opens the store (runbook: roll back).
    assert versions == [SCHEMA_VERSION]
    assert indexes["ledger_sender_proactive_sent"] == ["sender", "proactive", "sent_at"]
    assert "ledger_sender_sent" not in indexes
    assert (await store.lookup(None, None, SENDER, NOW)).proactive_sent_today == 1


async def test_sqlite_lookup_reads_only_through_indexes(tmp_path: Path) -> None:
    """Every table the lookup touches is searched by an index, the daily count by a covering
    one (PostgreSQL's planner picks by table size, so its plans are checked by hand)."""
    store = await open_store(f"sqlite:///{tmp_path}/relay.db")
    try:
        async with store.engine.connect() as conn:
            compiled = _LOOKUP.compile(dialect=conn.dialect)
            params = compiled.construct_params(
                {
                    "sender": SENDER,
                    "since": NOW,
                    "order_id": "302-9000001-9000001",
                    "message_id": "<m1@shop.example>",
                    "digest": "d" * 64,
                }
            )
            assert compiled.positiontup is not None
            plan = (
                await conn.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {compiled}",
                    tuple(params[name] for name in compiled.positiontup),
                )
            ).all()
    finally:
        await store.close()
    steps = [str(row[-1]) for row in plan]
    for table in ("ledger", "orders", "review_claims"):
        assert not [s for s in steps if s.startswith(f"SCAN {table}")], steps
    assert any("COVERING INDEX ledger_sender_proactive_sent" in s for s in steps), steps
    assert any("(message_id=? AND digest=?)" in s for s in steps), steps


async def test_ping(store: SqlStore) -> None:
    await store.ping()


# -- orders --------------------------------------------------------------------------------


async def test_upsert_and_get_order_round_trip(store: SqlStore) -> None:
    original = order(review_requested_at=datetime(2026, 11, 18, 8, 0, tzinfo=UTC), opted_out=True)
    assert await store.upsert_orders([original]) == 1
    loaded = await store.get_order(original.order_id)
    assert loaded == original
    assert loaded is not None and loaded.purchase_date.tzinfo is not None
    assert await store.get_order("302-9999999-9999999") is None


async def test_non_utc_dates_are_stored_as_utc(store: SqlStore) -> None:
    berlin = timezone(timedelta(hours=1))
    await store.upsert_orders([order(purchase_date=datetime(2026, 11, 10, 0, 30, tzinfo=berlin))])
    loaded = await store.get_order("302-9000001-9000001")
    assert loaded is not None
    assert loaded.purchase_date == datetime(2026, 11, 9, 23, 30, tzinfo=UTC)
    assert loaded.purchase_date.utcoffset() == timedelta(0)


async def test_upsert_is_idempotent_and_updates(store: SqlStore) -> None:
    rows = [order(), order("302-9000002-9000002", buyer_email="other@marketplace.amazon.de")]
    await store.upsert_orders(rows)
    await store.upsert_orders(rows)
    assert await store.count_orders() == 2
    await store.upsert_orders([order(status="Shipped", opted_out=True)])
    loaded = await store.get_order("302-9000001-9000001")
    assert loaded is not None and loaded.status == "Shipped" and loaded.opted_out
    assert await store.count_orders() == 2


async def test_reimport_without_review_date_keeps_it(store: SqlStore) -> None:
    sent = datetime(2026, 11, 18, 8, 0, tzinfo=UTC)
    await store.upsert_orders([order(review_requested_at=sent)])
    await store.upsert_orders([order(review_requested_at=None)])
    loaded = await store.get_order("302-9000001-9000001")
    assert loaded is not None and loaded.review_requested_at == sent


async def test_upsert_many_orders_in_chunks(store: SqlStore) -> None:
    many = [order(f"302-9{i:06d}-9000001") for i in range(1200)]
    assert await store.upsert_orders(many) == 1200
    assert await store.count_orders() == 1200


async def test_upsert_nothing(store: SqlStore) -> None:
    assert await store.upsert_orders([]) == 0


# -- lookup --------------------------------------------------------------------------------


async def test_lookup_known_and_unknown_order(store: SqlStore) -> None:
    await store.upsert_orders([order()])
    known = await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)
    assert known.order == order()
    assert known.order_id == "302-9000001-9000001"
    assert not known.review_already_requested
    assert known.proactive_sent_today == 0
    unknown = await store.lookup("302-9999999-9999999", ALIAS, SENDER, NOW)
    assert unknown.order is None and unknown.order_id == "302-9999999-9999999"
    none = await store.lookup(None, ALIAS, SENDER, NOW)
    assert none.order is None and none.order_id is None


async def test_review_already_requested_by_claim_of_another_message(store: SqlStore) -> None:
    await store.upsert_orders([order()])
    assert await store.claim_review_request("302-9000001-9000001", "<a@shop.example>", NOW)
    ctx = await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)
    assert ctx.review_already_requested
    other = await store.lookup(
        "302-9000001-9000001", ALIAS, SENDER, NOW, message_id="<b@shop.example>"
    )
    assert other.review_already_requested
    # The message that holds the claim (a retry after a failed delivery) is not blocked by it.
    own = await store.lookup(
        "302-9000001-9000001", ALIAS, SENDER, NOW, message_id="<a@shop.example>"
    )
    assert not own.review_already_requested


async def test_review_already_requested_by_order_record(store: SqlStore) -> None:
    await store.upsert_orders([order(review_requested_at=NOW - timedelta(days=2))])
    ctx = await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)
    assert ctx.review_already_requested


async def test_review_already_requested_by_ledger(store: SqlStore) -> None:
    await store.upsert_orders([order()])
    await store.record_delivery(entry(review_request=False))
    assert not (
        await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)
    ).review_already_requested
    await store.record_delivery(entry("<m2@shop.example>", review_request=True))
    assert (await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)).review_already_requested
    # Another order is not affected.
    await store.upsert_orders([order("302-9000002-9000002")])
    assert not (
        await store.lookup("302-9000002-9000002", ALIAS, SENDER, NOW)
    ).review_already_requested


async def test_proactive_sent_today_counts_this_sender_since_utc_midnight(
    store: SqlStore,
) -> None:
    midnight = datetime(2026, 11, 20, tzinfo=UTC)
    await store.record_delivery(entry("<1@s>", sent_at=midnight + timedelta(minutes=1)))
    await store.record_delivery(entry("<2@s>", sent_at=midnight))  # at midnight: today
    await store.record_delivery(entry("<3@s>", sent_at=midnight - timedelta(seconds=1)))
    await store.record_delivery(entry("<4@s>", proactive=False))  # a reply
    await store.record_delivery(entry("<5@s>", sender="other@shop.example"))
    await store.record_delivery(entry("<6@s>", sender="Support@Shop.Example"))  # same sender
    ctx = await store.lookup(None, None, "SUPPORT@shop.example", NOW)
    assert ctx.proactive_sent_today == 3
    # `now` in another zone: the UTC day still decides (01:00 in Berlin = 00:00 UTC).
    berlin = timezone(timedelta(hours=1))
    early = datetime(2026, 11, 21, 1, 0, tzinfo=berlin)
    assert (await store.lookup(None, None, SENDER, early)).proactive_sent_today == 0


async def test_lookup_reports_a_previous_delivery_of_the_same_message(store: SqlStore) -> None:
    await store.upsert_orders([order()])
    first = entry(review_request=True)
    key, digest = first.message_id, first.digest
    before = await store.lookup(first.order_id, ALIAS, SENDER, NOW, message_id=key, digest=digest)
    assert before.previous_reply is None
    await store.record_delivery(first)
    again = await store.lookup(first.order_id, ALIAS, SENDER, NOW, message_id=key, digest=digest)
    assert again.previous_reply == "250 2.0.0 Ok"
    # The rest of the answer is still there, and the message's own ledger row does not count
    # as another message's review request.
    assert again.order == order()
    assert again.proactive_sent_today == 1
    assert not again.review_already_requested
    # Same Message-ID, other bytes: a different message. No digest: nothing is asked.
    changed = await store.lookup(first.order_id, ALIAS, SENDER, NOW, message_id=key, digest="e")
    assert changed.previous_reply is None
    assert (
        await store.lookup(first.order_id, ALIAS, SENDER, NOW, message_id=key)
    ) == dataclasses.replace(again, previous_reply=None)
    assert (
        await store.lookup(
            first.order_id, ALIAS, SENDER, NOW, message_id="<other@s>", digest=digest
        )
    ).review_already_requested


async def test_lookup_reports_a_previous_delivery_without_order(store: SqlStore) -> None:
    first = entry(order_id=None, buyer_alias=None, upstream_reply="250 2.0.0 queued as X1")
    await store.record_delivery(first)
    ctx = await store.lookup(
        None, None, SENDER, NOW, message_id=first.message_id, digest=first.digest
    )
    assert ctx.previous_reply == "250 2.0.0 queued as X1"
    assert ctx.order_id is None and ctx.order is None
    assert ctx.proactive_sent_today == 1


async def test_lookup_is_one_read_only_statement(store: SqlStore) -> None:
    await store.upsert_orders([order()])
    await store.record_delivery(entry())
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    # The statements that go past SQLAlchemy, on the driver (relay.store.direct), count too.
    driver, compiled = store._direct, store._direct_statements
    assert driver is not None and compiled is not None

    class Watched:
        async def lookup(self, arguments: list[object]) -> object:
            statements.append(compiled.lookup.sql)
            return await driver.lookup(arguments)

    store._direct = Watched()  # type: ignore[assignment]
    # On every engine: PostgreSQL runs one-statement calls outside `store.engine`'s transactions.
    event.listen(Engine, "before_cursor_execute", record)
    try:
        for order_id in ("302-9000001-9000001", "302-9999999-9999999", None):
            await store.lookup(
                order_id, ALIAS, SENDER, NOW, message_id="<m1@shop.example>", digest="d" * 64
            )
    finally:
        event.remove(Engine, "before_cursor_execute", record)
        store._direct = driver
    assert len(statements) == 3
    assert all(s.lstrip().upper().startswith("SELECT") for s in statements)
    assert len(set(statements)) == 1  # one cached statement whatever the order id


# -- review-request claims -----------------------------------------------------------------


async def test_claim_is_exclusive_retry_safe_and_releasable(store: SqlStore) -> None:
    oid = "302-9000001-9000001"
    assert await store.claim_review_request(oid, "<a@shop.example>", NOW)
    assert await store.claim_review_request(oid, "<a@shop.example>", NOW)  # a retry
    assert not await store.claim_review_request(oid, "<b@shop.example>", NOW)
    await store.release_review_request(oid, "<b@shop.example>")  # not b's claim: no effect
    assert not await store.claim_review_request(oid, "<b@shop.example>", NOW)
    await store.release_review_request(oid, "<a@shop.example>")
    assert await store.claim_review_request(oid, "<b@shop.example>", NOW)
    assert await store.claim_review_request("302-9000002-9000002", "<a@shop.example>", NOW)


async def test_fifty_concurrent_claims_through_two_stores_one_wins(
    store_factory: StoreFactory,
) -> None:
    first = await store_factory()
    second = await store_factory()
    oid = "302-9000042-9000042"
    stores = (first, second)
    results = await asyncio.gather(
        *(
            stores[i % 2].claim_review_request(oid, f"<race-{i}@shop.example>", NOW)
            for i in range(50)
        )
    )
    assert results.count(True) == 1
    async with first.engine.connect() as conn:
        claims = (await conn.execute(text("SELECT count(*) FROM review_claims"))).scalar_one()
    assert claims == 1


# -- ledger --------------------------------------------------------------------------------


async def test_ledger_records_and_recognises_a_retry(store: SqlStore) -> None:
    first = entry()

    async def already_delivered(message_id: str, digest: str) -> str | None:
        ctx = await store.lookup(None, None, SENDER, NOW, message_id=message_id, digest=digest)
        return ctx.previous_reply

    assert await already_delivered(first.message_id, first.digest) is None
    await store.record_delivery(first)
    assert await already_delivered(first.message_id, first.digest) == "250 2.0.0 Ok"
    # Same Message-ID, different content: a different message.
    assert await already_delivered(first.message_id, "e" * 64) is None
    # Recording the same message twice is harmless and keeps one row.
    await store.record_delivery(dataclasses.replace(first, upstream_reply="250 again"))
    rows = await store.ledger_entries("302-9000001-9000001")
    assert len(rows) == 1
    assert rows[0] == dataclasses.replace(first, sender=SENDER.lower())


async def test_ledger_without_order(store: SqlStore) -> None:
    await store.record_delivery(entry(order_id=None, buyer_alias=None))
    rows = await store.ledger_entries()
    assert len(rows) == 1 and rows[0].order_id is None


# -- users ---------------------------------------------------------------------------------


async def test_users(store: SqlStore) -> None:
    assert await store.get_user_hash("helpdesk") is None
    await store.set_user("helpdesk", "$argon2id$v=19$first")
    assert await store.get_user_hash("helpdesk") == "$argon2id$v=19$first"
    await store.set_user("helpdesk", "$argon2id$v=19$second")
    assert await store.get_user_hash("helpdesk") == "$argon2id$v=19$second"
    await store.set_user("shop", "$argon2id$v=19$third")
    assert await store.list_users() == {
        "helpdesk": "$argon2id$v=19$second",
        "shop": "$argon2id$v=19$third",
    }


async def test_touching_a_user_changes_its_stamp_only(store: SqlStore) -> None:
    await store.set_user("helpdesk", "$argon2id$v=19$first")
    await store.set_user("shop", "$argon2id$v=19$second")
    before = await store.user_stamps()
    assert set(before) == {"helpdesk", "shop"}
    assert await store.touch_user("helpdesk") is True
    after = await store.user_stamps()
    assert after["helpdesk"] > before["helpdesk"]
    assert after["shop"] == before["shop"]
    assert await store.touch_user("nobody") is False


async def test_transactions_are_atomic(store: SqlStore) -> None:
    """On PostgreSQL the pool's connections rest in autocommit; a transaction still is one."""
    for begin in (store.engine.begin, lambda: store._tx("test")):
        with pytest.raises(RuntimeError):
            async with begin() as conn:
                await conn.execute(
                    users.insert().values(name="half", password_hash="h", updated_at=NOW)
                )
                raise RuntimeError("after the first statement")
        assert await store.get_user_hash("half") is None
    if store.dialect == "postgresql":
        async with store.engine.begin() as conn:
            first = (await conn.execute(select(func.now()))).scalar_one()
            await conn.execute(select(func.pg_sleep(0.01)))
            assert (await conn.execute(select(func.now()))).scalar_one() == first


# -- failures ------------------------------------------------------------------------------


async def test_database_errors_become_store_errors(store: SqlStore) -> None:
    async with store.engine.begin() as conn:
        await conn.execute(text("DROP TABLE ledger"))
    with pytest.raises(StoreError) as caught:
        await store.lookup("302-9000001-9000001", ALIAS, SENDER, NOW)
    assert "\n" not in str(caught.value)
    with pytest.raises(StoreError):
        await store.record_delivery(entry())


async def test_closed_store_raises_store_error(store: SqlStore) -> None:
    await store.close()
    with pytest.raises(StoreError):
        await store.ping()


async def test_postgresql_connection_killed_mid_run_recovers() -> None:
    """A backend killed under the relay: the pool notices (pre-ping) and the store carries on."""
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_async_engine(async_url(PG_URL))
    store = await open_store(PG_URL, schema=schema)
    try:
        async with store.engine.connect() as conn:
            pid = (await conn.execute(select(func.pg_backend_pid()))).scalar_one()
        async with admin.begin() as conn:
            await conn.execute(select(func.pg_terminate_backend(pid)))
        await store.ping()
        assert await store.get_order("302-9000001-9000001") is None
    finally:
        await store.close()
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        await admin.dispose()


async def test_postgresql_outage_mid_run_is_store_error() -> None:
    """The database refuses the store's queries (here: its schema vanished) -> StoreError."""
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_async_engine(async_url(PG_URL))
    store = await open_store(PG_URL, schema=schema)
    try:
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        with pytest.raises(StoreError):
            await store.claim_review_request("302-9000001-9000001", "<a@shop.example>", NOW)
    finally:
        await store.close()
        await admin.dispose()
