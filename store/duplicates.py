"""The same innovation twice in one year (its identity, store/identity.py), found in two places:

- in one upload: two files, or two rows of one file, list it for the same year. Saving both would
  count it twice, so by default one is kept — the fullest row (most fields filled), the first of
  equally full ones in the order the files, sheets and rows were read — and the preview and the
  store's warnings name the row kept and the rows left out;
- in the store: two batches hold it for the same year (uploads made before identities existed took
  any file in add mode, so a revised recap could double its year). Resolving keeps the copy of the
  newest batch; the older copies are hidden, never deleted (store.tables.visible_rows).

Pure functions over loader records or canonical frames; the store, the /data page and the CLI call them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pandas as pd

from store.compare import COMPARED, same_value
from store.identity import frame_identities, record_identity

KEEP_ONE, KEEP_ALL = "keep-one", "keep-all"
CHOICES = (KEEP_ONE, KEEP_ALL)


def _filled(record: dict) -> int:
    """How many of the compared fields a row fills (the fullest of two copies is kept)."""
    return sum(not same_value(record.get(column), None) for column in COMPARED)


def place(record: dict) -> dict:
    """Where a loader record was read: file, sheet and row as seen in Excel."""
    row = record.get("source_row")
    return {"file": record.get("source_file"), "sheet": record.get("source_sheet"),
            "row": None if same_value(row, None) else int(row)}


@dataclass
class Duplicate:
    """One innovation listed more than once for one year of an upload: the row kept and the rows left out."""

    year: int
    name: str
    agency: str
    kept: int                                     # index of the kept record
    skipped: list[int] = field(default_factory=list)

    def to_dict(self, records: list[dict]) -> dict:
        return {"year": self.year, "name": self.name, "agency": self.agency, "kept": place(records[self.kept]),
                "skipped": [place(records[index]) for index in self.skipped]}


def upload_duplicates(records: list[dict]) -> list[Duplicate]:
    """Each (identity, year) that `records` (an upload's rows, in reading order) list more than once,
    with the record kept (the fullest; the first of equally full ones) and the others; ordered by
    where the first copy was read."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        if not same_value(record.get("year"), None):
            groups[(record_identity(record), int(record["year"]))].append(index)
    found = []
    for (_, year), indexes in groups.items():
        if len(indexes) < 2:
            continue
        kept = max(indexes, key=lambda index: (_filled(records[index]), -index))
        first = records[indexes[0]]
        found.append(Duplicate(year, first.get("name"), first.get("agency"), kept,
                               [index for index in indexes if index != kept]))
    return found


def frame_duplicates(frame: pd.DataFrame) -> list[dict]:
    """upload_duplicates of a loaded frame, as dicts (`inspect --json`'s "duplicates"). Only the rows
    whose (identity, year) repeats become records: a 20,000-row file does not build 20,000 dicts."""
    keys = pd.DataFrame({"identity": frame_identities(frame), "year": frame["year"]}, index=frame.index)
    repeated = frame["year"].notna() & keys.duplicated(keep=False)
    records = frame[repeated].to_dict("records")
    return [duplicate.to_dict(records) for duplicate in upload_duplicates(records)]


def skipped_indexes(duplicates: list[Duplicate]) -> set[int]:
    """The records left out when one copy of each is kept."""
    return {index for duplicate in duplicates for index in duplicate.skipped}


def doubled_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The stored rows (a visible frame with `identity`, `batch_id` and `row_id`) whose innovation and
    year a newer batch holds too: what resolving hides, keeping the newest batch's copy."""
    if frame.empty:
        return frame
    frame = _with_identity(frame)
    newest = frame.groupby(["identity", "year"])["batch_id"].transform("max")
    return frame[frame["batch_id"].astype("int64") < newest.astype("int64")]


def _with_identity(frame: pd.DataFrame) -> pd.DataFrame:
    return frame if "identity" in frame else frame.assign(identity=frame_identities(frame))


def doubled_years(frame: pd.DataFrame) -> list[dict]:
    """Per year that counts an innovation more than once across batches: `year`, `innovations` (how
    many are counted more than once), `rows` (visible rows of the year), `extra` (the older copies
    resolving hides, so `rows - extra` is the year's count afterwards) and `batches` (the batches
    holding copies, oldest first)."""
    extra = doubled_rows(frame)
    if extra.empty:
        return []
    frame = _with_identity(frame)
    years = []
    for year, older in extra.groupby("year", sort=True):
        doubled = set(older["identity"])
        copies = frame[(frame["year"] == year) & frame["identity"].isin(doubled)]
        years.append({"year": int(year), "innovations": len(doubled), "rows": int((frame["year"] == year).sum()),
                      "extra": len(older), "batches": sorted(int(batch) for batch in copies["batch_id"].unique())})
    return years
