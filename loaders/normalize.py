"""Cell values → canonical values: years, dates with their precision, agencies through the
register, urusan through the taxonomy, and the enums (stage, kind, form, initiator, status).

Each parser takes one raw cell and returns the canonical value, or raises `ValueError` when the
cell holds something that cannot mean a value (the caller turns that into an Issue).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

import pandas as pd

from loaders.reference import AgencyMatch, Reference
from loaders.schema import MIN_YEAR
from loaders.text import and_key, clean_text, text_key

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
MONTHS = {
    **dict.fromkeys(["januari", "jan", "january"], 1),
    **dict.fromkeys(["februari", "pebruari", "feb", "peb", "february"], 2),
    **dict.fromkeys(["maret", "mar", "march"], 3),
    **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["mei", "may"], 5),
    **dict.fromkeys(["juni", "jun", "june"], 6),
    **dict.fromkeys(["juli", "jul", "july"], 7),
    **dict.fromkeys(["agustus", "agu", "agt", "agst", "aug", "august"], 8),
    **dict.fromkeys(["september", "sep", "sept"], 9),
    **dict.fromkeys(["oktober", "okt", "oct", "october"], 10),
    **dict.fromkeys(["november", "nopember", "nov", "nop"], 11),
    **dict.fromkeys(["desember", "des", "dec", "december"], 12),
}
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[ t]\d{1,2}[:.]\d{2}.*)?$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t].*)?$")
_D_MONTH_Y = re.compile(r"^(\d{1,2}) ([a-z]+) (\d{4})$")
_MONTH_Y = re.compile(r"^([a-z]+) (\d{4})$")
_MONTH_D_Y = re.compile(r"^([a-z]+) (\d{1,2}) (\d{4})$")
_WEEKDAY = re.compile(r"^(senin|selasa|rabu|kamis|jumat|sabtu|minggu|ahad|monday|tuesday|wednesday|"
                      r"thursday|friday|saturday|sunday|sen|sel|rab|kam|jum|sab|min|mon|tue|wed|thu|fri|sat|sun)\s+")
_TIME_OF_DAY = re.compile(r"\s+\d{1,2} \d{2}( \d{2})?( wib| wita| wit)?$")
_M_Y = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_YEAR_TEXT = re.compile(r"^(?:(?:tahun|th|ta)\.?\s*)?(\d{4})(?:\.0+)?$", re.IGNORECASE)
_SLUG = re.compile(r"\s*\(\s*[\w.\-@]+\s*\)\s*$")
_REGENCY_SUFFIX = re.compile(r"\s+(kab|kabupaten|pemkab|pemerintah kabupaten)?\s*muara enim$")
_KECAMATAN = re.compile(r"^(kec|kecamatan|camat|kantor camat|kantor kecamatan) (.+)$")


class NotFinite(ValueError):
    """A number that is infinite or NaN ('inf', '1e999', a NaN cell): kept out of the data with a warning."""


def finite(number: float) -> float:
    """`number`, or NotFinite when it is infinite or NaN."""
    if not math.isfinite(number):
        raise NotFinite(number)
    return number


def _raise_if_not_finite(text: str) -> None:
    """NotFinite when `text` spells an infinite or NaN number ('inf', '1e999', '-Infinity')."""
    try:
        finite(float(text.replace(",", ".")))
    except NotFinite:
        raise
    except ValueError:
        pass


def parse_year(value: object) -> int | None:
    """2016, 2016.0, '2016', 'Th. 2016', a date cell or a date written as text → 2016; None when empty.

    Raises ValueError for text that is not a year. The range is checked by the caller.
    """
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if float(finite(float(value))).is_integer():
            return int(value)
        raise ValueError(value)
    text = clean_text(value)
    if text is None:
        return None
    match = _YEAR_TEXT.match(text)
    if not match:
        _raise_if_not_finite(text)
        date, _ = parse_date(text)   # a date written as text ('01-01-2019', 'Maret 2019'): its year
        return date.year
    return int(match.group(1))


def parse_date(value: object) -> tuple[pd.Timestamp | None, str | None]:
    """A date cell, an Excel serial, 'DD-MM-YYYY', '8 Maret 2018', 'Maret 2016' or '2016' →
    (first day of the period, precision 'day' | 'month' | 'year'). Raises ValueError when unreadable."""
    if isinstance(value, dt.datetime):
        return pd.Timestamp(value.date()), "day"
    if isinstance(value, dt.date):
        return pd.Timestamp(value), "day"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _date_from_number(finite(float(value)))
    text = clean_text(value)
    if text is None:
        return None, None
    key = _TIME_OF_DAY.sub("", _WEEKDAY.sub("", text_key(text)))
    try:
        if m := _DMY.match(text):
            return _day_month(int(m[1]), int(m[2]), _full_year(m[3])), "day"
        if m := _YMD.match(text):
            return pd.Timestamp(int(m[1]), int(m[2]), int(m[3])), "day"
        if (m := _D_MONTH_Y.match(key)) and m[2] in MONTHS:
            return pd.Timestamp(int(m[3]), MONTHS[m[2]], int(m[1])), "day"
        if (m := _MONTH_D_Y.match(key)) and m[1] in MONTHS:
            return pd.Timestamp(int(m[3]), MONTHS[m[1]], int(m[2])), "day"
        if (m := _MONTH_Y.match(key)) and m[1] in MONTHS:
            return pd.Timestamp(int(m[2]), MONTHS[m[1]], 1), "month"
        if m := _M_Y.match(text):
            return pd.Timestamp(int(m[2]), int(m[1]), 1), "month"
        return _date_from_number(finite(float(text.replace(",", "."))))
    except NotFinite:
        raise
    except (ValueError, OverflowError) as err:
        raise ValueError(value) from err


def _day_month(first: int, second: int, year: int) -> pd.Timestamp:
    """DD-MM-YYYY as Indonesians write it; MM-DD-YYYY only when the second number cannot be a month
    (a US-locale Excel's '03/25/2017' in a column that otherwise holds '25-03-2017')."""
    if second > 12 >= first:
        first, second = second, first
    return pd.Timestamp(year, second, first)


def _full_year(text: str) -> int:
    """'17' → 2017, '98' → 1998 (two-digit years as Excel's default window reads them)."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 30 else 1900
    return year


def _date_from_number(number: float) -> tuple[pd.Timestamp, str]:
    if number.is_integer() and MIN_YEAR <= number <= 2100:
        return pd.Timestamp(int(number), 1, 1), "year"
    if 10_000 < number < 80_000:  # Excel serial day numbers (1927–2119)
        return pd.Timestamp(EXCEL_EPOCH + dt.timedelta(days=int(number))), "day"
    raise ValueError(number)


def parse_number(value: object) -> float | None:
    """87, '87', '87,5' → float; None when empty; NotFinite for 'inf', '1e999' or NaN; ValueError otherwise."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return finite(float(value))
    text = clean_text(value)
    if text is None:
        return None
    return finite(float(text.replace(",", ".")))


def parse_percent(value: object) -> float | None:
    """Progress as written: 90, '90', '90%', '90 %', '87,5%' → 90.0 / 87.5; a cell formatted as a
    percentage in Excel (0.9) → 90.0. None when empty; ValueError outside 0–100 or not a number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value) * 100 if 0 < value < 1 else float(value)
    else:
        text = clean_text(value)
        if text is None:
            return None
        number = float(text.rstrip("%").strip().replace(",", "."))
    if not 0 <= number <= 100:
        raise ValueError(value)
    return number


def strip_account_slug(text: str | None) -> str | None:
    """'Dinas Kesehatan (dinkes_me)' → 'Dinas Kesehatan': the national index appends the account."""
    return _SLUG.sub("", text) if text else text


def agency_keys(raw: object, account_suffixes: tuple[str, ...] = ()) -> list[str]:
    """Matching keys of an agency as written: without the account slug, then also without the
    regency suffix ('Dinas Kesehatan Kab. Muara Enim'); 'Camat Muara Enim' keeps its place name.
    An account short name ('dinkes_me', 'bappeda.muaraenim') also gives its key without the
    regency's account suffix (regency.toml `account_suffixes`)."""
    key = and_key(_SLUG.sub("", str(raw)))
    keys = [key, _REGENCY_SUFFIX.sub("", key).strip(), text_key(_SLUG.sub("", str(raw)))]
    words = key.split()
    if len(words) > 1 and words[-1] in account_suffixes:
        keys.append(" ".join(words[:-1]))
    return [k for k in dict.fromkeys(keys) if k]


@functools.lru_cache(maxsize=8192)
def resolve_agency(raw: object, reference: Reference) -> AgencyMatch | None:
    """The canonical agency (and unit) of a name as written, or None when the register has no match.

    Tries the names, abbreviations and aliases (old pre-2017 names included), then kecamatan
    spellings ('Kec. X', 'Camat X'), then a unit named with its agency ('Bagian Umum Setda',
    'Bidang Aptika Diskominfo'), then unit prefixes ('Puskesmas X' → Dinas Kesehatan, unit
    'UPTD Puskesmas X'; 'Bagian X' → Sekretariat Daerah, unit 'Bagian X').
    """
    if raw is None:
        return None
    index = reference.agency_index
    keys = agency_keys(raw, tuple(reference.regency.get("account_suffixes", ())))
    for key in keys:
        if key in index:
            return index[key]
        if (match := _KECAMATAN.match(key)) and f"kecamatan {match[2]}" in index:
            return index[f"kecamatan {match[2]}"]
    for key in keys:
        if match := _unit_of_agency(str(raw), key, reference):
            return match
    for key in keys:  # 'UPTD Puskesmas Muara Enim': here Muara Enim is the place
        for prefix, agency, unit_prefix in reference.unit_patterns:
            if key.startswith(prefix + " "):
                return AgencyMatch(agency, f"{unit_prefix} {_unit_suffix(str(raw), len(prefix.split()))}")
    return None


def _unit_of_agency(raw: str, key: str, reference: Reference) -> AgencyMatch | None:
    """'Bagian Pemerintahan Umum Setda' → Sekretariat Daerah, unit 'Bagian Pemerintahan Umum': the
    longest tail of the name that is an agency of the register, the words before it the unit
    (spelled out by the unit patterns: 'Bag. Kesra' → 'Bagian Kesra')."""
    index = reference.agency_index
    words = key.split()
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        if tail in index:
            head = " ".join(words[:start])
            raw_words = _SLUG.sub("", raw).split()
            unit = next((" ".join(raw_words[:n]).rstrip(",;-/") for n in range(len(raw_words), 0, -1)
                         if text_key(" ".join(raw_words[:n])) == head), head)
            for prefix, _agency, unit_prefix in reference.unit_patterns:
                if head.startswith(prefix + " "):
                    return AgencyMatch(index[tail].agency, f"{unit_prefix} {_unit_suffix(unit, len(prefix.split()))}")
            return AgencyMatch(index[tail].agency, unit.title() if unit.isupper() else unit)
    return None


def _unit_suffix(raw: str, words: int) -> str:
    """'PUSKESMAS TANJUNG ENIM' → 'Tanjung Enim' (the place after the unit prefix, tidied)."""
    rest = " ".join(_SLUG.sub("", raw).split()[words:])
    return rest.title() if rest.isupper() else rest


@functools.lru_cache(maxsize=4096)
def resolve_sector(raw: object, reference: Reference) -> str | None:
    """The canonical urusan for a name as written (case and punctuation do not count)."""
    if raw is None:
        return None
    key = and_key(raw)
    key = re.sub(r"^urusan (pemerintahan )?(bidang )?", "", key)
    return reference.sector_index.get(key)


@functools.lru_cache(maxsize=4096)
def resolve_sector_list(raw: object, reference: Reference) -> tuple[tuple[str, ...], str]:
    """Several urusan in one cell → (canonical names, text left unmatched).

    Names contain commas ('Koperasi, Usaha Kecil, dan Menengah'), so the cell is never split on
    commas: the longest taxonomy entry is matched at each word instead.
    """
    words = and_key(raw).split()
    entries = _sector_phrases(reference)
    longest = max(len(phrase) for phrase in entries)
    found, leftover, i = [], [], 0
    while i < len(words):
        for length in range(min(longest, len(words) - i), 0, -1):
            phrase = tuple(words[i:i + length])
            if phrase in entries:
                found.append(entries[phrase])
                i += length
                break
        else:
            if words[i] not in ("dan", "serta", "urusan"):
                leftover.append(words[i])
            i += 1
    return tuple(dict.fromkeys(found)), " ".join(leftover)


@functools.lru_cache(maxsize=8)
def _sector_phrases(reference: Reference) -> dict[tuple[str, ...], str]:
    return {tuple(key.split()): name for key, name in reference.sector_index.items()}


@functools.lru_cache(maxsize=4096)
def resolve_enum(field: str, raw: object, reference: Reference) -> str | None:
    """Stage, kind, form, initiator, status or regulation level as written → the canonical value."""
    if raw is None:
        return None
    return reference.enums[field].get(text_key(raw))


def parse_sdgs(raw: object, reference: Reference) -> str | None:
    """'3; 10', 'SDG 3, 10' or 'Kehidupan Sehat dan Sejahtera' → '3; 10' (goal numbers, sorted)."""
    text = clean_text(raw)
    if text is None:
        return None
    names = {text_key(row["name_id"]): int(row["number"]) for row in reference.sdgs}
    names.update({text_key(row["name_en"]): int(row["number"]) for row in reference.sdgs})
    goals = {int(n) for n in re.findall(r"\b(\d{1,2})\b", text) if 1 <= int(n) <= 17}
    key = text_key(text)
    goals |= {number for name, number in names.items() if name in key}
    return "; ".join(str(goal) for goal in sorted(goals)) if goals else text


_GOVERNMENT_KIND = {
    **dict.fromkeys(["kabupaten", "kab", "pemkab", "pemerintah kabupaten", "pemerintah kab"], "Kabupaten"),
    **dict.fromkeys(["kota", "pemkot", "pemerintah kota"], "Kota"),
    **dict.fromkeys(["provinsi", "prov", "pemprov", "pemerintah provinsi", "pemerintah prov"], "Provinsi"),
}
_GOVERNMENT = re.compile(
    r"(?:^| )(" + "|".join(sorted(_GOVERNMENT_KIND, key=len, reverse=True)) + r") ([a-z][a-z ]*?)"
    r"(?= (?:tahun|th|ta)\b| \d|$)")
# Words a block title may put before the government it names ("REKAPITULASI IDE INOVASI KOTA X").
_TITLE_WORDS = frozenset("rekapitulasi rekap daftar data ide inovasi inovasi laboratorium lab pelayanan publik "
                         "daerah hasil usulan pemerintah".split())


def government_name(text: object, anywhere: bool = False) -> str | None:
    """'PEMERINTAH KABUPATEN LAHAT', 'Kab. Lahat', 'Pemkot Prabumulih' → 'Kabupaten Lahat',
    'Kota Prabumulih'; None when the text does not name a regional government.

    With `anywhere`, the government may follow title words ('IDE INOVASI KOTA PAGAR ALAM TAHUN
    2015'); without it the text must begin with it."""
    if text is None:
        return None
    key = text_key(SECTION_LABEL.sub("", str(text)))
    match = _GOVERNMENT.search(key)
    if match is None:
        return None
    before = key[:match.start()].split()
    if before and not (anywhere and set(before) <= _TITLE_WORDS):
        return None
    return f"{_GOVERNMENT_KIND[match[1]]} {match[2].strip().title()}"


SECTION_LABEL = re.compile(r"^\s*([ivxlc]+|[a-z]|\d{1,2})[.)]\s+", re.IGNORECASE)
