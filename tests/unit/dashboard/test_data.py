"""The /data page's callbacks through the test client: hostile uploads (issue 11) preview as a message in
the page, never a 500, and a fault inside a reader shows as a rejected file; cancelling forgets an
upload (issue 10)."""

import pytest

from tests.hostile_files import (bit_flipped_zip, csv_non_finite, csv_nul, csv_unbalanced_quote, data_url,
                                 far_cell_xfd, html_spans, xxe)
from tests.unit.dashboard.callbacks import (callback_body, confirm_body, confirm_upload, login, poll_job, preview_body,
                                            preview_upload, redraw_body, run_job, stage_body, stage_upload,
                                            workbook_url)


@pytest.fixture(scope="module")
def client(seeded_app):
    client = seeded_app.server.test_client()
    login(client, "budi")
    client.dash_app = seeded_app
    return client


def preview(client, path):
    return preview_upload(client, client.dash_app, data_url(path), path.name)


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
def test_cancel_forgets_the_upload_and_stores_nothing(client, seeded_store, clicks, mode):
    before = seeded_store.history()
    response = client.post("/_dash-update-component", json=cancel_body(client.dash_app, clicks, mode))
    answer = response.get_json()["response"]
    assert answer["edit-upload"] == {"contents": None, "filename": None}
    assert "Dibatalkan: tidak ada yang disimpan" in str(answer["edit-result"])
    assert seeded_store.history() == before


def test_choosing_replace_or_add_new_cancels_nothing(client):
    for mode in ("replace", "add-new", None):
        response = client.post("/_dash-update-component", json=cancel_body(client.dash_app, None, mode))
        assert response.status_code == 204


def test_a_forgotten_upload_clears_the_preview_its_choices_and_mapping_controls(client, tmp_path):
    url, name = workbook_url(tmp_path)
    shown = preview_upload(client, client.dash_app, url, name).get_json()
    assert shown["response"]["edit-state"]["data"] == {"blocked": False, "overlap": [],
                                                       "choices": {"mappings": [], "years": {},
                                                                   "duplicates": "keep-one"}}
    forgotten = client.post("/_dash-update-component", json=stage_body(client.dash_app, None, name))  # cancel, save
    staged = forgotten.get_json()["response"]["edit-staged"]["data"]
    answer = run_job(client, preview_body(client.dash_app, staged)).get_json()["response"]
    assert answer["edit-preview"]["children"] is None and answer["edit-state"]["data"] is None
    assert answer["edit-overlap"]["className"].startswith("d-none")
    assert answer["edit-mode"]["value"] is None and answer["edit-alias-rows"]["children"] == []
    assert answer["edit-aliases"]["className"] == "d-none"
    assert answer["edit-duplicates-list"]["children"] == [] and answer["edit-duplicates"]["className"].startswith("d-none")


