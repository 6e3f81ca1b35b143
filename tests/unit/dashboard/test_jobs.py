"""The /data preview and confirm as background jobs (dashboard/jobs.py, dashboard/pages/data_preview.py,
data_confirm.py) under `gunicorn app:server -w 2` with a worker timeout of two seconds: a 199,999-row
CSV (the row limit) takes far longer than that to read, normalise and compare, or to save, yet no
request waits for it, no worker is killed, both workers answer the job's polls (its state is on disk,
not in a worker), the stage is reported while it runs, and the preview arrives or the rows land;
clearing the upload removes its staged files."""

from __future__ import annotations

import base64
import json
import random
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest

from tests.gunicorn import Client, Gunicorn, callback_body

PASSWORD = "rahasia-panjang-1"
TIMEOUT = 2          # gunicorn's worker timeout in this test, in seconds
ROWS = 199_999       # with its header, the largest CSV the row limit allows
AGENCIES = ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Bappeda", "Kecamatan Gelumbang"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from store.database import open_store

    instance = tmp_path_factory.mktemp("gunicorn-jobs")
    store = open_store(f"sqlite:///{instance / 'dasbor.sqlite3'}", seed=True)
    store.add_user("budi", "editor", PASSWORD)
    store.close()
    # --preload: the workers are forked from a master that already built the app, so that booting
    # them does not count against a timeout this short
    running = Gunicorn(instance, "--timeout", str(TIMEOUT), "--preload", DASBOR_ANONYMOUS_VIEW="0").start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


def big_csv_url(first_year: int = 2018, last_year: int = 2025) -> str:
    rng = random.Random(11)
    lines = ["No;Nama Inovasi;Perangkat Daerah;Urusan;Tahun"]
    lines += [f"{i};Inovasi Layanan {i};{rng.choice(AGENCIES)};Kesehatan;{rng.randint(first_year, last_year)}"
              for i in range(1, ROWS + 1)]
    return "data:text/csv;base64," + base64.b64encode("\n".join(lines).encode()).decode()


def post(client: Client, body: dict, query: str = ""):
    return client.post_json("/_dash-update-component" + query, body, client.token())


def poll_both_workers(client: Client, body: dict, started, text_output: str) -> tuple[str, set, list]:
    """Poll the job `body` started (two polls at once, so both workers answer) until its answer:
    (the answer as JSON text, the workers that answered, the stages reported on `text_output`)."""
    query = "?" + urlencode({"cacheKey": started.json()["cacheKey"], "job": started.json()["job"]})
    polled = {**body, "inputs": [{**item, "value": None} for item in body["inputs"]]}
    workers, stages, answer = set(), [], None
    deadline = time.monotonic() + 600
    with ThreadPoolExecutor(2) as pool:
        while answer is None:
            assert time.monotonic() < deadline, "no answer after ten minutes"
            for response in pool.map(lambda _: post(client, polled, query), range(2)):
                assert response.status in (200, 204), response.text[:500]
                workers.add(response.worker)
                body = response.json() if response.status == 200 else {}
                stages += [text for key, text in body.get("progress", {}).items() if key.startswith(text_output)]
                answer = json.dumps(body["response"]) if "response" in body else answer
            time.sleep(0.3)
    return answer, workers, stages


def test_a_preview_longer_than_the_worker_timeout_runs_as_a_job_polled_by_both_workers(server):
    editor = Client(server)
    assert editor.login("budi", PASSWORD).status == 302
    dependencies = editor.get("/_dash-dependencies").json()
    staged = post(editor, callback_body(dependencies, "edit-staged.data", {
        "edit-upload.contents": [big_csv_url()], "edit-upload.filename": ["inovasi_2018_2025.csv"]}))
    assert staged.status == 200, staged.text[:500]
    token = staged.json()["response"]["edit-staged"]["data"]
    assert list((server.instance / "upload-staging" / token["token"]).glob("*/inovasi_2018_2025.csv"))

    job_body = callback_body(dependencies, "edit-preview.children", {"edit-staged.data": token})
    started_at = time.monotonic()
    started = post(editor, job_body)
    assert started.status == 200 and set(started.json()) >= {"cacheKey", "job"}   # answered at once: a handle
    answer, workers, stages = poll_both_workers(editor, job_body, started, "edit-progress-text")
    elapsed = time.monotonic() - started_at
    assert "199.999 inovasi terbaca dari 1 berkas" in answer and "edit-by-year" in answer, answer[:3000]
    assert elapsed > TIMEOUT, "the file must take longer than the worker timeout for this test to prove anything"
    assert len(workers) == 2 and started.worker in workers
    assert any(text.startswith(("Membaca", "Menormalkan", "Membandingkan")) for text in stages), stages
    assert "WORKER TIMEOUT" not in server.log()

    cleared = post(editor, callback_body(dependencies, "edit-staged.data", {
        "edit-upload.contents": None, "edit-staged.data": token}))
    assert cleared.status == 200 and not any((server.instance / "upload-staging").iterdir())


