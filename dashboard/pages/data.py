"""Data (/data): editors upload files → preview → confirm; map unknown agency names; roll back and restore.

Viewers see why they cannot, and no upload control. Every output id starts with "edit-": the guard
refuses those callbacks to anyone but an editor (403) and each callback checks again (`editor_name`).
With `serve --data` the dashboard reads files directly: read-only, said on the page.

This module is the page: its layout, and the callbacks of its parts wired in when Dash loads it
(once per app): the upload and its preview job (data_preview), the confirm (data_confirm), the
agency-name mapper (data_mapping) and the history of batches (data_history).
"""

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from analytics.filters import Filters
from dashboard.auth import ANONYMOUS, current_role, editor_name, users
from dashboard.components.duplicates import create_doubled_warning, create_duplicates_choice
from dashboard.components.page import rendering_for_validation
from dashboard.components.upload import create_history
from dashboard.pages import data_confirm, data_history, data_mapping, data_preview
from dashboard.pages.data_access import page_store, upload_limit
from dashboard.pages.data_confirm import ACTIONS_CLASS, create_saving_progress
from dashboard.pages.data_history import create_batch_question
from dashboard.pages.data_preview import create_overlap_choice, create_preview_progress
from i18n import format_number, t

dash.register_page(__name__, path="/data", order=7, name="Data", title="Data · Dasbor Inovasi", nav=True,
                   label_key="nav.data")

ADDUSER = "python app.py adduser NAMA --role editor"


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


def create_editor_panel(lang: str, history: list[dict], doubled: list[dict] = ()) -> list:
    """The warning of a store counting innovations twice, the upload card (drop zone, preview with
    the comparison, the choices where years overlap or rows repeat, confirm or cancel), the alias
    mapper and the history."""
    limit = upload_limit()
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
                             className="d-none")], id="edit-actions", className=ACTIONS_CLASS),
        create_saving_progress(lang),
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


for part in (data_preview, data_mapping, data_confirm, data_history):
    part.register_callbacks()
