"""Tren (/tren): innovations per year, broken down on demand, and the change from year to year."""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, ctx as dash_ctx, html

from dashboard.components.chart import chart_outputs, chart_values, create_chart_card
from dashboard.components.filterbar import search_of
from dashboard.components.page import (chart_grid, context_from_query, create_page, fresh_context,
                                       register_cross_filter, rendered_output, rendered_state)
from i18n import t

dash.register_page(__name__, path="/tren", order=1, name="Tren", title="Tren · Dasbor Inovasi", nav=True,
                   label_key="nav.tren")

PAGE = "tren"
CHARTS = ["year", "breakdown", "yoy"]
DIMENSIONS = ["stage", "kind", "form", "initiator"]  # the columns a year can be broken down by


def create_dimension_picker(ctx, value: str) -> html.Div:
    """Radio buttons: break the years down by stage, kind, form or initiator."""
    options = [{"label": ctx.dataset.column_label(column, ctx.lang), "value": column} for column in DIMENSIONS]
    return html.Div([
        html.Span(t("tren.breakdown", ctx.lang), className="small fw-semibold me-2"),
        dbc.RadioItems(id="tren-by", options=options, value=value, inline=True, className="d-inline-block"),
    ], className="mb-2")


def layout(**query):
    """Per-year trend, breakdown and year-over-year change for the URL's view."""
    ctx = context_from_query(query, by="stage")
    return create_page(PAGE, ctx, "tren.heading", [
        chart_grid([create_chart_card("year", ctx)], columns=1),
        create_dimension_picker(ctx, "stage"),
        chart_grid([create_chart_card("breakdown", ctx), create_chart_card("yoy", ctx)]),
    ])


@callback(
    rendered_output(PAGE),
    *[output for name in CHARTS for output in chart_outputs(name)],
    Input("url", "search"),
    Input("tren-by", "value"),
    rendered_state(PAGE),
    prevent_initial_call=True,
)
def update(search, by, rendered):
    """Redraw when the filters change, or the breakdown when another dimension is picked."""
    ctx = fresh_context(search, rendered, by=by if by in DIMENSIONS else "stage",
                        force=dash_ctx.triggered_id == "tren-by")
    return [search_of(ctx.filters), *[value for name in CHARTS for value in chart_values(name, ctx)]]


for _name in CHARTS:
    register_cross_filter(_name, "year")
