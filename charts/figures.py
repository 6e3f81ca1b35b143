"""Figure builders: small frames from analytics -> Plotly figures. Pure, no Dash.

Each `<chart>_figure(data, lang, ...)` draws what it is given; titles and captions live in the
page (HTML, so they wrap on a phone). Every bar carries its canonical value in `customdata`,
which is what a click applies as a filter (cross-filtering).

Traces and layout are written as plain dicts in Plotly's JSON form (nested keys, plain lists) and
wrapped without Plotly's validation, which cost more than the data behind a chart; the exports
validate their own copy (images.framed_figure), and tests/unit/charts/test_figures.py checks that
every figure validates to exactly itself.
"""

from __future__ import annotations

import textwrap
from typing import Callable

import pandas as pd
import plotly.graph_objects as go

from analytics import metrics
from charts import theme
from i18n import format_date, format_int, format_signed_pct, plotly_separators, t

Label = Callable[[object], str]
ROW_HEIGHT = 26
LIST_WRAP = 50  # characters per line of a name written above its bar


def _keys(values: pd.Series) -> list:
    """Bar keys for `customdata` as a plain list: Plotly sends a numeric column as a typed array,
    which plotly.js leaves out of click events, so a click on a year bar would carry no year."""
    return values.tolist()


def _list(values) -> list:
    """A column as a plain list (what validation would have made of a Series)."""
    return values.tolist() if hasattr(values, "tolist") else list(values)


def wrap_label(text: str, width: int = 34) -> str:
    """Break a long name over lines ("<br>") so a horizontal bar's label stays readable on a phone."""
    return "<br>".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def rows_height(names: list[str], minimum: int = ROW_HEIGHT) -> int:
    """Room for every row: Plotly gives each category the same height, so the tallest label sets it."""
    lines = max((name.count("<br>") + 1 for name in names), default=1)
    return max(len(names), 3) * max(minimum, 15 * lines + 8)


def _headroom(values) -> list[float]:
    """An axis range leaving room for the counts written outside the bars' ends."""
    top = float(max(values, default=0)) or 1.0
    return [0, top * 1.15]


def make_figure(traces: list[dict], lang: str, height: int, xaxis: dict | None = None, yaxis: dict | None = None,
            **layout) -> go.Figure:
    """The figure of these trace dicts, unvalidated: the template (as its dict, so the figure draws the
    same wherever it is sent), separators and axes."""
    return go.Figure(dict(data=traces, layout=dict(
        template=theme.template_dict(), separators=plotly_separators(lang), height=height,
        xaxis=xaxis or {}, yaxis=yaxis or {}, **layout)), _validate=False)


def _title(text: str | None) -> dict:
    return {"text": text} if text else {}


def empty_figure(lang: str) -> go.Figure:
    """The empty state: no axes, one sentence saying the filters match nothing."""
    note = dict(text=t("chart.empty", lang), showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                font=dict(size=15))
    return make_figure([], lang, 220, dict(visible=False), dict(visible=False), annotations=[note])


def trend_figure(counts: pd.DataFrame, lang: str) -> go.Figure:
    """Innovations per year (counts_by_year): dark-blue bars on an integer year axis, counts on top."""
    if counts.empty or counts["count"].sum() == 0:
        return empty_figure(lang)
    bar = dict(
        type="bar", x=_list(counts["year"]), y=_list(counts["count"]), marker=dict(color=theme.BAR),
        customdata=_keys(counts["year"]), text=[format_int(v, lang) for v in counts["count"]],
        textposition="outside", cliponaxis=False, hovertemplate="%{x}: %{text}<extra></extra>",
        name=t("axis.count", lang))
    return make_figure([bar], lang, 340, dict(title=_title(t("axis.year", lang)), **theme.year_axis()),
                   dict(title=_title(t("axis.count", lang)), range=_headroom(counts["count"]), tickformat=",d"))


