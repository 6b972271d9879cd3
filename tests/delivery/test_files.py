"""relay/delivery/files.py: a file is in place whole, or not at all, and no temporary is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.delivery.files import fsync_dir, write_then_rename


def test_written_whole_under_the_final_name_private_to_the_relay(tmp_path: Path) -> None:
    data = b"x" * (3 * 1024 * 1024 + 7)
    write_then_rename(tmp_path / ".a.tmp", tmp_path / "a.eml", data)
    fsync_dir(tmp_path)
    assert (tmp_path / "a.eml").read_bytes() == data
    assert (tmp_path / "a.eml").stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.eml"]


def test_an_existing_temporary_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / ".a.tmp").write_bytes(b"someone else's")
    with pytest.raises(FileExistsError):
        write_then_rename(tmp_path / ".a.tmp", tmp_path / "a.eml", b"mine")
    assert (tmp_path / ".a.tmp").read_bytes() == b"someone else's"
    assert not (tmp_path / "a.eml").exists()


def test_a_failed_rename_leaves_no_temporary_and_no_final_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_then_rename(tmp_path / ".a.tmp", tmp_path / "missing" / "a.eml", b"data")
    assert list(tmp_path.iterdir()) == []
