"""Every format the regency keeps reads into the same canonical rows."""

import datetime as dt

import pytest

from loaders import load_paths
from loaders.read import sniff_format
from tests.workbooks import make_ods, make_xls, make_xlsx

ROWS = [
    ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun", "Tanggal Penerapan"],
    [1, "BELAH DADOKU (Begitu Lahir Dapat Dokumen Kependudukan)", "Disdukcapil", "Adminduk", 2016,
     dt.date(2016, 4, 1)],
    [2, "Café Literasi – Pojok Baca", "Dinas Perpustakaan dan Kearsipan", "perpustakaan", 2017, dt.date(2017, 1, 9)],
]
EXPECTED = [
    ["BELAH DADOKU (Begitu Lahir Dapat Dokumen Kependudukan)", 2016,
     "Dinas Kependudukan dan Pencatatan Sipil", "Administrasi Kependudukan dan Pencatatan Sipil", "2016-04-01"],
    ["Café Literasi – Pojok Baca", 2017, "Dinas Perpustakaan dan Kearsipan", "Perpustakaan", "2017-01-09"],
]


def canonical(result):
    frame = result.frame
    assert result.ok, [issue.to_line() for issue in result.issues]
    return [[row.name, int(row.year), row.agency, row.sector, row.launch_date.date().isoformat()]
            for row in frame.itertuples()]


def csv_text(delimiter: str) -> str:
    lines = [delimiter.join(str(c) for c in ROWS[0])]
    lines += [delimiter.join([str(r[0]), r[1], r[2], r[3], str(r[4]), r[5].strftime("%d-%m-%Y")]) for r in ROWS[1:]]
    return "\r\n".join(lines) + "\r\n"


def test_xlsx(tmp_path):
    assert canonical(load_paths([make_xlsx(tmp_path / "a.xlsx", {"Sheet1": ROWS})])) == EXPECTED


def test_xlsm_is_read_like_xlsx(tmp_path):
    path = make_xlsx(tmp_path / "a.xlsx", {"Sheet1": ROWS}).rename(tmp_path / "a.xlsm")
    assert canonical(load_paths([path])) == EXPECTED


def test_real_xls(tmp_path):
    assert canonical(load_paths([make_xls(tmp_path / "a.xls", {"Sheet1": ROWS})])) == EXPECTED


def test_ods(tmp_path):
    assert canonical(load_paths([make_ods(tmp_path / "a.ods", {"Sheet1": ROWS})])) == EXPECTED


@pytest.mark.parametrize("delimiter, encoding", [
    (";", "cp1252"), (",", "utf-8"), (",", "utf-8-sig"), ("\t", "utf-8"), (";", "utf-8-sig"),
])
def test_csv_delimiter_and_encoding_are_detected(tmp_path, delimiter, encoding):
    path = tmp_path / "a.csv"
    path.write_bytes(csv_text(delimiter).encode(encoding))
    assert canonical(load_paths([path])) == EXPECTED


def test_xls_that_is_really_an_html_table(tmp_path):
    cells = "".join(f"<th>{c}</th>" for c in ROWS[0])
    body = "".join("<tr>" + "".join(f"<td>{c.strftime('%d-%m-%Y') if isinstance(c, dt.date) else c}</td>"
                                    for c in row) + "</tr>" for row in ROWS[1:])
    path = tmp_path / "export.xls"
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><table><tr>{cells}</tr>{body}"
                    "</table></body></html>", encoding="utf-8")
    assert canonical(load_paths([path])) == EXPECTED


def test_html_colspan_header_is_read_as_a_merged_group(tmp_path):
    path = tmp_path / "export.xls"
    path.write_text(
        "<table><tr><th rowspan=2>No</th><th rowspan=2>Nama Inovasi</th><th colspan=2>Waktu</th></tr>"
        "<tr><th>Uji Coba</th><th>Penerapan</th></tr>"
        "<tr><td>1</td><td>Inovasi A</td><td>2015</td><td>Maret 2016</td></tr></table>", encoding="utf-8")
    result = load_paths([path])
    assert result.files[0].sheets[0].mapping == {
        "No": "no", "Nama Inovasi": "name", "Waktu Uji Coba": "trial_date", "Waktu Penerapan": "launch_date"}
    row = result.frame.iloc[0]
    assert (row["year"], row["year_source"], row["launch_date_precision"]) == (2016, "launch_date", "month")


def test_folders_are_expanded_to_their_spreadsheets(tmp_path):
    make_xlsx(tmp_path / "a.xlsx", {"2015": ROWS[:2]})
    make_xlsx(tmp_path / "b.xlsx", {"2016": [ROWS[0], ROWS[2]]})
    (tmp_path / "catatan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")
    result = load_paths([tmp_path])
    assert [report.path.split("/")[-1] for report in result.files] == ["a.xlsx", "b.xlsx"]
    assert len(result.frame) == 2


@pytest.mark.parametrize("head, kind", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "ole"), (b"PK\x03\x04rest", "zip"),
    (b"\xef\xbb\xbf<html><table>", "html"), (b"  <!DOCTYPE html>", "html"), (b"No;Nama Inovasi", "csv"),
])
def test_sniff_format_from_the_first_bytes(head, kind):
    assert sniff_format(head) == kind
