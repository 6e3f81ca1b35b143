"""Long work off the request: Dash background callbacks run by a DiskcacheManager whose cache (job
results, progress, the signing secret) lives on disk, so a job started through one gunicorn worker is
polled, cancelled and collected through any other. Used by the report download and the /data preview.

A job runs in a process forked from the worker that started it, outside any request; `job_request()`
rebuilds the request it came from (its session cookie) so that the same checks as everywhere else
(`dashboard.auth.editor_name`) answer there too.
"""

from __future__ import annotations

import functools
import os
from contextlib import contextmanager
from pathlib import Path

CACHE_ENV = "DASBOR_CACHE_DIR"
EXPIRE_SECONDS = 600   # a result nobody collected is dropped after ten minutes


def cache_folder() -> Path:
    """$DASBOR_CACHE_DIR, else `job-cache` in the instance folder (shared by every worker)."""
    from store.database import instance_dir

    return Path(os.environ.get(CACHE_ENV) or instance_dir() / "job-cache")


def manager():
    """The background-callback manager of the cache folder in force (one per folder and process)."""
    return _manager(str(cache_folder()))


@functools.cache
def _manager(folder: str):
    import diskcache
    from dash import DiskcacheManager

    Path(folder).mkdir(parents=True, exist_ok=True)
    return DiskcacheManager(diskcache.Cache(folder), expire=EXPIRE_SECONDS)


@contextmanager
def job_request():
    """Inside a job: the Flask request it was started by (its path and session cookie), with the
    store's connections renewed (a forked process never shares its parent's)."""
    import dash

    from dashboard.auth import CALLBACK_PATH

    server = job_server()
    name = server.config["SESSION_COOKIE_NAME"]
    cookie = dash.ctx.cookies.get(name)
    headers = {"Cookie": f"{name}={cookie}"} if cookie else {}
    renew_connections(server)
    with server.test_request_context(CALLBACK_PATH, method="POST", headers=headers,
                                     environ_base={"REMOTE_ADDR": dash.ctx.remote or "127.0.0.1"}):
        yield


def job_server():
    """The Flask app whose request started this job: the process was forked while it handled that
    request, and the job runs in a copy of its context; else the process's Dash app (there is one
    per process but in the tests)."""
    import dash
    import flask

    return flask.current_app._get_current_object() if flask.has_app_context() else dash.get_app().server


def renew_connections(server) -> None:
    """Drop the store connections a forked process inherited from its parent (a job from its worker;
    a gunicorn worker from the master with --preload): it opens its own."""
    from dashboard.auth import USERS_KEY
    from dashboard.sources import CONFIG_KEY

    for key in (CONFIG_KEY, USERS_KEY):
        store = getattr(server.config.get(key), "store", None)
        if store is not None:
            store.engine.dispose(close=False)
