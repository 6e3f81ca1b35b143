"""Aggregations behind every chart, on frames built in the test."""

import math

import pandas as pd
import pandas.testing as pdt
import pytest

from analytics import metrics
from analytics.filters import Filters
from tests.unit.dashboard_frames import frame_of, story_frame


def test_counts_by_year_of_the_story():
    expected = pd.DataFrame({"year": [2015, 2016, 2017], "count": [79, 67, 56]})
    pdt.assert_frame_equal(metrics.counts_by_year(story_frame()), expected)


def test_counts_by_year_fills_missing_years_with_zero():
    frame = frame_of([{"year": 2015, "agency": "A"}, {"year": 2018, "agency": "A"}, {"year": None, "agency": "A"}])
    counts = metrics.counts_by_year(frame, (2014, 2018))
    assert counts.to_dict("list") == {"year": [2014, 2015, 2016, 2017, 2018], "count": [0, 1, 0, 0, 1]}


def test_counts_by_year_of_an_empty_frame_is_empty():
    assert metrics.counts_by_year(frame_of([])).empty


def test_year_over_year():
    changes = metrics.year_over_year(metrics.counts_by_year(story_frame()))
    assert changes[["year", "count", "previous", "change"]].to_dict("list") == {
        "year": [2016, 2017], "count": [67, 56], "previous": [79, 67], "change": [-12, -11]}
    assert changes["change_pct"].round(4).tolist() == [-0.1519, -0.1642]


def test_year_over_year_without_a_base_year_is_nan():
    counts = pd.DataFrame({"year": [2015, 2016], "count": [0, 5]})
    assert math.isnan(metrics.year_over_year(counts)["change_pct"].iloc[0])


def test_rank_orders_by_count_then_name():
    ranked = metrics.rank(story_frame(), "agency")
    assert ranked["value"].tolist() == ["Dinas Kesehatan", "Dinas Pendidikan", "Kecamatan Gelumbang",
                                        "Dinas Perhubungan"]
    assert ranked["count"].tolist() == [51, 51, 51, 49]
    assert ranked["share"].round(3).tolist() == [0.252, 0.252, 0.252, 0.243]
    assert metrics.rank(story_frame(), "agency", top=2)["value"].tolist() == ["Dinas Kesehatan", "Dinas Pendidikan"]


def test_breakdown_by_year_keeps_missing_values():
    frame = story_frame()[lambda f: f["year"] == 2017]
    breakdown = metrics.breakdown_by_year(frame, "stage")
    as_dict = {(row.year, row.value): row.count for row in breakdown.itertuples()}
    assert as_dict == {(2017, "Penerapan"): 14, (2017, "Uji Coba"): 14, (2017, "Inisiatif"): 14, (2017, None): 14}


def test_year_matrix_has_every_year_of_the_span():
    frame = frame_of([{"year": 2015, "agency": "A"}, {"year": 2015, "agency": "A"}, {"year": 2017, "agency": "B"}])
    matrix = metrics.year_matrix(frame, "agency", (2015, 2017))
    assert matrix.columns.tolist() == [2015, 2016, 2017]
    assert matrix.loc["A"].tolist() == [2, 0, 0]
    assert matrix.loc["B"].tolist() == [0, 0, 1]
    assert matrix.index.tolist() == ["A", "B"]


def test_options_cascade_agencies_to_the_chosen_sector():
    frame = frame_of([
        {"year": 2015, "agency": "Dinas Kesehatan", "sector": "Kesehatan"},
        {"year": 2015, "agency": "Dinas Kesehatan", "sector": "Kesehatan"},
        {"year": 2015, "agency": "Dinas Pendidikan", "sector": "Pendidikan"},
    ])
    options = metrics.options(frame, Filters(sectors=("Kesehatan",)), "agency")
    assert options.to_dict("list") == {"value": ["Dinas Kesehatan"], "count": [2]}
    reverse = metrics.options(frame, Filters(agencies=("Dinas Pendidikan",), sectors=("Kesehatan",)), "sector")
    assert reverse.to_dict("list") == {"value": ["Pendidikan", "Kesehatan"], "count": [1, 0]}


