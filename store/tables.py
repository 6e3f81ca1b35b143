"""The store's tables (SQLAlchemy Core), the visibility rule and the bulk insert. `store.database`
does the work; `store.engine` sets up engines and migrations.

The tables mirror migrations/versions/*.py, which create them; a test compares the two so they
cannot drift. A row of `innovations` is visible when its batch is not rolled back and no live later
batch replaced that batch's year (`replacements`): rollback and restore only flip a batch's
status, so every change can be undone and nothing is ever deleted.
"""

from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from loaders.schema import (ADDED, BOOL_COLUMNS, CANONICAL_COLUMNS, DATETIME_COLUMNS, FLOAT_COLUMNS,
                            INTEGER_COLUMNS)
from store.identity import record_identity

# A history entry hiding the older copies of innovations two batches hold for one year (store.duplicates).
DOUBLED_MODE = "doubled"

# SQLite autoincrements only an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_name)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s", "pk": "pk_%(table_name)s"})


def canonical_type(column: str) -> sa.types.TypeEngine:
    """The SQL type that keeps a canonical column's value as the loaders produce it."""
    if column in INTEGER_COLUMNS:
        return sa.Integer()
    if column in FLOAT_COLUMNS:
        return sa.Float()
    if column in BOOL_COLUMNS:
        return sa.Boolean()
    if column in DATETIME_COLUMNS:
        return sa.DateTime()
    return sa.Text()


batches = sa.Table(
    "batches", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("uploaded_by", sa.Text, nullable=False),
    sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),    # active | rolled_back | replaced
    sa.Column("mode", sa.String(8), nullable=False),       # add | replace
    sa.Column("records", sa.Integer, nullable=False),
    sa.Column("by_year", sa.Text, nullable=False),         # JSON {"2016": 67, ...}
    sa.Column("changed_by", sa.Text),                      # who last rolled back or restored it
    sa.Column("changed_at", sa.DateTime(timezone=True)),
)

innovations = sa.Table(
    "innovations", metadata,
    sa.Column("row_id", BigId, primary_key=True, autoincrement=True),
    sa.Column("batch_id", BigId, sa.ForeignKey("batches.id"), nullable=False, index=True),
    *[sa.Column(column, canonical_type(column)) for column in CANONICAL_COLUMNS if column not in ADDED],
    sa.Column("identity", sa.Text, index=True),    # store.identity.identity_key(name, agency, region)
    # canonical columns added after the identity (migration 0005), in the order the migrations give them
    *[sa.Column(column, canonical_type(column)) for column in ADDED],
    sa.Index("ix_innovations_batch_year", "batch_id", "year"),
)

# (batch, year) hidden by a later replace-mode batch while that batch is active.
replacements = sa.Table(
    "replacements", metadata,
    sa.Column("batch_id", BigId, sa.ForeignKey("batches.id"), primary_key=True),
    sa.Column("replaced_batch_id", BigId, sa.ForeignKey("batches.id"), primary_key=True),
    sa.Column("year", sa.Integer, primary_key=True),
)

raw_files = sa.Table(
    "raw_files", metadata,
    sa.Column("batch_id", BigId, sa.ForeignKey("batches.id"), primary_key=True),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
)

