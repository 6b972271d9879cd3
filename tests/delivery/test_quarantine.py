"""The quarantine folder: atomic, owner-only, ids that cannot escape, a history of states."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from relay.delivery.quarantine import Quarantine, QuarantineError


def record() -> dict[str, object]:
    return {"state": "held", "findings": [{"code": "CNT010"}], "envelope": {"mail_from": "a@b"}}


def test_put_writes_eml_and_json_owner_only(tmp_path: Path) -> None:
    quarantine = Quarantine(tmp_path / "q")
    quarantine_id = quarantine.put(b"From: a@b\r\n\r\nhi\r\n", record())
    entry = quarantine.get(quarantine_id)
    assert entry.state == "held"
    assert quarantine.body(entry) == b"From: a@b\r\n\r\nhi\r\n"
    for path in (entry.eml_path, entry.eml_path.with_suffix(".json")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(entry.eml_path.parent.stat().st_mode) == 0o700
    assert not list(entry.eml_path.parent.glob(".*"))


def test_state_changes_are_recorded(tmp_path: Path) -> None:
    quarantine = Quarantine(tmp_path)
    quarantine_id = quarantine.put(b"x", record())
    quarantine.set_state(quarantine_id, "released", "anna", note="250 ok")
    history = quarantine.get(quarantine_id).record["history"]
    assert [h["state"] for h in history] == ["held", "released"]
    assert history[-1]["by"] == "anna"
    assert [e.id for e in quarantine.entries("released")] == [quarantine_id]
    assert quarantine.entries("held") == []


def test_delete_removes_body_and_keeps_record(tmp_path: Path) -> None:
    quarantine = Quarantine(tmp_path)
    quarantine_id = quarantine.put(b"secret body", record())
    entry = quarantine.delete(quarantine_id, "anna")
    assert not entry.eml_path.exists()
    assert quarantine.get(quarantine_id).state == "deleted"
    with pytest.raises(QuarantineError):
        quarantine.body(entry)


@pytest.mark.parametrize("bad", ["../../etc/passwd", "20261120-000000-zzzzzzzz", "", "a/b", ".."])
def test_ids_cannot_escape_the_folder(tmp_path: Path, bad: str) -> None:
    with pytest.raises(QuarantineError):
        Quarantine(tmp_path).get(bad)


def test_temp_files_from_a_crash_are_cleaned(tmp_path: Path) -> None:
    quarantine = Quarantine(tmp_path)
    quarantine_id = quarantine.put(b"x", record())
    folder = quarantine.get(quarantine_id).eml_path.parent
    (folder / ".half.eml.1234abcd.tmp").write_bytes(b"partial")
    assert quarantine.clean_temporary() == 1
    assert quarantine.get(quarantine_id).state == "held"


def test_an_indexed_message_is_found_again_by_its_key_and_digest(tmp_path: Path) -> None:
    quarantine = Quarantine(tmp_path)
    indexed = {**record(), "digest": "d1"}
    quarantine_id = quarantine.put(b"x", indexed, message_key="<m1@shop.example>")
    found = quarantine.find("<m1@shop.example>", "d1")
    assert found is not None and found.id == quarantine_id
    assert quarantine.find("<m1@shop.example>", "other bytes") is None
    assert quarantine.find("<m2@shop.example>", "d1") is None
    # not indexed without a key; the index is no entry of its own
    quarantine.put(b"y", {**record(), "digest": "d2"})
    assert quarantine.find("<m1@shop.example>", "d2") is None
    assert len(quarantine.entries()) == 2


def test_a_broken_index_finds_nothing(tmp_path: Path) -> None:
    quarantine = Quarantine(tmp_path)
    quarantine.put(b"x", {**record(), "digest": "d1"}, message_key="<m1@shop.example>")
    [index] = (tmp_path / "by-message").iterdir()
    index.write_text("../../etc/passwd", encoding="ascii")
    assert quarantine.find("<m1@shop.example>", "d1") is None
