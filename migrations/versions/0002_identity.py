"""innovations.identity: an innovation's name, agency and region as text keys (store/identity.py),
indexed, so a re-upload can be compared with what is stored; existing rows are backfilled.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 21:40:00

The key is computed here by a frozen copy of store.identity.identity_key as of this revision (so the
migration means the same thing forever); a test checks that the two agree. A later change of the
identity gets a migration of its own that recomputes the column.
"""
import re
import unicodedata
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: Union[str, Sequence[str], None] = "0001"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_CHUNK = 5000


def _key(value) -> str:
    if value is None:
        return ""
    text = str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", text.lower()).strip()


def _identity(name, agency, region) -> str:
    return "|".join(_key(value) for value in (name, agency, region))


def upgrade() -> None:
    with op.batch_alter_table("innovations") as batch:
        batch.add_column(sa.Column("identity", sa.Text))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT row_id, name, agency, region FROM innovations")).all()
    update = sa.text("UPDATE innovations SET identity = :identity WHERE row_id = :row_id")
    for start in range(0, len(rows), _CHUNK):
        connection.execute(update, [{"row_id": row.row_id, "identity": _identity(row.name, row.agency, row.region)}
                                    for row in rows[start:start + _CHUNK]])
    op.create_index("ix_innovations_identity", "innovations", ["identity"])


def downgrade() -> None:
    op.drop_index("ix_innovations_identity", "innovations")
    with op.batch_alter_table("innovations") as batch:
        batch.drop_column("identity")
