"""The order store and ledger on SQLAlchemy Core (async): SQLite (aiosqlite), PostgreSQL (asyncpg).

One implementation for both engines; the only dialect-specific parts are the URL, the
`INSERT ... ON CONFLICT` construct (each dialect's own `insert`) and the migration lock.
Every database error surfaces as StoreError, so the SMTP edge answers 451 and records nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Callable, Collection, Iterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any, Final

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Dialect,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Select,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    bindparam,
    event,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, Connection, RowMapping, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

from relay.model.types import ORDER_FIELDS, Order, OrderContext
from relay.store import _aiosqlite, direct
from relay.store.base import (
    OPEN,
    AuditEvent,
    ConsoleSession,
    EntryQuery,
    IndexedEntry,
    LedgerEntry,
    Role,
    StoreError,
    SyncState,
    UserRecord,
)

SCHEMA_VERSION: Final = 2
# Any constant works: it only serializes concurrent migrations of relays sharing one database.
_MIGRATION_LOCK: Final = 0x62736D72  # "bsmr"
_CHUNK: Final = 500  # rows per upsert statement (bound-parameter limits of both engines)
_CONNECT_TIMEOUT: Final = 10.0
_SQLITE_BUSY_SECONDS: Final = 30.0
_PG_POOL_SIZE: Final = 10


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out; SQLite keeps naive UTC text, PostgreSQL timestamptz."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
    Column("migrated_at", UTCDateTime, nullable=False),
)

orders = Table(
    "orders",
    metadata,
    Column("order_id", String(19), primary_key=True),
    Column("buyer_email", String(320), nullable=False),
    Column("purchase_date", UTCDateTime, nullable=False),
    Column("marketplace", String(64), nullable=False),
    Column("status", String(32)),
    Column("ship_date", UTCDateTime),
    Column("earliest_delivery_date", UTCDateTime),
    Column("latest_delivery_date", UTCDateTime),
    Column("delivery_date", UTCDateTime),
    Column("buyer_locale", String(16)),
    Column("opted_out", Boolean, nullable=False, default=False),
    Column("review_requested_at", UTCDateTime),
    Column("updated_at", UTCDateTime, nullable=False),
)

ledger = Table(
    "ledger",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(998), nullable=False),
    Column("digest", String(128), nullable=False),
    Column("order_id", String(19)),
    Column("buyer_alias", String(320)),
    Column("sender", String(320), nullable=False),
    Column("sent_at", UTCDateTime, nullable=False),
    Column("review_request", Boolean, nullable=False),
    Column("proactive", Boolean, nullable=False),
    Column("upstream_reply", Text, nullable=False),
    UniqueConstraint("message_id", "digest", name="ledger_message_digest"),
    Index("ledger_order", "order_id"),
    # The daily proactive count (RAT) reads only these columns: a covering index answers it
    # without visiting a ledger row. Stores created before it get it on open (_ensure_indexes).
    Index("ledger_sender_proactive_sent", "sender", "proactive", "sent_at"),
    # A held message is not released over a newer one its writer sent the same buyer.
    Index("ledger_buyer_sent", "buyer_alias", "sent_at"),
)

review_claims = Table(
    "review_claims",
    metadata,
    Column("order_id", String(19), primary_key=True),
    Column("message_id", String(998), nullable=False),
    Column("claimed_at", UTCDateTime, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("name", String(320), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # sender: SMTP AUTH only; reviewer and admin: the review console (schema version 2)
    Column("role", String(16), nullable=False, server_default="sender"),
)

quarantine_entries = Table(
    "quarantine_entries",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("state", String(16), nullable=False),
    Column("codes", Text, nullable=False),  # ",ATT002,CNT003,": a LIKE finds one code
    Column("sender", String(320), nullable=False),
    Column("auth_user", String(320), nullable=False),
    Column("recipient", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("marketplace", String(64), nullable=False),
    Column("order_id", String(19)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("holder", String(255), nullable=False),
    Column("folder", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("size", Integer, nullable=False),
    # The message itself, so a console on another host shows and releases it; NULL once deleted.
    Column("raw", LargeBinary),
    Index("quarantine_entries_created", "created_at"),
    Index("quarantine_entries_state_created", "state", "created_at"),
)

quarantine_audit = Table(
    "quarantine_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entry_id", String(32), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(320), nullable=False),
    Column("action", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Index("quarantine_audit_entry", "entry_id", "at"),
)

console_sessions = Table(
    "console_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user", String(320), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

# The SP-API sync's state per source ("orders"): where the next run starts and how the last
# ones went (for /healthz on every relay, not only the one that ran it).
sync_state = Table(
    "sync_state",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("cursor", UTCDateTime),
    Column("last_success_at", UTCDateTime),
    Column("last_failure_at", UTCDateTime),
    Column("last_error", Text),
    Column("updated_at", UTCDateTime, nullable=False),
)

# Work that one relay of several does at a time (the background sync): held until expires_at,
# renewed by its holder; a holder that dies stops renewing and another takes over.
leases = Table(
    "leases",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("holder", String(200), nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

_ORDER_FIELDS: Final = ORDER_FIELDS
_NULLABLE_ORDER_FIELDS: Final = frozenset(
    name for name in ORDER_FIELDS if orders.c[name].nullable and name != "order_id"
)


def _lookup_statement() -> Select[Any]:
    """Everything `lookup` answers, as one SELECT over bound parameters.

    Built once: the relay pays one round trip (one worker-thread hop on aiosqlite) per message
    instead of five, and SQLAlchemy's cache key for the statement is computed once. A missing
    order (or no order id) leaves the order columns NULL through the LEFT JOIN, and the order
    subqueries compare with NULL, so they find nothing: no separate statement for that case.
    """
    order_id = bindparam("order_id", type_=String)
    message_id = bindparam("message_id", type_=String)
    # Without a message id nothing is excluded (a claim by "another message" is any claim).
    other_claim = or_(message_id.is_(None), review_claims.c.message_id != message_id)
    other_ledger = or_(message_id.is_(None), ledger.c.message_id != message_id)
    sent_today = (
        select(func.count())
        .select_from(ledger)
        .where(
            ledger.c.sender == bindparam("sender", type_=String),
            ledger.c.proactive.is_(True),
            ledger.c.sent_at >= bindparam("since", type_=UTCDateTime),
        )
        .scalar_subquery()
    )
    previous_reply = (
        select(ledger.c.upstream_reply)
        .where(
            ledger.c.message_id == message_id,
            ledger.c.digest == bindparam("digest", type_=String),
        )
        .scalar_subquery()
    )
    claimed = exists().where(review_claims.c.order_id == order_id, other_claim)
    in_ledger = exists().where(
        ledger.c.order_id == order_id, ledger.c.review_request.is_(True), other_ledger
    )
    anchor = select(literal_column("1").label("one")).subquery("anchor")
    return select(
        sent_today.label("sent_today"),
        previous_reply.label("previous_reply"),
        claimed.label("claimed"),
        in_ledger.label("in_ledger"),
        *(orders.c[name] for name in _ORDER_FIELDS),
    ).select_from(anchor.outerjoin(orders, orders.c.order_id == order_id))


_LOOKUP: Final = _lookup_statement()

# The ledger write, built once per dialect: the row comes as parameters, so no statement is
# constructed (nor its cache key computed) per message.
_RECORD: Final[Mapping[str, Any]] = {
    name: dialect_insert(ledger).on_conflict_do_nothing(index_elements=["message_id", "digest"])
    for name, dialect_insert in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}
_RECORD_COLUMNS: Final = (
    "message_id",
    "digest",
    "order_id",
    "buyer_alias",
    "sender",
    "sent_at",
    "review_request",
    "proactive",
    "upstream_reply",
)


@dataclass(frozen=True, slots=True)
class _DirectStatements:
    """The lookup and the ledger write compiled for one dialect's driver (relay.store.direct),
    with the order columns' result processors (UTCDateTime's among them)."""

    lookup: direct.Compiled
    record: direct.Compiled
    order_results: tuple[tuple[str, Callable[[Any], Any] | None], ...]

    @classmethod
    def build(cls, dialect: Dialect) -> _DirectStatements:
        return cls(
            lookup=direct.compile_for(_LOOKUP, dialect),
            record=direct.compile_for(_RECORD[dialect.name], dialect, _RECORD_COLUMNS),
            order_results=tuple(
                (name, orders.c[name].type.dialect_impl(dialect).result_processor(dialect, None))
                for name in _ORDER_FIELDS
            ),
        )

    def row(self, values: Sequence[Any]) -> dict[str, Any]:
        """The driver's row as SQLAlchemy's `.mappings().one()` gives it to `lookup`."""
        head = len(direct.LOOKUP_HEAD)
        row = dict(zip(direct.LOOKUP_HEAD, values[:head], strict=True))
        for (name, process), value in zip(self.order_results, values[head:], strict=True):
            row[name] = value if process is None or value is None else process(value)
        return row


def async_url(url: str) -> URL:
    """`sqlite:///var/relay.db` -> sqlite+aiosqlite, `postgresql://…` -> postgresql+asyncpg."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"order store URL is not valid: {redact(url)}") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+aiosqlite")
    if backend == "postgresql":
        return parsed.set(drivername="postgresql+asyncpg")
    raise StoreError(f"order store URL must be sqlite:// or postgresql://, got {backend}://")


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _one_line(exc: BaseException, secret: str | None) -> str:
    """The driver's own error in one short line (SQLAlchemy's wrappers peeled off)."""
    cause: BaseException = getattr(exc, "orig", None) or exc
    if cause is not exc and cause.__cause__ is not None:
        cause = cause.__cause__  # the adapter wraps asyncpg's error: show asyncpg's
    text_ = " ".join(str(cause).split()) or type(cause).__name__
    if secret:
        text_ = text_.replace(secret, "***")
    # SQLAlchemy appends the statement and a "Background on this error" link: keep it short.
    text_ = text_.split(" [SQL:", 1)[0].split(" (Background on this error", 1)[0]
    return f"{type(cause).__name__}: {text_}"[:300]


