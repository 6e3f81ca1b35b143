"""A data version's view columns as integer codes, made once, so that a filter change selects and
counts rows with numpy (`np.isin` and `np.bincount` over small integers) instead of comparing and
hashing 100,000 strings per filter and per chart.

`Encoded.of(frame)` is built lazily per data version (analytics.dataset.Dataset.encoded); what it
answers is what pandas answers on the same rows (tests/unit/analytics/test_encoded.py):
`masks` as `Filters.masks(frame)`, `value_counts(column, rows)` as
`frame[rows][column].dropna().value_counts()`, `cross_counts(column, rows)` as the crosstab of
that column and the year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

CODED_COLUMNS = ("agency", "sector", "stage", "kind", "form", "initiator", "region")
MISSING = -1  # the code of a missing value


@dataclass(frozen=True, eq=False)
class Encoded:
    """The year (float, NaN when missing) and each coded column's codes and values, of one frame."""

    length: int
    years: np.ndarray
    codes: dict[str, np.ndarray]
    values: dict[str, np.ndarray]
    _lookup: dict[str, dict] = field(default_factory=dict, repr=False)
    _unset: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, frame: pd.DataFrame) -> "Encoded":
        codes, values = {}, {}
        for column in CODED_COLUMNS:
            if column in frame:
                found, uniques = pd.factorize(frame[column].astype(object), use_na_sentinel=True)
                codes[column], values[column] = found.astype(np.int32), np.asarray(uniques, dtype=object)
        years = frame["year"].to_numpy(dtype="float64", na_value=np.nan)
        return cls(len(frame), years, codes, values)

    def code_of(self, column: str) -> dict:
        """value -> code, for the values of `column`."""
        if column not in self._lookup:
            self._lookup[column] = {value: code for code, value in enumerate(self.values[column])}
        return self._lookup[column]

    def is_any(self, column: str, chosen) -> np.ndarray:
        """Rows whose `column` is one of `chosen` (as `Series.isin`)."""
        lookup = self.code_of(column)
        wanted = np.zeros(len(self.values[column]) + 1, dtype=bool)  # the last: MISSING (-1), never chosen
        wanted[[lookup[value] for value in chosen if value in lookup]] = True
        return wanted[self.codes[column]]

    def unset_mask(self, key: str, column: str, unset) -> np.ndarray:
        """The rows a filter row left unset keeps (`FilterField.unset` of the column), once per data version."""
        if key not in self._unset:
            kept = np.asarray(unset(pd.Series(self.values[column], dtype=object)), dtype=bool)
            missing = bool(unset(pd.Series([None], dtype=object))[0])
            self._unset[key] = np.append(kept, missing)[self.codes[column]]  # MISSING (-1) picks the last
        return self._unset[key]

    def value_counts(self, column: str, rows: np.ndarray) -> pd.Series:
        """value -> count of `column` over the selected rows, missing values left out, most first."""
        codes = self.codes[column][rows]
        counts = np.bincount(codes[codes != MISSING], minlength=len(self.values[column]))
        present = np.flatnonzero(counts)
        order = present[np.argsort(-counts[present], kind="stable")]
        return pd.Series(counts[order], index=pd.Index(self.values[column][order], name=column), name="count")

    def cross_counts(self, column: str, rows: np.ndarray) -> pd.DataFrame:
        """Counts of `column` (rows: the values present) × year (columns: the years present, ascending),
        over the selected rows that have both, as `pd.crosstab(view[column], view["year"].astype(int))`
        gives them (rows in value order)."""
        codes, years = self.codes[column][rows], self.years[rows]
        known = (codes != MISSING) & ~np.isnan(years)
        codes, years = codes[known], years[known].astype(np.int64)
        if not len(codes):
            return pd.DataFrame(index=pd.Index([], name=column), columns=pd.Index([], name="year"), dtype=np.int64)
        first = int(years.min())
        width = int(years.max()) - first + 1
        table = np.bincount(codes * width + (years - first), minlength=len(self.values[column]) * width)
        table = table.reshape(len(self.values[column]), width)
        present_rows, present_years = np.flatnonzero(table.sum(axis=1)), np.flatnonzero(table.sum(axis=0))
        values = self.values[column][present_rows]
        order = np.argsort(values.astype(str), kind="stable")
        return pd.DataFrame(table[np.ix_(present_rows[order], present_years)],
                            index=pd.Index(values[order], name=column),
                            columns=pd.Index(present_years + first, name="year"))
