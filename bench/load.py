"""The load generator: concurrent SMTP sessions sending one template, bounded in count and time."""

from __future__ import annotations

import asyncio
import itertools
import time
from dataclasses import dataclass, field

import aiosmtplib

from bench.messages import BUYER, SELLER, Template
from relay.delivery.upstream import _data

_SERIAL = itertools.count(int(time.time() * 1000) % 10**11)


@dataclass
class LoadResult:
    sent: int = 0
    errors: int = 0
    bytes: int = 0
    elapsed: float = 0.0
    latencies: list[float] = field(default_factory=list)
    first_error: str = ""

    @property
    def rate(self) -> float:
        return self.sent / self.elapsed if self.elapsed else 0.0


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


async def send_one(client: aiosmtplib.SMTP, template: Template) -> float:
    raw = template.render(next(_SERIAL))
    started = time.perf_counter()
    # MAIL, RCPT, DATA as aiosmtplib's sendmail does, but the (already CRLF) message is not
    # scanned twice more by aiosmtplib's regular expressions: the generator must not be the
    # bottleneck for 10 MB messages. The same generator drives every target.
    await client.mail(SELLER, options=[f"SIZE={len(raw)}"])
    await client.rcpt(BUYER)
    await _data(client, raw, client.timeout or 120.0)
    return time.perf_counter() - started


async def run(
    port: int,
    template: Template,
    *,
    concurrency: int,
    count: int,
    seconds: float,
    timeout: float = 120.0,
    rate: float | None = None,
) -> LoadResult:
    """Up to `count` messages or `seconds` of sending, whichever comes first; as fast as the
    target answers, or, with `rate`, one message every 1/rate seconds (each send waits for
    its slot on one schedule shared by the sessions: a target below saturation)."""
    result = LoadResult()
    remaining = [count]
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline = started + seconds
    slots = itertools.count()

    async def session() -> None:
        client = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, timeout=timeout, start_tls=False)
        await client.connect()
        try:
            while remaining[0] > 0 and loop.time() < deadline:
                remaining[0] -= 1
                if rate:
                    wait = started + next(slots) / rate - loop.time()
                    if wait > 0:
                        await asyncio.sleep(wait)
                try:
                    latency = await send_one(client, template)
                except Exception as exc:  # count and go on: the figure must show failures
                    result.errors += 1
                    result.first_error = result.first_error or f"{type(exc).__name__}: {exc}"
                    if not client.is_connected:
                        await client.connect()
                    else:
                        try:
                            await client.rset()
                        except aiosmtplib.SMTPException:
                            client.close()
                            await client.connect()
                    continue
                result.sent += 1
                result.bytes += template.size
                result.latencies.append(latency)
        finally:
            try:
                await client.quit()
            except aiosmtplib.SMTPException:
                client.close()

    await asyncio.gather(*(session() for _ in range(concurrency)))
    result.elapsed = loop.time() - started
    return result
