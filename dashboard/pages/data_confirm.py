"""/data's confirm: the previewed files (staged on disk, dashboard/staging.py) committed to the store
as batches, all or nothing (store.ingest), with the column mappings and year rules chosen in the
preview; then the upload is cleared and the history redrawn.

Saving a large upload takes longer than a request may (gunicorn's worker timeout), so it runs as a
background job (dashboard/jobs.py) like the preview: its stage in words and a bar, the confirm and
cancel buttons hidden and the drop zone disabled while it runs. It can be cancelled until the store
commits: the job's process is killed and the store's one transaction rolls back, leaving nothing
half-written (nor when the process dies any other way); after the commit the cancel button goes.
A job killed from outside shows why and what to do (jobs.job_failure).
"""

import logging

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html
from dash.exceptions import PreventUpdate

from dashboard.auth import editor_name
from dashboard.jobs import job_request, manager
from dashboard.pages.data_access import denied, invalidate_source, job_failed, located, page_lang, page_store
from dashboard.staging import staged_paths
from i18n import format_int, t
from store.duplicates import KEEP_ONE

# The store's own warnings about a commit (the loaders' were in the preview already).
STORE_WARNINGS = {"already_stored", "nothing_new", "duplicate_across_batches", "duplicate_skipped"}
ACTIONS_CLASS = "d-flex gap-2 mt-2"
SAVING_CLASS = "my-2 preview-progress"
# The bar while saving: store.ingest reads, checks and commits in one call (no fraction to report),
# so the bar stands at a share of the way, then full once the batches are committed.
SAVING_PERCENT = {"saving": 50, "recording": 100}
log = logging.getLogger(__name__)


def create_saving_progress(lang: str) -> html.Div:
    """Shown while the confirmed upload is saved: its stage in words, a bar and a cancel button
    (hidden once the store has committed)."""
    return html.Div([
        html.Div(id="edit-saving-text", className="small mb-1"),
        dbc.Progress(id="edit-saving", value=0, striped=True, animated=True, className="mb-2",
                     style={"height": "1.1rem"}),
        dbc.Button(t("data.saving_cancel", lang), id="edit-saving-cancel", color="secondary", outline=True,
                   size="sm"),
    ], id="edit-saving-wrap", className="d-none")


def confirm(set_progress, clicks, staged, choice, state, changed, search):
    """Commit the staged files as batches, all or nothing (store.ingest), then clear the upload.

    Years already stored are replaced or only their new innovations added, as chosen; without a
    choice the store's add mode refuses them, so nothing is ever counted twice."""
    lang = page_lang(search)
    with job_request():
        user, store = editor_name(), page_store()
        if user is None or store is None:
            return denied(lang), dash.no_update, dash.no_update
        if not clicks or choice == "cancel":
            raise PreventUpdate
        paths = staged_paths((staged or {}).get("token"), user)
        if paths is None:
            return dbc.Alert(t("data.upload_gone", lang), color="warning", id="edit-not-saved"), dash.no_update, None
        mode = choice if choice in ("replace", "add-new") and (state or {}).get("overlap") else "add"
        choices = (state or {}).get("choices") or {"mappings": [], "years": {}}
        _progress(set_progress, "saving", lang, files=len(paths))
        result = store.ingest(paths, user=user, mode=mode, lang=lang, mappings=choices["mappings"],
                              sheet_years=choices["years"], duplicates=choices.get("duplicates", KEEP_ONE),
                              keep_choices=True)
        warnings = [located(issue) for issue in result.issues if issue.severity == "warning"
                    and issue.code in STORE_WARNINGS]
        if not result.ok:
            lines = [located(issue) for issue in result.errors] or warnings
            return (dbc.Alert([t("data.not_saved", lang), html.Ul(lines, className="mb-0")],
                              color="danger" if result.errors else "info", id="edit-not-saved"),
                    dash.no_update, dash.no_update)
        _progress(set_progress, "recording", lang, files=len(paths))
        return _saved(result, choices, warnings, lang), (changed or 0) + 1, None


def _saved(result, choices: dict, warnings: list, lang: str):
    """The message saying what was saved: the rows, and the mappings and year rules kept with them (stored
    rows that followed a mapping and now count an innovation twice are said)."""
    warnings += [located(issue) for entry in result.mapping_entries for issue in entry.get("issues", [])]
    invalidate_source()
    text = t("data.saved", lang, count=format_int(result.records, lang), batches=len(result.batches))
    if choices["mappings"]:
        text += " " + t("data.mappings_saved", lang, count=format_int(len(choices["mappings"]), lang))
    if result.year_rules_saved:
        text += " " + t("data.year_rules_saved", lang, count=format_int(result.year_rules_saved, lang))
    notes = [html.Div(t("data.saved_warnings", lang), className="mt-2"), html.Ul(warnings, className="mb-0")] \
        if warnings else []
    return dbc.Alert([text, *notes], color="success", id="edit-saved")


def _progress(set_progress, stage: str, lang: str, files: int) -> None:
    """The bar, its stage in words, and the cancel button (gone once the store has committed)."""
    percent = SAVING_PERCENT[stage]
    set_progress((percent, f"{percent}%", t(f"data.saving.{stage}", lang, files=format_int(files, lang)),
                  "d-none" if stage == "recording" else ""))


def confirm_failed(error):
    """The job ended without an answer: killed from outside, or a fault (the log has it)."""
    changed = (dash.ctx.states.get("edit-changed.data") or 0) + 1   # the history shows what is stored
    return (job_failed(error, log, "saving an upload", "data.saving_died", "data.saving_failed", "edit-not-saved"),
            changed, dash.no_update)


def cancel_saving(clicks, changed, search):
    """The saving's cancel button (Dash kills the job; the store's transaction rolls back): say so,
    and redraw the history, which shows what is stored."""
    if not clicks or editor_name() is None:
        raise PreventUpdate
    return (dbc.Alert(t("data.saving_stopped", page_lang(search)), color="secondary", id="edit-not-saved"),
            (changed or 0) + 1)


def register_callbacks() -> None:
    """Wire the confirm button, its job and its cancel into the app being built (by pages/data.py)."""
    callback(
        Output("edit-result", "children"), Output("edit-changed", "data"), Output("edit-upload", "contents"),
        Input("edit-confirm", "n_clicks"),
        State("edit-staged", "data"), State("edit-mode", "value"),
        State("edit-state", "data"), State("edit-changed", "data"), State("url", "search"),
        background=True,
        manager=manager(),
        interval=500,
        progress=[Output("edit-saving", "value"), Output("edit-saving", "label"),
                  Output("edit-saving-text", "children"), Output("edit-saving-cancel", "className")],
        progress_default=[0, "", "", ""],
        running=[(Output("edit-saving-wrap", "className"), SAVING_CLASS, "d-none"),
                 (Output("edit-actions", "className"), "d-none", ACTIONS_CLASS),
                 (Output("edit-upload", "disabled"), True, False)],
        cancel=[Input("edit-saving-cancel", "n_clicks")],
        on_error=confirm_failed,
        prevent_initial_call=True,
    )(confirm)
    callback(
        Output("edit-result", "children", allow_duplicate=True),
        Output("edit-changed", "data", allow_duplicate=True),
        Input("edit-saving-cancel", "n_clicks"), State("edit-changed", "data"), State("url", "search"),
        prevent_initial_call=True,
    )(cancel_saving)
