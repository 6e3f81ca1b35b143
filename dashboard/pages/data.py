"""Data (/data): editors upload files → preview → confirm; map unknown agency names; roll back and restore.

Viewers see why they cannot, and no upload control. Every output id starts with "edit-": the guard
refuses those callbacks to anyone but an editor (403) and each callback checks again (`editor_name`).
With `serve --data` the dashboard reads files directly: read-only, said on the page.

The preview of a large file takes longer than a request may (gunicorn's worker timeout): the upload
is staged on disk by a short callback (dashboard/staging.py) and the preview runs as a background
job (dashboard/jobs.py) showing its stage and progress, with a cancel button; any worker answers
its polls.
"""

import logging

import dash
import dash_bootstrap_components as dbc
import flask
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, dcc, html
from dash.exceptions import PreventUpdate

from analytics.filters import Filters
from dashboard.jobs import job_request, manager
from dashboard.auth import ANONYMOUS, current_role, editor_name, users
from dashboard.components.duplicates import (DOUBLED_CLASS, DUPLICATES_CLASS, HIDDEN_DOUBLED, HIDDEN_DUPLICATES,
                                             ask_doubled, create_doubled, create_doubled_warning,
                                             create_duplicates_choice, create_upload_duplicates)
from dashboard.components.filterbar import refreshed_controls, refreshed_outputs
from dashboard.components.page import rendering_for_validation
from dashboard.components.upload import (UploadRefused, create_alias_rows, create_history, create_preview,
                                         decode_uploads, preview_report, staged)
from dashboard.sources import CONFIG_KEY, current_dataset
from dashboard.staging import discard, stage, staged_paths
from i18n import format_int, format_number, t
from store.database import EDIT_MODES
from store.duplicates import KEEP_ONE

dash.register_page(__name__, path="/data", order=7, name="Data", title="Data · Dasbor Inovasi", nav=True,
                   label_key="nav.data")

ADDUSER = "python app.py adduser NAMA --role editor"
# The store's own warnings about a commit (the loaders' were in the preview already).
STORE_WARNINGS = {"already_stored", "nothing_new", "duplicate_across_batches", "duplicate_skipped"}
NO_CHOICES = {"mappings": [], "years": {}, "duplicates": KEEP_ONE}
OVERLAP_CLASS = "alert alert-warning my-2"
HIDDEN_OVERLAP = "d-none " + OVERLAP_CLASS
# The preview's progress bar: reading and normalising the files fill the first part, comparing them
# with the store the rest (store.compare), as loaders.load.Progress and store.compare report them.
STAGE_PERCENT = {"reading": (0, 60), "normalising": (0, 60), "comparing": (60, 100)}
log = logging.getLogger(__name__)


def _source():
    return flask.current_app.config[CONFIG_KEY]


def page_store():
    """The store behind the dashboard, or None when it reads files directly (read-only)."""
    return getattr(_source(), "store", None)


def _lang(search) -> str:
    return Filters.from_query(search).lang


def _limit() -> int:
    from loaders.read import max_upload_bytes

    return max_upload_bytes()


def create_refusal(lang: str) -> list:
    """What a viewer or an anonymous visitor sees instead of the upload control."""
    parts = [dbc.Alert(t("data.not_allowed", lang), color="warning", id="data-not-allowed")]
    if current_role() == ANONYMOUS and not users().has_users():
        parts.append(dbc.Alert([t("data.no_users", lang), html.Pre(html.Code(ADDUSER), className="mt-2 mb-0"),
                                html.P(html.Strong(t("data.first_user_notice", lang)), className="mt-2 mb-0",
                                       id="data-first-user-notice")],
                               color="info", id="data-no-users"))
    elif current_role() == ANONYMOUS:
        parts.append(html.A(t("data.login_hint", lang), href="/login?next=/data" + ("&lang=en" if lang == "en" else ""),
                            className="btn btn-primary", id="data-login"))
    return parts


