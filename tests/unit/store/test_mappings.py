"""Users' column mappings in the store (who, when; reused by later uploads) and a new agency alias
applied to the rows already stored, as a history entry that rolls back and restores whole."""

from __future__ import annotations

import pytest

from store.database import StoreError
from tests.workbooks import make_xlsx

HEADER = ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun", "Kegiatan Pendukung"]


def recap(path, year: int, agency: str = "Dinas Kesehatan", count: int = 2):
    rows = [[n, f"Inovasi {year} nomor {n}", agency, "Kesehatan", year, f"Sumber daya {n}"]
            for n in range(1, count + 1)]
    return make_xlsx(path, {"Data": [HEADER, *rows]})


def test_a_mapping_is_stored_with_who_and_when_and_reused_by_a_later_upload(store, tmp_path):
    store.add_mapping("kegiatan   PENDUKUNG", "resources", user="sari")
    [saved] = store.mappings()
    assert (saved["header"], saved["target"], saved["created_by"]) == ("kegiatan PENDUKUNG", "resources", "sari")
    assert saved["created_at"]
    result = store.ingest([recap(tmp_path / "a.xlsx", 2019)], "budi")
    assert result.ok and not [i for i in result.issues if i.code == "unknown_header"]
    assert result.files[0].sheets[0].mapping_source["Kegiatan Pendukung"] == "store"
    assert store.current_frame()["resources"].tolist() == ["Sumber daya 1", "Sumber daya 2"]


def test_a_later_mapping_of_the_same_header_replaces_it_and_ignore_drops_the_column(store, tmp_path):
    store.add_mapping("Kegiatan Pendukung", "resources", user="sari")
    store.add_mapping("Kegiatan Pendukung", "ignore", user="budi")
    assert [(m["target"], m["created_by"]) for m in store.mappings()] == [("ignore", "budi")]
    result = store.ingest([recap(tmp_path / "a.xlsx", 2019)], "budi")
    assert result.ok and not result.issues
    assert store.current_frame()["resources"].isna().all()


def test_a_mapping_for_this_upload_only_wins_over_the_stored_one(store, tmp_path):
    store.add_mapping("Kegiatan Pendukung", "ignore", user="sari")
    result = store.ingest([recap(tmp_path / "a.xlsx", 2019)], "budi", mappings=[("Kegiatan Pendukung", "resources")])
    assert result.files[0].sheets[0].mapping_source["Kegiatan Pendukung"] == "option"
    assert store.current_frame()["resources"].notna().all()
    assert [m["target"] for m in store.mappings()] == ["ignore"]


@pytest.mark.parametrize("header, target", [("Kegiatan", "warna"), ("  ", "resources")])
def test_a_bad_mapping_is_refused(store, header, target):
    with pytest.raises(StoreError) as raised:
        store.add_mapping(header, target, user="sari")
    assert raised.value.code == "bad_mapping" and store.mappings() == []


def test_a_new_alias_re_resolves_stored_rows_in_a_history_entry_that_rolls_back_and_restores(store, tmp_path):
    store.ingest([recap(tmp_path / "a.xlsx", 2019, agency="Dinkes Kab Lama", count=3)], "budi")
    store.ingest([recap(tmp_path / "b.xlsx", 2020, agency="Dinas Pendidikan")], "budi")
    before = store.current_frame()
    assert before["agency"].tolist().count("Dinkes Kab Lama") == 3
    entry = store.add_alias("DINKES kab. lama", "Dinas Kesehatan", user="sari")
    assert (entry["mode"], entry["records"], entry["who"], entry["by_year"]) == ("alias", 3, "sari", {"2019": 3})
    after = store.current_frame()
    assert after["agency"].tolist() == ["Dinas Kesehatan"] * 3 + ["Dinas Pendidikan"] * 2
    assert after["agency_known"].all() and after["agency_raw"].tolist()[:3] == ["Dinkes Kab Lama"] * 3
    assert set(after["id"][:3]).isdisjoint(before["id"][:3])
    assert store.history()[-1]["status"] == "active"

    store.rollback(entry["id"], user="sari")
    undone = store.current_frame()
    assert undone["agency"].tolist() == before["agency"].tolist()
    assert undone["id"].tolist() == before["id"].tolist() and not undone["agency_known"][:3].any()
    assert store.aliases() == []   # the alias goes with it: a later upload is not re-resolved either

    store.restore(entry["id"], user="sari")
    assert store.current_frame()["agency"].tolist() == after["agency"].tolist()
    assert [(a["alias"], a["agency"]) for a in store.aliases()] == [("DINKES kab. lama", "Dinas Kesehatan")]


