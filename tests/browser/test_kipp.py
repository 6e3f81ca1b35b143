"""Kesiapan KIPP (/kipp) in a real browser on the sample data: it renders, the edition selector changes
the counts and writes `?edition=` into the URL (reload, back and filter changes keep it), the drafts download as .docx (one) and .zip (the shortlist), and the readiness charts
download as images like every other chart, for the edition chosen."""

from __future__ import annotations

import re
import zipfile
from functools import lru_cache

import docx
from playwright.sync_api import expect

from analytics.kipp.editions import load_editions
from analytics.kipp.readiness import evaluate, summary
from tests.browser.conftest import SCREENSHOTS
from tests.browser.test_downloads import SIGNATURES, _chart_item, _chart_menu, _download

SLUGS = {"Siap": "siap", "Hampir siap": "hampir-siap", "Belum memenuhi syarat": "belum", "Jalur khusus": "khusus"}


@lru_cache(maxsize=8)
def expected_counts(edition: int) -> dict[str, str]:
    from loaders import SAMPLE_DIR, load_paths

    counts = summary(evaluate(load_paths([SAMPLE_DIR]).frame, edition))
    return {SLUGS[status]: f"{count:,}".replace(",", ".") for status, count in counts.items()}


def expect_counts(page, edition: int) -> None:
    for slug, value in expected_counts(edition).items():
        expect(page.page.locator(f"#kipp-count-{slug}")).to_have_text(value, timeout=15000)


def test_kipp_renders_with_the_latest_edition(page):
    page.open("/kipp")
    latest = load_editions().latest.year
    expect(page.page.locator("#kipp-edition")).to_have_value(str(latest))
    expect_counts(page, latest)
    for chart in ("chart-readiness", "chart-readiness-agency"):
        page.page.wait_for_selector(f"#{chart} .main-svg", timeout=20000)
    page.page.wait_for_selector("#kipp-grid .ag-row", timeout=20000)
    assert page.page.locator("#kipp-shortlist li").count() >= 1
    SCREENSHOTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(SCREENSHOTS / "kipp-desktop.png"), full_page=True)
    page.assert_clean()


def test_kipp_switching_the_edition_changes_the_counts(page):
    page.open("/kipp?edition=2018")
    expect_counts(page, 2018)
    assert expected_counts(2018) != expected_counts(2023)
    page.page.select_option("#kipp-edition", "2023")
    expect_counts(page, 2023)
    expect(page.page.locator("#title-readiness")).to_contain_text("KIPP 2023")
    page.assert_clean()


def test_kipp_the_edition_selector_writes_the_url(page):
    """The URL is the view: choosing an edition writes `?edition=` (the filters stay), reloading that URL
    keeps the edition and its counts, back returns to the edition before, and a filter change keeps it."""
    page.open("/kipp?from=2015&edition=2018")
    expect(page.page.locator("#kipp-edition")).to_have_value("2018")
    page.page.select_option("#kipp-edition", "2023")
    expect(page.page).to_have_url(re.compile(r"/kipp\?from=2015&edition=2023$"), timeout=15000)
    expect_counts(page, 2023)  # the sample starts in 2015: from=2015 is the whole data
    page.page.reload()
    page.page.wait_for_selector("#_pages_content > *", state="attached", timeout=30000)
    page.settle()
    expect(page.page.locator("#kipp-edition")).to_have_value("2023")
    expect_counts(page, 2023)
    expect(page.page.locator("#title-readiness")).to_contain_text("KIPP 2023")
    page.page.go_back()
    expect(page.page).to_have_url(re.compile(r"edition=2018$"), timeout=15000)
    expect(page.page.locator("#kipp-edition")).to_have_value("2018", timeout=15000)
    expect(page.page.locator("#title-readiness")).to_contain_text("KIPP 2018", timeout=15000)
    expect_counts(page, 2018)
    page.page.locator("#filter-chips .filter-chip").first.click()
    expect(page.page).to_have_url(re.compile(r"/kipp\?edition=2018$"), timeout=15000)
    expect(page.page.locator("#kipp-edition")).to_have_value("2018")
    expect_counts(page, 2018)
    page.assert_clean()


