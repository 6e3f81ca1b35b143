"""The report of the view (exports.report): its content, and as PDF and Word files."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
import pypdf
import pytest

from analytics.filters import Filters
from dashboard.sources import DataSource
from exports.report import build as report_build
from exports.report.build import build_report, render_images
from exports.report.docx import write_docx
from exports.report.formats import report_bytes, write_report
from exports.report.model import ChartPart, ListPart, TablePart
from charts.views import Context
from exports.word import FONT, TEXT_WIDTH

TODAY = dt.date(2018, 3, 8)


@pytest.fixture(scope="module")
def sample():
    return DataSource().dataset()


@pytest.fixture(scope="module")
def view_2016(sample):
    return Context.build(sample, Filters(year_from=2016, year_to=2016))


@pytest.fixture(scope="module")
def pdf_2016(view_2016, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "laporan.pdf"
    steps = []
    write_report(view_2016, path, progress=lambda step, total: steps.append((step, total)), today=TODAY)
    return pypdf.PdfReader(path), steps


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_report_holds_findings_kpis_each_chart_once_one_agency_and_readiness(view_2016):
    report = build_report(view_2016, TODAY)
    assert [s.heading for s in report.sections] == ["Ringkasan", "Tren", "Perangkat Daerah", "Urusan",
                                                     "Kesiapan proposal KIPP"]
    assert report.created == "Dibuat 8 Maret 2018"
    assert report.filters == "Filter aktif: Tahun 2016"
    assert report.count == "Tampilan ini memuat 67 inovasi."
    findings, kpis = report.sections[0].blocks[:2]
    assert isinstance(findings, ListPart) and findings.items[0] == "67 inovasi pada 2016"
    assert "Satu OPD Satu Inovasi: 44% OPD berinovasi pada 2016" in findings.items
    assert isinstance(kpis, TablePart) and kpis.frame.iloc[0].tolist() == ["Inovasi dalam tampilan", "67"]
    # each chart once; the year-on-year chart needs two years, so a one-year view leaves it out
    assert [c.name for c in report.charts()] == ["trend", "breakdown", "agency", "compliance", "sector", "readiness"]
    tables = [b.title for s in report.sections for b in s.blocks if isinstance(b, TablePart)]
    assert any("perangkat daerah berinovasi setiap tahun" in title for title in tables)  # the heatmap, as a table
    readiness = next(b for b in report.sections[-1].blocks if isinstance(b, TablePart))
    assert sum(int(v) for v in readiness.frame.iloc[:, 1]) == 67


def test_pdf_is_a4_paginated_and_states_the_count_and_filters(pdf_2016):
    reader, steps = pdf_2016
    assert len(reader.pages) >= 2
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = _text(reader)
    assert "Filter aktif: Tahun 2016" in text
    assert "Inovasi dalam tampilan\n67" in text or "Inovasi dalam tampilan 67" in text
    assert f"Halaman 1 dari {len(reader.pages)}" in text
    assert f"Halaman {len(reader.pages)} dari {len(reader.pages)}" in text
    assert "Satu OPD Satu Inovasi" in text and "Kesiapan proposal KIPP" in text
    assert sum(len(page.images) for page in reader.pages) == 6  # every chart with data (yoy needs 2 years)
    assert steps[-1][0] == steps[-1][1]


def test_docx_has_headings_tables_charts_and_page_fields(view_2016):
    data, filename = report_bytes(view_2016.__class__.build(view_2016.dataset, view_2016.filters.replace(lang="en")),
                                  "docx")
    assert filename == "laporan-inovasi_2016-2016.docx"
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Public-Service Innovation Report" in text and "Active filters: Year 2016" in text
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == ["Overview", "Trends", "Agencies", "Sectors", "KIPP proposal readiness"]
    assert "Main findings" in text
    assert len(document.inline_shapes) == 6
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Innovations in view" in cells and "67" in cells
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = section.footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer


@pytest.fixture(scope="module")
def word(sample, tmp_path_factory):
    """The whole sample's report as Word, read back (and the report, its charts' placed widths set)."""
    report = render_images(build_report(Context.build(sample, Filters()), TODAY))
    path = tmp_path_factory.mktemp("word") / "laporan.docx"
    write_docx(report, path)
    return report, docx.Document(str(path))


def test_docx_tables_fit_the_page_names_wide_and_numbers_on_the_right(word):
    _, document = word
    years = [table for table in document.tables if len(table.columns) > 8]
    assert len(years) == 2  # agency × year and sector × year, as top-10 tables
    for table in document.tables:
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for row in table.rows:
            assert sum(cell.width for cell in row.cells) <= TEXT_WIDTH
    for table in years:  # the names get their room: no more squeezed than the PDF's, years readable
        name, *year_columns = [cell.width for cell in table.rows[0].cells]
        assert name >= 0.28 * TEXT_WIDTH * 0.99 and min(year_columns) >= Mm(11)
        assert [row.cells[1].paragraphs[0].alignment for row in table.rows] == [WD_ALIGN_PARAGRAPH.RIGHT] * len(table.rows)
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on a new page
    kpis = next(table for table in document.tables if len(table.columns) == 2)  # mixed words: left-aligned
    assert kpis.rows[2].cells[1].paragraphs[0].alignment is None


def test_docx_charts_are_placed_as_large_as_in_the_pdf(word):
    report, document = word
    assert [round(shape.width.pt, 1) for shape in document.inline_shapes] == [
        round(chart.placed_width, 1) for chart in report.charts() if chart.image is not None]
    for shape in document.inline_shapes:
        assert shape.width <= TEXT_WIDTH
    assert min(chart.smallest_text_pt() for chart in report.charts() if chart.image is not None) >= 8.0
    assert {p.style.font.name for p in document.paragraphs} == {FONT}


def test_without_chromium_the_report_keeps_the_numbers_and_says_why(view_2016, tmp_path, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    path = write_report(view_2016, tmp_path / "r.pdf", today=TODAY)
    reader = pypdf.PdfReader(path)
    text = _text(reader)
    assert "Grafik tidak disertakan: Chromium tidak terpasang di server." in text
    assert "Dinas Kesehatan paling banyak berinovasi (10)" in text  # the chart's title and its table
    assert sum(len(page.images) for page in reader.pages) == 0


def test_an_empty_view_still_makes_a_report(sample, tmp_path):
    ctx = Context.build(sample, Filters(year_from=1990, year_to=1990))
    report = build_report(ctx, TODAY)
    assert all(chart.empty for chart in report.charts())
    reader = pypdf.PdfReader(write_report(ctx, tmp_path / "kosong.pdf", today=TODAY))
    assert "Inovasi dalam tampilan" in _text(reader)


def test_unknown_format_is_refused(view_2016, tmp_path):
    with pytest.raises(ValueError, match="unknown report format: odt") as raised:
        write_report(view_2016, tmp_path / "r.odt")
    assert raised.value.message("id") == "format laporan tidak dikenal: odt (pilih pdf atau docx)"


def test_chart_parts_are_framed_for_the_report_width(view_2016):
    chart = build_report(view_2016, TODAY).charts()[0]
    assert isinstance(chart, ChartPart)
    assert chart.figure.layout.width == report_build.REPORT_WIDTH
    assert chart.figure.layout.title.subtitle.text == "Tahun 2016"
