"""The report as PDF (reportlab): A4 portrait, "Halaman N dari M" on every page, text that a PDF reader
can search and copy (not a picture of a page).

Packing: sections flow on without page breaks, a heading always stays with what follows it, and no
chart is taller than CHART_SHARE of the text frame. A block pushed to the next page therefore leaves
at least the rest of a page's share behind it, and the report ends with the readiness chart kept with
its note, so no page is left nearly empty (tests/unit/exports/test_report_layout.py measures the ink).

Fonts: DejaVu Sans or Liberation Sans from the system when present, else the Bitstream Vera that
ships inside reportlab, so accents, "–" and "·" always print, and nothing is fetched.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from exports.report.model import CHART_SHARE, ChartPart, ListPart, Report, TablePart, column_shares
from i18n import t

FONT, BOLD = "DasborSans", "DasborSans-Bold"
FONT_CANDIDATES = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
]
MARGIN = 18 * mm
TEXT, MUTED, RULE, HEADER_BG = colors.HexColor("#212529"), colors.HexColor("#495057"), colors.HexColor("#CED4DA"), \
    colors.HexColor("#E9EEF3")


def register_fonts() -> None:
    """Register the report's font family once (system TTF, else reportlab's bundled Vera)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    import reportlab

    bundled = Path(reportlab.__file__).parent / "fonts"
    pairs = FONT_CANDIDATES + [(str(bundled / "Vera.ttf"), str(bundled / "VeraBd.ttf"))]
    regular, bold = next((r, b) for r, b in pairs if os.path.isfile(r) and os.path.isfile(b))
    pdfmetrics.registerFont(TTFont(FONT, regular))
    pdfmetrics.registerFont(TTFont(BOLD, bold))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, textColor=TEXT, spaceAfter=6)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=22, leading=27, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=13, leading=17, textColor=MUTED, spaceAfter=14),
        "meta": ParagraphStyle("meta", parent=base, fontSize=10.5, leading=15, spaceAfter=3),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=16, leading=20, spaceBefore=12, spaceAfter=8,
                             keepWithNext=1),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=6, spaceAfter=5,
                             keepWithNext=1),
        "item": ParagraphStyle("item", parent=base, leftIndent=12, bulletIndent=2, spaceAfter=3),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=10.5, spaceAfter=0),
        "head": ParagraphStyle("head", parent=base, fontName=BOLD, fontSize=8.5, leading=10.5, spaceAfter=0),
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=12.5, textColor=MUTED),
    }


def _numbered_canvas(report: Report):
    """A canvas that writes "Halaman N dari M" once the page count is known (two passes over the pages)."""

    class NumberedCanvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = A4
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
            self.drawString(MARGIN, 8 * mm, f"{report.title} · {report.subtitle}")
            self.drawRightString(width - MARGIN, 8 * mm,
                                 t("report.page", report.lang, page=self._pageNumber, pages=total))

    return NumberedCanvas


def _table(frame: pd.DataFrame, styles: dict, width: float) -> Table:
    """A table of display strings; the first column wider, the header repeated on every page."""
    columns = [str(c) for c in frame.columns]
    widths = [width * share for share in column_shares(len(columns))]
    rows = [[Paragraph(escape(c), styles["head"]) for c in columns]]
    rows += [[Paragraph(escape("" if v is None else str(v)), styles["cell"]) for v in row]
             for row in frame.itertuples(index=False)]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _jpeg(png: bytes) -> tuple[bytes, tuple[int, int]]:
    """PNG -> JPEG at quality 92 without chroma subsampling (text stays crisp): reportlab embeds a
    JPEG as it is, while a PNG is decoded and deflated again in Python (~0.3 s a chart)."""
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(png)) as picture:
        rgb = picture.convert("RGB")
    out = io.BytesIO()
    rgb.save(out, "JPEG", quality=92, subsampling=0)
    return out.getvalue(), rgb.size


def _image(chart: ChartPart, width: float, max_height: float) -> Image:
    """The chart at the frame's width, scaled down (keeping its shape) when taller than max_height;
    the width it is placed at is kept on the chart (its smallest text in points follows from it)."""
    jpeg, (pixels_w, pixels_h) = _jpeg(chart.image)
    draw_w, draw_h = width, width * pixels_h / pixels_w
    if draw_h > max_height:
        draw_w, draw_h = draw_w * max_height / draw_h, max_height
    chart.placed_width = draw_w
    return Image(io.BytesIO(jpeg), width=draw_w, height=draw_h, hAlign="CENTER")


def _blocks(blocks: list, styles: dict, width: float, max_height: float) -> list:
    flow: list = []
    for block in blocks:
        if isinstance(block, str):
            flow.append(Paragraph(escape(block), styles["body"]))
        elif isinstance(block, ListPart):
            flow.append(Paragraph(escape(block.title), styles["h2"]))
            flow += [Paragraph(escape(item), styles["item"], bulletText="•") for item in block.items]
            flow.append(Spacer(1, 6))
        elif isinstance(block, TablePart):
            flow += [Paragraph(escape(block.title), styles["h2"]), _table(block.frame, styles, width), Spacer(1, 8)]
        elif isinstance(block, ChartPart):
            if block.image is not None:
                flow += [_image(block, width, max_height), Spacer(1, 10)]
            else:  # no image (no Chromium, or nothing to draw): the title and the numbers
                flow.append(Paragraph(escape(block.title), styles["h2"]))
                if not block.table.empty:
                    flow += [_table(block.table, styles, width), Spacer(1, 8)]
    return flow


def write_pdf(report: Report, path: str | os.PathLike) -> None:
    """Write `report` to `path` as an A4 PDF with page numbers."""
    register_fonts()
    rl_config.useA85 = 0  # binary image streams: ASCII85 in pure Python costs ~1 s a report, saves nothing
    styles = _styles()
    document = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                                 bottomMargin=MARGIN + 4 * mm, title=report.title, author="Dasbor Inovasi",
                                 subject=report.filters, lang=report.lang)
    width, max_height = document.width, document.height * CHART_SHARE
    flow = [Paragraph(escape(report.title), styles["title"]), Paragraph(escape(report.subtitle), styles["subtitle"]),
            Paragraph(escape(report.created), styles["meta"]), Paragraph(escape(report.filters), styles["meta"]),
            Paragraph(escape(report.count), styles["meta"]),
            Paragraph(escape(report.source), styles["meta"])]
    flow += [Paragraph(escape(note), styles["note"]) for note in report.notes]
    flow.append(Spacer(1, 12))
    for section in report.sections:
        flow.append(Paragraph(escape(section.heading), styles["h1"]))
        flow += _blocks(section.blocks, styles, width, max_height)
    flow[-3:] = [KeepTogether(flow[-3:])]  # the last chart with its note (and spacer): the last page is never bare
    document.build(flow, canvasmaker=_numbered_canvas(report))
