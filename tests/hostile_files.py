"""A hostile corpus built in code (issue 11): files crafted, or damaged, to crash, hang or exhaust a reader.

Each maker writes one file into a folder and returns its path; `CORPUS` lists them with what `inspect`
must end with (exit 1 = rejected with a message, 0 = read with warnings). The workbooks are written as raw
XML inside a zip, so that a test can put anything where a real writer never would (a cell at XFD1048576,
a DOCTYPE, a NUL). Nothing here is a binary fixture: the files are made when a test runs.
"""

from __future__ import annotations

import base64
import random
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

from loaders.errors import column_letter
from tests.workbooks import make_xls, make_xlsx

HEADER = ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun", "Kematangan"]
ROW = [1, "Inovasi Sehat", "Dinas Kesehatan", "Kesehatan", 2016, 50]
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _cell(ref: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def sheet_xml(rows: list[list], extra_cells: str = "", prolog: str = "", dimension: str | None = None) -> str:
    """A worksheet's XML: `rows` from A1 on, then `extra_cells` (raw <row> elements) as written."""
    body = "".join(f'<row r="{r}">' + "".join(_cell(f"{column_letter(c)}{r}", v) for c, v in enumerate(row)) + "</row>"
                   for r, row in enumerate(rows, start=1))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<worksheet xmlns="{SHEET_NS}" xmlns:r="{REL_NS}">{dim}<sheetData>{body}{extra_cells}</sheetData>'
            "</worksheet>")


def raw_xlsx(path: Path, sheets: dict[str, str], hidden: tuple[str, ...] = (), workbook_prolog: str = "",
             extra: dict[str, bytes] | None = None) -> Path:
    """A minimal .xlsx whose sheets are the given XML texts (name → worksheet XML)."""
    names = list(sheets)
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                        f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                        for i in range(1, len(names) + 1))
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
        'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f'{overrides}</Types>')
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    entries = "".join(
        f'<sheet name="{escape(name, {chr(34): "&quot;", chr(10): "&#10;", chr(9): "&#9;"})}" sheetId="{i}" r:id="rId{i}"'
        f'{" state=" + chr(34) + "hidden" + chr(34) if name in hidden else ""}/>'
        for i, name in enumerate(names, start=1))
    workbook = (f'<?xml version="1.0" encoding="UTF-8"?>{workbook_prolog}<workbook xmlns="{SHEET_NS}" '
                f'xmlns:r="{REL_NS}"><sheets>{entries}</sheets></workbook>')
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(names) + 1))
    workbook_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                     f'org/package/2006/relationships">{rels}</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        for i, name in enumerate(names, start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", sheets[name])
        for member, data in (extra or {}).items():
            archive.writestr(member, data)
    return Path(path)


def good_xlsx(path: Path) -> Path:
    return raw_xlsx(path, {"2016": sheet_xml([HEADER, ROW])})


# --- the corpus --------------------------------------------------------------------------------------


def far_cell_xfd(folder: Path) -> Path:
    """2 KB: the table plus one cell at the last cell of a sheet (a dense grid of 17 billion cells)."""
    return raw_xlsx(folder / "sel_jauh_xfd.xlsx", {"2016": sheet_xml(
        [HEADER, ROW], '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')})


def far_cell_z(folder: Path) -> Path:
    """One cell at Z1048576: a million rows of 26 columns."""
    return raw_xlsx(folder / "sel_jauh_z.xlsx", {"2016": sheet_xml(
        [HEADER, ROW], '<row r="1048576"><c r="Z1048576"><v>1</v></c></row>')})


def lying_dimension(folder: Path) -> Path:
    """The declared <dimension> says A1:F2, the cells say otherwise."""
    return raw_xlsx(folder / "dimensi_palsu.xlsx", {"2016": sheet_xml(
        [HEADER, ROW], '<row r="900000"><c r="AZ900000"><v>1</v></c></row>', dimension="A1:F2")})


def html_spans(folder: Path) -> Path:
    """2.5 KB of HTML ".xls" whose cells each span 1000 rows × 1000 columns."""
    cells = "".join('<td rowspan="1000" colspan="1000">x</td>' for _ in range(60))
    path = folder / "rentang_html.xls"
    path.write_text(f"<html><body><table><tr><th>No</th><th>Nama Inovasi</th></tr><tr>{cells}</tr>"
                    "</table></body></html>")
    return path


