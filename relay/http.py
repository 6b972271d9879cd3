"""The operator's HTTP endpoint: GET /healthz and GET /metrics (Prometheus text format).

Two read-only routes do not justify a web framework; this is a minimal HTTP/1.1 responder
that reads one request line and its headers, answers, and closes.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

import structlog
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

from relay.spapi import status as spapi_status

if TYPE_CHECKING:
    from relay.app import Relay
    from relay.metrics import WorkerMetrics

log = structlog.get_logger("relay.http")
_MAX_HEADER_BYTES = 16384


async def health(relay: Relay) -> dict[str, str]:
    """Each dependency's state: "ok" or the reason it is not."""
    checks: dict[str, str] = {}
    try:
        async with asyncio.timeout(5):
            await relay.store.ping()
        checks["store"] = "ok"
    except Exception as exc:
        checks["store"] = f"failed: {type(exc).__name__}"
    try:
        await relay.upstream.check()
        checks["upstream"] = "ok"
    except Exception as exc:
        checks["upstream"] = f"failed: {exc}"
    try:
        await asyncio.to_thread(relay.quarantine.writable)
        checks["quarantine"] = "ok"
    except OSError as exc:
        checks["quarantine"] = f"failed: {exc.strerror or exc}"
    if relay.spapi is not None:
        checks["spapi"] = await spapi_status.checked_health(relay)
    return checks


class HttpEndpoint:
    """GET /healthz and GET /metrics for one relay (or, with `registry`, for its workers)."""

    def __init__(
        self,
        relay: Relay,
        *,
        registry: CollectorRegistry | None = None,
        held: WorkerMetrics | None = None,
    ) -> None:
        self.relay = relay
        self.registry = registry or relay.metrics.registry
        self.held = held

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            async with asyncio.timeout(10):
                head = await reader.readuntil(b"\r\n\r\n")
            if len(head) > _MAX_HEADER_BYTES:
                raise ValueError("header too large")
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            method, path, *_ = request_line.split(" ")
            status, content_type, body = await self.route(method, path.split("?", 1)[0])
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError):
            status, content_type, body = 400, "text/plain", b"bad request\n"
        except Exception:
            log.exception("http_error")
            status, content_type, body = 500, "text/plain", b"internal error\n"
        reason = {
            200: "OK",
            400: "Bad Request",
            404: "Not Found",
            405: "Method Not Allowed",
            500: "Internal Server Error",
            503: "Service Unavailable",
        }.get(status, "")
        writer.write(
            f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
            + body
        )
        try:
            await writer.drain()
        finally:
            writer.close()

    async def route(self, method: str, path: str) -> tuple[int, str, bytes]:
        if method != "GET":
            return 405, "text/plain", b"method not allowed\n"
        if path == "/healthz":
            checks = await health(self.relay)
            # A degraded SP-API does not fail the relay: it serves from the stored orders.
            healthy = all(v == "ok" for k, v in checks.items() if k != "spapi")
            status = "ok" if all(v == "ok" for v in checks.values()) else "degraded"
            body = json.dumps({"status": status if healthy else "failing", "checks": checks})
            return (200 if healthy else 503), "application/json", body.encode() + b"\n"
        if path == "/metrics":
            held = await asyncio.to_thread(self.relay.quarantine.size)
            self.relay.metrics.quarantine_held.set(held)
            await spapi_status.checked_refresh(self.relay)
            if self.held is not None:
                self.held.held = float(held)
            return 200, CONTENT_TYPE_LATEST, generate_latest(self.registry)
        return 404, "text/plain", b"not found\n"
