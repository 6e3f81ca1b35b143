"""GET /healthz: 200 with {status, store, data_version[, redis]} without a login while the store
answers; 503 when it does not; Redis reported (a real redis-server on loopback) when $REDIS_URL is set;
nothing of the data, no cookie, no error message."""

from __future__ import annotations

import pytest
import sqlalchemy.exc

from dashboard import health
from tests.gunicorn import free_port
from tests.log_capture import captured_logs  # noqa: F401 - a fixture


@pytest.fixture
def client(seeded_app, monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    return seeded_app.server.test_client()


def test_healthy_without_login_and_without_a_cookie(client, seeded_store):
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.is_json
    assert answer.get_json() == {"status": "ok", "store": True, "data_version": seeded_store.data_version()}
    assert "Set-Cookie" not in answer.headers and answer.headers["Cache-Control"] == "no-store"


def test_every_other_route_still_needs_a_login(client):
    """The store has users: /healthz is the only new way in, and it says nothing of the data."""
    assert client.get("/api/summary").status_code == 401
    assert set(client.get("/healthz").get_json()) == {"status", "store", "data_version"}


def test_a_new_upload_shows_in_the_data_version(client, seeded_store, tmp_path):
    from tests.workbooks import make_xlsx, simple_table

    before = client.get("/healthz").get_json()["data_version"]
    path = make_xlsx(tmp_path / "rekap_2012.xlsx", {"2012": simple_table([[1, "Inovasi Sehat", "Dinas Kesehatan",
                                                                           "Kesehatan", 2012]])})
    batch = seeded_store.ingest([path], user="budi").batches[0]["id"]
    try:
        assert client.get("/healthz").get_json()["data_version"] == seeded_store.data_version() != before
    finally:
        seeded_store.rollback(batch)


def test_store_unreachable_is_503_without_the_error(client, seeded_store, monkeypatch, captured_logs):
    def refuse():
        raise sqlalchemy.exc.OperationalError("SELECT", {}, Exception("could not connect to db.internal:5432 "
                                                                      "as dasbor password=hunter2"))

    monkeypatch.setattr(seeded_store, "data_version", refuse)
    answer = client.get("/healthz")
    assert answer.status_code == 503
    assert answer.get_json() == {"status": "unavailable", "store": False, "data_version": None}
    written = [line for line in captured_logs() if line["event"] == "health.store_unreachable"]
    assert written == [{**written[0], "level": "error", "error": "OperationalError"}]
    assert "hunter2" not in answer.get_data(as_text=True) + str(captured_logs())


def test_redis_reachable_is_reported(client, redis_url):
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.get_json()["redis"] is True and answer.get_json()["status"] == "ok"


def test_redis_down_is_degraded_but_200(client, monkeypatch):
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")   # nothing listens there
    answer = client.get("/healthz")
    assert answer.status_code == 200
    assert answer.get_json() == {**answer.get_json(), "status": "degraded", "store": True, "redis": False}


def test_store_and_redis_down_is_unavailable(client, seeded_store, monkeypatch):
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    monkeypatch.setattr(seeded_store, "data_version", lambda: 1 / 0)
    answer = client.get("/healthz")
    assert answer.status_code == 503 and answer.get_json()["status"] == "unavailable"


def test_files_read_directly_report_their_fingerprint(tmp_path, seeded_store):
    from dashboard import create_app
    from dashboard.sources import DataSource
    from loaders import SAMPLE_DIR

    source = DataSource([SAMPLE_DIR])
    app = create_app(source, seeded_store)
    answer = app.server.test_client().get("/healthz")
    assert answer.status_code == 200 and answer.get_json()["data_version"] == source.version()


def test_the_redis_client_is_made_once_per_url():
    assert health._redis("redis://127.0.0.1:1/0") is health._redis("redis://127.0.0.1:1/0")
