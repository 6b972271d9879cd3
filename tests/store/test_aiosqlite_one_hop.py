"""The SQLite store's one-hop aiosqlite cursor: same answers as aiosqlite's, fewer thread trips."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiosqlite.core
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from relay.store import SqlStore, open_store
from relay.store._aiosqlite import OneHopConnection, creator, supported


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqlStore]:
    opened = await open_store(f"sqlite:///{tmp_path}/relay.db")
    yield opened
    await opened.close()


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every call aiosqlite sends to its worker thread, by name."""
    calls: list[str] = []
    original = aiosqlite.core.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(getattr(fn, "__name__", repr(fn)))
        return await original(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.core.Connection, "_execute", counted)
    return calls


def test_this_aiosqlite_is_supported() -> None:
    assert supported()


async def test_store_connections_are_one_hop_with_wal_and_synchronous_normal(
    store: SqlStore,
) -> None:
    async with store.engine.connect() as conn:
        raw = await conn.get_raw_connection()
        assert isinstance(raw.driver_connection, OneHopConnection)
        assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await conn.execute(text("PRAGMA synchronous"))).scalar() == 1  # NORMAL
        assert (await conn.execute(text("PRAGMA busy_timeout"))).scalar() == 30000


async def test_rows_rowcount_and_lastrowid(store: SqlStore) -> None:
    async with store.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"))
        inserted = await conn.execute(text("INSERT INTO t (v) VALUES ('a')"))
        assert inserted.lastrowid == 1 and inserted.rowcount == 1
        await conn.execute(text("INSERT INTO t (v) VALUES (:v)"), [{"v": "b"}, {"v": "c"}])
        updated = await conn.execute(text("UPDATE t SET v = v || '!' WHERE id > 1"))
        assert updated.rowcount == 2
    async with store.engine.connect() as conn:
        rows = (await conn.execute(text("SELECT id, v FROM t ORDER BY id"))).all()
        assert [tuple(r) for r in rows] == [(1, "a"), (2, "b!"), (3, "c!")]
        assert (await conn.execute(text("SELECT v FROM t WHERE id = 9"))).first() is None
        streamed = await conn.stream(text("SELECT v FROM t ORDER BY id"))
        assert [r[0] async for r in streamed] == ["a", "b!", "c!"]


async def test_errors_and_rollback(store: SqlStore) -> None:
    async with store.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE u (k TEXT PRIMARY KEY)"))
        await conn.execute(text("INSERT INTO u VALUES ('x')"))
    with pytest.raises(IntegrityError):
        async with store.engine.begin() as conn:
            await conn.execute(text("INSERT INTO u VALUES ('y')"))
            await conn.execute(text("INSERT INTO u VALUES ('x')"))
    async with store.engine.connect() as conn:
        assert (await conn.execute(text("SELECT k FROM u ORDER BY k"))).scalars().all() == ["x"]


async def test_a_read_is_one_hop_and_a_write_two(store: SqlStore, hops: list[str]) -> None:
    async with store.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE v (k TEXT)"))
    hops.clear()
    async with store.engine.begin() as conn:  # COMMIT and the pool's reset: nothing to do
        await conn.execute(text("SELECT count(*) FROM v"))
    assert len(hops) == 1
    hops.clear()
    async with store.engine.begin() as conn:
        await conn.execute(text("INSERT INTO v VALUES ('a')"))
    assert len(hops) == 2  # the statement and its COMMIT


async def test_creator_passes_sqlite_options(tmp_path: Path) -> None:
    connection = await creator(str(tmp_path / "x.db"), timeout=5.0, isolation_level=None)()
    try:
        assert isinstance(connection._aiosqlite._conn, sqlite3.Connection)
        assert connection.isolation_level is None
        cursor = connection.cursor()
        await cursor.execute("SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3")
        assert await cursor.fetchone() == (1,)
        assert await cursor.fetchmany(5) == [(2,), (3,)]
        assert await cursor.fetchall() == []
    finally:
        await connection.close()
