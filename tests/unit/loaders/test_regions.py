"""Rows of other governments keep their region and are never matched against this regency's register."""

from loaders import load_paths
from tests.workbooks import make_xlsx


def rows(result, *columns):
    frame = result.frame[list(columns)]
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def test_a_pemda_column_keeps_each_rows_region_and_only_ours_meet_the_register(tmp_path):
    path = make_xlsx(tmp_path / "iid_sumsel.xlsx", {"IID": [
        ["No", "Judul Inovasi", "Pemda", "Admin OPD", "Urusan Utama", "Tahun"],
        [1, "Sehat Cepat", "Kab. Muara Enim", "Dinkes (dinkes_me)", "kesehatan", 2022],
        [2, "Sehat Cepat", "Pemerintah Kota Palembang", "Dinkes (dinkes_plg)", "kesehatan", 2022],
        [3, "Pasar Tertib", "KABUPATEN LAHAT", "Satuan Polisi Pamong Praja", "sosial", 2022],
        [4, "Kartu Tani", "Muara Enim", "Dinas Tanpa Nama", "pertanian", 2022],
    ]})
    result = load_paths([path])
    assert rows(result, "region", "agency", "agency_raw", "agency_known", "sector") == [
        ["Kabupaten Muara Enim", "Dinas Kesehatan", "Dinkes (dinkes_me)", True, "Kesehatan"],
        ["Kota Palembang", "Dinkes", "Dinkes (dinkes_plg)", False, "Kesehatan"],
        ["Kabupaten Lahat", "Satuan Polisi Pamong Praja", "Satuan Polisi Pamong Praja", False, "Sosial"],
        ["Kabupaten Muara Enim", "Dinas Tanpa Nama", "Dinas Tanpa Nama", False, "Pertanian"],
    ]
    # only our own unknown agency is reported: another government's agencies are theirs to name
    assert [(issue.code, issue.row) for issue in result.issues] == [("unknown_agency", 5)]


def test_a_k_l_d_column_is_the_region(tmp_path):
    path = make_xlsx(tmp_path / "kld.xlsx", {"2015": [
        ["No", "Ide Inovasi", "Inovator", "K/L/D"],
        [1, "Rumah Baca", "Dinas Perpustakaan", "Pemkot Prabumulih"],
        [2, "Rumah Baca", "Dinas Perpustakaan", "Pemkab Muara Enim"],
    ]})
    result = load_paths([path])
    assert rows(result, "year", "region", "agency_known") == [
        [2015, "Kota Prabumulih", False], [2015, "Kabupaten Muara Enim", True]]
    assert result.files[0].sheets[0].mapping["K/L/D"] == "region"


def test_block_titles_name_the_region_and_the_year_of_an_uncoded_recap(tmp_path):
    path = make_xlsx(tmp_path / "replikasi.xlsx", {"Inovasi Daerah Lain": [
        ["INOVASI DAERAH LAIN UNTUK DIREPLIKASI"],
        ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan"],
        ["KOTA PALEMBANG TAHUN 2019"],
        [1, "E-Parkir", "Dinas Perhubungan", "Perhubungan"],
        ["KABUPATEN OGAN ILIR TAHUN 2020"],
        [1, "Desa Digital", "Dinas PMD", "Pemberdayaan Masyarakat dan Desa"],
    ]}, merged={"Inovasi Daerah Lain": ["A1:D1", "A3:D3", "A5:D5"]})
    result = load_paths([path])
    assert rows(result, "name", "year", "year_source", "region", "agency", "agency_known") == [
        ["E-Parkir", 2019, "block", "Kota Palembang", "Dinas Perhubungan", False],
        ["Desa Digital", 2020, "block", "Kabupaten Ogan Ilir", "Dinas PMD", False],
    ]
    assert result.issues == []


def test_a_code_location_names_the_region_when_nothing_else_does(tmp_path, monkeypatch):
    import dataclasses

    from loaders.reference import load_reference

    reference = dataclasses.replace(load_reference(), lan_locations={"SS04": "Kabupaten Muara Enim",
                                                                     "SS09": "Kota Prabumulih"})
    path = make_xlsx(tmp_path / "kode.xlsx", {"Data": [
        ["No", "Kode", "Ide Inovasi", "Inovator"],
        [1, "15 LI SS04 ... 001", "Posyandu Keliling", "Dinkes"],
        [2, "15 LI SS09 ... 001", "Posyandu Keliling", "Dinkes"],
    ]})
    result = load_paths([path], reference=reference)
    assert rows(result, "region", "agency", "agency_known", "year") == [
        ["Kabupaten Muara Enim", "Dinas Kesehatan", True, 2015], ["Kota Prabumulih", "Dinkes", False, 2015]]
    assert result.issues == []
