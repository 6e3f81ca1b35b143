"""Reference knowledge (data/reference/): header aliases, agencies, urusan, SDGs, enums.

Loaded and validated once per process; planners extend the CSV files, not the code.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
import hashlib
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from i18n import normalise_lang, t
from loaders.schema import MIN_YEAR, SOURCE_COLUMNS
from loaders.text import text_key

IGNORE = "ignore"   # a mapping target: the column is dropped without a warning
REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"


class ReferenceError(ValueError):
    """A reference file is malformed; the message names the file and row."""


@dataclass(frozen=True)
class YearRule:
    """A user's year rule for a sheet without a year (see parse_year_rule) and where it comes from:
    "store" (saved on /data, for every sheet of the same shape), "option" (`--year`) or "preview"."""

    rule: str
    source: str
    sheet: str = ""
    created_by: str | None = None
    created_at: str | None = None

    @property
    def year(self) -> int | None:
        """The year a fixed rule sets, else None."""
        return int(self.rule) if self.rule.isdigit() else None


def parse_year_rule(value: str) -> str:
    """A year rule as written (`--year "Sheet=…"`, the store) → its stored form: a year ("2019", from
    1945 to this year), "title" (the title rows' year; also "judul"), "code" (the year the sheet's
    code column starts with; also "kode") or "code:<header>" (that column's). ValueError otherwise."""
    text = " ".join(str(value).split())
    keyword, colon, header = text.partition(":")
    keyword = keyword.strip().lower()
    if text.isdigit() and len(text) == 4 and MIN_YEAR <= int(text) <= dt.date.today().year:
        return text
    if not colon and keyword in ("title", "judul"):
        return "title"
    if keyword in ("code", "kode") and (not colon or header.strip()):
        return f"code:{header.strip()}" if colon else "code"
    raise ValueError(value)


def sheet_shape(sheet: str, headers) -> str:
    """The key of a sheet's shape, which a stored year rule is kept under: its name and the set of its
    headers, each as text_key (case, spacing and punctuation do not count; nor does column order)."""
    keys = sorted({text_key(str(header)) for header in headers if header is not None and text_key(str(header))})
    return hashlib.sha256("\n".join([text_key(sheet), *keys]).encode()).hexdigest()


@dataclass(frozen=True)
class AgencyMatch:
    agency: str
    unit: str | None = None


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, so caches can key on it
class Reference:
    header_aliases: dict[str, str]          # text_key(alias) -> canonical column
    column_labels: dict[str, dict[str, str]]  # column -> {"id": label, "en": label}
    agencies: tuple[dict, ...]              # rows of agencies.csv
    agency_index: dict[str, AgencyMatch]    # text_key(name | abbreviation | alias) -> match
    unit_patterns: tuple[tuple[str, str, str], ...]  # (text_key(prefix), agency, unit prefix)
    sectors: tuple[dict, ...]               # rows of sectors.csv
    sector_index: dict[str, str]            # text_key(name | alias) -> canonical urusan
    sector_groups: tuple[dict, ...]
    enums: dict[str, dict[str, str]]        # field -> text_key(value | alias) -> value
    enum_labels: dict[str, dict[str, str]]  # field -> value -> English label
    sdgs: tuple[dict, ...]
    regency: dict = field(default_factory=dict)
    # Users' column mappings (store, --map, the /data preview): text_key(header) -> (target, source),
    # target a source column or IGNORE (see loaders.columns); year rules (parse_year_rule) for this
    # load per sheet name (text_key(name), from --year or the preview) and stored ones per sheet shape.
    header_map: dict[str, tuple[str, str]] = field(default_factory=dict)
    sheet_years: dict[str, YearRule] = field(default_factory=dict)
    shape_years: dict[str, YearRule] = field(default_factory=dict)
    lan_locations: dict[str, str] = field(default_factory=dict)  # LAN location code ("SS04") -> region

    def column_label(self, column: str, lang: str) -> str:
        """The header of a canonical column in `lang` (columns.csv, else the catalog)."""
        labels = self.column_labels.get(column)
        return labels[normalise_lang(lang)] if labels else t(f"column.{column}", lang)

    @property
    def agency_names(self) -> list[str]:
        return [row["name"] for row in self.agencies]

    @property
    def sector_names(self) -> list[str]:
        return [row["name"] for row in self.sectors]

    def with_agency_aliases(self, aliases: list[tuple[str, str]]) -> "Reference":
        """This reference plus `(alias, agency)` pairs that users added, checked like the rows of
        agency_aliases.csv: the agency must exist and an alias cannot mean two agencies."""
        if not aliases:
            return self
        names = set(self.agency_names)
        pairs = list(self.agency_index.items())
        for alias, agency in aliases:
            if agency not in names:
                raise ReferenceError(f"alias '{alias}' menunjuk OPD yang tidak ada: '{agency}'")
            pairs.append((alias, AgencyMatch(agency)))
        return dataclasses.replace(self, agency_index=_index(pairs, "alias pengguna"))

    def with_header_mappings(self, mappings: list[tuple[str, str]], source: str) -> "Reference":
        """This reference plus `(header, target)` pairs from `source` ("store", "option", "preview"),
        later ones winning; a target must be a source column or IGNORE."""
        if not mappings:
            return self
        header_map = dict(self.header_map)
        for header, target in mappings:
            if target not in SOURCE_COLUMNS and target != IGNORE or not text_key(header):
                raise ReferenceError(f"pemetaan '{header}={target}': kolom tujuan tidak dikenal")
            header_map[text_key(header)] = (target, source)
        return dataclasses.replace(self, header_map=header_map)

    def with_sheet_years(self, rules: dict[str, str], source: str = "option") -> "Reference":
        """This reference plus year rules for this load, per sheet name, from `source` ("option" for
        `--year`, "preview" on /data); a rule that parse_year_rule refuses is a ReferenceError."""
        if not rules:
            return self
        parsed = {}
        for name, rule in rules.items():
            try:
                parsed[text_key(name)] = YearRule(parse_year_rule(rule), source, name)
            except ValueError:
                raise ReferenceError(f"aturan tahun '{name}={rule}' tidak dikenal") from None
        return dataclasses.replace(self, sheet_years={**self.sheet_years, **parsed})

    def with_stored_year_rules(self, rows: list[dict]) -> "Reference":
        """This reference plus the year rules saved in the store ({"sheet", "shape_key", "rule",
        "created_by", "created_at"}), each for the sheets of its shape."""
        if not rows:
            return self
        stored = {row["shape_key"]: YearRule(row["rule"], "store", row["sheet"], row["created_by"], row["created_at"])
                  for row in rows}
        return dataclasses.replace(self, shape_years={**self.shape_years, **stored})

    def year_rule(self, sheet: str, headers) -> YearRule | None:
        """The year rule of a sheet: this load's for its name, else a stored one for its shape."""
        return self.sheet_years.get(text_key(sheet)) or self.shape_years.get(sheet_shape(sheet, headers))

    def is_home_region(self, region: str | None) -> bool:
        """True when `region` (as written, e.g. 'Kab. Muara Enim') is the configured regency, or empty."""
        if region is None:
            return True
        return text_key(region) in {text_key(name) for name in [self.regency["name"], *self.regency.get("aliases", [])]}


def _rows(path: Path, required: list[str]) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [name for name in required if name not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceError(f"{path.name}: kolom {', '.join(missing)} tidak ada")
        rows = []
        for number, row in enumerate(reader, start=2):
            if any(not (row.get(name) or "").strip() for name in required[:1]):
                raise ReferenceError(f"{path.name} baris {number}: '{required[0]}' kosong")
            rows.append({key: (value or "").strip() for key, value in row.items()})
        return rows


def _aliases(cell: str) -> list[str]:
    return [alias.strip() for alias in cell.split("|") if alias.strip()]


def _index(pairs, source: str) -> dict:
    """Build key -> value, refusing a key that means two different things."""
    index: dict = {}
    for alias, value in pairs:
        key = text_key(alias)
        if key in index and index[key] != value:
            raise ReferenceError(f"{source}: '{alias}' berarti '{index[key]}' dan juga '{value}'")
        index[key] = value
    return index


def _agency_index(agencies: list[dict], aliases: list[dict]) -> dict[str, AgencyMatch]:
    names = {row["name"] for row in agencies}
    pairs = []
    for row in agencies:
        match = AgencyMatch(row["name"])
        pairs += [(row["name"], match)] + [(a, match) for a in [row["abbreviation"], *_aliases(row["aliases"])] if a]
    for row in aliases:
        if row["agency"] not in names:
            raise ReferenceError(f"agency_aliases.csv: '{row['alias']}' menunjuk OPD yang tidak ada: '{row['agency']}'")
        pairs.append((row["alias"], AgencyMatch(row["agency"], row["unit"] or None)))
    return _index(pairs, "agencies.csv/agency_aliases.csv")


@functools.lru_cache(maxsize=4)
def load_reference(directory: Path = REFERENCE_DIR) -> Reference:
    """Read and validate every reference file of `directory` (cached per process)."""
    directory = Path(directory)
    columns = _rows(directory / "columns.csv", ["column", "label_id", "label_en", "aliases"])
    unknown = [row["column"] for row in columns if row["column"] not in SOURCE_COLUMNS + ["no"]]
    if unknown:
        raise ReferenceError(f"columns.csv: kolom kanonik tidak dikenal: {', '.join(unknown)}")
    header_pairs = [(alias, row["column"]) for row in columns for alias in _aliases(row["aliases"])]
    agencies = _rows(directory / "agencies.csv", ["name", "abbreviation", "group", "aliases"])
    aliases = _rows(directory / "agency_aliases.csv", ["alias", "agency", "unit", "valid_until", "note"])
    units = _rows(directory / "unit_patterns.csv", ["prefix", "agency", "unit_prefix"])
    sectors = _rows(directory / "sectors.csv", ["name", "group", "label_en", "aliases"])
    sector_pairs = [(a, row["name"]) for row in sectors for a in [row["name"], *_aliases(row["aliases"])]]
    enums_rows = _rows(directory / "enums.csv", ["field", "value", "label_en", "aliases"])
    enums: dict[str, list] = {}
    for row in enums_rows:
        enums.setdefault(row["field"], []).extend(
            (a, row["value"]) for a in [row["value"], *_aliases(row["aliases"])])
    with (directory / "regency.toml").open("rb") as handle:
        regency = tomllib.load(handle)
    return Reference(
        header_aliases=_index(header_pairs, "columns.csv"),
        column_labels={row["column"]: {"id": row["label_id"], "en": row["label_en"]} for row in columns},
        agencies=tuple(agencies),
        agency_index=_agency_index(agencies, aliases),
        unit_patterns=tuple((text_key(r["prefix"]), r["agency"], r["unit_prefix"]) for r in units),
        sectors=tuple(sectors),
        sector_index=_index(sector_pairs, "sectors.csv"),
        sector_groups=tuple(_rows(directory / "sector_groups.csv", ["group", "label_id", "label_en"])),
        enums={name: _index(pairs, f"enums.csv ({name})") for name, pairs in enums.items()},
        enum_labels={name: {r["value"]: r["label_en"] for r in enums_rows if r["field"] == name} for name in enums},
        sdgs=tuple(_rows(directory / "sdgs.csv", ["number", "name_id", "name_en"])),
        regency=regency,
        lan_locations=_lan_locations(directory / "lan_locations.csv"),
    )


def _lan_locations(path: Path) -> dict[str, str]:
    """LAN location code → region. Each row says whether the code was read in a LAN source (`verified`
    true) or inferred (false), and `source` cites where it comes from, as kipp_editions.toml does."""
    locations: dict[str, str] = {}
    for number, row in enumerate(_rows(path, ["code", "region", "verified", "source", "note"]), start=2):
        if row["verified"].lower() not in ("true", "false") or not row["source"] or not row["region"]:
            raise ReferenceError(f"{path.name} baris {number}: 'region' dan 'source' wajib diisi dan 'verified' "
                                 f"harus true atau false")
        if locations.setdefault(row["code"].upper(), row["region"]) != row["region"]:
            raise ReferenceError(f"{path.name} baris {number}: kode '{row['code']}' sudah berarti "
                                 f"'{locations[row['code'].upper()]}'")
    return locations
