"""The two statements of every message (the order lookup, the ledger write) on the driver itself.

Through SQLAlchemy Core each cost ~0.35 ms of CPU (connection checkout, the statement's cache
key, the result's layers, the greenlet hop) for ~0.05 ms of the driver's own work. Here the
SQL is SQLAlchemy's, compiled once per dialect from the same statements, and parameters and
results pass through the same column types' processors: the same SQL effect, the same values
and types (timezone-aware datetimes) back. Errors are the driver's; the store wraps them.

SQLite: one aiosqlite connection of its own, in autocommit (each statement is its own
transaction, as each was through SQLAlchemy), one hop to its thread per statement.
PostgreSQL: an asyncpg pool of its own, connections in autocommit as the store's pool rests;
a statement whose connection the server dropped is run once more on a fresh one (both are
safe to repeat: a read, and an insert that ignores a duplicate).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Protocol

import aiosqlite
import asyncpg
from sqlalchemy import Dialect
from sqlalchemy.dialects.postgresql import asyncpg as pg_asyncpg
from sqlalchemy.dialects.sqlite import aiosqlite as sqlite_aiosqlite
from sqlalchemy.sql import ClauseElement

# The lookup's result columns before the order's own (relay.store.sql._lookup_statement).
LOOKUP_HEAD: Final = ("sent_today", "previous_reply", "claimed", "in_ledger")

_Processor = Callable[[Any], Any] | None


@dataclass(frozen=True, slots=True)
class Compiled:
    """A statement as its dialect's driver takes it: SQL text, positional parameter names and
    each parameter's bind processor (None where the value goes as it is)."""

    sql: str
    names: tuple[str, ...]
    binders: tuple[_Processor, ...]

    def arguments(self, params: Mapping[str, Any]) -> list[Any]:
        return [
            params[name] if bind is None or params[name] is None else bind(params[name])
            for name, bind in zip(self.names, self.binders, strict=True)
        ]


def compile_for(
    statement: ClauseElement, dialect: Dialect, column_keys: Sequence[str] | None = None
) -> Compiled:
    compiled: Any = statement.compile(  # an SQLCompiler: positiontup and binds
        dialect=dialect, column_keys=list(column_keys) if column_keys is not None else None
    )
    names = tuple(compiled.positiontup or ())
    if dialect.paramstyle == "numeric_dollar":
        # $1, $2 ... name each distinct parameter once, in order of first use
        names = tuple(dict.fromkeys(names))
    binders = tuple(
        compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    )
    return Compiled(compiled.string, names, binders)


def sqlite_dialect() -> Dialect:
    return sqlite_aiosqlite.dialect()


def postgresql_dialect() -> Dialect:
    dialect: Dialect = pg_asyncpg.dialect()  # type: ignore[no-untyped-call]
    return dialect


class Direct(Protocol):
    async def lookup(self, arguments: list[Any]) -> Sequence[Any]: ...

    async def record(self, arguments: list[Any]) -> None: ...

    async def close(self) -> None: ...


class SqliteDirect:
    """One autocommit aiosqlite connection for the two statements."""

    def __init__(self, connection: aiosqlite.Connection, lookup: str, record: str) -> None:
        self._connection = connection
        self._lookup = lookup
        self._record = record

    @classmethod
    async def open(cls, database: str, *, timeout: float, lookup: str, record: str) -> SqliteDirect:
        connection = aiosqlite.connect(
            database, timeout=timeout, isolation_level=None, check_same_thread=False
        )
        thread: Any = getattr(connection, "_thread", connection)
        thread.daemon = True  # as the store's own connections: never keeps the process alive
        opened = await connection
        try:
            # per connection, as relay.store.sql._sqlite_pragmas sets them on the store's
            await opened.execute("PRAGMA synchronous=NORMAL")
            await opened.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        except BaseException:
            await opened.close()
            raise
        return cls(opened, lookup, record)

    async def lookup(self, arguments: list[Any]) -> Sequence[Any]:
        sqlite_connection = self._connection._conn
        sql = self._lookup

        def run() -> Sequence[Any]:
            row: Sequence[Any] = sqlite_connection.execute(sql, arguments).fetchone()
            return row

        execute: Callable[..., Awaitable[Sequence[Any]]] = self._connection._execute
        return await execute(run)

    async def record(self, arguments: list[Any]) -> None:
        sqlite_connection = self._connection._conn
        sql = self._record

        def run() -> None:
            sqlite_connection.execute(sql, arguments).close()

        execute: Callable[..., Awaitable[None]] = self._connection._execute
        await execute(run)

    async def close(self) -> None:
        await self._connection.close()


_DROPPED: Final = (
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.InterfaceError,
    # a statement sent the moment the server's termination notice arrives: "cannot switch to
    # state 12; another operation (2) is in progress" (seen in tests/store/test_direct.py)
    asyncpg.exceptions.InternalClientError,
    ConnectionError,
)


class PostgresDirect:
    """An asyncpg pool for the two statements (prepared once per connection by asyncpg)."""

    def __init__(self, pool: asyncpg.Pool, lookup: str, record: str) -> None:
        self._pool = pool
        self._lookup = lookup
        self._record = record

    @classmethod
    async def open(
        cls, connect: Mapping[str, Any], *, max_size: int, lookup: str, record: str
    ) -> PostgresDirect:
        pool = await asyncpg.create_pool(min_size=0, max_size=max_size, **connect)
        return cls(pool, lookup, record)

    async def lookup(self, arguments: list[Any]) -> Sequence[Any]:
        try:
            row: Sequence[Any] = await self._pool.fetchrow(self._lookup, *arguments)
        except _DROPPED:
            row = await self._pool.fetchrow(self._lookup, *arguments)
        return row

    async def record(self, arguments: list[Any]) -> None:
        try:
            await self._pool.execute(self._record, *arguments)
        except _DROPPED:
            await self._pool.execute(self._record, *arguments)

    async def close(self) -> None:
        await self._pool.close()


def sqlite_database(url_database: str | None) -> str | None:
    """The file a sqlite URL names, or None for an in-memory database (which only the store's
    one connection can see: the direct path is not used there)."""
    database = url_database or ""
    if database in ("", ":memory:") or database.startswith("file::memory:"):
        return None
    return database


def supported() -> bool:
    connection = aiosqlite.Connection
    return all(hasattr(connection, name) for name in ("_execute", "_conn"))
