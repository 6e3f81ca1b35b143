"""The report as Word (.docx, python-docx): A4, "Halaman N dari M" fields in the footer, real headings and
tables that a planner can edit, and the charts as PNG pictures (title, filters and source drawn in).
"""

from __future__ import annotations

import io
import os

import pandas as pd
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from exports.report.model import CHART_SHARE, ChartPart, ListPart, Report, TablePart
from i18n import locale_tag, t

PAGE_W, PAGE_H, MARGIN = Mm(210), Mm(297), Mm(18)
MUTED = RGBColor(0x49, 0x50, 0x57)


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


def _footer(document, report: Report) -> None:
    """"<title> · <region>" then "Halaman N dari M" with live fields, small and grey."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    words = t("report.page", report.lang, page="\0PAGE\0", pages="\0NUMPAGES\0").split("\0")
    paragraph.add_run(f"{report.title} · {report.subtitle}    ")
    for index, part in enumerate(words):
        if index % 2:
            _field(paragraph, part)
        elif part:
            paragraph.add_run(part)
    for run in paragraph.runs:
        run.font.size, run.font.color.rgb = Pt(8), MUTED


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(document, frame: pd.DataFrame) -> None:
    table = document.add_table(rows=1, cols=max(1, len(frame.columns)))
    table.style = "Light List Accent 1" if "Light List Accent 1" in [s.name for s in document.styles] else None
    for cell, name in zip(table.rows[0].cells, frame.columns):
        cell.text = str(name)
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    _repeat_header(table.rows[0])
    for row in frame.itertuples(index=False):
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = "" if value is None else str(value)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8.5)
    document.add_paragraph()


def _picture(document, chart: ChartPart) -> None:
    """The chart across the text width, or at the PDF's chart share of the text height when taller than
    that (the same size as in the PDF); the width it is placed at is kept on the chart, in points."""
    from PIL import Image as PILImage

    png = chart.image
    with PILImage.open(io.BytesIO(png)) as picture:
        width_px, height_px = picture.size
    width = PAGE_W - 2 * MARGIN
    height_limit = int((PAGE_H - 2 * MARGIN - Mm(20)) * CHART_SHARE)
    if width * height_px / width_px > height_limit:
        shape = document.add_picture(io.BytesIO(png), height=height_limit)
    else:
        shape = document.add_picture(io.BytesIO(png), width=width)
    chart.placed_width = shape.width.pt
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _blocks(document, blocks: list) -> None:
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
        elif isinstance(block, ListPart):
            document.add_heading(block.title, level=2)
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        elif isinstance(block, TablePart):
            document.add_heading(block.title, level=2)
            _table(document, block.frame)
        elif isinstance(block, ChartPart):
            if block.image is not None:
                _picture(document, block)
            else:
                document.add_heading(block.title, level=2)
                if not block.table.empty:
                    _table(document, block.table)


def _page_setup(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_W, PAGE_H
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    document.styles["Normal"].font.size = Pt(10)


def write_docx(report: Report, path: str | os.PathLike) -> None:
    """Write `report` to `path` as an A4 Word document with page numbers."""
    document = Document()
    _page_setup(document)
    properties = document.core_properties
    properties.title, properties.subject, properties.author = report.title, report.filters, "Dasbor Inovasi"
    properties.language = locale_tag(report.lang)
    document.add_heading(report.title, level=0)
    subtitle = document.add_paragraph(report.subtitle)
    subtitle.runs[0].font.size, subtitle.runs[0].font.color.rgb = Pt(13), MUTED
    for line in (report.created, report.filters, report.count, report.source, *report.notes):
        document.add_paragraph(line)
    for section in report.sections:  # no page breaks: Word keeps a heading with what follows it
        document.add_heading(section.heading, level=1)
        _blocks(document, section.blocks)
    _footer(document, report)
    document.save(str(path))
