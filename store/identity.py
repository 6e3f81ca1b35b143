"""An innovation's identity across uploads: its name, agency and region as text keys.

"Antrean  Online (Rawat Jalan)" of "Dinas Kesehatan" is the same innovation as "antrean online rawat
jalan" of the same agency, whatever the case, spacing or punctuation of a later recap. The agency is
the canonical one (after the register and aliases), so a renamed agency written the old way still
matches. The year is not part of it: recaps list the same innovation again each year it runs, so the
store compares (identity, year) pairs (store/compare.py).
"""

from __future__ import annotations

import pandas as pd

from loaders.text import text_key

IDENTITY_FIELDS = ("name", "agency", "region")


def _key(value) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return text_key(value)


def identity_key(name, agency, region) -> str:
    """'Antrean Online' + 'Dinas Kesehatan' + 'Kabupaten Muara Enim' -> 'antrean online|dinas kesehatan|kabupaten muara enim'."""
    return "|".join(_key(value) for value in (name, agency, region))


def record_identity(record: dict) -> str:
    """The identity of a loader record (a dict of canonical fields)."""
    return identity_key(*(record.get(field) for field in IDENTITY_FIELDS))


def frame_identities(frame: pd.DataFrame) -> pd.Series:
    """The identity of every row of a canonical frame."""
    columns = [frame[field].tolist() for field in IDENTITY_FIELDS]
    return pd.Series([identity_key(*values) for values in zip(*columns)], index=frame.index, dtype="object")
