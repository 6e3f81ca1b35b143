"""Ruang Kerja Usulan (/inovasi/<id>/usulan?edition=2025): write, review and track one innovation's
KIPP proposal for an edition (issue 13).

Editors write the title, each section (word limit, live count), the evidence and the attachment
checklist; readiness and score are recomputed from the text as typed (the fields send their value
500 ms after the typing stops); "Simpan" stores the changed fields with the version each was opened
at, so a field someone else saved meanwhile is reported (both texts kept, see store/workspace.py).
The history shows each change as a word diff with a revert button; the workflow moves the proposal
draf → ditinjau → diajukan → hasil with review comments. Viewers read the same page without any
control, and every callback that writes has an "edit-" id (the guard answers 403 to a viewer) and
checks `editor_name()` again.

The innovation's Indeks Inovasi Daerah evidence (issue 14) is on the same page: per SID indicator its
tier and source for an IID edition (`&iid=2025`; default the record's year), editors entering a tier and
document that count over the evidence sheets (store/iid_evidence.py), and the innovation's SID beside; editors
also see that evidence's history, each change with a revert button.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from analytics.filter_fields import home_region
from analytics.filters import Filters
from analytics.iid.editions import IIDEditionError
from analytics.iid.editions import load_editions as load_iid_editions
from analytics.iid.evidence import default_evidence
from analytics.iid.scoring import assess_with_sheets, default_edition, edition_innovations
from analytics.kipp.editions import load_editions
from analytics.kipp.readiness import evaluate
from analytics.kipp.workspace import preview, same_titles
from charts.readiness_views import edition_year
from dashboard.auth import editor_name
from dashboard.components import readiness as kipp_ui
from dashboard.components import iid_evidence as evidence_ui
from dashboard.components import workspace as ui
from dashboard.components.page import rendering_for_validation
from dashboard.sources import current_dataset, current_store, data_changed
from i18n import format_datetime, format_int, format_number, t
from store.errors import StoreError
from store.identity import frame_identities, identity_key
from store.workspace import ATTACHMENT_PREFIX, RESULT

# order 4.5: before /inovasi/<innovation_id> (order 5), whose template Dash matches as "(.*)", so
# "x/usulan" would be taken for an innovation id.
IID_KEY = "iid"       # the URL key of the IID edition whose evidence the page shows (as on /iid)
SID = "ws-iid"       # the id prefix of the innovation's IID evidence editor (dashboard/components/iid_evidence.py)

dash.register_page(__name__, path_template="/inovasi/<innovation_id>/usulan", order=4.5, name="Ruang Kerja Usulan",
                   title="Ruang Kerja Usulan · Dasbor Inovasi", nav=False, label_key="workspace.ui.page_title")


_store, _changed = current_store, data_changed   # the store; this worker reads the new workspaces next


def _innovation(dataset, innovation_id):
    """The uploaded record of `innovation_id` and its identity, or (None, None)."""
    match = dataset.frame[dataset.frame["id"].astype(str) == str(innovation_id)]
    if match.empty:
        return None, None
    row = match.iloc[0]
    return row, identity_key(row["name"], row["agency"], row["region"])


def _skeleton() -> html.Div:
    """Every fixed id of the page, empty (Dash's validation layout)."""
    return html.Div([dcc.Store(id="ws-key"), dcc.Store(id="edit-ws-versions"), dcc.Store(id="edit-ws-initial"),
                     html.Div(id="ws-readiness"), html.Div(id="ws-title-warning"), html.Div(id="ws-save-message"),
                     html.Div(id="ws-history"), html.Div(id="ws-workflow"), html.Button(id="edit-ws-save"),
                     dbc.Checklist(id="edit-ws-attachments", options=[]), dcc.Textarea(id="edit-ws-comment"),
                     html.Button(id="edit-ws-comment-add"),
                     html.Div(id="ws-iid-summary"), evidence_ui.create_editor(SID, {}, [], True, "id")])


def layout(innovation_id=None, **query):
    filters = Filters.from_query(query)
    lang = filters.lang
    if rendering_for_validation():
        return _skeleton()
    dataset = current_dataset()
    year = edition_year(filters.edition)
    edition = load_editions().get(year)
    row, identity = _innovation(dataset, innovation_id)
    back = f"/inovasi/{innovation_id}" + ("?lang=en" if lang == "en" else "")
    if row is None:
        return dbc.Alert(ui.text("not_found", lang, id=innovation_id or ""), color="warning", id="ws-not-found")
    store = _store()
    if store is None:
        return dbc.Alert(ui.text("no_store", lang), color="info", id="ws-no-store")
    workspace = store.workspace(identity, year)
    editable = editor_name() is not None
    values = ui.shown_values(row, workspace)
    ticks = ui.ticked(workspace)
    versions = {field: item["version"] for field, item in workspace["fields"].items()}
    key = {"innovation": str(innovation_id), "identity": identity, "edition": year}
    editions = [dcc.Link(e.label, href=ui.workspace_href(innovation_id, e.year, lang),
                         className="me-2" + (" fw-bold" if e.year == year else ""))
                for e in (load_editions().get(y) for y in load_editions().years)]
    return html.Div([
        dcc.Link(f"← {ui.text('back', lang)}", href=back, className="small", id="ws-back"),
        html.H1(ui.text("title", lang, edition=edition.label), className="h4 mt-2 mb-0"),
        html.P(str(row["name"]), className="lead mb-1", id="ws-name"),
        html.Div([html.Span(ui.text("edition", lang) + ": ", className="small text-muted"), *editions],
                 className="small mb-2", id="ws-editions"),
        html.Div([] if editable else [dbc.Alert(ui.text("read_only", lang), color="secondary", id="ws-read-only")]),
        dcc.Store(id="ws-key", data=key),
        *([dcc.Store(id="edit-ws-versions", data=versions),
           dcc.Store(id="edit-ws-initial", data={**values, "attachments": ticks})] if editable else []),
        dbc.Row([
            dbc.Col([
                *ui.create_form(edition, dataset, values, ticks, editable, lang),
                html.Div([dbc.Button(ui.text("save", lang), id="edit-ws-save", color="primary", n_clicks=0)]
                         if editable else [], className="mt-3"),
                html.Div(id="ws-save-message", className="mt-2"),
            ], xs=12, lg=7),
            dbc.Col([
                dbc.Card(dbc.CardBody([html.H2(ui.text("readiness", lang), className="h6"),
                                       html.P(ui.text("readiness_hint", lang), className="small text-muted"),
                                       html.Div(_readiness(dataset, edition, identity, row, {}, lang),
                                                id="ws-readiness")]), className="mb-3"),
                dbc.Card(dbc.CardBody([html.H2(ui.text("workflow", lang), className="h6"),
                                       html.Div(ui.create_workflow(workspace, editable, lang), id="ws-workflow")]),
                         className="mb-3"),
                dbc.Card(dbc.CardBody([html.H2(ui.text("history", lang), className="h6"),
                                       html.Div(ui.create_history(store.field_history(identity, year), edition,
                                                                  dataset, editable, lang), id="ws-history")]),
                         className="mb-3"),
                dbc.Card(dbc.CardBody(_iid_section(store, dataset, row, identity, innovation_id, query, editable,
                                                   lang)), className="mb-3", id="ws-iid"),
            ], xs=12, lg=5),
        ]),
    ], className="page-usulan", **{"data-editable": "1" if editable else "0"})


def _iid_edition(dataset, row, query: dict):
    """The IID edition of the URL's `iid`, else the one of the record's year, else the latest the data reaches."""
    editions = load_iid_editions()
    try:
        if query.get(IID_KEY):
            return editions.get(int(query[IID_KEY]))
    except (IIDEditionError, ValueError):
        pass
    year = row.get("year")
    return editions.by_year.get(int(year)) if pd.notna(year) and int(year) in editions.by_year \
        else default_edition(dataset.frame, editions)


def _iid_assessed(dataset, edition, identity: str, lang: str):
    """(assessment, the innovation's id in the edition's year or None): the index with the entered evidence."""
    assessment, _ = assess_with_sheets(dataset.frame, edition, default_evidence(dataset.source_label), lang,
                                       dataset.iid_evidence)
    rows = edition_innovations(dataset.frame, edition)
    match = rows["id"][(frame_identities(rows) == identity).to_numpy()] if len(rows) else rows["id"]
    return assessment, (str(match.iloc[0]) if len(match) else None)


def _iid_summary(assessment, innovation: str | None, lang: str) -> str:
    edition = assessment.edition
    if innovation is None:
        return t("iid.entry.not_assessed", lang, year=edition.year, edition=edition.label)
    score = assessment.innovations.set_index("id").loc[innovation, "sid"]
    return t("iid.entry.sid_score", lang, edition=edition.label, score=format_number(score, lang, 0),
             max=format_number(edition.sid_max, lang, 0))


def _iid_section(store, dataset, row, identity: str, innovation_id, query: dict, editable: bool, lang: str) -> list:
    """The innovation's SID evidence for an IID edition (links to the others): editors enter it."""
    edition = _iid_edition(dataset, row, query)
    assessment, innovation = _iid_assessed(dataset, edition, identity, lang)
    region = row["region"] if isinstance(row.get("region"), str) else home_region()
    rows = evidence_ui.indicator_rows(assessment, "sid", innovation, store.evidence_entries(edition.year, region,
                                                                                              identity))
    history = store.evidence_history(edition.year, region, identity) if editable else []
    kipp = Filters.from_query(query).edition
    links = [dcc.Link(str(year), id=f"ws-iid-edition-{year}", className="me-2" + (" fw-bold" if year == edition.year
                                                                                   else ""),
                      href=ui.workspace_href(innovation_id, edition_year(kipp), lang) + f"&{IID_KEY}={year}")
             for year in load_iid_editions().years]
    key = {"edition": edition.year, "region": region, "identity": identity, "innovation": str(innovation_id)}
    return [html.H2(t("iid.entry.sid_heading", lang), className="h6"),
            html.Div([html.Span(t("iid.ui.edition", lang), className="me-2"), *links], className="small mb-1"),
            html.P(_iid_summary(assessment, innovation, lang), id="ws-iid-summary", className="small fw-semibold"),
            evidence_ui.create_editor(SID, key, rows, editable, lang, history)]


def _readiness(dataset, edition, identity: str, row, typed: dict, lang: str) -> html.Div:
    """The checklist (status, score, every check, the draft download) of the innovation as written:
    the saved workspaces with `typed` over them."""
    rows = preview(dataset.frame, dataset.workspaces, edition, identity, typed)
    readiness = evaluate(rows, edition)
    return kipp_ui.create_checklist(readiness, readiness.position(str(row["id"])), lang)


def _typed(ids: list[dict], values: list) -> dict[str, str]:
    return {item["field"]: value or "" for item, value in zip(ids, values)}


def _opened(key: dict):
    """What a writing callback works on: the store, the dataset and the edition of the page's `key`."""
    return _store(), current_dataset(), load_editions().get(key["edition"])


def _history_after_change(store, dataset, edition, key: dict, lang: str):
    """After a write: this worker reads the workspaces again, and the page's history as it is now."""
    _changed()
    return ui.create_history(store.field_history(key["identity"], key["edition"]), edition, dataset, True, lang)


@callback(
    Output("ws-readiness", "children"),
    Output("ws-title-warning", "children"),
    Input({"type": ui.FIELD, "field": ALL}, "value"),
    State({"type": ui.FIELD, "field": ALL}, "id"),
    State("ws-key", "data"),
    State("url", "search"),
    prevent_initial_call=True,
)
def recompute(values, ids, key, search):
    """Readiness and score of the text as typed (each field sends its value once typing pauses), and
    the same-title check within the institution."""
    if not key or editor_name() is None:
        raise PreventUpdate
    lang = Filters.from_query(search).lang
    dataset = current_dataset()
    edition = load_editions().get(key["edition"])
    row, identity = _innovation(dataset, key["innovation"])
    if row is None:
        raise PreventUpdate
    typed = _typed(ids, values)
    twins = same_titles(dataset.frame, identity, typed.get("title") or str(row["name"]))
    warning = "" if twins.empty else dbc.Alert(ui.text(
        "same_title", lang, agency=row["agency"] or "-",
        names=", ".join(f"{name} ({year})" for name, year in zip(twins["name"], twins["year"]))),
        color="warning", className="py-1 mb-0", id="ws-same-title")
    return _readiness(dataset, edition, identity, row, typed, lang), warning


@callback(
    Output("edit-ws-versions", "data"),
    Output("edit-ws-initial", "data"),
    Output("ws-save-message", "children"),
    Output("ws-history", "children"),
    Input("edit-ws-save", "n_clicks"),
    State({"type": ui.FIELD, "field": ALL}, "value"),
    State({"type": ui.FIELD, "field": ALL}, "id"),
    State("edit-ws-attachments", "value"),
    State("edit-ws-versions", "data"),
    State("edit-ws-initial", "data"),
    State("ws-key", "data"),
    State("url", "search"),
    prevent_initial_call=True,
)
def save(clicks, values, ids, ticks, versions, initial, key, search):
    """Store every field changed since the page was opened (or last saved), each with the version it was
    opened at; conflicts are reported, both texts kept."""
    if not clicks or not key:
        raise PreventUpdate
    lang = Filters.from_query(search).lang
    user = editor_name()
    if user is None:
        return no_update, no_update, dbc.Alert(ui.text("refused", lang), color="danger"), no_update
    changes = {field: value for field, value in _typed(ids, values).items() if value != initial.get(field, "")}
    before, after = set(initial.get("attachments") or []), set(ticks or [])
    changes.update({f"{ATTACHMENT_PREFIX}{k}": "1" if k in after else "" for k in before ^ after})
    if not changes:
        return no_update, no_update, dbc.Alert(ui.text("nothing_to_save", lang), color="light"), no_update
    store, dataset, edition = _opened(key)
    messages, versions, initial = [], dict(versions or {}), dict(initial or {})
    for field, value in changes.items():
        try:
            saved = store.save_field(key["identity"], key["edition"], field, value, versions.get(field, 0), user)
        except StoreError as err:
            messages.append(dbc.Alert(err.message(lang), color="danger"))
            continue
        versions[field] = saved["version"]
        if saved["conflict"]:
            conflict = saved["conflict"]
            messages.append(dbc.Alert(ui.text("conflict", lang, field=ui.field_label(field, edition, dataset, lang),
                                              by=conflict["by"], at=format_datetime(conflict["at"], lang)),
                                      color="warning", className="ws-conflict"))
    initial.update({field: value for field, value in changes.items() if not field.startswith(ATTACHMENT_PREFIX)})
    initial["attachments"] = sorted(after)
    done = dbc.Alert(ui.text("saved", lang, count=format_int(len(changes), lang)), color="success", id="ws-saved")
    return versions, initial, [done, *messages], _history_after_change(store, dataset, edition, key, lang)


@callback(
    Output({"type": ui.FIELD, "field": ALL}, "value"),
    Output("edit-ws-versions", "data", allow_duplicate=True),
    Output("edit-ws-initial", "data", allow_duplicate=True),
    Output("ws-history", "children", allow_duplicate=True),
    Output("edit-ws-attachments", "value"),
    Input({"type": "edit-ws-revert", "change": ALL}, "n_clicks"),
    State({"type": ui.FIELD, "field": ALL}, "id"),
    State("edit-ws-attachments", "value"),
    State("edit-ws-versions", "data"),
    State("edit-ws-initial", "data"),
    State("ws-key", "data"),
    State("url", "search"),
    prevent_initial_call=True,
)
def revert(clicks, ids, ticks, versions, initial, key, search):
    """Give a field back the value it had before the chosen change (itself a new change); an attachment
    tick reverted is ticked or unticked in the checklist (the other ticks as they are on the page)."""
    trigger = ctx.triggered_id
    if not trigger or not any(clicks) or not key:
        raise PreventUpdate
    user = editor_name()
    if user is None:
        raise PreventUpdate
    lang = Filters.from_query(search).lang
    store, dataset, edition = _opened(key)
    reverted = store.revert_field(key["identity"], key["edition"], trigger["change"], user)
    field = reverted["field"]
    versions = {**(versions or {}), field: reverted["version"]}
    initial = dict(initial or {})
    history = _history_after_change(store, dataset, edition, key, lang)
    if field.startswith(ATTACHMENT_PREFIX):
        tick, on = field[len(ATTACHMENT_PREFIX):], bool(reverted["value"])
        initial["attachments"] = _with_tick(initial.get("attachments"), tick, on)
        return [no_update] * len(ids), versions, initial, history, _with_tick(ticks, tick, on)
    row, _ = _innovation(dataset, key["innovation"])
    shown = reverted["value"]
    if shown is None:    # no workspace text any more: the uploaded value shows again
        shown = ui.shown_values(row, {"fields": {}})[field]
    initial[field] = shown
    values = [shown if item["field"] == field else no_update for item in ids]
    return values, versions, initial, history, no_update


def _with_tick(ticks, tick: str, on: bool) -> list[str]:
    return sorted((set(ticks or []) - {tick}) | ({tick} if on else set()))


@callback(
    Output("ws-workflow", "children"),
    Input({"type": "edit-ws-step", "status": ALL}, "n_clicks"),
    Input({"type": ui.RESULT_PICKER, "status": ALL}, "value"),
    Input("edit-ws-comment-add", "n_clicks"),
    State("edit-ws-comment", "value"),
    State("ws-key", "data"),
    State("url", "search"),
    prevent_initial_call=True,
)
def workflow(steps, result, comment_clicks, comment, key, search):
    """Move the proposal a step (or record its result), or add a review comment."""
    trigger = ctx.triggered_id
    if not trigger or not key:
        raise PreventUpdate
    lang = Filters.from_query(search).lang
    user = editor_name()
    if user is None:
        return dbc.Alert(ui.text("refused", lang), color="danger")
    store = _store()
    try:
        if trigger == "edit-ws-comment-add":
            if not comment_clicks:
                raise PreventUpdate
            store.add_review_comment(key["identity"], key["edition"], comment, user)
        elif trigger["type"] == ui.RESULT_PICKER:
            if not any(result):
                raise PreventUpdate
            store.set_workspace_status(key["identity"], key["edition"], RESULT, user, result=next(filter(None, result)))
        else:
            if not any(steps):
                raise PreventUpdate
            store.set_workspace_status(key["identity"], key["edition"], trigger["status"], user)
    except StoreError as err:
        workspace = store.workspace(key["identity"], key["edition"])
        return [dbc.Alert(err.message(lang), color="danger"), *ui.create_workflow(workspace, True, lang)]
    _changed()
    return ui.create_workflow(store.workspace(key["identity"], key["edition"]), True, lang)


def _redraw_iid(key: dict, edition, lang: str):
    """After an evidence save: the innovation's SID line and its indicator rows."""
    assessment, innovation = _iid_assessed(current_dataset(), edition, key["identity"], lang)
    return _iid_summary(assessment, innovation, lang), evidence_ui.indicator_rows(assessment, "sid", innovation, {})


save_iid_evidence = evidence_ui.register_save(SID, Output("ws-iid-summary", "children"), _redraw_iid)
revert_iid_evidence = evidence_ui.register_revert(SID, Output("ws-iid-summary", "children"), _redraw_iid)
