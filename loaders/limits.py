"""How big a sheet may be before it is read: rows, columns, cells and characters in one cell.

The readers check a sheet's real extent against these limits *before* a grid is built (loaders/extent.py
for workbooks, while streaming for CSV and HTML), so that a 2 KB file naming cell XFD1048576 is refused
with a message instead of allocating a grid of 17 billion cells. The defaults are the largest real
recap the product reads (a 20,000-row national-index export of about 20 columns, narratives of up to
some thousand characters) times ten; each can be changed by an environment variable (settings.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import settings
from loaders.errors import FileRejected, column_letter

VARIABLES = {"rows": "DASBOR_MAX_ROWS", "columns": "DASBOR_MAX_COLUMNS", "cells": "DASBOR_MAX_CELLS",
             "field_chars": "DASBOR_MAX_FIELD_CHARS"}  # field → its variable in settings.SETTINGS


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
                               variable=VARIABLES["rows"])
        if columns > self.columns:
            raise FileRejected("too_many_columns", file, sheet=sheet, columns=columns,
                               last=column_letter(columns - 1), limit=self.columns,
                               variable=VARIABLES["columns"])
        if cells > self.cells:
            raise FileRejected("too_many_cells", file, sheet=sheet, cells=cells, limit=self.cells,
                               variable=VARIABLES["cells"])

    def field_too_long(self, file: str, sheet: str | None, row: int | None, column: str | None,
                       length: int) -> FileRejected:
        return FileRejected("field_too_long", file, sheet=sheet, row=row, column=column, chars=length,
                            limit=self.field_chars, variable=VARIABLES["field_chars"])


def current_limits() -> Limits:
    """The limits in force (settings validates the variables: the CLI and gunicorn refuse to start on a
    bad value, with one line naming it)."""
    return Limits(**{field: settings.get(variable) for field, variable in VARIABLES.items()})
