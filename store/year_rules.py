"""Year rules users save: how the year of a sheet of a given shape is read (a year, "title", "code"
or "code:<header>"), for every later upload. Part of `store.database.Store` (a mixin over its
`_read` / `_write` transactions).
"""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from loaders.reference import parse_year_rule, sheet_shape
from store.clock import iso, utc_now
from store.errors import StoreError
from store.tables import year_rules


def stored_year_rule(sheet: str, rule: str) -> str:
    """`rule` in its stored form (loaders.reference.parse_year_rule), else StoreError bad_year_rule."""
    try:
        return parse_year_rule(rule)
    except ValueError:
        raise StoreError("bad_year_rule", name=sheet, rule=rule, max_year=dt.date.today().year) from None


class YearRules:
    """Store methods for year rules."""

    def year_rules(self) -> list[dict]:
        """The year rules users saved: sheet, headers (as written), shape_key, rule, created_by, created_at."""
        with self._read() as connection:
            rows = connection.execute(sa.select(year_rules).order_by(year_rules.c.id)).all()
        return [{"sheet": r.sheet, "headers": json.loads(r.headers), "shape_key": r.shape_key, "rule": r.rule,
                 "created_by": r.created_by, "created_at": iso(r.created_at)} for r in rows]

    def add_year_rule(self, sheet: str, headers, rule: str, user: str) -> dict | None:
        """Save the year rule `rule` (a year, "title", "code" or "code:<header>") for sheets named `sheet`
        with these `headers` (the sheet's shape), for every later upload and for `inspect` / `ingest`
        run against the store; a later rule for the same shape replaces it. Returns the saved rule;
        None when that very rule was already saved for the shape (its who and when stay)."""
        with self._write() as connection:
            key = self._add_year_rule(connection, sheet, headers, rule, user)
        return None if key is None else next(row for row in self.year_rules() if row["shape_key"] == key)

    @staticmethod
    def _add_year_rule(connection, sheet: str, headers, rule: str, user: str) -> str | None:
        """add_year_rule inside the caller's transaction: the shape key saved, None when already saved."""
        rule = stored_year_rule(sheet, rule)
        headers = [" ".join(str(header).split()) for header in headers if header is not None and str(header).strip()]
        key = sheet_shape(sheet, headers)
        if connection.scalar(sa.select(year_rules.c.rule).where(year_rules.c.shape_key == key)) == rule:
            return None
        connection.execute(year_rules.delete().where(year_rules.c.shape_key == key))
        connection.execute(year_rules.insert().values(sheet=sheet, headers=json.dumps(headers, ensure_ascii=False),
                                                      shape_key=key, rule=rule, created_by=user, created_at=utc_now()))
        return key
