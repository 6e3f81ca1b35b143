"""The one filter bar, its chips and its reset, drawn from the rows of `analytics.filter_fields`: a slider
for the year range, a dropdown per other filter row (agency, sector, stage, kind, form).

The search text `q` is written by /inovasi's search box; its chip is here with the others.

The URL is the source of truth: controls are written into `?from=…&agency=…` and read back
from it (browser back/forward, pasted links). One callback does both directions, so the
controls and the URL can never disagree.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

from analytics import filter_fields, metrics
from analytics.dataset import Dataset
from analytics.filter_fields import MULTI, YEARS, FilterField
from analytics.filters import Filters
from dashboard.sources import current_dataset
from i18n import format_int, t


def bar_rows() -> tuple[FilterField, ...]:
    """The rows the filter bar shows a control for (in its order: the year slider, then dropdowns)."""
    return tuple(row for row in filter_fields.FIELDS if row.in_filter_bar)


def dropdown_rows() -> tuple[FilterField, ...]:
    return tuple(row for row in bar_rows() if row.kind != YEARS)


def search_of(filters: Filters, keep: str | None = None, page: str | None = None) -> str:
    """The location's search string for `filters` ("" when nothing is chosen and lang is id), with the
    page-level keys of `page` (such as /kipp's `edition`), followed by the keys of the search `keep`
    that are not filters and not set here (a page's own, kept across a filter change)."""
    own = filters.to_query(page=page)
    taken = dict.fromkeys(key for key, _ in parse_qsl(own))
    query = "&".join(part for part in (own, page_query(keep, **taken)) if part)
    return f"?{query}" if query else ""


def page_query(search: str | None, **changes) -> str:
    """The keys of `search` that are not filters (no "?"), with `changes` set (None removes a key)."""
    pairs = [(key, value) for key, value in parse_qsl((search or "").lstrip("?"))
             if key not in Filters.QUERY_KEYS and key not in changes]
    pairs += [(key, str(value)) for key, value in changes.items() if value is not None]
    return urlencode(pairs)


def href(pathname: str, filters: Filters, keep: str | None = None) -> str:
    """A link to `pathname` showing the view `filters` (and the page keys of the search `keep`)."""
    return f"{pathname or '/'}{search_of(filters, keep)}"


def controls_from_filters(filters: Filters, span: tuple[int, int] | None) -> list:
    """Values of the bar's controls (`bar_rows` order) showing `filters`."""
    low, high = span or (None, None)
    values = []
    for row in bar_rows():
        if row.kind == YEARS:
            start, end = (getattr(filters, name) for name in row.names)
            values.append([start if start is not None else low, end if end is not None else high])
        else:
            value = getattr(filters, row.key)
            values.append(list(value) if row.kind == MULTI else value)
    return values


def filters_from_controls(values: list, span: tuple[int, int] | None, current: Filters) -> Filters:
    """The Filters a user set with the controls; a year end at the data's edge means "no limit",
    unless the URL already named it (so `?from=2015&to=2017` keeps its `from`)."""
    low, high = span or (None, None)
    changes = {}
    for row, value in zip(bar_rows(), values):
        if row.kind == YEARS:
            start, end = (value or [None, None]) + [None] * (2 - len(value or []))
            name_from, name_to = row.names
            changes[name_from] = (start if start is not None and (start != low or getattr(current, name_from) == start)
                                  else None)
            changes[name_to] = end if end is not None and (end != high or getattr(current, name_to) == end) else None
        else:
            changes[row.key] = tuple(value or ()) if row.kind == MULTI else value or None
    return current.replace(**changes)


def year_slider(dataset: Dataset, filters: Filters | None = None) -> list:
    """[min, max, marks, value] of the year slider for the years of `dataset` (value: the URL's
    years, else the whole span) — on page load, and again after /data changed the data."""
    span = dataset.years or (2015, 2015)
    step = 1 if span[1] - span[0] <= 6 else 2
    marks = {year: str(year) for year in range(span[0], span[1] + 1, step)}
    marks[span[1]] = str(span[1])
    value = controls_from_filters(filters, span)[0] if filters is not None else list(span)
    return [span[0], span[1], marks, value]


YEAR_SLIDER_PROPS = ("min", "max", "marks", "value")


def field_id(row: FilterField) -> str:
    """The column holding a control and its label ("filter-region-field")."""
    return f"{row.control_id}-field"


def field_class(dataset: Dataset, row: FilterField) -> str | None:
    """A several-only control (the region) is hidden while the data holds fewer than two values."""
    return "d-none" if row.several_only and dataset.view_frame[row.column].nunique() < 2 else None


def refreshed_outputs() -> list[tuple[str, str]]:
    """(id, property) of what `refreshed_controls` gives, in its order."""
    years = next(row for row in bar_rows() if row.kind == YEARS)
    return [*((years.control_id, prop) for prop in YEAR_SLIDER_PROPS),
            *((row.control_id, "options") for row in dropdown_rows()),
            *((field_id(row), "className") for row in dropdown_rows() if row.several_only)]


def refreshed_controls(dataset: Dataset, filters: Filters) -> list:
    """The controls after the data changed under an open page (an upload, rollback or restore on
    /data): the year slider's span, every dropdown's options (a new agency, a second region) and
    whether a several-only control shows — without waiting for a reload or the next URL change."""
    return [*year_slider(dataset, filters), *[dropdown_options(dataset, filters, row.key) for row in dropdown_rows()],
            *[field_class(dataset, row) for row in dropdown_rows() if row.several_only]]


def create_filter_bar(dataset: Dataset, lang: str = "id") -> html.Div:
    """The controls; values and options are filled from the URL by the callbacks below."""
    fields = []
    for row in bar_rows():
        label = html.Label(t(row.label, lang), id={"type": "i18n", "key": row.label}, htmlFor=row.control_id,
                           className="form-label small fw-semibold")
        if row.kind == YEARS:
            low, high, marks, value = year_slider(dataset)
            fields.append(dbc.Col([label, dcc.RangeSlider(
                id=row.control_id, min=low, max=high, step=1, value=value, marks=marks, allow_direct_input=False,
                className="filter-years")], xs=12, lg=4))
        else:
            multi = row.kind == MULTI
            fields.append(dbc.Col([label, dcc.Dropdown(
                id=row.control_id, multi=multi, options=[], placeholder=t(row.placeholder, lang),
                className="filter-dropdown")], xs=12, sm=6, lg=4 if multi else 2, id=field_id(row),
                className=field_class(dataset, row)))
    return html.Div(dbc.Row(fields, className="g-2"), className="filter-bar")


def create_chips(filters: Filters, pathname: str, dataset: Dataset, keep: str | None = None) -> list:
    """One removable chip per active filter value: a link to the same view without that value
    (the page keys of the search `keep`, such as /kipp's `edition`, stay)."""
    lang = filters.lang
    label = dataset.labeler(lang)
    chips = []

    def chip(text: str, without: Filters, key: str):
        return dcc.Link([html.Span(text), html.Span("×", className="chip-x", **{"aria-hidden": "true"})],
                        href=href(pathname, without, keep), className="filter-chip", id={"type": "filter-chip", "key": key},
                        title=f"{t('filter.remove', lang)}: {text}")

    for row in filters.rows():
        name = t(row.label, lang)
        if row.kind == YEARS:
            start, end = (getattr(filters, field_name) for field_name in row.names)
            if start is not None or end is not None:
                text = str(start) if start == end else " – ".join(str(y) if y is not None else "…" for y in (start, end))
                chips.append(chip(f"{name}: {text}", filters.replace(**dict.fromkeys(row.names)), row.key))
            continue
        value = getattr(filters, row.key)
        if row.kind == MULTI:
            for item in value:
                rest = tuple(v for v in value if v != item)
                chips.append(chip(f"{name}: {label(row.column, item)}", filters.replace(**{row.key: rest}),
                                  f"{row.key}:{item}"))
        elif value is not None:
            words = f'"{value}"' if row.column is None else label(row.column, value)
            chips.append(chip(f"{name}: {words}", filters.replace(**{row.key: None}), row.key))
    if not chips:
        return [html.Span(t("filter.none", lang), className="text-muted small")]
    return [html.Span(t("filter.active", lang), className="small text-muted me-1")] + chips


def dropdown_options(dataset: Dataset, filters: Filters, field_name: str) -> list[dict]:
    """Cascading options of one control (the row `field_name`): values under the other filters, with counts."""
    column = next(row.column for row in filters.rows() if row.key == field_name)
    counts = metrics.options(dataset.view_frame, filters, column)
    label = dataset.labeler(filters.lang)
    return [{"label": f"{label(column, value)} ({format_int(count, filters.lang)})", "value": value}
            for value, count in zip(counts["value"], counts["count"])]


def dropdown_labels(lang: str) -> dict:
    """The dropdowns' own words (select all, search, …) from the catalog."""
    keys = ["select_all", "deselect_all", "selected_count", "search", "clear_search", "clear_selection",
            "no_options_found"]
    return {key: t(f"dropdown.{key}", lang) for key in keys}


def sync_filters(search, *values):
    """URL -> controls when the URL changed (load, back/forward); controls -> URL otherwise.

    Options come in the same answer as the values: a dropdown given a value that is not among its
    options drops it, so values and options must never arrive separately.
    """
    current = Filters.from_query(search)
    dataset = current_dataset()
    span = dataset.years
    if ctx.triggered_id in (None, "url"):
        return [no_update, *controls_from_filters(current, span), *control_options(dataset, current)]
    wanted = filters_from_controls(list(values), span, current)
    if wanted == current:
        return [no_update] * (1 + len(bar_rows()) + 3 * len(dropdown_rows()))
    return [search_of(wanted, search)] + [no_update] * len(bar_rows()) + control_options(dataset, wanted)


def control_options(dataset: Dataset, filters: Filters) -> list:
    """Options, placeholders and dropdown labels of the dropdowns, in `dropdown_rows` order each."""
    rows = dropdown_rows()
    options = [dropdown_options(dataset, filters, row.key) for row in rows]
    return (options + [t(row.placeholder, filters.lang) for row in rows]
            + [dropdown_labels(filters.lang)] * len(rows))


def update_chips(search, pathname):
    """The active filters as removable chips (a page's own keys stay); reset keeps only the page and
    the language."""
    filters = Filters.from_query(search)
    return create_chips(filters, pathname, current_dataset(), search), href(pathname, Filters(lang=filters.lang))


def register_callbacks() -> None:
    """Wire the filter bar into the app being built (called by create_app)."""
    callback(
        Output("url", "search"),
        *[Output(row.control_id, "value") for row in bar_rows()],
        *[Output(row.control_id, prop) for prop in ("options", "placeholder", "labels") for row in dropdown_rows()],
        Input("url", "search"),
        *[Input(row.control_id, "value") for row in bar_rows()],
    )(sync_filters)
    callback(
        Output("filter-chips", "children"),
        Output("filter-reset", "href"),
        Input("url", "search"),
        Input("url", "pathname"),
    )(update_chips)
    # Show or hide the filter bar on a phone (always shown from md up, see assets/dasbor.css).
    clientside_callback(
        "function(n, open) { return n ? !open : open; }",
        Output("filter-collapse", "is_open"),
        Input("filter-toggle", "n_clicks"),
        State("filter-collapse", "is_open"),
        prevent_initial_call=True,
    )
