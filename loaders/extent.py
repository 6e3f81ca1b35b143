"""A workbook's real extent, measured cheaply before calamine builds a dense grid of it.

calamine allocates every cell between A1 and the last filled cell, so one value at XFD1048576 asks for
17 billion cells. These scans read the file's own structure instead — the cell references of each
.xlsx worksheet XML (streamed, at the speed of a regular expression), the cell records of an .xls
workbook stream, the repeated rows and cells of an .ods — and hand the extent to `Limits.check`, which
refuses the file with a message when a sheet is over a limit. They also refuse XML that declares a
DOCTYPE or entities (XXE, billion laughs): no real workbook does.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from loaders.errors import FileRejected
from loaders.limits import Limits

CHUNK = 1 << 20
PROLOG_BYTES = 64 * 1024
# Every cell reference (r="B2"), read at the speed of one regular expression; when it puts a sheet over a
# limit, the sheet is measured again counting only cells with content (REFERENCED_CELL's group 3 is "/" for
# a self-closed cell such as <c r="B2" s="1"/>: empty and formatted, left out of calamine's grid).
CELL_REFERENCE = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
REFERENCED_CELL = re.compile(rb"""<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})["'][^>]*?(/?)>""")
ANY_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s/>]")
REFERENCE = re.compile(rb"""\sr\s*=\s*["']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})["']""")
TAG = re.compile(rb"<(?:[\w.-]+:)?(row|c)(\s[^>]*)?>")
ROW_NUMBER = re.compile(rb"""\sr\s*=\s*["']([0-9]{1,7})["']""")
UNSAFE_XML = (b"<!DOCTYPE", b"<!ENTITY")
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def column_index(letters: bytes | str) -> int:
    """b'A' -> 0, b'XFD' -> 16383."""
    index = 0
    for char in (letters.decode() if isinstance(letters, bytes) else letters).upper():
        index = index * 26 + ord(char) - 64
    return index - 1


def check_xml_safe(archive: zipfile.ZipFile, file: str) -> None:
    """Refuse an archive whose XML parts declare a DOCTYPE or entities (they come before the root element)."""
    for info in archive.infolist():
        if info.filename.lower().endswith((".xml", ".rels")):
            with archive.open(info) as member:
                head = member.read(PROLOG_BYTES)
            if any(marker in head for marker in UNSAFE_XML):
                raise FileRejected("unsafe_xml", file)


def check_xlsx(archive: zipfile.ZipFile, file: str, limits: Limits) -> None:
    """Check the extent of every worksheet of an .xlsx (any XML part that holds cells) against `limits`;
    call `check_xml_safe` first."""
    names = _sheet_names(archive)
    for info in archive.infolist():
        name = info.filename.lower()
        if name.startswith("xl/") and name.endswith(".xml") and "sharedstrings" not in name:
            label = names.get(info.filename, info.filename.rsplit("/", 1)[-1].removesuffix(".xml"))
            try:
                _xlsx_part_extent(archive, info, limits, file, label, exact=False)
            except FileRejected:  # over a limit counting every reference: count only the cells with content
                _xlsx_part_extent(archive, info, limits, file, label, exact=True)


# A formula cell saved without its value: <c r="B2"><f>...</f></c> (or an empty <v/>); Excel always saves
# the value, files written by scripts and some web systems do not, and calamine then reads the cell empty.
UNCALCULATED = re.compile(rb"""<c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*>\s*<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)"""
                          rb"""\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>""")


