"""One quarantine for every relay: two `bsm-relay serve` with separate quarantine folders and
one `bsm-relay console`, all on one PostgreSQL schema. The console lists and releases an entry
held by each relay; the release goes out through the console's upstream, once."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Sink, write_settings
from tests.console_support import Client, Served, add_user, cli, run
from tests.runtime.test_smtp import ORDERS_CSV
from tests.store.conftest import PG_URL, drop_schema
from tests.test_console import held_id, listen_port, submit, wrong_name


def settings_for(folder: Path, sink: Sink, schema: str, policy_file: Path) -> Path:
    folder.mkdir()
    path = write_settings(
        folder / "bsm-relay.toml",
        folder,
        sink.url,
        smtp_extra='auth = "off"\nparse_processes = 0',
        extra=f'[policy]\nfiles = ["{policy_file}"]\n',
    )
    text = re.sub(
        r'\[store\]\nurl = "[^"]+"',
        f'[store]\nurl = "{PG_URL}"\nschema_name = "{schema}"',
        path.read_text(),
    )
    path.write_text(text)
    return path


@pytest.fixture
def schema() -> Iterator[str]:
    name = f"t_{uuid.uuid4().hex[:16]}"
    yield name
    asyncio.run(drop_schema(name))


def test_one_console_releases_entries_held_by_two_relays(
    tmp_path: Path, sink: Sink, schema: str
) -> None:
    policy_file = tmp_path / "hold.toml"
    policy_file.write_text('[rules.ATT002]\nseverity = "hold"\n', encoding="utf-8")
    first = settings_for(tmp_path / "relay-a", sink, schema, policy_file)
    second = settings_for(tmp_path / "relay-b", sink, schema, policy_file)
    console_settings = settings_for(tmp_path / "console", sink, schema, policy_file)
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS_CSV, encoding="utf-8")
    imported = cli(first, "orders", "import", str(orders))
    assert imported.returncode == 0, imported.stderr
    add_user(first, "rita", "rita-reviews-daily", "reviewer")

    processes: list[Served] = []
    try:
        for settings in (first, second):
            processes.append(
                run(settings, "serve", listen_port(settings, "http"), settings.parent / "log")
            )
        console = run(
            console_settings,
            "console",
            listen_port(console_settings, "http"),
            tmp_path / "console.log",
        )
        processes.append(console)
        # The console alone has no SMTP listener.
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", listen_port(console_settings, "smtp")), 5)

        held = {
            settings: held_id(submit(settings, wrong_name(f"<{n}@shop.example>", f"Foto {n}"))[1])
            for n, settings in enumerate((first, second))
        }
        for settings, entry_id in held.items():
            folder = settings.parent / "quarantine"
            assert list(folder.glob(f"*/{entry_id}.eml")), "each relay keeps its own folder"
        assert sink.messages == []

        client = Client(console.base)
        assert client.sign_in("rita", "rita-reviews-daily") == 303
        status, _, page = client.request("/quarantine")
        assert status == 200 and all(entry_id in page for entry_id in held.values())
        # Both at once, with one confirmation.
        token = client.csrf()
        chosen = [("csrf", token), ("action", "release")]
        chosen += [("ids", entry_id) for entry_id in held.values()]
        status, _, page = client.request("/quarantine/bulk", chosen)
        assert status == 200 and "Release 2 messages?" in page and sink.messages == []
        status, _, page = client.request("/quarantine/bulk", [*chosen, ("confirmed", "yes")])
        assert status == 200 and "Release: 2 done" in page
        assert len(sink.messages) == 2

        # Each relay's folder follows (this host reaches both), and neither relay nor the
        # console sends an entry twice.
        for settings, entry_id in held.items():
            record = json.loads(
                next((settings.parent / "quarantine").glob(f"*/{entry_id}.json")).read_text()
            )
            assert record["state"] == "released" and record["history"][-1]["by"] == "rita"
        again = cli(first, "quarantine", "release", held[second])
        assert again.returncode == 2 and "released" in again.stderr
        shown = cli(second, "quarantine", "show", held[first])
        assert shown.returncode == 0 and "released  by rita" in shown.stdout
        assert len(sink.messages) == 2
    finally:
        for process in processes:
            process.stop()
