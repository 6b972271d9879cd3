"""Settings: TOML file, environment overrides, one clear line for every mistake."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from relay.config import ConfigError, load_settings
from tests.conftest import console_script


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BSM_RELAY_CONFIG", raising=False)


def test_no_file_means_embedded_defaults() -> None:
    settings = load_settings()
    assert settings.smtp.listen == "127.0.0.1:2525"
    assert settings.upstream.url == "maildir:var/outbox"
    assert settings.store.url == "sqlite:///var/relay.db"
    assert settings.quarantine.dir == "var/quarantine"
    assert settings.policy.proactive_daily_limit == 600


def test_file_and_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "bsm-relay.toml").write_text('[upstream]\nurl = "smtp://mail.example:587"\n')
    assert load_settings().upstream.url == "smtp://mail.example:587"
    monkeypatch.setenv("BSM_RELAY_UPSTREAM__URL", "smtps://other.example:465")
    monkeypatch.setenv("BSM_RELAY_SENDERS__APPROVED", '["Support@Shop.example"]')
    settings = load_settings()
    assert settings.upstream.url == "smtps://other.example:465"
    assert settings.senders.approved == ["support@shop.example"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('[smtp]\nlisten = "127.0.0.1:2525"\ncolour = 1\n', "smtp.colour"),
        ('[smtpp]\nlisten = "x:1"\n', "smtpp"),
        ('[smtp]\nlisten = "nowhere"\n', "smtp.listen"),
        ('[smtp]\nlisten = "0.0.0.0:25"\nauth = "off"\n', "smtp"),
        ('[upstream]\nurl = "http://x"\n', "upstream.url"),
        ("[policy]\nproactive_daily_limit = -1\n", "policy.proactive_daily_limit"),
        ("[smtp\n", "bsm-relay.toml"),
    ],
)
def test_bad_settings_name_the_key(tmp_path: Path, text: str, named: str) -> None:
    (tmp_path / "bsm-relay.toml").write_text(text)
    with pytest.raises(ConfigError) as error:
        load_settings()
    message = str(error.value)
    assert named in message
    assert "\n" not in message


def test_auth_off_refused_off_loopback(tmp_path: Path) -> None:
    (tmp_path / "bsm-relay.toml").write_text('[smtp]\nlisten = "0.0.0.0:2525"\nauth = "off"\n')
    with pytest.raises(ConfigError, match="loopback"):
        load_settings()


def test_password_file(tmp_path: Path) -> None:
    (tmp_path / "secret").write_text("s3cret\n")
    (tmp_path / "bsm-relay.toml").write_text(
        f'[upstream]\nurl = "smtp://x:587"\npassword_file = "{tmp_path / "secret"}"\n'
    )
    assert load_settings().upstream.resolved_password() == "s3cret"
    (tmp_path / "bsm-relay.toml").write_text('[upstream]\npassword_file = "/nonexistent"\n')
    with pytest.raises(ConfigError, match="password_file"):
        load_settings()


def _cli(cwd: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("BSM_RELAY_")}
    return subprocess.run(
        [console_script(), *args], cwd=cwd, env={**clean, **env}, capture_output=True,
        text=True, timeout=120, check=False,
    )  # fmt: skip


def test_a_typo_from_the_environment_names_the_variable(tmp_path: Path) -> None:
    (tmp_path / "bsm-relay.toml").write_text('[smtp]\nlisten = "127.0.0.1:2525"\n')
    cases = {
        "BSM_RELAY_SMTP__LISTN": (
            "environment variable BSM_RELAY_SMTP__LISTN: unknown key smtp.listn "
            "(did you mean BSM_RELAY_SMTP__LISTEN?)"
        ),
        "BSM_RELAY_SMPT__LISTEN": (
            "environment variable BSM_RELAY_SMPT__LISTEN: unknown section smpt "
            "(did you mean BSM_RELAY_SMTP__LISTEN?)"
        ),
    }
    for variable, message in cases.items():
        done = _cli(tmp_path, {variable: "127.0.0.1:2526"}, "rules")
        assert done.returncode == 2
        assert done.stderr.strip() == f"bsm-relay: {message}"
        assert "bsm-relay.toml" not in done.stderr
    bad = _cli(tmp_path, {"BSM_RELAY_SMTP__LISTEN": "nowhere"}, "rules")
    assert bad.stderr.startswith("bsm-relay: environment variable BSM_RELAY_SMTP__LISTEN: ")


def test_an_unknown_key_in_the_file_gets_a_suggestion(tmp_path: Path) -> None:
    (tmp_path / "bsm-relay.toml").write_text('[smtp]\nlisen = "127.0.0.1:2525"\n')
    done = _cli(tmp_path, {}, "rules")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "bsm-relay: bsm-relay.toml: unknown key smtp.lisen (did you mean smtp.listen?)"
    )
    (tmp_path / "bsm-relay.toml").write_text("[smtp]\nzzz = 1\n")
    far = _cli(tmp_path, {}, "rules")
    assert far.stderr.strip() == "bsm-relay: bsm-relay.toml: unknown key smtp.zzz"
_SPAPI = (
    '[spapi]\nclient_id = "amzn1.application-oa2-client.x"\n'
    'endpoint = "https://sellingpartnerapi-eu.amazon.com"\n'
    'token_endpoint = "https://api.amazon.com/auth/o2/token"\n'
)


def test_spapi_is_off_without_client_id() -> None:
    settings = load_settings()
    assert not settings.spapi.enabled
    assert settings.spapi.lookup_budget == 3.0 and settings.spapi.review_requests == "mail"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            _SPAPI + 'refresh_token = "r"\nmarketplaces = ["A1PA6795UKMFR9"]\n',
            "spapi: client_secret or client_secret_file is required",
        ),
        (
            _SPAPI + 'client_secret = "s"\nmarketplaces = ["A1PA6795UKMFR9"]\n',
            "spapi: refresh_token or refresh_token_file is required",
        ),
        (
            _SPAPI + 'client_secret = "s"\nrefresh_token = "r"\nmarketplaces = ["XX"]\n',
            "spapi.marketplaces: 'XX' is not a known marketplace id",
        ),
        (
            _SPAPI + 'client_secret = "s"\nrefresh_token = "r"\nmarketplaces = ["A1PA6795UKMFR9"]\n'
            'review_requests = "sms"\n',
            "spapi.review_requests",
        ),
        (
            _SPAPI + 'client_secret = "s"\nrefresh_token = "r"\nmarketplaces = ["A1PA6795UKMFR9"]\n'
            'refresh_token_file = "/nonexistent/token"\n',
            "spapi: set refresh_token or refresh_token_file, not both",
        ),
        (
            _SPAPI + 'client_secret = "s"\nrefresh_token_file = "/nonexistent/token"\n'
            'marketplaces = ["A1PA6795UKMFR9"]\n',
            "spapi.refresh_token_file: /nonexistent/token not found",
        ),
        (
            _SPAPI.replace('endpoint = "https://sellingpartnerapi-eu.amazon.com"\n', "")
            + 'client_secret = "s"\nrefresh_token = "r"\nmarketplaces = ["A1PA6795UKMFR9"]\n',
            "spapi: endpoint is required when client_id is set",
        ),
        (
            _SPAPI.replace('token_endpoint = "https://api.amazon.com/auth/o2/token"\n', "")
            + 'client_secret = "s"\nrefresh_token = "r"\nmarketplaces = ["A1PA6795UKMFR9"]\n',
            "spapi: token_endpoint is required when client_id is set",
        ),
        (
            _SPAPI + 'client_secret = "s"\nrefresh_token = "r"\n',
            "spapi: marketplaces must name at least one marketplace id",
        ),
        (
            _SPAPI.replace('client_id = "amzn1.application-oa2-client.x"\n', "")
            + 'client_secret = "s"\nrefresh_token = "r"\nmarketplaces = ["A1PA6795UKMFR9"]\n',
            "spapi: client_id is required when client_secret is set",
        ),
        (
            "[spapi]\nsync_interval = 600\n",
            "spapi: client_id is required when sync_interval is set",
        ),
        (
            '[spapi]\nreview_requests = "solicitation"\n',
            'spapi: client_id is required when review_requests = "solicitation"',
        ),
    ],
)
def test_spapi_mistakes_stop_start_up_with_one_line(tmp_path: Path, text: str, says: str) -> None:
    (tmp_path / "bsm-relay.toml").write_text(text)
    with pytest.raises(ConfigError) as error:
        load_settings()
    assert says in str(error.value) and "\n" not in str(error.value)
    assert '"s"' not in str(error.value) and "'s'" not in str(error.value)


def test_spapi_secret_from_the_environment_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    Path("bsm-relay.toml").write_text(
        _SPAPI + 'refresh_token = "r"\nmarketplaces = ["A1PA6795UKMFR9"]\n'
    )
    monkeypatch.setenv("BSM_RELAY_SPAPI__CLIENT_SECRET", "env-secret-123")
    settings = load_settings()
    assert settings.spapi.resolved_client_secret() == "env-secret-123"
    assert "env-secret-123" not in repr(settings) and "env-secret-123" not in str(settings)


def test_auth_off_is_refused_on_a_public_tls_listener(tmp_path: Path) -> None:
    path = tmp_path / "bsm-relay.toml"
    path.write_text(
        '[smtp]\nauth = "off"\ntls_cert = "c.pem"\ntls_key = "k.pem"\n'
        'tls_listen = "0.0.0.0:465"\n'
    )
    with pytest.raises(ConfigError, match="tls_listen is a loopback address"):
        load_settings(str(path))


def test_a_folder_given_as_the_config_file_is_named_as_one(tmp_path: Path) -> None:
    # `--config deploy/` is an easy slip; "not found" would send the reader looking for a typo.
    with pytest.raises(ConfigError, match=r"is a directory; name the \.toml file in it"):
        load_settings(str(tmp_path))
    with pytest.raises(ConfigError, match="not found"):
        load_settings(str(tmp_path / "absent.toml"))
    done = _cli(tmp_path, {}, "--config", str(tmp_path), "rules")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"bsm-relay: config file {tmp_path} is a directory; name the .toml file in it"
    )
