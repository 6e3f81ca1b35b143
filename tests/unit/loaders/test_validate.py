"""Validation reports every problem at once, with file, sheet, Excel row and column; any error
rejects the whole file."""

import pytest

from loaders import load_paths
from tests.workbooks import make_xlsx

HEADER = ["No", "Nama Inovasi", "OPD", "Urusan", "Tahun"]


def issues_of(result, severity=None):
    return [(i.code, i.sheet, i.row, i.column) for i in result.issues if severity in (None, i.severity)]


def test_bad_years_in_rows_3_4_5_reject_the_file_and_all_three_are_reported(tmp_path):
    path = make_xlsx(tmp_path / "tahun.xlsx", {"Data": [
        HEADER,
        [1, "Inovasi Baik", "Dinkes", "Kesehatan", 2016],
        [2, "Tahun Huruf", "Dinkes", "Kesehatan", "dua ribu"],
        [3, "Tahun Kuno", "Dinkes", "Kesehatan", 1899],
        [4, "Tahun Depan", "Dinkes", "Kesehatan", 2999],
    ]})
    result = load_paths([path])
    assert not result.ok and result.frame.empty
    assert issues_of(result, "error") == [
        ("bad_year", "Data", 3, "Tahun"), ("bad_year", "Data", 4, "Tahun"), ("bad_year", "Data", 5, "Tahun"),
        ("file_rejected", None, None, None)]
    assert "dua ribu" in result.errors[0].message and "1945" in result.errors[0].message


def test_a_rejected_file_does_not_stop_the_others(tmp_path):
    good = make_xlsx(tmp_path / "baik.xlsx", {"2016": [HEADER, [1, "Inovasi", "Dinkes", "Kesehatan", 2016]]})
    bad = make_xlsx(tmp_path / "buruk.xlsx", {"2016": [HEADER, [1, "Inovasi", "Dinkes", "Kesehatan", "x"]]})
    result = load_paths([good, bad])
    assert [r.status for r in result.files] == ["ok", "rejected"]
    assert result.frame["source_file"].tolist() == ["baik.xlsx"]


def test_missing_name_is_an_error_with_its_row_and_column(tmp_path):
    path = make_xlsx(tmp_path / "nama.xlsx", {"2016": [
        HEADER, [1, "Inovasi", "Dinkes", "Kesehatan", 2016], [2, None, "Dinkes", "Kesehatan", 2016]]})
    result = load_paths([path])
    assert issues_of(result, "error")[0] == ("missing_name", "2016", 3, "Nama Inovasi")


def test_unknown_agency_and_sector_are_warnings_and_the_raw_text_is_kept(tmp_path):
    path = make_xlsx(tmp_path / "asing.xlsx", {"2016": [
        HEADER, [1, "Inovasi", "Dinas Antah Berantah", "Urusan Luar Angkasa", 2016]]})
    result = load_paths([path])
    assert result.ok
    assert issues_of(result) == [("unknown_agency", "2016", 2, "OPD"), ("unknown_sector", "2016", 2, "Urusan")]
    row = result.frame.iloc[0]
    assert (row["agency"], row["agency_known"], row["sector"]) == ("Dinas Antah Berantah", False, "Urusan Luar Angkasa")


def test_duplicates_within_a_file_are_warned_on_the_later_row(tmp_path):
    path = make_xlsx(tmp_path / "ganda.xlsx", {"2016": [
        HEADER, [1, "Kartu Sehat", "Dinkes", "Kesehatan", 2016], [2, "KARTU SEHAT", "Dinas Kesehatan", "Kesehatan", 2016]]})
    result = load_paths([path])
    assert result.ok and len(result.frame) == 2
    assert issues_of(result) == [("duplicate", "2016", 3, None)]
    assert "baris 2" in result.issues[0].message
    assert result.frame["id"].is_unique


def test_year_falls_back_to_sheet_title_then_launch_date_and_says_which(tmp_path):
    path = make_xlsx(tmp_path / "sumber.xlsx", {
        "2015": [["No", "Nama Inovasi", "Tahun"], [1, "Dari Kolom", 2014], [2, "Dari Lembar", None]],
        "Data": [["TAHUN 2016"], ["No", "Nama Inovasi"], [1, "Dari Judul"]],
        "Lain": [["No", "Nama Inovasi", "Tanggal Penerapan"], [1, "Dari Tanggal", "05-06-2017"]],
    })
    result = load_paths([path])
    assert result.frame[["name", "year", "year_source"]].values.tolist() == [
        ["Dari Kolom", 2014, "column"], ["Dari Lembar", 2015, "sheet"], ["Dari Judul", 2016, "title"],
        ["Dari Tanggal", 2017, "launch_date"]]


def test_no_year_anywhere_is_an_error(tmp_path):
    path = make_xlsx(tmp_path / "tanpa.xlsx", {"Data": [["No", "Nama Inovasi"], [1, "Inovasi"]]})
    result = load_paths([path])
    assert issues_of(result, "error")[0] == ("no_year", "Data", 2, None)


@pytest.mark.parametrize("lang, text", [("id", "Tahun 'abc' tidak valid"), ("en", "Year 'abc' is not valid")])
def test_messages_come_in_the_users_language(tmp_path, lang, text):
    path = make_xlsx(tmp_path / "bahasa.xlsx", {"Data": [HEADER, [1, "Inovasi", "Dinkes", "Kesehatan", "abc"]]})
    assert text in load_paths([path], lang=lang).errors[0].message


def test_unknown_headers_are_reported_and_aliases_match_regardless_of_case_and_order(tmp_path):
    path = make_xlsx(tmp_path / "kolom.xlsx", {"2016": [
        ["NO.", "nama_inovasi", "INOVASI NAMA", "  Perangkat   Daerah ", "urusan utama", "Warna Favorit"],
        [1, "Inovasi", None, "Dinkes", "Kesehatan", "biru"]]})
    result = load_paths([path])
    assert result.files[0].sheets[0].mapping == {
        "NO.": "no", "nama_inovasi": "name", "INOVASI NAMA": "name", "Perangkat Daerah": "agency",
        "urusan utama": "sector", "Warna Favorit": None}
    assert ("unknown_header", "2016", 1, "Warna Favorit") in issues_of(result)


def test_two_columns_for_one_field_take_the_first_value_present(tmp_path):
    # IID exports carry both "Video" and "Link Video"; "Video" is often "-" while the link is there.
    path = make_xlsx(tmp_path / "video.xlsx", {"2019": [
        ["No", "Judul Inovasi", "Video", "Link Video"],
        [1, "A", "-", "https://youtu.be/a"], [2, "B", "https://youtu.be/b", "-"], [3, "C", "-", "-"]]})
    result = load_paths([path])
    videos = [v if isinstance(v, str) else None for v in result.frame["video_url"]]
    assert videos == ["https://youtu.be/a", "https://youtu.be/b", None]
    assert result.files[0].sheets[0].mapping["Link Video"] == "video_url"