def create_overlap_choice(lang: str) -> html.Div:
    """Shown when the files hold years already stored: replace them, add only the new innovations, or
    cancel (which clears the upload, like the Cancel button). Nothing is chosen at first, and Confirm
    stays disabled until replace or add-new is (so an innovation is never counted twice by default)."""
    return html.Div([
        html.P(id="edit-overlap-text", className="mb-1 fw-semibold"),
        dbc.RadioItems(id="edit-mode", value=None, inline=True, options=[
            {"label": t("data.mode_replace", lang), "value": "replace"},
            {"label": t("data.mode_add_new", lang), "value": "add-new"},
            {"label": t("data.mode_cancel", lang), "value": "cancel"}]),
    ], id="edit-overlap", className=HIDDEN_OVERLAP)


def create_editor_panel(lang: str, history: list[dict], doubled: list[dict] = ()) -> list:
    """The warning of a store counting innovations twice, the upload card (drop zone, preview with
    the comparison, the choices where years overlap or rows repeat, confirm or cancel), the alias
    mapper and the history."""
    limit = _limit()
    upload = dbc.Card(dbc.CardBody([
        html.H2(t("data.upload_heading", lang), className="h5"),
        dcc.Upload(id="edit-upload", multiple=True, max_size=limit * 2, className="upload-zone",
                   children=html.Div([html.Strong(t("data.drop", lang)), html.Br(),
                                      html.Small(t("data.formats", lang,
                                                   size=f"{format_number(limit / 1e6, lang, 0)} MB"))])),
        create_preview_progress(lang),
        html.Div(id="edit-preview-stopped", className="small text-muted"),
        html.Div(id="edit-preview"),
        create_overlap_choice(lang),
        create_duplicates_choice(lang),
        html.Div([html.H3(t("data.unknown_heading", lang), className="h6"),
                  html.P(t("data.unknown_intro", lang), className="small"),
                  html.Div(id="edit-alias-rows"),
                  dbc.Button(t("data.alias_save", lang), id="edit-alias-save", color="secondary", size="sm"),
                  html.Div(id="edit-alias-message", className="small mt-2")],
                 id="edit-aliases", className="d-none alias-mapper"),
        html.Div([dbc.Button(t("data.confirm", lang), id="edit-confirm", color="primary", disabled=True),
                  dbc.Button(t("data.cancel", lang), id="edit-cancel", color="secondary", outline=True,
                             className="d-none")], className="d-flex gap-2 mt-2"),
        dcc.Loading(html.Div(id="edit-result", className="mt-2"), type="default"),
    ]), className="mb-3")
    return [create_doubled_warning(lang, list(doubled)), upload, dcc.Store(id="edit-changed", data=0),
            dcc.Store(id="edit-state", data=None),
            dcc.Store(id="edit-staged", data=None), dcc.Store(id="edit-choices", data=None),
            dbc.Card(dbc.CardBody([
        html.H2(t("data.history_heading", lang), className="h5"),
        html.Div(id="edit-history-message"),
        html.Div(create_history(history, lang), id="edit-history"),
    ])), *create_batch_question(lang)]


def create_preview_progress(lang: str) -> html.Div:
    """Shown while the preview runs: its stage in words, a progress bar and a cancel button."""
    return html.Div([
        html.Div(id="edit-progress-text", className="small mb-1"),
        dbc.Progress(id="edit-progress", value=0, striped=True, animated=True, className="mb-2",
                     style={"height": "1.1rem"}),
        dbc.Button(t("data.preview_cancel", lang), id="edit-preview-cancel", color="secondary", outline=True,
                   size="sm"),
    ], id="edit-progress-wrap", className="d-none")


def create_batch_question(lang: str) -> list:
    """Asked before a rollback or restore acts: which batch, which file, how many innovations it moves."""
    return [dcc.Store(id="edit-batch-pending"), dbc.Modal([
        dbc.ModalHeader(dbc.ModalTitle(id="edit-batch-title")),
        dbc.ModalBody(id="edit-batch-body"),
        dbc.ModalFooter([
            dbc.Button(t("data.ask_cancel", lang), id="edit-batch-cancel", color="secondary", outline=True),
            dbc.Button(id="edit-batch-do", color="danger"),
        ]),
    ], id="edit-batch-ask", is_open=False)]


