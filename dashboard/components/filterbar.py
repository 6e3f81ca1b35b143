"""The one filter bar (year range, agency, sector, stage, kind, form), its chips and its reset.

The search text `q` is written by /inovasi's search box; its chip is here with the others.

The URL is the source of truth: controls are written into `?from=…&agency=…` and read back
from it (browser back/forward, pasted links). One callback does both directions, so the
controls and the URL can never disagree.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update

from analytics import metrics
from analytics.filters import Filters
from analytics.dataset import Dataset
from dashboard.sources import current_dataset
from i18n import format_int, t

# (control id, Filters field, catalog key of its label, multi?)
CONTROLS = [
    ("filter-agency", "agencies", "filter.agency", True),
    ("filter-sector", "sectors", "filter.sector", True),
    ("filter-stage", "stage", "filter.stage", False),
    ("filter-kind", "kind", "filter.kind", False),
    ("filter-form", "form", "filter.form", False),
]
COLUMN = {"agencies": "agency", "sectors": "sector", "stage": "stage", "kind": "kind", "form": "form"}


def search_of(filters: Filters, keep: str | None = None) -> str:
    """The location's search string for `filters` ("" when nothing is chosen and lang is id), followed
    by the keys of the search `keep` that are not filters (a page's own, such as /kipp's `edition`)."""
    query = "&".join(part for part in (filters.to_query(), page_query(keep)) if part)
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
    """Values for [years, agency, sector, stage, kind, form] showing `filters`."""
    low, high = span or (None, None)
    years = [filters.year_from if filters.year_from is not None else low,
             filters.year_to if filters.year_to is not None else high]
    return [years, list(filters.agencies), list(filters.sectors), filters.stage, filters.kind, filters.form]


def filters_from_controls(values: list, span: tuple[int, int] | None, current: Filters) -> Filters:
    """The Filters a user set with the controls; a year end at the data's edge means "no limit",
    unless the URL already named it (so `?from=2015&to=2017` keeps its `from`)."""
    years, agencies, sectors, stage, kind, form = values
    low, high = span or (None, None)
    start, end = (years or [None, None]) + [None] * (2 - len(years or []))
    year_from = start if start is not None and (start != low or current.year_from == start) else None
    year_to = end if end is not None and (end != high or current.year_to == end) else None
    return current.replace(
        year_from=year_from, year_to=year_to,
        agencies=tuple(agencies or ()), sectors=tuple(sectors or ()),
        stage=stage or None, kind=kind or None, form=form or None)


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


def create_filter_bar(dataset: Dataset, lang: str = "id") -> html.Div:
    """The controls; values and options are filled from the URL by the callbacks below."""
    low, high, marks, value = year_slider(dataset)
    fields = [dbc.Col([
        html.Label(t("filter.years", lang), id={"type": "i18n", "key": "filter.years"},
                   htmlFor="filter-years", className="form-label small fw-semibold"),
        dcc.RangeSlider(id="filter-years", min=low, max=high, step=1, value=value,
                        marks=marks, allow_direct_input=False, className="filter-years"),
    ], xs=12, lg=4)]
    for control_id, _, key, multi in CONTROLS:
        fields.append(dbc.Col([
            html.Label(t(key, lang), id={"type": "i18n", "key": key}, htmlFor=control_id,
                       className="form-label small fw-semibold"),
            dcc.Dropdown(id=control_id, multi=multi, options=[], placeholder=t("filter.all", lang),
                         className="filter-dropdown"),
        ], xs=12, sm=6, lg=4 if multi else 2))
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

    if filters.year_from is not None or filters.year_to is not None:
        text = (str(filters.year_from) if filters.year_from == filters.year_to
                else " – ".join(str(y) if y is not None else "…" for y in (filters.year_from, filters.year_to)))
        chips.append(chip(f"{t('filter.years', lang)}: {text}", filters.replace(year_from=None, year_to=None), "years"))
    for field_name in ("agencies", "sectors"):
        for value in getattr(filters, field_name):
            rest = tuple(v for v in getattr(filters, field_name) if v != value)
            key = f"filter.{COLUMN[field_name]}"
            chips.append(chip(f"{t(key, lang)}: {label(COLUMN[field_name], value)}",
                              filters.replace(**{field_name: rest}), f"{field_name}:{value}"))
    for field_name in ("stage", "kind", "form"):
        value = getattr(filters, field_name)
        if value is not None:
            chips.append(chip(f"{t(f'filter.{field_name}', lang)}: {label(field_name, value)}",
                              filters.replace(**{field_name: None}), field_name))
    if filters.text is not None:
        chips.append(chip(f'{t("filter.text", lang)}: "{filters.text}"', filters.replace(text=None), "text"))
    if not chips:
        return [html.Span(t("filter.none", lang), className="text-muted small")]
    return [html.Span(t("filter.active", lang), className="small text-muted me-1")] + chips


def dropdown_options(dataset: Dataset, filters: Filters, field_name: str) -> list[dict]:
    """Cascading options of one control: values under the other filters, with their counts."""
    column = COLUMN[field_name]
    counts = metrics.options(dataset.view_frame, filters, column)
    label = dataset.labeler(filters.lang)
    return [{"label": f"{label(column, value)} ({format_int(count, filters.lang)})", "value": value}
            for value, count in zip(counts["value"], counts["count"])]


def dropdown_labels(lang: str) -> dict:
    """The dropdowns' own words (select all, search, …) from the catalog."""
    keys = ["select_all", "deselect_all", "selected_count", "search", "clear_search", "clear_selection",
            "no_options_found"]
    return {key: t(f"dropdown.{key}", lang) for key in keys}


CONTROL_IDS = ["filter-years"] + [control_id for control_id, *_ in CONTROLS]


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
        return [no_update] * (1 + len(CONTROL_IDS) + 3 * len(CONTROLS))
    return [search_of(wanted, search)] + [no_update] * len(CONTROL_IDS) + control_options(dataset, wanted)


def control_options(dataset: Dataset, filters: Filters) -> list:
    """Options, placeholders and dropdown labels of the five dropdowns, in CONTROLS order each."""
    options = [dropdown_options(dataset, filters, field_name) for _, field_name, *_ in CONTROLS]
    return (options + [t("filter.all", filters.lang)] * len(CONTROLS)
            + [dropdown_labels(filters.lang)] * len(CONTROLS))


def update_chips(search, pathname):
    """The active filters as removable chips (a page's own keys stay); reset keeps only the page and
    the language."""
    filters = Filters.from_query(search)
    return create_chips(filters, pathname, current_dataset(), search), href(pathname, Filters(lang=filters.lang))


def register_callbacks() -> None:
    """Wire the filter bar into the app being built (called by create_app)."""
    callback(
        Output("url", "search"),
        *[Output(control_id, "value") for control_id in CONTROL_IDS],
        *[Output(control_id, "options") for control_id, *_ in CONTROLS],
        *[Output(control_id, "placeholder") for control_id, *_ in CONTROLS],
        *[Output(control_id, "labels") for control_id, *_ in CONTROLS],
        Input("url", "search"),
        *[Input(control_id, "value") for control_id in CONTROL_IDS],
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
