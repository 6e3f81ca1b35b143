"""Database-style exports: snake_case headers, a government in nama_instansi, HTML narratives."""

import datetime as dt

from loaders import load_paths
from tests.workbooks import make_xlsx

HEADER = ["id", "nama_inovasi", "tahun_inisiasi", "tahun_implementasi", "nama_instansi", "unit_instansi",
          "urusan_pemerintahan", "tahapan_inovasi", "deskripsi", "tujuan_inovasi", "manfaat_diperoleh"]


def rows(result, *columns):
    frame = result.frame[list(columns)]
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def test_snake_case_headers_are_recognised(tmp_path):
    path = make_xlsx(tmp_path / "export_inovasi.xlsx", {"inovasi": [
        HEADER,
        [17, "SIMPEL", 2019, 2020, "Pemerintah Kabupaten Muara Enim", "Dinas Kesehatan", "kesehatan", "penerapan",
         None, None, None],
    ]})
    result = load_paths([path])
    mapping = result.files[0].sheets[0].mapping
    assert {header: mapping[header] for header in HEADER[1:8]} == {
        "nama_inovasi": "name", "tahun_inisiasi": "year", "tahun_implementasi": "launch_date",
        "nama_instansi": "agency", "unit_instansi": "unit", "urusan_pemerintahan": "sector",
        "tahapan_inovasi": "stage"}
    assert rows(result, "name", "year", "year_source", "launch_date", "launch_date_precision", "stage") == [
        ["SIMPEL", 2019, "column", dt.datetime(2020, 1, 1), "year", "Penerapan"]]


def test_nama_instansi_naming_a_government_is_the_region_and_unit_instansi_the_agency(tmp_path):
    path = make_xlsx(tmp_path / "export.xlsx", {"inovasi": [
        HEADER,
        [1, "SIMPEL", 2019, 2020, "Pemerintah Kabupaten Muara Enim", "Dinas Kesehatan", "Kesehatan", None,
         None, None, None],
        [2, "SIGAP", 2020, 2021, "Pemerintah Kota Palembang", "Dinas Kesehatan", "Kesehatan", None,
         None, None, None],
        [3, "KOPI", 2020, 2021, "Dinas Koperasi & UKM", None, "Koperasi, Usaha Kecil, dan Menengah", None,
         None, None, None],
    ]})
    result = load_paths([path])
    assert result.ok
    assert rows(result, "name", "region", "agency", "agency_known", "sector") == [
        ["SIMPEL", "Kabupaten Muara Enim", "Dinas Kesehatan", True, "Kesehatan"],
        ["SIGAP", "Kota Palembang", "Dinas Kesehatan", False, "Kesehatan"],
        ["KOPI", "Kabupaten Muara Enim", "Dinas Koperasi dan UKM", True, "Koperasi, Usaha Kecil, dan Menengah"],
    ]
    # the export's own row id is no canonical field: reported, not loaded
    assert [(issue.code, issue.column) for issue in result.issues] == [("unknown_header", "id")]


def test_html_in_narrative_fields_becomes_plain_text_without_scripts_or_entities(tmp_path):
    html = ("<p>Antrean <b>panjang</b> di loket &amp; warga menunggu.</p>"
            "<ul><li>Daftar daring</li><li>Ambil nomor</li></ul><script>alert('x')</script>")
    hostile = ('<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x; aman</p>'
               '<img src=x onerror="alert(1)"><style>p{}</style>')
    path = make_xlsx(tmp_path / "export.xlsx", {"inovasi": [
        HEADER,
        [1, "Antrean &amp; Daring", 2019, 2020, "Dinkes", None, "Kesehatan", None, html, hostile,
         "Tanpa markup  sama sekali"],
    ]})
    result = load_paths([path])
    [[name, description, goal, benefit]] = rows(result, "name", "description", "goal", "benefit")
    assert name == "Antrean & Daring"
    assert description == "Antrean panjang di loket & warga menunggu.\n- Daftar daring\n- Ambil nomor"
    assert goal == "&x; aman"
    assert benefit == "Tanpa markup sama sekali"
