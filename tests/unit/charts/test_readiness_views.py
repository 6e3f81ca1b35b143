"""KIPP readiness as views (charts.readiness_views): one cached evaluation, and the page, the report
and the CLI's image all drawing the same readiness numbers through `views.render`."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cli import build_parser
from charts import readiness_views as kv
from analytics.kipp.editions import load_editions
from analytics.filters import Filters
from analytics.kipp.statuses import STATUSES, status_label
from analytics.kipp.readiness import evaluate, status_counts, summary
from analytics.dataset import make_dataset
from dashboard.sources import DataSource
from exports import images
from exports.report.build import build_report
from exports.report.model import ChartPart
from charts.views import Context, render
from loaders import SAMPLE_DIR
from tests.unit.dashboard_frames import frame_of


@pytest.fixture(scope="module")
def sample():
    return DataSource().dataset()


def bar_counts(figure) -> pd.DataFrame:
    """The numbers a stacked readiness figure draws: one row per bar, one column per status."""
    labels = {status_label(status, "id"): status for status in STATUSES}
    return pd.DataFrame({labels[trace.name]: list(trace.y) for trace in figure.data},
                        index=list(figure.data[0].x)).astype(int)


def expected_by_year(dataset, filters: Filters, edition: int) -> pd.DataFrame:
    """Readiness per year straight from the engine: the whole data judged, then narrowed to the view."""
    view = filters.apply(dataset.frame)
    counts = status_counts(evaluate(dataset.frame, edition).select(view.index), "year")
    counts.index = counts.index.astype(int)
    return counts.rename_axis(index=None, columns=None)


def test_readiness_render_report_and_cli_give_the_same_numbers(sample, tmp_path):
    filters = Filters(year_from=2016, year_to=2017)
    page = render("readiness", Context.build(sample, filters, edition=2018))
    expected = expected_by_year(sample, filters, 2018)
    pd.testing.assert_frame_equal(bar_counts(page.figure), expected, check_dtype=False)
    assert page.title == (f"{expected['Siap'].sum()} dari {expected.to_numpy().sum()} inovasi siap diusulkan "
                          "ke KIPP 2018")

    report = build_report(Context.build(sample, filters, edition=2018), dt.date(2018, 3, 8))
    part = next(chart for chart in report.charts() if chart.name == "readiness")
    assert isinstance(part, ChartPart) and part.title == page.title
    pd.testing.assert_frame_equal(part.table, page.table)
    pd.testing.assert_frame_equal(bar_counts(part.figure), expected, check_dtype=False)

    from cli.common import load_context

    args = build_parser(["chart"]).parse_args(["chart", "readiness", "--data", str(SAMPLE_DIR), "--from", "2016",
                                               "--to", "2017", "--edition", "2018", "-o", str(tmp_path / "r.png")])
    figure, filename = images.export_figure("readiness", load_context(args))
    assert filename == "inovasi-readiness_2016-2017"
    pd.testing.assert_frame_equal(bar_counts(figure), expected, check_dtype=False)


def test_readiness_edition_defaults_to_the_latest(sample):
    filters = Filters(year_from=2017, year_to=2017)
    latest = load_editions().latest
    assert kv.context_year(Context.build(sample, filters)) == latest.year
    assert render("readiness", Context.build(sample, filters)).title.endswith(latest.label)
    assert render("readiness", Context.build(sample, filters, edition="2021")).title.endswith("KIPP 2021")
    assert kv.context_year(Context.build(sample, filters, edition=2018), edition=2021) == 2021


def test_readiness_of_is_cached_per_dataset_and_edition(sample):
    assert kv.readiness_of(sample, 2018) is kv.readiness_of(sample, 2018)
    assert kv.readiness_of(sample, 2018) is not kv.readiness_of(sample, 2021)
    again = make_dataset(sample.frame, sample.version, sample.source_label, sample.reference)
    assert kv.readiness_of(again, 2018) is not kv.readiness_of(sample, 2018)  # a new data version


@pytest.mark.parametrize("filters", [Filters(), Filters(year_from=2016, year_to=2016),
                                     Filters(agencies=("Dinas Kesehatan",)), Filters(year_from=2030)])
def test_ready_count_equals_the_view_readiness(sample, filters):
    ctx = Context.build(sample, filters)
    year = kv.context_year(ctx)
    assert kv.ready_count(ctx, year) == summary(kv.view_readiness(ctx, year))["Siap"]
    assert summary(kv.view_statuses(ctx, year)) == summary(kv.view_readiness(ctx, year))


@pytest.mark.parametrize("by", ["year", "agency"])
@pytest.mark.parametrize("filters", [Filters(), Filters(year_from=2016, year_to=2016), Filters(sectors=("Kesehatan",)),
                                     Filters(agencies=("Dinas Kesehatan",)), Filters(year_from=2030)])
def test_view_counts_from_the_whole_datas_codes_are_the_views_own(sample, filters, by):
    """The charts count a view from the codes of the whole data's readiness: the same table as
    counting the view's own readiness (values no row in view has left out)."""
    ctx = Context.build(sample, filters)
    expected = status_counts(kv.view_readiness(ctx, kv.context_year(ctx)), by)
    pd.testing.assert_frame_equal(kv.view_status_counts(ctx, by), expected, check_index_type=len(expected) > 0)


def test_agency_chart_ranks_by_ready_draws_the_top_and_wraps_long_names():
    counts = pd.DataFrame({"Siap": [0, 3, 3], "Hampir siap": [5, 0, 1], "Belum memenuhi syarat": [0, 0, 0],
                           "Jalur khusus": [0, 0, 0]},
                          index=["Badan A", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten", "Dinas C"])
    assert list(kv.rank_agencies(counts).index) == ["Dinas C", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten",
                                                    "Badan A"]
    figure = kv.readiness_agency_figure(counts, "id", top=2)
    assert list(figure.data[0].y) == ["Dinas C", "Dinas Pekerjaan Umum dan<br>Penataan Ruang Kabupaten"]
    assert list(figure.data[0].customdata) == ["Dinas C", "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten"]


def test_agency_chart_gives_every_row_room_for_the_longest_name():
    """Plotly gives every category the same height: a three-line name among short ones must not overlap."""
    names = ["Dinas A", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", *[f"Dinas {i}" for i in range(8)]]
    counts = pd.DataFrame({"Siap": [1] * 10, "Hampir siap": [0] * 10, "Belum memenuhi syarat": [0] * 10,
                           "Jalur khusus": [0] * 10}, index=names)
    figure = kv.readiness_agency_figure(counts, "id")
    lines = max(label.count("<br>") + 1 for label in figure.data[0].y)
    legend_and_axis = 140  # the chart's fixed room above and below its rows
    assert lines == 3 and (figure.layout.height - legend_and_axis) / len(names) >= 15 * lines


def test_agency_render_names_the_most_ready_agency():
    frame = frame_of([{"year": 2016, "agency": "Dinas A", "name": f"Inovasi {i}"} for i in range(3)])
    ctx = Context.build(make_dataset(frame, "test", "sample"), Filters())
    rendered = render("readiness-agency", ctx)
    assert rendered.title == "Belum ada inovasi yang siap; lihat kekurangannya di tabel"
    assert rendered.table.columns[0] == ctx.dataset.column_label("agency", "id")
    assert rendered.table.iloc[0, 0] == "Dinas A"
    assert sum(int(v) for v in rendered.table.iloc[0, 1:]) == 3
