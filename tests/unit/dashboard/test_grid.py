"""Server-side grids (dashboard/components/grid.py): /inovasi and /kipp send one block per callback,
with AG Grid's column filters and sort applied on the server exactly as pandas would, whatever the
client asks; the data download holds the same rows in the same order as the grid."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analytics.filters import Filters
from bench.bench_dashboard import synthetic_frame
from dashboard.components.grid import BLOCK, apply_filter_model, apply_sort_model, block, grid_props
from dashboard.sources import FrameSource
from tests.unit.dashboard.test_app import call
from tests.unit.dashboard_frames import story_frame

ROWS = 100_000
DEFAULT_ORDER = ["year", "agency", "name"]


def request(start: int = 0, end: int = BLOCK, sort: list | None = None, filters: dict | None = None) -> dict:
    return {"startRow": start, "endRow": end, "sortModel": sort or [], "filterModel": filters or {}}


def casefold(values: pd.Series) -> pd.Series:
    return values.str.casefold() if values.dtype == object else values


@pytest.fixture(scope="module")
def frame():
    return synthetic_frame(ROWS)


@pytest.fixture(scope="module")
def big(frame):
    """The app on 100,000 generated innovations (bench/bench_dashboard.py's generator)."""
    from dashboard import create_app

    app = create_app(FrameSource(frame, label="bench"))
    client = app.server.test_client()
    assert client.get("/inovasi").status_code == 200
    return app, client


def grid_call(big, page: str, rendered: str, value) -> tuple[dict, int]:
    """POST the page's grid callback as the grid does; its getRowsResponse and the body's size in bytes."""
    app, client = big
    result = call(client, app, f"{page}-grid.getRowsResponse",
                  [{"id": f"{page}-grid", "property": "getRowsRequest", "value": value}],
                  [{"id": f"{page}-rendered", "property": "data", "value": rendered}])
    return result["response"][f"{page}-grid"]["getRowsResponse"], len(json.dumps(result))


def ids_of(rows: list[dict]) -> list[str]:
    return [row["name"].rsplit("/inovasi/", 1)[1].split("?")[0].split(")")[0] for row in rows]


# -- the cap ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("page, rendered", [("inovasi", ""), ("inovasi", "?from=2020&lang=en"),
                                            ("kipp", "?edition=2021"), ("kipp", "?edition=2018&from=2016")])
def test_a_grid_callback_returns_one_block_and_the_views_row_count(big, frame, page, rendered):
    filters = Filters.from_query(rendered)
    expected = len(filters.apply(frame))
    first, size = grid_call(big, page, rendered, request())
    assert len(first["rowData"]) == BLOCK and first["rowCount"] == expected
    assert size < 60_000  # one block of 100 rows, not the view's 100,000 (64 MB before)
    greedy, _ = grid_call(big, page, rendered, request(0, 1_000_000))
    assert len(greedy["rowData"]) == BLOCK and greedy["rowCount"] == expected
    assert greedy["rowData"] == first["rowData"]
    last, _ = grid_call(big, page, rendered, request(expected - 10, expected + 5000))
    assert len(last["rowData"]) == 10


@pytest.mark.parametrize("value", [None, {}, {"startRow": -50, "endRow": "many"}, {"startRow": "NaN", "endRow": 1e308},
                                   {"startRow": 0, "endRow": 10, "sortModel": "x", "filterModel": ["y"]},
                                   {"startRow": 0, "endRow": 10, "filterModel": {"nope": {"filterType": "text"},
                                                                                "year": {"filterType": "number",
                                                                                         "type": "equals",
                                                                                         "filter": "abc"}}}])
def test_a_malformed_request_gets_at_most_a_block_never_an_error(big, value):
    response, _ = grid_call(big, "inovasi", "", value)
    assert 0 < len(response["rowData"]) <= BLOCK and response["rowCount"] == ROWS


# -- sorting and column filters on the server -----------------------------------------------------------

def test_inovasi_sort_and_column_filters_give_the_rows_pandas_gives(big, frame):
    view = frame[frame["year"] >= 2018].sort_values(DEFAULT_ORDER, na_position="last", kind="stable")
    kept = view[(view["year"] < 2024) & view["name"].str.contains("77", regex=False)]
    expected = kept.sort_values(["agency", "year"], ascending=[False, True], kind="stable", na_position="last",
                                key=casefold)
    value = request(100, 200, sort=[{"colId": "agency", "sort": "desc"}, {"colId": "year", "sort": "asc"}],
                    filters={"name": {"filterType": "text", "type": "contains", "filter": "77"},
                             "year": {"filterType": "number", "type": "lessThan", "filter": 2024}})
    response, _ = grid_call(big, "inovasi", "?from=2018", value)
    assert response["rowCount"] == len(kept) > 200
    assert ids_of(response["rowData"]) == expected["id"].iloc[100:200].tolist()


def test_inovasi_without_a_sort_keeps_the_lists_order_and_links_keep_the_view(big, frame):
    expected = frame[frame["year"] == 2016].sort_values(DEFAULT_ORDER, na_position="last", kind="stable")
    response, _ = grid_call(big, "inovasi", "?from=2016&to=2016", request(300, 400))
    assert ids_of(response["rowData"]) == expected["id"].iloc[300:400].tolist()
    assert response["rowData"][0]["name"].endswith(f"(/inovasi/{expected['id'].iloc[300]}?from=2016&to=2016)")


