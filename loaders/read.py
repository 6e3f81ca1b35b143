"""Bytes → plain grids. Decide the format from the first bytes, dispatch to one reader per format,
and have every reader return the same thing: a list of `Sheet` (rows of plain Python values,
None for empty, merged ranges, visibility). Meaning is decided later, once, in tables.py.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from loaders.errors import FileRejected

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
    """Read every sheet of `path`; raise FileRejected with a clear reason when it cannot be used."""
    name = path.name
    if not path.is_file():
        raise FileRejected("file_missing", name, path=str(path))
    size = path.stat().st_size
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    if size == 0:
        raise FileRejected("file_empty", name)
    if size > limit:
        raise FileRejected("file_too_large", name, size_mb=f"{size / MEGABYTE:.3g}", limit_mb=f"{limit / MEGABYTE:g}")
    data = path.read_bytes()
    kind = sniff_format(data[:4096])
    reader = READERS[kind]
    return reader(data, name)


def _read_ole(data: bytes, name: str) -> list[Sheet]:
    if ENCRYPTED_PACKAGE in data:
        raise FileRejected("password_protected", name)
    return _read_calamine(data, name)


def _read_zip(data: bytes, name: str) -> list[Sheet]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
    except (zipfile.BadZipFile, EOFError, ValueError) as err:
        raise FileRejected("corrupt_zip", name, detail=str(err) or type(err).__name__) from err
    uncompressed = sum(info.file_size for info in infos)
    if uncompressed > MAX_UNCOMPRESSED_BYTES or uncompressed > MAX_COMPRESSION_RATIO * max(len(data), 1):
        raise FileRejected("zip_bomb", name, uncompressed_mb=f"{uncompressed / MEGABYTE:.0f}")
    if "xl/workbook.xml" not in names and "xl/workbook.bin" not in names and "content.xml" not in names:
        raise FileRejected("not_spreadsheet", name, detail="zip tanpa workbook")
    return _read_calamine(data, name)


def _read_calamine(data: bytes, name: str) -> list[Sheet]:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetVisibleEnum

    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = []
        for meta in workbook.sheets_metadata:
            sheet = workbook.get_sheet_by_name(meta.name)
            rows = [[None if cell == "" else cell for cell in row]
                    for row in sheet.to_python(skip_empty_area=False)]
            sheets.append(Sheet(meta.name, rows, meta.visible == SheetVisibleEnum.Visible,
                                list(sheet.merged_cell_ranges or [])))
        return sheets
    except PasswordError as err:
        raise FileRejected("password_protected", name) from err
    except (CalamineError, ValueError, OSError) as err:
        raise FileRejected("unreadable", name, detail=str(err).splitlines()[0][:200]) from err


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, else Windows-1252 as Excel saves CSV in Indonesia."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_csv(data: bytes, name: str) -> list[Sheet]:
    if b"\x00" in data[:8192]:
        raise FileRejected("not_spreadsheet", name, detail="berkas biner")
    text = decode_text(data)
    sample = "\n".join(text.splitlines()[:30])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ";,\t|"}
        delimiter = max(counts, key=counts.get)
    rows = [[cell if cell.strip() else None for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    return [Sheet(Path(name).stem, rows)]


class _TableParser(HTMLParser):
    """Collect <table> cells, expanding colspan/rowspan into merged ranges like a spreadsheet."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list], list]] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table":
            self.tables.append(([], []))
        elif tag == "tr" and self.tables:
            self.tables[-1][0].append([])
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
            rows, merged = self.tables[-1]
            if not rows:
                rows.append([])
            text = " ".join("".join(self._cell).split()) or None
            rows[-1].append((text, self._span))
            self._cell = None


def _span(value) -> int:
    try:
        return max(1, min(int(value), 1000))
    except (TypeError, ValueError):
        return 1


def _grid(raw_rows: list[list]) -> tuple[list[list[Cell]], list]:
    """Place cells with row/col spans on a grid; spanned cells become None plus a merged range."""
    grid: dict[tuple[int, int], Cell] = {}
    taken: set[tuple[int, int]] = set()
    merged = []
    width = 0
    for r, cells in enumerate(raw_rows):
        c = 0
        for text, (rowspan, colspan) in cells:
            while (r, c) in taken:
                c += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken.add((r + dr, c + dc))
            grid[(r, c)] = text
            if rowspan > 1 or colspan > 1:
                merged.append(((r, c), (r + rowspan - 1, c + colspan - 1)))
            c += colspan
            width = max(width, c)
    rows = [[grid.get((r, c)) for c in range(width)] for r in range(len(raw_rows))]
    return rows, merged


def _read_html(data: bytes, name: str) -> list[Sheet]:
    parser = _TableParser()
    parser.feed(decode_text(data))
    parser.close()
    sheets = []
    for number, (raw_rows, _) in enumerate(parser.tables, start=1):
        rows, merged = _grid(raw_rows)
        label = Path(name).stem if number == 1 else f"{Path(name).stem} ({number})"
        sheets.append(Sheet(label, rows, True, merged))
    if not sheets:
        raise FileRejected("not_spreadsheet", name, detail="HTML tanpa tabel")
    return sheets


READERS = {"ole": _read_ole, "zip": _read_zip, "html": _read_html, "csv": _read_csv}
