"""Promise 6, secrets and privacy: argon2id password hashes; the upstream password read from a
file; the JSON log lines of a real relay process (a failed AUTH, a good one, a delivered and a
rejected message) never contain a password or a message body and show buyer aliases masked;
quarantine files are owner-only and ids cannot leave the folder.
"""

from __future__ import annotations

import asyncio
import json
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from relay.config import load_settings
from relay.delivery.quarantine import Quarantine, QuarantineError
from relay.store import open_store
from tests.conftest import BUYER, SELLER, SinkHandler, console_script, free_port
from tests.reliability.conftest import (
    compliant,
    import_orders,
    rejected,
    settings_file,
    smtp_send,
    spawn_relay,
)

USER_PASSWORD = "Hunter2-user-passphrase-5e1f"
WRONG_PASSWORD = "Wrong-guess-passphrase-77aa"
UPSTREAM_PASSWORD = "Upstream-secret-9c0d1e"
BODY_CANARY = "BODY-CANARY-3b7f9e"


class AuthSink(SinkHandler):
    """The upstream wants AUTH; it remembers the credentials it was given."""

    logins: list[tuple[str, str]]

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any
    ) -> AuthResult:
        assert isinstance(data, LoginPassword)
        self.logins.append((data.login.decode(), data.password.decode()))
        return AuthResult(success=data.password.decode() == UPSTREAM_PASSWORD)


