"""Deployment files, validated offline (no container engine, no systemd here)."""

from __future__ import annotations

import asyncio
import configparser
import fnmatch
import os
import shutil
import signal
import smtplib
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psutil
import pytest

from tests.conftest import BUYER, SELLER, Sink, console_script, free_port, make_message
from tests.runtime.test_smtp import ORDERS_CSV, compliant_reply
from tests.test_http import get
from tests.test_policy_reload import Served

ROOT = Path(__file__).resolve().parent.parent


def check_jsonschema() -> str:
    beside = Path(sys.executable).parent / "check-jsonschema"
    found = str(beside) if beside.exists() else shutil.which("check-jsonschema")
    assert found, "check-jsonschema (test extra) is not installed"
    return found


def test_compose_file_matches_the_compose_spec() -> None:
    done = subprocess.run(
        [check_jsonschema(), "--builtin-schema", "vendor.compose-spec", "docker-compose.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_compose_validation_can_fail(tmp_path: Path) -> None:
    broken = tmp_path / "docker-compose.yml"
    broken.write_text("services:\n  relay:\n    ports: 2525\n    restart: sometimes\n")
    done = subprocess.run(
        [check_jsonschema(), "--builtin-schema", "vendor.compose-spec", str(broken)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0


def test_dockerfile_runs_as_non_root_with_a_healthcheck() -> None:
    text = (ROOT / "deploy" / "Dockerfile").read_text()
    users = [line.split()[1] for line in text.splitlines() if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert "HEALTHCHECK" in text and "/healthz" in text


def test_the_image_is_built_with_langids_compiled_loops() -> None:
    """relay/model/_langid.c needs setup.py and a C compiler in the build stage (python:*-slim
    has none); the served image checks that the wheel came with the module."""
    text = (ROOT / "deploy" / "Dockerfile").read_text().replace("\\\n", " ")
    build, final = text.rsplit("\nFROM ", 1)
    copied = [w for line in build.splitlines() if line.startswith("COPY ") for w in line.split()]
    assert "setup.py" in copied
    installs = [line for line in build.splitlines() if "apt-get install" in line]
    assert installs and "gcc" in installs[0].split() and "libc6-dev" in installs[0].split()
    assert 'python -c "import relay.model._langid"' in final


def _unit() -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "deploy" / "bsm-relay.service")
    return parser


def test_systemd_unit_is_hardened() -> None:
    service = _unit()["Service"]
    assert service["User"] != "root"
    assert service["ExecStart"].endswith("bsm-relay serve")
    assert "HUP" in service["ExecReload"]
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "PrivateDevices": "yes",
        "RestrictSUIDSGID": "yes",
        "MemoryDenyWriteExecute": "yes",
    }.items():
        assert service.get(key) == value, key
    assert int(service["TimeoutStopSec"]) > 30  # longer than the relay's drain


def test_haproxy_example_sends_proxy_protocol_and_checks_health() -> None:
    text = (ROOT / "deploy" / "haproxy.cfg").read_text()
    assert "send-proxy-v2" in text
    assert "/healthz" in text
    assert "proxy_protocol_from" in text


def test_runbook_covers_the_operator_tasks() -> None:
    text = (ROOT / "docs" / "runbook.md").read_text().lower()
    for topic in ("helpdesk", "quarantine", "logs", "users add", "upgrade", "sighup", "/metrics"):
        assert topic in text, topic


# -- the compose stack, started as the image would start it (no container engine here) ---------

IMAGE_UID = 10001
IMAGE_HOME = "/var/lib/bsm-relay"


def _compose_relay() -> dict[str, Any]:
    from ruamel.yaml import YAML

    compose = YAML(typ="safe").load((ROOT / "docker-compose.yml").read_text())
    return dict(compose["services"]["relay"]), dict(compose)  # type: ignore[return-value]


def _dockerfile_env() -> dict[str, str]:
    """The final stage's ENV values (`ENV A=1 B=2` and `ENV A 1`), continuation lines joined."""
    text = (ROOT / "deploy" / "Dockerfile").read_text().replace("\\\n", " ")
    final = text.rsplit("\nFROM ", 1)[-1]
    env: dict[str, str] = {}
    for line in final.splitlines():
        if not line.startswith("ENV "):
            continue
        body = line[4:].split()
        if body and "=" not in body[0]:
            env[body[0]] = " ".join(body[1:])
            continue
        env.update(item.split("=", 1) for item in body)
    return env


def _dockerfile_python(mentioning: str) -> str:
    """The code of the Dockerfile's `RUN python -c "..."` line that mentions `mentioning`."""
    for line in (ROOT / "deploy" / "Dockerfile").read_text().splitlines():
        if line.startswith('RUN python -c "') and mentioning in line:
            return line.split('"', 2)[1]
    raise AssertionError(f"no RUN python -c line with {mentioning} in the Dockerfile")


def _image_folders() -> dict[str, tuple[int, int]]:
    """Folders the image creates with `install -d -o relay ... -m MODE PATH...`: (uid, mode)."""
    text = (ROOT / "deploy" / "Dockerfile").read_text().replace("\\\n", " ")
    folders: dict[str, tuple[int, int]] = {}
    for line in text.splitlines():
        words = line.split()
        if words[:3] != ["RUN", "install", "-d"]:
            continue
        owner, mode, paths = 0, 0o755, []
        rest = iter(words[3:])
        for word in rest:
            if word == "-o":
                owner = IMAGE_UID if next(rest) in ("relay", str(IMAGE_UID)) else 0
            elif word == "-g":
                next(rest)
            elif word == "-m":
                mode = int(next(rest), 8)
            elif word.startswith("/"):
                paths.append(word)
        folders.update((path, (owner, mode)) for path in paths)
    return folders


class ImageRoot:
    """A folder standing in for the container's file system: the image's home and folders,
    named volumes as Docker creates them (owner and mode of the image's folder at the mount
    point, else root's), secrets bind-mounted with the host files' owner and mode."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.relay, self.compose = _compose_relay()

    def inside(self, path: str) -> Path:
        return self.base / path.lstrip("/")

    def build(self, sink_url: str) -> dict[str, str]:
        home = self.inside(IMAGE_HOME)
        home.mkdir(parents=True)
        os.chown(home, IMAGE_UID, IMAGE_UID)
        home.chmod(0o700)
        folders = _image_folders()
        for volume in self.relay.get("volumes", []):
            _name, target = volume.split(":", 1)
            owner, mode = folders.get(target, (0, 0o755))
            path = self.inside(target)
            path.mkdir(parents=True, exist_ok=True)
            os.chown(path, owner, owner)
            path.chmod(mode)
        # deploy/make-dev-cert.sh as the README says: run by the host user (here root)
        deploy = self.base / "clone" / "deploy"
        deploy.mkdir(parents=True)
        shutil.copy(ROOT / "deploy" / "make-dev-cert.sh", deploy)
        made = subprocess.run(
            ["sh", str(deploy / "make-dev-cert.sh")], capture_output=True, text=True, timeout=120
        )
        assert made.returncode == 0, made.stderr
        secrets_dir = self.inside("/run/secrets")
        secrets_dir.mkdir(parents=True)
        for name in self.relay.get("secrets", []):
            source = self.compose["secrets"][name]["file"]
            (secrets_dir / name).symlink_to(deploy.parent / source)
        # STY003's word lists, built into the image by root and readable by all
        cache = self.inside(_dockerfile_env()["BSM_RELAY_CACHE_DIR"])
        cache.mkdir(parents=True)
        built = subprocess.run(
            [sys.executable, "-c", _dockerfile_python("wordlists")],
            env={**os.environ, "BSM_RELAY_CACHE_DIR": str(cache)},
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert built.returncode == 0, built.stderr
        subprocess.run(["chmod", "-R", "a+rX", str(cache)], check=True)
        return self.environment(sink_url)

    def environment(self, sink_url: str) -> dict[str, str]:
        env = {**_dockerfile_env(), **self.relay.get("environment", {})}
        for key, value in env.items():
            if value.startswith("/"):
                env[key] = str(self.inside(value))
        # stand-ins for the other services: a local SMTP sink for Mailpit, SQLite in the
        # relay's home for PostgreSQL; free loopback ports for the published ones
        env["BSM_RELAY_UPSTREAM__URL"] = sink_url
        env["BSM_RELAY_STORE__URL"] = f"sqlite:///{self.inside(IMAGE_HOME)}/relay.db"
        env["BSM_RELAY_SMTP__LISTEN"] = f"127.0.0.1:{free_port()}"
        env["BSM_RELAY_HTTP__LISTEN"] = f"127.0.0.1:{free_port()}"
        # This machine's Python lives under /root (mode 0700): a uid-10001 process gets it only
        # through setpriv's exec and cannot start it again, so the parse processes (a new
        # interpreter each) stay off here; the image's Python is in /usr/local, open to all.
        env["BSM_RELAY_SMTP__PARSE_PROCESSES"] = "0"
        env["PATH"] = os.environ.get("PATH", "/usr/bin:/bin")
        env["HOME"] = str(self.inside(IMAGE_HOME))
        return env

    def command(self, *args: str) -> list[str]:
        """The image's ENTRYPOINT with `args`, as uid 10001 (the Dockerfile's USER)."""
        return [
            "setpriv", "--reuid", str(IMAGE_UID), "--regid", str(IMAGE_UID), "--clear-groups",
            console_script(), *args,
        ]  # fmt: skip


@pytest.fixture
def image_root() -> Iterator[ImageRoot]:
    assert os.geteuid() == 0, "the uid-10001 start test needs root to switch user (setpriv)"
    base = Path(tempfile.mkdtemp(prefix="bsm-relay-image-", dir="/tmp"))
    base.chmod(0o755)
    try:
        yield ImageRoot(base)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_dockerignore_keeps_keys_and_state_out_but_not_what_the_build_copies() -> None:
    patterns = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for must in (".git", ".venv", "var", "deploy/*.pem"):
        assert must in patterns, must
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    copied = [
        source
        for line in dockerfile.splitlines()
        if line.startswith("COPY ") and "--from" not in line
        for source in line.split()[1:-1]
    ]
    assert "relay" in copied and "policies" in copied
    for source in copied:
        assert not any(fnmatch.fnmatch(source, p) for p in patterns), source


def test_compose_relay_starts_and_works_as_uid_10001(image_root: ImageRoot, sink: Sink) -> None:
    env = image_root.build(sink.url)
    home = image_root.inside(IMAGE_HOME)
    orders = home / "orders.csv"
    orders.write_text(ORDERS_CSV)

    def as_relay(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            image_root.command(*args), env=env, cwd=home, input=stdin,
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    imported = as_relay("orders", "import", str(orders))
    assert imported.returncode == 0, imported.stderr
    added = as_relay("users", "add", "agent", "--password-stdin", stdin="correct horse battery\n")
    assert added.returncode == 0, added.stderr
    log = image_root.base / "relay.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            image_root.command("serve"), env=env, cwd=home, stdout=out, stderr=subprocess.STDOUT
        )
    smtp_port = int(env["BSM_RELAY_SMTP__LISTEN"].rsplit(":", 1)[1])
    served = Served(process, log, smtp_port)
    try:
        served.wait_for("listening", seconds=90)
        assert psutil.Process(process.pid).uids().effective == IMAGE_UID
        http_port = int(env["BSM_RELAY_HTTP__LISTEN"].rsplit(":", 1)[1])
        status, _, body = asyncio.run(get(http_port, "/healthz"))
        assert status == 200, body

        tls = ssl.create_default_context(cafile=env["BSM_RELAY_SMTP__TLS_CERT"])
        tls.check_hostname = False
        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=30) as client:
            client.starttls(context=tls)
            client.login("agent", "correct horse battery")
            assert client.sendmail(SELLER, [BUYER], compliant_reply("<uid-1@shop.example>")) == {}
            coupon = make_message("Use code SAVE10 for 10% off at https://shop.example")
            with pytest.raises(smtplib.SMTPDataError) as refused:
                client.sendmail(SELLER, [BUYER], coupon)
        assert refused.value.smtp_code == 550, refused.value
        assert b"quarantine id" in refused.value.smtp_error
        # The buyer got the compliant message only; the writer gets a notice about the
        # rejected one, sent after the reply, so it may arrive a moment later.
        to_buyer = [m for m in sink.messages if BUYER in m.rcpt_tos]
        assert len(to_buyer) == 1 and b"uid-1@shop.example" in to_buyer[0].data
        deadline = time.monotonic() + 30
        while not any(SELLER in m.rcpt_tos for m in sink.messages):
            assert time.monotonic() < deadline, "no notice reached the writer"
            time.sleep(0.1)
        [notice] = [m for m in sink.messages if SELLER in m.rcpt_tos]
        assert b"Auto-Submitted: auto-generated" in notice.data
        assert len(sink.messages) == 2
        stored = list(Path(env["BSM_RELAY_QUARANTINE__DIR"]).glob("*/*.json"))
        assert len(stored) == 1 and stored[0].stat().st_uid == IMAGE_UID
    finally:
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=60)
    assert code == 0, log.read_text()


def test_a_denied_file_at_start_names_the_path_and_the_setting(
    image_root: ImageRoot, sink: Sink
) -> None:
    env = image_root.build(sink.url)
    home = image_root.inside(IMAGE_HOME)

    def serve() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            image_root.command("serve"), env=env, cwd=home, capture_output=True, text=True,
            timeout=120,
        )  # fmt: skip

    key = Path(env["BSM_RELAY_SMTP__TLS_KEY"]).resolve()
    key.chmod(0o600)  # what make-dev-cert.sh used to do
    done = serve()
    assert done.returncode == 2
    assert "smtp.tls_key" in done.stderr and env["BSM_RELAY_SMTP__TLS_KEY"] in done.stderr
    assert "Permission denied" in done.stderr and f"uid {IMAGE_UID}" in done.stderr
    key.chmod(0o644)

    quarantine = Path(env["BSM_RELAY_QUARANTINE__DIR"])
    os.chown(quarantine, 0, 0)  # a volume created root-owned
    quarantine.chmod(0o755)
    done = serve()
    assert done.returncode == 2
    assert "quarantine.dir" in done.stderr and str(quarantine) in done.stderr, done.stderr
    assert "Permission denied" in done.stderr
    assert "Traceback" not in done.stderr
    os.chown(quarantine, IMAGE_UID, IMAGE_UID)

    # a seller's policy file written by root with a private mode
    policy = image_root.inside("/etc/bsm-relay/seller.toml")
    policy.parent.mkdir(parents=True)
    policy.write_text('[rules.CNT004]\nseverity = "warn"\n')
    policy.chmod(0o600)
    env["BSM_RELAY_POLICY__FILES"] = f'["{policy}"]'
    done = serve()
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"bsm-relay: policy.files: cannot read {policy}: Permission denied "
        f"(the relay runs as uid {IMAGE_UID})"
    )
    del env["BSM_RELAY_POLICY__FILES"]

    # a SQLite store in a folder the relay may not write (sqlite3 only says "unable to open")
    root_owned = image_root.inside("/srv/relay-data")
    root_owned.mkdir(parents=True)
    env["BSM_RELAY_STORE__URL"] = f"sqlite:///{root_owned}/relay.db"
    done = serve()
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"bsm-relay: store.url: cannot write to {root_owned}: Permission denied "
        f"(the relay runs as uid {IMAGE_UID})"
    )
