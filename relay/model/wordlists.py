"""STY003's word lists: pyspellchecker's bundled dictionaries as memory-mapped marisa tries.

Building one from pyspellchecker's gzipped JSON takes 0.2-0.6 s per language and a few hundred
thousand short-lived objects; the first message in each language used to pay that (up to 2 s
with two workers starting at once). The trie is therefore built once per machine, saved to the
cache folder and memory-mapped from then on: loading it takes well under a millisecond, and the
worker processes share its pages instead of each holding a copy.

The cache file's name carries a digest of the source list and the marisa-trie version, so a
new pyspellchecker or marisa-trie builds afresh. Where no cache folder is writable the trie is
built in memory, as before.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import importlib.resources
import importlib.resources.abc
import json
import os
import tempfile
import threading
from collections.abc import Container
from pathlib import Path
from typing import Final, cast

import structlog

from relay.runtime.memory import release_free_memory

log = structlog.get_logger("relay.model.wordlists")

_LOADED: dict[str, Container[str]] = {}
_LOCK: Final = threading.Lock()


def cache_dir() -> Path:
    """`$BSM_RELAY_CACHE_DIR`, else `$XDG_CACHE_HOME/bsm-relay`, else `~/.cache/bsm-relay`."""
    explicit = os.environ.get("BSM_RELAY_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bsm-relay"


def _resource(language: str) -> importlib.resources.abc.Traversable:
    return importlib.resources.files("spellchecker").joinpath(f"resources/{language}.json.gz")


def _source(language: str) -> bytes:
    try:
        return _resource(language).read_bytes()
    except OSError:
        raise ValueError(f"pyspellchecker has no {language!r} dictionary") from None


def available(language: str) -> bool:
    """pyspellchecker ships a word list for `language`."""
    return _resource(language).is_file()


def _words(source: bytes) -> list[str]:
    """The words as pyspellchecker's case-insensitive WordFrequency keeps them (lower-cased)."""
    data = json.loads(gzip.decompress(source).decode("utf-8"))
    return sorted({key.lower() for key in data})


def _cache_name(language: str, source: bytes) -> str:
    import marisa_trie

    version = getattr(marisa_trie, "__version__", "0")
    digest = hashlib.sha256(source + version.encode()).hexdigest()[:16]
    return f"words-{language}-{digest}.marisa"


def _build(language: str, source: bytes, folder: Path) -> Container[str]:
    import marisa_trie

    trie = marisa_trie.Trie(_words(source))
    release_free_memory()  # the JSON was hundreds of thousands of objects
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".words-", suffix=".tmp")
        os.close(handle)
        try:
            trie.save(temporary)
            os.replace(temporary, folder / _cache_name(language, source))
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
    except OSError as exc:
        log.info(
            "wordlist_not_cached",
            language=language,
            folder=str(folder),
            error=str(exc),
            setting="BSM_RELAY_CACHE_DIR",
        )
        return cast(Container[str], trie)
    return _map(folder / _cache_name(language, source)) or cast(Container[str], trie)


def _map(path: Path) -> Container[str] | None:
    import marisa_trie

    try:
        if not path.is_file():
            return None
    except OSError:  # a folder this user may not enter (another user's home): built instead
        return None
    trie = marisa_trie.Trie()
    try:
        trie.mmap(str(path))
    except Exception:  # a truncated or foreign file: rebuilt by the caller
        return None
    return cast(Container[str], trie)


def load(language: str, folder: Path | None = None) -> Container[str]:
    """The lower-cased words of pyspellchecker's `language` list; once per process."""
    found = _LOADED.get(language)
    if found is not None:
        return found
    with _LOCK:
        found = _LOADED.get(language)
        if found is None:
            folder = folder or cache_dir()
            source = _source(language)
            found = _map(folder / _cache_name(language, source)) or _build(language, source, folder)
            _LOADED[language] = found
    return found


def loaded(language: str) -> bool:
    return language in _LOADED


def forget() -> None:
    """Tests: drop what this process loaded."""
    with _LOCK:
        _LOADED.clear()
