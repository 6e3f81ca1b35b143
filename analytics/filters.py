"""The filters of a view: parsed once from a URL query or CLI arguments, applied to the frame.

`Filters` is generated from the rows of `analytics.filter_fields` (one attribute per row, a YEARS row
two: `year_from`, `year_to`), plus the language; construction is keyword-only. The URL is the view
(STYLE.md §2): `Filters.from_query(f.to_query()) == f` for every value.
"""

from __future__ import annotations

from dataclasses import field as dataclass_field, make_dataclass, replace
from typing import Callable, Mapping
from urllib.parse import parse_qs, urlencode

import numpy as np
import pandas as pd

from analytics import filter_fields
from analytics.filter_fields import MULTI, TEXT, YEARS, FilterField
from i18n import normalise_lang, t

LANGUAGES = ("id", "en")
SEARCHED_COLUMNS = ("name", "agency", "sector")

Labeler = Callable[[str, str], str]


class FiltersBase:
    """What every generated `Filters` class does; `FIELDS` are the rows it was made from."""

    FIELDS: tuple[FilterField, ...] = ()
    QUERY_KEYS: dict[str, str] = {}   # URL key -> attribute, of the filters and the language
    PAGE_KEYS: dict[str, str] = {}    # URL key -> attribute, of the page-level keys (/kipp's edition)
    lang: str

    @classmethod
    def rows(cls) -> tuple[FilterField, ...]:
        """The rows that filter the frame (not the page-level keys)."""
        return filter_fields.filter_rows(cls.FIELDS)

    @classmethod
    def from_query(cls, query: str | Mapping | None):
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

        def given(key: str) -> list[str]:
            return [str(v).strip() for v in values.get(key, []) if str(v).strip()]

        kwargs = {}
        for row in cls.FIELDS:
            for name, key in zip(row.names, row.urls):
                texts = given(key)
                if not texts:
                    continue
                value = tuple(dict.fromkeys(texts)) if row.kind == MULTI else row.parse(texts[0])
                if value is not None:
                    kwargs[name] = value
        lang = given("lang")
        if lang and lang[0] in LANGUAGES:
            kwargs["lang"] = lang[0]
        return cls(**kwargs)

    @classmethod
    def from_args(cls, args):
        """Build from the CLI's FILTERS (the argparse attributes of `cli.add_filter_arguments`)."""
        kwargs = {}
        for row in cls.FIELDS:
            for name, dest in zip(row.names, row.dests):
                value = getattr(args, dest, None)
                if row.kind == MULTI:
                    value = tuple(value or ())
                elif row.kind == TEXT:
                    value = (value or "").strip() or None
                kwargs[name] = value
        return cls(lang=getattr(args, "lang", None) or "id", **kwargs)

    def to_query(self, include_lang: bool = True, page: str | None = None) -> str:
        """The query string of these filters (no "?"); `lang` only when it is not the default; the
        page-level keys only for a `page` whose URL carries them."""
        pairs = self._pairs(self.rows())
        if include_lang and self.lang != "id":
            pairs.append(("lang", self.lang))
        pairs += self._pairs([row for row in filter_fields.page_rows(self.FIELDS) if page in row.pages])
        return urlencode(pairs)

    def _pairs(self, rows) -> list[tuple[str, str]]:
        pairs = []
        for row in rows:
            for name, key in zip(row.names, row.urls):
                value = getattr(self, name)
                if row.kind == MULTI:
                    pairs.extend((key, item) for item in value)
                elif value is not None:
                    pairs.append((key, row.format(value)))
        return pairs

    def replace(self, **changes):
        """A copy with some fields changed (every link and chip is one key added, removed or replaced)."""
        return replace(self, **changes)

    def is_empty(self) -> bool:
        """True when no filter is active (the language and the page-level keys do not count)."""
        return all(getattr(self, name) in (None, ()) for row in self.rows() for name in row.names)

    def masks(self, frame: pd.DataFrame, encoded=None) -> dict[str, np.ndarray]:
        """One boolean array per active filter row, by the row's key ("years", "agencies", ...).

        `encoded`: the frame's analytics.encoded.Encoded (the dataset's, made once per data version),
        which gives the same masks from integer codes."""
        masks: dict[str, np.ndarray] = {}
        coded = encoded.codes if encoded is not None else {}
        for row in self.rows():
            if row.kind == YEARS:
                start, end = (getattr(self, name) for name in row.names)
                if start is not None or end is not None:
                    years = (encoded.years if encoded is not None
                             else frame[row.column].to_numpy(dtype="float64", na_value=np.nan))
                    low = -np.inf if start is None else start
                    high = np.inf if end is None else end
                    masks[row.key] = (years >= low) & (years <= high)
                continue
            value = getattr(self, row.key)
            if value in (None, ()):
                if row.unset is not None and row.column in coded:
                    masks[row.key] = encoded.unset_mask(row.key, row.column, row.unset)
                elif row.unset is not None and row.column in frame:
                    masks[row.key] = row.unset(frame[row.column])
                continue
            if row.kind == TEXT:
                masks[row.key] = text_mask(frame, value)
            elif row.column in coded:
                masks[row.key] = encoded.is_any(row.column, value if row.kind == MULTI else (value,))
            elif row.kind == MULTI:
                masks[row.key] = frame[row.column].isin(value).to_numpy(dtype=bool, na_value=False)
            else:
                masks[row.key] = (frame[row.column] == value).to_numpy(dtype=bool, na_value=False)
        return masks

    def mask(self, frame: pd.DataFrame, without: str | None = None, encoded=None) -> np.ndarray:
        """Rows matching every active filter, except the row `without` (for cascading options)."""
        mask = np.ones(len(frame), dtype=bool)
        for name, part in self.masks(frame, encoded).items():
            if name != without:
                mask &= part
        return mask

    def apply(self, frame: pd.DataFrame, encoded=None) -> pd.DataFrame:
        """The rows of `frame` (canonical columns) that match every active filter."""
        return frame[self.mask(frame, encoded=encoded)]

    def describe(self, lang: str | None = None, label: Labeler | None = None) -> str:
        """The active filters in words: "Tahun 2015–2017 · OPD: Dinas Kesehatan" (chart captions, report
        headings, the data export's about sheet).

        `label(column, value)` turns a stored value into its label in `lang` (e.g. the English name of
        a sector); by default values are shown as stored.
        """
        lang = normalise_lang(lang or self.lang)
        label = label or (lambda column, value: value)
        joiner = t("describe.and", lang)
        parts = []
        for row in self.rows():
            if row.kind == YEARS:
                start, end = (getattr(self, name) for name in row.names)
                if start is not None and end is not None:
                    parts.append(t("describe.year", lang, year=start) if start == end
                                 else t("describe.years", lang, start=start, end=end))
                elif start is not None:
                    parts.append(t("describe.since", lang, year=start))
                elif end is not None:
                    parts.append(t("describe.until", lang, year=end))
                continue
            value = getattr(self, row.key)
            if value in (None, ()):
                continue
            if row.kind == MULTI:
                words = joiner.join(label(row.column, v) for v in value)
            else:
                words = value if row.column is None else label(row.column, value)
            parts.append(t(row.describe, lang, value=words))
        return " · ".join(parts) if parts else t("describe.all", lang)

    def name_parts(self) -> list[str]:
        """The active filters as parts of a download's file name: "2015-2017", then each value as stored."""
        parts = []
        for row in self.rows():
            if row.kind == YEARS:
                start, end = (getattr(self, name) for name in row.names)
                if start is not None or end is not None:
                    parts.append(f"{start or ''}-{end or ''}".strip("-"))
                continue
            value = getattr(self, row.key)
            parts.extend(v for v in (value if row.kind == MULTI else (value,)) if v)
        return parts


def make_filters(rows: tuple[FilterField, ...]) -> type:
    """The frozen, keyword-only dataclass with one attribute per row (and `lang`)."""
    spec = [(name, tuple[str, ...] if row.kind == MULTI else row.value_type | None,
             dataclass_field(default=row.default))
            for row in rows for name in row.names]
    spec.append(("lang", str, dataclass_field(default="id")))
    query_keys = {key: name for row in filter_fields.filter_rows(rows) for name, key in zip(row.names, row.urls)}
    page_keys = {key: name for row in filter_fields.page_rows(rows) for name, key in zip(row.names, row.urls)}
    cls = make_dataclass("Filters", spec, bases=(FiltersBase,), frozen=True, kw_only=True,
                         namespace={"FIELDS": rows, "QUERY_KEYS": {**query_keys, "lang": "lang"},
                                    "PAGE_KEYS": page_keys})
    cls.__module__ = __name__
    return cls


Filters = make_filters(filter_fields.FIELDS)


def describe_filters(filters, lang: str | None = None, label: Labeler | None = None) -> str:
    """`filters.describe(lang, label)`: the active filters in words."""
    return filters.describe(lang, label)


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
