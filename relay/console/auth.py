"""Console sign-in: sessions kept in the store, CSRF tokens, throttled failed sign-ins.

The session cookie carries a random token; the store keeps only its SHA-256, so a copy of the
database signs nobody in. Sessions live in the store (not in a signed cookie) so that signing
out ends them everywhere and a console on another host knows them too. Every form carries the
session's CSRF token; the sign-in form, before any session, a token that must match a cookie
of its own (double submit).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final

from relay.store.base import ConsoleSession, Store
from relay.users import LoginLockout, UserDirectory

SESSION_COOKIE: Final = "bsm_session"
LOGIN_COOKIE: Final = "bsm_login"
SESSION_HOURS: Final = 8
CONSOLE_ROLES: Final = ("reviewer", "admin")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same(a: str, b: str) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(a.encode(), b.encode())


@dataclass(frozen=True, slots=True)
class SignIn:
    """The outcome of one sign-in attempt: the new session's cookie token, or why not."""

    token: str | None
    refusal: str = ""
    throttled: bool = False


class Authenticator:
    """Checks passwords of console users and opens, finds and ends their sessions."""

    def __init__(
        self,
        store: Store,
        *,
        max_failures: int = 5,
        max_failures_per_user: int = 20,
        max_failures_per_address: int = 50,
        window: float = 300.0,
    ) -> None:
        self.store = store
        # The SMTP edge's lockout: per (address, account), per account and per address, so a
        # reviewer's typos do not lock out colleagues behind the same office address, while
        # guessing one account from many addresses, or many from one, still meets a limit.
        self.throttle = LoginLockout(
            per_login=max_failures,
            per_user=max_failures_per_user,
            per_address=max_failures_per_address,
            window=window,
        )

    async def sign_in(self, name: str, password: str, address: str) -> SignIn:
        account = name.lower()
        locked = self.throttle.locked(address, account)
        if locked is not None:
            minutes = max(1, round(locked.seconds / 60))
            return SignIn(
                None,
                f"Too many failed sign-ins. Try again in about {minutes} minute(s).",
                throttled=True,
            )
        user = await self.store.get_user(name) if name else None
        directory = UserDirectory({user.name: user.password_hash} if user else {})
        # argon2 takes tens of milliseconds of CPU: off the loop that serves SMTP too.
        valid = await asyncio.to_thread(directory.verify, name, password)
        if not valid or user is None or user.role not in CONSOLE_ROLES:
            self.throttle.failed(address, account, password, known_user=user is not None)
            return SignIn(None, "Wrong user name or password, or no console access.")
        self.throttle.succeeded(address, account)
        token = new_token()
        now = datetime.now(UTC)
        await self.store.create_session(
            ConsoleSession(
                token_hash=token_hash(token),
                user=user.name,
                role=user.role,
                csrf=new_token(),
                expires_at=now + timedelta(hours=SESSION_HOURS),
            ),
            now,
        )
        return SignIn(token)

    async def session(self, token: str | None) -> ConsoleSession | None:
        """The live session of a cookie, if its user still has console access."""
        if not token or len(token) > 100:
            return None
        found = await self.store.get_session(token_hash(token), datetime.now(UTC))
        if found is None or found.role not in CONSOLE_ROLES:
            return None
        return found

    async def sign_out(self, token: str) -> None:
        await self.store.end_session(token_hash(token))
