"""The data behind the dashboard: read once per data version, never per request.

Sources: the store (dashboard.store_source.StoreSource, the default; its data version is the
store's), files read directly (DataSource, `serve --data`; read-only) or a frame (FrameSource, tests).
For files, a data version is the list of files under the given paths with their size and modification
time; when a planner drops a new workbook into the folder, the next request reads it again.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd

from dashboard.i18n import normalise_lang, t

# The columns the charts, filters and the list work on: views filter this slim copy, made once per
# data version, because taking rows of all ~60 canonical columns costs more than the charts themselves.
VIEW_COLUMNS = ["id", "name", "year", "agency", "sector", "stage", "kind", "form", "initiator"]
ENV_DATA = "DASBOR_DATA"  # os.pathsep-separated paths; how `serve --data` reaches gunicorn workers
CONFIG_KEY = "DASBOR_SOURCE"


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
        """`label` bound to `lang`, as `describe_filters` and the figures want it."""
        return lambda field_name, value: self.label(field_name, value, lang)

    def column_label(self, column: str, lang: str) -> str:
        """The header of a canonical column in `lang` (columns.csv, else the catalog)."""
        labels = getattr(self.reference, "column_labels", {}).get(column)
        if labels:
            return labels[normalise_lang(lang)]
        return t(f"column.{column}", lang)

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


def make_dataset(frame: pd.DataFrame, version: str, source_label: str, reference=None) -> Dataset:
    """Wrap a canonical frame with the reference data (loaded from data/reference by default)."""
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
        _labels=labels,
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


def list_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Every file under `paths` (folders walked, hidden files skipped), sorted."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(p for p in path.rglob("*") if p.is_file()
                         and not any(part.startswith((".", "~$")) for part in p.relative_to(path).parts))
        elif path.exists():
            found.append(path)
    return sorted(set(found))


def fingerprint(paths: Iterable[str | os.PathLike]) -> str:
    """The data version: a hash of each file's path, size and modification time."""
    digest = hashlib.sha1()
    for path in list_files(paths):
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:12]


class VersionedSource:
    """A source whose dataset is read again only when `version()` changes; subclasses say how to get
    the version cheaply and how to read the data (thread-safe: one reader per new version)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._current: Dataset | None = None

    def version(self) -> str:
        raise NotImplementedError

    def _read(self, version: str) -> Dataset:
        raise NotImplementedError

    def dataset(self) -> Dataset:
        """The dataset of the current data version (read again only when the version changed)."""
        version = self.version()
        current = self._current
        if current is not None and current.version == version:
            return current
        with self._lock:
            if self._current is None or self._current.version != version:
                self._current = self._read(version)
                settle_in_memory()
            return self._current


class DataSource(VersionedSource):
    """Spreadsheets under `paths`, read with the loaders once per data version (thread-safe)."""

    def __init__(self, paths: Iterable[str | os.PathLike] | None = None):
        super().__init__()
        if not paths:
            from loaders import SAMPLE_DIR

            paths = [SAMPLE_DIR]
        self.paths = tuple(Path(p) for p in paths)

    def describe(self) -> str:
        """The paths read, by name (the caption's source when it is not the sample)."""
        names = [p.name or str(p) for p in self.paths]
        return ", ".join(names)

    def version(self) -> str:
        """The files' fingerprint: a new file, or a saved change, is a new data version."""
        return fingerprint(self.paths)

    def _read(self, version: str) -> Dataset:
        from loaders import SAMPLE_DIR, load_paths

        result = load_paths(list(self.paths), lang="id")
        is_sample = all(Path(p).resolve() == Path(SAMPLE_DIR).resolve() for p in self.paths)
        label = "sample" if is_sample else self.describe()
        return make_dataset(result.frame, version, label)


class FrameSource:
    """A frame already in memory (tests, benchmarks): one fixed data version."""

    def __init__(self, frame: pd.DataFrame, label: str = "frame", reference=None):
        self._dataset = make_dataset(frame, f"frame-{id(frame):x}", label, reference)
        settle_in_memory()

    def dataset(self) -> Dataset:
        """The one dataset of this frame."""
        return self._dataset


def settle_in_memory() -> None:
    """Move what is alive now (the data version just read) out of the garbage collector's scans.

    The frame and the reference data live as long as their data version; without this, the full
    collections that Plotly's many small objects trigger scan them again and again, which shows up
    as 50–80 ms spikes in the callbacks' p95.
    """
    gc.collect()
    gc.freeze()


def source_from_environment():
    """The files named by $DASBOR_DATA (set by `serve --data`, read-only), else the store
    ($DATABASE_URL, else the embedded SQLite file, seeded from the sample on first start)."""
    paths = [p for p in os.environ.get(ENV_DATA, "").split(os.pathsep) if p]
    if paths:
        return DataSource(paths)
    from dashboard.store_source import StoreSource
    from loaders.store import open_store

    return StoreSource(open_store())


def current_dataset() -> Dataset:
    """The dataset of the app serving this request."""
    import flask

    return flask.current_app.config[CONFIG_KEY].dataset()


def source_caption(dataset: Dataset, lang: str) -> str:
    """ "Sumber: data contoh (sintetis)" or "Sumber: rekap2017.xlsx"."""
    label = t("source.sample", lang) if dataset.source_label == "sample" else dataset.source_label
    return t("caption.source", lang, source=label)
