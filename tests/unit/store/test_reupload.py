"""Re-uploads (store/database.py, store/ingest.py) on SQLite and PostgreSQL: a year already stored is
refused in add mode, replaced (and the replacement rolled back), or only its new innovations added, new
ones recognised whatever the case, spacing or punctuation of their names; the same innovation in two
batches is a warning naming both places."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from loaders import SAMPLE_DIR, load_paths
from tests.unit.store.conftest import IID_2025, by_year, innovation_file, snapshot
from tests.workbooks import make_xlsx, revised_copy, simple_table

IID_2024 = SAMPLE_DIR / "iid_2024.xlsx"   # 96 innovations (IID_2025: 108)
REVISED = "Musrenbang Perempuan"   # row 2 of iid_2025.xlsx, stage "Penerapan" there


def revised_2025(tmp_path: Path) -> Path:
    """The sample's 2025 recap with one correction: the stage of row 2 (Penerapan → Uji Coba)."""
    return revised_copy(IID_2025, tmp_path / "iid_2025_revisi.xlsx", {(2, "Tahapan Inovasi"): "Uji Coba"})


def stage_of(store, name: str, year: int) -> list[str]:
    frame = store.current_frame()
    return frame.loc[(frame["name"] == name) & (frame["year"] == year), "stage"].tolist()


def test_store_same_file_again_is_refused_in_add_mode_and_changes_nothing_in_add_new_mode(store):
    assert store.ingest([IID_2024, IID_2025], user="budi").ok
    before = snapshot(store)
    refused = store.ingest([IID_2025], user="budi", lang="en")
    assert [issue.code for issue in refused.errors] == ["duplicate_file", "years_overlap"]
    overlap = refused.errors[1]
    assert overlap.file == IID_2025.name and "Year 2025 is already stored: 108 innovations" in overlap.message
    assert "108 same, 0 changed, 0 new" in overlap.message and "--replace" in overlap.message
    assert snapshot(store) == before
    again = store.ingest([IID_2025], user="budi", mode="add-new")
    assert not again.ok and not again.errors and [issue.code for issue in again.issues] == ["nothing_new"]
    assert snapshot(store) == before and by_year(store) == {2024: 96, 2025: 108}


def test_store_revised_file_replaces_its_year_with_the_files_count_and_the_revision(store, tmp_path):
    assert store.ingest([IID_2024, IID_2025], user="budi").ok
    revised = revised_2025(tmp_path)
    refused = store.ingest([revised], user="sari")
    assert [issue.code for issue in refused.errors] == ["years_overlap"]   # not the same bytes: only the years
    assert "sama 107, berubah 1, baru 0; 0 yang tersimpan" in refused.errors[0].message
    assert stage_of(store, REVISED, 2025) == ["Penerapan"]
    result = store.ingest([revised], user="sari", mode="replace")
    assert result.ok and result.batches[0]["mode"] == "replace" and result.issues == []
    assert by_year(store) == {2024: 96, 2025: 108}
    assert stage_of(store, REVISED, 2025) == ["Uji Coba"]
    assert [(b["file"], b["status"]) for b in store.history()] == [
        (IID_2024.name, "active"), (IID_2025.name, "replaced"), (revised.name, "active")]


def test_store_rollback_of_a_replace_restores_the_old_rows(store, tmp_path):
    assert store.ingest([IID_2024, IID_2025], user="budi").ok
    before = store.current_frame()
    [batch] = store.ingest([revised_2025(tmp_path)], user="sari", mode="replace").batches
    store.rollback(batch["id"], user="sari")
    pd.testing.assert_frame_equal(store.current_frame(), before)
    assert stage_of(store, REVISED, 2025) == ["Penerapan"] and by_year(store) == {2024: 96, 2025: 108}


def test_store_file_with_one_more_year_adds_that_year(store, tmp_path):
    assert store.ingest([IID_2024, IID_2025], user="budi").ok
    sample = load_paths([IID_2025]).frame
    known = [[n, name.upper(), agency, "Kesehatan", 2025]      # the stored 2025 innovations, in capitals
             for n, (name, agency) in enumerate(zip(sample["name"], sample["agency"]), start=1)]
    both = make_xlsx(tmp_path / "rekap_2025_2026.xlsx", {
        "2025": simple_table(known), "2026": simple_table([[n, f"Inovasi Baru {n}", "Dinas Kesehatan", "Kesehatan",
                                                            2026] for n in range(1, 4)])})
    refused = store.ingest([both], user="budi")
    assert [(issue.code, dict(issue.params)["year"]) for issue in refused.errors] == [("years_overlap", 2025)]
    assert "sama 0, berubah 108, baru 0" in refused.errors[0].message    # same innovations, other fields
    added = store.ingest([both], user="budi", mode="add-new")
    assert added.ok and added.records == 3 and added.batches[0]["by_year"] == {"2026": 3}
    assert [issue.code for issue in added.issues] == ["already_stored"]
    assert "108 inovasi di berkas ini sudah tersimpan dan dilewati; 3 yang baru" in added.issues[0].message
    assert by_year(store) == {2024: 96, 2025: 108, 2026: 3}
    only_2023 = innovation_file(tmp_path / "rekap_2023.xlsx", 2023, 4)
    assert store.ingest([only_2023], user="budi").ok                     # a year not stored: plain add
    assert by_year(store) == {2023: 4, 2024: 96, 2025: 108, 2026: 3}


def test_store_add_new_matches_names_whatever_their_case_spacing_and_punctuation(store, tmp_path):
    store.ingest([innovation_file(tmp_path / "a.xlsx", 2019, 2, prefix="E-Kinerja")], user="budi")
    rows = [[1, "e kinerja  2019 NOMOR 1.", "DINAS KESEHATAN", "Kesehatan", 2019],
            [2, "E-Kinerja 2019 nomor 9", "Dinas Kesehatan", "Kesehatan", 2019]]
    result = store.ingest([make_xlsx(tmp_path / "b.xlsx", {"Data": simple_table(rows)})], "budi", mode="add-new")
    assert result.ok and result.records == 1
    assert sorted(store.current_frame()["name"]) == ["E-Kinerja 2019 nomor 1", "E-Kinerja 2019 nomor 2",
                                                     "E-Kinerja 2019 nomor 9"]


def test_store_same_innovation_in_two_batches_is_a_warning_naming_both_places(store, tmp_path):
    first = innovation_file(tmp_path / "opd_a.xlsx", 2019, 2, prefix="Layanan")
    second = make_xlsx(tmp_path / "opd_b.xlsx", {"Dinkes": simple_table(
        [[1, "Lain", "Dinas Kesehatan", "Kesehatan", 2019], [2, "LAYANAN 2019 nomor 2", "Dinas Kesehatan",
                                                             "Kesehatan", 2019]])})
    # saving both copies is the user's explicit choice (by default one is kept: tests/unit/store/test_duplicates.py)
    result = store.ingest([first, second], user="budi", lang="en", duplicates="keep-all")
    assert result.ok and by_year(store) == {2019: 4}
    [warning] = [issue for issue in result.issues if issue.code == "duplicate_across_batches"]
    assert (warning.severity, warning.file, warning.sheet, warning.row) == ("warning", "opd_b.xlsx", "Dinkes", 3)
    assert warning.message == ("Innovation 'LAYANAN 2019 nomor 2' of 2019 (batch #2) is also in batch #1 "
                               "(opd_a.xlsx, sheet Data, row 3), so it now counts twice. Check both; roll one "
                               "batch back if needed.")
