"""`bsm-relay serve`: the SMTP listener and the HTTP endpoint, until SIGTERM or SIGINT."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gc
import multiprocessing
import multiprocessing.process
import os
import shutil
import signal
import socket
import ssl
import tempfile
from collections.abc import Awaitable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import structlog
import uvicorn
from prometheus_client import CollectorRegistry
from starlette.types import ASGIApp

from relay.config import ConfigError, Settings, split_host_port
from relay.console import create_app
from relay.delivery.upstream import tls_context as upstream_tls_context
from relay.metrics import WorkerMetrics
from relay.runtime import zygote
from relay.runtime.core import Relay
from relay.runtime.memory import freeze_startup_objects
from relay.runtime.smtp import RelayHandler, auth_needs_tls
from relay.store import redact

log = structlog.get_logger("relay.runtime.server")

DRAIN_SECONDS = 30.0


def tls_context(settings: Settings) -> ssl.SSLContext | None:
    if not settings.smtp.tls_cert:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(settings.smtp.tls_cert, settings.smtp.tls_key)
    except ssl.SSLError as exc:  # readable (preflight) but not a certificate and its key
        raise ConfigError(
            f"smtp.tls_cert, smtp.tls_key: {settings.smtp.tls_cert} and {settings.smtp.tls_key} "
            f"are not a PEM certificate and its private key ({exc.reason or exc})"
        ) from None
    return context


class _Uvicorn(uvicorn.Server):
    """uvicorn inside our loop: the relay's own SIGTERM/SIGHUP handlers stay in charge."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class HttpServer:
    """The console, /healthz and /metrics on `[http] listen`, served by uvicorn.

    The socket is bound here, before start() returns, so a port in use fails start-up and a
    request sent at once waits in the backlog instead of being refused."""

    def __init__(self, app: ASGIApp, listen: str, settings: Settings) -> None:
        host, port = split_host_port(listen)
        self.socket = socket.create_server((host, port), family=_family(host))
        tls = settings.http.tls_cert
        config = uvicorn.Config(
            app,
            log_config=None,
            access_log=False,
            lifespan="off",
            server_header=False,
            proxy_headers=False,
            ssl_certfile=tls or None,
            ssl_keyfile=settings.http.tls_key or None,
            timeout_graceful_shutdown=5,
        )
        self.server = _Uvicorn(config)
        self.task: asyncio.Task[None] | None = None

    @property
    def port(self) -> int:
        return int(self.socket.getsockname()[1])

    async def start(self) -> None:
        self.task = asyncio.ensure_future(self.server.serve(sockets=[self.socket]))
        while not self.server.started:
            if self.task.done():
                self.task.result()  # raises why it could not start
                return
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        self.server.should_exit = True
        if self.task is not None:
            with contextlib.suppress(Exception):
                await self.task


