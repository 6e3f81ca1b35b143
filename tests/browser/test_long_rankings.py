"""Long rankings and heatmaps in the browser (issue 12): /opd and /urusan draw the top 10 with a
"tampilkan semua" toggle (the "lihat tabel" table keeps every row, and the choice survives a filter
change); at 390 px the year heatmaps give way to a top-10 table and no page scrolls sideways."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from analytics import metrics
from tests.browser.conftest import PHONE
from tests.browser.test_speed import WIDENED


def bar_count(page, chart: str) -> int:
    return page.page.locator(f"#chart-{chart} .bars .point path").count()


def table_rows(page, chart: str) -> int:
    """The rows of the chart's "lihat tabel" table, opening it first (it is built when opened)."""
    rows = page.page.locator(f"#table-{chart} tbody tr")
    if rows.count() == 0:
        card = page.page.locator(".chart-card", has=page.page.locator(f"#chart-{chart}"))
        card.locator(".chart-table-toggle").click()
        rows.first.wait_for()
    return rows.count()


def test_agency_ranking_shows_top_10_and_a_toggle_for_all(page):
    page.open("/opd")
    agencies = table_rows(page, "agency-rank")  # the table keeps every row
    assert agencies > 10
    assert bar_count(page, "agency-rank") == 10
    toggle = page.page.locator("#all-agency-rank")
    expect(toggle).to_have_text(f"Tampilkan semua ({agencies})")
    toggle.click()
    expect(toggle).to_have_text("Tampilkan 10 teratas")
    page.page.wait_for_function(f"document.querySelectorAll('#chart-agency-rank .bars .point path').length === {agencies}")
    assert page.page.evaluate(WIDENED) == []  # sent with margins that hold it whole: drawn once
    # a filter change keeps the choice: every agency of the new view is drawn
    page.page.goto(page.server.url + "/opd?from=2016&to=2016")
    page.page.wait_for_url(re.compile(r"from=2016"))
    page.settle()
    page.page.locator("#all-agency-rank").click()
    expect(page.page.locator("#all-agency-rank")).to_have_text("Tampilkan 10 teratas")
    shown = table_rows(page, "agency-rank")
    page.page.locator("#filter-chips a", has_text="Tahun").first.click()
    page.page.wait_for_url(re.compile(r"/opd$"))
    page.settle()
    expect(page.page.locator("#all-agency-rank")).to_have_text("Tampilkan 10 teratas")
    page.page.wait_for_function(f"document.querySelectorAll('#chart-agency-rank .bars .point path').length === {agencies}")
    assert shown < agencies
    toggle.click()
    expect(page.page.locator("#all-agency-rank")).to_have_text(f"Tampilkan semua ({agencies})")
    page.page.wait_for_function("document.querySelectorAll('#chart-agency-rank .bars .point path').length === 10")
    page.assert_clean()


def test_sector_ranking_toggle_in_english(page):
    page.open("/urusan?lang=en")
    sectors = table_rows(page, "sector-rank")
    assert sectors > 10 and bar_count(page, "sector-rank") == 10
    page.page.locator("#all-sector-rank").click()
    expect(page.page.locator("#all-sector-rank")).to_have_text("Show top 10")
    page.page.wait_for_function(f"document.querySelectorAll('#chart-sector-rank .bars .point path').length === {sectors}")
    assert page.page.evaluate(WIDENED) == []  # its legend's room above a plot 3 times taller: drawn once
    page.assert_clean()


def test_a_short_ranking_has_no_toggle(page):
    page.open("/opd?sector=Kesehatan")
    assert page.page.locator("#table-agency-rank tbody tr").count() <= 10
    expect(page.page.locator("#all-agency-rank")).to_be_hidden()
    page.assert_clean()


@pytest.mark.parametrize("path, heatmap", [("/opd", "heatmap"), ("/urusan", "sector-year"), ("/", None),
                                           ("/tren", None), ("/inovasi", None), ("/kipp", None)])
def test_phone_shows_heatmap_tables_and_nothing_scrolls_sideways(phone, path, heatmap):
    phone.open(path)
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if heatmap:
        expect(phone.page.locator(f"#chart-{heatmap}")).to_be_hidden()
        table = phone.page.locator(f"#phone-{heatmap} table")
        expect(table).to_be_visible()
        assert table.locator("tbody tr").count() == 10
        box = table.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]  # the whole table in view
        first = table.locator("tbody tr").first.inner_text()
        assert re.search(r"\d+ dari \d+ tahun", first)
    phone.assert_clean()


def test_desktop_keeps_the_heatmap(page):
    page.open("/opd")
    expect(page.page.locator("#chart-heatmap")).to_be_visible()
    expect(page.page.locator("#phone-heatmap")).to_be_hidden()
    page.assert_clean()
