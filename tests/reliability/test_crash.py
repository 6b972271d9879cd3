"""Promise 1, "a 250 means safe": kill -9 a real relay process at random points during and
after DATA, restart it, and check that every message the client saw a 2xx for is at the
upstream or complete in quarantine, every 5xx is in quarantine, and everything else was
answered 4xx or not at all, so that the client's retry (done here after the last restart)
gets it through. Temp files a crash leaves behind are gone after the restart.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import random
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from relay.delivery.quarantine import _HOST
from tests.conftest import BUYER, SELLER, SOAK, Sink
from tests.reliability.conftest import (
    Reply,
    compliant,
    held,
    import_orders,
    message_id_of,
    rejected,
    settings_file,
    smtp_send,
    spawn_relay,
    with_attachment,
)

UNLIMITED = 'auth = "off"\nmessages_per_minute_per_user = 100000'


def crash_settings(tmp: Path, upstream_url: str) -> Path:
    """No rate cap: the last relay takes every retry at once."""
    return settings_file(tmp, upstream_url, smtp=UNLIMITED)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * (1024 * 1024)


def build(index: int) -> bytes:
    message_id = f"<crash-{index}@shop.example>"
    kind = index % 6
    if kind == 3:
        return held(message_id)
    if kind == 4:
        return rejected(message_id)
    if kind == 5:
        # 1 MB: a longer upload, a longer fsync.
        return with_attachment(compliant(message_id), "foto.png", "image/png", PNG)
    return compliant(message_id)


@dataclass
class Ledger:
    """What the client saw, per message: every reply, in order (None: no answer)."""

    messages: dict[str, bytes] = field(default_factory=dict)
    replies: dict[str, list[int | None]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, raw: bytes, reply: Reply) -> None:
        key = message_id_of(raw)
        assert key is not None
        with self.lock:
            self.messages[key] = raw
            self.replies.setdefault(key, []).append(reply.code)

    def final(self, key: str) -> int | None:
        return self.replies[key][-1]

    def pending(self) -> list[str]:
        """Not settled for the client: no answer or a 4xx, so it must be sent again."""
        return [
            k
            for k, codes in self.replies.items()
            if codes[-1] is None or (codes[-1] < 500 and codes[-1] >= 400)
        ]


# The suite runs a bounded slice of the kill loops (every kill is a relay start, ~6 s);
# BSM_RELAY_SOAK=1 (tests.conftest.SOAK) runs the long ones, CRASH_SEED=N other kill times.

def slow_send(port: int, raw: bytes, pause: float) -> Reply:
    """Upload DATA in 16 chunks with pauses: a kill lands in the middle of the upload."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            stream = sock.makefile("rb")

            def reply() -> int | None:
                while True:
                    line = stream.readline()
                    if not line:
                        return None
                    if line[3:4] != b"-":
                        return int(line[:3])

            if reply() != 220:
                return Reply(None)
            for command in (
                b"EHLO c",
                f"MAIL FROM:<{SELLER}>".encode(),
                f"RCPT TO:<{BUYER}>".encode(),
            ):
                sock.sendall(command + b"\r\n")
                code = reply()
                if code is None or code >= 400:
                    return Reply(code)
            sock.sendall(b"DATA\r\n")
            if reply() != 354:
                return Reply(None)
            step = max(1, len(raw) // 16)
            for start in range(0, len(raw), step):
                sock.sendall(raw[start : start + step])
                time.sleep(pause)
            sock.sendall(b"\r\n.\r\n" if not raw.endswith(b"\r\n") else b".\r\n")
            return Reply(reply())
    except OSError:
        return Reply(None)


def run_clients(
    port: int, ledger: Ledger, counter: itertools.count, stop: threading.Event
) -> list[threading.Thread]:  # type: ignore[type-arg]
    def fast() -> None:
        while not stop.is_set():
            raw = build(next(counter))
            ledger.record(raw, smtp_send(port, raw, timeout=20))

    def slow() -> None:
        while not stop.is_set():
            raw = build(next(counter))
            ledger.record(raw, slow_send(port, raw, pause=0.02))

    threads = [threading.Thread(target=f, daemon=True) for f in (fast, fast, fast, slow)]
    for thread in threads:
        thread.start()
    return threads


def temp_files(tmp: Path) -> list[Path]:
    quarantine = tmp / "quarantine"
    found = [*quarantine.glob(".*.tmp"), *quarantine.glob("*/.*.tmp")]
    found += [p for p in (tmp / "outbox" / "tmp").glob("*")] if (tmp / "outbox").exists() else []
    return found


def dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def plant_crash_leftovers(tmp: Path) -> list[Path]:
    """What a kill during a write leaves: a temp file of a dead process (quarantine, maildir)."""
    day = tmp / "quarantine" / "2026-11-20"
    day.mkdir(parents=True, exist_ok=True)
    planted = [day / f".20261120-120000-0badf00d.eml.{_HOST}.{dead_pid()}.1234abcd.tmp"]
    if (tmp / "outbox").exists():
        (tmp / "outbox" / "tmp").mkdir(parents=True, exist_ok=True)
        planted.append(tmp / "outbox" / "tmp" / f"{time.time_ns()}.0badf00d.{dead_pid()}.{_HOST}")
    for path in planted:
        path.write_bytes(b"half a message")
    return planted


def quarantined(tmp: Path) -> dict[str, list[dict[str, object]]]:
    """Message-ID -> the complete quarantine entries (json parses, eml beside it)."""
    found: dict[str, list[dict[str, object]]] = {}
    for path in (tmp / "quarantine").glob("*/*.json"):
        record = json.loads(path.read_text(encoding="utf-8"))
        eml = path.with_suffix(".eml")
        assert eml.exists(), f"{path.name} without its message"
        assert oct(eml.stat().st_mode & 0o777) == oct(0o600)
        record["_eml"] = eml.read_bytes()
        key = str(record["headers"]["message_id"])  # type: ignore[index]
        found.setdefault(key, []).append(record)
    return found


def crash_loop(
    tmp: Path, settings: Path, kills: int, delivered: Callable[[], dict[str, int]], seed: int
) -> dict[str, int]:
    rng = random.Random(seed)
    ledger = Ledger()
    counter = itertools.count()
    log = tmp / "relay.log"
    cleaned = 0
    for _ in range(kills):
        planted = plant_crash_leftovers(tmp)
        leftovers = temp_files(tmp)
        process = spawn_relay(settings, log)
        # Cleaned at start: nothing a crash left behind survives the restart.
        still = [p for p in leftovers if p.exists()]
        assert still == [], still
        cleaned += len(leftovers) - len(planted)
        stop = threading.Event()
        threads = run_clients(process.port, ledger, counter, stop)
        time.sleep(rng.uniform(0.05, 0.9))
        process.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=40)
            assert not thread.is_alive()
    answered_during_kills = sum(
        1 for codes in ledger.replies.values() for code in codes if code is not None
    )
    # The last relay: every message not settled is sent again, as a client would.
    plant_crash_leftovers(tmp)
    process = spawn_relay(settings, log)
    try:
        assert [p for p in temp_files(tmp) if p.exists()] == []
        for _attempt in range(3):
            with ThreadPoolExecutor(4) as pool:
                keys = ledger.pending()
                replies = pool.map(lambda k: smtp_send(process.port, ledger.messages[k]), keys)
                for key, reply in zip(keys, replies, strict=True):
                    ledger.record(ledger.messages[key], reply)
        assert ledger.pending() == [], ledger.pending()
    finally:
        process.kill()

    at_upstream = delivered()
    in_quarantine = quarantined(tmp)
    lost = []
    for key, codes in ledger.replies.items():
        raw = ledger.messages[key]
        entries = in_quarantine.get(key, [])
        for entry in entries:
            assert entry["_eml"] == raw, f"{key}: quarantined bytes differ"
        for code in codes:
            if code is not None and 200 <= code < 300:
                # A 250: at the upstream, or held (complete) in quarantine.
                assert at_upstream.get(key, 0) > 0 or any(e["state"] == "held" for e in entries), (
                    key
                )
            elif code is not None and code >= 500:
                assert any(e["state"] == "rejected" for e in entries), key
        if not at_upstream.get(key) and not entries:
            lost.append(key)
    assert lost == []
    crash_replies = [c for codes in ledger.replies.values() for c in codes[:-1]]
    return {
        "messages": len(ledger.messages),
        "kills": kills,
        "answered_during_kills": answered_during_kills,
        "no_answer": sum(1 for c in crash_replies if c is None),
        "duplicates_at_upstream": sum(n - 1 for n in at_upstream.values() if n > 1),
        "temp_files_cleaned": cleaned,
        "lost": len(lost),
    }