def test_a_fault_inside_the_preview_job_is_a_message_never_a_traceback(client, seeded_store, tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in the comparison")

    monkeypatch.setattr(seeded_store, "compare", broken)   # the job is forked from this process: it has the fault too
    body = preview(client, csv_nul(tmp_path)).data.decode()
    assert "Pratinjau gagal karena kesalahan tak terduga di server" in body
    assert "RuntimeError" not in body and "Traceback" not in body


def test_an_upload_over_the_limit_previews_as_the_refusal(client, tmp_path, monkeypatch):
    monkeypatch.setenv("DASBOR_MAX_UPLOAD_MB", "0.00001")   # 10 bytes
    body = preview(client, csv_nul(tmp_path)).data.decode()
    assert "melebihi batas" in body and "edit-refused" in body


@pytest.mark.parametrize("stage, fraction, values, shown", [
    ("reading", 0.0, {"file": "rekap.csv"}, (0, "0%", "Membaca rekap.csv…")),
    ("normalising", 0.5, {"rows": 200000, "file": "rekap.csv"}, (30, "30%", "Menormalkan 200.000 baris…")),
    ("comparing", 0.6, {"rows": 1999}, (84, "84%", "Membandingkan 1.999 inovasi dengan data tersimpan…")),
])
def test_the_jobs_progress_is_a_percentage_and_its_stage_in_words(stage, fraction, values, shown):
    from dashboard.pages.data_preview import _progress

    told = []
    _progress(told.append, "id")(stage, fraction, **values)
    assert told == [shown]


def test_cancelling_removes_the_staged_files_and_clears_the_upload(client, tmp_path):
    from dashboard.staging import staged_paths
    path = csv_nul(tmp_path)
    staged = client.post("/_dash-update-component", json=stage_body(client.dash_app, data_url(path), path.name))
    token = staged.get_json()["response"]["edit-staged"]["data"]
    assert staged_paths(token["token"], "budi")
    cancel = callback_body(client.dash_app, "edit-preview-stopped.children",
                           [{"id": "edit-preview-cancel", "property": "n_clicks", "value": 1}],
                           [{"id": "edit-staged", "property": "data", "value": token},
                            {"id": "url", "property": "search", "value": ""}])
    answer = client.post("/_dash-update-component", json=cancel).get_json()["response"]
    assert answer["edit-preview-stopped"]["children"].startswith("Pratinjau dibatalkan")
    assert answer["edit-upload"]["contents"] is None
    assert staged_paths(token["token"], "budi") is None


def test_a_doubled_store_is_flagged_and_an_editor_resolves_it_after_a_question(client, seeded_store):
    from tests.unit.dashboard.callbacks import answer_body
    from tests.unit.store.conftest import IID_2025
    from tests.unit.store.test_duplicates import legacy_ingest

    legacy = legacy_ingest(seeded_store, [IID_2025])              # the sample holds 2025 already: now counted twice
    assert seeded_store.doubled() == [{"year": 2025, "innovations": 108, "rows": 216, "extra": 108,
                                "batches": [batch["id"] for batch in seeded_store.history() if "2025" in batch["by_year"]]}]
    ask = callback_body(client.dash_app, "edit-batch-ask.is_open", [
        {"id": "edit-doubled-resolve", "property": "n_clicks", "value": 1}], [{"id": "url", "property": "search",
                                                                               "value": ""}])
    ask["inputs"] = [[], [], {"id": "edit-batch-cancel", "property": "n_clicks", "value": None},
                     {"id": "edit-doubled-resolve", "property": "n_clicks", "value": 1}]
    asked = client.post("/_dash-update-component", json=ask).get_json()["response"]
    assert asked["edit-batch-ask"]["is_open"] is True and asked["edit-batch-pending"]["data"] == {"action": "doubled"}
    assert "108 salinan lama disembunyikan" in str(asked["edit-batch-body"]) and seeded_store.doubled()   # nothing yet
    answer = client.post("/_dash-update-component", json=answer_body(client.dash_app, {"action": "doubled"}))
    answered = answer.get_json()["response"]
    assert "Dirapikan: 108 salinan lama disembunyikan" in str(answered["edit-history-message"])
    assert answered["edit-doubled"]["className"].startswith("d-none") and answered["edit-doubled-text"]["children"] == []
    assert seeded_store.doubled() == [] and seeded_store.history()[-1]["mode"] == "doubled"
    seeded_store.rollback(legacy.batches[0]["id"], "budi")        # the module's store as it was


def test_saving_an_alias_that_makes_two_stored_innovations_one_says_so_naming_both(client, tmp_path):
    """Mapping an agency name in the preview warns, as a confirmed mapping does, when two stored rows become
    one innovation (both are kept)."""
    from dashboard.pages.data_mapping import _save_aliases
    from store.database import open_store
    from tests.unit.store.test_mappings import recap

    store = open_store(f"sqlite:///{tmp_path / 'alias.sqlite3'}", seed=False)
    store.ingest([recap(tmp_path / "a.xlsx", 2019, count=1)], "budi")
    store.ingest([recap(tmp_path / "b.xlsx", 2019, agency="Dinkes Kab Lama", count=1)], "budi", mode="add-new")
    message = str(_save_aliases(store, [{"alias": "Dinkes Kab Lama"}], ["Dinas Kesehatan"], "budi", "id"))
    store.close()
    assert "1 pemetaan disimpan" in message and "edit-alias-warnings" in message
    assert "b.xlsx" in message and "a.xlsx" in message and "Inovasi 2019 nomor 1" in message


def _confirm(client, staged, mode=None, overlap=()):
    body = confirm_body(client.dash_app, staged)
    for item in body["state"]:
        if item["id"] == "edit-mode":
            item["value"] = mode
        if item["id"] == "edit-state":
            item["value"] = {"blocked": False, "overlap": list(overlap)}
    answer = run_job(client, body).data.decode()
    client.post("/_dash-update-component", json=redraw_body(client.dash_app, 1))   # as the page does next
    return answer


def test_a_double_clicked_confirm_saves_the_upload_once(client, seeded_store, tmp_path):
    """Both clicks carry the preview's state from before the first was saved: the second is refused."""
    records = client.get("/api/summary").get_json()["records"]
    data_url, name = workbook_url(tmp_path, rows=3, year=2010)
    staged = stage_upload(client, client.dash_app, data_url, name)
    first, second = _confirm(client, staged), _confirm(client, staged)
    assert "edit-saved" in first
    assert "edit-not-saved" in second and "Tahun 2010 sudah tersimpan: 3 inovasi" in second
    assert "Traceback" not in second
    assert client.get("/api/summary").get_json()["records"] == records + 3
    assert [b["by_year"] for b in seeded_store.history()].count({"2010": 3}) == 1


def test_a_replace_resubmitted_after_going_back_keeps_the_year_s_count(client, seeded_store, tmp_path):
    """Browser back and the same confirm again ("ganti tahun itu" still chosen): replaced again, not doubled."""
    data_url, name = workbook_url(tmp_path, rows=2, year=2009)
    staged = stage_upload(client, client.dash_app, data_url, name)
    assert "edit-saved" in _confirm(client, staged)
    records = client.get("/api/summary").get_json()["records"]
    for _ in range(2):
        assert "edit-saved" in _confirm(client, staged, mode="replace", overlap=[2009])
        assert client.get("/api/summary").get_json()["records"] == records
    assert [b["active_records"] for b in seeded_store.history() if "2009" in b["by_year"]] == [0, 0, 2]


def wait_for(path, seconds: float = 120) -> int:
    """The pid a job wrote to `path` once it got there."""
    import time

    deadline = time.monotonic() + seconds
    while not path.exists() or not path.read_text():
        assert time.monotonic() < deadline, "the job never got there"
        time.sleep(0.05)
    return int(path.read_text())


def test_a_saving_job_killed_inside_the_stores_transaction_leaves_nothing_and_says_to_upload_again(
        client, seeded_store, tmp_path, monkeypatch):
    import os
    import signal

    from store.database import PAUSE_ENV

    url, name = workbook_url(tmp_path, rows=4, year=2007)
    staged = stage_upload(client, client.dash_app, url, name)
    before = (seeded_store.history(), seeded_store.data_version(), len(seeded_store.current_frame()))
    marker = tmp_path / "inside-the-transaction"
    monkeypatch.setenv(PAUSE_ENV, str(marker))          # the job (forked from this process) stops before COMMIT
    body = confirm_body(client.dash_app, staged)
    started = client.post("/_dash-update-component", json=body).get_json()
    os.kill(wait_for(marker), signal.SIGKILL)           # as the OOM killer would
    answer = poll_job(client, body, started, timeout=60).get_json()["response"]
    said = str(answer["edit-result"])
    assert "Penyimpanan berhenti sebelum selesai" in said and "Unggah berkasnya lagi" in said
    assert answer["edit-changed"]["data"] == 1          # the history is redrawn: it shows what is stored
    assert (seeded_store.history(), seeded_store.data_version(), len(seeded_store.current_frame())) == before

    monkeypatch.delenv(PAUSE_ENV)                        # the same upload, confirmed again, is saved whole
    saved = confirm_upload(client, client.dash_app, staged).get_json()["response"]
    assert "Tersimpan: 4 inovasi" in str(saved["edit-result"])
    assert len(seeded_store.current_frame()) == before[2] + 4
    seeded_store.rollback(seeded_store.history()[-1]["id"], "budi")   # the module's store as it was


def test_a_preview_job_killed_from_outside_says_what_happened_in_the_pages_language(
        client, seeded_store, tmp_path, monkeypatch):
    import os
    import signal
    import time

    marker = tmp_path / "comparing"

    def stuck(*_args, **_kwargs):
        marker.write_text(str(os.getpid()))
        time.sleep(120)

    monkeypatch.setattr(seeded_store, "compare", stuck)  # the job is forked from this process: it sticks too
    path = csv_nul(tmp_path)
    staged = stage_upload(client, client.dash_app, data_url(path), path.name)
    body = preview_body(client.dash_app, staged)
    body["state"] = [{"id": "url", "property": "search", "value": "?lang=en"}]
    started = client.post("/_dash-update-component", json=body).get_json()
    os.kill(wait_for(marker), signal.SIGKILL)
    answer = poll_job(client, body, started, timeout=60).get_json()["response"]
    said = str(answer["edit-preview"])
    assert "The preview stopped before it finished" in said and "Upload the file again" in said
    assert answer["edit-state"]["data"] is None