def csv_unbalanced_quote(folder: Path) -> Path:
    """A quote opened and never closed: the rest of the file (over 128 KB) becomes one field."""
    path = folder / "kutip_terbuka.csv"
    body = "1;" + '"Inovasi tanpa kutip penutup ' + "panjang sekali " * 12_000 + "\n"
    path.write_text(";".join(HEADER[:5]) + "\n" + "2;Inovasi Biasa;Dinas Kesehatan;Kesehatan;2016\n" + body)
    return path


def csv_non_finite(folder: Path) -> Path:
    """nan, inf and 1e999 where numbers and years are expected."""
    path = folder / "bukan_angka_hingga.csv"
    rows = [HEADER, [1, "Inovasi A", "Dinas Kesehatan", "Kesehatan", 2016, "inf"],
            [2, "Inovasi B", "Dinas Kesehatan", "Kesehatan", 2016, "1e999"],
            [3, "Inovasi C", "Dinas Kesehatan", "Kesehatan", 2016, "-inf"],
            [4, "Inovasi D", "Dinas Kesehatan", "Kesehatan", 2016, "NaN"]]
    path.write_text("\n".join(";".join(map(str, row)) for row in rows) + "\n")
    return path


def xlsx_non_finite(folder: Path) -> Path:
    """Numeric cells holding NaN, INF and 1e999 (a value no Excel writes, but the XML allows)."""
    return raw_xlsx(folder / "bukan_angka_hingga.xlsx", {"2016": sheet_xml(
        [HEADER, [1, "Inovasi A", "Dinas Kesehatan", "Kesehatan", 2016, "NaN"]],
        '<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="inlineStr"><is><t>Inovasi B</t></is></c>'
        '<c r="C3" t="inlineStr"><is><t>Dinas Kesehatan</t></is></c><c r="E3"><v>1e999</v></c>'
        '<c r="F3"><v>INF</v></c></row>'
        '<row r="4"><c r="A4"><v>3</v></c><c r="B4" t="inlineStr"><is><t>Inovasi C</t></is></c>'
        '<c r="C4" t="inlineStr"><is><t>Dinas Kesehatan</t></is></c><c r="E4"><v>2016</v></c>'
        '<c r="F4"><v>nan</v></c></row>')})


def csv_utf16(folder: Path) -> Path:
    """A CSV saved as "Unicode text" (UTF-16 with a BOM): text, not a binary file."""
    path = folder / "unicode_utf16.csv"
    text = "\n".join("\t".join(map(str, row)) for row in [HEADER, ROW]) + "\n"
    path.write_bytes(text.encode("utf-16"))
    return path


def csv_nul(folder: Path) -> Path:
    """A NUL and other control characters inside text cells (PostgreSQL refuses NUL in text)."""
    path = folder / "nul_dalam_teks.csv"
    rows = [HEADER, [1, "Inovasi\x00Sehat\x1b[31m", "Dinas Kesehatan\x07", "Kesehatan", 2016, 50]]
    path.write_bytes(("\n".join(";".join(map(str, row)) for row in rows) + "\n").encode())
    return path


def xlsx_nul(folder: Path) -> Path:
    """NUL and an escape sequence through OOXML's _xHHHH_ escapes in a cell; a line break in the sheet name."""
    return raw_xlsx(folder / "nul_dalam_teks.xlsx", {"2016\nOK palsu": sheet_xml(
        [HEADER, [1, "Inovasi_x0000_Sehat_x001B_[31m", "Dinas Kesehatan", "Kesehatan", 2016, 50]])})


def control_file_name(folder: Path) -> Path:
    """A file name with a newline and an ANSI escape: it must not forge lines in the CLI's output."""
    return good_xlsx(folder / "rekap\nOK  palsu.xlsx\x1b[2J.xlsx")


def csv_million_rows(folder: Path) -> Path:
    """A million short rows, under the 20 MB upload limit."""
    path = folder / "sejuta_baris.csv"
    with path.open("w") as out:
        out.write("No;Nama Inovasi;Tahun\n")
        out.writelines(f"{i};I{i};2016\n" for i in range(1, 1_000_001))
    return path


