"""/data's confirm: the previewed files committed to the store as batches, all or nothing
(store.ingest), with the column mappings and year rules chosen in the preview; then the upload is
cleared and the history redrawn."""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, callback, html
from dash.exceptions import PreventUpdate

from dashboard.auth import editor_name
from dashboard.components.upload import UploadRefused, decode_uploads, staged
from dashboard.pages.data_access import denied, invalidate_source, located, page_lang, page_store, upload_limit
from i18n import format_int, t
from store.duplicates import KEEP_ONE

# The store's own warnings about a commit (the loaders' were in the preview already).
STORE_WARNINGS = {"already_stored", "nothing_new", "duplicate_across_batches", "duplicate_skipped"}


def confirm(clicks, contents, filenames, choice, state, changed, search):
    """Commit the uploaded files as batches, all or nothing (store.ingest), then clear the upload.

    Years already stored are replaced or only their new innovations added, as chosen; without a
    choice the store's add mode refuses them, so nothing is ever counted twice."""
    lang, user, store = page_lang(search), editor_name(), page_store()
    if user is None or store is None:
        return denied(lang), dash.no_update, dash.no_update
    if not clicks or not contents or choice == "cancel":
        raise PreventUpdate
    mode = choice if choice in ("replace", "add-new") and (state or {}).get("overlap") else "add"
    try:
        uploads = decode_uploads(contents, filenames, upload_limit(), lang)
    except UploadRefused as refused:
        return dbc.Alert(refused.message(lang), color="danger"), dash.no_update, dash.no_update
    choices = (state or {}).get("choices") or {"mappings": [], "years": {}}
    with staged(uploads) as paths:
        result = store.ingest(paths, user=user, mode=mode, lang=lang, mappings=choices["mappings"],
                              sheet_years=choices["years"], duplicates=choices.get("duplicates", KEEP_ONE))
    warnings = [located(issue) for issue in result.issues if issue.severity == "warning"
                and issue.code in STORE_WARNINGS]
    if not result.ok:
        lines = [located(issue) for issue in result.errors] or warnings
        return (dbc.Alert([t("data.not_saved", lang), html.Ul(lines, className="mb-0")],
                          color="danger" if result.errors else "info", id="edit-not-saved"),
                dash.no_update, dash.no_update)
    for header, target in choices["mappings"]:   # only a confirmed upload's mappings and year rules are kept
        entry = store.add_mapping(header, target, user, lang)   # stored rows follow; an innovation twice is said
        warnings += [located(issue) for issue in (entry or {}).get("issues", [])]
    rules = [store.add_year_rule(sheet.name, list(sheet.mapping), sheet.year_rule, user)   # the preview's choices
             for report in result.files for sheet in report.sheets
             if sheet.year_rule and sheet.year_rule_source != "store"]
    rules = [rule for rule in rules if rule]   # a stored rule shown in the preview and kept is not saved anew
    invalidate_source()
    text = t("data.saved", lang, count=format_int(result.records, lang), batches=len(result.batches))
    if choices["mappings"]:
        text += " " + t("data.mappings_saved", lang, count=format_int(len(choices["mappings"]), lang))
    if rules:
        text += " " + t("data.year_rules_saved", lang, count=format_int(len(rules), lang))
    notes = [html.Div(t("data.saved_warnings", lang), className="mt-2"), html.Ul(warnings, className="mb-0")] \
        if warnings else []
    return dbc.Alert([text, *notes], color="success", id="edit-saved"), (changed or 0) + 1, None


def register_callbacks() -> None:
    """Wire the confirm button into the app being built (by pages/data.py)."""
    callback(
        Output("edit-result", "children"), Output("edit-changed", "data"), Output("edit-upload", "contents"),
        Input("edit-confirm", "n_clicks"),
        State("edit-upload", "contents"), State("edit-upload", "filename"), State("edit-mode", "value"),
        State("edit-state", "data"), State("edit-changed", "data"), State("url", "search"),
        prevent_initial_call=True,
    )(confirm)
