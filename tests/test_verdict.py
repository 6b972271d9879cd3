"""decide(): the most severe enforced finding wins; shadow findings never change the action."""

from __future__ import annotations

import pytest

from relay.verdict import Action, Finding, RuleMode, Severity, decide


def finding(code: str, severity: Severity, mode: RuleMode = RuleMode.ENFORCE) -> Finding:
    return Finding(code=code, severity=severity, message=code, mode=mode)


@pytest.mark.parametrize(
    ("severities", "action"),
    [
        ([], Action.DELIVER),
        ([Severity.WARN], Action.DELIVER),
        ([Severity.STRIP, Severity.WARN], Action.DELIVER),
        ([Severity.HOLD, Severity.STRIP], Action.HOLD),
        ([Severity.WARN, Severity.REJECT, Severity.HOLD], Action.REJECT),
    ],
)
def test_most_severe_finding_decides(severities: list[Severity], action: Action) -> None:
    verdict = decide(finding(f"X{i:03}", s) for i, s in enumerate(severities))
    assert verdict.action is action
    assert len(verdict.findings) == len(severities)


def test_all_findings_are_kept_most_severe_first() -> None:
    verdict = decide([finding("B", Severity.WARN), finding("A", Severity.REJECT)])
    assert [f.code for f in verdict.findings] == ["A", "B"]
    assert [f.code for f in verdict.blocking] == ["A"]


def test_shadow_findings_do_not_change_the_action() -> None:
    verdict = decide(
        [finding("CNT004", Severity.REJECT, RuleMode.LOG), finding("X", Severity.WARN)]
    )
    assert verdict.action is Action.DELIVER
    assert verdict.as_dict()["findings"][0]["mode"] == "log"


def test_modified_only_when_delivered_with_strip() -> None:
    assert decide([finding("STY001", Severity.STRIP)]).modified
    assert not decide([finding("STY001", Severity.STRIP), finding("X", Severity.HOLD)]).modified
    assert not decide([finding("STY001", Severity.STRIP, RuleMode.LOG)]).modified


def test_findings_are_frozen() -> None:
    f = finding("A", Severity.WARN)
    with pytest.raises(AttributeError):
        f.code = "B"  # type: ignore[misc]