def _family(host: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in host else socket.AF_INET


async def start_http(
    relay: Relay,
    settings: Settings,
    *,
    registry: CollectorRegistry | None = None,
    held: WorkerMetrics | None = None,
) -> HttpServer:
    server = HttpServer(
        create_app(relay, registry=registry, held=held), settings.http.listen, settings
    )
    await server.start()
    return server


@dataclass
class RunningRelay:
    relay: Relay
    handler: RelayHandler
    smtp_server: asyncio.Server
    http_server: HttpServer | None
    tls_server: asyncio.Server | None = None

    @property
    def tls_port(self) -> int | None:
        if self.tls_server is None:
            return None
        return int(self.tls_server.sockets[0].getsockname()[1])

    @property
    def smtp_port(self) -> int:
        return int(self.smtp_server.sockets[0].getsockname()[1])

    @property
    def http_port(self) -> int | None:
        if self.http_server is None:
            return None
        return self.http_server.port

    async def stop(self, drain_seconds: float = DRAIN_SECONDS) -> None:
        """Stop accepting, let in-flight sessions and deliveries finish (bounded), close."""
        self.handler.accepting = False
        self.smtp_server.close()
        if self.tls_server is not None:
            self.tls_server.close()
        if self.http_server is not None:
            await self.http_server.stop()
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


async def start(
    settings: Settings, *, with_http: bool = True, reuse_port: bool = False
) -> RunningRelay:
    """Start one relay: the SMTP listener and, unless told not to, the HTTP endpoint.

    `reuse_port` sets SO_REUSEPORT, so several worker processes share the listening port and
    the kernel spreads connections over them.
    """
    relay = await Relay.start(settings)
    servers: list[asyncio.Server] = []
    try:
        context = tls_context(settings)
        handler = RelayHandler(relay)
        host, port = split_host_port(settings.smtp.listen)
        require_tls = auth_needs_tls(host, context is not None)
        loop = asyncio.get_running_loop()
        reuse = reuse_port or None
        smtp_server = await _listen(
            "smtp.listen",
            settings.smtp.listen,
            loop.create_server(
                lambda: handler.factory(context, require_tls),
                host=host, port=port, reuse_address=True, reuse_port=reuse,
            ),
        )  # fmt: skip
        servers.append(smtp_server)
        tls_server = None
        if settings.smtp.tls_listen and context is not None:
            tls_host, tls_port = split_host_port(settings.smtp.tls_listen)
            # TLS from the first byte: no STARTTLS to offer, AUTH allowed at once
            tls_server = await _listen(
                "smtp.tls_listen",
                settings.smtp.tls_listen,
                loop.create_server(
                    lambda: handler.factory(None, False),
                    host=tls_host, port=tls_port, ssl=context, reuse_address=True,
                    reuse_port=reuse,
                ),
            )  # fmt: skip
            servers.append(tls_server)
        http_server = None
        if with_http:
            http_server = await _listen(
                "http.listen", settings.http.listen, start_http(relay, settings)
            )
    except BaseException:
        for server in servers:
            server.close()
        await relay.close()
        raise
    running = RunningRelay(relay, handler, smtp_server, http_server, tls_server)
    if relay.notice_sender is not None:
        relay.notice_sender.start()  # also sends what an earlier run left pending
    if relay.spapi is not None:
        # Once the listeners are bound: a relay that cannot serve does not sync either.
        relay.spapi.start_background_sync()
    log.info(
        "listening",
        smtp=f"{host}:{running.smtp_port}",
        smtp_tls=settings.smtp.tls_listen or None,
        http=f"{settings.http.listen}" if with_http else None,
        upstream=settings.upstream.url.split("@")[-1],
        store=settings.store.url.split("@")[-1],
        policy_version=relay.policy.version,
        tls=context is not None,
        auth=settings.smtp.auth,
        pid=os.getpid(),
        # users and unlocks arrive by themselves (watch_users); a policy file change does not
        reload=f"kill -HUP {os.getpid()} re-reads the policy files",
    )
    return running


_LISTEN_ERRORS: dict[int, str] = {
    errno.EADDRINUSE: "is already in use (another bsm-relay or mail server?); stop it or "
    "choose another address",
    errno.EACCES: "is not allowed (a port below 1024 needs privileges)",
    errno.EADDRNOTAVAIL: "is not an address of this host",
}


_Listener = TypeVar("_Listener", asyncio.Server, "HttpServer")


async def _listen(setting: str, address: str, opening: Awaitable[_Listener]) -> _Listener:
    """Open a listener; a bind that fails says which setting and address, in one line."""
    try:
        return await opening
    except OSError as exc:
        raise ConfigError(_listen_error(setting, address, exc)) from None


def _listen_error(setting: str, address: str, exc: OSError) -> str:
    reason = _LISTEN_ERRORS.get(exc.errno or 0)
    if reason is None:
        return f"{setting}: cannot listen on {address}: {exc.strerror or exc}"
    return f"{setting}: {address} {reason}"


async def reload(relay: Relay) -> bool:
    """SIGHUP: re-read policies and users; a bad file keeps the old policy and says why."""
    old = relay.policy
    try:
        await relay.reload()
    except Exception as exc:
        relay.metrics.reloads.labels("failed").inc()
        log.error(
            "reload_failed",
            error=str(exc),
            error_type=type(exc).__name__,
            kept_policy=relay.policy.version,
        )
        return False
    relay.metrics.reloads.labels("ok").inc()
    # The old policy was frozen with the start-up objects: unfrozen, its cycles can be
    # collected; the new one is then frozen in its place (one full collection per SIGHUP).
    # Not when the old one is the zygote's: the zygote keeps its pages whatever this worker
    # does, and a collection of everything unfrozen would write to every object the worker
    # shares with it, copying each of those pages into this worker. (The supervisor and a
    # worker on its second reload pay that copy once.)
    if not zygote.shares(old):
        gc.unfreeze()
    freeze_startup_objects()
    return True


async def watch_users(relay: Relay) -> None:
    """Pick up `users add` and `users unlock` from the store within seconds, without SIGHUP.
    One small query per look; the store being down is logged once per outage, not fatal."""
    interval = relay.settings.smtp.users_refresh_seconds
    if interval <= 0:
        return
    failing = False
    while True:
        await asyncio.sleep(interval)
        try:
            changed = await relay.refresh_users()
        except Exception as exc:
            if not failing:
                log.warning("users_refresh_failed", error=str(exc), error_type=type(exc).__name__)
            failing = True
            continue
        failing = False
        if changed:
            log.info("users_refreshed", changed=changed, users=len(relay.users))


def _track(relay: Relay, coro: Any) -> None:
    task = asyncio.ensure_future(coro)
    relay.inflight.add(task)
    task.add_done_callback(relay.inflight.discard)


async def serve(settings: Settings, *, log_format: str = "json") -> None:
    if settings.smtp.workers > 1:
        await supervise(settings, log_format=log_format)
        return
    await _serve_one(settings, with_http=True, reuse_port=False)


async def _serve_one(settings: Settings, *, with_http: bool, reuse_port: bool) -> None:
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    started: list[RunningRelay] = []

    def request_stop(name: str) -> None:
        stopping.set()  # first: nothing after it (a log line) may keep the relay serving
        log.info("stopping", signal=name)

    def request_reload() -> None:
        if not started:
            log.info("reload_skipped", reason="still starting: the policy is being read now")
            return
        _track(started[0].relay, reload(started[0].relay))

    # Before start() says "listening": a SIGHUP or SIGTERM sent as soon as the relay answers
    # must not meet the default action (terminate).
    loop.add_signal_handler(signal.SIGTERM, request_stop, "SIGTERM")
    loop.add_signal_handler(signal.SIGINT, request_stop, "SIGINT")
    loop.add_signal_handler(signal.SIGHUP, request_reload)
    running = await start(settings, with_http=with_http, reuse_port=reuse_port)
    freeze_startup_objects()
    started.append(running)
    running.relay.checker.start_processes()
    users_watch = asyncio.ensure_future(watch_users(running.relay))
    await stopping.wait()
    users_watch.cancel()
    await running.stop()
    log.info("stopped")


async def serve_console(settings: Settings) -> None:
    """`bsm-relay console`: the review console against the configured store, no SMTP."""
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopping.set)
    relay = await Relay.start(settings)
    try:
        http_server = await start_http(relay, settings)
        log.info("console_listening", http=settings.http.listen, store=redact(settings.store.url))
        await stopping.wait()
        await http_server.stop()
    finally:
        await relay.close()
    log.info("stopped")


