"""One data path per chart: `ChartView` rows tie the data function, the figure, the title stating the
finding and the table behind it together, so the page, the "lihat tabel" table and any export of
a chart always show the same numbers (STYLE.md §1). Pure: no Dash.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import figures
from charts import readiness_views as kipp
from charts import region_views
from analytics import metrics, one_agency
from analytics.filters import Filters
from analytics.dataset import Dataset, source_caption
from analytics.partial import partial_year
from i18n import format_date, format_int, format_pct, format_signed_pct, t


@dataclass(frozen=True, eq=False)
class Context:
    """Everything a chart needs: the dataset, the filters, the filtered rows, page options; `rows`, when
    known, marks the rows in view among the dataset's, so counts come from its codes (analytics.encoded)."""

    dataset: Dataset
    filters: Filters
    view: pd.DataFrame
    span: tuple[int, int] | None
    options: dict = field(default_factory=dict)
    rows: np.ndarray | None = None

    @classmethod
    def build(cls, dataset: Dataset, filters: Filters, **options) -> "Context":
        """Apply the filters once; every chart of the page reuses the result."""
        frame = dataset.view_frame if dataset.view_frame is not None else dataset.frame
        rows = filters.mask(frame, encoded=dataset.encoded)
        return cls(dataset, filters, frame[rows], metrics.year_span(frame, filters), options, rows)

    def value_counts(self, column: str) -> pd.Series:
        """value -> rows in view, missing values left out, most first (`view[column].dropna().value_counts()`)."""
        if self.rows is not None and column in self.dataset.encoded.codes:
            return self.dataset.encoded.value_counts(column, self.rows)
        return self.view[column].dropna().value_counts()

    def cross_counts(self, column: str) -> pd.DataFrame:
        """Rows in view per value of `column` × year (metrics.cross_counts of the view)."""
        if self.rows is not None and column in self.dataset.encoded.codes:
            return self.dataset.encoded.cross_counts(column, self.rows)
        return metrics.cross_counts(self.view, column)

    @property
    def lang(self) -> str:
        """The language of the view (from the URL)."""
        return self.filters.lang

    def label(self, field_name: str) -> Callable[[object], str]:
        """value -> its label in the view's language, for one field ("Lainnya" for a top-N's summed row)."""
        def label(value) -> str:
            if isinstance(value, str) and value == metrics.OTHERS:
                return t("rank.others", self.lang)
            return self.dataset.label(field_name, value, self.lang)
        return label

    @property
    def others(self) -> bool:
        """True when rankings show the top TOP and one summed "Lainnya" row (the report), not the top TOP."""
        return bool(self.options.get("others"))

    @property
    def wrap(self) -> int:
        """Characters per line of a name above its bar (the report's page is wider than a phone)."""
        return int(self.options.get("wrap", figures.LIST_WRAP))

    def caption(self) -> str:
        """Source and active filters in words, the same line under every chart."""
        words = self.filters.describe(self.lang, self.dataset.labeler(self.lang))
        return f"{source_caption(self.dataset, self.lang)} · {words}"


@dataclass(frozen=True)
class ChartView:
    """A chart: data(ctx) -> frame; figure(data, ctx); title(data, ctx); table(data, ctx) -> display frame."""

    name: str
    data: Callable[[Context], pd.DataFrame]
    figure: Callable[[pd.DataFrame, Context], go.Figure]
    title: Callable[[pd.DataFrame, Context], str]
    table: Callable[[pd.DataFrame, Context], pd.DataFrame]
    click: str | None = None  # the filter a click on a bar applies: "year" | "agency" | "sector"
    caption: Callable[[Context], str] | None = None  # the line under it, when not the view's source and filters
    beyond_view: bool = False  # it reads past ctx.view (other regions' rows): its own data says when it is empty
    # what it drew, in words (the CLI's summary line); None: the innovations in view
    summary: Callable[[pd.DataFrame, Context], str] | None = None


# -- titles that state the finding ---------------------------------------------------------------

