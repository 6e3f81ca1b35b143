"""The store: batches, innovations (the canonical record of loaders/schema.py as of 2025), raw files,
replacements, agency aliases, users and the data-version row.

Revision ID: 0001
Revises:
Create Date: 2025-01-01 00:00:00

Columns are written out here, not imported, so that this migration means the same thing forever;
a later change to the canonical record gets a migration of its own.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

TEXT = [
    "id", "name", "year_source", "agency", "agency_raw", "unit", "region", "sector", "sector_raw",
    "sectors_other", "stage", "initiator", "innovator", "kind", "form",
]
DATES = ["trial_date", "launch_date", "input_date", "development_date"]
AFTER_DATES = [
    "trial_date_precision", "launch_date_precision", "input_date_precision", "development_date_precision",
    "description", "goal", "benefit", "result", "summary", "background", "novelty", "implementation",
    "significance", "adaptability", "resources", "sustainability", "status", "replicated_by", "video_url",
    "decree", "regulation_level", "budget", "sop", "evaluation", "sdgs", "awards",
]


def _canonical_columns() -> list[sa.Column]:
    """The 53 canonical columns in their order: text, except year/source_row (int), maturity (float),
    agency_known (bool) and the four dates."""
    columns = [sa.Column(name, sa.Text) for name in TEXT]
    columns.insert(2, sa.Column("year", sa.Integer))
    columns.insert(6, sa.Column("agency_known", sa.Boolean))
    columns += [sa.Column(name, sa.DateTime) for name in DATES]
    columns += [sa.Column(name, sa.Text) for name in AFTER_DATES]
    columns += [sa.Column("maturity", sa.Float), sa.Column("asta_cipta", sa.Text), sa.Column("coordinates", sa.Text),
                sa.Column("source_file", sa.Text), sa.Column("source_sheet", sa.Text),
                sa.Column("source_row", sa.Integer)]
    return columns


def upgrade() -> None:
    op.create_table(
        "batches",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("uploaded_by", sa.Text, nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(8), nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("by_year", sa.Text, nullable=False),
        sa.Column("changed_by", sa.Text),
        sa.Column("changed_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("id", name="pk_batches"),
    )
    op.create_index("ix_batches_sha256", "batches", ["sha256"])
    op.create_table(
        "innovations",
        sa.Column("row_id", BigId, primary_key=True, autoincrement=True),
        sa.Column("batch_id", BigId, nullable=False),
        *_canonical_columns(),
        sa.PrimaryKeyConstraint("row_id", name="pk_innovations"),
        sa.ForeignKeyConstraint(["batch_id"], ["batches.id"], name="fk_innovations_batch_id"),
    )
    op.create_index("ix_innovations_batch_id", "innovations", ["batch_id"])
    op.create_index("ix_innovations_batch_year", "innovations", ["batch_id", "year"])
    op.create_table(
        "replacements",
        sa.Column("batch_id", BigId, nullable=False),
        sa.Column("replaced_batch_id", BigId, nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("batch_id", "replaced_batch_id", "year", name="pk_replacements"),
        sa.ForeignKeyConstraint(["batch_id"], ["batches.id"], name="fk_replacements_batch_id"),
        sa.ForeignKeyConstraint(["replaced_batch_id"], ["batches.id"], name="fk_replacements_replaced_batch_id"),
    )
    op.create_table(
        "raw_files",
        sa.Column("batch_id", BigId, nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("batch_id", name="pk_raw_files"),
        sa.ForeignKeyConstraint(["batch_id"], ["batches.id"], name="fk_raw_files_batch_id"),
    )
    op.create_table(
        "agency_aliases",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("alias_key", sa.Text, nullable=False),
        sa.Column("agency", sa.Text, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agency_aliases"),
        sa.UniqueConstraint("alias_key", name="uq_agency_aliases_alias_key"),
    )
    op.create_table(
        "users",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_users"),
        sa.UniqueConstraint("name", name="uq_users_name"),
    )
    op.create_table(
        "meta",
        sa.Column("key", sa.String(32), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_meta"),
    )
    op.bulk_insert(sa.table("meta", sa.column("key"), sa.column("value")), [{"key": "version", "value": "0"}])


def downgrade() -> None:
    for table in ["meta", "users", "agency_aliases", "raw_files", "replacements", "innovations", "batches"]:
        op.drop_table(table)
