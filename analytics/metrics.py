"""Aggregations of the canonical frame: pure pandas, no Dash, used by pages, exports and the CLI.

Every function takes an already filtered frame (see Filters.apply) unless it says otherwise,
and returns a small frame with plain columns, ready to draw or to show as a table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.filters import Filters
from analytics.partial import RECORD_DATE, PartialYear, partial_year


def year_span(frame: pd.DataFrame, filters: Filters | None = None) -> tuple[int, int] | None:
    """The years a view covers: the filter's range, completed by the data's first/last year."""
    years = frame["year"].dropna()
    start = filters.year_from if filters and filters.year_from is not None else None
    end = filters.year_to if filters and filters.year_to is not None else None
    if start is None and len(years):
        start = int(years.min())
    if end is None and len(years):
        end = int(years.max())
    if start is None or end is None or start > end:
        return None
    return int(start), int(end)


def counts_by_year(frame: pd.DataFrame, span: tuple[int, int] | None = None) -> pd.DataFrame:
    """Innovations per year: columns year (int), count; every year of `span` present (0 when none)."""
    counts = frame["year"].dropna().astype(int).value_counts()
    span = span or ((int(counts.index.min()), int(counts.index.max())) if len(counts) else None)
    if span is None:
        return pd.DataFrame({"year": pd.Series(dtype=int), "count": pd.Series(dtype=int)})
    years = range(span[0], span[1] + 1)
    return pd.DataFrame({"year": list(years), "count": [int(counts.get(y, 0)) for y in years]})


def year_over_year(counts: pd.DataFrame, partial: PartialYear | None = None) -> pd.DataFrame:
    """From counts_by_year: year, count, previous, change (absolute), change_pct (ratio; NaN without a
    base) and until (the date a partial year's data runs to, else None). A `partial` year is compared
    with the same period of the year before, or not at all (NaN) when that cannot be told."""
    out = counts.copy()
    out["previous"] = out["count"].shift(1)
    out["until"] = pd.Series([None] * len(out), index=out.index, dtype="object")
    if partial is not None:
        at = out["year"] == partial.year
        out.loc[at, "previous"] = float("nan") if partial.same_period is None else partial.same_period
        out.loc[at, "until"] = partial.until
    out["change"] = out["count"] - out["previous"]
    base = out["previous"].where(out["previous"] > 0)
    out["change_pct"] = (out["change"] / base).astype(float)
    out = out.iloc[1:].reset_index(drop=True)
    out["previous"] = out["previous"].astype("Int64")
    out["change"] = out["change"].astype("Int64")
    return out[["year", "count", "previous", "change", "change_pct", "until"]]


def rank(frame: pd.DataFrame, column: str, top: int | None = None, counts: pd.Series | None = None) -> pd.DataFrame:
    """Values of `column` by count: value, count, share (of all rows); most first, ties by name.
    `counts`: the value counts of `column` in `frame` when already known (views.Context.value_counts)."""
    counts = frame[column].dropna().value_counts() if counts is None else counts
    out = pd.DataFrame({"value": counts.index.astype(str), "count": counts.to_numpy(dtype=int)})
    out = out.sort_values(["count", "value"], ascending=[False, True], kind="stable").reset_index(drop=True)
    total = len(frame)
    out["share"] = out["count"] / total if total else 0.0
    return out.head(top).reset_index(drop=True) if top else out


OTHERS = "\x00others"  # the value of the summed "Lainnya" row of a top-N ranking (labelled by the views)


def top_and_others(ranked: pd.DataFrame, top: int) -> pd.DataFrame:
    """The first `top` rows of a rank(...) frame and one OTHERS row summing the rest (count, share).

    A single leftover row is kept as itself: "Lainnya" for one name hides it for nothing."""
    if len(ranked) <= top + 1:
        return ranked.reset_index(drop=True)
    rest = ranked.iloc[top:]
    others = pd.DataFrame({"value": [OTHERS], "count": [int(rest["count"].sum())], "share": [rest["share"].sum()]})
    return pd.concat([ranked.head(top), others], ignore_index=True)


def matrix_top_and_others(matrix: pd.DataFrame, top: int) -> pd.DataFrame:
    """The first `top` rows of a year_matrix(...) and one OTHERS row summing the rest, year by year."""
    if len(matrix) <= top + 1:
        return matrix
    others = matrix.iloc[top:].sum(axis=0).to_frame(OTHERS).T
    folded = pd.concat([matrix.head(top), others.astype(int)])
    folded.index.name, folded.columns.name = matrix.index.name, matrix.columns.name
    return folded


def breakdown_by_year(frame: pd.DataFrame, column: str, span: tuple[int, int] | None = None) -> pd.DataFrame:
    """year, value, count for every (year, value) pair; missing values kept as None (shown "Tidak diisi")."""
    data = frame[["year", column]].dropna(subset=["year"])
    grouped = data.groupby([data["year"].astype(int), data[column]], dropna=False, observed=True).size()
    out = grouped.rename("count").reset_index().rename(columns={column: "value"})
    out["value"] = out["value"].astype(object).where(out["value"].notna(), None)
    if span is not None:
        out = out[(out["year"] >= span[0]) & (out["year"] <= span[1])]
    totals = out.groupby("value", dropna=False)["count"].transform("sum")
    out = out.assign(_total=totals, _missing=out["value"].isna(), _name=out["value"].fillna("").astype(str))
    out = out.sort_values(["_missing", "_total", "_name", "year"], ascending=[True, False, True, True], kind="stable")
    return out.drop(columns=["_total", "_missing", "_name"]).reset_index(drop=True)


def cross_counts(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """Rows of `frame` per value of `column` (index) and year (columns), over the rows that have both."""
    data = frame[["year", column]].dropna()
    return pd.crosstab(data[column], data["year"].astype(int))


def year_matrix(frame: pd.DataFrame, column: str, span: tuple[int, int] | None = None,
                counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counts of `column` × year: index = values (most innovations first), columns = every year of span.
    `counts`: cross_counts(frame, column) when already known (views.Context.cross_counts)."""
    counts = cross_counts(frame, column) if counts is None else counts
    span = span or year_span(frame)
    years = list(range(span[0], span[1] + 1)) if span else []
    matrix = counts.reindex(columns=years, fill_value=0)
    matrix = matrix.astype(int)
    order = matrix.sum(axis=1).sort_values(ascending=False, kind="stable")
    matrix = matrix.loc[sorted(order.index, key=lambda v: (-order[v], str(v)))]
    matrix.index.name, matrix.columns.name = column, "year"
    return matrix


def options(frame: pd.DataFrame, filters: Filters, column: str) -> pd.DataFrame:
    """Options for one filter, cascading: values of `column` under every *other* active filter.

    value, count; values already chosen stay listed (count 0) so the user can remove them.
    """
    field = next(row.key for row in filters.rows() if row.column == column)
    values = frame[column][filters.mask(frame, without=field)]
    counts = values.dropna().value_counts()
    counts = pd.DataFrame({"value": counts.index.astype(str), "count": counts.to_numpy(dtype=int)})
    counts = counts.sort_values(["count", "value"], ascending=[False, True], kind="stable").reset_index(drop=True)
    chosen = getattr(filters, field)
    chosen = chosen if isinstance(chosen, tuple) else (chosen,) if chosen else ()
    missing = [v for v in chosen if v not in set(counts["value"])]
    if missing:
        counts = pd.concat([counts, pd.DataFrame({"value": missing, "count": 0})], ignore_index=True)
    return counts


@dataclass(frozen=True)
class Summary:
    """The KPI figures of a view."""

    total: int
    agencies: int
    register: int
    year: int | None = None        # the last year of the view
    count: int | None = None       # innovations in that year
    previous: int | None = None    # innovations in the year before (same non-year filters); for a
    change: float | None = None    # (count - previous) / previous       partial year, by the same day
    until: dt.date | None = None   # the last year is partial: its data runs up to this date


def summarise(frame: pd.DataFrame, filters: Filters, register: tuple[str, ...] = (),
              on: dt.date | None = None, encoded=None) -> Summary:
    """KPIs of `filters` on the *unfiltered* `frame`: total in view, change of the last year vs the
    year before it (looked up even when that year is outside the chosen range), agencies active.
    When the last year has not ended on `on` (default today) it is compared over the same period
    only, or not at all (analytics.partial). `encoded`: the frame's analytics.encoded.Encoded, if made."""
    rows = filters.mask(frame, encoded=encoded)
    span = year_span(frame, filters)
    agencies = (len(encoded.value_counts("agency", rows)) if encoded is not None
                else int(frame.loc[rows, "agency"].nunique()))
    summary = Summary(total=int(rows.sum()), agencies=agencies, register=len(register))
    if span is None or not rows.any():
        return summary
    years = encoded.years if encoded is not None else frame["year"].to_numpy(dtype="float64", na_value=np.nan)
    year = int(np.nanmax(years[rows])) if (~np.isnan(years[rows])).any() else span[1]
    around = filters.replace(year_from=year - 1, year_to=year).mask(frame, encoded=encoded)
    count, previous = int((years[around] == year).sum()), int((years[around] == year - 1).sum())
    partial = partial_year(frame.loc[around, [c for c in ("year", RECORD_DATE) if c in frame]], year, on)
    if partial is not None:
        previous = partial.same_period
    change = (count - previous) / previous if previous else None
    return Summary(summary.total, summary.agencies, summary.register, year, count, previous, change,
                   partial.until if partial else None)


@dataclass(frozen=True)
class Finding:
    """The main finding of a view, as numbers; the sentence is made by the catalog."""

    kind: str  # "down" | "up" | "flat" | "single" | "none" | "partial" (a partial year, not compared)
    year: int | None = None
    previous_year: int | None = None
    count: int = 0
    previous: int = 0              # for a partial year compared: the year before by the same day
    ratio: float | None = None
    agencies: int = 0
    until: dt.date | None = None   # the last year is partial: its data runs up to this date


def main_finding(frame: pd.DataFrame, span: tuple[int, int] | None = None, on: dt.date | None = None,
                 agencies: int | None = None) -> Finding:
    """Compare the last two years of the view ("turun 16% dari 2016 ke 2017"); one year -> its count.
    A last year not ended on `on` (default today) is compared over the same period of the year
    before, else not compared ("partial"): never a fall of a half year against a whole one.
    `agencies`: how many agencies the view holds, when already known."""
    counts = counts_by_year(frame, span)
    if counts.empty or counts["count"].sum() == 0:
        return Finding("none")
    agencies = int(frame["agency"].nunique()) if agencies is None else agencies
    if len(counts) == 1:
        year = int(counts["year"].iloc[0])
        return Finding("single", year=year, count=int(counts["count"].iloc[0]), agencies=agencies)
    last, before = counts.iloc[-1], counts.iloc[-2]
    count, previous = int(last["count"]), int(before["count"])
    partial = partial_year(frame, int(last["year"]), on)
    until = partial.until if partial else None
    if partial is not None and not partial.same_period:
        return Finding("partial", int(last["year"]), int(before["year"]), count, previous, None, agencies, until)
    previous = partial.same_period if partial else previous
    ratio = (count - previous) / previous if previous else None
    kind = "flat" if count == previous else "down" if count < previous else "up"
    return Finding(kind, int(last["year"]), int(before["year"]), count, previous, ratio, agencies, until)


def sector_ranking(frame: pd.DataFrame, sector_group: dict[str, str], group_order: list[str],
                   counts: pd.Series | None = None) -> pd.DataFrame:
    """sector, group, count: grouped by the urusan groups (in `group_order`, unknown last), most first.
    `counts`: the value counts of "sector" in `frame` when already known (as for `rank`)."""
    ranked = rank(frame, "sector", counts=counts).rename(columns={"value": "sector"})
    ranked["group"] = ranked["sector"].map(sector_group).astype(object)
    ranked["group"] = ranked["group"].where(ranked["group"].notna(), None)
    position = {group: i for i, group in enumerate(group_order)}
    ranked["_order"] = ranked["group"].map(lambda g: position.get(g, len(position)))
    ranked = ranked.sort_values(["_order", "count", "sector"], ascending=[True, False, True], kind="stable")
    return ranked.drop(columns="_order").reset_index(drop=True)


def group_totals(ranking: pd.DataFrame) -> pd.DataFrame:
    """From sector_ranking: group, count, share — the groups in the ranking's order."""
    totals = ranking.groupby("group", dropna=False, sort=False)["count"].sum().reset_index()
    total = totals["count"].sum()
    totals["share"] = totals["count"] / total if total else 0.0
    return totals


def sectors_without_innovation(frame: pd.DataFrame, sector_names: list[str]) -> list[str]:
    """The urusan of the taxonomy with no innovation in `frame`, in taxonomy order."""
    present = set(frame["sector"].dropna())
    return [name for name in sector_names if name not in present]
