"""store/compare.py: a loaded file against the stored rows, year by year — same, changed (which
fields), new and stored-but-absent — and Store.compare on the sample's 2025 recap."""

from __future__ import annotations

import pandas as pd

from loaders import SAMPLE_DIR, load_paths
from loaders.load import to_frame
from store.compare import compare, same_value
from tests.workbooks import make_xlsx, revised_copy


def frame(*rows: tuple) -> pd.DataFrame:
    """Canonical rows from (name, agency, year, stage) tuples, as the loaders would give them."""
    return to_frame([{"name": name, "agency": agency, "year": year, "stage": stage, "region": "Kabupaten Muara Enim",
                      "source_file": "rekap.xlsx", "source_sheet": "Data", "source_row": n}
                     for n, (name, agency, year, stage) in enumerate(rows, start=2)])


STORED = frame(("Antrean Online", "Dinas Kesehatan", 2025, "Penerapan"),
               ("Sigap Banjir", "Badan Penanggulangan Bencana Daerah", 2025, "Uji Coba"),
               ("Kartu Sehat", "Dinas Kesehatan", 2025, "Penerapan"),
               ("Antrean Online", "Dinas Kesehatan", 2024, "Uji Coba"))


def test_compare_sorts_each_row_of_the_files_years_into_same_changed_new_and_absent():
    incoming = frame(("ANTREAN  ONLINE.", "Dinas Kesehatan", 2025, "Penerapan"),   # case, spacing, punctuation
                     ("Sigap Banjir", "Badan Penanggulangan Bencana Daerah", 2025, "Penerapan"),
                     ("Posyandu Digital", "Dinas Kesehatan", 2025, "Inisiatif"))
    [year] = compare(incoming, STORED).years
    assert year.counts() == {"stored": 3, "incoming": 3, "same": 0, "changed": 2, "new": 1, "absent": 1}
    changes = {row["name"]: row["values"] for row in year.changed}
    assert changes == {"ANTREAN  ONLINE.": {"name": ["Antrean Online", "ANTREAN  ONLINE."]},
                       "Sigap Banjir": {"stage": ["Uji Coba", "Penerapan"]}}
    assert [row["name"] for row in year.new] == ["Posyandu Digital"]
    assert [(row["name"], row["row"]) for row in year.absent] == [("Kartu Sehat", 4)]


def test_compare_counts_only_the_files_years_and_reports_the_overlap():
    incoming = frame(("Antrean Online", "Dinas Kesehatan", 2024, "Uji Coba"), ("Baru", "Dinas Kesehatan", 2026, None))
    comparison = compare(incoming, STORED)
    assert [(y.year, y.counts()) for y in comparison.years] == [
        (2024, {"stored": 1, "incoming": 1, "same": 1, "changed": 0, "new": 0, "absent": 0}),
        (2026, {"stored": 0, "incoming": 1, "same": 0, "changed": 0, "new": 1, "absent": 0})]
    assert comparison.overlap == [2024] and comparison.to_dict()["overlap"] == [2024]


def test_compare_a_doubled_year_shows_the_second_copy_as_new():
    incoming = frame(*[("Kartu Sehat", "Dinas Kesehatan", 2025, "Penerapan")] * 2)
    year = compare(incoming, STORED).year(2025)
    assert (len(year.same), len(year.new), len(year.absent)) == (1, 1, 2)


def test_compare_the_same_name_under_another_agency_is_another_innovation():
    incoming = frame(("Kartu Sehat", "Dinas Sosial", 2025, "Penerapan"))
    year = compare(incoming, STORED).year(2025)
    assert (len(year.same), len(year.new), len(year.absent)) == (0, 1, 3)


def test_compare_with_an_empty_store_has_everything_new():
    comparison = compare(STORED, frame())
    assert comparison.overlap == [] and [y.counts()["new"] for y in comparison.years] == [1, 3]


def test_same_value_treats_every_missing_marker_alike():
    assert same_value(None, pd.NA) and same_value(pd.NaT, None) and same_value(float("nan"), None)
    assert not same_value("Penerapan", None) and same_value(pd.Timestamp("2025-01-02"), pd.Timestamp("2025-01-02"))


