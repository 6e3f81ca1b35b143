"""Find the innovation table inside a hand-made sheet.

Government recaps are printed documents: title rows above the header, a two-row header with
merged group cells, a row of column numbers ("1 | 2 | 3"), section rows naming the agency of the
rows below, the header repeated for page two, subtotal rows, and a signature block at the foot.
This module turns such a grid into the header mapping and the data rows, each with its Excel row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.columns import header_texts, map_columns, match_header
from loaders.reference import IGNORE
from loaders.normalize import SECTION_LABEL as SECTION_PREFIX, government_name, resolve_agency
from loaders.read import Sheet
from loaders.reference import Reference
from loaders.text import text_key

HEADER_SCAN_ROWS = 40
YEAR_PATTERN = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")
TITLE_YEAR_PATTERN = re.compile(r"\b(?:tahun|ta|th)\s*(?:anggaran\s*)?(19[4-9]\d|20\d\d)\b")
SUMMARY_SHEET = re.compile(
    r"^(rekap|rekapitulasi|summary|ringkasan|resume|grafik|chart|diagram|pivot|ref|referensi|lookup|"
    r"master|daftar pilihan|petunjuk|keterangan|dropdown|list|jumlah|total)\b")
SUBTOTAL = re.compile(r"^(jumlah|total|sub ?total|grand total)\b")
FOOTER = re.compile(
    r"^(mengetahui|menyetujui|diketahui|kepala\b|plt\b|plh\b|pj\b|an\b|a n\b|nip\b|n i p\b|sekretaris\b|"
    r"pembina\b|penata\b|ttd\b|dto\b|dibuat oleh|disusun oleh|bupati\b)")
PLACE_DATE = re.compile(r"^[a-z ]+ \d{1,2} [a-z]+ \d{4}$")
LAN_HEADERS = frozenset({"ide inovasi", "k l d", "k l d i", "kld", "kldi"})
AGENCY_WORDS = re.compile(
    r"^(dinas|badan|kantor|kecamatan|bagian|sekretariat|inspektorat|rsud|rumah sakit|puskesmas|"
    r"satuan|satpol|uptd|upt|kelurahan)\b")


@dataclass(frozen=True)
class Block:
    """The part of a sheet under one title: several regions' blocks are stacked in one LAN recap,
    each under its own title row ("KOTA PRABUMULIH TAHUN 2015"), numbering restarting at 1."""
    title: str | None = None
    region: str | None = None     # the government the title names ('Kota Prabumulih'), else None
    year: int | None = None       # the year the title states, else None

    def merged_with(self, title: str, region: str | None, year: int | None) -> "Block":
        """This block's title continued on the next row ('KABUPATEN LAHAT' / 'TAHUN 2015')."""
        return Block(" / ".join(filter(None, [self.title, title])), self.region or region, self.year or year)


@dataclass
class Table:
    sheet: str
    header_row: int                      # Excel row number of the (first) header row
    columns: dict[str, list[int]]        # canonical column -> 0-based indexes (first non-empty wins)
    mapping: dict[str, str | None]       # header as written -> canonical column (None: not used)
    unknown_headers: list[str]
    title_year: int | None
    rows: list[tuple[int, list]] = field(default_factory=list)       # (Excel row, cells)
    sections: list[str | None] = field(default_factory=list)         # agency named by a section row
    nameless_rows: list[int] = field(default_factory=list)           # rows with data but no name
    sources: dict[str, str] = field(default_factory=dict)            # header -> where its mapping came from
    headers: list[str | None] = field(default_factory=list)          # header text of each column index
    title_block: Block = field(default_factory=Block)                  # the rows above the header
    blocks: list[Block | None] = field(default_factory=list)         # per row: its block below a body title

    def header_of(self, column: str) -> str:
        """The header as the user wrote it, for messages."""
        for text, mapped in self.mapping.items():
            if mapped == column:
                return text
        return column


def sheet_year(name: str) -> int | None:
    """A year written in the sheet name ('2015', 'Data 2016'), else None."""
    found = YEAR_PATTERN.findall(name)
    return int(found[0]) if len(found) == 1 else None


