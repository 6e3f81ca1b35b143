"""Column mapping in a real browser: an editor uploads a recap with a header the loaders do not know,
maps it in the preview (the preview is read again with it), confirms and sees the rows; a second
file with the same header is then mapped without being asked. Its own server and store."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from store.database import open_store
from tests.browser.conftest import seeded_server
from tests.browser.test_data_page import PASSWORD, log_in
from tests.workbooks import make_xlsx

HEADER = ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun", "Kegiatan Pendukung"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mapping")
    with seeded_server(folder, {"editor1": "editor"}, PASSWORD) as started:
        started.folder = folder
        yield started


def recap(path, year: int, count: int):
    return make_xlsx(path, {"Data": [HEADER, *[[n, f"Inovasi Peta {year} {n}", "Dinas Kesehatan", "Kesehatan", year,
                                                 f"Sumber daya {year} {n}"] for n in range(1, count + 1)]]})


def stored_resources(server, year: int) -> list:
    store = open_store(f"sqlite:///{server.folder / 'instance' / 'dasbor.sqlite3'}", seed=False)
    try:
        frame = store.current_frame()
        return sorted(frame.loc[frame["year"] == year, "resources"].tolist())
    finally:
        store.close()


def upload(page, path):
    page.page.set_input_files("#edit-upload input[type=file]", str(path))
    expect(page.page.locator("#edit-preview-intro")).to_be_visible(timeout=30000)


def test_an_unknown_header_mapped_in_the_preview_is_saved_and_used_for_the_next_upload(browser, server, tmp_path):
    page = log_in(browser, server, "editor1")
    try:
        page.open("/data")
        upload(page, recap(tmp_path / "rekap_2011.xlsx", 2011, 3))
        mapper = page.page.locator("#edit-mapper")
        expect(mapper).to_contain_text("Kegiatan Pendukung")
        expect(page.page.locator("#edit-issues")).to_contain_text("Kolom 'Kegiatan Pendukung' tidak dikenali")
        mapper.locator("button.dash-dropdown").first.click()
        page.page.locator(".dash-dropdown-search").fill("resources")
        page.page.locator(".dash-dropdown-option", has_text="(resources)").first.click()
        expect(page.page.locator("#edit-preview")).not_to_contain_text("tidak dikenali", timeout=30000)
        expect(page.page.locator("#edit-preview")).to_contain_text("Kegiatan Pendukung → resources")
        confirm = page.page.locator("#edit-confirm")
        expect(confirm).to_be_enabled()
        confirm.click()
        expect(page.page.locator("#edit-saved")).to_contain_text("Tersimpan: 3 inovasi", timeout=30000)
        expect(page.page.locator("#edit-saved")).to_contain_text("1 pemetaan kolom disimpan")
        page.open("/inovasi?from=2011&to=2011")
        expect(page.page.locator("#inovasi-count")).to_have_text("3 inovasi")
        assert stored_resources(server, 2011) == [f"Sumber daya 2011 {n}" for n in (1, 2, 3)]

        page.open("/data")
        upload(page, recap(tmp_path / "rekap_2010.xlsx", 2010, 2))
        expect(page.page.locator("#edit-preview")).to_contain_text("Kegiatan Pendukung → resources")
        assert page.page.locator("#edit-mapper").count() == 0          # not asked again
        expect(page.page.locator("#edit-preview")).not_to_contain_text("tidak dikenali")
        page.page.locator("#edit-confirm").click()
        expect(page.page.locator("#edit-saved")).to_contain_text("Tersimpan: 2 inovasi", timeout=30000)
        assert stored_resources(server, 2010) == ["Sumber daya 2010 1", "Sumber daya 2010 2"]
        page.assert_clean()
    finally:
        page.context.close()


def yearless(path, codes: list[str]):
    return make_xlsx(path, {"Daftar": [["No", "Nama Inovasi", "Perangkat Daerah", "Nomor Register"],
                                       *[[n, f"Inovasi Tanpa Tahun {code}", "Dinas Kesehatan", code]
                                         for n, code in enumerate(codes, start=1)]]})


def stored_years(server, names: str) -> list:
    store = open_store(f"sqlite:///{server.folder / 'instance' / 'dasbor.sqlite3'}", seed=False)
    try:
        frame = store.current_frame()
        return sorted(frame.loc[frame["name"].str.startswith(names), "year"].tolist())
    finally:
        store.close()


def test_a_year_rule_chosen_in_the_preview_is_saved_and_a_later_sheet_of_the_same_shape_is_not_asked(
        browser, server, tmp_path):
    page = log_in(browser, server, "editor1")
    try:
        page.open("/data")
        upload(page, yearless(tmp_path / "tanpa_tahun_a.xlsx", ["07/11", "07/12"]))
        mapper = page.page.locator("#edit-mapper")
        expect(mapper).to_contain_text("Lembar Daftar: 2 baris tanpa tahun")
        expect(page.page.locator("#edit-confirm")).to_be_disabled()
        mapper.locator(".row", has_text="Lembar Daftar").locator("button.dash-dropdown").click()
        page.page.locator(".dash-dropdown-option", has_text="kolom 'Nomor Register'").first.click()
        expect(mapper).to_contain_text("Lembar Daftar: tahun menurut aturan ini", timeout=30000)
        confirm = page.page.locator("#edit-confirm")
        expect(confirm).to_be_enabled()
        confirm.click()
        expect(page.page.locator("#edit-saved")).to_contain_text("1 aturan tahun disimpan", timeout=30000)
        assert stored_years(server, "Inovasi Tanpa Tahun 07") == [2007, 2007]

        page.open("/data")
        upload(page, yearless(tmp_path / "tanpa_tahun_b.xlsx", ["06/01"]))
        expect(page.page.locator("#edit-mapper")).to_contain_text("Lembar Daftar: tahun menurut aturan ini")
        expect(page.page.locator("#edit-preview")).not_to_contain_text("Tahun tidak diketahui")
        page.page.locator("#edit-confirm").click()                      # not asked again
        expect(page.page.locator("#edit-saved")).to_contain_text("Tersimpan: 1 inovasi", timeout=30000)
        assert stored_years(server, "Inovasi Tanpa Tahun 06") == [2006]
        page.assert_clean()
    finally:
        page.context.close()
