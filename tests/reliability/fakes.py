"""A scripted SMTP upstream on a real socket: it misbehaves exactly as a test tells it to."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field


@dataclass
class Script:
    """How the fake upstream behaves; change it between messages."""

    greet: bool = True  # False: accept the connection and never say anything (a hang)
    rcpt_replies: dict[str, str] = field(default_factory=dict)  # address -> reply
    data_reply: str = "250 2.0.0 Ok: queued as FAKE1"
    drop_mid_data: bool = False  # close the connection after 354 and some bytes
    hang_after_data: bool = False  # read the whole message, then never answer


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes


class FakeUpstream:
    """`async with FakeUpstream() as up:` ... up.url, up.script, up.received, up.connections."""

    def __init__(self) -> None:
        self.script = Script()
        self.received: list[Received] = []
        self.connections = 0
        self.server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def port(self) -> int:
        assert self.server is not None
        return int(self.server.sockets[0].getsockname()[1])

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    async def __aenter__(self) -> FakeUpstream:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.close()
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(BaseException):
                await task

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)  # type: ignore[arg-type]
        self.connections += 1
        try:
            await self._session(reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._tasks.discard(task)  # type: ignore[arg-type]
            writer.close()

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        script = self.script
        if not script.greet:
            await asyncio.sleep(3600)
        writer.write(b"220 fake.upstream ESMTP\r\n")
        mail_from = ""
        rcpts: list[str] = []
        while True:
            line = await reader.readline()
            if not line:
                return
            command = line.decode(errors="replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb == "EHLO":
                writer.write(b"250-fake.upstream\r\n250-8BITMIME\r\n250 SIZE 100000000\r\n")
            elif verb == "HELO":
                writer.write(b"250 fake.upstream\r\n")
            elif verb == "MAIL":
                mail_from = command.split(":", 1)[1].split()[0].strip("<>")
                rcpts = []
                writer.write(b"250 2.1.0 Ok\r\n")
            elif verb == "RCPT":
                address = command.split(":", 1)[1].split()[0].strip("<>")
                reply = self.script.rcpt_replies.get(address, "250 2.1.5 Ok")
                if reply.startswith("2"):
                    rcpts.append(address)
                writer.write(reply.encode() + b"\r\n")
            elif verb == "DATA":
                writer.write(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                await writer.drain()
                if self.script.drop_mid_data:
                    await reader.read(64)
                    writer.transport.abort()
                    return
                data = bytearray()
                while True:
                    chunk = await reader.readline()
                    if not chunk:
                        return
                    if chunk == b".\r\n":
                        break
                    data += chunk[1:] if chunk.startswith(b".") else chunk
                if self.script.hang_after_data:
                    await asyncio.sleep(3600)
                reply = self.script.data_reply
                if reply.startswith("2"):
                    self.received.append(Received(mail_from, list(rcpts), bytes(data)))
                writer.write(reply.encode() + b"\r\n")
            elif verb == "RSET":
                rcpts = []
                writer.write(b"250 2.0.0 Ok\r\n")
            elif verb == "NOOP":
                writer.write(b"250 2.0.0 Ok\r\n")
            elif verb == "QUIT":
                writer.write(b"221 2.0.0 Bye\r\n")
                await writer.drain()
                return
            else:
                writer.write(b"502 5.5.2 Error: command not recognized\r\n")
            await writer.drain()
