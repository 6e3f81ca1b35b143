"""Finding the table in hand-made recap sheets: one workbook per quirk, built in the test."""

import datetime as dt

import pytest

from loaders import load_paths
from tests.workbooks import make_xlsx


def records(result, *columns):
    return result.frame[list(columns)].astype(object).where(result.frame[list(columns)].notna(), None) \
        .values.tolist()


def test_title_rows_header_not_on_row_1_and_year_from_title(tmp_path):
    path = make_xlsx(tmp_path / "rekap.xlsx", {"Data": [
        ["REKAPITULASI INOVASI PELAYANAN PUBLIK"],
        ["PEMERINTAH KABUPATEN MUARA ENIM"],
        ["TAHUN 2016"],
        [],
        ["No", "Nama Inovasi", "SKPD", "Urusan"],
        [1, "Posyandu Remaja", "Dinas Kesehatan", "Kesehatan"],
        [2, "Pojok Baca Desa", "Dinas Perpustakaan dan Kearsipan", "Perpustakaan"],
    ]}, merged={"Data": ["A1:D1", "A2:D2", "A3:D3"]})
    result = load_paths([path])
    assert result.ok
    assert records(result, "name", "year", "year_source", "agency", "sector", "source_row") == [
        ["Posyandu Remaja", 2016, "title", "Dinas Kesehatan", "Kesehatan", 6],
        ["Pojok Baca Desa", 2016, "title", "Dinas Perpustakaan dan Kearsipan", "Perpustakaan", 7],
    ]
    assert result.files[0].sheets[0].header_row == 5


def test_column_number_row_and_blank_rows_are_not_innovations(tmp_path):
    path = make_xlsx(tmp_path / "nomor.xlsx", {"2015": [
        ["No", "Nama Inovasi", "SKPD", "Urusan"],
        [1, 2, 3, 4],
        [],
        ["1", "SIPANDU (Sistem Informasi Pelayanan Terpadu)", "DINKES", "kesehatan"],
        [None, None, None, None],
        ["2", "Kartu Sehat", "Dinkes", "Kesehatan"],
    ]})
    result = load_paths([path])
    assert records(result, "name", "year", "agency", "sector") == [
        ["SIPANDU (Sistem Informasi Pelayanan Terpadu)", 2015, "Dinas Kesehatan", "Kesehatan"],
        ["Kartu Sehat", 2015, "Dinas Kesehatan", "Kesehatan"],
    ]
    assert result.issues == []


def test_two_row_header_with_merged_group_cells(tmp_path):
    path = make_xlsx(tmp_path / "dua_baris.xlsx", {"2017": [
        ["No", "Nama Inovasi", "SKPD", "Urusan", "Waktu", None, "Tahapan"],
        [None, None, None, None, "Uji Coba", "Penerapan", None],
        [1, 2, 3, 4, 5, 6, 7],
        [1, "SAKPOLE (Satu Kali Pelayanan Langsung Selesai)", "Disdukcapil", "Adminduk",
         dt.date(2016, 5, 2), "12-03-2017", "PENERAPAN"],
    ]}, merged={"2017": ["E1:F1", "A1:A2", "B1:B2", "C1:C2", "D1:D2", "G1:G2"]})
    result = load_paths([path])
    sheet = result.files[0].sheets[0]
    assert sheet.mapping == {"No": "no", "Nama Inovasi": "name", "SKPD": "agency", "Urusan": "sector",
                             "Waktu Uji Coba": "trial_date", "Waktu Penerapan": "launch_date",
                             "Tahapan": "stage"}
    assert records(result, "agency", "sector", "trial_date", "launch_date", "stage", "year") == [
        ["Dinas Kependudukan dan Pencatatan Sipil", "Administrasi Kependudukan dan Pencatatan Sipil",
         dt.datetime(2016, 5, 2), dt.datetime(2017, 3, 12), "Penerapan", 2017]]


def test_two_row_header_without_merge_information(tmp_path):
    # Saved by a web system as values only: the group cell is not merged, the group is carried right.
    path = make_xlsx(tmp_path / "tanpa_merge.xlsx", {"2017": [
        ["No", "Nama Inovasi", "Waktu", None, "OPD"],
        [None, None, "Uji Coba", "Penerapan", None],
        [1, "E-Retribusi", "2016", "Maret 2017", "Dishub"],
    ]})
    result = load_paths([path])
    assert result.files[0].sheets[0].mapping["Waktu Penerapan"] == "launch_date"
    assert records(result, "launch_date", "launch_date_precision", "trial_date_precision", "agency") == [
        [dt.datetime(2017, 3, 1), "month", "year", "Dinas Perhubungan"]]


