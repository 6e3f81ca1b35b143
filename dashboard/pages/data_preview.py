"""/data's upload and preview: the drop zone's files staged on disk by a short callback
(dashboard/staging.py), then read, normalised and compared with the store by a background job
(dashboard/jobs.py) showing its stage and progress, with a cancel button (any worker answers its
polls); the choices made in the preview (column mappings, year rules, duplicates, how overlapping
years are saved) and cancelling the upload.
"""

import logging

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, clientside_callback, ctx, html
from dash.exceptions import PreventUpdate

from dashboard.auth import editor_name
from dashboard.components.duplicates import DUPLICATES_CLASS, HIDDEN_DUPLICATES, create_upload_duplicates
from dashboard.components.upload import UploadRefused, create_alias_rows, create_preview, preview_report
from dashboard.jobs import job_request, manager
from dashboard.pages.data_access import denied, job_failed, page_lang, page_store, upload_limit
from dashboard.sources import current_dataset
from dashboard.staging import discard, stage, staged_paths
from i18n import format_int, t
import logs
from store.duplicates import KEEP_ONE

NO_CHOICES = {"mappings": [], "years": {}, "duplicates": KEEP_ONE}
OVERLAP_CLASS = "alert alert-warning my-2"
HIDDEN_OVERLAP = "d-none " + OVERLAP_CLASS
# The preview's progress bar: reading and normalising the files fill the first part, comparing them
# with the store the rest (store.compare), as loaders.load.Progress and store.compare report them.
STAGE_PERCENT = {"reading": (0, 60), "normalising": (0, 60), "comparing": (60, 100)}
log = logging.getLogger(__name__)


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


def create_preview_progress(lang: str) -> html.Div:
    """Shown while the preview runs: its stage in words, a progress bar and a cancel button."""
    return html.Div([
        html.Div(id="edit-progress-text", className="small mb-1"),
        dbc.Progress(id="edit-progress", value=0, striped=True, animated=True, className="mb-2",
                     style={"height": "1.1rem"}),
        dbc.Button(t("data.preview_cancel", lang), id="edit-preview-cancel", color="secondary", outline=True,
                   size="sm"),
    ], id="edit-progress-wrap", className="d-none")


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
    lang = page_lang(search)
    try:
        token = stage(contents, filenames, upload_limit(), user, lang)
    except UploadRefused as refused:
        return {"refused": refused.message(lang)}, None, None, None, None
    return {"token": token}, None, None, None, None


def preview(set_progress, staged, choices, _aliases_saved, search):
    """Read the staged files as the store would and show what would be saved and how it compares
    with the store (nothing is saved); where the years overlap, ask how (no choice made yet); where the
    files list an innovation twice for a year, say which row is kept (one, unless told to keep all). A
    column mapped, a year rule or the duplicates' choice made in the preview (`choices`), or agency
    names mapped, read the files again. Runs as a background job: its stage and progress are shown,
    and it can be cancelled."""
    lang = page_lang(search)
    cleared = (None, HIDDEN_OVERLAP, None, None, [], "d-none", [], HIDDEN_DUPLICATES, KEEP_ONE)
    with job_request():
        user, store = editor_name(), page_store()
        if user is None or store is None:
            return denied(lang), *cleared
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
            with logs.timed(log, "job.preview", user=user, files=len(paths)) as outcome:
                report, unknown = preview_report(store, paths, lang, choices["mappings"], choices["years"],
                                                 _progress(set_progress, lang), choices.get("duplicates", KEEP_ONE))
                shown = create_preview(report, lang, current_dataset().column_label)
                outcome["records"] = report["records"]
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


def preview_failed(error):
    """The preview job ended without an answer: its process was killed from outside (say so, and to
    upload again), or it raised past the preview's own handling (the log has it)."""
    return (job_failed(error, log, "the preview of an upload", "data.job_died", "data.preview_failed", "edit-refused"),
            None, HIDDEN_OVERLAP, None, None, [], "d-none", [], HIDDEN_DUPLICATES, KEEP_ONE)


