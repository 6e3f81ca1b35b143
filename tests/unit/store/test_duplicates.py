"""An innovation counted twice (store/duplicates.py): listed twice for a year in one upload (its files,
or one file) — shown before saving, saved once by default, the row kept named — and, in a store older
than identities, held by two batches for one year — flagged per year and resolved by keeping the newest
batch's copy, undoably."""

from __future__ import annotations

from unittest import mock

import pandas as pd
import pytest

from store.database import Store, StoreError
from store.duplicates import doubled_rows, doubled_years, frame_duplicates, upload_duplicates
from tests.unit.store.conftest import IID_2025, by_year
from tests.workbooks import make_xlsx, revised_copy, simple_table

HEADER = ("No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun", "Deskripsi")


def record(name, year=2019, agency="Dinas Kesehatan", file="a.xlsx", row=2, **more):
    return {"name": name, "year": year, "agency": agency, "region": "Kabupaten Muara Enim", "source_file": file,
            "source_sheet": "Data", "source_row": row, **more}


def legacy_ingest(store, paths, user="lama"):
    """What an upload did before identities existed: add mode took any file, a stored year included."""
    with mock.patch.object(Store, "_refuse_overlap", lambda *_args: None):
        result = store.ingest(paths, user, duplicates="keep-all")
    assert result.ok
    return result


# --- one upload -------------------------------------------------------------------------------

def test_the_fullest_copy_is_kept_and_the_first_of_equally_full_ones():
    records = [record("Antrean Online", row=2), record("Lain", row=3),
               record("antrean  online.", file="b.xlsx", row=5, description="Daftar dari rumah"),
               record("Antrean Online", file="c.xlsx", row=7, description="Daftar dari rumah"),
               record("Lain", file="b.xlsx", row=9), record("Lain", year=2020, file="b.xlsx", row=10)]
    found = [duplicate.to_dict(records) for duplicate in upload_duplicates(records)]
    assert found == [
        {"year": 2019, "name": "Antrean Online", "agency": "Dinas Kesehatan",
         "kept": {"file": "b.xlsx", "sheet": "Data", "row": 5},
         "skipped": [{"file": "a.xlsx", "sheet": "Data", "row": 2}, {"file": "c.xlsx", "sheet": "Data", "row": 7}]},
        {"year": 2019, "name": "Lain", "agency": "Dinas Kesehatan", "kept": {"file": "a.xlsx", "sheet": "Data", "row": 3},
         "skipped": [{"file": "b.xlsx", "sheet": "Data", "row": 9}]}]


def test_other_agencies_regions_and_years_are_other_innovations():
    records = [record("Antrean Online"), record("Antrean Online", agency="Dinas Pendidikan"),
               record("Antrean Online", year=2020), {**record("Antrean Online"), "region": "Kota Palembang"}]
    assert upload_duplicates(records) == []


def test_a_frame_gives_the_duplicates_its_records_give():
    """`inspect --json` turns only the repeated rows into records: same groups, rows kept and order as all
    the records would give; a row without a year is never a duplicate."""
    records = [record("Lain", row=2), record("Antrean Online", row=3), record("Sendiri", row=4),
               record("antrean  online.", file="b.xlsx", row=5, description="Daftar dari rumah"),
               record("Tanpa Tahun", year=None, row=6), record("Tanpa Tahun", year=None, row=7),
               record("Lain", file="b.xlsx", row=9, description="Lengkap")]
    frame = pd.DataFrame(records).astype({"year": "Int64"})
    expected = [duplicate.to_dict(records) for duplicate in upload_duplicates(records)]
    assert [found["name"] for found in expected] == ["Lain", "Antrean Online"]
    assert frame_duplicates(frame) == expected
    assert frame_duplicates(frame.iloc[[0, 1, 2]]) == []


def dup_files(tmp_path):
    first = make_xlsx(tmp_path / "opd_a.xlsx", {"Data": simple_table(
        [[1, "Layanan Satu", "Dinas Kesehatan", "Kesehatan", 2019, None],
         [2, "Layanan Dua", "Dinas Kesehatan", "Kesehatan", 2019, None]], HEADER)})
    second = make_xlsx(tmp_path / "opd_b.xlsx", {"Dinkes": simple_table(
        [[1, "Lain", "Dinas Kesehatan", "Kesehatan", 2019, None],
         [2, "LAYANAN DUA", "Dinas Kesehatan", "Kesehatan", 2019, "Uraian lengkap"]], HEADER)})
    return first, second


def test_an_upload_listing_an_innovation_twice_saves_it_once_and_says_which_row(store, tmp_path):
    result = store.ingest(list(dup_files(tmp_path)), user="budi", lang="en")
    assert result.ok and by_year(store) == {2019: 3}
    [warning] = [issue for issue in result.issues if issue.code == "duplicate_skipped"]
    assert (warning.severity, warning.file, warning.sheet, warning.row) == ("warning", "opd_a.xlsx", "Data", 3)
    assert warning.message == ("Innovation 'Layanan Dua' of 2019 is also in opd_b.xlsx, sheet Dinkes, row 3: this "
                               "row is not saved so that it is not counted twice (the row kept is the most "
                               "complete one).")
    frame = store.current_frame()
    kept = frame[frame["name"].str.lower() == "layanan dua"]
    assert kept[["source_file", "description"]].values.tolist() == [["opd_b.xlsx", "Uraian lengkap"]]
    assert not [issue for issue in result.issues if issue.code == "duplicate_across_batches"]


