"""Shared fixtures: a store on SQLite (a file in tmp_path) and on a real PostgreSQL; the default
instance folder ($DASBOR_INSTANCE) moved to a temporary one for the whole session.

PostgreSQL: $DASBOR_TEST_POSTGRES_URL when set (a server where the tests may create databases),
else a throwaway cluster started here (initdb + pg_ctl from /usr/lib/postgresql/*/bin, as the
`postgres` user when running as root) on a free loopback port, removed at the end of the session.
If PostgreSQL cannot be started the store tests fail with the reason: they are never skipped.
Redis (the scale-out tests): a throwaway `redis-server` (tests/redis_server.py), likewise never skipped.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

PG_URL_ENV = "DASBOR_TEST_POSTGRES_URL"
INSTANCE_ENV = "DASBOR_INSTANCE"
BACKENDS = ["sqlite", "postgresql"]


def pytest_configure(config):
    """No test touches the project's instance/ folder: the default store and secret key of every app,
    CLI run and server started by the tests live in a temporary folder (unless one is given).
    Every Flask test client is a `CsrfClient`."""
    import flask

    flask.Flask.test_client_class = _csrf_client_class()
    if not os.environ.get(INSTANCE_ENV):
        os.environ[INSTANCE_ENV] = tempfile.mkdtemp(prefix="dasbor-test-instance-")
        config._dasbor_instance = os.environ[INSTANCE_ENV]
    for name in ("DATABASE_URL", "DASBOR_DATA", "DASBOR_ANONYMOUS_VIEW", "DASBOR_SECRET_KEY", "REDIS_URL"):
        os.environ.pop(name, None)


def pytest_unconfigure(config):
    folder = getattr(config, "_dasbor_instance", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


def _csrf_client_class():
    from flask.testing import FlaskClient

    class CsrfClient(FlaskClient):
        """Flask's test client sending the CSRF token with every POST as the browser does (Dash's
        renderer: the X-CSRFToken header from the `dasbor_csrf` cookie), fetching a page first when
        it has no token yet. `csrf=False` sends none, for the tests of the refusal itself."""

        def open(self, *args, csrf: bool = True, **kwargs):
            from dashboard.auth import CSRF_COOKIE, CSRF_HEADER

            if csrf and kwargs.get("method", "GET") not in ("GET", "HEAD", "OPTIONS"):
                if self.get_cookie(CSRF_COOKIE) is None:
                    super().open("/login")
                headers = dict(kwargs.pop("headers", None) or {})
                headers.setdefault(CSRF_HEADER, self.get_cookie(CSRF_COOKIE).value)
                kwargs["headers"] = headers
            return super().open(*args, **kwargs)

    return CsrfClient


class PostgresCluster:
    """A private PostgreSQL cluster in a temporary folder, listening on 127.0.0.1 only (trust auth)."""

    def __init__(self):
        self.bin = _postgres_bin()
        self.root = Path(tempfile.mkdtemp(prefix="dasbor-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.user = None
        if os.geteuid() == 0:  # initdb refuses to run as root
            self.user = "postgres"
            entry = pwd.getpwnam(self.user)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        done = subprocess.run([str(self.bin / args[0]), *args[1:]], capture_output=True, text=True,
                              user=self.user, cwd=self.root, timeout=120)
        if done.returncode:
            log = (self.root / "server.log")
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}\n"
                               + (log.read_text() if log.exists() else ""))

    def start(self) -> "PostgresCluster":
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                  "--locale=C", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options, "-w",
                  "-t", "60", "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def _postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    pg_ctl = found[-1] if found else shutil.which("pg_ctl")
    if not pg_ctl:
        raise RuntimeError("PostgreSQL is not installed: apt-get install -y postgresql "
                           f"(or set {PG_URL_ENV} to a server the tests may use)")
    return Path(pg_ctl).resolve().parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a PostgreSQL server (its 'postgres' database) that tests may create databases on."""
    if os.environ.get(PG_URL_ENV):
        yield os.environ[PG_URL_ENV]
        return
    cluster = PostgresCluster().start()
    try:
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def redis_server():
    """A throwaway Redis server (started for the session): its URL."""
    from tests.redis_server import RedisServer

    server = RedisServer().start()
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def redis_url(redis_server, monkeypatch):
    """$REDIS_URL set to an emptied throwaway Redis for this test (the dashboard's scale-out mode)."""
    import redis

    client = redis.Redis.from_url(redis_server)
    client.flushall()
    client.close()
    monkeypatch.setenv("REDIS_URL", redis_server)
    return redis_server


def _admin(server_url: str, statement: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql(statement)
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def store_url(request, tmp_path):
    """An empty database URL, once for SQLite and once for PostgreSQL (a fresh database per test)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'dasbor.sqlite3'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = f"dasbor_test_{uuid.uuid4().hex[:12]}"
    _admin(server, f'CREATE DATABASE "{name}"')
    yield server.rsplit("/", 1)[0] + f"/{name}"
    _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def store(store_url):
    """An empty, migrated store (not seeded) on each backend."""
    from store.database import open_store

    opened = open_store(store_url, seed=False)
    yield opened
    opened.close()
