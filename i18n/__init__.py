"""Language: the one catalog (id, en), the number and date formats.

Every label and message the product shows comes from the catalog (its parts by domain live in
i18n/catalog*.py, assembled here into CATALOG) or from data/reference (column, sector and enum
labels), never from literals in the code. Numbers and dates are formatted by i18n.formats.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import string
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from i18n import (catalog, catalog_cli, catalog_data, catalog_evidence, catalog_iid, catalog_kipp, catalog_loader,
                  catalog_proposal, catalog_region, catalog_store, catalog_workspace)
from i18n.catalog import MONTHS  # noqa: F401  (re-exported)
from i18n.formats import (DEFAULT_LANGUAGE, LANGUAGES, format_date, format_dates, format_datetime,  # noqa: F401
                          format_int, format_number, format_pct, format_score, format_signed_pct,
                          grid_number_format, locale_tag, localise_separators, normalise_lang,
                          other_language, plotly_locale_config, plotly_separators, printable)

Catalog = dict[str, tuple[str, str]]


def merge_parts(parts: Mapping[str, Catalog]) -> Catalog:
    """The catalog's parts as one dict; a key defined in two parts raises ValueError."""
    merged: Catalog = {}
    origin: dict[str, str] = {}
    for name, messages in parts.items():
        for key, texts in messages.items():
            if key in origin:
                raise ValueError(f"catalog key {key!r} is defined twice: in {origin[key]} and in {name}")
            merged[key], origin[key] = texts, name
    return merged


PARTS = {module.__name__: module.MESSAGES
         for module in (catalog, catalog_data, catalog_loader, catalog_store, catalog_kipp, catalog_proposal,
                        catalog_cli, catalog_iid, catalog_workspace, catalog_region, catalog_evidence)}
CATALOG: Catalog = merge_parts(PARTS)


@dataclass(frozen=True)
class Bilingual:
    """A value that has its own words in each language (a label from data/reference or the editions)."""

    id: str
    en: str

    def pick(self, lang: str | None) -> str:
        return self.en if normalise_lang(lang) == "en" else self.id


def template(key: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The raw text of `key` in `lang`, placeholders unfilled. Unknown keys raise KeyError."""
    return CATALOG[key][LANGUAGES.index(normalise_lang(lang))]


@functools.lru_cache(maxsize=4096)
def _fields(text: str) -> tuple[tuple[str, str | None, str], ...]:
    """'A {x} b {d:month}' -> (('A ', 'x', ''), (' b ', 'd', 'month'))."""
    return tuple((literal, name, spec or "") for literal, name, spec, _ in string.Formatter().parse(text))


def placeholders(text: str) -> set[str]:
    """The names a text fills in: 'A {x} b {d:month}' -> {'x', 'd'}."""
    return {name for _, name, _ in _fields(text) if name is not None}


def localise(value, lang: str = DEFAULT_LANGUAGE, spec: str = "") -> str:
    """One value as a message shows it: a Bilingual in `lang`; a date written out ("8 Maret 2018";
    the spec `month` or `year` for a coarser date); a float with str.format's `spec` in `lang`'s
    separators ("12,5"); anything else with str.format's `spec` (integers stay as they are: years)."""
    if isinstance(value, Bilingual):
        return value.pick(lang)
    if isinstance(value, (dt.date, np.datetime64)):
        return format_date(value, spec or "day", lang) if not pd.isna(value) else ""
    if isinstance(value, (float, np.floating)):
        return localise_separators(format(value, spec or "g"), lang)
    return format(value, spec)


def _localise_column(values: np.ndarray, lang: str, spec: str):
    if np.issubdtype(values.dtype, np.datetime64):
        return format_dates(values, lang, spec or "day")
    return [localise(value, lang, spec) for value in values]


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The message `key` in `lang`, with `values` filled in (see `localise`). Unknown keys raise KeyError."""
    text = template(key, lang)
    if not values:
        return text
    return "".join(literal + ("" if name is None else localise(values[name], lang, spec))
                   for literal, name, spec in _fields(text))


def t_rows(key: str, lang: str, params: Mapping[str, object], rows: np.ndarray) -> list[str]:
    """The message `key` for many rows at once: array parameters are read at positions `rows`,
    other parameters repeat (one pass per placeholder, not per row)."""
    columns = []
    for literal, name, spec in _fields(template(key, lang)):
        if literal:
            columns.append(itertools.repeat(literal, len(rows)))
        if name is None:
            continue
        value = params[name]
        if isinstance(value, np.ndarray):
            columns.append(_localise_column(value[rows], lang, spec))
        else:
            columns.append(itertools.repeat(localise(value, lang, spec), len(rows)))
    return ["".join(parts) for parts in zip(*columns)] if columns else [""] * len(rows)
