"""The filtered rows of a view as XLSX or CSV, with headers in the UI language (or, for a page whose data is
another table, that table: TABLES, e.g. /provinsi's regions compared, exports/regions.py).

The rows are exactly those of `ctx.view` (the same `Filters.apply` the page and the charts use); the headers
come from data/reference/columns.csv through `Dataset.column_label`. Dates keep their precision
("08-03-2018", "03-2018" or "2018"), never a made-up day. The XLSX has a second sheet "Keterangan"
with the filters in words, the data version and the date; formula injection is neutralised by
exports.tabular in both formats.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from analytics.dataset import source_caption
from exports.errors import UnknownFormat
from exports.regions import region_table
from exports.tabular import write_csv, write_xlsx
from i18n import format_date, format_int, t
from charts.views import Context, download_name

MEDIA_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
}
ROW_ORDER = ["year", "agency", "name"]  # the rows' order here and in /inovasi's list before the user sorts


def export_columns(frame: pd.DataFrame) -> list[str]:
    """Every canonical column but the date-precision companions (folded into the dates' text)."""
    return [column for column in frame.columns if not column.endswith("_precision")]


def _date_text(values: pd.Series, precision: pd.Series | None, lang: str) -> list[str | None]:
    """Dates as the pages write them, to their precision ("8 Maret 2016", "Maret 2016"); the loaders
    read them back."""
    levels = precision if precision is not None else [None] * len(values)
    return [None if value is None or value is pd.NaT or pd.isna(value) else format_date(value, level or "day", lang)
            for value, level in zip(values, levels)]


def data_table(ctx: Context) -> tuple[pd.DataFrame, list[str]]:
    """The view's rows with every canonical column (ordered by year, agency, name) and their headers.

    `ctx.view` holds only the columns the charts need; the rows are the same (same index) in the full frame."""
    rows = ctx.dataset.frame.loc[ctx.view.index]
    rows = rows.sort_values(ROW_ORDER, na_position="last", kind="stable")
    columns = export_columns(rows)
    table = pd.DataFrame(index=rows.index)
    for column in columns:
        series = rows[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            table[column] = _date_text(series, rows.get(f"{column}_precision"), ctx.lang)
        elif pd.api.types.is_bool_dtype(series):
            table[column] = [None if pd.isna(v) else t(f"bool.{str(bool(v)).lower()}", ctx.lang) for v in series]
        else:
            table[column] = series.astype(object).where(series.notna(), None)
    headers = [ctx.dataset.column_label(column, ctx.lang) for column in columns]
    return table.reset_index(drop=True), headers


@dataclass(frozen=True)
class Table:
    """What "Unduh data" writes: the table (frame, headers) of a view, its title and sheet, its file's name."""

    build: Callable[[Context], tuple[pd.DataFrame, list[str]]]
    title: str    # catalog keys
    sheet: str
    name: str     # the file name's stem: inovasi-<name>_<filters>


# A page registers `data_table="<key>"` (dash.register_page) to export its own table; every other page: "view".
TABLES = {
    "view": Table(data_table, "export.data_title", "export.sheet", "data"),
    "regions": Table(region_table, "export.regions_title", "export.regions_sheet", "provinsi"),
}


def data_about(ctx: Context, rows: int, today: dt.date | None = None,
               title: str = "export.data_title") -> list[tuple[str, str]]:
    """The "Keterangan" sheet: title, filters in words, rows, source, data version, date, URL query."""
    today = today or dt.date.today()
    lang = ctx.lang
    return [
        (t("export.about.title", lang), t(title, lang)),
        (t("export.about.filters", lang), ctx.filters.describe(lang, ctx.dataset.labeler(lang))),
        (t("export.about.rows", lang), format_int(rows, lang)),
        (t("export.about.source", lang), source_caption(ctx.dataset, lang)),
        (t("export.about.version", lang), ctx.dataset.version),
        (t("export.about.date", lang), format_date(today, "day", lang)),
        (t("export.about.link", lang), "?" + ctx.filters.to_query() if ctx.filters.to_query() else "—"),
    ]


def write_data(ctx: Context, path: str | os.PathLike, fmt: str | None = None, table: str = "view") -> int:
    """Write the view's rows (or the TABLES entry `table`) to `path` as xlsx or csv (by `fmt`, else the
    suffix); returns the row count.

    Written to a temporary name first, so a failed export never leaves half a file behind.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in MEDIA_TYPES:
        raise UnknownFormat("data", fmt, MEDIA_TYPES)
    chosen = TABLES[table]
    rows, headers = chosen.build(ctx)
    temporary = path.with_name(f".{path.name}.tmp")
    if fmt == "csv":
        write_csv(rows, temporary, headers=headers)
    else:
        write_xlsx(rows, temporary, headers=headers, about=data_about(ctx, len(rows), title=chosen.title),
                   sheet_name=t(chosen.sheet, ctx.lang))
    temporary.replace(path)
    return len(rows)


def data_bytes(ctx: Context, fmt: str, table: str = "view") -> tuple[bytes, str]:
    """The view's rows (or the TABLES entry `table`) as an xlsx or csv file in memory, with its file name."""
    fmt = fmt.lower()
    with tempfile.TemporaryDirectory(prefix="dasbor-data-") as folder:
        path = Path(folder) / f"data.{fmt}"
        write_data(ctx, path, fmt, table)
        return path.read_bytes(), f"{download_name(TABLES[table].name, ctx.filters)}.{fmt}"
