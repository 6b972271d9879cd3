"""The README's "Orders from Seller Central": every [spapi] key of docs/interface.md, no key the
settings do not have, and every order field a sync writes."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from relay.config import SpapiSettings
from relay.spapi.orders import order_from_api
from tests.spapi_fake import FakeSpapi

ROOT = Path(__file__).resolve().parent.parent.parent


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text()
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def keys_in(toml_text: str) -> set[str]:
    # comments included: "# or client_secret = ..." and "# optional: lease_seconds = 60"
    return set(re.findall(r"(?:^|# or |# optional: |, )([a-z_]+) = ", toml_text, re.M))


def test_the_section_names_every_spapi_key_and_only_real_ones() -> None:
    section = readme_section("Orders from Seller Central")
    block = re.findall(r"```toml\n(.*?)```", section, re.S)[0]
    documented = keys_in(block)
    interface = (ROOT / "docs" / "interface.md").read_text()
    spec = re.search(r"^\[spapi\].*?(?=^```)", interface, re.S | re.M)
    assert spec is not None, "docs/interface.md has no [spapi] block"
    required = keys_in(spec.group(0))
    assert required, "no keys read from docs/interface.md"
    assert required <= documented, sorted(required - documented)
    assert documented <= set(SpapiSettings.model_fields), sorted(
        documented - set(SpapiSettings.model_fields)
    )


def test_the_section_says_what_a_sync_writes() -> None:
    section = readme_section("Orders from Seller Central")
    order = order_from_api(FakeSpapi().put_order("302-7700030-7700030"), buyer_locale="de-DE")
    written = [f.name for f in fields(order) if getattr(order, f.name) not in (None, False)]
    assert "latest_delivery_date" in written and "buyer_locale" in written
    missing = [name for name in written if f"`{name}`" not in section]
    assert not missing, missing
    # and what it keeps (the API does not know it)
    for kept in ("review_requested_at", "opted_out", "delivery_date"):
        assert f"`{kept}`" in section, kept
