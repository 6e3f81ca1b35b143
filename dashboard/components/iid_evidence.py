"""The IID evidence editors (issue 14): the government's SPD indicators on /iid and an innovation's SID
indicators on its workspace page. Each indicator shows its tier and where it comes from (entered in the
dashboard, an evidence sheet, the innovation's data, or nothing); editors also get a tier choice and a
document field, saved with the version they were opened at (store/iid_evidence.py).

The two pages use the same pieces under their own id prefix ("iid-spd", "ws-iid"), each page registering its
own save callback from one factory (`register_save`); every control's id starts with "edit-" (the guard
answers 403 to a viewer) and the save checks `editor_name()` again.
"""

from __future__ import annotations

from typing import Callable

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from analytics.filters import Filters
from analytics.iid.editions import load_editions
from analytics.iid.evidence import tier_source
from dashboard.auth import editor_name
from dashboard.sources import current_store, data_changed
from i18n import format_datetime, format_int, format_number, t
from store.errors import StoreError

NOT_ENTERED = ""      # the choice that withdraws an entry (the sheets or the data count)


def source_text(source: dict | None, lang: str) -> str:
    """'diisi budi, 5 Desember 2026 03.10', 'lembar bukti_iid.csv baris 12', 'terbaca dari data inovasi'."""
    if source is None:
        return t("iid.source.none", lang)
    kind = source["source"]
    if kind == "entered":
        text = t("iid.source.entered", lang, by=source["by"], at=format_datetime(source["at"], lang))
    elif kind == "sheet":
        text = t("iid.source.sheet", lang, file=source["file"], row=format_int(source["row"], lang))
    else:
        text = t("iid.source.data", lang)
    return f"{text} ({source['document']})" if source.get("document") else text


def indicator_rows(assessment, aspect: str, innovation: str | None, entries: dict) -> list[dict]:
    """Per indicator of `aspect` ("spd", or "sid" of `innovation`, its id in the edition or None when it
    is not in the edition's year): key, tier in force, its source, and the entry as stored (tier, document,
    version) for the editor."""
    edition = assessment.edition
    rows = []
    for indicator in (edition.spd if aspect == "spd" else edition.sid):
        if aspect == "spd":
            tier, key = assessment.spd_tiers.get(indicator.key, 0), indicator.key
        elif innovation is not None:
            tier, key = int(assessment.sid_tiers.loc[innovation, indicator.key]), (innovation, indicator.key)
        else:
            tier, key = 0, None
        entry = entries.get(indicator.key) or {}
        rows.append({"indicator": indicator, "tier": int(tier),
                     "source": tier_source(assessment.evidence, key, tier) if key is not None else None,
                     "entered": entry.get("tier"), "document": entry.get("document") or "",
                     "version": entry.get("version", 0)})
    return rows


def current_text(row: dict, lang: str) -> str:
    return t("iid.entry.current", lang, tier=row["tier"], source=source_text(row["source"], lang))


def _options(indicator, lang: str) -> list[dict]:
    return ([{"label": t("iid.entry.not_entered", lang), "value": NOT_ENTERED},
             {"label": t("iid.entry.tier_zero", lang), "value": "0"}]
            + [{"label": t("iid.entry.tier_option", lang, tier=n, text=text), "value": str(n)}
               for n, text in enumerate(indicator.tiers, start=1)])


def initial_values(rows: list[dict]) -> dict:
    """Indicator key -> [tier choice, document] as the editor opens (what a save compares against)."""
    return {row["indicator"].key: [NOT_ENTERED if row["entered"] is None else str(row["entered"]), row["document"]]
            for row in rows}


