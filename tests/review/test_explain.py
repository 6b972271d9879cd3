"""relay/review/explain.py: every rule explained in English and German, validated data."""

from __future__ import annotations

from pathlib import Path

import pytest

from relay import rules as rule_registry
from relay.policy import PolicyError
from relay.review.explain import (
    LANGUAGES,
    Explanation,
    catalogue,
    explain,
    load_explanations,
    normalize_language,
)

# Every rule: the families register themselves when the registry loads them.
REGISTRY = {spec.code: spec for spec in rule_registry.load()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_registered_rule_is_explained(language: str) -> None:
    explained = catalogue(language)
    assert sorted(set(REGISTRY) - set(explained)) == [], "rules without an explanation"
    assert sorted(set(explained) - set(REGISTRY)) == [], "explanations of no registered rule"
    for code in REGISTRY:
        wording = explain(code, language)
        assert wording.language == language
        for text in (wording.reason, wording.fix, wording.example, wording.guideline):
            assert text.strip() == text and len(text) >= 5, (code, text)


def test_german_is_written_in_german_not_copied() -> None:
    for code in REGISTRY:
        english, german = explain(code, "en"), explain(code, "de")
        assert german.reason != english.reason, code
        assert german.fix != english.fix, code
        assert german.guideline != english.guideline, code
    assert "Bestellnummer" in explain("ORD001", "de").fix
    assert "Bewertung" in explain("CNT005", "de").reason


def test_reasons_fit_in_one_smtp_reply_line() -> None:
    # A reply line is at most 512 octets with its code; the reason must leave room for it.
    for language in LANGUAGES:
        for code in REGISTRY:
            assert len(explain(code, language).reason.encode()) < 400, (language, code)
            assert "\n" not in explain(code, language).reason


def test_language_tags_are_normalized() -> None:
    assert normalize_language("de-DE") == "de"
    assert normalize_language("DE_at") == "de"
    assert normalize_language("fr") == "en"
    assert explain("CTC002", "de-CH").language == "de"
    assert explain("CTC002", "ja").language == "en"


def test_a_code_without_wording_falls_back_to_the_registry_summary() -> None:
    wording = explain("ZZZ999", "de")
    assert isinstance(wording, Explanation)
    assert "ZZZ999" in wording.reason


def test_unknown_keys_and_missing_fields_are_refused(tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    extra.write_text(
        '[CNT005]\nreason = "r"\nfix = "f"\nexample = "e"\nguideline = "g"\nhint = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(PolicyError, match=r"\[CNT005\].*hint"):
        load_explanations(extra, "en")
    missing = tmp_path / "missing.toml"
    missing.write_text('[CNT005]\nreason = "r"\nfix = "f"\nexample = "e"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match=r"\[CNT005\].*guideline"):
        load_explanations(missing, "en")
    flat = tmp_path / "flat.toml"
    flat.write_text('CNT005 = "just a string"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match="CNT005"):
        load_explanations(flat, "en")


def test_the_no_purpose_reason_fits_a_rejection_too() -> None:
    # CNT012 holds, but its line also stands in a 550 beside a rejecting rule, and in the
    # notice "will not be sent": it must not promise that a colleague looks at the message.
    # Its advice must not invite what CNT001 rejects (a plain shipping confirmation).
    english, german = explain("CNT012", "en"), explain("CNT012", "de")
    assert "colleague" not in english.reason and "Kollege" not in german.reason
    assert "not a reply" in english.reason and "keine Antwort" in german.reason
    assert "shipping confirmation is not allowed" in english.fix
    assert "Versandbestätigung ist nicht erlaubt" in german.fix
