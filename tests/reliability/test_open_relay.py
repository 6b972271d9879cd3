"""Promise 4, nobody in: an open-relay matrix over real sockets (0 relayed), AUTH only over TLS
off loopback (a real STARTTLS with a certificate made here), failed-login throttling per client
address, the connection cap and the per-user message rate cap.
"""

from __future__ import annotations

import asyncio
import base64
import smtplib
import ssl
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from relay.config import ConfigError, load_settings
from relay.runtime.smtp import auth_needs_tls
from relay.store import open_store
from relay.users import hash_password
from tests.conftest import BUYER, SELLER, Sink
from tests.reliability.conftest import (
    RawClient,
    compliant,
    import_orders,
    running_relay,
    settings_file,
)

USER, PASSWORD = "helpdesk", "correct horse battery staple"
OTHER_USER, OTHER_PASSWORD = "backoffice", "another long passphrase"


def make_certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
            "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", str(key), "-out", str(cert),
            "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return cert, key


async def add_users(settings_path: Path) -> None:
    store = await open_store(load_settings(str(settings_path)).store.url)
    try:
        await store.set_user(USER, hash_password(PASSWORD))
        await store.set_user(OTHER_USER, hash_password(OTHER_PASSWORD))
    finally:
        await store.close()


async def auth_relay(tmp: Path, sink: Sink, smtp: str = "") -> tuple[Path, Path]:
    cert, key = make_certificate(tmp)
    path = settings_file(
        tmp,
        sink.url,
        smtp=f'auth = "required"\ntls_cert = "{cert}"\ntls_key = "{key}"\n{smtp}',
    )
    await import_orders(path)
    await add_users(path)
    return path, cert


def tls_client(
    port: int, cert: Path, login: tuple[str, str] | None = (USER, PASSWORD)
) -> smtplib.SMTP:
    client = smtplib.SMTP("127.0.0.1", port, timeout=30)
    client.ehlo()
    client.starttls(context=ssl.create_default_context(cafile=str(cert)))
    client.ehlo()
    if login is not None:
        auth_plain(client, *login)
    return client


def auth_plain(client: smtplib.SMTP, user: str, password: str) -> None:
    """One AUTH PLAIN attempt (smtplib's login() tries every mechanism: several failures)."""
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
    code, text = client.docmd("AUTH", f"PLAIN {token}")
    if code != 235:
        raise smtplib.SMTPResponseException(code, text)


def outcome(action: Callable[[], object]) -> int:
    """The SMTP code an attempt ends with (250 when the message was taken)."""
    try:
        refused = action()
    except smtplib.SMTPRecipientsRefused as exc:
        return int(next(iter(exc.recipients.values()))[0])
    except smtplib.SMTPResponseException as exc:
        return int(exc.smtp_code)
    if isinstance(refused, dict) and refused:
        # Some recipients were refused at RCPT: the code they got.
        return int(next(iter(refused.values()))[0])
    return 250


