"""One log line per request (logs.py): its id, method, path, status, duration and who asked.

The request id is the `X-Request-ID` the load balancer sent (nginx's `$request_id`, see
deploy/nginx.conf) when it looks like one, else a new one; it is sent back in the answer's
`X-Request-ID` and is on every line written while the request runs (an ingest's line included), so a
slow or failed request can be followed from the balancer's log to the app's. The path is logged
without its query (a search text may quote the data); the user is the one the login guard found, if
any (no extra question to the store). /healthz, asked every few seconds by the balancer, is logged at
debug while it answers 200.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

import flask

import logs

HEADER = "X-Request-ID"
TOKEN_KEY = "dasbor.log_token"
HEALTH_PATH = "/healthz"
GOOD_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
log = logging.getLogger("dasbor.request")


def request_id(given: str | None) -> str:
    """The balancer's id when it is a plain token of at most 64 characters, else a new one (nothing a
    client sends can forge or break a log line)."""
    return given if given and GOOD_ID.fullmatch(given) else uuid.uuid4().hex


def _start() -> None:
    flask.g.dasbor_started = time.perf_counter()
    flask.g.dasbor_request_id = request_id(flask.request.headers.get(HEADER))
    # kept with this request, not in flask.g: a background job's request (dashboard.jobs.job_request)
    # shares its parent's g and must not undo the parent's binding when it ends
    flask.request.environ[TOKEN_KEY] = logs.bind(request_id=flask.g.dasbor_request_id)


def _finish(response):
    started = flask.g.get("dasbor_started")
    if started is None:   # a request that never reached _start (Flask answered it on its own)
        return response
    request = flask.request
    account = flask.g.get("dasbor_account")
    quiet = request.path == HEALTH_PATH and response.status_code == 200
    level = logging.ERROR if response.status_code >= 500 else logging.DEBUG if quiet else logging.INFO
    logs.event(log, "request", level, method=request.method, path=request.path, status=response.status_code,
               duration_ms=round((time.perf_counter() - started) * 1000, 1),
               user=account["name"] if account else None)
    response.headers[HEADER] = flask.g.dasbor_request_id
    return response


def _end(_error=None) -> None:
    token = flask.request.environ.pop(TOKEN_KEY, None)
    if token is not None:
        logs.unbind(token)


def configure(server) -> None:
    """Install the hooks on `server` (the Flask app) before any other: the duration then covers the
    login guard, and the line, written last, sees the final answer."""
    server.before_request(_start)
    server.after_request(_finish)
    server.teardown_request(_end)
