"""SMTP AUTH users: argon2id password hashes in the store, checked from an in-memory copy.

aiosmtpd calls the authenticator synchronously on the event loop, so the users are loaded
into memory at start (and on SIGHUP), and a successful verification is remembered as an HMAC
of the password under a per-process key so that later logins do not pay argon2's cost.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import math
import secrets
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass

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

    def __contains__(self, name: object) -> bool:
        return name in self._hashes

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


@dataclass(frozen=True, slots=True)
class Lockout:
    """Why a login is refused now, and for how many more seconds."""

    scope: str  # "login" (this user from this address), "user" or "address"
    seconds: int

    @property
    def reply(self) -> str:
        what = {
            "login": "this login from this address",
            "user": "this login",
            "address": "this address",
        }[self.scope]
        return (
            f"454 4.7.0 too many failed logins for {what}, try again in {self.seconds} seconds"
        )


class LoginLockout:
    """Failed logins in a sliding window, counted per (address, user), per user and per
    address, so one person's typos do not lock out the other agents behind a shared address.

    A wrong password is counted once however often it is repeated: smtplib tries PLAIN, then
    LOGIN with the same password, and a helpdesk retries a stored wrong password. A guesser
    trying new passwords is counted for each.
    """

    def __init__(self, per_login: int, per_user: int, per_address: int, window: float) -> None:
        self.limits = {"login": per_login, "user": per_user, "address": per_address}
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._recent_passwords: dict[str, dict[bytes, float]] = {}
        self._key = secrets.token_bytes(32)

    @staticmethod
    def _keys(address: str, user: str) -> dict[str, str]:
        return {"login": f"{address}\0{user}", "user": f"\0{user}", "address": address}

    def _recent(self, key: str, now: float) -> deque[float] | None:
        failures = self._failures.get(key)
        if failures is None:
            return None
        while failures and now - failures[0] > self.window:
            failures.popleft()
        if not failures:
            del self._failures[key]
            return None
        return failures

    def locked(self, address: str, user: str) -> Lockout | None:
        now = time.monotonic()
        for scope, key in self._keys(address, user).items():
            failures = self._recent(key, now)
            limit = self.limits[scope]
            if failures is not None and len(failures) >= limit:
                # locked until enough of the failures leave the window
                until = failures[-limit] + self.window
                return Lockout(scope, max(1, math.ceil(until - now)))
        return None

    def failed(self, address: str, user: str, password: str, *, known_user: bool) -> None:
        now = time.monotonic()
        keys = self._keys(address, user)
        mac = hmac.new(self._key, password.encode(), hashlib.sha256).digest()
        seen = self._recent_passwords.setdefault(keys["login"], {})
        for old in [m for m, at in seen.items() if now - at > self.window]:
            del seen[old]
        if mac in seen:
            return  # the same wrong password again: one mistake, counted once
        if len(self._recent_passwords) >= _MAX_KEYS:
            self._recent_passwords.clear()
            self._recent_passwords[keys["login"]] = seen
        seen[mac] = now
        for scope, key in keys.items():
            if scope == "user" and not known_user:
                continue  # names that do not exist must not fill the table
            failures = self._recent(key, now)
            if failures is None:
                _prune(self._failures, now, self.window)
                failures = self._failures[key] = deque()
            failures.append(now)

    def succeeded(self, address: str, user: str) -> None:
        login = self._keys(address, user)["login"]
        self._failures.pop(login, None)
        self._recent_passwords.pop(login, None)

    def unlock(self, user: str) -> None:
        """`bsm-relay users unlock NAME`, or a new password: the user's lockouts end."""
        suffix = f"\0{user}"
        for key in [k for k in self._failures if k.endswith(suffix)]:
            del self._failures[key]
        for key in [k for k in self._recent_passwords if k.endswith(suffix)]:
            del self._recent_passwords[key]


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
