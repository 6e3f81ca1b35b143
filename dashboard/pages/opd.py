"""Perangkat Daerah (/opd): agencies ranked, agency × year, and One Agency One Innovation."""

import dash
from dash import Input, Output, State, callback, dcc, html

from analytics import one_agency
from charts.views import one_agency_missing
from dashboard.components.chart import IN_FULL, chart_outputs, chart_values, create_chart_card, shows_all
from dashboard.components.filterbar import search_of
from dashboard.components.page import (chart_grid, context_from_query, create_page, fresh_context,
                                       register_cross_filter, register_expand, rendered_output, rendered_state)
from i18n import format_int, t

dash.register_page(__name__, path="/opd", order=2, name="Perangkat Daerah", title="Perangkat Daerah · Dasbor Inovasi",
                   nav=True, label_key="nav.opd")

PAGE = "opd"
RANKING = "agency-rank"  # drawn top 10 or whole (the shell keeps the choice: chart.IN_FULL)
CHARTS = {"agency-rank": "agency", "heatmap": "agency", "compliance": "year"}


def chosen_year(ctx, year) -> int | None:
    """The year checked for missing agencies: the one picked if it is in view, else the last one."""
    if ctx.span is None:
        return None
    return int(year) if year is not None and ctx.span[0] <= int(year) <= ctx.span[1] else ctx.span[1]


def create_missing(ctx, year: int | None) -> list:
    """The registered agencies with no innovation in `year`, as a compact list."""
    if year is None:
        return [html.P(t("chart.empty", ctx.lang), className="text-muted")]
    summary, missing = one_agency_missing(ctx, year)
    if not missing:
        return [html.P(summary or "", className="fw-semibold")]
    return [html.P(summary, id="opd-missing-summary", className="fw-semibold"),
            html.Ul([html.Li(name) for name in missing], className="missing-list small")]


def year_options(ctx) -> list[dict]:
    """The years of the view, for the One Agency One Innovation year picker."""
    return [{"label": str(y), "value": y} for y in range(ctx.span[0], ctx.span[1] + 1)] if ctx.span else []


def layout(in_full=None, **query):
    """Agencies of the URL's view, and their compliance with One Agency One Innovation."""
    ctx = context_from_query(query, all=shows_all(RANKING, in_full))
    year = chosen_year(ctx, None)
    register = one_agency.denominator(ctx.dataset.register, ctx.filters.agencies)
    return create_page(PAGE, ctx, "opd.heading", [
        chart_grid([create_chart_card("agency-rank", ctx)], columns=1),
        chart_grid([create_chart_card("heatmap", ctx)], columns=1),
        html.H2(t("opd.compliance_heading", ctx.lang), className="h5 mt-2"),
        html.P(t("opd.compliance_intro", ctx.lang, total=format_int(len(register), ctx.lang)),
               className="small text-muted"),
        chart_grid([
            create_chart_card("compliance", ctx),
            html.Div([
                html.Label(t("opd.year", ctx.lang), htmlFor="opd-year", className="form-label small fw-semibold"),
                dcc.Dropdown(id="opd-year", options=year_options(ctx), value=year, clearable=False,
                             className="mb-2 opd-year"),
                html.Div(create_missing(ctx, year), id="opd-missing"),
            ], className="missing-panel"),
        ]),
    ])


@callback(
    rendered_output(PAGE),
    Output("opd-year", "options"),
    Output("opd-year", "value"),
    Output("opd-missing", "children"),
    *[output for name in CHARTS for output in chart_outputs(name)],
    Input("url", "search"),
    Input("opd-year", "value"),
    rendered_state(PAGE),
    State(IN_FULL, "data"),
    prevent_initial_call=True,
)
def update(search, year, rendered, in_full):
    """Redraw when the filters change (the ranking keeps its "tampilkan semua" choice); list the agencies
    without innovation for the year picked."""
    ctx = fresh_context(search, rendered, force=dash.ctx.triggered_id == "opd-year", all=shows_all(RANKING, in_full))
    year = chosen_year(ctx, year)
    charts = [value for name in CHARTS for value in chart_values(name, ctx)]
    return [search_of(ctx.filters), year_options(ctx), year, create_missing(ctx, year), *charts]


for _name, _field in CHARTS.items():
    register_cross_filter(_name, _field)
register_expand(RANKING)
