"""Proposal workspaces (issue 13): per innovation (its identity, store/identity.py) and KIPP edition,
the planner's texts over the uploaded record, their history and the proposal's status. Keyed by the
identity, not by a row, so a re-upload (replace mode included) never loses them.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 00:40:00
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "workspaces",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("identity", sa.Text, nullable=False),
        sa.Column("edition", sa.Integer, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("result", sa.String(16)),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workspaces"),
        sa.UniqueConstraint("identity", "edition", name="uq_workspaces_identity"),
    )
    op.create_table(
        "workspace_fields",
        sa.Column("workspace_id", BigId, sa.ForeignKey("workspaces.id", name="fk_workspace_fields_workspace_id"),
                  nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("workspace_id", "field", name="pk_workspace_fields"),
    )
    op.create_table(
        "workspace_changes",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("workspace_id", BigId, sa.ForeignKey("workspaces.id", name="fk_workspace_changes_workspace_id"),
                  nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("previous", sa.Text),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("conflict", sa.Boolean, nullable=False),
        sa.Column("user_name", sa.Text, nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workspace_changes"),
    )
    op.create_index("ix_workspace_changes_workspace_id", "workspace_changes", ["workspace_id"])


def downgrade() -> None:
    op.drop_table("workspace_changes")
    op.drop_table("workspace_fields")
    op.drop_table("workspaces")
