"""The login and its defences against the REAL server: `gunicorn app:server -w 2` on loopback with a
SQLite store in a temporary folder, spoken to over HTTP as a browser or an attacker would.

CSRF refused without the token; `next` can only lead to this site; the wrong-password lockout is
shared by both workers but does not lock the real user out from another address; logout ends the
session for every worker, and so does a change of the user's password; a viewer is refused (403) every editor callback the app declares."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from dashboard.auth import is_editor_dependency
from dashboard.throttle import MAX_FAILURES
from tests.gunicorn import Client, Gunicorn
from tests.unit.dashboard.conftest import PASSWORD, seed_store

WRONG = MAX_FAILURES + 2   # "7 wrong, then right"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    instance = tmp_path_factory.mktemp("gunicorn-security")
    seed_store(instance).close()
    running = Gunicorn(instance, DASBOR_ANONYMOUS_VIEW="0").start()
    try:
        running.wait_ready()
        yield running
    finally:
        running.stop()


def _workers(requests, timeout: float = 60) -> dict[str, list]:
    """Run `requests()` (a list of responses) in parallel rounds until two workers answered: pid → responses."""
    seen: dict[str, list] = {}
    deadline = time.monotonic() + timeout
    with ThreadPoolExecutor(4) as pool:
        while len(seen) < 2:
            assert time.monotonic() < deadline, f"two workers did not answer: {list(seen)}"
            for response in pool.map(lambda _: requests(), range(4)):
                seen.setdefault(response.worker, []).append(response)
    return seen


def test_a_login_post_without_cookie_and_with_an_empty_token_never_logs_in(server):
    attacker = Client(server)
    for token in ("", "palsu"):
        response = attacker.post_form("/login", {"name": "budi", "password": PASSWORD, "csrf_token": token})
        assert response.status == 400
        assert "Formulir kedaluwarsa" in response.text
        assert attacker.get("/api/summary").status == 401
    assert Client(server).post_form("/logout", {}).status == 403


def test_callbacks_and_logout_need_the_token(server):
    editor = Client(server)
    assert editor.login("budi", PASSWORD).status == 302
    body = {"output": "edit-history.children", "outputs": [], "inputs": [], "state": [], "changedPropIds": []}
    for token in (None, "", "palsu"):
        refused = editor.post_json("/_dash-update-component", body, token)
        assert refused.status == 403 and "CSRF" in refused.text
    assert editor.post_form("/logout", {}).status == 403
    assert editor.get("/api/summary").status == 200          # the forged logout did nothing
    assert editor.post_form("/logout", {"csrf_token": editor.token()}).status == 302


@pytest.mark.parametrize("next_path", [
    "//evil.example/x", "/\\evil.example", "/\\/evil.example", "/\t/evil.example/x", "/%09/evil.example/x",
    "https://evil.example/", "javascript:alert(1)", "/\n/evil", "/x\r\nLocation: https://evil.example",
    "\\\\evil.example", "/\x00/evil", " //evil.example",
])
def test_open_redirect_variants_land_on_the_home_page(server, next_path):
    client = Client(server, "127.0.0.3")
    response = client.login("sari", PASSWORD, next_path=next_path)
    assert response.status == 302
    assert response.headers["Location"] in ("/", "/%09/evil.example/x")   # '/%09/...' is a path of this site
    assert client.get("/api/summary").status == 200


@pytest.mark.parametrize("query", ["?next=/%09/evil.example/x", "?next=/%0A/evil", "?next=%2F%2Fevil.example",
                                   "?next=/%0D%0ASet-Cookie:%20a=b"])
def test_next_in_the_query_string_never_leaves_the_site_nor_fails(server, query):
    client = Client(server, "127.0.0.3")
    assert client.get("/login" + query).status == 200
    response = client.login("sari", PASSWORD, query=query)
    assert response.status == 302 and response.headers["Location"] == "/"


def test_the_lockout_is_shared_by_both_workers_but_not_by_other_addresses(server):
    guesser = Client(server, "127.0.0.5")
    for _ in range(WRONG):
        assert "login-error" in guesser.login("budi", "salah-terus").text
    refusals = _workers(lambda: Client(server, "127.0.0.5").login("budi", PASSWORD))
    for responses in refusals.values():               # both workers refuse the right password now
        for response in responses:
            assert response.status == 429
            assert "Terlalu banyak kata sandi salah dari alamat ini" in response.text
    owner = Client(server, "127.0.0.6")               # the real user at their own desk still gets in
    assert owner.login("budi", PASSWORD).status == 302
    assert owner.get("/api/summary").status == 200


def test_logout_revokes_the_session_in_every_worker(server):
    viewer = Client(server, "127.0.0.7")
    assert viewer.login("sari", PASSWORD).status == 302
    copied = dict(viewer.cookies)
    assert viewer.post_form("/logout", {"csrf_token": viewer.token()}).status == 302

    def replay():
        thief = Client(server, "127.0.0.8")
        thief.cookies = dict(copied)
        return thief.get("/")

    for responses in _workers(replay).values():
        for response in responses:
            assert response.status == 302 and response.headers["Location"].startswith("/login")


def test_a_password_change_revokes_that_users_sessions_in_every_worker(server):
    from store.database import open_store

    store = open_store(f"sqlite:///{server.instance / 'dasbor.sqlite3'}", seed=False)
    try:
        store.add_user("wati", "viewer", PASSWORD)
        viewer = Client(server, "127.0.0.10")
        assert viewer.login("wati", PASSWORD).status == 302 and viewer.get("/api/summary").status == 200
        store.add_user("wati", "viewer", PASSWORD + "-baru")     # as `adduser wati` does
    finally:
        store.close()
    for responses in _workers(lambda: viewer.get("/api/summary")).values():
        for response in responses:
            assert response.status == 401
    assert Client(server, "127.0.0.10").login("wati", PASSWORD + "-baru").status == 302


def test_a_viewer_is_refused_every_editor_callback_the_app_declares(server):
    viewer = Client(server, "127.0.0.9")
    assert viewer.login("sari", PASSWORD).status == 302
    dependencies = viewer.get("/_dash-dependencies").json()
    editor_callbacks = [d for d in dependencies if is_editor_dependency(d["output"], d["inputs"], d["state"])]
    outputs = " ".join(d["output"] for d in editor_callbacks)
    for known in ("edit-preview.children", "edit-result.children", "edit-history.children"):
        assert known in outputs
    for dependency in editor_callbacks:
        body = {"output": dependency["output"], "outputs": [],
                "inputs": [{**item, "value": None} for item in dependency["inputs"]],
                "state": [{**item, "value": None} for item in dependency["state"]], "changedPropIds": []}
        response = viewer.callback(body)
        assert response.status == 403, (dependency["output"], response.status, response.text[:200])
