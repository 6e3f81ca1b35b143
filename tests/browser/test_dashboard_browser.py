"""The dashboard in a real browser on the sample data: pages, filters in the URL, cross-filtering,
language, phone layout. Screenshots of every page go to tests/browser/screenshots/."""

from __future__ import annotations

import os
import re
import shutil
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from analytics import metrics
from analytics.filters import Filters
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS

DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAGES = {
    "ringkasan": ("/", ["chart-trend", "chart-agency", "chart-sector"]),
    "tren": ("/tren", ["chart-year", "chart-breakdown", "chart-yoy"]),
    "opd": ("/opd", ["chart-agency-rank", "chart-heatmap", "chart-compliance"]),
    "urusan": ("/urusan", ["chart-sector-rank", "chart-sector-year"]),
    "inovasi": ("/inovasi", []),
}
# the two screenshots the README shows, refreshed by `make screenshots` (not by every test run, which
# would leave the working tree dirty with re-rendered images)
UPDATE_README = os.environ.get("DASBOR_UPDATE_SCREENSHOTS") == "1"
FOR_README = {("ringkasan", "desktop"): "ringkasan-desktop.png", ("opd", "phone"): "opd-phone.png"}


@lru_cache(maxsize=1)
def sample_frame():
    from loaders import SAMPLE_DIR, load_paths

    return load_paths([SAMPLE_DIR]).frame


def count(**filters) -> str:
    return str(len(Filters(**filters).apply(sample_frame())))


def query_of(url: str) -> dict:
    return parse_qs(urlparse(url).query)


def kpi_total(page) -> str:
    return page.page.inner_text("#kpi-total").replace(".", "")


def expect_kpi_total(page, expected: str) -> None:
    """Wait until the KPI shows `expected` (callbacks answer after the URL changed)."""
    expect(page.page.locator("#kpi-total")).to_have_text(re.compile("^" + re.escape(
        f"{int(expected):,}".replace(",", ".")) + "$"), timeout=15000)


def assert_charts_drawn(page, chart_ids, phone: bool = False):
    """Every chart drawn; on a phone a year heatmap's top-10 table shows in its place (views.PHONE_TABLES)."""
    from charts.views import PHONE_TABLES

    for chart_id in chart_ids:
        name = chart_id.removeprefix("chart-")
        if phone and name in PHONE_TABLES:
            page.page.wait_for_selector(f"#phone-{name} table", state="visible", timeout=20000)
            continue
        page.page.wait_for_selector(f"#{chart_id} .main-svg", timeout=20000)
        assert page.page.locator(f"#{chart_id} .main-svg").count() >= 1, chart_id


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_and_is_screenshotted(browser, server, name, size):
    from tests.browser.conftest import Page

    path, charts = PAGES[name]
    viewport = DESKTOP if size == "desktop" else PHONE
    page = Page(browser, server, viewport)
    try:
        page.open(path)
        assert_charts_drawn(page, charts, phone=size == "phone")
        if name == "inovasi":
            page.page.wait_for_selector("#inovasi-grid .ag-row", timeout=20000)
        width = page.page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{path} scrolls sideways at {viewport['width']} px ({width})"
        SCREENSHOTS.mkdir(exist_ok=True)
        target = SCREENSHOTS / f"{name}-{size}.png"
        page.page.screenshot(path=str(target), full_page=True)
        if UPDATE_README and (name, size) in FOR_README:
            DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, DOCS_SCREENSHOTS / FOR_README[(name, size)])
        page.assert_clean()
    finally:
        page.context.close()


@pytest.mark.parametrize("query, expected", [("?from=2016&to=2016", "67"), ("?from=2015&to=2017", "202")])
def test_kpi_total_counts_the_view(page, query, expected):
    page.open("/" + query)
    assert kpi_total(page) == expected
    page.assert_clean()


def test_changing_a_filter_updates_the_url_and_the_charts(page):
    page.open("/?from=2015&to=2017")
    before = page.page.inner_text("#title-trend")
    page.page.click("#filter-stage")
    page.page.get_by_role("option", name=re.compile(r"^Penerapan")).click()
    page.page.wait_for_url(re.compile(r"stage=Penerapan"))
    page.settle()
    assert query_of(page.page.url) == {"from": ["2015"], "to": ["2017"], "stage": ["Penerapan"]}
    expect_kpi_total(page, count(year_from=2015, year_to=2017, stage="Penerapan"))
    expect(page.page.locator("#caption-trend")).to_contain_text("Tahapan: Penerapan")
    assert page.page.inner_text("#title-trend") != before
    page.page.go_back()
    page.page.wait_for_url(re.compile(r"to=2017$"))
    expect_kpi_total(page, "202")
    page.assert_clean()


def test_opening_a_url_restores_its_filters(page):
    page.open("/opd?from=2016&to=2018&sector=Kesehatan&stage=Uji+Coba")
    chips = page.page.inner_text("#filter-chips")
    assert "Tahun: 2016 – 2018" in chips and "Urusan: Kesehatan" in chips and "Tahapan: Uji Coba" in chips
    assert "Kesehatan" in page.page.inner_text("#filter-sector")
    assert "Uji Coba" in page.page.inner_text("#filter-stage")
    assert "Tahun 2016–2018 · Urusan: Kesehatan · Tahapan: Uji Coba" in page.page.inner_text("#caption-heatmap")
    page.assert_clean()


