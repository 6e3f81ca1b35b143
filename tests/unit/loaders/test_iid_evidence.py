"""Evidence sheets for the IID: one row per indicator and innovation (or the government), read with
clear messages for the rows that cannot be used."""

from __future__ import annotations

from openpyxl import Workbook

from loaders.iid_evidence import read_evidence


def write_csv(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_are_read_with_their_place_whatever_the_header_spelling(tmp_path):
    path = write_csv(tmp_path / "bukti.csv", "Tahun;ID;No Indikator;Tingkat;Bukti Dukung\n"
                                             "2025;a1;16;1;SK Kadinkes 12/2025\n;;8;3;LHP BPK\n;;;;\n")
    sheets = read_evidence([path])
    assert sheets.issues == []
    rows = sheets.entries.to_dict("records")
    assert [(r["edition"], r["id"], r["indicator"], r["tier"], r["row"]) for r in rows] == [
        (2025, "a1", "16", 1, 2), (None, None, "8", 3, 3)]
    assert rows[0]["document"] == "SK Kadinkes 12/2025"


def test_an_xlsx_with_numbers_as_numbers(tmp_path):
    book = Workbook()
    book.active.append(["indikator", "tingkat", "id"])
    book.active.append([16.0, 2.0, "a1"])
    book.save(tmp_path / "bukti.xlsx")
    rows = read_evidence([tmp_path]).entries.to_dict("records")
    assert [(r["indicator"], r["tier"], r["id"]) for r in rows] == [("16", 2, "a1")]


def test_a_bad_row_rejects_the_file_and_says_where(tmp_path):
    path = write_csv(tmp_path / "bukti.csv", "tahun,id,indikator,tingkat\n2025,a1,16,4\n2025,a1,,1\nsoon,a1,17,1\n")
    sheets = read_evidence([path], lang="en")
    assert sheets.entries.empty
    lines = [issue.to_line() for issue in sheets.errors]
    assert lines == [
        "ERROR bukti.csv › bukti › row 2 › tingkat: Tier '4' is not valid: write 0, 1, 2 or 3.",
        "ERROR bukti.csv › bukti › row 3 › indikator: Indicator is empty: write its number (1-35) or key (e.g. "
        "sid-16).",
        "ERROR bukti.csv › bukti › row 4 › tahun: Year 'soon' is not valid: write the IID edition's year (e.g. "
        "2025) or leave it empty.",
    ]


def test_missing_columns_are_named(tmp_path):
    path = write_csv(tmp_path / "bukti.csv", "id,catatan\na1,x\n")
    [issue] = read_evidence([path], lang="id").errors
    assert issue.row == 1 and "tingkat" in issue.message and "indikator" in issue.message


def test_a_missing_file_is_one_message(tmp_path):
    [issue] = read_evidence([tmp_path / "none.csv"], lang="en").errors
    assert issue.code == "file_missing"