async def test_open_relay_matrix_relays_nothing(tmp_path: Path, sink: Sink) -> None:
    settings, cert = await auth_relay(tmp_path, sink)
    async with running_relay(settings) as running:
        port = running.smtp_port
        outside = "friend@gmail.com"

        Login = tuple[str, str] | None
        Attempt = Callable[[], object]

        def plain(
            login: Login = None, sender: str = SELLER, rcpt: list[str] | None = None,
            raw: bytes | None = None,
        ) -> Attempt:  # fmt: skip
            def run() -> object:
                with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
                    client.ehlo()
                    if login:
                        auth_plain(client, *login)
                    return client.sendmail(
                        sender, rcpt or [BUYER], raw or compliant("<m@shop.example>")
                    )

            return run

        def tls(
            login: Login = (USER, PASSWORD), sender: str = SELLER, rcpt: list[str] | None = None,
            raw: bytes | None = None,
        ) -> Attempt:  # fmt: skip
            def run() -> object:
                with tls_client(port, cert, login) as client:
                    return client.sendmail(
                        sender, rcpt or [BUYER], raw or compliant("<m@shop.example>")
                    )

            return run

        forged = compliant("<forged@shop.example>").replace(
            f"From: {SELLER}".encode(), b"From: ceo@bank.example", 1
        )
        mixed = compliant("<mixed@shop.example>").replace(
            f"To: {BUYER}".encode(), f"To: {BUYER}, {outside}".encode(), 1
        )
        matrix: dict[str, tuple[Callable[[], object], set[int]]] = {
            "no AUTH, to a buyer": (plain(), {530}),
            "no AUTH, to an outsider": (plain(rcpt=[outside]), {530}),
            "AUTH in the clear (TLS configured)": (plain(login=(USER, PASSWORD)), {538}),
            "wrong password over TLS": (tls(login=(USER, "wrong")), {535}),
            "unknown user over TLS": (tls(login=("root", PASSWORD)), {535}),
            "authenticated, outsider recipient": (tls(rcpt=[outside]), {550}),
            "authenticated, buyer and outsider": (tls(rcpt=[BUYER, outside]), {550}),
            "authenticated, outsider in Cc header": (tls(raw=mixed), {550}),
            "authenticated, unapproved envelope sender": (tls(sender="intern@gmail.com"), {550}),
            "authenticated, forged From:": (tls(raw=forged), {550}),
            "authenticated, empty sender to outsider": (tls(sender="", rcpt=[outside]), {550}),
        }
        results = {}
        for name, (attempt, expected) in matrix.items():
            code = await asyncio.to_thread(outcome, attempt)
            results[name] = code
            assert code in expected, (name, code)
        # 0 relayed: nothing reached an outsider, nothing with a forged or outside header.
        # (The buyer-and-outsider envelope delivers to the buyer alone, as it should.)
        relayed = [
            m for m in sink.messages
            if m.rcpt_tos != [BUYER] or b"gmail.com" in m.data or b"bank.example" in m.data
        ]  # fmt: skip
        print(f"open-relay matrix: {len(matrix)} cases, relayed {len(relayed)}")
        assert relayed == []
        assert len(sink.messages) <= 1
        sink.messages.clear()
        # The positive control: the same relay does take a proper message.
        assert await asyncio.to_thread(outcome, tls(raw=compliant("<ok@shop.example>"))) == 250
        assert len(sink.messages) == 1


async def test_auth_is_not_advertised_in_the_clear_when_tls_is_required(
    tmp_path: Path, sink: Sink
) -> None:
    settings, cert = await auth_relay(tmp_path, sink)
    async with running_relay(settings) as running:

        def ehlo_features() -> tuple[str, str, str]:
            client = RawClient(running.smtp_port)
            clear = client.command(b"EHLO c")
            refused = client.command(b"AUTH PLAIN AGhlbHBkZXNrAHdyb25n")
            client.close()
            with tls_client(running.smtp_port, cert, login=None) as secure:
                _code, text = secure.ehlo()
                return clear, refused, text.decode()

        clear, refused, secure = await asyncio.to_thread(ehlo_features)
        assert "STARTTLS" in clear and "AUTH" not in clear
        assert refused.startswith("538")
        assert "AUTH" in secure and "STARTTLS" not in secure


async def test_auth_needs_tls_off_loopback_without_a_certificate(
    tmp_path: Path, sink: Sink
) -> None:
    """A non-loopback listener cannot be opened here, so: the rule, the configuration check,
    and a real session on a handler built as it would be for such a listener."""
    assert auth_needs_tls("0.0.0.0", False) and auth_needs_tls("192.0.2.10", False)
    assert auth_needs_tls("127.0.0.1", True)
    assert not auth_needs_tls("127.0.0.1", False)
    bad = tmp_path / "bad.toml"
    bad.write_text('[smtp]\nlisten = "0.0.0.0:2525"\nauth = "off"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="smtp"):
        load_settings(str(bad))
    settings = settings_file(tmp_path, sink.url, smtp='auth = "required"')
    await add_users(settings)
    async with running_relay(settings) as running:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: running.handler.factory(None, True), host="127.0.0.1", port=0
        )
        port = server.sockets[0].getsockname()[1]
        try:

            def attempt() -> tuple[str, str, str]:
                client = RawClient(port)
                features = client.command(b"EHLO c")
                auth = client.command(
                    b"AUTH PLAIN AGhlbHBkZXNrAGNvcnJlY3QgaG9yc2UgYmF0dGVyeSBzdGFwbGU="
                )
                mail = client.command(f"MAIL FROM:<{SELLER}>".encode())
                client.close()
                return features, auth, mail

            features, auth, mail = await asyncio.to_thread(attempt)
            assert "AUTH" not in features
            assert auth.startswith("538")  # even the right password is not taken in the clear
            assert mail.startswith("530")
        finally:
            server.close()
    assert sink.messages == []


