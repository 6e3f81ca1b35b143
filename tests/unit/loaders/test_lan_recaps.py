"""LAN Laboratorium Inovasi recaps: the code, the 'Kode bidang' sheet, stacked regional blocks."""

from loaders import load_paths
from tests.workbooks import make_xlsx

HEADER = ["No", "Kode", "Ide Inovasi", "Inovator", "K/L/D"]
CODE_LIST = [["KODE BIDANG"], ["Kode", "Bidang"], ["KES", "Kesehatan"], ["PUR", "Pekerjaan Umum dan Penataan Ruang"],
             ["DUK", "Administrasi Kependudukan dan Pencatatan Sipil"]]


def rows(result, *columns):
    frame = result.frame[list(columns)]
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def codes(result):
    return [issue.code for issue in result.issues]


def test_a_code_gives_the_year_the_location_and_the_sector_and_inovator_is_the_agency(tmp_path):
    path = make_xlsx(tmp_path / "lab_inovasi.xlsx", {
        "Ide Inovasi": [
            ["REKAPITULASI IDE INOVASI LABORATORIUM INOVASI"],
            HEADER,
            [1, "15 LI SS04 PUR 001", "Jalan Mulus Desa Maju", "Dinas PU Cipta Karya", "Kab. Muara Enim"],
            [2, "15 LI SS04 KES 002", "Posyandu Keliling", "Puskesmas Tanjung Enim", "Kab. Muara Enim"],
            [3, "15 LI SS04 ... 003", "Layanan Satu Pintu Desa", "Dinas Koperasi & UKM", "Kab. Muara Enim"],
        ],
        "Kode bidang": CODE_LIST,
    })
    result = load_paths([path])
    assert result.ok, [i.to_line() for i in result.issues]
    assert rows(result, "name", "code", "year", "year_source", "region", "agency", "unit", "sector") == [
        ["Jalan Mulus Desa Maju", "15 LI SS04 PUR 001", 2015, "code", "Kabupaten Muara Enim",
         "Dinas Perumahan Rakyat dan Kawasan Permukiman", None, "Pekerjaan Umum dan Penataan Ruang"],
        ["Posyandu Keliling", "15 LI SS04 KES 002", 2015, "code", "Kabupaten Muara Enim",
         "Dinas Kesehatan", "UPTD Puskesmas Tanjung Enim", "Kesehatan"],
        ["Layanan Satu Pintu Desa", "15 LI SS04 ... 003", 2015, "code", "Kabupaten Muara Enim",
         "Dinas Koperasi dan UKM", None, None],
    ]
    assert result.files[0].sheets[0].mapping["Inovator"] == "agency"
    assert codes(result) == []


def test_the_kode_bidang_sheet_is_a_code_list_not_innovations(tmp_path):
    path = make_xlsx(tmp_path / "lab.xlsx", {
        "Kode bidang": CODE_LIST + [["No", "Nama Inovasi"], [1, "bukan inovasi"]],
        "Data": [HEADER, [1, "16 LI SS04 DUK 001", "Akta Langsung Jadi", "Disdukcapil", "Kab. Muara Enim"]],
    })
    result = load_paths([path])
    assert rows(result, "name", "year", "sector") == [
        ["Akta Langsung Jadi", 2016, "Administrasi Kependudukan dan Pencatatan Sipil"]]
    skipped = {sheet.name: sheet.skipped for sheet in result.files[0].sheets}
    assert "kode bidang" in skipped["Kode bidang"].lower() and skipped["Data"] is None


def test_a_sector_code_missing_from_the_list_is_a_located_warning(tmp_path):
    path = make_xlsx(tmp_path / "lab.xlsx", {
        "Data": [HEADER, [1, "15 LI SS04 XYZ 001", "Ide Baru", "Dinkes", "Kab. Muara Enim"]],
        "Kode bidang": CODE_LIST,
    })
    result = load_paths([path])
    assert result.ok and rows(result, "sector", "year") == [[None, 2015]]
    [issue] = result.issues
    assert (issue.code, issue.sheet, issue.row, issue.column) == ("unknown_sector_code", "Data", 2, "Kode")
    assert "XYZ" in issue.message


def test_stacked_regional_blocks_each_under_its_title_numbering_restarting(tmp_path):
    path = make_xlsx(tmp_path / "lab_sumsel.xlsx", {"Ide Lab Inovasi": [
        ["IDE INOVASI LABORATORIUM INOVASI SUMATERA SELATAN"],
        ["KABUPATEN MUARA ENIM TAHUN 2015"],
        HEADER,
        [1, "15 LI SS04 KES 001", "Posyandu Keliling", "Dinas Kesehatan", None],
        [2, None, "Ambulans Desa", "Dinas Kesehatan", None],
        [],
        ["KOTA PRABUMULIH TAHUN 2015"],
        HEADER,
        [1, "15 LI SS09 KES 001", "Posyandu Keliling", "Dinas Kesehatan", None],
        [2, None, "Kota Sehat", "Dinas Kesehatan", None],
        ["PEMERINTAH KABUPATEN LAHAT"],
        ["TAHUN 2016"],
        [1, "16 LI SS07 KES 001", "Puskesmas Ramah Anak", "Dinas Kesehatan", None],
    ], "Kode bidang": CODE_LIST}, merged={"Ide Lab Inovasi": ["A1:E1", "A2:E2", "A7:E7", "A11:E11", "A12:E12"]})
    result = load_paths([path])
    assert result.ok, [i.to_line() for i in result.issues]
    assert rows(result, "name", "year", "year_source", "region", "agency", "agency_known", "source_row") == [
        ["Posyandu Keliling", 2015, "code", "Kabupaten Muara Enim", "Dinas Kesehatan", True, 4],
        ["Ambulans Desa", 2015, "block", "Kabupaten Muara Enim", "Dinas Kesehatan", True, 5],
        ["Posyandu Keliling", 2015, "code", "Kota Prabumulih", "Dinas Kesehatan", False, 9],
        ["Kota Sehat", 2015, "block", "Kota Prabumulih", "Dinas Kesehatan", False, 10],
        ["Puskesmas Ramah Anak", 2016, "code", "Kabupaten Lahat", "Dinas Kesehatan", False, 13],
    ]
    # the same name in two regions is not a duplicate; other regions' agencies are not ours to match
    assert codes(result) == []


