"""The provincial view (/provinsi) in a real browser on the sample data: the regency and the synthetic
library's four other regions compared, the choice of regions written into the URL as `region`, a reload
of that URL reproducing the view, the language switch, and a 390 px phone without sideways scrolling
(the urusan heatmap's coverage table in its place). Screenshots go to tests/browser/screenshots/."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from tests.browser.conftest import PHONE, SCREENSHOTS

CHARTS = ["region-count", "region-trend", "region-sector", "region-index"]
HOME = "Kabupaten Muara Enim"
OTHERS = ["Kota Palembang", "Kabupaten Lahat", "Kabupaten Ogan Komering Ulu", "Kota Prabumulih"]


def regions_of(url: str) -> list[str]:
    return parse_qs(urlparse(url).query).get("region", [])


def bar_names(page) -> list[str]:
    """The regions the count chart draws, top to bottom (each name written above its bar)."""
    return page.page.eval_on_selector(
        "#chart-region-count .js-plotly-plot", "gd => gd.data[0].y.map(name => name.replace(/<br>/g, ' '))")


def test_the_regions_are_compared_and_the_choice_follows_the_url(page):
    page.open("/provinsi")
    for chart in CHARTS:
        page.page.wait_for_selector(f"#chart-{chart} .main-svg", timeout=30000)
    assert sorted(bar_names(page)) == sorted([HOME, *OTHERS])
    expect(page.page.locator("#title-region-count")).to_contain_text("2023–2025")
    expect(page.page.locator("#title-region-index")).to_contain_text(f"{HOME}: indeks")
    boxes = page.page.locator("#provinsi-regions input[type=checkbox]")
    expect(boxes).to_have_count(5)
    assert all(box.is_checked() for box in boxes.all())  # none in the URL: every region compared
    assert page.page.locator("#filter-region-field").is_hidden()  # the page's own choice, not the bar's

    page.page.get_by_role("checkbox", name=re.compile(r"^Kabupaten Lahat")).uncheck()
    page.page.wait_for_url(re.compile(r"region="), timeout=15000)
    page.settle()
    assert regions_of(page.page.url) == [HOME, "Kota Palembang", "Kabupaten Ogan Komering Ulu", "Kota Prabumulih"]
    expect(page.page.locator("#caption-region-count")).to_contain_text("Daerah: Kabupaten Muara Enim dan")
    page.page.wait_for_function(
        "() => document.querySelector('#chart-region-count .js-plotly-plot').data[0].y.length === 4")
    assert "Kabupaten Lahat" not in bar_names(page)

    for count, name in ((3, "Kabupaten Muara Enim"), (2, "Kota Prabumulih")):
        page.page.get_by_role("checkbox", name=re.compile(f"^{name}")).uncheck()
        page.page.wait_for_function(f"() => new URLSearchParams(location.search).getAll('region').length === {count}")
        page.settle()
    page.settle()
    chosen = ["Kota Palembang", "Kabupaten Ogan Komering Ulu"]
    assert regions_of(page.page.url) == chosen
    expect(page.page.locator("#title-region-count")).to_contain_text("Kota Palembang mencatat inovasi terbanyak: 100")

    page.page.reload()  # a copied link reproduces the view
    page.page.wait_for_selector("#_pages_content > *", state="attached", timeout=30000)
    page.settle()
    page.page.wait_for_selector("#chart-region-count .main-svg", timeout=30000)
    assert sorted(bar_names(page)) == sorted(chosen)
    ticked = [box.get_attribute("value") for box in boxes.all() if box.is_checked()]
    assert sorted(ticked) == sorted(chosen)
    expect(page.page.locator("#title-region-index")).to_contain_text("belum punya bukti")  # neither has evidence

    page.page.go_back()  # to the step before the last box was unticked
    page.page.wait_for_function("() => new URLSearchParams(location.search).getAll('region').length === 3",
                                timeout=15000)
    page.page.wait_for_function(
        "() => document.querySelector('#chart-region-count .js-plotly-plot').data[0].y.length === 3", timeout=15000)
    assert sorted(box.get_attribute("value") for box in boxes.all() if box.is_checked()) == sorted(
        [*chosen, "Kota Prabumulih"])
    page.assert_clean()


def test_the_tables_behind_the_charts_and_the_language_switch(page):
    page.open("/provinsi?region=Kota+Palembang&region=Kabupaten+Muara+Enim")
    page.page.click("#title-region-sector ~ .chart-table-toggle")
    table = page.page.locator("#table-region-sector table")
    expect(table).to_be_visible(timeout=15000)
    expect(table.locator("thead")).to_contain_text("Kota Palembang")
    expect(table.locator("tbody")).to_contain_text("Kehutanan")
    page.page.click("#lang-switch")
    page.page.wait_for_url(re.compile(r"lang=en"))
    page.settle()
    assert regions_of(page.page.url) == ["Kota Palembang", HOME]
    expect(page.page.locator("h1")).to_have_text("Regions compared")
    expect(page.page.locator("#title-region-sector")).to_contain_text("covers the most urusan")
    page.assert_clean()


def test_a_phone_shows_the_comparison_without_sideways_scrolling(phone):
    phone.open("/provinsi")
    for chart in ("region-count", "region-trend", "region-index"):
        phone.page.wait_for_selector(f"#chart-{chart} .main-svg", timeout=30000)
    expect(phone.page.locator("#phone-region-sector table")).to_be_visible(timeout=20000)
    assert phone.page.locator("#chart-region-sector").is_hidden()
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"/provinsi scrolls sideways at {PHONE['width']} px ({width})"
    SCREENSHOTS.mkdir(exist_ok=True)
    phone.page.screenshot(path=str(SCREENSHOTS / "provinsi-phone.png"), full_page=True)
    phone.assert_clean()


def test_the_desktop_page_is_screenshotted(page):
    page.open("/provinsi")
    for chart in CHARTS:
        page.page.wait_for_selector(f"#chart-{chart} .main-svg", timeout=30000)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(SCREENSHOTS / "provinsi-desktop.png"), full_page=True)
    page.assert_clean()


def test_unduh_data_gives_the_regions_compared_and_the_report_says_why_it_is_not_offered(page):
    page.open("/provinsi?region=Kota+Palembang&region=Kabupaten+Muara+Enim")
    page.page.wait_for_selector("#chart-region-count .main-svg", timeout=30000)
    expect(page.page.locator("#report-menu")).to_be_hidden()
    expect(page.page.locator("#report-note")).to_contain_text("bukan perbandingan ini")
    page.page.click("#data-menu")
    with page.page.expect_download(timeout=60000) as download:
        page.page.click("#data-export-csv")
    assert download.value.suggested_filename == "inovasi-provinsi_kota-palembang_kabupaten-muara-enim.csv"
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Daerah", "Inovasi 2023–2025", "Inovasi semua tahun"]
    assert [row[0] for row in rows[1:]] == [HOME, "Kota Palembang"]    # the comparison's rows, not innovations
    assert [row[1] for row in rows[1:]] == ["321", "100"]             # as the count chart: 2023–2025
    band = rows[0].index("Predikat IID 2025")
    assert rows[1][band] != "Belum ada bukti" and rows[2][band] == "Belum ada bukti"

    page.open("/tren")   # elsewhere the report is offered again, and the data is the view's rows
    expect(page.page.locator("#report-menu")).to_be_visible()
    expect(page.page.locator("#report-note")).to_be_hidden()
    page.assert_clean()


def test_unticking_quickly_leaves_the_view_on_the_last_boxes_ticked(page):
    """Boxes unticked one right after the other (no wait for the server between them): the URL, the boxes
    and the charts all end on the last choice, none of them on an earlier one."""
    page.open("/provinsi")
    page.page.wait_for_selector("#chart-region-count .main-svg", timeout=30000)
    page.page.evaluate("""async names => {
        for (const name of names) {   // as fast as a person clicks: before the server has answered
            document.querySelector(`#provinsi-regions input[value="${name}"]`).click();
            await new Promise(done => setTimeout(done, 120));
        }
    }""", ["Kabupaten Lahat", "Kota Prabumulih", "Kabupaten Ogan Komering Ulu"])
    chosen = [HOME, "Kota Palembang"]
    page.page.wait_for_function("() => new URLSearchParams(location.search).getAll('region').length === 2",
                                timeout=15000)
    page.settle()
    page.page.wait_for_function(
        "() => document.querySelector('#chart-region-count .js-plotly-plot').data[0].y.length === 2", timeout=15000)
    page.settle()
    # the document's own location: Playwright's page.url can lag behind same-page history steps this quick
    assert regions_of(page.page.evaluate("location.href")) == chosen
    boxes = page.page.locator("#provinsi-regions input[type=checkbox]")
    assert sorted(box.get_attribute("value") for box in boxes.all() if box.is_checked()) == sorted(chosen)
    assert sorted(bar_names(page)) == sorted(chosen)

    page.page.get_by_role("checkbox", name=re.compile(r"^Kabupaten Lahat")).check()   # ticked again: after the others
    page.page.wait_for_function("() => new URLSearchParams(location.search).getAll('region').length === 3",
                                timeout=15000)
    assert regions_of(page.page.evaluate("location.href")) == [*chosen, "Kabupaten Lahat"]
    page.page.wait_for_function(
        "() => document.querySelector('#chart-region-count .js-plotly-plot').data[0].y.length === 3", timeout=15000)
    page.assert_clean()
