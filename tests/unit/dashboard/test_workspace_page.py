"""The proposal workspace page (/inovasi/<id>/usulan) through Flask's test client on a real app and
store: editors get the form and their saves land in the store (a stale save is reported as a
conflict, both texts kept); viewers get the text without a single control and their calls to the
writing callbacks are refused (403) with nothing changed; the readiness follows the typed text."""

from __future__ import annotations

import json

import pytest

from store.identity import identity_key
from tests.unit.dashboard.callbacks import callback_body, login
from tests.unit.dashboard.conftest import PASSWORD
from tests.unit.dashboard.test_app import routing_state

INNOVATION = "1ff1fdd0a1"   # SI CEPAT (2017): Hampir siap for KIPP 2025, only Adaptabilitas missing
PATH = f"/inovasi/{INNOVATION}/usulan"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from store.database import open_store

    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('ws-store') / 'dasbor.sqlite3'}", seed=True)
    opened.add_user("budi", "editor", PASSWORD)
    opened.add_user("sari", "viewer", PASSWORD)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def app(store):
    from dashboard import create_app
    from dashboard.sources import StoreSource

    app = create_app(StoreSource(store, poll_seconds=0), store)
    app.server.test_client().get("/")
    return app


@pytest.fixture
def client(app):
    return app.server.test_client()


@pytest.fixture(scope="module")
def identity(store):
    frame = store.current_frame()
    row = frame[frame["id"] == INNOVATION].iloc[0]
    return identity_key(row["name"], row["agency"], row["region"])


def page_content(client, app, search: str = "?edition=2025") -> str:
    body = callback_body(app, "_pages_content.children", [
        {"id": "_pages_location", "property": "pathname", "value": PATH},
        {"id": "_pages_location", "property": "search", "value": search}], routing_state())
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


def field(name: str, value: str) -> dict:
    return {"id": {"type": "edit-ws-field", "field": name}, "property": "value", "value": value}


def save_body(app, fields: dict, versions: dict, initial: dict, ticks=()) -> dict:
    ids = [{"type": "edit-ws-field", "field": name} for name in fields]
    key = {"innovation": INNOVATION, "identity": None, "edition": 2025}
    return callback_body(app, "edit-ws-versions.data", [{"id": "edit-ws-save", "property": "n_clicks", "value": 1}], [
        [field(name, value) for name, value in fields.items()],
        [{"id": i, "property": "id", "value": i} for i in ids],
        {"id": "edit-ws-attachments", "property": "value", "value": list(ticks)},
        {"id": "edit-ws-versions", "property": "data", "value": versions},
        {"id": "edit-ws-initial", "property": "data", "value": initial},
        {"id": "ws-key", "property": "data", "value": key},
        {"id": "url", "property": "search", "value": "?edition=2025"}])


def with_identity(body: dict, identity: str) -> dict:
    for item in body["state"]:
        if isinstance(item, dict) and item.get("id") == "ws-key":
            item["value"]["identity"] = identity
    return body


def test_a_viewer_reads_the_proposal_without_any_control(client, app):
    login(client, "sari")
    content = page_content(client, app)
    assert "ws-read-only" in content and "SI CEPAT" in content
    assert "edit-ws" not in content      # no field, save, revert, status control or editor's store


def test_a_viewer_calling_the_save_callback_is_refused_and_nothing_changes(client, app, store, identity):
    login(client, "sari")
    before = store.data_version()
    body = with_identity(save_body(app, {"adaptability": "Teks penyusup"}, {}, {"adaptability": ""}), identity)
    assert client.post("/_dash-update-component", json=body).status_code == 403
    assert store.data_version() == before and store.workspace(identity, 2025)["fields"] == {}


def test_an_editor_gets_the_form_with_the_edition_sections_and_limits(client, app):
    login(client, "budi")
    content = page_content(client, app)
    assert "edit-ws-field" in content and "edit-ws-save" in content and "ws-read-only" not in content
    assert "Adaptabilitas" in content and "/ 300 kata" in content
    assert "Adaptability" in page_content(client, app, "?edition=2025&lang=en")


def test_an_editor_saves_and_a_stale_save_warns_of_the_conflict_keeping_both(client, app, store, identity):
    login(client, "budi")
    text = "Sudah direplikasi oleh Puskesmas Tanjung Enim " + "kata " * 80
    body = with_identity(save_body(app, {"adaptability": text}, {}, {"adaptability": ""}), identity)
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == 200
    saved = store.workspace(identity, 2025)["fields"]["adaptability"]
    assert (saved["value"], saved["by"], saved["version"]) == (text, "budi", 1)
    assert "ws-saved" in json.dumps(answer.get_json())
    # a second editor's page opened before the first save (version 0) saves the same field
    stale = with_identity(save_body(app, {"adaptability": "Teks lain"}, {}, {"adaptability": ""}), identity)
    answer = json.dumps(client.post("/_dash-update-component", json=stale).get_json(), ensure_ascii=False)
    assert "ws-conflict" in answer and "budi mengubah isian ini" in answer
    history = store.field_history(identity, 2025, "adaptability")
    assert [(h["value"], h["previous"], h["conflict"]) for h in history] == [
        ("Teks lain", text, True), (text, None, False)]


