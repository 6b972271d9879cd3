"""The client secret, the refresh token and every access token or RDT appear in no log line,
no error and no /healthz answer, over a whole sync and relay run (and a failing one)."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

from relay.config import ConfigError, load_settings
from tests.conftest import BUYER, Sink, console_script, write_settings
from tests.spapi.conftest import message, send
from tests.spapi.test_lookup import ENGRAVING
from tests.spapi_fake import CLIENT_SECRET, REFRESH_TOKEN, FakeSpapi


def run_cli(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [console_script(), "--config", str(path), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def secrets_of(fake: FakeSpapi) -> list[str]:
    issued = [*fake._access, *fake._rdts]  # every token the fake handed out
    assert issued, "the run obtained no token: the test would prove nothing"
    return [CLIENT_SECRET, REFRESH_TOKEN, *issued, *(t.split("|", 1)[1] for t in issued)]


def assert_clean(text: str, secrets: list[str], where: str) -> None:
    for secret in secrets:
        assert secret not in text, f"a secret appears in {where}"


async def test_no_secret_in_logs_errors_or_healthz_over_a_sync_and_a_relay_run(
    tmp_path: Path, sink: Sink, fake_spapi: FakeSpapi
) -> None:
    fake_spapi.add_orders(30)
    order = "302-7700002-7700002"
    fake_spapi.put_order(order, buyer_email=BUYER)
    secret_file = tmp_path / "refresh-token"
    secret_file.write_text(REFRESH_TOKEN + "\n")
    extra = fake_spapi.settings_toml(sync_interval=1, lease_seconds=3, retry_backoff=0.01)
    extra = extra.replace(
        f'refresh_token = "{REFRESH_TOKEN}"', f'refresh_token_file = "{secret_file}"'
    )
    path = write_settings(
        tmp_path / "bsm-relay.toml",
        tmp_path,
        sink.url,
        smtp_extra='auth = "off"\nparse_processes = 0',
        extra=extra,
    )
    outputs: list[tuple[str, str]] = []

    synced = await asyncio.to_thread(run_cli, path, "orders", "sync")
    assert synced.returncode == 0, synced.stderr
    outputs += [("sync stdout", synced.stdout), ("sync stderr", synced.stderr)]

    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        serve = subprocess.Popen(
            [console_script(), "--config", str(path), "serve"], stdout=out, stderr=subprocess.STDOUT
        )
    try:
        settings = load_settings(str(path))
        deadline = time.monotonic() + 60
        while b'"listening"' not in log.read_bytes():
            assert serve.poll() is None and time.monotonic() < deadline, log.read_text()
            await asyncio.sleep(0.1)
        raw = message(
            ENGRAVING.format(order=order),
            subject=f"Gravurtext zu Bestellung {order}",
            to=BUYER,
            message_id="<secret-run-1@shop.example>",
        )
        code, reply = await asyncio.to_thread(send, settings.smtp.port, raw, BUYER)
        assert code == 250, reply
        outputs.append(("SMTP reply", reply))
        # Amazon revokes the tokens and then goes down: the relay refreshes, fails, degrades.
        fake_spapi.expire_tokens()
        await asyncio.sleep(1.5)
        fake_spapi.outage = {op: 0 for op in fake_spapi.rates}
        await asyncio.sleep(3)
        url = f"http://127.0.0.1:{settings.http.listen.rsplit(':', 1)[1]}"
        with urllib.request.urlopen(f"{url}/healthz", timeout=10) as answer:
            health = answer.read().decode()
        assert json.loads(health)["checks"]["spapi"].startswith("degraded")
        outputs.append(("/healthz", health))
        with urllib.request.urlopen(f"{url}/metrics", timeout=10) as answer:
            outputs.append(("/metrics", answer.read().decode()))
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)
    outputs.append(("serve log", log.read_text()))
    assert '"sync_failed"' in outputs[-1][1]  # the failure was logged, with its reason

    # Errors: a refused client secret, and an unreachable token endpoint.
    fake_spapi.outage = {}
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(path.read_text().replace(CLIENT_SECRET, CLIENT_SECRET[::-1]))
    refused = await asyncio.to_thread(run_cli, wrong, "orders", "sync")
    assert refused.returncode == 2 and "invalid_client" in refused.stderr
    outputs += [("refused stderr", refused.stderr + refused.stdout)]
    secrets = [*secrets_of(fake_spapi), CLIENT_SECRET[::-1]]
    for where, text in outputs:
        assert_clean(text, secrets, where)


def test_no_secret_in_a_configuration_error(tmp_path: Path) -> None:
    path = tmp_path / "bsm-relay.toml"
    path.write_text(
        f'[spapi]\nclient_id = "x"\nclient_secret = "{CLIENT_SECRET}"\n'
        f'refresh_token = "{REFRESH_TOKEN}"\nendpoint = "https://sellingpartnerapi-eu.amazon.com"\n'
        'token_endpoint = "https://api.amazon.com/auth/o2/token"\nmarketplaces = []\n'
    )
    try:
        load_settings(str(path))
    except ConfigError as exc:
        message_text = str(exc)
    else:
        raise AssertionError("a [spapi] without marketplaces was accepted")
    assert "spapi" in message_text and "marketplaces" in message_text
    assert_clean(message_text, [CLIENT_SECRET, REFRESH_TOKEN], "the error")
    result = run_cli(path, "orders", "sync")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert_clean(result.stderr + result.stdout, [CLIENT_SECRET, REFRESH_TOKEN], "stderr")
    path.write_text(
        path.read_text().replace(
            "marketplaces = []", 'marketplaces = ["A1PA6795UKMFR9"]\nsync_intervall = 5'
        )
    )
    result = run_cli(path, "orders", "sync")
    assert result.returncode == 2 and "unknown key spapi.sync_intervall" in result.stderr
    path.write_text(path.read_text().replace("sync_intervall = 5\n", ""))
    settings = load_settings(str(path))
    assert_clean(
        repr(settings) + str(settings.model_dump()), [CLIENT_SECRET, REFRESH_TOKEN], "repr"
    )
