"""store/notices.py and migration 0009: on PostgreSQL an upload and a rollback each announce a new data
version when they commit (whoever makes them); SQLite announces nothing."""

from __future__ import annotations

import contextlib
import threading
import uuid

import psycopg
import pytest

from store.database import open_store
from store.notices import listen, supported
from tests.conftest import _admin
from tests.workbooks import make_xlsx, simple_table


@pytest.fixture
def postgres_url(postgres_server):
    name = f"dasbor_test_{uuid.uuid4().hex[:12]}"
    _admin(postgres_server, f'CREATE DATABASE "{name}"')
    yield postgres_server.rsplit("/", 1)[0] + f"/{name}"
    _admin(postgres_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def book(folder, year: int):
    return make_xlsx(folder / f"rekap_{year}.xlsx", {str(year): simple_table(
        [[1, f"Inovasi {year}", "Dinas Kesehatan", "Kesehatan", year]])})


def test_an_upload_and_a_rollback_are_announced_when_they_commit(postgres_url, tmp_path):
    store = open_store(postgres_url, seed=False)
    listening, notices = threading.Event(), []
    arrived = threading.Semaphore(0)

    def heard():
        notices.append(store.data_version())
        arrived.release()

    def listening_until_dropped():
        with contextlib.suppress(psycopg.Error):   # the database is dropped under it at the end
            listen(store.engine, heard, listening.set)

    threading.Thread(target=listening_until_dropped, daemon=True).start()
    try:
        assert listening.wait(30)
        result = store.ingest([book(tmp_path, 2019)], user="budi")
        assert arrived.acquire(timeout=10)
        assert notices == [store.data_version()]        # the notice came after the commit: the new version
        store.rollback(result.batches[0]["id"])
        assert arrived.acquire(timeout=10)
        assert len(notices) == 2 and notices[1] != notices[0]
    finally:
        store.close()


def test_sqlite_announces_nothing(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'dasbor.sqlite3'}", seed=False)
    try:
        assert not supported(store.engine)
    finally:
        store.close()
