"""The /data preview's comparison of the uploaded files with the store (store.compare): per year how
many innovations are stored, in the file, the same, changed, new and stored-but-absent, and under
each year the rows themselves (expandable), changed ones with what changed; where a stored year would
lose values by being replaced, which fields, in how many innovations, and why."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from i18n import format_date, format_int, t
from loaders.schema import DATES

ROWS_SHOWN = 200   # per kind and year; the rest is counted ("… 12 more")
COUNTS = ("stored", "incoming", "same", "changed", "new", "absent")
LISTED = ("changed", "new", "absent", "same")


def value_text(field: str, value: str, lang: str) -> str:
    """A compared value as the preview shows it: a date (ISO to its precision, store.compare) written out
    by the one formatter ("8 Maret 2018", "Maret 2018", "2018"), missing as "(kosong)"."""
    if not value:
        return t("data.compare.empty", lang)
    if field in DATES:
        return format_date(value, {4: "year", 7: "month"}.get(len(value), "day"), lang)
    return value


def _row_text(row: dict, kind: str, lang: str, column_label) -> list:
    where = (t("data.compare.stored_in", lang, batch=row["batch"]) if kind == "absent"
             else t("data.compare.place", lang, file=row["file"], row=row["row"]))
    parts: list = [html.Span(row["name"], className="fw-semibold"), f" — {row['agency']} ",
                   html.Small(f"({where})", className="text-muted")]
    if kind == "changed":
        blanked = row.get("blanked", {})
        changes = [t("data.compare.field_change", lang, field=column_label(field, lang),
                     old=value_text(field, old, lang), new=value_text(field, new, lang))
                   + (f" ({t(f'data.compare.reason_{blanked[field]}', lang)})" if field in blanked else "")
                   for field, (old, new) in row["values"].items()]
        parts.append(html.Ul([html.Li(change) for change in changes], className="small mb-1"))
    return parts


def _details(year: dict, lang: str, column_label) -> html.Details:
    sections = []
    for kind in LISTED:
        rows = year["rows"][kind]
        if not rows:
            continue
        items = [html.Li(_row_text(row, kind, lang, column_label)) for row in rows[:ROWS_SHOWN]]
        if len(rows) > ROWS_SHOWN:
            items.append(html.Li(t("chart.more", lang, count=format_int(len(rows) - ROWS_SHOWN, lang))))
        sections.append(html.Div([html.H4(f"{t(f'data.compare.{kind}', lang)} ({format_int(len(rows), lang)})",
                                          className="h6 mt-2"),
                                  html.Ul(items, className="small", id=f"edit-compare-{kind}-{year['year']}")]))
    return html.Details([html.Summary(t("data.compare.details", lang, year=year["year"])), *sections],
                        className="mb-2 compare-details")


def _blanked(year: dict, lang: str, column_label) -> dbc.Alert | None:
    """What replacing a stored year would empty, per field, with why (store.compare's blanked)."""
    if not year["stored"] or not year.get("blanked"):
        return None
    lines = [html.Li(t(f"data.compare.blanked_{blank['reason']}", lang, field=column_label(blank["field"], lang),
                       count=format_int(blank["count"], lang))) for blank in year["blanked"]]
    return dbc.Alert([t("data.compare.blanked", lang, year=year["year"]), html.Ul(lines, className="mb-0")],
                     color="warning", className="small py-2", id=f"edit-compare-blanked-{year['year']}")


def create_comparison(comparison: dict, lang: str, column_label) -> html.Div:
    """The comparison table (one row per year of the upload) and each year's rows, collapsed;
    `column_label(column, lang)` names a changed field (analytics.dataset.Dataset.column_label)."""
    header = [t("data.col_years", lang), *[t(f"data.compare.{key}", lang) for key in COUNTS]]
    body = [html.Tr([html.Td(year["year"]), *[html.Td(format_int(year[key], lang)) for key in COUNTS]],
                    className="table-warning" if year["stored"] else None) for year in comparison["years"]]
    table = dbc.Table([html.Thead(html.Tr([html.Th(cell) for cell in header])), html.Tbody(body)],
                      size="sm", striped=True, className="mb-2", id="edit-compare")
    intro = [] if comparison["overlap"] else [html.P(t("data.compare_none", lang), className="small")]
    return html.Div([html.H3(t("data.compare_heading", lang), className="h6"), *intro,
                     html.Div(table, className="table-scroll"),
                     *filter(None, [_blanked(year, lang, column_label) for year in comparison["years"]]),
                     *[_details(year, lang, column_label) for year in comparison["years"]]], className="mb-3")
