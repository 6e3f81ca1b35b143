"""IID evidence entered in the dashboard (store/iid_evidence.py) on SQLite and PostgreSQL: it survives
re-uploads (replace mode and its rollback included) because it keys on the innovation's identity; every
change keeps who, when and the previous tier and document and can be reverted; two editors saving the
same indicator get a conflict and lose nothing; bad input is refused with the reason."""

from __future__ import annotations

import pytest

from store.database import open_store
from store.errors import StoreError
from tests.unit.store.conftest import IID_2025, identity_of
from tests.workbooks import revised_copy

REGENCY = "Kabupaten Muara Enim"


def test_entered_evidence_survives_a_replace_upload_and_its_rollback(stored, tmp_path):
    identity = identity_of(stored)
    stored.save_evidence(2025, REGENCY, identity, "sid-16", 2, "Perbup No. 12/2025", 0, "budi")
    revised = revised_copy(IID_2025, tmp_path / "iid_2025_revisi.xlsx", {(2, "Tahapan Inovasi"): "Uji Coba"})
    result = stored.ingest([revised], user="sari", mode="replace")
    assert result.ok and identity_of(stored) == identity
    assert [(e["identity"], e["indicator"], e["tier"], e["document"]) for e in stored.iid_evidence(2025)] == [
        (identity, "sid-16", 2, "Perbup No. 12/2025")]
    stored.rollback(result.batches[0]["id"])
    assert stored.evidence_entries(2025, REGENCY, identity)["sid-16"]["tier"] == 2


def test_the_government_evidence_is_seen_by_another_process_and_changes_the_data_version(stored, store_url):
    before = stored.data_version()
    stored.save_evidence(2025, "KABUPATEN  Muara Enim", "", "spd-01", 3, None, 0, "budi")
    assert stored.data_version() != before and stored.data_version().startswith(before.split("-e")[0])
    other = open_store(store_url, seed=False)
    try:
        entry = other.evidence_entries(2025, REGENCY)["spd-01"]     # the region is matched by its text key (case, spacing)
        assert (entry["tier"], entry["by"], entry["version"]) == (3, "budi", 1)
    finally:
        other.close()


def test_history_says_who_when_and_the_previous_value_and_revert_brings_it_back(store):
    first = store.save_evidence(2025, REGENCY, "", "spd-13", 1, "SK Bupati", 0, "budi")
    second = store.save_evidence(2025, REGENCY, "", "spd-13", 3, "Perbup", first["version"], "sari")
    assert (first["version"], second["version"], second["conflict"]) == (1, 2, None)
    history = store.evidence_history(2025, REGENCY)
    assert [(h["tier"], h["document"], h["previous_tier"], h["previous_document"], h["by"], h["kind"])
            for h in history] == [(3, "Perbup", 1, "SK Bupati", "sari", "save"), (1, "SK Bupati", None, None, "budi", "save")]
    assert all(h["at"] for h in history)
    reverted = store.revert_evidence(history[0]["id"], "budi")
    assert (reverted["tier"], reverted["document"], reverted["version"]) == (1, "SK Bupati", 3)
    assert store.evidence_entries(2025, REGENCY)["spd-13"]["tier"] == 1
    assert store.evidence_history(2025, REGENCY)[0]["kind"] == "revert"
    # reverting the first save withdraws the entry: the sheets' or the data's tier counts again
    store.revert_evidence(history[-1]["id"], "budi")
    assert store.evidence_entries(2025, REGENCY)["spd-13"]["tier"] is None
    assert store.iid_evidence(2025) == []


def test_two_editors_saving_the_same_indicator_the_later_is_warned_and_nothing_is_lost(store):
    store.save_evidence(2025, REGENCY, "a|b|c", "sid-35", 1, "video 1", 0, "budi")       # both opened at version 1
    store.save_evidence(2025, REGENCY, "a|b|c", "sid-35", 2, "video 2", 1, "budi")
    late = store.save_evidence(2025, REGENCY, "a|b|c", "sid-35", 3, "video 3", 1, "sari")
    assert late["conflict"]["tier"] == 2 and late["conflict"]["by"] == "budi" and late["version"] == 3
    history = store.evidence_history(2025, REGENCY, "a|b|c")
    assert [h["tier"] for h in history] == [3, 2, 1] and history[0]["conflict"] and not history[1]["conflict"]
    # the same value saved again is no change at all
    again = store.save_evidence(2025, REGENCY, "a|b|c", "sid-35", 3, "video 3", 0, "sari")
    assert (again["version"], again["conflict"]) == (3, None) and len(store.evidence_history(2025, REGENCY, "a|b|c")) == 3


def test_editions_and_innovations_are_kept_apart(store):
    store.save_evidence(2024, REGENCY, "a|b|c", "sid-16", 1, None, 0, "budi")
    store.save_evidence(2025, REGENCY, "x|y|z", "sid-16", 3, None, 0, "budi")
    assert [e["tier"] for e in store.iid_evidence(2024)] == [1]
    assert set(store.evidence_entries(2025, REGENCY, "x|y|z")) == {"sid-16"}
    assert store.evidence_entries(2025, REGENCY, "a|b|c") == {}


@pytest.mark.parametrize("identity, indicator, tier, document, code", [
    ("", "spd-99x9", 1, None, "iid_evidence_bad_indicator"),
    ("a|b|c", "spd-01", 1, None, "iid_evidence_wrong_subject"),    # a government indicator for an innovation
    ("", "sid-16", 1, None, "iid_evidence_wrong_subject"),         # an innovation's for the government
    ("a|b|c", "sid-16", 4, None, "iid_evidence_bad_tier"),
    ("a|b|c", "sid-16", True, None, "iid_evidence_bad_tier"),
    ("a|b|c", "sid-16", 1, "x" * 2001, "iid_evidence_too_long"),
])
def test_bad_evidence_is_refused_with_the_reason(store, identity, indicator, tier, document, code):
    with pytest.raises(StoreError) as caught:
        store.save_evidence(2025, REGENCY, identity, indicator, tier, document, 0, "budi")
    assert caught.value.code == code and caught.value.message("id")
    assert store.iid_evidence() == []


def test_an_unknown_change_cannot_be_reverted(store):
    with pytest.raises(StoreError, match="Evidence change #42 is not in the history"):
        store.revert_evidence(42, "budi")