def truncated_zip(folder: Path) -> Path:
    data = make_xlsx(folder / "utuh.xlsx", {"2016": [HEADER, ROW]}).read_bytes()
    path = folder / "terpotong.xlsx"
    path.write_bytes(data[: len(data) * 2 // 3])
    return path


def bit_flipped_zip(folder: Path) -> Path:
    """Bytes flipped inside the compressed sheet: the archive opens, its content does not inflate."""
    source = make_xlsx(folder / "utuh2.xlsx", {"2016": [HEADER, ROW] * 20})
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 5, start + info.compress_size - 5, 7):
        data[offset] ^= 0xA5
    path = folder / "bit_terbalik.xlsx"
    path.write_bytes(bytes(data))
    return path


def not_a_workbook_zip(folder: Path) -> Path:
    path = folder / "dokumen_word.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def ole_not_a_workbook(folder: Path) -> Path:
    """An OLE container (like a .doc) with no Workbook stream."""
    data = make_xls(folder / "asli.xls", {"2016": [HEADER, ROW]}).read_bytes()
    path = folder / "bukan_workbook.xls"
    path.write_bytes(data.replace("Workbook".encode("utf-16-le"), "Notebook".encode("utf-16-le")))
    return path


XXE_PROLOG = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = ('<!DOCTYPE worksheet [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
          + "]>")


def xxe(folder: Path) -> Path:
    return raw_xlsx(folder / "xxe.xlsx", {"2016": sheet_xml([HEADER, [1, "&xxe;", "Dinas Kesehatan"]],
                                                            prolog=XXE_PROLOG).replace("&amp;xxe;", "&xxe;")})


def billion_laughs(folder: Path) -> Path:
    return raw_xlsx(folder / "tawa_miliaran.xlsx", {"2016": sheet_xml(
        [HEADER, [1, "&lol9;", "Dinas Kesehatan"]], prolog=LAUGHS).replace("&amp;lol9;", "&lol9;")})


def encrypted_xlsx(folder: Path) -> Path:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = make_xlsx(folder / "terbuka.xlsx", {"2016": [HEADER, ROW]})
    path = folder / "terkunci.xlsx"
    with plain.open("rb") as source, path.open("wb") as target:
        OOXMLFile(source).encrypt("rahasia", target)
    return path


def encrypted_ods(folder: Path) -> Path:
    """An .ods whose content is encrypted (LibreOffice's "save with password")."""
    path = folder / "terkunci.ods"
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path='
                '"/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data '
                'manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-'
                'name="Blowfish CFB" manifest:initialisation-vector="AAAA"/><manifest:key-derivation manifest:key-'
                'derivation-name="PBKDF2" manifest:iteration-count="1024" manifest:salt="AAAA"/></manifest:'
                'encryption-data></manifest:file-entry></manifest:manifest>')
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", random.Random(11).randbytes(600))
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def hidden_sheets_only(folder: Path) -> Path:
    return raw_xlsx(folder / "semua_tersembunyi.xlsx", {"2016": sheet_xml([HEADER, ROW]),
                                                        "2017": sheet_xml([HEADER, ROW])}, hidden=("2016", "2017"))


def huge_string(folder: Path) -> Path:
    """One cell of 5 million characters of varied words (compressed only 4:1, so no zip-bomb check stops it)."""
    rng = random.Random(5)
    words = " ".join("".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9))) for _ in range(850_000))
    return raw_xlsx(folder / "teks_raksasa.xlsx", {"2016": sheet_xml(
        [HEADER, [1, "Inovasi " + words[:5_000_000], "Dinas Kesehatan", "Kesehatan", 2016]])})


def huge_csv_field(folder: Path) -> Path:
    """A properly quoted CSV field of 2 million characters."""
    path = folder / "sel_raksasa.csv"
    path.write_text(";".join(HEADER[:5]) + "\n" + '1;"' + "x" * 2_000_000 + '";Dinas Kesehatan;Kesehatan;2016\n')
    return path


def xlsb(folder: Path) -> Path:
    """An Excel binary workbook (.xlsb): the zip holds xl/workbook.bin."""
    path = folder / "biner.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00" + bytes(64))
        archive.writestr("xl/worksheets/sheet1.bin", bytes(64))
    return path


