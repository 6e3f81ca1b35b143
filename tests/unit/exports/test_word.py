"""What every Word document shares (exports.word): A4, one font in every style, tables that fit the page."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Mm

from exports.word import FONT, STYLES, TEXT_WIDTH, fit_table, new_document, page_footer
from i18n import locale_tag


def test_a_new_document_is_a4_in_one_font_in_its_language():
    document = new_document("en")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert abs(section.page_width - section.left_margin - section.right_margin - TEXT_WIDTH) < Mm(0.1)  # in twips
    for name in STYLES:  # headings too: no theme font (Calibri Light/Cambria) left to fall back from
        fonts = document.styles[name].element.rPr.rFonts
        assert {fonts.get(qn(f"w:{script}")) for script in ("ascii", "hAnsi", "cs", "eastAsia")} == {FONT}
        assert fonts.get(qn("w:asciiTheme")) is None
    assert document.core_properties.language == locale_tag("en")


def test_a_fitted_table_fills_the_text_width_keeps_its_header_and_rows_whole():
    document = new_document("id")
    table = document.add_table(rows=3, cols=3)
    table.rows[0].cells[0].text, table.rows[1].cells[0].text = "Kolom", "isi"
    fit_table(table, [0.5, 0.25, 0.25], font_size=8.5)
    widths = [cell.width for cell in table.rows[1].cells]
    assert sum(widths) <= TEXT_WIDTH and sum(widths) > TEXT_WIDTH * 0.99 and widths[0] == 2 * widths[1]
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"  # Word does not re-fit it
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
    header = table.rows[0].cells[0].paragraphs[0]
    assert header.paragraph_format.keep_with_next and header.runs[0].font.bold
    assert table.rows[1].cells[0].paragraphs[0].runs[0].font.size.pt == 8.5
    assert not table.rows[1].cells[0].paragraphs[0].paragraph_format.keep_with_next


def test_a_table_without_header_repeats_nothing():
    document = new_document("id")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "Nama"
    fit_table(table, [0.3, 0.7], header=False)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is None
    assert not table.rows[0].cells[0].paragraphs[0].runs[0].font.bold


def test_the_footer_numbers_the_pages_in_the_documents_language():
    document = new_document("id")
    page_footer(document, "KIPP 2025 · Antrean SMS", "id")
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("KIPP 2025 · Antrean SMS") and "Halaman" in footer.text and "dari" in footer.text
    assert " PAGE " in footer._p.xml and " NUMPAGES " in footer._p.xml
