"""RATE001: proactive messages per sender per day stay under the configured limit."""

from __future__ import annotations

from relay.model.types import OrderContext, RelayConfig
from relay.verdict import Action, Finding, Severity, Verdict
from tests.conftest import SELLER, JudgeFn, default_order, make_message

ORDER_ID = "302-1234567-1234567"
REPLY = {"In-Reply-To": "<buyer-question@marketplace.amazon.de>"}


def rate(verdict: Verdict) -> list[Finding]:
    return [f for f in verdict.findings if f.code == "RATE001"]


def judge_with(
    judge_raw: JudgeFn, sent_today: int, limit: int, raw: bytes | None = None
) -> Verdict:
    orders = OrderContext(order_id=ORDER_ID, order=default_order(), proactive_sent_today=sent_today)
    config = RelayConfig(approved_senders=(SELLER,), proactive_daily_limit=limit)
    return judge_raw(raw or make_message(), orders=orders, config=config)


def test_limit_reached_holds_proactive_message(judge_raw: JudgeFn) -> None:
    verdict = judge_with(judge_raw, sent_today=600, limit=600)
    findings = rate(verdict)
    assert [f.severity for f in findings] == [Severity.HOLD]
    assert findings[0].evidence == f"600 proactive messages sent today by {SELLER}"
    assert verdict.action in (Action.HOLD, Action.REJECT)


def test_under_limit_passes(judge_raw: JudgeFn) -> None:
    assert rate(judge_with(judge_raw, sent_today=599, limit=600)) == []
    assert rate(judge_with(judge_raw, sent_today=0, limit=1)) == []


def test_small_configured_limit(judge_raw: JudgeFn) -> None:
    assert [f.severity for f in rate(judge_with(judge_raw, sent_today=3, limit=3))] == [
        Severity.HOLD
    ]


def test_replies_are_never_held(judge_raw: JudgeFn) -> None:
    raw = make_message(subject=f"Re: Bestellung {ORDER_ID}", headers=REPLY)
    assert rate(judge_with(judge_raw, sent_today=10_000, limit=600, raw=raw)) == []