def skip_reason(sheet: Sheet) -> str | None:
    """Why a sheet is not a list of innovations before looking inside: hidden or a summary. A summary's
    name that holds a year ("Rekap 2017") or several ("Rekap 2018-2019": two years' innovations, each
    row with its year) is looked inside, and skipped only when it has no table."""
    if not sheet.visible:
        return "sheet_hidden"
    if SUMMARY_SHEET.match(text_key(sheet.name)) and not YEAR_PATTERN.search(sheet.name):
        return "sheet_summary"
    return None


def find_table(sheet: Sheet, reference: Reference) -> Table | str:
    """The table of `sheet`, or the code of the reason it has none."""
    rows = sheet.rows
    if not any(any(cell is not None for cell in row) for row in rows[:HEADER_SCAN_ROWS]):
        return "sheet_empty"
    found = find_header_row(rows, reference, sheet)
    if found is None:
        return "sheet_no_table"
    top_index, sub = found
    texts = header_texts(rows[top_index], sub, _merged_groups(sheet, top_index))
    columns, mapping, unknown, sources = map_columns(texts, reference, sub)
    _innovator_of_a_lan_recap_is_the_agency(columns, mapping)
    above = rows[:top_index]
    table = Table(sheet.name, top_index + 1, columns, mapping, unknown, _title_year(above), sources=sources,
                  headers=texts, title_block=_title_block(above))
    first_body = top_index + (2 if sub is not None else 1)
    header_keys = _header_keys(rows[top_index], sub)
    _read_body(table, sheet, first_body, header_keys, reference)
    return table


def find_header_row(rows: list[list], reference: Reference, sheet: Sheet | None = None
                    ) -> tuple[int, list | None] | None:
    """The index of the (top) header row and the sub-header row under it when the header has two
    rows. The header row is the one naming most canonical columns, 'name' among them; a group row
    above it ("Identitas" over "Nama Inovasi" / "OPD") makes it the sub-header, and a sub-header
    row below it makes it the group row ("Waktu" over "Uji Coba" / "Penerapan", "Inovasi" over
    "Nama" / "Deskripsi")."""
    best, best_score = None, 1
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapped = {match_header(cell, reference) for cell in row if isinstance(cell, str)}
        mapped -= {None, IGNORE}
        if "name" in mapped and len(mapped) > best_score:
            best, best_score = index, len(mapped)
    if best is None:
        return None
    if best > 0 and _is_group_row(rows[best - 1], rows[best], best - 1, sheet):
        return best - 1, rows[best]
    below = rows[best + 1] if best + 1 < len(rows) else None
    groups = _merged_groups(sheet, best) if sheet is not None else {}
    return best, below if _is_sub_header(rows[best], below, reference, groups) else None


def _is_group_row(above: list, header: list, index: int, sheet: Sheet | None) -> bool:
    """True when `above` holds the group cells of a two-row header whose second row is `header`:
    a cell merged down into the header row ("No" over two rows), a group merged over part of the
    header's width, or (values only) a group followed by empty cells over filled header cells."""
    filled = [(i, c) for i, c in enumerate(above) if c is not None]
    if not filled or not all(isinstance(c, str) for _, c in filled) or is_number_row(above):
        return False
    columns = [i for i, c in enumerate(header) if c is not None]
    if not columns:
        return False
    width = columns[-1] - columns[0] + 1
    for (r0, c0), (r1, c1) in (sheet.merged if sheet is not None else []):
        if r0 == index and r1 > r0 and c0 in dict(filled):
            return True
        if r0 == index == r1 and c1 > c0 and c0 in dict(filled) and c1 - c0 + 1 < width:
            return True
    if len(filled) < 2 or any(r0 == index for (r0, _), _ in (sheet.merged if sheet is not None else [])):
        return False
    text_at = dict(filled)
    return any(j + 1 < len(header) and header[j + 1] is not None and text_at.get(j + 1) is None
               and j + 1 <= columns[-1] for j in text_at)


