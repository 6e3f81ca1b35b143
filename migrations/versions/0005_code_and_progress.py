"""The canonical record gains `code` (a source's own identifier, e.g. a LAN Lab Inovasi code
"15 LI SS04 PUR 001") and `progress` (percent, 0–100), appended to `innovations` (after 0002's
`identity`: store/tables.py lists them in that order).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 21:40:00
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = "0004"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("innovations") as table:
        table.add_column(sa.Column("code", sa.Text))
        table.add_column(sa.Column("progress", sa.Float))


def downgrade() -> None:
    with op.batch_alter_table("innovations") as table:
        table.drop_column("progress")
        table.drop_column("code")
