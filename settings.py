"""The environment variables the product reads, validated in one place.

    settings.get("DASBOR_MAX_UPLOAD_MB")     # 20.0 unless set; a bad value raises SettingError
    settings.check()                         # every variable at once: the SettingErrors found

Values are read when asked for (a test or an operator may change them between requests); the CLI
and `gunicorn app:server` call `exit_if_invalid` first, so a bad value stops the start with one line
naming the variable, the value and what is allowed (exit code 2), never a traceback later.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import urlsplit

from i18n import printable, t

TRUE_WORDS = ("1", "true", "yes", "on")
LOG_FORMATS = ("json", "text")
LOG_LEVELS = ("debug", "info", "warning", "error")
FALSE_WORDS = ("0", "false", "no", "off")
MIN_SECRET = 16
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
EXIT_INVALID = 2
EXIT_APP_LOAD = 4    # gunicorn's APP_LOAD_ERROR: the master stops instead of starting workers again


def _positive_number(text: str) -> float:
    value = float(text)
    if not 0 < value < float("inf"):
        raise ValueError(text)
    return value


def _positive_int(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise ValueError(text)
    return value


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def _switch(text: str) -> bool:
    word = text.lower()
    if word not in TRUE_WORDS + FALSE_WORDS:
        raise ValueError(text)
    return word in TRUE_WORDS


def _redis_url(text: str) -> str:
    if not text.startswith(REDIS_SCHEMES) or len(text) <= len(text.split("://", 1)[0]) + 3:
        raise ValueError(text)
    return text


def _secret(text: str) -> str:
    if len(text) < MIN_SECRET:
        raise ValueError(text)
    return text


def _choice(*words: str) -> Callable[[str], str]:
    """A parser accepting one of `words` (case ignored), giving it in lower case."""
    def parse(text: str) -> str:
        if text.lower() not in words:
            raise ValueError(text)
        return text.lower()
    return parse


def _url(*schemes: str) -> Callable[[str], str]:
    """A parser accepting a URL whose scheme is one of `schemes` and that names a host or a path."""
    def parse(text: str) -> str:
        parts = urlsplit(text)
        if parts.scheme.lower() not in schemes or not (parts.netloc or parts.path.strip("/")):
            raise ValueError(text)
        return text
    return parse


def _text(text: str) -> str:
    return text


def without_password(text: str) -> str:
    """`text` with the password of any URL in it replaced by ***
    ("postgresql://app:***@db/dasbor"): what logs and messages may show of a connection URL."""
    return re.sub(r"(\b[a-z][a-z0-9+.-]*://[^/\s:@]*:)[^/\s]*@", r"\1***@", text, flags=re.IGNORECASE)


@dataclass(frozen=True)
class Setting:
    name: str
    parse: Callable[[str], Any]
    allowed: str          # i18n key saying what values are allowed
    default: Any = None   # when unset or empty
    shown: Callable[[str], str] = printable   # what a message may repeat of a bad value


SETTINGS = {setting.name: setting for setting in [
    Setting("DASBOR_MAX_UPLOAD_MB", _positive_number, "settings.allowed.positive_number", 20.0),
    # the largest sheet the loaders read (loaders/limits.py): the largest real recap ×10
    Setting("DASBOR_MAX_ROWS", _positive_int, "settings.allowed.positive_int", 200_000),
    Setting("DASBOR_MAX_COLUMNS", _positive_int, "settings.allowed.positive_int", 1_000),
    Setting("DASBOR_MAX_CELLS", _positive_int, "settings.allowed.positive_int", 5_000_000),
    Setting("DASBOR_MAX_FIELD_CHARS", _positive_int, "settings.allowed.positive_int", 100_000),
    Setting("DASBOR_SESSION_IDLE_MINUTES", _positive_int, "settings.allowed.positive_int", 60),
    Setting("DASBOR_SESSION_MAX_HOURS", _positive_int, "settings.allowed.positive_int", 12),
    Setting("DASBOR_PROXY_COUNT", _count, "settings.allowed.count", 0),
    Setting("DASBOR_ANONYMOUS_VIEW", _switch, "settings.allowed.switch", None),   # None: while no user exists
    Setting("DASBOR_SECURE_COOKIES", _switch, "settings.allowed.switch", False),
    Setting("DASBOR_SECRET_KEY", _secret, "settings.allowed.secret", None,      # None: instance/secret_key
            lambda _value: "…"),                                               # never echo a secret
    # where the data lives and the shared services (README "Configuration")
    Setting("DATABASE_URL", _url("postgresql", "postgresql+psycopg", "sqlite"), "settings.allowed.database_url",
            None, lambda value: printable(without_password(value))),          # None: instance/dasbor.sqlite3
    # scale-out (dashboard/scale_out.py): background jobs on Celery, the view cache and login throttle in Redis
    Setting("REDIS_URL", _redis_url, "settings.allowed.redis_url", None,
            lambda value: printable(without_password(value))),                # None: no Redis, one host
    Setting("DASBOR_INSTANCE", _text, "settings.allowed.folder", None),          # None: ./instance
    Setting("DASBOR_CACHE_DIR", _text, "settings.allowed.folder", None),         # None: instance/job-cache
    Setting("DASBOR_VIEW_CACHE_MB", _positive_number, "settings.allowed.positive_number", 256.0),
    Setting("DASBOR_SPEEDUPS", _switch, "settings.allowed.switch", True),
    # the logs (logs.py): one line per request and per job or ingest event
    Setting("DASBOR_LOG_FORMAT", _choice(*LOG_FORMATS), "settings.allowed.log_format", "json"),
    Setting("DASBOR_LOG_LEVEL", _choice(*LOG_LEVELS), "settings.allowed.log_level", None),  # None: see logs.py
]}


class SettingError(ValueError):
    """A variable set to a value it cannot take; `message(lang)` is the one line to show."""

    def __init__(self, name: str, value: str):
        self.name, self.value = name, value
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        setting = SETTINGS[self.name]
        return t("settings.invalid", lang, name=self.name, value=setting.shown(self.value),
                 allowed=t(setting.allowed, lang, minimum=MIN_SECRET))


def get(name: str):
    """The value of variable `name` (its default when unset or blank); SettingError when it is bad."""
    setting = SETTINGS[name]
    raw = os.environ.get(name, "")
    if not raw.strip():
        return setting.default
    try:
        return setting.parse(raw.strip())
    except ValueError:
        raise SettingError(name, raw) from None


def check() -> list[SettingError]:
    """Every variable that is set to a value it cannot take."""
    errors = []
    for name in SETTINGS:
        try:
            get(name)
        except SettingError as err:
            errors.append(err)
    return errors


def exit_if_invalid(lang: str | None = None, code: int = EXIT_INVALID) -> None:
    """Print one line per bad variable on stderr and exit with `code`; nothing when all are fine.
    Without `lang` (gunicorn) each line says it in both languages."""
    errors = check()
    for err in errors:
        line = err.message(lang) if lang else f"{err.message('id')} / {err.message('en')}"
        print(line, file=sys.stderr)
    if errors:
        sys.exit(code)
