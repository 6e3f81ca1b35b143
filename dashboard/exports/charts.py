"""The charts the exports know: every `dashboard.views.CHARTS` entry, plus KIPP readiness by year.

Exports never compute a chart of their own: a chart is a `views.ChartView` (data → figure, title,
table), the same row the page draws from, so an image, a report and the screen show the same numbers.
Readiness is judged on the whole data (titles must be unique across it) and then narrowed to the
view, as the CLI's `readiness` does; it is cached per data version and edition.
"""

from __future__ import annotations

import threading

import pandas as pd
import plotly.graph_objects as go

from dashboard import figures, theme
from dashboard.analytics import readiness as kipp
from dashboard.analytics.kipp_messages import STATUSES, status_label
from dashboard.i18n import format_int, t
from dashboard.views import CHARTS, ChartView, Context, Rendered, download_name, render

# Report order: the overview, then the trend, agency and sector pages (DESIGN.md §4), then KIPP.
REPORT_SECTIONS: list[tuple[str, list[str]]] = [
    ("nav.home", ["trend", "agency", "sector"]),
    ("nav.tren", ["breakdown", "yoy"]),
    ("nav.opd", ["agency-rank", "heatmap", "compliance"]),
    ("nav.urusan", ["sector-rank", "sector-year"]),
]
# The names `python app.py chart NAME` accepts (DESIGN.md §3), then every other chart of the pages.
CLI_CHARTS = ["trend", "agency", "sector", "readiness"]
STATUS_COLOURS = {"Siap": "#009E73", "Hampir siap": "#0072B2", "Belum memenuhi syarat": "#D55E00",
                  "Jalur khusus": "#CC79A7"}

_cache: dict[tuple[str, int | None], kipp.Readiness] = {}
_cache_lock = threading.Lock()


def readiness_of(ctx: Context, edition: int | None = None) -> kipp.Readiness:
    """Readiness of the view's rows for `edition` (default: the view's option "edition", else the
    latest edition), judged on the whole data."""
    edition = edition if edition is not None else ctx.options.get("edition")
    key = (ctx.dataset.version, edition)
    with _cache_lock:
        whole = _cache.get(key)
    if whole is None:
        whole = kipp.evaluate(ctx.dataset.frame, edition)
        with _cache_lock:
            if len(_cache) > 8:
                _cache.clear()
            _cache[key] = whole
    return whole.select(ctx.view.index)


def _readiness_data(ctx: Context) -> pd.DataFrame:
    """year, status, count for the view (long form, every status of every year)."""
    counts = kipp.status_counts(readiness_of(ctx), "year")
    if counts.empty:
        return pd.DataFrame(columns=["year", "status", "count"])
    counts.index = counts.index.astype(int)
    long = counts.reset_index().melt(id_vars="year", var_name="status", value_name="count")
    return long.astype({"count": int})


def readiness_figure(data: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars per year, one colour per readiness status (Siap first, at the bottom)."""
    if data.empty or data["count"].sum() == 0:
        return figures.empty_figure(lang)
    figure = go.Figure()
    for status in STATUSES:
        rows = data[data["status"] == status]
        figure.add_bar(x=rows["year"], y=rows["count"], name=status_label(status, lang), customdata=rows["year"],
                       marker_color=STATUS_COLOURS[status], marker_line=dict(color="#FFFFFF", width=1),
                       hovertemplate="%{x} · " + status_label(status, lang) + ": %{y:,d}<extra></extra>")
    figure.update_layout(barmode="stack", template=theme.TEMPLATE_NAME, height=380, legend=dict(traceorder="normal"))
    figure.update_xaxes(title_text=t("axis.year", lang), **theme.year_axis())
    figure.update_yaxes(title_text=t("axis.count", lang), tickformat=",d")
    theme.template()
    return figure


def _readiness_title(data: pd.DataFrame, ctx: Context) -> str:
    edition = readiness_of(ctx).edition
    ready = int(data.loc[data["status"] == "Siap", "count"].sum())
    return t("title.readiness", ctx.lang, ready=format_int(ready, ctx.lang),
             total=format_int(int(data["count"].sum()), ctx.lang), edition=edition.label)


def _readiness_table(data: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    wide = data.pivot_table(index="year", columns="status", values="count", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=list(STATUSES), fill_value=0)
    shown = wide.map(lambda v: format_int(v, ctx.lang))
    shown.columns = [status_label(s, ctx.lang) for s in wide.columns]
    shown.index = shown.index.astype(str)
    return shown.rename_axis(t("axis.year", ctx.lang)).reset_index()


READINESS = ChartView("readiness", _readiness_data, lambda d, c: readiness_figure(d, c.lang), _readiness_title,
                      _readiness_table, "year")


def chart_names() -> list[str]:
    """Every chart an export can draw: the CLI's names first, then the pages' other charts."""
    return list(dict.fromkeys(CLI_CHARTS + list(CHARTS)))


def chart_view(name: str) -> ChartView:
    """The ChartView of `name` (KeyError when unknown); the pages' own registry wins when it has one."""
    if name in CHARTS:
        return CHARTS[name]
    if name == READINESS.name:
        return READINESS
    raise KeyError(name)


def render_chart(name: str, ctx: Context) -> Rendered:
    """What the card of `name` shows (figure, title, caption, table): `views.render` for the pages'
    charts, the same steps for readiness. KeyError when `name` is unknown."""
    if name in CHARTS:
        return render(name, ctx)
    chart = chart_view(name)
    data = chart.data(ctx) if not ctx.view.empty else pd.DataFrame()
    if data.empty or data["count"].sum() == 0:
        return Rendered(figures.empty_figure(ctx.lang), t("title.empty", ctx.lang), ctx.caption(),
                        pd.DataFrame(), download_name(name, ctx.filters), True)
    return Rendered(chart.figure(data, ctx), chart.title(data, ctx), ctx.caption(), chart.table(data, ctx),
                    download_name(name, ctx.filters), False)