def test_saving_longer_than_the_worker_timeout_runs_as_a_job_and_the_rows_land(server):
    from store.database import open_store

    editor = Client(server)
    assert editor.login("budi", PASSWORD).status == 302
    dependencies = editor.get("/_dash-dependencies").json()
    staged = post(editor, callback_body(dependencies, "edit-staged.data", {
        "edit-upload.contents": [big_csv_url(2005, 2012)], "edit-upload.filename": ["inovasi_2005_2012.csv"]}))
    token = staged.json()["response"]["edit-staged"]["data"]
    store = open_store(f"sqlite:///{server.instance / 'dasbor.sqlite3'}", seed=False)
    try:
        before = len(store.current_frame())
        job_body = callback_body(dependencies, "edit-result.children", {
            "edit-confirm.n_clicks": 1, "edit-staged.data": token, "edit-changed.data": 0,
            "edit-state.data": {"blocked": False, "overlap": []}})
        started_at = time.monotonic()
        started = post(editor, job_body)
        assert started.status == 200 and set(started.json()) >= {"cacheKey", "job"}   # answered at once: a handle
        answer, workers, stages = poll_both_workers(editor, job_body, started, "edit-saving-text")
        elapsed = time.monotonic() - started_at
        assert "Tersimpan: 199.999 inovasi (1 batch)" in answer and "edit-saved" in answer, answer[:3000]
        assert elapsed > TIMEOUT, "saving must take longer than the worker timeout for this test to prove anything"
        assert len(workers) == 2 and started.worker in workers
        assert any(text.startswith("Membaca, memeriksa dan menyimpan 1 berkas") for text in stages), stages
        assert "WORKER TIMEOUT" not in server.log()
        assert len(store.current_frame()) == before + ROWS
        assert store.history()[-1]["file"] == "inovasi_2005_2012.csv" and store.history()[-1]["who"] == "budi"
        cleared = post(editor, callback_body(dependencies, "edit-staged.data", {   # the saved upload is cleared
            "edit-upload.contents": None, "edit-staged.data": token}))
        assert cleared.status == 200 and not any((server.instance / "upload-staging").iterdir())
    finally:
        store.close()


def test_a_job_that_died_is_told_apart_from_one_dash_stopped(tmp_path):
    import subprocess
    import sys

    from dashboard.jobs import _manager, job_failure

    jobs = _manager(str(tmp_path / "job-cache"))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()                                                  # ended with no answer, not stopped by Dash
    error = jobs.get_result("no-answer", dead.pid)
    assert job_failure(RuntimeError(error["background_callback_error"]["msg"])) == "died"
    assert jobs.get_result("no-answer", dead.pid) is jobs.UNDEFINED   # said once
    stopped = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    jobs.terminate_job(stopped.pid)                              # cancelled: Dash's "no update", no message
    stopped.wait()
    assert jobs.get_result("cancelled", stopped.pid) is jobs.UNDEFINED
    answered = subprocess.Popen([sys.executable, "-c", "pass"])
    answered.wait()
    jobs.handle.set("answered", {"done": 1})
    assert jobs.get_result("answered", answered.pid) == {"done": 1}   # one worker collects the answer ...
    assert jobs.get_result("answered", answered.pid) is jobs.UNDEFINED  # ... the other's poll just after: no "died"
    assert job_failure(RuntimeError("An error occurred inside a background callback: boom")) == "failed"


def test_a_preview_or_saving_without_an_answer_says_whether_its_job_died(caplog):
    """Both /data jobs' on_error (data_access.job_failed): a job killed from outside says so and logs
    nothing; one that raised says it failed and logs the error; in the page's language."""
    from types import SimpleNamespace
    from unittest import mock

    import dash

    from dashboard.jobs import JOB_DIED
    from dashboard.pages.data_confirm import confirm_failed
    from dashboard.pages.data_preview import preview_failed
    from i18n import t

    states = {"url.search": "?lang=en", "edit-changed.data": 2}
    with mock.patch.object(dash, "ctx", SimpleNamespace(states=states)), caplog.at_level("ERROR"):
        died, failed = preview_failed(RuntimeError(JOB_DIED)), confirm_failed(RuntimeError("boom"))
        preview_error = preview_failed(RuntimeError("bang"))[0]
    assert (died[0].id, died[0].color, died[0].children) == ("edit-refused", "danger", t("data.job_died", "en"))
    assert (failed[0].id, failed[0].children, failed[1]) == ("edit-not-saved", t("data.saving_failed", "en"), 3)
    assert preview_error.children == t("data.preview_failed", "en")
    assert [record.getMessage() for record in caplog.records] == [
        "saving an upload failed: boom", "the preview of an upload failed: bang"]
