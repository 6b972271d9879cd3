"""Helpers for the console tests: the installed `bsm-relay` run as a process, a plain HTTP
client that keeps cookies (for what a browser would not send: no session, no CSRF token)."""

from __future__ import annotations

import http.cookiejar
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import console_script


def cli(settings: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [console_script(), "--config", str(settings), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        check=False,
    )


def add_user(settings: Path, name: str, password: str, role: str) -> None:
    added = cli(
        settings, "users", "add", name, "--role", role, "--password-stdin", stdin=password + "\n"
    )
    assert added.returncode == 0, added.stderr


@dataclass
class Served:
    """A `bsm-relay serve` or `bsm-relay console` process and its HTTP port."""

    process: subprocess.Popen[bytes]
    http_port: int
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def run(settings: Path, command: str, http_port: int, log: Path) -> Served:
    handle = log.open("wb")
    process = subprocess.Popen(
        [console_script(), "--config", str(settings), command],
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    served = Served(process, http_port, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{command} ended: {log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(f"{served.base}/healthz", timeout=2):
                return served
        except urllib.error.HTTPError:
            return served  # answering, if not healthy
        except OSError:
            time.sleep(0.2)
    served.stop()
    raise AssertionError(f"{command} did not answer: {log.read_text(errors='replace')[-2000:]}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


@dataclass
class Client:
    """HTTP with a cookie jar and no redirects followed: what a script, not a browser, sends."""

    base: str
    jar: http.cookiejar.CookieJar = field(default_factory=http.cookiejar.CookieJar)

    def request(
        self, path: str, form: dict[str, str] | list[tuple[str, str]] | None = None
    ) -> tuple[int, dict[str, str], str]:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        data = None if form is None else urllib.parse.urlencode(form).encode()
        try:
            with opener.open(f"{self.base}{path}", data=data, timeout=30) as response:
                return (
                    response.status,
                    dict(response.headers),
                    response.read().decode(errors="replace"),
                )
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read().decode(errors="replace")

    def sign_in(self, name: str, password: str) -> int:
        _, _, page = self.request("/login")
        token = re.search(r'name="login_token" value="([^"]+)"', page)
        assert token, page
        status, _, _ = self.request(
            "/login", {"login_token": token.group(1), "username": name, "password": password}
        )
        return status

    def csrf(self, path: str = "/quarantine") -> str:
        status, _, page = self.request(path)
        assert status == 200, (status, page[:300])
        found = re.search(r'name="csrf" value="([^"]+)"', page)
        assert found, page[:500]
        return found.group(1)

    def set_session(self, value: str, host: str = "127.0.0.1") -> None:
        self.jar.set_cookie(
            http.cookiejar.Cookie(
                0,
                "bsm_session",
                value,
                None,
                False,
                host,
                False,
                False,
                "/",
                True,
                False,
                None,
                False,
                None,
                None,
                {},
            )
        )
