"""Structured JSON logs on stdout: one line per event, buyer aliases masked, no secrets."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

from relay import aliases

_SECRET_KEYS = frozenset({"password", "pass", "passwd", "secret", "token", "authorization"})
_SECRET_PARTS = ("password", "passwd", "secret", "token", "credential")
# A buyer alias anywhere inside a value (an upstream reply, an error text): masked as well.
_ALIAS_IN_TEXT = re.compile(
    r"(?P<local>[^@\s<>\"'(),;:\[\]]+)@(?P<domain>(?:m\.)?marketplace\.amazon\.[a-z]{2,3}"
    r"(?:\.[a-z]{2})?)\b",
    re.IGNORECASE,
)
# URLs with a password (postgresql://user:pass@host): the password part is hidden.
_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]+(?=@)", re.I)


def _is_secret_key(key: str) -> bool:
    lowered = key.lower()
    return lowered in _SECRET_KEYS or any(part in lowered for part in _SECRET_PARTS)


def mask_text(text: str) -> str:
    """Every buyer alias in `text` masked, every URL password hidden."""
    if "@" not in text:
        return text
    text = _URL_PASSWORD.sub(r"\g<head>***", text)
    return _ALIAS_IN_TEXT.sub(lambda m: aliases.mask(m.group(0)), text)


def _mask_value(value: Any, depth: int = 0) -> Any:
    if isinstance(value, str):
        return mask_text(value)
    if depth > 4:
        return value
    if isinstance(value, list | tuple):
        return [_mask_value(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {
            k: "***" if isinstance(k, str) and _is_secret_key(k) else _mask_value(v, depth + 1)
            for k, v in value.items()
        }
    return value


def _mask_fields(
    _logger: Any, _name: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    for key in list(event):
        if key.lower() in _SECRET_KEYS or _is_secret_key(key):
            event[key] = "***"
            continue
        event[key] = _mask_value(event[key])
    return event


def configure(level: str = "info", stream: Any = None) -> None:
    """JSON to stdout (or `stream`); also routes stdlib logging (aiosmtpd's) through it."""
    stream = stream or sys.stdout
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
        structlog.processors.format_exc_info,
        _mask_fields,  # after format_exc_info: a traceback is masked too
        structlog.processors.JSONRenderer(),
    ]
    structlog.configure(
        processors=processors,
        wrapper_class=structlog.make_filtering_bound_logger(
            logging.getLevelNamesMapping()[level.upper()]
        ),
        logger_factory=structlog.PrintLoggerFactory(stream),
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processor=structlog.processors.JSONRenderer(),
            foreign_pre_chain=[
                structlog.stdlib.add_log_level,
                structlog.stdlib.add_logger_name,
                structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
                _mask_fields,
            ],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    # aiosmtpd logs every command line at INFO, including AUTH payloads at DEBUG: keep it quiet.
    logging.getLogger("mail.log").setLevel(logging.ERROR)
