"""The provincial view's charts (analytics/regions.py) as plain data → figure, title and table functions:
innovations per region (`region-count`), per region and year (`region-trend`), per urusan and region
(`region-sector`, with a phone table of each region's coverage) and the Indeks Inovasi Daerah per region
and edition where evidence exists (`region-index`).

`charts.views` registers them, so /provinsi, its "Lihat tabel" and "Unduh grafik" and `python app.py chart`
draw the same numbers (STYLE.md §1). They read past the view (`ChartView.beyond_view`): the regions compared
are the data's and the replication library's, every filter of the URL applied to them except the region,
which picks the regions compared (none: every region).

Pure: no Dash, and no import of charts.views (which imports this module). A `ctx` here is a
`views.Context`, used duck-typed: `.dataset`, `.filters`, `.lang`, `.caption()`.
"""

from __future__ import annotations

import functools

import pandas as pd
import plotly.graph_objects as go

from analytics import regions
from analytics.dataset import VIEW_COLUMNS, source_caption
from analytics.filter_fields import home_region
from analytics.iid.evidence import default_evidence
from analytics.iid.similar import default_library
from charts import theme
from charts.figures import empty_figure, make_figure, wrap_label
from i18n import format_int, format_number, format_pct, t

HOME = theme.NEGATIVE    # this regency, in every region chart (vermillion, 4.6:1 on white)
OTHERS = [colour for colour in theme.PALETTE if colour != HOME]
PATTERNS = ["", "/", "x", "."]  # with more regions than colours, a pattern tells them apart too
NAME_WRAP = 16           # characters per line of a region's name under a heatmap column


# -- the rows compared --------------------------------------------------------------------------------

def _library(dataset) -> pd.DataFrame:
    return regions.load_library(tuple(default_library(dataset.source_label)))


@functools.lru_cache(maxsize=4)
def _whole(dataset) -> pd.DataFrame:
    """Every region's rows (VIEW_COLUMNS), once per data version."""
    return regions.comparison_frame(dataset.view_frame, _library(dataset), VIEW_COLUMNS)


@functools.lru_cache(maxsize=16)
def _compared(dataset, filters) -> pd.DataFrame:
    whole = _whole(dataset)
    return regions.choose(whole[filters.mask(whole, without="regions")], filters.regions)


def compared(ctx) -> pd.DataFrame:
    """The rows of the regions compared, under every filter of the view but the region."""
    return _compared(ctx.dataset, ctx.filters.replace(lang="id"))


def all_regions(dataset) -> list[str]:
    """Every region stored (this regency first, then by innovations): what the page offers to compare."""
    return regions.region_names(_whole(dataset))


def region_counts_of(dataset) -> dict[str, int]:
    """Innovations per region stored, for the page's choice of regions."""
    return _whole(dataset)["region"].value_counts().to_dict()