def create_editor(prefix: str, key: dict, rows: list[dict], editable: bool, lang: str,
                  history: list[dict] = ()) -> html.Div:
    """The indicators as a list: label and weight, the tier in force and its source, and (editors) the
    tier choice and the document, and under them the history of the entered evidence (`history`, newest
    first) with a revert button per change. `key` names what is edited: {scope, edition, region, identity}."""
    items = []
    for row in rows:
        indicator = row["indicator"]
        head = html.Div([
            html.Span(t("iid.entry.indicator", lang, number=indicator.number, label=indicator.label(lang),
                        weight=format_number(indicator.weight.value, lang)), className="fw-semibold me-2"),
            html.Span(current_text(row, lang), id={"type": f"{prefix}-current", "indicator": indicator.key},
                      className="small text-muted", **{"data-tier": str(row["tier"])}),
        ])
        controls = []
        if editable:
            choice = NOT_ENTERED if row["entered"] is None else str(row["entered"])
            controls = [dbc.Row([
                dbc.Col(dbc.Select(id={"type": f"edit-{prefix}-tier", "indicator": indicator.key},
                                   options=_options(indicator, lang), value=choice, size="sm"), xs=12, md=6),
                dbc.Col(dbc.Input(id={"type": f"edit-{prefix}-doc", "indicator": indicator.key}, size="sm",
                                  value=row["document"], placeholder=t("iid.entry.document", lang)), xs=12, md=6),
            ], className="g-1 mt-1")]
        items.append(html.Li([head, *controls], className="list-group-item small",
                             **{"data-indicator": indicator.key}))
    parts = [html.P(t("iid.source.rule", lang), className="small text-muted mb-2"),
             dcc.Store(id=f"{prefix}-key", data=key)]
    if editable:
        parts += [dcc.Store(id=f"edit-{prefix}-versions", data={r["indicator"].key: r["version"] for r in rows}),
                  dcc.Store(id=f"edit-{prefix}-initial", data=initial_values(rows))]
    else:
        parts.append(html.P(t("iid.entry.read_only", lang), className="small text-muted", id=f"{prefix}-read-only"))
    parts.append(html.Ul(items, className="list-group mb-2", id=f"{prefix}-list"))
    if editable:
        parts.append(dbc.Button(t("iid.entry.save", lang), id=f"edit-{prefix}-save", color="primary", size="sm",
                                n_clicks=0))
    parts.append(html.Div(id=f"{prefix}-message", className="mt-2"))
    if editable:
        indicators = {row["indicator"].key: row["indicator"] for row in rows}
        parts += [html.H3(t("iid.history.heading", lang), className="h6 mt-3"),
                  html.Div(create_history(prefix, history, indicators, lang), id=f"{prefix}-history")]
    return html.Div(parts, id=f"{prefix}-editor")


def _entry_text(tier, document, lang: str) -> str:
    value = t("iid.history.not_entered", lang) if tier is None else t("iid.history.tier", lang, tier=tier)
    return t("iid.history.document", lang, value=value, document=document) if document else value


def _indicator_name(indicators: dict, key: str, lang: str) -> str:
    indicator = indicators.get(key)
    return f"{indicator.number}. {indicator.label(lang)}" if indicator is not None else key


def create_history(prefix: str, history: list[dict], indicators: dict, lang: str) -> list:
    """Every change of the entered evidence (Store.evidence_history, newest first), as the workspace's history
    of a proposal's fields: the indicator, who and when, the tier and document before → after, and a button
    giving the indicator back what that change replaced (editors only: viewers are shown no history)."""
    items = []
    for change in history:
        marks = [dbc.Badge(t(f"iid.history.kind.{change['kind']}", lang), color="light", text_color="dark",
                           className="ms-2")]
        if change["conflict"]:
            marks.append(dbc.Badge(t("iid.history.conflict", lang), color="warning", text_color="dark",
                                   className="ms-2"))
        head = t("iid.history.line", lang, indicator=_indicator_name(indicators, change["indicator"], lang),
                 by=change["by"], at=format_datetime(change["at"], lang))
        body = t("iid.history.change", lang, before=_entry_text(change["previous_tier"], change["previous_document"],
                                                                lang),
                 after=_entry_text(change["tier"], change["document"], lang))
        revert = dbc.Button(t("iid.history.revert", lang), id={"type": f"edit-{prefix}-revert", "change": change["id"]},
                            size="sm", color="link", className="p-0 ms-2", n_clicks=0)
        items.append(html.Li([html.Div([html.Span(head, className="fw-semibold"), *marks, revert]),
                              html.Div(body, className="iid-change")],
                             className="list-group-item small", **{"data-indicator": change["indicator"]}))
    if not items:
        return [html.P(t("iid.history.none", lang), className="small text-muted mb-0")]
    return [html.Ul(items, className="list-group")]


