"""The logs: one line per request and per job or ingest event, JSON or text, on stderr, through the
standard `logging` module.

    logs.configure("info")                      # at process start ($DASBOR_LOG_LEVEL / _FORMAT win)
    logs.event(log, "ingest", user="budi", records=979, duration_ms=812.4)
    with logs.timed(log, "job.report", user="budi"): ...   # job.report.started / .finished / .failed
    token = logs.bind(request_id="9f1c…"); ...; logs.unbind(token)   # added to every line meanwhile

A JSON line is {"time", "level", "logger", "event", then the context (request_id, user) and the
event's fields}; a line of another library is event "message" with its text as "message". What a
line may carry is chosen where it is written: ids, counts, codes, paths without their query, names of
users — never a cell of the data, a password, a token or a cookie. The formatter enforces what it can
on top: fields whose name says secret are dropped, any URL's password is masked, and an exception is
given by its type and its frames (file, line, function) without its message, which may quote a value
(at the debug level, chosen for a diagnosis, the message is written too).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import logging
import re
import sys
import time
import traceback
from typing import Any, Iterator

import settings

HANDLER_NAME = "dasbor"
SECRET_FIELD = re.compile(r"password|secret|token|cookie|authorization|session", re.IGNORECASE)
REDACTED = "[redacted]"
# other libraries' INFO lines that say nothing an operator needs (shown at debug)
QUIET = ("werkzeug", "alembic", "urllib3", "kaleido", "choreographer", "logistro")
_RECORD_KEYS = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}
_context: contextvars.ContextVar[dict] = contextvars.ContextVar("dasbor_log_context", default={})


def level_name(default: str) -> str:
    """The level in force: $DASBOR_LOG_LEVEL, else `default` (info for the server, warning for the
    other commands, so `ingest` run by hand prints only what it always printed)."""
    return (settings.get("DASBOR_LOG_LEVEL") or default).upper()


def configure(default_level: str = "info", stream=None) -> logging.Handler:
    """Send every log line of this process to `stream` (stderr) in $DASBOR_LOG_FORMAT, at
    $DASBOR_LOG_LEVEL or `default_level`; calling it again replaces the handler it added."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.set_name(HANDLER_NAME)
    handler.setFormatter(formatter())
    root.addHandler(handler)
    level = level_name(default_level)
    root.setLevel(level)
    for name in QUIET:
        logging.getLogger(name).setLevel("DEBUG" if level == "DEBUG" else "WARNING")
    return handler


def formatter() -> logging.Formatter:
    """The formatter of $DASBOR_LOG_FORMAT (json by default)."""
    return TextFormatter() if settings.get("DASBOR_LOG_FORMAT") == "text" else JsonFormatter()


def bind(**fields: Any) -> contextvars.Token:
    """Add `fields` (request_id, user) to every line written until `unbind(token)`."""
    return _context.set({**_context.get(), **fields})


def unbind(token: contextvars.Token) -> None:
    _context.reset(token)


def event(logger: logging.Logger, name: str, level: int = logging.INFO, **fields: Any) -> None:
    """One line saying that `name` happened, with `fields` (ids, counts, codes: never row data)."""
    if logger.isEnabledFor(level):
        logger.log(level, name, extra={"event": name, "fields": fields})


@contextlib.contextmanager
def timed(logger: logging.Logger, name: str, **fields: Any) -> Iterator[dict]:
    """`name`.started, then `name`.finished or `name`.failed (with the exception's type) with its
    duration_ms; the dict yielded adds fields to the last line (an outcome, a count)."""
    started = time.perf_counter()
    extra: dict = {}
    event(logger, f"{name}.started", **fields)
    try:
        yield extra
    except BaseException as error:
        event(logger, f"{name}.failed", logging.ERROR, **fields, **extra, error=type(error).__name__,
              duration_ms=_ms(started))
        raise
    event(logger, f"{name}.finished", **fields, **extra, duration_ms=_ms(started))


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def fields_of(record: logging.LogRecord) -> dict:
    """What one line says, in order: time, level, logger, event, the context, the fields."""
    base = {"time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"), "level": record.levelname.lower(), "logger": record.name}
    named = getattr(record, "event", None)
    base["event"] = named or "message"
    extra = dict(getattr(record, "fields", None) or {})
    if not named:
        base["message"] = record.getMessage()
        extra.update({key: value for key, value in vars(record).items()
                      if key not in _RECORD_KEYS and key not in ("event", "fields")})
    line = {**base, **_context.get(), **extra}
    if record.exc_info and record.exc_info[0] is not None:
        line["error"] = record.exc_info[0].__name__
        line["stack"] = [f"{frame.filename}:{frame.lineno} in {frame.name}"
                         for frame in traceback.extract_tb(record.exc_info[2])]
        if logging.getLogger().isEnabledFor(logging.DEBUG):   # diagnosis, by choice: it may quote data
            line["error_message"] = str(record.exc_info[1])
    return {key: _clean(key, value) for key, value in line.items()}


def _clean(key: str, value: Any) -> Any:
    if SECRET_FIELD.search(key):
        return REDACTED
    if isinstance(value, str):
        return settings.without_password(value)
    if isinstance(value, (int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_clean(key, item) for item in value]
    return settings.without_password(str(value))


class JsonFormatter(logging.Formatter):
    """One JSON object per line (UTF-8 text kept as is; a newline inside a value stays escaped)."""

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(fields_of(record), ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """`time LEVEL event key=value …` for people reading a terminal (values with spaces quoted)."""

    def format(self, record: logging.LogRecord) -> str:
        line = fields_of(record)
        head = f"{line.pop('time')} {line.pop('level').upper()} {line.pop('event')}"
        line.pop("logger")
        return " ".join([head, *(f"{key}={_text_value(value)}" for key, value in line.items())])


def _text_value(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return json.dumps(text, ensure_ascii=False) if not text or not text.isprintable() or " " in text else text
