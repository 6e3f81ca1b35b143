"""Fixture workbooks built in code, one per spreadsheet quirk (no binary fixtures in the repo)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook


def make_xlsx(path: Path, sheets: dict[str, list[list]], merged: dict[str, list[str]] | None = None,
              hidden: tuple[str, ...] = ()) -> Path:
    """Write `sheets` (name → rows of values) to `path`; `merged` lists ranges like 'E5:F5' per sheet."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cell_range in (merged or {}).get(name, []):
            sheet.merge_cells(cell_range)
        if name in hidden:
            sheet.sheet_state = "hidden"
    workbook.properties.created = workbook.properties.modified = dt.datetime(2020, 1, 1)
    workbook.save(path)
    return Path(path)


def make_xls(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A real BIFF8 .xls (Excel 97–2003)."""
    import xlwt

    workbook = xlwt.Workbook()
    date_style = xlwt.easyxf(num_format_str="DD-MM-YYYY")
    for name, rows in sheets.items():
        sheet = workbook.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, dt.date):
                    sheet.write(r, c, value, date_style)
                else:
                    sheet.write(r, c, value)
    workbook.save(str(path))
    return Path(path)


def make_ods(path: Path, sheets: dict[str, list[list]]) -> Path:
    import pandas as pd

    with pd.ExcelWriter(path, engine="odf") as writer:
        for name, rows in sheets.items():
            pd.DataFrame(rows).to_excel(writer, sheet_name=name, header=False, index=False)
    return Path(path)


def simple_table(rows: list[list], header=("No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun")) -> list[list]:
    """A one-row header on row 1 followed by `rows`."""
    return [list(header), *rows]


def revised_copy(source: Path, target: Path, edits: dict[tuple[int, str], object]) -> Path:
    """A revised recap: `source` (an .xlsx whose header is on row 1) saved as `target` with the cells
    at (Excel row, header) set to new values — what a planner sends after correcting a few cells."""
    from openpyxl import load_workbook

    workbook = load_workbook(source)
    sheet = workbook.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[1]}
    for (row, header), value in edits.items():
        sheet.cell(row=row, column=columns[header], value=value)
    workbook.save(target)
    return Path(target)


def make_formula_xlsx(path: Path, sheets: dict[str, list[list]], cached: bool = True) -> Path:
    """An .xlsx whose cells given as ("=FORMULA", value) hold a formula: with `cached`, its value as Excel
    saves it (what calamine reads); without, no value at all (a file saved without calculating, as
    scripts and some web systems write them)."""
    import re
    import zipfile

    plain = {name: [[cell[0] if isinstance(cell, tuple) else cell for cell in row] for row in rows]
             for name, rows in sheets.items()}
    values = {}
    for index, rows in enumerate(sheets.values(), start=1):
        for r, row in enumerate(rows, start=1):
            for c, cell in enumerate(row):
                if isinstance(cell, tuple):
                    values[(index, f"{chr(65 + c)}{r}")] = cell[1]
    staged = make_xlsx(Path(str(path) + ".tmp"), plain)

    def with_value(index: int, match) -> bytes:
        ref, formula = match.group(1).decode(), match.group(2)
        value = values.get((index, ref))
        if not cached or value is None:
            return b'<c r="%s"><f>%s</f></c>' % (ref.encode(), formula)
        kind = b' t="str"' if isinstance(value, str) else b""
        return b'<c r="%s"%s><f>%s</f><v>%s</v></c>' % (ref.encode(), kind, formula, str(value).encode())

    with zipfile.ZipFile(staged) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            part = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if part:
                index = int(part.group(1))
                data = re.sub(rb'<c r="([A-Z]+[0-9]+)"><f>(.*?)</f><v\s*/?>(?:</v>)?</c>',
                              lambda m: with_value(index, m), data)
            target.writestr(item, data)
    staged.unlink()
    return Path(path)
