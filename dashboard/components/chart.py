"""The chart card: title stating the finding, the graph (`chart-<name>`), caption, "lihat tabel".

A page lays cards out with `create_chart_card(name, ctx)` and refreshes them in its callback
with `*chart_outputs(name)` / `chart_values(name, ctx)`, which return values in that order.
A long ranking (views.EXPANDABLE) draws its top 10 with a "tampilkan semua" toggle (`all-<name>`, see
page.register_expand); the rankings the viewer chose to see whole are kept in the shell's store
IN_FULL, outside the page, which Dash's router hands to every page's layout (ROUTING_INPUTS) and each
page's refresh reads, so a filter change redraws the ranking as chosen. A year heatmap (views.PHONE_TABLES)
has a top-10 table beside it (`phone-<name>`) that a phone shows instead of the heatmap.
Figures go to the browser lean (charts.lean); until Plotly has drawn one, its area shows a loading
skeleton (dasbor.css). The table behind a chart is built only when "lihat tabel" opens it: each
card keeps the view it shows (`chart-view`: the search and the page's options), and the table
callback draws the table of that view while the card's table is open.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import MATCH, Input, Output, State, callback, clientside_callback, dcc, html

from analytics.filters import Filters
from charts.lean import lean
from charts.views import EXPANDABLE, PHONE_TABLES, TOP, Context, Rendered, matrix_summary, render
from dashboard.components.downloads import create_chart_menu
from dashboard.components.filterbar import search_of
from i18n import format_int, plotly_locale_config, t

IN_FULL = "rankings-in-full"  # the shell's store: names of the long rankings drawn whole
IN_FULL_KEY = "in_full"  # the name under which the router passes that store to a page's layout
ROUTING_INPUTS = {IN_FULL_KEY: State(IN_FULL, "data")}  # Dash(routing_callback_inputs=...)

MODEBAR_REMOVE = ["zoom2d", "pan2d", "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d",
                  "resetScale2d", "toggleSpikelines", "hoverClosestCartesian", "hoverCompareCartesian",
                  "sendDataToCloud", "editInChartStudio"]


def graph_config(filename: str, lang: str) -> dict:
    """Plotly config: only the image download (PNG, scale 2, file named after chart and filters), its
    tooltip and notices in `lang`; no Plotly logo, no "send to cloud" and no "Edit in Chart Studio"
    (nothing may leave the machine)."""
    return {
        "displaylogo": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "showLink": False,
        "sendData": False,
        "modeBarButtonsToRemove": MODEBAR_REMOVE,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        **plotly_locale_config(lang),
    }


def create_table(table: pd.DataFrame, lang: str) -> html.Div:
    """The numbers behind a chart as a plain, scrollable HTML table."""
    if table.empty:
        return html.P(t("chart.empty", lang), className="text-muted small mb-0")
    head = html.Thead(html.Tr([html.Th(str(column)) for column in table.columns]))
    body = html.Tbody([html.Tr([html.Td(str(value)) for value in row]) for row in table.itertuples(index=False)])
    return html.Div(dbc.Table([head, body], size="sm", striped=True, className="mb-0 chart-table"),
                    className="table-responsive")


def _empty_note(rendered: Rendered, lang: str):
    if not rendered.empty:
        return None
    return dbc.Alert(t("chart.empty_hint", lang), color="light", className="small py-2 mb-2")


def toggle_state(name: str, ctx: Context, rendered: Rendered) -> tuple[str, str]:
    """The "tampilkan semua" button's label and class: hidden when the ranking has no more than TOP rows."""
    rows = len(rendered.table)
    if name not in EXPANDABLE or rows <= TOP:
        return "", "d-none"
    if ctx.options.get("all"):
        return t("chart.show_top", ctx.lang, count=TOP), "p-0 ms-3 chart-all-toggle"
    return t("chart.show_all", ctx.lang, count=format_int(rows, ctx.lang)), "p-0 ms-3 chart-all-toggle"


def in_full_store() -> dcc.Store:
    """The shell's store of the rankings drawn whole (empty: every ranking its top 10)."""
    return dcc.Store(id=IN_FULL, data=[])


def shows_all(name: str, in_full: list | None) -> bool:
    """Is ranking `name` drawn whole, by the shell's store IN_FULL?"""
    return name in (in_full or [])


def phone_table(name: str, ctx: Context) -> list:
    """The heatmap's phone alternative: its top rows as a narrow table, and where the full table is."""
    summary = matrix_summary(name, ctx)
    if summary.empty:
        return []
    return [create_table(summary, ctx.lang), html.P(t("chart.phone_top", ctx.lang, count=TOP),
                                                    className="small text-muted mt-1 mb-0")]


def _extras(name: str, ctx: Context, rendered: Rendered) -> list:
    """The parts only some cards have: the ranking's toggle, the heatmap's phone table."""
    parts = []
    if name in EXPANDABLE:
        label, class_name = toggle_state(name, ctx, rendered)
        parts.append(dbc.Button(label, id=f"all-{name}", color="link", size="sm", className=class_name, n_clicks=0))
    if name in PHONE_TABLES:
        parts.append(html.Div(phone_table(name, ctx), id=f"phone-{name}", className="chart-phone"))
    return parts


