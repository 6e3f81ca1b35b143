"""Language: the one catalog (id, en), Indonesian number and date formats, filters in words.

Every label the dashboard shows comes from here or from data/reference (column, sector and
enum labels), never from literals in pages.
"""

from __future__ import annotations

import math
from typing import Callable

import pandas as pd

from i18n.catalog import MESSAGES, MONTHS

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


def normalise_lang(lang: str | None) -> str:
    """`lang` if it is a supported language, else the default (Bahasa Indonesia)."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The message `key` in `lang`, with `values` filled in. Unknown keys raise KeyError (caught by tests)."""
    text = MESSAGES[key][LANGUAGES.index(normalise_lang(lang))]
    return text.format(**values) if values else text


def plotly_separators(lang: str) -> str:
    """Plotly's `layout.separators`: decimal then thousands ("," and "." under id)."""
    return ",." if normalise_lang(lang) == "id" else ".,"


def format_int(value, lang: str = DEFAULT_LANGUAGE) -> str:
    """1234 -> "1.234" (id) or "1,234" (en)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("detail.empty", lang)
    text = f"{int(round(value)):,}"
    return text.replace(",", ".") if normalise_lang(lang) == "id" else text


def format_number(value: float, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    """12.5 -> "12,5" (id) or "12.5" (en); thousands grouped."""
    text = f"{value:,.{digits}f}"
    if normalise_lang(lang) == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_pct(ratio: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """0.125 -> "12,5%" with digits=1 (id); "13%" with digits=0. None -> "—"."""
    if ratio is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return t("detail.empty", lang)
    return format_number(ratio * 100, lang, digits) + "%"


def format_signed_pct(ratio: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    """-0.152 -> "−15,2%", 0.1 -> "+10,0%" (a true minus sign, readable in every font)."""
    if ratio is None or (isinstance(ratio, float) and math.isnan(ratio)):
        return t("detail.empty", lang)
    sign = "+" if ratio > 0 else "−" if ratio < 0 else ""
    return sign + format_pct(abs(ratio), lang, digits)


def format_date(value, precision: str | None = "day", lang: str = DEFAULT_LANGUAGE) -> str:
    """A date as people write it: "8 Maret 2018", "Maret 2018" or "2018" by its precision."""
    if value is None or value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
        return t("detail.empty", lang)
    stamp = pd.Timestamp(value)
    month = MONTHS[normalise_lang(lang)][stamp.month - 1]
    if precision == "year":
        return str(stamp.year)
    if precision == "month":
        return f"{month} {stamp.year}"
    return f"{stamp.day} {month} {stamp.year}"


Labeler = Callable[[str, str], str]


def describe_filters(filters, lang: str | None = None, label: Labeler | None = None) -> str:
    """The active filters in words: "Tahun 2015–2017 · OPD: Dinas Kesehatan".

    `label(field, value)` turns a stored value into its label in `lang` (e.g. the English name of
    a sector); by default values are shown as stored.
    """
    lang = normalise_lang(lang or filters.lang)
    label = label or (lambda field, value: value)
    parts = []
    start, end = filters.year_from, filters.year_to
    if start is not None and end is not None:
        parts.append(t("describe.year", lang, year=start) if start == end
                     else t("describe.years", lang, start=start, end=end))
    elif start is not None:
        parts.append(t("describe.since", lang, year=start))
    elif end is not None:
        parts.append(t("describe.until", lang, year=end))
    joiner = t("describe.and", lang)
    for key, field, values in (("agency", "agency", filters.agencies), ("sector", "sector", filters.sectors)):
        if values:
            parts.append(t(f"describe.{key}", lang, value=joiner.join(label(field, v) for v in values)))
    for field in ("stage", "kind", "form"):
        value = getattr(filters, field)
        if value is not None:
            parts.append(t(f"describe.{field}", lang, value=label(field, value)))
    if filters.text is not None:
        parts.append(t("describe.text", lang, value=filters.text))
    return " · ".join(parts) if parts else t("describe.all", lang)
