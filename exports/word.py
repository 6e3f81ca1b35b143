"""What every Word document the product writes shares (python-docx): A4 with the report's margins, one
sans-serif font in every style (Arial: on every office PC, and metric-compatible Liberation Sans where
LibreOffice runs), "Halaman N dari M" in the footer, and tables that fit the text width: fixed column
widths from shares of it, the header row bold, repeated on every page and kept with the first row, and no
row split across two pages.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from i18n import locale_tag, t

PAGE_W, PAGE_H, MARGIN = Mm(210), Mm(297), Mm(18)
TEXT_WIDTH = Emu(PAGE_W - 2 * MARGIN)
FONT = "Arial"
MUTED = RGBColor(0x49, 0x50, 0x57)
CELL_PADDING = Pt(3)
TWIP = 635  # EMU
STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "List Bullet", "Quote")


def new_document(lang: str) -> Document:
    """An empty A4 portrait document in FONT, its language set to `lang`'s locale."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_W, PAGE_H
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    for name in STYLES:
        _set_font(document.styles[name])
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.language = locale_tag(lang)
    return document


def _set_font(style) -> None:
    """FONT for every script of `style` (python-docx's font.name sets only the Latin ones; a heading
    style otherwise keeps its theme font)."""
    style.font.name = FONT
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the pages out: begin, instruction,
    separate, a placeholder value, end, each in its own run as Word writes them."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", "1"), ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def page_footer(document, label: str, lang: str) -> None:
    """"<label>" then "Halaman N dari M" with live fields, small and grey, on the right."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    words = t("report.page", lang, page="\0PAGE\0", pages="\0NUMPAGES\0").split("\0")
    paragraph.add_run(f"{label}    ")
    for index, part in enumerate(words):
        if index % 2:
            _field(paragraph, part)
        elif part:
            paragraph.add_run(part)
    for run in paragraph.runs:
        run.font.size, run.font.color.rgb = Pt(8), MUTED


def _row_property(row, name: str) -> None:
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def fit_table(table, shares, font_size: float | None = None, header: bool = True) -> None:
    """Lay `table` out at fixed widths: column i gets shares[i] of the text width (shares sum to 1), cells
    padded CELL_PADDING on each side as in the PDF. With `header`, its first row is the header (bold,
    repeated on each page, kept with the next row); no row is split across pages; `font_size` (points),
    when given, for every cell."""
    table.autofit = False
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.append(layout)
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(int(CELL_PADDING.pt * 20)))  # twentieths of a point
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties.append(margins)
    widths = [Emu(int(TEXT_WIDTH * share) // TWIP * TWIP) for share in shares]  # Word keeps whole twips
    for column, width in zip(table.columns, widths):
        column.width = width
    for index, row in enumerate(table.rows):
        _row_property(row, "w:cantSplit")
        heading = header and index == 0
        for cell, width in zip(row.cells, widths):
            cell.width = width
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = heading
                for run in paragraph.runs:
                    run.font.bold = True if heading else run.font.bold
                    if font_size:
                        run.font.size = Pt(font_size)
    if header and len(table.rows):
        _row_property(table.rows[0], "w:tblHeader")
