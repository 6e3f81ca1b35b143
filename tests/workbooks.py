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
