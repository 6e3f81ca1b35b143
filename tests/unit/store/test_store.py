"""The store (store/database.py) on SQLite and PostgreSQL: all or nothing, history, replace, rollback,
restore, a process killed mid-commit, concurrent uploads, aliases, users and the migrations (re-uploads
of a year already stored: test_reupload.py)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

from loaders import SAMPLE_DIR, load_paths
from loaders.schema import ADDED
from store.database import PAUSE_ENV, StoreError, open_store
from store.tables import innovations, metadata
from tests.unit.store.conftest import by_year, innovation_file, snapshot
from tests.workbooks import make_xlsx, simple_table

ROOT = Path(__file__).resolve().parents[3]
REKAP = SAMPLE_DIR / "rekap_inovasi_2015_2017.xlsx"   # 2015: 79, 2016: 67, 2017: 56
IID_2018 = SAMPLE_DIR / "iid_2018.xlsx"


def wait_for(path: Path, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None:
            raise AssertionError(f"the upload ended early: {process.communicate()}")
        assert time.monotonic() < deadline, "the upload never reached its commit"
        time.sleep(0.05)


def start_upload(url: str, files: list[Path], marker: Path | None = None, pause: float = 120) -> subprocess.Popen:
    """`python app.py ingest` in its own process; with `marker`, it stops just before COMMIT."""
    env = {**os.environ, "DATABASE_URL": url}
    if marker:
        env.update({PAUSE_ENV: str(marker), "DASBOR_TEST_PAUSE_SECONDS": str(pause)})
    return subprocess.Popen([sys.executable, "app.py", "ingest", *map(str, files), "--user", "uji"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_store_frame_equals_load_paths_on_the_same_files(store, tmp_path):
    from bench.bench_ingest import make_workbook

    extra = innovation_file(tmp_path / "tambahan.xlsx", 2019, 3, agency="Dinas Yang Tidak Ada")
    export = make_workbook(tmp_path / "iid_ekspor.xlsx", rows=500)   # columns present but empty ('-')
    result = store.ingest([SAMPLE_DIR, extra, export], user="budi")
    assert result.ok, [issue.to_line() for issue in result.errors]
    expected = load_paths([SAMPLE_DIR, extra, export]).frame
    pd.testing.assert_frame_equal(store.current_frame(), expected)
    key = ["id", "source_file", "source_row"]
    pd.testing.assert_frame_equal(store.current_frame().sort_values(key).reset_index(drop=True),
                                  expected.sort_values(key).reset_index(drop=True))


def test_store_frame_equals_load_paths_for_an_export_alone(store, tmp_path):
    from bench.bench_ingest import make_workbook

    export = make_workbook(tmp_path / "iid_ekspor.xlsx", rows=300)   # every record has the empty columns
    assert store.ingest([export], user="budi").ok
    pd.testing.assert_frame_equal(store.current_frame(), load_paths([export]).frame)


def test_store_empty_frame_has_the_canonical_columns(store):
    assert list(store.current_frame().columns) == list(load_paths([]).frame.columns)
    assert store.history() == []


def test_store_rejected_file_leaves_the_store_unchanged(store, tmp_path):
    assert store.ingest([REKAP], user="budi").ok
    before = snapshot(store)
    good = innovation_file(tmp_path / "baik.xlsx", 2018, 4)
    bad = make_xlsx(tmp_path / "salah.xlsx", {"Data": simple_table([[1, "A", "Dinas Kesehatan", "Kesehatan", "20x6"]])})
    result = store.ingest([good, bad], user="budi")
    assert not result.ok and result.batches == []
    assert [report.status for report in result.files] == ["ok", "rejected"]
    assert any(issue.file == "salah.xlsx" and issue.severity == "error" for issue in result.issues)
    assert snapshot(store) == before
    with store.engine.connect() as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(innovations)) == 202


def test_store_history_records_who_when_counts_and_the_raw_file(store):
    result = store.ingest([REKAP], user="budi")
    [batch] = store.history()
    assert batch == result.batches[0]
    assert {k: batch[k] for k in ("id", "file", "who", "mode", "status", "active", "records", "active_records",
                                  "by_year")} == {
        "id": 1, "file": REKAP.name, "who": "budi", "mode": "add", "status": "active", "active": True,
        "records": 202, "active_records": 202, "by_year": {"2015": 79, "2016": 67, "2017": 56}}
    assert batch["size"] == REKAP.stat().st_size and len(batch["sha256"]) == 64 and batch["when"].endswith("+00:00")
    assert store.raw_file(1) == (REKAP.name, REKAP.read_bytes())


def test_store_same_file_twice_is_refused_in_add_mode_and_allowed_in_replace_mode(store):
    store.ingest([REKAP], user="budi")
    refused = store.ingest([REKAP], user="budi")
    assert not refused.ok and [issue.code for issue in refused.errors] == ["duplicate_file"] + ["years_overlap"] * 3
    assert "batch 1" in refused.errors[0].message
    replaced = store.ingest([REKAP], user="budi", mode="replace")
    assert replaced.ok and by_year(store) == {2015: 79, 2016: 67, 2017: 56}
    assert [batch["status"] for batch in store.history()] == ["replaced", "active"]


def test_store_replace_mode_replaces_only_the_years_the_file_holds(store, tmp_path):
    store.ingest([REKAP, IID_2018], user="budi")
    result = store.ingest([innovation_file(tmp_path / "rekap_2016.xlsx", 2016, 5)], user="sari", mode="replace")
    assert result.ok and result.batches[0]["mode"] == "replace"
    assert by_year(store) == {2015: 79, 2016: 5, 2017: 56, 2018: 42}
    rekap = store.history()[0]
    assert rekap["status"] == "active" and rekap["active_records"] == 79 + 56


def test_store_rollback_restores_the_previous_counts_and_restore_reapplies(store, tmp_path):
    store.ingest([REKAP], user="budi")
    before = by_year(store)
    [batch] = store.ingest([innovation_file(tmp_path / "r2016.xlsx", 2016, 5)], user="sari", mode="replace").batches
    after = by_year(store)
    assert after == {2015: 79, 2016: 5, 2017: 56}
    version = store.data_version()
    rolled = store.rollback(batch["id"], user="sari")
    assert rolled["status"] == "rolled_back" and rolled["changed_by"] == "sari"
    assert by_year(store) == before and store.data_version() != version
    assert store.restore(batch["id"], user="sari")["status"] == "active"
    assert by_year(store) == after


def test_store_rollback_keeps_a_later_replacement_in_force(store, tmp_path):
    store.ingest([REKAP], user="budi")
    second = store.ingest([innovation_file(tmp_path / "b.xlsx", 2016, 5, prefix="B")], "budi", mode="replace")
    third = store.ingest([innovation_file(tmp_path / "c.xlsx", 2016, 7, prefix="C")], "budi", mode="replace")
    store.rollback(second.batches[0]["id"])
    assert by_year(store)[2016] == 7
    store.rollback(third.batches[0]["id"])
    assert by_year(store)[2016] == 67
    store.restore(second.batches[0]["id"])
    assert by_year(store)[2016] == 5


@pytest.mark.parametrize("action, batch, code", [
    ("rollback", 99, "batch_unknown"), ("restore", 99, "batch_unknown"), ("restore", 1, "not_rolled_back")])
def test_store_refuses_a_wrong_rollback_or_restore(store, action, batch, code):
    store.ingest([REKAP], user="budi")
    with pytest.raises(StoreError, match=f"Batch {batch}") as raised:
        getattr(store, action)(batch)
    assert raised.value.code == code and f"Batch {batch}" in raised.value.message("id")
    store.rollback(1)
    with pytest.raises(StoreError, match="already rolled back"):
        store.rollback(1)


def test_store_killed_in_the_middle_of_a_commit_keeps_the_previous_data(store, store_url, tmp_path):
    from bench.bench_ingest import make_workbook

    store.ingest([REKAP], user="budi")
    before = snapshot(store)
    big = make_workbook(tmp_path / "besar.xlsx", rows=3000)
    marker = tmp_path / "in-commit"
    upload = start_upload(store_url, [big], marker)
    try:
        wait_for(marker, upload)             # its batch, raw file and 3,000 rows are written, not committed
        os.kill(upload.pid, signal.SIGKILL)
        upload.wait(30)
    finally:
        upload.kill()
    assert upload.returncode == -signal.SIGKILL
    reopened = open_store(store_url, seed=False)
    try:
        assert snapshot(reopened) == before
        assert reopened.ingest([IID_2018], user="budi").ok      # the write lock died with the process
        assert by_year(reopened) == {2015: 79, 2016: 67, 2017: 56, 2018: 42}
    finally:
        reopened.close()


def test_store_two_concurrent_uploads_do_not_interleave(store, store_url, tmp_path):
    first_file = innovation_file(tmp_path / "pertama.xlsx", 2019, 300, prefix="Pertama")
    second_file = innovation_file(tmp_path / "kedua.xlsx", 2020, 200, prefix="Kedua")
    marker = tmp_path / "first-in-commit"
    first = start_upload(store_url, [first_file], marker, pause=3)
    wait_for(marker, first)                   # the first upload holds the write lock for 3 s ...
    second = start_upload(store_url, [second_file])   # ... the second one must wait for it
    outputs = [process.communicate(timeout=120) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    history = store.history()
    assert [(batch["file"], batch["records"]) for batch in history] == [("pertama.xlsx", 300), ("kedua.xlsx", 200)]
    started = [dt.datetime.fromisoformat(batch["when"]) for batch in history]
    assert (started[1] - started[0]).total_seconds() >= 2, "the second upload did not wait for the lock"
    with store.engine.connect() as connection:
        order = connection.execute(sa.select(innovations.c.batch_id).order_by(innovations.c.row_id)).scalars().all()
    assert order == [history[0]["id"]] * 300 + [history[1]["id"]] * 200
    assert by_year(store) == {2019: 300, 2020: 200}


def test_store_concurrent_threads_each_commit_whole_batches(store, store_url, tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    files = [innovation_file(tmp_path / f"f{n}.xlsx", 2018 + n, 50 + n, prefix=f"F{n}") for n in range(4)]
    stores = [open_store(store_url, seed=False) for _ in files]
    try:
        with ThreadPoolExecutor(len(files)) as pool:
            results = list(pool.map(lambda pair: pair[0].ingest([pair[1]], "budi"), zip(stores, files)))
    finally:
        for opened in stores:
            opened.close()
    assert all(result.ok for result in results)
    with store.engine.connect() as connection:
        order = connection.execute(sa.select(innovations.c.batch_id).order_by(innovations.c.row_id)).scalars().all()
    assert order == sorted(order) and len(order) == sum(50 + n for n in range(4))
    assert by_year(store) == {2018 + n: 50 + n for n in range(4)}


def test_store_alias_added_by_a_user_is_used_by_later_uploads(store, tmp_path):
    first = store.ingest([innovation_file(tmp_path / "a.xlsx", 2019, 2, agency="Dinkes Kabupaten Lama")], "budi")
    assert not store.current_frame()["agency_known"].any()
    version = store.data_version()
    store.add_alias("Dinkes  Kabupaten Lama", "Dinas Kesehatan", user="sari")
    assert store.data_version() != version
    assert [(a["alias"], a["agency"], a["created_by"]) for a in store.aliases()] == [
        ("Dinkes Kabupaten Lama", "Dinas Kesehatan", "sari")]
    store.rollback(first.batches[0]["id"])
    store.ingest([innovation_file(tmp_path / "b.xlsx", 2019, 2, agency="DINKES KABUPATEN LAMA")], "budi")
    frame = store.current_frame()
    assert frame["agency"].tolist() == ["Dinas Kesehatan"] * 2 and frame["agency_known"].all()


@pytest.mark.parametrize("alias, agency, code", [
    ("Dinas Baru", "Dinas Yang Tidak Terdaftar", "unknown_agency_target"),
    ("DINKES", "Dinas Pendidikan", "alias_conflict")])
def test_store_refuses_a_wrong_alias(store, alias, agency, code):
    with pytest.raises(StoreError) as raised:
        store.add_alias(alias, agency, user="sari")
    assert raised.value.code == code and store.aliases() == []


def test_store_users_passwords_are_hashed_and_checked(store):
    assert store.add_user("sari", "editor", "rahasia-sekali") is True
    assert store.check_password("sari", "rahasia-sekali") == "editor"
    assert store.check_password("sari", "salah-sandi") is None
    assert store.check_password("tidakada", "rahasia-sekali") is None
    assert store.add_user("sari", "viewer", "sandi-baru-123") is False
    assert store.check_password("sari", "sandi-baru-123") == "viewer"
    with store.engine.connect() as connection:
        stored = connection.exec_driver_sql("SELECT password_hash FROM users").scalar()
    assert stored.startswith("scrypt$") and "sandi-baru-123" not in stored
    assert [user["name"] for user in store.users()] == ["sari"]


@pytest.mark.parametrize("name, role, password, code", [
    ("sari", "admin", "rahasia-sekali", "bad_role"), ("sari", "editor", "pendek", "short_password"),
    ("nama dengan spasi", "viewer", "rahasia-sekali", "bad_user_name")])
def test_store_refuses_a_bad_user(store, name, role, password, code):
    with pytest.raises(StoreError) as raised:
        store.add_user(name, role, password)
    assert raised.value.code == code and store.users() == []


def test_store_migrations_create_exactly_the_tables_of_store_schema(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
        columns = [column["name"] for column in sa.inspect(connection).get_columns("innovations")]
    assert differences == []
    canonical = list(load_paths([]).frame.columns)
    added = canonical[-len(ADDED):]   # columns of the canonical record that later migrations appended
    assert columns == ["row_id", "batch_id", *canonical[:-len(ADDED)], "identity", *added]


def test_store_opens_again_without_migrating_or_seeding_twice(store_url):
    first = open_store(store_url, seed=True)
    version = first.data_version()
    assert by_year(first)[2016] == 67 and len(first.history()) == 9
    second = open_store(store_url, seed=True)
    try:
        assert second.data_version() == version and len(second.history()) == 9
    finally:
        first.close()
        second.close()


def test_store_refuses_an_unknown_mode(store):
    with pytest.raises(StoreError, match="Unknown upload mode 'merge'"):
        store.ingest([REKAP], user="budi", mode="merge")
    assert store.history() == []


def test_store_migrations_form_one_line_numbered_by_their_files():
    """Each migration revises the one before it (two helpers once gave two files the same revision,
    which left Alembic with two heads and every store unopenable)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from store.engine import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    assert len(scripts.get_heads()) == 1
    for script in scripts.walk_revisions():
        assert Path(script.path).name.startswith(script.revision + "_"), script.path


