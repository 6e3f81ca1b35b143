"""KIPP readiness as views: the one cached evaluation per data version and edition, and the two
readiness charts (by year, by agency) as plain data → figure, title and table functions.

`charts.views` registers the charts as `readiness` and `readiness-agency`, so the /kipp page, its
"Unduh grafik" menu, the report and `python app.py chart readiness` draw the same numbers (STYLE.md §1).
Readiness is judged on the whole data (duplicate titles are looked for across it) and only then
narrowed to the view. The edition comes from the view's option "edition" (default: the latest).

Pure: no Dash, and no import of charts.views (which imports this module). A `ctx` here is a
`views.Context`, used duck-typed: `.dataset`, `.view`, `.options`, `.lang`.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from charts import theme
from analytics.kipp.editions import EditionError, load_editions
from analytics.kipp.statuses import READY, REGISTRY, status_label
from analytics.kipp.readiness import Readiness, count_table, evaluate, status_codes
from analytics.kipp.workspace import apply_overlay
from charts.figures import make_figure, rows_height, wrap_label
from i18n import format_int, t

AGENCY_TOP = 15  # agencies drawn in the by-agency chart (its table holds every agency)
LABEL_WIDTH = 30  # characters per line of an agency name on the by-agency chart


# -- data -------------------------------------------------------------------------------------------

def edition_year(value) -> int:
    """The edition asked for (URL, selector or CLI), else the latest in kipp_editions.toml."""
    editions = load_editions()
    try:
        return editions.get(int(value)).year if value not in (None, "") else editions.latest.year
    except (EditionError, TypeError, ValueError):
        return editions.latest.year


def context_year(ctx, edition=None) -> int:
    """The edition of a view: `edition` when given, else the view's option "edition", else the latest."""
    return edition_year(edition if edition is not None else ctx.options.get("edition"))


@functools.lru_cache(maxsize=16)
def edition_frame(dataset, year: int) -> pd.DataFrame:
    """The dataset's frame with the proposal workspaces of edition `year` laid over it (the edited
    texts count; analytics.kipp.workspace), once per data version: what readiness and drafts read."""
    return apply_overlay(dataset.frame, dataset.workspaces, year)


@functools.lru_cache(maxsize=16)
def readiness_of(dataset, year: int) -> Readiness:
    """The readiness of the whole dataset for one edition, computed once per data version
    (a new data version is a new Dataset object, so old entries simply age out)."""
    return evaluate(edition_frame(dataset, year), load_editions().get(year))


def _view_positions(whole: Readiness, ctx) -> np.ndarray:
    """Row positions in `whole` of the rows in view, in the view's order (as Readiness.select)."""
    rows = getattr(ctx, "rows", None)
    if rows is not None and len(rows) == len(whole.table) and whole.table.index.equals(ctx.dataset.frame.index):
        return np.flatnonzero(rows)  # the whole data judged in the dataset's order: the view's rows as they are
    positions = whole.table.index.get_indexer(pd.Index(ctx.view.index))
    return positions[positions >= 0]


def view_readiness(ctx, year: int) -> Readiness:
    """The readiness of the rows in view, every check included (judged on the whole data)."""
    return readiness_of(ctx.dataset, year).select(ctx.view.index)


def view_statuses(ctx, year: int) -> Readiness:
    """The readiness table of the rows in view without their checks: enough for counts and charts,
    and much cheaper than `view_readiness` on a large dataset."""
    whole = readiness_of(ctx.dataset, year)
    return Readiness(whole.edition, whole.table.iloc[_view_positions(whole, ctx)], ())


@functools.lru_cache(maxsize=16)
def _ready_rows(dataset, year: int) -> np.ndarray:
    """Which rows of the whole dataset are Siap for edition `year` (once per data version and edition)."""
    return readiness_of(dataset, year).table["status"].to_numpy(dtype=object) == READY.name


def ready_count(ctx, year: int) -> int:
    """How many innovations in view are Siap for edition `year` (the overview's `kpi-ready`)."""
    whole = readiness_of(ctx.dataset, year)
    return int(_ready_rows(ctx.dataset, year)[_view_positions(whole, ctx)].sum())