def save_entries(store, key: dict, tier_ids: list[dict], tiers: list, documents: list, versions: dict,
                 initial: dict, user: str, edition, lang: str):
    """Save every indicator whose tier or document changed since the editor opened (or last saved), each
    with the version it was opened at. Returns (versions, initial, messages, saved count)."""
    versions, initial, messages, saved = dict(versions or {}), dict(initial or {}), [], 0
    for item, tier, document in zip(tier_ids, tiers, documents):
        indicator = item["indicator"]
        value = [tier or NOT_ENTERED, (document or "").strip()]
        if value == list(initial.get(indicator, [NOT_ENTERED, ""])):
            continue
        try:
            result = store.save_evidence(key["edition"], key["region"], key["identity"], indicator,
                                         _tier(value[0]), value[1], versions.get(indicator, 0), user)
        except StoreError as err:
            messages.append(dbc.Alert(err.message(lang), color="danger"))
            continue
        versions[indicator], initial[indicator], saved = result["version"], value, saved + 1
        if result["conflict"]:
            found = edition.indicator(indicator)
            messages.append(dbc.Alert(t("iid.entry.conflict", lang, indicator=f"{found.number}. {found.label(lang)}",
                                        by=result["conflict"]["by"],
                                        at=format_datetime(result["conflict"]["at"], lang)),
                                      color="warning", className="iid-conflict"))
    head = (dbc.Alert(t("iid.entry.saved", lang, count=format_int(saved, lang)), color="success",
                      className="iid-saved") if saved else dbc.Alert(t("iid.entry.nothing", lang), color="light"))
    return versions, initial, [head, *messages], saved


def register_save(prefix: str, shown: Output, redraw: Callable) -> Callable:
    """Wire the save button of the editor `prefix`: every indicator changed since the editor opened is stored
    (`save_entries`), then `redraw(key, edition, lang)` -> (the new value of `shown`, what the page shows of the
    index; the indicator rows, whose tier and source follow). A viewer is refused, nothing stored."""
    def save(clicks, tiers, ids, documents, versions, initial, key, search):
        if not clicks or not key:
            raise PreventUpdate
        lang = Filters.from_query(search).lang
        user = editor_name()
        if user is None:
            return (no_update, [no_update] * len(ids), no_update, no_update,
                    dbc.Alert(t("iid.entry.refused", lang), color="danger"), no_update)
        edition = load_editions().get(key["edition"])
        versions, initial, messages, saved = save_entries(current_store(), key, ids, tiers, documents, versions,
                                                          initial, user, edition, lang)
        if not saved:
            return no_update, [no_update] * len(ids), versions, initial, messages, no_update
        data_changed()
        value, rows = redraw(key, edition, lang)
        return value, _current(rows, lang), versions, initial, messages, _history(prefix, key, edition, lang)

    save.__doc__ = f"Store the changed evidence of the editor {prefix!r}; the page's index and each tier follow."
    return callback(
        shown,
        Output({"type": f"{prefix}-current", "indicator": ALL}, "children"),
        Output(f"edit-{prefix}-versions", "data"),
        Output(f"edit-{prefix}-initial", "data"),
        Output(f"{prefix}-message", "children"),
        Output(f"{prefix}-history", "children"),
        Input(f"edit-{prefix}-save", "n_clicks"),
        State({"type": f"edit-{prefix}-tier", "indicator": ALL}, "value"),
        State({"type": f"edit-{prefix}-tier", "indicator": ALL}, "id"),
        State({"type": f"edit-{prefix}-doc", "indicator": ALL}, "value"),
        State(f"edit-{prefix}-versions", "data"),
        State(f"edit-{prefix}-initial", "data"),
        State(f"{prefix}-key", "data"),
        State("url", "search"),
        prevent_initial_call=True,
    )(save)


