"""Urusan (/urusan): sectors ranked within their groups, sector × year, sectors without innovation."""

import dash
from dash import Input, Output, State, callback, html

from analytics import metrics
from dashboard.components.chart import IN_FULL, chart_outputs, chart_values, create_chart_card, shows_all
from dashboard.components.filterbar import search_of
from dashboard.components.page import (chart_grid, context_from_query, create_page, fresh_context,
                                       register_cross_filter, register_expand, rendered_output, rendered_state)
from i18n import format_int, t

dash.register_page(__name__, path="/urusan", order=3, name="Urusan", title="Urusan · Dasbor Inovasi", nav=True,
                   label_key="nav.urusan")

PAGE = "urusan"
RANKING = "sector-rank"  # drawn top 10 or whole (the shell keeps the choice: chart.IN_FULL)
CHARTS = {"sector-rank": "sector", "sector-year": "sector"}


def create_without(ctx) -> list:
    """The urusan of the taxonomy with no innovation in view, grouped like the taxonomy."""
    names = ctx.dataset.sector_names
    missing = metrics.sectors_without_innovation(ctx.view, names)
    if not missing:
        return [html.P(t("urusan.all_ok", ctx.lang), className="fw-semibold")]
    groups = {}
    for name in missing:
        groups.setdefault(ctx.dataset.sector_group.get(name), []).append(name)
    label = ctx.label("sector")
    return [
        html.P(t("urusan.none_count", ctx.lang, count=format_int(len(missing), ctx.lang),
                 total=format_int(len(names), ctx.lang)), id="urusan-none-summary", className="fw-semibold"),
        *[html.Div([html.H3(ctx.dataset.group_label(group, ctx.lang), className="h6 mt-2 mb-1"),
                    html.Ul([html.Li(label(name)) for name in members], className="missing-list small")])
          for group, members in groups.items()],
    ]


def layout(in_full=None, **query):
    """Sectors of the URL's view."""
    ctx = context_from_query(query, all=shows_all(RANKING, in_full))
    return create_page(PAGE, ctx, "urusan.heading", [
        chart_grid([create_chart_card("sector-rank", ctx), create_chart_card("sector-year", ctx)]),
        html.H2(t("urusan.none_heading", ctx.lang), className="h5 mt-2"),
        html.Div(create_without(ctx), id="urusan-none"),
    ])


@callback(
    rendered_output(PAGE),
    Output("urusan-none", "children"),
    *[output for name in CHARTS for output in chart_outputs(name)],
    Input("url", "search"),
    rendered_state(PAGE),
    State(IN_FULL, "data"),
    prevent_initial_call=True,
)
def update(search, rendered, in_full):
    """Redraw when the filters change (the ranking keeps its "tampilkan semua" choice)."""
    ctx = fresh_context(search, rendered, all=shows_all(RANKING, in_full))
    return [search_of(ctx.filters), create_without(ctx),
            *[value for name in CHARTS for value in chart_values(name, ctx)]]


for _name, _field in CHARTS.items():
    register_cross_filter(_name, _field)
register_expand(RANKING)
