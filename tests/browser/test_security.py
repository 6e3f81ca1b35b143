"""Security in a real browser against the real server: no chart offers to send data to Plotly's cloud
or to Chart Studio, and the page's own requests carry the CSRF token (callbacks work, the logout
button ends the session)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import log_in_as, seeded_server

PASSWORD = "kata-sandi-uji-1"
CHART_PAGES = ["/", "/tren", "/opd", "/urusan", "/kipp"]
CLOUD_WORDS = ("cloud", "chart studio", "plotly", "plot.ly")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with seeded_server(tmp_path_factory.mktemp("security"), {"viewer1": "viewer"}, PASSWORD) as started:
        yield started


MODEBARS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot => ({
    id: plot.parentElement.id || plot.id,
    buttons: Array.from(plot.querySelectorAll('.modebar-btn')).map(b => (b.getAttribute('data-title') || '') + ' '
        + (b.getAttribute('data-val') || '') + ' ' + (b.getAttribute('href') || '')),
    links: Array.from(plot.querySelectorAll('.modebar a')).map(a => a.href),
    config: {cloud: plot._context.showSendToCloud, studio: plot._context.showEditInChartStudio,
             logo: plot._context.displaylogo}}))"""


def test_no_chart_offers_a_cloud_or_chart_studio_link(browser, server):
    page = log_in_as(browser, server, "viewer1", PASSWORD)
    try:
        seen = 0
        for path in CHART_PAGES:
            page.open(path)
            page.page.wait_for_selector(".js-plotly-plot .modebar-btn", state="attached", timeout=30000)
            for chart in page.page.evaluate(MODEBARS):
                seen += 1
                assert chart["buttons"], chart                      # the toolbar is there (image download)
                text = " ".join(chart["buttons"] + chart["links"]).lower()
                assert not any(word in text for word in CLOUD_WORDS), (path, chart)
                config = chart["config"]   # plotly.js 3 dropped Chart Studio: its option is then undefined
                assert config["cloud"] is False and config["logo"] is False and config["studio"] in (False, None)
        assert seen >= 10
        page.assert_clean()
    finally:
        page.context.close()


def test_the_pages_own_posts_carry_the_token_and_logout_ends_the_session(browser, server):
    page = log_in_as(browser, server, "viewer1", PASSWORD)   # every callback so far passed the CSRF check
    try:
        page.open("/opd")
        page.page.click("#nav-logout")
        page.page.wait_for_url(re.compile(r"/login"))
        page.page.goto(server.url + "/tren")
        page.page.wait_for_url(re.compile(r"/login\?next=/tren"))
        assert page.page.locator("#login-form").count() == 1
        page.assert_clean()
    finally:
        page.context.close()
