"""pipeline.warm loads at start what the first message would wait for."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay import pipeline
from relay.model import wordlists
from relay.model.types import RelayConfig
from relay.policy import Policy, PolicyError, load_policy
from relay.rules.style import StyleOptions


def test_warm_judges_a_built_in_message_and_maps_every_spelling_language(
    policy: Policy,
) -> None:
    wordlists.forget()
    pipeline.warm(policy, RelayConfig())
    languages = policy.option("style", StyleOptions).spelling_languages
    assert languages and all(wordlists.loaded(language) for language in languages)
    assert "grazie" in wordlists.load("it")


def test_no_word_lists_are_loaded_when_sty003_is_off(tmp_path: Path) -> None:
    off = tmp_path / "off.toml"
    off.write_text("[rules.STY003]\nenabled = false\n", encoding="utf-8")
    wordlists.forget()
    pipeline.warm(load_policy([str(off)]), RelayConfig())
    assert not wordlists.loaded("de")


def test_a_spelling_language_without_a_word_list_is_refused_at_load(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[options.style]\nspelling_languages = ["de", "xx"]\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="xx"):
        load_policy([str(bad)])
