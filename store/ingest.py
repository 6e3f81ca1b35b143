"""Uploads: files read and validated first, then every batch, raw file and row written in ONE
transaction under the store's write lock, so two uploads never interleave and a process killed
mid-commit leaves the previous data as it was. Part of `store.database.Store` (a mixin over its
`_read` / `_write` transactions and its visible rows).

An innovation is never counted twice by default: plain "add" refuses a file whose years are already
stored (saying how it compares), so the caller must choose "replace" (the file's years replace the
stored ones) or "add-new" (only innovations whose identity, per year, is not stored yet).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlalchemy as sa

import logs
from i18n import format_int, t
from loaders.errors import Issue
from loaders.load import NOT_DATA_SUFFIXES, FileReport, expand_paths, load_file, to_frame, unused_year_rules
from loaders.reference import Reference
from store.clock import utc_now
from store.compare import compare, sheet_fields
from store.duplicates import CHOICES, KEEP_ONE, place, upload_duplicates
from store.errors import StoreError, StoreIssue
from store.identity import record_identity
from store.tables import batches, innovations, insert_innovations, raw_files, replacements, visible_rows

MODES = ("add", "replace", "add-new")
# Tests only: when set to a file path, an upload creates that file after inserting its rows and waits
# $DASBOR_TEST_PAUSE_SECONDS (default 120) before COMMIT, so a test can SIGKILL it mid-transaction
# or start a second upload while the first holds the write lock.
PAUSE_ENV = "DASBOR_TEST_PAUSE_BEFORE_COMMIT"
log = logging.getLogger("dasbor.store")   # one line per ingest (logs.py)


@dataclass
class IngestResult:
    """What an upload did: per-file reports, every issue, and the batches written (none if rejected)."""

    files: list[FileReport] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    batches: list[dict] = field(default_factory=list)
    mapping_entries: list[dict] = field(default_factory=list)   # with keep_choices: the stored rows that followed
    year_rules_saved: int = 0                                    # with keep_choices: the sheets' rules newly saved

    @property
    def ok(self) -> bool:
        """True when the upload was committed."""
        return bool(self.batches)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == "error"]

    @property
    def records(self) -> int:
        return sum(batch["records"] for batch in self.batches)


@dataclass
class _Loaded:
    path: Path
    content: bytes
    records: list[dict]


class _Refused(Exception):
    """Raised inside a write transaction to roll it back and return `issues` instead."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues


