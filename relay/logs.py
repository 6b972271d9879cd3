"""Structured JSON logs on stdout: one line per event, buyer aliases masked, no secrets."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import re
import sys
import threading
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog

from relay.model import aliases

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


# Log field names are the code's own few dozen (and rule codes in code_counts): one answer
# each, not five substring searches per field of every message line.
@functools.lru_cache(maxsize=1024)
def _is_secret_key(key: str) -> bool:
    lowered = key.lower()
    return lowered in _SECRET_KEYS or any(part in lowered for part in _SECRET_PARTS)


def mask_text(text: str) -> str:
    """Every buyer alias in `text` masked, every URL password hidden."""
    if "@" not in text:
        return text
    text = _URL_PASSWORD.sub(r"\g<head>***", text)
    return _ALIAS_IN_TEXT.sub(lambda m: aliases.mask(m.group(0)), text)


# Most fields of a message line are numbers, booleans or None: returned as they are, first.
_UNMASKED_TYPES = frozenset({int, float, bool, type(None)})


def _mask_value(value: Any, depth: int = 0) -> Any:
    kind = type(value)
    if kind in _UNMASKED_TYPES:
        return value
    if kind is str or isinstance(value, str):
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
    for key, value in list(event.items()):
        if _is_secret_key(key):
            event[key] = "***"
        elif type(value) not in _UNMASKED_TYPES:
            event[key] = _mask_value(value)
    return event


class _Reporter:
    """Says once, on stderr if it is still there, that a log sink failed; never raises."""

    def __init__(self) -> None:
        self._said: set[str] = set()
        self._lock = threading.Lock()

    def once(self, what: str, exc: BaseException) -> None:
        with self._lock:
            if what in self._said:
                return
            self._said.add(what)
        with contextlib.suppress(Exception):
            sys.stderr.write(
                f"bsm-relay: {what} failed ({type(exc).__name__}: {exc}); "
                "those log lines are dropped, the relay goes on\n"
            )
            sys.stderr.flush()


_REPORTER = _Reporter()


class ResilientStream:
    """A log sink that never raises (a closed pipe, a full disk): the first failure is reported
    once and the failing lines are dropped, so logging can never stop serving, stopping or
    answering. A closed pipe's descriptor is then pointed at /dev/null, so the interpreter's
    last flush at exit does not fail on it a second time."""

    def __init__(self, stream: TextIO, name: str = "log output") -> None:
        self._stream = stream
        self._name = name
        self.failed = False

    def write(self, text: str) -> int:
        if not self.failed:
            try:
                self._stream.write(text)
            except (OSError, ValueError) as exc:
                self._fail(exc)
        return len(text)

    def flush(self) -> None:
        if self.failed:
            return
        try:
            self._stream.flush()
        except (OSError, ValueError) as exc:
            self._fail(exc)

    def isatty(self) -> bool:
        with contextlib.suppress(Exception):
            return self._stream.isatty()
        return False

    def _fail(self, exc: BaseException) -> None:
        if not isinstance(exc, BrokenPipeError | ValueError):
            # a full disk may clear: drop this line, try the next (reported once)
            _REPORTER.once(self._name, exc)
            return
        # the reader is gone for good (a closed pipe, a closed file)
        self.failed = True
        with contextlib.suppress(Exception):
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, self._stream.fileno())
            finally:
                os.close(null)
        _REPORTER.once(self._name, exc)


def _resilient_logger_class(level: str) -> type[Any]:
    base: type[Any] = structlog.make_filtering_bound_logger(
        logging.getLevelNamesMapping()[level.upper()]
    )

    class ResilientBoundLogger(base):  # type: ignore[misc]
        """A log call never raises into the caller, whatever a processor or sink does."""

        def _proxy_to_logger(self, method_name: str, event: Any = None, **event_kw: Any) -> Any:
            try:
                return super()._proxy_to_logger(method_name, event, **event_kw)
            except Exception as exc:
                _REPORTER.once("logging", exc)
                return None

    return ResilientBoundLogger


class _ResilientHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """stdlib logging (aiosmtpd's): a failing record is reported once, never a traceback."""

    def handleError(self, record: logging.LogRecord) -> None:
        exc = sys.exc_info()[1]
        if exc is not None:
            _REPORTER.once("logging", exc)


LOG_FORMATS = ("json", "console")


def _renderer(log_format: str, stream: ResilientStream) -> Any:
    if log_format == "console":
        # for a person at a terminal: aligned, coloured only when it is one
        return structlog.dev.ConsoleRenderer(colors=stream.isatty())
    return structlog.processors.JSONRenderer()


def configure(level: str = "info", stream: Any = None, log_format: str = "json") -> None:
    """JSON lines (or `log_format="console"`) to stdout (or `stream`); also routes stdlib
    logging (aiosmtpd's) through it."""
    if log_format not in LOG_FORMATS:
        raise ValueError(f"log format must be one of {', '.join(LOG_FORMATS)}")
    stream = ResilientStream(stream or sys.stdout)
    processors: list[Any] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="timestamp"),
        structlog.processors.format_exc_info,
        _mask_fields,  # after format_exc_info: a traceback is masked too
        _renderer(log_format, stream),
    ]
    structlog.configure(
        processors=processors,
        wrapper_class=_resilient_logger_class(level),
        # one write() per line, its newline included: print() wrote the line and then the
        # newline, two system calls once stdout is unbuffered (PYTHONUNBUFFERED), and the
        # lines of processes sharing the output (a supervisor and its workers) interleaved
        # between them: two events on one line, neither readable as JSON
        logger_factory=structlog.WriteLoggerFactory(stream),
        cache_logger_on_first_use=False,
    )
    handler = _ResilientHandler(stream)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processor=_renderer(log_format, stream),
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
