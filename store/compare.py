"""A loaded file compared with what is stored, year by year: which innovations are the same, which
changed (and in which fields), which are new, and which are stored but absent from the file. A
changed field the file leaves empty is "blanked" (replacing the year would empty it), with why: the
file's sheet has no column for it, or has one whose cell is empty.

Innovations are matched on (identity, year) (store/identity.py); when one year lists the same
identity twice, the n-th occurrence in the file is matched with the n-th stored one, so a doubled
year shows as doubled rather than hiding behind a match. Pure pandas: the store, the /data preview
and the CLI's refusal all read the same `Comparison`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from loaders.schema import CANONICAL_COLUMNS, DATE_PRECISION, PROVENANCE
from loaders.text import clean_name
from store.identity import frame_identities

# Where a row came from and how it was read are not revisions of the innovation.
NOT_COMPARED = {"id", "year", "year_source", "agency_raw", "agency_known", "sector_raw", *PROVENANCE}
COMPARED = [column for column in CANONICAL_COLUMNS if column not in NOT_COMPARED]
KINDS = ("same", "changed", "new", "absent")
BLANK_REASONS = ("no_column", "empty")   # why a stored value would be emptied: no such column, an empty cell
PLACE = ["name", "agency", "source_file", "source_sheet", "source_row", "batch_id"]   # what _place reads
KEYING_SHARE = 0.6   # of a comparison's time: the file's rows keyed (their identities); then year by year


@dataclass
class YearComparison:
    """One year: the rows of each kind (dicts with name, agency, place and, for `changed`, fields)."""

    year: int
    stored: int = 0
    incoming: int = 0
    same: list[dict] = field(default_factory=list)
    changed: list[dict] = field(default_factory=list)
    new: list[dict] = field(default_factory=list)
    absent: list[dict] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"stored": self.stored, "incoming": self.incoming,
                **{kind: len(getattr(self, kind)) for kind in KINDS}}

    def blanked(self) -> list[dict]:
        """The stored values replacing this year would empty: per field and reason (BLANK_REASONS), how
        many innovations lose it, in the canonical columns' order."""
        counts = Counter((field, reason) for row in self.changed for field, reason in row.get("blanked", {}).items())
        order = {field: index for index, field in enumerate(COMPARED)}
        return [{"field": field, "reason": reason, "count": count} for (field, reason), count
                in sorted(counts.items(), key=lambda item: (order[item[0][0]], BLANK_REASONS.index(item[0][1])))]

    def to_dict(self) -> dict:
        return {"year": self.year, **self.counts(), "blanked": self.blanked(),
                "rows": {kind: getattr(self, kind) for kind in KINDS}}


@dataclass
class Comparison:
    """The file's years, oldest first, each compared with the stored rows of that year."""

    years: list[YearComparison] = field(default_factory=list)

    @property
    def overlap(self) -> list[int]:
        """The file's years of which the store already holds innovations."""
        return [year.year for year in self.years if year.stored]

    def year(self, year: int) -> YearComparison:
        return next(item for item in self.years if item.year == year)

    def to_dict(self) -> dict:
        return {"overlap": self.overlap, "years": [year.to_dict() for year in self.years]}


def _missing(value) -> bool:
    return value is None or (not isinstance(value, (str, list, tuple)) and bool(pd.isna(value)))


def same_value(left, right) -> bool:
    """Equal as a person would read them: missing equals missing, whatever pandas called it."""
    if _missing(left) or _missing(right):
        return _missing(left) and _missing(right)
    return bool(left == right)


def _place(record: dict) -> dict:
    place = {"name": record.get("name"), "agency": record.get("agency"), "file": record.get("source_file"),
             "sheet": record.get("source_sheet"), "row": _int(record.get("source_row"))}
    if "batch_id" in record:
        place["batch"] = _int(record["batch_id"])
    return place


ISO_BY_PRECISION = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d"}


