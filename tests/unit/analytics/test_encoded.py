"""The coded columns (analytics/encoded.py) answer what pandas answers on the same rows: masks, counts,
crosstabs, KPIs, and every chart of a page drawn from them — on the sample data and on a generated
frame with other governments' rows, missing values and odd names."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics import metrics
from analytics.dataset import make_dataset
from analytics.encoded import CODED_COLUMNS
from analytics.filter_fields import home_region
from analytics.filters import Filters
from bench.bench_dashboard import synthetic_frame
from charts.views import CHARTS, Context, render
from dashboard.sources import DataSource

QUERIES = ["", "from=2016&to=2020", "from=2018", "to=2016", "sector=Kesehatan", "agency=Dinas+Kesehatan&from=2017",
           "agency=Dinas+Kesehatan&agency=Dinas+Pendidikan&sector=Pendidikan", "stage=Penerapan&kind=Digital",
           "form=Pelayanan+Publik", "agency=Tidak+Ada", "q=layanan+1&from=2016", "region=Kota+Lain",
           "region=Kota+Lain&region=" + "X", "from=2030", "sector=Kesehatan&lang=en"]


def generated() -> pd.DataFrame:
    """5,000 generated innovations; some of other governments, some without agency, sector or year."""
    frame = synthetic_frame(5_000, seed=3)
    rng = np.random.default_rng(4)
    frame["region"] = rng.choice(np.array([None, home_region(), "Kota Lain"], dtype=object), len(frame))
    for column in ("agency", "sector"):
        frame.loc[rng.random(len(frame)) < 0.03, column] = None
    frame["year"] = frame["year"].astype("Int64")
    frame.loc[rng.random(len(frame)) < 0.02, "year"] = pd.NA
    return frame


@pytest.fixture(scope="module", params=["sample", "generated"])
def dataset(request):
    if request.param == "sample":
        return DataSource().dataset()
    return make_dataset(generated(), "test", "generated")


@pytest.mark.parametrize("query", QUERIES)
def test_masks_are_those_of_pandas(dataset, query):
    filters = Filters.from_query(query)
    frame = dataset.view_frame
    expected, coded = filters.masks(frame), filters.masks(frame, encoded=dataset.encoded)
    assert expected.keys() == coded.keys()
    for key in expected:
        np.testing.assert_array_equal(coded[key], expected[key], err_msg=key)


@pytest.mark.parametrize("query", QUERIES)
def test_counts_and_crosstabs_are_those_of_pandas(dataset, query):
    ctx = Context.build(dataset, Filters.from_query(query))
    for column in CODED_COLUMNS:
        counts = ctx.value_counts(column)
        expected = ctx.view[column].dropna().value_counts()
        assert counts.to_dict() == expected.to_dict()
        assert list(counts) == sorted(counts, reverse=True)  # most first
        coded = ctx.cross_counts(column)
        pd.testing.assert_frame_equal(coded, metrics.cross_counts(ctx.view, column), check_dtype=False,
                                      check_index_type=False, check_column_type=False, check_names=False)


@pytest.mark.parametrize("query", QUERIES)
def test_the_kpis_are_those_of_pandas(dataset, query):
    filters = Filters.from_query(query)
    frame = dataset.view_frame
    assert (metrics.summarise(frame, filters, dataset.register, encoded=dataset.encoded)
            == metrics.summarise(frame, filters, dataset.register))


@pytest.mark.parametrize("query", QUERIES)
def test_every_chart_is_what_the_rows_alone_give(dataset, query):
    """A context built with its rows marked (counts from the codes) draws what one holding only the
    filtered frame draws (every count from pandas): figure, title and table."""
    for options in ({}, {"others": True}, {"all": True}):
        coded = Context.build(dataset, Filters.from_query(query), **options)
        plain = Context(coded.dataset, coded.filters, coded.view, coded.span, coded.options)
        for name in CHARTS:
            ours, theirs = render(name, coded), render(name, plain)
            assert ours.figure.to_plotly_json() == theirs.figure.to_plotly_json(), name
            assert ours.title == theirs.title, name
            pd.testing.assert_frame_equal(ours.table, theirs.table)
