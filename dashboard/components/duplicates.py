"""The /data page's words about an innovation counted twice (store/duplicates.py): in the upload's
preview, the rows listed twice for a year with the row kept and the rows left out; above the page,
the years a store from before identities counts twice, with the way to resolve them."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html
from dash.exceptions import PreventUpdate

from i18n import format_int, t
from store.duplicates import KEEP_ALL, KEEP_ONE

ROWS_SHOWN = 200   # the rest is counted ("… 12 more")
DUPLICATES_CLASS = "alert alert-info my-2"
HIDDEN_DUPLICATES = "d-none " + DUPLICATES_CLASS
DOUBLED_CLASS = "alert alert-warning mb-3"
HIDDEN_DOUBLED = "d-none " + DOUBLED_CLASS


def place_text(place: dict, lang: str) -> str:
    """'iid_2025.xlsx, lembar Data, baris 12' (the store's words for a place)."""
    if place.get("sheet"):
        return t("store.place", lang, file=place["file"], sheet=place["sheet"], row=place["row"])
    return t("store.place_no_sheet", lang, file=place["file"], row=place["row"])


def create_upload_duplicates(duplicates: list[dict], lang: str) -> list:
    """The innovations the upload lists more than once for one year: name, agency, year, the row kept,
    the rows left out (what "keep one" saves); empty when there are none."""
    if not duplicates:
        return []
    header = [t("data.dup_col_innovation", lang), t("data.col_years", lang), t("data.dup_col_kept", lang),
              t("data.dup_col_skipped", lang)]
    rows = [html.Tr([html.Td([html.Span(item["name"], className="fw-semibold"), f" — {item['agency']}"]),
                     html.Td(item["year"]), html.Td(place_text(item["kept"], lang)),
                     html.Td("; ".join(place_text(place, lang) for place in item["skipped"]))])
            for item in duplicates[:ROWS_SHOWN]]
    if len(duplicates) > ROWS_SHOWN:
        rows.append(html.Tr(html.Td(t("chart.more", lang, count=format_int(len(duplicates) - ROWS_SHOWN, lang)),
                                    colSpan=len(header))))
    skipped = sum(len(item["skipped"]) for item in duplicates)
    table = dbc.Table([html.Thead(html.Tr([html.Th(cell) for cell in header])), html.Tbody(rows)],
                      size="sm", className="mb-2", id="edit-duplicates-table")
    return [html.P(t("data.dup_intro", lang, count=format_int(len(duplicates), lang),
                     rows=format_int(skipped, lang)), className="mb-1 fw-semibold"),
            html.Div(table, className="table-scroll")]


def doubled_summary(doubled: list[dict], lang: str) -> list:
    """One line per year a store counts twice: how many innovations, the year's rows now and after."""
    return [html.Li(t("data.doubled_year", lang, year=item["year"], count=format_int(item["innovations"], lang),
                      rows=format_int(item["rows"], lang), after=format_int(item["rows"] - item["extra"], lang),
                      batches=", ".join(f"#{batch}" for batch in item["batches"])))
            for item in doubled]


def create_doubled(doubled: list[dict], lang: str) -> list:
    """The warning above the upload card while the store counts innovations twice (empty otherwise)."""
    if not doubled:
        return []
    return [html.P(t("data.doubled_heading", lang), className="mb-1 fw-semibold"),
            html.Ul(doubled_summary(doubled, lang), className="mb-2"),
            html.P(t("data.doubled_intro", lang), className="small mb-2")]


def create_duplicates_choice(lang: str) -> html.Div:
    """Shown when the upload lists an innovation twice for a year: which rows, and whether to save one
    (the default) or all of them (when they are different innovations after all)."""
    return html.Div([
        html.Div(id="edit-duplicates-list"),
        dbc.RadioItems(id="edit-duplicates-mode", value=KEEP_ONE, inline=True, options=[
            {"label": t("data.dup_keep_one", lang), "value": KEEP_ONE},
            {"label": t("data.dup_keep_all", lang), "value": KEEP_ALL}]),
    ], id="edit-duplicates", className=HIDDEN_DUPLICATES)


def create_doubled_warning(lang: str, doubled: list[dict]) -> html.Div:
    """Above the upload card while the store counts innovations twice: the years, and the button that
    resolves them (after a question; one history entry)."""
    return html.Div([html.Div(create_doubled(doubled, lang), id="edit-doubled-text"),
                     dbc.Button(t("data.doubled_resolve", lang), id="edit-doubled-resolve", color="warning",
                                size="sm")],
                    id="edit-doubled", className=DOUBLED_CLASS if doubled else HIDDEN_DOUBLED)


def ask_doubled(doubled: list[dict], lang: str):
    """The question before resolving (the outputs of the page's batch question): which years, how many
    older copies are hidden; PreventUpdate when nothing is doubled any more."""
    if not doubled:
        raise PreventUpdate
    rows = format_int(sum(item["extra"] for item in doubled), lang)
    body = [html.P(t("data.ask_doubled", lang, rows=rows)), html.Ul(doubled_summary(doubled, lang), className="mb-0")]
    return (True, t("data.ask_doubled_title", lang), body, t("data.doubled_resolve", lang),
            {"action": "doubled"})