def test_the_readiness_follows_the_typed_text(client, app, identity):
    login(client, "budi")
    key = {"innovation": INNOVATION, "identity": identity, "edition": 2025}
    ids = [{"type": "edit-ws-field", "field": "adaptability"}]

    def recompute(value: str) -> str:
        typed = field("adaptability", value)
        body = callback_body(app, "ws-readiness.children", [typed], [
            [{"id": ids[0], "property": "id", "value": ids[0]}],
            {"id": "ws-key", "property": "data", "value": key},
            {"id": "url", "property": "search", "value": "?edition=2025"}])
        body["inputs"] = [[typed]]                  # a pattern input: the list of its matches
        body["changedPropIds"] = [json.dumps(ids[0], separators=(",", ":")) + ".value"]
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code == 200
        return json.dumps(response.get_json(), ensure_ascii=False)

    assert '"Siap"' in recompute("Direplikasi di tiga desa " + "kata " * 60)
    assert '"Hampir siap"' in recompute("")


def revert_body(app, change_id: int, identity: str, versions: dict, initial: dict, ticks=()) -> dict:
    """The revert button of history change `change_id` clicked, on a page showing the title field and
    the attachment checklist with `ticks` ticked."""
    title = {"type": "edit-ws-field", "field": "title"}
    button = {"type": "edit-ws-revert", "change": change_id}
    key = {"innovation": INNOVATION, "identity": identity, "edition": 2025}
    clicked = json.dumps(button, sort_keys=True, separators=(",", ":"))   # as the browser names a pattern id
    body = callback_body(app, '{"field":["ALL"],"type":"edit-ws-field"}.value', [
        {"id": clicked, "property": "n_clicks", "value": 1}], [
        [{"id": title, "property": "id", "value": title}],
        {"id": "edit-ws-attachments", "property": "value", "value": list(ticks)},
        {"id": "edit-ws-versions", "property": "data", "value": versions},
        {"id": "edit-ws-initial", "property": "data", "value": initial},
        {"id": "ws-key", "property": "data", "value": key},
        {"id": "url", "property": "search", "value": "?edition=2025"}])
    body["inputs"] = [[{"id": button, "property": "n_clicks", "value": 1}]]
    body["outputs"][0] = [{"id": title, "property": "value"}]
    return body


def test_an_editor_reverts_a_change_and_the_field_shows_the_value_before_it(client, app, store, identity):
    login(client, "budi")
    store.save_field(identity, 2025, "title", "Judul pertama", 0, "budi")
    store.save_field(identity, 2025, "title", "Judul kedua", 1, "budi")
    latest = store.field_history(identity, 2025, "title")[0]
    body = revert_body(app, latest["id"], identity, {"title": 2}, {"title": "Judul kedua"})
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == 200
    response = answer.get_json()["response"]
    assert response['{"field":"title","type":"edit-ws-field"}'] == {"value": "Judul pertama"}
    assert response["edit-ws-versions"]["data"] == {"title": 3}
    assert response["edit-ws-initial"]["data"] == {"title": "Judul pertama"}
    history = json.dumps(response["ws-history"]["children"], ensure_ascii=False)
    assert history.count('"data-field": "title"') == 3      # two saves and the revert, the page's history now
    assert store.workspace(identity, 2025)["fields"]["title"]["value"] == "Judul pertama"


def test_reverting_an_attachment_tick_unticks_it_in_the_checklist_and_keeps_the_others(client, app, store, identity):
    login(client, "budi")
    store.save_field(identity, 2025, "attachment.video", "1", 0, "budi")
    ticked = store.field_history(identity, 2025, "attachment.video")[0]
    body = revert_body(app, ticked["id"], identity, {"attachment.video": 1},
                       {"title": "", "attachments": ["decree", "video"]}, ticks=["decree", "video"])
    answer = client.post("/_dash-update-component", json=body)
    assert answer.status_code == 200
    response = answer.get_json()["response"]
    assert response["edit-ws-attachments"]["value"] == ["decree"]
    assert response["edit-ws-initial"]["data"] == {"title": "", "attachments": ["decree"]}
    assert '{"field":"title","type":"edit-ws-field"}' not in response       # the text fields stay as typed
    assert store.workspace(identity, 2025)["fields"]["attachment.video"]["value"] is None   # as before the tick


def test_typing_a_title_another_innovation_of_the_institution_uses_warns_at_once(client, app, store, identity):
    login(client, "budi")
    frame = store.current_frame()
    mine = frame[frame["id"] == INNOVATION].iloc[0]
    twin = frame[(frame["agency"] == mine["agency"]) & (frame["name"] != mine["name"])].iloc[0]
    key = {"innovation": INNOVATION, "identity": identity, "edition": 2025}
    title = {"type": "edit-ws-field", "field": "title"}

    def warning(value: str) -> str:
        typed = field("title", value)
        body = callback_body(app, "ws-readiness.children", [typed], [
            [{"id": title, "property": "id", "value": title}],
            {"id": "ws-key", "property": "data", "value": key},
            {"id": "url", "property": "search", "value": "?edition=2025"}])
        body["inputs"] = [[typed]]
        body["changedPropIds"] = [json.dumps(title, separators=(",", ":")) + ".value"]
        response = client.post("/_dash-update-component", json=body)
        assert response.status_code == 200
        return json.dumps(response.get_json()["response"]["ws-title-warning"], ensure_ascii=False)

    found = warning(f"  {twin['name'].upper()} ")                  # case and spacing ignored
    assert "ws-same-title" in found and twin["name"] in found and mine["agency"] in found
    assert "ws-same-title" not in warning("Judul yang belum dipakai siapa pun")