def test_summarise_looks_up_the_year_before_the_range():
    summary = metrics.summarise(story_frame(), Filters(year_from=2016, year_to=2016), ("a", "b", "c"))
    assert summary == metrics.Summary(total=67, agencies=4, register=3, year=2016, count=67, previous=79,
                                      change=pytest.approx(-12 / 79))


def test_summarise_of_the_first_year_has_no_change():
    summary = metrics.summarise(story_frame(), Filters(year_to=2015))
    assert (summary.total, summary.previous, summary.change) == (79, 0, None)


@pytest.mark.parametrize("span, kind, ratio", [
    ((2016, 2017), "down", -11 / 67),
    ((2015, 2016), "down", -12 / 79),
    ((2016, 2016), "single", None),
])
def test_main_finding(span, kind, ratio):
    frame = Filters(year_from=span[0], year_to=span[1]).apply(story_frame())
    finding = metrics.main_finding(frame, span)
    assert finding.kind == kind
    assert finding.ratio == (pytest.approx(ratio) if ratio is not None else None)


def test_main_finding_of_nothing():
    assert metrics.main_finding(frame_of([])).kind == "none"


def test_sector_ranking_groups_then_counts():
    frame = frame_of([{"year": 2015, "sector": s} for s in
                      ["Pertanian", "Pertanian", "Kesehatan", "Perhubungan", "Perhubungan", "Perhubungan", "Xyz"]])
    groups = {"Kesehatan": "wajib_dasar", "Perhubungan": "wajib_non_dasar", "Pertanian": "pilihan"}
    ranking = metrics.sector_ranking(frame, groups, ["wajib_dasar", "wajib_non_dasar", "pilihan", "penunjang"])
    assert ranking.to_dict("list") == {
        "sector": ["Kesehatan", "Perhubungan", "Pertanian", "Xyz"],
        "count": [1, 3, 2, 1],
        "share": pytest.approx([1 / 7, 3 / 7, 2 / 7, 1 / 7]),
        "group": ["wajib_dasar", "wajib_non_dasar", "pilihan", None]}
    totals = metrics.group_totals(ranking)
    assert totals["count"].tolist() == [1, 3, 2, 1]


def test_sectors_without_innovation_in_taxonomy_order():
    frame = frame_of([{"year": 2015, "sector": "Kesehatan"}])
    assert metrics.sectors_without_innovation(frame, ["Pendidikan", "Kesehatan", "Sosial"]) == ["Pendidikan", "Sosial"]


def test_year_span_prefers_the_filter():
    assert metrics.year_span(story_frame()) == (2015, 2017)
    assert metrics.year_span(story_frame(), Filters(year_from=2016)) == (2016, 2017)
    assert metrics.year_span(story_frame(), Filters(year_from=2018, year_to=2016)) is None


def test_top_and_others_sums_the_rest_into_one_row():
    from analytics.metrics import OTHERS, top_and_others

    ranked = metrics.rank(pd.DataFrame({"agency": [f"A{i:02d}" for i in range(14) for _ in range(14 - i)]}), "agency")
    folded = top_and_others(ranked, 10)
    assert folded["value"].tolist() == [f"A{i:02d}" for i in range(10)] + [OTHERS]
    assert folded["count"].iloc[-1] == 4 + 3 + 2 + 1 and folded["count"].sum() == ranked["count"].sum()
    assert folded["share"].sum() == pytest.approx(1.0)
    assert top_and_others(ranked.head(11), 10)["value"].tolist() == ranked.head(11)["value"].tolist()  # one left: kept


def test_matrix_top_and_others_sums_the_rest_per_year():
    from analytics.metrics import OTHERS, matrix_top_and_others

    frame = pd.DataFrame({"agency": [f"A{i:02d}" for i in range(13) for _ in range(13 - i)],
                          "year": [2015 + (j % 2) for i in range(13) for j in range(13 - i)]})
    matrix = metrics.year_matrix(frame, "agency")
    folded = matrix_top_and_others(matrix, 10)
    assert list(folded.index) == list(matrix.index[:10]) + [OTHERS]
    assert folded.loc[OTHERS].tolist() == matrix.iloc[10:].sum().tolist()
