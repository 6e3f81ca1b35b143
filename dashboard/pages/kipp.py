"""Kesiapan KIPP (/kipp): which innovations of the view can be proposed to a KIPP edition, why the
others cannot yet, the shortlist per institution, and proposal drafts to download.

`?edition=2018` opens an edition (default: the latest in data/reference/kipp_editions.toml) and the
edition selector writes it back into the URL, so links, back/forward and the downloads follow it; the
filters of the URL narrow the view as on every page. Also wires the draft buttons and the edition
selector that /inovasi/<id> shows (pattern ids, so they work wherever they appear).
"""

import functools
from urllib.parse import quote

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
import pandas as pd
from dash import MATCH, Input, Output, State, callback, dcc, html, no_update
from dash.exceptions import PreventUpdate

from analytics.filters import Filters
from analytics.kipp.statuses import status_label
from analytics.kipp.readiness import UnknownInnovation, main_gaps, shortlist, summary
from analytics.kipp.workspace import progress
from dashboard.components import readiness as ui
from dashboard.components import workspace as workspace_ui
from dashboard.components.chart import chart_outputs, chart_values, create_chart_card
from dashboard.components.filterbar import search_of
from dashboard.components.grid import grid_props, register_rows_block
from dashboard.components.page import context_from_query, create_page, fresh_context, rendered_output, rendered_state
from dashboard.sources import current_dataset
from exports.proposal_docx import proposal_bytes, proposal_filename, proposals_zip
from i18n import format_score, grid_number_format, t
from charts.readiness_views import edition_frame, edition_year, readiness_of, view_readiness, view_statuses
from charts.views import Context

PATH = "/kipp"  # the page of the `edition` row of analytics/filter_fields.py
dash.register_page(__name__, path=PATH, order=6, name="Kesiapan KIPP", title="Kesiapan KIPP · Dasbor Inovasi",
                   nav=True, label_key="nav.kipp", libraries=[dag.__name__])  # its grid's script: dashboard.on_demand

PAGE = "kipp"
GRID = "kipp-grid"
CHARTS = {"readiness": "chart_year", "readiness-agency": "chart_agency"}  # chart -> its heading (kipp.ui.*)


# -- the view ---------------------------------------------------------------------------------------

def _shortlist_block(readiness, ctx, picked) -> list:
    lang = ctx.lang
    caps = [f"{g.label(lang)} {g.cap.value}" for g in readiness.edition.groups if g.cap is not None]
    intro = ui.text("shortlist_intro", lang, caps=", ".join(caps) or ui.text("no_cap", lang))
    if picked.empty:
        return [html.P(intro, className="small text-muted"), html.P(ui.text("shortlist_empty", lang),
                                                                    className="mb-0", id="kipp-shortlist-empty")]
    query = search_of(ctx.filters)
    blocks = []
    for agency, members in picked.groupby("agency", sort=True):
        items = [html.Li([dcc.Link(str(row.name), href=f"/inovasi/{quote(str(row.id), safe='')}{query}"),
                          html.Span(f" · {format_score(row.score, lang)}", className="text-muted")],
                         **{"data-id": str(row.id)}) for row in members.itertuples()]
        blocks.append(html.Div([html.Div(agency, className="fw-semibold small"), html.Ol(items, className="small mb-2")]))
    return [html.P(intro, className="small text-muted"),
            html.Div(blocks, className="kipp-shortlist-list", style={"maxHeight": "32rem", "overflowY": "auto"})]


@functools.lru_cache(maxsize=8)
def _grid_table(dataset, year: int, lang: str) -> pd.DataFrame:
    """The readiness of the whole dataset as the grid shows it (status in words, main gaps), once per
    data version, edition and language; a view takes its rows from it."""
    readiness = readiness_of(dataset, year)
    table = readiness.table
    labels = {status: status_label(status, lang) for status in table["status"].dropna().unique()}
    return pd.DataFrame({
        "id": table["id"].astype(str), "status": table["status"].map(labels).astype(object),
        "score": pd.to_numeric(table["score"], errors="coerce").astype(float),
        "year": pd.to_numeric(table["year"], errors="coerce").astype("Int64"),
        "agency": table["agency"].astype(object), "name": table["name"].astype(str),
        "gaps": main_gaps(readiness, lang),
    }, index=table.index)


