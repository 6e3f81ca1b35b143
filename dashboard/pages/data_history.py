"""/data's history of batches: roll one back, restore it, or resolve the years a store counts twice,
each asked first (which batch, which file, how many innovations it moves); the history, the doubled
years' warning and the filter bar are redrawn after any change."""

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, ctx, dcc
from dash.exceptions import PreventUpdate

from analytics.filters import Filters
from dashboard.auth import editor_name
from dashboard.components.duplicates import DOUBLED_CLASS, HIDDEN_DOUBLED, ask_doubled, create_doubled
from dashboard.components.filterbar import refreshed_controls, refreshed_outputs
from dashboard.components.upload import create_history
from dashboard.pages.data_access import denied, invalidate_source, page_lang, page_store
from dashboard.sources import current_dataset
from i18n import format_int, t
from store.database import EDIT_MODES


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


def ask(_rollbacks, _restores, _cancel, _resolve, search):
    """A rollback, restore or resolve button asks first; nothing changes until the question is answered."""
    trigger, store = ctx.triggered_id, page_store()
    if trigger == "edit-batch-cancel":  # "Jangan"
        return False, dash.no_update, dash.no_update, dash.no_update, None
    if not ctx.triggered[0]["value"] or editor_name() is None or store is None:  # buttons drawn anew, not pressed
        raise PreventUpdate
    if trigger == "edit-doubled-resolve":
        return ask_doubled(store.doubled(), page_lang(search))
    batch = next((batch for batch in store.history() if batch["id"] == trigger["batch"]), None)
    if batch is None:
        raise PreventUpdate
    lang, action = page_lang(search), "rollback" if trigger["type"] == "edit-rollback" else "restore"
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


def history(_changed, _do, pending, search):
    """Redraw the history after an upload; roll a batch back, restore it or resolve the doubled years
    once the question is answered (and redraw the doubled years' warning).
    Either way the filter bar then shows the new data: the year slider's span, the dropdowns' options
    (new agencies, sectors), the region control once a second region is stored."""
    from store.errors import StoreError

    lang, user, store = page_lang(search), editor_name(), page_store()
    if user is None or store is None:
        return (denied(lang), None, dash.no_update, dash.no_update, False, None,
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
    invalidate_source()   # an upload is saved by a job in another process: this one asks the store again
    doubled = store.doubled()
    return (create_history(store.history(), lang), message,
            DOUBLED_CLASS if doubled else HIDDEN_DOUBLED, create_doubled(doubled, lang), False, None,
            *refreshed_controls(current_dataset(), Filters.from_query(search)))


def register_callbacks() -> None:
    """Wire the history's buttons and their question into the app being built (by pages/data.py)."""
    callback(
        Output("edit-batch-ask", "is_open"), Output("edit-batch-title", "children"),
        Output("edit-batch-body", "children"), Output("edit-batch-do", "children"),
        Output("edit-batch-pending", "data"),
        Input({"type": "edit-rollback", "batch": ALL}, "n_clicks"),
        Input({"type": "edit-restore", "batch": ALL}, "n_clicks"),
        Input("edit-batch-cancel", "n_clicks"), Input("edit-doubled-resolve", "n_clicks"),
        State("url", "search"),
        prevent_initial_call=True,
    )(ask)
    callback(
        Output("edit-history", "children"), Output("edit-history-message", "children"),
        Output("edit-doubled", "className"), Output("edit-doubled-text", "children"),
        Output("edit-batch-ask", "is_open", allow_duplicate=True),
        Output("edit-batch-pending", "data", allow_duplicate=True),
        *[Output(element, prop, allow_duplicate=True) for element, prop in refreshed_outputs()],
        Input("edit-changed", "data"),
        Input("edit-batch-do", "n_clicks"),
        State("edit-batch-pending", "data"),
        State("url", "search"),
        prevent_initial_call=True,
    )(history)
