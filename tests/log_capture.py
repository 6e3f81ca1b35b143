"""The log lines a test's code writes (logs.py in JSON, at info): `captured_logs()` gives them as
dicts. Imported by the test modules that check what is logged."""

from __future__ import annotations

import io
import json
import logging

import pytest

import logs


@pytest.fixture
def captured_logs(monkeypatch):
    """A function returning the JSON lines written since the test began (the handler removed after)."""
    monkeypatch.delenv("DASBOR_LOG_FORMAT", raising=False)
    monkeypatch.delenv("DASBOR_LOG_LEVEL", raising=False)
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    handler = logs.configure("info", stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for handler in [h for h in root.handlers if h.get_name() == logs.HANDLER_NAME]:
        root.removeHandler(handler)
    root.setLevel(level)