def _shown(record: dict, column: str) -> str:
    """A value of `record` as text (stored → file): a date in ISO to its precision ("2018", "2018-03",
    "2018-03-08"; the preview writes it out with i18n.format_date), missing as empty."""
    value = record.get(column)
    if _missing(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime(ISO_BY_PRECISION.get(record.get(f"{column}_precision"), "%Y-%m-%d"))
    return str(value)


def _int(value):
    return None if _missing(value) else int(value)


def sheet_fields(files) -> dict[tuple[str, str], set[str]]:
    """(file name as the rows give it, sheet) -> the canonical fields the sheet has a column for, from
    the loaders' FileReports (`files`): what tells an empty cell from a column the file does not have."""
    return {(clean_name(Path(report.path).name), sheet.name): {field for field in sheet.mapping.values() if field}
            for report in files for sheet in report.sheets if not sheet.skipped}


def _blanked(record: dict, fields: list[str], columns: dict | None) -> dict[str, str]:
    """Of a changed row's `fields`, those the file leaves empty (a date's precision goes with its date),
    each with its reason: "no_column" where the row's sheet has no column for it (`columns`:
    sheet_fields), else "empty"."""
    have = (columns or {}).get((record.get("source_file"), record.get("source_sheet")))
    return {column: "no_column" if have is not None and column not in have else "empty"
            for column in fields if column not in DATE_PRECISION and _missing(record.get(column))}


def _keyed(frame: pd.DataFrame) -> dict[int, dict[tuple, int]]:
    """year -> {(identity, occurrence): the row's position}; the identity column is used when the frame
    has one. Positions, not records: most rows of a large file need only their place (`_records`)."""
    if frame.empty:
        return {}
    identities = frame["identity"] if "identity" in frame else frame_identities(frame)
    occurrences = pd.DataFrame({"year": frame["year"], "identity": identities}).groupby(["year", "identity"]).cumcount()
    out: dict[int, dict[tuple, int]] = {}
    for position, (year, identity, occurrence) in enumerate(zip(frame["year"].tolist(), identities.tolist(),
                                                                  occurrences.tolist())):
        out.setdefault(int(year), {})[(identity, occurrence)] = position
    return out


def _records(frame: pd.DataFrame, positions: list[int], columns: list[str]) -> list[dict]:
    """The rows at `positions` as records of `columns` (those the frame has)."""
    return frame.iloc[positions][[column for column in dict.fromkeys(columns) if column in frame]].to_dict("records")


def compare(incoming: pd.DataFrame, stored: pd.DataFrame, progress=None, columns=None) -> Comparison:
    """Compare the canonical frame `incoming` (a file) with `stored` (the visible stored rows; an
    `identity` column is used when present), for each year of `incoming`. `progress("comparing",
    fraction, rows=…)` is told how far it has come (loaders.load.Progress). `columns` (sheet_fields)
    tells why a blanked field is empty; without it every one is an "empty" cell."""
    progress = progress or (lambda *_args, **_values: None)
    progress("comparing", 0.0, rows=len(incoming))
    files = _keyed(incoming)
    progress("comparing", KEYING_SHARE, rows=len(incoming))
    kept = _keyed(stored)
    result = Comparison()
    for done, year in enumerate(sorted(files)):
        if done:
            progress("comparing", KEYING_SHARE + (1 - KEYING_SHARE) * done / len(files), rows=len(incoming))
        mine, theirs = files[year], kept.get(year, {})
        item = YearComparison(year, stored=len(theirs), incoming=len(mine))
        matched = [key for key in mine if key in theirs]
        news = _records(incoming, [position for key, position in mine.items() if key not in theirs], PLACE)
        item.new = [_place(record) for record in news]
        pairs = zip(_records(incoming, [mine[key] for key in matched], COMPARED + PLACE),
                    _records(stored, [theirs[key] for key in matched], COMPARED + PLACE))
        for record, old in pairs:
            fields = [column for column in COMPARED if not same_value(record.get(column), old.get(column))]
            if fields:
                values = {column: [_shown(old, column), _shown(record, column)] for column in fields}
                blanked = _blanked(record, fields, columns)
                item.changed.append({**_place(record), "fields": fields, "values": values, "stored": _place(old),
                                     **({"blanked": blanked} if blanked else {})})
            else:
                item.same.append(_place(record))
        absent = _records(stored, [position for key, position in theirs.items() if key not in mine], PLACE)
        item.absent = [_place(record) for record in absent]
        result.years.append(item)
    return result