def test_kipp_sort_and_a_status_filter_give_the_rows_pandas_gives(big):
    from analytics.kipp.statuses import status_label
    from charts.readiness_views import readiness_of
    from dashboard.sources import current_dataset

    app, _ = big
    with app.server.test_request_context("/"):
        table = readiness_of(current_dataset(), 2021).table
    almost = table[table["status"].map(lambda status: status_label(status, "id")) == "Hampir siap"]
    expected = almost.sort_values(["score", "year"], ascending=[False, True], kind="stable", na_position="last")
    value = request(BLOCK, 2 * BLOCK, sort=[{"colId": "score", "sort": "desc"}, {"colId": "year", "sort": "asc"}],
                    filters={"status": {"filterType": "text", "type": "equals", "filter": "hampir SIAP"}})
    response, _ = grid_call(big, "kipp", "?edition=2021", value)
    assert response["rowCount"] == len(almost) > 2 * BLOCK
    assert [row["id"] for row in response["rowData"]] == expected["id"].iloc[BLOCK:2 * BLOCK].tolist()
    assert {row["status"] for row in response["rowData"]} == {"Hampir siap"}


# -- the filter model, one kind at a time ---------------------------------------------------------------

SMALL = pd.DataFrame({"name": ["Antrean SMS", "antrean Online", "Sekolah Sore", None, ""],
                      "year": pd.array([2015, 2016, None, 2017, 2018], dtype="Int64")})


@pytest.mark.parametrize("model, kept", [
    ({"name": {"filterType": "text", "type": "contains", "filter": "ANTREAN"}}, [0, 1]),
    ({"name": {"filterType": "text", "type": "notContains", "filter": "antrean"}}, [2, 3, 4]),
    ({"name": {"filterType": "text", "type": "equals", "filter": "sekolah sore"}}, [2]),
    ({"name": {"filterType": "text", "type": "startsWith", "filter": "sek"}}, [2]),
    ({"name": {"filterType": "text", "type": "endsWith", "filter": "online"}}, [1]),
    ({"name": {"filterType": "text", "type": "blank"}}, [3, 4]),
    ({"name": {"filterType": "text", "type": "notBlank"}}, [0, 1, 2]),
    ({"year": {"filterType": "number", "type": "greaterThanOrEqual", "filter": 2016}}, [1, 3, 4]),
    ({"year": {"filterType": "number", "type": "inRange", "filter": 2015, "filterTo": 2018}}, [1, 3]),
    ({"year": {"filterType": "number", "type": "blank"}}, [2]),
    ({"year": {"filterType": "number", "operator": "OR", "conditions": [
        {"filterType": "number", "type": "equals", "filter": 2015},
        {"filterType": "number", "type": "equals", "filter": 2018}]}}, [0, 4]),
    ({"name": {"filterType": "text", "operator": "AND", "conditions": [
        {"filterType": "text", "type": "contains", "filter": "antrean"},
        {"filterType": "text", "type": "notContains", "filter": "sms"}]},
      "year": {"filterType": "number", "type": "lessThan", "filter": 2020}}, [1]),
    ({"elsewhere": {"filterType": "text", "type": "contains", "filter": "x"}}, [0, 1, 2, 3, 4]),
])
def test_each_column_filter_keeps_the_rows_ag_grid_would(model, kept):
    assert apply_filter_model(SMALL, model).index.tolist() == kept


def test_sorting_ignores_case_puts_empty_cells_last_and_keeps_ties_in_order():
    by_name = apply_sort_model(SMALL, [{"colId": "name", "sort": "asc"}])
    assert by_name.index.tolist() == [4, 1, 0, 2, 3]  # "", "antrean Online", "Antrean SMS", …, empty
    by_year = apply_sort_model(SMALL, [{"colId": "year", "sort": "desc"}])
    assert by_year.index.tolist() == [4, 3, 1, 0, 2]
    assert apply_sort_model(SMALL, [{"colId": "elsewhere", "sort": "asc"}]).index.tolist() == [0, 1, 2, 3, 4]
    ties = pd.DataFrame({"k": ["b", "A", "B", "a"]})
    assert apply_sort_model(ties, [{"colId": "k", "sort": "asc"}]).index.tolist() == [1, 3, 0, 2]


def test_block_clamps_what_the_client_asks():
    frame = pd.DataFrame({"n": range(1000)})
    rows, count = block(frame, request(950, 10**9))
    assert (rows["n"].tolist(), count) == (list(range(950, 1000)), 1000)
    rows, _ = block(frame, request(-5, 10**9))
    assert rows["n"].tolist() == list(range(BLOCK))


# -- the download matches the grid ----------------------------------------------------------------------

def test_the_data_download_holds_the_grids_rows_in_the_grids_order():
    from dashboard import create_app
    from exports.data import data_table

    app = create_app(FrameSource(story_frame(), label="sample"))
    client = app.server.test_client()
    assert client.get("/inovasi").status_code == 200
    search = "?from=2015&to=2016&q=kesehatan"
    grid_ids = []
    for start in range(0, 300, BLOCK):
        response, _ = grid_call((app, client), "inovasi", search, request(start, start + BLOCK))
        grid_ids += ids_of(response["rowData"])
    from charts.views import Context

    with app.server.test_request_context("/"):
        from dashboard.sources import current_dataset

        table, _ = data_table(Context.build(current_dataset(), Filters.from_query(search)))
    assert len(grid_ids) == response["rowCount"] > 0
    assert table["id"].tolist() == grid_ids


def test_a_grid_is_laid_out_wherever_it_sits_on_the_page():
    """AG Grid's `content-visibility: auto` lets Chromium skip a grid far below the fold: its columns
    were never sized and its rows stayed hidden (/kipp under taller charts). Every grid turns it off,
    whatever options its page adds (the browser proof: tests/browser/test_grids.py)."""
    for props in (grid_props("id"), grid_props("en", rowSelection={"mode": "singleRow"})):
        assert props["dashGridOptions"]["suppressContentVisibilityAuto"] is True
