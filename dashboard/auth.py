"""Who may do what: a session in the store after /login, two roles, and one guard in front of every route.

- viewer reads every page; editor also uploads, maps agency names, rolls back and restores (/data).
- Sessions: the signed Flask cookie holds only a random token; the store keeps the session
  (store.sessions), so logout, a password change or a timeout ($DASBOR_SESSION_IDLE_MINUTES idle,
  $DASBOR_SESSION_MAX_HOURS in all) ends it for every worker, and the role is read from the store.
- CSRF: every POST must carry the session's token, as the `X-CSRFToken` header (Dash's renderer sends
  it from the `dasbor_csrf` cookie; assets/csrf.js adds it to the app's own fetches) or as the form
  field `csrf_token` (csrf.js fills it in the logout form; the login form is rendered with it). No
  session, no token: refused.
- The guard (`before_request`) covers every route — pages, Dash's /_dash-layout, /_dash-dependencies
  and /_dash-update-component (downloads are callbacks too), /api/* — except static files, /login and
  /healthz (the balancer's probe, which says nothing of the data: dashboard.health).
  Anonymous: pages redirect to /login, everything else answers 401.
- Editors' callbacks are those whose outputs, inputs or state name an element with an id starting
  with `EDITOR_PREFIX`: the guard answers 403 to anyone but an editor (from the request's outputs and
  the app's own callback registry), and the callbacks check again (`editor_name`) against the store.
- Anonymous viewing: $DASBOR_ANONYMOUS_VIEW=1 lets anyone read without logging in (=0 never);
  unset, it is on while the store has no user yet, so a fresh install (`make run`) opens without a
  default password and /data says how to create the first editor.
- Client addresses (the login throttle's key) come from the socket, or from the last
  $DASBOR_PROXY_COUNT entries of X-Forwarded-For when that many proxies stand in front.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import os
import secrets
import tempfile
import time
from pathlib import Path

import flask

import settings
from i18n import normalise_lang, t

ANONYMOUS_ENV = "DASBOR_ANONYMOUS_VIEW"
SECRET_ENV = "DASBOR_SECRET_KEY"
SECURE_ENV = "DASBOR_SECURE_COOKIES"
USERS_KEY = "DASBOR_USERS"
CALLBACKS_KEY = "DASBOR_CALLBACKS"
EDITOR_PREFIX = "edit-"
ANONYMOUS = "anonymous"
PUBLIC_PATHS = ("/login", "/_favicon.ico", "/healthz")
SESSIONLESS_PATHS = ("/healthz",)   # the balancer's probe: no session, no cookie
PUBLIC_PREFIXES = ("/assets/", "/_dash-component-suites/")
PAGE_METHODS = ("GET", "HEAD")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
API_PREFIXES = ("/_dash-", "/_reload-hash", "/api/")
CALLBACK_PATH = "/_dash-update-component"
SESSION_KEY = "sid"          # the store session's token, inside the signed Flask cookie
CSRF_KEY = "csrf"            # the CSRF token, inside the signed Flask cookie ...
CSRF_COOKIE = "dasbor_csrf"  # ... and readable by the page's scripts in this cookie
CSRF_HEADER = "X-CSRFToken"
CSRF_FIELD = "csrf_token"
# dcc.Upload sends files as base64 (4/3 of their size) inside JSON; the body may carry up to twice
# the upload limit so that a file a little too large gets a clear message from the page, not a 413.
UPLOAD_MARGIN = 2
ENVELOPE_BYTES = 1_000_000
POLL_SECONDS = 0.5


def session_policy() -> tuple[dt.timedelta, dt.timedelta]:
    """(idle timeout, absolute lifetime) of a login session, from the settings."""
    return (dt.timedelta(minutes=settings.get("DASBOR_SESSION_IDLE_MINUTES")),
            dt.timedelta(hours=settings.get("DASBOR_SESSION_MAX_HOURS")))


class Users:
    """The store's user accounts and sessions as the guard needs them; without a store nobody can log in."""

    def __init__(self, store=None):
        self.store = store
        self._has_users = False
        self._checked = float("-inf")

    def has_users(self) -> bool:
        """True once any account exists (asked at most every POLL_SECONDS until then; users are never deleted)."""
        if self._has_users or self.store is None:
            return self._has_users
        now = time.monotonic()
        if now - self._checked >= POLL_SECONDS:
            self._has_users = bool(self.store.users())
            self._checked = now
        return self._has_users

    def anonymous_view(self) -> bool:
        """May people read without logging in? $DASBOR_ANONYMOUS_VIEW, else: while no account exists."""
        setting = settings.get(ANONYMOUS_ENV)
        return setting if setting is not None else not self.has_users()

    def check_password(self, name: str, password: str) -> str | None:
        """The role of `name` when the password is theirs, else None."""
        return self.store.check_password(name, password) if self.store is not None else None

    def role_of(self, name: str | None) -> str | None:
        """The role the store gives `name` now (None for an unknown name)."""
        if self.store is None or not name:
            return None
        return next((user["role"] for user in self.store.users() if user["name"] == name), None)

    def start_session(self, name: str) -> str:
        return self.store.start_session(name, *session_policy())

    def session_user(self, token: str | None) -> dict | None:
        return self.store.session_user(token, *session_policy()) if self.store is not None and token else None

    def end_session(self, token: str | None) -> None:
        if self.store is not None:
            self.store.end_session(token)


