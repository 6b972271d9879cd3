"""pipeline.warm loads at start what the first message would wait for."""

from __future__ import annotations

from relay import pipeline
from relay.context import RelayConfig
from relay.policy import Policy
from relay.rules import style


def test_warm_judges_a_built_in_message_and_loads_the_named_dictionaries(
    policy: Policy,
) -> None:
    style.dictionary.cache_clear()
    pipeline.warm(policy, RelayConfig(), spelling_languages=("it", "xx"))
    loaded = style.dictionary.cache_info()
    assert loaded.currsize >= 1  # Italian; "xx" has no dictionary and is skipped
    assert "grazie" in style.dictionary("it")
