"""Re-uploading a year in a real browser: an editor uploads a revised 2025 recap of the sample, sees
how it compares with the stored year, must choose (nothing is chosen, Confirm disabled; "batal"
clears the upload and the same file can be chosen again), replaces the year and finds 2025's count
unchanged with the revision in it; the Cancel button clears an upload of a new year the same way.
Its own server and store, so the replace does not change what the other /data tests see."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from loaders import SAMPLE_DIR
from tests.browser.conftest import seeded_server
from tests.browser.test_data_page import PASSWORD, kpi_total, log_in
from tests.workbooks import make_xlsx, revised_copy, simple_table


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with seeded_server(tmp_path_factory.mktemp("reupload"), {"editor1": "editor"}, PASSWORD) as started:
        yield started


def expect_cleared(page) -> None:
    """Nothing of an upload is left: no preview, comparison, choice, mapping control or file."""
    for selector in ("#edit-preview-intro", "#edit-compare", "#edit-mapper", "#edit-cancel", "#edit-overlap"):
        expect(page.page.locator(selector)).to_be_hidden()
    expect(page.page.locator("#edit-confirm")).to_be_disabled()


def test_an_editor_replaces_a_year_with_its_revised_recap_without_doubling_it(browser, server, tmp_path):
    revised = revised_copy(SAMPLE_DIR / "iid_2025.xlsx", tmp_path / "iid_2025_revisi.xlsx",
                           {(2, "Tahapan Inovasi"): "Uji Coba"})   # Musrenbang Perempuan: Penerapan → Uji Coba
    revision = "/inovasi?from=2025&to=2025&stage=Uji+Coba&q=Musrenbang+Perempuan"
    page = log_in(browser, server, "editor1")
    try:
        page.open("/?from=2025&to=2025")
        assert kpi_total(page) == 108
        page.open(revision)
        expect(page.page.locator("#inovasi-count")).to_have_text("0 inovasi")
        page.open("/data")
        page.page.set_input_files("#edit-upload input[type=file]", str(revised))
        compare = page.page.locator("#edit-compare")
        expect(compare).to_contain_text("2025", timeout=30000)
        assert compare.locator("tbody tr").first.locator("td").all_inner_texts() == [
            "2025", "108", "108", "107", "1", "0", "0"]        # stored, in the file, same, changed, new, absent
        page.page.locator(".compare-details summary").first.click()
        expect(page.page.locator("#edit-compare-changed-2025")).to_contain_text("Musrenbang Perempuan")
        expect(page.page.locator("#edit-compare-changed-2025")).to_contain_text("“Penerapan” → “Uji Coba”")
        overlap = page.page.locator("#edit-overlap")
        expect(overlap).to_be_visible()
        expect(overlap).to_contain_text("Tahun 2025 sudah tersimpan")
        assert page.page.locator("#edit-mode input:checked").count() == 0       # no default choice
        confirm = page.page.locator("#edit-confirm")
        expect(confirm).to_be_disabled()
        overlap.get_by_label("batal").check()              # cancel forgets the upload: everything cleared
        expect(page.page.locator("#edit-cancelled")).to_contain_text("tidak ada yang disimpan")
        expect_cleared(page)
        assert "iid_2025_revisi.xlsx" not in page.page.inner_text("#edit-history-table")
        page.page.set_input_files("#edit-upload input[type=file]", str(revised))   # the same file again
        expect(compare).to_contain_text("2025", timeout=30000)
        expect(page.page.locator("#edit-cancelled")).to_have_count(0)
        assert page.page.locator("#edit-mode input:checked").count() == 0
        overlap.get_by_label("ganti tahun itu").check()
        expect(confirm).to_be_enabled()
        confirm.click()
        expect(page.page.locator("#edit-saved")).to_contain_text("Tersimpan: 108 inovasi", timeout=30000)
        expect(page.page.locator("#edit-history-table")).to_contain_text("iid_2025_revisi.xlsx")
        page.open("/?from=2025&to=2025")
        assert kpi_total(page) == 108
        page.open(revision)
        expect(page.page.locator("#inovasi-count")).to_have_text("1 inovasi")
        page.assert_clean()
    finally:
        page.context.close()


def test_the_cancel_button_clears_an_upload_and_the_same_file_can_be_saved_after(browser, server, tmp_path):
    book = make_xlsx(tmp_path / "rekap_2012.xlsx", {"2012": simple_table(
        [[i + 1, f"Inovasi Batal {i}", "Dinas Kesehatan", "Kesehatan", 2012] for i in range(3)],
        ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun", "Catatan Lain"])})
    page = log_in(browser, server, "editor1")
    try:
        page.open("/data")
        history = page.page.inner_text("#edit-history-table")
        page.page.set_input_files("#edit-upload input[type=file]", str(book))
        expect(page.page.locator("#edit-preview-intro")).to_contain_text("3 inovasi terbaca", timeout=30000)
        expect(page.page.locator("#edit-mapper")).to_contain_text("Catatan Lain")
        page.page.locator("#edit-cancel").click()
        expect(page.page.locator("#edit-cancelled")).to_contain_text("tidak ada yang disimpan")
        expect_cleared(page)
        assert page.page.inner_text("#edit-history-table") == history        # nothing stored
        page.page.set_input_files("#edit-upload input[type=file]", str(book))
        expect(page.page.locator("#edit-preview-intro")).to_contain_text("3 inovasi terbaca", timeout=30000)
        page.page.locator("#edit-confirm").click()
        expect(page.page.locator("#edit-saved")).to_contain_text("Tersimpan: 3 inovasi", timeout=30000)
        page.open("/inovasi?from=2012&to=2012")
        expect(page.page.locator("#inovasi-count")).to_have_text("3 inovasi")
        page.assert_clean()
    finally:
        page.context.close()
