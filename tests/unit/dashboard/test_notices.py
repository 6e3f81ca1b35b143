"""dashboard/notices.py: with $REDIS_URL on PostgreSQL, an app process listens for the store's notices,
so an upload made elsewhere shows at the next request although the source then asks the store on its
own only every 30 s; SQLite, or no $REDIS_URL, keeps the poll (nothing listens)."""

from __future__ import annotations

import time

import flask

from dashboard.notices import VersionListener, configure
from dashboard.sources import PUSHED_POLL_SECONDS, StoreSource
from store.database import open_store
from tests.unit.store.test_notices import book, postgres_url  # noqa: F401 - the fixture


def test_an_upload_elsewhere_is_heard_at_once_though_the_poll_waits_30_s(postgres_url, tmp_path):  # noqa: F811
    store, elsewhere = open_store(postgres_url, seed=False), open_store(postgres_url, seed=False)
    source = StoreSource(store)
    listener = VersionListener(source)
    try:
        listener.ensure_running()
        deadline = time.monotonic() + 30
        while not source._pushed:
            assert time.monotonic() < deadline, "never listening"
            time.sleep(0.05)
        before = source.dataset().version
        assert PUSHED_POLL_SECONDS >= 30
        assert elsewhere.ingest([book(tmp_path, 2019)], user="budi").ok   # another host, or the CLI
        committed = time.monotonic()
        while source.dataset().version == before:
            assert time.monotonic() - committed < 5, "the upload was not heard"
            time.sleep(0.02)
        assert len(source.dataset().frame) == 1
    finally:
        listener.stop()
        elsewhere.close()
        store.close()


def test_nothing_listens_on_sqlite_or_without_redis(redis_url, tmp_path, postgres_url, monkeypatch):  # noqa: F811
    sqlite = open_store(f"sqlite:///{tmp_path / 'dasbor.sqlite3'}", seed=False)
    postgres = open_store(postgres_url, seed=False)
    try:
        hooks = {}
        for name, store in (("sqlite", sqlite), ("postgres", postgres)):
            server = flask.Flask(name)
            configure(server, StoreSource(store))
            hooks[name] = len(server.before_request_funcs.get(None, []))
        monkeypatch.delenv("REDIS_URL")
        server = flask.Flask("no-redis")
        configure(server, StoreSource(postgres))
        hooks["postgres without redis"] = len(server.before_request_funcs.get(None, []))
        assert hooks == {"sqlite": 0, "postgres": 1, "postgres without redis": 0}
    finally:
        sqlite.close()
        postgres.close()
