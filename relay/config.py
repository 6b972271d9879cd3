"""Settings: one TOML file plus BSM_RELAY_<SECTION>__<KEY> environment overrides."""

from __future__ import annotations

import ipaddress
import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

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
    max_message_bytes: int = Field(default=20 * 1024 * 1024, gt=0)
    hostname: str = "bsm-relay"
    # The aiosmtpd session timeout covers the upload and handle_DATA; the upstream send is
    # bounded well below it (architecture trap 3).
    session_timeout: float = Field(default=300.0, gt=0)
    max_connections: int = Field(default=200, gt=0)
    max_failed_logins: int = Field(default=5, gt=0)
    failed_login_window: float = Field(default=300.0, gt=0)
    messages_per_minute_per_user: int = Field(default=120, gt=0)
    proxy_protocol_from: list[str] = []
    max_concurrent_checks: int = Field(default=4, gt=0)
    offload_bytes: int = Field(default=32 * 1024, ge=0)
    # Processes that parse messages of process_bytes and more (0: parse in threads only).
    parse_processes: int = Field(default=2, ge=0, le=64)
    process_bytes: int = Field(default=1024 * 1024, ge=0)
    # Processes sharing the listening port (SO_REUSEPORT); 1 runs in the serving process.
    workers: int = Field(default=1, ge=1, le=64)
    # Seconds a connection from a proxy_protocol_from address has to send its PROXY header.
    proxy_protocol_timeout: float = Field(default=10.0, ge=3.0)

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str) -> str:
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
        if bool(self.tls_cert) != bool(self.tls_key):
            raise ValueError("tls_cert and tls_key must be set together")
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
        if not path.is_file():
            raise ConfigError(f"config file {path} not found")
        try:
            with path.open("rb") as handle:
                tomllib.load(handle)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {path}: {exc}") from None
    _config_path_var["path"] = path
    try:
        settings = Settings()
    except ValidationError as exc:
        raise ConfigError(describe_validation_error(exc, str(path or "environment"))) from None
    finally:
        _config_path_var["path"] = None
    if settings.upstream.password_file and not Path(settings.upstream.password_file).is_file():
        raise ConfigError(f"upstream.password_file: {settings.upstream.password_file} not found")
    return settings


def describe_validation_error(exc: ValidationError, where: str) -> str:
    first: Any = exc.errors()[0]
    key = ".".join(str(part) for part in first["loc"]) or "(top level)"
    if first["type"] == "extra_forbidden":
        return f"{where}: unknown key {key}"
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: {key}: {message}"
