"""The writes the dashboard's overlays share (the proposal workspaces, store/workspace.py, and the IID evidence,
store/iid_evidence.py): a write transaction serialised with the overlay's other writers, and the overlay's own
version counter bumped with every change.

SQLite serialises every writer (BEGIN IMMEDIATE); PostgreSQL takes an advisory lock of the overlay's own, apart
from the uploads' (so a save never waits for an upload). The counter is a meta row of its own, so the uploaded
rows need not be read again when only an overlay changed (Store.data_version).
"""

from __future__ import annotations

from contextlib import contextmanager

import sqlalchemy as sa

from store.tables import meta


@contextmanager
def overlay_write(store, lock_key: int):
    """A write transaction of `store` holding the advisory lock `lock_key` (PostgreSQL) till it ends."""
    with store._write(lock=False) as connection:
        if store.engine.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(lock_key)))
        yield connection


def bump_version(connection, key: str) -> None:
    """Add one to the counter in meta row `key` (created at 1)."""
    updated = connection.execute(meta.update().where(meta.c.key == key).values(
        value=sa.cast(sa.cast(meta.c.value, sa.Integer) + 1, sa.Text)))
    if not updated.rowcount:
        connection.execute(meta.insert().values(key=key, value="1"))