def _trend_title(data: pd.DataFrame, ctx: Context) -> str:
    if len(data) == 1:
        return t("title.trend_single", ctx.lang, count=format_int(data["count"].iloc[0], ctx.lang),
                 year=int(data["year"].iloc[0]))
    peak = data.sort_values(["count", "year"], ascending=[False, True]).iloc[0]
    return t("title.trend", ctx.lang, year=int(peak["year"]), count=format_int(peak["count"], ctx.lang))


def _rank_title(key: str, field_name: str):
    def title(data: pd.DataFrame, ctx: Context) -> str:
        top = data.iloc[0]
        return t(key if len(data) > 1 else f"{key}_only", ctx.lang,
                 **{field_name: ctx.label(field_name)(top["value"]), "count": format_int(top["count"], ctx.lang)})
    return title


def _breakdown_title(data: pd.DataFrame, ctx: Context) -> str:
    totals = data.groupby("value", dropna=False, sort=False)["count"].sum()
    value = totals.index[0]
    return t("title.breakdown", ctx.lang, value=ctx.label(ctx.options.get("by", "stage"))(value),
             share=format_pct(totals.iloc[0] / totals.sum(), ctx.lang))


def _yoy_data(ctx: Context) -> pd.DataFrame:
    """Year over year; the last year, while it has not ended, against the same period (analytics.partial)."""
    return metrics.year_over_year(_counts(ctx), partial_year(ctx.view, ctx.span[1] if ctx.span else None))


def _yoy_title(data: pd.DataFrame, ctx: Context) -> str:
    known = data.dropna(subset=["change_pct"])
    if known.empty:
        return t("title.yoy_none", ctx.lang)
    biggest = known.loc[known["change_pct"].abs().idxmax()]
    key = "title.yoy_down" if biggest["change_pct"] < 0 else "title.yoy_up"
    title = t(key, ctx.lang, year=int(biggest["year"]), pct=format_signed_pct(biggest["change_pct"], ctx.lang, 0))
    if biggest["until"] is None:
        return title
    return t("title.yoy_until", ctx.lang, title=title, year=int(biggest["year"]),
             until=format_date(biggest["until"], "day", ctx.lang))


def _year_until(year: int, until, lang: str) -> str:
    """'2026 (sampai 30 Juni 2026)' for a partial year, else '2026'."""
    return str(year) if until is None else t("yoy.year_until", lang, year=year, until=format_date(until, "day", lang))


def _heatmap_title(data: pd.DataFrame, ctx: Context) -> str:
    every_year = int((data > 0).all(axis=1).sum())
    return t("title.heatmap", ctx.lang, count=format_int(every_year, ctx.lang), total=format_int(len(data), ctx.lang))


def _compliance_title(data: pd.DataFrame, ctx: Context) -> str:
    last = data.iloc[-1]
    return t(_chosen("title.compliance", ctx), ctx.lang, rate=format_pct(last["rate"], ctx.lang),
             year=int(last["year"]))


def _chosen(key: str, ctx: Context) -> str:
    """The One Agency One Innovation wording for the chosen agencies when an agency filter is on."""
    return f"{key}_selected" if ctx.filters.agencies else key


def one_agency_missing(ctx: Context, year: int) -> tuple[str | None, list[str]]:
    """The sentence on the agencies (of the register, or the chosen ones) without an innovation in
    `year`, and their names; no sentence when there is no agency to check."""
    register = one_agency.denominator(ctx.dataset.register, ctx.filters.agencies)
    missing = one_agency.agencies_without_innovation(ctx.view, register, year)
    if missing:
        return t(_chosen("opd.missing", ctx), ctx.lang, count=format_int(len(missing), ctx.lang),
                 total=format_int(len(register), ctx.lang), year=year), missing
    if not register:
        return None, []
    return t(_chosen("opd.all_ok", ctx), ctx.lang, total=format_int(len(register), ctx.lang), year=year), []


def _sector_rank_title(data: pd.DataFrame, ctx: Context) -> str:
    totals = metrics.group_totals(data).sort_values("count", ascending=False)
    top = totals.iloc[0]
    return t("title.sector_rank", ctx.lang, group=ctx.dataset.group_label(top["group"], ctx.lang).lower(),
             share=format_pct(top["share"], ctx.lang))


