"""What every /data callback asks first (dashboard/pages/data.py and its data_* modules): the store
behind the dashboard (None when it reads files directly, read-only), the language of the page, the
upload size limit, the refusal shown to anyone but an editor, and what a background job that
ended without an answer shows.

Every output id of those callbacks starts with "edit-": the guard refuses them to anyone but an
editor (403) and each callback checks again (`dashboard.auth.editor_name`).
"""

import logging

import dash
import dash_bootstrap_components as dbc
import flask
from dash import html

from analytics.filters import Filters
from dashboard.jobs import job_failure
from dashboard.sources import CONFIG_KEY
from i18n import t


def page_source():
    """The dashboard's data source (a StoreSource, or files read directly)."""
    return flask.current_app.config[CONFIG_KEY]


def page_store():
    """The store behind the dashboard, or None when it reads files directly (read-only)."""
    return getattr(page_source(), "store", None)


def invalidate_source() -> None:
    """The stored data changed: the source reads it anew."""
    getattr(page_source(), "invalidate", lambda: None)()


def page_lang(search) -> str:
    return Filters.from_query(search).lang


def upload_limit() -> int:
    from loaders.read import max_upload_bytes

    return max_upload_bytes()


def denied(lang: str):
    return dbc.Alert(t("data.not_allowed", lang), color="warning")


def located(issue) -> html.Li:
    """An issue after saving, with the place it is about (file › sheet › row) before its message."""
    return html.Li(f"{issue.place}: {issue.message}")


def job_failed(error, log: logging.Logger, what: str, died_key: str, failed_key: str, alert_id: str):
    """A /data background job's `on_error` (jobs.job_failure): its process was killed from outside
    (`died_key`), or it raised past its own handling (`failed_key`; `log` says "`what` failed").
    Returns the danger alert, in the page's language."""
    died = job_failure(error) == "died"
    if not died:
        log.error("%s failed: %s", what, error)
    lang = page_lang(dash.ctx.states.get("url.search"))
    return dbc.Alert(t(died_key if died else failed_key, lang), color="danger", id=alert_id)