# -- several worker processes sharing the port ------------------------------------------------


def _worker_main(settings_data: dict[str, Any], index: int, log_format: str = "json") -> None:
    """A worker process: one relay on the shared port (SO_REUSEPORT), no HTTP endpoint.

    Forked by the zygote (relay/runtime/zygote.py): one thread until its parse processes are
    forked here, so they share the zygote's pages too."""
    from prometheus_client import values

    from relay import logs
    from relay.runtime import parse_process
    from relay.runtime.lifeline import stop_with_starter
    from relay.runtime.memory import fix_mmap_threshold
    from relay.runtime.proctitle import name_process

    name_process(f"bsm-worker-{index}")
    # prometheus_client picks its multiprocess mode once, on import; the supervisor imported it
    # before it set PROMETHEUS_MULTIPROC_DIR, and a forked worker inherits that choice
    values.ValueClass = values.get_value_class()  # type: ignore[no-untyped-call]
    logs.configure(log_format=log_format)
    fix_mmap_threshold()
    settings = Settings.model_validate(settings_data)
    parse_process.fork_processes(settings.smtp.parse_processes)  # before any thread
    stop_with_starter()  # a supervisor killed hard leaves no worker serving the port
    structlog.contextvars.bind_contextvars(worker=index)
    asyncio.run(_serve_one(settings, with_http=False, reuse_port=True))


