"""The /data page's callbacks through the test client: hostile uploads (issue 11) preview as a message in
the page, never a 500, and a fault inside a reader shows as a rejected file; cancelling forgets an
upload (issue 10)."""

import pytest

from tests.hostile_files import (bit_flipped_zip, csv_non_finite, csv_nul, csv_unbalanced_quote, data_url,
                                 far_cell_xfd, html_spans, xxe)
from tests.unit.dashboard.test_auth import PASSWORD, callback_body, login, preview_body, workbook_url


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from store.database import open_store

    folder = tmp_path_factory.mktemp("data-store")
    opened = open_store(f"sqlite:///{folder / 'dasbor.sqlite3'}", seed=True)
    opened.add_user("budi", "editor", PASSWORD)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def client(store):
    from dashboard import create_app
    from dashboard.sources import StoreSource

    app = create_app(StoreSource(store), store)
    client = app.server.test_client()
    client.get("/")
    login(client, "budi")
    client.dash_app = app
    return client


def preview(client, path):
    return client.post("/_dash-update-component", json=preview_body(client.dash_app, data_url(path), path.name))


@pytest.mark.parametrize("make, words", [
    (far_cell_xfd, "1048576 baris, melebihi batas 200000 baris"),
    (html_spans, "melebihi batas 1000 kolom"),
    (csv_unbalanced_quote, "tanda kutip"),
    (bit_flipped_zip, "Berkas rusak"),
    (xxe, "XML yang tidak aman"),
    (csv_non_finite, "bukan angka hingga"),
    (csv_nul, "1 inovasi terbaca dari 1 berkas"),
])
def test_a_hostile_upload_previews_as_a_message(client, tmp_path, make, words):
    response = preview(client, make(tmp_path))
    assert response.status_code == 200
    assert words in response.data.decode()


def test_a_fault_in_a_reader_is_a_rejected_file_with_a_message(client, tmp_path, monkeypatch):
    import loaders.load

    def broken(*_args, **_kwargs):
        raise KeyError("a reader's bug")

    monkeypatch.setattr(loaders.load, "read_file", broken)
    response = preview(client, csv_nul(tmp_path))
    assert response.status_code == 200
    body = response.data.decode()
    assert "Terjadi kesalahan tak terduga saat membaca berkas ini" in body and "KeyError" not in body


def cancel_body(app, clicks, mode) -> dict:
    body = callback_body(app, "edit-upload.contents", [
        {"id": "edit-cancel", "property": "n_clicks", "value": clicks},
        {"id": "edit-mode", "property": "value", "value": mode}], [{"id": "url", "property": "search", "value": ""}])
    body["changedPropIds"] = ["edit-cancel.n_clicks" if clicks else "edit-mode.value"]
    return body


@pytest.mark.parametrize("clicks, mode", [(1, None), (None, "cancel")])
def test_cancel_forgets_the_upload_and_stores_nothing(client, store, clicks, mode):
    before = store.history()
    response = client.post("/_dash-update-component", json=cancel_body(client.dash_app, clicks, mode))
    answer = response.get_json()["response"]
    assert answer["edit-upload"] == {"contents": None, "filename": None}
    assert "Dibatalkan: tidak ada yang disimpan" in str(answer["edit-result"])
    assert store.history() == before


def test_choosing_replace_or_add_new_cancels_nothing(client):
    for mode in ("replace", "add-new", None):
        response = client.post("/_dash-update-component", json=cancel_body(client.dash_app, None, mode))
        assert response.status_code == 204


def test_a_forgotten_upload_clears_the_preview_its_choices_and_mapping_controls(client, tmp_path):
    url, name = workbook_url(tmp_path)
    shown = client.post("/_dash-update-component", json=preview_body(client.dash_app, url, name)).get_json()
    assert shown["response"]["edit-state"]["data"] == {"blocked": False, "overlap": [],
                                                       "choices": {"mappings": [], "years": {}}}
    body = preview_body(client.dash_app, url, name)
    body["inputs"][0]["value"] = None          # what cancel (or a save) leaves in the upload
    answer = client.post("/_dash-update-component", json=body).get_json()["response"]
    assert answer["edit-preview"]["children"] is None and answer["edit-state"]["data"] is None
    assert answer["edit-overlap"]["className"].startswith("d-none")
    assert answer["edit-mode"]["value"] is None and answer["edit-alias-rows"]["children"] == []
    assert answer["edit-aliases"]["className"] == "d-none"