def _is_sub_header(top: list, below: list | None, reference: Reference, groups: dict[int, str]) -> bool:
    if not below or is_number_row(below):
        return False
    texts = [(i, c) for i, c in enumerate(below) if c is not None]
    if not texts or not all(isinstance(c, str) for _, c in texts):
        return False
    under_empty = any(i >= len(top) or top[i] is None for i, _ in texts)
    known = any(match_header(c, reference) for _, c in texts)
    name_index = next((i for i, c in enumerate(top) if match_header(c, reference) == "name"), None)
    name_empty = name_index is None or name_index >= len(below) or below[name_index] is None
    if name_empty:
        return under_empty or known
    return _name_is_a_group(top, below, name_index, groups, reference)


def _name_is_a_group(top: list, below: list, name_index: int, groups: dict[int, str], reference: Reference) -> bool:
    """'Inovasi' (itself a header word) merged over 'Nama' / 'Deskripsi': the row below is the
    sub-header when the name cell spans the next column and 'Inovasi Nama' still names the name."""
    spans = name_index + 1 in groups or (
        name_index + 1 < len(below) and below[name_index + 1] is not None
        and (name_index + 1 >= len(top) or top[name_index + 1] is None))
    combined = f"{top[name_index]} {below[name_index]}"
    return spans and (match_header(combined, reference) == "name" or match_header(below[name_index], reference) == "name")


def _innovator_of_a_lan_recap_is_the_agency(columns: dict[str, list[int]], mapping: dict[str, str | None]) -> None:
    """A LAN Lab Inovasi recap (a code column, 'Ide Inovasi' or 'K/L/D') heads the proposing unit
    'Inovator': with no agency column, that column is the agency, not a person."""
    lan_headers = {text_key(text) for text in mapping} & LAN_HEADERS
    if ("code" in columns or lan_headers) and "agency" not in columns and "innovator" in columns:
        columns["agency"] = columns.pop("innovator")
        mapping.update({text: "agency" for text, column in mapping.items() if column == "innovator"})


def _merged_groups(sheet: Sheet, row: int) -> dict[int, str]:
    groups = {}
    for (r0, c0), (r1, c1) in sheet.merged:
        if r0 == row and c1 > c0:
            value = sheet.rows[r0][c0] if c0 < len(sheet.rows[r0]) else None
            if isinstance(value, str):
                groups.update({c: value for c in range(c0 + 1, c1 + 1)})
    return groups


def _header_keys(top: list, sub: list | None) -> set[tuple[int, str]]:
    keys = {(i, text_key(c)) for i, c in enumerate(top) if isinstance(c, str) and text_key(c)}
    if sub:
        keys |= {(i, text_key(c)) for i, c in enumerate(sub) if isinstance(c, str) and text_key(c)}
    return keys


def _title_year(rows: list[list]) -> int | None:
    text = " ".join(text_key(cell) for row in rows for cell in row if isinstance(cell, str))
    match = TITLE_YEAR_PATTERN.search(text) or YEAR_PATTERN.search(text)
    return int(match.group(1)) if match else None


def _title_block(rows: list[list]) -> Block:
    """The block of the rows above the header: its title lines, the government and the year they name."""
    lines = [" ".join(str(c).split()) for row in rows for c in row if isinstance(c, str) and c.strip()]
    region = next((name for line in lines if (name := government_name(line, anywhere=True))), None)
    return Block(" / ".join(lines) or None, region, _title_year(rows))


def _block_title(text: str) -> tuple[str | None, int | None] | None:
    """(government, year) of a block title row in the body ('KOTA PRABUMULIH', 'TAHUN 2015'), else None."""
    region = government_name(text, anywhere=True)
    match = TITLE_YEAR_PATTERN.search(text_key(text))
    year = int(match.group(1)) if match else None
    return (region, year) if region or year else None


