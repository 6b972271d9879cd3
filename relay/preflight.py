"""Start-up checks of the files and folders the settings name.

A relay that cannot read its certificate or write its quarantine must not start and answer 451
to every held message: it stops at once with one line naming the setting, the path and the uid
it runs as (a container's uid 10001 is not the host user who wrote the files).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from relay.config import ConfigError, Settings


def _runs_as() -> str:
    return f"the relay runs as uid {os.getuid()}"


def require_readable(setting: str, path: str) -> None:
    try:
        with open(path, "rb"):
            pass
    except OSError as exc:
        raise ConfigError(
            f"{setting}: cannot read {path}: {exc.strerror or exc} ({_runs_as()})"
        ) from None


def require_writable(setting: str, path: Path, attempt: Callable[[], object]) -> None:
    """Run `attempt` (a write into the folder `setting` names); say what failed and where."""
    try:
        attempt()
    except OSError as exc:
        where = exc.filename or path
        raise ConfigError(
            f"{setting}: cannot write to {where}: {exc.strerror or exc} ({_runs_as()}; "
            "make the folder writable for that uid)"
        ) from None


def check_files(settings: Settings) -> None:
    """Every file the settings name is readable by this process."""
    smtp = settings.smtp
    for setting, path in (
        ("smtp.tls_cert", smtp.tls_cert),
        ("smtp.tls_key", smtp.tls_key),
        ("upstream.password_file", settings.upstream.password_file),
    ):
        if path:
            require_readable(setting, path)
