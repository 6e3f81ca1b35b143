"""The logs (logs.py): one JSON (or text) line per event with its time, level, event, the request's
context and its fields, never a secret or an exception's message; configured by $DASBOR_LOG_FORMAT
and $DASBOR_LOG_LEVEL."""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import logs
from tests.log_capture import log_stream

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def captured(monkeypatch):
    """The process's log lines as written to a stream (the handler removed afterwards)."""
    with log_stream(monkeypatch) as stream:
        yield stream


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_an_event_is_one_json_line_with_time_level_event_and_fields(captured):
    logs.event(logging.getLogger("dasbor.store"), "ingest", user="budi", records=979, batches=[3, 4])
    [line] = lines(captured)
    assert line.pop("time").endswith("Z")
    assert line == {"level": "info", "logger": "dasbor.store", "event": "ingest", "user": "budi", "records": 979,
                    "batches": [3, 4]}


def test_the_bound_context_is_on_every_line_until_unbound(captured):
    log = logging.getLogger("dasbor.test")
    token = logs.bind(request_id="abc123", user="sari")
    logs.event(log, "inside")
    log.warning("a library's own message %s", 42)
    logs.unbind(token)
    logs.event(log, "outside")
    inside, message, outside = lines(captured)
    assert inside["request_id"] == "abc123" and inside["user"] == "sari"
    assert message["event"] == "message" and message["message"] == "a library's own message 42"
    assert message["request_id"] == "abc123" and message["level"] == "warning"
    assert "request_id" not in outside and "user" not in outside


def test_secrets_are_never_written(captured):
    log = logging.getLogger("dasbor.test")
    logs.event(log, "connect", url="postgresql://app:hunter2-secret@db/dasbor", password="hunter2-secret",
               csrf_token="hunter2-secret", session_cookie="hunter2-secret")
    log.error("cannot reach redis://:hunter2-secret@cache:6379/0")
    written = captured.getvalue()
    assert "hunter2" not in written
    first, second = lines(captured)
    assert first["url"] == "postgresql://app:***@db/dasbor" and first["password"] == logs.REDACTED
    assert second["message"] == "cannot reach redis://:***@cache:6379/0"


def test_an_exception_is_its_type_and_frames_without_its_message(captured):
    log = logging.getLogger("dasbor.test")
    try:
        raise ValueError("Inovasi Posyandu Keliling, NIK 1603xxxx")   # a message may quote a cell
    except ValueError:
        log.exception("the preview of an upload failed")
    [line] = lines(captured)
    assert line["error"] == "ValueError" and line["message"] == "the preview of an upload failed"
    assert "Posyandu" not in captured.getvalue()
    assert any(frame.endswith("in test_an_exception_is_its_type_and_frames_without_its_message")
               for frame in line["stack"])


def test_at_debug_the_exceptions_message_is_written(monkeypatch, captured):
    monkeypatch.setenv("DASBOR_LOG_LEVEL", "debug")
    logs.configure("info", captured)
    try:
        raise ValueError("row 12: 'abc' is not a year")
    except ValueError:
        logging.getLogger("dasbor.test").exception("reading failed")
    [line] = lines(captured)
    assert line["error"] == "ValueError" and line["error_message"] == "row 12: 'abc' is not a year"


def test_timed_says_started_and_finished_or_failed_with_a_duration(captured):
    log = logging.getLogger("dasbor.jobs")
    with logs.timed(log, "job.report", user="budi") as extra:
        extra["format"] = "pdf"
    with pytest.raises(KeyError):
        with logs.timed(log, "job.preview", user="budi"):
            raise KeyError("a cell's value")
    events = lines(captured)
    assert [(line["event"], line["level"]) for line in events] == [
        ("job.report.started", "info"), ("job.report.finished", "info"),
        ("job.preview.started", "info"), ("job.preview.failed", "error")]
    assert events[1]["format"] == "pdf" and events[1]["duration_ms"] >= 0
    assert events[3]["error"] == "KeyError" and "a cell's value" not in captured.getvalue()


def test_text_format_is_one_readable_line(monkeypatch, captured):
    monkeypatch.setenv("DASBOR_LOG_FORMAT", "text")
    logs.configure("info", captured)
    token = logs.bind(request_id="r1")
    try:
        logs.event(logging.getLogger("dasbor.web"), "request", method="GET", path="/tren", status=200, user=None,
                   note="two words")
    finally:
        logs.unbind(token)
    text = captured.getvalue().splitlines()[-1]
    assert text.split(" ", 1)[1] == ('INFO request request_id=r1 method=GET path=/tren status=200 user=null '
                                     'note="two words"')


def test_the_level_comes_from_the_environment(monkeypatch, captured):
    monkeypatch.setenv("DASBOR_LOG_LEVEL", "warning")
    logs.configure("info", captured)
    logs.event(logging.getLogger("dasbor.test"), "quiet")
    logs.event(logging.getLogger("dasbor.test"), "loud", logging.WARNING)
    assert [line["event"] for line in lines(captured)] == ["loud"]


def test_configure_again_replaces_its_handler(captured):
    logs.configure("info", captured)
    logs.event(logging.getLogger("dasbor.test"), "once")
    assert len(lines(captured)) == 1


def test_a_bad_log_format_stops_the_cli_with_one_line():
    done = subprocess.run([sys.executable, "app.py", "history", "--lang", "en"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "DASBOR_LOG_FORMAT": "xml"})
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == ("DASBOR_LOG_FORMAT='xml' is not valid: use json (one JSON line per event) or text "
                           "(lines for people to read).\n")