class Supervisor:
    """Starts `[smtp] workers` processes, restarts one that dies, forwards SIGHUP and SIGTERM.

    The supervisor serves /healthz and /metrics itself; workers write their metrics to a shared
    folder (prometheus_client multiprocess mode), which the supervisor sums at scrape time.
    """

    def __init__(self, settings: Settings, metrics_dir: str, log_format: str = "json") -> None:
        self.settings = settings
        self.log_format = log_format
        self.metrics_dir = metrics_dir
        if not settings.upstream.url.startswith("maildir:"):
            # made before the zygote is forked from this process: one copy for all of them (a
            # CA file that cannot be read is reported where the upstream is opened)
            with contextlib.suppress(OSError, ssl.SSLError):
                upstream_tls_context(settings.upstream.ca_file or None)
        # forked from the zygote, which loads the policy and the judging code once for all
        self.context = zygote.start(settings.policy.files, log_format)
        self.workers: dict[int, multiprocessing.process.BaseProcess] = {}
        self.stopping = False

    def spawn(self, index: int) -> None:
        process = self.context.Process(
            target=_worker_main,
            args=(self.settings.model_dump(mode="python"), index, self.log_format),
            name=f"bsm-relay-worker-{index}",
            daemon=False,
        )
        process.start()
        self.workers[index] = process
        log.info("worker_started", worker=index, pid=process.pid)

    def signal_all(self, signum: int) -> None:
        for process in self.workers.values():
            if process.pid is not None and process.is_alive():
                os.kill(process.pid, signum)

    async def start(self, index: int) -> None:
        """spawn() off the event loop: a start waits for the zygote, which may still be loading
        (seconds, at the first start or after the zygote itself died), and /healthz answers
        meanwhile."""
        await asyncio.to_thread(self.spawn, index)

    async def reap(self) -> None:
        from prometheus_client import multiprocess

        for index, process in list(self.workers.items()):
            if process.is_alive():
                continue
            if process.pid is not None:
                multiprocess.mark_process_dead(process.pid, self.metrics_dir)  # type: ignore[no-untyped-call]
            if self.stopping:
                continue
            log.error("worker_died", worker=index, pid=process.pid, exitcode=process.exitcode)
            await self.start(index)


async def supervise(settings: Settings, *, log_format: str = "json") -> None:
    metrics_dir = tempfile.mkdtemp(prefix="bsm-relay-metrics-")
    # Inherited by the spawned workers, whose prometheus_client then writes to files.
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = metrics_dir
    # Before anything here starts a thread: the zygote is forked from this process now
    # (relay/runtime/zygote.py), after the environment the workers inherit is set.
    supervisor = Supervisor(settings, metrics_dir, log_format)
    # for /healthz: the same store, upstream and quarantine; the workers judge
    relay = await Relay.start(settings, judges=False)
    freeze_startup_objects()
    collector = WorkerMetrics(metrics_dir)
    registry = CollectorRegistry(auto_describe=True)
    registry.register(collector)  # type: ignore[arg-type, unused-ignore]  # stubs differ by version
    http_server = await _listen(
        "http.listen",
        settings.http.listen,
        start_http(relay, settings, registry=registry, held=collector),
    )
    # Bind once here so a port already in use is reported before any worker starts.
    host, port = split_host_port(settings.smtp.listen)
    try:
        probe = socket.create_server((host, port), reuse_port=True)
    except OSError as exc:
        await http_server.stop()
        raise ConfigError(_listen_error("smtp.listen", settings.smtp.listen, exc)) from None
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()

    def request_stop(name: str) -> None:
        supervisor.stopping = True
        stopping.set()
        log.info("stopping", signal=name, workers=len(supervisor.workers))

    def request_reload() -> None:
        log.info("reload_requested", workers=len(supervisor.workers))
        supervisor.signal_all(signal.SIGHUP)
        _track(relay, reload(relay))

    loop.add_signal_handler(signal.SIGTERM, request_stop, "SIGTERM")
    loop.add_signal_handler(signal.SIGINT, request_stop, "SIGINT")
    loop.add_signal_handler(signal.SIGHUP, request_reload)
    # (a stop asked while the first workers start, which waits for the zygote, is kept)
    for index in range(settings.smtp.workers):
        await supervisor.start(index)
    probe.close()
    log.info(
        "listening",
        smtp=settings.smtp.listen,
        http=settings.http.listen,
        workers=settings.smtp.workers,
        policy_version=relay.policy.version,
    )
    while not stopping.is_set():
        try:
            await asyncio.wait_for(stopping.wait(), timeout=1.0)
        except TimeoutError:
            await supervisor.reap()
    await http_server.stop()
    supervisor.signal_all(signal.SIGTERM)
    deadline = loop.time() + DRAIN_SECONDS + 5
    while any(p.is_alive() for p in supervisor.workers.values()) and loop.time() < deadline:
        await asyncio.sleep(0.1)
    for process in supervisor.workers.values():
        if process.is_alive():
            process.kill()
    await supervisor.reap()
    await relay.close()
    shutil.rmtree(metrics_dir, ignore_errors=True)
    log.info("stopped")
