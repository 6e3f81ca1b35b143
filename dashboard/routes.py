"""The plain Flask routes beside the Dash pages: /login, /logout and /api/summary.

The login page is server-rendered HTML (no script), in Bahasa Indonesia or English (`?lang=en`),
styled by the vendored Bootstrap; its form carries the session's CSRF token (dashboard.auth), and
wrong passwords are throttled per name and client address in the store, or Redis (dashboard.throttle).
After logging in the browser goes back to `next` when that is a path on this site, else to `/`.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import flask

from dashboard.auth import csrf_token, csrf_valid, current_role, log_in, log_out, users
from dashboard.throttle import LoginThrottle, login_record
from i18n import normalise_lang, other_language, t

PID_ENV = "DASBOR_TEST_SHOW_PID"  # tests only: /api/summary and X-Dasbor-Worker name the worker that answered
MAX_NEXT = 2000                   # a longer `next` is not a page of this site


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
   <input type="hidden" name="csrf_token" value="{{ token }}"><input type="hidden" name="next" value="{{ next }}">
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
    """Where to go after logging in: a path on this site, else '/'. Refused: anything with a control
    character or a space other than ' ' (browsers drop tabs and newlines, so '/\\t/evil' would
    become '//evil'), a backslash, '//' (another host), a scheme or a host, and over-long values."""
    target = target or "/"
    if (len(target) > MAX_NEXT or not target.startswith("/") or target.startswith("//") or "\\" in target
            or not target.replace(" ", "").isprintable()):
        return "/"
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else "/"


def _render(lang: str, next_path: str, name: str = "", error: str = "", status: int = 200):
    html = flask.render_template_string(
        LOGIN_PAGE, lang=lang, other=other_language(lang), t=lambda key: t(key, lang),
        token=csrf_token(), next=next_path, name=name, error=error, anonymous=current_role() is not None,
        query="?lang=en" if lang == "en" else "")
    return flask.Response(html, status=status, mimetype="text/html")


def login():
    """GET: the form. POST: check the token, the throttle, then the name and password against the
    store; on success, start a session in the store and go to `next`."""
    request = flask.request
    lang = normalise_lang(request.values.get("lang"))
    next_path = safe_next(request.values.get("next"))
    if request.method == "GET":
        return _render(lang, next_path)
    name = (request.form.get("name") or "").strip()
    if not csrf_valid():
        return _render(lang, next_path, name, t("login.expired", lang), 400)
    throttle, address = LoginThrottle(login_record(users().store)), request.remote_addr or "-"
    minutes = throttle.locked_minutes(name, address)
    if minutes:
        return _render(lang, next_path, name, t("login.throttled", lang, minutes=minutes), 429)
    role = users().check_password(name, request.form.get("password") or "")
    if role is None:
        throttle.failed(name, address)
        return _render(lang, next_path, name, t("login.failed", lang))
    throttle.succeeded(name, address)
    log_in(name)
    return flask.redirect(next_path)


def logout():
    """POST: end the session and go to the login page."""
    lang = normalise_lang(flask.request.values.get("lang"))
    log_out()
    return flask.redirect(flask.url_for("dasbor_login", lang=lang) if lang == "en" else flask.url_for("dasbor_login"))


def summary():
    """GET /api/summary: {records, data_version} of the current data (guarded like every route)."""
    from dashboard.sources import current_dataset

    dataset = current_dataset()
    body = {"records": int(len(dataset.frame)), "data_version": dataset.version}
    if os.environ.get(PID_ENV) == "1":
        body["pid"] = os.getpid()
    return flask.jsonify(body)


def _name_worker(response):
    response.headers["X-Dasbor-Worker"] = str(os.getpid())
    return response


def register_routes(server) -> None:
    """Add /login, /logout and /api/summary to the Flask app (before Dash's catch-all matters: rules win)."""
    server.add_url_rule("/login", "dasbor_login", login, methods=["GET", "POST"])
    server.add_url_rule("/logout", "dasbor_logout", logout, methods=["POST"])
    server.add_url_rule("/api/summary", "dasbor_summary", summary, methods=["GET"])
    if os.environ.get(PID_ENV) == "1":
        server.after_request(_name_worker)
