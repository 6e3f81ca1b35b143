"""Provinsi (/provinsi): the regions stored compared — innovations per region, per region and year, urusan
coverage (urusan × region, a phone table of each region's coverage) and the Indeks Inovasi Daerah where
evidence exists (charts/region_views.py).

The regions compared are the URL's `region` (repeatable), the same key the filter bar's "Daerah" writes;
none named: every region stored. The page draws its own choice of regions (every region stored, the
replication library's included), so the bar hides its region control here (`own_filters`); every other
filter of the bar applies to every region. "Unduh data" exports the regions compared (exports/regions.py); the
report, a report of the normal view, gives way to a note saying so (the shell reads `data_table`, `report_note`).
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html, no_update

from analytics.filter_fields import home_region
from analytics.filters import Filters
from charts.region_views import all_regions, region_counts_of
from dashboard.components.chart import chart_outputs, chart_values, create_chart_card
from dashboard.components.filterbar import search_of
from dashboard.components.page import (chart_grid, context_from_query, create_page, fresh_context, rendered_output,
                                       rendered_state)
from dashboard.sources import current_dataset
from i18n import format_int, t

dash.register_page(__name__, path="/provinsi", order=9, name="Provinsi", title="Provinsi · Dasbor Inovasi",
                   nav=True, label_key="nav.provinsi", own_filters=("regions",),
                   data_table="regions",            # "Unduh data": the regions compared (exports/regions.py)
                   report_note="region.report_off")  # the report covers the normal view, not this comparison

PAGE = "provinsi"
CHOICE = "provinsi-regions"
CHARTS = ["region-count", "region-trend", "region-sector", "region-index"]


def choice_options(dataset, lang: str) -> list[dict]:
    """One checkbox per region stored, with its innovations: this regency first, then by innovations."""
    counts = region_counts_of(dataset)
    return [{"label": t("region.option", lang, region=name, count=format_int(counts.get(name, 0), lang)),
             "value": name} for name in all_regions(dataset)]


def chosen(dataset, filters: Filters) -> list[str]:
    """The regions ticked: the URL's, else every region stored."""
    return list(filters.regions) or all_regions(dataset)


def regions_query(ticked: list[str] | None, everyone: list[str], current: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The URL's regions for the boxes ticked: those of the URL `current` still ticked, in their order, then
    the newly ticked in the stored order; every region stored (or none) ticked: no key at all."""
    ticked = set(ticked or ())
    picked = tuple(name for name in current if name in ticked) + tuple(
        name for name in everyone if name in ticked and name not in current)
    return () if not picked or set(everyone) <= set(picked) else picked


def layout(**query):
    """The regions of the URL's `region` compared, under the URL's other filters."""
    ctx = context_from_query(query)
    lang, dataset = ctx.lang, ctx.dataset
    return create_page(PAGE, ctx, "region.heading", [
        html.P(t("region.intro", lang, count=format_int(len(all_regions(dataset)), lang)),
               className="small text-muted"),
        html.Div([
            html.Span(t("region.choose", lang), className="small fw-semibold me-2"),
            dbc.Checklist(id=CHOICE, options=choice_options(dataset, lang), value=chosen(dataset, ctx.filters),
                          inline=True, className="d-inline-block small"),
        ], className="mb-3"),
        chart_grid([create_chart_card("region-count", ctx), create_chart_card("region-trend", ctx)]),
        chart_grid([create_chart_card("region-sector", ctx)], columns=1),
        chart_grid([create_chart_card("region-index", ctx),
                    html.P(t("region.index_note", lang, home=home_region()), id="provinsi-index-note",
                           className="small text-muted")]),
    ])


@callback(
    Output("url", "search", allow_duplicate=True),
    Input(CHOICE, "value"),
    State("url", "search"),
    prevent_initial_call=True,
)
def choose_regions(ticked, search):
    """The URL is the view: the regions ticked are written into it as `region` (the other keys stay)."""
    filters = Filters.from_query(search)
    regions = regions_query(ticked, all_regions(current_dataset()), filters.regions)
    wanted = search_of(filters.replace(regions=regions), search)
    return wanted if wanted != (search or "") else no_update


@callback(
    rendered_output(PAGE),
    Output(CHOICE, "value"),
    Output(CHOICE, "options"),
    *[output for name in CHARTS for output in chart_outputs(name)],
    Input("url", "search"),
    rendered_state(PAGE),
    State(CHOICE, "value"),
    prevent_initial_call=True,
)
def update(search, rendered, ticked):
    """Redraw when the URL changes (a box ticked, a filter, back/forward); the boxes follow the URL (left
    as they are when they already say what it says, so a box ticked meanwhile is not undone)."""
    ctx = fresh_context(search, rendered)
    everyone = all_regions(ctx.dataset)
    same = regions_query(ticked, everyone, ctx.filters.regions) == ctx.filters.regions
    return [search_of(ctx.filters), no_update if same else chosen(ctx.dataset, ctx.filters),
            choice_options(ctx.dataset, ctx.lang), *[value for name in CHARTS for value in chart_values(name, ctx)]]
