"""iid_evidence: the evidence tiers of the Indeks Inovasi Daerah entered in the dashboard, per IID edition,
government (its region's text key) and indicator, for one innovation (its identity) or the government
itself (identity ""), with a version, who and when; iid_evidence_changes keeps every change with the
value it replaced. Keyed by identity, not by a stored row, so a re-upload keeps them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 03:30:00
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: Union[str, Sequence[str], None] = "0007"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "iid_evidence",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("edition", sa.Integer, nullable=False),
        sa.Column("region", sa.Text, nullable=False),
        sa.Column("identity", sa.Text, nullable=False),
        sa.Column("indicator", sa.String(32), nullable=False),
        sa.Column("tier", sa.Integer),
        sa.Column("document", sa.Text),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_iid_evidence"),
        sa.UniqueConstraint("edition", "region", "identity", "indicator", name="uq_iid_evidence_place"),
    )
    op.create_table(
        "iid_evidence_changes",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("evidence_id", BigId, sa.ForeignKey("iid_evidence.id", name="fk_iid_evidence_changes_evidence_id"),
                  nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("tier", sa.Integer),
        sa.Column("document", sa.Text),
        sa.Column("previous_tier", sa.Integer),
        sa.Column("previous_document", sa.Text),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("conflict", sa.Boolean, nullable=False),
        sa.Column("user_name", sa.Text, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_iid_evidence_changes"),
    )
    op.create_index("ix_iid_evidence_changes_evidence_id", "iid_evidence_changes", ["evidence_id"])


def downgrade() -> None:
    op.drop_table("iid_evidence_changes")
    op.drop_table("iid_evidence")
