"""What the dashboard's unit tests share: a store of their own (SQLite in a temporary folder) seeded with
the sample and two accounts — budi (editor) and sari (viewer), both with PASSWORD — and an app on it."""

from __future__ import annotations

from pathlib import Path

import pytest

PASSWORD = "rahasia-panjang-1"
USERS = {"budi": "editor", "sari": "viewer"}


def seed_store(folder: Path):
    """The store `folder`/dasbor.sqlite3, seeded with the sample data, with USERS (password PASSWORD)."""
    from store.database import open_store

    store = open_store(f"sqlite:///{folder / 'dasbor.sqlite3'}", seed=True)
    for name, role in USERS.items():
        store.add_user(name, role, PASSWORD)
    return store


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory):
    store = seed_store(tmp_path_factory.mktemp("seeded-store"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def seeded_app(seeded_store):
    """The app on `seeded_store` (its data and its accounts), Dash's routing set up."""
    from dashboard import create_app
    from dashboard.sources import StoreSource

    app = create_app(StoreSource(seeded_store), seeded_store)
    app.server.test_client().get("/")  # the first request sets up Dash's routing
    return app
