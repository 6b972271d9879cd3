"""The notice outbox: one row per quarantine entry, kept until the upstream took the notice.

The row is written while the message is quarantined, before the SMTP reply; the key is the
quarantine id, so a resent message (same entry) or a second relay never makes a second notice.
A sender claims a due row by moving its next attempt forward in one conditional UPDATE (a lease)
and writing its host and pid: two relays on one database never send the same row at once. A
relay killed mid-send leaves the row claimed; the next relay started on that host frees the
claims of its host's dead processes at once, and any other sender takes the row once the lease
runs out. The table is new in this release and made by
`metadata.create_all`, so it needs no schema version.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    func,
    select,
    update,
)

from relay.store.sql import SqlStore, UTCDateTime, metadata

notices = Table(
    "notices",
    metadata,
    Column("quarantine_id", String(64), primary_key=True),
    Column("recipient", String(320), nullable=False),
    Column("language", String(8), nullable=False),
    Column("state", String(16), nullable=False),
    Column("body", LargeBinary, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime),
    Column("last_error", Text),
    Column("claimed_by", String(300)),  # "host:pid" of the sender holding the lease
    Index("notices_due", "state", "next_attempt_at"),
    Index("notices_recipient_created", "recipient", "created_at"),
)


class NoticeState(enum.StrEnum):
    PENDING = "pending"  # waiting for its first or next attempt
    SENT = "sent"  # the upstream took it
    SKIPPED = "skipped"  # over the recipient's rate limit: recorded, never sent
    FAILED = "failed"  # the upstream refused it for good (a 5xx for that address)


@dataclass(frozen=True, slots=True)
class Notice:
    quarantine_id: str
    recipient: str
    language: str
    state: NoticeState
    body: bytes
    created_at: datetime
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str | None


def _notice(row: Any) -> Notice:
    return Notice(
        quarantine_id=row["quarantine_id"],
        recipient=row["recipient"],
        language=row["language"],
        state=NoticeState(row["state"]),
        body=bytes(row["body"]),
        created_at=row["created_at"],
        attempts=int(row["attempts"]),
        next_attempt_at=row["next_attempt_at"],
        sent_at=row["sent_at"],
        last_error=row["last_error"],
    )


class Outbox:
    """The notice table on the relay's store (SQLite or PostgreSQL)."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store

    async def add(
        self,
        quarantine_id: str,
        recipient: str,
        language: str,
        body: bytes,
        now: datetime,
        *,
        rate_limit: int,
        rate_window: float,
    ) -> NoticeState | None:
        """Record the notice of one quarantine entry; None if that entry already has one.

        A recipient who got `rate_limit` notices within `rate_window` seconds gets this one
        recorded as skipped. Counted and written in one transaction.
        """
        since = now - timedelta(seconds=rate_window)
        async with self.store._tx("write notice") as conn:
            existing = (
                await conn.execute(
                    select(notices.c.state).where(notices.c.quarantine_id == quarantine_id)
                )
            ).scalar()
            if existing is not None:
                return None
            recent = (
                await conn.execute(
                    select(func.count())
                    .select_from(notices)
                    .where(
                        notices.c.recipient == recipient.lower(),
                        notices.c.created_at >= since,
                        notices.c.state != NoticeState.SKIPPED.value,
                    )
                )
            ).scalar_one()
            state = NoticeState.SKIPPED if recent >= rate_limit else NoticeState.PENDING
            stmt = self.store._insert(notices).values(
                quarantine_id=quarantine_id,
                recipient=recipient.lower(),
                language=language,
                state=state.value,
                body=body,
                created_at=now,
                attempts=0,
                next_attempt_at=now,
                last_error="rate limit" if state is NoticeState.SKIPPED else None,
            )
            result = await conn.execute(
                stmt.on_conflict_do_nothing(index_elements=["quarantine_id"])
            )
        return state if result.rowcount else None

    async def claim_due(
        self, now: datetime, lease: float, owner: str, limit: int = 20
    ) -> list[Notice]:
        """Pending notices due now, each claimed for `lease` seconds by `owner` (host:pid)."""
        async with self.store._tx("read due notices") as conn:
            rows = (
                (
                    await conn.execute(
                        select(notices)
                        .where(
                            notices.c.state == NoticeState.PENDING.value,
                            notices.c.next_attempt_at <= now,
                        )
                        .order_by(notices.c.next_attempt_at)
                        .limit(limit)
                    )
                )
                .mappings()
                .all()
            )
        claimed: list[Notice] = []
        until = now + timedelta(seconds=lease)
        for row in rows:
            async with self.store._tx("claim notice") as conn:
                result = await conn.execute(
                    update(notices)
                    .where(
                        notices.c.quarantine_id == row["quarantine_id"],
                        notices.c.state == NoticeState.PENDING.value,
                        notices.c.next_attempt_at == row["next_attempt_at"],
                    )
                    .values(
                        next_attempt_at=until, attempts=notices.c.attempts + 1, claimed_by=owner
                    )
                )
            if result.rowcount == 1:
                claimed.append(_notice({**row, "attempts": row["attempts"] + 1}))
        return claimed

    async def mark_sent(self, quarantine_id: str, at: datetime, reply: str) -> None:
        async with self.store._tx("mark notice sent") as conn:
            await conn.execute(
                update(notices)
                .where(notices.c.quarantine_id == quarantine_id)
                .values(
                    state=NoticeState.SENT.value,
                    sent_at=at,
                    last_error=reply[:500],
                    claimed_by=None,
                )
            )

    async def mark_failed(self, quarantine_id: str, error: str, retry_at: datetime | None) -> None:
        """A failed attempt: retried at `retry_at`, or given up (None) on a permanent refusal."""
        values: dict[str, Any] = {"last_error": error[:500], "claimed_by": None}
        if retry_at is None:
            values["state"] = NoticeState.FAILED.value
        else:
            values["next_attempt_at"] = retry_at
        async with self.store._tx("mark notice failed") as conn:
            await conn.execute(
                update(notices)
                .where(
                    notices.c.quarantine_id == quarantine_id,
                    notices.c.state == NoticeState.PENDING.value,
                )
                .values(**values)
            )

    async def free_dead_claims(self, host: str, alive: Callable[[int], bool], now: datetime) -> int:
        """Make due again the pending notices that dead processes of `host` had claimed."""
        async with self.store._tx("read notice claims") as conn:
            claims = (
                await conn.execute(
                    select(notices.c.quarantine_id, notices.c.claimed_by).where(
                        notices.c.state == NoticeState.PENDING.value,
                        notices.c.claimed_by.like(f"{host}:%"),
                    )
                )
            ).all()
        freed = 0
        for quarantine_id, owner in claims:
            pid = owner.rpartition(":")[2]
            if not pid.isdigit() or alive(int(pid)):
                continue
            async with self.store._tx("free notice claim") as conn:
                result = await conn.execute(
                    update(notices)
                    .where(
                        notices.c.quarantine_id == quarantine_id,
                        notices.c.claimed_by == owner,
                        notices.c.state == NoticeState.PENDING.value,
                    )
                    .values(next_attempt_at=now, claimed_by=None)
                )
            freed += result.rowcount
        return freed

    async def get(self, quarantine_id: str) -> Notice | None:
        """The notice of one quarantine entry (for the console and `quarantine show`)."""
        async with self.store._tx("read notice", one_statement=True) as conn:
            query = select(notices).where(notices.c.quarantine_id == quarantine_id)
            row = (await conn.execute(query)).mappings().first()
        return None if row is None else _notice(row)

    async def entries(self) -> list[Notice]:
        """Every notice, oldest first: for operators and tests."""
        async with self.store._tx("read notices") as conn:
            rows = (
                (await conn.execute(select(notices).order_by(notices.c.created_at)))
                .mappings()
                .all()
            )
        return [_notice(row) for row in rows]
