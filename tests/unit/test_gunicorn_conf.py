"""`gunicorn app:server` as production runs it writes only JSON lines (logs.py, gunicorn.conf.py):
gunicorn's own, one per request, and a background job's with the id of the request that started it;
/healthz answers without a login."""

from __future__ import annotations

import base64
import json
import time
from urllib.parse import urlencode

import pytest

from tests.gunicorn import Client, Gunicorn, callback_body

PASSWORD = "rahasia-panjang-1"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from store.database import open_store

    instance = tmp_path_factory.mktemp("gunicorn-logs")
    store = open_store(f"sqlite:///{instance / 'dasbor.sqlite3'}", seed=True)
    store.add_user("budi", "editor", PASSWORD)
    store.close()
    running = Gunicorn(instance, DASBOR_LOG_FORMAT="", DASBOR_LOG_LEVEL="").start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


def json_lines(server: Gunicorn) -> list[dict]:
    lines = [line for line in server.log_path.read_text().splitlines() if line.strip()]
    parsed = []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except ValueError:
            raise AssertionError(f"not a JSON line: {line!r}") from None
    return parsed


def run_preview(editor: Client) -> str:
    """Stage a small CSV on /data and run its preview job to the end; the id of the request that
    started the job."""
    dependencies = editor.get("/_dash-dependencies").json()
    csv = "No;Nama Inovasi;Perangkat Daerah;Urusan;Tahun\n1;Inovasi Rahasia;Dinas Kesehatan;Kesehatan;2011\n"
    staged = editor.callback(callback_body(dependencies, "edit-staged.data", {
        "edit-upload.contents": ["data:text/csv;base64," + base64.b64encode(csv.encode()).decode()],
        "edit-upload.filename": ["rekap_2011.csv"]}))
    token = staged.json()["response"]["edit-staged"]["data"]
    job = callback_body(dependencies, "edit-preview.children", {"edit-staged.data": token})
    started = editor.callback(job)
    query = "?" + urlencode({"cacheKey": started.json()["cacheKey"], "job": started.json()["job"]})
    polled = {**job, "inputs": [{**item, "value": None} for item in job["inputs"]]}
    deadline = time.monotonic() + 120
    while True:
        answer = editor.post_json("/_dash-update-component" + query, polled, editor.token())
        assert answer.status in (200, 204), answer.text[:500]
        if answer.status == 200 and "response" in answer.json():
            return started.headers["X-Request-ID"]
        assert time.monotonic() < deadline, "no preview after two minutes"
        time.sleep(0.3)


def test_every_line_is_json_requests_and_jobs_included(server):
    editor = Client(server)
    assert editor.login("budi", PASSWORD).status == 302
    request_id = run_preview(editor)   # the job writes its last line before its answer is stored
    lines = json_lines(server)
    assert any(line["logger"] == "gunicorn.error" and "Booting worker" in line.get("message", "") for line in lines)
    requests = [line for line in lines if line["event"] == "request"]
    assert {"/login", "/_dash-dependencies", "/_dash-update-component"} <= {line["path"] for line in requests}
    assert any(line["user"] == "budi" and line["path"] == "/_dash-update-component" for line in requests)
    job = {line["event"]: line for line in lines if line["event"].startswith("job.preview.")}
    assert set(job) == {"job.preview.started", "job.preview.finished"}, job
    assert job["job.preview.finished"]["request_id"] == request_id and job["job.preview.finished"]["user"] == "budi"
    assert job["job.preview.finished"]["records"] == 1
    assert "Rahasia" not in server.log_path.read_text() and PASSWORD not in server.log_path.read_text()


def test_healthz_through_gunicorn(server):
    answer = Client(server).get("/healthz")
    assert answer.status == 200 and answer.json()["status"] == "ok" and answer.json()["store"] is True
