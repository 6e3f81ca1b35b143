"""Every figure builder: pure frame -> Figure, checked on values, axes, formats and colours."""

import pandas as pd
import pytest

from charts import figures, theme
from analytics import metrics, one_agency
from tests.unit.dashboard_frames import story_frame


def counts():
    return metrics.counts_by_year(story_frame())


def test_trend_figure_bars_per_integer_year():
    figure = figures.trend_figure(counts(), "id")
    bar = figure.data[0]
    assert list(bar.x) == [2015, 2016, 2017]
    assert list(bar.y) == [79, 67, 56]
    assert list(bar.customdata) == [2015, 2016, 2017]  # a click filters by the year
    assert figure.layout.xaxis.dtick == 1 and figure.layout.xaxis.tickformat == "d"
    assert figure.layout.separators == ",."
    assert figure.layout.template.layout.colorway == tuple(theme.PALETTE)


def test_trend_figure_text_in_indonesian_format():
    big = pd.DataFrame({"year": [2020], "count": [1234]})
    assert list(figures.trend_figure(big, "id").data[0].text) == ["1.234"]
    assert list(figures.trend_figure(big, "en").data[0].text) == ["1,234"]
    assert figures.trend_figure(big, "en").layout.separators == ".,"


def test_ranking_figure_most_first_and_names_wrapped():
    ranked = metrics.rank(story_frame(), "agency")
    ranked.loc[0, "value"] = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Muara Enim"
    figure = figures.ranking_figure(ranked, "id", "axis.count")
    bar = figure.data[0]
    assert bar.orientation == "h"
    assert list(bar.x) == [51, 51, 51, 49]
    assert bar.y[0] == "Dinas Penanaman Modal dan Pelayanan Terpadu Satu<br>Pintu Kabupaten Muara Enim"
    assert bar.customdata[0] == "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Muara Enim"
    assert figure.layout.yaxis.autorange == "reversed"
    assert figure.layout.yaxis.ticklabelposition == "inside top"  # names above the bars, readable on a phone


def test_ranking_figure_greys_the_summed_others_bar():
    """'Lainnya' is often the longest bar of a top 10; in the ranked bars' colour it read as the leader."""
    ranked = metrics.top_and_others(metrics.rank(story_frame(), "agency"), 2)
    colours = figures.ranking_figure(ranked, "id", "axis.count").data[0].marker.color
    assert list(colours) == [theme.BAR, theme.BAR, theme.OTHERS]
    assert theme.contrast_ratio(theme.OTHERS) >= 3 and theme.OTHERS != theme.BAR
    assert figures.ranking_figure(metrics.rank(story_frame(), "agency"), "id", "axis.count").data[0].marker.color \
        == theme.BAR                                        # a full ranking keeps its one colour


def test_sector_figure_one_trace_per_group():
    ranking = metrics.sector_ranking(story_frame(), {"Kesehatan": "wajib_dasar", "Pendidikan": "wajib_dasar",
                                                     "Perhubungan": "wajib_non_dasar"},
                                     ["wajib_dasar", "wajib_non_dasar"])
    figure = figures.sector_figure(ranking, "en", lambda s: s.upper(), lambda g: f"group {g}")
    assert [trace.name for trace in figure.data] == ["group wajib_dasar", "group wajib_non_dasar", "group None"]
    assert [list(trace.x) for trace in figure.data] == [[52, 51], [50], [49]]
    assert figure.data[2].marker.color == theme.NEUTRAL  # unknown group in grey


def test_breakdown_figure_stacks_values_with_missing_in_grey():
    breakdown = metrics.breakdown_by_year(story_frame(), "stage")
    figure = figures.breakdown_figure(breakdown, "id", lambda v: v or "Tidak diisi")
    assert figure.layout.barmode == "stack"
    names = [trace.name for trace in figure.data]
    assert set(names) == {"Penerapan", "Uji Coba", "Inisiatif", "Tidak diisi"}
    missing = figure.data[names.index("Tidak diisi")]
    assert missing.marker.color == theme.NEUTRAL
    assert list(missing.y) == [19, 16, 14]


