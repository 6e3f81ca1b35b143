"""One found table → canonical rows and the issues of each row.

Column-wise: every distinct raw value is parsed once (a 20,000-row export has few distinct
agencies, urusan or dates), and each problem becomes an Issue with the Excel row and the header.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass, field

from i18n import format_datetime, format_int
from loaders.errors import Issue
from loaders.lan import LanCode, parse_code
from loaders.normalize import (MIN_YEAR, NotFinite, government_name, parse_date, parse_number, parse_percent,
                               parse_sdgs, parse_year, resolve_agency, resolve_enum, resolve_sector, resolve_sector_list,
                               strip_account_slug)
from loaders.reference import Reference
from loaders.schema import DATES, KIPP_SECTIONS, LIST_SEPARATOR, NARRATIVE, SOURCE_COLUMNS
from loaders.tables import Block, Table, sheet_year
from loaders.text import clean_text, html_to_text, text_key

ENUM_COLUMNS = ["stage", "kind", "form", "initiator", "status", "regulation_level"]
TEXT_COLUMNS = [c for c in SOURCE_COLUMNS if c not in
                {"name", "year", "agency", "region", "sector", "sectors_other", "maturity", "progress", "sdgs",
                 *DATES, *ENUM_COLUMNS}]
# Narrative kept in paragraphs; a database export's HTML there becomes plain text (loaders.text).
PARAGRAPH_COLUMNS = frozenset(NARRATIVE + KIPP_SECTIONS)


@dataclass
class Context:
    file: str
    reference: Reference
    lang: str = "id"
    sector_codes: dict[str, str] = field(default_factory=dict)   # the workbook's 'Kode bidang' list

    def issue(self, severity, code, sheet=None, row=None, column=None, **params) -> Issue:
        return Issue(severity, code, self.file, sheet, row, column, tuple(params.items()), self.lang)


def table_records(table: Table, context: Context) -> tuple[list[dict], list[Issue]]:
    """The canonical records of `table` (provenance included) and the issues found in them."""
    issues = [context.issue("warning", "unknown_header", table.sheet, table.header_row, header, header=header)
              for header in table.unknown_headers]
    issues += [context.issue("error", "missing_name", table.sheet, row, table.header_of("name"))
               for row in table.nameless_rows]
    rows = [row for _, row in table.rows]
    raw = {column: _column_values(rows, indexes) for column, indexes in table.columns.items()}
    records = [{"source_file": context.file, "source_sheet": table.sheet, "source_row": excel_row}
               for excel_row, _ in table.rows]
    codes = _set_code(records, raw, table, context, issues)
    blocks = [block or table.title_block for block in table.blocks]
    _set_text(records, raw, table, context, issues)
    _set_dates(records, raw, table, context, issues)
    _set_year(records, raw, table, context, issues, codes)
    _set_agency(records, raw, table, context, issues, blocks, codes)
    _set_sectors(records, raw, table, context, issues, codes)
    for record in records:
        record["id"] = innovation_id(record)
    return records, issues


def innovation_id(record: dict) -> str:
    """A short id that stays the same across reloads: region, agency, year and name."""
    basis = "|".join(text_key(record.get(k) or "") for k in ("region", "agency", "year", "name"))
    return hashlib.sha1(basis.encode()).hexdigest()[:10]


def _at(row: list, index: int):
    return row[index] if index < len(row) else None


def _column_values(rows: list[list], indexes: list[int]) -> list:
    """The values of one canonical column; with several source columns, the first non-empty one."""
    if len(indexes) == 1:
        return [_at(row, indexes[0]) for row in rows]
    return [next((v for v in (_at(row, i) for i in indexes) if clean_text(v) is not None), None) for row in rows]


def _parsed(values: list, parse) -> list:
    """Apply `parse` once per distinct value; a ValueError is returned in place of the value."""
    cache: dict = {}
    out = []
    for value in values:
        key = (type(value), value)
        if key not in cache:
            try:
                cache[key] = parse(value)
            except ValueError as err:
                cache[key] = err
        out.append(cache[key])
    return out


def _number_code(error: ValueError, code: str) -> str:
    """`number_not_finite` for an infinite or NaN number, else `code`."""
    return "number_not_finite" if isinstance(error, NotFinite) else code


def _one_line(value) -> str | None:
    return clean_text(html_to_text(value))


def _set_code(records, raw, table, context, issues) -> list[LanCode | None]:
    """The code column as written, and what a LAN Lab Inovasi code in it says (None where empty
    or not such a code). In a column of Lab Inovasi codes a malformed one is a warning and its row
    is read as if it had none; a column of other codes (the dashboard's own export labels its ids
    "Kode") is kept as written, silently."""
    if "code" not in raw:
        return [None] * len(records)
    parsed_codes = _parsed(raw["code"], parse_code)
    lan_column = any(isinstance(parsed, LanCode) for parsed in parsed_codes)
    codes = []
    for record, parsed, given in zip(records, parsed_codes, raw["code"]):
        record["code"] = clean_text(given)
        if isinstance(parsed, ValueError) and not lan_column:
            parsed = None
        if isinstance(parsed, ValueError):
            issues.append(context.issue("warning", "bad_code", table.sheet, record["source_row"],
                                        table.header_of("code"), value=clean_text(given)))
            parsed = None
        codes.append(parsed)
    return codes


def _set_text(records, raw, table, context, issues) -> None:
    for column in ["name", *[c for c in TEXT_COLUMNS if c in raw and c != "code"]]:
        parse = html_to_text if column in PARAGRAPH_COLUMNS else _one_line
        for record, value in zip(records, _parsed(raw[column], parse)):
            record[column] = value
    for column in [c for c in ENUM_COLUMNS if c in raw]:
        allowed = ", ".join(dict.fromkeys(context.reference.enums[column].values()))
        parsed = _parsed(raw[column], lambda v, c=column: resolve_enum(c, clean_text(v), context.reference))
        for record, value, given in zip(records, parsed, raw[column]):
            record[column] = value
            if value is None and clean_text(given) is not None:
                issues.append(context.issue("warning", "unknown_value", table.sheet, record["source_row"],
                                            table.header_of(column), value=clean_text(given), allowed=allowed))
    if "maturity" in raw:
        for record, value, given in zip(records, _parsed(raw["maturity"], parse_number), raw["maturity"]):
            record["maturity"] = None if isinstance(value, ValueError) else value
            if isinstance(value, ValueError):
                issues.append(context.issue("warning", _number_code(value, "bad_number"), table.sheet,
                                            record["source_row"], table.header_of("maturity"), value=given))
    if "sdgs" in raw:
        for record, value in zip(records, _parsed(raw["sdgs"], lambda v: parse_sdgs(v, context.reference))):
            record["sdgs"] = value
    if "progress" in raw:
        for record, value, given in zip(records, _parsed(raw["progress"], parse_percent), raw["progress"]):
            record["progress"] = None if isinstance(value, ValueError) else value
            if isinstance(value, ValueError):
                issues.append(context.issue("warning", "bad_progress", table.sheet, record["source_row"],
                                            table.header_of("progress"), value=given))


def _set_dates(records, raw, table, context, issues) -> None:
    for column in [c for c in DATES if c in raw]:
        for record, value, given in zip(records, _parsed(raw[column], parse_date), raw[column]):
            if isinstance(value, ValueError):
                issues.append(context.issue("warning", _number_code(value, "bad_date"), table.sheet,
                                            record["source_row"], table.header_of(column), value=given))
                value = (None, None)
            record[column], record[f"{column}_precision"] = value


def _set_year(records, raw, table, context, issues, codes) -> None:
    """Year column, else the sheet's year rule (a user's: a year, the title, a code column), else the
    row's code, else the sheet name, the title rows or the launch date (year_source). In a coded
    recap (LAN), a row without a code takes its block's year only when the block's title states it;
    otherwise its year is unknown, an error at that row."""
    max_year = dt.date.today().year
    coded = "code" in table.columns
    rule = _sheet_rule(table, context, issues)
    used = 0
    given_years = _parsed(raw["year"], parse_year) if "year" in raw else [None] * len(records)
    for record, year, given, ruled, code, block in zip(records, given_years, raw.get("year", [None] * len(records)),
                                                         rule, codes, table.blocks):
        source = "column"
        if isinstance(year, NotFinite):  # 'inf' in the year column: a value with a warning, then the fallbacks
            issues.append(context.issue("warning", "number_not_finite", table.sheet, record["source_row"],
                                        table.header_of("year"), value=given))
            year = None
        if year is None and ruled[0] is not None:
            year, source = ruled
            used += 1
        elif year is None and code is not None:
            year, source = code.year, "code"
        elif year is None and coded:
            own = block or table.title_block
            year, source = (own.year, "block") if own.year is not None else (None, None)
        elif year is None:
            launch = record.get("launch_date")
            candidates = [(block.year if block else None, "block"), (sheet_year(table.sheet), "sheet"),
                          (table.title_year, "title"), (launch.year if launch is not None else None, "launch_date")]
            year, source = next(((y, s) for y, s in candidates if y is not None), (None, None))
        if isinstance(year, ValueError) or (year is not None and not MIN_YEAR <= year <= max_year):
            two = TWO_YEARS.search(str(given)) if isinstance(year, ValueError) else None
            issues.append(context.issue("error", "two_years" if two else "bad_year", table.sheet,
                                        record["source_row"], table.header_of("year"), value=given,
                                        max_year=max_year, **({"first": two.group(1)} if two else {})))
            year, source = None, None
        elif year is None and coded:
            title = (block or table.title_block).title or "-"
            issues.append(context.issue("error", "no_year_in_block", table.sheet, record["source_row"],
                                        table.header_of("code"), title=title))
        elif year is None:
            issues.append(context.issue("error", "no_year", table.sheet, record["source_row"]))
        record["year"], record["year_source"] = year, source
    _stored_year_warning(table, context, issues, used)


CODE_YEAR = re.compile(r"^\s*(\d{4}|\d{2})(?!\d)")
TWO_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[/–-]\s*(?:(?:19|20)\d{2}|\d{2})(?!\d)")   # "2019/2020", "2019/20"


def code_year(value) -> int | None:
    """The year a code starts with: '15 LI SS04 PUR 001' -> 2015, '2019-07' -> 2019, else None."""
    match = CODE_YEAR.match(str(value)) if value is not None else None
    if not match:
        return None
    digits = match.group(1)
    return int(digits) if len(digits) == 4 else 2000 + int(digits)


def _sheet_rule(table, context, issues) -> list[tuple[int | None, str]]:
    """Per row, the (year, source) of the sheet's year rule, (None, None) where there is none. A rule
    that cannot be applied to this sheet (no year in the title, no such column) is a warning saying
    why; a stored fixed year that gives rows their year is a warning too, so that a later year's
    file of the same shape is never silently given last year's year."""
    rule = context.reference.year_rule(table.sheet, table.headers)
    count = len(table.rows)
    if rule is None:
        return [(None, None)] * count
    if rule.year is not None:
        return [(rule.year, "set")] * count
    if rule.rule == "title":
        if table.title_year is None:
            issues.append(context.issue("warning", "year_rule_no_title", table.sheet, table.header_row))
        return [(table.title_year, "title")] * count
    header = rule.rule.partition(":")[2]
    if header:
        index = next((i for i, text in enumerate(table.headers) if text and text_key(text) == text_key(header)), None)
    else:
        index = (table.columns.get("code") or [None])[0]
    if index is None:
        issues.append(context.issue("warning", "year_rule_no_column", table.sheet, table.header_row,
                                    header or None, header=header or "code",
                                    headers=", ".join(text for text in table.headers if text)))
        return [(None, None)] * count
    return [(code_year(_at(row, index)), "code") for _, row in table.rows]


