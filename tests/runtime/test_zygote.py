"""The zygote's policy is a worker's only while the policy files are what the zygote read."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay.policy import load_policy
from relay.runtime import zygote


def test_a_worker_takes_the_zygotes_policy_only_while_its_files_are_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seller = tmp_path / "seller.toml"
    seller.write_text('version = "seller-1"\n', encoding="utf-8")
    files = [str(seller)]
    policy = load_policy(files)
    monkeypatch.setattr(
        zygote,
        "_preloaded",
        zygote.Preloaded(tuple(files), zygote.fingerprint(policy.sources), policy),
    )
    assert zygote.policy_for(files) is policy
    assert zygote.shares(policy)
    other = zygote.policy_for([])  # other files named in the settings
    assert other is not policy and not zygote.shares(other)
    seller.write_text('version = "seller-2"\n', encoding="utf-8")  # changed since
    changed = zygote.policy_for(files)
    assert changed is not policy and changed.version == "seller-2"


def test_without_a_zygote_the_policy_is_read() -> None:
    assert zygote.policy_for([]).version == load_policy([]).version
    assert not zygote.shares(load_policy([]))


def test_the_fingerprint_follows_content_and_names(tmp_path: Path) -> None:
    a = tmp_path / "a.toml"
    a.write_text("x = 1\n", encoding="utf-8")
    first = zygote.fingerprint([str(a)])
    assert first == zygote.fingerprint([str(a)])
    a.write_text("x = 2\n", encoding="utf-8")
    assert zygote.fingerprint([str(a)]) != first
    assert zygote.fingerprint([str(tmp_path / "missing.toml")]) == ""
