"""The dataset: one data version's canonical frame with the reference knowledge the views need.

`make_dataset` is the one factory; where the frame comes from (files, the store, a frame in memory)
is the business of the sources (dashboard.sources for the app, cli.common for the commands).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterable

import pandas as pd

from analytics.encoded import Encoded
from i18n import normalise_lang, t

# The columns the charts, filters and the list work on: views filter this slim copy, made once per
# data version, because taking rows of all ~60 canonical columns costs more than the charts themselves.
VIEW_COLUMNS = ["id", "name", "year", "agency", "sector", "stage", "kind", "form", "initiator",
                "input_date",   # when each was recorded: how far a partial year runs (analytics.partial)
                "region"]       # the filter of other governments' rows (analytics.filter_fields)


@dataclass(frozen=True, eq=False)
class Dataset:
    """One data version: the canonical frame plus the reference knowledge the views need."""

    frame: pd.DataFrame        # every canonical column (detail page, exports)
    version: str
    source_label: str
    reference: object  # loaders.reference.Reference
    register: tuple[str, ...] = ()
    sector_group: dict[str, str] = field(default_factory=dict)
    _labels: dict = field(default_factory=dict, repr=False)
    view_frame: pd.DataFrame | None = None  # VIEW_COLUMNS of `frame`, same index
    workspaces: tuple = ()     # the store's proposal workspaces (Store.workspaces(); analytics.kipp.workspace)
    iid_evidence: tuple = ()   # the IID evidence entered in the dashboard (Store.iid_evidence(); analytics.iid.evidence)

    @functools.cached_property
    def encoded(self) -> Encoded:
        """The view frame's columns as integer codes (analytics.encoded), made on first use."""
        return Encoded.of(self.view_frame if self.view_frame is not None else self.frame)

    @property
    def years(self) -> tuple[int, int] | None:
        """(first, last) year in the data, or None for an empty frame."""
        years = self.frame["year"].dropna()
        return (int(years.min()), int(years.max())) if len(years) else None

    def label(self, field_name: str, value, lang: str) -> str:
        """The label of a stored value in `lang` (sector and enum values have English labels)."""
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return t("value.missing", lang)
        if normalise_lang(lang) == "id":
            return str(value)
        return self._labels.get(field_name, {}).get(value, str(value))

    def labeler(self, lang: str):
        """`label` bound to `lang`, as `Filters.describe` and the figures want it."""
        return lambda field_name, value: self.label(field_name, value, lang)

    def column_label(self, column: str, lang: str) -> str:
        """The header of a canonical column in `lang` (columns.csv, else the catalog)."""
        return self.reference.column_label(column, lang)

    def group_label(self, group: str | None, lang: str) -> str:
        """The label of a sector group key (sector_groups.csv); unknown -> "Tidak dikenal"."""
        for row in getattr(self.reference, "sector_groups", ()):
            if row["group"] == group:
                return row[f"label_{normalise_lang(lang)}"]
        return t("value.unknown_group", lang)

    @property
    def group_order(self) -> list[str]:
        """The urusan group keys in sector_groups.csv order."""
        return [row["group"] for row in getattr(self.reference, "sector_groups", ())]

    @property
    def sector_names(self) -> list[str]:
        """Every urusan of the taxonomy (sectors.csv), in its order."""
        return [row["name"] for row in getattr(self.reference, "sectors", ())]


def make_dataset(frame: pd.DataFrame, version: str, source_label: str, reference=None,
                 workspaces: Iterable[dict] = (), iid_evidence: Iterable[dict] = ()) -> Dataset:
    """Wrap a canonical frame with the reference data (loaded from data/reference by default), the
    proposal workspaces laid over it per KIPP edition and the IID evidence entered in the dashboard."""
    if reference is None:
        from loaders.reference import load_reference

        reference = load_reference()
    labels = {"sector": {row["name"]: row["label_en"] for row in reference.sectors}}
    labels.update({name: dict(values) for name, values in reference.enum_labels.items()})
    view_frame = frame[[c for c in VIEW_COLUMNS if c in frame.columns]].copy()
    return Dataset(
        frame=frame, view_frame=view_frame, version=version, source_label=source_label, reference=reference,
        register=tuple(reference.agency_names),
        sector_group={row["name"]: row["group"] for row in reference.sectors},
        _labels=labels, workspaces=tuple(workspaces), iid_evidence=tuple(iid_evidence),
    )


def canonical_frame(records: Iterable[dict] = ()) -> pd.DataFrame:
    """A frame with exactly the canonical columns and dtypes, from dicts (missing keys -> None)."""
    from loaders.schema import CANONICAL_COLUMNS, DATETIME_COLUMNS, INTEGER_COLUMNS

    frame = pd.DataFrame(list(records), columns=CANONICAL_COLUMNS)
    for column in INTEGER_COLUMNS:
        frame[column] = pd.array(frame[column], dtype="Int64")
    for column in DATETIME_COLUMNS:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def source_caption(dataset: Dataset, lang: str) -> str:
    """ "Sumber: data contoh (sintetis)" or "Sumber: rekap2017.xlsx"."""
    label = t("source.sample", lang) if dataset.source_label == "sample" else dataset.source_label
    return t("caption.source", lang, source=label)
