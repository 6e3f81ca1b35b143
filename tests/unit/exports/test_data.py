"""Data exports (exports.data): exactly the filtered rows, headers in the UI language, the
filters on a second sheet, and no cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from analytics.filters import Filters
from dashboard.sources import DataSource, FrameSource
from exports.data import data_bytes, write_data
from charts.views import Context
from i18n import MONTHS
from tests.unit.dashboard_frames import frame_of

HOSTILE = ['=HYPERLINK("http://contoh.invalid","klik")', "+62 812 3456 7890", "-1+1", "@SUM(A1:A9)",
           "\tTab di depan"]


@pytest.fixture(scope="module")
def sample():
    return DataSource().dataset()


@pytest.fixture(scope="module")
def hostile():
    rows = [{"year": 2016, "agency": "Dinas Kesehatan", "sector": "Kesehatan", "stage": "Penerapan"} for _ in HOSTILE]
    frame = frame_of(rows)
    frame["name"] = HOSTILE
    frame["innovator"] = ["=1+1", "+62 811", None, "biasa", "-x"]
    frame["launch_date"] = pd.to_datetime(["2016-03-08", "2016-03-01", "2016-01-01", None, None])
    frame["launch_date_precision"] = ["day", "month", "year", None, None]
    return FrameSource(frame, label="uji.xlsx").dataset()


def _xlsx(ctx, tmp_path):
    path = tmp_path / "data.xlsx"
    assert write_data(ctx, path) == len(ctx.view)
    return openpyxl.load_workbook(path)


def test_xlsx_holds_exactly_the_filtered_rows_with_indonesian_headers(sample, tmp_path):
    ctx = Context.build(sample, Filters(year_from=2016, year_to=2016))
    workbook = _xlsx(ctx, tmp_path)
    assert workbook.sheetnames == ["Inovasi", "Keterangan"]
    sheet = workbook["Inovasi"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:5] == ["Kode", "Nama Inovasi", "Tahun", "Asal tahun", "Perangkat Daerah"]
    assert "launch_date_precision" not in headers and "Waktu penerapan" in headers
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(ids) == 67
    assert sorted(ids) == sorted(Filters(year_from=2016, year_to=2016).apply(sample.frame)["id"])
    assert {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)} == {2016}


def test_xlsx_second_sheet_states_filters_version_and_date(sample, tmp_path):
    ctx = Context.build(sample, Filters(year_from=2016, year_to=2016, agencies=("Dinas Kesehatan",)))
    about = dict(_xlsx(ctx, tmp_path)["Keterangan"].iter_rows(values_only=True))
    assert about["Filter"] == "Tahun 2016 · OPD: Dinas Kesehatan"
    assert about["Jumlah baris"] == str(len(ctx.view))
    assert about["Versi data"] == sample.version
    assert about["Sumber"] == "Sumber: data contoh (sintetis)"
    assert about["Tampilan (parameter URL)"] == "?from=2016&to=2016&agency=Dinas+Kesehatan"
    day, month, year = about["Tanggal unduh"].split()  # "8 Maret 2018", as every date the product writes
    assert day.isdigit() and month in MONTHS["id"] and len(year) == 4


def test_csv_is_utf8_with_bom_and_holds_the_filtered_rows(sample):
    ctx = Context.build(sample, Filters(year_from=2015, year_to=2017, sectors=("Kesehatan",), lang="en"))
    data, filename = data_bytes(ctx, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    assert filename == "inovasi-data_2015-2017_kesehatan.csv"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Code", "Innovation", "Year"]
    assert len(rows) - 1 == len(ctx.view) > 0
    sector = rows[0].index("Sector")
    assert {row[sector] for row in rows[1:]} == {"Kesehatan"}


def test_no_innovation_name_ever_becomes_a_formula(hostile, tmp_path):
    ctx = Context.build(hostile, Filters())
    sheet = _xlsx(ctx, tmp_path)["Inovasi"]
    names = {cell.value: cell for cell in sheet["B"][1:]}
    assert set(names) == set(HOSTILE)
    assert all(cell.data_type == "s" for cell in names.values())
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    data, _ = data_bytes(ctx, "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert sorted(row[1] for row in rows[1:]) == sorted("'" + name for name in HOSTILE)
    innovator = rows[0].index("Inovator")
    assert sorted(row[innovator] for row in rows[1:]) == sorted(["'=1+1", "'+62 811", "", "biasa", "'-x"])


def test_dates_keep_their_precision(hostile, tmp_path):
    sheet = _xlsx(Context.build(hostile, Filters()), tmp_path)["Inovasi"]
    column = [cell.value for cell in sheet[1]].index("Waktu penerapan")
    written = {row[1]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert written[HOSTILE[0]] == "8 Maret 2016"
    assert written[HOSTILE[1]] == "Maret 2016"
    assert written[HOSTILE[2]] == "2016"
    assert written[HOSTILE[3]] is None


def test_an_unknown_format_is_refused(hostile, tmp_path):
    with pytest.raises(ValueError, match="unknown data format: ods") as raised:
        write_data(Context.build(hostile, Filters()), tmp_path / "x.ods")
    assert raised.value.message("id") == "format data tidak dikenal: ods (pilih xlsx atau csv)"
    assert not list(tmp_path.iterdir())
