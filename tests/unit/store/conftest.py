"""What the tests of the entries kept per innovation (proposal workspaces, IID evidence) share: a store
holding the 2025 sample edition, and the identity of its row 2 as the store sees it."""

from __future__ import annotations

import pytest

from loaders import SAMPLE_DIR
from store.identity import identity_key

IID_2025 = SAMPLE_DIR / "iid_2025.xlsx"   # 108 innovations of 2025
NAME = "Musrenbang Perempuan"             # row 2 of iid_2025.xlsx


def identity_of(store, name: str = NAME) -> str:
    """The identity of the visible innovation called `name`."""
    frame = store.current_frame()
    row = frame[frame["name"] == name].iloc[0]
    return identity_key(row["name"], row["agency"], row["region"])


@pytest.fixture
def stored(store):
    """The `store` fixture (each backend) holding iid_2025.xlsx, uploaded by budi."""
    assert store.ingest([IID_2025], user="budi").ok
    return store
