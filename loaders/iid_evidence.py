"""Evidence sheets for the Indeks Inovasi Daerah: which tier (0-3) of an indicator the documents in hand
meet, per innovation or for the government (README "Indeks Inovasi Daerah").

One row per indicator and innovation, header on the first row (any order, case and spacing ignored):

    tahun | id | indikator | tingkat | bukti
    2025  | 1a2b3c4d5e | 16 | 1 | SK Kadinkes No. 440/123/2025
    2025  |            | 8  | 3 | LHP BPK 2024: WTP

`tahun` (the IID edition; empty: every edition), `id` (the innovation's id as the dashboard shows it;
empty for the government-level SPD indicators 1-15), `indikator` (its number "16" or key "sid-16"),
`tingkat` (0-3) and `bukti` (the document, optional). Rows that cannot be read are errors naming the
file, sheet, row and column; which indicators and ids exist is checked against the edition later
(analytics/iid/evidence.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from loaders.errors import FileRejected, Issue, column_letter
from loaders.read import read_file
from loaders.text import clean_name, text_key

HEADERS = {  # canonical name -> accepted headers (text_key form)
    "edition": ("tahun", "edisi", "year", "edition"),
    "id": ("id", "id inovasi", "innovation id"),
    "indicator": ("indikator", "indicator", "no indikator"),
    "tier": ("tingkat", "parameter", "tier", "level"),
    "document": ("bukti", "bukti dukung", "dokumen", "evidence", "document"),
}
REQUIRED = ("indicator", "tier")
COLUMNS = ["file", "sheet", "row", "edition", "id", "indicator", "tier", "document",
           "id_column", "indicator_column"]


@dataclass
class EvidenceSheets:
    entries: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=COLUMNS))
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == "error"]


def read_evidence(paths, lang: str = "id") -> EvidenceSheets:
    """Every row of the evidence sheets in `paths` (files, or folders of them). A file with an error is
    left out whole, as the loaders do with innovation files."""
    from loaders.load import expand_paths

    rows, issues = [], []
    for path in expand_paths(paths):
        file_rows, file_issues = _read_one(Path(path), lang)
        issues += file_issues
        if not any(issue.severity == "error" for issue in file_issues):
            rows += file_rows
    return EvidenceSheets(pd.DataFrame(rows, columns=COLUMNS, dtype=object), issues)


def _error(code, file, sheet=None, row=None, column=None, lang="id", **params) -> Issue:
    return Issue("error", f"iid_{code}", file, sheet, row, column, tuple(params.items()), lang)


def _read_one(path: Path, lang: str) -> tuple[list[dict], list[Issue]]:
    name = clean_name(path.name)
    try:
        sheets = [sheet for sheet in read_file(path) if sheet.visible and sheet.rows]
    except FileRejected as err:
        return [], [err.issue(lang)]
    if not sheets:
        return [], [_error("no_rows", name, lang=lang)]
    sheet = sheets[0]
    header = [text_key(str(cell)) if cell is not None else "" for cell in sheet.rows[0]]
    positions = {key: next((i for i, h in enumerate(header) if h in aliases), None)
                 for key, aliases in HEADERS.items()}
    missing = [key for key in REQUIRED if positions[key] is None]
    if missing:
        expected = ", ".join(HEADERS[key][0] for key in missing)
        return [], [_error("missing_columns", name, sheet.name, 1, lang=lang, columns=expected)]
    labels = {key: (str(sheet.rows[0][i]) if i is not None else HEADERS[key][0]) for key, i in positions.items()}
    rows, issues = [], []
    for number, raw in enumerate(sheet.rows[1:], start=2):
        def cell(key):
            index = positions[key]
            value = raw[index] if index is not None and index < len(raw) else None
            return None if value is None or str(value).strip() in ("", "-") else value

        if all(cell(key) is None for key in HEADERS):
            continue
        place = dict(file=name, sheet=sheet.name, row=number, lang=lang)
        tier = _whole(cell("tier"))
        if tier is None or not 0 <= tier <= 3:
            issues.append(_error("bad_tier", column=labels["tier"], value=cell("tier"), **place))
            continue
        edition = cell("edition")
        year = _whole(edition) if edition is not None else None
        if edition is not None and year is None:
            issues.append(_error("bad_year", column=labels["edition"], value=edition, **place))
            continue
        if cell("indicator") is None:
            issues.append(_error("no_indicator", column=labels["indicator"], **place))
            continue
        indicator = _text(cell("indicator"))
        rows.append({"file": name, "sheet": sheet.name, "row": number, "edition": year,
                     "id": _text(cell("id")) or None, "indicator": indicator, "tier": tier,
                     "document": _text(cell("document")) or None,
                     "id_column": labels["id"] if positions["id"] is not None else column_letter(0),
                     "indicator_column": labels["indicator"]})
    return rows, issues


def _whole(value) -> int | None:
    """3, 3.0, "3" -> 3; anything else -> None."""
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
