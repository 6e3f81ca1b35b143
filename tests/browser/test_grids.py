"""The big grids in Chromium: /inovasi loads its rows block by block as it scrolls, and sorting a
column asks the server for the rows in the new order, and a grid far below the fold draws its rows
without being scrolled to (dashboard/components/grid.py)."""

from __future__ import annotations

from urllib.parse import unquote

import pandas as pd

from dashboard.components.grid import BLOCK
from tests.browser.conftest import Page
from tests.browser.test_dashboard_browser import sample_frame

ROW = "#inovasi-grid .ag-center-cols-container .ag-row[row-index='{}'] a"


def in_list_order(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["year", "agency", "name"], na_position="last", kind="stable")


def id_at(page, index: int, timeout: float = 20000) -> str:
    """The innovation id the grid shows at row `index` (waiting for its block to arrive)."""
    link = page.page.locator(ROW.format(index))
    link.wait_for(timeout=timeout)
    return unquote(link.evaluate("a => a.pathname").rsplit("/", 1)[1])


def wait_for_first(page, innovation_id: str) -> None:
    """Wait until the grid's first row is `innovation_id` (after a sort, the server's new block)."""
    page.page.wait_for_function(
        "([selector, id]) => { const a = document.querySelector(selector);"
        " return a && decodeURIComponent(a.pathname) === '/inovasi/' + id; }",
        arg=[ROW.format(0), innovation_id], timeout=20000)


def scroll_to(page, index: int) -> None:
    """Wheel the grid down, a few rows at a time, until row `index` is drawn (its data may still be on the way)."""
    page.page.hover("#inovasi-grid .ag-body")
    for _ in range(400):
        if page.page.locator(ROW.format(index).removesuffix(" a")).count():
            return
        page.page.mouse.wheel(0, 200)
        page.page.wait_for_timeout(50)
    raise AssertionError(f"row {index} never appeared")


def test_the_innovation_grid_loads_the_next_block_when_scrolled_and_sorts_on_the_server(page):
    frame = in_list_order(sample_frame())
    assert len(frame) > 2 * BLOCK
    page.open("/inovasi")
    assert id_at(page, 0) == frame["id"].iloc[0]
    assert page.page.locator(ROW.format(BLOCK + 20)).count() == 0  # only the first block arrived
    scroll_to(page, BLOCK + 20)
    assert id_at(page, BLOCK + 20) == frame["id"].iloc[BLOCK + 20]

    page.page.click("#inovasi-grid .ag-header-cell[col-id='name'] .ag-header-cell-label")  # sort by name, A→Z
    by_name = frame.sort_values("name", key=lambda names: names.str.casefold(), kind="stable", na_position="last")
    wait_for_first(page, by_name["id"].iloc[0])
    assert [id_at(page, i) for i in range(3)] == by_name["id"].iloc[:3].tolist()
    page.page.click("#inovasi-grid .ag-header-cell[col-id='name'] .ag-header-cell-label")  # Z→A
    last = frame.sort_values("name", key=lambda names: names.str.casefold(), ascending=False, kind="stable",
                             na_position="last")
    wait_for_first(page, last["id"].iloc[0])
    scroll_to(page, BLOCK + 5)
    assert id_at(page, BLOCK + 5) == last["id"].iloc[BLOCK + 5]
    page.assert_clean()


def test_a_grid_far_below_the_fold_draws_its_rows_without_being_scrolled_to(browser, server):
    """/kipp's grid sits under its charts, several screens down on a short window: its rows are drawn
    (not left hidden until the user scrolls near) and its flexible columns fill its width."""
    short = Page(browser, server, {"width": 1280, "height": 400})
    try:
        short.open("/kipp")
        grid = short.page.locator("#kipp-grid")
        assert grid.evaluate("e => e.getBoundingClientRect().top") > 3 * 400
        short.page.wait_for_selector("#kipp-grid .ag-row", timeout=20000)
        widths = grid.evaluate("""e => [e.querySelector('.ag-center-cols-viewport').clientWidth,
            [...e.querySelectorAll('.ag-header-row-column .ag-header-cell')]
                .reduce((sum, cell) => sum + cell.getBoundingClientRect().width, 0)]""")
        assert abs(widths[0] - widths[1]) <= 2, widths
        short.assert_clean()
    finally:
        short.context.close()
