"""The bench's load generator (bench/load.py): as fast as the target answers, or paced."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from aiosmtpd.smtp import SMTP

from bench import load
from bench.messages import mix
from bench.sink import SinkHandler


@pytest.fixture
async def sink() -> AsyncIterator[tuple[int, SinkHandler]]:
    handler = SinkHandler()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, decode_data=False), host="127.0.0.1", port=0
    )
    port = server.sockets[0].getsockname()[1]
    try:
        yield port, handler
    finally:
        server.close()
        await server.wait_closed()


async def test_unpaced_sends_count_messages(sink: tuple[int, SinkHandler]) -> None:
    port, handler = sink
    result = await load.run(port, mix()["small"], concurrency=3, count=12, seconds=30)
    assert (result.sent, result.errors, handler.messages) == (12, 0, 12)
    assert len(result.latencies) == 12


async def test_paced_sends_one_message_per_slot(sink: tuple[int, SinkHandler]) -> None:
    """At 10 msgs/s no message starts before its slot, whatever the number of sessions (the
    schedule is shared): the k-th message reaches the sink no earlier than k/10 s after the
    start. Unpaced, the same 8 arrive within a small part of the paced run's 0.7 s."""
    port, handler = sink
    loop = asyncio.get_running_loop()
    arrivals: list[float] = []
    count = handler.handle_DATA

    async def handle_data(*args: object) -> str:
        arrivals.append(loop.time())
        return await count(*args)  # type: ignore[arg-type]

    handler.handle_DATA = handle_data  # type: ignore[method-assign]
    template = mix()["small"]
    started = loop.time()
    result = await load.run(port, template, concurrency=4, count=8, seconds=30, rate=10)
    assert (result.sent, result.errors, handler.messages) == (8, 0, 8)
    for k, arrived in enumerate(sorted(arrivals)):
        assert arrived - started >= k / 10 - 0.002, k
