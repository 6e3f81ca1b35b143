"""The plain Flask routes beside the Dash pages: /login, /logout and /api/summary.

The login page is server-rendered HTML (no script), in Bahasa Indonesia or English (`?lang=en`),
styled by the vendored Bootstrap; its form carries a per-session token so no other site can post it.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time

import flask

from dashboard.auth import current_role, users
from i18n import normalise_lang, t

PID_ENV = "DASBOR_TEST_SHOW_PID"  # tests only: /api/summary names the worker that answered
TOKEN_KEY = "login_token"
MAX_FAILURES = 5          # wrong passwords for one user name ...
FAILURE_WINDOW = 15 * 60  # ... within this many seconds lock that name out for the rest of the window


class LoginThrottle:
    """Slows password guessing: after MAX_FAILURES wrong passwords for a user name within
    FAILURE_WINDOW seconds, that name cannot log in until the window has passed. Kept per process
    (each gunicorn worker counts on its own), which still bounds guesses to a few per minute."""

    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, name: str) -> list[float]:
        cutoff = self._clock() - FAILURE_WINDOW
        recent = [moment for moment in self._failures.get(name, []) if moment > cutoff]
        self._failures[name] = recent
        return recent

    def locked(self, name: str) -> bool:
        with self._lock:
            return len(self._recent(name.lower())) >= MAX_FAILURES

    def failed(self, name: str) -> None:
        with self._lock:
            self._recent(name.lower()).append(self._clock())

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name.lower(), None)


def _throttle() -> LoginThrottle:
    return flask.current_app.extensions.setdefault("dasbor_login_throttle", LoginThrottle())

LOGIN_PAGE = """<!doctype html>
<html lang="{{ lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ t("login.title") }} · {{ t("app.title") }}</title>
<link rel="stylesheet" href="/assets/bootstrap.min.css"><link rel="stylesheet" href="/assets/dasbor.css">
</head><body class="login-page">
<main class="container" style="max-width: 26rem; padding-top: 4rem;">
 <h1 class="h4 mb-1">{{ t("app.title") }}</h1><p class="text-muted">{{ t("app.region") }}</p>
 <div class="card"><div class="card-body">
  <h2 class="h5">{{ t("login.title") }}</h2>
  {% if error %}<div class="alert alert-danger" id="login-error" role="alert">{{ error }}</div>{% endif %}
  <form method="post" action="/login" id="login-form">
   <input type="hidden" name="token" value="{{ token }}"><input type="hidden" name="next" value="{{ next }}">
   <input type="hidden" name="lang" value="{{ lang }}">
   <label class="form-label" for="login-name">{{ t("login.name") }}</label>
   <input class="form-control mb-2" id="login-name" name="name" autocomplete="username" required value="{{ name }}">
   <label class="form-label" for="login-password">{{ t("login.password") }}</label>
   <input class="form-control mb-3" id="login-password" name="password" type="password"
          autocomplete="current-password" required>
   <button class="btn btn-primary w-100" id="login-submit" type="submit">{{ t("login.submit") }}</button>
  </form>
  {% if anonymous %}<p class="mt-3 mb-0"><a href="/{{ query }}">{{ t("login.view_only") }}</a></p>{% endif %}
 </div></div>
 <p class="mt-3"><a href="/login?lang={{ other }}&next={{ next|urlencode }}">{{ t("lang.switch") }}</a></p>
</main></body></html>"""


def safe_next(target: str | None) -> str:
    """Where to go after logging in: a path on this site only (never '//host' or 'http://...')."""
    target = target or "/"
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _render(lang: str, next_path: str, name: str = "", error: str = "", status: int = 200):
    token = flask.session.get(TOKEN_KEY) or secrets.token_urlsafe(24)
    flask.session[TOKEN_KEY] = token
    html = flask.render_template_string(
        LOGIN_PAGE, lang=lang, other="en" if lang == "id" else "id", t=lambda key: t(key, lang),
        token=token, next=next_path, name=name, error=error, anonymous=current_role() is not None,
        query="?lang=en" if lang == "en" else "")
    return flask.Response(html, status=status, mimetype="text/html")


def login():
    """GET: the form. POST: check the name and password against the store; on success, start a session."""
    request = flask.request
    lang = normalise_lang(request.values.get("lang"))
    next_path = safe_next(request.values.get("next"))
    if request.method == "GET":
        return _render(lang, next_path)
    name = (request.form.get("name") or "").strip()
    token = flask.session.get(TOKEN_KEY) or ""
    if not hmac.compare_digest(token, request.form.get("token") or ""):
        return _render(lang, next_path, name, t("login.expired", lang), 400)
    throttle = _throttle()
    if throttle.locked(name):
        return _render(lang, next_path, name, t("login.throttled", lang, minutes=FAILURE_WINDOW // 60), 429)
    role = users().check_password(name, request.form.get("password") or "")
    if role is None:
        throttle.failed(name)
        return _render(lang, next_path, name, t("login.failed", lang))
    throttle.succeeded(name)
    flask.session.clear()  # a fresh session: nothing from before the login survives
    flask.session.update(user=name, role=role)
    return flask.redirect(next_path)


def logout():
    """POST: end the session and go to the login page."""
    lang = normalise_lang(flask.request.values.get("lang"))
    flask.session.clear()
    return flask.redirect(flask.url_for("dasbor_login", lang=lang) if lang == "en" else flask.url_for("dasbor_login"))


def summary():
    """GET /api/summary: {records, data_version} of the current data (guarded like every route)."""
    from dashboard.sources import current_dataset

    dataset = current_dataset()
    body = {"records": int(len(dataset.frame)), "data_version": dataset.version}
    if os.environ.get(PID_ENV) == "1":
        body["pid"] = os.getpid()
    return flask.jsonify(body)


def register_routes(server) -> None:
    """Add /login, /logout and /api/summary to the Flask app (before Dash's catch-all matters: rules win)."""
    server.add_url_rule("/login", "dasbor_login", login, methods=["GET", "POST"])
    server.add_url_rule("/logout", "dasbor_logout", logout, methods=["POST"])
    server.add_url_rule("/api/summary", "dasbor_summary", summary, methods=["GET"])
