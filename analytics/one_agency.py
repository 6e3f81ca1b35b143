"""One Agency One Innovation (Satu OPD Satu Inovasi): the regency's rule since 2016 that every
perangkat daerah produces at least one innovation a year (DOMAIN.md §1).

The denominator is the agency register (data/reference/agencies.csv), not the agencies that
happen to appear in the data: an agency that never innovated is exactly the one to show.
"""

from __future__ import annotations

import pandas as pd


def denominator(register: tuple[str, ...] | list[str], chosen: tuple[str, ...] = ()) -> list[str]:
    """The agencies the rule is checked against: the register, or the chosen ones that are in it."""
    if not chosen:
        return list(register)
    known = set(register)
    return [agency for agency in chosen if agency in known]


COUNTED_FILTERS = ("years", "agencies")  # the filters under which the rule's count stays true


def applies(filters) -> bool:
    """True when the rule can be stated for the view: no filter but years and agencies (an agency's
    innovations in one sector, stage or search say nothing about whether it innovated at all)."""
    return all(getattr(filters, name) in (None, ())
               for row in filters.rows() if row.key not in COUNTED_FILTERS for name in row.names)


def compliance_by_year(frame: pd.DataFrame, register: list[str], span: tuple[int, int] | None,
                       counts: pd.DataFrame | None = None) -> pd.DataFrame:
    """year, innovating (register agencies with ≥1 innovation), register (size), missing, rate (0–1).

    Agencies outside the register (unknown names) do not count toward compliance. `counts`: the
    agency × year counts of `frame` when already known (metrics.cross_counts, views.Context.cross_counts).
    """
    columns = ["year", "innovating", "register", "missing", "rate"]
    if span is None:
        return pd.DataFrame(columns=columns)
    if counts is None:
        known = frame[frame["agency"].isin(register)].dropna(subset=["year"])
        active = known.groupby(known["year"].astype(int))["agency"].nunique()
    else:
        active = (counts[counts.index.isin(register)] > 0).sum(axis=0)
    years = list(range(span[0], span[1] + 1))
    innovating = [int(active.get(year, 0)) for year in years]
    size = len(register)
    return pd.DataFrame({
        "year": years,
        "innovating": innovating,
        "register": [size] * len(years),
        "missing": [size - n for n in innovating],
        "rate": [n / size if size else 0.0 for n in innovating],
    }, columns=columns)


def agencies_without_innovation(frame: pd.DataFrame, register: list[str], year: int) -> list[str]:
    """The register's agencies with no innovation in `year`, in register order."""
    present = set(frame.loc[frame["year"] == year, "agency"].dropna())
    return [agency for agency in register if agency not in present]
