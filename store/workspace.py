"""Proposal workspaces (issue 13): what planners write for a KIPP proposal, kept as an overlay on the
uploaded record. Part of `store.database.Store` (a mixin over its `_read` / `_write` transactions).

A workspace is keyed by the innovation's identity (store/identity.py) and the KIPP edition, never by
a stored row, so a re-upload of the recap (replace mode included) keeps every text. Each field (the
proposal title, a section, an evidence item, an attachment tick) has a current value and a version;
a save carries the version its editor started from. When someone else saved the field since, the save
is kept AND the other value stays in the history as its `previous`, the change is marked as a
conflict and the caller is told whose value it replaced: nothing is ever lost, and any change can be
reverted (which is itself a change). A field whose value is None is not overridden: the uploaded
value counts; "" is a deliberately emptied field.

The proposal's status per edition: draf → ditinjau (review comments) → diajukan → hasil (the result:
Top 99, Top 45, Top Inovasi or tidak lolos), with a step back allowed at each stage.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from loaders.schema import KIPP_SECTIONS
from store.clock import iso, utc_now
from store.errors import StoreError
from store.overlay_writes import bump_version, overlay_write
from store.tables import meta, workspace_changes, workspace_fields, workspaces

DRAFT, REVIEW, SUBMITTED, RESULT = "draf", "ditinjau", "diajukan", "hasil"
WORKSPACE_STATUSES = (DRAFT, REVIEW, SUBMITTED, RESULT)
RESULTS = ("top99", "top45", "top_inovasi", "tidak_lolos")
TRANSITIONS = {DRAFT: {REVIEW}, REVIEW: {DRAFT, SUBMITTED}, SUBMITTED: {REVIEW, RESULT}, RESULT: {SUBMITTED, RESULT}}
# The evidence items a planner records (canonical columns the readiness checks and the draft read).
EVIDENCE_FIELDS = ("decree", "sop", "budget", "evaluation", "video_url", "sdgs")
# An innovation adopted from another region: the innovation it replicates and that region (KIPP's
# replication group; analytics/kipp/replication.py).
REPLICATION_FIELDS = ("replicated_from", "replicated_from_region")
TEXT_FIELDS = ("title", *KIPP_SECTIONS, *EVIDENCE_FIELDS, *REPLICATION_FIELDS)
ATTACHMENT_PREFIX = "attachment."   # + an attachment key of kipp_editions.toml: "1" ticked, "" not
_ATTACHMENT = re.compile(r"^attachment\.[a-z][a-z0-9_]{0,40}$")
MAX_CHARS = 100_000
VERSION_KEY = "workspace"           # meta row bumped by every workspace change (see data_version)
_LOCK_KEY = 0x6D75_6177  # PostgreSQL advisory lock of the workspace writers ("muaw"), apart from uploads


def is_field(name: str) -> bool:
    """True for a field a workspace holds: the title, a section, an evidence item or an attachment tick."""
    return name in TEXT_FIELDS or bool(_ATTACHMENT.match(name or ""))


def _change(row) -> dict:
    return {"id": row.id, "field": row.field, "kind": row.kind, "value": row.value, "previous": row.previous,
            "version": row.version, "conflict": bool(row.conflict), "by": row.user_name, "at": iso(row.changed_at)}


class Workspaces:
    """Store methods for proposal workspaces."""

    # --- reading -------------------------------------------------------------------------------

    def workspace(self, identity: str, edition: int) -> dict:
        """One workspace: identity, edition, status, result, its fields ({value, version, by, at}) and
        the review comments (oldest first). A workspace never written is a draf without fields."""
        with self._read() as connection:
            row = self._workspace_row(connection, identity, edition)
            if row is None:
                return {"identity": identity, "edition": int(edition), "status": DRAFT, "result": None,
                        "fields": {}, "comments": [], "updated_by": None, "updated_at": None}
            fields = connection.execute(sa.select(workspace_fields)
                                        .where(workspace_fields.c.workspace_id == row.id)).all()
            comments = connection.execute(sa.select(workspace_changes).where(
                workspace_changes.c.workspace_id == row.id, workspace_changes.c.kind == "comment")
                .order_by(workspace_changes.c.id)).all()
        return {"identity": identity, "edition": int(edition), "status": row.status, "result": row.result,
                "fields": {f.field: {"value": f.value, "version": f.version, "by": f.updated_by,
                                     "at": iso(f.updated_at)} for f in fields},
                "comments": [_change(c) for c in comments],
                "updated_by": row.updated_by, "updated_at": iso(row.updated_at)}

    def workspaces(self) -> list[dict]:
        """Every workspace, for the overlay (analytics.kipp.workspace): identity, edition, status,
        result, and per field its value (fields not overridden left out) and who last saved it when."""
        with self._read() as connection:
            heads = connection.execute(sa.select(workspaces).order_by(workspaces.c.id)).all()
            fields = connection.execute(sa.select(workspace_fields).order_by(
                workspace_fields.c.workspace_id, workspace_fields.c.field)).all()
        by_id = {row.id: {"identity": row.identity, "edition": row.edition, "status": row.status,
                          "result": row.result, "values": {}, "editors": {}} for row in heads}
        for field in fields:
            item = by_id[field.workspace_id]
            item["editors"][field.field] = {"by": field.updated_by, "at": iso(field.updated_at)}
            if field.value is not None:
                item["values"][field.field] = field.value
        return list(by_id.values())

    def field_history(self, identity: str, edition: int, field: str | None = None) -> list[dict]:
        """The changes of a workspace (of one field when given), newest first: id, field, kind, value,
        previous, version, conflict, by, at."""
        with self._read() as connection:
            row = self._workspace_row(connection, identity, edition)
            if row is None:
                return []
            query = sa.select(workspace_changes).where(workspace_changes.c.workspace_id == row.id)
            if field is not None:
                query = query.where(workspace_changes.c.field == field)
            return [_change(change) for change in connection.execute(query.order_by(workspace_changes.c.id.desc()))]

    def workspace_version(self) -> int:
        """A number that grows with every workspace change (the dashboard's caches key on it)."""
        with self._read() as connection:
            return int(connection.scalar(sa.select(meta.c.value).where(meta.c.key == VERSION_KEY)) or 0)

    # --- writing -------------------------------------------------------------------------------

    def save_field(self, identity: str, edition: int, field: str, value: str | None, base_version: int,
                   user: str) -> dict:
        """Save `value` as `field` of the workspace; `base_version` is the field's version the editor
        started from (0 for a field never saved). Returns {field, value, version, conflict}: conflict
        is None, or {value, version, by, at} of the value saved meanwhile by someone else, which this
        save replaced and the history keeps (revert brings it back)."""
        if not is_field(field):
            raise StoreError("workspace_bad_field", field=field)
        if value is not None and len(value) > MAX_CHARS:
            raise StoreError("workspace_too_long", field=field, limit=MAX_CHARS)
        with overlay_write(self, _LOCK_KEY) as connection:
            workspace_id = self._workspace_id(connection, identity, edition, user)
            current = connection.execute(sa.select(workspace_fields).where(
                workspace_fields.c.workspace_id == workspace_id, workspace_fields.c.field == field)).first()
            version = current.version if current else 0
            if current is not None and current.value == value:
                return {"field": field, "value": value, "version": version, "conflict": None}
            conflict = None
            if int(base_version or 0) != version and current is not None:
                conflict = {"value": current.value, "version": version, "by": current.updated_by,
                            "at": iso(current.updated_at)}
            self._set_field(connection, workspace_id, field, value, current, "save", user, conflict is not None)
            return {"field": field, "value": value, "version": version + 1, "conflict": conflict}

    def revert_field(self, identity: str, edition: int, change_id: int, user: str) -> dict:
        """Undo change `change_id`: its field gets back the value it had before that change (a new
        change in the history). Returns {field, value, version}."""
        with overlay_write(self, _LOCK_KEY) as connection:
            row = self._workspace_row(connection, identity, edition)
            change = None if row is None else connection.execute(sa.select(workspace_changes).where(
                workspace_changes.c.id == change_id, workspace_changes.c.workspace_id == row.id)).first()
            if change is None or not is_field(change.field):
                raise StoreError("workspace_unknown_change", change=change_id)
            current = connection.execute(sa.select(workspace_fields).where(
                workspace_fields.c.workspace_id == row.id, workspace_fields.c.field == change.field)).first()
            version = self._set_field(connection, row.id, change.field, change.previous, current, "revert", user)
            return {"field": change.field, "value": change.previous, "version": version}

    def set_workspace_status(self, identity: str, edition: int, status: str, user: str,
                             result: str | None = None) -> dict:
        """Move the proposal to `status` (a step of TRANSITIONS); `hasil` needs a `result` of RESULTS."""
        if status not in WORKSPACE_STATUSES:
            raise StoreError("workspace_bad_status", status=status)
        if (status == RESULT) != (result is not None) or result is not None and result not in RESULTS:
            raise StoreError("workspace_bad_result", result=result or "")
        with overlay_write(self, _LOCK_KEY) as connection:
            workspace_id = self._workspace_id(connection, identity, edition, user)
            row = connection.execute(sa.select(workspaces).where(workspaces.c.id == workspace_id)).first()
            if status not in TRANSITIONS[row.status] and status != row.status:
                raise StoreError("workspace_bad_step", current=row.status, status=status)
            if (row.status, row.result) == (status, result):
                return self._status(row)
            now = utc_now()
            connection.execute(workspaces.update().where(workspaces.c.id == workspace_id).values(
                status=status, result=result, updated_by=user, updated_at=now))
            connection.execute(workspace_changes.insert().values(
                workspace_id=workspace_id, field="status", kind="status", value=status if result is None
                else f"{status}:{result}", previous=row.status if row.result is None else f"{row.status}:{row.result}",
                version=0, conflict=False, user_name=user, changed_at=now))
            bump_version(connection, VERSION_KEY)
            return {"status": status, "result": result, "by": user, "at": iso(now)}

    def add_review_comment(self, identity: str, edition: int, text: str, user: str) -> dict:
        """A review comment on the proposal (kept in its history, shown while it is reviewed)."""
        text = (text or "").strip()
        if not text:
            raise StoreError("workspace_empty_comment")
        if len(text) > MAX_CHARS:
            raise StoreError("workspace_too_long", field="comment", limit=MAX_CHARS)
        with overlay_write(self, _LOCK_KEY) as connection:
            workspace_id = self._workspace_id(connection, identity, edition, user)
            now = utc_now()
            change_id = connection.execute(workspace_changes.insert().values(
                workspace_id=workspace_id, field="comment", kind="comment", value=text, previous=None, version=0,
                conflict=False, user_name=user, changed_at=now)).inserted_primary_key[0]
            bump_version(connection, VERSION_KEY)
            return {"id": change_id, "value": text, "by": user, "at": iso(now)}

    # --- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _workspace_row(connection, identity: str, edition: int):
        return connection.execute(sa.select(workspaces).where(
            workspaces.c.identity == identity, workspaces.c.edition == int(edition))).first()

    def _workspace_id(self, connection, identity: str, edition: int, user: str) -> int:
        """The workspace's id, created (as a draf) when it does not exist yet."""
        if not identity or not str(identity).strip("|"):
            raise StoreError("workspace_no_identity")
        row = self._workspace_row(connection, identity, edition)
        if row is not None:
            return row.id
        return connection.execute(workspaces.insert().values(
            identity=identity, edition=int(edition), status=DRAFT, result=None, updated_by=user,
            updated_at=utc_now())).inserted_primary_key[0]

    def _set_field(self, connection, workspace_id: int, field: str, value, current, kind: str, user: str,
                   conflict: bool = False) -> int:
        """Write the field's new value and its change (with the value it replaces); the new version."""
        version = (current.version if current else 0) + 1
        now = utc_now()
        values = {"value": value, "version": version, "updated_by": user, "updated_at": now}
        if current is None:
            connection.execute(workspace_fields.insert().values(workspace_id=workspace_id, field=field, **values))
        else:
            connection.execute(workspace_fields.update().where(
                workspace_fields.c.workspace_id == workspace_id, workspace_fields.c.field == field).values(**values))
        connection.execute(workspace_changes.insert().values(
            workspace_id=workspace_id, field=field, kind=kind, value=value,
            previous=current.value if current else None, version=version, conflict=conflict, user_name=user,
            changed_at=now))
        connection.execute(workspaces.update().where(workspaces.c.id == workspace_id).values(
            updated_by=user, updated_at=now))
        bump_version(connection, VERSION_KEY)
        return version

    @staticmethod
    def _status(row) -> dict:
        return {"status": row.status, "result": row.result, "by": row.updated_by, "at": iso(row.updated_at)}

