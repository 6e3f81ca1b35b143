"""The report as Word (.docx, python-docx): A4, "Halaman N dari M" fields in the footer, real headings and
tables that a planner can edit (laid out like the PDF's, exports.word), and the charts as PNG pictures
(title, filters and source drawn in) at the PDF's size.
"""

from __future__ import annotations

import io
import os
import re

import pandas as pd
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from exports.report.model import CHART_SHARE, ChartPart, ListPart, Report, TablePart, column_shares
from exports.word import MARGIN, MUTED, PAGE_H, TEXT_WIDTH, fit_table, new_document, page_footer

NUMBER = re.compile(r"^[+\-−]?[\d.,]+%?$")  # a cell that is a number: right-aligned


def _table(document, frame: pd.DataFrame) -> None:
    """A table of display strings at the PDF's column shares (names wide, years narrow); a column of
    numbers only is aligned on the right."""
    table = document.add_table(rows=1, cols=max(1, len(frame.columns)))
    table.style = "Light List Accent 1" if "Light List Accent 1" in [s.name for s in document.styles] else None
    for cell, name in zip(table.rows[0].cells, frame.columns):
        cell.text = str(name)
    texts = frame.astype(object).where(frame.notna(), "").astype(str)
    for row in texts.itertuples(index=False):
        for cell, value in zip(table.add_row().cells, row):
            cell.text = value
    for column, name in zip(table.columns, texts.columns):
        if len(texts) and texts[name].map(lambda text: bool(NUMBER.match(text))).all():
            for cell in column.cells:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fit_table(table, column_shares(len(table.columns)), font_size=8.5)
    document.add_paragraph()


def _picture(document, chart: ChartPart) -> None:
    """The chart across the text width, or at the PDF's chart share of the text height when taller than
    that (the same size as in the PDF); the width it is placed at is kept on the chart, in points."""
    from PIL import Image as PILImage

    png = chart.image
    with PILImage.open(io.BytesIO(png)) as picture:
        width_px, height_px = picture.size
    width = TEXT_WIDTH
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


def write_docx(report: Report, path: str | os.PathLike) -> None:
    """Write `report` to `path` as an A4 Word document with page numbers."""
    document = new_document(report.lang)
    properties = document.core_properties
    properties.title, properties.subject, properties.author = report.title, report.filters, "Dasbor Inovasi"
    document.add_heading(report.title, level=0)
    subtitle = document.add_paragraph(report.subtitle)
    subtitle.runs[0].font.size, subtitle.runs[0].font.color.rgb = Pt(13), MUTED
    for line in (report.created, report.filters, report.count, report.source, *report.notes):
        document.add_paragraph(line)
    for section in report.sections:  # no page breaks: Word keeps a heading with what follows it
        document.add_heading(section.heading, level=1)
        _blocks(document, section.blocks)
    page_footer(document, f"{report.title} · {report.subtitle}", report.lang)
    document.save(str(path))
