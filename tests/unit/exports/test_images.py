"""Chart images (exports.images): signatures, scale, the title, filters and source inside."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from analytics.filters import Filters
from dashboard.sources import DataSource, FrameSource
from exports import images
from exports.charts import chart_names
from charts.views import Context, render
from tests.unit.dashboard_frames import story_frame

SIGNATURES = {"png": b"\x89PNG\r\n\x1a\n", "svg": b"<svg", "pdf": b"%PDF-"}


@pytest.fixture(scope="module")
def sample():
    return DataSource().dataset()


@pytest.fixture(scope="module")
def story():
    return FrameSource(story_frame(), label="uji.xlsx").dataset()


def test_chromium_available_follows_browser_path(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    assert images.browser_path() == str(tmp_path / "no-such-chromium")
    assert not images.chromium_available()
    monkeypatch.delenv("BROWSER_PATH")
    assert images.browser_path() == "/usr/bin/chromium"
    assert images.chromium_available()


def test_framed_figure_holds_title_filters_and_source(story):
    ctx = Context.build(story, Filters(year_from=2016, year_to=2017, agencies=("Dinas Kesehatan",)))
    rendered = render("agency", ctx)
    framed = images.framed_figure(rendered.figure, rendered.title, images.filters_in_words(ctx),
                                  images.image_footer(ctx))
    assert rendered.title in framed.layout.title.text
    assert framed.layout.title.subtitle.text == "Tahun 2016–2017 · OPD: Dinas Kesehatan"
    assert "Sumber: uji.xlsx" in framed.layout.annotations[-1].text
    assert framed.layout.width == images.IMAGE_WIDTH
    assert rendered.figure.layout.title.text is None  # the page's figure is left as it was


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_chart_image_opens_as_its_format(story, fmt):
    ctx = Context.build(story, Filters(year_from=2016, year_to=2016))
    data, filename = images.chart_image("trend", ctx, fmt)
    assert data.startswith(SIGNATURES[fmt]), data[:20]
    assert filename == f"inovasi-trend_2016-2016.{fmt}"


def test_png_is_twice_the_css_width_with_horizontal_agency_bars(sample):
    ctx = Context.build(sample, Filters(year_from=2016, year_to=2016))
    data, _ = images.chart_image("agency", ctx, "png")
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.size[0] == 2 * images.IMAGE_WIDTH
    figure, _ = images.export_figure("agency", ctx)
    assert figure.data[0].orientation == "h"


def test_svg_text_states_title_filters_and_source(story):
    ctx = Context.build(story, Filters(year_from=2016, year_to=2016, sectors=("Kesehatan",), lang="en"))
    data, _ = images.chart_image("sector", ctx, "svg")
    text = data.decode("utf-8")
    assert "Health: " in text and " innovations" in text and "most" not in text   # one sector: its count, no lead
    assert "Year 2016 · Sector: Health" in text
    assert "Source: uji.xlsx" in text


def test_every_chart_renders_including_readiness_and_an_empty_view(sample):
    ctx = Context.build(sample, Filters(year_from=2016, year_to=2017))
    futures_figures = [images.export_figure(name, ctx)[0] for name in chart_names()]
    pictures = images.figure_images(futures_figures, "png", 1)
    assert len(pictures) == len(chart_names())
    assert all(picture.startswith(SIGNATURES["png"]) for picture in pictures)
    empty = Context.build(sample, Filters(year_from=1990, year_to=1990))
    data, _ = images.chart_image("readiness", empty, "png")
    assert data.startswith(SIGNATURES["png"])


def test_one_warm_browser_serves_every_image(story):
    ctx = Context.build(story, Filters())
    images.chart_image("trend", ctx, "png")
    browser = images.renderer()._kaleido
    for fmt in ("png", "svg", "pdf"):
        images.chart_image("agency", ctx, fmt)
    assert images.renderer()._kaleido is browser


def test_unknown_format_is_refused(story):
    with pytest.raises(images.ImageExportError, match="format tidak dikenal: gif"):
        images.chart_image("trend", Context.build(story, Filters()), "gif")


def test_a_missing_chromium_is_said_plainly(tmp_path):
    renderer = images.ChartRenderer(path=str(tmp_path / "chromium"))
    with pytest.raises(images.ImageExportError, match="Chromium tidak ditemukan"):
        renderer.render({"data": [], "layout": {}}, "png")