def users() -> Users:
    """The accounts of the app serving this request."""
    return flask.current_app.config.get(USERS_KEY) or Users()


def _account() -> dict | None:
    """{'name', 'role'} of this request's live session (asked of the store once per request), or None."""
    if "dasbor_account" not in flask.g:
        flask.g.dasbor_account = users().session_user(flask.session.get(SESSION_KEY))
    return flask.g.dasbor_account


def current_user() -> str | None:
    """The name of the logged-in user, or None."""
    account = _account() if flask.has_request_context() else None
    return account["name"] if account else None


def current_role() -> str | None:
    """'editor' or 'viewer' when logged in, 'anonymous' when anonymous viewing is on, else None."""
    if not flask.has_request_context():
        return None
    account = _account()
    if account and account["role"] in ("viewer", "editor"):
        return account["role"]
    return ANONYMOUS if users().anonymous_view() else None


def editor_name() -> str | None:
    """The logged-in user's name when the store says they are an editor (checked again in callbacks)."""
    name = current_user()
    if current_role() != "editor" or users().role_of(name) != "editor":
        return None
    return name


def log_in(name: str) -> None:
    """Start a store session for `name` in a fresh Flask session (nothing from before survives, and
    the CSRF token changes)."""
    users().end_session(flask.session.get(SESSION_KEY))
    flask.session.clear()
    flask.session[SESSION_KEY] = users().start_session(name)
    flask.g.pop("dasbor_account", None)


def log_out() -> None:
    """End this browser's session in the store (every worker sees it) and clear the cookie's content."""
    users().end_session(flask.session.get(SESSION_KEY))
    flask.session.clear()
    flask.g.pop("dasbor_account", None)


def csrf_token() -> str:
    """This browser session's CSRF token (made on first use)."""
    if not flask.session.get(CSRF_KEY):
        flask.session[CSRF_KEY] = secrets.token_urlsafe(32)
    return flask.session[CSRF_KEY]


def csrf_valid() -> bool:
    """True when the request carries this session's CSRF token (header or form field). A request
    without a session has no token to match, so it never passes."""
    request = flask.request
    expected = flask.session.get(CSRF_KEY) or ""
    given = request.headers.get(CSRF_HEADER) or (request.form.get(CSRF_FIELD) if request.mimetype in (
        "application/x-www-form-urlencoded", "multipart/form-data") else "") or ""
    return bool(expected) and hmac.compare_digest(expected.encode(), given.encode())


def _is_editor_id(element) -> bool:
    if isinstance(element, str) and element.startswith("{"):
        try:
            element = json.loads(element)
        except ValueError:
            return True  # not an id Dash makes: refuse rather than guess
    values = element.values() if isinstance(element, dict) else [element]
    return any(isinstance(value, str) and value.startswith(EDITOR_PREFIX) for value in values)


def _ids(body: dict) -> list:
    """Every output id a callback request names: in `output` (the callback's key) and in `outputs`."""
    ids: list = []
    key = body.get("output")
    if isinstance(key, str):
        ids += [part.rsplit(".", 1)[0] for part in key.strip(".").split("...")]
    outputs = body.get("outputs")
    for output in outputs if isinstance(outputs, list) else [outputs]:
        if isinstance(output, dict):
            ids.append(output.get("id"))
    return ids


def touches_editor_outputs(body) -> bool:
    """True when a /_dash-update-component body asks for a callback that only editors may run."""
    return isinstance(body, dict) and any(_is_editor_id(element) for element in _ids(body))


