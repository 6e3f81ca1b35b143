"""Download buttons: every chart as PNG/SVG/PDF, the view's rows as XLSX/CSV, and the report (PDF/Word).

Thin wiring only: the files come from exports (no Dash there), for the view the URL names,
so a download always matches the screen. The report is long (Chromium draws ten charts), so it runs as
a Dash background callback (dashboard/jobs.py: a disk cache every worker shares) with a progress bar,
and the page stays usable meanwhile. Where the server has
no Chromium, the chart menu says so plainly; the modebar's camera (browser-side PNG) still works.
"""

from __future__ import annotations

import logging

import dash
import dash_bootstrap_components as dbc
from dash import ALL, MATCH, Input, Output, State, callback, clientside_callback, dcc, html
from dash.exceptions import PreventUpdate

from analytics.filters import Filters
from dashboard.components.registry import page_of
from dashboard.jobs import job_failure, job_server, manager
from i18n import t
import logs

CHART_FORMATS = ("png", "svg", "pdf")
DATA_FORMATS = ("xlsx", "csv")
REPORT_FORMATS = ("pdf", "docx")
log = logging.getLogger("dasbor.jobs")


def _i18n(key: str, lang: str) -> html.Span:
    """A label the shell re-translates when the language changes (see shell.update_shell)."""
    return html.Span(t(key, lang), id={"type": "i18n", "key": key})


def create_chart_menu(name: str, ctx) -> html.Div:
    """ "Unduh grafik ▾" with PNG, SVG and PDF rendered on the server; without Chromium, one plain line."""
    from exports.images import chromium_available

    lang = ctx.lang
    if chromium_available():
        items = [dbc.DropdownMenuItem(t(f"export.format.{fmt}", lang), n_clicks=0,
                                      id={"type": "chart-export", "chart": name, "format": fmt})
                 for fmt in CHART_FORMATS]
    else:
        items = [dbc.DropdownMenuItem(t("export.no_browser", lang), disabled=True,
                                      id={"type": "chart-export", "chart": name, "format": "none"},
                                      className="text-wrap small export-no-browser")]
    return html.Div([
        dbc.DropdownMenu(items, label=t("export.chart_menu", lang), size="sm", color="link",
                         toggle_class_name="p-0 chart-export-toggle", id={"type": "chart-export-menu", "chart": name}),
        dcc.Store(id={"type": "chart-export-options", "chart": name}, data=dict(ctx.options)),
        dcc.Download(id={"type": "chart-export-file", "chart": name}),
    ], className="d-inline-block ms-3 chart-export")


def create_download_bar(lang: str = "id") -> html.Div:
    """ "Unduh data" (XLSX, CSV) and "Unduh laporan" (PDF, Word), with the report's progress bar."""
    data_items = [dbc.DropdownMenuItem(_i18n(f"export.format.{fmt}", lang), id=f"data-export-{fmt}", n_clicks=0)
                  for fmt in DATA_FORMATS]
    report_items = [dbc.DropdownMenuItem(_i18n(f"export.format.report_{fmt}", lang), id=f"report-export-{fmt}",
                                         n_clicks=0) for fmt in REPORT_FORMATS]
    return html.Div([
        dbc.DropdownMenu(data_items, label=_i18n("export.data_menu", lang), size="sm", color="primary",
                         id="data-menu", align_end=True),
        dbc.DropdownMenu(report_items, label=_i18n("export.report_menu", lang), size="sm", color="primary",
                         id="report-menu", align_end=True),
        html.Span(id="report-note", className="report-note small text-muted"),
        html.Div(dbc.Progress(id="report-progress", value=0, striped=True, animated=True, style={"height": "1.1rem"}),
                 id="report-progress-wrap", className="report-progress d-none", style={"minWidth": "12rem"}),
        html.Div(id="export-error", className="small text-danger"),
        dcc.Download(id="data-download"),
        dcc.Download(id="report-download"),
    ], className="d-flex align-items-center flex-wrap gap-1 download-bar")


def _context(search: str | None, dataset=None, **options):
    from dashboard.sources import current_dataset
    from charts.views import Context

    return Context.build(dataset or current_dataset(), Filters.from_query(search), **options)


def _edition(search: str | None) -> int | None:
    """`?edition=2018` (the /kipp page's edition in the URL) for the readiness parts, else None (the latest)."""
    return Filters.from_query(search).edition


