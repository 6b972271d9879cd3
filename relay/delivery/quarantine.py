"""The quarantine folder: held and rejected messages, each an .eml with a .json beside it.

Both files are written to a temporary name, fsync'd, renamed and the folder fsync'd before
the SMTP reply is sent. Files are owner-only. Ids are checked so none can leave the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import socket
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from relay.delivery.files import fsync_dir, write_then_rename

ID_PATTERN: Final = re.compile(r"^(\d{8})-(\d{6})-([0-9a-f]{8})$")
STATES: Final = ("held", "rejected", "released", "resent", "deleted")
_TMP_SUFFIX: Final = ".tmp"
# Temp files carry the host and process that write them: at start a relay removes the ones of
# its own host whose process is gone (a crash), and any older than this (shared storage).
_STALE_SECONDS: Final = 3600.0
_HOST: Final = re.sub(r"[^A-Za-z0-9_-]", "_", socket.gethostname())[:64] or "host"
# <root>/by-message/<hash of Message-ID + digest>: the id of the entry holding that message, so a
# client's resend (its reply was lost) is answered with the same entry instead of a second one
# that an operator might release a second time.
_INDEX_FOLDER: Final = "by-message"


class QuarantineError(Exception):
    """The quarantine could not store or find a message."""


@dataclass(frozen=True, slots=True)
class QuarantineEntry:
    id: str
    record: dict[str, Any]
    eml_path: Path

    @property
    def state(self) -> str:
        return str(self.record.get("state", ""))


def _now() -> datetime:
    return datetime.now(UTC)


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{_HOST}.{os.getpid()}.{secrets.token_hex(4)}{_TMP_SUFFIX}")
    write_then_rename(tmp, path, data)


class Quarantine:
    def __init__(self, root: Path) -> None:
        self.root = root

    def new_id(self, at: datetime) -> str:
        return f"{at:%Y%m%d-%H%M%S}-{secrets.token_hex(4)}"

    def _folder(self, quarantine_id: str) -> Path:
        match = ID_PATTERN.fullmatch(quarantine_id) if isinstance(quarantine_id, str) else None
        if match is None:
            raise QuarantineError(f"not a quarantine id: {quarantine_id!r}")
        day = match.group(1)
        return self.root / f"{day[:4]}-{day[4:6]}-{day[6:]}"

    def _index_path(self, message_key: str, digest: str) -> Path:
        name = hashlib.sha256(f"{message_key}\n{digest}".encode()).hexdigest()[:40]
        return self.root / _INDEX_FOLDER / name

    def find(self, message_key: str, digest: str) -> QuarantineEntry | None:
        """The entry already holding this exact message (same Message-ID and bytes), if any."""
        try:
            quarantine_id = self._index_path(message_key, digest).read_text("ascii").strip()
            entry = self.get(quarantine_id)
        except (OSError, UnicodeDecodeError, QuarantineError):
            return None
        return entry if entry.record.get("digest") == digest else None

    def _remember(self, message_key: str, digest: str, quarantine_id: str) -> None:
        """Best effort: without the index a resend only costs a second entry, as before."""
        path = self._index_path(message_key, digest)
        try:
            path.parent.mkdir(exist_ok=True, mode=0o700)
            _write_atomic(path, quarantine_id.encode("ascii"))
        except OSError:
            pass

    def put(
        self,
        raw: bytes,
        record: dict[str, Any],
        at: datetime | None = None,
        message_key: str | None = None,
    ) -> str:
        """Store a message durably and return its id. Raises OSError when the disk fails.

        With `message_key` (the ledger key) the entry is indexed by it and the message's
        digest (`record["digest"]`), for `find`."""
        at = at or _now()
        quarantine_id = self.new_id(at)
        folder = self._folder(quarantine_id)
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.mkdir(exist_ok=True, mode=0o700)
        record = {
            "id": quarantine_id,
            "received_at": at.isoformat(),
            **record,
            "history": [{"at": at.isoformat(), "state": record["state"], "by": "relay"}],
        }
        # The .eml first: a .json always has its message beside it.
        eml = folder / f"{quarantine_id}.eml"
        _write_atomic(eml, raw)
        try:
            _write_atomic(folder / f"{quarantine_id}.json", _dump(record))
            fsync_dir(folder)
            fsync_dir(self.root)
        except BaseException:
            # Not acknowledged: leave no half entry behind (the client will send it again).
            (folder / f"{quarantine_id}.json").unlink(missing_ok=True)
            eml.unlink(missing_ok=True)
            raise
        if message_key is not None and record.get("digest"):
            self._remember(message_key, str(record["digest"]), quarantine_id)
        return quarantine_id

    def get(self, quarantine_id: str) -> QuarantineEntry:
        folder = self._folder(quarantine_id)
        path = folder / f"{quarantine_id}.json"
        try:
            record = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise QuarantineError(f"no quarantined message {quarantine_id}") from None
        except (OSError, ValueError) as exc:
            raise QuarantineError(f"cannot read {path}: {exc}") from None
        return QuarantineEntry(quarantine_id, record, folder / f"{quarantine_id}.eml")

    def body(self, entry: QuarantineEntry) -> bytes:
        try:
            return entry.eml_path.read_bytes()
        except FileNotFoundError:
            raise QuarantineError(f"the body of {entry.id} is gone (state {entry.state})") from None

    def entries(self, state: str | None = None) -> list[QuarantineEntry]:
        found: list[QuarantineEntry] = []
        if not self.root.is_dir():
            return found
        for path in sorted(self.root.glob("????-??-??/*.json")):
            if not ID_PATTERN.fullmatch(path.stem):
                continue
            try:
                entry = self.get(path.stem)
            except QuarantineError:
                continue
            if state is None or entry.state == state:
                found.append(entry)
        return found

    def set_state(self, quarantine_id: str, state: str, by: str, note: str = "") -> QuarantineEntry:
        if state not in STATES:
            raise QuarantineError(f"unknown state {state!r}")
        entry = self.get(quarantine_id)
        record = dict(entry.record)
        record["state"] = state
        event = {"at": _now().isoformat(), "state": state, "by": by}
        if note:
            event["note"] = note
        record["history"] = [*record.get("history", []), event]
        folder = self._folder(quarantine_id)
        _write_atomic(folder / f"{quarantine_id}.json", _dump(record))
        fsync_dir(folder)
        return QuarantineEntry(quarantine_id, record, entry.eml_path)

    def delete(self, quarantine_id: str, by: str) -> QuarantineEntry:
        entry = self.set_state(quarantine_id, "deleted", by)
        entry.eml_path.unlink(missing_ok=True)
        fsync_dir(entry.eml_path.parent)
        return entry

    def clean_temporary(self) -> int:
        """Remove what a crash left behind: never acknowledged, so safe to drop.

        Temp files of this host whose writing process is gone, temp files older than an hour
        (another host's crash, on shared storage), and an .eml whose .json never appeared
        (a crash between the two renames) once it is an hour old. A temp file of a live
        process (another relay on this host) is left alone.
        """
        removed = 0
        if not self.root.is_dir():
            return removed
        now = time.time()
        candidates = [
            *self.root.glob(f".*{_TMP_SUFFIX}"),
            *self.root.glob(f"????-??-??/.*{_TMP_SUFFIX}"),
            *self.root.glob(f"{_INDEX_FOLDER}/.*{_TMP_SUFFIX}"),
        ]
        for path in candidates:
            if _stale_temporary(path, now):
                path.unlink(missing_ok=True)
                removed += 1
        for eml in self.root.glob("????-??-??/*.eml"):
            if eml.with_suffix(".json").exists():
                continue
            try:
                old = now - eml.stat().st_mtime > _STALE_SECONDS
            except FileNotFoundError:
                continue
            if old and ID_PATTERN.fullmatch(eml.stem):
                eml.unlink(missing_ok=True)
                removed += 1
        return removed

    def writable(self) -> None:
        """Raise OSError when the quarantine folder cannot take a file now."""
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        probe = self.root / f".probe.{_HOST}.{os.getpid()}.{secrets.token_hex(4)}{_TMP_SUFFIX}"
        probe.write_bytes(b"")
        probe.unlink()

    def size(self) -> int:
        return sum(1 for e in self.entries() if e.state == "held")


def pid_alive(pid: int) -> bool:
    """Whether another live process wrote a temporary file (ours from before a restart: no)."""
    if pid == os.getpid():
        return False  # our own leftovers from before a restart in the same process: stale
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stale_temporary(path: Path, now: float) -> bool:
    """`.<name>.<host>.<pid>.<random>.tmp`: stale when its process is gone or it is old."""
    parts = path.name[: -len(_TMP_SUFFIX)].split(".")
    try:
        age = now - path.stat().st_mtime
    except FileNotFoundError:
        return False
    if age > _STALE_SECONDS:
        return True
    if len(parts) >= 4 and parts[-3] == _HOST and parts[-2].isdigit():
        return not pid_alive(int(parts[-2]))
    # An older name without host and pid: nobody can still be writing it after a restart.
    return len(parts) < 4 or not parts[-2].isdigit()


def _dump(record: dict[str, Any]) -> bytes:
    return json.dumps(record, ensure_ascii=False, indent=2, sort_keys=False).encode("utf-8")
