"""Every download button returns a file of the right type: chart images (PNG, SVG, PDF) from the server,
the view's rows (XLSX, CSV) and the report (PDF, Word) built in a background callback."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from urllib.parse import unquote

import openpyxl
import pypdf
import pytest
from playwright.sync_api import expect

SIGNATURES = {"png": b"\x89PNG\r\n\x1a\n", "svg": b"<svg", "pdf": b"%PDF-"}
CHART_PAGES = {"/": ["trend", "agency", "sector"], "/tren": ["year", "breakdown", "yoy"],
               "/opd": ["agency-rank", "heatmap", "compliance"], "/urusan": ["sector-rank", "sector-year"]}


def _download(page, open_menu: str, item: str, timeout: int = 60000) -> bytes:
    """Open a dropdown, click one of its items, and return the bytes of the file that comes back."""
    page.page.click(open_menu)
    with page.page.expect_download(timeout=timeout) as download:
        page.page.click(item)
    path = download.value.path()
    return download.value.suggested_filename, path.read_bytes()


def _chart_menu(name: str) -> str:
    return f'.chart-export:has([id*=\'"chart":"{name}"\']) .chart-export-toggle'


def _chart_item(name: str, fmt: str) -> str:
    return f'[id=\'{{"chart":"{name}","format":"{fmt}","type":"chart-export"}}\']'


@pytest.mark.parametrize("path,charts", CHART_PAGES.items())
def test_every_chart_downloads_as_png_svg_and_pdf(page, path, charts):
    page.open(path + "?from=2016&to=2017")
    for name in charts:
        for fmt in ("png", "svg", "pdf"):
            filename, data = _download(page, _chart_menu(name), _chart_item(name, fmt))
            assert filename == f"inovasi-{name}_2016-2017.{fmt}"
            assert data.startswith(SIGNATURES[fmt]), (name, fmt, data[:16])
    svg = _download(page, _chart_menu(charts[0]), _chart_item(charts[0], "svg"))[1].decode()
    assert "Tahun 2016–2017" in svg and "Sumber: data contoh (sintetis)" in svg
    page.assert_clean()


def test_breakdown_download_follows_the_chosen_dimension(page):
    page.open("/tren?from=2019&to=2019")
    svg = _download(page, _chart_menu("breakdown"), _chart_item("breakdown", "svg"))[1].decode()
    assert "Penerapan terbanyak" in svg
    page.page.click("label[for*='tren-by']:has-text('Jenis')")
    page.settle()
    svg = _download(page, _chart_menu("breakdown"), _chart_item("breakdown", "svg"))[1].decode()
    assert "Non Digital terbanyak" in svg and "Penerapan terbanyak" not in svg
    page.assert_clean()


def test_data_downloads_as_xlsx_and_csv_with_exactly_the_view(page):
    page.open("/inovasi?from=2016&to=2016")
    filename, data = _download(page, "#data-menu", "#data-export-xlsx")
    assert filename == "inovasi-data_2016-2016.xlsx" and zipfile.is_zipfile(io.BytesIO(data))
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook["Inovasi"].max_row - 1 == 67
    assert dict(workbook["Keterangan"].iter_rows(values_only=True))["Filter"] == "Tahun 2016"
    filename, data = _download(page, "#data-menu", "#data-export-csv")
    assert filename.endswith(".csv") and data.startswith(b"\xef\xbb\xbf")
    assert len(list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))) == 68
    page.assert_clean()


def test_the_search_box_writes_q_and_the_data_download_holds_exactly_the_grids_rows(page):
    page.open("/inovasi?from=2016&to=2016")
    page.page.fill("#inovasi-search", "kesehatan")
    page.page.press("#inovasi-search", "Enter")
    page.page.wait_for_url(re.compile(r"/inovasi\?from=2016&to=2016&q=kesehatan$"))
    expect(page.page.locator("#inovasi-count")).to_have_text("12 inovasi")
    expect(page.page.locator("#filter-chips")).to_contain_text('Cari: "kesehatan"')
    page.page.wait_for_function("document.querySelectorAll('#inovasi-grid .ag-center-cols-container .ag-row').length"
                                " === 12")
    hrefs = page.page.eval_on_selector_all("#inovasi-grid .ag-row a", "links => links.map(a => a.pathname)")
    grid_ids = sorted(unquote(href.rsplit("/", 1)[1]) for href in hrefs)
    filename, data = _download(page, "#data-menu", "#data-export-csv")
    assert filename == "inovasi-data_2016-2016_kesehatan.csv"
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert sorted(row[header.index("Kode")] for row in rows) == grid_ids and len(grid_ids) == 12
    # a copied link shows the same view, the box filled in; removing the chip clears both
    page.open("/inovasi?from=2016&to=2016&q=kesehatan")
    expect(page.page.locator("#inovasi-search")).to_have_value("kesehatan")
    expect(page.page.locator("#inovasi-count")).to_have_text("12 inovasi")
    page.page.click("#filter-chips a:has-text('Cari')")
    page.page.wait_for_url(re.compile(r"/inovasi\?from=2016&to=2016$"))
    expect(page.page.locator("#inovasi-count")).to_have_text("67 inovasi")
    expect(page.page.locator("#inovasi-search")).to_have_value("")
    page.assert_clean()


def test_report_downloads_as_pdf_and_docx_while_the_page_stays_usable(page):
    page.open("/?from=2016&to=2016")
    page.page.click("#report-menu")
    with page.page.expect_download(timeout=120000) as download:
        page.page.click("#report-export-pdf")
        page.page.wait_for_selector("#report-progress-wrap:not(.d-none)", timeout=20000)
        page.page.click("text=Lihat tabel >> nth=0")  # the page answers while the report is made
        page.page.wait_for_selector("#table-trend", state="visible")
    assert download.value.suggested_filename == "laporan-inovasi_2016-2016.pdf"
    reader = pypdf.PdfReader(download.value.path())
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) >= 2 and "Tampilan ini memuat 67 inovasi." in text
    page.page.wait_for_selector("#report-progress-wrap.d-none", state="attached", timeout=20000)
    filename, data = _download(page, "#report-menu", "#report-export-docx", timeout=120000)
    assert filename.endswith(".docx") and zipfile.is_zipfile(io.BytesIO(data))
    assert b"word/document.xml" in data
    page.assert_clean()
