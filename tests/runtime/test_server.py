"""`bsm-relay serve` with several worker processes sharing the port (SO_REUSEPORT)."""

from __future__ import annotations

import asyncio
import signal
import smtplib
import ssl
import subprocess
import time
from pathlib import Path

import psutil
import pytest

from relay.config import load_settings
from tests.conftest import BUYER, SELLER, Sink, console_script, free_port, write_settings
from tests.reliability.test_open_relay import make_certificate
from tests.runtime.test_smtp import _import_orders, cli, compliant_reply, send
from tests.test_http import get, sample
from tests.test_policy_reload import Served


def test_workers_share_the_port_and_metrics_are_summed(tmp_path: Path, sink: Sink) -> None:
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url, smtp_extra='auth = "off"\nworkers = 2'
    )
    asyncio.run(_import_orders(path, tmp_path))
    settings = load_settings(str(path))
    log = tmp_path / "relay.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [console_script(), "--config", str(path), "serve"], stdout=out, stderr=subprocess.STDOUT
        )
    served = Served(process, log, settings.smtp.port)
    try:
        served.wait_for("worker_started", count=2)
        served.wait_for("listening", count=3, seconds=60)  # supervisor + two workers
        children = psutil.Process(process.pid).children(recursive=True)
        names = {c.pid: c.name() for c in children}
        # forked from one zygote, each worker with its parse process forked from it
        workers = [c for c in children if names[c.pid].startswith("bsm-worker-")]
        assert len(workers) == 2
        zygotes = [c for c in children if names[c.pid] == "bsm-zygote"]
        assert len(zygotes) == 1
        assert {w.ppid() for w in workers} == {zygotes[0].pid}
        parsers = [c for c in children if names[c.pid] == "bsm-parse"]
        assert {p.ppid() for p in parsers} == {w.pid for w in workers}

        async def scenario() -> str:
            for n in range(6):
                await send(settings.smtp.port, compliant_reply(f"<w-{n}@shop.example>"))
            http_port = int(settings.http.listen.rsplit(":", 1)[1])
            status, _, text = await get(http_port, "/metrics")
            assert status == 200
            health, _, _ = await get(http_port, "/healthz")
            assert health == 200
            return text

        text = asyncio.run(scenario())
        assert len(sink.messages) == 6
        assert sample(text, "bsm_relay_messages_total", action="deliver", code="250") == 6.0
        assert sample(text, "bsm_relay_quarantine_held") == 0.0
        served_by = {e.get("worker") for e in served.events("message")}
        assert served_by <= {0, 1} and served_by
        process.send_signal(signal.SIGHUP)
        served.wait_for("reloaded", count=3)
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
    assert code == 0
    assert not any(w.is_running() and w.status() != psutil.STATUS_ZOMBIE for w in workers)


def test_a_worker_that_dies_is_forked_again_with_the_policy_files_of_now(
    tmp_path: Path, sink: Sink
) -> None:
    """A worker killed hard is started again, forked from the same zygote, with its parse
    process; after a SIGHUP that changed the policy files, it reads them itself instead of
    taking the zygote's policy, which is the one from before."""
    policy = tmp_path / "seller.toml"
    policy.write_text('version = "seller-1"\n', encoding="utf-8")
    path = write_settings(
        tmp_path / "bsm-relay.toml",
        tmp_path,
        sink.url,
        smtp_extra='auth = "off"\nworkers = 2\nparse_processes = 1',
        extra=f'[policy]\nfiles = ["{policy}"]\n',
    )
    asyncio.run(_import_orders(path, tmp_path))
    settings = load_settings(str(path))
    log = tmp_path / "relay.log"
    process = _serve(path, log)
    served = Served(process, log, settings.smtp.port)
    try:
        served.wait_for("listening", count=3, seconds=60)
        tree = psutil.Process(process.pid)

        def named(prefix: str) -> list[psutil.Process]:
            return [c for c in tree.children(recursive=True) if c.name().startswith(prefix)]

        (zygote,) = named("bsm-zygote")
        policy.write_text('version = "seller-2"\n', encoding="utf-8")
        process.send_signal(signal.SIGHUP)
        served.wait_for("reloaded", count=3)
        (worker,) = [w for w in named("bsm-worker-") if w.name() == "bsm-worker-0"]
        worker.kill()
        served.wait_for("worker_died")
        started = served.wait_for("listening", count=4, seconds=60)
        assert started[-1]["policy_version"] == "seller-2"
        (again,) = [w for w in named("bsm-worker-") if w.name() == "bsm-worker-0"]
        assert again.pid != worker.pid and again.ppid() == zygote.pid
        deadline = time.monotonic() + 30
        while not [c for c in again.children() if c.name() == "bsm-parse"]:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        for n in range(4):
            asyncio.run(send(settings.smtp.port, compliant_reply(f"<again-{n}@shop.example>")))
        assert len(sink.messages) == 4
    finally:
        assert _stop(process) == 0


