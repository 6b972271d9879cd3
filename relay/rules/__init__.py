"""Rule families. Importing this package registers every rule in REGISTRY.

Each family module registers its own rules, options and phrase categories; the import order
below is the order the rules run in (envelope, orders, language, content, links and images,
styling, attachments), which is also the order `bsm-relay rules` lists them.
"""

from relay.rules import attachments as attachments
from relay.rules import contact as contact
from relay.rules import content as content
from relay.rules import envelope as envelope
from relay.rules import images as images
from relay.rules import language as language
from relay.rules import links as links
from relay.rules import orders as orders
from relay.rules import rate as rate
from relay.rules import style as style
from relay.rules import system as system
from relay.rules.base import (
    OPTIONS,
    PHRASE_CATEGORIES,
    REGISTRY,
    Rule,
    options,
    phrase_categories,
    rule,
)

__all__ = [
    "OPTIONS",
    "PHRASE_CATEGORIES",
    "REGISTRY",
    "Rule",
    "options",
    "phrase_categories",
    "rule",
]
