"""The store's interface: orders, the delivery ledger, review-request claims and SMTP users."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal, Protocol

from relay.model.types import Order, OrderContext


class StoreError(Exception):
    """The store cannot be reached or failed; the relay answers 451 and records nothing."""


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One message the upstream accepted."""

    message_id: str
    digest: str
    order_id: str | None
    buyer_alias: str | None
    sender: str
    sent_at: datetime
    review_request: bool
    proactive: bool
    upstream_reply: str


@dataclass(frozen=True, slots=True)
class SyncState:
    """Where the SP-API sync resumes and how its last runs went."""

    name: str
    cursor: datetime | None
    last_success_at: datetime | None
    last_failure_at: datetime | None
    last_error: str | None


Role = Literal["sender", "reviewer", "admin"]
ROLES: Final[tuple[Role, ...]] = ("sender", "reviewer", "admin")


@dataclass(frozen=True, slots=True)
class UserRecord:
    name: str
    password_hash: str
    role: Role


@dataclass(frozen=True, slots=True)
class IndexedEntry:
    """A quarantine entry as the store indexes it, for every relay sharing the store.

    `holder` names the relay (host) that quarantined it and `folder` its quarantine folder, so
    a console elsewhere can act on it from the stored message and still update that folder
    when it can reach it.
    """

    id: str
    state: str
    codes: tuple[str, ...]
    sender: str
    auth_user: str
    recipient: str
    subject: str
    marketplace: str
    order_id: str | None
    created_at: datetime
    updated_at: datetime
    holder: str
    folder: str
    record_json: str
    size: int


@dataclass(frozen=True, slots=True)
class AuditEvent:
    entry_id: str
    at: datetime
    actor: str
    action: str
    reason: str


OPEN: Final = "open"  # a state filter: held or rejected, what still waits for a decision


@dataclass(frozen=True, slots=True)
class EntryQuery:
    """The console's list filters; empty means any."""

    state: str = ""  # one state, OPEN, or "" for any
    rule: str = ""
    sender: str = ""
    marketplace: str = ""
    since: datetime | None = None
    until: datetime | None = None
    search: str = ""  # order id or a word of the subject
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True, slots=True)
class ConsoleSession:
    token_hash: str
    user: str
    role: Role
    csrf: str
    expires_at: datetime


class Store(Protocol):
    async def open(self) -> None:
        """Connect and create or migrate the schema; raise StoreError when unreachable."""

    async def close(self) -> None: ...

    async def ping(self) -> None:
        """Raise StoreError when the store is not reachable now."""

    async def lookup(
        self,
        order_id: str | None,
        buyer_alias: str | None,
        sender: str,
        now: datetime,
        *,
        message_id: str | None = None,
        digest: str | None = None,
    ) -> OrderContext:
        """Everything the order rules and the delivery need, in one round trip.

        `message_id` is this message's ledger key: its own earlier review claim (a retry after
        a failed delivery) does not count as "already requested". With `digest` too, the
        answer carries `previous_reply`: the upstream's reply if this exact message was
        delivered before, so the relay asks once.
        """

    async def upsert_orders(self, orders: list[Order], *, keep: Collection[str] = ()) -> int: ...

    async def get_order(self, order_id: str) -> Order | None: ...

    async def claim_review_request(self, order_id: str, message_id: str, at: datetime) -> bool:
        """Atomically claim the one review request of an order; False if already claimed."""

    async def release_review_request(self, order_id: str, message_id: str) -> None:
        """Undo a claim whose message was not delivered after all."""

    async def record_delivery(self, entry: LedgerEntry) -> None: ...

    async def deliveries_since(
        self, buyer_aliases: Collection[str], after: datetime, order_id: str | None = None
    ) -> list[LedgerEntry]:
        """Messages delivered to any of these buyer aliases after `after` (about `order_id`
        when given), oldest first."""

    async def set_user(self, name: str, password_hash: str, role: Role | None = None) -> None:
        """Add or update a user; an update without `role` keeps the user's role."""

    async def get_user(self, name: str) -> UserRecord | None: ...

    async def console_users(self) -> list[UserRecord]: ...

    async def get_user_hash(self, name: str) -> str | None: ...

    async def all_users(self) -> list[tuple[str, Role, datetime]]:
        """Every user, by name: name, role, last change."""

    async def delete_user(self, name: str) -> bool:
        """Remove a user and end their console sessions; False when there was none."""

    async def list_users(self) -> dict[str, str]:
        """Every SMTP user name with its password hash (loaded at start and on SIGHUP)."""

    async def user_stamps(self) -> dict[str, datetime]:
        """Every SMTP user name with the time its login last changed (password or unlock)."""

    async def touch_user(self, name: str) -> bool:
        """Mark a user changed now (`users unlock`); False if there is no such user."""

    async def order_locales(self, order_ids: Collection[str]) -> dict[str, str | None]:
        """The stored buyer locale of each of these orders that the store has."""

    async def newest_order_at(self) -> datetime | None: ...

    async def sync_state(self, name: str) -> SyncState | None: ...

    async def record_sync(
        self,
        name: str,
        *,
        cursor: datetime | None = None,
        success_at: datetime | None = None,
        failure_at: datetime | None = None,
        error: str | None = None,
    ) -> None: ...

    async def acquire_lease(self, name: str, holder: str, seconds: float) -> bool:
        """Take or renew a lease atomically; False while another live holder has it."""

    async def release_lease(self, name: str, holder: str) -> None: ...

    async def lease_holder(self, name: str) -> str | None:
        """Who holds `name` now (None when free or expired)."""

    # -- the review console: sessions, the quarantine index and its audit trail ----------

    async def create_session(self, session: ConsoleSession, now: datetime) -> None: ...

    async def get_session(self, token_hash: str, now: datetime) -> ConsoleSession | None: ...

    async def end_session(self, token_hash: str) -> None: ...

    async def index_entry(self, entry: IndexedEntry, raw: bytes, event: AuditEvent) -> None:
        """Index a quarantined message with its first audit event; again is a no-op."""

    async def get_entry(self, entry_id: str) -> IndexedEntry | None: ...

    async def entry_raw(self, entry_id: str) -> bytes | None: ...

    async def find_entries(self, query: EntryQuery) -> tuple[list[IndexedEntry], int]: ...

    async def entry_facets(self) -> tuple[list[str], list[str]]: ...

    async def change_state(
        self,
        entry_id: str,
        allowed: tuple[str, ...],
        state: str,
        event: AuditEvent,
        *,
        drop_raw: bool = False,
    ) -> bool:
        """Move an entry to `state` only from one of `allowed`, audited, atomically."""

    async def add_audit(self, event: AuditEvent) -> None: ...

    async def audit_trail(self, entry_id: str) -> list[AuditEvent]: ...