def layout(**query):
    """The editor's panel; for anyone else (or in read-only mode) a short explanation."""
    lang = Filters.from_query(query).lang
    heading = html.H1(t("data.heading", lang), className="h4 mb-3")
    store = page_store()
    if rendering_for_validation():  # Dash learns the ids once: give it the editor's panel, empty
        body = create_editor_panel(lang, [])
    elif store is None:
        body = [dbc.Alert(t("data.read_only", lang), color="secondary", id="data-read-only")]
    elif editor_name() is None:
        body = create_refusal(lang)
    else:
        body = create_editor_panel(lang, store.history(), store.doubled())
    return html.Div([heading, *body], className="page-data")


def _denied(lang: str):
    return dbc.Alert(t("data.not_allowed", lang), color="warning")


@callback(
    Output("edit-staged", "data"), Output("edit-choices", "data", allow_duplicate=True),
    Output("edit-alias-message", "children", allow_duplicate=True),
    Output("edit-preview-stopped", "children", allow_duplicate=True),
    Output("edit-result", "children", allow_duplicate=True),
    Input("edit-upload", "contents"), State("edit-upload", "filename"), State("edit-staged", "data"),
    State("url", "search"),
    prevent_initial_call=True,
)
def stage_upload(contents, filenames, staged, search):
    """Keep the uploaded files on disk for the preview job (a short request: decoding and writing);
    the page holds only their token, or why they were refused. The previous upload's files go, and
    with a new upload the last result too."""
    user = editor_name()
    if user is None or page_store() is None:
        return {"token": None}, None, None, dash.no_update, dash.no_update
    discard((staged or {}).get("token"), user)
    if not contents:
        return {"token": None}, None, None, dash.no_update, dash.no_update
    lang = _lang(search)
    try:
        token = stage(contents, filenames, _limit(), user, lang)
    except UploadRefused as refused:
        return {"refused": refused.message(lang)}, None, None, None, None
    return {"token": token}, None, None, None, None


@callback(
    Output("edit-preview", "children"), Output("edit-state", "data"), Output("edit-overlap", "className"),
    Output("edit-overlap-text", "children"), Output("edit-mode", "value"), Output("edit-alias-rows", "children"),
    Output("edit-aliases", "className"), Output("edit-duplicates-list", "children"),
    Output("edit-duplicates", "className"), Output("edit-duplicates-mode", "value"),
    Input("edit-staged", "data"), Input("edit-choices", "data"), Input("edit-alias-message", "children"),
    State("url", "search"),
    background=True,
    manager=manager(),
    interval=500,
    progress=[Output("edit-progress", "value"), Output("edit-progress", "label"),
              Output("edit-progress-text", "children")],
    progress_default=[0, "", ""],
    running=[(Output("edit-progress-wrap", "className"), "my-2 preview-progress", "d-none"),
             (Output("edit-preview", "className"), "d-none", ""),
             (Output("edit-confirm", "className"), "d-none", "")],
    cancel=[Input("edit-preview-cancel", "n_clicks")],
    prevent_initial_call=True,
)
def preview(set_progress, staged, choices, _aliases_saved, search):
    """Read the staged files as the store would and show what would be saved and how it compares
    with the store (nothing is saved); where the years overlap, ask how (no choice made yet); where the
    files list an innovation twice for a year, say which row is kept (one, unless told to keep all). A
    column mapped, a year rule or the duplicates' choice made in the preview (`choices`), or agency
    names mapped, read the files again. Runs as a background job: its stage and progress are shown,
    and it can be cancelled."""
    lang = _lang(search)
    cleared = (None, HIDDEN_OVERLAP, None, None, [], "d-none", [], HIDDEN_DUPLICATES, KEEP_ONE)
    with job_request():
        user, store = editor_name(), page_store()
        if user is None or store is None:
            return _denied(lang), *cleared
        staged = staged or {}
        if staged.get("refused"):   # a state (blocked) offers Cancel
            return (dbc.Alert(staged["refused"], color="danger", id="edit-refused"), {"blocked": True, "overlap": []},
                    *cleared[1:])
        if not staged.get("token"):
            return None, *cleared
        paths = staged_paths(staged["token"], user)
        if paths is None:
            return dbc.Alert(t("data.upload_gone", lang), color="warning", id="edit-refused"), *cleared
        choices = choices or NO_CHOICES
        try:
            report, unknown = preview_report(store, paths, lang, choices["mappings"], choices["years"],
                                             _progress(set_progress, lang), choices.get("duplicates", KEEP_ONE))
            shown = create_preview(report, lang, current_dataset().column_label)
        except Exception:  # noqa: BLE001 - the log keeps the traceback; the page says what happened
            log.exception("the preview of an upload failed")
            return dbc.Alert(t("data.preview_failed", lang), color="danger", id="edit-refused"), *cleared
        blocked = any(issue["severity"] == "error" for issue in report["issues"]) or not report["records"]
        overlap = [] if blocked else report["comparison"]["overlap"]
        years = ", ".join(str(year) for year in overlap)
        register = list(store.reference().agency_names)
        saving = dash.ctx.triggered_id == "edit-alias-message"
        return (shown, {"blocked": blocked, "overlap": overlap, "choices": choices},
                OVERLAP_CLASS if overlap else HIDDEN_OVERLAP,
                t("data.overlap", lang, years=years) if overlap else None,
                dash.no_update if saving else None, create_alias_rows(unknown, register, lang),
                "alias-mapper" if unknown else "d-none",
                create_upload_duplicates([] if blocked else report["duplicates"], lang),
                DUPLICATES_CLASS if report["duplicates"] and not blocked else HIDDEN_DUPLICATES,
                KEEP_ONE if dash.ctx.triggered_id == "edit-staged" else dash.no_update)