def styles(dataset) -> dict[str, tuple[str, str]]:
    """Region -> (colour, pattern), fixed per data version whatever is chosen: this regency vermillion."""
    names = [name for name in all_regions(dataset) if name != home_region()]
    chosen = {name: (OTHERS[i % len(OTHERS)], PATTERNS[(i // len(OTHERS)) % len(PATTERNS)])
              for i, name in enumerate(names)}
    return {home_region(): (HOME, ""), **chosen}


def years_text(years) -> str:
    years = [int(y) for y in years]
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)):
        return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def caption(ctx) -> str:
    """The view's source and filters, and which regions are compared when the URL names none."""
    base = ctx.caption()
    if ctx.filters.regions:
        return base
    return f"{base} · {t('region.caption_all', ctx.lang, count=format_int(len(all_regions(ctx.dataset)), ctx.lang))}"


# -- innovations per region ---------------------------------------------------------------------------

def count_data(ctx) -> pd.DataFrame:
    return regions.region_counts(compared(ctx))


def count_figure(data: pd.DataFrame, ctx) -> go.Figure:
    """Horizontal bars, most at the top, this regency's in vermillion (each name above its bar)."""
    from charts.figures import ranking_figure

    ranked = data.rename(columns={"region": "value"})
    colours = [HOME if name == home_region() else theme.BAR for name in ranked["value"]]
    return ranking_figure(ranked, ctx.lang, "axis.count", wrap=ctx.wrap, colours=colours)


def count_title(data: pd.DataFrame, ctx) -> str:
    top, lang = data.iloc[0], ctx.lang
    years = years_text(top["common"])
    if len(data) == 1:
        return t("title.region_count_one", lang, region=top["region"], count=format_int(top["count"], lang),
                 years=years)
    if not years:
        return t("title.region_count_apart", lang, count=format_int(len(data), lang))
    return t("title.region_count", lang, region=top["region"], count=format_int(top["count"], lang), years=years,
             regions=format_int(len(data), lang))


def _summary(what: str, figures, ctx) -> str:
    """'5 daerah, inovasi 2023–2025: Kota Palembang 100, Kabupaten Muara Enim 90, …' (the CLI's summary)."""
    figures = list(figures)
    return t("region.drawn", ctx.lang, count=format_int(len(figures), ctx.lang), what=what,
             figures=", ".join(f"{region} {value}" for region, value in figures))


def count_summary(data: pd.DataFrame, ctx) -> str:
    what = t("region.drawn_count", ctx.lang, years=years_text(data["common"].iloc[0]) or "—")
    return _summary(what, ((r, format_int(v, ctx.lang)) for r, v in zip(data["region"], data["count"])), ctx)


def count_table(data: pd.DataFrame, ctx) -> pd.DataFrame:
    lang = ctx.lang
    years = years_text(data["common"].iloc[0]) if len(data) else ""
    return pd.DataFrame({
        t("column.region_name", lang): data["region"],
        t("column.region_count", lang, years=years or "—"): [format_int(v, lang) for v in data["count"]],
        t("column.region_total", lang): [format_int(v, lang) for v in data["total"]],
        t("column.region_years", lang): [years_text(range(int(a), int(b) + 1)) for a, b in
                                         zip(data["first"], data["last"])],
        t("column.region_sectors", lang, years=years or "—"): [format_int(v, lang) for v in data["sectors"]]})


# -- per region and year ------------------------------------------------------------------------------

def trend_data(ctx) -> pd.DataFrame:
    from analytics import metrics

    rows = compared(ctx)
    if rows.empty:
        return pd.DataFrame()
    matrix = metrics.year_matrix(rows, "region", metrics.year_span(rows, ctx.filters))
    order = [name for name in all_regions(ctx.dataset) if name in matrix.index]
    return matrix.loc[order]


def trend_figure(matrix: pd.DataFrame, ctx) -> go.Figure:
    """Bars side by side per year, one colour (and, past six regions, a pattern) per region."""
    style = styles(ctx.dataset)
    years = [int(y) for y in matrix.columns]
    traces = []
    for region, counts in matrix.iterrows():
        colour, pattern = style.get(region, (theme.NEUTRAL, ""))
        traces.append(dict(type="bar", x=years, y=counts.tolist(), name=region, customdata=years,
                           marker=dict(color=colour, pattern=dict(shape=pattern)),
                           hovertemplate=f"%{{x}} · {region}: %{{y:,d}}<extra></extra>"))
    return make_figure(traces, ctx.lang, 380, dict(title={"text": t("axis.year", ctx.lang)}, **theme.year_axis()),
                       dict(title={"text": t("axis.count", ctx.lang)}, tickformat=",d"), barmode="group")


def trend_title(matrix: pd.DataFrame, ctx) -> str:
    last = matrix.columns[-1]
    column = matrix[last]
    top = column.sort_values(ascending=False, kind="stable").index[0]
    return t("title.region_trend", ctx.lang, year=int(last), region=top, count=format_int(column[top], ctx.lang))


def trend_summary(matrix: pd.DataFrame, ctx) -> str:
    what = t("region.drawn_count", ctx.lang, years=years_text(matrix.columns))
    totals = matrix.sum(axis=1)
    return _summary(what, ((r, format_int(v, ctx.lang)) for r, v in totals.items()), ctx)


def trend_table(matrix: pd.DataFrame, ctx) -> pd.DataFrame:
    shown = matrix.map(lambda v: format_int(v, ctx.lang))
    shown.columns = [str(c) for c in matrix.columns]
    return shown.rename_axis(t("column.region_name", ctx.lang)).reset_index()


# -- urusan coverage --------------------------------------------------------------------------------

def sector_data(ctx) -> pd.DataFrame:
    """Urusan × region over the years every region compared has data for (as the counts)."""
    rows = compared(ctx)
    order = [name for name in all_regions(ctx.dataset) if name in set(rows["region"])]
    return regions.sector_matrix(regions.in_common_years(rows), ctx.dataset.sector_names, order)


def sector_figure(matrix: pd.DataFrame, ctx) -> go.Figure:
    """Urusan (rows, taxonomy order) × region (columns), counts in the cells; an empty cell is an urusan
    the region has no innovation in."""
    label = ctx.label("sector")
    names = [wrap_label(label(v)) for v in matrix.index]
    columns = [wrap_label(v, NAME_WRAP) for v in matrix.columns]
    lines = max((name.count("<br>") + 1 for name in names), default=1)
    heatmap = dict(type="heatmap", z=matrix.to_numpy().tolist(), x=columns, y=names, colorscale=theme.SEQUENTIAL,
                   zmin=0, texttemplate="%{z}", xgap=2, ygap=2, showscale=False,
                   hovertemplate="%{y} · %{x}: %{z}<extra></extra>")
    height = 130 + len(names) * max(22, 15 * lines + 8)
    # two lines of region names over the columns: a little more room than charts.margins estimates for them
    return make_figure([heatmap], ctx.lang, height, dict(side="top", showgrid=False, type="category", tickangle=0),
                       dict(autorange="reversed", showgrid=False, type="category"),
                       margin=dict(t=16 + 21 * max(name.count("<br>") + 1 for name in columns)))


def sector_title(matrix: pd.DataFrame, ctx) -> str:
    table = regions.coverage(matrix, len(ctx.dataset.sector_names))
    top = table.iloc[0]
    return t("title.region_sector", ctx.lang, region=top["region"], count=format_int(top["sectors"], ctx.lang),
             total=format_int(len(ctx.dataset.sector_names), ctx.lang),
             years=years_text(regions.common_years(compared(ctx))) or "—")


def sector_summary(matrix: pd.DataFrame, ctx) -> str:
    table = regions.coverage(matrix, len(ctx.dataset.sector_names))
    what = t("region.drawn_sectors", ctx.lang, years=years_text(regions.common_years(compared(ctx))) or "—",
             total=format_int(len(ctx.dataset.sector_names), ctx.lang))
    return _summary(what, ((r, format_int(v, ctx.lang)) for r, v in zip(table["region"], table["sectors"])), ctx)


def sector_table(matrix: pd.DataFrame, ctx) -> pd.DataFrame:
    label = ctx.label("sector")
    shown = matrix.map(lambda v: format_int(v, ctx.lang))
    shown.index = [label(v) for v in matrix.index]
    return shown.rename_axis(ctx.dataset.column_label("sector", ctx.lang)).reset_index()


def coverage_summary(ctx) -> pd.DataFrame:
    """The heatmap in a phone's width: per region, the urusan it covers (of the taxonomy) and its top urusan."""
    matrix = sector_data(ctx)
    if matrix.empty:
        return pd.DataFrame()
    lang, label = ctx.lang, ctx.label("sector")
    table = regions.coverage(matrix, len(ctx.dataset.sector_names)).head(10)
    years = years_text(regions.common_years(compared(ctx))) or "—"
    return pd.DataFrame({
        t("column.region_name", lang): table["region"],
        t("column.region_sectors", lang, years=years): [f"{format_int(n, lang)} ({format_pct(s, lang)})"
                                                        for n, s in zip(table["sectors"], table["share"])],
        t("column.region_top_sector", lang): [f"{label(s)} ({format_int(n, lang)})"
                                              for s, n in zip(table["top"], table["top_count"])]})


# -- the index where evidence exists ----------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _index(dataset) -> pd.DataFrame:
    """Every region's index per edition, scored as /iid scores it (the evidence entered in the dashboard
    included), once per data version (an evidence change makes a new one)."""
    from analytics.iid.editions import load_editions

    editions = load_editions()
    return regions.index_by_region(dataset.frame, all_regions(dataset), [editions.get(y) for y in editions.years],
                                   default_evidence(dataset.source_label), entered=dataset.iid_evidence)


def index_data(ctx) -> pd.DataFrame:
    """Region, edition, index, band, n, evidence of the regions compared (the index is each region's whole:
    the filters do not narrow it); a region without evidence has rows that say so."""
    table = _index(ctx.dataset)
    chosen = set(ctx.filters.regions or all_regions(ctx.dataset))
    return table.loc[table["region"].isin(chosen)].reset_index(drop=True)


def index_figure(data: pd.DataFrame, ctx) -> go.Figure:
    """The index per edition (an integer year axis), one bar per region with evidence, its value on top."""
    known = data.loc[data["evidence"]]
    if known.empty:
        return empty_figure(ctx.lang)
    style = styles(ctx.dataset)
    traces = []
    for region, rows in known.groupby("region", sort=False):
        colour, pattern = style.get(region, (theme.NEUTRAL, ""))
        traces.append(dict(
            type="bar", x=rows["edition"].tolist(), y=rows["index"].astype(float).tolist(), name=region,
            showlegend=True,
            marker=dict(color=colour, pattern=dict(shape=pattern)), customdata=rows["edition"].tolist(),
            text=[format_number(v, ctx.lang, 2) for v in rows["index"]], textposition="outside", cliponaxis=False,
            hovertext=[band.label(ctx.lang) for band in rows["band"]],
            hovertemplate=t("region.edition", ctx.lang, year="%{x}") + f" · {region}: %{{text}} (%{{hovertext}})"
            + "<extra></extra>"))
    return make_figure(traces, ctx.lang, 340, dict(title={"text": t("axis.edition", ctx.lang)}, **theme.year_axis()),
                       dict(title={"text": t("axis.index", ctx.lang)}, range=[0, 100]), barmode="group")


def index_title(data: pd.DataFrame, ctx) -> str:
    known = data.loc[data["evidence"]]
    if known.empty:
        return t("title.region_index_none", ctx.lang, count=format_int(data["region"].nunique(), ctx.lang))
    latest = known.loc[known["edition"] == known["edition"].max()].sort_values("index", ascending=False).iloc[0]
    without = data.loc[~data["region"].isin(set(known["region"])), "region"].nunique()
    title = t("title.region_index", ctx.lang, region=latest["region"], edition=int(latest["edition"]),
              index=format_number(latest["index"], ctx.lang, 2), band=latest["band"].label(ctx.lang))
    if not without:
        return title
    return t("title.region_index_without", ctx.lang, title=title, count=format_int(without, ctx.lang))


def index_summary(data: pd.DataFrame, ctx) -> str:
    """Each region's index in the latest edition (one with evidence, if any has)."""
    lang, known = ctx.lang, data.loc[data["evidence"]]
    edition = int((known if len(known) else data)["edition"].max())
    rows = data.loc[data["edition"] == edition]
    figures = ((r, f"{format_number(v, lang, 2)} ({b.label(lang)})" if e else t("region.no_evidence", lang).lower())
               for r, v, b, e in zip(rows["region"], rows["index"], rows["band"], rows["evidence"]))
    return _summary(t("region.drawn_index", lang, edition=edition), figures, ctx)


def index_table(data: pd.DataFrame, ctx) -> pd.DataFrame:
    lang, none = ctx.lang, t("region.no_evidence", ctx.lang)
    return pd.DataFrame({
        t("column.region_name", lang): data["region"],
        t("axis.edition", lang): [t("region.edition", lang, year=int(y)) for y in data["edition"]],
        t("axis.index", lang): [format_number(v, lang, 2) if e else "—" for v, e in zip(data["index"],
                                                                                     data["evidence"])],
        t("column.predikat", lang): [b.label(lang) if e else none for b, e in zip(data["band"], data["evidence"])],
        t("column.assessed", lang): [format_int(n, lang) if e else "—" for n, e in zip(data["n"], data["evidence"])]})


def index_caption(ctx) -> str:
    """The index is each region's whole, from evidence: the view's filters do not narrow it."""
    return f"{source_caption(ctx.dataset, ctx.lang)} · {t('region.index_caption', ctx.lang)}"