def is_editor_dependency(output: str, inputs: list[dict], state: list[dict]) -> bool:
    """True for a callback (as Dash lists it: its output key, inputs and state) that reads or
    writes an editor's element."""
    return (touches_editor_outputs({"output": output})
            or any(_is_editor_id(item.get("id")) for item in [*inputs, *state] if isinstance(item, dict)))


def editor_callback(body, callbacks: dict) -> bool:
    """True when a /_dash-update-component body asks for an editors' callback: by the outputs it
    names, or by what the app's own registry (`callbacks`: Dash's callback_map) says that callback reads."""
    if touches_editor_outputs(body):
        return True
    key = body.get("output") if isinstance(body, dict) else None
    entry = callbacks.get(key) if isinstance(key, str) else None
    return bool(entry) and is_editor_dependency(key, entry.get("inputs", []), entry.get("state", []))


def _refuse(status: int):
    messages = {401: "login required", 403: "editors only"}
    return flask.jsonify({"error": messages[status]}), status


def _refuse_forgery():
    """403 for a POST without this session's CSRF token: JSON for the API, a sentence for a form."""
    request = flask.request
    if request.path.startswith(API_PREFIXES):
        return flask.jsonify({"error": "missing or wrong CSRF token"}), 403
    lang = normalise_lang(request.values.get("lang"))
    return flask.Response(t("request.refused", lang), status=403, mimetype="text/plain")


def guard():
    """The before_request hook: let public files through, refuse POSTs without the CSRF token (/login
    checks its own, to show the form again), then ask who is asking."""
    request = flask.request
    path = request.path
    if request.method not in SAFE_METHODS and path != "/login" and not csrf_valid():
        return _refuse_forgery()
    if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES) or (path, request.method) == ("/logout", "POST"):
        return None
    role = current_role()
    if role is None:
        if path.startswith(API_PREFIXES) or request.method not in PAGE_METHODS:
            return _refuse(401)
        return flask.redirect(flask.url_for("dasbor_login", next=request.full_path.rstrip("?")))
    if path == CALLBACK_PATH and role != "editor":
        callbacks = flask.current_app.config.get(CALLBACKS_KEY) or {}
        if editor_callback(request.get_json(silent=True), callbacks):
            return _refuse(403)
    return None


def share_csrf_token(response):
    """The after_request hook: every page and API answer leaves the CSRF token in the readable
    `dasbor_csrf` cookie (set when it changed), so Dash's renderer and csrf.js can send it back."""
    path = flask.request.path
    if path.startswith(PUBLIC_PREFIXES) or path in SESSIONLESS_PATHS:
        return response
    token = csrf_token()
    if flask.request.cookies.get(CSRF_COOKIE) != token:
        config = flask.current_app.config
        response.set_cookie(CSRF_COOKIE, token, httponly=False, samesite="Lax", path="/",
                            secure=config["SESSION_COOKIE_SECURE"])
    return response


def secret_key() -> str:
    """$DASBOR_SECRET_KEY, else instance/secret_key (created once, mode 0600, shared by every worker)."""
    if settings.get(SECRET_ENV):
        return settings.get(SECRET_ENV)
    from store.database import instance_dir

    path = instance_dir() / "secret_key"
    for _ in range(100):
        if path.exists():
            value = path.read_text().strip()
            if value:
                return value
        elif (created := _create_secret(path)) is not None:
            return created
        time.sleep(0.02)  # another worker is writing it
    raise RuntimeError(f"cannot read the secret key in {path}")


def _create_secret(path: Path) -> str | None:
    """Write a new key atomically (a hard link never overwrites); None when another process won."""
    value = secrets.token_hex(32)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret-")  # mode 0600
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(value + "\n")
        os.link(temporary, path)
        return value
    except FileExistsError:
        return None
    finally:
        os.unlink(temporary)


def configure(server, store=None, callbacks: dict | None = None) -> None:
    """Sessions, cookies, CSRF, the request size limit, the client address and the guard on `server`
    (the Flask app); `callbacks` is the Dash app's callback_map (which callbacks are editors')."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    from loaders.read import max_upload_bytes

    server.config.update(
        SECRET_KEY=secret_key(),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.get(SECURE_ENV),
        MAX_CONTENT_LENGTH=int(max_upload_bytes() * 4 / 3 * UPLOAD_MARGIN) + ENVELOPE_BYTES,
    )
    server.config[USERS_KEY] = Users(store)
    server.config[CALLBACKS_KEY] = callbacks if callbacks is not None else {}
    proxies = settings.get("DASBOR_PROXY_COUNT")
    if proxies:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=proxies, x_proto=proxies)
    server.before_request(guard)
    server.after_request(share_csrf_token)
