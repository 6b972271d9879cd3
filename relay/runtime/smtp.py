"""The SMTP edge: a thin aiosmtpd handler in front of relay.runtime.core.Relay.

The handler only speaks SMTP: it authenticates, refuses non-buyer recipients at RCPT, checks
the raw bytes for smuggling, and hands the message to the relay core inside a shielded task,
so a client that disconnects or a session timeout cannot cut a delivery in half.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import re
import secrets
import ssl
import warnings
from typing import Any, Final

import structlog
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
from aiosmtpd.smtp import Envelope as SmtpEnvelope
from aiosmtpd.smtp import Session as SmtpSession

from relay.config import is_loopback_host
from relay.model.types import Envelope
from relay.review.explain import explain
from relay.review.notices import notice_language
from relay.review.replies import reply_text
from relay.rules.envelope import recipient_allowed
from relay.runtime.core import REPLY_INTERNAL, Relay
from relay.runtime.proxy_protocol import REPLY_NOT_TRUSTED, ProxyPolicy
from relay.runtime.proxy_protocol import accept as accept_proxy
from relay.runtime.smtp_data import ChunkedDataMixin

log = structlog.get_logger("relay.runtime.smtp")

# AUTH without TLS is allowed on loopback only (auth_needs_tls, checked at start); aiosmtpd
# would otherwise print this Python warning to stderr for every session.
warnings.filterwarnings(
    "ignore", message="Requiring AUTH while not requiring TLS", category=UserWarning
)

# `\n.\n`, `\r.\r`, `\n.\r\n` and `\r\n.\n`: an end-of-data the upstream might honour and we
# would not (SMTP smuggling). Such a message is refused, not repaired.
_SMUGGLING: Final = re.compile(rb"(?:\r\n|\r|\n)\.(?:\r\n|\r|\n)")
_BARE_EOL: Final = re.compile(rb"\r(?!\n)|(?<!\r)\n")
REPLY_SHUTTING_DOWN: Final = "421 4.3.2 service shutting down, try again later"
# aiosmtpd counts commands per connection, not per message: its default (20 of each) and our
# old RCPT cap of 100 cut a helpdesk's long-lived session after 100 messages with a 421. The
# per-user message rate cap limits abuse; these only bound one connection's lifetime.
COMMAND_CALL_LIMITS: Final = {"AUTH": 10, "RCPT": 20_000, "*": 100_000}


def normalize_line_endings(raw: bytes) -> bytes | None:
    """CRLF everywhere, so we parse exactly what the upstream gets; None on smuggling."""
    crlf = raw.count(b"\r\n")
    if raw.count(b"\n") == crlf and raw.count(b"\r") == crlf:
        # no bare CR or LF at all (the common case): no smuggling pattern, nothing to change;
        # three C-speed scans instead of two regex passes over a large message on the loop
        return raw
    for match in _SMUGGLING.finditer(raw):
        if match.group(0) != b"\r\n.\r\n":
            return None
    return _BARE_EOL.sub(b"\r\n", raw)


@dataclasses.dataclass(frozen=True, slots=True)
class _AddressLimits:
    """What aiosmtpd's `_getaddr` reads of its server: the local part's limit, nothing else."""

    local_part_limit: int


@functools.lru_cache(maxsize=1024)
def _parse_address(arg: str, local_part_limit: int) -> tuple[str | None, str | None]:
    # The same senders and buyers again and again: email's header parser, which aiosmtpd runs
    # on every MAIL and RCPT, cost ~100 us an address; its answer is a pure function of these.
    getaddr: Any = SMTP._getaddr  # given the one attribute it reads, not a whole server
    address: tuple[str | None, str | None] = getaddr(_AddressLimits(local_part_limit), arg)
    return address


class RelaySMTP(ChunkedDataMixin, SMTP):
    """aiosmtpd's SMTP with a connection cap and an id per session for the logs."""

    def __init__(self, handler: RelayHandler, **kwargs: Any) -> None:
        super().__init__(handler, **kwargs)
        self.relay_handler = handler
        self.session_id = secrets.token_hex(6)
        self._session_deadline = 0.0  # loop time the session ends at (see _reset_timeout)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        first = self.transport is None
        if first:
            # PROXY header required from listed load balancers only (relay.runtime.proxy_protocol).
            self._proxy_timeout = self.relay_handler.proxy.header_timeout(
                transport.get_extra_info("peername")
            )
        super().connection_made(transport)
        if first:
            self.relay_handler.opened(self)

    def _reset_timeout(self, duration: float | None = None) -> None:
        """The session ends `duration` seconds after the last command, as in aiosmtpd.

        aiosmtpd cancels its timer and makes a new one (call_later) for every command; here
        one timer stays armed and each command only moves the deadline on. A timer that goes
        off before the deadline arms itself again for the rest, so the session ends exactly
        when aiosmtpd's would have."""
        loop = self.loop
        deadline = loop.time() + (duration or self._timeout_duration)
        self._session_deadline = deadline
        handle = self._timeout_handle
        if handle is not None:
            if handle.when() <= deadline and not handle.cancelled():
                return  # goes off no later than the deadline, and looks again then
            handle.cancel()  # a shorter timeout than the armed one (the PROXY header's)
        self._timeout_handle = loop.call_at(deadline, self._session_timer)

    def _session_timer(self) -> None:
        if self.loop.time() < self._session_deadline:
            self._timeout_handle = self.loop.call_at(self._session_deadline, self._session_timer)
            return
        self._timeout_cb()  # type: ignore[no-untyped-call]  # aiosmtpd: untyped

    def connection_lost(self, error: Exception | None) -> None:
        self.relay_handler.closed(self)
        super().connection_lost(error)

    async def smtp_PROXY(self, arg: str) -> None:
        """A PROXY header from an address not in proxy_protocol_from: refuse and close."""
        peer = _peer_host(self.session) if self.session is not None else None
        log.warning("proxy_refused", session_id=self.session_id, peer=peer)
        await self.push(REPLY_NOT_TRUSTED)
        if self.transport is not None:
            self.transport.close()

    async def _handle_client(self) -> None:
        if self.relay_handler.over_capacity(self):
            await self.push("421 4.7.0 too many connections, try again later")
            if self.transport is not None:
                self.transport.close()
            return
        await super()._handle_client()

    def refuse_too_big(self, size: int) -> str:
        """The 552 for a message (declared or uploaded) over `max_message_bytes`, logged."""
        limit = self.data_size_limit or 0
        peer = _peer_host(self.session) if self.session is not None else None
        log.warning(
            "message_too_big", session_id=self.session_id, peer=peer, size=size, limit=limit
        )
        self.relay_handler.relay.metrics.messages.labels("too_big", "552").inc()
        return f"552 5.3.4 message exceeds {limit} bytes"

    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        return _parse_address(arg, self.local_part_limit)

    async def smtp_MAIL(self, arg: str | None) -> None:
        # aiosmtpd refuses a too large SIZE= itself, without the limit or a log line
        declared = _declared_size(arg)
        if (
            declared is not None
            and self.data_size_limit
            and declared > self.data_size_limit
            and self.session is not None
            and self.session.extended_smtp
        ):
            await self.push(self.refuse_too_big(declared))
            return
        await super().smtp_MAIL(arg)

    @property
    def in_transaction(self) -> bool:
        """MAIL FROM given and the message not answered yet (aiosmtpd resets after DATA)."""
        return self.envelope is not None and self.envelope.mail_from is not None

    def close_with(self, reply: str) -> None:
        """Send one reply line and close (the transport flushes what is buffered first)."""
        transport = self.transport
        if not isinstance(transport, asyncio.WriteTransport) or transport.is_closing():
            return
        transport.write(reply.encode("ascii") + b"\r\n")
        transport.close()


