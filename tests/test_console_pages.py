"""The console's pages over HTTP (a relay served in-process, a cookie-keeping client): what the
browser test does not reach. A refused release speaks to an agent beside the tick that answers
it; the 404 page links by the visitor's state; every route needs a session and every POST its
CSRF token; the list's filters, search, paging and columns as the page reads them."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from starlette.routing import Route

from relay.console.auth import Authenticator
from relay.console.web import PAGE_SIZE, create_app
from relay.runtime.server import RunningRelay
from relay.store import open_store
from relay.store.base import AuditEvent, EntryQuery, IndexedEntry
from relay.users import hash_password
from tests.conftest import Sink
from tests.console_support import Client
from tests.runtime.test_smtp import (
    compliant_reply,
    held_by_att002,
    holding_relay,
    send,
)

TEMPLATES = Path(__file__).resolve().parent.parent / "relay" / "console" / "templates"
PASSWORD = "rita-reviews-daily"


@dataclass
class Console:
    running: RunningRelay
    base: str

    async def call(
        self, client: Client, path: str, form: dict[str, str] | list[tuple[str, str]] | None = None
    ) -> tuple[int, dict[str, str], str]:
        # The relay serves on this loop: the blocking client runs beside it.
        return await asyncio.to_thread(client.request, path, form)

    async def signed_in(self, name: str = "rita") -> Client:
        client = Client(self.base)
        assert await asyncio.to_thread(client.sign_in, name, PASSWORD) == 303
        return client


@asynccontextmanager
async def console(tmp_path: Path, sink: Sink) -> AsyncIterator[Console]:
    async with holding_relay(tmp_path, sink, with_http=True) as (running, _path):
        await running.relay.store.set_user("rita", hash_password(PASSWORD), "reviewer")
        await running.relay.store.set_user("ada", hash_password(PASSWORD), "admin")
        yield Console(running, f"http://127.0.0.1:{running.http_port}")

def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, page[:500]
    return found.group(1)


def between(page: str, start: str, end: str) -> str:
    return page[page.index(start) : page.index(end, page.index(start))]


async def test_a_release_refused_over_a_newer_message_speaks_to_the_agent_beside_the_tick(
    tmp_path: Path, sink: Sink
) -> None:
    async with console(tmp_path, sink) as served:
        assert await send(served.running.smtp_port, held_by_att002("<first@shop.example>")) == {}
        [entry] = (await served.running.relay.store.find_entries(EntryQuery()))[0]
        await asyncio.sleep(0.01)
        # The writer's corrected version, sent again from the helpdesk, reaches the buyer.
        assert await send(served.running.smtp_port, compliant_reply("<second@shop.example>")) == {}
        delivered_at = datetime.now(UTC)
        rita = await served.signed_in()
        status, _, page = await served.call(rita, f"/quarantine/{entry.id}")
        assert status == 200
        # Before any click, the form says it as advice, not as a refusal.
        banner = between(page, 'id="newer"', "</p>")
        assert "probably the corrected version" in banner and "tick “send it as well”" in banner
        assert "again" not in banner and 'id="release-refused"' not in page
        status, _, page = await served.call(
            rita, f"/quarantine/{entry.id}/release", {"csrf": csrf_of(page)}
        )
        assert status == 409 and len(sink.messages) == 1
        # Nothing at the top of the page: the answer is in the release form, at the tick.
        assert 'id="problem"' not in page
        form = between(page, 'id="release-form"', "</form>")
        refusal = between(form, 'id="release-refused"', "</p>")
        assert form.index('id="release-refused"') < form.index('id="even-if-newer"')
        # For an agent: when the newer one went, that it is probably the corrected version,
        # what to tick and press. No Message-ID, no command-line flag.
        assert f"sent {delivered_at:%Y-%m-%d} at " in refusal
        assert "probably the corrected version" in refusal
        assert "tick “send it as well”" in refusal and "again" in refusal
        assert "second@shop.example" not in refusal and "&lt;second@" not in refusal
        assert "even-if-newer" not in refusal and "--" not in refusal
        # ...and the browser, sent back to the form by the action's fragment, shows it there.
        assert f'action="/quarantine/{entry.id}/release#release-form" id="release-form"' in page
        # The Message-ID stays in the details and in the audit trail.
        details = between(form, "<details>", "</details>")
        assert "&lt;second@shop.example&gt;" in details
        trail = between(page, 'id="audit"', "</table>")
        assert "release refused" in trail and "&lt;second@shop.example&gt;" in trail
        assert 'id="release-refused"' not in page.split('id="release-form"', 1)[0]
        # A bulk release says the same in an agent's words.
        chosen = [("csrf", csrf_of(page)), ("action", "release"), ("ids", entry.id)]
        status, _, done = await served.call(
            rita, "/quarantine/bulk", [*chosen, ("confirmed", "yes")]
        )
        assert status == 200 and "0 done, 1 refused" in done and len(sink.messages) == 1
        refused_line = between(done, f"<li>{entry.id}", "</li>")
        assert (
            "newer message" in refused_line and f"sent {delivered_at:%Y-%m-%d} at " in refused_line
        )
        assert "second@shop.example" not in done and "even-if-newer" not in done
        # Ticked, it goes.
        status, headers, _ = await served.call(
            rita,
            f"/quarantine/{entry.id}/release",
            {"csrf": csrf_of(page), "even_if_newer": "yes"},
        )
        assert status == 303 and len(sink.messages) == 2, headers


async def test_the_not_found_page_offers_what_fits_the_visitor(tmp_path: Path, sink: Sink) -> None:
    async with console(tmp_path, sink) as served:
        for client in (Client(served.base), Client(served.base)):
            status, _, page = await served.call(client, "/no/such/page")
            assert status == 404 and 'href="/login"' in page and "Sign in" in page
            assert "Back to the list" not in page and 'name="csrf"' not in page
        # A stale or forged cookie is no session: the visitor's page, nothing more.
        forged = Client(served.base)
        forged.set_session("not-a-session-token")
        status, _, page = await served.call(forged, "/no/such/page")
        assert status == 404 and "Sign in" in page and 'name="csrf"' not in page
        assert "rita" not in page
        rita = await served.signed_in()
        status, _, page = await served.call(rita, "/no/such/page")
        assert status == 404 and 'href="/quarantine"' in page and "Back to the list" in page
        assert 'href="/login"' not in page and "Sign in" not in page
        assert "rita · reviewer" in page  # signed in, and the page says so
        status, _, page = await served.call(rita, "/quarantine/x/release")  # GET on a POST route
        assert status == 405 and "Back to the list" in page and "Sign in" not in page


def test_every_form_that_posts_carries_a_token() -> None:
    for template in sorted(TEMPLATES.glob("*.html")):
        text = template.read_text(encoding="utf-8")
        for form in re.findall(r"<form\b[^>]*method=\"post\".*?</form>", text, re.S | re.I):
            token = "login_token" if template.name == "login.html" else "csrf"
            assert f'name="{token}"' in form, (template.name, form[:200])


async def test_every_route_needs_a_session_and_every_post_its_token(
    tmp_path: Path, sink: Sink
) -> None:
    open_routes = {"/healthz", "/metrics", "/", "/login"}
    async with console(tmp_path, sink) as served:
        assert await send(served.running.smtp_port, held_by_att002("<held@shop.example>")) == {}
        [entry] = (await served.running.relay.store.find_entries(EntryQuery()))[0]
        app = create_app(served.running.relay)
        routes = [r for r in app.routes if isinstance(r, Route) and r.path not in open_routes]
        assert len(routes) >= 9  # the list, bulk, a message, its attachment, actions, users
        anonymous, ada = Client(served.base), await served.signed_in("ada")
        for route in routes:
            path = route.path.replace("{entry_id}", entry.id).replace("{index:int}", "0")
            for method in sorted(route.methods or ()):
                if method == "HEAD":
                    continue
                if method == "GET":
                    status, headers, body = await served.call(anonymous, path)
                    assert status == 303 and headers["location"].startswith("/login"), path
                    assert body == "" and entry.id not in headers["location"][:6]
                    continue
                status, _, page = await served.call(anonymous, path, {"csrf": "x"})
                assert status == 401, (path, status)
                status, _, page = await served.call(ada, path, {"action": "delete"})
                assert status == 403 and "form expired" in page, (path, status)
                status, _, page = await served.call(ada, path, {"csrf": "forged"})
                assert status == 403 and "form expired" in page, (path, status)
        # Nothing happened to the entry, and the session still works.
        held = await served.running.relay.store.get_entry(entry.id)
        assert held is not None and held.state == "held"
        assert (await served.call(ada, "/quarantine"))[0] == 200
        assert sink.messages == []


def indexed(n: int, at: datetime, **changes: object) -> IndexedEntry:
    values: dict[str, object] = {
        "id": f"{at:%Y%m%d-%H%M%S}-{n:08x}",
        "state": "held",
        "codes": ("ATT002",),
        "sender": "support@shop.example",
        "auth_user": "helpdesk-anna",
        "recipient": "a1b2c3d4e5@marketplace.amazon.de",
        "subject": f"Ihre Bestellung Nummer {n}",
        "marketplace": "amazon.de",
        "order_id": "302-1234567-1234567",
        "created_at": at,
        "updated_at": at,
        "holder": "relay-a",
        "folder": "/nonexistent",
        "record_json": "{}",
        "size": 10,
    }
    values.update(changes)
    return IndexedEntry(**values)  # type: ignore[arg-type]


async def test_the_list_filters_searches_pages_and_names_the_login(
    tmp_path: Path, sink: Sink
) -> None:
    day = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    async with console(tmp_path, sink) as served:
        store = served.running.relay.store
        entries = [indexed(n, day + timedelta(minutes=n)) for n in range(PAGE_SIZE + 2)]
        entries.append(
            indexed(
                100,
                day + timedelta(days=1),
                sender="shop@other.example",
                auth_user="",
                marketplace="amazon.fr",
                recipient="z9y8x7w6v5@marketplace.amazon.fr",
                order_id="405-7654321-7654321",
                subject="Votre commande",
                state="rejected",
                codes=("CNT003",),
            )
        )
        for entry in entries:
            event = AuditEvent(entry.id, entry.created_at, "relay", entry.state, "")
            await store.index_entry(entry, b"raw", event)
        rita = await served.signed_in()

        async def ids(query: str) -> list[str]:
            status, _, page = await served.call(rita, "/quarantine" + query)
            assert status == 200, page[:300]
            return re.findall(r'<tr class="entry" data-id="([^"]+)"', page)

        newest = [e.id for e in reversed(entries)]
        assert await ids("") == newest[:PAGE_SIZE]  # newest first, one page
        assert await ids("?page=2") == newest[PAGE_SIZE:]
        _, _, page = await served.call(rita, "/quarantine?page=2")
        assert "Page 2 of 2" in page and 'rel="prev"' in page and 'rel="next"' not in page
        french = entries[-1].id
        assert await ids("?sender=other.example") == [french]
        assert await ids("?sender=helpdesk-anna&page=2") == newest[PAGE_SIZE + 1 :]
        assert await ids("?marketplace=amazon.fr") == [french]
        assert await ids("?rule=CNT003") == [french]
        assert await ids("?state=rejected") == [french]
        assert await ids("?q=405-7654321-7654321") == [french]  # search by order id
        assert await ids("?q=Nummer+3") == [entries[3].id]  # by subject
        assert await ids("?from=2026-11-21") == [french]
        assert await ids("?to=2026-11-20&page=2") == newest[PAGE_SIZE + 1 :]
        assert await ids("?from=2026-11-21&to=2026-11-21") == [french]
        assert await ids("?from=2026-11-22") == []
        # The columns: time, sender and its login, marketplace with the alias masked, subject,
        # order, the rule in plain words, state.
        _, _, page = await served.call(rita, "/quarantine?sender=helpdesk-anna&q=Nummer+3")
        row = between(page, f'data-id="{entries[3].id}"', "</tr>")
        assert "2026-11-20 09:03" in row and "support@shop.example" in row
        assert "login helpdesk-anna" in row and "amazon.de" in row
        assert "a1b***@marketplace.amazon.de" in row and "a1b2c3d4e5" not in row
        assert "Ihre Bestellung Nummer 3" in row and "302-1234567-1234567" in row
        assert "attachment extension" in row and ">held<" in row


async def test_failed_sign_ins_are_throttled_per_account_and_per_address(tmp_path: Path) -> None:
    store = await open_store(f"sqlite:///{tmp_path}/relay.db")
    try:
        for name in ("rita", "ada", "tom", "lea"):
            await store.set_user(name, hash_password(PASSWORD), "reviewer")
        auth = Authenticator(
            store, max_failures=3, max_failures_per_user=5, max_failures_per_address=8
        )
        # One account guessed from many addresses: locked wherever the next try comes from.
        for n in range(5):
            assert (await auth.sign_in("rita", f"guess {n}", f"198.51.100.{n}")).token is None
        locked = await auth.sign_in("rita", PASSWORD, "203.0.113.1")
        assert locked.token is None and locked.throttled and "Too many" in locked.refusal
        assert (await auth.sign_in("ada", PASSWORD, "203.0.113.1")).token is not None
        # Many accounts guessed from one address (none of them three times): that address
        # waits, even for an account it never got wrong...
        for n in range(8):
            name = ("ada", "tom", "nobody", "someone")[n % 4]
            assert (await auth.sign_in(name, f"wrong {n}", "192.0.2.7")).token is None
        assert (await auth.sign_in("lea", PASSWORD, "192.0.2.7")).throttled
        # ...and the same accounts from another address still sign in.
        assert (await auth.sign_in("lea", PASSWORD, "192.0.2.8")).token is not None
        assert (await auth.sign_in("tom", PASSWORD, "192.0.2.8")).token is not None
    finally:
        await store.close()