def test_logs_of_a_real_session_hold_no_secret_no_body_and_masked_aliases(tmp_path: Path) -> None:
    handler = AuthSink(data_reply=f"250 2.0.0 queued for {BUYER} as Q1")
    handler.logins = []
    # data_reply is the reply for every message: record them anyway.
    original = handler.handle_DATA

    async def accept(server: Any, session: Any, envelope: Any) -> str:
        handler.data_reply = None
        await original(server, session, envelope)
        handler.data_reply = f"250 2.0.0 queued for {BUYER} as Q1"
        return handler.data_reply

    handler.handle_DATA = accept  # type: ignore[method-assign]
    port = free_port()
    controller = Controller(
        handler, hostname="127.0.0.1", port=port, authenticator=handler.authenticate,
        auth_require_tls=False,
    )  # fmt: skip
    controller.start()
    try:
        secret_file = tmp_path / "upstream-password"
        secret_file.write_text(UPSTREAM_PASSWORD + "\n", encoding="utf-8")
        secret_file.chmod(0o600)
        settings = settings_file(
            tmp_path,
            f"smtp://127.0.0.1:{port}",
            smtp='auth = "required"',
        )
        text = settings.read_text(encoding="utf-8").replace(
            "[upstream]\n", f'[upstream]\nusername = "relay"\npassword_file = "{secret_file}"\n'
        )
        settings.write_text(text, encoding="utf-8")
        asyncio.run(import_orders(settings))
        added = subprocess.run(
            [console_script(), "--config", str(settings), "users", "add", "helpdesk",
             "--password-stdin"],
            input=USER_PASSWORD + "\n", capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        assert USER_PASSWORD not in added.stdout + added.stderr

        async def stored_hash() -> str | None:
            store = await open_store(load_settings(str(settings)).store.url)
            try:
                return await store.get_user_hash("helpdesk")
            finally:
                await store.close()

        hashed = asyncio.run(stored_hash())
        assert hashed is not None and hashed.startswith("$argon2id$")
        assert USER_PASSWORD not in hashed

        process = spawn_relay(settings, tmp_path / "relay.log")
        try:
            wrong = smtp_send(process.port, b"", login=("helpdesk", WRONG_PASSWORD))
            assert wrong.code == 535
            body = compliant("<privacy-1@shop.example>", body_extra=BODY_CANARY)
            good = smtp_send(process.port, body, login=("helpdesk", USER_PASSWORD))
            assert good.code == 250, good
            bad = smtp_send(
                process.port,
                rejected("<privacy-2@shop.example>"),
                login=("helpdesk", USER_PASSWORD),
            )
            assert bad.code == 550
        finally:
            process.proc.terminate()
            assert process.proc.wait(timeout=20) == 0
        # The upstream got the password from the file.
        assert ("relay", UPSTREAM_PASSWORD) in handler.logins
        assert len(handler.messages) == 1

        raw_log = (tmp_path / "relay.log").read_text(encoding="utf-8")
        stderr = (tmp_path / "relay.stderr").read_text(encoding="utf-8")
        assert stderr == ""  # everything goes through the JSON log on stdout
        lines = [json.loads(line) for line in raw_log.splitlines() if line.strip()]
        assert lines and all({"event", "timestamp", "level"} <= set(line) for line in lines)
        for secret in (USER_PASSWORD, WRONG_PASSWORD, UPSTREAM_PASSWORD, BODY_CANARY):
            assert secret not in raw_log, secret
        assert "Sendungsverfolgung" not in raw_log  # no body text at all
        assert BUYER not in raw_log  # the alias only masked...
        assert "a1b***@marketplace.amazon.de" in raw_log  # ...and it is there, masked
        assert any(line["event"] == "login_failed" for line in lines)
        messages = [line for line in lines if line["event"] == "message"]
        assert len(messages) == 2
        for line in messages:
            for key in ("message_id", "session_id", "order_id", "action", "codes",
                        "quarantine_id", "upstream_reply", "duration_ms"):  # fmt: skip
                assert key in line, key
        delivered = next(line for line in messages if line["action"] == "deliver")
        assert "a1b***@marketplace.amazon.de" in str(delivered["upstream_reply"])

        # Quarantine: owner-only files and folders.
        for path in (tmp_path / "quarantine").rglob("*"):
            mode = stat.S_IMODE(path.stat().st_mode)
            assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    finally:
        controller.stop()


@pytest.mark.parametrize(
    "bad_id",
    [
        "../../../etc/passwd",
        "20261120-120000-abcdef01/../../x",
        "20261120-120000-abcdef01\n",
        "/etc/passwd",
        "20261120-120000-ABCDEF01",
        "20261120-120000-abcdef0",
        "",
    ],
)
def test_quarantine_ids_cannot_escape_the_folder(tmp_path: Path, bad_id: str) -> None:
    quarantine = Quarantine(tmp_path / "q")
    good = quarantine.put(b"From: a@b\r\n\r\nhi\r\n", {"state": "held"})
    assert quarantine.get(good).id == good
    with pytest.raises(QuarantineError):
        quarantine.get(bad_id)
    with pytest.raises(QuarantineError):
        quarantine.set_state(bad_id, "deleted", "mallory")


def test_cli_refuses_an_escaping_quarantine_id(tmp_path: Path) -> None:
    settings = settings_file(tmp_path, "maildir:" + str(tmp_path / "outbox"))
    victim = tmp_path / "victim.json"
    victim.write_text('{"state": "held"}', encoding="utf-8")
    for command in ("show", "delete"):  # release goes through the same id check
        result = subprocess.run(
            [console_script(), "--config", str(settings), "quarantine", command, "../../victim"],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert result.returncode == 2, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    assert victim.read_text(encoding="utf-8") == '{"state": "held"}'


def test_log_masking_of_text_and_secrets() -> None:
    from relay.logs import _mask_fields

    event = _mask_fields(
        None,
        "error",
        {
            "event": "upstream_failed",
            "detail": f"550 5.1.1 <{BUYER}>: Recipient address rejected",
            "store": "postgresql://relay:dbsecret@db:5432/relay",
            "upstream_password": "pw",
            "rcpt_tos": [BUYER, "boss@shop.example"],
            "nested": {"password": "pw", "to": BUYER},
            "mail_from": SELLER,
        },
    )
    dumped = json.dumps(event)
    assert BUYER not in dumped and "dbsecret" not in dumped and '"pw"' not in dumped
    assert "a1b***@marketplace.amazon.de" in dumped and SELLER in dumped
