"""The fast first screen in a real browser: the partial Plotly bundle draws every chart type the pages
use, grey skeletons stand where the page and its charts will be until they are drawn, and the table
behind a chart is built when "lihat tabel" opens it."""

from __future__ import annotations

import re

import pytest

PAGES = {"/": ["chart-trend", "chart-agency", "chart-sector"],
         "/tren": ["chart-year", "chart-breakdown", "chart-yoy"],
         "/opd": ["chart-agency-rank", "chart-heatmap", "chart-compliance"],
         "/urusan": ["chart-sector-rank", "chart-sector-year"],
         "/kipp": ["chart-readiness", "chart-readiness-agency"],
         "/provinsi": ["chart-region-count", "chart-region-trend", "chart-region-sector", "chart-region-index"]}
SKELETON_GREY = "rgb(228, 232, 236)"


def record_requests(page) -> list[str]:
    urls: list[str] = []
    page.page.on("request", lambda request: urls.append(request.url))
    return urls


@pytest.mark.parametrize("path", list(PAGES))
def test_every_chart_is_drawn_by_the_partial_bundle_without_errors(page, path):
    urls = record_requests(page)
    page.open(path)
    for chart in PAGES[path]:
        page.page.wait_for_selector(f"#{chart} .main-svg", timeout=30000)
        marks = page.page.locator(f"#{chart} .bars .point path, #{chart} .hm image")
        assert marks.count() > 0, f"{chart} drew no bar and no heatmap"
    assert page.page.evaluate("typeof Plotly.newPlot") == "function"
    assert any("vendor/plotly-bar-heatmap" in url for url in urls)
    assert not any("plotly.min.js" in url for url in urls)  # the full 4.8 MB bundle is never fetched
    page.assert_clean()


WIDENED = """() => [...document.querySelectorAll('.chart-area .js-plotly-plot')].flatMap(gd => {
  const size = gd._fullLayout._size, margin = gd._fullLayout.margin;
  return ['l', 'r', 't', 'b'].filter(side => size[side] > margin[side]).map(side => gd.parentElement.id + ':' + side);
})"""


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", list(PAGES))
def test_the_margins_sent_hold_every_label_so_plotly_draws_each_chart_once(page, path, lang):
    """Plotly widens a margin (and draws the chart again) only when its labels need more room than sent."""
    page.open(f"{path}?lang={lang}" if lang == "en" else path)
    for chart in PAGES[path]:
        page.page.wait_for_selector(f"#{chart} .main-svg", timeout=30000)
    assert page.page.evaluate(WIDENED) == []
    page.assert_clean()


def test_the_heatmaps_draw_their_cells(page):
    page.open("/opd")
    page.page.wait_for_selector("#chart-heatmap .hm image", timeout=30000)
    page.open("/urusan")
    page.page.wait_for_selector("#chart-sector-year .hm image", timeout=30000)
    page.assert_clean()


class Held:
    """Requests matching `part` are held (not answered) until `release()`: what a slow network shows."""

    def __init__(self, page, part: str):
        self.routes, self.released = [], False
        page.page.route(lambda url: part in url, self._route)

    def _route(self, route) -> None:
        route.continue_() if self.released else self.routes.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.routes:
            route.continue_()


def test_a_skeleton_stands_where_the_page_will_be_until_it_arrives(page):
    held = Held(page, "_dash-update-component")
    page.page.goto(page.server.url + "/opd", wait_until="commit")
    page.page.wait_for_selector("#page-skeleton", state="visible", timeout=30000)
    busy, charts = page.page.evaluate("[document.querySelector('#page-skeleton').getAttribute('aria-busy'), "
                                      "document.querySelectorAll('#page-skeleton .skeleton-chart').length]")
    assert busy == "true" and charts >= 2
    held.release()
    page.page.wait_for_selector("#chart-heatmap .main-svg", timeout=60000)
    assert page.page.locator("#page-skeleton").count() == 0
    page.assert_clean()


def test_a_chart_area_is_grey_until_plotly_has_drawn_it(page):
    held = Held(page, "async-graph")  # the graph's code arrives late
    page.page.goto(page.server.url + "/", wait_until="commit")
    area = ".card-body:has(#caption-trend) .chart-area"
    page.page.wait_for_selector(area, state="attached", timeout=30000)
    grey = page.page.eval_on_selector(area, "e => [getComputedStyle(e).backgroundColor, e.offsetHeight]")
    assert grey[0] == SKELETON_GREY and grey[1] >= 300
    held.release()
    page.page.wait_for_selector("#chart-trend .main-svg", timeout=60000)
    drawn = page.page.eval_on_selector(area, "e => getComputedStyle(e).backgroundColor")
    assert drawn != SKELETON_GREY
    page.assert_clean()


def test_the_table_behind_a_chart_is_built_when_opened_and_follows_the_filters(page):
    page.open("/?from=2015&to=2016")
    assert page.page.locator("#table-trend table").count() == 0  # not sent with the page
    page.page.click(".chart-table-toggle >> nth=0")
    page.page.wait_for_selector("#table-trend table", state="visible", timeout=15000)
    assert [row.split()[0] for row in page.page.locator("#table-trend tbody tr").all_inner_texts()] == ["2015", "2016"]
    before = page.page.inner_text("#table-trend tbody")
    bar = page.page.locator("#chart-agency .bars .point path").first  # an agency bar: its filter applies
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.page.wait_for_url(re.compile(r"agency="), timeout=15000)
    page.page.wait_for_function(
        "b => { const t = document.querySelector('#table-trend tbody'); return t && t.innerText !== b; }",
        arg=before, timeout=15000)
    page.assert_clean()


GRID_SCRIPT = "/_dash-component-suites/dash_ag_grid/dash_ag_grid."
FIRST_ROW = "#{} .ag-center-cols-container .ag-row[row-index='0']"


def test_the_grid_script_comes_only_with_the_first_page_that_draws_a_grid(page):
    """AG Grid's bundle is not fetched for the overview; following the menu to /inovasi brings it (the
    router's answer), its grid fills, and /kipp's grid then draws without fetching it again."""
    urls = record_requests(page)
    page.open("/")
    page.page.wait_for_selector("#chart-trend .main-svg", timeout=30000)
    assert not any(GRID_SCRIPT in url for url in urls)
    for path, grid in (("/inovasi", "inovasi-grid"), ("/kipp", "kipp-grid")):
        page.page.click(f".navbar a[href='{path}']")
        page.page.wait_for_selector(FIRST_ROW.format(grid), timeout=30000)
        page.settle()
    assert len([url for url in urls if GRID_SCRIPT in url and url.endswith(".min.js")]) == 1
    assert page.page.evaluate("typeof dash_ag_grid.getApiAsync") == "function"
    page.assert_clean()


def test_a_page_with_a_grid_opened_directly_fetches_its_script_once_and_draws_it(page):
    """The page preloads the script that the router's answer then hands to the renderer: one fetch."""
    urls = record_requests(page)
    page.open("/kipp")
    page.page.wait_for_selector(FIRST_ROW.format("kipp-grid"), timeout=30000)
    assert len([url for url in urls if GRID_SCRIPT in url and url.endswith(".min.js")]) == 1
    page.assert_clean()
