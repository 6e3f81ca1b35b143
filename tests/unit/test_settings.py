"""The environment variables, validated in one place: a bad value is one clear line (variable, value,
what is allowed) and exit code 2, never a traceback — in the CLI and when gunicorn loads the app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name, raw, expected", [
    ("DASBOR_MAX_UPLOAD_MB", "", 20.0), ("DASBOR_MAX_UPLOAD_MB", " 2.5 ", 2.5),
    ("DASBOR_SESSION_IDLE_MINUTES", "", 60), ("DASBOR_SESSION_IDLE_MINUTES", "15", 15),
    ("DASBOR_SESSION_MAX_HOURS", "", 12), ("DASBOR_PROXY_COUNT", "", 0), ("DASBOR_PROXY_COUNT", "1", 1),
    ("DASBOR_ANONYMOUS_VIEW", "", None), ("DASBOR_ANONYMOUS_VIEW", "Yes", True), ("DASBOR_ANONYMOUS_VIEW", "0", False),
    ("DASBOR_SECURE_COOKIES", "on", True), ("DASBOR_SECRET_KEY", "k" * 16, "k" * 16),
    ("DATABASE_URL", "", None), ("DATABASE_URL", "postgresql://dasbor@db/dasbor", "postgresql://dasbor@db/dasbor"),
    ("DATABASE_URL", "sqlite:///tmp/x.sqlite3", "sqlite:///tmp/x.sqlite3"), ("REDIS_URL", "", None),
    ("REDIS_URL", "redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"), ("DASBOR_VIEW_CACHE_MB", "", 256.0),
    ("DASBOR_SPEEDUPS", "", True), ("DASBOR_SPEEDUPS", "off", False), ("DASBOR_LOG_FORMAT", "", "json"),
    ("DASBOR_LOG_FORMAT", "Text", "text"), ("DASBOR_LOG_LEVEL", "", None), ("DASBOR_LOG_LEVEL", "WARNING", "warning"),
    ("REDIS_URL", "unix:///run/redis.sock", "unix:///run/redis.sock"),
])
def test_good_values_and_defaults(monkeypatch, name, raw, expected):
    monkeypatch.setenv(name, raw)
    assert settings.get(name) == expected


@pytest.mark.parametrize("name, raw", [
    ("DASBOR_MAX_UPLOAD_MB", "abc"), ("DASBOR_MAX_UPLOAD_MB", "0"), ("DASBOR_MAX_UPLOAD_MB", "-3"),
    ("DASBOR_MAX_UPLOAD_MB", "nan"), ("DASBOR_MAX_UPLOAD_MB", "inf"), ("DASBOR_SESSION_IDLE_MINUTES", "1.5"),
    ("DASBOR_SESSION_MAX_HOURS", "0"), ("DASBOR_PROXY_COUNT", "-1"), ("DASBOR_ANONYMOUS_VIEW", "mungkin"),
    ("DASBOR_SECURE_COOKIES", "2"), ("DASBOR_SECRET_KEY", "pendek"), ("DATABASE_URL", "mysql://db/x"),
    ("DATABASE_URL", "db.internal"), ("REDIS_URL", "localhost:6379"), ("DASBOR_VIEW_CACHE_MB", "banyak"),
    ("REDIS_URL", "redis://"), ("DASBOR_SPEEDUPS", "kadang"), ("DASBOR_LOG_FORMAT", "xml"), ("DASBOR_LOG_LEVEL", "verbose"),
])
def test_bad_values_are_refused_by_name(monkeypatch, name, raw):
    monkeypatch.setenv(name, raw)
    with pytest.raises(settings.SettingError) as caught:
        settings.get(name)
    assert [err.name for err in settings.check()] == [name]
    assert caught.value.message("en").startswith(f"{name}=")
    assert ("'pendek'" not in caught.value.message("en")) if name == "DASBOR_SECRET_KEY" else \
        f"'{raw}'" in caught.value.message("en")


def test_the_message_says_variable_value_and_what_is_allowed(monkeypatch):
    monkeypatch.setenv("DASBOR_MAX_UPLOAD_MB", "abc\n\x1b[2J")
    [error] = settings.check()
    assert error.message("id") == ("DASBOR_MAX_UPLOAD_MB='abc\\n\\x1b[2J' tidak valid: isikan angka lebih dari 0, "
                                   "mis. 20.")
    assert error.message("en") == ("DASBOR_MAX_UPLOAD_MB='abc\\n\\x1b[2J' is not valid: use a number greater than 0, "
                                   "e.g. 20.")


@pytest.mark.parametrize("name, raw, shown", [
    ("DATABASE_URL", "mysql://dasbor:s3cret@db/dasbor", "mysql://dasbor:***@db/dasbor"),
    ("REDIS_URL", "http://:s3cret@redis:6379/0", "http://:***@redis:6379/0"),
])
def test_a_refused_url_is_repeated_without_its_password(monkeypatch, name, raw, shown):
    monkeypatch.setenv(name, raw)
    [error] = settings.check()
    assert "s3cret" not in error.message("en") and f"{name}='{shown}' is not valid" in error.message("en")


def test_without_password_masks_every_url_in_a_text():
    assert settings.without_password("connect postgresql://app:p@ss@db/x and redis://:pw@r:6379/0 failed") == (
        "connect postgresql://app:***@db/x and redis://:***@r:6379/0 failed")
    assert settings.without_password("postgresql://app@db/x") == "postgresql://app@db/x"


def _run(args: list[str], **env) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=120, stdin=subprocess.DEVNULL)


def test_the_cli_stops_with_one_line_and_exit_2():
    done = _run(["app.py", "inspect", "data/sample/iid_2021.csv", "--lang", "en"], DASBOR_MAX_UPLOAD_MB="abc")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "DASBOR_MAX_UPLOAD_MB='abc' is not valid: use a number greater than 0, e.g. 20.\n"


def test_gunicorn_stops_with_one_line_in_both_languages(tmp_path):
    done = _run(["-m", "gunicorn", "app:server", "-w", "2", "-b", "127.0.0.1:0"], DASBOR_SESSION_IDLE_MINUTES="sejam",
                DASBOR_INSTANCE=str(tmp_path))
    assert done.returncode == 2 and "Traceback" not in done.stderr   # gunicorn.conf.py: before any worker
    [line] = [line for line in done.stderr.splitlines() if "DASBOR_" in line]
    assert line == ("DASBOR_SESSION_IDLE_MINUTES='sejam' tidak valid: isikan bilangan bulat lebih "
                                   "dari 0, mis. 60. / DASBOR_SESSION_IDLE_MINUTES='sejam' is not valid: use a whole "
                                   "number greater than 0, e.g. 60.")


def test_a_redis_address_is_shown_without_its_password(monkeypatch):
    monkeypatch.setenv("REDIS_URL", "http://dasbor:rahasia@cache:6379")
    [error] = settings.check()
    assert "rahasia" not in error.message("en") and "'http://dasbor:***@cache:6379'" in error.message("en")
