"""A private Postfix instance on a loopback port, relaying everything to the sink.

Installs the Debian package when it is missing (apt-get update, then install; needs root).
The instance lives in its own directory (config, queue, data) and never touches the system
instance's queue; it is stopped and removed at the end of the bench.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

_MAIN_CF = """\
compatibility_level = 3.6
queue_directory = {root}/spool
data_directory = {root}/data
mail_owner = postfix
setgid_group = postdrop
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = bench-postfix.localdomain
mydomain = localdomain
myorigin = $myhostname
mydestination =
local_recipient_maps =
local_transport = error:local delivery is disabled
alias_maps =
alias_database =
relay_domains =
relayhost = [127.0.0.1]:{sink_port}
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
smtpd_recipient_restrictions = permit_mynetworks, reject
smtpd_client_connection_rate_limit = 0
smtpd_client_message_rate_limit = 0
message_size_limit = 52428800
mailbox_size_limit = 0
smtp_tls_security_level = none
smtpd_tls_security_level = none
smtp_connection_cache_on_demand = yes
default_destination_concurrency_limit = 20
in_flow_delay = 0
biff = no
maillog_file_prefixes = {root}
maillog_file = {root}/postfix.log
"""


@dataclass
class PostfixInstance:
    root: Path
    port: int

    @property
    def config_dir(self) -> Path:
        return self.root / "etc"

    def stop(self) -> None:
        subprocess.run(
            ["postfix", "-c", str(self.config_dir), "stop"], capture_output=True, check=False
        )
        time.sleep(0.5)
        shutil.rmtree(self.root, ignore_errors=True)
        current = subprocess.run(
            ["postconf", "-h", "alternate_config_directories"], capture_output=True, text=True
        ).stdout.split()
        if str(self.config_dir) in current:
            value = " ".join(d for d in current if d != str(self.config_dir))
            subprocess.run(
                ["postconf", "-e", f"alternate_config_directories = {value}"], check=False
            )

    def cpu_seconds(self) -> float:
        """CPU seconds of the instance's master and all its processes, the exited ones too."""
        from bench.run import tree_cpu_seconds

        try:
            pid = int((self.root / "spool" / "pid" / "master.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return float("nan")
        return tree_cpu_seconds(pid)

    def queue_size(self) -> int:
        spool = self.root / "spool"
        count = 0
        for sub in ("incoming", "active", "deferred", "maildrop"):
            folder = spool / sub
            if folder.is_dir():
                count += sum(len(files) for _, _, files in os.walk(folder))
        return count


def ensure_installed() -> str | None:
    """None when postfix is available; otherwise why it is not."""
    if shutil.which("postfix") or Path("/usr/sbin/postfix").exists():
        return None
    return apt_install("postfix")


def apt_install(package: str) -> str | None:
    """Installs a Debian package (apt-get update, then install); None when it worked."""
    if os.geteuid() != 0:
        return f"{package} is missing and installing it needs root (apt-get install {package})"
    if not shutil.which("apt-get"):
        return f"{package} is not installed and there is no apt-get to install it"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-q"],
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", package],
    ):
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0:
            return f"{' '.join(command)} failed: {done.stderr.strip()[-300:]}"
    return None


def _master_cf(port: int) -> str:
    """The system master.cf with every service unchrooted and smtpd on our loopback port."""
    lines = []
    for line in Path("/etc/postfix/master.cf").read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line[0].isspace():
            if line and line[0].isspace() and lines:
                lines.append(line)
            continue
        fields = line.split()
        if len(fields) < 8:
            continue
        if fields[1] == "inet":
            continue  # the system's port 25 / submission listeners
        fields[4] = "n"
        lines.append("  ".join(fields))
    lines.insert(0, f"127.0.0.1:{port} inet n - n - - smtpd")
    return "\n".join(lines) + "\n"


# rspamd as a milter: a scan error or timeout answers 4xx (the message stays with the sender),
# never accepts the message unchecked
_MILTER_CF = """\
smtpd_milters = inet:127.0.0.1:{milter_port}
non_smtpd_milters = $smtpd_milters
milter_default_action = tempfail
milter_protocol = 6
milter_mail_macros = i {{mail_addr}} {{client_addr}} {{client_name}} {{auth_authen}}
milter_command_timeout = 60s
milter_content_timeout = 120s
"""


def start(root: Path, port: int, sink_port: int, milter_port: int | None = None) -> PostfixInstance:
    """Configure and start the private instance; raises RuntimeError with postfix's words.

    With `milter_port`, every message passes the milter there (rspamd's proxy) before Postfix
    answers DATA."""
    reason = ensure_installed()
    if reason is not None:
        raise RuntimeError(reason)
    root.mkdir(parents=True, exist_ok=True)
    # postfix's daemons run as the postfix user: every folder above the queue must be passable
    for folder in (root, *root.parents):
        if folder != Path("/") and not folder.stat().st_mode & 0o001:
            folder.chmod(folder.stat().st_mode | 0o711)
    instance = PostfixInstance(root, port)
    etc = instance.config_dir
    etc.mkdir(exist_ok=True)
    (root / "data").mkdir(exist_ok=True)
    (root / "spool").mkdir(exist_ok=True)
    shutil.chown(root / "data", "postfix")
    main_cf = _MAIN_CF.format(root=root, sink_port=sink_port)
    if milter_port is not None:
        main_cf += _MILTER_CF.format(milter_port=milter_port)
    (etc / "main.cf").write_text(main_cf)
    (etc / "master.cf").write_text(_master_cf(port))
    # A non-default config directory must be declared in the default instance's main.cf.
    current = subprocess.run(
        ["postconf", "-h", "alternate_config_directories"], capture_output=True, text=True
    ).stdout.strip()
    if str(etc) not in current.split():
        value = f"{current} {etc}".strip()
        subprocess.run(["postconf", "-e", f"alternate_config_directories = {value}"], check=False)
    for command in (["postfix", "-c", str(etc), "check"], ["postfix", "-c", str(etc), "start"]):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            instance.stop()
            raise RuntimeError(
                f"{' '.join(command)}: {(done.stderr or done.stdout).strip()[-400:]}"
            )
    return instance
