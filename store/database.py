"""The store: the system of record behind the dashboard (SQLAlchemy Core; SQLite or PostgreSQL).

    store = open_store()                      # DATABASE_URL, else instance/dasbor.sqlite3 (seeded)
    result = store.ingest(["rekap_2018.xlsx"], user="budi", mode="replace")   # or "add", "add-new"
    store.compare(frame)                      # a loaded file against the stored rows of its years
    store.current_frame()                     # the visible innovations, as load_paths would give them
    store.data_version()                      # changes with every upload, rollback, restore, alias or workspace edit
    store.save_field(identity, 2025, "background", text, base_version=0, user="budi")   # store/workspace.py
    store.history(); store.rollback(3); store.restore(3)

Uploads are all or nothing: files are read and validated first, then every batch, raw file and row
is written in ONE transaction that holds the store's write lock (SQLite: BEGIN IMMEDIATE;
PostgreSQL: a transaction-level advisory lock), so two uploads never interleave and a process
killed mid-commit leaves the previous data as it was. Nothing is ever deleted: rollback and restore
flip a batch's status, and replace mode records which (batch, year) pairs a batch hides.

An innovation is never counted twice by default: plain "add" refuses a file whose years are already
stored (saying how it compares), so the caller must choose "replace" (the file's years replace the
stored ones) or "add-new" (only innovations whose identity, per year, is not stored yet).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import time
import uuid
from collections import Counter
from contextlib import contextmanager
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from loaders.errors import Issue
from loaders.load import (NOT_DATA_SUFFIXES, FileReport, expand_paths, load_file, to_frame, unused_year_rules,
                          SAMPLE_DIR)
from loaders.records import innovation_id
from loaders.reference import IGNORE, Reference, load_reference, parse_year_rule, sheet_shape
from loaders.schema import CANONICAL_COLUMNS, DATETIME_COLUMNS, SOURCE_COLUMNS
from i18n import format_int, t
from store.accounts import ROLES, hash_password, verify_password
from store.compare import Comparison, compare
from store.duplicates import CHOICES, KEEP_ONE, doubled_rows, doubled_years, place, upload_duplicates
from store.engine import create_engine, upgrade
from store.errors import StoreError, StoreIssue
from store.identity import identity_key, record_identity
from store.sessions import Sessions
from store.workspace import VERSION_KEY as WORKSPACE_KEY, Workspaces
from store.tables import (DOUBLED_MODE, agency_aliases, batches, column_mappings, edits, innovations,
                          insert_innovations, meta, raw_files, replacements, users, visible_rows, year_rules)
from loaders.text import text_key

ENV_URL = "DATABASE_URL"
ENV_INSTANCE = "DASBOR_INSTANCE"  # the instance folder (SQLite file, secret key); default ./instance
DEFAULT_INSTANCE = Path(__file__).resolve().parent.parent / "instance"
SYSTEM_USER = "sistem"
LABEL_FILES = 3  # a caption names at most this many uploaded files
MODES = ("add", "replace", "add-new")
ALIAS_MODE = "alias"   # a batch-like history entry: an agency alias applied to the stored rows
MAPPING_MODE = "mapping"   # the same for a header mapping filling a column of the stored rows
REWRITE_MODES = (ALIAS_MODE, MAPPING_MODE)   # entries that rewrote stored values (undone by writing them back)
EDIT_MODES = (*REWRITE_MODES, DOUBLED_MODE)   # ... and the one hiding older copies (undone by its status alone)
# A header mapping newly saved fills the other columns of stored rows where they are empty; a mapping
# to one of these fields changes, where the file read with it differs from the file read without it,
# the stored row's columns listed (the agency follows the region: only this regency's rows are matched
# against its register), and with them the row's id and identity.
RETROACTIVE = {"name": ["name"], "year": ["year", "year_source"],
               "agency": ["agency", "agency_raw", "agency_known", "unit"],
               "region": ["region", "agency", "agency_known", "unit"],
               "sector": ["sector", "sector_raw"], "sectors_other": ["sectors_other"]}
IDENTITY_COLUMNS = ["name", "year", "agency", "region"]
# Tests only: when set to a file path, an upload creates that file after inserting its rows and waits
# $DASBOR_TEST_PAUSE_SECONDS (default 120) before COMMIT, so a test can SIGKILL it mid-transaction
# or start a second upload while the first holds the write lock.
PAUSE_ENV = "DASBOR_TEST_PAUSE_BEFORE_COMMIT"
_LOCK_KEY = 0x6D75_6172  # PostgreSQL advisory lock id of the store's writers ("muar")


@dataclass
class IngestResult:
    """What an upload did: per-file reports, every issue, and the batches written (none if rejected)."""

    files: list[FileReport] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    batches: list[dict] = field(default_factory=list)

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


def database_url(url: str | None = None) -> str:
    """`url`, else $DATABASE_URL, else the embedded SQLite file (its folder created)."""
    url = url or os.environ.get(ENV_URL)
    if url:
        return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url
    path = instance_dir() / "dasbor.sqlite3"
    _private_file(path)
    return f"sqlite:///{path}"


def _private_file(path: Path) -> None:
    """Create the embedded store's file readable by its owner only (0600; SQLite gives its -wal and
    -shm files the same mode), and take group and other access away from an older one."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        if os.stat(path).st_mode & 0o077 and os.stat(path).st_uid == os.geteuid():
            path.chmod(0o600)