def html_without_table(folder: Path) -> Path:
    path = folder / "laman.xls"
    path.write_text("<!DOCTYPE html><html><body><p>Halaman login</p></body></html>")
    return path


def many_columns_html(folder: Path) -> Path:
    """A web export with 20,000 columns in one row."""
    path = folder / "kolom_banyak.html"
    path.write_text("<table><tr><th>No</th><th>Nama Inovasi</th>" + "<td>x</td>" * 20_000 + "</tr></table>")
    return path


def xls_far_cell(folder: Path) -> Path:
    """A real BIFF8 .xls with one cell at the last row and column BIFF8 allows (16 million cells)."""
    import xlwt

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("2016")
    for r, row in enumerate([HEADER, ROW]):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    sheet.write(65535, 255, 1)
    path = folder / "sel_jauh.xls"
    workbook.save(str(path))
    return path


ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                'xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-'
                'type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.'
                'xml" manifest:media-type="text/xml"/></manifest:manifest>')


def ods_repeated(folder: Path) -> Path:
    """An .ods row repeated a million times, each with a value repeated ten times (10 million cells)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:'
        'names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>'
        '<table:table table:name="2016"><table:table-row><table:table-cell office:value-type="string"><text:p>No'
        '</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Nama Inovasi</text:p>'
        '</table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-'
        'cell table:number-columns-repeated="10" office:value-type="float" office:value="1"><text:p>1</text:p>'
        '</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>'
        '</office:document-content>')
    path = folder / "ulang.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
    return path


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]
    exit_code: int     # what `inspect` must end with: 1 rejected, 0 read (with warnings)
    words: str         # a phrase of the Indonesian message that must be printed


CORPUS = [
    Case(far_cell_xfd, 1, "1048576 baris, melebihi batas 200000 baris"),
    Case(far_cell_z, 1, "1048576 baris, melebihi batas"),
    Case(lying_dimension, 1, "900000 baris, melebihi batas"),
    Case(html_spans, 1, "2000 kolom (sampai kolom BXX), melebihi batas 1000 kolom"),
    Case(many_columns_html, 1, "1001 kolom"),
    Case(xls_far_cell, 1, "16777216 sel, melebihi batas 5000000 sel"),
    Case(ods_repeated, 1, "1000001 baris, melebihi batas"),
    Case(csv_unbalanced_quote, 1, "tanda kutip (\") yang dibuka tetapi tidak ditutup"),
    Case(csv_non_finite, 0, "'1e999' bukan angka hingga"),
    Case(xlsx_non_finite, 0, "bukan angka hingga"),
    Case(csv_utf16, 0, "Jumlah: 1 inovasi"),
    Case(csv_nul, 0, "Jumlah: 1 inovasi"),
    Case(xlsx_nul, 0, "Jumlah: 1 inovasi"),
    Case(control_file_name, 0, "Jumlah: 1 inovasi"),
    Case(csv_million_rows, 1, "200001 baris, melebihi batas 200000 baris"),
    Case(truncated_zip, 1, "Berkas rusak"),
    Case(bit_flipped_zip, 1, "Berkas rusak"),
    Case(not_a_workbook_zip, 1, "arsip zip tanpa buku kerja"),
    Case(ole_not_a_workbook, 1, "dokumen Office lama"),
    Case(xxe, 1, "XML yang tidak aman"),
    Case(billion_laughs, 1, "XML yang tidak aman"),
    Case(encrypted_xlsx, 1, "dilindungi kata sandi"),
    Case(encrypted_ods, 1, "dilindungi kata sandi"),
    Case(hidden_sheets_only, 1, "Semua lembar di berkas ini tersembunyi"),
    Case(huge_string, 1, "5000008 karakter, melebihi batas 100000"),
    Case(huge_csv_field, 1, "lebih dari 100000 karakter"),
    Case(xlsb, 1, "(.xlsb) tidak didukung"),
    Case(html_without_table, 1, "halaman web tanpa tabel"),
]


def data_url(path: Path) -> str:
    """The file as dcc.Upload sends it."""
    return "data:application/octet-stream;base64," + base64.b64encode(path.read_bytes()).decode()


__all__ = ["CORPUS", "Case", "data_url", "raw_xlsx", "sheet_xml"]