def test_an_alias_no_stored_row_uses_makes_no_history_entry(store, tmp_path):
    store.ingest([recap(tmp_path / "a.xlsx", 2019)], "budi")
    count = len(store.history())
    assert store.add_alias("Dinkes Kab Lama", "Dinas Kesehatan", user="sari") is None
    assert len(store.history()) == count


def test_a_new_header_mapping_fills_the_stored_rows_in_a_history_entry_that_rolls_back(store, tmp_path):
    store.ingest([recap(tmp_path / "a.xlsx", 2019, count=3)], "budi")
    store.ingest([recap(tmp_path / "b.xlsx", 2020)], "budi")
    assert store.current_frame()["resources"].isna().all()
    entry = store.add_mapping("Kegiatan Pendukung", "resources", user="sari")
    assert (entry["mode"], entry["records"], entry["who"], entry["by_year"]) == (
        "mapping", 5, "sari", {"2019": 3, "2020": 2})
    frame = store.current_frame()
    assert frame["resources"].tolist() == [f"Sumber daya {n}" for n in (1, 2, 3, 1, 2)]
    store.rollback(entry["id"], user="sari")
    assert store.current_frame()["resources"].isna().all() and store.mappings() == []
    store.restore(entry["id"], user="sari")
    assert store.current_frame()["resources"].tolist() == frame["resources"].tolist()
    assert [m["target"] for m in store.mappings()] == ["resources"]


def test_a_header_mapping_to_a_date_fills_the_date_and_its_precision(store, tmp_path):
    header = ["No", "Nama Inovasi", "Perangkat Daerah", "Tahun", "Mulai Jalan"]
    store.ingest([make_xlsx(tmp_path / "d.xlsx", {"Data": [header, [1, "A", "Dinas Kesehatan", 2019, "05-03-2019"]]})],
                 "budi")
    store.add_mapping("Mulai Jalan", "launch_date", user="sari")
    row = store.current_frame().iloc[0]
    assert str(row["launch_date"].date()) == "2019-03-05" and row["launch_date_precision"] == "day"


def test_an_ignore_mapping_changes_no_stored_row(store, tmp_path):
    store.ingest([recap(tmp_path / "a.xlsx", 2019)], "budi")
    count = len(store.history())
    assert store.add_mapping("Kegiatan Pendukung", "ignore", user="sari") is None
    assert len(store.history()) == count


# A mapping to a field an innovation's identity rests on (name, year, agency, region, urusan) carries into
# the stored rows too: their id and identity follow, one history entry keeps each row's former values.

def _book(path, header: list, rows: list, title=None):
    return make_xlsx(path, {"Data": ([[title]] if title else []) + [header, *rows]})


def _rows(store, *columns):
    frame = store.current_frame().sort_values("source_row")
    return frame[list(columns)].astype(object).where(frame[list(columns)].notna(), None).values.tolist()


def test_a_mapping_to_the_agency_fills_stored_rows_recomputes_their_identity_and_rolls_back(store, tmp_path):
    header = ["No", "Nama Inovasi", "Pelaksana Kegiatan", "Urusan", "Tahun"]
    store.ingest([_book(tmp_path / "a.xlsx", header, [[1, "Posyandu Keliling", "Dinkes", "Kesehatan", 2019],
                                                      [2, "Sekolah Ramah", "Disdik", "Pendidikan", 2019]])], "budi")
    before = store.current_frame().sort_values("source_row")
    assert before["agency"].isna().all()
    entry = store.add_mapping("Pelaksana Kegiatan", "agency", user="sari")
    assert (entry["mode"], entry["records"], entry["who"], entry["by_year"], entry["issues"]) == (
        "mapping", 2, "sari", {"2019": 2}, [])
    assert _rows(store, "agency", "agency_raw", "agency_known") == [
        ["Dinas Kesehatan", "Dinkes", True], ["Dinas Pendidikan", "Disdik", True]]
    after = store.current_frame().sort_values("source_row")
    assert set(after["id"]).isdisjoint(before["id"])
    assert store.compare(after).year(2019).counts()["same"] == 2      # the stored identity is the re-derived one
    edits = store.edits(entry["id"])
    assert [(e["name"], e["before"]["agency"], e["after"]["agency"]) for e in edits] == [
        ("Posyandu Keliling", None, "Dinas Kesehatan"), ("Sekolah Ramah", None, "Dinas Pendidikan")]
    assert edits[0]["before"]["id"] == before["id"].iloc[0]

    store.rollback(entry["id"], user="sari")
    undone = store.current_frame().sort_values("source_row")
    assert undone["agency"].isna().all() and undone["id"].tolist() == before["id"].tolist()
    store.restore(entry["id"], user="sari")
    assert store.current_frame().sort_values("source_row")["id"].tolist() == after["id"].tolist()