def _bar_list_axis(names: list[str]) -> dict:
    """A category axis for a bar list: each name written above its bar, across the plot's width,
    so long agency and urusan names stay readable on a 390 px phone (the counts are on the bars,
    so the value axis shows no ticks)."""
    return dict(autorange="reversed", categoryorder="array", categoryarray=names, ticklabelposition="inside top",
                ticks="", showgrid=False, tickfont=dict(size=12), automargin=False)


def _bar_list_geometry(names: list[str]) -> tuple[int, dict]:
    """Height of a bar list and where each bar sits in its row: just below its name, which Plotly
    writes ("inside top") with its last line ending at the row's centre."""
    row = 14 * max((name.count("<br>") + 1 for name in names), default=1) + 30
    return max(len(names), 3) * row, dict(offset=9 / row, width=18 / row)


def ranking_figure(ranked: pd.DataFrame, lang: str, axis_key: str, label: Label | None = None,
                   wrap: int = LIST_WRAP, colours: list[str] | None = None) -> go.Figure:
    """Horizontal bars, most at the top (rank(...) output: value, count, share); each name above its bar,
    broken after `wrap` characters (a wide page such as the report's can keep every name on one line);
    `colours`: one per bar (e.g. this regency's apart from other regions'), else one dark blue, with the
    summed "Lainnya" row of a top-N ranking in grey: it is often the longest bar and is not a rival."""
    if ranked.empty:
        return empty_figure(lang)
    label = label or str
    names = [wrap_label(label(v), wrap) for v in ranked["value"]]
    height, geometry = _bar_list_geometry(names)
    if colours is None and (ranked["value"] == metrics.OTHERS).any():
        colours = [theme.OTHERS if value == metrics.OTHERS else theme.BAR for value in ranked["value"]]
    bar = dict(
        type="bar", x=_list(ranked["count"]), y=names, orientation="h", marker=dict(color=colours or theme.BAR),
        customdata=_list(ranked["value"]), text=[format_int(v, lang) for v in ranked["count"]],
        textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>", **geometry)
    return make_figure([bar], lang, 80 + height,
                   dict(title=_title(t(axis_key, lang)), range=_headroom(ranked["count"]), showticklabels=False,
                        showgrid=False),
                   _bar_list_axis(names))


def sector_figure(ranking: pd.DataFrame, lang: str, label: Label, group_label: Label) -> go.Figure:
    """Urusan ranked within their groups (sector_ranking output), one colour per group."""
    if ranking.empty:
        return empty_figure(lang)
    names = [wrap_label(label(v), LIST_WRAP) for v in ranking["sector"]]
    height, geometry = _bar_list_geometry(names)
    traces = []
    for i, (group, rows) in enumerate(ranking.groupby("group", dropna=False, sort=False)):
        group = None if pd.isna(group) else group
        colour = theme.PALETTE[i % len(theme.PALETTE)] if group is not None else theme.NEUTRAL
        traces.append(dict(
            type="bar", x=_list(rows["count"]), y=[names[j] for j in rows.index], orientation="h",
            name=group_label(group), marker=dict(color=colour), customdata=_list(rows["sector"]), cliponaxis=False,
            textposition="outside", text=[format_int(v, lang) for v in rows["count"]],
            hovertemplate="%{y}: %{text}<extra></extra>", **geometry))
    return make_figure(traces, lang, 110 + height,
                   dict(title=_title(t("axis.count", lang)), range=_headroom(ranking["count"]), showticklabels=False,
                        showgrid=False),
                   _bar_list_axis(names))


def breakdown_figure(breakdown: pd.DataFrame, lang: str, label: Label) -> go.Figure:
    """Stacked bars per year, one colour per value (breakdown_by_year output); "Tidak diisi" in grey."""
    if breakdown.empty:
        return empty_figure(lang)
    traces = []
    colours = iter(theme.PALETTE)
    for value in dict.fromkeys(breakdown["value"]):
        rows = breakdown[breakdown["value"].map(lambda v: v == value if value is not None else v is None)]
        colour = theme.NEUTRAL if value is None else next(colours, theme.NEUTRAL)
        traces.append(dict(type="bar", x=_list(rows["year"]), y=_list(rows["count"]), name=label(value),
                           marker=dict(color=colour, line=dict(color="#FFFFFF", width=1)),
                           customdata=_keys(rows["year"]),
                           hovertemplate="%{x} · " + label(value) + ": %{y:,d}<extra></extra>"))
    return make_figure(traces, lang, 380, dict(title=_title(t("axis.year", lang)), **theme.year_axis()),
                   dict(title=_title(t("axis.count", lang)), tickformat=",d"), barmode="stack")


def yoy_figure(changes: pd.DataFrame, lang: str) -> go.Figure:
    """Year-over-year change in percent (year_over_year output): falls in vermillion, rises in blue; a
    partial year (compared over the same period) hatched, its hover saying how far its data runs."""
    data = changes.dropna(subset=["change_pct"])
    if data.empty:
        return empty_figure(lang)
    untils = data["until"] if "until" in data else [None] * len(data)
    notes = ["" if until is None else " · " + t("yoy.until", lang, until=format_date(until, "day", lang))
             for until in untils]
    bar = dict(
        type="bar", x=_list(data["year"]), y=_list(data["change_pct"]),
        text=[format_signed_pct(v, lang, 0) for v in data["change_pct"]],
        marker=dict(color=[theme.NEGATIVE if v < 0 else theme.POSITIVE for v in data["change_pct"]],
                    pattern=dict(shape=["" if until is None else "/" for until in untils])),
        textposition="outside", cliponaxis=False, customdata=_keys(data["year"]), hovertext=notes,
        hovertemplate="%{x}: %{text}%{hovertext}<extra></extra>")
    return make_figure([bar], lang, 320, dict(title=_title(t("axis.year", lang)), **theme.year_axis()),
                   dict(title=_title(t("axis.change", lang)), tickformat=".0%", zeroline=True,
                        zerolinecolor="#6C757D"))


def heatmap_figure(matrix: pd.DataFrame, lang: str, label: Label | None = None) -> go.Figure:
    """Rows (agencies or sectors) × years (year_matrix output), counts written in the cells."""
    if matrix.empty or matrix.to_numpy().sum() == 0:
        return empty_figure(lang)
    label = label or str
    names = [wrap_label(label(v)) for v in matrix.index]
    heatmap = dict(
        type="heatmap", z=matrix.to_numpy().tolist(), x=_list(matrix.columns), y=names, colorscale=theme.SEQUENTIAL,
        zmin=0,
        texttemplate="%{z}", xgap=2, ygap=2, showscale=False,
        customdata=[[v] * matrix.shape[1] for v in matrix.index], hovertemplate="%{y} · %{x}: %{z}<extra></extra>")
    return make_figure([heatmap], lang, 100 + rows_height(names, minimum=22),
                   dict(title=_title(t("axis.year", lang)), side="top", showgrid=False, **theme.year_axis()),
                   dict(autorange="reversed", showgrid=False))


def compliance_figure(compliance: pd.DataFrame, lang: str) -> go.Figure:
    """One Agency One Innovation per year (compliance_by_year output): share of registered agencies."""
    if compliance.empty or compliance["register"].max() == 0:
        return empty_figure(lang)
    text = [f"{format_int(n, lang)}/{format_int(total, lang)}"
            for n, total in zip(compliance["innovating"], compliance["register"])]
    bar = dict(
        type="bar", x=_list(compliance["year"]), y=_list(compliance["rate"]), marker=dict(color=theme.BAR), text=text,
        customdata=_keys(compliance["year"]), textposition="outside", cliponaxis=False,
        hovertemplate="%{x}: %{y:.0%} (%{text})<extra></extra>")
    return make_figure([bar], lang, 320, dict(title=_title(t("axis.year", lang)), **theme.year_axis()),
                   dict(title=_title(t("axis.rate", lang)), tickformat=".0%", range=[0, 1.08]))