def test_yoy_figure_colours_falls_and_rises():
    changes = metrics.year_over_year(pd.DataFrame({"year": [2015, 2016, 2017], "count": [10, 5, 10]}))
    figure = figures.yoy_figure(changes, "id")
    assert list(figure.data[0].y) == [-0.5, 1.0]
    assert list(figure.data[0].marker.color) == [theme.NEGATIVE, theme.POSITIVE]
    assert list(figure.data[0].text) == ["−50%", "+100%"]


def test_heatmap_figure_rows_by_years():
    matrix = metrics.year_matrix(story_frame(), "agency")
    figure = figures.heatmap_figure(matrix, "id")
    heatmap = figure.data[0]
    assert list(heatmap.x) == [2015, 2016, 2017]
    assert [list(row) for row in heatmap.z][0] == [20, 17, 14]
    assert heatmap.texttemplate == "%{z}"


def test_compliance_figure_rates_and_counts():
    compliance = one_agency.compliance_by_year(story_frame(), ["Dinas Kesehatan", "Dinas Sosial"], (2015, 2016))
    figure = figures.compliance_figure(compliance, "id")
    assert list(figure.data[0].y) == [0.5, 0.5]
    assert list(figure.data[0].text) == ["1/2", "1/2"]
    assert figure.layout.yaxis.tickformat == ".0%"


@pytest.mark.parametrize("builder", [
    lambda: figures.trend_figure(pd.DataFrame({"year": [], "count": []}), "id"),
    lambda: figures.ranking_figure(pd.DataFrame({"value": [], "count": []}), "id", "axis.count"),
    lambda: figures.heatmap_figure(pd.DataFrame(), "id"),
    lambda: figures.yoy_figure(pd.DataFrame({"year": [], "change_pct": []}), "id"),
])
def test_empty_data_gives_the_empty_state(builder):
    figure = builder()
    assert figure.layout.annotations[0].text == "Tidak ada inovasi yang cocok dengan filter ini."
    assert not figure.data


@pytest.mark.parametrize("colour", theme.PALETTE + [theme.BAR, theme.NEUTRAL, theme.NEGATIVE, theme.POSITIVE])
def test_palette_has_at_least_3_to_1_contrast_on_white(colour):
    assert theme.contrast_ratio(colour) >= 3.0


def test_wrap_label():
    assert figures.wrap_label("Dinas Kesehatan") == "Dinas Kesehatan"
    assert figures.wrap_label("a " * 20, 10).count("<br>") >= 3


def _same_json(figure) -> dict:
    """A figure in Plotly's JSON form with typed arrays decoded (validation may store lists as arrays)."""
    import json

    import plotly.io as pio

    def plain(value):
        if isinstance(value, dict) and {"dtype", "bdata"} <= set(value):
            import base64

            import numpy as np

            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            return array.reshape([int(n) for n in str(value.get("shape", len(array))).split(",")]).tolist()
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        return [plain(item) for item in value] if isinstance(value, list) else value

    return plain(json.loads(pio.to_json(figure, validate=False)))


@pytest.mark.parametrize("query", ["", "from=2016&to=2016&lang=en", "from=2030"])
def test_every_figure_is_what_plotly_validation_makes_of_it(query):
    """The builders skip Plotly's validation (its cost was most of a filter change): each figure, on the
    sample data, is exactly what the validated figure of the same dict is, template included."""
    import plotly.graph_objects as go

    from analytics.filters import Filters
    from charts.views import CHARTS, Context, render
    from dashboard.sources import DataSource

    dataset = DataSource().dataset()
    for options in ({}, {"others": True, "by": "kind"}, {"all": True}):
        ctx = Context.build(dataset, Filters.from_query(query), **options)
        for name in CHARTS:
            figure = render(name, ctx).figure
            validated = go.Figure(figure.to_dict())
            assert _same_json(figure) == _same_json(validated), (name, options)
            assert figure.layout.template.layout.font.family == theme.FONT  # drawn with the theme anywhere
