"""Files and folders → LoadResult: read, find tables, normalise, validate, all or nothing per file."""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from loaders.errors import FileRejected, Issue
from loaders.lan import is_code_list, sector_codes
from loaders.read import read_file
from loaders.records import Context, table_records
from loaders.reference import load_reference
from loaders.schema import (BOOL_COLUMNS, CANONICAL_COLUMNS, DATETIME_COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS,
                            TEXT_COLUMNS)
from loaders.tables import Table, find_table, skip_reason
from loaders.text import clean_name, text_key

log = logging.getLogger(__name__)

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "data" / "sample"
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".htm", ".html", ".tsv", ".txt"}
# Named on the command line by a shell glob (`inspect data/sample/*`): documentation and code that
# sit beside the data are passed over with a warning instead of being rejected as spreadsheets.
NOT_DATA_SUFFIXES = {".md", ".py", ".pyc", ".json", ".toml", ".yml", ".yaml", ".ini", ".cfg", ".gitkeep"}
# How far a load has come, for whoever waits on it (the /data preview runs in the background and shows
# it): `progress(stage, fraction, **values)` with stage "reading" or "normalising", fraction 0..1 of
# the whole load (files weighted by size) and values among file (its name), rows (rows seen so far).
Progress = Callable[..., None]
READ_SHARE = 0.25    # of one file's part: reading; the rest is finding the table and normalising its rows
FILES_SHARE = 0.8    # of the whole load: the files; the rest is building the canonical frame


def _silent(*_args, **_values) -> None:
    return None


@dataclass
class SheetReport:
    name: str
    header_row: int | None = None
    records: int = 0
    mapping: dict = field(default_factory=dict)
    skipped: str | None = None     # the reason, in the user's language, when the sheet was skipped
    mapping_source: dict = field(default_factory=dict)  # header -> "reference" | "store" | "option" | "preview"
    unknown: list = field(default_factory=list)         # headers that matched nothing
    no_year: int = 0               # rows whose year could not be found (the sheet needs a year rule)
    year_rule: str | None = None   # the user's year rule of this sheet, if any (loaders.reference.parse_year_rule)
    year_rule_source: str | None = None   # "store" | "option" | "preview", like mapping_source

    def to_dict(self) -> dict:
        return {"name": self.name, "header_row": self.header_row, "records": self.records,
                "mapping": self.mapping, "mapping_source": self.mapping_source, "unknown": self.unknown,
                "no_year": self.no_year, "year_rule": self.year_rule, "year_rule_source": self.year_rule_source,
                "skipped": self.skipped}


@dataclass
class FileReport:
    path: str
    status: str = "ok"              # "ok" | "rejected"
    sheets: list[SheetReport] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"path": self.path, "status": self.status, "sheets": [s.to_dict() for s in self.sheets]}


@dataclass
class LoadResult:
    frame: pd.DataFrame
    files: list[FileReport]
    issues: list[Issue]
    home: str | None = None   # this regency's region name (data/reference/regency.toml)

    @property
    def ok(self) -> bool:
        """True when every file was accepted."""
        return all(report.status == "ok" for report in self.files)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == "error"]

    def to_dict(self) -> dict:
        """The JSON object of `inspect --json` (DESIGN.md §3): counts, files and sheets, issues.

        `by_agency` counts this regency's agencies only (another government's "Dinas Kesehatan" is not
        ours); `by_region_agency` counts every region's agencies, this regency first."""
        frame = self.frame

        def counts(column: str, by_count: bool = True, rows: pd.DataFrame = frame) -> dict:
            series = rows[column].dropna().value_counts()
            series = series.sort_values(ascending=False, kind="stable") if by_count else series.sort_index()
            return {str(key): int(value) for key, value in series.items()}

        by_region = counts("region")
        regions = sorted(by_region, key=lambda region: region != self.home)   # stable: then by count
        return {
            "records": int(len(frame)),
            "by_year": counts("year", by_count=False),
            "by_agency": counts("agency", rows=frame[frame["region"] == self.home]),
            "by_sector": counts("sector"),
            "by_stage": counts("stage"),
            "by_region": by_region,
            "by_region_agency": {region: counts("agency", rows=frame[frame["region"] == region])
                                 for region in regions},
            "files": [report.to_dict() for report in self.files],
            "issues": [issue.to_dict() for issue in self.issues],
        }