def grid_frame(ctx, year: int) -> pd.DataFrame:
    """The grid's rows of the view (in the view's order) for edition `year`."""
    table = _grid_table(ctx.dataset, year, ctx.lang)
    positions = table.index.get_indexer(pd.Index(ctx.view.index))
    return table.iloc[positions[positions >= 0]]


def view_rows(dataset, search: str | None) -> pd.DataFrame:
    """`grid_frame` of the view and edition the search names (what `view_block` keeps per view)."""
    year = edition_in(search)
    return grid_frame(Context.build(dataset, Filters.from_query(search), edition=year), year)


def grid_records(rows: pd.DataFrame, query: str) -> list[dict]:
    """One block's rows for the browser; the name links to the innovation's page (keeping the view)."""
    records = rows.astype(object).where(rows.notna(), None).to_dict("records")
    for record in records:
        name = str(record["name"]).replace("[", "(").replace("]", ")")
        record["name"] = f"[{name}](/inovasi/{quote(record['id'], safe='')}{query})"
    return records


def kipp_view(ctx, year: int) -> dict:
    """Everything the page shows for `ctx` and an edition besides its charts (those are
    `views.CHARTS` rows, drawn by the chart card) — one data path for layout and callback."""
    readiness = view_statuses(ctx, year)  # counts, shortlist and progress read no check
    picked = shortlist(readiness)
    proposals = progress(readiness, edition_frame(ctx.dataset, year), ctx.dataset.workspaces, picked)
    return {
        "counts": ui.create_status_counts(summary(readiness), ctx.lang),
        "progress": workspace_ui.create_progress(proposals, ctx.lang),
        "note": ui.edition_note(year, ctx.lang),
        "rules": ui.create_rules_table(year, ctx.lang),
        "shortlist": _shortlist_block(readiness, ctx, picked),
    }


# -- layout -----------------------------------------------------------------------------------------

def _column_defs(lang: str) -> list[dict]:
    return [
        {"field": "status", "headerName": ui.text("col.status", lang), "width": 200, "flex": 0},
        {"field": "score", "headerName": ui.text("col.score", lang), "filter": "agNumberColumnFilter",
         "valueFormatter": grid_number_format(lang), "width": 100, "flex": 0, "sort": "desc"},
        {"field": "year", "headerName": ui.text("col.year", lang), "filter": "agNumberColumnFilter",
         "width": 100, "flex": 0},
        {"field": "agency", "headerName": ui.text("col.agency", lang), "minWidth": 180},
        {"field": "name", "headerName": ui.text("col.name", lang), "cellRenderer": "markdown", "minWidth": 240,
         "flex": 2},
        {"field": "gaps", "headerName": ui.text("col.gaps", lang), "minWidth": 240, "flex": 2},
    ]


