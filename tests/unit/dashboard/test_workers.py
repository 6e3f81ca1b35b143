"""Under `gunicorn app:server -w 2` (a real subprocess), a change to the store shows in BOTH workers'
answers within a second, without a restart (each worker polls the store's data version)."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.workbooks import make_xlsx, simple_table

ROOT = Path(__file__).resolve().parents[3]
NEW_ROWS = 5


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _ask(url: str) -> tuple[float, int, int]:
    """(when the request started, the answering worker's pid, the records it shows)."""
    started = time.monotonic()
    with urllib.request.urlopen(url, timeout=10) as response:
        body = json.loads(response.read())
    return started, body["pid"], body["records"]


@pytest.fixture
def gunicorn(tmp_path):
    from store.database import open_store

    store = open_store(f"sqlite:///{tmp_path / 'dasbor.sqlite3'}", seed=True)
    port = _free_port()
    env = {**os.environ, "DASBOR_INSTANCE": str(tmp_path), "DASBOR_TEST_SHOW_PID": "1",
           "DASBOR_ANONYMOUS_VIEW": "1"}
    env.pop("DATABASE_URL", None)
    env.pop("DASBOR_DATA", None)
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "app:server", "-w", "2", "-b", f"127.0.0.1:{port}"],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        yield store, f"http://127.0.0.1:{port}/api/summary", tmp_path / "gunicorn.log"
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()
        store.close()


def _both_workers(url: str, timeout: float, log: Path) -> dict[int, int]:
    """Ask until two different workers answered; their pid → records."""
    seen: dict[int, int] = {}
    deadline = time.monotonic() + timeout
    with ThreadPoolExecutor(4) as pool:
        while len(seen) < 2:
            if time.monotonic() > deadline:
                raise AssertionError(f"two workers did not answer: {seen}\n{log.read_text()[-4000:]}")
            try:
                for _, pid, records in pool.map(_ask, [url] * 4):
                    seen[pid] = records
            except OSError:
                time.sleep(0.3)
    return seen


def test_an_upload_shows_in_both_workers_within_a_second(gunicorn, tmp_path):
    store, url, log = gunicorn
    before = _both_workers(url, 90, log)
    records = len(store.current_frame())
    assert set(before.values()) == {records}
    book = make_xlsx(tmp_path / "rekap_2014.xlsx", {"2014": simple_table(
        [[i + 1, f"Inovasi Baru {i}", "Dinas Kesehatan", "Kesehatan", 2014] for i in range(NEW_ROWS)])})
    assert store.ingest([book], user="budi").ok
    committed = time.monotonic()
    first_new: dict[int, float] = {}
    stale_late = []
    with ThreadPoolExecutor(4) as pool:
        while len(first_new) < 2 and time.monotonic() - committed < 5:
            for started, pid, count in pool.map(_ask, [url] * 4):
                if count == records + NEW_ROWS:
                    first_new.setdefault(pid, started - committed)
                elif started - committed > 1.0:
                    stale_late.append((pid, count, started - committed))
    assert len(first_new) == 2, (first_new, log.read_text()[-4000:])
    assert all(delay <= 1.0 for delay in first_new.values()), first_new
    assert not stale_late, stale_late