def test_store_compare_finds_the_one_revised_cell_of_the_sample_recap(store, tmp_path):
    iid_2025 = SAMPLE_DIR / "iid_2025.xlsx"
    assert store.ingest([iid_2025], user="budi").ok
    revised = revised_copy(iid_2025, tmp_path / "revisi.xlsx", {(5, "Tahapan Inovasi"): "Inisiatif"})
    comparison = store.compare(load_paths([revised]).frame)
    year = comparison.year(2025)
    assert comparison.overlap == [2025]
    assert year.counts() == {"stored": 108, "incoming": 108, "same": 107, "changed": 1, "new": 0, "absent": 0}
    [changed] = year.changed
    assert (changed["row"], changed["fields"], changed["stored"]["batch"]) == (5, ["stage"], 1)
    assert changed["stored"]["file"] == "iid_2025.xlsx"


def test_compare_says_how_far_it_has_come_from_start_to_the_last_year():
    told = []
    incoming = frame(("Antrean Online", "Dinas Kesehatan", 2024, "Uji Coba"), ("Baru", "Dinas Kesehatan", 2025, None))
    plain = compare(incoming, STORED)
    assert compare(incoming, STORED, lambda stage, fraction, **values: told.append((stage, fraction, values))
                   ).to_dict() == plain.to_dict()
    assert {stage for stage, _, _ in told} == {"comparing"} and all(v == {"rows": 2} for _, _, v in told)
    fractions = [fraction for _, fraction, _ in told]
    assert fractions == sorted(fractions) and fractions[0] == 0 and 0 < fractions[-1] < 1 and len(fractions) == 3


def test_a_changed_date_is_kept_in_iso_to_its_precision():
    stored, incoming = STORED.copy(), STORED.copy()
    stored["launch_date"], stored["launch_date_precision"] = pd.Timestamp("2018-03-08"), "day"
    incoming["launch_date"], incoming["launch_date_precision"] = pd.Timestamp("2018-04-01"), "month"
    changes = [row["values"] for row in compare(incoming, stored).year(2025).changed]
    assert changes[0]["launch_date"] == ["2018-03-08", "2018-04"]


def recap(path, header, rows):
    return make_xlsx(path, {"2019": [["REKAP INOVASI TAHUN 2019"], header, *rows]})


def test_a_corrected_recap_that_dropped_a_column_says_which_stored_values_it_would_empty_and_why(store, tmp_path):
    header = ["No", "Nama Inovasi", "Perangkat Daerah", "Tanggal Uji Coba", "Deskripsi"]
    stored = [[n, f"Inovasi {n}", "Dinas Kesehatan", f"2019-03-0{n}", f"Deskripsi {n}"] for n in (1, 2, 3)]
    assert store.ingest([recap(tmp_path / "rekap.xlsx", header, stored)], user="budi").ok
    corrected = [[n, name, agency, description] for n, name, agency, _, description in stored]
    corrected[1][3] = None                                    # one description left empty
    loaded = load_paths([recap(tmp_path / "rekap_revisi.xlsx", [*header[:3], "Deskripsi"], corrected)])
    year = store.compare(loaded.frame, files=loaded.files).year(2019)
    assert year.blanked() == [{"field": "trial_date", "reason": "no_column", "count": 3},
                              {"field": "description", "reason": "empty", "count": 1}]
    assert [row.get("blanked") for row in year.changed] == [
        {"trial_date": "no_column"}, {"trial_date": "no_column", "description": "empty"}, {"trial_date": "no_column"}]
    assert year.to_dict()["blanked"] == year.blanked()
    # without the files' columns every emptied value is an empty cell; a value filled in is not blanked
    plain = compare(loaded.frame, store.current_frame()).year(2019)
    assert {blank["reason"] for blank in plain.blanked()} == {"empty"}
    assert compare(STORED, frame(("Kartu Sehat", "Dinas Kesehatan", 2025, None))).year(2025).blanked() == []