class Ingest:
    """Store methods for uploads."""

    def ingest(self, paths, user: str, mode: str = "add", lang: str = "id", mappings=(),
               sheet_years: dict | None = None, duplicates: str = KEEP_ONE, keep_choices: bool = False,
               _only_if_empty: bool = False) -> IngestResult:
        """`_ingest`, with one log line saying what it did (ids, counts, issue codes: no row data)."""
        started = time.perf_counter()
        fields = {"user": user, "mode": mode}
        try:
            result = self._ingest(paths, user, mode, lang, mappings, sheet_years, duplicates, keep_choices,
                                  _only_if_empty)
        except Exception as error:
            logs.event(log, "ingest", logging.ERROR, **fields, outcome="failed", error=type(error).__name__,
                       duration_ms=round((time.perf_counter() - started) * 1000, 1))
            raise
        outcome = "saved" if result.ok else "refused" if result.errors else "nothing_saved"
        logs.event(log, "ingest", **fields, outcome=outcome, files=len(result.files),
                   batches=[batch["id"] for batch in result.batches], records=result.records,
                   errors=sorted({issue.code for issue in result.errors}),
                   warnings=sum(issue.severity == "warning" for issue in result.issues),
                   duration_ms=round((time.perf_counter() - started) * 1000, 1))
        return result

    def _ingest(self, paths, user: str, mode: str = "add", lang: str = "id", mappings=(),
                sheet_years: dict | None = None, duplicates: str = KEEP_ONE, keep_choices: bool = False,
                _only_if_empty: bool = False) -> IngestResult:
        """Load `paths` (files or folders) and commit them as one batch per file, all or nothing.

        `mode` says what to do where the files' years are already stored (`result.issues` says why
        when nothing is written):
        - "add" (the default) refuses the upload, and says how the files compare with the store,
          so an innovation is never counted twice by mistake; it also refuses a file identical to a
          live batch;
        - "replace": the files' years replace those years of every earlier batch (undone by rolling
          the new batches back);
        - "add-new": only innovations whose (identity, year) is not stored yet are added (nothing at
          all when every one is, with a warning saying so).
        The same innovation and year in two visible batches afterwards is a warning naming both places.
        `mappings` and `sheet_years` apply to this upload only, over the stored mappings (`reference`).
        An innovation listed twice for one year by the files (or one file) of the upload is saved once
        (`duplicates` "keep-one", the default; a warning per row left out names the row kept) or, when
        the user says the rows are different innovations, every time ("keep-all").
        `keep_choices` (the /data confirm) also keeps `mappings` and the year rules the preview chose for
        later uploads, in the same transaction: an upload is never saved without them, nor they without it.
        """
        if mode not in MODES:
            raise StoreError("bad_mode", mode=mode)
        if duplicates not in CHOICES:
            raise StoreError("bad_duplicates", choice=duplicates)
        reference = self.reference(mappings, sheet_years)
        result, loaded = self._load(paths, lang, reference)
        if result.errors or not loaded:
            if not loaded and not result.errors:
                result.issues.append(StoreIssue("error", "no_files", "-", lang=lang))
            return result
        if duplicates == KEEP_ONE:
            loaded = _one_copy_each(loaded, result, lang)
        try:
            with self._write() as connection:
                if _only_if_empty and connection.scalar(sa.select(sa.func.count()).select_from(batches)):
                    return result
                if mode == "add":
                    self._refuse_overlap(connection, loaded, lang)
                elif mode == "add-new":
                    loaded = self._keep_new(connection, loaded, result, lang)
                    if not loaded:
                        return result
                else:
                    result.issues += self._replace_losses(connection, loaded, result.files, reference, lang)
                now = utc_now()   # one upload, one time: its files never replace one another
                ids = [self._insert_batch(connection, item, user, mode, now) for item in loaded]
                if mode == "replace":
                    self._record_replacements(connection, ids)
                result.issues += self._cross_batch_duplicates(connection, ids, lang)
                if keep_choices:
                    self._keep_choices(connection, mappings, result, user, lang)
                self._changed(connection)
                _pause_for_tests()
                result.batches = self._history(connection, ids)
        except _Refused as refused:
            result.issues += refused.issues
        return result

    def _keep_choices(self, connection, mappings, result: IngestResult, user: str, lang: str) -> None:
        """Store the upload's header mappings (the stored rows follow, each with its history entry) and
        the year rules its preview chose (a rule already stored is not saved anew)."""
        for header, target in mappings:
            entry = self._add_mapping(connection, header, target, user, lang)
            if entry:
                result.mapping_entries.append(entry)
        keys = [self._add_year_rule(connection, sheet.name, list(sheet.mapping), sheet.year_rule, user)
                for report in result.files for sheet in report.sheets
                if sheet.year_rule and sheet.year_rule_source != "store"]
        result.year_rules_saved = sum(key is not None for key in keys)

    def _load(self, paths, lang: str, reference: Reference) -> tuple[IngestResult, list[_Loaded]]:
        result, loaded = IngestResult(), []
        for path in expand_paths(paths):
            if path.suffix.lower() in NOT_DATA_SUFFIXES or path.name.startswith("."):
                result.issues.append(Issue("warning", "not_data_file", path.name, lang=lang))
                continue
            records, report, issues = load_file(path, reference, lang)
            result.files.append(report)
            result.issues += issues
            if report.status == "ok":
                loaded.append(_Loaded(path, path.read_bytes(), records))
        result.issues += unused_year_rules(reference, result.files, lang)
        return result, loaded

    def _refuse_overlap(self, connection, loaded: list[_Loaded], lang: str) -> None:
        """Add mode: refuse files already loaded, and files holding years the store already has
        (one error per such year, with how the upload compares with the stored rows of that year)."""
        issues = self._duplicate_files(connection, loaded, lang)
        records = [record for item in loaded for record in item.records]
        stored = self._visible_frame(connection, {record["year"] for record in records}, extra=True)
        if not stored.empty:
            comparison = compare(to_frame(records), stored)
            for year in comparison.overlap:
                files = ", ".join(dict.fromkeys(item.path.name for item in loaded
                                                if any(record["year"] == year for record in item.records)))
                counts = {key: format_int(value, lang) for key, value in comparison.year(year).counts().items()}
                issues.append(StoreIssue("error", "years_overlap", files, lang=lang,
                                         params=tuple({"year": year, **counts}.items())))
        if issues:
            raise _Refused(issues)

    def _replace_losses(self, connection, loaded: list[_Loaded], files, reference: Reference,
                        lang: str) -> list[Issue]:
        """Replace mode: a warning per year for the stored innovations the files do not hold (no longer
        shown), and per year and field for the stored values the files leave empty (store.compare's
        blanked: the file has no such column, or its cell is empty), so nothing is lost unsaid."""
        records = [record for item in loaded for record in item.records]
        stored = self._visible_frame(connection, {record["year"] for record in records}, extra=True)
        if stored.empty:
            return []
        issues = []
        for year in compare(to_frame(records), stored, columns=sheet_fields(files)).years:
            if not year.stored:
                continue
            names = ", ".join(dict.fromkeys(item.path.name for item in loaded
                                            if any(record["year"] == year.year for record in item.records)))
            if year.absent:
                issues.append(StoreIssue("warning", "replace_absent", names, lang=lang, params=(
                    ("year", year.year), ("count", format_int(len(year.absent), lang)))))
            issues += [StoreIssue("warning", f"replace_blanks_{blank['reason']}", names, lang=lang, params=(
                ("year", year.year), ("field", reference.column_label(blank["field"], lang)),
                ("count", format_int(blank["count"], lang)))) for blank in year.blanked()]
        return issues

    def _duplicate_files(self, connection, loaded: list[_Loaded], lang: str) -> list[Issue]:
        seen: dict[str, str] = {}
        issues = []
        for item in loaded:
            digest = hashlib.sha256(item.content).hexdigest()
            live = connection.scalar(sa.select(sa.func.min(batches.c.id)).where(
                batches.c.sha256 == digest, batches.c.status != "rolled_back"))
            if live is not None:
                issues.append(StoreIssue("error", "duplicate_file", item.path.name, lang=lang,
                                         params=(("batch", live),)))
            elif digest in seen:
                issues.append(StoreIssue("error", "duplicate_in_upload", item.path.name, lang=lang,
                                         params=(("other", seen[digest]),)))
            seen.setdefault(digest, item.path.name)
        return issues

    def _keep_new(self, connection, loaded: list[_Loaded], result: IngestResult, lang: str) -> list[_Loaded]:
        """Add-new mode: each file without the innovations whose (identity, year) is stored; files left
        with nothing are dropped. Warnings say how many were skipped, or that nothing is new."""
        years = {record["year"] for item in loaded for record in item.records}
        stored = {tuple(row) for row in connection.execute(
            sa.select(innovations.c.identity, innovations.c.year)
            .select_from(innovations.join(batches, batches.c.id == innovations.c.batch_id))
            .where(visible_rows(), innovations.c.year.in_(sorted(years))))}
        kept = []
        for item in loaded:
            new = [record for record in item.records if (record_identity(record), record["year"]) not in stored]
            skipped = len(item.records) - len(new)
            if skipped and new:
                result.issues.append(StoreIssue("warning", "already_stored", item.path.name, lang=lang, params=(
                    ("skipped", format_int(skipped, lang)), ("added", format_int(len(new), lang)))))
            if new:
                kept.append(replace(item, records=new))
        if not kept:
            result.issues.append(StoreIssue("warning", "nothing_new", ", ".join(i.path.name for i in loaded),
                                            lang=lang))
        return kept

    def _cross_batch_duplicates(self, connection, ids: list[int], lang: str) -> list[Issue]:
        """A warning for each row of the new batches whose innovation and year is also visible in
        another batch, naming both places (the earliest other row)."""
        years = connection.execute(sa.select(innovations.c.year).distinct()
                                   .where(innovations.c.batch_id.in_(ids))).scalars().all()
        # twice in one file: the loaders already warned
        return self._duplicate_warnings(connection, years, lambda row, first: row.batch_id != first.batch_id
                                        and row.batch_id in ids, lang)

    def _changed_duplicates(self, connection, changes: list[tuple[int, dict, dict, int]], lang: str) -> list[Issue]:
        """A warning for each innovation an edit's `changes` (row_id, before, after, year) make appear twice
        in a year, naming both places."""
        changed = {row_id for row_id, *_ in changes}
        return self._duplicate_warnings(connection, {year for *_, year in changes},
                                        lambda row, first: row.row_id in changed or first.row_id in changed, lang)

    @staticmethod
    def _duplicate_warnings(connection, years, reported, lang: str) -> list[Issue]:
        """A warning for each visible row of `years` whose innovation and year is visible at an earlier
        place too and for which `reported(row, first)` holds, naming both places (the earliest one)."""
        query = (sa.select(innovations.c.identity, innovations.c.year, innovations.c.batch_id, innovations.c.row_id,
                           innovations.c.name, innovations.c.source_file, innovations.c.source_sheet,
                           innovations.c.source_row)
                 .select_from(innovations.join(batches, batches.c.id == innovations.c.batch_id))
                 .where(visible_rows(), innovations.c.year.in_(sorted(years)))
                 .order_by(innovations.c.batch_id, innovations.c.row_id))
        groups: dict[tuple, list] = defaultdict(list)
        for row in connection.execute(query):
            groups[(row.identity, row.year)].append(row)
        issues = []
        for rows in groups.values():
            first = rows[0]
            for row in rows[1:]:
                if reported(row, first):
                    issues.append(StoreIssue("warning", "duplicate_across_batches", row.source_file, row.source_sheet,
                                             row.source_row, lang=lang, params=(
                                                 ("name", row.name), ("year", row.year), ("batch", row.batch_id),
                                                 ("other_batch", first.batch_id),
                                                 ("other", _place(first.source_file, first.source_sheet,
                                                                  first.source_row, lang)))))
        return issues

    def _insert_batch(self, connection, item: _Loaded, user: str, mode: str, now) -> int:
        by_year = Counter(record.get("year") for record in item.records)
        batch_id = connection.execute(batches.insert().values(
            file_name=item.path.name, sha256=hashlib.sha256(item.content).hexdigest(), size=len(item.content),
            uploaded_by=user, uploaded_at=now, status="active", mode=mode, records=len(item.records),
            by_year=json.dumps({str(year): by_year[year] for year in sorted(by_year, key=str)}),
        )).inserted_primary_key[0]
        connection.execute(raw_files.insert().values(batch_id=batch_id, file_name=item.path.name,
                                                     content=item.content))
        if item.records:
            insert_innovations(connection, batch_id, item.records)
        return batch_id

    def _record_replacements(self, connection, ids: list[int]) -> None:
        """Each new batch hides, for the years it holds, every earlier batch's rows of those years."""
        pairs = connection.execute(sa.select(innovations.c.batch_id, innovations.c.year).distinct()
                                   .where(innovations.c.batch_id.in_(ids))).all()
        for batch_id, year in pairs:
            earlier = connection.execute(sa.select(innovations.c.batch_id).distinct().where(
                innovations.c.year == year, innovations.c.batch_id < min(ids))).scalars().all()
            if earlier:
                connection.execute(replacements.insert(), [
                    {"batch_id": batch_id, "replaced_batch_id": old, "year": year} for old in earlier])