def test_section_rows_name_the_agency_of_the_rows_below(tmp_path):
    path = make_xlsx(tmp_path / "seksi.xlsx", {"2015": [
        ["No", "Nama Inovasi", "SKPD", "Urusan"],
        [None, "DINAS KESEHATAN"],
        [1, "Posyandu Lansia", None, "Kesehatan"],
        [2, "Ambulans Desa", None, "Kesehatan"],
        ["II", "BADAN PEMBERDAYAAN MASYARAKAT DAN PEMERINTAHAN DESA"],
        [1, "Desa Mandiri Data", None, "Pemberdayaan Masyarakat dan Desa"],
        [None, "B. Kantor Ketahanan Pangan"],
        [1, "Lumbung Pangan Desa", "Dinas Ketahanan Pangan", "Pangan"],
    ]})
    result = load_paths([path])
    assert records(result, "name", "agency", "agency_raw") == [
        ["Posyandu Lansia", "Dinas Kesehatan", "DINAS KESEHATAN"],
        ["Ambulans Desa", "Dinas Kesehatan", "DINAS KESEHATAN"],
        ["Desa Mandiri Data", "Dinas Pemberdayaan Masyarakat dan Desa",
         "BADAN PEMBERDAYAAN MASYARAKAT DAN PEMERINTAHAN DESA"],
        ["Lumbung Pangan Desa", "Dinas Ketahanan Pangan", "Dinas Ketahanan Pangan"],
    ]


def test_header_repeated_mid_sheet_subtotals_and_footer_are_skipped(tmp_path):
    path = make_xlsx(tmp_path / "cetak.xlsx", {"2015": [
        ["No", "Nama Inovasi", "SKPD", "Urusan", None, None],
        [1, "Inovasi Satu", "Dinas Sosial", "Sosial"],
        [None, "Jumlah", None, None, 1],
        ["No", "Nama Inovasi", "SKPD", "Urusan"],
        [2, "Inovasi Dua", "Dinas Sosial", "Sosial"],
        [],
        [None, None, None, None, "Muara Enim, 31 Desember 2015"],
        [None, None, None, None, "KEPALA BAPPEDA KABUPATEN MUARA ENIM"],
        [],
        [None, None, None, None, "Ir. H. AHMAD YANI, M.Si"],
        [None, None, None, None, "NIP. 19650101 199003 1 005"],
    ]})
    result = load_paths([path])
    assert records(result, "name", "source_row") == [["Inovasi Satu", 2], ["Inovasi Dua", 5]]
    assert result.ok and not result.errors


def test_summary_and_hidden_sheets_are_skipped_with_the_reason(tmp_path):
    path = make_xlsx(tmp_path / "lembar.xlsx", {
        "2016": [["No", "Nama Inovasi", "OPD"], [1, "Inovasi A", "Dinsos"]],
        "REKAP": [["No", "SKPD", "Jumlah Inovasi"], [1, "Dinas Sosial", "=COUNTIF('2016'!C:C,B2)"]],
        "ref": [["Nama Inovasi", "OPD"], ["bukan inovasi", "Dinsos"]],
        "Catatan": [["Lembar ini berisi catatan"]],
    }, hidden=("ref",))
    result = load_paths([path])
    assert len(result.frame) == 1
    skipped = {sheet.name: sheet.skipped for sheet in result.files[0].sheets}
    assert skipped["2016"] is None
    assert "ringkasan" in skipped["REKAP"]
    assert "tersembunyi" in skipped["ref"]
    assert "Nama Inovasi" in skipped["Catatan"]


def test_a_recap_sheet_named_with_two_years_is_read_with_the_year_of_each_row(tmp_path):
    path = make_xlsx(tmp_path / "rekap.xlsx", {
        "Rekap 2018-2019": [["No", "Nama Inovasi", "Tahun", "Perangkat Daerah"],
                            [1, "Inovasi A", 2018, "Dinas Sosial"], [2, "Inovasi B", 2019, "Dinas Sosial"],
                            [3, "Inovasi C", None, "Dinas Sosial"]],
        "Rekap 2018-2019 per OPD": [["No", "SKPD", "Jumlah Inovasi"], [1, "Dinas Sosial", 2]],
    })
    result = load_paths([path])
    skipped = {sheet.name: sheet.skipped for sheet in result.files[0].sheets}
    assert skipped["Rekap 2018-2019"] is None
    assert "Nama Inovasi" in skipped["Rekap 2018-2019 per OPD"]
    # the name's two years give no row its year: the row without one is a located error
    assert [(issue.code, issue.sheet, issue.row) for issue in result.errors if issue.code == "no_year"] == [
        ("no_year", "Rekap 2018-2019", 4)]
    fixed = make_xlsx(tmp_path / "rekap_fixed.xlsx", {
        "Rekap 2018-2019": [["No", "Nama Inovasi", "Tahun", "Perangkat Daerah"],
                            [1, "Inovasi A", 2018, "Dinas Sosial"], [2, "Inovasi B", 2019, "Dinas Sosial"]]})
    result = load_paths([fixed])
    assert result.ok
    assert records(result, "name", "year") == [["Inovasi A", 2018], ["Inovasi B", 2019]]


def test_file_without_any_innovation_table_is_rejected(tmp_path):
    path = make_xlsx(tmp_path / "kosong.xlsx", {"Catatan": [["Tidak ada tabel"]]})
    result = load_paths([path])
    assert not result.ok
    assert [issue.code for issue in result.errors] == ["no_table", "file_rejected"]