def chart_view(ctx: Context) -> dict:
    """What a card's table is drawn from: the view's search and the page's options (e.g. /tren's `by`)."""
    return {"search": search_of(ctx.filters), "options": ctx.options}


def create_chart_card(name: str, ctx: Context, rendered: Rendered | None = None,
                      heading: str | None = None) -> dbc.Card:
    """A card for chart `name`, filled with the view of `ctx` (so the first paint needs no callback);
    `heading`, when given, is a small line naming the chart above its title."""
    rendered = rendered or render(name, ctx, with_table=name in EXPANDABLE)  # a ranking counts its rows
    lang = ctx.lang
    extras = _extras(name, ctx, rendered)
    return dbc.Card(dbc.CardBody([
        *([html.Div(heading, className="small text-muted")] if heading else []),
        html.H2(rendered.title, id=f"title-{name}", className="chart-title h6"),
        html.Div(_empty_note(rendered, lang), id=f"empty-{name}"),
        html.Div(dcc.Graph(id=f"chart-{name}", figure=lean(rendered.figure),
                           config=graph_config(rendered.filename, lang),
                           className="chart-graph heatmap-graph" if name in PHONE_TABLES else "chart-graph"),
                 className="chart-area"),
        *[part for part in extras if not isinstance(part, dbc.Button)],
        html.P(rendered.caption, id=f"caption-{name}", className="chart-caption small text-muted mb-1"),
        dbc.Button(t("chart.show_table", lang), id={"type": "table-toggle", "chart": name}, color="link",
                   size="sm", className="p-0 chart-table-toggle", n_clicks=0),
        *[part for part in extras if isinstance(part, dbc.Button)],
        create_chart_menu(name, ctx),
        dcc.Store(id={"type": "chart-view", "chart": name}, data=chart_view(ctx)),
        dcc.Store(id={"type": "chart-table-request", "chart": name}),
        dbc.Collapse(html.Div(html.Div(id={"type": "chart-table", "chart": name}), id=f"table-{name}",
                              className="pt-2"),
                     id={"type": "table-collapse", "chart": name}, is_open=False),
    ]), className="chart-card h-100")


def chart_outputs(name: str) -> list[Output]:
    """The outputs that refresh card `name`, in the order chart_values returns them."""
    outputs = [Output(f"chart-{name}", "figure"), Output(f"chart-{name}", "config"),
               Output(f"title-{name}", "children"), Output(f"caption-{name}", "children"),
               Output({"type": "chart-view", "chart": name}, "data"), Output(f"empty-{name}", "children")]
    if name in EXPANDABLE:
        outputs += [Output(f"all-{name}", "children"), Output(f"all-{name}", "className")]
    if name in PHONE_TABLES:
        outputs.append(Output(f"phone-{name}", "children"))
    return outputs


def chart_values(name: str, ctx: Context) -> list:
    """Values for chart_outputs(name) under `ctx`."""
    rendered = render(name, ctx, with_table=name in EXPANDABLE)  # a ranking counts its rows
    values = [lean(rendered.figure), graph_config(rendered.filename, ctx.lang), rendered.title, rendered.caption,
              chart_view(ctx), _empty_note(rendered, ctx.lang)]
    if name in EXPANDABLE:
        values += list(toggle_state(name, ctx, rendered))
    if name in PHONE_TABLES:
        values.append(phone_table(name, ctx))
    return values


def table_of(name: str, view: dict | None) -> html.Div:
    """The table behind chart `name` in the view a card keeps (see chart_view)."""
    from dashboard.sources import current_dataset

    view = view or {}
    ctx = Context.build(current_dataset(), Filters.from_query(view.get("search")), **(view.get("options") or {}))
    return create_table(render(name, ctx).table, ctx.lang)


def register_callbacks() -> None:
    """The "lihat tabel" toggle of every card, and its table built on opening (called by create_app)."""

    # While the table is open, ask for the table of the view the card shows (closed: ask nothing).
    clientside_callback(
        "function(open, view) { return open ? view : window.dash_clientside.no_update; }",
        Output({"type": "chart-table-request", "chart": MATCH}, "data"),
        Input({"type": "table-collapse", "chart": MATCH}, "is_open"),
        Input({"type": "chart-view", "chart": MATCH}, "data"),
        prevent_initial_call=True,
    )

    @callback(
        Output({"type": "chart-table", "chart": MATCH}, "children"),
        Input({"type": "chart-table-request", "chart": MATCH}, "data"),
        prevent_initial_call=True,
    )
    def chart_table(view):
        """The table behind the chart, for the view asked."""
        import dash

        return table_of(dash.ctx.outputs_list["id"]["chart"], view)

    # "Lihat tabel": pure UI, so it runs in the browser.
    clientside_callback(
        "function(n, open) { return n ? !open : open; }",
        Output({"type": "table-collapse", "chart": MATCH}, "is_open"),
        Input({"type": "table-toggle", "chart": MATCH}, "n_clicks"),
        State({"type": "table-collapse", "chart": MATCH}, "is_open"),
        prevent_initial_call=True,
    )