def uncalculated_formulas(archive: zipfile.ZipFile) -> dict[str, tuple[str, int]]:
    """Sheet name → (column letter, row) of its first formula cell saved without a value, for the sheets
    that have one (read a chunk at a time; only parts that hold a formula are searched)."""
    found = {}
    for part, sheet in _sheet_names(archive).items():
        rest = b""
        try:
            member = archive.open(part)
        except KeyError:
            continue
        with member:
            while chunk := member.read(CHUNK):
                data = rest + chunk
                match = UNCALCULATED.search(data) if b"<f" in data else None
                if match:
                    found[sheet] = (match.group(1).decode(), int(match.group(2)))
                    break
                rest = data[data.rfind(b"<c ", max(0, len(data) - 4096)):] if b"<c " in data[-4096:] else b""
    return found


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → the sheet's name, from xl/workbook.xml and its relationships ({} when unreadable)."""
    from defusedxml.ElementTree import fromstring

    try:
        workbook = fromstring(archive.read("xl/workbook.xml"))
        relations = fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # noqa: BLE001 - names only label messages; calamine reports a broken workbook
        return {}
    targets = {rel.get("Id"): rel.get("Target", "") for rel in relations}
    names = {}
    for sheet in workbook.iter(f"{{{SHEET_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{RELATIONSHIP_NS}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        names[part] = sheet.get("name") or part
    return names


def _xlsx_part_extent(archive, info, limits: Limits, file: str, label: str, exact: bool) -> tuple[int, int]:
    """(last row, last column) of the cells of one XML part, 1-based; (0, 0) when it has none. Not `exact`:
    every cell reference counts, formatted empty cells included (a bound, found fast)."""
    last_row = last_column = 0
    rest = b""
    with archive.open(info) as member:
        while True:
            chunk = member.read(CHUNK)
            data = rest + chunk
            cut = data.rfind(b">") + 1 if chunk else len(data)
            data, rest = data[:cut], data[cut:]
            rest = rest[rest.rfind(b"<"):] if b"<" in rest else b""  # only a tag's start matters
            referenced = REFERENCED_CELL.findall(data) if exact else CELL_REFERENCE.findall(data)
            if len(referenced) < _cells_opened(data):  # cells placed by position, without a reference
                return _positional_extent(archive, info, limits, file, label)
            found = [(letter.upper(), number) for letter, number, closed in referenced if not closed] \
                if exact else referenced
            if found:  # distinct values only: a sheet has few columns and one number per row
                letters, numbers = {letter for letter, _ in found}, {number for _, number in found}
                last_column = max(last_column, 1 + max(map(column_index, letters)))
                last_row = max(last_row, max(map(int, numbers)))
                limits.check(file, label, last_row, last_column)
            if not chunk:
                return last_row, last_column
            if len(rest) > CHUNK:  # a "tag" that never closes: nothing a workbook writes
                raise FileRejected("unreadable", file)


def _cells_opened(data: bytes) -> int:
    """How many cell elements start in `data` (counted at C speed unless a namespace prefix is in use)."""
    if b":c " in data:
        return len(ANY_CELL.findall(data))
    return data.count(b"<c ") + data.count(b"<c>")


def _positional_extent(archive, info, limits: Limits, file: str, label: str) -> tuple[int, int]:
    """The extent when cells (or rows) go without references: follow the rows and cells in order."""
    text = archive.read(info) if info.file_size <= 64 * CHUNK else None
    if text is None:
        raise FileRejected("zip_bomb", file, uncompressed_mb=f"{info.file_size / 1e6:.0f}")
    row = column = last_row = last_column = 0
    for match in TAG.finditer(text):
        kind, attributes = match.group(1), match.group(2) or b""
        if kind == b"row":
            number = ROW_NUMBER.search(attributes)
            row, column = (int(number.group(1)) if number else row + 1), 0
            continue
        ref = REFERENCE.search(attributes)
        column = column_index(ref.group(1)) + 1 if ref else column + 1
        if ref:
            row = max(row, int(ref.group(2)))
        if not attributes.endswith(b"/"):
            last_row, last_column = max(last_row, row or 1), max(last_column, column)
            limits.check(file, label, last_row, last_column)
    return last_row, last_column


# --- .xls (BIFF8 inside an OLE container) ------------------------------------------------------------

BOF, DIMENSIONS, BOUNDSHEET, FILEPASS = 0x0809, 0x0200, 0x0085, 0x002F
SINGLE_CELLS = {0x0006, 0x00FD, 0x0203, 0x027E, 0x0205, 0x0204, 0x00D6}   # formula, string, number, rk, ...
MULTIPLE_CELLS = 0x00BD   # MULRK: row, first column, values..., last column (blanks are not read)


def check_xls(stream: bytes, file: str, limits: Limits) -> None:
    """Check each sheet of a BIFF workbook stream: its declared DIMENSIONS and the cells it really holds."""
    position, size = 0, len(stream)
    names, sheet = [], ""
    last_row = last_column = cells = 0
    while position + 4 <= size:
        kind, length = struct.unpack_from("<HH", stream, position)
        body = position + 4
        position = body + length
        if kind in SINGLE_CELLS and length >= 4:
            row, column = struct.unpack_from("<HH", stream, body)
            last_row, last_column, cells = max(last_row, row + 1), max(last_column, column + 1), cells + 1
        elif kind == MULTIPLE_CELLS and length >= 6:
            row, = struct.unpack_from("<H", stream, body)
            column, = struct.unpack_from("<H", stream, body + length - 2)
            last_row, last_column, cells = max(last_row, row + 1), max(last_column, column + 1), cells + 1
        elif kind == DIMENSIONS and length >= 14:
            _first, last, _first_col, last_col = struct.unpack_from("<IIHH", stream, body)
            limits.check(file, sheet, last, last_col)
            continue
        elif kind == BOF:
            sheet = names.pop(0) if names else sheet
            last_row = last_column = cells = 0
            continue
        elif kind == BOUNDSHEET and length >= 8:
            names.append(_sheet_name(stream[body + 6:body + length]))
            continue
        elif kind == FILEPASS:
            raise FileRejected("password_protected", file)
        else:
            continue
        if last_row > limits.rows or last_column > limits.columns or cells % 4096 == 0:
            limits.check(file, sheet, last_row, last_column)
    limits.check(file, sheet, last_row, last_column)


def _sheet_name(record: bytes) -> str:
    """The name in a BOUNDSHEET record (after its 6-byte header): length, flags, then Latin-1 or UTF-16."""
    length, wide = record[0], record[1] & 1
    raw = record[2:2 + length * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", errors="replace")


# --- .ods ---------------------------------------------------------------------------------------------

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ROW_TAG, CELL_TAGS, TABLE_TAG = f"{{{TABLE_NS}}}table-row", {f"{{{TABLE_NS}}}table-cell",
                                                              f"{{{TABLE_NS}}}covered-table-cell"}, f"{{{TABLE_NS}}}table"
ROWS_REPEATED, COLUMNS_REPEATED = f"{{{TABLE_NS}}}number-rows-repeated", f"{{{TABLE_NS}}}number-columns-repeated"
VALUE_TYPE, TABLE_NAME = f"{{{OFFICE_NS}}}value-type", f"{{{TABLE_NS}}}name"


def check_ods(content: io.BufferedIOBase, file: str, limits: Limits) -> None:
    """Check each table of an .ods content.xml, repeated rows and cells counted as calamine expands them.
    The XML is parsed with defusedxml, so a DOCTYPE with entities is refused too."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    name, row, column, last_row, last_column, row_filled = None, 0, 0, 0, 0, 0
    try:
        for event, element in iterparse(content, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == TABLE_TAG:
                    name, row, last_row, last_column = element.get(TABLE_NAME), 0, 0, 0
                elif tag == ROW_TAG:
                    column = row_filled = 0
                continue
            if tag in CELL_TAGS:
                column += _repeat(element.get(COLUMNS_REPEATED))
                if element.get(VALUE_TYPE) or len(element):
                    row_filled = column
                    limits.check(file, name, max(row + 1, last_row), max(last_column, row_filled))
                element.clear()
            elif tag == ROW_TAG:
                repeat = _repeat(element.get(ROWS_REPEATED))
                if row_filled:
                    last_row, last_column = row + repeat, max(last_column, row_filled)
                    limits.check(file, name, last_row, last_column)
                row += repeat
                element.clear()
    except DefusedXmlException as err:
        raise FileRejected("unsafe_xml", file) from err
    except SyntaxError as err:  # ElementTree.ParseError
        raise FileRejected("unreadable", file) from err


def _repeat(value: str | None) -> int:
    try:
        return max(1, int(value)) if value else 1
    except ValueError:
        return 1
