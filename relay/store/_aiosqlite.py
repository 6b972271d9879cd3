"""aiosqlite connections whose statements cost one hop to the driver's thread, not four.

SQLAlchemy's aiosqlite adapter opens a cursor, executes, fetches and closes it: four trips
through aiosqlite's queue to its worker thread and back to the event loop, ~55 µs of CPU
each, for every statement. The cursor here does all four in one call on that thread. It is
handed to SQLAlchemy through `async_creator`; everything else is aiosqlite's own connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Generator, Sequence
from typing import Any

import aiosqlite

_Result = tuple[Any, list[Any], int, int | None]


def _run(call: Callable[[], sqlite3.Cursor]) -> _Result:
    """On the driver's thread: the statement, its rows and the cursor's attributes."""
    cursor = call()
    try:
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, rows, cursor.rowcount, cursor.lastrowid
    finally:
        cursor.close()


class OneHopCursor:
    """The part of aiosqlite's cursor that SQLAlchemy's adapter uses, rows read at execute."""

    arraysize = 1

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._connection = connection
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self._rows: list[Any] = []

    async def __aenter__(self) -> OneHopCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.close()

    def __await__(self) -> Generator[Any, None, OneHopCursor]:
        # `await connection.cursor()`, as aiosqlite allows it too.
        return self.__aenter__().__await__()

    async def _call(self, call: Callable[[], sqlite3.Cursor]) -> OneHopCursor:
        execute: Callable[..., Awaitable[_Result]] = self._connection._execute
        result = await execute(_run, call)
        self.description, rows, self.rowcount, self.lastrowid = result
        self._rows = rows
        return self

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> OneHopCursor:
        sqlite_connection = self._connection._conn
        return await self._call(lambda: sqlite_connection.execute(sql, parameters or ()))

    async def executemany(self, sql: str, parameters: Sequence[Sequence[Any]]) -> OneHopCursor:
        sqlite_connection = self._connection._conn
        return await self._call(lambda: sqlite_connection.executemany(sql, parameters))

    async def fetchall(self) -> list[Any]:
        rows, self._rows = self._rows, []
        return rows

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        size = self.arraysize if size is None else size
        rows, self._rows = self._rows[:size], self._rows[size:]
        return rows

    async def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    async def close(self) -> None:
        self._rows = []


class OneHopConnection:
    """An aiosqlite connection whose cursors are OneHopCursor; all else is passed through."""

    def __init__(self, connection: aiosqlite.Connection) -> None:
        self._aiosqlite = connection

    def cursor(self) -> OneHopCursor:
        return OneHopCursor(self._aiosqlite)

    # sqlite3's commit and rollback do nothing outside a transaction, and a SELECT opens none:
    # SQLAlchemy's COMMIT after a read and its rollback when the pool takes a connection back
    # need no trip to the thread then. (`in_transaction` is aiosqlite's own, read in place.)

    async def commit(self) -> None:
        if self._aiosqlite.in_transaction:
            await self._aiosqlite.commit()

    async def rollback(self) -> None:
        if self._aiosqlite.in_transaction:
            await self._aiosqlite.rollback()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._aiosqlite, name)


def supported() -> bool:
    """Whether this aiosqlite has the internals used here (else SQLAlchemy's plain adapter)."""
    connection = aiosqlite.Connection
    return all(hasattr(connection, name) for name in ("_execute", "_conn", "in_transaction"))


def creator(*args: Any, **kwargs: Any) -> Callable[[], Awaitable[OneHopConnection]]:
    """An `async_creator` for create_async_engine: `aiosqlite.connect(*args, **kwargs)`."""

    async def connect() -> OneHopConnection:
        pending = aiosqlite.connect(*args, **kwargs)
        # As SQLAlchemy does for its own aiosqlite connections: an unclosed connection's
        # worker thread must not keep the process alive at exit.
        thread: Any = getattr(pending, "_thread", pending)  # a Thread itself before 0.22
        thread.daemon = True
        return OneHopConnection(await pending)

    return connect