def layout(**query):
    """The readiness of the URL's view for `?edition=` (default: the latest edition)."""
    year = edition_year(Filters.from_query(query).edition)
    ctx = context_from_query(query, edition=year)
    lang = ctx.lang
    view = kipp_view(ctx, year)
    return create_page(PAGE, ctx, "nav.kipp", [
        dbc.Row([
            dbc.Col([html.Label(t("filter.edition", lang), htmlFor="kipp-edition", className="form-label small fw-semibold"),
                     html.Div(create_edition_select(year, lang), id="kipp-edition-box")], xs=12, md=4),
            dbc.Col([html.Div(view["note"], id="kipp-edition-note", className="small text-muted"),
                     dbc.Button(ui.text("rules_show", lang), id="kipp-rules-toggle", color="link", size="sm",
                                className="p-0", n_clicks=0)],
                    xs=12, md=8, className="d-flex flex-column justify-content-end"),
        ], className="g-2 mb-2"),
        dbc.Collapse(html.Div(view["rules"], id="kipp-rules", className="table-responsive"),
                     id="kipp-rules-collapse", is_open=False, className="mb-3"),
        dbc.Row(view["counts"], id="kipp-counts", className="g-3 mb-3"),
        dbc.Row([dbc.Col(create_chart_card(name, ctx, heading=ui.text(heading, lang)), xs=12, lg=6, className="mb-3")
                 for name, heading in CHARTS.items()], className="g-3"),
        dbc.Row([
            dbc.Col(dbc.Card(dbc.CardBody([
                html.H2(ui.text("shortlist", lang), className="h6"),
                html.Div(view["shortlist"], id="kipp-shortlist"),
                dbc.Button(ui.text("download_shortlist", lang), id="kipp-download-shortlist", color="secondary",
                           outline=True, size="sm", n_clicks=0, className="mt-2"),
                dcc.Download(id="kipp-download-zip"),
            ]), className="h-100"), xs=12, lg=5, className="mb-3"),
            dbc.Col(dbc.Card(dbc.CardBody([
                html.H2(ui.text("checklist", lang), className="h6"),
                html.Div(html.P(ui.text("checklist_hint", lang), className="small text-muted mb-0"),
                         id="kipp-checklist"),
            ]), className="h-100"), xs=12, lg=7, className="mb-3"),
        ], className="g-3"),
        html.H2(ui.text("grid", lang), className="h6"),
        dag.AgGrid(id=GRID, columnDefs=_column_defs(lang), getRowId="params.data.id",
                   **grid_props(lang, rowSelection={"mode": "singleRow", "checkboxes": False,
                                                    "enableClickSelection": True})),
        dbc.Card(dbc.CardBody([html.H2(workspace_ui.text("progress", lang), className="h6"),
                               html.Div(view["progress"], id="kipp-progress")]), className="mt-3 mb-3"),
    ], keep=edition_key(year))


# -- callbacks --------------------------------------------------------------------------------------

def edition_in(search: str | None) -> int:
    """The edition the URL's `?edition=` names (the latest when absent or unknown)."""
    return edition_year(Filters.from_query(search).edition)


def edition_key(year: int) -> str:
    """The page's own key of the view, always named (see create_page/fresh_context): "edition=2018"."""
    return Filters(edition=year).to_query(page=PATH)


def create_edition_select(year: int, lang: str) -> dbc.Select:
    """The selector; `update` redraws it inside "kipp-edition-box" when the URL names another edition
    (setting its value directly would close a loop selector -> URL -> selector between two callbacks)."""
    return dbc.Select(id="kipp-edition", options=ui.edition_options(lang), value=str(year))


@callback(
    Output("url", "search", allow_duplicate=True),
    Input("kipp-edition", "value"),
    State("url", "search"),
    prevent_initial_call=True,
)
def choose_edition(edition, search):
    """The URL is the view: choosing an edition writes `?edition=` into the URL (the other keys stay),
    as the filter bar writes its filters; `update` then redraws from the URL."""
    wanted = search_of(Filters.from_query(search).replace(edition=edition_year(edition)), search, page=PATH)
    return wanted if wanted != search else no_update


@callback(
    rendered_output(PAGE),
    Output("kipp-edition-box", "children"),
    Output("kipp-counts", "children"),
    Output("kipp-edition-note", "children"),
    Output("kipp-rules", "children"),
    *[output for name in CHARTS for output in chart_outputs(name)],
    Output("kipp-shortlist", "children"),
    Output("kipp-checklist", "children"),
    Output("kipp-progress", "children"),
    Input("url", "search"),
    State("kipp-edition", "value"),
    rendered_state(PAGE),
    prevent_initial_call=True,
)
def update(search, selected, rendered):
    """Redraw when the filters or the edition in the URL change; the selector follows the URL
    (back/forward, a pasted link)."""
    year = edition_in(search)
    ctx = fresh_context(search, rendered, keep=edition_key(year), edition=year)
    view = kipp_view(ctx, year)
    charts = [value for name in CHARTS for value in chart_values(name, ctx)]
    hint = html.P(ui.text("checklist_hint", ctx.lang), className="small text-muted mb-0")
    select = no_update if selected == str(year) else create_edition_select(year, ctx.lang)
    return [search_of(ctx.filters, edition_key(year)), select, view["counts"], view["note"], view["rules"], *charts,
            view["shortlist"], hint, view["progress"]]