class RelayHandler:
    def __init__(self, relay: Relay) -> None:
        self.relay = relay
        self.sessions: set[RelaySMTP] = set()
        self.accepting = True
        self.proxy = ProxyPolicy(
            relay.settings.smtp.proxy_protocol_from,
            getattr(relay.settings.smtp, "proxy_protocol_timeout", 10.0),
        )

    # -- sessions -------------------------------------------------------------------------

    @property
    def accepting(self) -> bool:
        return self._accepting

    @accepting.setter
    def accepting(self, value: bool) -> None:
        """Stopping (SIGTERM): idle sessions are told 421 and closed at once; a session in the
        middle of a transaction (MAIL given, DATA uploading or being delivered) may finish."""
        self._accepting = value
        if not value:
            for server in list(self.sessions):
                if not server.in_transaction:
                    server.close_with(REPLY_SHUTTING_DOWN)

    def opened(self, server: RelaySMTP) -> None:
        self.sessions.add(server)
        self.relay.metrics.sessions_open.set(len(self.sessions))

    def closed(self, server: RelaySMTP) -> None:
        self.sessions.discard(server)
        self.relay.metrics.sessions_open.set(len(self.sessions))

    def over_capacity(self, server: RelaySMTP) -> bool:
        return not self.accepting or len(self.sessions) > self.relay.settings.smtp.max_connections

    def factory(self, tls_context: ssl.SSLContext | None, require_tls_for_auth: bool) -> RelaySMTP:
        settings = self.relay.settings.smtp
        return RelaySMTP(
            self,
            data_size_limit=settings.max_message_bytes,
            enable_SMTPUTF8=True,
            decode_data=False,
            hostname=settings.hostname,
            ident="ESMTP bsm-relay",
            tls_context=tls_context,
            require_starttls=False,
            timeout=settings.session_timeout,
            auth_required=settings.auth == "required",
            auth_require_tls=require_tls_for_auth,
            authenticator=self.authenticate,
            command_call_limit=COMMAND_CALL_LIMITS,
        )

    # -- hooks ----------------------------------------------------------------------------

    def authenticate(
        self,
        server: SMTP,
        session: SmtpSession,
        envelope: SmtpEnvelope,
        mechanism: str,
        auth_data: Any,
    ) -> AuthResult:
        peer = _peer_host(session)
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        name = auth_data.login.decode("utf-8", "replace")
        password = auth_data.password.decode("utf-8", "replace")
        lockout = self.relay.login_lockout
        locked = lockout.locked(peer, name)
        if locked is not None:
            log.warning(
                "login_locked", peer=peer, user=name, scope=locked.scope, seconds=locked.seconds
            )
            return AuthResult(success=False, handled=False, message=locked.reply)
        if self.relay.users.verify(name, password):
            lockout.succeeded(peer, name)
            return AuthResult(success=True, auth_data=name)
        lockout.failed(peer, name, password, known_user=name in self.relay.users)
        log.warning("login_failed", peer=peer, user=name)
        # handled=False makes aiosmtpd answer 535 (architecture trap 6).
        return AuthResult(success=False, handled=False)

    async def handle_EHLO(
        self,
        server: SMTP,
        session: SmtpSession,
        envelope: SmtpEnvelope,
        hostname: str,
        responses: list[str],
    ) -> list[str]:
        session.host_name = hostname  # aiosmtpd leaves it to a five-argument hook
        if self.relay.settings.smtp.auth == "off":
            # nobody signs in here: offering AUTH makes clients send passwords for nothing
            return [line for line in responses if not line[4:].upper().startswith("AUTH")]
        return responses

    async def handle_PROXY(
        self, server: SMTP, session: SmtpSession, envelope: SmtpEnvelope, proxy_data: Any
    ) -> bool:
        return accept_proxy(session.peer, proxy_data, getattr(server, "session_id", "-"))

    async def handle_MAIL(
        self,
        server: SMTP,
        session: SmtpSession,
        envelope: SmtpEnvelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if not self.accepting:
            # Stopping: no new transaction; close once the reply is out.
            asyncio.get_running_loop().call_soon(_close_transport, server)
            return REPLY_SHUTTING_DOWN
        user = session.auth_data if isinstance(session.auth_data, str) else None
        key = user or _peer_host(session)
        if not self.relay.user_rate.allow(key):
            return "451 4.7.1 message rate limit reached, try again later"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(
        self,
        server: SMTP,
        session: SmtpSession,
        envelope: SmtpEnvelope,
        address: str,
        rcpt_options: list[str],
    ) -> str:
        if not recipient_allowed(address, self.relay.config):
            log.warning("recipient_refused", code="ENV001", rcpt=address, peer=_peer_host(session))
            language = notice_language(self.relay.settings.notices, envelope.mail_from or "")
            reason = reply_text(explain("ENV001", language).reason)
            return f"550 5.7.1 ENV001: {reason}"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: SmtpSession, envelope: SmtpEnvelope) -> str:
        raw = envelope.original_content or b""
        session_id = getattr(server, "session_id", "-")
        # the chunked DATA reader already knows when there is nothing to normalize
        clean = getattr(envelope, "bare_line_endings", None) is False
        normalized = raw if clean else normalize_line_endings(raw)
        if normalized is None:
            log.warning("smuggling_refused", session_id=session_id, peer=_peer_host(session))
            return "550 5.6.0 bare CR or LF around a dot: possible SMTP smuggling"
        relay_envelope = Envelope(
            mail_from=envelope.mail_from or "",
            rcpt_tos=tuple(envelope.rcpt_tos),
            auth_user=session.auth_data if isinstance(session.auth_data, str) else None,
            client_address=_peer_host(session),
        )
        # CRLF throughout and no dot to stuff but maybe the first line's: the upstream sends
        # these bytes without scanning them again (~3 ms of the loop per 1.4 MB message)
        wire_ready = clean and getattr(envelope, "dotted_lines", True) is False
        task = asyncio.ensure_future(
            self.relay.process(normalized, relay_envelope, session_id, wire_ready=wire_ready)
        )
        self.relay.inflight.add(task)
        task.add_done_callback(self.relay.inflight.discard)
        # If the client goes away or the session times out, the delivery still completes and
        # is recorded in the ledger, so the client's retry is recognised as a duplicate.
        outcome = await asyncio.shield(task)
        return outcome.reply

    async def handle_exception(self, error: Exception) -> str:
        # Whatever happens here, the answer is 451: aiosmtpd turns an exception raised in this
        # hook into a permanent 500 for the client (architecture trap 1).
        with contextlib.suppress(Exception):
            log.error("smtp_exception", error=type(error).__name__, detail=str(error)[:200])
        return REPLY_INTERNAL


_SIZE_PARAM: Final = re.compile(r"\sSIZE=(\d{1,20})(?:\s|$)", re.IGNORECASE)


def _declared_size(arg: str | None) -> int | None:
    match = _SIZE_PARAM.search(arg or "")
    return int(match.group(1)) if match else None


def _close_transport(server: SMTP) -> None:
    if server.transport is not None:
        server.transport.close()


def _peer_host(session: SmtpSession) -> str:
    if session.proxy_data is not None and getattr(session.proxy_data, "src_addr", None):
        return str(session.proxy_data.src_addr)
    peer = session.peer
    if isinstance(peer, tuple) and peer:
        return str(peer[0])
    return str(peer)


def auth_needs_tls(host: str, tls_configured: bool) -> bool:
    """AUTH in the clear only on loopback; with a certificate, AUTH always needs TLS."""
    return tls_configured or not is_loopback_host(host)
