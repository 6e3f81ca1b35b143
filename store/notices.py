"""Data-version notices: on PostgreSQL every change of the data version is announced on `CHANNEL`
when its transaction commits (a trigger, migration 0009), whoever made it. `listen` waits for them on
a connection of its own (psycopg's LISTEN), so a reader learns of an upload at once instead of asking.
SQLite has none (`supported` is False): its readers ask (dashboard.sources polls).
"""

from __future__ import annotations

from typing import Callable

import sqlalchemy as sa

CHANNEL = "dasbor_data_version"
KEEPALIVE_SECONDS = 30   # with no notice for this long the link is tried, so a dead one fails instead of waiting


def supported(engine: sa.Engine) -> bool:
    """Does this store send notices?"""
    return engine.dialect.name == "postgresql"


def listen(engine: sa.Engine, on_notice: Callable[[], None], on_listening: Callable[[], None]) -> None:
    """Listen on `CHANNEL`: `on_listening()` once the server listens for us, then `on_notice()` at each
    notice. Returns only by raising (psycopg.Error) when the connection fails; the caller listens again."""
    import psycopg

    url = engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(url, autocommit=True, connect_timeout=10) as connection:
        connection.execute(f"LISTEN {CHANNEL}")
        on_listening()
        while True:
            for _notice in connection.notifies(timeout=KEEPALIVE_SECONDS):
                on_notice()
            connection.execute("SELECT 1")
