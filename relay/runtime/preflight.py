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


def sqlite_path(url: str) -> Path | None:
    """The database file of a `sqlite:///relative` or `sqlite:////absolute` URL."""
    if not url.startswith("sqlite:///"):
        return None
    name = url.removeprefix("sqlite:///").split("?", 1)[0]
    return Path(name) if name and name != ":memory:" else None


def require_writable_database(path: Path) -> None:
    """SQLite writes the file and its journal beside it: the file, or else the nearest folder
    that exists, must be writable (sqlite3 itself only says "unable to open database file")."""
    target = path
    while not target.exists() and target != target.parent:
        target = target.parent
    if not os.access(target, os.W_OK) or (target == path and not os.access(path.parent, os.W_OK)):
        denied = target if not os.access(target, os.W_OK) else path.parent
        raise ConfigError(f"store.url: cannot write to {denied}: Permission denied ({_runs_as()})")


def check_files(settings: Settings) -> None:
    """Every file the settings name is readable (or, for the SQLite store, writable)."""
    smtp = settings.smtp
    for setting, path in (
        ("smtp.tls_cert", smtp.tls_cert),
        ("smtp.tls_key", smtp.tls_key),
        ("upstream.password_file", settings.upstream.password_file),
    ):
        if path:
            require_readable(setting, path)
    database = sqlite_path(settings.store.url)
    if database is not None:
        require_writable_database(database)
