"""Re-uploading a year in a real browser: an editor uploads a revised 2025 recap of the sample, sees
how it compares with the stored year, must choose (nothing is chosen, Confirm disabled, "batal"
keeps it so), replaces the year and finds 2025's count unchanged with the revision in it. Its own
server and store, so the replace does not change what the other /data tests see."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from loaders import SAMPLE_DIR
from tests.browser.conftest import seeded_server
from tests.browser.test_data_page import PASSWORD, kpi_total, log_in
from tests.workbooks import revised_copy


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with seeded_server(tmp_path_factory.mktemp("reupload"), {"editor1": "editor"}, PASSWORD) as started:
        yield started


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
        overlap.get_by_label("batal").check()
        expect(page.page.locator("#edit-cancelled")).to_be_visible()
        expect(confirm).to_be_disabled()
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