def _progress(set_progress, lang: str):
    """The preview's progress as the loaders and the comparison report it → the bar and a sentence."""
    def report(stage: str, fraction: float, rows: int | None = None, file: str | None = None) -> None:
        low, high = STAGE_PERCENT[stage]
        percent = int(low + (high - low) * min(max(fraction, 0.0), 1.0))
        set_progress((percent, f"{percent}%", t(f"data.progress.{stage}", lang, file=file or "",
                                                rows=format_int(rows or 0, lang))))
    return report


def choose(map_values, year_values, duplicates, map_ids, year_ids, state):
    """A column mapped, a year rule or the duplicates' choice made in the preview: the preview job reads
    the files again with them (not when the controls were only drawn anew with the choices applied)."""
    if editor_name() is None:
        raise PreventUpdate
    choices = {**preview_choices(map_ids, map_values, year_ids, year_values), "duplicates": duplicates or KEEP_ONE}
    if choices == ((state or {}).get("choices") or NO_CHOICES):
        raise PreventUpdate
    return choices


def preview_choices(map_ids, map_values, year_ids, year_values) -> dict:
    """The column mappings ([header, target]) and year rules ({sheet: rule}) chosen in the preview."""
    return {"mappings": [[item["header"], value] for item, value in zip(map_ids or [], map_values or []) if value],
            "years": {item["sheet"]: value for item, value in zip(year_ids or [], year_values or []) if value}}


def cancel_preview(clicks, staged, search):
    """The cancel button (Dash stops the job): the staged files go and the upload is cleared."""
    user = editor_name()
    if not clicks or user is None:
        raise PreventUpdate
    discard((staged or {}).get("token"), user)
    return t("data.preview_stopped", page_lang(search)), None


def cancel(clicks, mode, search):
    """Cancel (the button, or "cancel" where years overlap) forgets the upload: with no file the preview,
    the comparison, the choices and the mapping controls are cleared (`preview`), nothing is stored,
    and the same file can be chosen again."""
    wanted = clicks if ctx.triggered_id == "edit-cancel" else mode == "cancel"
    if not wanted or editor_name() is None:
        raise PreventUpdate
    return None, None, dbc.Alert(t("data.cancelled", page_lang(search)), color="secondary", id="edit-cancelled")


def register_callbacks() -> None:
    """Wire the upload, its preview job and its choices into the app being built (by pages/data.py)."""
    callback(
        Output("edit-staged", "data"), Output("edit-choices", "data", allow_duplicate=True),
        Output("edit-alias-message", "children", allow_duplicate=True),
        Output("edit-preview-stopped", "children", allow_duplicate=True),
        Output("edit-result", "children", allow_duplicate=True),
        Input("edit-upload", "contents"), State("edit-upload", "filename"), State("edit-staged", "data"),
        State("url", "search"),
        prevent_initial_call=True,
    )(stage_upload)
    callback(
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
        on_error=preview_failed,
        prevent_initial_call=True,
    )(preview)
    callback(
        Output("edit-choices", "data"),
        Input({"type": "edit-map", "header": ALL}, "value"), Input({"type": "edit-year", "sheet": ALL}, "value"),
        Input("edit-duplicates-mode", "value"),
        State({"type": "edit-map", "header": ALL}, "id"), State({"type": "edit-year", "sheet": ALL}, "id"),
        State("edit-state", "data"),
        prevent_initial_call=True,
    )(choose)
    callback(
        Output("edit-preview-stopped", "children", allow_duplicate=True),
        Output("edit-upload", "contents", allow_duplicate=True),
        Input("edit-preview-cancel", "n_clicks"), State("edit-staged", "data"), State("url", "search"),
        prevent_initial_call=True,
    )(cancel_preview)
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
    callback(
        Output("edit-upload", "contents", allow_duplicate=True), Output("edit-upload", "filename", allow_duplicate=True),
        Output("edit-result", "children", allow_duplicate=True),
        Input("edit-cancel", "n_clicks"), Input("edit-mode", "value"), State("url", "search"),
        prevent_initial_call=True,
    )(cancel)
