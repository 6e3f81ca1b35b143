"""The log lines a test's code writes (logs.py in JSON, at info): `captured_logs()` gives them as
dicts. Imported by the test modules that check what is logged."""

from __future__ import annotations

import contextlib
import io
import json
import logging

import pytest

import logs


@contextlib.contextmanager
def log_stream(monkeypatch):
    """The process's log lines (logs.py at info, JSON unless a test configures otherwise) written to a
    stream while the block runs; the handler and the root level put back after."""
    monkeypatch.delenv("DASBOR_LOG_FORMAT", raising=False)
    monkeypatch.delenv("DASBOR_LOG_LEVEL", raising=False)
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    logs.configure("info", stream)
    try:
        yield stream
    finally:
        for handler in [h for h in root.handlers if h.get_name() == logs.HANDLER_NAME]:
            root.removeHandler(handler)
        root.setLevel(level)


@pytest.fixture
def captured_logs(monkeypatch):
    """A function returning the JSON lines written since the test began (the handler removed after)."""
    with log_stream(monkeypatch) as stream:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
