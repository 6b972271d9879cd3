"""/healthz and /metrics with the SP-API: degraded (still 200) when Amazon is down, sync
counters and the newest order's age."""

from __future__ import annotations

import asyncio
import json
import urllib.request
from pathlib import Path

from tests.conftest import BUYER, Sink
from tests.spapi.conftest import message, send, spapi_relay
from tests.spapi.test_lookup import ENGRAVING, engraving
from tests.spapi_fake import FakeSpapi, order_id_for


def get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


async def test_healthz_says_degraded_with_the_last_good_sync_while_amazon_is_down(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.add_orders(10)
    async with spapi_relay(
        tmp_path, sink, fake_spapi, sync_interval=1, lease_seconds=3, retry_backoff=0.01
    ) as running:
        relay = running.relay
        assert relay.spapi is not None
        port = running.http_port
        assert port is not None

        async def synced() -> None:
            while True:
                state = await relay.store.sync_state("orders")
                if state is not None and state.last_success_at is not None:
                    return
                await asyncio.sleep(0.05)

        await asyncio.wait_for(synced(), 30)
        status, body = await asyncio.to_thread(get, port, "/healthz")
        assert status == 200, body
        health = json.loads(body)
        assert health["status"] == "ok" and health["checks"]["spapi"] == "ok"

        status, metrics = await asyncio.to_thread(get, port, "/metrics")
        assert status == 200
        assert 'bsm_relay_spapi_sync_runs_total{result="ok"}' in metrics
        assert "bsm_relay_spapi_orders_synced_total 10.0" in metrics
        assert 'bsm_relay_spapi_calls_total{operation="getOrders",outcome="ok"}' in metrics
        age = next(
            line for line in metrics.splitlines() if line.startswith("bsm_relay_newest_order_age")
        )
        # The newest fake order was bought 10 days ago.
        assert 9.9 * 86400 < float(age.split()[-1]) < 10.1 * 86400

        fake_spapi.outage = {op: 0 for op in fake_spapi.rates}  # Amazon answers 503 to all

        async def failed() -> None:
            while True:
                state = await relay.store.sync_state("orders")
                assert state is not None
                if state.last_failure_at and state.last_failure_at > state.last_success_at:  # type: ignore[operator]
                    return
                await asyncio.sleep(0.05)

        await asyncio.wait_for(failed(), 60)
        status, body = await asyncio.to_thread(get, port, "/healthz")
        # Still 200: the relay serves from the stored orders.
        assert status == 200, body
        health = json.loads(body)
        assert health["status"] == "degraded"
        state = await relay.store.sync_state("orders")
        assert state is not None and state.last_success_at is not None
        good = state.last_success_at.strftime("%Y-%m-%dT%H:%M:%SZ")
        assert health["checks"]["spapi"].startswith("degraded: ")
        assert f"last good sync {good}" in health["checks"]["spapi"]
        status, metrics = await asyncio.to_thread(get, port, "/metrics")
        assert 'bsm_relay_spapi_sync_runs_total{result="failed"}' in metrics

        # Amazon is still down: a message about a synced order is judged from the store and
        # delivered; one about an order the store lacks is judged as without the API (ORD002).
        synced_order = fake_spapi.orders[order_id_for(0)]
        alias = synced_order["BuyerInfo"]["BuyerEmail"]
        calls_before = sum(fake_spapi.calls.values())
        raw = message(
            ENGRAVING.format(order=order_id_for(0)),
            subject=f"Gravurtext zu Bestellung {order_id_for(0)}",
            to=alias,
            message_id="<engraving-outage@shop.example>",
        )
        code, text = await asyncio.to_thread(send, running.smtp_port, raw, alias)
        assert code == 250, text
        assert len(sink.messages) == 1
        code, text = await asyncio.to_thread(
            send, running.smtp_port, engraving(2, "302-7700012-7700012"), BUYER
        )
        assert code == 550 and "ORD002" in text, text
        assert len(sink.messages) == 1
        assert sum(fake_spapi.calls.values()) > calls_before  # Amazon was asked, and failed
