"""Header mappings users save: a column header as written, mapped to a source column (or ignored), for
every later upload and, in one history entry, for the stored rows whose raw file has that header.
Part of `store.database.Store` (a mixin over its `_read` / `_write` transactions and its history).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import sqlalchemy as sa

from loaders.load import load_file
from loaders.records import innovation_id
from loaders.reference import IGNORE, Reference
from loaders.schema import CANONICAL_COLUMNS, SOURCE_COLUMNS
from loaders.text import text_key
from store.clock import iso
from store.errors import StoreError
from store.history import EDIT_MODES, MAPPING_MODE, empty, json_value, write_setting
from store.identity import identity_key
from store.tables import batches, column_mappings, innovations, raw_files

# A header mapping newly saved fills the other columns of stored rows where they are empty; a mapping
# to one of these fields changes, where the file read with it differs from the file read without it,
# the stored row's columns listed (the agency follows the region: only this regency's rows are matched
# against its register), and with them the row's id and identity.
RETROACTIVE = {"name": ["name"], "year": ["year", "year_source"],
               "agency": ["agency", "agency_raw", "agency_known", "unit"],
               "region": ["region", "agency", "agency_known", "unit"],
               "sector": ["sector", "sector_raw"], "sectors_other": ["sectors_other"]}
IDENTITY_COLUMNS = ["name", "year", "agency", "region"]


def check_mapping(header: str, target: str) -> None:
    """StoreError bad_mapping unless `header` has text and `target` is a source column or "ignore"."""
    if not text_key(header) or target not in SOURCE_COLUMNS and target != IGNORE:
        raise StoreError("bad_mapping", header=header, target=target)


class Mappings:
    """Store methods for header mappings."""

    def mappings(self) -> list[dict]:
        """The header mappings users saved: header, target (a column or "ignore"), created_by, created_at."""
        with self._read() as connection:
            rows = connection.execute(sa.select(column_mappings).order_by(column_mappings.c.id)).all()
        return [{"header": r.header, "target": r.target, "created_by": r.created_by,
                 "created_at": iso(r.created_at)} for r in rows]

    def add_mapping(self, header: str, target: str, user: str, lang: str = "id") -> dict | None:
        """Map the column header `header` (as written) to the source column `target`, or "ignore" it,
        for every later upload (and `inspect` / `ingest` against the store). The stored rows whose raw
        file has that header follow (see _apply_mapping) in one history entry (mode "mapping", rolled
        back and restored like a batch), returned with `issues`: warnings for an innovation that now
        appears twice; None when no stored row changed."""
        with self._write() as connection:
            entry = self._add_mapping(connection, header, target, user, lang)
            self._changed(connection)
            return entry

    def _add_mapping(self, connection, header: str, target: str, user: str, lang: str) -> dict | None:
        """add_mapping inside the caller's transaction (an upload keeps its preview's mappings with it)."""
        header = " ".join(str(header).split())
        check_mapping(header, target)
        key = text_key(header)
        value = {"header": header, "target": target}
        previous = connection.execute(sa.select(column_mappings.c.header, column_mappings.c.target)
                                      .where(column_mappings.c.header_key == key)).first()
        self._set_mapping(connection, value, user)
        return self._apply_mapping(connection, key, value, previous._asdict() if previous else None, user, lang)

    @staticmethod
    def _set_mapping(connection, value: dict | None, user: str, key: str | None = None) -> None:
        """Make the stored mapping `value` ({"header", "target"}) current, or remove mapping `key` when None."""
        write_setting(connection, column_mappings, "header", value, user, key)

    def _apply_mapping(self, connection, key: str, value: dict, previous: dict | None, user: str,
                       lang: str = "id") -> dict | None:
        """Read the raw file of every live upload again with the new mapping and carry what it changes
        into the stored rows (matched by sheet and row): one history entry, with the rows' former
        values. Other columns are filled where the stored row has them empty. The name, year, agency,
        region and urusan change where the file read with the mapping differs from the file read
        without it and the stored row still holds the latter (nothing edited since); the row's id and
        identity follow. A row whose new identity and year is also stored elsewhere is kept, with a
        warning naming both places (entry["issues"])."""
        target = value["target"]
        if target == IGNORE:
            return None
        retro = RETROACTIVE.get(target)
        columns = retro or [target] + ([f"{target}_precision"] if f"{target}_precision" in CANONICAL_COLUMNS else [])
        reference = self.reference([(value["header"], target)], source="store")
        without = self.reference() if retro else None   # the committed mappings: the file as it was read
        live = connection.execute(sa.select(batches.c.id).where(
            batches.c.status != "rolled_back", batches.c.mode.notin_(EDIT_MODES)).order_by(batches.c.id)).scalars()
        kept = [*IDENTITY_COLUMNS, *columns]
        changes = []
        for batch_id in list(live):
            read = self._reread(connection, batch_id, key, reference)
            if read is None:
                continue
            before_read = self._reread(connection, batch_id, None, without) if retro else {}
            stored = connection.execute(sa.select(innovations.c.row_id, innovations.c.source_sheet,
                                                  innovations.c.source_row, innovations.c.id,
                                                  innovations.c.identity,
                                                  *[innovations.c[c] for c in dict.fromkeys(kept)])
                                        .where(innovations.c.batch_id == batch_id)).all()
            for item in stored:
                place = (item.source_sheet, item.source_row)
                record = read.get(place)
                if record is None:
                    continue
                change = (_identity_change(item, record, before_read.get(place), columns) if retro
                          else _fill_change(item, record, target, columns))
                if change:
                    changes.append((item.row_id, *change, change[1].get("year", item.year)))
        if not changes:
            return None
        entry = self._edit_entry(connection, MAPPING_MODE, f"{value['header']} → {target}", user,
                                 ({"key": key, "mapping": previous}, {"key": key, "mapping": value}), changes)
        entry["issues"] = self._changed_duplicates(connection, changes, lang) if retro else []
        return entry

    @staticmethod
    def _reread(connection, batch_id: int, key: str | None, reference: Reference) -> dict | None:
        """The records of batch `batch_id`'s raw file read with `reference`, by (sheet, row); None when
        there is no raw file or (with `key`) no sheet of it has the stored mapping of header `key`."""
        row = connection.execute(sa.select(raw_files.c.file_name, raw_files.c.content)
                                 .where(raw_files.c.batch_id == batch_id)).first()
        if row is None:
            return None
        with tempfile.TemporaryDirectory(prefix="dasbor-remap-") as folder:
            path = Path(folder) / Path(row.file_name).name
            path.write_bytes(bytes(row.content))
            records, report, _ = load_file(path, reference)
        if key is not None and not any(
                key in {text_key(h) for h, source in sheet.mapping_source.items() if source == "store"}
                for sheet in report.sheets):
            return None
        return {(record["source_sheet"], record["source_row"]): record for record in records}


def _fill_change(item, record: dict, target: str, columns: list[str]) -> tuple[dict, dict] | None:
    """(before, after) filling `columns` of a stored row whose `target` is empty from the re-read record."""
    if getattr(item, target) is not None or empty(record.get(target)):
        return None
    return {c: None for c in columns}, {c: json_value(record.get(c)) for c in columns}


def _identity_change(item, record: dict, was: dict | None, columns: list[str]) -> tuple[dict, dict] | None:
    """(before, after) of a stored row where the mapping changes `columns` (the file read with it, `record`,
    against the file read without it, `was`) and the row still holds what was read without it; the id
    and identity recomputed. None when nothing changes or the row was edited since."""
    if was is None:
        return None
    changed = [c for c in columns if json_value(record.get(c)) != json_value(was.get(c))]
    if not changed or any(json_value(getattr(item, c)) != json_value(was.get(c)) for c in changed):
        return None
    after = {c: json_value(record.get(c)) for c in changed}
    row = {c: after.get(c, getattr(item, c)) for c in IDENTITY_COLUMNS}
    after.update(id=innovation_id(row), identity=identity_key(row["name"], row["agency"], row["region"]))
    before = {c: json_value(getattr(item, c)) for c in changed}
    before.update(id=item.id, identity=item.identity)
    return before, after