@pytest.mark.timeout(600)
def test_kill_9_during_and_after_data_loses_nothing_smtp_upstream(
    tmp_path: Path, sink: Sink
) -> None:
    settings = crash_settings(tmp_path, sink.url)
    asyncio.run(import_orders(settings))

    def delivered() -> dict[str, int]:
        counts: dict[str, int] = {}
        for message in sink.messages:
            key = message_id_of(message.data)
            assert key is not None
            counts[key] = counts.get(key, 0) + 1
        return counts

    figures = crash_loop(
        tmp_path,
        settings,
        kills=14 if SOAK else 7,
        delivered=delivered,
        seed=int(os.environ.get("CRASH_SEED", "5")),
    )
    print("crash figures (smtp upstream):", figures)
    assert figures["messages"] > (40 if SOAK else 20)


@pytest.mark.timeout(600)
def test_kill_9_loses_nothing_maildir_upstream(tmp_path: Path) -> None:
    outbox = tmp_path / "outbox"
    settings = crash_settings(tmp_path, f"maildir:{outbox}")
    asyncio.run(import_orders(settings))

    def delivered() -> dict[str, int]:
        counts: dict[str, int] = {}
        for path in (outbox / "new").iterdir():
            key = message_id_of(path.read_bytes())
            assert key is not None
            counts[key] = counts.get(key, 0) + 1
        return counts

    figures = crash_loop(tmp_path, settings, kills=6 if SOAK else 3, delivered=delivered, seed=11)
    print("crash figures (maildir upstream):", figures)
    assert figures["messages"] > (15 if SOAK else 7)


