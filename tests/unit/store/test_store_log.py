"""The store's log lines (logs.py): one per ingest (saved, refused, failed), rollback and restore, with
ids, counts and issue codes — never a row's name or a file's content."""

from __future__ import annotations

import pytest

from tests.log_capture import captured_logs  # noqa: F401 - a fixture
from tests.workbooks import make_xlsx, simple_table


def events(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] == "dasbor.store"]


@pytest.fixture
def recap(tmp_path):
    return make_xlsx(tmp_path / "rekap_2016.xlsx", {"2016": simple_table([
        [1, "Inovasi Rahasia Satu", "Dinas Kesehatan", "Kesehatan", 2016],
        [2, "Inovasi Rahasia Dua", "Dinas Pendidikan", "Pendidikan", 2016]])})


def test_an_ingest_is_one_line_saying_what_was_saved(store, recap, captured_logs):
    result = store.ingest([recap], user="budi")
    [line] = events(captured_logs())
    assert line["duration_ms"] >= 0 and line["level"] == "info"
    assert {key: value for key, value in line.items() if key not in ("time", "duration_ms")} == {
        "level": "info", "logger": "dasbor.store", "event": "ingest", "user": "budi", "mode": "add",
        "outcome": "saved", "files": 1, "batches": [result.batches[0]["id"]], "records": 2, "errors": [],
        "warnings": 0}
    assert "Rahasia" not in str(captured_logs())


def test_a_refused_ingest_gives_its_error_codes(store, recap, captured_logs):
    store.ingest([recap], user="budi")
    store.ingest([recap], user="budi")            # the same file again: refused
    saved, refused = events(captured_logs())
    assert refused["outcome"] == "refused" and refused["batches"] == [] and refused["records"] == 0
    assert "duplicate_file" in refused["errors"] and "Rahasia" not in str(captured_logs())


def test_a_failed_ingest_is_an_error_line(store, recap, captured_logs):
    with pytest.raises(Exception):
        store.ingest([recap], user="budi", mode="sideways")
    [line] = events(captured_logs())
    assert (line["event"], line["level"], line["outcome"], line["error"]) == ("ingest", "error", "failed",
                                                                              "StoreError")


def test_rollback_and_restore_are_logged(store, recap, captured_logs):
    batch = store.ingest([recap], user="budi").batches[0]["id"]
    store.rollback(batch, user="budi")
    store.restore(batch, user="sari")
    assert [(line["event"], line.get("batch"), line["user"]) for line in events(captured_logs())] == [
        ("ingest", None, "budi"), ("batch.rolled_back", batch, "budi"), ("batch.restored", batch, "sari")]
