"""Daftar Inovasi (/inovasi): the innovations of the view in a grid (search, sort, column filters), served
block by block from the server (dashboard/components/grid.py), so a large view never travels whole.

The search box is part of the view: it writes `?q=` into the URL, so every page, export and copied
link sees the same rows (`Filters.apply` does the matching)."""

from urllib.parse import quote

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, html, no_update

from analytics.filters import Filters
from dashboard.components.filterbar import search_of
from dashboard.components.page import context_from_query, create_page, fresh_context, rendered_output, rendered_state
from dashboard.components.grid import grid_props, register_rows_block
from charts.views import Context
from exports.data import ROW_ORDER
from i18n import format_int, t

dash.register_page(__name__, path="/inovasi", order=4, name="Daftar Inovasi", title="Daftar Inovasi · Dasbor Inovasi",
                   nav=True, label_key="nav.inovasi", libraries=[dag.__name__])  # its grid's script: dashboard.on_demand

PAGE = "inovasi"
GRID = "inovasi-grid"
COLUMNS = ["name", "agency", "sector", "year", "stage", "kind", "form", "initiator"]


def _markdown_link(name, innovation_id, query: str) -> str:
    text = str(name).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f"[{text}](/inovasi/{quote(str(innovation_id), safe='')}{query})"


def labelled(values: pd.Series, label) -> pd.Series:
    """`values` as their labels in the view's language (each distinct value labelled once)."""
    labels = {value: label(value) for value in values.dropna().unique()}
    return values.map(labels).astype(object).where(values.notna(), label(None))


def grid_frame(ctx) -> pd.DataFrame:
    """Every row of the view as the grid shows it (plain text, labels in the view's language), in the
    list's order; the grid's column filters and sort act on these values."""
    rows = ctx.view.sort_values(ROW_ORDER, na_position="last", kind="stable")  # as the data download
    label = ctx.label
    frame = pd.DataFrame({"id": rows["id"].astype(str), "name": rows["name"].astype(object),
                          "agency": rows["agency"].astype(object),
                          "year": pd.to_numeric(rows["year"], errors="coerce").astype("Int64")}, index=rows.index)
    for column in ("sector", "stage", "kind", "form", "initiator"):
        frame[column] = labelled(rows[column], label(column))
    return frame


def view_rows(dataset, search: str | None) -> pd.DataFrame:
    """`grid_frame` of the view the search names (what `view_block` keeps per view)."""
    return grid_frame(Context.build(dataset, Filters.from_query(search)))


def grid_records(rows: pd.DataFrame, query: str) -> list[dict]:
    """One block's rows for the browser: the name links to its detail page (keeping the view)."""
    records = rows[COLUMNS].astype(object).where(rows[COLUMNS].notna(), None).to_dict("records")
    for record, innovation_id in zip(records, rows["id"]):
        record["name"] = _markdown_link(record["name"], innovation_id, query)
    return records


def count_text(ctx, total: int) -> str:
    """ "67 inovasi" """
    return t("inovasi.count", ctx.lang, count=format_int(total, ctx.lang))


def column_defs(ctx) -> list[dict]:
    """The grid's columns, headed in the view's language; the name links to its detail page."""
    defs = [{"field": column, "headerName": ctx.dataset.column_label(column, ctx.lang)} for column in COLUMNS]
    defs[0].update(cellRenderer="markdown", minWidth=260, flex=2, filter="agTextColumnFilter")
    defs[3].update(filter="agNumberColumnFilter", width=100)
    return defs


def layout(**query):
    """The list of the URL's view; its rows come block by block from `rows_block`."""
    ctx = context_from_query(query)
    return create_page(PAGE, ctx, "inovasi.heading", [
        dbc.Row([
            dbc.Col(dbc.Input(id="inovasi-search", type="search", debounce=True, value=ctx.filters.text or "",
                              placeholder=t("inovasi.search", ctx.lang)), xs=12, md=6),
            dbc.Col(html.Div(count_text(ctx, len(ctx.view)), id="inovasi-count", className="small text-muted"),
                    xs=12, md=6, className="d-flex align-items-center"),
        ], className="g-2 mb-2"),
        dag.AgGrid(id=GRID, columnDefs=column_defs(ctx), getRowId="params.data.id", **grid_props(ctx.lang)),
    ])


register_rows_block(GRID, f"{PAGE}-rendered", view_rows, grid_records)


@callback(
    Output("url", "search", allow_duplicate=True),
    Input("inovasi-search", "value"),
    State("url", "search"),
    prevent_initial_call=True,
)
def choose_text(text, search):
    """The URL is the view: the search text is written into the URL as `?q=` (the other keys stay),
    as the filter bar writes its filters; `update` then redraws from the URL."""
    wanted = search_of(Filters.from_query(search).replace(text=(text or "").strip() or None), search)
    return wanted if wanted != (search or "") else no_update


@callback(
    rendered_output(PAGE),
    Output("inovasi-count", "children"),
    Output("inovasi-search", "value"),
    Input("url", "search"),
    State("inovasi-search", "value"),
    rendered_state(PAGE),
    prevent_initial_call=True,
)
def update(search, text, rendered):
    """A new count when the filters or the search text in the URL change (the grid, seeing the
    `rendered` store change, asks for its rows again); the box follows the URL (back/forward, a removed chip)."""
    ctx = fresh_context(search, rendered)
    box = no_update if (text or "").strip() == (ctx.filters.text or "") else ctx.filters.text or ""
    return search_of(ctx.filters), count_text(ctx, len(ctx.view)), box
