"""The console over HTTPS: the session cookie is Secure, HttpOnly and SameSite=Strict (and over
plain HTTP on loopback it cannot be Secure, or the browser would never send it back)."""

from __future__ import annotations

import asyncio
import http.client
import re
import ssl
import urllib.parse
from pathlib import Path

from relay.config import load_settings
from relay.runtime.server import start
from relay.store import open_store
from relay.users import hash_password
from tests.conftest import Sink, write_settings
from tests.reliability.test_open_relay import make_certificate


def sign_in_cookies(port: int, context: ssl.SSLContext | None) -> list[str]:
    """The Set-Cookie headers of a sign-in, over HTTPS when given a context."""

    def connect() -> http.client.HTTPConnection:
        if context is None:
            return http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        return http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=context)

    conn = connect()
    conn.request("GET", "/login")
    response = conn.getresponse()
    page = response.read().decode()
    login_cookie = response.getheader("Set-Cookie", "").split(";", 1)[0]
    token = re.search(r'name="login_token" value="([^"]+)"', page)
    assert token and login_cookie.startswith("bsm_login=")
    conn.close()
    conn = connect()
    body = urllib.parse.urlencode(
        {"login_token": token.group(1), "username": "rita", "password": "rita-reviews-daily"}
    )
    conn.request(
        "POST",
        "/login",
        body,
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": login_cookie},
    )
    response = conn.getresponse()
    response.read()
    assert response.status == 303, response.status
    cookies = response.headers.get_all("Set-Cookie") or []
    conn.close()
    return [c for c in cookies if c.startswith("bsm_session=")]


async def test_session_cookie_is_secure_over_https_only(tmp_path: Path, sink: Sink) -> None:
    cert, key = make_certificate(tmp_path)
    for tls in (True, False):
        folder = tmp_path / ("tls" if tls else "plain")
        folder.mkdir()
        extra = f'tls_cert = "{cert}"\ntls_key = "{key}"\n' if tls else ""
        path = write_settings(folder / "bsm-relay.toml", folder, sink.url, extra=extra)
        settings = load_settings(str(path))
        store = await open_store(settings.store.url)
        await store.set_user("rita", hash_password("rita-reviews-daily"), "reviewer")
        await store.close()
        running = await start(settings, with_http=True)
        try:
            assert running.http_port is not None
            context = ssl.create_default_context(cafile=str(cert)) if tls else None
            [cookie] = await asyncio.to_thread(sign_in_cookies, running.http_port, context)
        finally:
            await running.stop(drain_seconds=2)
        flags = {part.strip().lower() for part in cookie.split(";")[1:]}
        assert "httponly" in flags and "samesite=strict" in flags and "path=/" in flags
        assert ("secure" in flags) is tls
