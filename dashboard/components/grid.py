"""Server-side grids: the big tables (/inovasi, /kipp) on AG Grid's infinite row model.

The browser holds only the blocks it scrolls to. For each block the grid sends `getRowsRequest`
(startRow, endRow, sortModel, filterModel); the page's callback names how to build the view's display
frame (the values as shown, so a column filter matches what the user reads), and `view_block` filters,
sorts and slices it here with pandas, keeping the frame and its order while the user scrolls.
Whatever the client asks, one response holds at most `BLOCK` rows.

When the page's view changes (URL filters, /kipp's edition) the page's "rendered" store changes and
`register_refresh` empties the grid's cache in the browser, so it asks again for the new view.
A page wires both with `register_rows_block(grid_id, rendered_id, view_rows, records)`.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable

import numpy as np
import pandas as pd
from dash import Input, Output, State, clientside_callback

from i18n import CATALOG, t

BLOCK = 100  # rows per block: the most any grid callback returns
BLANK_PASS = {"blank", "notBlank", "notEqual", "notContains"}  # where an empty cell is judged, not dropped


def locale_text(lang: str) -> dict:
    """AG Grid's own words from the catalog."""
    return {key.removeprefix("grid."): t(key, lang) for key in CATALOG if key.startswith("grid.")}


def grid_props(lang: str, **options) -> dict:
    """Keyword arguments of `dag.AgGrid` for a server-side grid: infinite row model, blocks of
    `BLOCK`, sortable and filterable columns; `options` add grid options (e.g. row selection).

    `suppressContentVisibilityAuto`: AG Grid puts `content-visibility: auto` on its root, so Chromium
    skips laying out a grid far below the fold and never reports its width; its flex columns then stay
    unsized and AG Grid keeps the rows hidden (`ag-delay-render`) until the user scrolls near it. A grid
    under tall charts (/kipp) showed no rows to a test, a full-page screenshot or a printout."""
    return {
        "rowModelType": "infinite",
        "defaultColDef": {"sortable": True, "filter": True, "floatingFilter": True, "resizable": True,
                          "flex": 1, "minWidth": 100,
                          "filterParams": {"buttons": ["reset"], "maxNumConditions": 2}},
        "dashGridOptions": {"cacheBlockSize": BLOCK, "maxBlocksInCache": 20, "infiniteInitialRowCount": 1,
                            "blockLoadDebounceMillis": 100, "localeText": locale_text(lang),
                            "animateRows": False, "suppressContentVisibilityAuto": True, **options},
        "style": {"height": "640px", "width": "100%"},
    }


def register_rows_block(grid_id: str, rendered_id: str, view_rows: Callable, records: Callable) -> None:
    """The grid's blocks: each `getRowsRequest` answered with one block of the view the page shows (its
    `rendered` search), after the grid's column filters and sort — at most BLOCK rows, and how many rows
    pass; `view_rows(dataset, search)` builds the view's display frame, `records(rows, search)` the rows
    as the grid takes them. And the refresh when the page shows another view (register_refresh)."""
    from dash import callback

    from analytics.filters import Filters
    from dashboard.components.filterbar import search_of
    from dashboard.sources import current_dataset

    @callback(Output(grid_id, "getRowsResponse"), Input(grid_id, "getRowsRequest"), State(rendered_id, "data"),
              prevent_initial_call=True)
    def rows_block(request, rendered):
        rows, count = view_block(view_rows, current_dataset(), rendered, request)
        return response(records(rows, search_of(Filters.from_query(rendered))), count)

    rows_block.__name__ = f"rows_block_{grid_id.replace('-', '_')}"
    register_refresh(grid_id, rendered_id)


def register_refresh(grid_id: str, rendered_id: str) -> None:
    """When the page shows another view (its `rendered` store changes), the grid drops its blocks,
    asks the server again and goes back to the top (in the browser, no round trip)."""
    clientside_callback(
        """function(rendered, gridId) {
            dash_ag_grid.getApiAsync(gridId).then(function(api) { api.purgeInfiniteCache(); });
            return {rowIndex: 0};
        }""",
        Output(grid_id, "scrollTo"),
        Input(rendered_id, "data"),
        State(grid_id, "id"),
        prevent_initial_call=True,
    )


# -- one block ---------------------------------------------------------------------------------------

def _bounds(request: dict) -> tuple[int, int]:
    """startRow and endRow as the client asked, clamped: never more than one block."""
    def number(value, default: int) -> int:
        try:
            number = float(value)
        except (TypeError, ValueError):
            return default
        return int(number) if math.isfinite(number) else default

    start = max(0, number(request.get("startRow"), 0))
    end = number(request.get("endRow"), start + BLOCK)
    return start, max(start, min(end, start + BLOCK))


def _text_mask(values: pd.Series, condition: dict) -> pd.Series | None:
    kind = condition.get("type")
    blank = values.isna() | (values.astype("string").str.strip() == "")
    if kind == "blank":
        return blank
    if kind == "notBlank":
        return ~blank
    wanted = condition.get("filter")
    if wanted is None or wanted == "":
        return None
    text = values.astype("string").str.casefold()
    wanted = str(wanted).casefold()
    tests = {
        "contains": lambda: text.str.contains(wanted, regex=False),
        "notContains": lambda: ~text.str.contains(wanted, regex=False),
        "equals": lambda: text == wanted,
        "notEqual": lambda: text != wanted,
        "startsWith": lambda: text.str.startswith(wanted),
        "endsWith": lambda: text.str.endswith(wanted),
    }
    if kind not in tests:
        return None
    mask = tests[kind]().fillna(False).astype(bool)
    return mask | blank if kind in BLANK_PASS else mask & ~blank