def utc_midnight(now: datetime) -> datetime:
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    return datetime.combine(now.date(), time(0), tzinfo=UTC)


class SqlStore:
    """The Store protocol on one SQLAlchemy async engine.

    `schema` (PostgreSQL only) puts every table in that schema via the search path; tests use
    it to isolate runs from one another.
    """

    def __init__(self, url: str, *, schema: str | None = None) -> None:
        self.url = url
        self.schema = schema
        self._url = async_url(url)
        self._engine: AsyncEngine | None = None  # owns the pool
        self._tx_engine: AsyncEngine | None = None  # its begin() is a real transaction
        # the two per-message statements on the driver (None: through SQLAlchemy, as for an
        # in-memory SQLite database, which no second connection can see)
        self._direct: direct.Direct | None = None
        self._direct_statements: _DirectStatements | None = None
        if schema is not None and not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", schema):
            raise StoreError(f"invalid schema name {schema!r}")

    @property
    def dialect(self) -> str:
        return self._url.get_backend_name()

    @property
    def display_url(self) -> str:
        return self._url.set(drivername=self.dialect).render_as_string(hide_password=True)

    def _error(self, action: str, exc: BaseException) -> StoreError:
        return StoreError(
            f"order store {self.display_url} {action}: {_one_line(exc, self._url.password)}"
        )

    def _make_engine(self) -> AsyncEngine:
        kwargs: dict[str, Any] = {}
        connect_args: dict[str, Any] = {}
        if self.dialect == "sqlite":
            # No pre-ping: a connection to a local file does not go stale, and on aiosqlite
            # each ping is one more trip to the driver's thread per transaction.
            database = self._url.database or ""
            memory = database in ("", ":memory:") or database.startswith("file::memory:")
            if memory:
                kwargs["poolclass"] = StaticPool
            else:
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
            connect_args["timeout"] = _SQLITE_BUSY_SECONDS  # a second writer waits, not fails
            if _aiosqlite.supported():
                # The same file and options SQLAlchemy would open, one hop per statement.
                args, params = self._url.get_dialect()().create_connect_args(self._url)
                kwargs["async_creator"] = _aiosqlite.creator(*args, **params, **connect_args)
        else:
            # A backend killed under us (restart, failover) is noticed and replaced at checkout.
            kwargs["pool_pre_ping"] = True
            # Pooled connections rest in autocommit: asyncpg's pre-ping is then one round trip
            # (BEGIN, ping, ROLLBACK otherwise) and a one-statement call needs no BEGIN/COMMIT.
            # Transactions run on `_tx_engine`, at the server's default isolation level.
            kwargs["isolation_level"] = "AUTOCOMMIT"
            connect_args.update(self._pg_connect_args())
            kwargs["pool_size"] = _PG_POOL_SIZE
            kwargs["max_overflow"] = 20
        engine = create_async_engine(self._url, connect_args=connect_args, **kwargs)
        if self.dialect == "sqlite":
            event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine

    def _pg_connect_args(self) -> dict[str, Any]:
        """asyncpg's connect() options, the same for the engine and the direct pool."""
        connect_args: dict[str, Any] = {"timeout": _CONNECT_TIMEOUT, "command_timeout": 30.0}
        if self.schema:
            connect_args["server_settings"] = {"search_path": self.schema}
        return connect_args

    @property
    def engine(self) -> AsyncEngine:
        """The engine whose `begin()` is one transaction (as every multi-statement use needs)."""
        if self._tx_engine is None:
            raise StoreError("order store is not open")
        return self._tx_engine

    @asynccontextmanager
    async def _tx(
        self, action: str, *, one_statement: bool = False
    ) -> AsyncIterator[AsyncConnection]:
        """One transaction; every database failure becomes StoreError.

        `one_statement`: the caller runs exactly one statement, which is atomic (and sees one
        snapshot) on its own. On PostgreSQL it then runs without BEGIN and COMMIT, two round
        trips fewer. Never for several statements: each would commit by itself.
        """
        with self._failures_as_store_errors(action):
            if one_statement and self.dialect == "postgresql" and self._engine is not None:
                async with self._engine.connect() as conn:
                    yield conn
            else:
                async with self.engine.begin() as conn:
                    yield conn

    @contextlib.contextmanager
    def _failures_as_store_errors(self, action: str) -> Iterator[None]:
        """Every database failure inside as StoreError; anything else (a bug) as it is."""
        try:
            yield
        except StoreError:
            raise
        except Exception as exc:
            error = self._translate(action, exc)
            if error is exc:
                raise
            raise error from exc

    def _translate(self, action: str, exc: Exception) -> Exception:
        """A database failure as StoreError; anything else (a bug) as it is."""
        if isinstance(exc, (SQLAlchemyError, OSError, TimeoutError, ConnectionError)):
            return self._error(f"failed ({action})", exc)
        # driver errors that SQLAlchemy did not wrap, and the direct statements' own
        if type(exc).__module__.split(".", 1)[0] in ("asyncpg", "sqlite3", "aiosqlite"):
            return self._error(f"failed ({action})", exc)
        return exc

    async def _open_direct(self) -> None:
        if self.dialect == "sqlite":
            database = direct.sqlite_database(self._url.database)
            if database is None or not direct.supported():
                return
            statements = _DirectStatements.build(direct.sqlite_dialect())
            self._direct = await direct.SqliteDirect.open(
                database,
                timeout=_SQLITE_BUSY_SECONDS,
                lookup=statements.lookup.sql,
                record=statements.record.sql,
            )
        else:
            statements = _DirectStatements.build(direct.postgresql_dialect())
            _args, params = self._url.get_dialect()().create_connect_args(self._url)
            self._direct = await direct.PostgresDirect.open(
                {**params, **self._pg_connect_args()},
                max_size=_PG_POOL_SIZE,
                lookup=statements.lookup.sql,
                record=statements.record.sql,
            )
        self._direct_statements = statements

    # -- lifecycle ------------------------------------------------------------------------

    async def open(self) -> None:
        if self._engine is not None:
            return
        try:
            engine = self._engine = self._make_engine()
            if self.dialect == "postgresql":
                # The first connection learns the server's default isolation level: the one
                # transactions ran at before the pool rested in autocommit, and still do.
                async with engine.connect():
                    pass
                level = engine.dialect.default_isolation_level or "READ COMMITTED"
                self._tx_engine = engine.execution_options(isolation_level=level)
            else:
                self._tx_engine = engine
            if self.schema and self.dialect == "postgresql":
                await self._create_schema()
            await self._migrate()
            await self._open_direct()
        except StoreError as exc:
            await self._dispose()
            if exc.__cause__ is None:
                raise
            raise self._error("cannot be opened", exc.__cause__) from exc.__cause__
        except Exception as exc:
            await self._dispose()
            error = self._translate("open", exc)
            if error is exc:
                raise
            raise self._error("cannot be opened", exc) from exc

    async def _create_schema(self) -> None:
        # The search path names a schema that may not exist yet; create it on a connection
        # that does not depend on it.
        async with self._tx("create schema") as conn:
            await conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"'))

    async def _migrate(self) -> None:
        for attempt in range(3):
            try:
                async with self._tx("migrate") as conn:
                    if self.dialect == "postgresql":
                        await conn.execute(select(func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
                    await conn.run_sync(metadata.create_all, checkfirst=True)
                    current = (
                        await conn.execute(select(func.max(schema_version.c.version)))
                    ).scalar()
                    if current is None or current < SCHEMA_VERSION:
                        # One ALTER step per version; create_all above made the new tables.
                        if current is not None and current < 2:
                            await conn.execute(
                                text(
                                    "ALTER TABLE users ADD COLUMN role VARCHAR(16) "
                                    "NOT NULL DEFAULT 'sender'"
                                )
                            )
                        await conn.execute(
                            schema_version.insert().values(
                                version=SCHEMA_VERSION, migrated_at=datetime.now(UTC)
                            )
                        )
                    elif current > SCHEMA_VERSION:
                        raise StoreError(
                            f"order store {self.display_url} has schema version {current}, "
                            f"newer than this relay ({SCHEMA_VERSION})"
                        )
                    await self._ensure_indexes(conn)
                return
            except StoreError as exc:
                # Two SQLite processes creating the same tables at once: retry once it settles.
                if self.dialect != "sqlite" or attempt == 2 or "already exists" not in str(exc):
                    raise
                await asyncio.sleep(0.1)

    async def _ensure_indexes(self, conn: AsyncConnection) -> None:
        """Indexes added since a store was created: made when missing, on every open.

        They change no query's answer, only its plan, so they take no new schema version:
        the previous release, which refuses a store with a newer version, can still be
        installed to roll back (runbook, Upgrade). The first release's (sender, sent_at)
        index goes: the covering one serves its only query, the proactive count, in both.
        """

        def create(sync: Connection) -> None:
            for index in ledger.indexes:
                index.create(sync, checkfirst=True)

        await conn.run_sync(create)
        await conn.execute(text("DROP INDEX IF EXISTS ledger_sender_sent"))

    async def _dispose(self) -> None:
        self._tx_engine = None
        if self._direct is not None:
            statements, self._direct = self._direct, None
            with contextlib.suppress(Exception):
                await statements.close()
        if self._engine is not None:
            engine, self._engine = self._engine, None
            # Closing a broken engine must not mask the error that made us close it.
            with contextlib.suppress(Exception):
                await engine.dispose()

    async def close(self) -> None:
        await self._dispose()

    async def ping(self) -> None:
        async with self._tx("ping") as conn:
            await conn.execute(select(1))

    # -- orders ---------------------------------------------------------------------------

    async def upsert_orders(self, items: list[Order], *, keep: Collection[str] = ()) -> int:
        """Insert or update orders; `review_requested_at` once stored is never cleared.

        `keep`: fields the source does not know (the SP-API has no opt-out flag and no actual
        delivery date): a stored value stays; a nullable one is only filled when still empty.
        """
        unknown = set(keep) - set(_ORDER_FIELDS)
        if unknown:
            raise ValueError(f"not order fields: {sorted(unknown)}")
        if not items:
            return 0
        now = datetime.now(UTC)
        # The last row wins when one file names an order twice.
        rows = list({o.order_id: _order_row(o, now) for o in items}.values())
        async with self._tx("upsert orders") as conn:
            for start in range(0, len(rows), _CHUNK):
                chunk = rows[start : start + _CHUNK]
                stmt = self._insert(orders).values(chunk)
                excluded = stmt.excluded
                updates: dict[str, Any] = {
                    name: excluded[name]
                    for name in (*_ORDER_FIELDS, "updated_at")
                    if name != "order_id"
                }
                # A review request sent elsewhere cannot be unsent by a file that omits it.
                updates["review_requested_at"] = func.coalesce(
                    excluded.review_requested_at, orders.c.review_requested_at
                )
                for name in keep:
                    updates[name] = (
                        func.coalesce(excluded[name], orders.c[name])
                        if name in _NULLABLE_ORDER_FIELDS
                        else orders.c[name]
                    )
                await conn.execute(
                    stmt.on_conflict_do_update(index_elements=["order_id"], set_=updates)
                )
        return len(rows)

    async def get_order(self, order_id: str) -> Order | None:
        async with self._tx("get order") as conn:
            row = (
                (await conn.execute(select(orders).where(orders.c.order_id == order_id)))
                .mappings()
                .first()
            )
        return _order_from_row(row) if row is not None else None

    async def order_locales(self, order_ids: Collection[str]) -> dict[str, str | None]:
        """The stored buyer locale of each of these orders that the store has."""
        found: dict[str, str | None] = {}
        ids = list(order_ids)
        async with self._tx("read orders") as conn:
            for start in range(0, len(ids), _CHUNK):
                rows = await conn.execute(
                    select(orders.c.order_id, orders.c.buyer_locale).where(
                        orders.c.order_id.in_(ids[start : start + _CHUNK])
                    )
                )
                found.update({str(oid): locale for oid, locale in rows.all()})
        return found

    async def newest_order_at(self) -> datetime | None:
        """The purchase date of the newest stored order (its age is a /metrics gauge)."""
        async with self._tx("newest order", one_statement=True) as conn:
            # max() keeps the column's type: UTCDateTime converts the answer as for a row.
            value = (await conn.execute(select(func.max(orders.c.purchase_date)))).scalar()
        return value if isinstance(value, datetime) else None

    # -- sync state and leases -------------------------------------------------------------

    async def sync_state(self, name: str) -> SyncState | None:
        async with self._tx("read sync state", one_statement=True) as conn:
            row = (
                (await conn.execute(select(sync_state).where(sync_state.c.name == name)))
                .mappings()
                .first()
            )
        if row is None:
            return None
        return SyncState(
            name=row["name"],
            cursor=row["cursor"],
            last_success_at=row["last_success_at"],
            last_failure_at=row["last_failure_at"],
            last_error=row["last_error"],
        )

    async def record_sync(
        self,
        name: str,
        *,
        cursor: datetime | None = None,
        success_at: datetime | None = None,
        failure_at: datetime | None = None,
        error: str | None = None,
    ) -> None:
        """Move the cursor and/or note a run's success or failure (unset values are kept)."""
        now = datetime.now(UTC)
        values: dict[str, Any] = {"name": name, "updated_at": now}
        if cursor is not None:
            values["cursor"] = cursor
        if success_at is not None:
            values["last_success_at"] = success_at
        if failure_at is not None:
            values["last_failure_at"] = failure_at
            values["last_error"] = error
        stmt = self._insert(sync_state).values(**values)
        updates = {key: stmt.excluded[key] for key in values if key != "name"}
        async with self._tx("write sync state", one_statement=True) as conn:
            await conn.execute(stmt.on_conflict_do_update(index_elements=["name"], set_=updates))

    async def acquire_lease(self, name: str, holder: str, seconds: float) -> bool:
        """Take or renew the lease `name` for `seconds`: one statement, so two relays asking at
        once cannot both win. True while `holder` has it; False while another live one does."""
        now = datetime.now(UTC)
        stmt = self._insert(leases).values(
            name=name, holder=holder, expires_at=now + timedelta(seconds=seconds)
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["name"],
            set_={"holder": stmt.excluded.holder, "expires_at": stmt.excluded.expires_at},
            where=or_(leases.c.holder == stmt.excluded.holder, leases.c.expires_at <= now),
        ).returning(leases.c.holder)
        async with self._tx("take lease") as conn:
            won = (await conn.execute(stmt)).first()
        return won is not None

    async def release_lease(self, name: str, holder: str) -> None:
        async with self._tx("release lease", one_statement=True) as conn:
            await conn.execute(
                leases.delete().where(leases.c.name == name, leases.c.holder == holder)
            )

    async def lease_holder(self, name: str) -> str | None:
        """Who holds `name` now (None when free or expired): for operators and tests."""
        async with self._tx("read lease", one_statement=True) as conn:
            value = (
                await conn.execute(
                    select(leases.c.holder).where(
                        leases.c.name == name, leases.c.expires_at > datetime.now(UTC)
                    )
                )
            ).scalar()
        return None if value is None else str(value)

    async def count_orders(self) -> int:
        async with self._tx("count orders") as conn:
            return int((await conn.execute(select(func.count()).select_from(orders))).scalar_one())

    async def lookup(
        self,
        order_id: str | None,
        buyer_alias: str | None,
        sender: str,
        now: datetime,
        *,
        message_id: str | None = None,
        digest: str | None = None,
    ) -> OrderContext:
        """The order, whether its review request is used up, the sender's proactive count and
        the upstream's reply if this exact message was delivered before: one SELECT.

        `message_id` (optional) is this message's ledger key: its own earlier claim (a retry
        after a failed delivery) does not count as "already requested". With `digest` too, an
        earlier delivery of the same key and bytes is reported as `previous_reply`.
        """
        params = {
            "sender": sender.strip().lower(),
            "since": utc_midnight(now),
            "order_id": order_id,
            "message_id": message_id,
            "digest": digest,
        }
        row = await self._lookup_row(params)
        order = _order_from_row(row) if row["order_id"] is not None else None
        requested = bool(
            row["claimed"] or row["in_ledger"] or (order and order.review_requested_at is not None)
        )
        previous = row["previous_reply"]
        return OrderContext(
            order_id=order_id,
            order=order,
            review_already_requested=requested,
            proactive_sent_today=int(row["sent_today"]),
            previous_reply=None if previous is None else str(previous),
        )

    async def _lookup_row(self, params: dict[str, Any]) -> Mapping[str, Any]:
        statements, driver = self._direct_statements, self._direct
        if statements is None or driver is None:
            return await self._lookup_row_sqlalchemy(params)
        with self._failures_as_store_errors("lookup"):
            values = await driver.lookup(statements.lookup.arguments(params))
        return statements.row(values)

    async def _lookup_row_sqlalchemy(self, params: dict[str, Any]) -> Mapping[str, Any]:
        async with self._tx("lookup", one_statement=True) as conn:
            row: Mapping[str, Any] = (await conn.execute(_LOOKUP, params)).mappings().one()
        return row

    # -- review-request claims ------------------------------------------------------------

    async def claim_review_request(self, order_id: str, message_id: str, at: datetime) -> bool:
        """One atomic statement: insert the claim, or keep it if this same message holds it.

        `INSERT … ON CONFLICT (order_id) DO UPDATE … WHERE claim.message_id = new.message_id
        RETURNING order_id` returns a row exactly when the claim is (now) this message's: newly
        inserted, or a retry of the message that already holds it. Concurrent claims by other
        messages wait on the row lock and then return nothing.
        """
        stmt = self._insert(review_claims).values(
            order_id=order_id, message_id=message_id, claimed_at=at
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=["order_id"],
            set_={"message_id": stmt.excluded.message_id},
            where=review_claims.c.message_id == stmt.excluded.message_id,
        ).returning(review_claims.c.order_id)
        async with self._tx("claim review request") as conn:
            won = (await conn.execute(stmt)).first()
        return won is not None

    async def release_review_request(self, order_id: str, message_id: str) -> None:
        async with self._tx("release review request") as conn:
            await conn.execute(
                review_claims.delete().where(
                    review_claims.c.order_id == order_id,
                    review_claims.c.message_id == message_id,
                )
            )

    # -- ledger ---------------------------------------------------------------------------

    async def record_delivery(self, entry: LedgerEntry) -> None:
        """Record a forwarded message; recording the same (message_id, digest) twice is a no-op."""
        row = {
            "message_id": entry.message_id,
            "digest": entry.digest,
            "order_id": entry.order_id,
            "buyer_alias": entry.buyer_alias.lower() if entry.buyer_alias else None,
            "sender": entry.sender.strip().lower(),
            "sent_at": entry.sent_at,
            "review_request": entry.review_request,
            "proactive": entry.proactive,
            "upstream_reply": entry.upstream_reply,
        }
        statements, driver = self._direct_statements, self._direct
        if statements is None or driver is None:
            await self._record_sqlalchemy(row)
            return
        with self._failures_as_store_errors("write ledger"):
            await driver.record(statements.record.arguments(row))

    async def _record_sqlalchemy(self, row: dict[str, Any]) -> None:
        async with self._tx("write ledger", one_statement=True) as conn:
            await conn.execute(_RECORD[self.dialect], row)

    async def ledger_entries(self, order_id: str | None = None) -> list[LedgerEntry]:
        """The ledger (optionally for one order), oldest first: for operators and tests."""
        query = select(ledger).order_by(ledger.c.sent_at, ledger.c.id)
        if order_id is not None:
            query = query.where(ledger.c.order_id == order_id)
        return await self._ledger(query)

    async def deliveries_since(
        self, buyer_aliases: Collection[str], after: datetime, order_id: str | None = None
    ) -> list[LedgerEntry]:
        """Messages delivered to any of these buyer aliases after `after` (about `order_id`
        when given), oldest first."""
        if not buyer_aliases:
            return []
        query = (
            select(ledger)
            .where(ledger.c.buyer_alias.in_([a.lower() for a in buyer_aliases]))
            .where(ledger.c.sent_at > after)
            .order_by(ledger.c.sent_at, ledger.c.id)
        )
        if order_id is not None:
            query = query.where(ledger.c.order_id == order_id)
        return await self._ledger(query)

    async def _ledger(self, query: Select[Any]) -> list[LedgerEntry]:
        async with self._tx("read ledger") as conn:
            rows = (await conn.execute(query)).mappings().all()
        return [
            LedgerEntry(
                message_id=r["message_id"],
                digest=r["digest"],
                order_id=r["order_id"],
                buyer_alias=r["buyer_alias"],
                sender=r["sender"],
                sent_at=r["sent_at"],
                review_request=bool(r["review_request"]),
                proactive=bool(r["proactive"]),
                upstream_reply=r["upstream_reply"],
            )
            for r in rows
        ]

    # -- users ----------------------------------------------------------------------------

    async def set_user(self, name: str, password_hash: str, role: Role | None = None) -> None:
        """Add or update a user; an update without `role` keeps the user's role."""
        now = datetime.now(UTC)
        stmt = self._insert(users).values(
            name=name, password_hash=password_hash, updated_at=now, role=role or "sender"
        )
        updates: dict[str, Any] = {
            "password_hash": stmt.excluded.password_hash,
            "updated_at": stmt.excluded.updated_at,
        }
        if role is not None:
            updates["role"] = stmt.excluded.role
        stmt = stmt.on_conflict_do_update(index_elements=["name"], set_=updates)
        async with self._tx("write user") as conn:
            await conn.execute(stmt)

    async def get_user_hash(self, name: str) -> str | None:
        async with self._tx("read user") as conn:
            value = (
                await conn.execute(select(users.c.password_hash).where(users.c.name == name))
            ).scalar()
        return None if value is None else str(value)

    async def get_user(self, name: str) -> UserRecord | None:
        async with self._tx("read user", one_statement=True) as conn:
            row = (
                await conn.execute(
                    select(users.c.name, users.c.password_hash, users.c.role).where(
                        users.c.name == name
                    )
                )
            ).first()
        if row is None:
            return None
        return UserRecord(name=str(row[0]), password_hash=str(row[1]), role=_role(row[2]))

    async def console_users(self) -> list[UserRecord]:
        """Reviewers and admins, by name (the admin's users page)."""
        async with self._tx("read users") as conn:
            rows = (
                await conn.execute(
                    select(users.c.name, users.c.password_hash, users.c.role)
                    .where(users.c.role != "sender")
                    .order_by(users.c.name)
                )
            ).all()
        return [UserRecord(str(n), str(h), _role(r)) for n, h, r in rows]

    async def all_users(self) -> list[tuple[str, Role, datetime]]:
        """Every user, by name: name, role, last change (`bsm-relay users list`)."""
        async with self._tx("read users") as conn:
            rows = (
                await conn.execute(
                    select(users.c.name, users.c.role, users.c.updated_at).order_by(users.c.name)
                )
            ).all()
        return [(str(n), _role(r), at) for n, r, at in rows]

    async def delete_user(self, name: str) -> bool:
        """Remove a user and end their console sessions; False when there was none."""
        async with self._tx("delete user") as conn:
            await conn.execute(console_sessions.delete().where(console_sessions.c.user == name))
            result = await conn.execute(users.delete().where(users.c.name == name))
        return bool(result.rowcount)

    async def list_users(self) -> dict[str, str]:
        """Every SMTP login (role sender) and its password hash (kept in memory by the relay)."""
        async with self._tx("read users") as conn:
            rows = (
                await conn.execute(
                    select(users.c.name, users.c.password_hash).where(users.c.role == "sender")
                )
            ).all()
        return {str(name): str(hashed) for name, hashed in rows}

    async def user_stamps(self) -> dict[str, datetime]:
        """Each login's last change: a running relay polls this to pick up new users, new
        passwords and unlocks within seconds, without a SIGHUP."""
        async with self._tx("read users") as conn:
            rows = (await conn.execute(select(users.c.name, users.c.updated_at))).all()
        return {str(name): stamp for name, stamp in rows}

    async def touch_user(self, name: str) -> bool:
        async with self._tx("write user") as conn:
            result = await conn.execute(
                users.update().where(users.c.name == name).values(updated_at=datetime.now(UTC))
            )
        return bool(result.rowcount)

    # -- console sessions -----------------------------------------------------------------

    async def create_session(self, session: ConsoleSession, now: datetime) -> None:
        async with self._tx("write session") as conn:
            await conn.execute(console_sessions.delete().where(console_sessions.c.expires_at < now))
            await conn.execute(
                console_sessions.insert().values(
                    token_hash=session.token_hash,
                    user=session.user,
                    csrf=session.csrf,
                    created_at=now,
                    expires_at=session.expires_at,
                )
            )

    async def get_session(self, token_hash: str, now: datetime) -> ConsoleSession | None:
        """The live session with its user's current role (a demoted user loses the console)."""
        query = (
            select(console_sessions, users.c.role)
            .join(users, users.c.name == console_sessions.c.user)
            .where(console_sessions.c.token_hash == token_hash)
            .where(console_sessions.c.expires_at > now)
        )
        async with self._tx("read session", one_statement=True) as conn:
            row = (await conn.execute(query)).mappings().first()
        if row is None:
            return None
        return ConsoleSession(
            token_hash=row["token_hash"],
            user=row["user"],
            role=_role(row["role"]),
            csrf=row["csrf"],
            expires_at=row["expires_at"],
        )

    async def end_session(self, token_hash: str) -> None:
        async with self._tx("end session", one_statement=True) as conn:
            await conn.execute(
                console_sessions.delete().where(console_sessions.c.token_hash == token_hash)
            )

    # -- quarantine index -----------------------------------------------------------------

    async def index_entry(self, entry: IndexedEntry, raw: bytes, event: AuditEvent) -> None:
        """Index a quarantined message with its first audit event; a second call is a no-op."""
        row = _entry_row(entry)
        row["raw"] = raw or None  # an entry adopted after its deletion has no message
        stmt = self._insert(quarantine_entries).values(**row)
        stmt = stmt.on_conflict_do_nothing(index_elements=["id"]).returning(quarantine_entries.c.id)
        async with self._tx("index quarantine entry") as conn:
            if (await conn.execute(stmt)).first() is not None:
                await conn.execute(quarantine_audit.insert().values(**_audit_row(event)))

    async def get_entry(self, entry_id: str) -> IndexedEntry | None:
        query = select(*_ENTRY_COLUMNS).where(quarantine_entries.c.id == entry_id)
        async with self._tx("read quarantine entry", one_statement=True) as conn:
            row = (await conn.execute(query)).mappings().first()
        return None if row is None else _entry_from_row(row)

    async def entry_raw(self, entry_id: str) -> bytes | None:
        query = select(quarantine_entries.c.raw).where(quarantine_entries.c.id == entry_id)
        async with self._tx("read quarantined message", one_statement=True) as conn:
            value = (await conn.execute(query)).scalar()
        return None if value is None else bytes(value)

    async def find_entries(self, query: EntryQuery) -> tuple[list[IndexedEntry], int]:
        """One page of entries, newest first, and how many match in all."""
        c = quarantine_entries.c
        conditions: list[Any] = []
        if query.state == OPEN:
            conditions.append(c.state.in_(("held", "rejected")))
        elif query.state:
            conditions.append(c.state == query.state)
        if query.rule:
            conditions.append(c.codes.like(f"%,{_like(query.rule.upper())},%", escape="\\"))
        if query.sender:
            pattern = f"%{_like(query.sender.lower())}%"
            conditions.append(
                or_(
                    func.lower(c.sender).like(pattern, escape="\\"),
                    func.lower(c.auth_user).like(pattern, escape="\\"),
                )
            )
        if query.marketplace:
            conditions.append(c.marketplace == query.marketplace.lower())
        if query.since is not None:
            conditions.append(c.created_at >= query.since)
        if query.until is not None:
            conditions.append(c.created_at < query.until)
        if query.search:
            pattern = f"%{_like(query.search.lower())}%"
            conditions.append(
                or_(
                    c.order_id == query.search.strip(),
                    func.lower(c.subject).like(pattern, escape="\\"),
                )
            )
        page = (
            select(*_ENTRY_COLUMNS)
            .where(*conditions)
            .order_by(c.created_at.desc(), c.id.desc())
            .offset(query.offset)
            .limit(query.limit)
        )
        total = select(func.count()).select_from(quarantine_entries).where(*conditions)
        async with self._tx("list quarantine") as conn:
            rows = (await conn.execute(page)).mappings().all()
            count = int((await conn.execute(total)).scalar_one())
        return [_entry_from_row(r) for r in rows], count

    async def entry_facets(self) -> tuple[list[str], list[str]]:
        """The rule codes and marketplaces present, for the list's filter menus."""
        c = quarantine_entries.c
        async with self._tx("list quarantine facets") as conn:
            codes = (await conn.execute(select(c.codes).distinct())).scalars().all()
            markets = (await conn.execute(select(c.marketplace).distinct())).scalars().all()
        found = sorted({code for joined in codes for code in str(joined).split(",") if code})
        return found, sorted(str(m) for m in markets if m)

    async def change_state(
        self,
        entry_id: str,
        allowed: tuple[str, ...],
        state: str,
        event: AuditEvent,
        *,
        drop_raw: bool = False,
    ) -> bool:
        """Move an entry to `state` only from one of `allowed`, with its audit event, in one
        transaction: of two reviewers (or two hosts) releasing at once exactly one wins."""
        values: dict[str, Any] = {"state": state, "updated_at": event.at}
        if drop_raw:
            values["raw"] = None
        stmt = (
            quarantine_entries.update()
            .where(quarantine_entries.c.id == entry_id, quarantine_entries.c.state.in_(allowed))
            .values(**values)
            .returning(quarantine_entries.c.id)
        )
        async with self._tx("change quarantine state") as conn:
            if (await conn.execute(stmt)).first() is None:
                return False
            await conn.execute(quarantine_audit.insert().values(**_audit_row(event)))
        return True

    async def add_audit(self, event: AuditEvent) -> None:
        async with self._tx("write audit", one_statement=True) as conn:
            await conn.execute(quarantine_audit.insert().values(**_audit_row(event)))

    async def audit_trail(self, entry_id: str) -> list[AuditEvent]:
        a = quarantine_audit.c
        query = select(quarantine_audit).where(a.entry_id == entry_id).order_by(a.at, a.id)
        async with self._tx("read audit", one_statement=True) as conn:
            rows = (await conn.execute(query)).mappings().all()
        return [
            AuditEvent(
                entry_id=r["entry_id"],
                at=r["at"],
                actor=r["actor"],
                action=r["action"],
                reason=r["reason"],
            )
            for r in rows
        ]

    # -- helpers --------------------------------------------------------------------------

    def _insert(self, table: Table) -> Any:
        """The dialect's own INSERT, which knows ON CONFLICT."""
        if self.dialect == "postgresql":
            return postgresql.insert(table)
        return sqlite.insert(table)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
    finally:
        cursor.close()


def _order_row(order: Order, now: datetime) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(order, name) for name in _ORDER_FIELDS}
    row["buyer_email"] = order.buyer_email.strip().lower()
    row["marketplace"] = order.marketplace.strip().lower()
    row["opted_out"] = bool(order.opted_out)
    row["updated_at"] = now
    return row


def _order_from_row(row: RowMapping | Mapping[str, Any]) -> Order:
    values = {name: row[name] for name in _ORDER_FIELDS}
    values["opted_out"] = bool(values["opted_out"])
    return Order(**values)


_ENTRY_COLUMNS: Final = tuple(c for c in quarantine_entries.c if c.name != "raw")


def _role(value: object) -> Role:
    text_value = str(value)
    if text_value == "admin":
        return "admin"
    if text_value == "reviewer":
        return "reviewer"
    return "sender"


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _entry_row(entry: IndexedEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "state": entry.state,
        "codes": "," + ",".join(entry.codes) + ",",
        "sender": entry.sender,
        "auth_user": entry.auth_user,
        "recipient": entry.recipient,
        "subject": entry.subject,
        "marketplace": entry.marketplace,
        "order_id": entry.order_id,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
        "holder": entry.holder,
        "folder": entry.folder,
        "record": entry.record_json,
        "size": entry.size,
    }


def _entry_from_row(row: RowMapping | Mapping[str, Any]) -> IndexedEntry:
    return IndexedEntry(
        id=row["id"],
        state=row["state"],
        codes=tuple(code for code in str(row["codes"]).split(",") if code),
        sender=row["sender"],
        auth_user=row["auth_user"],
        recipient=row["recipient"],
        subject=row["subject"],
        marketplace=row["marketplace"],
        order_id=row["order_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        holder=row["holder"],
        folder=row["folder"],
        record_json=row["record"],
        size=int(row["size"]),
    )


def _audit_row(event: AuditEvent) -> dict[str, Any]:
    return {
        "entry_id": event.entry_id,
        "at": event.at,
        "actor": event.actor,
        "action": event.action,
        "reason": event.reason,
    }
