"""The dashboard's sources: the data is read once per data version (files + size + mtime), never per request."""

import os

import pytest

from dashboard import sources
from loaders import load
from tests.unit.dashboard_frames import story_frame


class FakeResult:
    def __init__(self, frame):
        self.frame = frame


@pytest.fixture
def counted_reads(monkeypatch):
    import loaders

    reads = []

    def load_paths(paths, lang="id"):
        reads.append(list(paths))
        return FakeResult(story_frame())

    monkeypatch.setattr(loaders, "load_paths", load_paths)
    return reads


def test_fingerprint_changes_with_size_or_mtime(tmp_path):
    book = tmp_path / "rekap.csv"
    book.write_text("Nama Inovasi;Tahun\nA;2015\n")
    first = load.fingerprint([tmp_path])
    assert load.fingerprint([tmp_path]) == first
    book.write_text("Nama Inovasi;Tahun\nA;2015\nB;2016\n")
    assert load.fingerprint([tmp_path]) != first


def test_list_files_skips_hidden_and_lock_files(tmp_path):
    (tmp_path / "a.xlsx").write_text("x")
    (tmp_path / "~$a.xlsx").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    assert [p.name for p in load.list_files([tmp_path])] == ["a.xlsx"]


def test_data_source_reads_once_per_version(tmp_path, counted_reads):
    book = tmp_path / "rekap.csv"
    book.write_text("v1")
    source = sources.DataSource([tmp_path])
    first = source.dataset()
    assert source.dataset() is first
    assert len(counted_reads) == 1
    book.write_text("version 2")
    os.utime(book, (1, 1))
    assert source.dataset() is not first
    assert len(counted_reads) == 2
    assert first.source_label == tmp_path.name


def test_source_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(sources.ENV_DATA, os.pathsep.join([str(tmp_path), str(tmp_path / "b.xlsx")]))
    assert sources.source_from_environment().paths == (tmp_path, tmp_path / "b.xlsx")


def test_the_sample_data_tells_the_story():
    dataset = sources.DataSource().dataset()
    by_year = dataset.frame["year"].value_counts()
    assert (by_year[2015], by_year[2016], by_year[2017]) == (79, 67, 56)


def test_store_source_rereads_only_the_workspaces_when_only_a_proposal_was_edited(tmp_path):
    from charts.readiness_views import readiness_of
    from store.database import open_store
    from store.identity import identity_key

    store = open_store(f"sqlite:///{tmp_path / 'dasbor.sqlite3'}", seed=True)
    try:
        source = sources.StoreSource(store, poll_seconds=0)
        first = source.dataset()
        row = first.frame[first.frame["id"] == "1ff1fdd0a1"].iloc[0]   # SI CEPAT (2017): only Adaptabilitas missing
        position = readiness_of(first, 2025).position(row["id"])
        assert readiness_of(first, 2025).table["status"].iloc[position] == "Hampir siap"
        store.save_field(identity_key(row["name"], row["agency"], row["region"]), 2025, "adaptability",
                         "Sudah direplikasi oleh dua puskesmas " + "kata " * 80, 0, "budi")
        second = source.dataset()
        assert second is not first and second.frame is first.frame     # the rows were not read again
        assert second.version != first.version and len(second.workspaces) == 1
        assert readiness_of(second, 2025).table["status"].iloc[position] == "Siap"
    finally:
        store.close()


def test_an_invalidate_during_another_threads_version_check_is_not_lost():
    """A request asks the store's version; meanwhile this process commits an upload and invalidates.
    The slower request must not stamp its (older) check over the invalidation, or the next request
    would be served the old data for a whole poll interval."""
    import threading

    class SlowStore:
        version = "v1"
        asked, answer = threading.Event(), threading.Event()

        def data_version(self):
            seen = self.version          # read before the upload commits
            if threading.current_thread() is not threading.main_thread():
                self.asked.set()
                self.answer.wait()
            return seen

    store = SlowStore()
    source = sources.StoreSource(store, poll_seconds=3600)
    source._current = type("Current", (), {"version": "v1"})()   # the dataset of v1, already read
    source.invalidate()
    request = threading.Thread(target=source.version)
    request.start()
    store.asked.wait()
    store.version = "v2"               # the upload commits...
    source.invalidate()                # ...and its callback invalidates
    store.answer.set()
    request.join()
    assert source.version() == "v2"
