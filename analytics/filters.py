"""The filters of a view: parsed once from a URL query or CLI arguments, applied to the frame.

The URL is the view (STYLE.md §2): `Filters.from_query(f.to_query()) == f` for every value.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Mapping
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class Filters:
    year_from: int | None = None
    year_to: int | None = None
    agencies: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    stage: str | None = None
    kind: str | None = None
    form: str | None = None
    lang: str = "id"
    text: str | None = None

    # query key -> field name; repeatable keys map to tuple fields
    QUERY_KEYS = {
        "from": "year_from", "to": "year_to", "agency": "agencies", "sector": "sectors",
        "stage": "stage", "kind": "kind", "form": "form", "q": "text", "lang": "lang",
    }

    @classmethod
    def from_query(cls, query: str | Mapping | None) -> "Filters":
        """Parse `?from=2015&agency=A&agency=B` (a string, or a mapping of str/list values).

        Values that cannot be parsed are dropped, so a mangled link still opens a view.
        """
        if query is None:
            return cls()
        if isinstance(query, str):
            values = parse_qs(query.lstrip("?"), keep_blank_values=False)
        else:
            values = {key: value if isinstance(value, (list, tuple)) else [value]
                      for key, value in query.items() if value not in (None, "", [])}
        kwargs = {}
        for key, name in cls.QUERY_KEYS.items():
            given = [str(v).strip() for v in values.get(key, []) if str(v).strip()]
            if not given:
                continue
            if name in ("agencies", "sectors"):
                kwargs[name] = tuple(dict.fromkeys(given))
            elif name in ("year_from", "year_to"):
                year = _parse_year(given[0])
                if year is not None:
                    kwargs[name] = year
            elif name == "lang":
                if given[0] in LANGUAGES:
                    kwargs[name] = given[0]
            else:
                kwargs[name] = given[0]
        return cls(**kwargs)

    @classmethod
    def from_args(cls, args) -> "Filters":
        """Build from the CLI's FILTERS (argparse attributes year_from, year_to, agency, sector, ..., q)."""
        return cls(
            year_from=getattr(args, "year_from", None),
            year_to=getattr(args, "year_to", None),
            agencies=tuple(getattr(args, "agency", None) or ()),
            sectors=tuple(getattr(args, "sector", None) or ()),
            stage=getattr(args, "stage", None),
            kind=getattr(args, "kind", None),
            form=getattr(args, "form", None),
            lang=getattr(args, "lang", None) or "id",
            text=(getattr(args, "q", None) or "").strip() or None,
        )

    def to_query(self, include_lang: bool = True) -> str:
        """The query string of these filters (no "?"); `lang` only when it is not the default."""
        pairs: list[tuple[str, str]] = []
        for key, name in self.QUERY_KEYS.items():
            value = getattr(self, name)
            if name == "lang":
                if include_lang and value != "id":
                    pairs.append((key, value))
            elif isinstance(value, tuple):
                pairs.extend((key, item) for item in value)
            elif value is not None:
                pairs.append((key, str(value)))
        return urlencode(pairs)

    def replace(self, **changes) -> "Filters":
        """A copy with some fields changed (every link and chip is one key added, removed or replaced)."""
        return replace(self, **changes)

    def is_empty(self) -> bool:
        """True when no filter is active (the language does not count)."""
        return all(getattr(self, f.name) in (None, ()) for f in fields(self) if f.name != "lang")

    def masks(self, frame: pd.DataFrame) -> dict[str, np.ndarray]:
        """One boolean array per active filter field (year_from/year_to share "years")."""
        masks: dict[str, np.ndarray] = {}
        if self.year_from is not None or self.year_to is not None:
            years = frame["year"].to_numpy(dtype="float64", na_value=np.nan)
            low = -np.inf if self.year_from is None else self.year_from
            high = np.inf if self.year_to is None else self.year_to
            masks["years"] = (years >= low) & (years <= high)
        for name, column in (("agencies", "agency"), ("sectors", "sector")):
            if getattr(self, name):
                masks[name] = frame[column].isin(getattr(self, name)).to_numpy(dtype=bool, na_value=False)
        for name in ("stage", "kind", "form"):
            value = getattr(self, name)
            if value is not None:
                masks[name] = (frame[name] == value).to_numpy(dtype=bool, na_value=False)
        if self.text is not None:
            masks["text"] = text_mask(frame, self.text)
        return masks

    def mask(self, frame: pd.DataFrame, without: str | None = None) -> np.ndarray:
        """Rows matching every active filter, except the field `without` (for cascading options)."""
        mask = np.ones(len(frame), dtype=bool)
        for name, part in self.masks(frame).items():
            if name != without:
                mask &= part
        return mask

    def apply(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of `frame` (canonical columns) that match every active filter."""
        return frame[self.mask(frame)]


SEARCHED_COLUMNS = ("name", "agency", "sector")


def text_mask(frame: pd.DataFrame, text: str | None) -> np.ndarray:
    """Rows whose name, agency or sector contains `text` (case-insensitive, literal); all rows when
    `text` is empty. The one search of the app: /inovasi's box writes it into the URL as `q`."""
    text = (text or "").strip().lower()
    if not text:
        return np.ones(len(frame), dtype=bool)
    mask = np.zeros(len(frame), dtype=bool)
    for column in SEARCHED_COLUMNS:
        found = frame[column].fillna("").astype(str).str.lower().str.contains(text, regex=False)
        mask |= found.to_numpy(dtype=bool)
    return mask


def _parse_year(text: str) -> int | None:
    try:
        year = int(float(text))
    except ValueError:
        return None
    return year if 1900 <= year <= 2100 else None
