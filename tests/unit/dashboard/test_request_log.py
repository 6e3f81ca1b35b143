"""One log line per request (dashboard.request_log): id, method, path without its query, status,
duration and the logged-in user; the balancer's X-Request-ID kept and sent back; nothing secret."""

from __future__ import annotations

import pytest

from tests.log_capture import captured_logs  # noqa: F401 - a fixture
from tests.unit.dashboard.callbacks import login
from tests.unit.dashboard.conftest import PASSWORD


@pytest.fixture
def client(seeded_app):
    return seeded_app.server.test_client()


def requests(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["event"] == "request"]


def test_one_line_per_request_with_its_id_status_and_duration(client, captured_logs):
    answer = client.get("/tren?q=Posyandu+Keliling&lang=en")
    [line] = requests(captured_logs())
    assert answer.headers["X-Request-ID"] == line["request_id"] and len(line["request_id"]) == 32
    assert {key: line[key] for key in ("level", "logger", "method", "path", "status", "user")} == {
        "level": "info", "logger": "dasbor.request", "method": "GET", "path": "/tren", "status": 302, "user": None}
    assert line["duration_ms"] >= 0
    assert "Posyandu" not in str(captured_logs())          # the query (a search text) is left out


def test_the_balancers_request_id_is_kept_and_a_bad_one_replaced(client, captured_logs):
    kept = client.get("/login", headers={"X-Request-ID": "9f1c2ab0e4d34c6f"})
    forged = client.get("/login", headers={"X-Request-ID": 'x" level=error {"event": "forged"}'})
    first, second = requests(captured_logs())
    assert first["request_id"] == kept.headers["X-Request-ID"] == "9f1c2ab0e4d34c6f"
    assert second["request_id"] == forged.headers["X-Request-ID"] != "x"
    assert len(second["request_id"]) == 32 and "forged" not in str(captured_logs())


def test_the_logged_in_user_is_named_and_the_password_never(client, captured_logs):
    login(client, "sari")
    client.get("/api/summary")
    lines = requests(captured_logs())
    assert lines[-1]["path"] == "/api/summary" and lines[-1]["status"] == 200 and lines[-1]["user"] == "sari"
    written = str(captured_logs())
    assert PASSWORD not in written and "csrf" not in written.lower()


def test_refused_requests_are_logged_with_their_status(client, captured_logs):
    client.get("/api/summary")
    client.post("/_dash-update-component", json={})
    assert [(line["path"], line["status"]) for line in requests(captured_logs())] == [
        ("/api/summary", 401), ("/_dash-update-component", 401)]


def test_health_probes_are_debug_while_healthy(client, captured_logs):
    client.get("/healthz")
    assert requests(captured_logs()) == []               # at info, the balancer's probes are not written


def test_a_failing_request_is_an_error_line_with_the_exceptions_type(seeded_app, captured_logs, monkeypatch):
    server = seeded_app.server

    def fail():
        raise RuntimeError("a cell: Inovasi Rahasia")

    monkeypatch.setitem(server.view_functions, "dasbor_summary", fail)
    monkeypatch.setitem(server.config, "PROPAGATE_EXCEPTIONS", False)
    client = server.test_client()
    login(client, "sari")
    assert client.get("/api/summary").status_code == 500
    lines = captured_logs()
    [request] = [line for line in requests(lines) if line["path"] == "/api/summary"]
    assert request["level"] == "error" and request["status"] == 500 and request["user"] == "sari"
    [exception] = [line for line in lines if line.get("error") == "RuntimeError"]
    assert exception["request_id"] == request["request_id"] and exception["stack"]
    assert "Inovasi Rahasia" not in str(lines)
