"""The SMTP sink every path delivers to: accepts everything, keeps counts, stores nothing.

`python -m bench.sink PORT STATUS_FILE` writes "<messages> <bytes>" to STATUS_FILE ten times a
second, so the runner can see when a queueing relay (Postfix) has drained.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP

from relay.runtime.smtp_data import ChunkedDataMixin


class Edge(ChunkedDataMixin, SMTP):
    """aiosmtpd with the relay's chunked DATA reader: the same edge as bsm-relay."""


class SinkHandler:
    def __init__(self) -> None:
        self.messages = 0
        self.bytes = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages += 1
        self.bytes += len(envelope.original_content or b"")
        return f"250 2.0.0 Ok: queued as sink{self.messages}"


async def main(port: int, status: Path) -> None:
    handler = SinkHandler()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: Edge(handler, decode_data=False, enable_SMTPUTF8=True, data_size_limit=None),
        host="127.0.0.1",
        port=port,
        reuse_address=True,
    )
    print("ready", flush=True)
    async with server:
        while True:
            status.write_text(f"{handler.messages} {handler.bytes}\n")
            await asyncio.sleep(0.1)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), Path(sys.argv[2])))
