"""Daftar Inovasi (/inovasi): the innovations of the view in a grid (search, sort, column filters, pages)."""

from urllib.parse import quote

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, callback, html

from dashboard.components.filterbar import search_of
from dashboard.components.page import context_from_query, create_page, fresh_context, rendered_output, rendered_state
from dashboard.i18n import MESSAGES, format_int, t

dash.register_page(__name__, path="/inovasi", order=4, name="Daftar Inovasi", title="Daftar Inovasi · Dasbor Inovasi",
                   nav=True, label_key="nav.inovasi")

PAGE = "inovasi"
COLUMNS = ["name", "agency", "sector", "year", "stage", "kind", "form", "initiator"]
MAX_ROWS = 5000  # rows sent to the browser; beyond this the user narrows the view (and is told so)


def search_rows(frame: pd.DataFrame, text: str | None) -> pd.DataFrame:
    """Rows whose name, agency or sector contains `text` (case-insensitive)."""
    text = (text or "").strip().lower()
    if not text:
        return frame
    mask = pd.Series(False, index=frame.index)
    for column in ("name", "agency", "sector"):
        mask |= frame[column].fillna("").astype(str).str.lower().str.contains(text, regex=False)
    return frame[mask]


def _markdown_link(name, innovation_id, query: str) -> str:
    text = str(name).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f"[{text}](/inovasi/{quote(str(innovation_id), safe='')}{query})"


def grid_rows(ctx, text: str | None) -> tuple[list[dict], int]:
    """The grid's rows (at most MAX_ROWS) and how many rows match."""
    rows = search_rows(ctx.view, text).sort_values(["year", "agency", "name"], na_position="last")
    shown = rows.head(MAX_ROWS)
    label = ctx.label
    query = search_of(ctx.filters)
    records = pd.DataFrame({
        "name": [_markdown_link(n, i, query) for n, i in zip(shown["name"], shown["id"])],
        "agency": shown["agency"].astype(object),
        "sector": [label("sector")(v) for v in shown["sector"]],
        "year": [int(y) if pd.notna(y) else None for y in shown["year"]],
        **{column: [label(column)(v) for v in shown[column]] for column in ("stage", "kind", "form", "initiator")},
    })
    return records.to_dict("records"), len(rows)


def count_text(ctx, shown: int, total: int) -> str:
    """ "67 inovasi", or how many of how many are shown when the list is capped."""
    if total > shown:
        return t("inovasi.capped", ctx.lang, shown=format_int(shown, ctx.lang), count=format_int(total, ctx.lang))
    return t("inovasi.count", ctx.lang, count=format_int(total, ctx.lang))


def locale_text(lang: str) -> dict:
    """AG Grid's own words from the catalog."""
    return {key.removeprefix("grid."): t(key, lang) for key in MESSAGES if key.startswith("grid.")}


def column_defs(ctx) -> list[dict]:
    """The grid's columns, headed in the view's language; the name links to its detail page."""
    defs = [{"field": column, "headerName": ctx.dataset.column_label(column, ctx.lang)} for column in COLUMNS]
    defs[0].update(cellRenderer="markdown", minWidth=260, flex=2, filter="agTextColumnFilter")
    defs[3].update(filter="agNumberColumnFilter", width=100)
    return defs


def layout(**query):
    """The grid of the URL's view."""
    ctx = context_from_query(query)
    rows, total = grid_rows(ctx, None)
    return create_page(PAGE, ctx, "inovasi.heading", [
        dbc.Row([
            dbc.Col(dbc.Input(id="inovasi-search", type="search", debounce=True,
                              placeholder=t("inovasi.search", ctx.lang)), xs=12, md=6),
            dbc.Col(html.Div(count_text(ctx, len(rows), total), id="inovasi-count", className="small text-muted"),
                    xs=12, md=6, className="d-flex align-items-center"),
        ], className="g-2 mb-2"),
        dag.AgGrid(
            id="inovasi-grid", rowData=rows, columnDefs=column_defs(ctx),
            defaultColDef={"sortable": True, "filter": True, "floatingFilter": True, "resizable": True,
                           "flex": 1, "minWidth": 120},
            dashGridOptions={"pagination": True, "paginationPageSize": 20, "localeText": locale_text(ctx.lang),
                             "animateRows": False},
            style={"height": "640px", "width": "100%"},
        ),
    ])


@callback(
    rendered_output(PAGE),
    Output("inovasi-grid", "rowData"),
    Output("inovasi-count", "children"),
    Input("url", "search"),
    Input("inovasi-search", "value"),
    rendered_state(PAGE),
    prevent_initial_call=True,
)
def update(search, text, rendered):
    """New rows when the filters or the search text change."""
    ctx = fresh_context(search, rendered, force=dash.ctx.triggered_id == "inovasi-search")
    rows, total = grid_rows(ctx, text)
    return search_of(ctx.filters), rows, count_text(ctx, len(rows), total)