def _serve(path: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [console_script(), "serve", "--config", str(path)], stdout=out, stderr=subprocess.STDOUT
        )


def _stop(process: subprocess.Popen[bytes]) -> int:
    process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        raise


def test_implicit_tls_listener_with_the_same_auth_rules(tmp_path: Path, sink: Sink) -> None:
    cert, key = make_certificate(tmp_path)
    tls_port = free_port()
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url,
        smtp_extra=f'auth = "required"\ntls_cert = "{cert}"\ntls_key = "{key}"\n'
        f'tls_listen = "127.0.0.1:{tls_port}"',
    )  # fmt: skip
    asyncio.run(_import_orders(path, tmp_path))
    added = cli(path, "users", "add", "agent", "--password-stdin", stdin="correct horse battery\n")
    assert added.returncode == 0, added.stderr
    settings = load_settings(str(path))
    log = tmp_path / "relay.log"
    process = _serve(path, log)
    served = Served(process, log, settings.smtp.port)
    try:
        served.wait_for("listening")
        trusted = ssl.create_default_context(cafile=str(cert))
        with smtplib.SMTP_SSL("127.0.0.1", tls_port, context=trusted, timeout=30) as client:
            client.ehlo()
            assert client.has_extn("auth") and not client.has_extn("starttls")
            assert client.mail(SELLER)[0] == 530  # no message without signing in
            client.rset()
            with pytest.raises(smtplib.SMTPAuthenticationError):
                client.login("agent", "wrong password")
            client.login("agent", "correct horse battery")
            assert client.sendmail(SELLER, [BUYER], compliant_reply("<tls-1@shop.example>")) == {}
        assert len(sink.messages) == 1
        # the STARTTLS listener keeps its rule: no AUTH before TLS
        with smtplib.SMTP("127.0.0.1", settings.smtp.port, timeout=30) as plain:
            plain.ehlo()
            assert not plain.has_extn("auth") and plain.has_extn("starttls")
        assert served.events("listening")[0]["smtp_tls"] == f"127.0.0.1:{tls_port}"
    finally:
        code = _stop(process)
    assert code == 0


def test_auth_off_size_limit_and_a_port_in_use(tmp_path: Path, sink: Sink) -> None:
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url,
        smtp_extra='auth = "off"\nmax_message_bytes = 2000',
    )  # fmt: skip
    settings = load_settings(str(path))
    log = tmp_path / "relay.log"
    process = _serve(path, log)
    served = Served(process, log, settings.smtp.port)
    try:
        served.wait_for("listening")
        with smtplib.SMTP("127.0.0.1", settings.smtp.port, timeout=30) as client:
            client.ehlo()
            assert not client.has_extn("auth")  # nobody signs in: nothing to offer
            code, text = client.mail(SELLER, ["SIZE=5000"])
            assert (code, text) == (552, b"5.3.4 message exceeds 2000 bytes")
            client.rset()
            assert client.mail(SELLER)[0] == 250
            assert client.rcpt(BUYER)[0] == 250
            code, text = client.data(compliant_reply() + b"padding line\r\n" * 300)
            assert (code, text) == (552, b"5.3.4 message exceeds 2000 bytes")
        too_big = served.wait_for("message_too_big", count=2)
        assert too_big[0]["size"] == 5000 and too_big[1]["limit"] == 2000

        again = cli(path, "serve")
        assert again.returncode == 2
        assert again.stderr.strip() == (
            f"bsm-relay: smtp.listen: {settings.smtp.listen} is already in use "
            "(another bsm-relay or mail server?); stop it or choose another address"
        )
        other = write_settings(tmp_path / "other.toml", tmp_path, sink.url)
        text = other.read_text().replace(
            f'listen = "127.0.0.1:{load_settings(str(other)).http.listen.rsplit(":", 1)[1]}"',
            f'listen = "{settings.http.listen}"',
        )
        other.write_text(text)
        http_taken = cli(other, "serve")
        assert http_taken.returncode == 2
        assert f"http.listen: {settings.http.listen} is already in use" in http_taken.stderr
    finally:
        code = _stop(process)
    assert code == 0


def test_a_file_that_is_no_certificate_names_the_settings(tmp_path: Path, sink: Sink) -> None:
    (tmp_path / "cert.pem").write_text("not a certificate\n")
    (tmp_path / "key.pem").write_text("not a key\n")
    path = write_settings(
        tmp_path / "bsm-relay.toml", tmp_path, sink.url,
        smtp_extra=f'tls_cert = "{tmp_path / "cert.pem"}"\ntls_key = "{tmp_path / "key.pem"}"',
    )  # fmt: skip
    done = cli(path, "serve")
    assert done.returncode == 2
    assert done.stderr.startswith("bsm-relay: smtp.tls_cert, smtp.tls_key: ")
    assert "not a PEM certificate" in done.stderr and "Traceback" not in done.stderr