def test_store_replace_says_which_stored_innovations_and_values_the_corrected_file_drops(store, tmp_path):
    header = ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun", "Tanggal Uji Coba", "Deskripsi"]
    rows = [[n, f"Inovasi {n}", "Dinas Kesehatan", "Kesehatan", 2019, f"2019-03-0{n}", f"Deskripsi {n}"]
            for n in (1, 2, 3)]
    assert store.ingest([make_xlsx(tmp_path / "rekap.xlsx", {"Data": [header, *rows]})], user="budi").ok
    corrected = [[n, name, agency, sector, year, description] for n, name, agency, sector, year, _, description
                 in rows[:2]]
    corrected[0][5] = None
    path = make_xlsx(tmp_path / "rekap_revisi.xlsx", {"Data": [header[:5] + ["Deskripsi"], *corrected]})
    result = store.ingest([path], user="sari", mode="replace", lang="en")
    assert result.ok
    assert [(issue.severity, issue.code, issue.file) for issue in result.issues] == [
        ("warning", "replace_absent", "rekap_revisi.xlsx"), ("warning", "replace_blanks_no_column", "rekap_revisi.xlsx"),
        ("warning", "replace_blanks_empty", "rekap_revisi.xlsx")]
    assert [issue.message for issue in result.issues] == [
        "Year 2019 replaced: 1 stored innovations are not in this file and are no longer shown (roll this batch "
        "back to bring them back).",
        "Year 2019 replaced: 'Trial date' is emptied in 2 stored innovations because this file has no such "
        "column. If the column was only left out, add it and upload again, or roll this batch back.",
        "Year 2019 replaced: 'Description' is emptied in 1 stored innovations because its cells are empty in this file."]
    assert store.current_frame()["trial_date"].isna().all()
