"""Indeks Inovasi Daerah (/iid) and the replication library (/replikasi) in a real browser on the sample
data: the index and predikat of the latest edition (with the synthetic evidence sheet), the what-if list,
each innovation's SID beside the export's Kematangan, the edition links that write `?iid=` into the URL,
and a search of the library that finds another region's similar innovation."""

from __future__ import annotations

import re
from functools import lru_cache

from playwright.sync_api import expect

from analytics.iid.editions import load_editions
from analytics.iid.evidence import default_evidence
from analytics.iid.scoring import assess_with_sheets
from i18n import format_number


@lru_cache(maxsize=4)
def expected(year: int):
    from loaders import SAMPLE_DIR, load_paths

    assessment, _ = assess_with_sheets(load_paths([SAMPLE_DIR]).frame, load_editions().get(year),
                                       default_evidence("sample"))
    return format_number(assessment.result.index, "id", 2), assessment.result.band.label("id"), len(
        assessment.innovations)


def test_iid_page_shows_the_index_the_what_if_and_the_kematangan(page):
    page.open("/iid")
    index, band, rows = expected(2025)   # the latest edition the sample reaches (it has no 2026 rows)
    expect(page.page.locator("#iid-index")).to_have_text(index, timeout=20000)
    expect(page.page.locator("#iid-predikat")).to_have_text(band)
    expect(page.page.locator("#iid-whatif li")).to_have_count(10)
    expect(page.page.locator("#iid-whatif li").first).to_contain_text("untuk pemerintah daerah: +")
    expect(page.page.locator("#iid-table tbody tr")).to_have_count(rows)
    page.assert_clean()


def test_iid_edition_links_write_the_url_and_change_the_index(page):
    page.open("/iid")
    page.page.locator("#iid-edition-2023").click()
    index, band, _ = expected(2023)
    expect(page.page.locator("#iid-index")).to_have_text(index, timeout=20000)
    expect(page.page.locator("#iid-predikat")).to_have_text(band)
    assert "iid=2023" in page.page.url
    assert expected(2023) != expected(2025)
    page.page.go_back()
    expect(page.page.locator("#iid-index")).to_have_text(expected(2025)[0], timeout=20000)
    page.assert_clean()


def test_replication_search_finds_a_similar_innovation_of_another_region(page):
    page.open("/replikasi?from=2024")   # a filter that would hide our 2020–2021 match: the search ignores the bar
    expect(page.page.locator("#filters-note")).to_contain_text("pencarian meliputi seluruh inovasi")
    expect(page.page.locator("#filter-chips")).to_be_hidden()
    expect(page.page.locator("#replication-gaps")).to_contain_text("Kehutanan")
    page.page.fill("#replication-query", "musrenbang perempuan")
    page.page.press("#replication-query", "Enter")
    first = page.page.locator("#replication-others li").first
    expect(first).to_contain_text("Musrenbang Perempuan Keliling", timeout=20000)
    expect(first).to_contain_text("Kabupaten Lahat")
    expect(page.page.locator("#replication-ours li").first).to_contain_text("Musrenbang Perempuan")
    page.assert_clean()


def test_the_iid_page_hides_the_filters_it_ignores_and_says_so(page):
    page.open("/iid?from=2016&stage=Penerapan")
    expect(page.page.locator("#filters-note")).to_be_visible()
    expect(page.page.locator("#filters-note")).to_contain_text("Filter tidak berlaku di halaman ini")
    for hidden in ("#filter-years", "#filter-chips", "#filter-reset"):
        expect(page.page.locator(hidden)).to_be_hidden()
    expect(page.page.locator("#iid-index")).to_have_text(expected(2025)[0], timeout=20000)  # not narrowed to 2016
    page.page.click("#lang-switch")
    expect(page.page.locator("#filters-note")).to_contain_text("The filters do not apply on this page")
    page.page.click("a.nav-link[href^='/tren']")  # the filters are back where they narrow the view
    page.page.wait_for_url(re.compile(r"/tren\?"))
    expect(page.page.locator("#filter-chips")).to_contain_text("Stage: Implementation")
    expect(page.page.locator("#filters-note")).to_be_hidden()
    page.assert_clean()