def instance_dir() -> Path:
    """$DASBOR_INSTANCE, else instance/ in the project: the embedded store (with users' password
    hashes) and the secret key, so the folder is created readable by its owner only (0700)."""
    folder = Path(os.environ.get(ENV_INSTANCE) or DEFAULT_INSTANCE)
    if not folder.exists() or folder.resolve() == Path(DEFAULT_INSTANCE).resolve():
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)
    return folder


class _Refused(Exception):
    """Raised inside a write transaction to roll it back and return `issues` instead."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues


def open_store(url: str | None = None, seed: bool | None = None) -> "Store":
    """Open (and create or migrate) the store at `url`, $DATABASE_URL or the embedded SQLite file.

    `seed` fills an empty store from data/sample/; by default only the embedded store is seeded.
    """
    explicit = url or os.environ.get(ENV_URL)
    store = Store(create_engine(database_url(url)))
    store.migrate()
    if seed if seed is not None else not explicit:
        store.seed()
    return store


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    value = value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)  # SQLite drops the zone
    return value.isoformat(timespec="seconds")


@dataclass
class _Loaded:
    path: Path
    content: bytes
    records: list[dict]


class Store(Sessions, Workspaces):
    """The store behind one SQLAlchemy engine; every method opens its own short transaction."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine

    def close(self) -> None:
        """Release the engine's connections."""
        self.engine.dispose()

    @contextmanager
    def _write(self, lock: bool = True):
        """One write transaction holding the store's write lock (released at commit or rollback).
        `lock=False` (sessions, login records): PostgreSQL skips the uploads' advisory lock."""
        with self.engine.connect() as connection:
            connection.execution_options(dasbor_write=True)
            with connection.begin():
                if lock and self.engine.dialect.name == "postgresql":
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_LOCK_KEY)))
                yield connection

    @contextmanager
    def _read(self):
        with self.engine.connect() as connection, connection.begin():
            yield connection

    def migrate(self) -> None:
        """Create or upgrade the tables (Alembic), under the write lock so workers can start together."""
        with self._write() as connection:
            upgrade(connection)
            if connection.scalar(sa.select(meta.c.value).where(meta.c.key == "instance")) is None:
                connection.execute(meta.insert().values(key="instance", value=uuid.uuid4().hex[:8]))

    def seed(self, paths=(SAMPLE_DIR,)) -> IngestResult | None:
        """Fill an empty store from `paths` (the sample data); does nothing when it holds any batch."""
        with self._read() as connection:
            if connection.scalar(sa.select(sa.func.count()).select_from(batches)):
                return None
        return self.ingest(paths, SYSTEM_USER, _only_if_empty=True)

    # --- reading -------------------------------------------------------------------------------

    def data_version(self) -> str:
        """A short key that changes whenever what the dashboard shows changes (one indexed read)."""
        with self._read() as connection:
            values = dict(connection.execute(sa.select(meta.c.key, meta.c.value)
                                             .where(meta.c.key.in_(["instance", "version", WORKSPACE_KEY]))).all())
        workspace = values.get(WORKSPACE_KEY)   # proposal workspaces: the uploaded rows need not be read again
        return f"{values.get('instance', '')}-{values.get('version', '0')}" + (f"-w{workspace}" if workspace else "")

    def current_frame(self) -> pd.DataFrame:
        """The visible innovations: canonical columns and dtypes exactly as `load_paths` gives them."""
        with self._read() as connection:
            return self._visible_frame(connection)

    def compare(self, frame: pd.DataFrame, progress=None) -> Comparison:
        """The canonical frame of a loaded file compared, year by year, with the visible stored rows
        (`progress`: see store.compare.compare)."""
        with self._read() as connection:
            stored = self._visible_frame(connection, _years(frame["year"]), extra=True)
        return compare(frame, stored, progress)

    @staticmethod
    def _visible_frame(connection, years=None, extra: bool = False) -> pd.DataFrame:
        """The visible rows (of `years` only, when given) as a canonical frame; with `extra`, each
        row's `identity`, `batch_id` and `row_id` too."""
        columns = [innovations.c[name] for name in CANONICAL_COLUMNS]
        more = [innovations.c.identity, innovations.c.batch_id, innovations.c.row_id] if extra else []
        joined = innovations.join(batches, batches.c.id == innovations.c.batch_id)
        query = sa.select(*columns, *more).select_from(joined).where(visible_rows()).order_by(
            innovations.c.batch_id, innovations.c.row_id)
        if years is not None:
            query = query.where(innovations.c.year.in_(sorted(years)))
        rows = connection.execute(query).all()
        frame = to_frame([dict(zip(CANONICAL_COLUMNS, row)) for row in rows])
        if extra:
            frame["identity"] = pd.Series([row.identity for row in rows], index=frame.index, dtype="object")
            frame["batch_id"] = pd.Series([row.batch_id for row in rows], index=frame.index, dtype="object")
            frame["row_id"] = pd.Series([row.row_id for row in rows], index=frame.index, dtype="object")
        return frame

    def doubled(self) -> list[dict]:
        """The years that count an innovation more than once because two batches hold it (stores older
        than identities; store.duplicates.doubled_years): year, innovations, rows, extra, batches."""
        with self._read() as connection:
            return doubled_years(self._visible_frame(connection, extra=True))

    def resolve_doubled(self, user: str) -> dict | None:
        """Keep the newest batch's copy of every innovation two batches hold for a year: the older
        copies are hidden (not deleted) by one history entry (mode "doubled") that rollback undoes;
        returned, or None when nothing is doubled. A hidden copy shows again if the newer batch is
        rolled back (store.tables.visible_rows)."""
        with self._write() as connection:
            older = doubled_rows(self._visible_frame(connection, extra=True))
            if older.empty:
                return None
            years = ", ".join(str(year) for year in sorted(set(older["year"].astype(int))))
            changes = [(int(row_id), {"visible": True}, {"visible": False}, int(year))
                       for row_id, year in zip(older["row_id"], older["year"])]
            entry = self._edit_entry(connection, DOUBLED_MODE, years, user, None, changes)
            self._changed(connection)
            return entry

    def history(self) -> list[dict]:
        """Every batch, oldest first: id, file, who, when, mode, status, records, active_records, by_year."""
        with self._read() as connection:
            return self._history(connection)

    def _history(self, connection, ids: list[int] | None = None) -> list[dict]:
        visible = dict(connection.execute(
            sa.select(innovations.c.batch_id, sa.func.count())
            .select_from(innovations.join(batches, batches.c.id == innovations.c.batch_id))
            .where(visible_rows()).group_by(innovations.c.batch_id)).all())
        query = sa.select(batches).order_by(batches.c.id)
        if ids is not None:
            query = query.where(batches.c.id.in_(ids))
        return [{"id": row.id, "file": row.file_name, "sha256": row.sha256, "size": row.size,
                 "who": row.uploaded_by, "when": _iso(row.uploaded_at), "mode": row.mode, "status": row.status,
                 "active": row.status == "active", "records": row.records,
                 "active_records": visible.get(row.id, 0), "by_year": json.loads(row.by_year),
                 "changed_by": row.changed_by, "changed_at": _iso(row.changed_at)}
                for row in connection.execute(query)]

    def raw_file(self, batch_id: int) -> tuple[str, bytes]:
        """The file of batch `batch_id` exactly as it was uploaded: (file name, bytes)."""
        with self._read() as connection:
            row = connection.execute(sa.select(raw_files.c.file_name, raw_files.c.content)
                                     .where(raw_files.c.batch_id == batch_id)).first()
        if row is None:
            raise StoreError("batch_unknown", batch=batch_id)
        return row.file_name, bytes(row.content)

    def aliases(self) -> list[dict]:
        """The agency aliases users added: alias, agency, created_by, created_at."""
        with self._read() as connection:
            rows = connection.execute(sa.select(agency_aliases).order_by(agency_aliases.c.id)).all()
        return [{"alias": r.alias, "agency": r.agency, "created_by": r.created_by, "created_at": _iso(r.created_at)}
                for r in rows]

    def mappings(self) -> list[dict]:
        """The header mappings users saved: header, target (a column or "ignore"), created_by, created_at."""
        with self._read() as connection:
            rows = connection.execute(sa.select(column_mappings).order_by(column_mappings.c.id)).all()
        return [{"header": r.header, "target": r.target, "created_by": r.created_by,
                 "created_at": _iso(r.created_at)} for r in rows]

    def year_rules(self) -> list[dict]:
        """The year rules users saved: sheet, headers (as written), shape_key, rule, created_by, created_at."""
        with self._read() as connection:
            rows = connection.execute(sa.select(year_rules).order_by(year_rules.c.id)).all()
        return [{"sheet": r.sheet, "headers": json.loads(r.headers), "shape_key": r.shape_key, "rule": r.rule,
                 "created_by": r.created_by, "created_at": _iso(r.created_at)} for r in rows]

    def edits(self, batch_id: int) -> list[dict]:
        """What a history entry of mode alias or mapping changed, per stored row: row_id, name, and the
        values `before` (the row's former ones) and `after`, oldest first (who and when: `history`)."""
        with self._read() as connection:
            rows = connection.execute(
                sa.select(edits.c.row_id, edits.c.before, edits.c.after, innovations.c.name)
                .select_from(edits.join(innovations, innovations.c.row_id == edits.c.row_id))
                .where(edits.c.batch_id == batch_id).order_by(edits.c.id)).all()
        return [{"row_id": r.row_id, "name": r.name, "before": json.loads(r.before), "after": json.loads(r.after)}
                for r in rows]

    def reference(self, mappings=(), sheet_years: dict | None = None, source: str = "option") -> Reference:
        """The reference the loaders use for the next upload: data/reference plus the stored aliases,
        header mappings and year rules, then `mappings` ((header, target) pairs given for this load by
        `source`: "option" for `--map` / `--year`, "preview" on /data) and `sheet_years` (sheet → rule)."""
        for header, target in mappings:
            if not text_key(header) or target not in SOURCE_COLUMNS and target != IGNORE:
                raise StoreError("bad_mapping", header=header, target=target)
        for sheet, rule in (sheet_years or {}).items():
            _year_rule(sheet, rule)
        return (load_reference()
                .with_agency_aliases([(row["alias"], row["agency"]) for row in self.aliases()])
                .with_header_mappings([(row["header"], row["target"]) for row in self.mappings()], "store")
                .with_stored_year_rules(self.year_rules())
                .with_header_mappings(list(mappings), source)
                .with_sheet_years(sheet_years or {}, source))

    def add_year_rule(self, sheet: str, headers, rule: str, user: str) -> dict | None:
        """Save the year rule `rule` (a year, "title", "code" or "code:<header>") for sheets named `sheet`
        with these `headers` (the sheet's shape), for every later upload and for `inspect` / `ingest`
        run against the store; a later rule for the same shape replaces it. Returns the saved rule;
        None when that very rule was already saved for the shape (its who and when stay)."""
        rule = _year_rule(sheet, rule)
        headers = [" ".join(str(header).split()) for header in headers if header is not None and str(header).strip()]
        key = sheet_shape(sheet, headers)
        with self._write() as connection:
            if connection.scalar(sa.select(year_rules.c.rule).where(year_rules.c.shape_key == key)) == rule:
                return None
            connection.execute(year_rules.delete().where(year_rules.c.shape_key == key))
            connection.execute(year_rules.insert().values(sheet=sheet, headers=json.dumps(headers, ensure_ascii=False),
                                                          shape_key=key, rule=rule, created_by=user,
                                                          created_at=_now()))
        return next(row for row in self.year_rules() if row["shape_key"] == key)

    # --- writing -------------------------------------------------------------------------------

    def ingest(self, paths, user: str, mode: str = "add", lang: str = "id", mappings=(),
               sheet_years: dict | None = None, duplicates: str = KEEP_ONE,
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
        """
        if mode not in MODES:
            raise StoreError("bad_mode", mode=mode)
        if duplicates not in CHOICES:
            raise StoreError("bad_duplicates", choice=duplicates)
        result, loaded = self._load(paths, lang, self.reference(mappings, sheet_years))
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
                ids = [self._insert_batch(connection, item, user, mode) for item in loaded]
                if mode == "replace":
                    self._record_replacements(connection, ids)
                result.issues += self._cross_batch_duplicates(connection, ids, lang)
                self._changed(connection)
                _pause_for_tests()
                result.batches = self._history(connection, ids)
        except _Refused as refused:
            result.issues += refused.issues
        return result

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

    def _insert_batch(self, connection, item: _Loaded, user: str, mode: str) -> int:
        by_year = Counter(record.get("year") for record in item.records)
        batch_id = connection.execute(batches.insert().values(
            file_name=item.path.name, sha256=hashlib.sha256(item.content).hexdigest(), size=len(item.content),
            uploaded_by=user, uploaded_at=_now(), status="active", mode=mode, records=len(item.records),
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

    def _changed(self, connection) -> None:
        """After any change: derive 'replaced' statuses and bump the data version."""
        counts = self._history(connection)
        for batch in counts:
            if batch["status"] == "rolled_back" or batch["mode"] in EDIT_MODES:
                continue
            status = "replaced" if batch["records"] and not batch["active_records"] else "active"
            if status != batch["status"]:
                connection.execute(batches.update().where(batches.c.id == batch["id"]).values(status=status))
        version = int(connection.scalar(sa.select(meta.c.value).where(meta.c.key == "version")) or 0)
        connection.execute(meta.update().where(meta.c.key == "version").values(value=str(version + 1)))

    def rollback(self, batch_id: int, user: str = SYSTEM_USER) -> dict:
        """Take batch `batch_id` out of the data; what it replaced comes back. Returns its history entry."""
        return self._set_status(batch_id, user, "rolled_back")

    def restore(self, batch_id: int, user: str = SYSTEM_USER) -> dict:
        """Bring a rolled-back batch back (and its replacements of earlier batches with it)."""
        return self._set_status(batch_id, user, "active")

    def _set_status(self, batch_id: int, user: str, status: str) -> dict:
        with self._write() as connection:
            current = connection.scalar(sa.select(batches.c.status).where(batches.c.id == batch_id))
            if current is None:
                raise StoreError("batch_unknown", batch=batch_id)
            if status == "rolled_back" and current == "rolled_back":
                raise StoreError("already_rolled_back", batch=batch_id)
            if status == "active" and current != "rolled_back":
                raise StoreError("not_rolled_back", batch=batch_id)
            connection.execute(batches.update().where(batches.c.id == batch_id).values(
                status=status, changed_by=user, changed_at=_now()))
            if connection.scalar(sa.select(batches.c.mode).where(batches.c.id == batch_id)) in REWRITE_MODES:
                self._apply_edits(connection, batch_id, "before" if status == "rolled_back" else "after", user)
            self._changed(connection)
            return self._history(connection, [batch_id])[0]

    def add_alias(self, alias: str, agency: str, user: str) -> dict | None:
        """Map the agency name `alias` (as written in uploads) to the canonical `agency`, for later uploads
        and for the stored rows already written that way: those are re-resolved in one history entry
        (mode "alias", rolled back and restored like a batch), returned; None when no stored row changed."""
        alias = " ".join(str(alias).split())
        base = load_reference()
        if agency not in base.agency_names:
            raise StoreError("unknown_agency_target", agency=agency)
        known = base.agency_index.get(text_key(alias))
        if not alias or known is not None and known.agency != agency:
            raise StoreError("alias_conflict", alias=alias, agency=known.agency if known else "")
        with self._write() as connection:
            key = text_key(alias)
            previous = connection.execute(sa.select(agency_aliases.c.alias, agency_aliases.c.agency)
                                          .where(agency_aliases.c.alias_key == key)).first()
            self._set_alias(connection, {"alias": alias, "agency": agency}, user)
            entry = self._apply_alias(connection, key, {"alias": alias, "agency": agency},
                                      previous._asdict() if previous else None, user)
            self._changed(connection)
            return entry

    @staticmethod
    def _set_alias(connection, value: dict | None, user: str, key: str | None = None) -> None:
        """Make the stored alias `value` ({"alias", "agency"}) current, or remove alias `key` when None."""
        key = text_key(value["alias"]) if value else key
        connection.execute(agency_aliases.delete().where(agency_aliases.c.alias_key == key))
        if value:
            connection.execute(agency_aliases.insert().values(alias=value["alias"], alias_key=key,
                                                              agency=value["agency"], created_by=user,
                                                              created_at=_now()))

    def _apply_alias(self, connection, key: str, value: dict, previous: dict | None, user: str) -> dict | None:
        """Re-resolve the stored rows of this regency whose raw agency is the alias: one history entry."""
        home = load_reference().regency["name"]
        agency = value["agency"]
        rows = [row for row in connection.execute(
            sa.select(innovations.c.row_id, innovations.c.name, innovations.c.year, innovations.c.region,
                      innovations.c.agency, innovations.c.agency_known, innovations.c.id, innovations.c.identity,
                      innovations.c.agency_raw).where(innovations.c.agency_raw.isnot(None))).all()
                if text_key(row.agency_raw) == key and row.region == home
                and (row.agency != agency or not row.agency_known)]
        if not rows:
            return None
        changes = [(row.row_id, {"agency": row.agency, "agency_known": row.agency_known, "id": row.id,
                                 "identity": row.identity},
                    {"agency": agency, "agency_known": True,
                     "id": innovation_id({"region": row.region, "agency": agency, "year": row.year, "name": row.name}),
                     "identity": identity_key(row.name, agency, row.region)}, row.year) for row in rows]
        return self._edit_entry(connection, ALIAS_MODE, f"{value['alias']} → {agency}", user,
                                ({"key": key, "alias": previous}, {"key": key, "alias": value}), changes)

    def _edit_entry(self, connection, mode: str, label: str, user: str, setting: tuple[dict, dict] | None,
                    changes: list[tuple[int, dict, dict, int]]) -> dict:
        """Write a batch-like history entry of `mode`: the setting it changes (before, after; None for
        none) and each row's (row_id, before, after, year), then apply the after side (an entry hiding
        doubled rows rewrites nothing: its status alone hides them)."""
        by_year = Counter(year for *_, year in changes)
        batch_id = connection.execute(batches.insert().values(
            file_name=label, sha256=hashlib.sha256(f"{label}|{_now().isoformat()}".encode()).hexdigest(), size=0,
            uploaded_by=user, uploaded_at=_now(), status="active", mode=mode, records=len(changes),
            by_year=json.dumps({str(year): by_year[year] for year in sorted(by_year, key=str)}),
        )).inserted_primary_key[0]
        rows = [] if setting is None else [{"batch_id": batch_id, "row_id": None, "before": json.dumps(setting[0]),
                                            "after": json.dumps(setting[1])}]
        rows += [{"batch_id": batch_id, "row_id": row_id, "before": json.dumps(before, default=str),
                  "after": json.dumps(after, default=str)} for row_id, before, after, _ in changes]
        connection.execute(edits.insert(), rows)
        if mode in REWRITE_MODES:
            self._apply_edits(connection, batch_id, "after", user)
        return self._history(connection, [batch_id])[0]

    def _apply_edits(self, connection, batch_id: int, side: str, user: str) -> None:
        """Write the `side` ("before" or "after") values of every edit of an alias entry, all at once."""
        for edit in connection.execute(sa.select(edits).where(edits.c.batch_id == batch_id).order_by(edits.c.id)):
            values = json.loads(getattr(edit, side))
            if edit.row_id is None and "alias" in values:
                self._set_alias(connection, values["alias"], user, values["key"])
            elif edit.row_id is None:
                self._set_mapping(connection, values["mapping"], user, values["key"])
            else:
                connection.execute(innovations.update().where(innovations.c.row_id == edit.row_id)
                                   .values(**_typed(values)))

    def add_mapping(self, header: str, target: str, user: str, lang: str = "id") -> dict | None:
        """Map the column header `header` (as written) to the source column `target`, or "ignore" it,
        for every later upload (and `inspect` / `ingest` against the store). The stored rows whose raw
        file has that header follow (see _apply_mapping) in one history entry (mode "mapping", rolled
        back and restored like a batch), returned with `issues`: warnings for an innovation that now
        appears twice; None when no stored row changed."""
        header = " ".join(str(header).split())
        if not text_key(header) or target not in SOURCE_COLUMNS and target != IGNORE:
            raise StoreError("bad_mapping", header=header, target=target)
        key = text_key(header)
        value = {"header": header, "target": target}
        with self._write() as connection:
            previous = connection.execute(sa.select(column_mappings.c.header, column_mappings.c.target)
                                          .where(column_mappings.c.header_key == key)).first()
            self._set_mapping(connection, value, user)
            entry = self._apply_mapping(connection, key, value, previous._asdict() if previous else None, user,
                                        lang)
            self._changed(connection)
            return entry

    @staticmethod
    def _set_mapping(connection, value: dict | None, user: str, key: str | None = None) -> None:
        """Make the stored mapping `value` ({"header", "target"}) current, or remove mapping `key` when None."""
        key = text_key(value["header"]) if value else key
        connection.execute(column_mappings.delete().where(column_mappings.c.header_key == key))
        if value:
            connection.execute(column_mappings.insert().values(header=value["header"], header_key=key,
                                                               target=value["target"], created_by=user,
                                                               created_at=_now()))

    def _apply_mapping(self, connection, key: str, value: dict, previous: dict | None, user: str,
                       lang: str = "id") -> dict | None:
        """Read the raw file of every live upload again with the new mapping and carry what it changes
        into the stored rows (matched by sheet and row): one history entry, with the rows' former
        values. Other columns are filled where the stored row has them empty. The name, year, agency,
        region and urusan change where the file read with the mapping differs from the file read
        without it and the stored row still holds the latter (nothing edited since); the row's id and
        identity follow. A row whose new identity and year is also stored elsewhere is kept, with a
        warning naming both places (entry["issues"])."""
        target = value["target"]
        if target == IGNORE:
            return None
        retro = RETROACTIVE.get(target)
        columns = retro or [target] + ([f"{target}_precision"] if f"{target}_precision" in CANONICAL_COLUMNS else [])
        reference = self.reference([(value["header"], target)], source="store")
        without = self.reference() if retro else None   # the committed mappings: the file as it was read
        live = connection.execute(sa.select(batches.c.id).where(
            batches.c.status != "rolled_back", batches.c.mode.notin_(EDIT_MODES)).order_by(batches.c.id)).scalars()
        kept = [*IDENTITY_COLUMNS, *columns]
        changes = []
        for batch_id in list(live):
            read = self._reread(connection, batch_id, key, reference)
            if read is None:
                continue
            before_read = self._reread(connection, batch_id, None, without) if retro else {}
            stored = connection.execute(sa.select(innovations.c.row_id, innovations.c.source_sheet,
                                                  innovations.c.source_row, innovations.c.id,
                                                  innovations.c.identity,
                                                  *[innovations.c[c] for c in dict.fromkeys(kept)])
                                        .where(innovations.c.batch_id == batch_id)).all()
            for item in stored:
                place = (item.source_sheet, item.source_row)
                record = read.get(place)
                if record is None:
                    continue
                change = (_identity_change(item, record, before_read.get(place), columns) if retro
                          else _fill_change(item, record, target, columns))
                if change:
                    changes.append((item.row_id, *change, change[1].get("year", item.year)))
        if not changes:
            return None
        entry = self._edit_entry(connection, MAPPING_MODE, f"{value['header']} → {target}", user,
                                 ({"key": key, "mapping": previous}, {"key": key, "mapping": value}), changes)
        changed = {row_id for row_id, *_ in changes}
        entry["issues"] = self._duplicate_warnings(
            connection, {year for *_, year in changes}, lambda row, first: row.row_id in changed
            or first.row_id in changed, lang) if retro else []
        return entry

    @staticmethod
    def _reread(connection, batch_id: int, key: str | None, reference: Reference) -> dict | None:
        """The records of batch `batch_id`'s raw file read with `reference`, by (sheet, row); None when
        there is no raw file or (with `key`) no sheet of it has the stored mapping of header `key`."""
        row = connection.execute(sa.select(raw_files.c.file_name, raw_files.c.content)
                                 .where(raw_files.c.batch_id == batch_id)).first()
        if row is None:
            return None
        with tempfile.TemporaryDirectory(prefix="dasbor-remap-") as folder:
            path = Path(folder) / Path(row.file_name).name
            path.write_bytes(bytes(row.content))
            records, report, _ = load_file(path, reference)
        if key is not None and not any(
                key in {text_key(h) for h, source in sheet.mapping_source.items() if source == "store"}
                for sheet in report.sheets):
            return None
        return {(record["source_sheet"], record["source_row"]): record for record in records}

    def add_user(self, name: str, role: str, password: str) -> bool:
        """Create user `name` or reset their role and password (which ends their sessions); True when
        the user is new."""
        name = (name or "").strip()
        if not name or len(name) > 64 or any(ch.isspace() for ch in name):
            raise StoreError("bad_user_name", name=name)
        if role not in ROLES:
            raise StoreError("bad_role", role=role)
        password_hash = hash_password(password)   # refuses a short password
        with self._write() as connection:
            exists = connection.scalar(sa.select(users.c.id).where(users.c.name == name)) is not None
            if exists:
                connection.execute(users.update().where(users.c.name == name).values(
                    role=role, password_hash=password_hash))
                self.end_sessions_of(connection, name)
            else:
                connection.execute(users.insert().values(name=name, role=role, password_hash=password_hash,
                                                         created_at=_now()))
        return not exists

    def check_password(self, name: str, password: str) -> str | None:
        """The role of `name` when `password` is theirs, else None (same work whether the user exists or not)."""
        with self._read() as connection:
            row = connection.execute(sa.select(users.c.role, users.c.password_hash)
                                     .where(users.c.name == (name or "").strip())).first()
        valid = verify_password(password or "", row.password_hash if row else None)
        return row.role if row is not None and valid else None

    def users(self) -> list[dict]:
        """Users without their password hashes: name, role, created_at."""
        with self._read() as connection:
            rows = connection.execute(sa.select(users.c.name, users.c.role, users.c.created_at)
                                      .order_by(users.c.name)).all()
        return [{"name": r.name, "role": r.role, "created_at": _iso(r.created_at)} for r in rows]


def _fill_change(item, record: dict, target: str, columns: list[str]) -> tuple[dict, dict] | None:
    """(before, after) filling `columns` of a stored row whose `target` is empty from the re-read record."""
    if getattr(item, target) is not None or _empty(record.get(target)):
        return None
    return {c: None for c in columns}, {c: _json_value(record.get(c)) for c in columns}


def _identity_change(item, record: dict, was: dict | None, columns: list[str]) -> tuple[dict, dict] | None:
    """(before, after) of a stored row where the mapping changes `columns` (the file read with it, `record`,
    against the file read without it, `was`) and the row still holds what was read without it; the id
    and identity recomputed. None when nothing changes or the row was edited since."""
    if was is None:
        return None
    changed = [c for c in columns if _json_value(record.get(c)) != _json_value(was.get(c))]
    if not changed or any(_json_value(getattr(item, c)) != _json_value(was.get(c)) for c in changed):
        return None
    after = {c: _json_value(record.get(c)) for c in changed}
    row = {c: after.get(c, getattr(item, c)) for c in IDENTITY_COLUMNS}
    after.update(id=innovation_id(row), identity=identity_key(row["name"], row["agency"], row["region"]))
    before = {c: _json_value(getattr(item, c)) for c in changed}
    before.update(id=item.id, identity=item.identity)
    return before, after


def _year_rule(sheet: str, rule: str) -> str:
    """`rule` in its stored form (loaders.reference.parse_year_rule), else StoreError bad_year_rule."""
    try:
        return parse_year_rule(rule)
    except ValueError:
        raise StoreError("bad_year_rule", name=sheet, rule=rule, max_year=dt.date.today().year) from None


def _empty(value) -> bool:
    return value is None or value is pd.NaT or isinstance(value, float) and value != value


def _json_value(value):
    """A loader value as an edit keeps it in JSON (dates as ISO text; see _typed)."""
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return pd.Timestamp(value).isoformat()
    return None if _empty(value) else value


def _typed(values: dict) -> dict:
    """An edit's JSON values as the columns want them: ISO text back to datetimes for date columns."""
    return {column: (dt.datetime.fromisoformat(value) if column in DATETIME_COLUMNS and isinstance(value, str)
                     else value) for column, value in values.items()}


def _years(values) -> set[int]:
    return {int(year) for year in pd.Series(values).dropna().unique()}


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


def store_label(history: list[dict]) -> str:
    """ "sample" while the store holds only the seeded sample, else the names of the active files."""
    active = [batch for batch in history if batch["status"] != "rolled_back" and batch["active_records"]]
    if all(batch["who"] == SYSTEM_USER for batch in active):
        return "sample"
    names = [batch["file"] for batch in reversed(active)]
    more = len(names) - LABEL_FILES
    return ", ".join(names[:LABEL_FILES]) + (f" (+{more})" if more > 0 else "")
