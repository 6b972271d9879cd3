"""Structured JSON logs on stdout: one line per event, buyer aliases masked, no secrets."""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog

from relay import aliases

_SECRET_KEYS = frozenset({"password", "pass", "secret", "token", "authorization"})


def _mask_fields(
    _logger: Any, _name: str, event: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    for key in list(event):
        if key.lower() in _SECRET_KEYS:
            event[key] = "***"
        value = event[key]
        if isinstance(value, str) and aliases.is_buyer_alias(value):
            event[key] = aliases.mask(value)
        elif isinstance(value, list | tuple):
            event[key] = [
                aliases.mask(v) if isinstance(v, str) and aliases.is_buyer_alias(v) else v
                for v in value
            ]
    return event


def configure(level: str = "info", stream: Any = None) -> None:
    """JSON to stdout (or `stream`); also routes stdlib logging (aiosmtpd's) through it."""
    stream = stream or sys.stdout
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
        _mask_fields,
        structlog.processors.format_exc_info,
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
