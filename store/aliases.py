"""Agency aliases users add: an agency name as uploads write it, mapped to a canonical agency, for
later uploads and (in one history entry) for the stored rows already written that way. Part of
`store.database.Store` (a mixin over its `_read` / `_write` transactions and its history).
"""

from __future__ import annotations

import sqlalchemy as sa

from loaders.records import innovation_id
from loaders.reference import load_reference
from loaders.text import text_key
from store.clock import iso
from store.errors import StoreError
from store.history import ALIAS_MODE, write_setting
from store.identity import identity_key
from store.tables import agency_aliases, innovations


class Aliases:
    """Store methods for agency aliases."""

    def aliases(self) -> list[dict]:
        """The agency aliases users added: alias, agency, created_by, created_at."""
        with self._read() as connection:
            rows = connection.execute(sa.select(agency_aliases).order_by(agency_aliases.c.id)).all()
        return [{"alias": r.alias, "agency": r.agency, "created_by": r.created_by, "created_at": iso(r.created_at)}
                for r in rows]

    def add_alias(self, alias: str, agency: str, user: str, lang: str = "id") -> dict | None:
        """Map the agency name `alias` (as written in uploads) to the canonical `agency`, for later uploads
        and for the stored rows already written that way: those are re-resolved in one history entry
        (mode "alias", rolled back and restored like a batch), returned with `issues`: warnings for an
        innovation that now appears twice; None when no stored row changed."""
        alias = " ".join(str(alias).split())
        base = load_reference()
        if agency not in base.agency_names:
            raise StoreError("unknown_agency_target", agency=agency)
        known = base.agency_index.get(text_key(alias))
        if not alias or known is not None and known.agency != agency:
            raise StoreError("alias_conflict", alias=alias, agency=known.agency if known else "")
        with self._write() as connection:
            key = text_key(alias)
            previous = connection.execute(sa.select(agency_aliases.c.alias, agency_aliases.c.agency)
                                          .where(agency_aliases.c.alias_key == key)).first()
            self._set_alias(connection, {"alias": alias, "agency": agency}, user)
            entry = self._apply_alias(connection, key, {"alias": alias, "agency": agency},
                                      previous._asdict() if previous else None, user, lang)
            self._changed(connection)
            return entry

    @staticmethod
    def _set_alias(connection, value: dict | None, user: str, key: str | None = None) -> None:
        """Make the stored alias `value` ({"alias", "agency"}) current, or remove alias `key` when None."""
        write_setting(connection, agency_aliases, "alias", value, user, key)

    def _apply_alias(self, connection, key: str, value: dict, previous: dict | None, user: str,
                     lang: str = "id") -> dict | None:
        """Re-resolve the stored rows of this regency whose raw agency is the alias: one history entry, with
        `issues`: warnings for an innovation that now appears twice (both rows kept, as for a mapping)."""
        home = load_reference().regency["name"]
        agency = value["agency"]
        rows = [row for row in connection.execute(
            sa.select(innovations.c.row_id, innovations.c.name, innovations.c.year, innovations.c.region,
                      innovations.c.agency, innovations.c.agency_known, innovations.c.id, innovations.c.identity,
                      innovations.c.agency_raw).where(innovations.c.agency_raw.isnot(None))).all()
                if text_key(row.agency_raw) == key and row.region == home
                and (row.agency != agency or not row.agency_known)]
        if not rows:
            return None
        changes = [(row.row_id, {"agency": row.agency, "agency_known": row.agency_known, "id": row.id,
                                 "identity": row.identity},
                    {"agency": agency, "agency_known": True,
                     "id": innovation_id({"region": row.region, "agency": agency, "year": row.year, "name": row.name}),
                     "identity": identity_key(row.name, agency, row.region)}, row.year) for row in rows]
        entry = self._edit_entry(connection, ALIAS_MODE, f"{value['alias']} → {agency}", user,
                                 ({"key": key, "alias": previous}, {"key": key, "alias": value}), changes)
        entry["issues"] = self._changed_duplicates(connection, changes, lang)
        return entry
