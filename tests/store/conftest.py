"""Store fixtures: every store test runs on real SQLite and on the real PostgreSQL.

PostgreSQL comes from BSM_RELAY_TEST_PG_URL (default: the local server with trust auth). Each
test gets its own schema, dropped afterwards, so runs do not collide. An unreachable PostgreSQL
fails the tests (never skips them): CI must exercise both engines.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from relay.store import SqlStore, StoreError, async_url, open_store

PG_URL = os.environ.get("BSM_RELAY_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")

StoreFactory = Callable[[], Awaitable[SqlStore]]


async def drop_schema(schema: str) -> None:
    engine = create_async_engine(async_url(PG_URL))
    try:
        async with engine.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    finally:
        await engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
async def store_factory(
    request: pytest.FixtureRequest, tmp_path: os.PathLike[str]
) -> AsyncIterator[StoreFactory]:
    """Opens as many Store instances as a test wants, all on one fresh database."""
    opened: list[SqlStore] = []
    schema = f"t_{uuid.uuid4().hex[:16]}"

    async def make() -> SqlStore:
        if request.param == "sqlite":
            store = await open_store(f"sqlite:///{tmp_path}/relay.db")
        else:
            try:
                store = await open_store(PG_URL, schema=schema)
            except StoreError as exc:
                pytest.fail(
                    f"PostgreSQL for the store tests is unreachable ({exc}); "
                    "set BSM_RELAY_TEST_PG_URL"
                )
        opened.append(store)
        return store

    yield make
    for store in opened:
        await store.close()
    if request.param == "postgresql" and opened:
        await drop_schema(schema)


@pytest.fixture
async def store(store_factory: StoreFactory) -> SqlStore:
    return await store_factory()
