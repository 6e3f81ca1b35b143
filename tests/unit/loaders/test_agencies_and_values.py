"""Agency names as people write them, progress in percent and mixed date formats in one column."""

import datetime as dt

from loaders import load_paths
from tests.workbooks import make_xlsx


def rows(result, *columns):
    frame = result.frame[list(columns)]
    return frame.astype(object).where(frame.notna(), None).values.tolist()


def test_ampersand_reads_as_dan(tmp_path):
    path = make_xlsx(tmp_path / "rekap.xlsx", {"2016": [
        ["No", "Nama Inovasi", "SKPD"],
        [1, "Koperasi Digital", "Dinas Koperasi & UKM"],
        [2, "e-Aset", "Badan Pengelola Keuangan & Aset Daerah"],
        [3, "Kios Data", "DINAS KOPERASI&UKM"],
    ]})
    result = load_paths([path])
    assert rows(result, "agency", "agency_raw", "agency_known") == [
        ["Dinas Koperasi dan UKM", "Dinas Koperasi & UKM", True],
        ["Badan Pengelolaan Keuangan dan Aset Daerah", "Badan Pengelola Keuangan & Aset Daerah", True],
        ["Dinas Koperasi dan UKM", "DINAS KOPERASI&UKM", True],
    ]
    assert result.issues == []


def test_opd_account_short_names_resolve_through_aliases(tmp_path):
    path = make_xlsx(tmp_path / "iid.xlsx", {"IID": [
        ["No", "Judul Inovasi", "Admin OPD", "Tahun"],
        [1, "Sehat Cepat", "dinkes_me", 2022],
        [2, "Akta Kilat", "capil.muaraenim", 2022],
        [3, "Tertib Pasar", "satpolpp_me", 2022],
        [4, "Bagan Organisasi", "bagor_me", 2022],
        [5, "Bappeda Hub", "Badan Perencanaan Pembangunan Daerah (bappeda_me)", 2022],
    ]})
    result = load_paths([path])
    assert rows(result, "agency", "unit") == [
        ["Dinas Kesehatan", None],
        ["Dinas Kependudukan dan Pencatatan Sipil", None],
        ["Satuan Polisi Pamong Praja", None],
        ["Sekretariat Daerah", "Bagian Organisasi"],
        ["Badan Perencanaan Pembangunan Daerah", None],
    ]
    assert result.issues == []


def test_setda_bagian_units_roll_up_to_sekretariat_daerah(tmp_path):
    path = make_xlsx(tmp_path / "rekap.xlsx", {"2015": [
        ["No", "Nama Inovasi", "SKPD"],
        [1, "Ruang Rapat Digital", "Bagian Pemerintahan Umum"],
        [2, "Arsip Produk Hukum", "BAGIAN HUKUM SETDA"],
        [3, "Kesra Peduli", "Bag. Kesra Setda Kab. Muara Enim"],
        [4, "Sidang Tanpa Kertas", "Bagian Persidangan Sekretariat DPRD"],
    ]})
    result = load_paths([path])
    assert rows(result, "agency", "unit") == [
        ["Sekretariat Daerah", "Bagian Pemerintahan Umum"],
        ["Sekretariat Daerah", "Bagian Hukum"],
        ["Sekretariat Daerah", "Bagian Kesra"],
        ["Sekretariat DPRD", "Bagian Persidangan"],
    ]


def test_progress_written_90_or_90_percent_is_90(tmp_path):
    path = make_xlsx(tmp_path / "progres.xlsx", {"2020": [
        ["No", "Nama Inovasi", "OPD", "Progres"],
        [1, "A", "Dinkes", 90],
        [2, "B", "Dinkes", "90%"],
        [3, "C", "Dinkes", "87,5 %"],
        [4, "D", "Dinkes", 0.75],
        [5, "E", "Dinkes", None],
        [6, "F", "Dinkes", "150%"],
    ]})
    result = load_paths([path])
    assert rows(result, "name", "progress") == [["A", 90.0], ["B", 90.0], ["C", 87.5], ["D", 75.0], ["E", None],
                                                ["F", None]]
    [issue] = result.issues
    assert (issue.code, issue.row, issue.column) == ("bad_progress", 7, "Progres") and "150%" in issue.message


def test_mixed_date_formats_in_one_column(tmp_path):
    path = make_xlsx(tmp_path / "tanggal.xlsx", {"2017": [
        ["No", "Nama Inovasi", "OPD", "Tanggal Penerapan"],
        [1, "A", "Dinkes", dt.date(2017, 3, 12)],
        [2, "B", "Dinkes", "12-03-2017"],
        [3, "C", "Dinkes", "2017-03-12"],
        [4, "D", "Dinkes", "12/03/17"],
        [5, "E", "Dinkes", "Minggu, 12 Maret 2017"],
        [6, "F", "Dinkes", "03/25/2017"],
        [7, "G", "Dinkes", "12-03-2017 08:30"],
        [8, "H", "Dinkes", "Maret 12, 2017"],
        [9, "I", "Dinkes", 42806],
        [10, "J", "Dinkes", "Maret 2017"],
        [11, "K", "Dinkes", "2017"],
    ]})
    result = load_paths([path])
    assert rows(result, "launch_date", "launch_date_precision") == [
        *[[dt.datetime(2017, 3, 12), "day"]] * 5,
        [dt.datetime(2017, 3, 25), "day"],
        [dt.datetime(2017, 3, 12), "day"],
        [dt.datetime(2017, 3, 12), "day"],
        [dt.datetime(2017, 3, 12), "day"],
        [dt.datetime(2017, 3, 1), "month"],
        [dt.datetime(2017, 1, 1), "year"],
    ]
    assert result.issues == []
