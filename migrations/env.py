"""Alembic environment for the store, configured in code by `store.engine.upgrade`.

There is no alembic.ini: the caller passes an open connection in `config.attributes["connection"]`
(so migrations run inside the store's own locked transaction). Without one, `sqlalchemy.url`
is used, else DATABASE_URL, else the embedded SQLite file.
"""

from alembic import context
from sqlalchemy import create_engine

config = context.config


def run_migrations(connection) -> None:
    context.configure(connection=connection, target_metadata=None, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    from store.database import database_url

    engine = create_engine(config.get_main_option("sqlalchemy.url") or database_url())
    with engine.begin() as connection:
        run_migrations(connection)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run them against a database")
run_online()
