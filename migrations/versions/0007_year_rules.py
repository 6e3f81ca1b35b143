"""year_rules: users' year rules for sheets without a year (a year, "title", "code" or "code:<header>"),
saved with who and when and reused by later uploads of a sheet of the same shape: its name and its
headers (loaders.reference.sheet_shape).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 00:40:00
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "year_rules",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("sheet", sa.Text, nullable=False),
        sa.Column("headers", sa.Text, nullable=False),
        sa.Column("shape_key", sa.String(64), nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_year_rules"),
        sa.UniqueConstraint("shape_key", name="uq_year_rules_shape_key"),
    )


def downgrade() -> None:
    op.drop_table("year_rules")