def _progress(set_progress, lang: str):
    """The preview's progress as the loaders and the comparison report it → the bar and a sentence."""
    def report(stage: str, fraction: float, rows: int | None = None, file: str | None = None) -> None:
        low, high = STAGE_PERCENT[stage]
        percent = int(low + (high - low) * min(max(fraction, 0.0), 1.0))
        set_progress((percent, f"{percent}%", t(f"data.progress.{stage}", lang, file=file or "",
                                                rows=format_int(rows or 0, lang))))
    return report


@callback(
    Output("edit-choices", "data"),
    Input({"type": "edit-map", "header": ALL}, "value"), Input({"type": "edit-year", "sheet": ALL}, "value"),
    Input("edit-duplicates-mode", "value"),
    State({"type": "edit-map", "header": ALL}, "id"), State({"type": "edit-year", "sheet": ALL}, "id"),
    State("edit-state", "data"),
    prevent_initial_call=True,
)
def choose(map_values, year_values, duplicates, map_ids, year_ids, state):
    """A column mapped, a year rule or the duplicates' choice made in the preview: the preview job reads
    the files again with them (not when the controls were only drawn anew with the choices applied)."""
    if editor_name() is None:
        raise PreventUpdate
    choices = {**preview_choices(map_ids, map_values, year_ids, year_values), "duplicates": duplicates or KEEP_ONE}
    if choices == ((state or {}).get("choices") or NO_CHOICES):
        raise PreventUpdate
    return choices


@callback(
    Output("edit-preview-stopped", "children", allow_duplicate=True),
    Output("edit-upload", "contents", allow_duplicate=True),
    Input("edit-preview-cancel", "n_clicks"), State("edit-staged", "data"), State("url", "search"),
    prevent_initial_call=True,
)
def cancel_preview(clicks, staged, search):
    """The cancel button (Dash stops the job): the staged files go and the upload is cleared."""
    user = editor_name()
    if not clicks or user is None:
        raise PreventUpdate
    discard((staged or {}).get("token"), user)
    return t("data.preview_stopped", _lang(search)), None