def expand_paths(paths) -> list[Path]:
    """Files as given; folders → their spreadsheet files, sorted (hidden and temporary files left out)."""
    expanded: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            expanded += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in
                               SPREADSHEET_SUFFIXES and not p.name.startswith((".", "~$")))
        elif path.name == "__pycache__":
            continue
        else:
            expanded.append(path)
    return expanded


def data_version(paths) -> str:
    """A key that changes whenever any of the files changes (name, size, modification time)."""
    digest = hashlib.sha1()
    for path in expand_paths(paths):
        stat = path.stat() if path.exists() else None
        digest.update(f"{path.resolve()}|{stat and stat.st_size}|{stat and stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


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


def describe_paths(paths) -> str:
    """The paths, by name ("rekap2017.xlsx, data"): what a caption calls files read directly."""
    return ", ".join(Path(p).name or str(p) for p in paths)


def load_paths(paths, lang: str = "id", max_bytes: int | None = None, reference=None,
               progress: Progress | None = None) -> LoadResult:
    """Load every file of `paths` (files or folders). Rejected files contribute no rows.

    `reference` defaults to data/reference; the store passes one extended with users' aliases.
    `progress` is told how far the load has come (see `Progress`)."""
    reference = reference or load_reference()
    progress = progress or _silent
    frames, reports, issues = [], [], []
    files = expand_paths(paths)
    total = max(sum(path.stat().st_size for path in files if _is_data(path) and path.is_file()), 1)
    before = 0
    for path in files:
        if not _is_data(path):
            issues.append(Issue("warning", "not_data_file", path.name, lang=lang))
            continue
        size = path.stat().st_size if path.is_file() else 0
        start, share, name = FILES_SHARE * before / total, FILES_SHARE * size / total, clean_name(path.name)
        records, report, file_issues = load_file(
            path, reference, lang, max_bytes,
            lambda stage, part, **values: progress(stage, start + share * part, file=name, **values))
        reports.append(report)
        issues += file_issues
        if report.status == "ok" and records:
            frames.append(records)
        before += size
    rows = [record for records in frames for record in records]
    progress("normalising", FILES_SHARE, rows=len(rows))
    issues += unused_year_rules(reference, reports, lang)
    return LoadResult(to_frame(rows), reports, issues, reference.regency["name"])


def _is_data(path: Path) -> bool:
    """False for documentation or code named beside the data (a shell glob): passed over with a warning."""
    return path.suffix.lower() not in NOT_DATA_SUFFIXES and not path.name.startswith(".")


def unused_year_rules(reference, reports: list[FileReport], lang: str = "id") -> list[Issue]:
    """A warning for each year rule given for this load (`--year`, the preview) that names no sheet of
    the files: a misspelt sheet name would otherwise be ignored without a word."""
    names = {text_key(sheet.name): sheet.name for report in reports for sheet in report.sheets}
    files = ", ".join(clean_name(Path(report.path).name) for report in reports) or "-"
    return [Issue("warning", "year_rule_no_sheet", files, lang=lang,
                  params=(("sheet", rule.sheet), ("rule", rule.rule), ("sheets", ", ".join(names.values()) or "-")))
            for key, rule in reference.sheet_years.items() if key not in names]


def load_file(path: Path, reference, lang: str = "id", max_bytes: int | None = None,
              progress: Progress | None = None) -> tuple[list[dict], FileReport, list[Issue]]:
    """One file → its records, its report and its issues; any error rejects the whole file.

    A fault in a reader (a file shaped in a way no test foresaw) rejects the file with `internal_error`,
    never a traceback; the other files are loaded as usual. `progress(stage, fraction of this file, **values)`."""
    try:
        return _load_file(path, reference, lang, max_bytes, progress or _silent)
    except Exception as err:  # noqa: BLE001 - a message instead of a traceback is the point
        log.error("internal error while reading %s: %s", clean_name(path.name), type(err).__name__)
        report = FileReport(str(path), status="rejected")
        return [], report, [Issue("error", "internal_error", clean_name(path.name), lang=lang)]


def _load_file(path: Path, reference, lang: str, max_bytes: int | None, progress: Progress
               ) -> tuple[list[dict], FileReport, list[Issue]]:
    report = FileReport(str(path))
    progress("reading", 0.0)
    try:
        sheets = read_file(path, max_bytes)
    except FileRejected as rejected:
        report.status = "rejected"
        return [], report, [rejected.issue(lang)]
    rows = sum(len(sheet.rows) for sheet in sheets)
    progress("normalising", READ_SHARE, rows=rows)
    context = Context(clean_name(path.name), reference, lang, sector_codes(sheets))
    records, issues = [], []
    for index, sheet in enumerate(sheets):
        if index:
            progress("normalising", READ_SHARE + (1 - READ_SHARE) * index / len(sheets), rows=rows)
        reason = "sheet_code_list" if is_code_list(sheet) else skip_reason(sheet)
        found = find_table(sheet, reference) if reason is None else reason
        if isinstance(found, str):
            report.sheets.append(SheetReport(sheet.name, skipped=context.issue("warning", found).message))
            continue
        sheet_records, sheet_issues = table_records(found, context)
        if sheet.uncalculated:   # its cells would read empty: names lost, years guessed from elsewhere
            column, row = sheet.uncalculated
            sheet_issues.append(context.issue("error", "formula_uncalculated", sheet.name, row, column,
                                              cell=f"{column}{row}"))
        rule = reference.year_rule(sheet.name, found.headers)
        report.sheets.append(SheetReport(
            sheet.name, found.header_row, len(sheet_records), found.mapping, mapping_source=found.sources,
            unknown=found.unknown_headers, no_year=sum(record["year"] is None for record in sheet_records),
            year_rule=rule and rule.rule, year_rule_source=rule and rule.source))
        records += sheet_records
        issues += sheet_issues
    issues += _duplicates(records, context)
    if sheets and all(not sheet.visible for sheet in sheets):
        issues.append(context.issue("error", "only_hidden_sheets"))
    elif not any(sheet.skipped is None for sheet in report.sheets):
        issues.append(context.issue("error", "no_table"))
    errors = sum(issue.severity == "error" for issue in issues)
    if errors:
        report.status = "rejected"
        issues.append(context.issue("error", "file_rejected", errors=errors))
        return [], report, issues
    return records, report, issues


def _duplicates(records: list[dict], context: Context) -> list[Issue]:
    """The same name, year, agency and region twice in one file: warned on the later row."""
    seen: dict[tuple, dict] = {}
    issues = []
    for record in records:
        key = (text_key(record.get("name") or ""), record.get("year"), record.get("agency"), record.get("region"))
        if key in seen:
            first = seen[key]
            issues.append(context.issue("warning", "duplicate", record["source_sheet"], record["source_row"],
                                        None, first_row=first["source_row"], first_sheet=first["source_sheet"]))
        else:
            seen[key] = record
    return issues


def to_frame(records: list[dict]) -> pd.DataFrame:
    """Records → a frame with exactly the canonical columns and their dtypes; ids made unique."""
    frame = pd.DataFrame.from_records(records, columns=CANONICAL_COLUMNS)
    for column in INTEGER_COLUMNS:
        frame[column] = pd.array(frame[column], dtype="Int64")
    for column in FLOAT_COLUMNS:
        frame[column] = pd.array(frame[column], dtype="Float64")
    for column in BOOL_COLUMNS:
        frame[column] = frame[column].astype("boolean")
    for column in DATETIME_COLUMNS:
        frame[column] = pd.to_datetime(frame[column])
    for column in TEXT_COLUMNS:  # a column no file had is text too, never float NaN
        frame[column] = frame[column].astype("str")
    repeats = frame.groupby("id").cumcount()
    frame["id"] = frame["id"].where(repeats == 0, frame["id"] + "-" + (repeats + 1).astype(str))
    return frame