def _place(file: str, sheet: str | None, row: int | None, lang: str) -> str:
    """Where a row was read, in words: 'iid_2025.xlsx, lembar Sheet1, baris 12'."""
    if sheet:
        return t("store.place", lang, file=file, sheet=sheet, row=row)
    return t("store.place_no_sheet", lang, file=file, row=row)


def _one_copy_each(loaded: list[_Loaded], result: IngestResult, lang: str) -> list[_Loaded]:
    """The upload with one copy of each innovation listed twice for a year (store.duplicates), a
    warning on each row left out naming the row kept; files left with nothing are dropped."""
    records = [record for item in loaded for record in item.records]
    found = upload_duplicates(records)
    left_out = set()
    for duplicate in found:
        kept = place(records[duplicate.kept])
        for index in duplicate.skipped:
            left_out.add(id(records[index]))
            where = place(records[index])
            result.issues.append(StoreIssue("warning", "duplicate_skipped", where["file"], where["sheet"],
                                            where["row"], lang=lang, params=(
                                                ("name", duplicate.name), ("year", duplicate.year),
                                                ("kept", _place(kept["file"], kept["sheet"], kept["row"], lang)))))
    if not left_out:
        return loaded
    kept_items = [replace(item, records=[r for r in item.records if id(r) not in left_out]) for item in loaded]
    return [item for item in kept_items if item.records]


def _pause_for_tests() -> None:
    marker = os.environ.get(PAUSE_ENV)
    if marker:
        Path(marker).write_text(str(os.getpid()))
        time.sleep(float(os.environ.get("DASBOR_TEST_PAUSE_SECONDS", "120")))