def _stored_year_warning(table, context, issues, used: int) -> None:
    """A stored fixed year gave `used` rows their year: say so, with who saved it and how to change it."""
    rule = context.reference.year_rule(table.sheet, table.headers)
    if used and rule is not None and rule.source == "store" and rule.year is not None:
        issues.append(context.issue("warning", "year_rule_stored", table.sheet, table.header_row, year=rule.year,
                                    count=format_int(used, context.lang), who=rule.created_by or "-",
                                    when=format_datetime(rule.created_at, context.lang) if rule.created_at else "-",
                                    name=table.sheet))


def _set_agency(records, raw, table, context, issues, blocks, codes) -> None:
    """Region and agency. The region is the Pemda/K/L/D column, else the block's title, else the
    code's location, else this regency; only this regency's rows are matched against its register
    (another government's 'Dinas Kesehatan' is not ours). An agency column naming a government
    ('Pemerintah Kabupaten Lahat', a database export's nama_instansi) is the region, and the unit
    column then names the agency. A code location missing from lan_locations.csv, where nothing else
    names the region, is one warning per sheet and location (at its first row): the rows stay this
    regency's, and the user is told to add the code."""
    reference = context.reference
    unknown_locations: dict[str, list] = {}   # location -> [first row, rows, the code as written]
    regions = _parsed(raw["region"], _one_line) if "region" in raw else [None] * len(records)
    written = _parsed(raw["agency"], _one_line) if "agency" in raw else [None] * len(records)
    for record, region, agency_raw, section, block, code in zip(records, regions, written, table.sections,
                                                                blocks, codes):
        agency_raw = agency_raw or section
        if region is None and record.get("unit") and government_name(agency_raw):
            region, agency_raw, record["unit"] = agency_raw, record["unit"], None
        location = reference.lan_locations.get(code.location) if code else None
        if code and location is None and not region and not block.region:
            unknown_locations.setdefault(code.location, [record["source_row"], 0, record.get("code")])[1] += 1
        region, is_home = _region(region or block.region or location, reference)
        record["region"] = region
        record["agency_raw"] = agency_raw
        match = resolve_agency(agency_raw, reference) if is_home else None
        record["agency_known"] = match is not None
        record["agency"] = match.agency if match else strip_account_slug(agency_raw)
        record["unit"] = record.get("unit") or (match.unit if match else None)
        if agency_raw is None:
            issues.append(context.issue("warning", "missing_agency", table.sheet, record["source_row"],
                                        table.header_of("agency")))
        elif match is None and is_home:
            issues.append(context.issue("warning", "unknown_agency", table.sheet, record["source_row"],
                                        table.header_of("agency"), value=agency_raw))
    for location, (row, count, written) in unknown_locations.items():
        issues.append(context.issue("warning", "unknown_lan_location", table.sheet, row, table.header_of("code"),
                                    location=location, written=written, count=format_int(count, context.lang),
                                    region=reference.regency["name"]))


