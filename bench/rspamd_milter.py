"""A private rspamd with the admin's Amazon rule set (bench/rspamd/), for Postfix's milter.

Debian's rspamd package with its stock /etc/rspamd/rspamd.conf, as an admin would run it; only
`LOCAL_CONFDIR` points at a private copy of bench/rspamd/ (the rule set, every network check
off), and the database, run and log folders are private too. The workers listen on loopback
ports of our choosing: the proxy in milter mode (Postfix's `smtpd_milters`), the normal worker
that scans (the proxy's upstream, and the HTTP /checkv2 the evaluation uses), the controller.
Installs the package when missing (apt-get, as bench/postfix.py does for Postfix).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

RULES = Path(__file__).resolve().parent / "rspamd"
USER = "_rspamd"


@dataclass
class RspamdInstance:
    root: Path
    milter_port: int
    scan_port: int

    @property
    def pid(self) -> int | None:
        try:
            return int((self.root / "run" / "rspamd.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def cpu_seconds(self) -> float:
        """CPU seconds of rspamd's main process and every worker (hyperscan helper included)."""
        from bench.run import tree_cpu_seconds

        pid = self.pid
        return tree_cpu_seconds(pid) if pid else float("nan")

    def check(self, raw: bytes, timeout: float = 60.0) -> dict[str, object]:
        """Scan one message on the normal worker: rspamd's /checkv2 JSON (action, symbols)."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.scan_port}/checkv2", data=raw, method="POST"
        )
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            result: dict[str, object] = json.loads(resp.read())
        return result

    def stop(self) -> None:
        pid = self.pid
        if pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
                time.sleep(0.1)
        shutil.rmtree(self.root, ignore_errors=True)


def ensure_installed() -> str | None:
    """None when rspamd is available; otherwise why it is not."""
    if shutil.which("rspamd") or Path("/usr/bin/rspamd").exists():
        return None
    from bench.postfix import apt_install

    return apt_install("rspamd")


def _variables(root: Path) -> list[str]:
    return [
        f"--var=LOCAL_CONFDIR={root / 'local'}",
        f"--var=DBDIR={root / 'db'}",
        f"--var=RUNDIR={root / 'run'}",
        f"--var=LOGDIR={root / 'log'}",
    ]


def prepare(root: Path, milter_port: int, scan_port: int, controller_port: int) -> list[str]:
    """The private folders and config; returns rspamd's --var arguments."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(RULES, root / "local")
    for folder in ("db", "run", "log"):
        (root / folder).mkdir(parents=True)
    override = root / "local" / "override.d"
    (override / "worker-normal.inc").write_text(f'bind_socket = "127.0.0.1:{scan_port}";\n')
    (override / "worker-controller.inc").write_text(
        f'bind_socket = "127.0.0.1:{controller_port}";\n'
    )
    (override / "worker-proxy.inc").write_text(
        f'bind_socket = "127.0.0.1:{milter_port}";\n'
        "milter = yes;\n"
        'upstream "local" {\n'
        "  default = yes;\n"
        f'  hosts = "127.0.0.1:{scan_port}";\n'
        "}\n"
    )
    # rspamd's workers run as _rspamd: every folder above ours must be passable
    for folder in (root, *root.parents):
        if folder != Path("/") and not folder.stat().st_mode & 0o001:
            folder.chmod(folder.stat().st_mode | 0o711)
    for dirpath, _, files in os.walk(root):
        shutil.chown(dirpath, USER)
        for name in files:
            shutil.chown(Path(dirpath) / name, USER)
    return _variables(root)


def configtest(root: Path) -> subprocess.CompletedProcess[str]:
    """`rspamadm configtest` of the rule set as prepared under root."""
    return subprocess.run(
        ["rspamadm", *_variables(root), "configtest", "-c", "/etc/rspamd/rspamd.conf"],
        capture_output=True,
        text=True,
        check=False,
    )


def start(root: Path, milter_port: int, scan_port: int, controller_port: int) -> RspamdInstance:
    """Configure and start the private rspamd; waits until it scans (hyperscan compiled)."""
    reason = ensure_installed()
    if reason is not None:
        raise RuntimeError(reason)
    variables = prepare(root, milter_port, scan_port, controller_port)
    instance = RspamdInstance(root, milter_port, scan_port)
    # rspamd daemonizes: its workers inherit the output, so it goes to a file, not a pipe
    # (a pipe would stay open as long as rspamd runs and the wait for its end would hang)
    with (root / "log" / "start.log").open("wb") as output:
        done = subprocess.run(
            [
                "rspamd",
                *variables,
                "-c",
                "/etc/rspamd/rspamd.conf",
                "-u",
                USER,
                "-g",
                USER,
                "-p",
                str(root / "run" / "rspamd.pid"),
            ],
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            check=False,
        )
    if done.returncode != 0:
        said = (root / "log" / "start.log").read_text(errors="replace").strip()
        raise RuntimeError(f"rspamd exited with {done.returncode}: {said[-400:]}")
    deadline = time.monotonic() + 60
    while True:
        try:
            instance.check(b"Subject: warm-up\r\n\r\nwarm-up\r\n", timeout=5)
            break
        except OSError:
            if time.monotonic() > deadline:
                instance.stop()
                raise RuntimeError("rspamd does not answer on its scan port after 60 s") from None
            time.sleep(0.2)
    _wait_hyperscan(root, deadline)
    return instance


def _wait_hyperscan(root: Path, deadline: float) -> None:
    """The first scans run on PCRE until the hyperscan helper has compiled every class; the
    bench measures the steady state, so it waits until the helper says it is done."""
    log = root / "log" / "rspamd.log"
    while time.monotonic() < deadline:
        try:
            text = log.read_text(errors="replace")
        except OSError:
            text = ""
        if any(
            "(normal)" in line and "hyperscan database" in line and "loaded" in line
            for line in text.splitlines()
        ):
            return
        time.sleep(0.2)
