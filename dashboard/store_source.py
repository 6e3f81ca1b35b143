"""The dashboard on the store: the current innovations, read once per data version.

`store.data_version()` is one indexed read; it is asked at most once per `POLL_SECONDS` per
process, so every gunicorn worker sees an upload, rollback or restore made through another worker
(or the CLI) within a second, without a restart and without reading the rows per request.
"""

from __future__ import annotations

import os
import time

from dashboard.data import Dataset, VersionedSource, make_dataset

POLL_SECONDS = 0.5
LABEL_FILES = 3  # the caption names at most this many uploaded files


class StoreSource(VersionedSource):
    """The frame of `store.current_frame()`, cached per `store.data_version()` (thread-safe)."""

    def __init__(self, store, poll_seconds: float = POLL_SECONDS):
        super().__init__()
        self.store = store
        self.poll_seconds = poll_seconds
        self._checked = float("-inf")  # monotonic time of the last version check
        self._pid = os.getpid()

    def describe(self) -> str:
        """What the captions call this source when it is not the sample data."""
        return self.dataset().source_label

    def invalidate(self) -> None:
        """Ask the store again at the next request (after a change made by this process)."""
        self._checked = float("-inf")

    def version(self) -> str:
        """The store's data version, asked at most once per poll interval."""
        now = time.monotonic()
        current = self._current
        if current is not None and now - self._checked < self.poll_seconds:
            return current.version
        if os.getpid() != self._pid:  # a forked child (background export): never share the parent's sockets
            self.store.engine.dispose(close=False)
            self._pid = os.getpid()
        version = self.store.data_version()
        self._checked = now
        return version

    def _read(self, version: str) -> Dataset:
        # The version is read before the rows: a change in between makes the next poll read again.
        frame = self.store.current_frame()
        return make_dataset(frame, version, store_label(self.store.history()), self.store.reference())


def store_label(history: list[dict]) -> str:
    """ "sample" while the store holds only the seeded sample, else the names of the active files."""
    from loaders.store import SYSTEM_USER

    active = [batch for batch in history if batch["status"] != "rolled_back" and batch["active_records"]]
    if all(batch["who"] == SYSTEM_USER for batch in active):
        return "sample"
    names = [batch["file"] for batch in reversed(active)]
    more = len(names) - LABEL_FILES
    return ", ".join(names[:LABEL_FILES]) + (f" (+{more})" if more > 0 else "")
