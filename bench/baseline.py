"""The no-filter ceiling: the relay's own aiosmtpd -> aiosmtplib path, with nothing in between.

Same aiosmtpd settings as bsm-relay (bytes, SMTPUTF8, size limit) and the same pooled upstream
client (relay.delivery.upstream.SmtpUpstream), but no parsing, no rules, no store, no quarantine, no
logging: what any Python relay on this stack costs before it looks at a message.

`python -m bench.baseline LISTEN_PORT UPSTREAM_URL`
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

from aiosmtpd.smtp import SMTP

from relay.config import UpstreamSettings
from relay.delivery.upstream import SmtpUpstream, UpstreamError
from relay.runtime.smtp_data import ChunkedDataMixin


class Edge(ChunkedDataMixin, SMTP):
    """aiosmtpd with the relay's chunked DATA reader: the same edge as bsm-relay."""


class PassThrough:
    def __init__(self, upstream: SmtpUpstream) -> None:
        self.upstream = upstream

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        try:
            delivered = await self.upstream.send(
                envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or b""
            )
        except UpstreamError as exc:
            return exc.reply
        return delivered.reply


async def main(port: int, upstream_url: str) -> None:
    upstream = SmtpUpstream(UpstreamSettings(url=upstream_url), timeout=60.0)
    handler = PassThrough(upstream)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: Edge(
            handler,
            decode_data=False,
            enable_SMTPUTF8=True,
            data_size_limit=20 * 1024 * 1024,
            timeout=300,
        ),
        host="127.0.0.1",
        port=port,
        reuse_address=True,
    )
    print("ready", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2]))