def _current(rows: list[dict], lang: str) -> list[str]:
    """Each indicator's tier and source, in the order of the callback's current-text outputs."""
    rows = {r["indicator"].key: r for r in rows}
    return [current_text(rows[item["id"]["indicator"]], lang) for item in ctx.outputs_list[1]]


def _history(prefix: str, key: dict, edition, lang: str) -> list:
    changes = current_store().evidence_history(key["edition"], key["region"], key["identity"])
    return create_history(prefix, changes, {i.key: i for i in edition.indicators}, lang)


def register_revert(prefix: str, shown: Output, redraw: Callable) -> Callable:
    """Wire the history's revert buttons of the editor `prefix`: the chosen change of this editor's evidence is
    undone (Store.revert_evidence, itself a new change), its indicator's choice and document show what it has
    again and `redraw(key, edition, lang)` redraws the index as `register_save` does. A viewer is refused, and
    a change of another innovation's or government's evidence is never reverted from here."""
    def revert(clicks, versions, initial, key, search):
        trigger = ctx.triggered_id
        if not trigger or not any(clicks or []) or not key:
            raise PreventUpdate
        lang = Filters.from_query(search).lang
        rows = [[no_update] * len(ctx.outputs_list[n]) for n in (1, 2, 3)]
        if editor_name() is None:
            return (no_update, *rows, no_update, no_update, no_update,
                    dbc.Alert(t("iid.entry.refused", lang), color="danger"))
        store = current_store()
        if trigger["change"] not in {c["id"] for c in store.evidence_history(key["edition"], key["region"],
                                                                               key["identity"])}:
            raise PreventUpdate
        result = store.revert_evidence(trigger["change"], editor_name())
        data_changed()
        edition = load_editions().get(key["edition"])
        indicator = result["indicator"]
        choice = NOT_ENTERED if result["tier"] is None else str(result["tier"])
        document = result["document"] or ""
        versions = {**(versions or {}), indicator: result["version"]}
        initial = {**(initial or {}), indicator: [choice, document]}
        value, indicator_rows_now = redraw(key, edition, lang)
        tiers = [choice if item["id"]["indicator"] == indicator else no_update for item in ctx.outputs_list[2]]
        documents = [document if item["id"]["indicator"] == indicator else no_update for item in ctx.outputs_list[3]]
        name = _indicator_name({i.key: i for i in edition.indicators}, indicator, lang)
        message = dbc.Alert(t("iid.history.reverted", lang, indicator=name,
                              value=_entry_text(result["tier"], result["document"], lang)),
                            color="success", className="iid-reverted")
        return (value, _current(indicator_rows_now, lang), tiers, documents, versions, initial,
                _history(prefix, key, edition, lang), message)

    revert.__doc__ = f"Undo one change of the editor {prefix!r}'s evidence; the page's index and the tier follow."
    return callback(
        Output(shown.component_id, shown.component_property, allow_duplicate=True),
        Output({"type": f"{prefix}-current", "indicator": ALL}, "children", allow_duplicate=True),
        Output({"type": f"edit-{prefix}-tier", "indicator": ALL}, "value"),
        Output({"type": f"edit-{prefix}-doc", "indicator": ALL}, "value"),
        Output(f"edit-{prefix}-versions", "data", allow_duplicate=True),
        Output(f"edit-{prefix}-initial", "data", allow_duplicate=True),
        Output(f"{prefix}-history", "children", allow_duplicate=True),
        Output(f"{prefix}-message", "children", allow_duplicate=True),
        Input({"type": f"edit-{prefix}-revert", "change": ALL}, "n_clicks"),
        State(f"edit-{prefix}-versions", "data"),
        State(f"edit-{prefix}-initial", "data"),
        State(f"{prefix}-key", "data"),
        State("url", "search"),
        prevent_initial_call=True,
    )(revert)


def _tier(choice: str) -> int | None:
    """The tier of a choice: None for "not entered"; a choice that is no number is refused by the store."""
    if choice == NOT_ENTERED:
        return None
    try:
        return int(choice)
    except (TypeError, ValueError):
        raise StoreError("iid_evidence_bad_tier", tier=choice) from None
