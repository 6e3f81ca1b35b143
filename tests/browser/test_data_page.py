"""/data in a real browser: an editor logs in, uploads a workbook, sees the preview, confirms and finds the
new count on the overview (and the new year in the filter bar at once, like a second region's control
and a new agency's option); a viewer finds no upload control. The server has its own store with both users."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Page, log_in_as, seeded_server
from tests.workbooks import make_xlsx, simple_table

PASSWORD = "kata-sandi-uji-1"
NEW_ROWS = 6


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with seeded_server(tmp_path_factory.mktemp("data-page"), {"editor1": "editor", "viewer1": "viewer"},
                       PASSWORD) as started:
        yield started


def log_in(browser, server, name: str) -> Page:
    return log_in_as(browser, server, name, PASSWORD)


def kpi_total(page: Page) -> int:
    return int(page.page.inner_text("#kpi-total").replace(".", ""))


def test_an_editor_uploads_previews_confirms_and_sees_the_new_count(browser, server, tmp_path):
    page = log_in(browser, server, "editor1")
    try:
        before = kpi_total(page)
        expect(page.page.locator("#nav-user")).to_contain_text("editor1")
        book = make_xlsx(tmp_path / "rekap_2013.xlsx", {"2013": simple_table(
            [[i + 1, f"Inovasi Unggahan {i}", "Dinas Kesehatan", "Kesehatan", 2013] for i in range(NEW_ROWS)])})
        page.open("/data")
        page.page.set_input_files("#edit-upload input[type=file]", str(book))
        expect(page.page.locator("#edit-preview-intro")).to_contain_text(f"{NEW_ROWS} inovasi terbaca dari 1 berkas",
                                                                       timeout=30000)
        expect(page.page.locator("#edit-by-year")).to_contain_text("2013")
        page.page.click("#edit-confirm")
        expect(page.page.locator("#edit-saved")).to_contain_text(f"Tersimpan: {NEW_ROWS} inovasi", timeout=30000)
        expect(page.page.locator("#edit-history-table")).to_contain_text("rekap_2013.xlsx")
        # the filter bar's year slider spans the new year at once, without a reload
        slider = page.page.locator("#filter-years [role=slider]").first
        expect(slider).to_have_attribute("aria-valuemin", "2013", timeout=15000)
        expect(page.page.locator("#filter-years")).to_contain_text("2013")
        page.open("/")
        expect(page.page.locator("#kpi-total")).to_have_text(f"{before + NEW_ROWS:,}".replace(",", "."))
        page.assert_clean()
    finally:
        page.context.close()


def test_a_viewer_finds_no_upload_control(browser, server):
    page = log_in(browser, server, "viewer1")
    try:
        page.open("/data")
        expect(page.page.locator("#data-not-allowed")).to_be_visible()
        assert page.page.locator("#edit-upload").count() == 0
        assert page.page.locator("input[type=file]").count() == 0
        page.assert_clean()
    finally:
        page.context.close()


def test_rollback_and_restore_ask_first_and_say_how_many_innovations_move(browser, server):
    page = log_in(browser, server, "editor1")
    try:
        before = kpi_total(page)
        page.open("/data")
        dialog = page.page.locator("#edit-batch-ask")
        added = page.page.locator("#edit-history-table tr", has_text="tambah").filter(has_text="aktif").first
        added.locator("button", has_text="Batalkan").click()   # an added batch: its innovations simply leave
        expect(dialog).to_contain_text("Batalkan batch #")
        count = int(re.search(r"([\d.]+) inovasi dari", dialog.inner_text()).group(1).replace(".", ""))
        assert count > 0
        page.page.click("#edit-batch-cancel")   # "Jangan": nothing happens
        expect(dialog).to_be_hidden()
        expect(added).not_to_contain_text("dibatalkan")
        added.locator("button", has_text="Batalkan").click()
        page.page.click("#edit-batch-do")
        expect(page.page.locator("#edit-history-message")).to_contain_text("dibatalkan", timeout=30000)
        expect(dialog).to_be_hidden()
        page.open("/")
        expect(page.page.locator("#kpi-total")).to_have_text(f"{before - count:,}".replace(",", "."))
        page.open("/data")
        page.page.locator("#edit-history-table tr", has_text="dibatalkan").first.locator("button").click()
        expect(dialog).to_contain_text(f"{count:,} inovasi dari".replace(",", "."))
        page.page.click("#edit-batch-do")
        expect(page.page.locator("#edit-history-message")).to_contain_text("dipulihkan", timeout=30000)
        page.open("/")
        expect(page.page.locator("#kpi-total")).to_have_text(f"{before:,}".replace(",", "."))
        page.assert_clean()
    finally:
        page.context.close()


def dropdown_option(page: Page, control: str, label: str):
    """The option `label` of a filter bar dropdown, searched for (a long list is drawn in part)."""
    page.page.keyboard.press("Escape")
    page.page.locator(f"#{control}-field button.dash-dropdown").first.click()
    page.page.locator(".dash-dropdown-search").fill(label)
    return page.page.locator(".dash-dropdown-option", has_text=label)


def test_a_second_region_and_a_new_agency_reach_the_filter_bar_right_after_the_upload(browser, server, tmp_path):
    book = make_xlsx(tmp_path / "iid_sumsel_2014.xlsx", {"IID": [
        ["No", "Judul Inovasi", "Pemda", "Perangkat Daerah", "Urusan", "Tahun"],
        [1, "Sehat Cepat", "Pemerintah Kota Palembang", "Dinas Kesehatan", "Kesehatan", 2014],
        [2, "Pasar Tertib", "Kabupaten Lahat", "Satuan Polisi Pamong Praja", "Sosial", 2014],
        [3, "Kartu Tani Digital", "Kabupaten Muara Enim", "Lembaga Riset Desa Mandiri", "Pertanian", 2014]]})
    page = log_in(browser, server, "editor1")
    try:
        page.open("/data")
        expect(page.page.locator("#filter-region-field")).to_be_hidden()          # one region stored
        expect(dropdown_option(page, "filter-agency", "Lembaga Riset Desa Mandiri")).to_have_count(0)
        page.page.keyboard.press("Escape")
        page.page.set_input_files("#edit-upload input[type=file]", str(book))
        expect(page.page.locator("#edit-preview-intro")).to_contain_text("3 inovasi terbaca", timeout=30000)
        page.page.click("#edit-confirm")
        expect(page.page.locator("#edit-saved")).to_contain_text("Tersimpan: 3 inovasi", timeout=30000)
        expect(page.page.locator("#filter-region-field")).to_be_visible(timeout=15000)   # no reload
        expect(dropdown_option(page, "filter-region", "Kota Palembang")).to_have_text("Kota Palembang (1)")
        expect(dropdown_option(page, "filter-region", "Kabupaten Lahat")).to_have_text("Kabupaten Lahat (1)")
        expect(dropdown_option(page, "filter-agency", "Lembaga Riset Desa Mandiri")).to_have_text(
            "Lembaga Riset Desa Mandiri (1)")
        page.assert_clean()
    finally:
        page.context.close()