def test_clicking_an_agency_bar_filters_by_it(page):
    page.open("/?from=2015&to=2017")
    view = Filters(year_from=2015, year_to=2017).apply(sample_frame())
    top = metrics.rank(view, "agency").iloc[0]
    bar = page.page.locator("#chart-agency .bars .point path").first
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.page.wait_for_url(re.compile(r"agency="))
    assert query_of(page.page.url)["agency"] == [top["value"]]
    expect_kpi_total(page, str(top["count"]))
    expect(page.page.locator("#filter-chips")).to_contain_text(top["value"])
    page.assert_clean()


@pytest.mark.parametrize("path, chart", [("/", "trend"), ("/tren", "year"), ("/tren", "yoy")])
def test_clicking_a_year_bar_filters_by_that_year(page, path, chart):
    page.open(path + "?from=2015&to=2020")
    bars = page.page.locator(f"#chart-{chart} .bars .point path")
    bars.first.wait_for()
    year = 2017 if chart == "yoy" else 2016  # the second bar (the YoY chart starts a year later)
    bar = bars.nth(1)
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.page.wait_for_url(re.compile(rf"to={year}(&|$)"))
    assert query_of(page.page.url)["from"] == [str(year)]
    if path == "/":
        expect_kpi_total(page, str(len(Filters(year_from=year, year_to=year).apply(sample_frame()))))
    page.assert_clean()


def test_removing_a_chip_and_reset(page):
    page.open("/tren?from=2016&to=2017&kind=Digital")
    page.page.locator("#filter-chips a", has_text="Jenis").click()
    page.page.wait_for_url(re.compile(r"/tren\?from=2016&to=2017$"))
    page.settle()
    page.page.click("#filter-reset")
    page.page.wait_for_url(re.compile(r"/tren$"))
    expect(page.page.locator("#filter-chips")).to_have_text("Tanpa filter")
    page.assert_clean()


def test_the_tab_title_follows_the_page_and_the_language(page):
    page.open("/tren?lang=en")
    expect(page.page).to_have_title("Trends · Innovation Dashboard")
    page.page.click("#lang-switch")
    expect(page.page).to_have_title("Tren · Dasbor Inovasi")
    page.page.locator(".app-navbar a", has_text="Kesiapan KIPP").click()
    expect(page.page).to_have_title("Kesiapan KIPP · Dasbor Inovasi")
    page.open("/inovasi?lang=en")
    page.page.locator("#inovasi-grid .ag-row a").first.click()
    expect(page.page).to_have_title("Innovation detail · Innovation Dashboard")
    page.assert_clean()


@pytest.mark.parametrize("lang, tooltip", [("id", "Unduh grafik sebagai PNG"), ("en", "Download plot as a PNG")])
def test_the_chart_toolbar_speaks_the_language(page, lang, tooltip):
    page.open(f"/tren?lang={lang}")
    button = page.page.locator("#chart-year .modebar-btn").first
    button.wait_for(state="attached")
    assert button.get_attribute("data-title") == tooltip
    page.assert_clean()


def test_lang_en_switches_the_ui(page):
    page.open("/?from=2015&to=2017&lang=en")
    assert page.page.inner_text("h1") == "Public-service innovations at a glance"
    assert "Overview" in page.page.inner_text(".app-navbar")
    assert page.page.evaluate("document.documentElement.lang") == "en"
    assert "Source:" in page.page.inner_text("#caption-trend")
    page.page.click("#lang-switch")
    page.page.wait_for_url(re.compile(r"/\?from=2015&to=2017$"))
    expect(page.page.locator("h1")).to_have_text("Ringkasan inovasi pelayanan publik")
    expect(page.page.locator(".app-navbar")).to_contain_text("Ringkasan")
    page.assert_clean()


def test_lihat_tabel_shows_the_numbers(page):
    page.open("/?from=2015&to=2017")
    page.page.click("#title-trend ~ button, .chart-table-toggle >> nth=0")
    page.page.wait_for_selector("#table-trend table", state="visible")
    assert page.page.inner_text("#table-trend tbody tr:first-child") .split() == ["2015", "79"]
    page.assert_clean()


def test_phone_filters_collapse_and_nothing_scrolls_sideways(phone):
    phone.open("/opd?from=2015&to=2017")
    assert not phone.page.is_visible("#filter-agency")
    phone.page.click("#filter-toggle")
    phone.page.wait_for_selector("#filter-agency", state="visible")
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.assert_clean()


def test_innovation_list_and_detail(page):
    page.open("/inovasi?from=2016&to=2016")
    expect(page.page.locator("#inovasi-count")).to_have_text("67 inovasi")
    page.page.fill("#inovasi-search", "zzz-tidak-ada")
    page.page.press("#inovasi-search", "Enter")
    page.page.wait_for_function("document.querySelector('#inovasi-count').innerText === '0 inovasi'")
    page.page.fill("#inovasi-search", "")
    page.page.press("#inovasi-search", "Enter")
    page.page.wait_for_selector("#inovasi-grid .ag-row a")
    page.page.locator("#inovasi-grid .ag-row a").first.click()
    page.page.wait_for_url(re.compile(r"/inovasi/[^/?]+\?from=2016&to=2016"))
    page.page.wait_for_selector("#detail-provenance")
    assert re.search(r"Berkas .+ · lembar .+ · baris \d+", page.page.inner_text("#detail-provenance"))
    page.assert_clean()


def test_unknown_innovation_shows_a_way_back(page):
    page.open("/inovasi/tidak-ada")
    assert "Inovasi tidak ditemukan" in page.page.inner_text("#detail-not-found")
    page.page.click("#detail-back")
    page.page.wait_for_url(re.compile(r"/inovasi$"))
    page.page.wait_for_selector("#inovasi-grid")
    page.assert_clean()
