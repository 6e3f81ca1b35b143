"""Login, roles and the guard, through Flask's test client against a real app on a temporary SQLite store.

A viewer or an anonymous visitor calling the upload callbacks directly is refused (401/403) and the
store is unchanged; an oversized upload is refused before anything is written.
"""

import json
import os
import re
import stat

import flask
import pytest

from dashboard import auth
from tests.unit.dashboard.callbacks import (answer_body, callback_body, confirm_body, confirm_upload, history_body,
                                            login, preview_body, redraw_body, run_job, stage_body, stage_upload,
                                            workbook_url)
from tests.unit.dashboard.conftest import PASSWORD
from tests.unit.dashboard.test_app import routing_state

@pytest.fixture
def client(seeded_app):
    return seeded_app.server.test_client()


@pytest.mark.parametrize("path, status", [
    ("/", 302), ("/data", 302), ("/inovasi?from=2015", 302),
    ("/_dash-layout", 401), ("/_dash-dependencies", 401), ("/api/summary", 401),
    ("/assets/bootstrap.min.css", 200), ("/login", 200),
])
def test_anonymous_visitors_must_log_in(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    if status == 302:
        assert response.headers["Location"].startswith("/login?next=")


def test_anonymous_post_to_the_callback_endpoint_cannot_change_data(client, seeded_app, seeded_store, tmp_path):
    before = (seeded_store.history(), seeded_store.data_version())
    data_url, name = workbook_url(tmp_path)
    for body in (confirm_body(seeded_app, None), stage_body(seeded_app, data_url, name), preview_body(seeded_app, None)):
        assert client.post("/_dash-update-component", json=body).status_code == 401
    assert (seeded_store.history(), seeded_store.data_version()) == before


def test_login_sets_an_httponly_samesite_cookie(client):
    response = login(client, "budi")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "session=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert client.get("/api/summary").status_code == 200


@pytest.mark.parametrize("name, password", [("budi", "salah-sekali-123"), ("tidak-ada", PASSWORD), ("budi", "")])
def test_a_wrong_password_fails(client, name, password):
    response = login(client, name, password)
    assert response.status_code == 200 and "Nama pengguna atau kata sandi salah" in response.data.decode()
    with client.session_transaction() as session:
        assert "user" not in session and "role" not in session
    assert client.get("/api/summary").status_code == 401


@pytest.mark.parametrize("token", ["palsu", ""])
def test_login_without_the_form_token_is_refused(client, token):
    client.get("/login")
    response = client.post("/login", data={"name": "budi", "password": PASSWORD, "csrf_token": token}, csrf=False)
    assert response.status_code == 400 and b"Formulir kedaluwarsa" in response.data
    with client.session_transaction() as session:
        assert auth.SESSION_KEY not in session
    assert client.get("/api/summary").status_code == 401


def test_a_post_with_no_cookie_and_an_empty_token_never_logs_in(seeded_app):
    fresh = seeded_app.server.test_client()
    response = fresh.post("/login", data={"name": "budi", "password": PASSWORD, "csrf_token": ""}, csrf=False)
    assert response.status_code == 400 and b"Formulir kedaluwarsa" in response.data
    assert fresh.get("/api/summary").status_code == 401


def test_every_post_needs_the_session_token(client, seeded_app, seeded_store, tmp_path):
    login(client, "budi")
    before = (seeded_store.history(), seeded_store.data_version())
    data_url, name = workbook_url(tmp_path, year=2010)
    staged = stage_upload(client, seeded_app, data_url, name)
    for body in (stage_body(seeded_app, data_url, name), confirm_body(seeded_app, staged)):
        for headers in ({}, {auth.CSRF_HEADER: ""}, {auth.CSRF_HEADER: "palsu"}):
            response = client.post("/_dash-update-component", json=body, headers=headers, csrf=False)
            assert response.status_code == 403 and response.get_json()["error"].startswith("missing or wrong CSRF")
    assert client.post("/logout", csrf=False).status_code == 403
    assert client.get("/api/summary").status_code == 200  # still logged in: the logout was refused
    assert (seeded_store.history(), seeded_store.data_version()) == before


def test_the_token_is_readable_by_the_page_and_changes_at_login(client):
    client.get("/login")
    before = client.get_cookie(auth.CSRF_COOKIE).value
    response = login(client, "budi")
    cookie = client.get_cookie(auth.CSRF_COOKIE)
    assert cookie.value != before and not cookie.http_only and cookie.same_site == "Lax"
    assert f"{auth.CSRF_COOKIE}=" in str(response.headers.getlist("Set-Cookie"))


def test_a_viewer_calling_the_upload_callbacks_gets_403_and_nothing_changes(client, seeded_app, seeded_store, tmp_path):
    login(client, "sari")
    assert client.get("/api/summary").status_code == 200   # a viewer reads
    before = (seeded_store.history(), seeded_store.data_version())
    data_url, name = workbook_url(tmp_path)
    for body in (confirm_body(seeded_app, None), stage_body(seeded_app, data_url, name), preview_body(seeded_app, None)):
        assert client.post("/_dash-update-component", json=body).status_code == 403
    assert client.post("/_dash-update-component", json=history_body(seeded_app, "edit-rollback", 1)).status_code == 403
    pending = {"action": "rollback", "batch": 1}
    assert client.post("/_dash-update-component", json=answer_body(seeded_app, pending)).status_code == 403
    assert (seeded_store.history(), seeded_store.data_version()) == before


def test_a_viewer_sees_no_upload_control(client, seeded_app):
    login(client, "sari")
    body = callback_body(seeded_app, "_pages_content.children", [
        {"id": "_pages_location", "property": "pathname", "value": "/data"},
        {"id": "_pages_location", "property": "search", "value": ""}], routing_state())
    content = json.dumps(client.post("/_dash-update-component", json=body).get_json())
    assert "data-not-allowed" in content and "edit-upload" not in content


def test_an_editor_previews_then_confirms_an_upload(client, seeded_app, seeded_store, tmp_path):
    login(client, "budi")
    records = client.get("/api/summary").get_json()["records"]
    data_url, name = workbook_url(tmp_path, rows=4, year=2012)
    staged = stage_upload(client, seeded_app, data_url, name)
    preview = run_job(client, preview_body(seeded_app, staged))
    assert preview.status_code == 200
    assert "4 inovasi terbaca dari 1 berkas" in preview.data.decode()
    assert client.get("/api/summary").get_json()["records"] == records  # a preview saves nothing
    confirmed = confirm_upload(client, seeded_app, staged)
    assert confirmed.status_code == 200 and "edit-saved" in confirmed.data.decode()
    assert seeded_store.history()[-1]["file"] == name and seeded_store.history()[-1]["who"] == "budi"
    redrawn = client.post("/_dash-update-component", json=redraw_body(seeded_app, 1))   # as the page does next
    assert name in redrawn.data.decode()   # the history, drawn by this process, which then reads the new data
    assert client.get("/api/summary").get_json()["records"] == records + 4


def test_a_role_taken_away_counts_at_once(client, seeded_app, seeded_store, tmp_path):
    seeded_store.add_user("dewi", "editor", PASSWORD)
    login(client, "dewi")
    data_url, name = workbook_url(tmp_path, year=2013)
    staged = stage_upload(client, seeded_app, data_url, name)
    seeded_store.add_user("dewi", "viewer", PASSWORD)  # the session still says editor
    before = seeded_store.history()
    response = confirm_upload(client, seeded_app, staged)
    assert "edit-saved" not in response.data.decode()
    assert seeded_store.history() == before


def test_an_upload_over_the_limit_is_refused_before_anything_is_written(client, seeded_app, seeded_store, tmp_path, monkeypatch):
    login(client, "budi")
    before = (seeded_store.history(), seeded_store.data_version())
    data_url, name = workbook_url(tmp_path, year=2014)
    monkeypatch.setenv("DASBOR_MAX_UPLOAD_MB", "0.001")  # 1 kB: the workbook is ~5 kB
    response = client.post("/_dash-update-component", json=stage_body(seeded_app, data_url, name))
    assert response.status_code == 200 and "melebihi batas" in response.data.decode()
    monkeypatch.setitem(seeded_app.server.config, "MAX_CONTENT_LENGTH", 2_000)  # the body itself: 413 at the door
    assert client.post("/_dash-update-component", json=stage_body(seeded_app, data_url, name)).status_code == 413
    assert (seeded_store.history(), seeded_store.data_version()) == before


def test_the_request_limit_leaves_room_for_base64():
    from loaders.read import max_upload_bytes

    server = flask.Flask("probe")
    auth.configure(server)
    assert server.config["MAX_CONTENT_LENGTH"] > max_upload_bytes() * 4 / 3


@pytest.mark.parametrize("body, editor_only", [
    ({"output": "..edit-result.children...edit-changed.data..", "outputs": []}, True),
    ({"output": "edit-history.children", "outputs": {"id": "edit-history", "property": "children"}}, True),
    ({"output": '{"batch":["ALL"],"type":"edit-rollback"}.n_clicks', "outputs": []}, True),
    ({"output": "kpi-row.children", "outputs": [{"id": {"type": "edit-alias", "alias": "x"}, "property": "v"}]},
     True),
    ({"output": "..home-rendered.data...kpi-row.children..", "outputs": []}, False),
    ({"output": "data-download.data", "outputs": {"id": "data-download", "property": "data"}}, False),
    (None, False),
])
def test_editor_outputs_are_recognised(body, editor_only):
    assert auth.touches_editor_outputs(body) is editor_only


def test_secret_key_is_created_once_with_mode_0600(tmp_path, monkeypatch):
    monkeypatch.setenv("DASBOR_INSTANCE", str(tmp_path))
    monkeypatch.delenv(auth.SECRET_ENV, raising=False)
    first = auth.secret_key()
    assert auth.secret_key() == first and len(first) >= 32
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600
    monkeypatch.setenv(auth.SECRET_ENV, "from-the-environment")
    assert auth.secret_key() == "from-the-environment"


def test_secure_cookies_by_configuration(monkeypatch):
    monkeypatch.setenv(auth.SECURE_ENV, "1")
    server = flask.Flask("probe")
    auth.configure(server)
    assert server.config["SESSION_COOKIE_SECURE"] is True


@pytest.mark.parametrize("setting, has_users, expected", [
    ("", False, True), ("", True, False), ("1", True, True), ("0", False, False),
])
def test_anonymous_viewing(monkeypatch, setting, has_users, expected):
    monkeypatch.setenv(auth.ANONYMOUS_ENV, setting)
    users = auth.Users()
    users._has_users = has_users
    assert users.anonymous_view() is expected


@pytest.mark.parametrize("target, expected", [
    ("/opd?from=2016", "/opd?from=2016"), ("/inovasi?q=a%2Fb#top", "/inovasi?q=a%2Fb#top"),
    ("//evil.example/x", "/"), ("https://evil.example", "/"), ("javascript:alert(1)", "/"),
    ("/\\evil", "/"), ("\\\\evil", "/"), ("/\t/evil/x", "/"), ("/\n/evil", "/"), ("/x\r\nSet-Cookie: a=b", "/"),
    ("/\x00/evil", "/"), ("/ /evil", "/ /evil"), ("/inovasi/Pojok Baca é", "/inovasi/Pojok Baca é"),
    (" //evil", "/"), ("/\u2028/evil", "/"), ("/%09/evil", "/%09/evil"),
    ("/" + "a" * 3000, "/"), ("", "/"), (None, "/"),
])
def test_login_only_returns_to_this_site(target, expected):
    from dashboard.routes import safe_next

    assert safe_next(target) == expected


@pytest.mark.parametrize("query", ["next=/%09/evil.example/x", "next=/%0A/evil", "next=%2F%2Fevil.example",
                                   "next=/%5Cevil.example", "next=https:evil.example", "next=/%0D%0ALocation:x"])
def test_an_open_redirect_after_login_lands_on_the_home_page(seeded_app, query):
    with seeded_app.server.test_client() as fresh:
        page = fresh.get(f"/login?{query}").data.decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        target = re.search(r'name="next" value="([^"]*)"', page).group(1)
        response = fresh.post(f"/login?{query}", data={"name": "budi", "password": PASSWORD, "csrf_token": token,
                                                       "next": target}, csrf=False)
        assert response.status_code == 302 and response.headers["Location"] == "/"


def test_logout_ends_the_session(client, seeded_app):
    login(client, "budi")
    assert client.get("/api/summary").status_code == 200
    copied = client.get_cookie("session").value
    response = client.post("/logout")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    assert client.get("/api/summary").status_code == 401
    replay = seeded_app.server.test_client()   # the old cookie, kept by someone: ended in the store
    replay.set_cookie("session", copied)
    assert replay.get("/api/summary").status_code == 401 and replay.get("/").status_code == 302
    login(client, "budi")
    client.get("/logout")  # a link (from anywhere) cannot log anyone out: only the form's POST does
    assert client.get("/api/summary").status_code == 200


def _route_data_page(app) -> str:
    client = app.server.test_client()
    client.get("/")
    body = callback_body(app, "_pages_content.children", [
        {"id": "_pages_location", "property": "pathname", "value": "/data"},
        {"id": "_pages_location", "property": "search", "value": ""}], routing_state())
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    return json.dumps(response.get_json())


def test_without_users_anyone_views_and_data_says_how_to_create_an_editor_and_what_that_ends(tmp_path):
    from dashboard import create_app
    from dashboard.sources import StoreSource
    from store.database import open_store

    store = open_store(f"sqlite:///{tmp_path / 'dasbor.sqlite3'}", seed=True)
    app = create_app(StoreSource(store), store)
    assert app.server.test_client().get("/api/summary").status_code == 200
    content = _route_data_page(app)
    assert "data-no-users" in content and "adduser NAMA --role editor" in content and "edit-upload" not in content
    assert "data-first-user-notice" in content and "DASBOR_ANONYMOUS_VIEW=1" in content  # creating one ends open viewing
    store.close()


def test_data_read_directly_from_files_is_read_only(tmp_path):
    from dashboard import create_app
    from dashboard.sources import DataSource

    app = create_app(DataSource(None))
    content = _route_data_page(app)
    assert "data-read-only" in content and "edit-upload" not in content


def test_an_editor_rolls_back_and_restores_from_the_history(client, seeded_app, seeded_store):
    login(client, "budi")
    batch = seeded_store.history()[0]["id"]
    records = client.get("/api/summary").get_json()["records"]
    for kind, status in (("edit-rollback", "rolled_back"), ("edit-restore", "active")):
        before = seeded_store.history()[0]["status"]
        asked = client.post("/_dash-update-component", json=history_body(seeded_app, kind, batch))
        assert asked.status_code == 200
        question = asked.get_json()["response"]
        assert question["edit-batch-ask"]["is_open"] is True
        assert seeded_store.history()[0]["records"] > 0
        assert seeded_store.history()[0]["status"] == before  # asking changes nothing
        pending = question["edit-batch-pending"]["data"]
        assert pending == {"action": kind.removeprefix("edit-"), "batch": batch}
        assert client.post("/_dash-update-component", json=answer_body(seeded_app, pending)).status_code == 200
        assert seeded_store.history()[0]["status"] == status
        shown = client.get("/api/summary").get_json()["records"]
        assert shown == (records - seeded_store.history()[0]["records"] if status == "rolled_back" else records)


def test_the_instance_folder_holding_password_hashes_is_private(tmp_path, monkeypatch):
    from store.database import open_store

    folder = tmp_path / "instance"
    monkeypatch.setenv("DASBOR_INSTANCE", str(folder))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    open_store(seed=False).add_user("editor1", "editor", "rahasia-sekali")
    assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700
    assert (folder / "dasbor.sqlite3").exists()


def test_nothing_the_app_writes_in_the_instance_is_open_to_others(tmp_path, monkeypatch):
    """The store, its WAL, the secret key: 0600; every folder (the job and view caches, their shards,
    the staged uploads): 0700, so the files diskcache writes with the umask are its owner's only too."""
    from dashboard import create_app
    from dashboard.sources import StoreSource
    from dashboard.staging import stage
    from store.database import open_store

    folder = tmp_path / "instance"
    monkeypatch.setenv("DASBOR_INSTANCE", str(folder))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("DASBOR_CACHE_DIR", raising=False)
    store = open_store(seed=False)
    store.add_user("editor1", "editor", "rahasia-sekali")
    create_app(StoreSource(store), store).server.test_client().get("/")
    stage([workbook_url(tmp_path)[0]], ["rekap.xlsx"], 1_000_000, "editor1")
    modes = {path.relative_to(folder).as_posix(): stat.S_IMODE(path.stat().st_mode) for path in folder.rglob("*")}
    assert {"dasbor.sqlite3", "secret_key", "job-cache", "view-cache", "upload-staging"} <= set(modes)
    assert {name: mode for name, mode in modes.items() if name in ("dasbor.sqlite3", "secret_key")} == \
        {"dasbor.sqlite3": 0o600, "secret_key": 0o600}
    reachable = [name for name in modes if all(modes.get("/".join(name.split("/")[:depth])) != 0o700
                                               for depth in range(1, name.count("/") + 1))]
    assert all(modes[name] & 0o077 == 0 for name in reachable), {name: oct(modes[name]) for name in reachable}
    store.close()


def test_a_password_change_ends_that_users_sessions(seeded_app, seeded_store):
    seeded_store.add_user("wati", "viewer", PASSWORD)
    first, second = seeded_app.server.test_client(), seeded_app.server.test_client()
    login(first, "wati")
    login(second, "wati")
    assert first.get("/api/summary").status_code == 200
    seeded_store.add_user("wati", "viewer", PASSWORD + "-baru")
    assert first.get("/api/summary").status_code == 401 and second.get("/api/summary").status_code == 401


def test_repeated_wrong_passwords_lock_that_name_out_from_that_address_only(seeded_app, seeded_store):
    from dashboard.throttle import MAX_FAILURES

    with seeded_app.server.test_client() as guesser:
        for _ in range(MAX_FAILURES + 2):
            response = login(guesser, "budi", "salah-terus", address="10.9.9.9")
            assert b"login-error" in response.data
        locked = login(guesser, "budi", PASSWORD, address="10.9.9.9")
        assert locked.status_code == 429 and b"Terlalu banyak kata sandi salah" in locked.data
        assert guesser.get("/api/summary").status_code == 401
    with seeded_app.server.test_client() as owner:
        assert login(owner, "budi", address="10.1.1.1").status_code == 302  # the real user, elsewhere
    with seeded_app.server.test_client() as other:
        assert login(other, "sari", address="10.9.9.9").status_code == 302  # other names from there too
    seeded_store.clear_login_failures("budi", "10.9.9.9")  # leave the shared store as it was


def test_editor_callbacks_are_found_in_the_apps_registry(seeded_app):
    keys = [key for key, entry in seeded_app.callback_map.items()
            if auth.is_editor_dependency(key, entry["inputs"], entry["state"])]
    assert any(key.startswith("..edit-preview.children") for key in keys)
    assert any("edit-history.children" in key for key in keys) and any("edit-result.children" in key for key in keys)


def test_a_viewer_is_refused_every_editor_callback(client, seeded_app, seeded_store):
    login(client, "sari")
    before = (seeded_store.history(), seeded_store.data_version())
    editor_callbacks = [(key, entry) for key, entry in seeded_app.callback_map.items()
                        if auth.is_editor_dependency(key, entry["inputs"], entry["state"])]
    assert len(editor_callbacks) >= 3
    for key, entry in editor_callbacks:
        body = {"output": key, "outputs": [], "inputs": [{**item, "value": None} for item in entry["inputs"]],
                "state": [{**item, "value": None} for item in entry["state"]], "changedPropIds": []}
        assert client.post("/_dash-update-component", json=body).status_code == 403, key
    assert (seeded_store.history(), seeded_store.data_version()) == before


def test_a_path_with_spaces_and_accents_is_a_fine_place_to_return_to(client):
    page = client.get("/login?next=/inovasi/Pojok%20Baca%20%C3%A9").data.decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post("/login", data={"name": "sari", "password": PASSWORD, "csrf_token": token,
                                           "next": "/inovasi/Pojok Baca é"}, csrf=False)
    assert response.status_code == 302 and response.headers["Location"] == "/inovasi/Pojok%20Baca%20%C3%A9"


@pytest.mark.parametrize("proxies, expected", [("", "10.0.0.1"), ("0", "10.0.0.1"), ("1", "203.0.113.9"),
                                               ("2", "198.51.100.7")])
def test_the_client_address_comes_from_the_socket_unless_proxies_are_trusted(monkeypatch, proxies, expected):
    monkeypatch.setenv("DASBOR_PROXY_COUNT", proxies)
    server = flask.Flask("probe")
    auth.configure(server)
    server.add_url_rule("/login", "address", lambda: flask.request.remote_addr)
    forwarded = {"X-Forwarded-For": "198.51.100.7, 203.0.113.9"}   # the client said the first, the proxy the last
    response = server.test_client().get("/login", headers=forwarded, environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert response.data.decode() == expected
