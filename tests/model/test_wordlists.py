"""STY003's word lists: built once per machine, memory-mapped afterwards, never lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spellchecker import SpellChecker

from relay.model import wordlists


@pytest.fixture(autouse=True)
def _fresh() -> None:
    wordlists.forget()


def _cached(folder: Path) -> list[Path]:
    return sorted(folder.glob("words-*.marisa"))


def test_built_once_then_mapped_from_the_cache(tmp_path: Path) -> None:
    built = wordlists.load("it", tmp_path)
    [cache] = _cached(tmp_path)
    assert "grazie" in built and "xyzzqw" not in built
    wordlists.forget()
    before = cache.stat().st_mtime_ns
    mapped = wordlists.load("it", tmp_path)
    assert cache.stat().st_mtime_ns == before  # read, not written again
    assert sorted(mapped) == sorted(built)  # type: ignore[call-overload]


def test_the_words_are_exactly_pyspellcheckers(tmp_path: Path) -> None:
    original = SpellChecker(language="fr", distance=1).word_frequency.dictionary
    words = wordlists.load("fr", tmp_path)
    assert sum(1 for _ in words) == len(original)  # type: ignore[attr-defined]
    assert all(word in words for word in original)


def test_a_broken_cache_file_is_rebuilt(tmp_path: Path) -> None:
    wordlists.load("it", tmp_path)
    [cache] = _cached(tmp_path)
    cache.write_bytes(b"not a trie")
    wordlists.forget()
    assert "grazie" in wordlists.load("it", tmp_path)
    assert cache.stat().st_size > 1000


def test_an_unwritable_cache_folder_still_gives_the_words(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    assert "grazie" in wordlists.load("it", blocked / "cache")
    assert not list(tmp_path.glob("**/*.marisa"))


def test_the_cache_folder_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BSM_RELAY_CACHE_DIR", "/srv/relay-cache")
    assert wordlists.cache_dir() == Path("/srv/relay-cache")
    monkeypatch.delenv("BSM_RELAY_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/x")
    assert wordlists.cache_dir() == Path("/var/cache/x/bsm-relay")


def test_no_temporary_file_is_left_behind(tmp_path: Path) -> None:
    wordlists.load("it", tmp_path)
    assert sorted(os.listdir(tmp_path)) == [p.name for p in _cached(tmp_path)]
