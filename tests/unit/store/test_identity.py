"""store/identity.py and migration 0002: an innovation's identity tolerates case, spacing and
punctuation; rows stored before the migration get the same identity as rows stored after it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from loaders import SAMPLE_DIR, load_paths
from store.database import open_store
from store.engine import MIGRATIONS_DIR, create_engine
from store.identity import identity_key, record_identity
from store.tables import innovations


@pytest.mark.parametrize("name, agency, region", [
    ("ANTREAN  ONLINE", "dinas kesehatan", "Kabupaten Muara Enim"),
    ("Antrean-Online.", "Dinas  Kesehatan", "KABUPATEN MUARA ENIM"),
    (" antrean online ", "Dinas Kesehatan", "kabupaten, muara enim"),
])
def test_identity_ignores_case_spacing_and_punctuation(name, agency, region):
    assert identity_key(name, agency, region) == "antrean online|dinas kesehatan|kabupaten muara enim"


def test_identity_tells_agencies_and_regions_apart_and_keeps_an_empty_region():
    base = identity_key("Antrean Online", "Dinas Kesehatan", None)
    assert base == "antrean online|dinas kesehatan|"
    assert identity_key("Antrean Online", "Dinas Sosial", None) != base
    assert identity_key("Antrean Online", "Dinas Kesehatan", "Kota Palembang") != base
    assert record_identity({"name": "Antrean Online", "agency": "Dinas Kesehatan"}) == base


def _upgrade(connection, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


def test_migration_backfills_the_identity_of_rows_stored_before_it(store_url):
    records = load_paths([SAMPLE_DIR / "iid_2025.xlsx"]).frame.to_dict("records")
    engine = create_engine(store_url)
    with engine.begin() as connection:      # a store as it was at revision 0001, holding the 2025 recap
        _upgrade(connection, "0001")
        connection.exec_driver_sql(
            "INSERT INTO batches (id, file_name, sha256, size, uploaded_by, uploaded_at, status, mode, records, "
            "by_year) VALUES (1, 'iid_2025.xlsx', 'x', 1, 'budi', CURRENT_TIMESTAMP, 'active', 'add', 108, '{}')")
        rows = [{"batch_id": 1, "name": r["name"], "agency": r["agency"], "region": r["region"], "year": r["year"]}
                for r in records]
        connection.execute(sa.table("innovations", *[sa.column(c) for c in rows[0]]).insert(), rows)
    engine.dispose()
    store = open_store(store_url, seed=False)    # migrates to head
    try:
        with store.engine.connect() as connection:
            stored = connection.execute(sa.select(innovations.c.identity).order_by(innovations.c.row_id)).scalars()
            assert list(stored) == [record_identity(record) for record in records]
        assert store.ingest([SAMPLE_DIR / "iid_2025.xlsx"], "budi", mode="add-new").issues[0].code == "nothing_new"
    finally:
        store.close()