def _sector_year_title(data: pd.DataFrame, ctx: Context) -> str:
    every_year = int((data > 0).all(axis=1).sum())
    if every_year > 1:   # several sectors have innovations every year: count them, naming none of them
        return t("title.sector_year_all", ctx.lang, count=format_int(every_year, ctx.lang),
                 total=format_int(len(data), ctx.lang))
    years_with = (data > 0).sum(axis=1).sort_values(ascending=False, kind="stable")
    return t("title.sector_year", ctx.lang, sector=ctx.label("sector")(years_with.index[0]),
             count=int(years_with.iloc[0]), total=data.shape[1])


# -- the tables behind the charts ----------------------------------------------------------------

def _year_table(data: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    return pd.DataFrame({t("axis.year", ctx.lang): data["year"].astype(str),
                         t("column.count", ctx.lang): [format_int(v, ctx.lang) for v in data["count"]]})


def _rank_table(field_name: str):
    def table(data: pd.DataFrame, ctx: Context) -> pd.DataFrame:
        return pd.DataFrame({
            ctx.dataset.column_label(field_name, ctx.lang): [ctx.label(field_name)(v) for v in data["value"]],
            t("column.count", ctx.lang): [format_int(v, ctx.lang) for v in data["count"]],
            t("axis.share", ctx.lang): [format_pct(v, ctx.lang, 1) for v in data["share"]]})
    return table


def _breakdown_table(data: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    by = ctx.options.get("by", "stage")
    wide = data.assign(value=[ctx.label(by)(v) for v in data["value"]]).pivot_table(
        index="year", columns="value", values="count", aggfunc="sum", fill_value=0, sort=False)
    wide = wide.map(lambda v: format_int(v, ctx.lang))
    wide.index = wide.index.astype(str)
    return wide.rename_axis(t("axis.year", ctx.lang)).reset_index()


def _yoy_table(data: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    return pd.DataFrame({
        t("axis.year", ctx.lang): [_year_until(y, u, ctx.lang) for y, u in zip(data["year"], data["until"])],
        t("column.count", ctx.lang): [format_int(v, ctx.lang) for v in data["count"]],
        t("column.change", ctx.lang): [format_signed_pct(v, ctx.lang) for v in data["change_pct"]]})


def _matrix_table(field_name: str):
    def table(data: pd.DataFrame, ctx: Context) -> pd.DataFrame:
        if ctx.others:
            data = metrics.matrix_top_and_others(data, TOP)
        shown = data.map(lambda v: format_int(v, ctx.lang))
        shown.index = [ctx.label(field_name)(v) for v in data.index]
        shown.columns = [str(c) for c in data.columns]
        return shown.rename_axis(ctx.dataset.column_label(field_name, ctx.lang)).reset_index()
    return table


def _compliance_table(data: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    return pd.DataFrame({
        t("axis.year", ctx.lang): data["year"].astype(str),
        t("axis.agencies", ctx.lang): [format_int(v, ctx.lang) for v in data["innovating"]],
        t("axis.register", ctx.lang): [format_int(v, ctx.lang) for v in data["register"]],
        t("column.rate", ctx.lang): [format_pct(v, ctx.lang, 1) for v in data["rate"]]})


def _sector_rank_table(data: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    return pd.DataFrame({
        ctx.dataset.column_label("sector", ctx.lang): [ctx.label("sector")(v) for v in data["sector"]],
        t("column.group", ctx.lang): [ctx.dataset.group_label(g, ctx.lang) for g in data["group"]],
        t("column.count", ctx.lang): [format_int(v, ctx.lang) for v in data["count"]]})


# -- the registry ----------------------------------------------------------------------------------

TOP = 10  # rows of a short ranking


def _top(field_name: str):
    """The TOP values of a field by count; in a report (ctx.others) the rest summed as one "Lainnya" row."""
    def data(ctx: Context) -> pd.DataFrame:
        ranked = metrics.rank(ctx.view, field_name, counts=ctx.value_counts(field_name))
        return metrics.top_and_others(ranked, TOP) if ctx.others else ranked.head(TOP)
    return data


def shown_rows(data: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """The rows a long ranking draws: its TOP largest (in its own order), or all of them when the page's
    "tampilkan semua" is on (ctx.options["all"]); its table always keeps every row."""
    if ctx.options.get("all") or len(data) <= TOP:
        return data
    largest = data["count"].sort_values(ascending=False, kind="stable").index[:TOP]
    return data.loc[sorted(largest)].reset_index(drop=True)


EXPANDABLE = ("agency-rank", "sector-rank")  # the rankings that draw the top TOP, with a "show all" toggle


def _counts(ctx: Context) -> pd.DataFrame:
    return metrics.counts_by_year(ctx.view, ctx.span)


def _compliance(ctx: Context) -> pd.DataFrame:
    register = one_agency.denominator(ctx.dataset.register, ctx.filters.agencies)
    return one_agency.compliance_by_year(ctx.view, register, ctx.span, ctx.cross_counts("agency"))


CHARTS: dict[str, ChartView] = {view.name: view for view in [
    ChartView("trend", _counts, lambda d, c: figures.trend_figure(d, c.lang), _trend_title, _year_table, "year"),
    ChartView("agency", _top("agency"),
              lambda d, c: figures.ranking_figure(d, c.lang, "axis.count", c.label("agency"), c.wrap),
              _rank_title("title.agency", "agency"), _rank_table("agency"), "agency"),
    ChartView("sector", _top("sector"),
              lambda d, c: figures.ranking_figure(d, c.lang, "axis.count", c.label("sector"), c.wrap),
              _rank_title("title.sector", "sector"), _rank_table("sector"), "sector"),
    ChartView("year", _counts, lambda d, c: figures.trend_figure(d, c.lang), _trend_title, _year_table, "year"),
    ChartView("breakdown", lambda c: metrics.breakdown_by_year(c.view, c.options.get("by", "stage"), c.span),
              lambda d, c: figures.breakdown_figure(d, c.lang, c.label(c.options.get("by", "stage"))),
              _breakdown_title, _breakdown_table, "year"),
    ChartView("yoy", _yoy_data, lambda d, c: figures.yoy_figure(d, c.lang),
              _yoy_title, _yoy_table, "year"),
    ChartView("agency-rank", lambda c: metrics.rank(c.view, "agency", counts=c.value_counts("agency")),
              lambda d, c: figures.ranking_figure(shown_rows(d, c), c.lang, "axis.count"),
              _rank_title("title.agency", "agency"), _rank_table("agency"), "agency"),
    ChartView("heatmap", lambda c: metrics.year_matrix(c.view, "agency", c.span, c.cross_counts("agency")),
              lambda d, c: figures.heatmap_figure(d, c.lang), _heatmap_title, _matrix_table("agency"), "agency"),
    ChartView("compliance", _compliance, lambda d, c: figures.compliance_figure(d, c.lang), _compliance_title,
              _compliance_table, "year"),
    ChartView("sector-rank",
              lambda c: metrics.sector_ranking(c.view, c.dataset.sector_group, c.dataset.group_order,
                                               c.value_counts("sector")),
              lambda d, c: figures.sector_figure(shown_rows(d, c), c.lang, c.label("sector"),
                                                 lambda g: c.dataset.group_label(g, c.lang)),
              _sector_rank_title, _sector_rank_table, "sector"),
    ChartView("sector-year", lambda c: metrics.year_matrix(c.view, "sector", c.span, c.cross_counts("sector")),
              lambda d, c: figures.heatmap_figure(d, c.lang, c.label("sector")), _sector_year_title,
              _matrix_table("sector"), "sector"),
    # KIPP readiness of the view for ctx.options["edition"] (default: the latest edition).
    ChartView("readiness", kipp.counts_by_year, lambda d, c: kipp.readiness_year_figure(d, c.lang),
              kipp.year_title, kipp.year_table, "year"),
    ChartView("readiness-agency", kipp.counts_by_agency, lambda d, c: kipp.readiness_agency_figure(d, c.lang),
              kipp.agency_title, kipp.agency_table, "agency"),
    # the provincial view (/provinsi): the regions compared, whatever the view's own region (charts.region_views)
    ChartView("region-count", region_views.count_data, region_views.count_figure, region_views.count_title, region_views.count_table,
              caption=region_views.caption, beyond_view=True, summary=region_views.count_summary),
    ChartView("region-trend", region_views.trend_data, region_views.trend_figure, region_views.trend_title, region_views.trend_table,
              caption=region_views.caption, beyond_view=True, summary=region_views.trend_summary),
    ChartView("region-sector", region_views.sector_data, region_views.sector_figure, region_views.sector_title,
              region_views.sector_table, caption=region_views.caption, beyond_view=True,
              summary=region_views.sector_summary),
    ChartView("region-index", region_views.index_data, region_views.index_figure, region_views.index_title, region_views.index_table,
              caption=region_views.index_caption, beyond_view=True, summary=region_views.index_summary),
]}


def _year_summary(field_name: str) -> Callable[[Context], pd.DataFrame]:
    """A year heatmap of `field_name` in a phone's width: its TOP largest rows, their total and in how many
    of the view's years they innovated (the heatmap's finding), as display strings."""
    name = {"agency": "heatmap", "sector": "sector-year"}[field_name]

    def summary(ctx: Context) -> pd.DataFrame:
        data = CHARTS[name].data(ctx) if not ctx.view.empty else pd.DataFrame()
        if data.empty:
            return pd.DataFrame()
        top = data.head(TOP)
        years = format_int(data.shape[1], ctx.lang)
        return pd.DataFrame({
            ctx.dataset.column_label(field_name, ctx.lang): [ctx.label(field_name)(v) for v in top.index],
            t("column.count", ctx.lang): [format_int(v, ctx.lang) for v in top.sum(axis=1)],
            t("column.years_with", ctx.lang): [t("chart.years_of", ctx.lang, count=format_int(v, ctx.lang),
                                                 total=years) for v in (top > 0).sum(axis=1)]})
    return summary


# heatmaps a phone shows as a narrow table instead (the year heatmaps: their top TOP rows)
PHONE_TABLES: dict[str, Callable[[Context], pd.DataFrame]] = {
    "heatmap": _year_summary("agency"), "sector-year": _year_summary("sector"),
    "region-sector": region_views.coverage_summary}


def matrix_summary(name: str, ctx: Context) -> pd.DataFrame:
    """A heatmap in a phone's width (PHONE_TABLES), as display strings; empty when it has no data."""
    return PHONE_TABLES[name](ctx)


@dataclass(frozen=True)
class Rendered:
    """What a chart card shows."""

    figure: go.Figure
    title: str
    caption: str
    table: pd.DataFrame
    filename: str
    empty: bool


def render(name: str, ctx: Context, with_table: bool = True) -> Rendered:
    """Compute one chart of the view: data once, then figure, title and table from that data
    (`with_table=False`: an empty table, for the page, which builds it only when asked)."""
    chart = CHARTS[name]
    filename = download_name(name, ctx.filters)
    data = chart.data(ctx) if chart.beyond_view or not ctx.view.empty else pd.DataFrame()
    caption = chart.caption(ctx) if chart.caption else ctx.caption()
    if data.empty:
        return Rendered(figures.empty_figure(ctx.lang), t("title.empty", ctx.lang), caption,
                        pd.DataFrame(), filename, True)
    table = chart.table(data, ctx) if with_table else pd.DataFrame()
    return Rendered(chart.figure(data, ctx), chart.title(data, ctx), caption, table, filename, False)


def drawn(name: str, ctx: Context) -> str:
    """What chart `name` draws under `ctx`, in words (the CLI's summary line): the innovations in view, or,
    for a chart with a summary of its own (the regions compared), its figures."""
    chart = CHARTS[name]
    if chart.summary is None:
        return t("chart.drawn", ctx.lang, count=format_int(len(ctx.view), ctx.lang))
    data = chart.data(ctx)
    return t("title.empty", ctx.lang) if data.empty else chart.summary(data, ctx)


def slug(text: str) -> str:
    """ "Dinas Kesehatan" -> "dinas-kesehatan" (ASCII, for file names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def download_name(name: str, filters: Filters) -> str:
    """The image file name of a chart under `filters`: "inovasi-trend_2015-2017_dinas-kesehatan"."""
    return "_".join([f"inovasi-{name}", *(slug(str(part))[:40] for part in filters.name_parts())])[:150]
