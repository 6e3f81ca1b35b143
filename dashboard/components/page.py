"""What every page shares: its context from the URL, its frame, the "already rendered" guard,
and cross-filtering (a click on a bar applies that bar's value as a filter).

A page's `layout(**query)` renders its charts directly (one round trip on first load); its callback
refreshes them when the URL's search changes, and skips the search the layout already drew.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import flask
from dash import Input, Output, State, callback, dcc, html, no_update
from dash.exceptions import PreventUpdate

from analytics.filter_fields import MULTI, YEARS
from analytics.filters import Filters
from dashboard.components.filterbar import search_of
from dashboard.sources import current_dataset
from i18n import t
from charts.views import Context


def rendering_for_validation() -> bool:
    """True while Dash calls every page's layout() to learn its component ids (its validation layout).

    That happens once, outside any callback, and the result is sent with every page load: only the
    ids matter there, so pages draw it on no rows instead of on the whole data.
    """
    return flask.has_request_context() and not flask.request.path.endswith("_dash-update-component")


def context_from_query(query: dict | str | None, **options) -> Context:
    """The view of a page: filters parsed from the URL, applied once to the current dataset."""
    dataset = current_dataset()
    filters = Filters.from_query(query)
    if rendering_for_validation():
        return Context(dataset, filters, dataset.view_frame.iloc[0:0], None, options)
    return Context.build(dataset, filters, **options)


def create_page(page_id: str, ctx: Context, heading_key: str, children: list, keep: str | None = None) -> html.Div:
    """Heading, the search the layout was drawn for (see `fresh_context`; `keep`: the page's own keys
    of the view, such as /kipp's "edition=2018") and the page's content."""
    return html.Div([
        html.H1(t(heading_key, ctx.lang), className="h4 mb-3"),
        dcc.Store(id=f"{page_id}-rendered", data=search_of(ctx.filters, keep)),
        *children,
    ], className=f"page-{page_id}")


def rendered_output(page_id: str) -> Output:
    """The page's record of the search it shows; every refreshing callback updates it."""
    return Output(f"{page_id}-rendered", "data")


def rendered_state(page_id: str) -> State:
    """The page's record of the search it shows, as a callback State."""
    return State(f"{page_id}-rendered", "data")


def fresh_context(search: str | None, rendered: str | None, keep: str | None = None, **options) -> Context:
    """The context for `search`, or PreventUpdate when the page already shows exactly that view
    (its filters, and the page's own keys `keep` as given to `create_page`)."""
    filters = Filters.from_query(search)
    if search_of(filters, keep) == rendered and not options.get("force"):
        raise PreventUpdate
    options.pop("force", None)
    return Context.build(current_dataset(), filters, **options)


def apply_click(filters: Filters, field: str, value) -> Filters:
    """The filters after clicking a bar of the column `field`: a year bar selects that year, an agency or
    sector bar that one (any filter row of that column)."""
    if value is None:
        return filters
    row = next((row for row in filters.rows() if row.column == field), None)
    if row is None:
        raise ValueError(f"cannot filter by {field!r}")
    if row.kind == YEARS:
        return filters.replace(**dict.fromkeys(row.names, int(value)))
    return filters.replace(**{row.key: (str(value),) if row.kind == MULTI else str(value)})


def clicked_value(click_data: dict | None):
    """The canonical value behind a clicked bar (its customdata), or None."""
    points = (click_data or {}).get("points") or []
    if not points:
        return None
    value = points[0].get("customdata")
    return value[0] if isinstance(value, list) else value


def register_cross_filter(chart_name: str, field: str) -> None:
    """Clicking a bar of `chart-<chart_name>` writes the matching filter into the URL."""

    @callback(
        Output("url", "search", allow_duplicate=True),
        Input(f"chart-{chart_name}", "clickData"),
        State("url", "search"),
        prevent_initial_call=True,
    )
    def cross_filter(click_data, search):
        value = clicked_value(click_data)
        if value is None:
            return no_update
        filters = Filters.from_query(search)
        changed = apply_click(filters, field, value)
        return search_of(changed, search) if changed != filters else no_update

    cross_filter.__name__ = f"cross_filter_{chart_name.replace('-', '_')}"


def register_expand(chart_name: str) -> None:
    """The "tampilkan semua" toggle of a long ranking: it redraws `chart-<chart_name>` with every row (or
    the top 10 again) and records the choice in the shell's store (chart.IN_FULL), outside the page, so
    the next layout and the page's own refresh draw the ranking as chosen whatever order they arrive in."""
    from dashboard.components.chart import IN_FULL, shows_all, toggle_state
    from charts.lean import lean
    from charts.views import render

    @callback(
        Output(IN_FULL, "data", allow_duplicate=True),
        Output(f"chart-{chart_name}", "figure", allow_duplicate=True),
        Output(f"all-{chart_name}", "children", allow_duplicate=True),
        Input(f"all-{chart_name}", "n_clicks"),
        State(IN_FULL, "data"),
        State("url", "search"),
        prevent_initial_call=True,
    )
    def expand(clicks, in_full, search):
        if not clicks:
            raise PreventUpdate
        showing_all = not shows_all(chart_name, in_full)
        others = [name for name in in_full or [] if name != chart_name]
        ctx = Context.build(current_dataset(), Filters.from_query(search), all=showing_all)
        rendered = render(chart_name, ctx)
        return others + [chart_name] * showing_all, lean(rendered.figure), toggle_state(chart_name, ctx, rendered)[0]

    expand.__name__ = f"expand_{chart_name.replace('-', '_')}"


def chart_grid(cards: list, columns: int = 2) -> dbc.Row:
    """Cards side by side on a desktop, stacked on a phone."""
    width = 12 // columns
    return dbc.Row([dbc.Col(card, xs=12, lg=width, className="mb-3") for card in cards], className="g-3")
