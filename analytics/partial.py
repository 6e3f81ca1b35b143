"""The current year is partial: until it ends, its innovations are the ones recorded so far.

A year that has not ended (today's year, or a later one) is compared with the year before only over
the same period — the year before's innovations recorded (`input_date`, the index's "Tanggal
Input") by the same day — and only when every one of those has a date; otherwise it is not compared
at all. So a half-recorded year is never shown as a fall against a whole one. Pure pandas.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

RECORD_DATE = "input_date"   # when an innovation was recorded: what places it within its year


def today() -> dt.date:
    """Today's date (one place, so tests can fix it)."""
    return dt.date.today()


@dataclass(frozen=True)
class PartialYear:
    """A year whose data is not complete yet."""

    year: int
    until: dt.date                 # the year's data runs up to this date
    same_period: int | None        # innovations of year - 1 recorded by the same day (None: cannot tell)


def same_day(date: dt.date, year: int) -> dt.date:
    """`date` in `year` (29 February becomes the 28th)."""
    try:
        return date.replace(year=year)
    except ValueError:
        return date.replace(year=year, day=28)


def _dates(frame: pd.DataFrame, year: int) -> pd.Series:
    rows = frame.loc[frame["year"] == year]
    if RECORD_DATE not in rows:
        return pd.Series([pd.NaT] * len(rows), dtype="datetime64[ns]")
    return pd.to_datetime(rows[RECORD_DATE])


def partial_year(frame: pd.DataFrame, year: int | None, on: dt.date | None = None) -> PartialYear | None:
    """`year` as a PartialYear when it has not ended on `on` (default: today), else None.

    Its data runs up to the latest recording date of its rows that is not after `on` (else `on`).
    `frame` must hold the rows of `year - 1` too (the same filters) for the same-period count."""
    on = on or today()
    if year is None or year < on.year:
        return None
    dates = _dates(frame, year).dropna()
    dates = dates[dates.dt.date <= on]
    until = dates.max().date() if len(dates) else on
    before = _dates(frame, year - 1)
    same_period = None
    if len(before) and before.notna().all():
        same_period = int((before.dt.date <= same_day(until, year - 1)).sum())
    return PartialYear(year, until, same_period)
