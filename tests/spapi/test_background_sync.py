"""Background sync in `serve`: two relays share one PostgreSQL; one syncs at a time; when the
holder is killed (kill -9) its lease expires and the other takes over, and no order is lost."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

from relay.store import async_url, open_store
from tests.conftest import Sink, console_script, write_settings
from tests.spapi_fake import FakeSpapi
from tests.store.conftest import PG_URL


@pytest.fixture
async def pg_database() -> AsyncIterator[str]:
    """A PostgreSQL database of its own (the relays are separate processes: no schema option)."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    engine = create_async_engine(async_url(PG_URL), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        async with engine.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await engine.dispose()


def relay_settings(folder: Path, sink: Sink, fake: FakeSpapi, store_url: str) -> Path:
    folder.mkdir()
    path = write_settings(
        folder / "bsm-relay.toml",
        folder,
        sink.url,
        smtp_extra='auth = "off"\nparse_processes = 0',
        extra=fake.settings_toml(sync_interval=1, lease_seconds=3),
    )
    sqlite = f'url = "sqlite:///{folder / "relay.db"}"'
    path.write_text(path.read_text().replace(sqlite, f'url = "{store_url}"'))
    return path


class RelayProcess:
    def __init__(self, settings: Path) -> None:
        self.log = settings.parent / "stdout.log"
        self.settings = settings
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [console_script(), "--config", str(settings), "serve"],
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def events(self, name: str) -> list[dict[str, Any]]:
        found = []
        for line in self.log.read_text(errors="replace").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if record.get("event") == name:
                found.append(record)
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


async def wait_for(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.1)


def stored_by(relay: RelayProcess) -> int:
    return sum(int(e["stored"]) for e in relay.events("sync_finished"))


def _when(record: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(str(record["timestamp"]).replace("Z", "+00:00"))


async def test_two_relays_sync_one_at_a_time_and_the_survivor_takes_over(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi, pg_database: str
) -> None:
    fake_spapi.page_delay = 0.5  # six pages: a run long enough to be killed in the middle
    first = RelayProcess(relay_settings(tmp_path / "a", sink, fake_spapi, pg_database))
    second: RelayProcess | None = None
    store = await open_store(pg_database)
    try:
        await wait_for(lambda: first.events("sync_started"), 60, "the first relay's sync")
        second = RelayProcess(relay_settings(tmp_path / "b", sink, fake_spapi, pg_database))
        await wait_for(lambda: second.events("listening") if second else False, 60, "relay b")
        # Both relays are up, a holds the lease: now Amazon has 300 new orders.
        fake_spapi.add_orders(300, updated=datetime.now(UTC))

        async def some_stored() -> int:
            return await store.count_orders()

        deadline = time.monotonic() + 60
        while not 0 < await some_stored() < 300:
            assert time.monotonic() < deadline, first.log.read_text()[-3000:]
            await asyncio.sleep(0.05)
        assert stored_by(first) == 0  # a's run with the orders is under way
        assert second.events("sync_started") == []  # the lease keeps the second one waiting
        holder = await store.lease_holder("orders-sync")
        assert holder is not None and holder.split(":")[1] == str(first.process.pid)
        os.kill(first.process.pid, signal.SIGKILL)
        first.process.wait()
        killed_at = time.time()

        await wait_for(lambda: second.events("sync_finished") if second else False, 90, "b's sync")
        assert await store.count_orders() == 300  # none lost: b resumed from the old cursor
        started = second.events("sync_started")
        assert started
        # b waited for the lease to expire (3 s after a's last renewal, which came at most 1 s
        # before the kill), and took it at its next try (every second), give or take a busy CI.
        took_over = _when(started[0]).timestamp() - killed_at
        assert 1.5 < took_over < 3 + 6, took_over
        assert stored_by(first) == 0
        finished = second.events("sync_finished")[0]
        assert finished["stored"] == 300
        holder = await store.lease_holder("orders-sync")
        assert holder is not None and holder.split(":")[1] == str(second.process.pid)
        state = await store.sync_state("orders")
        assert state is not None and state.cursor is not None
        assert fake_spapi.violations == []
    finally:
        await store.close()
        first.stop()
        if second is not None:
            second.stop()


class _CountingSync:
    """Stands in for OrderSync: counts runs (the lease logic is what is under test)."""

    def __init__(self) -> None:
        self.runs = 0

    async def run(self, since: datetime | None = None) -> None:
        self.runs += 1


async def test_a_background_run_waits_for_a_manual_one_and_follows_it_at_once(
    tmp_path: Path,
) -> None:
    from relay.config import SpapiSettings
    from relay.spapi.sync import RUN_LEASE_NAME, BackgroundSync

    store = await open_store(f"sqlite:///{tmp_path / 'relay.db'}")
    sync = _CountingSync()
    background = BackgroundSync(
        sync,  # type: ignore[arg-type]
        store,
        SpapiSettings.model_construct(sync_interval=3600, lease_seconds=3),
        holder="relay-a:1:aaaa",
    )
    try:
        # `orders sync` is running: the background run is skipped, not run beside it.
        assert await store.acquire_lease(RUN_LEASE_NAME, "orders sync command on h:2:bbbb", 60)
        background.start()
        await asyncio.sleep(1.5)
        assert sync.runs == 0
        await store.release_lease(RUN_LEASE_NAME, "orders sync command on h:2:bbbb")
        # ... and it follows at the next renewal (every second), not an hour later.
        deadline = time.monotonic() + 5
        while sync.runs == 0:
            assert time.monotonic() < deadline, "the skipped run was not tried again"
            await asyncio.sleep(0.05)
        assert await store.lease_holder(RUN_LEASE_NAME) is None  # given back after the run
    finally:
        await background.stop()
        await store.close()


class _SlowSync:
    """A run that lasts until cancelled."""

    def __init__(self) -> None:
        self.started = asyncio.Event()

    async def run(self, since: datetime | None = None) -> None:
        self.started.set()
        await asyncio.sleep(3600)


async def test_a_relay_stopping_mid_run_gives_the_run_lease_back_at_once(tmp_path: Path) -> None:
    from relay.config import SpapiSettings
    from relay.spapi.sync import RUN_LEASE_NAME, BackgroundSync

    store = await open_store(f"sqlite:///{tmp_path / 'relay.db'}")
    sync = _SlowSync()
    background = BackgroundSync(
        sync,  # type: ignore[arg-type]
        store,
        SpapiSettings.model_construct(sync_interval=3600, lease_seconds=60),
        holder="relay-a:1:aaaa",
    )
    try:
        background.start()
        await asyncio.wait_for(sync.started.wait(), 10)
        assert await store.lease_holder(RUN_LEASE_NAME) == "relay-a:1:aaaa"
        await background.stop()
        # not left to expire a minute later: `orders sync` can run right away
        assert await store.lease_holder(RUN_LEASE_NAME) is None
        assert await store.lease_holder("orders-sync") is None
    finally:
        await background.stop()
        await store.close()
