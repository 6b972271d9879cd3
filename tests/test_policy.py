"""Policy load: what a policy may ask of a rule, refused at load in one line (file, rule, key)."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay import rules
from relay.policy import PolicyError, load_policy
from relay.verdict import Severity


def _refusal(tmp_path: Path, text: str) -> str:
    path = tmp_path / "seller.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PolicyError) as raised:
        load_policy([str(path)])
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: "), message
    return message


def test_strip_without_a_fix_is_refused(tmp_path: Path) -> None:
    message = _refusal(tmp_path, '[rules.CNT004]\nseverity = "strip"\n')
    assert "rules.CNT004.severity" in message
    assert "strip needs a fix" in message


def test_strip_on_a_variant_without_a_fix_is_refused(tmp_path: Path) -> None:
    message = _refusal(tmp_path, '[rules.CTC002]\nvariants = { context = "strip" }\n')
    assert "rules.CTC002.variants.context" in message
    assert "strip needs a fix" in message


def test_strip_on_a_rule_with_a_fix_loads(tmp_path: Path) -> None:
    path = tmp_path / "seller.toml"
    path.write_text('[rules.ENV004]\nseverity = "strip"\n', encoding="utf-8")
    assert load_policy([str(path)]).resolve("ENV004")[0] is Severity.STRIP


def test_unknown_variant_is_refused(tmp_path: Path) -> None:
    message = _refusal(tmp_path, '[rules.CNT004]\nvariants = { reply = "warn" }\n')
    assert "rules.CNT004.variants.reply" in message
    assert "no variant 'reply'" in message


def test_unknown_option_is_refused(tmp_path: Path) -> None:
    message = _refusal(tmp_path, "[options.style]\nspelling_languagez = ['en']\n")
    assert "options.style.spelling_languagez" in message


def test_option_of_the_wrong_type_is_refused(tmp_path: Path) -> None:
    message = _refusal(tmp_path, '[options.orders]\ncontact_window_days = "thirty"\n')
    assert "options.orders.contact_window_days" in message


def test_unknown_rule_is_refused(tmp_path: Path) -> None:
    message = _refusal(tmp_path, '[rules.CNT999]\nseverity = "hold"\n')
    assert "rules.CNT999: no such rule" in message


def test_the_file_named_is_the_one_that_set_the_key(tmp_path: Path) -> None:
    good = tmp_path / "a.toml"
    good.write_text('[rules.CNT004]\nmode = "log"\n', encoding="utf-8")
    bad = tmp_path / "b.toml"
    bad.write_text('[rules.CNT003]\nseverity = "strip"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match=rf"^{bad}: rules\.CNT003\.severity: strip needs"):
        load_policy([str(bad), str(good)])


def test_variants_and_fixes_are_declared_with_the_rule() -> None:
    declared = {spec.code: spec for spec in rules.load()}
    assert declared["CNT001"].variants == {"reply": Severity.WARN}
    assert declared["CTC002"].variants == {"context": Severity.WARN}
    with_fix = {code for code, spec in declared.items() if spec.fix is not None}
    assert with_fix == {
        "ENV004", "IMG001", "IMG002", "IMG003", "IMG004", "STY001", "STY002", "STY004"
    }  # fmt: skip
    # every rule whose default is strip can do it
    assert all(spec.fix for spec in declared.values() if spec.default_severity is Severity.STRIP)
    policy = load_policy()
    assert policy.resolve("CNT001", "reply")[0] is Severity.WARN
    assert policy.resolve("CNT001")[0] is Severity.REJECT
