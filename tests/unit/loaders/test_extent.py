"""The extent checks that run before a grid is built (loaders/extent.py, loaders/limits.py) and the
bounded HTML span placement: right on ordinary files, refusing what is over a limit."""

import zipfile

import pytest

from loaders.errors import FileRejected
from loaders.extent import check_xlsx, column_index
from loaders.limits import Limits
from loaders.read import _grid, read_file
from tests.hostile_files import HEADER, ROW, raw_xlsx, sheet_xml

SMALL = Limits(rows=100, columns=20, cells=1000, field_chars=50)


@pytest.mark.parametrize("letters, index", [("A", 0), ("Z", 25), ("AA", 26), ("az", 51), ("XFD", 16383)])
def test_column_index(letters, index):
    assert column_index(letters) == index


def extent_error(path, limits=SMALL) -> FileRejected | None:
    with zipfile.ZipFile(path) as archive:
        try:
            check_xlsx(archive, path.name, limits)
        except FileRejected as rejected:
            return rejected
    return None


def test_a_sheet_within_the_limits_passes_and_its_sheet_is_named(tmp_path):
    assert extent_error(raw_xlsx(tmp_path / "baik.xlsx", {"2016": sheet_xml([HEADER, ROW] * 50)})) is None
    rejected = extent_error(raw_xlsx(tmp_path / "panjang.xlsx", {"Data 2016": sheet_xml([HEADER, ROW] * 51)}))
    assert (rejected.code, rejected.sheet, rejected.params["rows"]) == ("too_many_rows", "Data 2016", 102)


def test_formatted_empty_cells_do_not_count_but_a_far_value_does(tmp_path):
    formatted = raw_xlsx(tmp_path / "format.xlsx", {"2016": sheet_xml([HEADER, ROW], '<row r="5000"><c r="XFD5000" s="1"/></row>')})
    assert extent_error(formatted) is None
    valued = raw_xlsx(tmp_path / "nilai.xlsx", {"2016": sheet_xml([HEADER, ROW], '<row r="5"><c r="AB5"><v>1</v></c></row>')})
    rejected = extent_error(valued)
    assert (rejected.code, rejected.params["columns"], rejected.params["last"]) == ("too_many_columns", 28, "AB")


def test_cells_without_references_are_counted_by_position(tmp_path):
    cells = "".join(f"<c><v>{i}</v></c>" for i in range(25))
    path = raw_xlsx(tmp_path / "posisi.xlsx", {"2016": sheet_xml([HEADER, ROW], f"<row>{cells}</row>")})
    rejected = extent_error(path)
    assert (rejected.code, rejected.params["columns"]) == ("too_many_columns", 21)  # refused at the first over
    assert extent_error(path, Limits(rows=100, columns=25, cells=1000, field_chars=50)) is None


def test_the_cell_limit_counts_the_grid_that_would_be_built(tmp_path):
    path = raw_xlsx(tmp_path / "sel.xlsx", {"2016": sheet_xml([HEADER, ROW], '<row r="90"><c r="T90"><v>1</v></c></row>')})
    rejected = extent_error(path)
    assert (rejected.code, rejected.params["cells"]) == ("too_many_cells", 1800)


def test_html_spans_are_placed_without_growing_with_the_spanned_area():
    rows, merged = _grid([[("A", (2, 1)), ("B", (1, 2))], [("C", (1, 1)), ("D", (1, 1))]], "t.html", "t", SMALL)
    assert rows == [["A", "B", None], [None, "C", "D"]]
    assert merged == [((0, 0), (1, 0)), ((0, 1), (0, 2))]
    rows, merged = _grid([[("A", (1000, 1))]], "t.html", "t", SMALL)  # a rowspan past the table's end
    assert rows == [["A"]] and merged == []
    with pytest.raises(FileRejected) as refused:
        _grid([[("A", (1, 1000))]], "t.html", "t", SMALL)
    assert refused.value.code == "too_many_columns"


def test_a_long_cell_is_refused_with_its_place(tmp_path, monkeypatch):
    monkeypatch.setenv("DASBOR_MAX_FIELD_CHARS", "50")
    path = raw_xlsx(tmp_path / "panjang.xlsx", {"2016": sheet_xml([HEADER, [1, "x" * 51, "Dinas Kesehatan"]])})
    with pytest.raises(FileRejected) as refused:
        read_file(path)
    assert (refused.value.code, refused.value.sheet, refused.value.row, refused.value.column) == (
        "field_too_long", "2016", 2, "B")
