"""The session timeout (RelaySMTP._reset_timeout): one armed timer per session, not one per
command, and the session still ends `timeout` seconds after its last command."""

from __future__ import annotations

import asyncio
from typing import Any
from unittest import mock

from aiosmtpd.smtp import Session

from relay.runtime.smtp import RelaySMTP


class _Handler:
    """No hooks: aiosmtpd answers every command itself."""


def _session(timeout: float) -> tuple[RelaySMTP, mock.Mock]:
    server: Any = RelaySMTP(_Handler(), timeout=timeout)  # type: ignore[arg-type]
    server.session = Session(server.loop)
    server.session.peer = ("127.0.0.1", 1)
    transport = mock.Mock()
    server.transport = transport
    return server, transport


async def test_commands_move_the_deadline_without_a_new_timer_each() -> None:
    server, _ = _session(timeout=300)
    server._reset_timeout()
    armed = server._timeout_handle
    for _ in range(5):  # MAIL, RCPT, DATA, ... of one message
        await asyncio.sleep(0.001)
        server._reset_timeout()
    assert server._timeout_handle is armed
    assert not armed.cancelled()
    assert server._session_deadline > armed.when()
    armed.cancel()


async def test_session_ends_its_timeout_after_the_last_command_not_the_first() -> None:
    server, transport = _session(timeout=0.3)
    loop = asyncio.get_running_loop()
    server._reset_timeout()
    await asyncio.sleep(0.2)
    server._reset_timeout()  # a command: the session may now last until 0.5 s
    last_command = loop.time()
    await asyncio.sleep(0.2)  # past the first command's deadline
    transport.close.assert_not_called()
    while not transport.close.called and loop.time() < last_command + 2:
        await asyncio.sleep(0.01)
    transport.close.assert_called_once()
    assert loop.time() >= last_command + 0.3


async def test_a_shorter_timeout_replaces_the_armed_one() -> None:
    server, transport = _session(timeout=300)
    loop = asyncio.get_running_loop()
    server._reset_timeout()
    server._reset_timeout(0.05)  # the PROXY header's timeout is shorter than the session's
    started = loop.time()
    while not transport.close.called and loop.time() < started + 2:
        await asyncio.sleep(0.01)
    transport.close.assert_called_once()