@callback(
    Output("edit-alias-message", "children"),
    Input("edit-alias-save", "n_clicks"),
    State({"type": "edit-alias", "alias": ALL}, "value"), State({"type": "edit-alias", "alias": ALL}, "id"),
    State("url", "search"),
    prevent_initial_call=True,
)
def save_aliases(clicks, alias_values, alias_ids, search):
    """Store the agency names mapped in the preview; the message then has the preview read again."""
    lang, user, store = _lang(search), editor_name(), page_store()
    if user is None or store is None:
        return _denied(lang)
    if not clicks:
        raise PreventUpdate
    return _save_aliases(store, alias_ids, alias_values, user, lang)


def preview_choices(map_ids, map_values, year_ids, year_values) -> dict:
    """The column mappings ([header, target]) and year rules ({sheet: rule}) chosen in the preview."""
    return {"mappings": [[item["header"], value] for item, value in zip(map_ids or [], map_values or []) if value],
            "years": {item["sheet"]: value for item, value in zip(year_ids or [], year_values or []) if value}}


# Confirm is enabled once the preview has no errors and, where years overlap, once "replace" or
# "add only the new ones" is chosen; "cancel" keeps it disabled and says nothing will be saved.
# Cancel is offered while anything is uploaded (a preview, or a refusal).
clientside_callback(
    """function(state, mode) {
        var chosen = mode === "replace" || mode === "add-new";
        var ready = !!state && !state.blocked && (state.overlap.length === 0 || chosen);
        return [!ready, state ? "" : "d-none"];
    }""",
    Output("edit-confirm", "disabled"), Output("edit-cancel", "className"),
    Input("edit-state", "data"), Input("edit-mode", "value"),
)


# Once the upload is forgotten (cancelled or saved), its file input is emptied too: a browser announces
# no change when the same file is chosen again into an input that still holds it.
clientside_callback(
    """function(contents) {
        var input = document.querySelector("#edit-upload input[type=file]");
        if (!contents && input) { input.value = ""; }
        return window.dash_clientside.no_update;
    }""",
    Output("edit-upload", "style"), Input("edit-upload", "contents"),
)


@callback(
    Output("edit-upload", "contents", allow_duplicate=True), Output("edit-upload", "filename", allow_duplicate=True),
    Output("edit-result", "children", allow_duplicate=True),
    Input("edit-cancel", "n_clicks"), Input("edit-mode", "value"), State("url", "search"),
    prevent_initial_call=True,
)
def cancel(clicks, mode, search):
    """Cancel (the button, or "cancel" where years overlap) forgets the upload: with no file the preview,
    the comparison, the choices and the mapping controls are cleared (`preview`), nothing is stored,
    and the same file can be chosen again."""
    wanted = clicks if ctx.triggered_id == "edit-cancel" else mode == "cancel"
    if not wanted or editor_name() is None:
        raise PreventUpdate
    return None, None, dbc.Alert(t("data.cancelled", _lang(search)), color="secondary", id="edit-cancelled")


def _save_aliases(store, alias_ids: list[dict], alias_values: list, user: str, lang: str):
    """Store each chosen (alias, agency) pair; the message says how many, or why one was refused."""
    from store.errors import StoreError

    pairs = [(item["alias"], value) for item, value in zip(alias_ids, alias_values) if value]
    warnings = []
    try:
        for alias, agency in pairs:
            entry = store.add_alias(alias, agency, user, lang)   # an innovation now listed twice is said
            warnings += [_located(issue) for issue in (entry or {}).get("issues", [])]
    except StoreError as err:
        return dbc.Alert(err.message(lang), color="danger")
    text = t("data.alias_saved", lang, count=format_int(len(pairs), lang))
    if not warnings:
        return text
    return [text, html.Div(t("data.saved_warnings", lang), className="mt-2"),
            html.Ul(warnings, className="mb-0", id="edit-alias-warnings")]


def _located(issue) -> html.Li:
    """An issue after saving, with the place it is about (file › sheet › row) before its message."""
    return html.Li(f"{issue.place}: {issue.message}")


