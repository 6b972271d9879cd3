"""Rule families. `load()` imports them, in one declared order, and so registers every rule.

Nothing here imports a family at import time: the policy and the pipeline import the registry
(relay.rules.base) alone, and the families (which read the policy and the message model) are
imported by `load()`. Rules run, and `bsm-relay rules` lists them, in FAMILY_ORDER, then by code.
"""

from __future__ import annotations

import importlib
from typing import Final

from relay.rules.base import (
    OPTIONS,
    PHRASE_CATEGORIES,
    REGISTRY,
    Rule,
    options,
    phrase_categories,
    rule,
)

# The modules that register rules, options or phrase categories (the facts stage reads the
# review-request and critical phrase lists), in the order they are imported.
MODULES: Final = (
    "relay.model.facts",
    "relay.rules.envelope",
    "relay.rules.orders",
    "relay.rules.language",
    "relay.rules.content",
    "relay.rules.contact",
    "relay.rules.links",
    "relay.rules.images",
    "relay.rules.style",
    "relay.rules.attachments",
    "relay.rules.rate",
    "relay.rules.system",
)
FAMILY_ORDER: Final = (
    "ENV", "ORD", "LNG", "CNT", "CTC", "LNK", "IMG", "STY", "ATT", "RATE", "MIME", "SYS",
)  # fmt: skip

_loaded: tuple[Rule, ...] = ()


def _family_rank(spec: Rule) -> tuple[int, str]:
    family = spec.family
    rank = FAMILY_ORDER.index(family) if family in FAMILY_ORDER else len(FAMILY_ORDER)
    return rank, spec.code


def load() -> tuple[Rule, ...]:
    """Every rule, in the order they run: the families are imported on the first call."""
    global _loaded
    if not _loaded:
        for name in MODULES:
            importlib.import_module(name)
        _loaded = tuple(sorted(REGISTRY.values(), key=_family_rank))
    return _loaded


__all__ = [
    "FAMILY_ORDER",
    "MODULES",
    "OPTIONS",
    "PHRASE_CATEGORIES",
    "REGISTRY",
    "Rule",
    "load",
    "options",
    "phrase_categories",
    "rule",
]
