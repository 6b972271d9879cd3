"""The head-of-line probe, in its own process so the load generator's own work does not delay it.

`python -m bench.probe PORT SECONDS` sends the small message every 50 ms for up to SECONDS (or
until SIGTERM) and prints one JSON list of reply times in seconds.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys

import aiosmtplib

from bench import load
from bench.messages import Template, small


async def main(port: int, seconds: float) -> None:
    template = Template("small", small())
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    client = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, timeout=120, start_tls=False)
    await client.connect()
    latencies: list[float] = []
    try:
        while not stop.is_set() and loop.time() < deadline and len(latencies) < 2000:
            latencies.append(await load.send_one(client, template))
            await asyncio.sleep(0.05)
    finally:
        await client.quit()
    print(json.dumps(latencies), flush=True)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2])))
