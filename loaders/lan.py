"""LAN *Laboratorium Inovasi* recaps: the innovation code and the workbook's list of sector codes.

A Lab Inovasi recap writes an idea's year, source, location and sector inside one code:
"15 LI SS04 PUR 001" = 2015, Lab Inovasi, location SS04, urusan code PUR, number 001; "..." stands
where the sector was not coded. The sector codes are listed in a sheet of the same workbook
("Kode bidang"): that sheet is a code list, never innovations. Locations map to a government
through data/reference/lan_locations.csv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.read import Sheet
from loaders.text import clean_text, text_key

CODE_PATTERN = re.compile(
    r"^(?P<year>\d{2}|\d{4})[\s._/-]*(?P<source>[A-Za-z]{2,3})[\s._/-]+(?P<location>[A-Za-z]{2}[\s._-]?\d{1,3})"
    r"[\s._/-]+(?P<sector>[A-Za-z]{2,6}|\.{2,}|…|-{1,3}|x{2,3})[\s_/-]+(?P<number>\d{1,4})$")
CODE_LIST_SHEET = re.compile(r"^(daftar )?kode (bidang|urusan|sektor)\b")
_CODE_CELL = re.compile(r"^[A-Z]{2,6}$")
_CODE_LIST_HEADERS = frozenset({"kode", "bidang", "urusan", "sektor", "nama bidang", "uraian", "keterangan",
                                "nama urusan", "kode bidang"})


@dataclass(frozen=True)
class LanCode:
    year: int
    source: str          # "LI": Laboratorium Inovasi
    location: str        # "SS04"
    sector: str | None   # "PUR"; None where the code has "..."
    number: int


def parse_code(value: object) -> LanCode | None:
    """'15 LI SS04 PUR 001' → LanCode(2015, 'LI', 'SS04', 'PUR', 1); None when the cell is empty.
    Raises ValueError for text that is not such a code."""
    text = clean_text(value)
    if text is None:
        return None
    match = CODE_PATTERN.match(text)
    if match is None:
        raise ValueError(value)
    year = int(match["year"])
    sector = match["sector"].upper()
    return LanCode(year + 2000 if year < 100 else year, match["source"].upper(),
                   re.sub(r"[\s._-]", "", match["location"]).upper(),
                   None if not sector.isalpha() or set(sector) == {"X"} else sector, int(match["number"]))


def is_code_list(sheet: Sheet) -> bool:
    """The workbook's list of sector codes ('Kode bidang'), read as codes and never as data."""
    return bool(CODE_LIST_SHEET.match(text_key(sheet.name)))


def sector_codes(sheets: list[Sheet]) -> dict[str, str]:
    """Sector code → the sector as the code list writes it, from every code-list sheet of a workbook:
    in each row, the first cell that is a code (2–6 capitals) and the next text cell after it."""
    codes: dict[str, str] = {}
    for sheet in filter(is_code_list, sheets):
        for row in sheet.rows:
            texts = [clean_text(cell) for cell in row if isinstance(cell, str) and clean_text(cell)]
            for index, text in enumerate(texts[:-1]):
                if _CODE_CELL.match(text) and text_key(texts[index + 1]) not in _CODE_LIST_HEADERS:
                    codes.setdefault(text, texts[index + 1])
                    break
    return codes
