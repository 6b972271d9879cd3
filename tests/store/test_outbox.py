"""relay/store/outbox.py on real SQLite and PostgreSQL: one notice per entry, leases, retries."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from relay.store.outbox import NoticeState, Outbox
from tests.store.conftest import StoreFactory

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)
BODY = b"Subject: notice\r\n\r\nbody\r\n"


async def add(outbox: Outbox, quarantine_id: str, recipient: str = "agent@shop.example",
              now: datetime = NOW, limit: int = 10) -> NoticeState | None:  # fmt: skip
    return await outbox.add(
        quarantine_id, recipient, "en", BODY, now, rate_limit=limit, rate_window=3600
    )


async def test_one_notice_per_quarantine_entry(store_factory: StoreFactory) -> None:
    outbox = Outbox(await store_factory())
    assert await add(outbox, "q1") is NoticeState.PENDING
    assert await add(outbox, "q1") is None  # a resent message: same entry, no second notice
    [notice] = await outbox.entries()
    assert (notice.quarantine_id, notice.state, notice.body) == ("q1", NoticeState.PENDING, BODY)
    assert await outbox.get("q1") == notice
    assert await outbox.get("q2") is None


async def test_rate_limit_counts_recent_notices_per_recipient(store_factory: StoreFactory) -> None:
    outbox = Outbox(await store_factory())
    states = [await add(outbox, f"q{i}", limit=2) for i in range(3)]
    assert states == [NoticeState.PENDING, NoticeState.PENDING, NoticeState.SKIPPED]
    assert await add(outbox, "other", recipient="boss@shop.example", limit=2) is (
        NoticeState.PENDING
    )
    later = NOW + timedelta(hours=2)  # the window has passed
    assert await add(outbox, "q9", now=later, limit=2) is NoticeState.PENDING
    # skipped rows are never due
    due = await outbox.claim_due(later, lease=60, owner="test:1")
    assert sorted(n.quarantine_id for n in due) == ["other", "q0", "q1", "q9"]


async def test_two_senders_never_claim_the_same_notice(store_factory: StoreFactory) -> None:
    first, second = Outbox(await store_factory()), Outbox(await store_factory())
    for index in range(10):
        await add(first, f"q{index}", recipient=f"agent{index}@shop.example")
    mine, theirs = await asyncio.gather(
        first.claim_due(NOW, lease=60, owner="a:1"), second.claim_due(NOW, lease=60, owner="b:2")
    )
    claimed = [n.quarantine_id for n in (*mine, *theirs)]
    assert sorted(claimed) == sorted(f"q{i}" for i in range(10))  # each once, none lost
    # Leased: nothing is due again until the lease runs out (a sender killed mid-send).
    assert await first.claim_due(NOW + timedelta(seconds=30), lease=60, owner="a:1") == []
    again = await second.claim_due(NOW + timedelta(seconds=61), lease=60, owner="b:2")
    assert len(again) == 10 and {n.attempts for n in again} == {2}


async def test_failed_attempts_retry_or_give_up_and_sent_is_final(
    store_factory: StoreFactory,
) -> None:
    outbox = Outbox(await store_factory())
    for name in ("retry", "refused", "sent"):
        await add(outbox, name, recipient=f"{name}@shop.example")
    await outbox.claim_due(NOW, lease=60, owner="test:1")
    await outbox.mark_failed("retry", "451 4.4.1 upstream unavailable", NOW + timedelta(seconds=5))
    await outbox.mark_failed("refused", "550 5.1.1 no such user", None)
    await outbox.mark_sent("sent", NOW, "250 2.0.0 ok")
    assert await outbox.claim_due(NOW + timedelta(seconds=4), lease=60, owner="test:1") == []
    [due] = await outbox.claim_due(NOW + timedelta(seconds=5), lease=60, owner="test:1")
    assert due.quarantine_id == "retry" and due.attempts == 2
    states = {n.quarantine_id: (n.state, n.last_error) for n in await outbox.entries()}
    assert states["refused"] == (NoticeState.FAILED, "550 5.1.1 no such user")
    assert states["sent"][0] is NoticeState.SENT
    # a late failure report cannot reopen a sent notice
    await outbox.mark_failed("sent", "451 late", NOW)
    assert {n.quarantine_id: n.state for n in await outbox.entries()}["sent"] is NoticeState.SENT


async def test_claims_of_dead_processes_on_this_host_are_freed(
    store_factory: StoreFactory,
) -> None:
    outbox = Outbox(await store_factory())
    for name in ("dead", "alive", "elsewhere"):
        await add(outbox, name, recipient=f"{name}@shop.example")
    rows = await outbox.claim_due(NOW, lease=300, owner="relay1:4242")
    by_name = {n.quarantine_id: n for n in rows}
    assert set(by_name) == {"dead", "alive", "elsewhere"}
    # two of them failed once and were claimed again by other senders
    await outbox.mark_failed("alive", "451", NOW)
    await outbox.mark_failed("elsewhere", "451", NOW + timedelta(seconds=10))
    [alive] = await outbox.claim_due(NOW, lease=300, owner="relay1:5151")  # live, this host
    [elsewhere] = await outbox.claim_due(
        NOW + timedelta(seconds=10), lease=300, owner="relay2:4242"
    )  # pid 4242 is dead here, but on another host: not ours to judge
    assert (alive.quarantine_id, elsewhere.quarantine_id) == ("alive", "elsewhere")
    claims = {n.quarantine_id: n.attempts for n in await outbox.entries()}
    assert claims == {"dead": 1, "alive": 2, "elsewhere": 2}
    freed = await outbox.free_dead_claims("relay1", lambda pid: pid == 5151, NOW)
    assert freed == 1
    due = await outbox.claim_due(NOW + timedelta(seconds=1), lease=300, owner="relay1:6000")
    assert [n.quarantine_id for n in due] == ["dead"]
