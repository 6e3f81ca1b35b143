"""The provincial view: several regions' innovations compared — how many each recorded, per year, how many
urusan each covers, and (where evidence exists) each one's Indeks Inovasi Daerah. Plain pandas.

The regions compared are every government the data holds (this regency's rows and any other region a file
holds, `region` kept by the loaders) plus the replication library (other pemda's IID exports; the synthetic
data/iid_sample/replikasi/ while the data is the sample). A library region the data already holds is taken
from the data only, so nothing is counted twice.

Regions differ in the years they have data for (the sample's other regions 2023–2025, this regency from
2015), so counts are compared over the years every compared region has data for (`common_years`).
"""

from __future__ import annotations

import functools

import pandas as pd

from analytics.filter_fields import home_region, own_region

REGION = "region"


@functools.lru_cache(maxsize=4)
def load_library(paths: tuple[str, ...]) -> pd.DataFrame:
    """The replication library's innovations read from `paths` (files or folders), once per process."""
    from loaders import load_paths

    return load_paths(list(paths)).frame if paths else pd.DataFrame(columns=["id", "name", "region", "sector",
                                                                              "year"])


def comparison_frame(frame: pd.DataFrame, library: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """The rows of `frame` and of `library` (only its regions `frame` does not hold), every row with its
    region named (this regency's rows without one get the regency's name); `columns` keeps those only."""
    held = set(frame[REGION].dropna()) | ({home_region()} if own_region(frame[REGION]).any() else set())
    extra = library.loc[~library[REGION].isin(held) & library[REGION].notna()] if len(library) else library
    parts = [part if columns is None else part.reindex(columns=columns) for part in (frame, extra) if len(part)]
    if not parts:
        return frame.reindex(columns=columns) if columns is not None else frame.copy()
    combined = pd.concat(parts, ignore_index=True)
    combined[REGION] = combined[REGION].where(~own_region(combined[REGION]), home_region())
    return combined


def region_names(frame: pd.DataFrame) -> list[str]:
    """The regions of a comparison frame: this regency first, then the others by rows (most first), then name."""
    counts = frame[REGION].dropna().value_counts()
    home = home_region()
    others = sorted((name for name in counts.index if name != home), key=lambda name: (-counts[name], name))
    return ([home] if home in counts.index else []) + others


def choose(frame: pd.DataFrame, regions: tuple[str, ...] | list[str]) -> pd.DataFrame:
    """The rows of the regions `regions` (every region when none is named)."""
    return frame.loc[frame[REGION].isin(regions)] if regions else frame


def common_years(frame: pd.DataFrame) -> list[int]:
    """The years in which every region of `frame` has at least one innovation, in order."""
    years = frame[["year", REGION]].dropna()
    if years.empty:
        return []
    per_region = [set(group.astype(int)) for _, group in years.groupby(REGION)["year"]]
    return sorted(set.intersection(*per_region))


def in_common_years(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of the years every region has data for (`common_years`); every row when there are none."""
    years = common_years(frame)
    return frame.loc[frame["year"].isin(years)] if years else frame


def region_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per region: `count` (innovations in the years every region has data for, `common_years`),
    `sectors` (urusan it has innovations in, in those years), `total` (in all its years), `first` and
    `last` year. Most `count` first, then by name; `common` holds the common years as a tuple on every row
    (empty when the regions share no year: then `count` and `sectors` are over all years)."""
    columns = ["region", "count", "total", "first", "last", "sectors"]
    data = frame.dropna(subset=[REGION])
    if data.empty:
        return pd.DataFrame(columns=columns + ["common"])
    years = common_years(data)
    shared = in_common_years(data).groupby(REGION)
    grouped = data.groupby(REGION)
    table = pd.DataFrame({
        "count": shared.size(),
        "total": grouped.size(),
        "first": grouped["year"].min(),
        "last": grouped["year"].max(),
        "sectors": shared["sector"].nunique(),
    }).fillna({"count": 0, "sectors": 0}).rename_axis("region").reset_index()
    table = table.astype({"count": int, "total": int, "sectors": int})
    table["first"], table["last"] = table["first"].astype("Int64"), table["last"].astype("Int64")
    table = table.sort_values(["count", "region"], ascending=[False, True], kind="stable").reset_index(drop=True)
    table["common"] = [tuple(years)] * len(table)
    return table[columns + ["common"]]


def sector_matrix(frame: pd.DataFrame, sector_order: list[str], regions: list[str]) -> pd.DataFrame:
    """Innovations per urusan (index) × region (columns, in `regions` order): only the urusan some region
    has, in taxonomy order (`sector_order`), urusan outside the taxonomy after them by name."""
    data = frame.dropna(subset=["sector", REGION])
    if data.empty:
        return pd.DataFrame()
    matrix = pd.crosstab(data["sector"], data[REGION]).reindex(columns=regions, fill_value=0)
    position = {name: i for i, name in enumerate(sector_order)}
    order = sorted(matrix.index, key=lambda name: (position.get(name, len(position)), str(name)))
    matrix = matrix.loc[order].astype(int)
    matrix.index.name, matrix.columns.name = "sector", REGION
    return matrix


def coverage(matrix: pd.DataFrame, taxonomy_size: int) -> pd.DataFrame:
    """From sector_matrix: per region, `sectors` covered (urusan with at least one innovation), `share` of
    the taxonomy's `taxonomy_size` urusan and its `top` urusan (most innovations; ties by taxonomy order)
    with `top_count`. Most urusan first, then by name."""
    if matrix.empty:
        return pd.DataFrame(columns=["region", "sectors", "share", "top", "top_count"])
    covered = (matrix > 0).sum(axis=0)
    table = pd.DataFrame({
        "region": matrix.columns, "sectors": covered.to_numpy(dtype=int),
        "share": covered.to_numpy(dtype=float) / taxonomy_size if taxonomy_size else 0.0,
        "top": [matrix[region].idxmax() for region in matrix.columns],
        "top_count": [int(matrix[region].max()) for region in matrix.columns],
    })
    return table.sort_values(["sectors", "region"], ascending=[False, True], kind="stable").reset_index(drop=True)


def index_by_region(frame: pd.DataFrame, regions: list[str], editions, evidence_paths,
                    lang: str = "id", entered=()) -> pd.DataFrame:
    """The Indeks Inovasi Daerah per region and edition, where evidence exists: region, edition, index, band
    (analytics.iid.editions.Band), n (innovations assessed), evidence (bool). Evidence is this regency's, as
    /iid scores it: what was `entered` in the dashboard (Store.iid_evidence()) over its evidence sheets
    `evidence_paths` over what its innovations' own columns show; another region's government indicators
    (SPD) are not kept anywhere, so its rows say `evidence` False and no index."""
    from analytics.iid.scoring import assess_with_sheets

    home = home_region()
    rows = []
    for edition in editions:
        for region in regions:
            if region != home:
                rows.append({"region": region, "edition": edition.year, "index": None, "band": None, "n": 0,
                             "evidence": False})
                continue
            assessment, _ = assess_with_sheets(frame, edition, evidence_paths, lang, entered)
            found = bool(assessment.sid_tiers.to_numpy().any() or any(assessment.spd_tiers.values()))
            result = assessment.result
            rows.append({"region": region, "edition": edition.year, "index": result.index if found else None,
                         "band": result.band if found else None, "n": result.n, "evidence": found})
    return pd.DataFrame(rows, columns=["region", "edition", "index", "band", "n", "evidence"])
