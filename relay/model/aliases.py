"""Amazon buyer aliases: recognise them, match them to orders, mask them in logs."""

from __future__ import annotations

import re
from typing import Final

KNOWN_SUFFIXES: Final = frozenset(
    {
        "com", "ca", "com.mx", "com.br", "co.uk", "de", "fr", "it", "es", "nl", "se", "pl",
        "com.be", "com.tr", "co.jp", "com.au", "in", "ae", "sa", "sg", "eg", "ie", "co.za",
    }
)  # fmt: skip

# The language Amazon uses by default on each marketplace.
MARKETPLACE_LANGUAGE: Final = {
    "com": "en", "ca": "en", "com.mx": "es", "com.br": "pt", "co.uk": "en", "de": "de",
    "fr": "fr", "it": "it", "es": "es", "nl": "nl", "se": "sv", "pl": "pl", "com.be": "fr",
    "com.tr": "tr", "co.jp": "ja", "com.au": "en", "in": "en", "ae": "en", "sa": "ar",
    "sg": "en", "eg": "ar", "ie": "en", "co.za": "en",
}  # fmt: skip

# Marketplaces where Amazon offers a second language: a buyer whose locale is unknown may read
# either (amazon.ae in English or Arabic, amazon.com.be in French or Dutch, amazon.ca in
# English or French).
MARKETPLACE_OTHER_LANGUAGES: Final = {"ae": ("ar",), "com.be": ("nl",), "ca": ("fr",)}

_ALIAS: Final = re.compile(
    r"^(?P<local>[^@\s]+)@(?:m\.)?marketplace\.amazon\.(?P<suffix>[a-z]{2,3}(?:\.[a-z]{2})?)$",
    re.IGNORECASE,
)


def is_buyer_alias(address: str) -> bool:
    return _ALIAS.match(address.strip()) is not None


def marketplace_suffix(address: str) -> str | None:
    """`de` for `x@marketplace.amazon.de`; None when the address is not a buyer alias."""
    match = _ALIAS.match(address.strip())
    return match.group("suffix").lower() if match else None


def is_known_suffix(address: str) -> bool:
    suffix = marketplace_suffix(address)
    return suffix is not None and suffix in KNOWN_SUFFIXES


def marketplace(address: str) -> str | None:
    """`amazon.de` for a German buyer alias."""
    suffix = marketplace_suffix(address)
    return f"amazon.{suffix}" if suffix else None


def canonical(address: str) -> str:
    """The buyer behind an alias: `abc+token@…` and `abc@…` are the same buyer."""
    address = address.strip().lower()
    local, _, domain = address.partition("@")
    local = local.split("+", 1)[0]
    if domain.startswith("m.marketplace."):
        domain = domain[2:]
    return f"{local}@{domain}"


def mask(address: str) -> str:
    """`a1b***@marketplace.amazon.de`: enough for an operator, not enough to write to."""
    local, at, domain = address.partition("@")
    if not at:
        return "***"
    return f"{local[:3]}***@{domain}"


def matches_passthrough(address: str, passthrough: tuple[str, ...]) -> bool:
    address = address.strip().lower()
    domain = address.rsplit("@", 1)[-1]
    for entry in passthrough:
        entry = entry.strip().lower()
        if entry.startswith("@") and domain == entry[1:]:
            return True
        if entry == address:
            return True
    return False