def test_a_mapping_to_the_region_moves_other_governments_rows_out_of_the_regencys_register(store, tmp_path):
    header = ["No", "Nama Inovasi", "OPD", "Asal Pemda", "Tahun"]
    rows = [[1, "Posyandu Keliling", "Dinas Kesehatan", "Kota Palembang", 2020],
            [2, "Ambulans Desa", "Dinkes", "Kab. Muara Enim", 2020]]
    store.ingest([_book(tmp_path / "a.xlsx", header, rows)], "budi")
    assert _rows(store, "region") == [["Kabupaten Muara Enim"]] * 2
    entry = store.add_mapping("Asal Pemda", "region", user="sari")
    assert entry["records"] == 1
    assert _rows(store, "name", "region", "agency", "agency_known") == [
        ["Posyandu Keliling", "Kota Palembang", "Dinas Kesehatan", False],
        ["Ambulans Desa", "Kabupaten Muara Enim", "Dinas Kesehatan", True]]
    [edit] = store.edits(entry["id"])
    assert (edit["before"]["region"], edit["after"]["region"]) == ("Kabupaten Muara Enim", "Kota Palembang")


def test_a_mapping_to_the_year_replaces_the_year_the_title_gave(store, tmp_path):
    header = ["No", "Nama Inovasi", "OPD", "Thn Pelaksanaan"]
    store.ingest([_book(tmp_path / "a.xlsx", header, [[1, "Posyandu Keliling", "Dinkes", 2018],
                                                      [2, "Ambulans Desa", "Dinkes", 2017]],
                        title="REKAP INOVASI TAHUN 2017")], "budi")
    assert _rows(store, "year", "year_source") == [[2017, "title"], [2017, "title"]]
    entry = store.add_mapping("Thn Pelaksanaan", "year", user="sari")
    assert entry["by_year"] == {"2017": 1, "2018": 1}
    assert _rows(store, "year", "year_source") == [[2018, "column"], [2017, "column"]]
    store.rollback(entry["id"], user="sari")
    assert _rows(store, "year", "year_source") == [[2017, "title"], [2017, "title"]]


def test_a_re_derived_identity_that_is_stored_elsewhere_keeps_both_rows_with_a_warning(store, tmp_path):
    store.ingest([recap(tmp_path / "a.xlsx", 2019, count=1)], "budi")       # "Inovasi 2019 nomor 1", Dinas Kesehatan
    header = ["No", "Nama Inovasi", "Pelaksana Kegiatan", "Urusan", "Tahun"]
    late = _book(tmp_path / "b.xlsx", header, [[1, "Inovasi 2019 nomor 1", "Dinas Kesehatan", "Kesehatan", 2019]])
    added = store.ingest([late], "budi", mode="add-new")     # no agency yet: not the same innovation
    assert added.ok and not [i for i in added.issues if i.code == "duplicate_across_batches"]
    entry = store.add_mapping("Pelaksana Kegiatan", "agency", user="sari")
    [warning] = entry["issues"]
    assert (warning.code, warning.file, warning.sheet, warning.row) == (
        "duplicate_across_batches", "b.xlsx", "Data", 2)
    assert "a.xlsx" in warning.message and "Inovasi 2019 nomor 1" in warning.message
    assert _rows(store, "name", "agency") == [["Inovasi 2019 nomor 1", "Dinas Kesehatan"]] * 2   # both kept


