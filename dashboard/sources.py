"""Where the dashboard's data comes from, read once per data version, never per request.

Sources: the store (StoreSource, the default; its data version is the store's), files read directly
(DataSource, `serve --data`; read-only) or a frame (FrameSource, tests). For files, a data version is
the list of files under the given paths with their size and modification time; when a planner drops
a new workbook into the folder, the next request reads it again. For the store, `store.data_version()`
is one indexed read; it is asked at most once per `POLL_SECONDS` per process, so every gunicorn worker
sees an upload, rollback or restore made through another worker (or the CLI) within a second, without
a restart and without reading the rows per request. When the store pushes its changes
(dashboard/notices.py: $REDIS_URL on PostgreSQL), a notice makes the next request ask at once, and the
source asks on its own only every `PUSHED_POLL_SECONDS`.
"""

from __future__ import annotations

import gc
import os
import re
import threading
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Iterable

import pandas as pd

from analytics.dataset import Dataset, make_dataset
from loaders.load import describe_paths, fingerprint

ENV_DATA = "DASBOR_DATA"  # os.pathsep-separated paths; how `serve --data` reaches gunicorn workers
CONFIG_KEY = "DASBOR_SOURCE"
POLL_SECONDS = 0.5
PUSHED_POLL_SECONDS = 30.0   # while notices arrive: asked anyway this often, in case one was lost
POLL_ENV = "DASBOR_TEST_POLL_SECONDS"   # tests only: a poll this slow proves that a notice, not the poll, was heard


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
        return describe_paths(self.paths)

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

    def __init__(self, frame: pd.DataFrame, label: str = "frame", reference=None, workspaces=()):
        # unique per source, never reused (the view cache keys answers by data version)
        self._dataset = make_dataset(frame, f"frame-{uuid.uuid4().hex}", label, reference, workspaces)
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
    from store.database import open_store

    return StoreSource(open_store())


def current_store():
    """The store behind the app serving this request, or None when it reads files directly (serve --data)."""
    import flask

    return getattr(flask.current_app.config[CONFIG_KEY], "store", None)


def data_changed() -> None:
    """After a change made through this worker: it reads the store again at its next request (the other
    workers within their poll)."""
    import flask

    source = flask.current_app.config[CONFIG_KEY]
    if hasattr(source, "invalidate"):
        source.invalidate()


def current_dataset() -> Dataset:
    """The dataset of the app serving this request."""
    import flask

    return flask.current_app.config[CONFIG_KEY].dataset()


class StoreSource(VersionedSource):
    """The frame of `store.current_frame()`, cached per `store.data_version()` (thread-safe)."""

    def __init__(self, store, poll_seconds: float | None = None):
        super().__init__()
        self.store = store
        if poll_seconds is None:
            poll_seconds = float(os.environ.get(POLL_ENV) or POLL_SECONDS)
        self.poll_seconds = poll_seconds
        self._checked = float("-inf")  # monotonic time of the last version check
        self._invalidations = 0        # a check that began before an invalidate() must not stamp _checked
        self._poll_lock = threading.Lock()
        self._pid = os.getpid()
        self._pushed = False           # True while this process listens for the store's notices

    def describe(self) -> str:
        """What the captions call this source when it is not the sample data."""
        return self.dataset().source_label

    def invalidate(self) -> None:
        """Ask the store again at the next request (after a change made by this process, or announced
        by the store: called from the listening thread)."""
        with self._poll_lock:
            self._invalidations += 1
            self._checked = float("-inf")

    def set_pushed(self, pushed: bool) -> None:
        """Whether this process now hears of every change (dashboard.notices); either way, ask again
        (a change may have come while nothing listened)."""
        self._pushed = pushed
        self.invalidate()

    def version(self) -> str:
        """The store's data version, asked at most once per poll interval (unless a change was announced)."""
        now = time.monotonic()
        current = self._current
        interval = PUSHED_POLL_SECONDS if self._pushed else self.poll_seconds
        with self._poll_lock:
            if current is not None and now - self._checked < interval:
                return current.version
            invalidations = self._invalidations
        if os.getpid() != self._pid:  # a forked child (background export): never share the parent's sockets
            self.store.engine.dispose(close=False)
            self._pid = os.getpid()
            self._pushed = False       # the listening thread stayed in the parent
        version = self.store.data_version()
        with self._poll_lock:   # an invalidate() while the store was asked: the answer may predate its change
            if invalidations == self._invalidations:
                self._checked = now
        return version

    def _read(self, version: str) -> Dataset:
        # The version is read before the rows: a change in between makes the next poll read again.
        from store.database import store_label

        current = self._current
        if current is not None and _rows_version(current.version) == _rows_version(version):
            # only proposal workspaces or IID evidence changed: the same rows, the new overlays
            return replace(current, version=version, workspaces=tuple(self.store.workspaces()),
                           iid_evidence=tuple(self.store.iid_evidence()))
        frame = self.store.current_frame()
        return make_dataset(frame, version, store_label(self.store.history()), self.store.reference(),
                            self.store.workspaces(), self.store.iid_evidence())


def _rows_version(version: str) -> str:
    """The part of a store's data version that the uploaded rows depend on (without "-w<n>" and "-e<n>",
    the proposal workspaces' and the IID evidence's own counters: see Store.data_version)."""
    return re.split(r"-[we]", version, maxsplit=1)[0]