def test_a_row_without_code_in_a_block_whose_title_has_no_year_is_a_located_error(tmp_path):
    path = make_xlsx(tmp_path / "lab.xlsx", {"Ide Lab Inovasi": [
        ["KABUPATEN MUARA ENIM"],
        HEADER,
        [1, "15 LI SS04 KES 001", "Posyandu Keliling", "Dinas Kesehatan", None],
        ["KOTA PAGAR ALAM"],
        [1, "15 LI SS11 KES 001", "Sehat Bersama", "Dinas Kesehatan", None],
        [2, None, "Desa Sehat", "Dinas Kesehatan", None],
    ], "Kode bidang": CODE_LIST}, merged={"Ide Lab Inovasi": ["A1:E1", "A4:E4"]})
    result = load_paths([path])
    assert not result.ok and result.frame.empty
    error = result.errors[0]
    assert (error.code, error.sheet, error.row, error.column) == ("no_year_in_block", "Ide Lab Inovasi", 6, "Kode")
    assert "KOTA PAGAR ALAM" in error.message


def test_the_region_comes_from_the_klld_column_first_then_the_code_location(tmp_path):
    path = make_xlsx(tmp_path / "lab.xlsx", {"Data": [
        HEADER,
        [1, "15 LI SS04 KES 001", "Posyandu Keliling", "Dinkes", "Pemkot Prabumulih"],
        [2, "15 LI SS04 KES 002", "Ambulans Desa", "Dinkes", None],
        [3, "15 LI SS99 KES 003", "Gerai Sehat", "Dinkes", "Kabupaten Muara Enim"],
    ], "Kode bidang": CODE_LIST})
    result = load_paths([path])
    assert rows(result, "region", "agency", "agency_known") == [
        ["Kota Prabumulih", "Dinkes", False],
        ["Kabupaten Muara Enim", "Dinas Kesehatan", True],
        ["Kabupaten Muara Enim", "Dinas Kesehatan", True],
    ]


def test_a_malformed_code_is_a_warning_and_the_row_falls_back_to_its_block(tmp_path):
    path = make_xlsx(tmp_path / "lab.xlsx", {"Data": [
        ["KABUPATEN MUARA ENIM TAHUN 2017"],
        HEADER,
        [1, "16 LI SS04 ... 001", "Ambulans Desa", "Dinkes", None],
        [2, "LI-??", "Posyandu Keliling", "Dinkes", None],
    ]})
    result = load_paths([path])
    assert result.ok and rows(result, "year", "year_source", "code") == [[2016, "code", "16 LI SS04 ... 001"],
                                                                         [2017, "block", "LI-??"]]
    assert [(issue.code, issue.row) for issue in result.issues] == [("bad_code", 4)]


def test_a_column_of_other_codes_is_kept_as_written_without_warnings(tmp_path):
    # the dashboard's own data export heads its ids "Kode"; read back, they are codes, not Lab Inovasi codes
    path = make_xlsx(tmp_path / "ekspor.xlsx", {"Data": [
        ["Kode", "Nama Inovasi", "Tahun", "Perangkat Daerah"],
        ["e3688fa82c", "Kartu Sehat", 2019, "Dinas Kesehatan"],
    ]})
    result = load_paths([path])
    assert result.ok and result.issues == []
    assert rows(result, "code", "year", "year_source") == [["e3688fa82c", 2019, "column"]]


def test_a_code_location_missing_from_lan_locations_is_one_located_warning_per_sheet(tmp_path):
    path = make_xlsx(tmp_path / "lab.xlsx", {"Data": [
        ["No", "Kode", "Ide Inovasi", "Inovator"],
        [1, "15 LI SS04 KES 001", "Posyandu Keliling", "Dinkes"],
        [2, "15 LI QQ77 KES 002", "Ambulans Desa", "Dinkes"],
        [3, "15 LI QQ77 KES 003", "Gerai Sehat", "Dinkes"],
    ], "Kode bidang": CODE_LIST})
    result = load_paths([path])
    assert result.ok and rows(result, "region") == [["Kabupaten Muara Enim"]] * 3
    [issue] = result.issues
    assert (issue.severity, issue.code, issue.sheet, issue.row, issue.column) == (
        "warning", "unknown_lan_location", "Data", 3, "Kode")
    assert "QQ77" in issue.message and "lan_locations.csv" in issue.message and "2 baris" in issue.message


def test_every_lan_location_says_whether_it_is_verified_and_where_it_comes_from(tmp_path):
    import csv
    import shutil

    import pytest

    from loaders.reference import REFERENCE_DIR, ReferenceError, load_reference

    with (REFERENCE_DIR / "lan_locations.csv").open(encoding="utf-8") as handle:
        shipped = list(csv.DictReader(handle))
    assert shipped and all(row["verified"] in ("true", "false") and row["source"].strip() for row in shipped)
    folder = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, folder)
    (folder / "lan_locations.csv").write_text("code,region,verified,source,note\nSS09,Kota Prabumulih,maybe,x,\n")
    with pytest.raises(ReferenceError, match="lan_locations.csv baris 2"):
        load_reference(folder)