agency_aliases = sa.Table(
    "agency_aliases", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("alias", sa.Text, nullable=False),
    sa.Column("alias_key", sa.Text, nullable=False, unique=True),   # loaders.text.text_key(alias)
    sa.Column("agency", sa.Text, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# Users' header mappings: header as written → a source column or "ignore" (loaders.reference.IGNORE).
column_mappings = sa.Table(
    "column_mappings", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("header", sa.Text, nullable=False),
    sa.Column("header_key", sa.Text, nullable=False, unique=True),  # loaders.text.text_key(header)
    sa.Column("target", sa.Text, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# Users' year rules for sheets without a year: a year, "title", "code" or "code:<header>"
# (loaders.reference.parse_year_rule), per sheet shape (loaders.reference.sheet_shape: the sheet's name
# and headers), so a later upload of the same sheet is read the same way.
year_rules = sa.Table(
    "year_rules", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("sheet", sa.Text, nullable=False),                    # the sheet name as written
    sa.Column("headers", sa.Text, nullable=False),                  # JSON list of its headers as written
    sa.Column("shape_key", sa.String(64), nullable=False, unique=True),
    sa.Column("rule", sa.Text, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# What a batch-like change (mode "alias": a new agency alias applied to stored rows) changed: per
# row (or, row_id NULL, the alias itself) its values before and after, as JSON; rollback writes
# `before` back, restore writes `after` again. A "doubled" entry's rows are the copies it hides
# (visible_rows), which its status alone decides.
edits = sa.Table(
    "edits", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("batch_id", BigId, sa.ForeignKey("batches.id"), nullable=False, index=True),
    sa.Column("row_id", BigId, sa.ForeignKey("innovations.row_id"), nullable=True),
    sa.Column("before", sa.Text, nullable=False),
    sa.Column("after", sa.Text, nullable=False),
)

users = sa.Table(
    "users", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("role", sa.String(16), nullable=False),             # viewer | editor
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# A login session: the sha256 of the token the browser holds (a copy of this table gives no way in).
sessions = sa.Table(
    "sessions", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("user_name", sa.String(64), nullable=False, index=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
)

# One wrong password: for which name, from which client address, when (kept for the throttle's window).
login_failures = sa.Table(
    "login_failures", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(64), nullable=False),
    sa.Column("address", sa.String(64), nullable=False, index=True),
    sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False),
)

# Proposal workspaces (issue 13): per innovation identity and KIPP edition, the proposal's status
# (draf → ditinjau → diajukan → hasil, with the result), its fields' current values with a version
# each (optimistic concurrency), and every change with who, when and the previous value.
workspaces = sa.Table(
    "workspaces", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("identity", sa.Text, nullable=False),
    sa.Column("edition", sa.Integer, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("result", sa.String(16)),
    sa.Column("updated_by", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("identity", "edition", name="uq_workspaces_identity"),
)

workspace_fields = sa.Table(
    "workspace_fields", metadata,
    sa.Column("workspace_id", BigId, sa.ForeignKey("workspaces.id"), primary_key=True),
    sa.Column("field", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("updated_by", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

workspace_changes = sa.Table(
    "workspace_changes", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("workspace_id", BigId, sa.ForeignKey("workspaces.id"), nullable=False, index=True),
    sa.Column("field", sa.String(64), nullable=False),   # a field, "status", "result" or "comment"
    sa.Column("kind", sa.String(16), nullable=False),    # save | revert | status | comment
    sa.Column("value", sa.Text),
    sa.Column("previous", sa.Text),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("conflict", sa.Boolean, nullable=False),   # saved over a value the editor had not seen
    sa.Column("user_name", sa.Text, nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
)

# Indeks Inovasi Daerah evidence entered in the dashboard (store/iid_evidence.py): per IID edition, region
# (text key), innovation identity ("" for the government's own SPD indicators) and indicator, the tier and
# the document, with a version each; every change with who, when and the value it replaced.
iid_evidence = sa.Table(
    "iid_evidence", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("edition", sa.Integer, nullable=False),
    sa.Column("region", sa.Text, nullable=False),
    sa.Column("identity", sa.Text, nullable=False),
    sa.Column("indicator", sa.String(32), nullable=False),
    sa.Column("tier", sa.Integer),          # None: not entered (the sheets' or the data's tier counts)
    sa.Column("document", sa.Text),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("updated_by", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("edition", "region", "identity", "indicator", name="uq_iid_evidence_place"),
)

iid_evidence_changes = sa.Table(
    "iid_evidence_changes", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("evidence_id", BigId, sa.ForeignKey("iid_evidence.id"), nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),    # save | revert
    sa.Column("tier", sa.Integer),
    sa.Column("document", sa.Text),
    sa.Column("previous_tier", sa.Integer),
    sa.Column("previous_document", sa.Text),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("conflict", sa.Boolean, nullable=False),
    sa.Column("user_name", sa.Text, nullable=False),
    sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
)

# One row, key 'version': bumped by every change of what the dashboard shows (cheap to poll).
meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


def visible_rows():
    """The WHERE clause (over innovations JOIN batches) of the rows the dashboard shows: the batch is
    not rolled back, no later batch that is not rolled back replaced this batch's year, and the row
    is not an older copy a "doubled" entry hides."""
    replacer = batches.alias("replacer")
    hidden = (sa.select(1).select_from(replacements.join(replacer, replacer.c.id == replacements.c.batch_id))
              .where(replacements.c.replaced_batch_id == innovations.c.batch_id,
                     replacements.c.year == innovations.c.year, replacer.c.status != "rolled_back"))
    return sa.and_(batches.c.status != "rolled_back", ~hidden.exists(), innovations.c.row_id.notin_(older_copies()))


def older_copies():
    """The row ids a "doubled" entry that is not rolled back hides: each only while a newer batch, not
    rolled back, holds the same innovation and year (roll that batch back and the older copy shows
    again, as a replaced year does). One uncorrelated subquery: read once per query."""
    entry, older, newer, newer_batch = (batches.alias("entry"), innovations.alias("older"),
                                        innovations.alias("newer"), batches.alias("newer_batch"))
    newer_copy = (sa.select(1).select_from(newer.join(newer_batch, newer_batch.c.id == newer.c.batch_id))
                  .where(newer.c.identity == older.c.identity, newer.c.year == older.c.year,
                         newer.c.batch_id > older.c.batch_id, newer_batch.c.status != "rolled_back"))
    return (sa.select(edits.c.row_id)
            .select_from(edits.join(entry, entry.c.id == edits.c.batch_id).join(older, older.c.row_id == edits.c.row_id))
            .where(entry.c.mode == DOUBLED_MODE, entry.c.status != "rolled_back", newer_copy.exists()))


def _sql_value(value):
    """A loader value as the database driver wants it (no pandas scalars, no NaN)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, float) and value != value:
        return None
    return value


def insert_innovations(connection: sa.Connection, batch_id: int, records: list[dict]) -> None:
    """Insert `records` as rows of batch `batch_id` (with their identity) with one DBAPI executemany.

    20,000 rows in well under the budget: values go as tuples, and only the non-text columns pass
    through `_sql_value` and the type's own bind processor (what SQLAlchemy would apply itself).
    """
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    names = [*CANONICAL_COLUMNS, "identity"]
    sql = (f"INSERT INTO innovations (batch_id, {', '.join(quote(name) for name in names)}) "
           f"VALUES ({', '.join([marker] * (len(names) + 1))})")
    converters = []
    for position, name in enumerate(CANONICAL_COLUMNS, start=1):
        column_type = innovations.c[name].type
        if not isinstance(column_type, sa.Text):
            converters.append((position, column_type.bind_processor(dialect)))
    rows = []
    for record in records:
        row = [batch_id, *map(record.get, CANONICAL_COLUMNS), record_identity(record)]
        for position, processor in converters:
            value = _sql_value(row[position])
            row[position] = processor(value) if processor and value is not None else value
        rows.append(tuple(row))
    connection.exec_driver_sql(sql, rows)
