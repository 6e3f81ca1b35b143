"""Bytes → plain grids. Decide the format from the first bytes, dispatch to one reader per format,
and have every reader return the same thing: a list of `Sheet` (rows of plain Python values,
None for empty, merged ranges, visibility). Meaning is decided later, once, in tables.py.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import zipfile
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from loaders.errors import FileRejected, column_letter
from loaders.extent import check_ods, check_xls, check_xlsx, check_xml_safe, uncalculated_formulas
from loaders.limits import VARIABLES, Limits, current_limits
from loaders.text import clean_name

MEGABYTE = 1_000_000
MAX_UNCOMPRESSED_BYTES = 300 * MEGABYTE
MAX_COMPRESSION_RATIO = 200

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
# An encrypted .xlsx is an OLE container holding a stream called "EncryptedPackage".
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

Cell = str | float | int | bool | dt.date | dt.datetime | None


@dataclass
class Sheet:
    name: str
    rows: list[list[Cell]]
    visible: bool = True
    # ((first_row, first_col), (last_row, last_col)), 0-based and inclusive, as calamine reports them
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    uncalculated: tuple[str, int] | None = None   # (column letter, Excel row) of a formula saved without its value


def max_upload_bytes() -> int:
    """The configured size limit (DASBOR_MAX_UPLOAD_MB), 20 MB by default."""
    import settings

    return int(settings.get("DASBOR_MAX_UPLOAD_MB") * MEGABYTE)


def sniff_format(head: bytes) -> str:
    """'xls' (OLE), 'xlsx', 'ods', 'zip' (another zip), 'html' or 'csv', from the first bytes."""
    if head.startswith(OLE_SIGNATURE):
        return "ole"
    if head.startswith(ZIP_SIGNATURE):
        return "zip"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")) or b"<table" in text[:2048]:
        return "html"
    return "csv"


def read_file(path: Path, max_bytes: int | None = None) -> list[Sheet]:
    """Read every sheet of `path`; raise FileRejected with a clear reason when it cannot be used.

    No reader builds a grid larger than the limits (loaders/limits.py): the extent is checked first."""
    name = clean_name(path.name)
    if not path.is_file():
        raise FileRejected("file_missing", name, path=str(path))
    size = path.stat().st_size
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    if size == 0:
        raise FileRejected("file_empty", name)
    if size > limit:
        raise FileRejected("file_too_large", name, size_mb=size / MEGABYTE, limit_mb=limit / MEGABYTE)
    limits = current_limits()
    data = path.read_bytes()
    kind = sniff_format(data[:4096])
    reader = READERS[kind]
    return reader(data, name, limits)


def _read_ole(data: bytes, name: str, limits: Limits) -> list[Sheet]:
    import olefile

    try:
        container = olefile.OleFileIO(data)
    except (OSError, ValueError) as err:  # olefile raises OSError for a damaged container
        raise FileRejected("unreadable", name) from err
    with container:
        if container.exists("EncryptedPackage") or ENCRYPTED_PACKAGE in data[:4096]:
            raise FileRejected("password_protected", name)
        stream = next((s for s in ("Workbook", "Book") if container.exists(s)), None)
        if stream is None:
            raise FileRejected("not_workbook_ole", name)
        try:
            check_xls(container.openstream(stream).read(), name, limits)
        except (OSError, ValueError, IndexError) as err:  # struct.error is a ValueError
            if isinstance(err, FileRejected):
                raise
            raise FileRejected("unreadable", name) from err
    return _read_calamine(data, name, limits)


def _read_zip(data: bytes, name: str, limits: Limits) -> list[Sheet]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            uncompressed = sum(info.file_size for info in infos)
            if uncompressed > MAX_UNCOMPRESSED_BYTES or uncompressed > MAX_COMPRESSION_RATIO * max(len(data), 1):
                raise FileRejected("zip_bomb", name, uncompressed_mb=uncompressed / MEGABYTE)
            if "xl/workbook.bin" in names:
                raise FileRejected("xlsb", name)
            if "xl/workbook.xml" not in names and "content.xml" not in names:
                raise FileRejected("not_workbook_zip", name)
            check_xml_safe(archive, name)
            uncalculated = {}
            if "xl/workbook.xml" in names:
                check_xlsx(archive, name, limits)
                uncalculated = {clean_name(sheet): cell for sheet, cell in uncalculated_formulas(archive).items()}
            else:
                if b"encryption-data" in _member(archive, "META-INF/manifest.xml"):
                    raise FileRejected("password_protected", name)
                with archive.open("content.xml") as content:
                    check_ods(content, name, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError) as err:
        if isinstance(err, FileRejected):
            raise
        raise FileRejected("corrupt_zip", name) from err  # truncated, bad CRC, corrupt deflate stream
    sheets = _read_calamine(data, name, limits)
    for sheet in sheets:
        sheet.uncalculated = uncalculated.get(sheet.name)
    return sheets


def _member(archive: zipfile.ZipFile, member: str) -> bytes:
    try:
        return archive.read(member)
    except KeyError:
        return b""


def _read_calamine(data: bytes, name: str, limits: Limits) -> list[Sheet]:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetVisibleEnum

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in workbook.sheets_metadata:
            sheet = workbook.get_sheet_by_name(meta.name)
            label = clean_name(meta.name)
            limits.check(name, label, sheet.height, sheet.width)
            rows = [[None if cell == "" else cell for cell in row]
                    for row in sheet.to_python(skip_empty_area=False)]
            check_field_lengths(rows, name, label, limits)
            sheets.append(Sheet(label, rows, meta.visible == SheetVisibleEnum.Visible,
                                list(sheet.merged_cell_ranges or [])))
        return sheets
    except PasswordError as err:
        raise FileRejected("password_protected", name) from err
    except (CalamineError, ValueError, OSError) as err:
        if isinstance(err, FileRejected):
            raise
        raise FileRejected("corrupt_zip" if data.startswith(ZIP_SIGNATURE) else "unreadable", name) from err


def check_field_lengths(rows: list[list], name: str, sheet: str, limits: Limits) -> None:
    """Refuse a sheet with a text cell longer than the limit, naming the cell."""
    cap = limits.field_chars
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if isinstance(cell, str) and len(cell) > cap:
                raise limits.field_too_long(name, sheet, r + 1, column_letter(c), len(cell))


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, else Windows-1252 as Excel saves CSV in Indonesia;
    UTF-16 when it starts with a UTF-16 byte order mark (Excel's "Unicode text")."""
    return data.decode(text_encoding(data), errors="replace")