def _as_number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _number_mask(values: pd.Series, condition: dict) -> pd.Series | None:
    kind = condition.get("type")
    numbers = pd.to_numeric(values, errors="coerce").astype(float)
    blank = numbers.isna()
    if kind == "blank":
        return blank
    if kind == "notBlank":
        return ~blank
    low, high = _as_number(condition.get("filter")), _as_number(condition.get("filterTo"))
    if low is None:
        return None
    tests = {
        "equals": lambda: numbers == low,
        "notEqual": lambda: numbers != low,
        "greaterThan": lambda: numbers > low,
        "greaterThanOrEqual": lambda: numbers >= low,
        "lessThan": lambda: numbers < low,
        "lessThanOrEqual": lambda: numbers <= low,
        "inRange": lambda: (numbers > min(low, high)) & (numbers < max(low, high)) if high is not None else None,
    }
    mask = tests[kind]() if kind in tests else None
    if mask is None:
        return None
    return mask | blank if kind in BLANK_PASS else mask & ~blank


MASKS = {"text": _text_mask, "number": _number_mask}


def _column_mask(values: pd.Series, model: dict) -> pd.Series | None:
    """The rows one column's filter model keeps (one condition, or two joined by AND/OR)."""
    judge = MASKS.get(model.get("filterType"))
    if judge is None:
        return None
    conditions = model.get("conditions")
    if not isinstance(conditions, list):
        return judge(values, model)
    masks = [mask for mask in (judge(values, c) for c in conditions if isinstance(c, dict)) if mask is not None]
    if not masks:
        return None
    join = np.logical_or if str(model.get("operator", "AND")).upper() == "OR" else np.logical_and
    return pd.Series(join.reduce([m.to_numpy() for m in masks]), index=values.index)


def apply_filter_model(frame: pd.DataFrame, filter_model) -> pd.DataFrame:
    """The rows of `frame` that AG Grid's column filters keep (text and number filters; a filter on a
    column the grid does not have, or of a kind it cannot set, is ignored)."""
    if not isinstance(filter_model, dict):
        return frame
    keep = np.ones(len(frame), dtype=bool)
    for column, model in filter_model.items():
        if column in frame.columns and isinstance(model, dict):
            mask = _column_mask(frame[column], model)
            if mask is not None:
                keep &= mask.to_numpy(dtype=bool)
    return frame if keep.all() else frame[keep]


def _sort_key(values: pd.Series) -> pd.Series:
    """Text sorts without regard to case; numbers as numbers."""
    if pd.api.types.is_numeric_dtype(values):
        return values
    return values.astype("string").str.casefold()


def apply_sort_model(frame: pd.DataFrame, sort_model) -> pd.DataFrame:
    """`frame` in the order of AG Grid's sort model (empty cells last); ties keep the frame's order."""
    items = [item for item in (sort_model if isinstance(sort_model, list) else [])
             if isinstance(item, dict) and item.get("colId") in frame.columns and item.get("sort") in ("asc", "desc")]
    if not items:
        return frame
    return frame.sort_values([item["colId"] for item in items], ascending=[item["sort"] == "asc" for item in items],
                             kind="stable", na_position="last", key=_sort_key)


def arrange(frame: pd.DataFrame, request: dict) -> np.ndarray:
    """Row positions of `frame` that pass the request's column filters, in its sort order."""
    numbered = frame.reset_index(drop=True)
    return apply_sort_model(apply_filter_model(numbered, request.get("filterModel")),
                            request.get("sortModel")).index.to_numpy()


def block(frame: pd.DataFrame, request) -> tuple[pd.DataFrame, int]:
    """The rows of one requested block (at most BLOCK) of `frame` after the grid's column filters
    and sort, and how many rows pass the filters."""
    request = request if isinstance(request, dict) else {}
    order = arrange(frame, request)
    start, end = _bounds(request)
    return frame.iloc[order[start:end]], len(order)


@functools.lru_cache(maxsize=8)
def _frame(build: Callable, dataset, search: str | None) -> pd.DataFrame:
    return build(dataset, search)


@functools.lru_cache(maxsize=32)
def _order(build: Callable, dataset, search: str | None, models: str) -> np.ndarray:
    return arrange(_frame(build, dataset, search), json.loads(models))


def view_block(build: Callable, dataset, search: str | None, request) -> tuple[pd.DataFrame, int]:
    """`block` of the frame `build(dataset, search)` (a page's rows of a view, as shown). Scrolling asks
    for block after block of one view, so the frame and its filtered, sorted order are kept (a few
    views, a few orders); a new data version is a new dataset, so old entries simply age out."""
    request = request if isinstance(request, dict) else {}
    models = json.dumps({key: request.get(key) for key in ("filterModel", "sortModel")}, sort_keys=True, default=str)
    order = _order(build, dataset, search, models)
    start, end = _bounds(request)
    return _frame(build, dataset, search).iloc[order[start:end]], len(order)


def response(records: list[dict], count: int) -> dict:
    """The `getRowsResponse` of a block (never more than BLOCK rows)."""
    return {"rowData": records[:BLOCK], "rowCount": int(count)}
