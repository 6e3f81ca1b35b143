"""Proposal workspaces (store/workspace.py) on SQLite and PostgreSQL: the texts survive re-uploads
(replace mode and its rollback included) because they key on the innovation's identity; every change
keeps who, when and the previous value and can be reverted; two editors saving the same field get a
conflict warning and lose nothing; the proposal's status moves step by step to its result."""

from __future__ import annotations

import pytest

from store.database import open_store
from store.errors import StoreError
from tests.unit.store.conftest import IID_2025, identity_of
from tests.workbooks import revised_copy


def test_workspace_edits_survive_a_replace_upload_and_its_rollback(stored, tmp_path):
    identity = identity_of(stored)
    stored.save_field(identity, 2025, "background", "Antrean panjang di kantor desa.", 0, "budi")
    revised = revised_copy(IID_2025, tmp_path / "iid_2025_revisi.xlsx", {(2, "Tahapan Inovasi"): "Uji Coba"})
    result = stored.ingest([revised], user="sari", mode="replace")
    assert result.ok
    assert identity_of(stored) == identity        # the new rows, the same innovation
    assert stored.workspace(identity, 2025)["fields"]["background"]["value"] == "Antrean panjang di kantor desa."
    stored.rollback(result.batches[0]["id"])
    assert stored.workspaces()[0]["values"] == {"background": "Antrean panjang di kantor desa."}


def test_workspace_edits_survive_an_add_new_upload_and_are_seen_by_another_process(stored, store_url):
    identity = identity_of(stored)
    stored.save_field(identity, 2025, "title", "Musrenbang Perempuan Desa", 0, "budi")
    stored.ingest([IID_2025], user="budi", mode="add-new")
    other = open_store(store_url, seed=False)
    try:
        assert other.workspace(identity, 2025)["fields"]["title"]["value"] == "Musrenbang Perempuan Desa"
    finally:
        other.close()


def test_workspace_history_says_who_when_and_the_previous_value_and_revert_brings_it_back(store):
    first = store.save_field("a|b|c", 2025, "novelty", "Versi satu", 0, "budi")
    second = store.save_field("a|b|c", 2025, "novelty", "Versi dua", first["version"], "budi")
    assert (first["version"], second["version"], second["conflict"]) == (1, 2, None)
    history = store.field_history("a|b|c", 2025, "novelty")
    assert [(h["value"], h["previous"], h["by"], h["kind"]) for h in history] == [
        ("Versi dua", "Versi satu", "budi", "save"), ("Versi satu", None, "budi", "save")]
    assert all(h["at"] for h in history)
    reverted = store.revert_field("a|b|c", 2025, history[0]["id"], "sari")
    assert (reverted["value"], reverted["version"]) == ("Versi satu", 3)
    latest = store.field_history("a|b|c", 2025, "novelty")[0]
    assert (latest["kind"], latest["value"], latest["previous"], latest["by"]) == (
        "revert", "Versi satu", "Versi dua", "sari")
    # reverting the first save: back to no text of the workspace (the uploaded value counts again)
    store.revert_field("a|b|c", 2025, history[1]["id"], "sari")
    assert store.workspace("a|b|c", 2025)["fields"]["novelty"]["value"] is None
    assert store.workspaces()[0]["values"] == {}


def test_workspace_two_editors_on_one_field_warns_the_later_and_loses_nothing(store):
    opened = store.workspace("a|b|c", 2025)["fields"].get("significance", {}).get("version", 0)
    budi = store.save_field("a|b|c", 2025, "significance", "Teks Budi", opened, "budi")
    sari = store.save_field("a|b|c", 2025, "significance", "Teks Sari", opened, "sari")   # opened before Budi saved
    assert budi["conflict"] is None
    assert sari["conflict"]["value"] == "Teks Budi" and sari["conflict"]["by"] == "budi"
    current = store.workspace("a|b|c", 2025)["fields"]["significance"]
    assert (current["value"], current["by"], current["version"]) == ("Teks Sari", "sari", 2)
    last = store.field_history("a|b|c", 2025, "significance")[0]
    assert (last["value"], last["previous"], last["conflict"]) == ("Teks Sari", "Teks Budi", True)
    store.revert_field("a|b|c", 2025, last["id"], "budi")
    assert store.workspace("a|b|c", 2025)["fields"]["significance"]["value"] == "Teks Budi"


def test_workspace_saving_the_same_text_again_changes_nothing(store):
    store.save_field("a|b|c", 2025, "summary", "Ringkas", 0, "budi")
    version = store.data_version()
    again = store.save_field("a|b|c", 2025, "summary", "Ringkas", 0, "sari")
    assert again == {"field": "summary", "value": "Ringkas", "version": 1, "conflict": None}
    assert store.data_version() == version and len(store.field_history("a|b|c", 2025)) == 1


def test_workspace_editions_are_apart_and_every_change_moves_the_data_version(store):
    before = store.data_version()
    store.save_field("a|b|c", 2023, "summary", "Untuk 2023", 0, "budi")
    assert store.data_version() != before
    assert store.workspace("a|b|c", 2025)["fields"] == {}
    assert store.workspace("a|b|c", 2023)["fields"]["summary"]["value"] == "Untuk 2023"


def test_workspace_status_moves_step_by_step_to_a_result_with_review_comments(store):
    assert store.workspace("a|b|c", 2025)["status"] == "draf"
    store.set_workspace_status("a|b|c", 2025, "ditinjau", "sari")
    store.add_review_comment("a|b|c", 2025, "Signifikansi perlu angka sebelum/sesudah.", "sari")
    store.set_workspace_status("a|b|c", 2025, "diajukan", "budi")
    store.set_workspace_status("a|b|c", 2025, "hasil", "budi", result="top99")
    workspace = store.workspace("a|b|c", 2025)
    assert (workspace["status"], workspace["result"]) == ("hasil", "top99")
    assert [c["value"] for c in workspace["comments"]] == ["Signifikansi perlu angka sebelum/sesudah."]
    steps = [h["value"] for h in store.field_history("a|b|c", 2025, "status")]
    assert steps == ["hasil:top99", "diajukan", "ditinjau"]


@pytest.mark.parametrize("call, code", [
    (lambda s: s.set_workspace_status("a|b|c", 2025, "diajukan", "budi"), "workspace_bad_step"),
    (lambda s: s.set_workspace_status("a|b|c", 2025, "menang", "budi"), "workspace_bad_status"),
    (lambda s: s.set_workspace_status("a|b|c", 2025, "hasil", "budi"), "workspace_bad_result"),
    (lambda s: s.set_workspace_status("a|b|c", 2025, "ditinjau", "budi", result="top99"), "workspace_bad_result"),
    (lambda s: s.save_field("a|b|c", 2025, "agency", "Dinas Lain", 0, "budi"), "workspace_bad_field"),
    (lambda s: s.save_field("||", 2025, "summary", "x", 0, "budi"), "workspace_no_identity"),
    (lambda s: s.revert_field("a|b|c", 2025, 999, "budi"), "workspace_unknown_change"),
    (lambda s: s.add_review_comment("a|b|c", 2025, "  ", "budi"), "workspace_empty_comment"),
])
def test_workspace_refuses_wrong_steps_and_fields_with_a_message(store, call, code):
    with pytest.raises(StoreError) as raised:
        call(store)
    assert raised.value.code == code and raised.value.message("id") and raised.value.message("en")


def test_workspace_attachment_ticks_are_fields(store):
    store.save_field("a|b|c", 2025, "attachment.replication_statement", "1", 0, "budi")
    assert store.workspaces()[0]["values"] == {"attachment.replication_statement": "1"}
