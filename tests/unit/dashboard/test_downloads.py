"""The download buttons (dashboard.components.downloads): formats offered, and a plain word without Chromium."""

from __future__ import annotations

import pytest

from analytics.filters import Filters
from dashboard.components.downloads import _edition, create_chart_menu, create_download_bar
from dashboard.sources import FrameSource
from charts.views import Context
from tests.unit.dashboard_frames import story_frame


@pytest.fixture(scope="module")
def story():
    return FrameSource(story_frame()).dataset()


def _texts(component) -> list[str]:
    """Every text of a component tree, in order (labels before children)."""
    if isinstance(component, str):
        return [component]
    if isinstance(component, (list, tuple)):
        return [text for child in component for text in _texts(child)]
    texts = []
    for prop in ("label", "children"):
        value = getattr(component, prop, None)
        if value is not None:
            texts += _texts(value)
    return texts


def test_chart_menu_offers_png_svg_and_pdf(story):
    menu = create_chart_menu("trend", Context.build(story, Filters(lang="en")))
    assert _texts(menu) == ["Download chart", "PNG image", "SVG image (vector)", "PDF"]


def test_without_chromium_the_chart_menu_says_so(story, monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "chromium"))
    menu = create_chart_menu("trend", Context.build(story, Filters()))
    texts = _texts(menu)
    assert texts[0] == "Unduh grafik"
    assert "Chromium tidak terpasang di server" in texts[1] and "Ikon kamera" in texts[1]


def test_download_bar_has_data_and_report_menus():
    texts = _texts(create_download_bar("id"))
    assert texts == ["Unduh data", "Excel (.xlsx)", "CSV (.csv)", "Unduh laporan", "Laporan PDF",
                     "Laporan Word (.docx)"]


@pytest.mark.parametrize("search,edition", [("?edition=2018&from=2016", 2018), ("?from=2016", None),
                                            ("?edition=x", None), (None, None)])
def test_edition_comes_from_the_url(search, edition):
    assert _edition(search) == edition
