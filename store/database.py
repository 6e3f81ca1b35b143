"""The store: the system of record behind the dashboard (SQLAlchemy Core; SQLite or PostgreSQL).

    store = open_store()                      # DATABASE_URL, else instance/dasbor.sqlite3 (seeded)
    result = store.ingest(["rekap_2018.xlsx"], user="budi", mode="replace")   # or "add", "add-new"
    store.compare(frame)                      # a loaded file against the stored rows of its years
    store.current_frame()                     # the visible innovations, as load_paths would give them
    store.data_version()                      # changes with every upload, rollback, restore, alias, workspace or evidence edit
    store.save_field(identity, 2025, "background", text, base_version=0, user="budi")   # store/workspace.py
    store.history(); store.rollback(3); store.restore(3)

The Store is made of one mixin per concern, each in its own module: uploads (store/ingest.py),
history, rollback and restore (store/history.py), agency aliases (store/aliases.py), header
mappings (store/mappings.py), year rules (store/year_rules.py), users (store/accounts.py), login
sessions (store/sessions.py) and the login throttle's records (store/throttle.py), proposal
workspaces (store/workspace.py). This module holds what they share: the transactions, the store's
write lock, set-up and the visible rows.

Uploads are all or nothing: every batch, raw file and row is written in ONE transaction that holds
the store's write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-level advisory lock).
Nothing is ever deleted: rollback and restore flip a batch's status, and replace mode records which
(batch, year) pairs a batch hides.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager

import pandas as pd
import sqlalchemy as sa

from loaders.load import SAMPLE_DIR, to_frame
from loaders.reference import Reference, load_reference
from loaders.schema import CANONICAL_COLUMNS
from store.accounts import SYSTEM_USER, Accounts
from store.aliases import Aliases
from store.compare import Comparison, compare, sheet_fields
from store.duplicates import doubled_rows, doubled_years
from store.engine import (DEFAULT_INSTANCE, ENV_INSTANCE, ENV_URL, create_engine, database_url, instance_dir,
                          upgrade)
from store.errors import StoreError
from store.history import EDIT_MODES, History
from store.ingest import MODES, PAUSE_ENV, Ingest, IngestResult
from store.mappings import Mappings, check_mapping
from store.iid_evidence import EVIDENCE_VERSION_KEY, IIDEvidence
from store.sessions import Sessions
from store.tables import DOUBLED_MODE, batches, innovations, meta, visible_rows
from store.throttle import LoginFailures
from store.workspace import VERSION_KEY as WORKSPACE_KEY, Workspaces
from store.year_rules import YearRules, stored_year_rule

# Names other modules import from here (they moved into the modules above).
__all__ = ["DEFAULT_INSTANCE", "EDIT_MODES", "ENV_INSTANCE", "ENV_URL", "MODES", "PAUSE_ENV", "SYSTEM_USER",
           "IngestResult", "Store", "StoreError", "database_url", "instance_dir", "open_store", "store_label"]

LABEL_FILES = 3  # a caption names at most this many uploaded files
_LOCK_KEY = 0x6D75_6172  # PostgreSQL advisory lock id of the store's writers ("muar")


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


class Store(Ingest, History, Aliases, Mappings, YearRules, Accounts, Sessions, LoginFailures, Workspaces,
            IIDEvidence):
    """The store behind one SQLAlchemy engine; every method opens its own short transaction. Its
    parts live in the mixins' modules; here: the transactions, set-up and the visible rows."""

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
                                             .where(meta.c.key.in_(["instance", "version", WORKSPACE_KEY,
                                                                    EVIDENCE_VERSION_KEY]))).all())
        # proposal workspaces (-w) and IID evidence (-e): the uploaded rows need not be read again
        workspace, evidence = values.get(WORKSPACE_KEY), values.get(EVIDENCE_VERSION_KEY)
        return (f"{values.get('instance', '')}-{values.get('version', '0')}" + (f"-w{workspace}" if workspace else "")
                + (f"-e{evidence}" if evidence else ""))

    def current_frame(self) -> pd.DataFrame:
        """The visible innovations: canonical columns and dtypes exactly as `load_paths` gives them."""
        with self._read() as connection:
            return self._visible_frame(connection)

    def compare(self, frame: pd.DataFrame, progress=None, files=()) -> Comparison:
        """The canonical frame of a loaded file compared, year by year, with the visible stored rows
        (`progress`: see store.compare.compare); `files`, the loaders' FileReports, tell a blanked
        field's column missing from its cell left empty."""
        with self._read() as connection:
            stored = self._visible_frame(connection, _years(frame["year"]), extra=True)
        return compare(frame, stored, progress, sheet_fields(files))

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

    def reference(self, mappings=(), sheet_years: dict | None = None, source: str = "option") -> Reference:
        """The reference the loaders use for the next upload: data/reference plus the stored aliases,
        header mappings and year rules, then `mappings` ((header, target) pairs given for this load by
        `source`: "option" for `--map` / `--year`, "preview" on /data) and `sheet_years` (sheet → rule)."""
        for header, target in mappings:
            check_mapping(header, target)
        for sheet, rule in (sheet_years or {}).items():
            stored_year_rule(sheet, rule)
        return (load_reference()
                .with_agency_aliases([(row["alias"], row["agency"]) for row in self.aliases()])
                .with_header_mappings([(row["header"], row["target"]) for row in self.mappings()], "store")
                .with_stored_year_rules(self.year_rules())
                .with_header_mappings(list(mappings), source)
                .with_sheet_years(sheet_years or {}, source))


def _years(values) -> set[int]:
    return {int(year) for year in pd.Series(values).dropna().unique()}


def store_label(history: list[dict]) -> str:
    """ "sample" while the store holds only the seeded sample, else the names of the active files."""
    active = [batch for batch in history if batch["status"] != "rolled_back" and batch["active_records"]]
    if all(batch["who"] == SYSTEM_USER for batch in active):
        return "sample"
    names = [batch["file"] for batch in reversed(active)]
    more = len(names) - LABEL_FILES
    return ", ".join(names[:LABEL_FILES]) + (f" (+{more})" if more > 0 else "")
