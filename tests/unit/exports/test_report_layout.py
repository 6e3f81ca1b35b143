"""The report as printed (issue 12): every page of the PDF rendered (pdftoppm) for the sample and under
a sector filter is at least a third full, no text is smaller than 8 pt (text read with pypdf, chart
images by their configured font sizes at the width they are placed), no chart appears twice, and
the One Agency One Innovation claim is only made where it is true."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections import Counter

import numpy as np
import pypdf
import pytest
from PIL import Image

from analytics.filters import Filters
from charts.views import Context
from dashboard.sources import DataSource
from exports.report.build import build_report, render_images
from exports.report.model import ChartPart, ListPart, TablePart
from exports.report.pdf import write_pdf

TODAY = dt.date(2018, 3, 8)
DPI = 36
FOOTER_MM = 14          # the page-number footer band at the bottom: not counted as content
MIN_FILL, MIN_PT = 1 / 3, 8.0


@pytest.fixture(scope="module")
def sample():
    return DataSource().dataset()


def _printed(dataset, filters: Filters, folder):
    """The report of the view written as PDF: the report (charts with their placed widths) and its path."""
    report = render_images(build_report(Context.build(dataset, filters), TODAY))
    path = folder / "laporan.pdf"
    write_pdf(report, path)
    return report, path


@pytest.fixture(scope="module", params=[Filters(), Filters(sectors=("Kesehatan",))], ids=["all", "kesehatan"])
def printed(request, sample, tmp_path_factory):
    return _printed(sample, request.param, tmp_path_factory.mktemp("report"))


def page_fills(path) -> list[float]:
    """Per page: the height the ink spans (first to last row with a non-white pixel, above the footer
    band) as a share of the page's height."""
    prefix = path.with_name("page")
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(path), str(prefix)], check=True)
    fills = []
    for picture in sorted(path.parent.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1])):
        pixels = np.asarray(Image.open(picture).convert("L"))
        body = pixels[: pixels.shape[0] - int(FOOTER_MM / 25.4 * DPI)]
        rows = np.flatnonzero((body < 235).any(axis=1))
        fills.append(0.0 if rows.size == 0 else (rows[-1] - rows[0] + 1) / pixels.shape[0])
    return fills


def text_sizes(path) -> Counter:
    """Every printed size (pt) of the PDF's text, from pypdf's text visitor (font size × text matrix)."""
    sizes: Counter = Counter()

    def visit(text, cm, tm, font, size):
        if text.strip() and size:
            sizes[round(size * abs(tm[3] or tm[0]) * abs(cm[3] or cm[0] or 1), 2)] += len(text.strip())

    for page in pypdf.PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_every_page_is_at_least_a_third_full(printed):
    _, path = printed
    fills = page_fills(path)
    assert len(fills) >= 3
    thin = {page: round(fill, 2) for page, fill in enumerate(fills, 1) if fill < MIN_FILL}
    assert not thin, f"pages less than a third full: {thin} (all: {[round(f, 2) for f in fills]})"


def test_no_text_under_8_pt(printed):
    report, path = printed
    sizes = text_sizes(path)
    assert sizes and min(sizes) >= MIN_PT, sorted(sizes.items())
    charts = [chart for chart in report.charts() if chart.image is not None]
    assert len(charts) >= 6
    small = {chart.name: round(chart.smallest_text_pt(), 2) for chart in charts if chart.smallest_text_pt() < MIN_PT}
    assert not small, f"chart text under {MIN_PT} pt as placed: {small}"


def test_no_chart_twice_and_rankings_are_top_10_and_others(printed):
    report, _ = printed
    names = [chart.name for chart in report.charts()]
    assert len(names) == len(set(names)), names
    for chart in report.charts():
        if chart.name in ("agency", "sector"):
            assert len(chart.table) <= 11
    agency = next(chart for chart in report.charts() if chart.name == "agency")
    if report.filters.endswith("Semua data"):
        assert len(agency.table) == 11 and agency.table.iloc[-1, 0] == "Lainnya"


def test_cover_states_the_main_findings_before_the_kpis(printed):
    report, _ = printed
    cover = report.sections[0].blocks
    assert isinstance(cover[0], ListPart) and cover[0].items
    trend = next(chart for chart in report.charts() if chart.name == "trend")
    assert cover[0].items[0] == trend.title


def _text(path) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_one_agency_claim_only_where_it_holds(sample, tmp_path):
    whole = build_report(Context.build(sample, Filters(year_to=2025)), TODAY)
    statements = [b for s in whole.sections for b in s.blocks if isinstance(b, str)]
    assert any("dari 57 perangkat daerah belum berinovasi pada 2025" in s for s in statements)

    health = Context.build(sample, Filters(sectors=("Kesehatan",)))
    report = build_report(health, TODAY)
    words = " ".join(b for s in report.sections for b in s.blocks if isinstance(b, str))
    words += " ".join(i for s in report.sections for b in s.blocks if isinstance(b, ListPart) for i in b.items)
    assert "belum berinovasi" not in words and "Satu OPD Satu Inovasi:" not in words
    assert "Satu OPD Satu Inovasi tidak dihitung untuk tampilan ini" in words and "Urusan: Kesehatan" in words
    assert "compliance" not in [chart.name for chart in report.charts()]
    monkey_free = tmp_path / "k.pdf"
    write_pdf(report, monkey_free)  # the printed text says the same (no image needed for the sentence)
    assert "belum berinovasi" not in _text(monkey_free)


def test_agency_filter_keeps_the_rule_for_the_chosen_agencies(sample):
    ctx = Context.build(sample, Filters(agencies=("Dinas Kesehatan", "Dinas Pariwisata")))
    report = build_report(ctx, TODAY)
    assert "compliance" in [chart.name for chart in report.charts()]
    statements = " ".join(b for s in report.sections for b in s.blocks if isinstance(b, str))
    assert "dari 2 perangkat daerah terpilih" in statements
    assert "Semua perangkat daerah berinovasi" not in statements   # said of two, it would read as the regency's


def test_the_agencies_kpi_says_over_which_years(sample):
    """'57 of 57 innovated' over 2019-2025 sits beside '16 of 57 had none in 2025': the KPI names its years."""
    report = build_report(Context.build(sample, Filters(year_from=2019, year_to=2025)), TODAY)
    kpis = next(b for s in report.sections for b in s.blocks if isinstance(b, TablePart))
    assert "Perangkat daerah berinovasi, 2019–2025" in kpis.frame.iloc[:, 0].tolist()


def test_one_agency_s_report_never_claims_every_agency_innovated(sample):
    ctx = Context.build(sample, Filters(agencies=("Dinas Kesehatan",)))
    report = build_report(ctx, TODAY)
    statements = " ".join(b for s in report.sections for b in s.blocks if isinstance(b, str))
    words = statements + " ".join(i for s in report.sections for b in s.blocks if isinstance(b, ListPart)
                                  for i in b.items)
    assert "Semua perangkat daerah" not in words and "paling banyak berinovasi" not in words
    assert "1 dari 1 perangkat daerah terpilih berinovasi pada" in statements


def test_smallest_chart_text_follows_the_placed_width():
    import plotly.graph_objects as go

    chart = ChartPart("x", "t", go.Figure(layout=dict(width=700, font=dict(size=13),
                                                      xaxis=dict(tickfont=dict(size=12)))), None, False)
    assert chart.smallest_text_pt() is None
    chart.placed_width = 350.0
    assert chart.smallest_text_pt() == pytest.approx(6.0)
