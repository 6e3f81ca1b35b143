"""Indeks Inovasi Daerah evidence entered in the dashboard (issue 14): per IID edition, the tier (0-3) and
document of an indicator, for one innovation (its SID indicators) or for the government (its SPD ones).
Part of `store.database.Store` (a mixin over its `_read` / `_write` transactions).

Like the proposal workspaces (store/workspace.py) it is an overlay keyed by the innovation's identity
(store/identity.py), never by a stored row, so a re-upload (replace mode included) keeps it; the
government's evidence is keyed by its region's text key and identity "". Every change keeps who, when
and the value it replaced, and can be reverted; a save carries the version its editor started from, and
one over a value saved meanwhile by someone else is kept and flagged as a conflict (nothing is lost).
A tier of None is "not entered": the evidence sheets' tier, else what the data shows, counts
(analytics/iid/evidence.py says which source wins).

Which indicators an edition has is the analytics layer's business (data/reference/iid_editions.toml);
here an indicator is checked only for the shape of its key ("spd-02a", "sid-16").
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from loaders.text import text_key
from store.clock import iso as _iso, utc_now as _now
from store.errors import StoreError
from store.overlay_writes import bump_version, overlay_write
from store.tables import iid_evidence, iid_evidence_changes, meta

EVIDENCE_VERSION_KEY = "iid_evidence"   # meta row bumped by every change (see Store.data_version)
TIERS = range(0, 4)
MAX_DOCUMENT = 2_000
_INDICATOR = re.compile(r"^(spd|sid)-[0-9]{2}[a-z]?$")
_LOCK_KEY = 0x6D75_6169  # PostgreSQL advisory lock of the evidence writers ("muai"), apart from uploads


def region_key(region) -> str:
    """The text key a government is stored under ('Kabupaten Muara Enim' and 'KABUPATEN  muara enim' alike)."""
    return text_key(region) if isinstance(region, str) else ""


def _entry(row) -> dict:
    return {"edition": row.edition, "region": row.region, "identity": row.identity, "indicator": row.indicator,
            "tier": row.tier, "document": row.document, "version": row.version, "by": row.updated_by,
            "at": _iso(row.updated_at)}


def _change(row, entry) -> dict:
    return {"id": row.id, "indicator": entry.indicator, "identity": entry.identity, "kind": row.kind,
            "tier": row.tier, "document": row.document, "previous_tier": row.previous_tier,
            "previous_document": row.previous_document, "version": row.version, "conflict": bool(row.conflict),
            "by": row.user_name, "at": _iso(row.changed_at)}


class IIDEvidence:
    """Store methods for the IID evidence entered in the dashboard."""

    def iid_evidence(self, edition: int | None = None) -> list[dict]:
        """The entered evidence in force (tier not None), of `edition` or every edition: edition, region,
        identity ("" for the government), indicator, tier, document, version, by, at."""
        query = sa.select(iid_evidence).where(iid_evidence.c.tier.isnot(None))
        if edition is not None:
            query = query.where(iid_evidence.c.edition == int(edition))
        with self._read() as connection:
            return [_entry(row) for row in connection.execute(query.order_by(iid_evidence.c.id))]

    def evidence_entries(self, edition: int, region: str, identity: str = "") -> dict[str, dict]:
        """Indicator key -> its entry (tier None included: a withdrawn entry keeps its version) for one
        innovation (`identity`) or the government (identity "")."""
        with self._read() as connection:
            rows = connection.execute(sa.select(iid_evidence).where(
                iid_evidence.c.edition == int(edition), iid_evidence.c.region == region_key(region),
                iid_evidence.c.identity == identity)).all()
        return {row.indicator: _entry(row) for row in rows}

    def evidence_history(self, edition: int, region: str, identity: str = "") -> list[dict]:
        """The changes of one innovation's (or the government's) evidence, newest first."""
        with self._read() as connection:
            rows = connection.execute(
                sa.select(iid_evidence_changes, iid_evidence.c.indicator, iid_evidence.c.identity)
                .select_from(iid_evidence_changes.join(iid_evidence,
                                                       iid_evidence.c.id == iid_evidence_changes.c.evidence_id))
                .where(iid_evidence.c.edition == int(edition), iid_evidence.c.region == region_key(region),
                       iid_evidence.c.identity == identity)
                .order_by(iid_evidence_changes.c.id.desc())).all()
        return [_change(row, row) for row in rows]

    def evidence_version(self) -> int:
        """A number that grows with every evidence change (the dashboard's data version carries it)."""
        with self._read() as connection:
            return int(connection.scalar(sa.select(meta.c.value).where(meta.c.key == EVIDENCE_VERSION_KEY)) or 0)

    def save_evidence(self, edition: int, region: str, identity: str, indicator: str, tier: int | None,
                      document: str | None, base_version: int, user: str) -> dict:
        """Enter `tier` (0-3, or None to withdraw the entry) and `document` for `indicator` of an innovation
        (`identity`; SID indicators) or the government (identity ""; SPD indicators). `base_version` is the
        entry's version the editor started from (0 for none). Returns {indicator, tier, document, version,
        conflict}: conflict is None or {tier, document, version, by, at} of the entry saved meanwhile by
        someone else, which this save replaced and the history keeps."""
        edition, identity = int(edition), identity or ""
        if not _INDICATOR.match(indicator or ""):
            raise StoreError("iid_evidence_bad_indicator", indicator=indicator)
        if indicator.startswith("spd") == bool(identity):
            raise StoreError("iid_evidence_wrong_subject", indicator=indicator)
        if tier is not None and (isinstance(tier, bool) or tier not in TIERS):
            raise StoreError("iid_evidence_bad_tier", tier=tier)
        document = (document or "").strip() or None
        if document is not None and len(document) > MAX_DOCUMENT:
            raise StoreError("iid_evidence_too_long", limit=MAX_DOCUMENT)
        region = region_key(region)
        if not region:
            raise StoreError("iid_evidence_no_region")
        with overlay_write(self, _LOCK_KEY) as connection:
            current = connection.execute(sa.select(iid_evidence).where(
                iid_evidence.c.edition == edition, iid_evidence.c.region == region,
                iid_evidence.c.identity == identity, iid_evidence.c.indicator == indicator)).first()
            version = current.version if current else 0
            if current is not None and (current.tier, current.document) == (tier, document):
                return {"indicator": indicator, "tier": tier, "document": document, "version": version,
                        "conflict": None}
            conflict = None
            if current is not None and int(base_version or 0) != version:
                conflict = {"tier": current.tier, "document": current.document, "version": version,
                            "by": current.updated_by, "at": _iso(current.updated_at)}
            version = self._set_evidence(connection, (edition, region, identity, indicator), current, tier, document,
                                         "save", user, conflict is not None)
            return {"indicator": indicator, "tier": tier, "document": document, "version": version,
                    "conflict": conflict}

    def revert_evidence(self, change_id: int, user: str) -> dict:
        """Undo change `change_id`: its entry gets back the tier and document it had before (itself a new
        change). Returns the entry as `save_evidence` does (conflict None)."""
        with overlay_write(self, _LOCK_KEY) as connection:
            change = connection.execute(sa.select(iid_evidence_changes).where(
                iid_evidence_changes.c.id == int(change_id))).first()
            if change is None:
                raise StoreError("iid_evidence_unknown_change", change=change_id)
            current = connection.execute(sa.select(iid_evidence).where(
                iid_evidence.c.id == change.evidence_id)).first()
            place = (current.edition, current.region, current.identity, current.indicator)
            version = self._set_evidence(connection, place, current, change.previous_tier, change.previous_document,
                                         "revert", user)
            return {"indicator": current.indicator, "tier": change.previous_tier,
                    "document": change.previous_document, "version": version, "conflict": None}

    # --- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _set_evidence(connection, place: tuple, current, tier, document, kind: str, user: str,
                      conflict: bool = False) -> int:
        """Write the entry's new tier and document and the change (with what it replaces); the new version."""
        edition, region, identity, indicator = place
        version = (current.version if current else 0) + 1
        now = _now()
        values = {"tier": tier, "document": document, "version": version, "updated_by": user, "updated_at": now}
        if current is None:
            evidence_id = connection.execute(iid_evidence.insert().values(
                edition=edition, region=region, identity=identity, indicator=indicator, **values)
            ).inserted_primary_key[0]
        else:
            evidence_id = current.id
            connection.execute(iid_evidence.update().where(iid_evidence.c.id == evidence_id).values(**values))
        connection.execute(iid_evidence_changes.insert().values(
            evidence_id=evidence_id, kind=kind, tier=tier, document=document,
            previous_tier=current.tier if current else None, previous_document=current.document if current else None,
            version=version, conflict=conflict, user_name=user, changed_at=now))
        bump_version(connection, EVIDENCE_VERSION_KEY)
        return version
