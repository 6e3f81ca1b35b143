"""The provincial view's comparison (/provinsi) as a table for "Unduh data": one row per region compared —
innovations in the years every region has data for, in all its years, its first and last year, the urusan it
covers — and its Indeks Inovasi Daerah with predikat per edition (empty where it has no evidence).

The numbers are the region charts' own (charts/region_views.py: the same data functions), kept as numbers
so a spreadsheet can sum and sort them; exports.data writes the file (formula injection neutralised there).
"""

from __future__ import annotations

import pandas as pd

from charts import region_views
from charts.views import Context
from i18n import t


def region_table(ctx: Context) -> tuple[pd.DataFrame, list[str]]:
    """The regions compared under `ctx` (the URL's `region`, none: every region) and their headers."""
    lang = ctx.lang
    counts = region_views.count_data(ctx)
    years = region_views.years_text(counts["common"].iloc[0]) if len(counts) else ""
    table = pd.DataFrame({
        "region": counts["region"], "count": counts["count"], "total": counts["total"],
        "first": counts["first"].astype(object).where(counts["first"].notna(), None),
        "last": counts["last"].astype(object).where(counts["last"].notna(), None),
        "sectors": counts["sectors"]})
    headers = [t("column.region_name", lang), t("column.region_count", lang, years=years or "—"),
               t("column.region_total", lang), t("column.region_first", lang), t("column.region_last", lang),
               t("column.region_sectors", lang, years=years or "—")]
    index = region_views.index_data(ctx)
    for edition, rows in index.groupby("edition", sort=True):
        known = rows.set_index("region")
        label = t("region.edition", lang, year=int(edition))
        table[f"index_{edition}"] = [_index(known, name) for name in table["region"]]
        table[f"band_{edition}"] = [_band(known, name, lang) for name in table["region"]]
        headers += [f"{t('axis.index', lang)} {label}", f"{t('column.predikat', lang)} {label}"]
    return table.reset_index(drop=True), headers


def _index(rows: pd.DataFrame, region: str) -> float | None:
    if region not in rows.index or not rows.at[region, "evidence"]:
        return None
    return round(float(rows.at[region, "index"]), 2)


def _band(rows: pd.DataFrame, region: str, lang: str) -> str | None:
    if region not in rows.index or not rows.at[region, "evidence"]:
        return t("region.no_evidence", lang)
    return rows.at[region, "band"].label(lang)