def is_number_row(row: list) -> bool:
    """A printed table's row of column numbers: 1 | 2 | 3 | ... (at least three, consecutive)."""
    numbers = []
    for cell in row:
        if cell is None:
            continue
        text = str(cell).strip().strip("()")
        try:
            value = float(text)
        except ValueError:
            return False
        if value != int(value):
            return False
        numbers.append(int(value))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _read_body(table: Table, sheet: Sheet, start: int, header_keys: set, reference: Reference) -> None:
    rows = sheet.rows
    merged_starts = {(r0, c0) for (r0, c0), (r1, c1) in sheet.merged if c1 > c0}
    name_col = table.columns["name"][0]
    no_col = table.columns.get("no", [None])[0]
    mapped_cols = [i for c, indexes in table.columns.items() if c not in ("no", "name") for i in indexes]
    header_name = next(key for index, key in header_keys if index == name_col)
    section = None
    in_footer = False
    block, block_has_rows = None, False
    for index in range(start, len(rows)):
        row = rows[index]
        name = _cell(row, name_col)
        number = _cell(row, no_col)
        if _is_number(number) and isinstance(name, str) and not SUBTOTAL.match(name.lower()):
            # the common case, checked cheaply: a numbered row with a name (or the header again)
            if text_key(name) == header_name and _is_repeated_header(row, header_keys):
                continue
            in_footer = False
            table.rows.append((index + 1, row))
            table.sections.append(section)
            table.blocks.append(block)
            block_has_rows = True
            continue
        filled = [(i, c) for i, c in enumerate(row) if c is not None and (not isinstance(c, str) or c.strip())]
        if not filled or is_number_row(row) or _is_repeated_header(row, header_keys):
            continue
        first_text = text_key(next((c for _, c in filled if isinstance(c, str)), ""))
        if SUBTOTAL.match(first_text):
            continue
        if number is None and len(filled) <= 2 and (FOOTER.match(first_text) or PLACE_DATE.match(first_text)):
            in_footer = True
            continue
        title = _body_title(filled, index, name_col, merged_starts)
        if title is not None:
            text, region, year = title
            block = (block.merged_with(text, region, year) if block is not None and not block_has_rows
                     else Block(text, region, year))
            block_has_rows, section, in_footer = False, None, False
            continue
        section_name = _section_name(filled, name_col, no_col, mapped_cols, reference)
        if section_name:
            section, in_footer = section_name, False
            continue
        if name is None:
            has_data = any(_cell(row, i) is not None for i in mapped_cols)
            if has_data and not in_footer and (number is not None or len(filled) > 2):
                table.nameless_rows.append(index + 1)
            continue
        in_footer = False
        table.rows.append((index + 1, row))
        table.sections.append(section)
        table.blocks.append(block)
        block_has_rows = True


def _body_title(filled: list, index: int, name_col: int, merged_starts: set) -> tuple[str, str | None, int | None] | None:
    """A block title row in the body: one text cell, merged across, outside the name column or in
    capitals (so that an innovation named 'Kota Sehat' on a row of its own stays an innovation)."""
    if len(filled) != 1 or not isinstance(filled[0][1], str):
        return None
    column, text = filled[0]
    if not ((index, column) in merged_starts or column != name_col or text.isupper()):
        return None
    found = _block_title(text)
    return (" ".join(text.split()), *found) if found else None


def _is_repeated_header(row: list, header_keys: set) -> bool:
    filled = [(i, c) for i, c in enumerate(row) if isinstance(c, str) and c.strip()]
    same = sum(1 for i, c in filled if (i, text_key(c)) in header_keys)
    return same >= 2 and same * 2 >= len(filled)


def _section_name(filled, name_col, no_col, mapped_cols, reference) -> str | None:
    """The agency a section row names ('DINAS KESEHATAN', 'I. BPMPD'), else None."""
    texts = [(i, c) for i, c in filled if i != no_col] if len(filled) > 1 else filled
    if len(texts) != 1 or not isinstance(texts[0][1], str) or _is_number(texts[0][1]):
        return None
    if len(filled) == 2:
        label = next(c for i, c in filled if i == no_col)
        if not re.fullmatch(r"[ivxlcIVXLC]+\.?|[a-zA-Z][.)]?", str(label).strip()):
            return None
    index, text = texts[0]
    if index != name_col and index in mapped_cols:
        return None
    stripped = SECTION_PREFIX.sub("", text).strip()
    if resolve_agency(stripped, reference) or SECTION_PREFIX.match(text) or AGENCY_WORDS.match(text_key(stripped)):
        return stripped
    return None


def _is_number(value) -> bool:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    try:
        float(str(value).strip())
    except ValueError:
        return False
    return True


def _cell(row: list, index: int | None):
    if index is None or index >= len(row):
        return None
    value = row[index]
    if isinstance(value, str) and not value.strip():
        return None
    return value