@functools.lru_cache(maxsize=1024)
def _region(written: str | None, reference: Reference) -> tuple[str, bool]:
    """(the region as stored, whether it is this regency): 'Kab. Lahat' → 'Kabupaten Lahat'."""
    home = reference.regency["name"]
    if written is None:
        return home, True
    name = government_name(written) or written
    is_home = reference.is_home_region(written) or reference.is_home_region(name)
    return (home if is_home else name), is_home


def _set_sectors(records, raw, table, context, issues, codes) -> None:
    reference = context.reference
    if any(code is not None and code.sector for code in codes):
        _sectors_from_codes(records, table, context, issues, codes)
    if "sector" in raw:
        for record, given in zip(records, _parsed(raw["sector"], _one_line)):
            if given is None and record.get("sector_raw"):
                continue  # the code's sector stands where the column is empty
            sector = resolve_sector(given, reference) if given else None
            record["sector_raw"], record["sector"] = given, sector or given
            if given and sector is None:
                issues.append(context.issue("warning", "unknown_sector", table.sheet, record["source_row"],
                                            table.header_of("sector"), value=given))
    if "sectors_other" in raw:
        for record, given in zip(records, _parsed(raw["sectors_other"], clean_text)):
            names, leftover = resolve_sector_list(given, reference) if given else ((), "")
            record["sectors_other"] = LIST_SEPARATOR.join(names) or None
            if leftover:
                issues.append(context.issue("warning", "unknown_sector", table.sheet, record["source_row"],
                                            table.header_of("sectors_other"), value=leftover))


def _sectors_from_codes(records, table, context, issues, codes) -> None:
    """The urusan a LAN code names ('PUR'), through the workbook's 'Kode bidang' list."""
    for record, code in zip(records, codes):
        if code is None or code.sector is None:
            continue
        written = context.sector_codes.get(code.sector)
        if written is None:
            issues.append(context.issue("warning", "unknown_sector_code", table.sheet, record["source_row"],
                                        table.header_of("code"), value=code.sector))
            continue
        sector = resolve_sector(written, context.reference)
        record["sector_raw"], record["sector"] = written, sector or written
        if sector is None:
            issues.append(context.issue("warning", "unknown_sector", table.sheet, record["source_row"],
                                        table.header_of("code"), value=written))
