"""Shared test helpers: build messages and judge them with the real pipeline code."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from relay.model.message import parse
from relay.model.types import Envelope, Order, OrderContext, RelayConfig
from relay.pipeline import judge
from relay.policy import Policy, load_policy
from relay.verdict import Verdict

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
SELLER = "support@shop.example"
BUYER = "a1b2c3d4e5@marketplace.amazon.de"


@pytest.fixture(scope="session")
def policy() -> Policy:
    return load_policy()


def make_message(
    body: str = "Hallo, Ihre Bestellung 302-1234567-1234567 wird morgen geliefert.",
    *,
    subject: str = "Bestellung 302-1234567-1234567",
    sender: str = SELLER,
    to: str = BUYER,
    html: str | None = None,
    headers: dict[str, str] | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
) -> bytes:
    """A message as a mail client would send it; attachments are (name, mime type, bytes)."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = "<test-1@shop.example>"
    for key, value in (headers or {}).items():
        msg[key] = value
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for name, mime, data in attachments or []:
        maintype, subtype = mime.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def default_order(**changes: object) -> Order:
    """A German order delivered three days before NOW."""
    values: dict[str, object] = {
        "order_id": "302-1234567-1234567",
        "buyer_email": BUYER,
        "purchase_date": datetime(2026, 11, 10, tzinfo=UTC),
        "marketplace": "amazon.de",
        "status": "Delivered",
        "ship_date": datetime(2026, 11, 12, tzinfo=UTC),
        "earliest_delivery_date": datetime(2026, 11, 14, tzinfo=UTC),
        "latest_delivery_date": datetime(2026, 11, 18, tzinfo=UTC),
        "delivery_date": datetime(2026, 11, 17, tzinfo=UTC),
        "buyer_locale": "de-DE",
    }
    values.update(changes)
    return Order(**values)  # type: ignore[arg-type]


JudgeFn = Callable[..., Verdict]


@pytest.fixture
def judge_raw(policy: Policy) -> JudgeFn:
    """Judge raw bytes with the real facts, rules and decision (no store, no network)."""

    def run(
        raw: bytes,
        *,
        mail_from: str = SELLER,
        rcpt: tuple[str, ...] = (BUYER,),
        orders: OrderContext | None = None,
        config: RelayConfig | None = None,
        now: datetime = NOW,
    ) -> Verdict:
        message = parse(raw)
        if orders is None:
            ids = message.order_ids
            orders = OrderContext(order_id=ids[0] if ids else None, order=default_order())
        config = config or RelayConfig(approved_senders=(SELLER,))
        _ctx, verdict, _forward = judge(
            message, Envelope(mail_from, rcpt), policy, config, orders, now
        )
        return verdict

    return run


def codes(verdict: Verdict) -> set[str]:
    return {f.code for f in verdict.findings}


# -- real sockets: an upstream sink and a relay ----------------------------------------------

import asyncio  # noqa: E402
import os  # noqa: E402
import socket  # noqa: E402
import threading  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402

from aiosmtpd.controller import Controller  # noqa: E402

SOAK = os.environ.get("BSM_RELAY_SOAK") == "1"


def examples(full: int) -> int:
    """A property test's example count: `full` under BSM_RELAY_SOAK=1, a sixth of it (at least
    100) in the suite's bounded slice. Hypothesis draws new examples every run, so the slice
    still explores further run after run."""
    return full if SOAK else max(100, full // 6)


def _ephemeral_range() -> range:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return range(int(low), int(high) + 1)
    except (OSError, ValueError):
        return range(32768, 61000)


def _listen_ports() -> range:
    """10000-32000, or under pytest-xdist this worker's own share of it: the suite's two
    workers never hand out the same port, whatever their process ids."""
    ports = range(10000, 32000)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    count = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1") or 1)
    if not worker.startswith("gw") or count < 2:
        return ports
    share = len(ports) // count
    start = ports.start + int(worker[2:]) % count * share
    return range(start, start + share)


_LISTEN_PORTS = _listen_ports()
_port_lock = threading.Lock()
_next_port = [0]


def free_port() -> int:
    """A loopback port for a listener that a test starts later (aiosmtpd's Controller cannot
    take port 0, architecture trap 10).

    Never one of the kernel's ephemeral ports: a port handed out by bind(0) and released is
    free to become the source port of any outgoing connection (the relay's own upstream
    connections, the test clients), and the listener started a moment later then finds it
    taken ("address already in use", seen in CI). Ports below the ephemeral range are never
    chosen for outgoing connections; each test process walks its own part of the range (each
    pytest-xdist worker its own share of it), so parallel test runs do not collide either.
    """
    ephemeral = _ephemeral_range()
    with _port_lock:
        if not _next_port[0]:
            _next_port[0] = _LISTEN_PORTS.start + (os.getpid() * 97) % len(_LISTEN_PORTS)
        for _ in range(len(_LISTEN_PORTS)):
            port = _next_port[0]
            _next_port[0] = port + 1 if port + 1 < _LISTEN_PORTS.stop else _LISTEN_PORTS.start
            if port in ephemeral:
                continue
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", port))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free loopback port below the ephemeral range")


@dataclass
class SinkMessage:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


@dataclass
class SinkHandler:
    """A real SMTP server standing in for the seller's upstream; records what it accepts."""

    messages: list[SinkMessage] = field(default_factory=list)
    refuse_rcpt: str | None = None
    data_reply: str | None = None
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if self.refuse_rcpt and address == self.refuse_rcpt:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.data_reply:
            return self.data_reply
        with self.lock:
            self.messages.append(
                SinkMessage(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content)
            )
        return "250 2.0.0 sink accepted"


@dataclass
class Sink:
    handler: SinkHandler
    port: int

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    @property
    def messages(self) -> list[SinkMessage]:
        return self.handler.messages


@pytest.fixture
def sink() -> Iterator[Sink]:
    handler = SinkHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield Sink(handler, port)
    finally:
        controller.stop()


def write_settings(
    path: Path,
    tmp: Path,
    upstream_url: str,
    *,
    smtp_extra: str = "",
    extra: str = "",
    notices: str = "enabled = false",
) -> Path:
    """A settings file for a relay on a free loopback port, everything under `tmp`.

    Notices are off unless `notices` says otherwise: a test that counts what reaches the sink
    counts the buyer's mail, not the sender's notices.
    """
    path.write_text(
        f"""
[smtp]
listen = "127.0.0.1:{free_port()}"
session_timeout = 30
{smtp_extra or 'auth = "off"'}

[upstream]
url = "{upstream_url}"
timeout = 5

[store]
url = "sqlite:///{tmp / "relay.db"}"

[quarantine]
dir = "{tmp / "quarantine"}"

[senders]
approved = ["{SELLER}"]

[http]
listen = "127.0.0.1:{free_port()}"
{extra}

[notices]
{notices}
""",
        encoding="utf-8",
    )
    return path


def console_script() -> str:
    """The installed `bsm-relay` of the interpreter running the tests (venv not activated)."""
    import shutil
    import sys

    beside = Path(sys.executable).parent / "bsm-relay"
    if beside.exists():
        return str(beside)
    found = shutil.which("bsm-relay")
    assert found, "bsm-relay console script is not installed"
    return found


def quarantine_id_of(reply: str | bytes) -> str:
    """The quarantine id an SMTP reply names (held 250, rejected 550, single or multi-line)."""
    text = reply.decode() if isinstance(reply, bytes) else reply
    found = re.search(r"\b(\d{8}-\d{6}-[0-9a-f]{8})\b", text)
    assert found, text
    return found.group(1)