def download_chart(clicks, options, search):
    """The clicked chart as an image rendered on the server, for the URL's view (with /kipp's
    `?edition=`); the card's options add the breakdown's dimension chosen on /tren."""
    from exports.images import ImageExportError, chart_image

    trigger = dash.ctx.triggered_id
    if not trigger or not any(clicks or []) or trigger["format"] not in CHART_FORMATS:
        raise PreventUpdate
    options = {key: value for key, value in (options or {}).items() if key == "by" and value}
    edition = _edition(search)
    ctx = _context(search, **{**({"edition": edition} if edition else {}), **options})
    try:
        data, filename = chart_image(trigger["chart"], ctx, trigger["format"])
    except ImageExportError:
        raise PreventUpdate from None
    return dcc.send_bytes(data, filename)


def download_data(_xlsx, _csv, search, pathname):
    """The view's rows (every column) as XLSX or CSV; on a page that registers a `data_table` of its own
    (/provinsi: the regions compared, exports.data.TABLES), that table."""
    from exports.data import data_bytes

    trigger = dash.ctx.triggered_id
    if trigger not in {f"data-export-{fmt}" for fmt in DATA_FORMATS}:
        raise PreventUpdate
    table = (page_of(pathname) or {}).get("data_table", "view")
    data, filename = data_bytes(_context(search), trigger.removeprefix("data-export-"), table)
    return dcc.send_bytes(data, filename)


def download_report(set_progress, _pdf, _docx, search):
    """The report of the URL's view, with its progress (runs in a background process)."""
    from dashboard.sources import CONFIG_KEY
    from exports.images import shutdown
    from exports.report.formats import report_bytes

    trigger = dash.ctx.triggered_id
    if trigger not in {f"report-export-{fmt}" for fmt in REPORT_FORMATS}:
        raise PreventUpdate
    filters = Filters.from_query(search)
    dataset = job_server().config[CONFIG_KEY].dataset()  # no request of its own in this process
    edition = _edition(search)
    ctx = _context(search, dataset, **({"edition": edition} if edition else {}))
    set_progress((3, t("export.working", filters.lang)))

    def progress(step: int, total: int) -> None:
        set_progress((int(100 * step / total), t("export.progress", filters.lang, step=step, total=total)))

    chosen = trigger.removeprefix("report-export-")
    try:
        with logs.timed(log, "job.report", format=chosen):
            data, filename = report_bytes(ctx, chosen, progress)
    except Exception as err:  # noqa: BLE001 - said on the page instead of a silent failure
        return dash.no_update, t("export.failed", filters.lang, reason=str(err))
    finally:
        shutdown()  # this process ends with the job: close its browser before Dash reaps the process
    return dcc.send_bytes(data, filename), None


def report_failed(error):
    """The report job ended without a file: its process was killed from outside (say so, and to try
    again), or it raised past its own handling."""
    lang = Filters.from_query(dash.ctx.states.get("url.search")).lang
    if job_failure(error) == "died":
        return dash.no_update, t("export.job_died", lang)
    return dash.no_update, t("export.failed", lang, reason=t("export.unexpected", lang))


def register_callbacks() -> None:
    """Wire the download buttons into the app being built (called by create_app)."""
    callback(
        Output({"type": "chart-export-file", "chart": MATCH}, "data"),
        Input({"type": "chart-export", "chart": MATCH, "format": ALL}, "n_clicks"),
        State({"type": "chart-export-options", "chart": MATCH}, "data"),
        State("url", "search"),
        prevent_initial_call=True,
    )(download_chart)
    callback(
        Output("data-download", "data"),
        Input("data-export-xlsx", "n_clicks"),
        Input("data-export-csv", "n_clicks"),
        State("url", "search"),
        State("url", "pathname"),
        prevent_initial_call=True,
    )(download_data)
    callback(
        Output("report-download", "data"),
        Output("export-error", "children"),
        Input("report-export-pdf", "n_clicks"),
        Input("report-export-docx", "n_clicks"),
        State("url", "search"),
        background=True,
        manager=manager(),
        progress=[Output("report-progress", "value"), Output("report-progress", "label")],
        running=[(Output("report-menu", "disabled"), True, False),
                 (Output("report-progress-wrap", "className"), "report-progress", "report-progress d-none")],
        on_error=report_failed,
        prevent_initial_call=True,
    )(download_report)
    # The breakdown's dimension (on /tren) travels with its chart's download: pure UI, in the browser.
    clientside_callback(
        "function(by) { return {by: by}; }",
        Output({"type": "chart-export-options", "chart": "breakdown"}, "data"),
        Input("tren-by", "value"),
        prevent_initial_call=True,
    )
