"""An innovation counted twice, in a real browser. An editor uploads two files that both list one
innovation for 2011: the preview names both places and the row kept before anything is saved, and the
save counts it once. A store doubled by an upload from before identities (2025: 108 → 216) is flagged
on /data with its years and counts; resolving asks first, keeps the newest batch, is in the history
and can be rolled back. Its own server and store."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from loaders import SAMPLE_DIR
from store.database import open_store
from tests.browser.conftest import seeded_server
from tests.browser.test_data_page import PASSWORD, kpi_total, log_in
from tests.unit.store.test_duplicates import legacy_ingest
from tests.workbooks import make_xlsx, revised_copy, simple_table

HEADER = ("No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun", "Deskripsi")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("duplicates")
    with seeded_server(folder, {"editor1": "editor"}, PASSWORD) as started:
        started.store_url = f"sqlite:///{folder / 'instance' / 'dasbor.sqlite3'}"
        yield started


def test_two_files_listing_one_innovation_are_shown_before_saving_and_saved_once(browser, server, tmp_path):
    first = make_xlsx(tmp_path / "dinkes_2011.xlsx", {"Data": simple_table(
        [[1, "Posyandu Digital", "Dinas Kesehatan", "Kesehatan", 2011, None],
         [2, "Antar Obat", "Dinas Kesehatan", "Kesehatan", 2011, None]], HEADER)})
    second = make_xlsx(tmp_path / "rekap_2011.xlsx", {"Dinkes": simple_table(
        [[1, "POSYANDU  DIGITAL", "Dinas Kesehatan", "Kesehatan", 2011, "Jadwal dan catatan balita daring"],
         [2, "Sekolah Ramah", "Dinas Pendidikan", "Pendidikan", 2011, None]], HEADER)})
    page = log_in(browser, server, "editor1")
    try:
        page.open("/data")
        page.page.set_input_files("#edit-upload input[type=file]", [str(first), str(second)])
        expect(page.page.locator("#edit-preview-intro")).to_contain_text("4 inovasi terbaca", timeout=30000)
        box = page.page.locator("#edit-duplicates")
        expect(box).to_be_visible()
        expect(box).to_contain_text("1 inovasi tercantum lebih dari sekali")
        assert box.locator("tbody tr").first.locator("td").all_inner_texts() == [
            "Posyandu Digital — Dinas Kesehatan", "2011", "rekap_2011.xlsx, lembar Dinkes, baris 2",
            "dinkes_2011.xlsx, lembar Data, baris 2"]
        expect(box.get_by_label("simpan satu saja (disarankan)")).to_be_checked()
        new = page.page.locator("#edit-compare tbody tr").first.locator("td").nth(5)
        expect(new).to_have_text("3")                                       # what will be saved: one copy
        box.get_by_label("simpan semua: itu inovasi yang berbeda").check()
        expect(new).to_have_text("4", timeout=30000)
        box.get_by_label("simpan satu saja (disarankan)").check()
        expect(new).to_have_text("3", timeout=30000)
        page.page.click("#edit-confirm")
        saved = page.page.locator("#edit-saved")
        expect(saved).to_contain_text("Tersimpan: 3 inovasi", timeout=30000)
        expect(saved).to_contain_text("juga ada di rekap_2011.xlsx, lembar Dinkes, baris 2")
        expect(page.page.locator("#edit-history-table")).to_contain_text("rekap_2011.xlsx")
        page.open("/inovasi?from=2011&to=2011")
        expect(page.page.locator("#inovasi-count")).to_have_text("3 inovasi")
        page.assert_clean()
    finally:
        page.context.close()


def test_a_doubled_year_is_flagged_and_resolved_by_keeping_the_newest_batch_undoably(browser, server, tmp_path):
    revised = revised_copy(SAMPLE_DIR / "iid_2025.xlsx", tmp_path / "iid_2025_revisi.xlsx",
                           {(2, "Tahapan Inovasi"): "Uji Coba"})
    store = open_store(server.store_url, seed=False)
    try:
        legacy_ingest(store, [revised])                 # as an upload did before identities: 2025 doubled
    finally:
        store.close()
    page = log_in(browser, server, "editor1")
    try:
        page.open("/?from=2025&to=2025")
        assert kpi_total(page) == 216
        page.open("/data")
        warning = page.page.locator("#edit-doubled")
        expect(warning).to_be_visible()
        expect(warning).to_contain_text("2025: 108 inovasi ada di lebih dari satu batch")
        expect(warning).to_contain_text("216 baris sekarang, 108 setelah dirapikan")
        dialog = page.page.locator("#edit-batch-ask")
        warning.get_by_role("button", name="Rapikan: pakai batch terbaru").click()
        expect(dialog).to_contain_text("108 salinan lama disembunyikan")
        page.page.click("#edit-batch-cancel")                                 # "Jangan": nothing happens
        expect(dialog).to_be_hidden()
        expect(warning).to_be_visible()
        warning.get_by_role("button", name="Rapikan: pakai batch terbaru").click()
        page.page.click("#edit-batch-do")
        expect(page.page.locator("#edit-doubled-done")).to_contain_text("Dirapikan: 108 salinan lama", timeout=30000)
        expect(warning).to_be_hidden()
        entry = page.page.locator("#edit-history-table tr", has_text="rapikan data ganda")
        expect(entry).to_contain_text("editor1")
        page.open("/?from=2025&to=2025")
        assert kpi_total(page) == 108
        page.open("/inovasi?from=2025&to=2025&stage=Uji+Coba&q=Musrenbang+Perempuan")
        expect(page.page.locator("#inovasi-count")).to_have_text("1 inovasi")     # the newest batch's copy

        page.open("/data")                                                      # and it can be undone
        entry.locator("button", has_text="Batalkan").click()
        expect(dialog).to_contain_text("108 salinan lama tampil lagi")
        page.page.click("#edit-batch-do")
        expect(warning).to_be_visible(timeout=30000)
        page.open("/?from=2025&to=2025")
        assert kpi_total(page) == 216
        page.assert_clean()
    finally:
        page.context.close()
