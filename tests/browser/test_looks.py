"""What an official sees, in a real browser on the sample: no page scrolls sideways on a 390 px phone, in
either language, and the replication search box is as wide as its column, with a prompt before a search."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

PAGES = ["/", "/tren", "/opd", "/urusan", "/inovasi", "/kipp", "/iid", "/replikasi"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_on_a_phone(phone, path, lang):
    phone.open(path + ("?lang=en" if lang == "en" else ""))
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{path} ({lang}) is {width} px wide on a 390 px phone"
    phone.assert_clean()


def test_replication_search_box_spans_its_column_and_prompts_before_a_search(page):
    page.open("/replikasi?lang=en")
    box = page.page.locator("#replication-query")
    expect(box).to_have_attribute("placeholder", "Search innovations: words of a name, description or sector "
                                                 "(e.g. posyandu lansia)")
    box_width = box.evaluate("e => e.getBoundingClientRect().width")
    column_width = page.page.locator("#replication-results").evaluate("e => e.getBoundingClientRect().width")
    assert box_width >= 0.95 * column_width, (box_width, column_width)
    expect(page.page.locator("#replication-prompt")).to_contain_text("Type words in the search box")
    expect(page.page.locator("#replication-others")).to_have_count(0)
    page.assert_clean()


def test_a_cut_innovation_name_in_the_list_ends_in_an_ellipsis(phone):
    phone.open("/inovasi")
    cell = phone.page.locator(".ag-row .ag-cell .agGrid-Markdown > div").first
    expect(cell).to_be_visible(timeout=20000)
    assert cell.evaluate("e => getComputedStyle(e).textOverflow") == "ellipsis"
    assert cell.evaluate("e => getComputedStyle(e).overflow") == "hidden"
    phone.assert_clean()


def test_iid_moves_carry_their_indicator_number_without_a_second_list_number(page):
    page.open("/iid?lang=en")
    moves = page.page.locator("#iid-whatif")
    expect(moves.locator("li").first).to_contain_text("for the government: +", timeout=20000)
    assert moves.evaluate("e => getComputedStyle(e.querySelector('li')).listStyleType") != "decimal"
    page.assert_clean()
