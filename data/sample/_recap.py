"""Family A: the hand-made recap workbook of 2015–2017 (rekap_inovasi_2015_2017.xlsx).

Quirks reproduced on purpose (DOMAIN.md §3.A): title rows merged across the table, two-row headers with
a merged "Waktu" group, a row of column numbers, agency section rows, the header repeated mid-sheet,
blank rows, a signature block, mixed spellings of agencies, stages, urusan, years and dates, a REKAP
sheet of formulas, and a hidden "ref" sheet.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from _names import SECTOR_SPELLINGS
from _prose import SHORT_NOTES
from _records import NARRATIVE_FIELDS, PROPOSAL_SECTIONS, Innovation
from _vocabulary import AGENCIES, AGENCY_BY_NAME, RECAP_SECTOR_ALIASES

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
STAGE_SPELLINGS = {"Penerapan": ("Penerapan", "Penerapan", "PENERAPAN", "penerapan"),
                   "Uji Coba": ("Uji Coba", "uji coba", "UJI COBA", "Ujicoba"), "Inisiatif": ("Inisiatif", "inisiatif")}
ROMAN = ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
BOLD = Font(bold=True)
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)

HEAD_2015 = ("No", "Nama Inovasi", "SKPD", "Urusan", "Tahapan", ("Waktu", "Uji Coba", "Penerapan"), "Keterangan")
HEAD_2016 = ("No", "Nama Inovasi", "SKPD", "Tahun", "Urusan", "Tahapan", "Waktu Uji Coba", "Waktu Penerapan",
             "Keterangan")
HEAD_2017 = ("No", "Nama Inovasi", "SKPD", "Tahun", "Urusan", "Tahapan", ("Waktu", "Uji Coba", "Penerapan"),
             "Status", *NARRATIVE_FIELDS, *PROPOSAL_SECTIONS, "SK Inovator", "Regulasi", "Link Video", "SDGs",
             "Penghargaan")


def agency_spelling(rng, inv: Innovation, era: str) -> str:
    """How a typist wrote the agency: full, UPPER, abbreviated, with the regency suffix, or the unit."""
    if inv.raw:
        return inv.raw
    if inv.unit:
        return inv.unit.upper() if rng.random() < 0.1 else inv.unit
    agency = AGENCY_BY_NAME[inv.agency]
    spellings = list(agency.old) if era == "old" and agency.old else [agency.name, agency.name, *agency.names]
    spelling = rng.choice(spellings)
    style = rng.random()
    if style < 0.2:
        return spelling.upper()
    if style < 0.32 and len(spelling.split()) > 1 and not spelling.startswith("Kecamatan"):
        return spelling + " Kab. Muara Enim"
    return spelling


def sector_spelling(rng, sector: str, shown: set) -> str:
    """Urusan as typed: canonical, lower case or an alias; some aliases shown once per sheet for sure."""
    style = rng.random()
    if sector in RECAP_SECTOR_ALIASES and sector not in shown:
        shown.add(sector)
        return RECAP_SECTOR_ALIASES[sector]
    if style < 0.2 and sector in SECTOR_SPELLINGS:
        return rng.choice(SECTOR_SPELLINGS[sector])
    return sector.lower() if style < 0.4 else sector


def date_cell(rng, value: date | None, exact: bool = False):
    """A date as people type it: a real date, "12-03-2015", "Maret 2015", "2014", blank or "-"."""
    if value is None:
        return rng.choice((None, None, "-"))
    style = rng.random()
    if style < 0.5 or (exact and style < 0.75):
        return datetime(value.year, value.month, value.day)
    if style < 0.75 or exact:
        return value.strftime("%d-%m-%Y")
    if style < 0.9:
        return f"{MONTHS[value.month - 1]} {value.year}"
    return str(value.year) if style < 0.96 else value.year


def year_cell(rng, year: int):
    return rng.choices((year, str(year), float(year)), (50, 30, 20))[0]


def style_header(ws, first: int, last: int, width: int) -> None:
    for row in ws.iter_rows(min_row=first, max_row=last, max_col=width):
        for cell in row:
            cell.font, cell.border, cell.alignment = BOLD, BOX, CENTER


def write_titles(ws, year: int, width: int) -> None:
    titles = ("REKAPITULASI INOVASI PELAYANAN PUBLIK", "PEMERINTAH KABUPATEN MUARA ENIM", f"TAHUN {year}")
    for row, title in enumerate(titles, start=1):
        ws.cell(row, 1, title).font = Font(bold=True, size=12)
        ws.cell(row, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def write_header(ws, row: int, spec: tuple) -> int:
    """The header at `row` (one or two rows) and the row of column numbers; returns the next free row."""
    two_rows = any(isinstance(item, tuple) for item in spec)
    col = 1
    for item in spec:
        if isinstance(item, tuple):
            ws.cell(row, col, item[0])
            ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=col + len(item) - 2)
            for offset, sub in enumerate(item[1:]):
                ws.cell(row + 1, col + offset, sub)
            col += len(item) - 1
            continue
        ws.cell(row, col, item)
        if two_rows:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
        col += 1
    numbers = row + (2 if two_rows else 1)
    for c in range(1, col):
        ws.cell(numbers, c, c)
    style_header(ws, row, numbers, col - 1)
    return numbers + 1


def write_signature(ws, row: int, year: int, col: int) -> None:
    lines = (f"Muara Enim, 31 Desember {year}", "KEPALA BAPPEDA KABUPATEN MUARA ENIM", None, None,
             "Ir. H. NAMA PEJABAT, M.M.", "NIP. 19650101 199003 1 005")
    for offset, line in enumerate(lines):
        if line:
            ws.cell(row + offset, col, line).alignment = Alignment(horizontal="center")
    ws.cell(row + 4, col).font = Font(bold=True, underline="single")


def base_cells(rng, inv: Innovation, number: int, agency: str | None, shown: set) -> list:
    stage = rng.choice(STAGE_SPELLINGS[inv.stage])
    return [number, inv.name, agency, sector_spelling(rng, inv.sector, shown), stage]


def sheet_2015(wb, rng, rows: list[Innovation]) -> None:
    """Agency sections ("I. BADAN …"), SKPD often empty inside them, the header repeated on page 2."""
    ws = wb.create_sheet("2015")
    write_titles(ws, 2015, 8)
    r = write_header(ws, 5, HEAD_2015)
    groups = group_by_agency(rows)
    number, repeated, shown = 0, False, set()
    for index, (agency, items) in enumerate(groups):
        if not repeated and number >= 38:
            r = write_header(ws, r + 2, HEAD_2015)  # page 2 of the printout, after two blank rows
            repeated = True
        ws.cell(r, 2, section_title(rng, agency, index)).font = BOLD
        r += 1
        for inv in items:
            number += 1
            spelled = agency_spelling(rng, inv, "old") if inv.raw or inv.unit or rng.random() < 0.5 else None
            cells = base_cells(rng, inv, number, spelled, shown)
            cells += [date_cell(rng, inv.trial), date_cell(rng, inv.launch), rng.choice(SHORT_NOTES) or None]
            write_row(ws, r, cells)
            r += 1
        r += 1 if index in (4, 11, 19) else 0  # a few stray blank rows
    write_signature(ws, r + 2, 2015, 7)
    widths(ws, (5, 48, 34, 28, 12, 14, 14, 30))


def section_title(rng, agency_name: str, index: int) -> str:
    agency = AGENCY_BY_NAME[agency_name]
    title = max(agency.old, key=len).upper() if agency.old else agency.name.upper()
    return title if rng.random() < 0.2 else f"{roman(index + 1)}. {title}"


def roman(number: int) -> str:
    digits = ""
    for value, letters in ROMAN:
        while number >= value:
            digits, number = digits + letters, number - value
    return digits


def sheet_2016(wb, rng, rows: list[Innovation]) -> None:
    """One-row header, a Tahun column of mixed types (2016, "2016", 2016.0), SKPD always filled."""
    ws = wb.create_sheet("2016")
    write_titles(ws, 2016, 9)
    r = write_header(ws, 5, HEAD_2016)
    shown: set = set()
    for number, inv in enumerate(by_agency(rows), start=1):
        cells = base_cells(rng, inv, number, agency_spelling(rng, inv, "old"), shown)
        cells.insert(3, year_cell(rng, 2016))
        cells += [date_cell(rng, inv.trial), date_cell(rng, inv.launch), rng.choice(SHORT_NOTES) or None]
        write_row(ws, r, cells)
        r += 2 if number in (17, 45) else 1
    write_signature(ws, r + 2, 2016, 8)
    widths(ws, (5, 48, 34, 8, 28, 12, 14, 14, 30))


def sheet_2017(wb, rng, rows: list[Innovation]) -> None:
    """Two-row header and, for about a third of the rows, every field of a KIPP proposal."""
    ws = wb.create_sheet("2017")
    write_titles(ws, 2017, len(HEAD_2017) + 1)
    r = write_header(ws, 5, HEAD_2017)
    shown: set = set()
    for number, inv in enumerate(by_agency(rows), start=1):
        cells = base_cells(rng, inv, number, agency_spelling(rng, inv, "new"), shown)
        cells.insert(3, 2017 if rng.random() < 0.9 else "2017")
        exact = bool(inv.scenario)
        cells += [date_cell(rng, inv.trial, exact), date_cell(rng, inv.launch, exact), inv.status or None]
        cells += [inv.texts.get(f) or None for f in (*NARRATIVE_FIELDS, *PROPOSAL_SECTIONS)]
        cells += [inv.decree or None, inv.regulation or None, inv.video or None, inv.sdgs or None,
                  inv.awards or None]
        write_row(ws, r, cells)
        r += 1
    write_signature(ws, r + 2, 2017, 8)
    widths(ws, (5, 48, 34, 8, 28, 12, 14, 14, 10) + (40,) * 12 + (36, 16, 44, 20, 26))


def group_by_agency(rows: list[Innovation]) -> list[tuple[str, list[Innovation]]]:
    order = [a.name for a in AGENCIES]
    groups: dict[str, list[Innovation]] = {}
    for inv in sorted(rows, key=lambda inv: order.index(inv.agency)):
        groups.setdefault(inv.agency, []).append(inv)
    return list(groups.items())


def by_agency(rows: list[Innovation]) -> list[Innovation]:
    return [inv for _, items in group_by_agency(rows) for inv in items]


def write_row(ws, r: int, cells: list) -> None:
    for c, value in enumerate(cells, start=1):
        if value is not None:
            cell = ws.cell(r, c, value)
            if isinstance(value, datetime):
                cell.number_format = "DD/MM/YYYY"


def widths(ws, sizes: tuple) -> None:
    for i, size in enumerate(sizes, start=1):
        ws.column_dimensions[get_column_letter(i)].width = size


def sheet_rekap(wb, by_year: dict[int, list[Innovation]]) -> None:
    """Counts per agency per year typed in, SUM formulas per row and a TOTAL row, COUNTIF per stage."""
    ws = wb.create_sheet("REKAP")
    ws.cell(1, 1, "REKAPITULASI JUMLAH INOVASI PER SKPD TAHUN 2015-2017").font = BOLD
    ws.merge_cells("A1:F1")
    for c, head in enumerate(("No", "SKPD", "2015", "2016", "2017", "Jumlah"), start=1):
        ws.cell(3, c, head)
    style_header(ws, 3, 3, 6)
    counts = {year: Counter(inv.agency for inv in rows) for year, rows in by_year.items()}
    names = [a.name for a in AGENCIES if any(counts[y][a.name] for y in counts)]
    for i, name in enumerate(names, start=1):
        r = 3 + i
        ws.cell(r, 1, i), ws.cell(r, 2, name)
        for c, year in enumerate((2015, 2016, 2017), start=3):
            ws.cell(r, c, counts[year][name])
        ws.cell(r, 6, f"=SUM(C{r}:E{r})")
    total = 4 + len(names)
    ws.cell(total, 2, "TOTAL").font = BOLD
    for c in range(3, 7):
        col = get_column_letter(c)
        ws.cell(total, c, f"=SUM({col}4:{col}{total - 1})").font = BOLD
    stage_table(ws, total + 3)
    widths(ws, (5, 60, 10, 10, 10, 10))


def stage_table(ws, top: int) -> None:
    ws.cell(top, 2, "Tahapan (dihitung dari lembar tahunan)").font = BOLD
    stage_columns = {"2015": "E", "2016": "F", "2017": "F"}
    for i, (label, criterion) in enumerate((("Penerapan", "Penerapan"), ("Uji Coba", "Uji*"),
                                             ("Inisiatif", "Inisiatif")), start=1):
        ws.cell(top + i, 2, label)
        for c, (sheet, col) in enumerate(stage_columns.items(), start=3):
            ws.cell(top + i, c, f"=COUNTIF('{sheet}'!{col}:{col},\"{criterion}\")")
        ws.cell(top + i, 6, f"=SUM(C{top + i}:E{top + i})")


def sheet_ref(wb) -> None:
    """Hidden list of SKPD spellings, the source of the dropdowns in the year sheets."""
    ws = wb.create_sheet("ref")
    names = sorted({n for a in AGENCIES for n in (a.name, *(a.old or ()))})
    for r, name in enumerate(names, start=1):
        ws.cell(r, 1, name)
    ws.sheet_state = "hidden"
    for sheet, column in (("2015", "C"), ("2016", "C"), ("2017", "C")):
        validation = DataValidation(type="list", formula1=f"=ref!$A$1:$A${len(names)}", allow_blank=True)
        validation.showErrorMessage = False
        wb[sheet].add_data_validation(validation)
        validation.add(f"{column}8:{column}300")


def build_recap(rng, by_year: dict[int, list[Innovation]], properties) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    sheet_2015(wb, rng, by_year[2015])
    sheet_2016(wb, rng, by_year[2016])
    sheet_2017(wb, rng, by_year[2017])
    sheet_rekap(wb, by_year)
    sheet_ref(wb)
    wb.properties = properties
    return wb
