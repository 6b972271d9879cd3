"""The console's part of the store on real SQLite and PostgreSQL: roles, the quarantine index,
the audit trail, sessions, and the schema step from version 1."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, text

from relay.store import SqlStore
from relay.store.base import AuditEvent, ConsoleSession, EntryQuery, IndexedEntry
from relay.store.sql import SCHEMA_VERSION, schema_version
from tests.store.conftest import StoreFactory

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def entry(entry_id: str, minutes: int = 0, **changes: object) -> IndexedEntry:
    values: dict[str, object] = {
        "id": entry_id,
        "state": "held",
        "codes": ("ATT002",),
        "sender": "support@shop.example",
        "auth_user": "helpdesk",
        "recipient": "a1b2c3d4e5@marketplace.amazon.de",
        "subject": "Ihre Bestellung 302-1234567-1234567",
        "marketplace": "amazon.de",
        "order_id": "302-1234567-1234567",
        "created_at": NOW + timedelta(minutes=minutes),
        "updated_at": NOW + timedelta(minutes=minutes),
        "holder": "relay-a",
        "folder": "/var/quarantine",
        "record_json": "{}",
        "size": 10,
    }
    values.update(changes)
    return IndexedEntry(**values)  # type: ignore[arg-type]


def created(entry_id: str) -> AuditEvent:
    return AuditEvent(entry_id, NOW, "relay", "held", "ATT002")


async def test_a_version_1_store_gets_roles_and_the_new_tables(
    store_factory: StoreFactory,
) -> None:
    old = await store_factory()
    async with old.engine.begin() as conn:
        await conn.execute(text("DROP TABLE quarantine_entries"))
        await conn.execute(text("DROP TABLE quarantine_audit"))
        await conn.execute(text("DROP TABLE console_sessions"))
        await conn.execute(text("DROP TABLE users"))
        await conn.execute(
            text(
                "CREATE TABLE users (name VARCHAR(320) PRIMARY KEY, "
                "password_hash TEXT NOT NULL, updated_at TIMESTAMP NOT NULL)"
            )
        )
        await conn.execute(text("INSERT INTO users VALUES ('helpdesk', 'h', CURRENT_TIMESTAMP)"))
        await conn.execute(schema_version.delete())
        await conn.execute(schema_version.insert().values(version=1, migrated_at=NOW))
    await old.close()
    store = await store_factory()
    async with store.engine.connect() as conn:
        versions = (await conn.execute(select(schema_version.c.version))).scalars().all()
    assert sorted(versions) == [1, SCHEMA_VERSION] == [1, 2]
    user = await store.get_user("helpdesk")
    assert user is not None and user.role == "sender"
    assert await store.list_users() == {"helpdesk": "h"}
    await store.index_entry(entry("20261120-120000-00000001"), b"raw", created("x"))
    assert (await store.get_entry("20261120-120000-00000001")) is not None


async def test_roles_keep_console_users_out_of_smtp(store: SqlStore) -> None:
    await store.set_user("helpdesk", "h1")
    await store.set_user("rita", "h2", role="reviewer")
    await store.set_user("ada", "h3", role="admin")
    await store.set_user("rita", "h4")  # a new password keeps the role
    assert await store.list_users() == {"helpdesk": "h1"}
    assert [(u.name, u.role, u.password_hash) for u in await store.console_users()] == [
        ("ada", "admin", "h3"),
        ("rita", "reviewer", "h4"),
    ]


async def test_index_filters_pages_newest_first(store: SqlStore) -> None:
    await store.index_entry(entry("20261120-120000-0000000a", 0), b"a", created("a"))
    await store.index_entry(
        entry(
            "20261120-120100-0000000b",
            1,
            codes=("CNT003", "LNK001"),
            state="rejected",
            sender="shop@other.example",
            auth_user="",
            marketplace="amazon.fr",
            order_id=None,
            subject="Avis 100% garanti",
        ),
        b"b",
        created("b"),
    )
    await store.index_entry(entry("20261120-120200-0000000c", 2), b"c", created("c"))
    # Indexing the same entry again (a resend after a lost reply) changes nothing.
    await store.index_entry(entry("20261120-120200-0000000c", 2, state="x"), b"x", created("c"))

    async def ids(**query: object) -> list[str]:
        found, total = await store.find_entries(EntryQuery(**query))  # type: ignore[arg-type]
        assert total >= len(found)
        return [e.id[-1] for e in found]

    assert await ids() == ["c", "b", "a"]
    assert await ids(state="held") == ["c", "a"]
    assert await ids(state="open") == ["c", "b", "a"]
    assert await ids(state="released") == []
    assert await ids(rule="lnk001") == ["b"]
    assert await ids(rule="LNK") == []  # a whole code, not a prefix
    assert await ids(sender="OTHER") == ["b"]
    assert await ids(sender="helpdesk") == ["c", "a"]  # the AUTH user too
    assert await ids(marketplace="amazon.fr") == ["b"]
    assert await ids(search="302-1234567-1234567") == ["c", "a"]
    assert await ids(search="100%") == ["b"]
    assert await ids(search="_") == []
    assert await ids(since=NOW + timedelta(minutes=1)) == ["c", "b"]
    assert await ids(until=NOW + timedelta(minutes=1)) == ["a"]
    page, total = await store.find_entries(EntryQuery(offset=1, limit=1))
    assert [e.id[-1] for e in page] == ["b"] and total == 3
    assert await store.entry_raw("20261120-120200-0000000c") == b"c"
    codes, markets = await store.entry_facets()
    assert codes == ["ATT002", "CNT003", "LNK001"] and markets == ["amazon.de", "amazon.fr"]


async def test_state_changes_once_with_its_audit_event(store_factory: StoreFactory) -> None:
    first, second = await store_factory(), await store_factory()
    entry_id = "20261120-120000-0000000d"
    await first.index_entry(entry(entry_id), b"body", created(entry_id))
    release = AuditEvent(entry_id, NOW + timedelta(minutes=5), "rita", "release", "")
    assert await first.change_state(entry_id, ("held",), "released", release)
    # The same release from another host (or a double click) is refused, and not audited.
    assert not await second.change_state(entry_id, ("held",), "released", release)
    delete = AuditEvent(entry_id, NOW + timedelta(minutes=6), "ada", "delete", "duplicate")
    assert await second.change_state(
        entry_id, ("held", "released"), "deleted", delete, drop_raw=True
    )
    assert await first.entry_raw(entry_id) is None
    stored = await first.get_entry(entry_id)
    assert stored is not None and stored.state == "deleted"
    trail = await second.audit_trail(entry_id)
    assert [(e.actor, e.action, e.reason) for e in trail] == [
        ("relay", "held", "ATT002"),
        ("rita", "release", ""),
        ("ada", "delete", "duplicate"),
    ]


async def test_sessions_expire_end_and_follow_the_role(store: SqlStore) -> None:
    await store.set_user("rita", "h", role="reviewer")
    session = ConsoleSession("t" * 64, "rita", "reviewer", "c" * 32, NOW + timedelta(hours=8))
    await store.create_session(session, NOW)
    found = await store.get_session("t" * 64, NOW)
    assert found is not None and found.user == "rita" and found.csrf == "c" * 32
    assert await store.get_session("t" * 64, NOW + timedelta(hours=9)) is None
    await store.set_user("rita", "h", role="sender")
    demoted = await store.get_session("t" * 64, NOW)
    assert demoted is not None and demoted.role == "sender"
    await store.end_session("t" * 64)
    assert await store.get_session("t" * 64, NOW) is None


async def test_a_deleted_user_loses_every_console_session(store: SqlStore) -> None:
    await store.set_user("rita", "h", role="reviewer")
    await store.set_user("ada", "h", role="admin")
    for token, user in (("r" * 64, "rita"), ("s" * 64, "rita"), ("a" * 64, "ada")):
        session = ConsoleSession(token, user, "reviewer", "c" * 32, NOW + timedelta(hours=8))
        await store.create_session(session, NOW)
    assert await store.delete_user("rita") is True
    assert await store.get_session("r" * 64, NOW) is None
    assert await store.get_session("s" * 64, NOW) is None
    assert await store.get_session("a" * 64, NOW) is not None
    assert [name for name, _, _ in await store.all_users()] == ["ada"]
    assert await store.delete_user("rita") is False
