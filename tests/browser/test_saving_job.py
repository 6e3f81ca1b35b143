"""/data's confirm as a background job, in a real browser: while the upload is saved the page shows
the stage and a bar (confirm and cancel hidden); its own cancel button stops it with nothing saved;
and when the job's process is killed inside the
store's transaction (as the OOM killer would), the page says what happened and to upload again
instead of spinning, the buttons come back, and the store holds nothing of the upload. The server
has its own store, and stops every upload just before its commit (the store's test pause)."""

from __future__ import annotations

import os
import signal
import time

import pytest
from playwright.sync_api import expect

from store.database import PAUSE_ENV
from tests.browser.conftest import log_in_as, seeded_server
from tests.workbooks import make_xlsx, simple_table

PASSWORD = "kata-sandi-uji-1"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("saving-job")
    marker = folder / "inside-the-transaction"
    with seeded_server(folder, {"editor1": "editor"}, PASSWORD, {PAUSE_ENV: str(marker)}) as started:
        started.folder, started.marker = folder, marker
        yield started


def stored(server) -> tuple[list, int]:
    from store.database import open_store

    store = open_store(f"sqlite:///{server.folder / 'instance' / 'dasbor.sqlite3'}", seed=False)
    try:
        return store.history(), len(store.current_frame())
    finally:
        store.close()


def wait_for_pid(path, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while not path.exists() or not path.read_text():
        assert time.monotonic() < deadline, "the saving job never reached its commit"
        time.sleep(0.1)
    return int(path.read_text())


def upload_and_confirm(browser, server, tmp_path, name: str):
    """An editor's page with a 3-row recap of 2009 previewed and confirmed, saving (paused before its
    commit); the saving job's pid."""
    server.marker.unlink(missing_ok=True)
    book = make_xlsx(tmp_path / name, {"2009": simple_table(
        [[i + 1, f"Inovasi Terhenti {i}", "Dinas Kesehatan", "Kesehatan", 2009] for i in range(3)])})
    editor = log_in_as(browser, server, "editor1", PASSWORD)
    editor.open("/data")
    editor.page.set_input_files("#edit-upload input[type=file]", str(book))
    expect(editor.page.locator("#edit-preview-intro")).to_contain_text("3 inovasi terbaca", timeout=60000)
    editor.page.click("#edit-confirm")
    expect(editor.page.locator("#edit-saving-wrap")).to_be_visible(timeout=30000)
    expect(editor.page.locator("#edit-saving-text")).to_contain_text("Membaca, memeriksa dan menyimpan 1 berkas",
                                                                     timeout=30000)
    expect(editor.page.locator("#edit-actions")).to_be_hidden()          # no second confirm while it saves
    return editor, wait_for_pid(server.marker)


def test_cancel_stops_the_saving_with_nothing_saved(browser, server, tmp_path):
    before = stored(server)
    editor, _pid = upload_and_confirm(browser, server, tmp_path, "rekap_batal.xlsx")
    editor.page.click("#edit-saving-cancel")
    expect(editor.page.locator("#edit-result")).to_contain_text("Penyimpanan dibatalkan", timeout=30000)
    expect(editor.page.locator("#edit-saving-wrap")).to_be_hidden()
    expect(editor.page.locator("#edit-actions")).to_be_visible()
    assert stored(server) == before
    editor.assert_clean()
    editor.context.close()


def test_a_saving_job_killed_from_outside_says_so_and_leaves_the_store_unchanged(browser, server, tmp_path):
    before = stored(server)
    editor, pid = upload_and_confirm(browser, server, tmp_path, "rekap_2009.xlsx")
    os.kill(pid, signal.SIGKILL)
    result = editor.page.locator("#edit-result")
    expect(result).to_contain_text("Penyimpanan berhenti sebelum selesai", timeout=30000)
    expect(result).to_contain_text("Unggah berkasnya lagi")
    expect(editor.page.locator("#edit-saving-wrap")).to_be_hidden()
    expect(editor.page.locator("#edit-actions")).to_be_visible()
    assert stored(server) == before
    editor.assert_clean()
    editor.context.close()
