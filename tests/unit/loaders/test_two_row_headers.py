"""Two-row headers in every arrangement: the second header row is never read as data."""

import datetime as dt

from loaders import load_paths
from tests.workbooks import make_xlsx


def rows(result, *columns):
    frame = result.frame[list(columns)]
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def loaded(result):
    return rows(result, "name", "description", "agency", "source_row")


EXPECTED = [["Posyandu Remaja", "Remaja sehat", "Dinas Kesehatan", 3],
            ["Pojok Baca", "Buku di desa", "Dinas Perpustakaan dan Kearsipan", 4]]
BODY = [[1, "Posyandu Remaja", "Remaja sehat", "Dinkes"], [2, "Pojok Baca", "Buku di desa", "Dispusip"]]


def test_a_merged_group_that_is_itself_a_header_word_over_nama_and_deskripsi(tmp_path):
    path = make_xlsx(tmp_path / "inovasi.xlsx", {"2016": [
        ["No", "Inovasi", None, "OPD"],
        [None, "Nama", "Deskripsi", None],
        *BODY,
    ]}, merged={"2016": ["B1:C1", "A1:A2", "D1:D2"]})
    result = load_paths([path])
    assert loaded(result) == EXPECTED and result.issues == []
    assert result.files[0].sheets[0].mapping == {"No": "no", "Inovasi Nama": "name",
                                                 "Inovasi Deskripsi": "description", "OPD": "agency"}


def test_the_same_group_saved_as_values_only(tmp_path):
    path = make_xlsx(tmp_path / "nilai.xlsx", {"2016": [
        ["No", "Inovasi", None, "OPD"],
        [None, "Nama", "Deskripsi", None],
        *BODY,
    ]})
    result = load_paths([path])
    assert loaded(result) == EXPECTED and result.issues == []


def test_a_group_row_above_the_row_that_names_the_columns(tmp_path):
    path = make_xlsx(tmp_path / "identitas.xlsx", {"2016": [
        ["No", "Identitas Inovasi", None, None, "Waktu", None],
        [None, "Nama Inovasi", "Uraian", "Perangkat Daerah", "Uji Coba", "Penerapan"],
        [1, "Posyandu Remaja", "Remaja sehat", "Dinkes", "2015", "Maret 2016"],
        [2, "Pojok Baca", "Buku di desa", "Dispusip", None, "12-01-2016"],
    ]}, merged={"2016": ["A1:A2", "B1:D1", "E1:F1"]})
    result = load_paths([path])
    assert loaded(result) == EXPECTED and result.issues == []
    assert rows(result, "trial_date", "launch_date") == [[dt.datetime(2015, 1, 1), dt.datetime(2016, 3, 1)],
                                                         [None, dt.datetime(2016, 1, 12)]]
    assert result.files[0].sheets[0].header_row == 1


def test_a_group_row_above_saved_as_values_only(tmp_path):
    path = make_xlsx(tmp_path / "identitas_nilai.xlsx", {"2016": [
        ["No", "Identitas", None, None, "Waktu", None],
        [None, "Nama Inovasi", "Uraian", "OPD", "Uji Coba", "Penerapan"],
        [1, "Posyandu Remaja", "Remaja sehat", "Dinkes", None, "2016"],
        [2, "Pojok Baca", "Buku di desa", "Dispusip", None, "2016"],
    ]})
    result = load_paths([path])
    assert loaded(result) == EXPECTED and result.issues == []


def test_a_two_row_header_under_a_merged_title_and_over_a_row_of_column_numbers(tmp_path):
    path = make_xlsx(tmp_path / "cetak.xlsx", {"Data": [
        ["REKAPITULASI INOVASI TAHUN 2016"],
        ["No", "Inovasi", None, "OPD"],
        [None, "Nama", "Deskripsi", None],
        [1, 2, 3, 4],
        *BODY,
    ]}, merged={"Data": ["A1:D1", "B2:C2", "A2:A3", "D2:D3"]})
    result = load_paths([path])
    assert rows(result, "name", "description", "year", "source_row") == [
        ["Posyandu Remaja", "Remaja sehat", 2016, 5], ["Pojok Baca", "Buku di desa", 2016, 6]]
    assert result.issues == []


def test_a_web_export_with_colspan_and_rowspan(tmp_path):
    path = tmp_path / "ekspor.xls"
    path.write_text(
        "<html><body><table>"
        "<tr><th rowspan=2>No</th><th colspan=2>Inovasi</th><th rowspan=2>OPD</th><th rowspan=2>Tahun</th></tr>"
        "<tr><th>Nama</th><th>Deskripsi</th></tr>"
        "<tr><td>1</td><td>Posyandu Remaja</td><td>Remaja sehat</td><td>Dinkes</td><td>2016</td></tr>"
        "<tr><td>2</td><td>Pojok Baca</td><td>Buku di desa</td><td>Dispusip</td><td>2016</td></tr>"
        "</table></body></html>", encoding="utf-8")
    result = load_paths([path])
    assert loaded(result) == EXPECTED and result.issues == []


def test_a_one_row_header_is_not_taken_for_two_when_the_first_row_of_data_is_text(tmp_path):
    path = make_xlsx(tmp_path / "satu.xlsx", {"2016": [
        ["No", "Nama Inovasi", "Deskripsi", "OPD"],
        ["1", "Posyandu Remaja", "Remaja sehat", "Dinkes"],
        ["2", "Pojok Baca", "Buku di desa", "Dispusip"],
    ]})
    result = load_paths([path])
    assert rows(result, "name", "source_row") == [["Posyandu Remaja", 2], ["Pojok Baca", 3]]
