"""Rule families. Importing this package registers every rule in REGISTRY.

Each family module registers its own rules, options and phrase categories; the import order
below is the order the rules run in (envelope, orders, language, content, links and images,
styling, attachments), which is also the order `bsm-relay rules` lists them.
"""

from relay.rules.base import (
    OPTIONS,
    PHRASE_CATEGORIES,
    REGISTRY,
    Rule,
    options,
    phrase_categories,
    rule,
)

from relay.rules import envelope as envelope  # noqa: E402, I001
from relay.rules import attachments as attachments  # noqa: E402
from relay.rules import system as system  # noqa: E402

__all__ = [
    "OPTIONS",
    "PHRASE_CATEGORIES",
    "REGISTRY",
    "Rule",
    "options",
    "phrase_categories",
    "rule",
]
