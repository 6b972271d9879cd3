"""SP-API marketplace ids and the marketplace domains the order store uses (`amazon.de`)."""

from __future__ import annotations

from typing import Final

# Amazon's published marketplace ids (SP-API "Marketplace IDs"), by store domain.
MARKETPLACES: Final[dict[str, str]] = {
    "ATVPDKIKX0DER": "amazon.com",
    "A2EUQ1WTGCTBG2": "amazon.ca",
    "A1AM78C64UM0Y8": "amazon.com.mx",
    "A2Q3Y263D00KWC": "amazon.com.br",
    "A1F83G8C2ARO7P": "amazon.co.uk",
    "A1PA6795UKMFR9": "amazon.de",
    "A13V1IB3VIYZZH": "amazon.fr",
    "APJ6JRA9NG5V4": "amazon.it",
    "A1RKKUPIHCS9HS": "amazon.es",
    "A1805IZSGTT6HS": "amazon.nl",
    "A2NODRKZP88ZB9": "amazon.se",
    "A1C3SOZRARQ6R3": "amazon.pl",
    "AMEN7PMS3EDWL": "amazon.com.be",
    "A33AVAJ2PDY3EV": "amazon.com.tr",
    "A1VC38T7YXB528": "amazon.co.jp",
    "A39IBJ37TRP1C6": "amazon.com.au",
    "A21TJRUUN4KGV": "amazon.in",
    "A2VIGQ35RCS4UG": "amazon.ae",
    "A17E79C6D8DWNP": "amazon.sa",
    "A19VAU5U5O7RUS": "amazon.sg",
    "ARBP9OOSHTCHU": "amazon.eg",
    "A28R8C7NBKEWEA": "amazon.ie",
    "AE08WJ6YKNBMC": "amazon.co.za",
}

MARKETPLACE_IDS: Final[dict[str, str]] = {domain: mid for mid, domain in MARKETPLACES.items()}


def marketplace_id(domain: str) -> str | None:
    """`A1PA6795UKMFR9` for `amazon.de` (or `www.amazon.de`)."""
    return MARKETPLACE_IDS.get(domain.strip().lower().removeprefix("www."))
