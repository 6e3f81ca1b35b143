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
from dash import Input, Output, State, callback, clientside_callback, dcc, html, no_update

from analytics.filter_fields import home_region
from analytics.filters import Filters
from charts.region_views import all_regions, region_counts_of
from dashboard.components.chart import chart_outputs, chart_values, create_chart_card
from dashboard.components.filterbar import search_of
from dashboard.components.page import (chart_grid, context_from_query, create_page, fresh_context, rendered_output,
                                       rendered_state)
from i18n import format_int, t

dash.register_page(__name__, path="/provinsi", order=9, name="Provinsi", title="Provinsi · Dasbor Inovasi",
                   nav=True, label_key="nav.provinsi", own_filters=("regions",),
                   data_table="regions",            # "Unduh data": the regions compared (exports/regions.py)
                   report_note="region.report_off")  # the report covers the normal view, not this comparison

PAGE = "provinsi"
CHOICE = "provinsi-regions"
WRITTEN = "provinsi-regions-written"   # the regions the boxes last wrote into the URL (none: every region)
CHARTS = ["region-count", "region-trend", "region-sector", "region-index"]


def choice_options(dataset, lang: str) -> list[dict]:
    """One checkbox per region stored, with its innovations: this regency first, then by innovations."""
    counts = region_counts_of(dataset)
    return [{"label": t("region.option", lang, region=name, count=format_int(counts.get(name, 0), lang)),
             "value": name} for name in all_regions(dataset)]


def chosen(dataset, filters: Filters) -> list[str]:
    """The regions ticked: the URL's, else every region stored."""
    return list(filters.regions) or all_regions(dataset)


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
            dcc.Store(id=WRITTEN, data=list(ctx.filters.regions)),
        ], className="mb-3"),
        chart_grid([create_chart_card("region-count", ctx), create_chart_card("region-trend", ctx)]),
        chart_grid([create_chart_card("region-sector", ctx)], columns=1),
        chart_grid([create_chart_card("region-index", ctx),
                    html.P(t("region.index_note", lang, home=home_region()), id="provinsi-index-note",
                           className="small text-muted")]),
    ])


# The boxes write the URL's `region` in the browser, at once, and note what they wrote (WRITTEN): boxes unticked
# one right after the other left the URL, the boxes and the charts on an earlier choice when a server callback
# wrote the URL and `update` set the boxes from any URL (its answer to an earlier URL re-ticked the boxes unticked
# since). `update` now sets the boxes only for a URL they did not write (a link, back/forward). The URL's
# regions: those it names still ticked, in their order, then the newly ticked in the stored order; every region
# or none ticked: no key.
clientside_callback(
    """function(ticked, options, search) {
        var everyone = (options || []).map(function(o) { return o.value; });
        var params = new URLSearchParams(search || "");
        var current = params.getAll("region");
        ticked = ticked || [];
        var picked = current.filter(function(n) { return ticked.indexOf(n) >= 0; }).concat(
            everyone.filter(function(n) { return ticked.indexOf(n) >= 0 && current.indexOf(n) < 0; }));
        var every = everyone.every(function(n) { return picked.indexOf(n) >= 0; });
        params.delete("region");
        if (picked.length && !every) { picked.forEach(function(n) { params.append("region", n); }); }
        var wanted = params.toString() ? "?" + params.toString() : "";
        var written = picked.length && !every ? picked : [];
        return [wanted === (search || "") ? window.dash_clientside.no_update : wanted, written];
    }""",
    Output("url", "search", allow_duplicate=True),
    Output(WRITTEN, "data"),
    Input(CHOICE, "value"),
    State(CHOICE, "options"),
    State("url", "search"),
    prevent_initial_call=True,
)


@callback(
    rendered_output(PAGE),
    Output(CHOICE, "value"),
    Output(CHOICE, "options"),
    *[output for name in CHARTS for output in chart_outputs(name)],
    Input("url", "search"),
    rendered_state(PAGE),
    State(WRITTEN, "data"),
    prevent_initial_call=True,
)
def update(search, rendered, written):
    """Redraw when the URL changes (a box ticked, a filter, back/forward); the boxes follow a URL they did not
    write themselves (a link, back/forward), and are left alone otherwise, so a box ticked meanwhile is not
    undone by this answer to an earlier URL."""
    ctx = fresh_context(search, rendered)
    own = set(ctx.filters.regions) == set(written or [])
    return [search_of(ctx.filters), no_update if own else chosen(ctx.dataset, ctx.filters),
            choice_options(ctx.dataset, ctx.lang), *[value for name in CHARTS for value in chart_values(name, ctx)]]
