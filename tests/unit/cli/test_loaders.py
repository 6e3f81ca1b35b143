"""`inspect` and `export` from the command line, as users and scripts run them."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from tests.workbooks import make_xlsx

ROOT = Path(__file__).resolve().parents[3]


def app(*args):
    return subprocess.run([sys.executable, "app.py", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_inspect_json_on_the_sample_reproduces_the_regencys_counts():
    done = app("inspect", *sorted((ROOT / "data" / "sample").glob("*.*")), "--json")
    assert done.returncode == 0, done.stdout[-2000:]
    report = json.loads(done.stdout)
    assert set(report) == {"records", "by_year", "by_agency", "by_sector", "by_stage", "by_region",
                           "by_region_agency", "files", "issues", "mappings", "year_rules", "duplicates", "doubled"}
    assert report["duplicates"] == [] and report["doubled"] == []
    assert {year: report["by_year"][year] for year in ("2015", "2016", "2017")} == {
        "2015": 79, "2016": 67, "2017": 56}
    assert {str(year) for year in range(2018, 2026)} <= set(report["by_year"])
    assert report["records"] == sum(report["by_year"].values())
    assert not [issue for issue in report["issues"] if issue["severity"] == "error"]
    assert all(f["status"] == "ok" for f in report["files"])
    sheet = report["files"][0]["sheets"][0]
    assert set(sheet) == {"name", "header_row", "records", "mapping", "mapping_source", "unknown", "no_year",
                          "year_rule", "year_rule_source", "skipped"}


INSPECT_MODULES = """
import contextlib, io, json, sys
import cli
with contextlib.redirect_stdout(io.StringIO()):
    code = cli.main(["inspect", sys.argv[1], "--json"])
print(json.dumps({"code": code, "heavy": sorted(m for m in sys.modules if m == "store.database" or
                                                m.split(".")[0] in ("sqlalchemy", "alembic", "dash", "flask"))}))
"""


def test_inspect_without_a_store_imports_neither_the_store_nor_sqlalchemy(tmp_path):
    """With no store to follow (no $DATABASE_URL, no embedded file), inspect only reads files: SQLAlchemy,
    the Store and the web stack stay unimported (they were a third of whole-process inspect's time)."""
    env = {**{k: v for k, v in os.environ.items() if k != "DATABASE_URL"}, "DASBOR_INSTANCE": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", INSPECT_MODULES, ROOT / "data" / "sample" / "iid_2018.xlsx"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"code": 0, "heavy": []}


def test_inspect_json_counts_the_rows_of_each_region(tmp_path):
    path = make_xlsx(tmp_path / "daerah.xlsx", {"Data": [
        ["No", "Judul Inovasi", "Pemda", "Admin OPD", "Tahun"],
        [1, "A", "Kab. Muara Enim", "Dinkes", 2022],
        [2, "B", "Pemerintah Kota Palembang", "Dinas Kesehatan", 2022],
        [3, "C", "Kota Palembang", "Dinas Sosial", 2022],
        [4, "D", None, "Dinsos", 2022],
    ]})
    done = app("inspect", path, "--json")
    assert done.returncode == 0, done.stdout[-2000:]
    report = json.loads(done.stdout)
    assert report["by_region"] == {"Kabupaten Muara Enim": 2, "Kota Palembang": 2}
    # the regency's agencies apart from another region's: Palembang's Dinas Kesehatan is not ours
    assert report["by_agency"] == {"Dinas Kesehatan": 1, "Dinas Sosial": 1}
    assert report["by_region_agency"] == {"Kabupaten Muara Enim": {"Dinas Kesehatan": 1, "Dinas Sosial": 1},
                                          "Kota Palembang": {"Dinas Kesehatan": 1, "Dinas Sosial": 1}}
    assert list(report["by_region_agency"]) == ["Kabupaten Muara Enim", "Kota Palembang"]


def test_inspect_json_reports_a_rejected_file_with_its_rows(tmp_path):
    path = make_xlsx(tmp_path / "salah.xlsx", {"Data": [
        ["No", "Nama Inovasi", "Tahun"], [1, "A", 2016], [2, "B", "20x6"], [3, "C", 1800], [4, "D", 3000]]})
    done = app("inspect", path, "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["records"] == 0 and report["files"][0]["status"] == "rejected"
    rows = [(i["sheet"], i["row"], i["column"]) for i in report["issues"] if i["code"] == "bad_year"]
    assert rows == [("Data", 3, "Tahun"), ("Data", 4, "Tahun"), ("Data", 5, "Tahun")]


def test_inspect_without_json_prints_lines_with_the_place_of_each_problem(tmp_path):
    path = make_xlsx(tmp_path / "salah.xlsx", {"Data": [["No", "Nama Inovasi", "Tahun"], [1, "A", "x"]]})
    done = app("inspect", path)
    assert done.returncode == 1
    assert "GALAT salah.xlsx › Data › baris 2 › Tahun: Tahun 'x' tidak valid" in done.stdout


def test_usage_errors_exit_2():
    assert app("inspect").returncode == 2
    assert app("export", "data/sample", "-o", "out.pdf").returncode == 2


@pytest.fixture
def tricky_csv(tmp_path):
    path = tmp_path / "iid_2021.csv"
    text = ("No;Judul Inovasi;Admin OPD;Urusan Utama;Tahun Data\r\n"
            "1;=HYPERLINK(\"http://x\",\"klik\");Dinkes;kesehatan;2021\r\n"
            "2;+62 811 Layanan Café – Desa;Dinkes;kesehatan;2021\r\n"
            "3;@SUM(A1);Dinkes;kesehatan;2021\r\n"
            "4;-Layanan Minus;Dinkes;kesehatan;2021\r\n")
    path.write_bytes(text.encode("cp1252"))
    return path


NAMES = ['=HYPERLINK("http://x","klik")', "+62 811 Layanan Café – Desa", "@SUM(A1)", "-Layanan Minus"]


def test_export_csv_keeps_text_exactly_and_neutralises_formulas(tmp_path, tricky_csv):
    out = tmp_path / "out.csv"
    assert app("export", tricky_csv, "-o", out).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [row["name"] for row in rows] == ["'" + name for name in NAMES]
    assert not any(value.startswith(("=", "+", "-", "@")) for row in rows for value in row.values())


def test_export_xlsx_writes_every_text_as_text(tmp_path, tricky_csv):
    out = tmp_path / "out.xlsx"
    assert app("export", tricky_csv, "-o", out).returncode == 0
    sheet = openpyxl.load_workbook(out).active
    header = [cell.value for cell in sheet[1]]
    names = [row[header.index("name")] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in names] == NAMES
    assert all(cell.data_type == "s" for cell in names)


def test_export_of_a_rejected_file_writes_nothing(tmp_path):
    path = make_xlsx(tmp_path / "salah.xlsx", {"Data": [["No", "Nama Inovasi", "Tahun"], [1, "A", "x"]]})
    out = tmp_path / "out.csv"
    assert app("export", path, "-o", out).returncode == 1
    assert not out.exists()
