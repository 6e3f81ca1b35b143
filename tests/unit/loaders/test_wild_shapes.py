"""Spreadsheets shaped like the ones in the wild (DOMAIN.md §3), built in code: each loads right (the
counts asserted) or is refused with a message in Bahasa Indonesia naming the file, sheet, row and column
and saying what to do — never a traceback, never half of it loaded."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders import load_paths
from tests.workbooks import make_formula_xlsx, make_xlsx

HEADER = ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun"]
NAMES = ["Posyandu Keliling", "Sekolah Ramah Anak", "Pasar Online"]


def formula_recap(path, cached: bool):
    """Numbering, names and year computed by formulas (names looked up in a helper sheet)."""
    rows = [HEADER] + [[(f"=ROW()-1", n), (f"=Daftar!A{n}", name), "Dinas Kesehatan", "Kesehatan", ("=2016+1", 2017)]
                       for n, name in enumerate(NAMES, start=1)]
    return make_formula_xlsx(path, {"2018": rows, "Daftar": [[name] for name in NAMES]}, cached=cached)


def test_a_sheet_of_formulas_is_read_from_their_saved_values(tmp_path):
    result = load_paths([formula_recap(tmp_path / "rekap.xlsx", cached=True)])
    assert result.ok
    assert result.frame["name"].tolist() == NAMES
    assert result.frame["year"].tolist() == [2017] * 3 and set(result.frame["year_source"]) == {"column"}


def test_formulas_saved_without_their_values_are_refused_at_the_first_such_cell(tmp_path):
    """Read as empty, the names would vanish and the year fall back to the sheet's name (2018) unsaid."""
    result = load_paths([formula_recap(tmp_path / "rekap.xlsx", cached=False)])
    assert not result.ok and result.frame.empty
    [issue] = [i for i in result.issues if i.code == "formula_uncalculated"]
    assert (issue.severity, issue.file, issue.sheet, issue.row, issue.column) == ("error", "rekap.xlsx", "2018", 2, "A")
    assert issue.message == ("Sel A2 berisi rumus yang nilainya belum dihitung (berkas disimpan tanpa menghitung "
                             "rumus), jadi terbaca kosong. Buka berkas di Excel atau LibreOffice, simpan ulang, "
                             "lalu muat lagi.")


def test_an_uncalculated_summary_sheet_that_is_skipped_refuses_nothing(tmp_path):
    rows = [HEADER] + [[n, name, "Dinas Kesehatan", "Kesehatan", 2017] for n, name in enumerate(NAMES, start=1)]
    rekap = [["Perangkat Daerah", "Jumlah"], ["Dinas Kesehatan", ("=COUNTA('2017'!B2:B4)", 3)]]
    path = make_formula_xlsx(tmp_path / "rekap.xlsx", {"2017": rows, "REKAP": rekap}, cached=False)
    result = load_paths([path])
    assert result.ok and len(result.frame) == 3


def test_title_merged_across_the_header_s_width_and_a_signature_footer(tmp_path):
    width = len(HEADER)
    blank = [None] * width
    rows = [["REKAPITULASI INOVASI PELAYANAN PUBLIK"] + blank[1:], ["PEMERINTAH KABUPATEN MUARA ENIM"] + blank[1:],
            ["TAHUN 2016"] + blank[1:], blank, HEADER, list(range(1, width + 1)),
            [1, "Posyandu Keliling", "Dinas Kesehatan", "Kesehatan", None],
            [2, "Sekolah Ramah Anak", "Dinas Pendidikan", "Pendidikan", None], blank,
            [None, None, None, "Muara Enim, 31 Desember 2016", None], [None, None, None, "KEPALA BAPPEDA", None],
            blank, [None, None, None, "Ir. H. SUPARNO, M.Si", None],
            [None, None, None, "NIP. 19650101 199003 1 002", None]]
    path = make_xlsx(tmp_path / "rekap.xlsx", {"Sheet1": rows}, merged={"Sheet1": ["A1:E1", "A2:E2", "A3:E3"]})
    result = load_paths([path])
    assert result.ok and not result.errors
    assert result.frame["name"].tolist() == ["Posyandu Keliling", "Sekolah Ramah Anak"]
    assert result.frame["year"].tolist() == [2016, 2016] and set(result.frame["year_source"]) == {"title"}


def test_a_year_column_of_dates_gives_their_years(tmp_path):
    """Date cells, and dates written as text as exports store every cell (DD-MM-YYYY, ISO, a month)."""
    years = [dt.datetime(2019, 1, 1), dt.datetime(2020, 3, 15), "2020", "01-01-2018", "2021-03-05", "31/12/2017",
             "Maret 2016", "8 Maret 2018"]
    rows = [HEADER] + [[n, f"Inovasi {n}", "Dinas Kesehatan", "Kesehatan", year] for n, year in enumerate(years, 1)]
    result = load_paths([make_xlsx(tmp_path / "ekspor.xlsx", {"Data": rows})])
    assert result.ok and result.frame["year"].tolist() == [2019, 2020, 2020, 2018, 2021, 2017, 2016, 2018]


@pytest.mark.parametrize("written", ["2019/2020", "2019-2020", "2019 / 20", "2019–2020"])
def test_a_year_written_as_two_years_is_refused_saying_to_choose_one(tmp_path, written):
    rows = [HEADER, [1, "A", "Dinas Kesehatan", "Kesehatan", 2019], [2, "B", "Dinas Kesehatan", "Kesehatan", written]]
    result = load_paths([make_xlsx(tmp_path / "ekspor.xlsx", {"Data": rows})])
    assert not result.ok and result.frame.empty
    [issue] = [i for i in result.issues if i.row == 3]
    assert (issue.file, issue.sheet, issue.column) == ("ekspor.xlsx", "Data", "Tahun")
    assert issue.message == (f"Tahun '{written}' menyebut dua tahun. Tulis satu tahun saja: tahun inovasi itu "
                             "dihitung (misalnya 2019).")