async def test_failed_logins_are_throttled_per_client_address(tmp_path: Path, sink: Sink) -> None:
    settings, cert = await auth_relay(tmp_path, sink, smtp="max_failed_logins = 3")
    async with running_relay(settings) as running:

        def login(password: str, source: str = "127.0.0.1") -> int:
            client = smtplib.SMTP(
                "127.0.0.1", running.smtp_port, timeout=30, source_address=(source, 0)
            )
            try:
                client.ehlo()
                client.starttls(context=ssl.create_default_context(cafile=str(cert)))
                client.ehlo()
                auth_plain(client, USER, password)
                return 235
            except smtplib.SMTPResponseException as exc:
                return exc.smtp_code
            finally:
                client.close()

        codes = [await asyncio.to_thread(login, f"guess-{i}") for i in range(3)]
        assert codes == [535, 535, 535]
        # Blocked now, even with the right password, from this address...
        assert await asyncio.to_thread(login, PASSWORD) == 454
        # ...but not from another client address.
        assert await asyncio.to_thread(login, PASSWORD, "127.0.0.2") == 235


async def test_connection_cap(tmp_path: Path, sink: Sink) -> None:
    settings = settings_file(tmp_path, sink.url, smtp='auth = "off"\nmax_connections = 3')
    async with running_relay(settings) as running:

        def attempt() -> list[str]:
            clients = [RawClient(running.smtp_port) for _ in range(3)]
            extra = RawClient(running.smtp_port)
            greetings = [c.greeting for c in clients] + [extra.greeting]
            closed = extra.closed(timeout=5)
            for client in clients:
                client.close()
            extra.close()
            return [*greetings, "closed" if closed else "open"]

        result = await asyncio.to_thread(attempt)
        assert all(g.startswith("220") for g in result[:3])
        assert result[3].startswith("421") and result[4] == "closed"
        # Once they are gone, new clients get in again.
        for _ in range(50):
            if not running.handler.sessions:
                break
            await asyncio.sleep(0.05)
        assert (await asyncio.to_thread(lambda: RawClient(running.smtp_port).greeting)).startswith(
            "220"
        )


async def test_per_user_message_rate_cap(tmp_path: Path, sink: Sink) -> None:
    settings, cert = await auth_relay(tmp_path, sink, smtp="messages_per_minute_per_user = 3")
    async with running_relay(settings) as running:

        def send_as(user: tuple[str, str], index: int) -> int:
            raw = compliant(f"<rate-{user[0]}-{index}@shop.example>")
            return outcome(
                lambda: tls_client(running.smtp_port, cert, user).sendmail(SELLER, [BUYER], raw)
            )

        codes = [await asyncio.to_thread(send_as, (USER, PASSWORD), i) for i in range(5)]
        assert codes == [250, 250, 250, 451, 451]
        # Another user is not slowed down by the first one.
        assert await asyncio.to_thread(send_as, (OTHER_USER, OTHER_PASSWORD), 0) == 250
        assert len(sink.messages) == 4


def test_throttle_and_rate_tables_stay_bounded() -> None:
    """Many client addresses (a botnet) cannot grow the relay's memory without bound."""
    from relay.users import _MAX_KEYS, LoginLockout, RateLimiter

    lockout = LoginLockout(per_login=3, per_user=10, per_address=100, window=300)
    rate = RateLimiter(limit=5, window=60)
    for i in range(3 * _MAX_KEYS):
        address = f"10.{i // 65536}.{i // 256 % 256}.{i % 256}"
        lockout.failed(address, "guess", "pw", known_user=False)
        assert lockout.locked(f"192.0.2.{i % 256}", "guess") is None  # a read creates nothing
        rate.allow(address)
    assert len(lockout._failures) <= _MAX_KEYS + 3
    assert len(lockout._recent_passwords) <= _MAX_KEYS + 1
    assert len(rate._events) <= _MAX_KEYS + 1
    # A full table still counts a new client's messages (the cap is not bypassed).
    assert [rate.allow("198.51.100.7") for _ in range(6)] == [True] * 5 + [False]
    for n in range(3):
        lockout.failed("203.0.113.9", "agent", f"pw {n}", known_user=True)
    assert lockout.locked("203.0.113.9", "agent") is not None
    lockout.succeeded("203.0.113.9", "agent")
    assert lockout.locked("203.0.113.9", "agent") is None
