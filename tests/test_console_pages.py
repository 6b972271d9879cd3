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
from datetime import UTC, datetime
from pathlib import Path

from relay.config import load_settings
from relay.runtime.server import RunningRelay, start
from relay.store.base import EntryQuery
from relay.users import hash_password
from tests.conftest import Sink, write_settings
from tests.console_support import Client
from tests.runtime.test_smtp import _import_orders, compliant_reply, held_by_att002, send

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
    policy = tmp_path / "strict.toml"
    policy.write_text('[rules.ATT002]\nseverity = "hold"\n', encoding="utf-8")
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, extra=f'[policy]\nfiles = ["{policy}"]\n'
    )
    await _import_orders(path, tmp_path)
    running = await start(load_settings(str(path)), with_http=True)
    try:
        await running.relay.store.set_user("rita", hash_password(PASSWORD), "reviewer")
        await running.relay.store.set_user("ada", hash_password(PASSWORD), "admin")
        yield Console(running, f"http://127.0.0.1:{running.http_port}")
    finally:
        await running.stop(drain_seconds=2)


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
        assert "release_refused" in trail and "&lt;second@shop.example&gt;" in trail
        assert 'id="release-refused"' not in page.split('id="release-form"', 1)[0]
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
