"""GET /healthz and GET /metrics: the operator's endpoints, no sign-in, answers unchanged."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from starlette.requests import Request
from starlette.responses import Response

from relay.spapi import status as spapi_status

if TYPE_CHECKING:
    from relay.metrics import WorkerMetrics
    from relay.runtime.core import Relay


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


class OperatorEndpoints:
    """For one relay, or (with `registry` and `held`) for a supervisor summing its workers."""

    def __init__(
        self,
        relay: Relay,
        registry: CollectorRegistry | None = None,
        held: WorkerMetrics | None = None,
    ) -> None:
        self.relay = relay
        self.registry = registry or relay.metrics.registry
        self.held = held

    async def healthz(self, request: Request) -> Response:
        checks = await health(self.relay)
        # A degraded SP-API does not fail the relay: it serves from the stored orders.
        healthy = all(v == "ok" for k, v in checks.items() if k != "spapi")
        status = "ok" if all(v == "ok" for v in checks.values()) else "degraded"
        body = json.dumps({"status": status if healthy else "failing", "checks": checks})
        return Response(
            body.encode() + b"\n",
            status_code=200 if healthy else 503,
            media_type="application/json",
        )

    async def metrics(self, request: Request) -> Response:
        held = await asyncio.to_thread(self.relay.quarantine.size)
        self.relay.metrics.quarantine_held.set(held)
        await spapi_status.checked_refresh(self.relay)
        if self.held is not None:
            self.held.held = float(held)
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)
