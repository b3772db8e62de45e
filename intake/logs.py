"""Log lines with context: key=value fields in text, the same fields as keys in JSON.

Every line about a message or a case carries its identifiers as fields
(``inbound_id``, ``reference``, ``office``, ``outbox_id``...), so that one grep,
or one query in the log store, finds all the lines of a message. Two ways to
give them:

- ``extra={...}`` on the call, for what the line itself is about:
  ``log.info("case registered", extra={"reference": ref, "office": office})``;
- ``with bound(inbound_id=12):`` around a piece of work: every line logged
  inside it gets the field, also from modules that do not know the message
  (attachments, parsing, the mailbox). A contextvar, so threads keep theirs apart.

The CLI installs one handler with ``configure``: text by default, the classic
``time LEVEL logger: message`` followed by the fields (``case registered
reference=KBH-2026-000004 office=trafik inbound_id=4``), or one JSON object per
line (python-json-logger) with ``time``, ``level``, ``logger``, ``message`` and the
fields as keys. Its ``MaskFilter`` masks e-mail addresses and CPR numbers in every
record at INFO and above, whichever module wrote it: defence in depth behind the
rule that such lines never contain them.
"""
from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from types import MappingProxyType
from typing import Any

from pythonjsonlogger.json import JsonFormatter

from intake.privacy import mask

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FORMATS = ("text", "json")
_NO_FIELDS: Mapping[str, Any] = MappingProxyType({})
_bound: ContextVar[Mapping[str, Any]] = ContextVar("intake_log_fields", default=_NO_FIELDS)
# What every LogRecord has (and what formatters add); anything else on a record is a context field.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "taskName"}


@contextmanager
def bound(**fields: Any) -> Iterator[None]:
    """Add ``fields`` to every line logged inside the block (nested blocks add to the outer ones)."""
    token = _bound.set({**_bound.get(), **fields})
    try:
        yield
    finally:
        _bound.reset(token)


def context_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The fields of ``record`` beyond the standard ones: its ``extra`` and what ``bound`` added."""
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and not k.startswith("_")}


class ContextFilter(logging.Filter):
    """Adds the fields of the enclosing ``bound`` blocks to each record; a field given on the call wins."""

    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in _bound.get().items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True


class MaskFilter(logging.Filter):
    """Masks addresses and CPR numbers at INFO and above: message, arguments, fields and traceback.

    DEBUG lines are left whole: they are for a developer's terminal, never on by default.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.INFO:
            return True
        try:
            record.msg, record.args = mask(record.getMessage()), None
        except Exception:  # noqa: BLE001 - a malformed call: the handler reports it; a filter must not raise
            return True
        for key, value in context_fields(record).items():
            if isinstance(value, str):
                setattr(record, key, mask(value))
        if record.exc_info:
            record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True


def _value(value: Any) -> str:
    text = str(value)
    if not text or any(c.isspace() or c in '"=' for c in text):
        return json.dumps(text, ensure_ascii=False)
    return text


class TextFormatter(logging.Formatter):
    """The classic line, then the context fields as ``key=value`` (quoted when they hold spaces)."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        fields = context_fields(record)
        return line + "".join(f" {key}={_value(value)}" for key, value in fields.items())


def json_formatter() -> logging.Formatter:
    """One JSON object per line: time, level, logger, message, then every context field as a key."""
    return JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s",
                         rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
                         datefmt="%Y-%m-%dT%H:%M:%S%z", json_ensure_ascii=False)


class StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is when a line is logged (a test runner swaps it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property  # type: ignore[override]
    def stream(self):  # noqa: D102
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def unconfigure(level: int = logging.WARNING) -> None:
    """Remove the handler ``configure`` installed and set the root level back to ``level``."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, StderrHandler)]:
        root.removeHandler(old)
    root.setLevel(level)


def configure(level: int = logging.INFO, fmt: str = "text") -> logging.Handler:
    """Log to stderr at ``level`` in ``fmt`` ("text" or "json"), with context fields and masking.

    Called again (``intake -v case -v list``), it replaces the handler it installed before.
    """
    if fmt not in LOG_FORMATS:
        raise ValueError(f"log format must be one of {', '.join(LOG_FORMATS)}, not {fmt!r}")
    unconfigure(level)
    root = logging.getLogger()
    handler = StderrHandler()
    handler.setFormatter(json_formatter() if fmt == "json" else TextFormatter())
    handler.addFilter(ContextFilter())
    handler.addFilter(MaskFilter())
    root.addHandler(handler)
    logging.getLogger("alembic").setLevel(logging.DEBUG if level <= logging.DEBUG else logging.WARNING)
    return handler
