"""`bsm-relay serve`: the SMTP listener and the HTTP endpoint, until SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import signal
import ssl
from dataclasses import dataclass

import structlog

from relay.app import Relay
from relay.config import Settings, split_host_port
from relay.http import HttpEndpoint
from relay.smtp import RelayHandler, auth_needs_tls

log = structlog.get_logger("relay.server")

DRAIN_SECONDS = 30.0


def tls_context(settings: Settings) -> ssl.SSLContext | None:
    if not settings.smtp.tls_cert:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(settings.smtp.tls_cert, settings.smtp.tls_key)
    return context


@dataclass
class RunningRelay:
    relay: Relay
    handler: RelayHandler
    smtp_server: asyncio.Server
    http_server: asyncio.Server | None

    @property
    def smtp_port(self) -> int:
        return int(self.smtp_server.sockets[0].getsockname()[1])

    @property
    def http_port(self) -> int | None:
        if self.http_server is None:
            return None
        return int(self.http_server.sockets[0].getsockname()[1])

    async def stop(self, drain_seconds: float = DRAIN_SECONDS) -> None:
        """Stop accepting, let in-flight sessions and deliveries finish (bounded), close."""
        self.handler.accepting = False
        self.smtp_server.close()
        if self.http_server is not None:
            self.http_server.close()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + drain_seconds
        while (self.handler.sessions or self.relay.inflight) and loop.time() < deadline:
            await asyncio.sleep(0.05)
        for session in list(self.handler.sessions):
            if session.transport is not None:
                session.transport.close()
        if self.relay.inflight:
            await asyncio.wait(self.relay.inflight, timeout=max(0.1, deadline - loop.time()))
        await self.relay.close()


async def start(settings: Settings, *, with_http: bool = True) -> RunningRelay:
    relay = await Relay.start(settings)
    context = tls_context(settings)
    handler = RelayHandler(relay)
    host, port = split_host_port(settings.smtp.listen)
    require_tls = auth_needs_tls(host, context is not None)
    loop = asyncio.get_running_loop()
    smtp_server = await loop.create_server(
        lambda: handler.factory(context, require_tls), host=host, port=port, reuse_address=True
    )
    http_server = None
    if with_http:
        http_host, http_port = split_host_port(settings.http.listen)
        http_server = await asyncio.start_server(
            HttpEndpoint(relay).handle, host=http_host, port=http_port
        )
    running = RunningRelay(relay, handler, smtp_server, http_server)
    log.info(
        "listening",
        smtp=f"{host}:{running.smtp_port}",
        http=f"{settings.http.listen}" if with_http else None,
        upstream=settings.upstream.url.split("@")[-1],
        store=settings.store.url.split("@")[-1],
        policy_version=relay.policy.version,
        tls=context is not None,
        auth=settings.smtp.auth,
    )
    return running


async def serve(settings: Settings) -> None:
    running = await start(settings)
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()

    def request_stop(name: str) -> None:
        log.info("stopping", signal=name)
        stopping.set()

    def request_reload() -> None:
        async def reload() -> None:
            try:
                await running.relay.reload()
            except Exception as exc:
                log.error("reload_failed", error=str(exc), kept_policy=running.relay.policy.version)

        task = asyncio.ensure_future(reload())
        running.relay.inflight.add(task)
        task.add_done_callback(running.relay.inflight.discard)

    loop.add_signal_handler(signal.SIGTERM, request_stop, "SIGTERM")
    loop.add_signal_handler(signal.SIGINT, request_stop, "SIGINT")
    loop.add_signal_handler(signal.SIGHUP, request_reload)
    await stopping.wait()
    await running.stop()
    log.info("stopped")
