"""SMTP AUTH users: argon2id password hashes in the store, checked from an in-memory copy.

aiosmtpd calls the authenticator synchronously on the event loop, so the users are loaded
into memory at start (and on SIGHUP), and a successful verification is remembered as an HMAC
of the password under a per-process key so that later logins do not pay argon2's cost.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Mapping

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


class UserDirectory:
    def __init__(self, hashes: Mapping[str, str] | None = None) -> None:
        self._hashes = dict(hashes or {})
        self._key = secrets.token_bytes(32)
        self._verified: dict[str, bytes] = {}

    def replace(self, hashes: Mapping[str, str]) -> None:
        self._hashes = dict(hashes)
        self._verified.clear()

    def __len__(self) -> int:
        return len(self._hashes)

    def _mac(self, name: str, password: str) -> bytes:
        return hmac.new(self._key, f"{name}\0{password}".encode(), hashlib.sha256).digest()

    def verify(self, name: str, password: str) -> bool:
        stored = self._hashes.get(name)
        if stored is None:
            # Spend the same time as a real check so that names cannot be probed by timing.
            with contextlib.suppress(VerificationError):
                _HASHER.verify(_DUMMY_HASH, password)
            return False
        mac = self._mac(name, password)
        known = self._verified.get(name)
        if known is not None and hmac.compare_digest(known, mac):
            return True
        try:
            _HASHER.verify(stored, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        self._verified[name] = mac
        return True


_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))


_MAX_KEYS = 10000


def _prune(table: dict[str, deque[float]], now: float, window: float) -> None:
    """Keep the tables bounded when many addresses come and go: drop expired keys first."""
    if len(table) < _MAX_KEYS:
        return
    for key in [k for k, q in table.items() if not q or now - q[-1] > window]:
        del table[key]
    if len(table) > _MAX_KEYS:
        for key in list(table)[: len(table) - _MAX_KEYS // 2]:
            del table[key]


class LoginThrottle:
    """Failed logins per client address in a sliding window."""

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[float]] = {}

    def _recent(self, address: str, now: float) -> deque[float] | None:
        failures = self._failures.get(address)
        if failures is None:
            return None
        while failures and now - failures[0] > self.window:
            failures.popleft()
        if not failures:
            del self._failures[address]
            return None
        return failures

    def blocked(self, address: str) -> bool:
        failures = self._recent(address, time.monotonic())
        return failures is not None and len(failures) >= self.limit

    def failed(self, address: str) -> None:
        now = time.monotonic()
        failures = self._recent(address, now)
        if failures is None:
            _prune(self._failures, now, self.window)
            failures = self._failures[address] = deque()
        failures.append(now)

    def succeeded(self, address: str) -> None:
        self._failures.pop(address, None)


class RateLimiter:
    """At most `limit` events per key per `window` seconds."""

    def __init__(self, limit: int, window: float = 60.0) -> None:
        self.limit = limit
        self.window = window
        self._events: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        events = self._events.get(key)
        if events is None:
            _prune(self._events, now, self.window)  # before the new, still empty, entry
            events = self._events[key] = deque()
        while events and now - events[0] > self.window:
            events.popleft()
        if len(events) >= self.limit:
            return False
        events.append(now)
        return True
