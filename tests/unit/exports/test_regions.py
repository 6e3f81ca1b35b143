"""/provinsi's "Unduh data" (exports/regions.py through exports.data): the regions compared, one row each with
the region charts' numbers, in CSV and XLSX, and no region name a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from analytics.dataset import canonical_frame, make_dataset
from analytics.filters import Filters
from charts.views import Context
from exports.data import data_bytes, write_data
from tests.unit.dashboard_frames import region_rows as rows

HOME, CITY, HOSTILE = "Kabupaten Muara Enim", "Kota Lubuklinggau", '=HYPERLINK("http://contoh.invalid","klik")'


@pytest.fixture(scope="module")
def dataset():
    frame = canonical_frame(
        rows(HOME, [(2023, "Kesehatan"), (2023, "Kesehatan"), (2023, "Pendidikan"), (2024, "Perhubungan")], "h")
        + rows(CITY, [(2023, "Kesehatan"), (2024, "Kehutanan"), (2024, "Kehutanan")], "c")
        + rows(HOSTILE, [(2022, "Pertanian"), (2023, "Pertanian"), (2024, "Pendidikan")], "m"))
    return make_dataset(frame, "v-export-regions", "uji.xlsx")


def test_the_csv_holds_one_row_per_region_compared_with_the_charts_numbers(dataset):
    ctx = Context.build(dataset, Filters.from_query("region=Kabupaten+Muara+Enim&region=Kota+Lubuklinggau"))
    data, filename = data_bytes(ctx, "csv", "regions")
    assert filename == "inovasi-provinsi_kabupaten-muara-enim_kota-lubuklinggau.csv"
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0][:6] == ["Daerah", "Inovasi 2023–2024", "Inovasi semua tahun", "Tahun pertama",
                            "Tahun terakhir", "Urusan 2023–2024"]
    assert "Indeks IID 2025" in table[0] and "Predikat IID 2025" in table[0]
    assert [row[:6] for row in table[1:]] == [[HOME, "4", "4", "2023", "2024", "3"],
                                              [CITY, "3", "3", "2023", "2024", "2"]]
    band = table[0].index("Predikat IID 2025")
    assert {row[band] for row in table[1:]} == {"Belum ada bukti"}   # no evidence in this frame


def test_no_region_name_becomes_a_formula(dataset, tmp_path):
    ctx = Context.build(dataset, Filters())    # no region named: every region compared
    data, _ = data_bytes(ctx, "csv", "regions")
    names = [row[0] for row in csv.reader(io.StringIO(data.decode("utf-8-sig")))][1:]
    assert sorted(names) == sorted([HOME, CITY, "'" + HOSTILE])
    path = tmp_path / "daerah.xlsx"
    assert write_data(ctx, path, table="regions") == 3
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Daerah", "Keterangan"]
    sheet = workbook["Daerah"]
    assert HOSTILE in [cell.value for cell in sheet["A"]]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    about = dict(workbook["Keterangan"].iter_rows(values_only=True))
    assert about["Judul"] == "Perbandingan inovasi antardaerah" and about["Jumlah baris"] == "3"