@callback(Output("edit-changed", "data", allow_duplicate=True), Input("edit-alias-message", "children"),
          State("edit-changed", "data"), prevent_initial_call=True)
def aliases_saved(message, changed):
    """Saved aliases may have corrected stored rows (a history entry): redraw the history."""
    if not message:
        raise PreventUpdate
    return (changed or 0) + 1


@callback(
    Output("edit-result", "children"), Output("edit-changed", "data"), Output("edit-upload", "contents"),
    Input("edit-confirm", "n_clicks"),
    State("edit-upload", "contents"), State("edit-upload", "filename"), State("edit-mode", "value"),
    State("edit-state", "data"), State("edit-changed", "data"), State("url", "search"),
    prevent_initial_call=True,
)
def confirm(clicks, contents, filenames, choice, state, changed, search):
    """Commit the uploaded files as batches, all or nothing (store.ingest), then clear the upload.

    Years already stored are replaced or only their new innovations added, as chosen; without a
    choice the store's add mode refuses them, so nothing is ever counted twice."""
    lang, user, store = _lang(search), editor_name(), page_store()
    if user is None or store is None:
        return _denied(lang), dash.no_update, dash.no_update
    if not clicks or not contents or choice == "cancel":
        raise PreventUpdate
    mode = choice if choice in ("replace", "add-new") and (state or {}).get("overlap") else "add"
    try:
        uploads = decode_uploads(contents, filenames, _limit(), lang)
    except UploadRefused as refused:
        return dbc.Alert(refused.message(lang), color="danger"), dash.no_update, dash.no_update
    choices = (state or {}).get("choices") or {"mappings": [], "years": {}}
    with staged(uploads) as paths:
        result = store.ingest(paths, user=user, mode=mode, lang=lang, mappings=choices["mappings"],
                              sheet_years=choices["years"], duplicates=choices.get("duplicates", KEEP_ONE))
    warnings = [_located(issue) for issue in result.issues if issue.severity == "warning"
                and issue.code in STORE_WARNINGS]
    if not result.ok:
        lines = [_located(issue) for issue in result.errors] or warnings
        return (dbc.Alert([t("data.not_saved", lang), html.Ul(lines, className="mb-0")],
                          color="danger" if result.errors else "info", id="edit-not-saved"),
                dash.no_update, dash.no_update)
    for header, target in choices["mappings"]:   # only a confirmed upload's mappings and year rules are kept
        entry = store.add_mapping(header, target, user, lang)   # stored rows follow; an innovation twice is said
        warnings += [_located(issue) for issue in (entry or {}).get("issues", [])]
    rules = [store.add_year_rule(sheet.name, list(sheet.mapping), sheet.year_rule, user)   # the preview's choices
             for report in result.files for sheet in report.sheets
             if sheet.year_rule and sheet.year_rule_source != "store"]
    rules = [rule for rule in rules if rule]   # a stored rule shown in the preview and kept is not saved anew
    getattr(_source(), "invalidate", lambda: None)()
    text = t("data.saved", lang, count=format_int(result.records, lang), batches=len(result.batches))
    if choices["mappings"]:
        text += " " + t("data.mappings_saved", lang, count=format_int(len(choices["mappings"]), lang))
    if rules:
        text += " " + t("data.year_rules_saved", lang, count=format_int(len(rules), lang))
    notes = [html.Div(t("data.saved_warnings", lang), className="mt-2"), html.Ul(warnings, className="mb-0")] \
        if warnings else []
    return dbc.Alert([text, *notes], color="success", id="edit-saved"), (changed or 0) + 1, None


