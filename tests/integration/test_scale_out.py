"""The scale-out layout on loopback, with real processes (issue 15): one PostgreSQL (a throwaway cluster),
one Redis (Debian's redis-server), two app hosts (`gunicorn app:server`, each with an instance folder
of its own, as on two machines) and one Celery worker (`celery -A dashboard.worker worker`, a third
folder), all configured by the environment alone. An editor logged in on A is logged in on B (the
session is in the store, the cookie signed by the shared secret):

- an upload through A (staged, previewed and saved by the worker) shows on B within a second, while B
  asks the store on its own only every 30 s (60 s if it did not listen: $DASBOR_TEST_POLL_SECONDS):
  PostgreSQL's notice told it;
- a report asked for on A is built by the Celery worker and collected from B;
- wrong passwords on A lock the name out on B too (the record is in Redis, not in the store).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
import secrets
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis as redis_client

from dashboard.sources import POLL_ENV, PUSHED_POLL_SECONDS
from dashboard.throttle import MAX_FAILURES, WINDOW
from tests.conftest import _admin
from tests.gunicorn import ROOT, Client, Gunicorn, callback_body
from tests.redis_server import RedisServer
from tests.workbooks import make_xlsx, simple_table

PASSWORD = "rahasia-panjang-1"
NEW_ROWS = 7
YEAR = 2010    # a year the sample does not hold: a plain "add" upload


class CeleryWorker:
    """`celery -A dashboard.worker worker` as the README says to start it; `wait_ready()`, `log()`, `stop()`."""

    def __init__(self, instance: Path, env: dict):
        self.log_path = instance / "celery.log"
        self.env = {**os.environ, "DASBOR_INSTANCE": str(instance), **env}
        self.process = None

    def start(self) -> "CeleryWorker":
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "dashboard.worker", "worker", "--loglevel=INFO",
             "--concurrency=1", "--hostname", f"dasbor-test-{uuid.uuid4().hex[:6]}@%h", "--without-gossip",
             "--without-mingle"], cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT)
        return self

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the Celery worker stopped:\n{self.log()}")
            if " ready." in self.log():
                return
            time.sleep(0.3)
        raise RuntimeError(f"the Celery worker was not ready in {timeout} s:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@pytest.fixture(scope="module")
def database(postgres_server):
    """A fresh PostgreSQL database, seeded with the sample, with an editor: its URL and the store."""
    from store.database import open_store

    name = f"dasbor_scale_{uuid.uuid4().hex[:12]}"
    _admin(postgres_server, f'CREATE DATABASE "{name}"')
    url = postgres_server.rsplit("/", 1)[0] + f"/{name}"
    store = open_store(url, seed=True)
    store.add_user("budi", "editor", PASSWORD)
    try:
        yield url, store
    finally:
        store.close()
        _admin(postgres_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def layout(database, tmp_path_factory):
    """Redis, app hosts A and B, and a Celery worker, on loopback: (A, B, worker, Redis, store)."""
    url, store = database
    redis = RedisServer().start()
    env = {"DATABASE_URL": url, "REDIS_URL": redis.url, "DASBOR_SECRET_KEY": secrets.token_hex(32),
           "DASBOR_ANONYMOUS_VIEW": "0", POLL_ENV: str(2 * PUSHED_POLL_SECONDS)}
    started = []
    try:
        worker = CeleryWorker(tmp_path_factory.mktemp("worker-host"), env).start()
        started.append(worker)
        hosts = []
        for name in ("a", "b"):
            host = Gunicorn(tmp_path_factory.mktemp(f"app-host-{name}"), **env).start()
            started.append(host)
            hosts.append(host)
        for process in started:
            process.wait_ready()
        yield hosts[0], hosts[1], worker, redis, store
    finally:
        for process in reversed(started):
            process.stop()
        redis.stop()


def logged_in_on_both(host_a: Gunicorn, host_b: Gunicorn) -> tuple[Client, Client]:
    """The editor logged in through A; the same browser (its cookies) speaking to B."""
    on_a = Client(host_a)
    assert on_a.login("budi", PASSWORD).status == 302
    on_b = Client(host_b)
    on_b.cookies = on_a.cookies    # one browser: one cookie jar, whichever host answers
    return on_a, on_b


def start_job(client: Client, body: dict) -> dict:
    """Start a background callback through one host: its handle {cacheKey, job}."""
    started = client.callback(body)
    assert started.status == 200 and set(started.json()) >= {"cacheKey", "job"}, started.text[:500]
    return started.json()


def collect_job(client: Client, body: dict, handle: dict, timeout: float = 300) -> tuple[str, dict]:
    """Poll a started job through `client`'s host, as Dash's renderer does: (the Celery task's id, its answer)."""
    query = "?" + urlencode({"cacheKey": handle["cacheKey"], "job": handle["job"]})
    polled = {**body, "inputs": [{**item, "value": None} for item in body["inputs"]]}
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = client.post_json("/_dash-update-component" + query, polled, client.token())
        assert response.status in (200, 204), response.text[:500]
        if response.status == 200 and "response" in response.json():
            return handle["job"].split("~")[0], response.json()["response"]   # "<task id>~<signature>"
        time.sleep(0.3)
    raise AssertionError(f"job {handle['job']} gave no answer in {timeout} s")


def run_job(start_on: Client, poll_on: Client, body: dict) -> tuple[str, dict]:
    """Start a background callback through one host and collect it through the other."""
    return collect_job(poll_on, body, start_job(start_on, body))


def records_on(client: Client) -> int:
    summary = client.get("/api/summary")
    assert summary.status == 200, summary.text[:300]
    return summary.json()["records"]


def test_an_upload_through_a_shows_on_b_within_a_second(layout, tmp_path):
    host_a, host_b, worker, _redis, store = layout
    on_a, on_b = logged_in_on_both(host_a, host_b)
    before = len(store.current_frame())
    assert records_on(on_a) == before and records_on(on_b) == before
    book = make_xlsx(tmp_path / f"rekap_{YEAR}.xlsx", {str(YEAR): simple_table(
        [[i + 1, f"Inovasi Skala {i}", "Dinas Kesehatan", "Kesehatan", YEAR] for i in range(NEW_ROWS)])})
    contents = ["data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,"
                + base64.b64encode(book.read_bytes()).decode()]
    dependencies = on_a.get("/_dash-dependencies").json()
    staged = on_a.callback(callback_body(dependencies, "edit-staged.data", {
        "edit-upload.contents": contents, "edit-upload.filename": [book.name]}))
    token = staged.json()["response"]["edit-staged"]["data"]
    assert token.get("token"), staged.text[:500]

    # the preview runs on the worker, another host: it reads the staged file from Redis
    job, preview = run_job(on_a, on_b, callback_body(dependencies, "edit-preview.children", {"edit-staged.data": token}))
    assert f"{NEW_ROWS} inovasi terbaca dari 1 berkas" in json.dumps(preview), json.dumps(preview)[:2000]
    assert re.search(rf"Task background_callback_\w+\[{job}\] succeeded", worker.log()), worker.log()[-3000:]
    state = preview["edit-state"]["data"]
    assert state["overlap"] == [] and not state["blocked"]

    # saving is a job too: the worker commits; the test's own store says when
    version = store.data_version()
    body = callback_body(dependencies, "edit-result.children", {
        "edit-confirm.n_clicks": 1, "edit-staged.data": token, "edit-state.data": state, "edit-changed.data": 0,
        "url.search": ""})
    handle = start_job(on_a, body)
    deadline = time.monotonic() + 300
    while store.data_version() == version:
        assert time.monotonic() < deadline, f"nothing was saved:\n{worker.log()[-3000:]}"
        time.sleep(0.01)
    committed = time.monotonic()
    seen = records_on(on_b)
    while seen != before + NEW_ROWS and time.monotonic() - committed < PUSHED_POLL_SECONDS:
        time.sleep(0.05)
        seen = records_on(on_b)
    delay = time.monotonic() - committed
    assert seen == before + NEW_ROWS, host_b.log()
    assert delay <= 1.0, f"B showed the upload after {delay:.2f} s:\n{host_b.log()}"
    job, saved = collect_job(on_b, body, handle)
    assert "edit-saved" in json.dumps(saved), json.dumps(saved)[:1000]
    assert len(store.current_frame()) == before + NEW_ROWS


def test_a_report_asked_for_on_a_is_built_by_the_worker_and_collected_from_b(layout):
    host_a, host_b, worker, _redis, _store = layout
    on_a, on_b = logged_in_on_both(host_a, host_b)
    dependencies = on_a.get("/_dash-dependencies").json()
    body = callback_body(dependencies, "report-download.data", {"report-export-pdf.n_clicks": 1,
                                                                  "url.search": "?from=2015&to=2017"})
    job, answer = run_job(on_a, on_b, body)
    download = answer["report-download"]["data"]
    assert download["filename"].endswith(".pdf") and download["base64"]
    assert base64.b64decode(download["content"]).startswith(b"%PDF-")
    assert re.search(rf"Task background_callback_\w+\[{job}\] succeeded", worker.log()), worker.log()[-3000:]


def test_a_lockout_made_on_a_holds_on_b(layout):
    host_a, host_b, _worker, redis, store = layout
    guesser_a, guesser_b = Client(host_a, "127.0.0.5"), Client(host_b, "127.0.0.5")
    for _ in range(MAX_FAILURES):
        assert guesser_a.login("budi", "salah-sekali").status == 200
    refused = guesser_b.login("budi", PASSWORD)         # the right password, on the other host: still locked
    assert refused.status == 429 and 'id="login-error"' in refused.text
    assert Client(host_b, "127.0.0.6").login("budi", PASSWORD).status == 302   # the editor's own desk
    since = dt.datetime.now(dt.timezone.utc) - WINDOW
    assert store.login_failures("budi", "127.0.0.5", since=since) == ([], 0)   # kept in Redis, not the store
    assert redis_client.Redis.from_url(redis.url).keys("dasbor:login:*")
