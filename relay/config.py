"""Settings: one TOML file plus BSM_RELAY_<SECTION>__<KEY> environment overrides."""

from __future__ import annotations

import difflib
import ipaddress
import os
import tomllib
from pathlib import Path
from typing import Any, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from relay.model.aliases import is_buyer_alias

DEFAULT_CONFIG_FILE = "bsm-relay.toml"
ENV_CONFIG = "BSM_RELAY_CONFIG"


class ConfigError(Exception):
    """A setting is missing, unknown or wrong; the message names it."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def split_host_port(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"expected host:port, got {value!r}")
    host = host.strip("[]")
    if not host:
        raise ValueError(f"expected host:port, got {value!r}")
    return host, int(port)


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class SmtpSettings(_Section):
    listen: str = "127.0.0.1:2525"
    auth: Literal["required", "off"] = "required"
    tls_cert: str = ""
    tls_key: str = ""
    # host:port of a second listener speaking TLS from the first byte (RFC 8314, port 465
    # style), for clients that offer only "SSL/TLS"; same certificate and AUTH rules
    tls_listen: str = ""
    max_message_bytes: int = Field(default=20 * 1024 * 1024, gt=0)
    hostname: str = "bsm-relay"
    # The aiosmtpd session timeout covers the upload and handle_DATA; the upstream send is
    # bounded well below it (architecture trap 3).
    session_timeout: float = Field(default=300.0, gt=0)
    max_connections: int = Field(default=200, gt=0)
    # Failed logins in the window before 454: per user from one address, per user from
    # anywhere (a distributed guess), per address over all names (one address trying many).
    max_failed_logins: int = Field(default=5, gt=0)
    max_failed_logins_per_user: int = Field(default=20, gt=0)
    max_failed_logins_per_address: int = Field(default=50, gt=0)
    failed_login_window: float = Field(default=300.0, gt=0)
    # Seconds between looks at the store's users: a new user, a new password or an unlock
    # works in a running relay within this time, without SIGHUP (0: only on SIGHUP).
    users_refresh_seconds: float = Field(default=5.0, ge=0)
    messages_per_minute_per_user: int = Field(default=120, gt=0)
    proxy_protocol_from: list[str] = []
    max_concurrent_checks: int = Field(default=4, gt=0)
    offload_bytes: int = Field(default=32 * 1024, ge=0)
    # Processes that parse messages of process_bytes and more (0: parse in threads only).
    # 4 MiB: a 1.4 MB message parses in ~10 ms of mostly C since relay/model/mime_lift.py, less than
    # handing it to a lower-priority process and back costs in waiting (bench pdf1m, issue 13).
    parse_processes: int = Field(default=2, ge=0, le=64)
    process_bytes: int = Field(default=4 * 1024 * 1024, ge=0)
    # Processes sharing the listening port (SO_REUSEPORT); 1 runs in the serving process.
    workers: int = Field(default=1, ge=1, le=64)
    # Seconds a connection from a proxy_protocol_from address has to send its PROXY header.
    proxy_protocol_timeout: float = Field(default=10.0, ge=3.0)

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        split_host_port(value)
        return value

    @field_validator("tls_listen")
    @classmethod
    def _tls_listen(cls, value: str) -> str:
        if value:
            split_host_port(value)
        return value

    @field_validator("proxy_protocol_from")
    @classmethod
    def _proxy_from(cls, value: list[str]) -> list[str]:
        for item in value:
            try:
                ipaddress.ip_network(item.strip(), strict=False)
            except ValueError:
                raise ValueError(f"{item!r} is not an IP address or network") from None
        return value

    @property
    def host(self) -> str:
        return split_host_port(self.listen)[0]

    @property
    def port(self) -> int:
        return split_host_port(self.listen)[1]

    @model_validator(mode="after")
    def _auth_off_only_on_loopback(self) -> SmtpSettings:
        if self.auth == "off" and not is_loopback_host(self.host):
            raise ValueError('auth = "off" is refused unless listen is a loopback address')
        if (
            self.auth == "off"
            and self.tls_listen
            and not is_loopback_host(split_host_port(self.tls_listen)[0])
        ):
            raise ValueError('auth = "off" is refused unless tls_listen is a loopback address')
        if bool(self.tls_cert) != bool(self.tls_key):
            raise ValueError("tls_cert and tls_key must be set together")
        if self.tls_listen and not self.tls_cert:
            raise ValueError("tls_listen needs tls_cert and tls_key")
        if self.tls_listen and self.tls_listen == self.listen:
            raise ValueError("tls_listen must differ from listen")
        return self


class UpstreamSettings(_Section):
    url: str = "maildir:var/outbox"
    username: str = ""
    password: str = ""
    password_file: str = ""
    timeout: float = Field(default=60.0, gt=0)
    ca_file: str = ""
    # Idle upstream connections kept for reuse (0: a new connection per message).
    pool_size: int = Field(default=4, ge=0)

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("maildir:", "smtp://", "smtps://")):
            raise ValueError("must start with maildir:, smtp:// or smtps://")
        return value

    def resolved_password(self) -> str:
        if self.password_file:
            return Path(self.password_file).read_text(encoding="utf-8").strip()
        return self.password


class StoreSettings(_Section):
    url: str = "sqlite:///var/relay.db"
    # PostgreSQL: the schema holding the tables (several relays and a console share one)
    schema_name: str = Field(default="", pattern=r"^([a-z_][a-z0-9_]{0,62})?$")

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgresql://", "postgres://")):
            raise ValueError("must start with sqlite:// or postgresql://")
        return value


class QuarantineSettings(_Section):
    dir: str = "var/quarantine"


class SendersSettings(_Section):
    approved: list[str] = []

    @field_validator("approved")
    @classmethod
    def _lower(cls, value: list[str]) -> list[str]:
        return [v.strip().lower() for v in value]


class PolicySettings(_Section):
    files: list[str] = []
    passthrough_recipients: list[str] = []
    carrier_hosts: list[str] = []
    proactive_daily_limit: int = Field(default=600, gt=0)


class HttpSettings(_Section):
    listen: str = "127.0.0.1:8025"
    # PEM paths: the console over HTTPS (its session cookie is then Secure)
    tls_cert: str = ""
    tls_key: str = ""

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        split_host_port(value)
        return value

    @model_validator(mode="after")
    def _tls_pair(self) -> HttpSettings:
        if bool(self.tls_cert) != bool(self.tls_key):
            raise ValueError("tls_cert and tls_key must be set together")
        return self


def _address_key(value: str) -> str:
    """A sender address or `@domain`, as the notice mappings match it."""
    key = value.strip().lower()
    _local, at, domain = key.rpartition("@")
    if not at or not domain or " " in key:
        raise ValueError(f"{value!r} is not an address or @domain")
    return key


class NoticesSettings(_Section):
    """Notices to the writer of every held or rejected message (relay.review.notices)."""

    enabled: bool = True
    # sender address or "@domain" -> the address its notices go to (e.g. the agents' team)
    to: dict[str, str] = {}
    console_url: str = ""
    language: Literal["en", "de"] = "en"
    # sender address or "@domain" -> its notices' language
    languages: dict[str, Literal["en", "de"]] = {}
    # the notices' From: header; empty = bsm-relay@<[smtp] hostname>. The envelope sender of
    # a notice is always null (<>), as for any automatic reply, so nothing answers it.
    from_address: str = ""
    # at most rate_limit notices per recipient in rate_window seconds; the rest are recorded
    # as skipped (the quarantine entry and the SMTP reply still say everything)
    rate_limit: int = Field(default=30, ge=1)
    rate_window: float = Field(default=3600.0, gt=0)
    # a notice the upstream did not take is retried after retry_initial seconds, doubling up
    # to retry_max; poll_interval is how often the sender looks for due notices
    retry_initial: float = Field(default=30.0, gt=0)
    retry_max: float = Field(default=1800.0, gt=0)
    poll_interval: float = Field(default=5.0, gt=0)

    @field_validator("to")
    @classmethod
    def _to(cls, value: dict[str, str]) -> dict[str, str]:
        mapped: dict[str, str] = {}
        for key, address in value.items():
            target = address.strip()
            if "@" not in target.strip("@") or target.startswith("@"):
                raise ValueError(f"{key}: {address!r} is not an address")
            if is_buyer_alias(target):
                raise ValueError(f"{key}: notices never go to a buyer alias ({address})")
            mapped[_address_key(key)] = target
        return mapped

    @field_validator("languages")
    @classmethod
    def _languages(cls, value: dict[str, str]) -> dict[str, str]:
        return {_address_key(key): language for key, language in value.items()}

    @field_validator("console_url")
    @classmethod
    def _console_url(cls, value: str) -> str:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")
class SpapiSettings(_Section):
    """`[spapi]`: Amazon's Selling Partner API. Without client_id the relay uses CSV imports only.

    Secrets are SecretStr: their repr, model_dump and any validation message show `**********`.
    """

    client_id: str = ""
    client_secret: SecretStr = SecretStr("")
    client_secret_file: str = ""
    refresh_token: SecretStr = SecretStr("")
    refresh_token_file: str = ""
    endpoint: str = ""
    token_endpoint: str = ""
    marketplaces: list[str] = []
    sync_interval: float = Field(default=0, ge=0)
    lookup_budget: float = Field(default=3.0, ge=0, le=60)
    review_requests: Literal["mail", "solicitation"] = "mail"
    # Seconds a background-sync lease lasts without renewal: how long a dead holder blocks the
    # other relays. The holder renews it every lease_seconds / 3.
    lease_seconds: float = Field(default=60.0, ge=3)
    # Seconds one SP-API request may take before it counts as failed (and is retried).
    request_timeout: float = Field(default=20.0, gt=0)
    # Base of the exponential backoff (full jitter) after a 429, a 5xx or a network failure.
    retry_backoff: float = Field(default=1.0, gt=0, le=60)

    @field_validator("endpoint", "token_endpoint")
    @classmethod
    def _url(cls, value: str) -> str:
        if value and not value.startswith(("https://", "http://")):
            raise ValueError("must be an http(s) URL")
        return value.rstrip("/") if value else value

    @field_validator("marketplaces")
    @classmethod
    def _marketplaces(cls, value: list[str]) -> list[str]:
        from relay.spapi.marketplaces import MARKETPLACES

        for item in value:
            if item not in MARKETPLACES:
                raise ValueError(f"{item!r} is not a known marketplace id")
        return value

    @model_validator(mode="after")
    def _complete(self) -> SpapiSettings:
        if not self.enabled:
            # Credentials without client_id would leave the relay on CSV imports without a
            # word (and review requests mailed although "solicitation" was asked for).
            for key in _SPAPI_NEEDS_CLIENT_ID:
                if _is_set(getattr(self, key)):
                    raise ValueError(f"client_id is required when {key} is set")
            if self.review_requests == "solicitation":
                raise ValueError('client_id is required when review_requests = "solicitation"')
            return self
        if self.client_secret.get_secret_value() and self.client_secret_file:
            raise ValueError("set client_secret or client_secret_file, not both")
        if self.refresh_token.get_secret_value() and self.refresh_token_file:
            raise ValueError("set refresh_token or refresh_token_file, not both")
        for key in ("endpoint", "token_endpoint"):
            if not getattr(self, key):
                raise ValueError(f"{key} is required when client_id is set")
        if not self.client_secret.get_secret_value() and not self.client_secret_file:
            raise ValueError("client_secret or client_secret_file is required")
        if not self.refresh_token.get_secret_value() and not self.refresh_token_file:
            raise ValueError("refresh_token or refresh_token_file is required")
        if not self.marketplaces:
            raise ValueError("marketplaces must name at least one marketplace id")
        return self

    @property
    def enabled(self) -> bool:
        return bool(self.client_id)

    def resolved_client_secret(self) -> str:
        return _secret(self.client_secret, self.client_secret_file)

    def resolved_refresh_token(self) -> str:
        return _secret(self.refresh_token, self.refresh_token_file)


_SPAPI_NEEDS_CLIENT_ID: Final = (
    "client_secret",
    "client_secret_file",
    "refresh_token",
    "refresh_token_file",
    "endpoint",
    "token_endpoint",
    "marketplaces",
    "sync_interval",
)


def _is_set(value: object) -> bool:
    if isinstance(value, SecretStr):
        return bool(value.get_secret_value())
    return bool(value)


def _secret(value: SecretStr, path: str) -> str:
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return value.get_secret_value()


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="BSM_RELAY_",
        env_nested_delimiter="__",
        extra="forbid",
        frozen=True,
    )

    smtp: SmtpSettings = SmtpSettings()
    upstream: UpstreamSettings = UpstreamSettings()
    store: StoreSettings = StoreSettings()
    quarantine: QuarantineSettings = QuarantineSettings()
    senders: SendersSettings = SendersSettings()
    policy: PolicySettings = PolicySettings()
    http: HttpSettings = HttpSettings()
    notices: NoticesSettings = NoticesSettings()
    spapi: SpapiSettings = SpapiSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = _config_path_var.get("path")
        if path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=path))
        return tuple(sources)


# pydantic-settings builds sources in a classmethod; the chosen file is passed through here.
_config_path_var: dict[str, Path | None] = {"path": None}


def config_path(explicit: str | None = None) -> Path | None:
    """The file to read: --config, then $BSM_RELAY_CONFIG, then ./bsm-relay.toml if present."""
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    default = Path(DEFAULT_CONFIG_FILE)
    return default if default.exists() else None


def load_settings(explicit: str | None = None) -> Settings:
    """Read and validate the settings; raise ConfigError with one line naming the key."""
    path = config_path(explicit)
    if path is not None:
        if path.is_dir():
            raise ConfigError(f"config file {path} is a directory; name the .toml file in it")
        if not path.is_file():
            raise ConfigError(f"config file {path} not found")
        try:
            with path.open("rb") as handle:
                tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path}: {exc}") from None
        except OSError as exc:
            raise ConfigError(f"config file {path} cannot be read: {exc.strerror}") from None
    _check_environment_sections()
    _config_path_var["path"] = path
    try:
        settings = Settings()
    except ValidationError as exc:
        raise ConfigError(describe_validation_error(exc, str(path or "environment"))) from None
    finally:
        _config_path_var["path"] = None
    if settings.upstream.password_file and not Path(settings.upstream.password_file).is_file():
        raise ConfigError(f"upstream.password_file: {settings.upstream.password_file} not found")
    for key in ("client_secret_file", "refresh_token_file"):
        secret_path = getattr(settings.spapi, key)
        if secret_path and not Path(secret_path).is_file():
            raise ConfigError(f"spapi.{key}: {secret_path} not found")
    return settings


ENV_PREFIX = "BSM_RELAY_"


def _did_you_mean(name: str, known: list[str], show: Any = str) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {show(close[0])}?)" if close else ""


def _check_environment_sections() -> None:
    """`BSM_RELAY_SMPT__LISTEN` would be ignored without a word (pydantic-settings only reads
    the sections it knows): a settings variable naming no section stops start-up."""
    sections = list(Settings.model_fields)
    for name in sorted(os.environ):
        upper = name.upper()
        if not upper.startswith(ENV_PREFIX) or "__" not in upper:
            continue
        section, key = upper[len(ENV_PREFIX) :].split("__", 1)
        section = section.lower()
        if section not in sections:
            hint = _did_you_mean(
                section, sections, lambda s, k=key: f"{ENV_PREFIX}{s.upper()}__{k}"
            )
            raise ConfigError(f"environment variable {name}: unknown section {section}{hint}")


def _environment_variable(loc: tuple[Any, ...]) -> str | None:
    """The variable that set the value at `loc`, if it came from the environment."""
    if len(loc) < 2:
        return None
    wanted = f"{ENV_PREFIX}{loc[0]}__{loc[1]}".upper()
    return next((n for n in os.environ if n.upper() == wanted), None)


def _known_keys(loc: tuple[Any, ...]) -> list[str]:
    section = Settings.model_fields.get(str(loc[0])) if loc else None
    model = section.annotation if section is not None else None
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return list(Settings.model_fields)


def describe_validation_error(exc: ValidationError, where: str) -> str:
    first: Any = exc.errors()[0]
    loc = tuple(first["loc"])
    key = ".".join(str(part) for part in loc) or "(top level)"
    variable = _environment_variable(loc)
    if variable is not None:
        where = f"environment variable {variable}"
    if first["type"] == "extra_forbidden":
        hint = ""
        if loc:
            known = _known_keys(loc)
            prefix = ".".join(str(part) for part in loc[:-1])
            hint = _did_you_mean(str(loc[-1]), known, lambda k: f"{prefix}.{k}" if prefix else k)
            if variable is not None and hint:
                hint = _did_you_mean(
                    str(loc[-1]), known, lambda k: f"{ENV_PREFIX}{loc[0]}__{k}".upper()
                )
        return f"{where}: unknown key {key}{hint}"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: {key}: {message}"
