"""Numbers and dates as people write them, in one place: Indonesian by default, English on request
(and `printable`: any text made safe to show on one terminal line).

id: 1.234 · 82,3 · 12,5% · 8 Maret 2018 · 8 Maret 2018 14.05
en: 1,234 · 82.3 · 12.5% · 8 March 2018 · 8 March 2018 14:05

Machine outputs (`--json`, API responses) keep Python's own formats (dots, ISO dates) and do not
come through here.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pandas as pd

from i18n.catalog import MONTHS

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
EMPTY = "—"
PRECISIONS = ("day", "month", "year")


def normalise_lang(lang: str | None) -> str:
    """`lang` if it is a supported language, else the default (Bahasa Indonesia)."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


LOCALES = {"id": "id-ID", "en": "en-GB"}  # BCP 47 tags: Word's document language, the browser's Intl


def other_language(lang: str | None) -> str:
    """The language the switch offers: English under Indonesian and back."""
    return "id" if normalise_lang(lang) == "en" else "en"


def locale_tag(lang: str | None) -> str:
    """"id-ID" or "en-GB"."""
    return LOCALES[normalise_lang(lang)]


def _missing(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def plotly_separators(lang: str) -> str:
    """Plotly's `layout.separators`: decimal then thousands ("," and "." under id)."""
    return ",." if normalise_lang(lang) == "id" else ".,"


@functools.cache
def _plotly_locale_id() -> dict:
    return json.loads((Path(__file__).parent / "vendor" / "plotly-locale-id.json").read_text(encoding="utf-8"))


def plotly_locale_config(lang: str) -> dict:
    """The `config` keys that put a Plotly graph's own texts (modebar, notices, dates) in `lang`."""
    if normalise_lang(lang) == "id":
        return {"locale": "id", "locales": {"id": _plotly_locale_id()}}
    return {"locale": "en"}


def localise_separators(text: str, lang: str) -> str:
    """Python's "1,234.5" in `lang`'s separators."""
    if normalise_lang(lang) == "id":
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def _minus(text: str) -> str:
    """A formatted number with a true minus sign ("−5", as format_signed_pct writes it), never a hyphen;
    a small negative that rounds to zero ("-0,0") without a sign."""
    if not text.startswith("-"):
        return text
    return ("−" if any(digit in text for digit in "123456789") else "") + text[1:]


def format_int(value, lang: str = DEFAULT_LANGUAGE) -> str:
    """1234 -> "1.234" (id) or "1,234" (en); -5 -> "−5"."""
    if _missing(value):
        return EMPTY
    return _minus(localise_separators(f"{int(round(value)):,}", lang))


def _rounded(value: float, digits: int) -> Decimal:
    """`value` to `digits` decimals, halves away from zero (as people round, and as the browser's
    toLocaleString does in the grids): 91.25 -> 91.3, 0.125 -> 0.13."""
    return Decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def format_number(value: float, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    """12.5 -> "12,5" (id) or "12.5" (en); thousands grouped; -3 -> "−3,0" (a true minus sign)."""
    if _missing(value):
        return EMPTY
    return _minus(localise_separators(f"{_rounded(value, digits):,.{digits}f}", lang))


def format_score(value: float, lang: str = DEFAULT_LANGUAGE) -> str:
    """A score out of 100 with at most one decimal, as the /kipp grid shows it: 91.25 -> "91,3" (id),
    80.0 -> "80"."""
    if _missing(value):
        return EMPTY
    return format_number(value, lang, 0 if _rounded(value, 1) == _rounded(value, 0) else 1)


def format_pct(ratio: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """0.125 -> "12,5%" with digits=1 (id); "13%" with digits=0. None -> "—"."""
    if _missing(ratio):
        return EMPTY
    return format_number(ratio * 100, lang, digits) + "%"


def format_signed_pct(ratio: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    """-0.152 -> "−15,2%", 0.1 -> "+10,0%" (a true minus sign, readable in every font)."""
    if _missing(ratio):
        return EMPTY
    sign = "+" if ratio > 0 else "−" if ratio < 0 else ""
    return sign + format_pct(abs(ratio), lang, digits)


def format_date(value, precision: str | None = "day", lang: str = DEFAULT_LANGUAGE) -> str:
    """A date as people write it: "8 Maret 2018", "Maret 2018" or "2018" by its precision."""
    if _missing(value) or (not isinstance(value, (str, dt.date)) and pd.isna(value)):
        return EMPTY
    stamp = pd.Timestamp(value)
    month = MONTHS[normalise_lang(lang)][stamp.month - 1]
    if precision == "year":
        return str(stamp.year)
    if precision == "month":
        return f"{month} {stamp.year}"
    return f"{stamp.day} {month} {stamp.year}"


def format_datetime(value, lang: str = DEFAULT_LANGUAGE) -> str:
    """A moment to the minute: "8 Maret 2018 14.05" (id, the dot of Indonesian time) or "8 March 2018 14:05"."""
    if _missing(value) or (not isinstance(value, (str, dt.date)) and pd.isna(value)):
        return EMPTY
    stamp = pd.Timestamp(value)
    separator = "." if normalise_lang(lang) == "id" else ":"
    return f"{format_date(stamp, 'day', lang)} {stamp.hour:02d}{separator}{stamp.minute:02d}"


def format_dates(values, lang: str = DEFAULT_LANGUAGE, precision: str | None = "day") -> np.ndarray:
    """`format_date` for a whole column at once; missing dates become ""."""
    stamps = pd.Series(pd.to_datetime(pd.Series(values), errors="coerce"))
    result = np.full(len(stamps), "", dtype=object)
    present = stamps.notna().to_numpy()
    if not present.any():
        return result
    shown = stamps[present]
    year = shown.dt.year.astype(str).to_numpy(dtype=object)
    if precision == "year":
        result[present] = year
        return result
    month = np.array(MONTHS[normalise_lang(lang)], dtype=object)[shown.dt.month.to_numpy() - 1]
    text = month + " " + year
    if precision != "month":
        text = shown.dt.day.astype(str).to_numpy(dtype=object) + " " + text
    result[present] = text
    return result


def grid_number_format(lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> dict:
    """An AG Grid `valueFormatter` showing numbers as `format_number` does (grids format in the browser).

    Trailing zeros are dropped like `format_score`: 80 -> "80", 91.25 -> "91,3" (id).
    """
    return {"function": f"params.value == null ? '' : Number(params.value).toLocaleString('{locale_tag(lang)}', "
                        f"{{maximumFractionDigits: {int(digits)}}})"}


def printable(value: object) -> str:
    """`value` safe to print on one terminal line: control characters (newlines, ESC of ANSI codes, NUL,
    the Unicode line separators and bidi overrides) shown escaped, e.g. 'a\\nb' -> 'a\\\\nb'."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(character if character.isprintable() or character == " " else _escaped(character)
                   for character in text)


def _escaped(character: str) -> str:
    return repr(character)[1:-1] if ord(character) < 0x100 else f"\\u{ord(character):04x}"
