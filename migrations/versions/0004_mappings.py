"""column_mappings: users' header → field (or ignore) mappings, reused by later uploads; edits: the
stored values a batch-like change (a newly mapped agency alias re-resolving stored rows) replaced,
so it can be rolled back and restored like an upload.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 22:30:00
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: Union[str, Sequence[str], None] = "0003"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "column_mappings",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("header", sa.Text, nullable=False),
        sa.Column("header_key", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_column_mappings"),
        sa.UniqueConstraint("header_key", name="uq_column_mappings_header_key"),
    )
    op.create_table(
        "edits",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("batch_id", BigId, nullable=False),
        sa.Column("row_id", BigId, nullable=True),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_edits"),
        sa.ForeignKeyConstraint(["batch_id"], ["batches.id"], name="fk_edits_batch_id"),
        sa.ForeignKeyConstraint(["row_id"], ["innovations.row_id"], name="fk_edits_row_id"),
    )
    op.create_index("ix_edits_batch_id", "edits", ["batch_id"])


def downgrade() -> None:
    op.drop_index("ix_edits_batch_id", "edits")
    op.drop_table("edits")
    op.drop_table("column_mappings")