@functools.lru_cache(maxsize=16)
def _status_codes(dataset, year: int, by: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`status_codes` of the whole dataset's readiness (once per data version, edition and `by`)."""
    return status_codes(readiness_of(dataset, year), by)


def view_status_counts(ctx, by: str) -> pd.DataFrame:
    """`status_counts` of the rows in view, counted from the whole data's codes (no view table is made)."""
    year = context_year(ctx)
    codes, values, status = _status_codes(ctx.dataset, year, by)
    positions = _view_positions(readiness_of(ctx.dataset, year), ctx)
    return count_table(codes[positions], values, status[positions], by)


def counts_by_year(ctx) -> pd.DataFrame:
    """Innovations in view per year (rows, int) and status (columns, in the registry's order)."""
    counts = view_status_counts(ctx, "year")
    counts.index = counts.index.astype(int)
    return counts


def counts_by_agency(ctx) -> pd.DataFrame:
    """Innovations in view per agency (rows, "-" for none) and status (columns)."""
    return view_status_counts(ctx, "agency")


# -- figures (pure Plotly) --------------------------------------------------------------------------

def _stacked(counts: pd.DataFrame, lang: str, horizontal: bool) -> list[dict]:
    """One bar trace per status, stacked, Siap first; the bar's value is its customdata (for clicks)."""
    labels = [wrap_label(str(v), LABEL_WIDTH) for v in counts.index]
    axis = "x" if horizontal else "y"
    traces = []
    for status in REGISTRY:
        values = counts[status.name].tolist() if status.name in counts else [0] * len(counts)
        label = status.label(lang)
        bar = dict(type="bar", name=label, marker=dict(color=status.colour, line=dict(color="#FFFFFF", width=1)),
                   customdata=list(counts.index),
                   hovertemplate="%{customdata} · " + label + ": %{" + axis + ":,d}<extra></extra>")
        if horizontal:
            traces.append(dict(bar, x=values, y=labels, orientation="h"))
        else:
            traces.append(dict(bar, x=list(counts.index), y=values))
    return traces


def readiness_year_figure(counts: pd.DataFrame, lang: str) -> go.Figure:
    """Innovations per year (rows) and status (columns, status_counts output), stacked."""
    return make_figure(_stacked(counts, lang, horizontal=False), lang, 360,
                       dict(title=dict(text=t("axis.year", lang)), **theme.year_axis()),
                       dict(title=dict(text=t("axis.count", lang)), tickformat=",d"),
                       barmode="stack", legend=dict(traceorder="normal"))


def rank_agencies(counts: pd.DataFrame, top: int | None = None) -> pd.DataFrame:
    """Agencies by most Siap, then most innovations, then name."""
    ranked = counts.assign(_total=counts.sum(axis=1), _name=counts.index.astype(str)).sort_values(
        [READY.name, "_total", "_name"], ascending=[False, False, True], kind="stable")
    return ranked.drop(columns=["_total", "_name"]).head(top)


def readiness_agency_figure(counts: pd.DataFrame, lang: str, top: int = AGENCY_TOP) -> go.Figure:
    """The `top` agencies with the most Siap (then most innovations), stacked by status; long names
    wrap over lines and the chart grows with them."""
    ranked = rank_agencies(counts, top)
    names = [wrap_label(str(v), LABEL_WIDTH) for v in ranked.index]
    return make_figure(_stacked(ranked, lang, horizontal=True), lang, 140 + rows_height(names),
                       dict(title=dict(text=t("axis.count", lang)), tickformat=",d"), dict(autorange="reversed"),
                       barmode="stack", legend=dict(traceorder="normal"))


# -- titles that state the finding, and the tables behind the charts --------------------------------

def year_title(counts: pd.DataFrame, ctx) -> str:
    """ "12 dari 67 inovasi siap diusulkan ke KIPP 2023"."""
    edition = readiness_of(ctx.dataset, context_year(ctx)).edition
    return t("title.readiness", ctx.lang, ready=format_int(int(counts[READY.name].sum()), ctx.lang),
             total=format_int(int(counts.to_numpy().sum()), ctx.lang), edition=edition.label)


def agency_title(counts: pd.DataFrame, ctx) -> str:
    """The agency with the most Siap innovations, or that none is ready yet."""
    best = rank_agencies(counts, 1)[READY.name]
    if best.iloc[0] <= 0:
        return t("title.readiness_agency_none", ctx.lang)
    return t("title.readiness_agency", ctx.lang, agency=best.index[0], count=format_int(best.iloc[0], ctx.lang))


def _status_table(counts: pd.DataFrame, first: str, lang: str) -> pd.DataFrame:
    """The counts as display strings: one row per year/agency, one column per status label."""
    table = counts.rename(columns=lambda s: status_label(s, lang)).map(lambda v: format_int(v, lang))
    table = table.rename_axis(first).reset_index()
    table[first] = table[first].astype(str)
    return table


def year_table(counts: pd.DataFrame, ctx) -> pd.DataFrame:
    """Year, then the count per status."""
    return _status_table(counts, t("axis.year", ctx.lang), ctx.lang)


def agency_table(counts: pd.DataFrame, ctx) -> pd.DataFrame:
    """Agency (every one, not only the charted top), then the count per status."""
    return _status_table(counts, ctx.dataset.column_label("agency", ctx.lang), ctx.lang)