def test_kipp_downloads_a_draft_and_the_shortlist(page, tmp_path):
    page.open("/kipp?edition=2018")
    page.page.wait_for_selector("#kipp-grid .ag-row", timeout=20000)
    page.page.locator("#kipp-grid .ag-row .ag-cell[col-id='status']").first.click()
    button = page.page.locator("#kipp-checklist .kipp-draft-button")
    expect(button).to_be_visible(timeout=15000)
    name = page.page.locator("#kipp-checklist .fw-semibold").first.inner_text()
    with page.page.expect_download(timeout=30000) as download:
        button.click()
    assert re.fullmatch(r"KIPP2018-.+\.docx", download.value.suggested_filename)
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    document = docx.Document(str(target))
    assert document.paragraphs[1].text == name
    assert "1. Ringkasan" in [p.text for p in document.paragraphs]

    with page.page.expect_download(timeout=60000) as bundle:
        page.page.click("#kipp-download-shortlist")
    assert bundle.value.suggested_filename == "KIPP2018-daftar-usulan.zip"
    archive = tmp_path / "shortlist.zip"
    bundle.value.save_as(archive)
    names = zipfile.ZipFile(archive).namelist()
    assert len(names) == page.page.locator("#kipp-shortlist li").count() and all(n.endswith(".docx") for n in names)
    page.assert_clean()


def test_kipp_readiness_charts_have_the_download_menu_and_png_follows_the_edition(page):
    page.open("/kipp?edition=2018&from=2016&to=2017")
    expect(page.page.locator("#title-readiness")).to_contain_text("KIPP 2018", timeout=15000)
    for name in ("readiness", "readiness-agency"):
        expect(page.page.locator(_chart_menu(name))).to_be_visible()
        expect(page.page.locator(f"#caption-{name}")).to_contain_text("Tahun 2016–2017")
    filename, data = _download(page, _chart_menu("readiness"), _chart_item("readiness", "png"))
    assert filename == "inovasi-readiness_2016-2017.png" and data.startswith(SIGNATURES["png"])
    svg = _download(page, _chart_menu("readiness"), _chart_item("readiness", "svg"))[1].decode()
    assert "KIPP 2018" in svg
    page.page.select_option("#kipp-edition", "2023")
    expect(page.page.locator("#title-readiness")).to_contain_text("KIPP 2023", timeout=15000)
    svg = _download(page, _chart_menu("readiness"), _chart_item("readiness", "svg"))[1].decode()
    assert "KIPP 2023" in svg and "KIPP 2018" not in svg
    filename, data = _download(page, _chart_menu("readiness-agency"), _chart_item("readiness-agency", "png"))
    assert filename == "inovasi-readiness-agency_2016-2017.png" and data.startswith(SIGNATURES["png"])
    page.assert_clean()


def test_kipp_fits_a_phone(phone):
    phone.open("/kipp")
    phone.page.wait_for_selector("#chart-readiness .main-svg", timeout=20000)
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"/kipp scrolls sideways on a phone ({width} px)"
    phone.page.screenshot(path=str(SCREENSHOTS / "kipp-phone.png"), full_page=True)
    phone.assert_clean()


def test_kipp_proposal_progress_shows_every_column_on_a_phone(phone):
    """The per-institution progress (issue 13) fits its card: no column hidden past the card's edge (in
    English, whose headings are the longest)."""
    phone.open("/kipp?lang=en")
    table = phone.page.locator("#kipp-progress-table")
    table.wait_for(timeout=30000)
    overflow = table.evaluate("t => t.scrollWidth - t.parentElement.clientWidth")
    assert overflow <= 0, f"the progress table is {overflow} px wider than its card on a phone"
    phone.assert_clean()


def test_overview_and_detail_show_readiness(page):
    page.open("/")
    latest = load_editions().latest.year
    expect(page.page.locator("#kpi-ready")).to_have_text(expected_counts(latest)["siap"], timeout=15000)
    page.page.locator("#kpi-ready").is_visible()
    page.open("/kipp")
    page.page.wait_for_selector("#kipp-shortlist li a", timeout=20000)
    page.page.locator("#kipp-shortlist li a").first.click()
    expect(page.page.locator("#detail-readiness")).to_contain_text("Siap", timeout=15000)
    expect(page.page.locator("#detail-readiness .kipp-draft-button")).to_be_visible()
    page.assert_clean()


def test_kipp_grid_writes_scores_like_every_other_number(page):
    """The grid formats in the browser; its scores read as the pages', the drafts' and the CLI's do
    (format_score): "91,3" in Bahasa Indonesia, "91.3" in English."""
    from i18n import format_score

    latest = load_editions().latest.year
    scores = sorted(evaluate(_sample_frame(), latest).table["score"], reverse=True)[:5]
    for lang, query in (("id", ""), ("en", "?lang=en")):
        page.open(f"/kipp{query}")
        cells = page.page.locator("#kipp-grid .ag-row .ag-cell[col-id='score']")
        expect(cells.first).to_have_text(format_score(scores[0], lang), timeout=20000)
        shown = sorted(cells.all_inner_texts(), key=lambda text: -float(text.replace(",", ".")))[:5]
        assert shown == [format_score(score, lang) for score in scores]
    page.assert_clean()


@lru_cache(maxsize=1)
def _sample_frame():
    from loaders import SAMPLE_DIR, load_paths

    return load_paths([SAMPLE_DIR]).frame
