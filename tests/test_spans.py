"""Every finding of the golden corpus says where its words are, in the original text.

Per corpus family: every fixture through the real pipeline (as tests/test_corpus.py does), and
every finding must carry spans whose quote is exactly the original text at its offsets, found
again by re-parsing the raw message (what the console and notices do with a stored .eml).
"""

from __future__ import annotations

import asyncio

import pytest

from relay.model.message import parse
from relay.model.types import RelayConfig
from relay.pipeline import Checker
from relay.policy import Policy
from relay.verdict import Finding
from tests.conftest import SELLER
from tests.test_corpus import CASES, Case, envelope_for, store_url

__all__ = ["store_url"]  # the session fixture with every corpus order

# Findings about the SMTP envelope: the address may be written nowhere in the message.
_ENVELOPE_ONLY = {
    ("ENV001", "recipient is not an Amazon buyer alias"),
    ("ENV003", "envelope sender is not approved"),
}

FAMILIES = sorted({case.eml.parent.name for case in CASES})


def _findings(case: Case, store_url: str, policy: Policy) -> tuple[Finding, ...]:
    from relay.store import open_store

    raw = case.eml.read_bytes()

    async def run() -> tuple[Finding, ...]:
        store = await open_store(store_url)
        try:
            checker = Checker(policy, RelayConfig(approved_senders=(SELLER,)), store)
            evaluation = await checker.evaluate(raw, envelope_for(case, raw), now=case.now)
        finally:
            await store.close()
        return evaluation.verdict.findings

    return asyncio.run(run())


@pytest.mark.parametrize("family", FAMILIES)
def test_every_finding_has_spans_into_the_original(
    family: str, store_url: str, policy: Policy
) -> None:
    checked = 0
    for case in (c for c in CASES if c.eml.parent.name == family):
        message = parse(case.eml.read_bytes())
        for finding in _findings(case, store_url, policy):
            if not finding.spans and (finding.code, finding.message) in _ENVELOPE_ONLY:
                headers = " ".join(value.lower() for _name, value in message.headers)
                assert finding.evidence.lower() not in headers, (case.id, finding)
                continue
            assert finding.spans, f"{case.id}: {finding.code} has no span ({finding.evidence!r})"
            for span in finding.spans:
                original = message.text_of(span.where, span.part)
                assert 0 <= span.start < span.end <= len(original), (case.id, finding, span)
                assert original[span.start : span.end] == span.quote, (case.id, finding, span)
            checked += 1
    assert checked, f"no finding fires in corpus family {family}"