@callback(
    Output("edit-batch-ask", "is_open"), Output("edit-batch-title", "children"), Output("edit-batch-body", "children"),
    Output("edit-batch-do", "children"), Output("edit-batch-pending", "data"),
    Input({"type": "edit-rollback", "batch": ALL}, "n_clicks"),
    Input({"type": "edit-restore", "batch": ALL}, "n_clicks"),
    Input("edit-batch-cancel", "n_clicks"), Input("edit-doubled-resolve", "n_clicks"),
    State("url", "search"),
    prevent_initial_call=True,
)
def ask(_rollbacks, _restores, _cancel, _resolve, search):
    """A rollback, restore or resolve button asks first; nothing changes until the question is answered."""
    trigger, store = ctx.triggered_id, page_store()
    if trigger == "edit-batch-cancel":  # "Jangan"
        return False, dash.no_update, dash.no_update, dash.no_update, None
    if not ctx.triggered[0]["value"] or editor_name() is None or store is None:  # buttons drawn anew, not pressed
        raise PreventUpdate
    if trigger == "edit-doubled-resolve":
        return ask_doubled(store.doubled(), _lang(search))
    batch = next((batch for batch in store.history() if batch["id"] == trigger["batch"]), None)
    if batch is None:
        raise PreventUpdate
    lang, action = _lang(search), "rollback" if trigger["type"] == "edit-rollback" else "restore"
    edit = batch["mode"] in EDIT_MODES   # a change of stored rows, not an upload
    count = format_int(batch["active_records"] if action == "rollback" and not edit else batch["records"], lang)
    effect = f"data.ask_{action}_{batch['mode']}" if edit or batch["mode"] == "replace" else f"data.ask_{action}"
    years = ", ".join(str(year) for year in batch["by_year"])
    return (True, t(f"data.ask_{action}_title", lang, batch=batch["id"]),
            t(effect, lang, count=count, file=batch["file"], years=years), t(f"data.{action}", lang),
            {"action": action, "batch": batch["id"]})


def _resolve_doubled(store, user: str, lang: str):
    """Keep the newest batch's copies (store.resolve_doubled): the message saying what was hidden."""
    entry = store.resolve_doubled(user)
    if entry is None:
        return dbc.Alert(t("data.doubled_nothing", lang), color="info", dismissable=True)
    return dbc.Alert(t("data.doubled_resolved", lang, count=format_int(entry["records"], lang), batch=entry["id"]),
                     color="success", dismissable=True, id="edit-doubled-done")


@callback(
    Output("edit-history", "children"), Output("edit-history-message", "children"),
    Output("edit-doubled", "className"), Output("edit-doubled-text", "children"),
    Output("edit-batch-ask", "is_open", allow_duplicate=True), Output("edit-batch-pending", "data", allow_duplicate=True),
    *[Output(element, prop, allow_duplicate=True) for element, prop in refreshed_outputs()],
    Input("edit-changed", "data"),
    Input("edit-batch-do", "n_clicks"),
    State("edit-batch-pending", "data"),
    State("url", "search"),
    prevent_initial_call=True,
)
def history(_changed, _do, pending, search):
    """Redraw the history after an upload; roll a batch back, restore it or resolve the doubled years
    once the question is answered (and redraw the doubled years' warning).
    Either way the filter bar then shows the new data: the year slider's span, the dropdowns' options
    (new agencies, sectors), the region control once a second region is stored."""
    from store.errors import StoreError

    lang, user, store = _lang(search), editor_name(), page_store()
    if user is None or store is None:
        return (_denied(lang), None, dash.no_update, dash.no_update, False, None,
                *[dash.no_update] * len(refreshed_outputs()))
    message = None
    if ctx.triggered_id == "edit-batch-do":
        if not pending:
            raise PreventUpdate
        rollback = pending["action"] == "rollback"
        try:
            if pending["action"] == "doubled":
                message = _resolve_doubled(store, user, lang)
            else:
                (store.rollback if rollback else store.restore)(pending["batch"], user)
                message = dbc.Alert(t("data.rolled_back" if rollback else "data.restored", lang,
                                      batch=pending["batch"]), color="success", dismissable=True)
        except StoreError as err:
            message = dbc.Alert(err.message(lang), color="danger", dismissable=True)
        getattr(_source(), "invalidate", lambda: None)()
    doubled = store.doubled()
    return (create_history(store.history(), lang), message,
            DOUBLED_CLASS if doubled else HIDDEN_DOUBLED, create_doubled(doubled, lang), False, None,
            *refreshed_controls(current_dataset(), Filters.from_query(search)))
