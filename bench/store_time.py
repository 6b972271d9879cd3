"""Store time per delivered message: the reads and writes the relay makes, without SMTP.

Run from the repository root:

    .venv/bin/python bench/store_time.py [-n 2000] [--ledger 10000] [--orders 1000]

A temporary SQLite file (WAL, synchronous=NORMAL, as the relay opens it) is filled with
`--orders` orders and `--ledger` ledger rows spread over eight senders and ten days; then `-n`
messages go through what Relay._deliver does for a plain delivery: the lookup (with the
duplicate check) and the ledger write. One message in five names no order, one in ten is a
retry of a message already in the ledger (answered from the lookup, nothing written). With
BSM_RELAY_TEST_PG_URL set the same runs on PostgreSQL, in a fresh schema dropped afterwards.

Reported per message: wall-clock p50/p99 (one message at a time, so this is latency) and the
process CPU time, which is what the event loop and the driver threads pay.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from relay.model.types import Order, OrderContext  # noqa: E402
from relay.store import LedgerEntry, SqlStore, open_store  # noqa: E402
from relay.store.sql import ledger  # noqa: E402

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
# Older trees (for a before/after comparison) have no previous_reply and ask the ledger twice.
ONE_TRIP = "previous_reply" in OrderContext.__dataclass_fields__
SENDERS = tuple(f"support{n}@shop{n}.example" for n in range(8))


@dataclass(frozen=True, slots=True)
class Message:
    key: str
    digest: str
    order_id: str | None
    alias: str | None
    sender: str
    proactive: bool


def order_id(n: int) -> str:
    return f"302-{n:07d}-{n:07d}"


def alias(n: int) -> str:
    return f"b{n:09d}@marketplace.amazon.de"


async def fill(store: SqlStore, orders: int, rows: int, rng: random.Random) -> None:
    await store.upsert_orders(
        [
            Order(
                order_id=order_id(n),
                buyer_email=alias(n),
                purchase_date=NOW - timedelta(days=rng.randint(3, 60)),
                marketplace="amazon.de",
                status="Delivered",
                delivery_date=NOW - timedelta(days=rng.randint(1, 3)),
                buyer_locale="de-DE",
            )
            for n in range(orders)
        ]
    )
    # One executemany, not 10,000 record_delivery transactions: the fill is not what is timed.
    seed: list[dict[str, object]] = []
    for n in range(rows):
        on_order = rng.random() < 0.8
        o = rng.randrange(orders)
        seed.append(
            {
                "message_id": f"<seed-{n}@shop.example>",
                "digest": f"{n:064x}",
                "order_id": order_id(o) if on_order else None,
                "buyer_alias": alias(o) if on_order else None,
                "sender": rng.choice(SENDERS),
                "sent_at": NOW - timedelta(seconds=rng.randint(0, 10 * 86400)),
                "review_request": on_order and rng.random() < 0.1,
                "proactive": rng.random() < 0.5,
                "upstream_reply": "250 2.0.0 Ok: queued as SEED",
            }
        )
    async with store.engine.begin() as conn:
        await conn.execute(ledger.insert(), seed)


def messages(n: int, orders: int, seeded: int, rng: random.Random) -> list[Message]:
    out: list[Message] = []
    for i in range(n):
        if rng.random() < 0.1:
            s = rng.randrange(seeded)  # a retry: same key and digest as a seeded delivery
            out.append(
                Message(f"<seed-{s}@shop.example>", f"{s:064x}", None, None, SENDERS[0], True)
            )
            continue
        o = rng.randrange(orders)
        with_order = rng.random() < 0.8
        out.append(
            Message(
                key=f"<bench-{i}-{uuid.uuid4().hex[:8]}@shop.example>",
                digest=uuid.uuid4().hex * 2,
                order_id=order_id(o) if with_order else None,
                alias=alias(o) if with_order else None,
                sender=rng.choice(SENDERS),
                proactive=rng.random() < 0.5,
            )
        )
    return out


async def one(store: SqlStore, m: Message) -> bool:
    """Relay._deliver's store calls for one message; True when it was a duplicate."""
    if ONE_TRIP:
        ctx = await store.lookup(
            m.order_id, m.alias, m.sender, NOW, message_id=m.key, digest=m.digest
        )
        previous = ctx.previous_reply
    else:
        await store.lookup(m.order_id, m.alias, m.sender, NOW, message_id=m.key)
        previous = await store.already_delivered(m.key, m.digest)
    if previous is not None:
        return True
    await store.record_delivery(
        LedgerEntry(
            message_id=m.key,
            digest=m.digest,
            order_id=m.order_id,
            buyer_alias=m.alias,
            sender=m.sender,
            sent_at=NOW,
            review_request=False,
            proactive=m.proactive,
            upstream_reply="250 2.0.0 Ok: queued as BENCH",
        )
    )
    return False


async def run(url: str, args: argparse.Namespace, schema: str | None = None) -> None:
    rng = random.Random(20261120)
    store = await open_store(url, schema=schema)
    try:
        fill_started = time.perf_counter()
        await fill(store, args.orders, args.ledger, rng)
        filled = time.perf_counter() - fill_started
        batch = messages(args.n, args.orders, args.ledger, rng)
        for m in messages(50, args.orders, args.ledger, random.Random(1)):  # warm the caches
            await one(store, m)
        times: list[float] = []
        duplicates = 0
        cpu_started = time.process_time()
        started = time.perf_counter()
        for m in batch:
            t0 = time.perf_counter()
            duplicates += await one(store, m)
            times.append(time.perf_counter() - t0)
        total = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    finally:
        await store.close()
    q = statistics.quantiles(times, n=100)
    print(
        f"{store.dialect:<10} n={args.n} (duplicates {duplicates}) "
        f"p50 {q[49] * 1000:.3f} ms  p99 {q[98] * 1000:.3f} ms  "
        f"mean {statistics.fmean(times) * 1000:.3f} ms  cpu/msg {cpu / args.n * 1000:.3f} ms  "
        f"total {total:.2f} s  (fill {filled:.1f} s)"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("--ledger", type=int, default=10_000)
    parser.add_argument("--orders", type=int, default=1_000)
    parser.add_argument("--engine", choices=("sqlite", "postgresql", "both"), default="both")
    args = parser.parse_args()
    if args.engine in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            await run(f"sqlite:///{folder}/relay.db", args)
    pg_url = os.environ.get("BSM_RELAY_TEST_PG_URL")
    if args.engine in ("postgresql", "both") and pg_url:
        from sqlalchemy import text
        from sqlalchemy.ext.asyncio import create_async_engine

        from relay.store import async_url

        schema = f"bench_{uuid.uuid4().hex[:12]}"
        try:
            await run(pg_url, args, schema=schema)
        finally:
            admin = create_async_engine(async_url(pg_url))
            async with admin.begin() as conn:
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            await admin.dispose()


if __name__ == "__main__":
    asyncio.run(main())
