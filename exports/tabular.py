"""Frames → CSV and XLSX that open right in Excel and can never run a formula.

A cell that starts with '=', '+', '-', '@', a tab or a carriage return is read by Excel (and by
LibreOffice and Google Sheets) as a formula: an innovation named '=HYPERLINK(...)' would become a
live link. Every text cell is neutralised with a leading apostrophe in CSV, and written as an
explicit text cell in XLSX (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would take for a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _plain(value: object) -> object:
    """A frame cell as a plain Python value: None for missing, ISO text for dates."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalar
        return value.item()
    return value


def frame_rows(frame: pd.DataFrame) -> list[list]:
    return [[_plain(value) for value in row] for row in frame.itertuples(index=False, name=None)]


def write_csv(frame: pd.DataFrame, path: Path, headers: list[str] | None = None) -> None:
    """UTF-8 with BOM (Excel then reads accents right), comma-separated, every text cell neutralised."""
    with Path(path).open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise(h) for h in (headers or list(frame.columns))])
        for row in frame_rows(frame):
            writer.writerow(["" if v is None else neutralise(v) for v in row])


def write_xlsx(frame: pd.DataFrame, path: Path, headers: list[str] | None = None,
               about: list[tuple[str, str]] | None = None, sheet_name: str = "Inovasi") -> None:
    """An XLSX with a frozen bold header, sensible widths, text cells typed as text, and an
    optional second sheet 'Keterangan' of (label, value) pairs (filters, data version, date)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_name)
    sheet.freeze_panes = "A2"
    names = headers or [str(c) for c in frame.columns]
    rows = frame_rows(frame)
    for index, width in enumerate(_widths(names, rows)):
        sheet.column_dimensions[_letter(index)].width = width
    bold = Font(bold=True)
    sheet.append([_text_cell(sheet, name, bold) for name in names])
    for row in rows:
        sheet.append([_text_cell(sheet, v) if isinstance(v, str) else v for v in row])
    if about:
        info = workbook.create_sheet("Keterangan")
        info.column_dimensions["A"].width, info.column_dimensions["B"].width = 24, 80
        for label, value in about:
            info.append([_text_cell(info, str(label), bold), _text_cell(info, str(value))])
    workbook.save(path)


def _text_cell(sheet, value: str, font=None):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=None)
    cell.value = value
    cell.data_type = "s"  # never "f": openpyxl would otherwise store '=…' as a formula
    if font is not None:
        cell.font = font
    return cell


def _widths(names: list[str], rows: list[list], sample: int = 500) -> list[float]:
    widths = []
    for index, name in enumerate(names):
        longest = max([len(str(name))] + [len(str(row[index])) for row in rows[:sample] if row[index] is not None])
        widths.append(min(max(8, longest + 2), 60))
    return widths


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
