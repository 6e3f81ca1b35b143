"""version_notices: on PostgreSQL, every change of the data version (the `meta` rows `version` and
`workspace`) sends a notice on the channel `dasbor_data_version` when its transaction commits, whoever
made it (an app host, the CLI, a Celery worker), so the app processes listening
(dashboard/notices.py) read the new data at once instead of polling. SQLite has no notices: nothing.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 03:40:00
"""
from typing import Sequence, Union

from alembic import op

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

CHANNEL = "dasbor_data_version"   # store.notices.CHANNEL (a migration never imports the code it migrates)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"""
        CREATE FUNCTION dasbor_notify_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.key IN ('version', 'workspace') THEN
                PERFORM pg_notify('{CHANNEL}', NEW.key);
            END IF;
            RETURN NULL;
        END $$""")
    op.execute("""CREATE TRIGGER meta_data_version_notice AFTER INSERT OR UPDATE ON meta
                  FOR EACH ROW EXECUTE FUNCTION dasbor_notify_data_version()""")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS meta_data_version_notice ON meta")
    op.execute("DROP FUNCTION IF EXISTS dasbor_notify_data_version()")
