"""Rule families. Importing this package registers every rule in REGISTRY.

Each family module registers its own rules, options and phrase categories. REGISTRY is then
put in FAMILY_ORDER (envelope, orders, language, content, contact, links, images, styling,
attachments, volume, system): the order rules run in and `bsm-relay rules` lists them.
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

FAMILY_ORDER = (
    "ENV", "ORD", "LNG", "CNT", "CTC", "LNK", "IMG", "STY", "ATT", "RATE", "MIME", "SYS",
)  # fmt: skip


def _family_rank(code: str) -> tuple[int, str]:
    family = REGISTRY[code].family
    rank = FAMILY_ORDER.index(family) if family in FAMILY_ORDER else len(FAMILY_ORDER)
    return rank, code


for _code in sorted(REGISTRY, key=_family_rank):
    REGISTRY[_code] = REGISTRY.pop(_code)

__all__ = [
    "FAMILY_ORDER",
    "OPTIONS",
    "PHRASE_CATEGORIES",
    "REGISTRY",
    "Rule",
    "options",
    "phrase_categories",
    "rule",
]
