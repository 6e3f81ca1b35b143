"""/data's agency-name mapper: the names a preview found that the register does not know, each
mapped to an agency and stored as an alias; the preview then reads the files again with them and
the history is redrawn (an alias may have corrected stored rows)."""

import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, State, callback, html
from dash.exceptions import PreventUpdate

from dashboard.auth import editor_name
from dashboard.pages.data_access import denied, located, page_lang, page_store
from i18n import format_int, t


def save_aliases(clicks, alias_values, alias_ids, search):
    """Store the agency names mapped in the preview; the message then has the preview read again."""
    lang, user, store = page_lang(search), editor_name(), page_store()
    if user is None or store is None:
        return denied(lang)
    if not clicks:
        raise PreventUpdate
    return _save_aliases(store, alias_ids, alias_values, user, lang)


def _save_aliases(store, alias_ids: list[dict], alias_values: list, user: str, lang: str):
    """Store each chosen (alias, agency) pair; the message says how many, or why one was refused."""
    from store.errors import StoreError

    pairs = [(item["alias"], value) for item, value in zip(alias_ids, alias_values) if value]
    warnings = []
    try:
        for alias, agency in pairs:
            entry = store.add_alias(alias, agency, user, lang)   # an innovation now listed twice is said
            warnings += [located(issue) for issue in (entry or {}).get("issues", [])]
    except StoreError as err:
        return dbc.Alert(err.message(lang), color="danger")
    text = t("data.alias_saved", lang, count=format_int(len(pairs), lang))
    if not warnings:
        return text
    return [text, html.Div(t("data.saved_warnings", lang), className="mt-2"),
            html.Ul(warnings, className="mb-0", id="edit-alias-warnings")]


def aliases_saved(message, changed):
    """Saved aliases may have corrected stored rows (a history entry): redraw the history."""
    if not message:
        raise PreventUpdate
    return (changed or 0) + 1


def register_callbacks() -> None:
    """Wire the mapper into the app being built (by pages/data.py)."""
    callback(
        Output("edit-alias-message", "children"),
        Input("edit-alias-save", "n_clicks"),
        State({"type": "edit-alias", "alias": ALL}, "value"), State({"type": "edit-alias", "alias": ALL}, "id"),
        State("url", "search"),
        prevent_initial_call=True,
    )(save_aliases)
    callback(Output("edit-changed", "data", allow_duplicate=True), Input("edit-alias-message", "children"),
             State("edit-changed", "data"), prevent_initial_call=True)(aliases_saved)
