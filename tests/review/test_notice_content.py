"""relay/review/notices.py: who gets a notice, in which language, and what it says (no sockets)."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from relay.config import ConfigError, NoticesSettings, load_settings
from relay.model.message import parse
from relay.policy import PolicyError, bundled_policy_dir
from relay.review.notice_sender import retry_delay
from relay.review.notices import (
    NOTICE_HEADER,
    NoticeFacts,
    NoticeRecipientError,
    NoticeWording,
    compose_notice,
    failed_findings,
    failed_rules,
    is_automatic,
    load_all_wording,
    load_wording,
    notice_language,
    notice_recipient,
    quotes_of,
    wording,
)
from relay.verdict import Finding, Severity, Span, Where, decide
from tests.conftest import BUYER, SELLER, make_message

SETTINGS = NoticesSettings(
    to={"@shop.example": "agents@shop.example", "boss@shop.example": "boss-desk@shop.example"},
    languages={"@shop.de": "de", "anna@shop.example": "de"},
)


APPROVED = ("boss@shop.example", "@shop.example", "desk@other.example", SELLER, BUYER)


def test_recipient_address_entry_beats_domain_entry_beats_sender() -> None:
    message = parse(make_message())
    pick = notice_recipient
    assert pick(SETTINGS, message, "boss@shop.example", APPROVED) == "boss-desk@shop.example"
    assert pick(SETTINGS, message, "Carl@Shop.Example", APPROVED) == "agents@shop.example"
    assert pick(SETTINGS, message, "desk@other.example", APPROVED) == "desk@other.example"
    assert pick(NoticesSettings(enabled=False), message, SELLER, APPROVED) is None
    assert pick(SETTINGS, message, BUYER, APPROVED) is None  # a buyer alias never gets one


def test_a_sender_not_on_the_approved_list_gets_no_notice() -> None:
    # A refused message's envelope sender is whatever the client claimed: a notice to a
    # stranger's address would be backscatter.
    message = parse(make_message())
    assert notice_recipient(SETTINGS, message, "victim@other.example", APPROVED) is None
    assert notice_recipient(SETTINGS, message, "victim@other.example", ()) is None
    assert notice_recipient(NoticesSettings(), message, SELLER, (SELLER,)) == SELLER


def test_language_per_sender_and_domain() -> None:
    assert notice_language(SETTINGS, "team@shop.de") == "de"
    assert notice_language(SETTINGS, "anna@shop.example") == "de"
    assert notice_language(SETTINGS, "carl@shop.example") == "en"
    assert notice_language(NoticesSettings(language="de"), "x@y.example") == "de"


@pytest.mark.parametrize(
    ("headers", "mail_from", "automatic"),
    [
        ({}, SELLER, False),
        ({"Auto-Submitted": "no"}, SELLER, False),
        ({"Auto-Submitted": "auto-replied"}, SELLER, True),
        ({"Auto-Submitted": "auto-generated"}, SELLER, True),
        ({NOTICE_HEADER: "20261202-000000-00000000"}, SELLER, True),
        ({}, "", True),
        ({}, "<>", True),
    ],
)
def test_automatic_mail_is_recognised(
    headers: dict[str, str], mail_from: str, automatic: bool
) -> None:
    assert is_automatic(parse(make_message(headers=headers)), mail_from) is automatic


def test_quotes_come_from_spans_else_from_evidence() -> None:
    spanned = Finding(
        "CTC002",
        Severity.REJECT,
        "phone number",
        evidence="…rufen Sie uns an: +49 30 1234…",
        spans=(Span(Where.TEXT, 10, 25, "+49 30 12345678"),),
    )
    plain = Finding("CTC001", Severity.REJECT, "email", evidence="service@shop.example")
    assert quotes_of(spanned) == ("+49 30 12345678",)
    assert quotes_of(plain) == ("service@shop.example",)
    assert quotes_of(Finding("ORD001", Severity.REJECT, "no order")) == ()


def test_failed_rules_are_the_enforced_rejects_and_holds_one_per_code() -> None:
    verdict = decide(
        [
            Finding("CNT005", Severity.REJECT, "biased", evidence="5 Sterne"),
            Finding("CNT005", Severity.REJECT, "biased", evidence="Gutschein"),
            Finding("CNT010", Severity.HOLD, "cancel", evidence="stornieren"),
            Finding("STY001", Severity.STRIP, "emoji", evidence="x"),
            Finding("STY003", Severity.WARN, "spelling", evidence="y"),
        ]
    )
    rules = failed_rules(failed_findings(verdict), "de")
    assert [(r.code, r.quotes) for r in rules] == [
        ("CNT005", ("5 Sterne", "Gutschein")),
        ("CNT010", ("stornieren",)),
    ]
    assert rules[0].explanation.language == "de"


def _facts(**changes: object) -> NoticeFacts:
    values: dict[str, object] = {
        "quarantine_id": "20261202-174216-d4e97399",
        "state": "rejected",
        "subject": "Bestellung <302-1234567-1234567>",
        "buyer": BUYER,
        "order_id": "302-1234567-1234567",
        "received_at": datetime(2026, 12, 2, 17, 42, tzinfo=UTC),
        "rules": failed_rules(
            [Finding("CNT004", Severity.REJECT, "marketing", evidence="<b>Code SAVE10</b>")], "en"
        ),
    }
    values.update(changes)
    return NoticeFacts(**values)  # type: ignore[arg-type]


def test_the_notice_is_escaped_html_and_text_with_every_part() -> None:
    raw = compose_notice(
        _facts(),
        recipient=SELLER,
        sender="bsm-relay@relay.shop.example",
        language="en",
        link=None,
    )
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg[NOTICE_HEADER] == "20261202-174216-d4e97399"
    html_part, text_part = msg.get_body(("html",)), msg.get_body(("plain",))
    assert html_part is not None and text_part is not None
    html, text = html_part.get_content(), text_part.get_content()
    assert "&lt;b&gt;Code SAVE10&lt;/b&gt;" in html and "<b>Code" not in html
    assert "\u201c<b>Code SAVE10</b>\u201d" in text
    assert "a1b***@marketplace.amazon.de" in text and BUYER not in raw.decode("ascii", "replace")
    # which message: its subject, order and time, in both parts
    for body in (text, html):
        assert "302-1234567-1234567" in body and "2026-12-02 17:42 UTC" in body
    assert "Bestellung <302-1234567-1234567>" in text
    # without a console URL the reader is told the id to ask a reviewer for
    assert "quarantine id 20261202-174216-d4e97399" in text
    words = wording("en")
    assert words.intro_rejected in text and words.footer in text


def test_composing_a_notice_to_a_buyer_alias_raises() -> None:
    with pytest.raises(NoticeRecipientError):
        compose_notice(
            _facts(), recipient=BUYER, sender="x@relay.example", language="en", link=None
        )
    with pytest.raises(NoticeRecipientError):
        compose_notice(
            _facts(),
            recipient="A1B2C3D4E5+x@Marketplace.Amazon.co.uk",
            sender="x@relay.example",
            language="en",
            link=None,
        )


def test_retry_delays_double_up_to_the_maximum() -> None:
    settings = NoticesSettings(retry_initial=30, retry_max=300)
    assert [retry_delay(settings, n) for n in (1, 2, 3, 4, 5, 9)] == [30, 60, 120, 240, 300, 300]


def test_notice_settings_refuse_unknown_keys_and_take_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "bsm-relay.toml"
    config.write_text('[notices]\nenabld = false\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"notices\.enabld"):
        load_settings(str(config))
    config.write_text('[notices]\nlanguage = "fr"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"notices\.language"):
        load_settings(str(config))
    config.write_text('[notices]\nconsole_url = "review.shop.example"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"notices\.console_url"):
        load_settings(str(config))
    config.write_text(
        '[notices]\nconsole_url = "https://review.shop.example/"\n', encoding="utf-8"
    )
    monkeypatch.setenv("BSM_RELAY_NOTICES__ENABLED", "false")
    settings = load_settings(str(config))
    assert settings.notices.enabled is False
    assert settings.notices.console_url == "https://review.shop.example"
    assert NoticesSettings().enabled is True  # on by default, whatever the upstream


def test_notice_wording_is_complete_in_each_language_and_refuses_unknown_keys(
    tmp_path: Path,
) -> None:
    load_all_wording()
    english, german = wording("en"), wording("de")
    for field in NoticeWording.model_fields:
        assert getattr(english, field) != getattr(german, field), field
    broken = tmp_path / "en.toml"
    broken.write_text(
        (bundled_policy_dir() / "notices" / "en.toml").read_text(encoding="utf-8")
        + 'signature = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(PolicyError, match="signature"):
        load_wording(broken)


@pytest.mark.parametrize(("language", "delete", "both"), [
    ("en", "ask a reviewer to delete this one", "the buyer may get both"),
    ("de", "bitten Sie einen Prüfer, diese Nachricht zu löschen", "der Käufer womöglich beide"),
])  # fmt: skip
def test_a_held_notice_warns_that_a_corrected_copy_and_a_release_reach_the_buyer_twice(
    language: str, delete: str, both: str
) -> None:
    # The held original still waits for release: a writer who sends a corrected version must
    # have it deleted, or a reviewer's release later sends the buyer the old one as well.
    raw = compose_notice(
        _facts(state="held"), recipient=SELLER, sender="n@relay.example", language=language,
        link=None,
    )  # fmt: skip
    msg = message_from_bytes(raw, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    text_part = msg.get_body(("plain",))
    assert text_part is not None
    text = " ".join(text_part.get_content().split())
    assert delete in text and both in text
