"""What the store tests share: a small recap made in code, the stored counts per year and a snapshot of
what an upload may change; and, for the entries kept per innovation (proposal workspaces, IID evidence),
a store holding the 2025 sample edition and the identity of its row 2 as the store sees it."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import SAMPLE_DIR
from store.identity import identity_key
from tests.workbooks import make_xlsx, simple_table

IID_2025 = SAMPLE_DIR / "iid_2025.xlsx"   # 108 innovations of 2025
NAME = "Musrenbang Perempuan"             # row 2 of iid_2025.xlsx


def innovation_file(path: Path, year: int, count: int, agency: str = "Dinas Kesehatan", prefix: str = "Inovasi"):
    """A small valid recap: `count` innovations of `year` for `agency`."""
    rows = [[n, f"{prefix} {year} nomor {n}", agency, "Kesehatan", year] for n in range(1, count + 1)]
    return make_xlsx(path, {"Data": simple_table(rows)})


def by_year(store) -> dict[int, int]:
    """The visible innovations per year."""
    return {int(year): int(n) for year, n in store.current_frame()["year"].value_counts().sort_index().items()}


def snapshot(store) -> tuple:
    """What an upload changes when it is saved: the data version, the history and the counts per year."""
    return store.data_version(), store.history(), by_year(store)


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