def test_a_mapping_that_changes_a_stored_year_moves_the_upload_s_by_year_in_history_and_back(store, tmp_path):
    header = ["No", "Nama Inovasi", "OPD", "Thn Pelaksanaan"]
    store.ingest([_book(tmp_path / "a.xlsx", header, [[1, "Posyandu Keliling", "Dinkes", 2018],
                                                      [2, "Ambulans Desa", "Dinkes", 2017]],
                        title="REKAP INOVASI TAHUN 2017")], "budi")
    [upload] = store.history()
    assert upload["by_year"] == {"2017": 2}
    entry = store.add_mapping("Thn Pelaksanaan", "year", user="sari")
    assert store.history()[0]["by_year"] == {"2017": 1, "2018": 1}   # the upload's rows, where they are now
    store.rollback(entry["id"], user="sari")
    assert store.history()[0]["by_year"] == {"2017": 2}
    store.restore(entry["id"], user="sari")
    assert store.history()[0]["by_year"] == {"2017": 1, "2018": 1}


def test_an_alias_that_makes_two_stored_innovations_one_warns_naming_both_places(store, tmp_path):
    store.ingest([recap(tmp_path / "a.xlsx", 2019, count=1)], "budi")     # "Inovasi 2019 nomor 1", Dinas Kesehatan
    late = recap(tmp_path / "b.xlsx", 2019, agency="Dinkes Kab Lama", count=1)
    added = store.ingest([late], "budi", mode="add-new")    # an unknown agency: not the same innovation yet
    assert added.ok and len(store.current_frame()) == 2
    entry = store.add_alias("Dinkes Kab Lama", "Dinas Kesehatan", user="sari")
    [warning] = entry["issues"]
    assert (warning.code, warning.file, warning.sheet, warning.row) == ("duplicate_across_batches", "b.xlsx", "Data", 2)
    assert "a.xlsx" in warning.message and "Inovasi 2019 nomor 1" in warning.message
    assert store.current_frame()["agency"].tolist() == ["Dinas Kesehatan"] * 2    # both kept, as for a mapping


def test_a_mapping_that_moves_rows_into_a_year_a_later_upload_replaced_leaves_them_hidden_by_it(store, tmp_path):
    header = ["No", "Nama Inovasi", "OPD", "Thn Pelaksanaan"]
    store.ingest([_book(tmp_path / "a.xlsx", header, [[1, "Posyandu Keliling", "Dinkes", 2018],
                                                      [2, "Ambulans Desa", "Dinkes", 2017]],
                        title="REKAP INOVASI TAHUN 2017")], "budi")
    corrected = make_xlsx(tmp_path / "rekap_2018.xlsx", {"Data": [
        ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun"],
        [1, "Posyandu Keliling", "Dinas Kesehatan", "Kesehatan", 2018],
        [2, "Sigap Banjir", "Dinas Kesehatan", "Kesehatan", 2018]]})
    assert store.ingest([corrected], "budi", mode="replace").ok       # 2018 replaced (a.xlsx had none yet)
    entry = store.add_mapping("Thn Pelaksanaan", "year", user="sari")   # a.xlsx's Posyandu moves to 2018
    assert entry["issues"] == []                                        # not counted twice: replaced
    assert _by_year(store) == {2017: 1, 2018: 2}
    assert sorted(store.current_frame().query("year == 2018")["source_file"]) == ["rekap_2018.xlsx"] * 2
    store.rollback(entry["id"], user="sari")
    assert _by_year(store) == {2017: 2, 2018: 2}
    store.restore(entry["id"], user="sari")
    assert _by_year(store) == {2017: 1, 2018: 2}


def _by_year(store) -> dict[int, int]:
    return {int(year): int(n) for year, n in store.current_frame()["year"].value_counts().sort_index().items()}


def test_a_mapping_that_moves_rows_into_a_year_another_file_of_their_upload_holds_hides_nothing(store, tmp_path):
    first = _book(tmp_path / "a.xlsx", ["No", "Nama Inovasi", "OPD", "Thn Pelaksanaan"],
                  [[1, "Posyandu Keliling", "Dinkes", 2018]], title="REKAP INOVASI TAHUN 2017")
    second = make_xlsx(tmp_path / "b.xlsx", {"Data": [["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun"],
                                                      [1, "Sigap Banjir", "Dinas Kesehatan", "Kesehatan", 2018]]})
    assert [batch["file"] for batch in store.ingest([first, second], "budi", mode="replace").batches] == [
        "a.xlsx", "b.xlsx"]
    store.add_mapping("Thn Pelaksanaan", "year", user="sari")
    assert _by_year(store) == {2018: 2}      # one upload's files never replace one another
