"""Daftar Inovasi (/inovasi): the innovations of the view in a grid (search, sort, column filters, pages).

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
from i18n import CATALOG, format_int, t

dash.register_page(__name__, path="/inovasi", order=4, name="Daftar Inovasi", title="Daftar Inovasi · Dasbor Inovasi",
                   nav=True, label_key="nav.inovasi")

PAGE = "inovasi"
COLUMNS = ["name", "agency", "sector", "year", "stage", "kind", "form", "initiator"]
MAX_ROWS = 5000  # rows sent to the browser; beyond this the user narrows the view (and is told so)


def _markdown_link(name, innovation_id, query: str) -> str:
    text = str(name).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f"[{text}](/inovasi/{quote(str(innovation_id), safe='')}{query})"


def grid_rows(ctx) -> tuple[list[dict], int]:
    """The grid's rows (at most MAX_ROWS) and how many rows match."""
    rows = ctx.view.sort_values(["year", "agency", "name"], na_position="last")
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
    return {key.removeprefix("grid."): t(key, lang) for key in CATALOG if key.startswith("grid.")}


def column_defs(ctx) -> list[dict]:
    """The grid's columns, headed in the view's language; the name links to its detail page."""
    defs = [{"field": column, "headerName": ctx.dataset.column_label(column, ctx.lang)} for column in COLUMNS]
    defs[0].update(cellRenderer="markdown", minWidth=260, flex=2, filter="agTextColumnFilter")
    defs[3].update(filter="agNumberColumnFilter", width=100)
    return defs


def layout(**query):
    """The grid of the URL's view."""
    ctx = context_from_query(query)
    rows, total = grid_rows(ctx)
    return create_page(PAGE, ctx, "inovasi.heading", [
        dbc.Row([
            dbc.Col(dbc.Input(id="inovasi-search", type="search", debounce=True, value=ctx.filters.text or "",
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
    Output("inovasi-grid", "rowData"),
    Output("inovasi-count", "children"),
    Output("inovasi-search", "value"),
    Input("url", "search"),
    State("inovasi-search", "value"),
    rendered_state(PAGE),
    prevent_initial_call=True,
)
def update(search, text, rendered):
    """New rows when the filters or the search text in the URL change; the box follows the URL
    (back/forward, a removed chip)."""
    ctx = fresh_context(search, rendered)
    rows, total = grid_rows(ctx)
    box = no_update if (text or "").strip() == (ctx.filters.text or "") else ctx.filters.text or ""
    return search_of(ctx.filters), rows, count_text(ctx, len(rows), total), box
