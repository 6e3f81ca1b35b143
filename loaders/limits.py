"""How big a sheet may be before it is read: rows, columns, cells and characters in one cell.

The readers check a sheet's real extent against these limits *before* a grid is built (loaders/extent.py
for workbooks, while streaming for CSV and HTML), so that a 2 KB file naming cell XFD1048576 is refused
with a message instead of allocating a grid of 17 billion cells. The defaults are the largest real
recap the product reads (a 20,000-row national-index export of about 20 columns, narratives of up to
some thousand characters) times ten; each can be changed by an environment variable.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from loaders.errors import FileRejected, column_letter

SETTINGS = {  # field → (environment variable, default)
    "rows": ("DASBOR_MAX_ROWS", 200_000),
    "columns": ("DASBOR_MAX_COLUMNS", 1_000),
    "cells": ("DASBOR_MAX_CELLS", 5_000_000),
    "field_chars": ("DASBOR_MAX_FIELD_CHARS", 100_000),
}


@dataclass(frozen=True)
class Limits:
    rows: int
    columns: int
    cells: int
    field_chars: int

    def check(self, file: str, sheet: str | None, rows: int, columns: int, cells: int | None = None) -> None:
        """Raise FileRejected when a sheet of `rows` × `columns` (holding `cells` filled cells) is over a limit."""
        cells = rows * columns if cells is None else cells
        if rows > self.rows:
            raise FileRejected("too_many_rows", file, sheet=sheet, rows=rows, limit=self.rows,
                               variable=SETTINGS["rows"][0])
        if columns > self.columns:
            raise FileRejected("too_many_columns", file, sheet=sheet, columns=columns,
                               last=column_letter(columns - 1), limit=self.columns,
                               variable=SETTINGS["columns"][0])
        if cells > self.cells:
            raise FileRejected("too_many_cells", file, sheet=sheet, cells=cells, limit=self.cells,
                               variable=SETTINGS["cells"][0])

    def field_too_long(self, file: str, sheet: str | None, row: int | None, column: str | None,
                       length: int) -> FileRejected:
        return FileRejected("field_too_long", file, sheet=sheet, row=row, column=column, chars=length,
                            limit=self.field_chars, variable=SETTINGS["field_chars"][0])


def current_limits(file: str) -> Limits:
    """The limits in force (environment, else the defaults); FileRejected naming the variable when one of
    them is not a whole number of at least 1, so the file is refused with a message saying how to fix it."""
    values = {}
    for field, (variable, default) in SETTINGS.items():
        raw = os.environ.get(variable, "").strip()
        try:
            value = int(raw.replace("_", "")) if raw else default
        except ValueError:
            value = 0
        if value < 1:
            raise FileRejected("bad_limit_setting", file, variable=variable, value=raw[:40], default=default)
        values[field] = value
    return Limits(**values)