def test_start_cleanup_spares_live_writers_and_removes_crash_leftovers(tmp_path: Path) -> None:
    """Several relays may share the quarantine folder: a restart removes what dead processes
    left (and anything over an hour old), never a temp file another live relay is writing."""
    from relay.delivery.quarantine import Quarantine

    quarantine = Quarantine(tmp_path / "q")
    good = quarantine.put(b"From: a@b\r\n\r\nhi\r\n", {"state": "held"})
    day = next((tmp_path / "q").glob("????-??-??"))
    live = subprocess.Popen(["sleep", "30"])
    try:
        dead_file = day / f".x.eml.{_HOST}.{dead_pid()}.aaaa1111.tmp"
        live_file = day / f".y.eml.{_HOST}.{live.pid}.bbbb2222.tmp"
        other_host = day / f".z.eml.otherhost.{live.pid}.cccc3333.tmp"
        old_other_host = day / ".w.eml.otherhost.12345.dddd4444.tmp"
        legacy = day / ".v.eml.eeee5555.tmp"
        orphan = day / "20261120-120000-0123abcd.eml"  # .eml whose .json never came
        for path in (dead_file, live_file, other_host, old_other_host, legacy, orphan):
            path.write_bytes(b"partial")
        hour_ago = time.time() - 3700
        os.utime(old_other_host, (hour_ago, hour_ago))
        os.utime(orphan, (hour_ago, hour_ago))
        removed = quarantine.clean_temporary()
        assert removed == 4
        assert not dead_file.exists() and not old_other_host.exists() and not legacy.exists()
        assert not orphan.exists()
        assert live_file.exists() and other_host.exists()
        assert quarantine.get(good).state == "held"  # complete entries are never touched
    finally:
        live.kill()
        live.wait()
