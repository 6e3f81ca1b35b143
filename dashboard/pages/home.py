"""Ringkasan (/): KPI cards, the main finding in one sentence, trend, top agencies and sectors."""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, html

from dashboard.components.filterbar import search_of
from dashboard.components.chart import chart_outputs, chart_values, create_chart_card
from dashboard.components.kpi import create_kpi_cards, finding_sentence
from dashboard.components.page import (chart_grid, context_from_query, create_page, fresh_context,
                                       register_cross_filter, rendered_output, rendered_state)

dash.register_page(__name__, path="/", order=0, name="Ringkasan", title="Dasbor Inovasi", nav=True,
                   label_key="nav.home")

PAGE = "home"
CHARTS = {"trend": "year", "agency": "agency", "sector": "sector"}


def layout(**query):
    """The overview of the view named by the URL's query."""
    ctx = context_from_query(query)
    return create_page(PAGE, ctx, "home.heading", [
        html.P(finding_sentence(ctx), id="home-finding", className="lead finding mb-3"),
        dbc.Row(create_kpi_cards(ctx), id="kpi-row", className="g-3 mb-3"),
        chart_grid([create_chart_card("trend", ctx)], columns=1),
        chart_grid([create_chart_card("agency", ctx), create_chart_card("sector", ctx)]),
    ])


@callback(
    rendered_output(PAGE),
    Output("home-finding", "children"),
    Output("kpi-row", "children"),
    *[output for name in CHARTS for output in chart_outputs(name)],
    Input("url", "search"),
    rendered_state(PAGE),
    prevent_initial_call=True,
)
def update(search, rendered):
    """Redraw the overview when the filters in the URL change."""
    ctx = fresh_context(search, rendered)
    values = [value for name in CHARTS for value in chart_values(name, ctx)]
    return [search_of(ctx.filters), finding_sentence(ctx), create_kpi_cards(ctx), *values]


for _name, _field in CHARTS.items():
    register_cross_filter(_name, _field)