def test_keep_all_saves_every_row_when_the_user_says_they_differ(store, tmp_path):
    result = store.ingest(list(dup_files(tmp_path)), user="budi", duplicates="keep-all")
    assert result.ok and by_year(store) == {2019: 4}
    assert [issue.code for issue in result.issues if issue.code.startswith("duplicate")] == [
        "duplicate_across_batches"]


def test_a_file_all_of_whose_rows_are_in_another_file_of_the_upload_is_not_a_batch(store, tmp_path):
    first, _ = dup_files(tmp_path)
    copy = make_xlsx(tmp_path / "salinan.xlsx", {"Data": simple_table(
        [[1, "Layanan Satu", "Dinas Kesehatan", "Kesehatan", 2019, None]], HEADER)})
    result = store.ingest([first, copy], user="budi")
    assert [batch["file"] for batch in result.batches] == ["opd_a.xlsx"] and by_year(store) == {2019: 2}


def test_an_unknown_duplicates_choice_is_refused(store):
    with pytest.raises(StoreError, match="choose keep-one or keep-all"):
        store.ingest([IID_2025], user="budi", duplicates="both")


# --- a store that doubled a year before identities existed ------------------------------------

def test_doubled_years_count_the_innovations_and_the_copies_resolving_hides():
    frame = pd.DataFrame({"identity": ["a", "a", "b", "b", "c", "a"], "year": [2019] * 5 + [2020],
                          "batch_id": [1, 3, 1, 2, 1, 1], "row_id": range(6)})
    assert doubled_rows(frame)["row_id"].tolist() == [0, 2]
    assert doubled_years(frame) == [{"year": 2019, "innovations": 2, "rows": 5, "extra": 2, "batches": [1, 2, 3]}]
    assert doubled_years(frame[frame["batch_id"] == 1]) == []


def test_a_doubled_store_is_flagged_and_resolved_by_keeping_the_newest_batch(store, tmp_path):
    store.ingest([IID_2025], "budi")
    trials = int((store.current_frame()["stage"] == "Uji Coba").sum())
    revised = revised_copy(IID_2025, tmp_path / "iid_2025_revisi.xlsx", {(2, "Tahapan Inovasi"): "Uji Coba"})
    legacy_ingest(store, [revised])
    assert by_year(store) == {2025: 216}
    assert store.doubled() == [{"year": 2025, "innovations": 108, "rows": 216, "extra": 108, "batches": [1, 2]}]

    entry = store.resolve_doubled("budi")
    assert (entry["mode"], entry["who"], entry["records"], entry["by_year"]) == ("doubled", "budi", 108, {"2025": 108})
    assert by_year(store) == {2025: 108} and store.doubled() == []
    frame = store.current_frame()
    assert set(frame["source_file"]) == {"iid_2025_revisi.xlsx"}                # the newest batch's copies
    assert (frame["stage"] == "Uji Coba").sum() == trials + 1                    # with the revision in it
    assert [batch["status"] for batch in store.history()] == ["replaced", "active", "active"]
    assert store.resolve_doubled("budi") is None

    store.rollback(entry["id"], "budi")                                            # undone: doubled again
    assert by_year(store) == {2025: 216} and store.doubled()[0]["extra"] == 108
    store.restore(entry["id"], "budi")
    assert by_year(store) == {2025: 108}


def test_an_older_copy_shows_again_when_the_newer_batch_is_rolled_back(store, tmp_path):
    first = make_xlsx(tmp_path / "lama.xlsx", {"Data": simple_table(
        [[1, "Layanan Satu", "Dinas Kesehatan", "Kesehatan", 2019], [2, "Layanan Dua", "Dinas Kesehatan",
                                                                    "Kesehatan", 2019]])})
    newer = make_xlsx(tmp_path / "baru.xlsx", {"Data": simple_table(
        [[1, "layanan satu", "Dinas Kesehatan", "Kesehatan", 2019]])})
    store.ingest([first], "budi")
    legacy_ingest(store, [newer])
    assert store.doubled() == [{"year": 2019, "innovations": 1, "rows": 3, "extra": 1, "batches": [1, 2]}]
    store.resolve_doubled("budi")
    assert sorted(store.current_frame()["name"]) == ["Layanan Dua", "layanan satu"]   # only the old copy hidden
    store.rollback(2, "budi")                           # the newer batch leaves: the older copy is the one left
    assert sorted(store.current_frame()["name"]) == ["Layanan Dua", "Layanan Satu"]
    store.restore(2, "budi")
    assert sorted(store.current_frame()["name"]) == ["Layanan Dua", "layanan satu"]
