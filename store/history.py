"""The store's history: every batch and batch-like entry (an agency alias, a header mapping, the
hiding of doubled rows), what an entry changed, and rollback / restore. Part of
`store.database.Store` (a mixin over its `_read` / `_write` transactions).

Nothing is ever deleted: rollback and restore flip a batch's status; an entry that rewrote stored
values keeps each row's values before and after (in JSON) and writes one side or the other back.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections import Counter

import pandas as pd
import sqlalchemy as sa

import logs
from loaders.schema import DATETIME_COLUMNS
from loaders.text import text_key
from store.accounts import SYSTEM_USER
from store.clock import iso, utc_now
from store.errors import StoreError
from store.tables import DOUBLED_MODE, batches, edits, innovations, meta, raw_files, replacements, visible_rows

ALIAS_MODE = "alias"   # a batch-like history entry: an agency alias applied to the stored rows
MAPPING_MODE = "mapping"   # the same for a header mapping filling a column of the stored rows
REWRITE_MODES = (ALIAS_MODE, MAPPING_MODE)   # entries that rewrote stored values (undone by writing them back)
EDIT_MODES = (*REWRITE_MODES, DOUBLED_MODE)   # ... and the one hiding older copies (undone by its status alone)
log = logging.getLogger("dasbor.store")   # one line per rollback and restore (logs.py)


class History:
    """Store methods for the history of batches and edit entries."""

    def history(self) -> list[dict]:
        """Every batch, oldest first: id, file, who, when, mode, status, records, active_records, by_year."""
        with self._read() as connection:
            return self._history(connection)

    def _history(self, connection, ids: list[int] | None = None) -> list[dict]:
        visible = dict(connection.execute(
            sa.select(innovations.c.batch_id, sa.func.count())
            .select_from(innovations.join(batches, batches.c.id == innovations.c.batch_id))
            .where(visible_rows()).group_by(innovations.c.batch_id)).all())
        query = sa.select(batches).order_by(batches.c.id)
        if ids is not None:
            query = query.where(batches.c.id.in_(ids))
        return [{"id": row.id, "file": row.file_name, "sha256": row.sha256, "size": row.size,
                 "who": row.uploaded_by, "when": iso(row.uploaded_at), "mode": row.mode, "status": row.status,
                 "active": row.status == "active", "records": row.records,
                 "active_records": visible.get(row.id, 0), "by_year": json.loads(row.by_year),
                 "changed_by": row.changed_by, "changed_at": iso(row.changed_at)}
                for row in connection.execute(query)]

    def raw_file(self, batch_id: int) -> tuple[str, bytes]:
        """The file of batch `batch_id` exactly as it was uploaded: (file name, bytes)."""
        with self._read() as connection:
            row = connection.execute(sa.select(raw_files.c.file_name, raw_files.c.content)
                                     .where(raw_files.c.batch_id == batch_id)).first()
        if row is None:
            raise StoreError("batch_unknown", batch=batch_id)
        return row.file_name, bytes(row.content)

    def edits(self, batch_id: int) -> list[dict]:
        """What a history entry of mode alias or mapping changed, per stored row: row_id, name, and the
        values `before` (the row's former ones) and `after`, oldest first (who and when: `history`)."""
        with self._read() as connection:
            rows = connection.execute(
                sa.select(edits.c.row_id, edits.c.before, edits.c.after, innovations.c.name)
                .select_from(edits.join(innovations, innovations.c.row_id == edits.c.row_id))
                .where(edits.c.batch_id == batch_id).order_by(edits.c.id)).all()
        return [{"row_id": r.row_id, "name": r.name, "before": json.loads(r.before), "after": json.loads(r.after)}
                for r in rows]

    def _changed(self, connection) -> None:
        """After any change: derive 'replaced' statuses and bump the data version."""
        counts = self._history(connection)
        for batch in counts:
            if batch["status"] == "rolled_back" or batch["mode"] in EDIT_MODES:
                continue
            status = "replaced" if batch["records"] and not batch["active_records"] else "active"
            if status != batch["status"]:
                connection.execute(batches.update().where(batches.c.id == batch["id"]).values(status=status))
        version = int(connection.scalar(sa.select(meta.c.value).where(meta.c.key == "version")) or 0)
        connection.execute(meta.update().where(meta.c.key == "version").values(value=str(version + 1)))

    def rollback(self, batch_id: int, user: str = SYSTEM_USER) -> dict:
        """Take batch `batch_id` out of the data; what it replaced comes back. Returns its history entry."""
        entry = self._set_status(batch_id, user, "rolled_back")
        logs.event(log, "batch.rolled_back", batch=batch_id, user=user)
        return entry

    def restore(self, batch_id: int, user: str = SYSTEM_USER) -> dict:
        """Bring a rolled-back batch back (and its replacements of earlier batches with it)."""
        entry = self._set_status(batch_id, user, "active")
        logs.event(log, "batch.restored", batch=batch_id, user=user)
        return entry

    def _set_status(self, batch_id: int, user: str, status: str) -> dict:
        with self._write() as connection:
            current = connection.scalar(sa.select(batches.c.status).where(batches.c.id == batch_id))
            if current is None:
                raise StoreError("batch_unknown", batch=batch_id)
            if status == "rolled_back" and current == "rolled_back":
                raise StoreError("already_rolled_back", batch=batch_id)
            if status == "active" and current != "rolled_back":
                raise StoreError("not_rolled_back", batch=batch_id)
            connection.execute(batches.update().where(batches.c.id == batch_id).values(
                status=status, changed_by=user, changed_at=utc_now()))
            if connection.scalar(sa.select(batches.c.mode).where(batches.c.id == batch_id)) in REWRITE_MODES:
                self._apply_edits(connection, batch_id, "before" if status == "rolled_back" else "after", user)
            self._changed(connection)
            return self._history(connection, [batch_id])[0]

    def _edit_entry(self, connection, mode: str, label: str, user: str, setting: tuple[dict, dict] | None,
                    changes: list[tuple[int, dict, dict, int]]) -> dict:
        """Write a batch-like history entry of `mode`: the setting it changes (before, after; None for
        none) and each row's (row_id, before, after, year), then apply the after side (an entry hiding
        doubled rows rewrites nothing: its status alone hides them)."""
        by_year = Counter(year for *_, year in changes)
        batch_id = connection.execute(batches.insert().values(
            file_name=label, sha256=hashlib.sha256(f"{label}|{utc_now().isoformat()}".encode()).hexdigest(), size=0,
            uploaded_by=user, uploaded_at=utc_now(), status="active", mode=mode, records=len(changes),
            by_year=json.dumps({str(year): by_year[year] for year in sorted(by_year, key=str)}),
        )).inserted_primary_key[0]
        rows = [] if setting is None else [{"batch_id": batch_id, "row_id": None, "before": json.dumps(setting[0]),
                                            "after": json.dumps(setting[1])}]
        rows += [{"batch_id": batch_id, "row_id": row_id, "before": json.dumps(before, default=str),
                  "after": json.dumps(after, default=str)} for row_id, before, after, _ in changes]
        connection.execute(edits.insert(), rows)
        if mode in REWRITE_MODES:
            self._apply_edits(connection, batch_id, "after", user)
        return self._history(connection, [batch_id])[0]

    def _apply_edits(self, connection, batch_id: int, side: str, user: str) -> None:
        """Write the `side` ("before" or "after") values of every edit of an alias entry, all at once;
        the uploads whose rows change year get their `by_year` counted again."""
        moved = False
        for edit in connection.execute(sa.select(edits).where(edits.c.batch_id == batch_id).order_by(edits.c.id)):
            values = json.loads(getattr(edit, side))
            if edit.row_id is None and "alias" in values:
                self._set_alias(connection, values["alias"], user, values["key"])
            elif edit.row_id is None:
                self._set_mapping(connection, values["mapping"], user, values["key"])
            else:
                connection.execute(innovations.update().where(innovations.c.row_id == edit.row_id)
                                   .values(**typed_values(values)))
                moved = moved or "year" in values
        if moved:
            self._recount_years(connection, batch_id)
            self._hide_in_replaced_years(connection, batch_id)

    @staticmethod
    def _recount_years(connection, entry_id: int) -> None:
        """Count again the `by_year` of the uploads whose rows history entry `entry_id` edits, from their
        rows' years now."""
        edited = sa.select(edits.c.row_id).where(edits.c.batch_id == entry_id)
        uploads = connection.execute(sa.select(innovations.c.batch_id).distinct()
                                     .where(innovations.c.row_id.in_(edited))).scalars().all()
        for upload in uploads:
            counts = dict(connection.execute(sa.select(innovations.c.year, sa.func.count())
                                             .where(innovations.c.batch_id == upload)
                                             .group_by(innovations.c.year)).all())
            connection.execute(batches.update().where(batches.c.id == upload).values(
                by_year=json.dumps({str(year): counts[year] for year in sorted(counts, key=str)})))


    @staticmethod
    def _hide_in_replaced_years(connection, entry_id: int) -> None:
        """The rows history entry `entry_id` moved into a year that a later upload in replace mode holds
        are hidden by it, as if the rows had been in that year when it replaced it: the missing (replacer,
        their upload, year) pairs are added. An upload does not replace its own files (the same
        `uploaded_at`). Add-only: a pair left once the rows move back hides nothing of theirs."""
        edited = sa.select(edits.c.row_id).where(edits.c.batch_id == entry_id)
        moved = connection.execute(sa.select(innovations.c.batch_id, innovations.c.year).distinct()
                                   .where(innovations.c.row_id.in_(edited), innovations.c.year.isnot(None))).all()
        replacer, own = batches.alias("replacer"), batches.alias("own")
        for upload, year in moved:
            later = connection.execute(
                sa.select(replacer.c.id).distinct()
                .select_from(innovations.join(replacer, replacer.c.id == innovations.c.batch_id)
                             .join(own, own.c.id == upload))
                .where(innovations.c.year == year, replacer.c.mode == "replace", replacer.c.id > upload,
                       replacer.c.uploaded_at != own.c.uploaded_at)).scalars().all()
            known = set(connection.execute(sa.select(replacements.c.batch_id).where(
                replacements.c.replaced_batch_id == upload, replacements.c.year == year)).scalars())
            missing = [{"batch_id": batch, "replaced_batch_id": upload, "year": year}
                       for batch in later if batch not in known]
            if missing:
                connection.execute(replacements.insert(), missing)


def write_setting(connection, table: sa.Table, name: str, value: dict | None, user: str,
                  key: str | None = None) -> None:
    """Make the stored setting `value` current in `table` (an alias {"alias", "agency"}, a header mapping
    {"header", "target"}: `name` is its first field, keyed by that field's text_key), or remove the one
    of `key` when None: what an alias or mapping entry writes, and rollback and restore write back."""
    key = text_key(value[name]) if value else key
    connection.execute(table.delete().where(table.c[f"{name}_key"] == key))
    if value:
        connection.execute(table.insert().values(**value, **{f"{name}_key": key}, created_by=user,
                                                 created_at=utc_now()))


def empty(value) -> bool:
    return value is None or value is pd.NaT or isinstance(value, float) and value != value


def json_value(value):
    """A loader value as an edit keeps it in JSON (dates as ISO text; see typed_values)."""
    if isinstance(value, (pd.Timestamp, dt.datetime, dt.date)):
        return pd.Timestamp(value).isoformat()
    return None if empty(value) else value


def typed_values(values: dict) -> dict:
    """An edit's JSON values as the columns want them: ISO text back to datetimes for date columns."""
    return {column: (dt.datetime.fromisoformat(value) if column in DATETIME_COLUMNS and isinstance(value, str)
                     else value) for column, value in values.items()}
