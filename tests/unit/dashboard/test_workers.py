"""Under `gunicorn app:server -w 2` (a real subprocess), a change to the store shows in BOTH workers'
answers within a second, without a restart (each worker polls the store's data version)."""

import json
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.gunicorn import Gunicorn
from tests.workbooks import make_xlsx, simple_table

NEW_ROWS = 5


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
    server = Gunicorn(tmp_path, DASBOR_ANONYMOUS_VIEW="1").start()
    try:
        yield store, f"{server.url}/api/summary", server.log_path
    finally:
        server.stop()
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