def text_encoding(data: bytes) -> str:
    """The encoding of a text file: 'utf-16' (by its BOM), 'utf-8-sig' when it decodes, else 'cp1252'."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


SNIFF_CHARS = 64 * 1024
BINARY_BYTES = bytes(range(0, 9)) + bytes(range(14, 32))


def is_binary(head: bytes) -> bool:
    """A picture, PDF or program rather than text: over 5% control bytes (a stray NUL in a cell is text)."""
    return len(head.translate(None, delete=BINARY_BYTES)) < len(head) * 0.95


def _read_csv(data: bytes, name: str, limits: Limits) -> list[Sheet]:
    """Stream the rows (never more than the row limit; a field never longer than the character limit)."""
    encoding = text_encoding(data)
    if encoding != "utf-16" and is_binary(data[:8192]):
        raise FileRejected("not_spreadsheet", name)
    text = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="replace", newline="")
    head = text.read(SNIFF_CHARS)
    text.seek(0)
    sample = "\n".join(head.splitlines()[:30])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t|"}
        delimiter = max(counts, key=counts.get)
    csv.field_size_limit(limits.field_chars)
    reader = csv.reader(text, delimiter=delimiter)
    rows, width, line = [], 0, 1
    label = clean_name(Path(name).stem)
    try:
        for row in reader:
            rows.append([cell if cell.strip() else None for cell in row])
            width = max(width, len(row))
            limits.check(name, label, len(rows), width, len(rows) * width)
            line = reader.line_num + 1
    except csv.Error as err:  # the record that starts on `line` is the one that could not be read
        if "field limit" in str(err):
            raise FileRejected("csv_field_too_long", name, sheet=label, row=line, limit=limits.field_chars,
                               variable=VARIABLES["field_chars"]) from err
        raise FileRejected("csv_malformed", name, sheet=label, row=line) from err
    return [Sheet(label, rows)]


class _TableParser(HTMLParser):
    """Collect <table> cells with their row and column spans; refuse a table over the limits while parsing."""

    def __init__(self, name: str, limits: Limits):
        super().__init__(convert_charrefs=True)
        self.name, self.limits = name, limits
        self.tables: list[list[list]] = []
        self._cells = 0
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self.tables.append([])
            self._cells = 0
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self._cell = []
            self._span = (_span(attributes.get("rowspan")), _span(attributes.get("colspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self.tables:
            rows = self.tables[-1]
            if not rows:
                rows.append([])
            text = " ".join("".join(self._cell).split()) or None
            rows[-1].append((text, self._span))
            self._cell = None
            self._cells += 1
            self.limits.check(self.name, None, len(rows), len(rows[-1]), max(self._cells, len(rows)))


def _span(value) -> int:
    try:
        return max(1, min(int(value), 65_536))
    except (TypeError, ValueError, OverflowError):
        return 1


def _grid(raw_rows: list[list], name: str, label: str, limits: Limits) -> tuple[list[list[Cell]], list]:
    """Place cells with row/col spans on a grid; spanned cells become None plus a merged range.

    `busy[c]` counts the rows still covered by a rowspan above, so memory grows with the width, never
    with the spanned area; the grid's extent is checked against the limits before it is built."""
    height = len(raw_rows)
    busy: list[int] = []
    placed: list[list[tuple[int, Cell]]] = []
    merged = []
    width = 0
    for r, cells in enumerate(raw_rows):
        row, c = [], 0
        for text, (rowspan, colspan) in cells:
            while c < len(busy) and busy[c] > 0:
                c += 1
            rowspan = min(rowspan, height - r)
            limits.check(name, label, height, max(width, c + colspan))
            if len(busy) < c + colspan:
                busy.extend([0] * (c + colspan - len(busy)))
            busy[c:c + colspan] = [rowspan] * colspan
            row.append((c, text))
            if rowspan > 1 or colspan > 1:
                merged.append(((r, c), (r + rowspan - 1, c + colspan - 1)))
            c += colspan
            width = max(width, c)
        busy = [max(0, n - 1) for n in busy]
        placed.append(row)
    rows = []
    for cells in placed:
        row = [None] * width
        for c, text in cells:
            row[c] = text
        rows.append(row)
    return rows, merged


def _read_html(data: bytes, name: str, limits: Limits) -> list[Sheet]:
    parser = _TableParser(name, limits)
    parser.feed(decode_text(data))
    parser.close()
    sheets = []
    for number, raw_rows in enumerate(parser.tables, start=1):
        label = clean_name(Path(name).stem if number == 1 else f"{Path(name).stem} ({number})")
        rows, merged = _grid(raw_rows, name, label, limits)
        check_field_lengths(rows, name, label, limits)
        sheets.append(Sheet(label, rows, True, merged))
    if not sheets:
        raise FileRejected("html_no_table", name)
    return sheets


READERS = {"ole": _read_ole, "zip": _read_zip, "html": _read_html, "csv": _read_csv}
