"""Where the store lives (its URL, the instance folder), its engine set-up and the Alembic glue
(migrations/ holds the scripts; no ini file).

SQLAlchemy is imported where an engine is made, not at import: `python app.py inspect` reads the
names below to learn whether there is a store at all, and must not pay for SQLAlchemy when there is none."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlalchemy as sa

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
ENV_URL = "DATABASE_URL"
ENV_INSTANCE = "DASBOR_INSTANCE"  # the instance folder (SQLite file, secret key); default ./instance
DEFAULT_INSTANCE = Path(__file__).resolve().parent.parent / "instance"
EMBEDDED_FILE = "dasbor.sqlite3"  # the embedded store, in the instance folder


def database_url(url: str | None = None) -> str:
    """`url`, else $DATABASE_URL, else the embedded SQLite file (its folder created)."""
    url = url or os.environ.get(ENV_URL)
    if url:
        return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    path = instance_dir() / EMBEDDED_FILE
    _private_file(path)
    return f"sqlite:///{path}"


def _private_file(path: Path) -> None:
    """Create the embedded store's file readable by its owner only (0600; SQLite gives its -wal and
    -shm files the same mode), and take group and other access away from an older one."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        if os.stat(path).st_mode & 0o077 and os.stat(path).st_uid == os.geteuid():
            path.chmod(0o600)


def instance_dir() -> Path:
    """$DASBOR_INSTANCE, else instance/ in the project: the embedded store (with users' password
    hashes) and the secret key, so the folder is created readable by its owner only (0700)."""
    folder = Path(os.environ.get(ENV_INSTANCE) or DEFAULT_INSTANCE)
    if not folder.exists() or folder.resolve() == Path(DEFAULT_INSTANCE).resolve():
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
    return folder


def upgrade(connection: sa.Connection) -> None:
    """Run the Alembic migrations up to head on `connection` (inside the caller's transaction)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def create_engine(url: str) -> sa.Engine:
    """An engine for `url`. SQLite: WAL (readers never wait for an upload), foreign keys on, and
    BEGIN IMMEDIATE for connections marked `execution_options(dasbor_write=True)`."""
    import sqlalchemy as sa

    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"timeout": 120})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None    # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if ":memory:" not in url:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection):
        writing = connection.get_execution_options().get("dasbor_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine
