"""The store's fixed parts: tables (SQLAlchemy Core), engine set-up, migrations (Alembic, no ini
file), the visibility rule, its messages and password hashing. `loaders.store` does the work.

The tables mirror migrations/versions/*.py, which create them; a test compares the two so they
cannot drift. A row of `innovations` is visible when its batch is not rolled back and no live later
batch replaced that batch's year (`replacements`): rollback and restore only flip a batch's
status, so every change can be undone and nothing is ever deleted.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa

from loaders.errors import Issue
from loaders.schema import BOOL_COLUMNS, CANONICAL_COLUMNS, DATETIME_COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

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
    *[sa.Column(column, canonical_type(column)) for column in CANONICAL_COLUMNS],
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

users = sa.Table(
    "users", metadata,
    sa.Column("id", BigId, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("role", sa.String(16), nullable=False),             # viewer | editor
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# One row, key 'version': bumped by every change of what the dashboard shows (cheap to poll).
meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)


def upgrade(connection: sa.Connection) -> None:
    """Run the Alembic migrations up to head on `connection` (inside the caller's transaction)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def create_engine(url: str) -> sa.Engine:
    """An engine for `url`. SQLite: WAL (readers never wait for an upload), foreign keys on, and
    BEGIN IMMEDIATE for connections marked `execution_options(dasbor_write=True)`."""
    if not url.startswith("sqlite"):
        return sa.create_engine(url, pool_pre_ping=True)
    engine = sa.create_engine(url, connect_args={"timeout": 120})

    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None    # SQLAlchemy emits BEGIN itself (below)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if ":memory:" not in url:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(connection):
        writing = connection.get_execution_options().get("dasbor_write")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def visible_rows():
    """The WHERE clause (over innovations JOIN batches) of the rows the dashboard shows: the batch is
    not rolled back and no later batch that is not rolled back replaced this batch's year."""
    replacer = batches.alias("replacer")
    hidden = (sa.select(1).select_from(replacements.join(replacer, replacer.c.id == replacements.c.batch_id))
              .where(replacements.c.replaced_batch_id == innovations.c.batch_id,
                     replacements.c.year == innovations.c.year, replacer.c.status != "rolled_back"))
    return sa.and_(batches.c.status != "rolled_back", ~hidden.exists())


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
    """Insert `records` as rows of batch `batch_id` with one DBAPI executemany.

    20,000 rows in well under the budget: values go as tuples, and only the non-text columns pass
    through `_sql_value` and the type's own bind processor (what SQLAlchemy would apply itself).
    """
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO innovations (batch_id, {', '.join(quote(name) for name in CANONICAL_COLUMNS)}) "
           f"VALUES ({', '.join([marker] * (len(CANONICAL_COLUMNS) + 1))})")
    converters = []
    for position, name in enumerate(CANONICAL_COLUMNS, start=1):
        column_type = innovations.c[name].type
        if not isinstance(column_type, sa.Text):
            converters.append((position, column_type.bind_processor(dialect)))
    rows = []
    for record in records:
        row = [batch_id, *map(record.get, CANONICAL_COLUMNS)]
        for position, processor in converters:
            value = _sql_value(row[position])
            row[position] = processor(value) if processor and value is not None else value
        rows.append(tuple(row))
    connection.exec_driver_sql(sql, rows)


# --- messages (Bahasa Indonesia, English) ------------------------------------------------------

MESSAGES = {
    "no_files": ("Tidak ada berkas untuk dimuat.", "There is no file to load."),
    "duplicate_file": ("Berkas yang sama persis sudah dimuat sebagai batch {batch}. Pilih mode ganti (--replace) "
                       "bila memang ingin memuatnya ulang.",
                       "The very same file was already loaded as batch {batch}. Choose replace mode (--replace) "
                       "if you do mean to load it again."),
    "duplicate_in_upload": ("Berkas ini sama persis dengan {other} dalam unggahan yang sama.",
                            "This file is identical to {other} in the same upload."),
    "nothing_saved": ("Tidak ada yang disimpan: semua berkas harus lolos pemeriksaan.",
                      "Nothing was saved: every file must pass the checks."),
    "batch_unknown": ("Batch {batch} tidak ada. Lihat daftarnya dengan 'history'.",
                      "Batch {batch} does not exist. List them with 'history'."),
    "already_rolled_back": ("Batch {batch} sudah dibatalkan sebelumnya.", "Batch {batch} is already rolled back."),
    "not_rolled_back": ("Batch {batch} tidak sedang dibatalkan; tidak ada yang perlu dipulihkan.",
                        "Batch {batch} is not rolled back; there is nothing to restore."),
    "unknown_agency_target": ("'{agency}' tidak ada di daftar OPD (data/reference/agencies.csv).",
                              "'{agency}' is not in the agency register (data/reference/agencies.csv)."),
    "alias_conflict": ("Nama '{alias}' sudah berarti '{agency}' di daftar OPD; aliasnya tidak disimpan.",
                       "The name '{alias}' already means '{agency}' in the register; the alias was not saved."),
    "bad_user_name": ("Nama pengguna '{name}' tidak valid: 1–64 karakter tanpa spasi.",
                      "User name '{name}' is not valid: 1–64 characters, no spaces."),
    "bad_role": ("Peran '{role}' tidak dikenal: pilih viewer atau editor.",
                 "Unknown role '{role}': choose viewer or editor."),
    "store_unreachable": ("Penyimpanan data tidak dapat dibuka ({detail}). Periksa DATABASE_URL.",
                          "The data store cannot be opened ({detail}). Check DATABASE_URL."),
    "short_password": ("Kata sandi terlalu pendek: minimal {minimum} karakter.",
                       "The password is too short: at least {minimum} characters."),
}


def render_store(code: str, params: dict, lang: str = "id") -> str:
    """The store message `code` in `lang` ('id' or 'en'), its parameters filled in."""
    indonesian, english = MESSAGES[code]
    try:
        return (english if lang == "en" else indonesian).format(**params)
    except KeyError:
        return english if lang == "en" else indonesian


class StoreError(ValueError):
    """A refused store operation (unknown batch, wrong state, bad alias or user); `message(lang)` says why."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(render_store(code, params, "en"))

    def message(self, lang: str = "id") -> str:
        return render_store(self.code, self.params, lang)


@dataclass(frozen=True)
class StoreIssue(Issue):
    """An Issue found by the store (not by the loaders): the same fields, the store's message catalog."""

    @property
    def message(self) -> str:
        return render_store(self.code, dict(self.params), self.lang)


# --- passwords -----------------------------------------------------------------------------------

ROLES = ("viewer", "editor")
MIN_PASSWORD = 8
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


def hash_password(password: str) -> str:
    """'scrypt$n$r$p$salt$hash' (hex) of `password` with a fresh 16-byte salt."""
    if len(password or "") < MIN_PASSWORD:
        raise StoreError("short_password", minimum=MIN_PASSWORD)
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    return f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """True when `password` matches `stored`; with `stored` None it does the same work and says False."""
    try:
        _, n, r, p, salt, digest = (stored or "").split("$")
        n, r, p, salt, digest = int(n), int(r), int(p), bytes.fromhex(salt), bytes.fromhex(digest)
    except ValueError:
        n, r, p, salt, digest = _SCRYPT["n"], _SCRYPT["r"], _SCRYPT["p"], b"\0" * 16, b""
    actual = hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, dklen=32)
    return bool(digest) and hmac.compare_digest(actual, digest)
