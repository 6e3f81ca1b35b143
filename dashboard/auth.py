"""Who may do what: a Flask session after /login, two roles, and one guard in front of every route.

- viewer reads every page; editor also uploads, maps agency names, rolls back and restores (/data).
- The guard (`before_request`) covers every route — pages, Dash's /_dash-layout, /_dash-dependencies
  and /_dash-update-component (downloads are callbacks too), /api/* — except static files and /login.
  Anonymous: pages redirect to /login, everything else answers 401.
- Callbacks whose outputs have ids starting with `EDITOR_PREFIX` change data: the guard answers 403
  to anyone but an editor, reading the callback's outputs from the JSON body, and the callbacks
  check again (`editor_name`) against the store, so a role taken away counts at once.
- Anonymous viewing: $DASBOR_ANONYMOUS_VIEW=1 lets anyone read without logging in (=0 never);
  unset, it is on while the store has no user yet, so a fresh install (`make run`) opens without a
  default password and /data says how to create the first editor.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

import flask

ANONYMOUS_ENV = "DASBOR_ANONYMOUS_VIEW"
SECRET_ENV = "DASBOR_SECRET_KEY"
SECURE_ENV = "DASBOR_SECURE_COOKIES"
USERS_KEY = "DASBOR_USERS"
EDITOR_PREFIX = "edit-"
ANONYMOUS = "anonymous"
PUBLIC_PATHS = ("/login", "/_favicon.ico")
PUBLIC_PREFIXES = ("/assets/", "/_dash-component-suites/")
PAGE_METHODS = ("GET", "HEAD")
API_PREFIXES = ("/_dash-", "/_reload-hash", "/api/")
CALLBACK_PATH = "/_dash-update-component"
# dcc.Upload sends files as base64 (4/3 of their size) inside JSON; the body may carry up to twice
# the upload limit so that a file a little too large gets a clear message from the page, not a 413.
UPLOAD_MARGIN = 2
ENVELOPE_BYTES = 1_000_000
POLL_SECONDS = 0.5


def _truthy(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


class Users:
    """The store's user accounts as the guard needs them; without a store nobody can log in."""

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
        setting = os.environ.get(ANONYMOUS_ENV, "").strip()
        return _truthy(setting) if setting else not self.has_users()

    def check_password(self, name: str, password: str) -> str | None:
        """The role of `name` when the password is theirs, else None."""
        return self.store.check_password(name, password) if self.store is not None else None

    def role_of(self, name: str | None) -> str | None:
        """The role the store gives `name` now (None for an unknown name)."""
        if self.store is None or not name:
            return None
        return next((user["role"] for user in self.store.users() if user["name"] == name), None)


def users() -> Users:
    """The accounts of the app serving this request."""
    return flask.current_app.config.get(USERS_KEY) or Users()


def current_user() -> str | None:
    """The name of the logged-in user, or None."""
    return flask.session.get("user") if flask.has_request_context() else None


def current_role() -> str | None:
    """'editor' or 'viewer' when logged in, 'anonymous' when anonymous viewing is on, else None."""
    if not flask.has_request_context():
        return None
    role = flask.session.get("role")
    if role in ("viewer", "editor"):
        return role
    return ANONYMOUS if users().anonymous_view() else None


def editor_name() -> str | None:
    """The logged-in user's name when the store still says they are an editor (checked in callbacks)."""
    name = current_user()
    if flask.session.get("role") != "editor" or users().role_of(name) != "editor":
        return None
    return name


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
    if not isinstance(body, dict):
        return False
    for element in _ids(body):
        if isinstance(element, str) and element.startswith("{"):
            try:
                element = json.loads(element)
            except ValueError:
                return True  # not an id Dash makes: refuse rather than guess
        values = element.values() if isinstance(element, dict) else [element]
        if any(isinstance(value, str) and value.startswith(EDITOR_PREFIX) for value in values):
            return True
    return False


def _refuse(status: int):
    messages = {401: "login required", 403: "editors only"}
    return flask.jsonify({"error": messages[status]}), status


def guard():
    """The before_request hook: let public files through, then ask who is asking."""
    request = flask.request
    path = request.path
    if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES) or (path, request.method) == ("/logout", "POST"):
        return None
    role = current_role()
    if role is None:
        if path.startswith(API_PREFIXES) or request.method not in PAGE_METHODS:
            return _refuse(401)
        return flask.redirect(flask.url_for("dasbor_login", next=request.full_path.rstrip("?")))
    if path == CALLBACK_PATH and role != "editor" and touches_editor_outputs(request.get_json(silent=True)):
        return _refuse(403)
    return None


def secret_key() -> str:
    """$DASBOR_SECRET_KEY, else instance/secret_key (created once, mode 0600, shared by every worker)."""
    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV]
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
    import secrets

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


def configure(server, store=None) -> None:
    """Sessions, cookies, the request size limit and the guard on `server` (the Flask app)."""
    from loaders.read import max_upload_bytes

    server.config.update(
        SECRET_KEY=secret_key(),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=_truthy(os.environ.get(SECURE_ENV, "")),
        MAX_CONTENT_LENGTH=int(max_upload_bytes() * 4 / 3 * UPLOAD_MARGIN) + ENVELOPE_BYTES,
    )
    server.config[USERS_KEY] = Users(store)
    server.before_request(guard)
