"""The /data preview as a background job (dashboard/jobs.py, dashboard/pages/data_preview.py) under
`gunicorn app:server -w 2` with a worker timeout of two seconds: a 199,999-row CSV (the row limit)
takes far longer than that to read, normalise and compare, yet no request waits for it, no worker is
killed, both workers answer the job's polls (its state is on disk, not in a worker), the stage is
reported while it runs, and the preview arrives; clearing the upload removes its staged files."""

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


def big_csv_url() -> str:
    rng = random.Random(11)
    lines = ["No;Nama Inovasi;Perangkat Daerah;Urusan;Tahun"]
    lines += [f"{i};Inovasi Layanan {i};{rng.choice(AGENCIES)};Kesehatan;{rng.randint(2018, 2025)}"
              for i in range(1, ROWS + 1)]
    return "data:text/csv;base64," + base64.b64encode("\n".join(lines).encode()).decode()


def post(client: Client, body: dict, query: str = ""):
    return client.post_json("/_dash-update-component" + query, body, client.token())


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
    query = "?" + urlencode({"cacheKey": started.json()["cacheKey"], "job": started.json()["job"]})
    polled = {**job_body, "inputs": [{**item, "value": None} for item in job_body["inputs"]]}
    workers, stages, answer = set(), [], None
    with ThreadPoolExecutor(2) as pool:
        while answer is None:
            assert time.monotonic() - started_at < 600, "no preview after ten minutes"
            for response in pool.map(lambda _: post(editor, polled, query), range(2)):  # two at once: both workers
                assert response.status in (200, 204), response.text[:500]
                workers.add(response.worker)
                body = response.json() if response.status == 200 else {}
                stages += [text for key, text in body.get("progress", {}).items() if key.endswith("text.children")]
                answer = json.dumps(body["response"]) if "response" in body else answer
            time.sleep(0.3)
    elapsed = time.monotonic() - started_at
    assert "199.999 inovasi terbaca dari 1 berkas" in answer and "edit-by-year" in answer, answer[:3000]
    assert elapsed > TIMEOUT, "the file must take longer than the worker timeout for this test to prove anything"
    assert len(workers) == 2 and started.worker in workers
    assert any(text.startswith(("Membaca", "Menormalkan", "Membandingkan")) for text in stages), stages
    assert "WORKER TIMEOUT" not in server.log()

    cleared = post(editor, callback_body(dependencies, "edit-staged.data", {
        "edit-upload.contents": None, "edit-staged.data": token}))
    assert cleared.status == 200 and not any((server.instance / "upload-staging").iterdir())