register_rows_block(GRID, f"{PAGE}-rendered", view_rows, grid_records)


@callback(
    Output("kipp-checklist", "children", allow_duplicate=True),
    Input(GRID, "cellClicked"),
    State("kipp-edition", "value"),
    State("url", "search"),
    prevent_initial_call=True,
)
def show_checklist(clicked, edition, search):
    """The checklist of the clicked row, with its draft download."""
    innovation_id = (clicked or {}).get("rowId")
    if innovation_id is None:
        raise PreventUpdate
    readiness = readiness_of(current_dataset(), edition_year(edition))
    try:
        position = readiness.position(innovation_id)
    except UnknownInnovation:
        return no_update
    return ui.create_checklist(readiness, position, Filters.from_query(search).lang)


@callback(
    Output("kipp-rules-collapse", "is_open"),
    Input("kipp-rules-toggle", "n_clicks"),
    State("kipp-rules-collapse", "is_open"),
    prevent_initial_call=True,
)
def toggle_rules(clicks, is_open):
    return not is_open if clicks else is_open


@callback(
    Output({"type": "kipp-draft-file", "innovation": MATCH, "edition": MATCH}, "data"),
    Input({"type": "kipp-draft", "innovation": MATCH, "edition": MATCH}, "n_clicks"),
    State("url", "search"),
    prevent_initial_call=True,
)
def download_draft(clicks, search):
    """One innovation's proposal draft (.docx), here and on /inovasi/<id>."""
    if not clicks:
        raise PreventUpdate
    key = dash.ctx.triggered_id
    dataset = current_dataset()
    year = edition_year(key["edition"])
    readiness = readiness_of(dataset, year)
    try:
        data = proposal_bytes(edition_frame(dataset, year), readiness, key["innovation"],
                              Filters.from_query(search).lang)
    except UnknownInnovation:
        return no_update
    return dcc.send_bytes(data, proposal_filename(readiness, key["innovation"]))


@callback(
    Output("kipp-download-zip", "data"),
    Input("kipp-download-shortlist", "n_clicks"),
    State("kipp-edition", "value"),
    State("url", "search"),
    prevent_initial_call=True,
)
def download_shortlist(clicks, edition, search):
    """A zip of the drafts of the view's shortlist."""
    if not clicks:
        raise PreventUpdate
    filters = Filters.from_query(search)
    ctx = context_from_query(search)
    year = edition_year(edition)
    readiness = view_readiness(ctx, year)
    ids = shortlist(readiness)["id"].tolist()
    if not ids:
        return no_update
    data = proposals_zip(edition_frame(ctx.dataset, year), readiness_of(ctx.dataset, year), ids, filters.lang)
    return dcc.send_bytes(data, f"KIPP{year}-daftar-usulan.zip")


@callback(
    Output({"type": "kipp-detail-body", "innovation": MATCH}, "children"),
    Input({"type": "kipp-detail-edition", "innovation": MATCH}, "value"),
    State("url", "search"),
    prevent_initial_call=True,
)
def switch_detail_edition(edition, search):
    """/inovasi/<id>: the checklist for another edition."""
    key = dash.ctx.triggered_id
    try:
        return ui.create_detail_body(current_dataset(), key["innovation"], edition_year(edition),
                                     Filters.from_query(search).lang)
    except UnknownInnovation:
        return no_update
