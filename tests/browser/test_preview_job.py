"""/data's preview as a background job, in a real browser: while a large file is read, normalised and
compared, the page shows the stage and a progress bar, then the preview; the cancel button stops the
job (its process ends, its staged files go) and says so; and a file with errors inside the job gets
the same located messages as ever (file, row, column), never a traceback. The server has its own store."""

from __future__ import annotations

import random
import re
import time

import psutil
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in_as, seeded_server
from tests.hostile_files import csv_non_finite, csv_unbalanced_quote

PASSWORD = "kata-sandi-uji-1"
ROWS = 60_000
STAGES = r"(Membaca|Menormalkan|Membandingkan) .+…"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("preview-job")
    with seeded_server(folder, {"editor1": "editor"}, PASSWORD) as started:
        started.folder = folder
        yield started


def large_csv(path, rows: int = ROWS):
    rng = random.Random(5)
    agencies = ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Bappeda"]
    with path.open("w") as out:
        out.write("No;Nama Inovasi;Perangkat Daerah;Urusan;Tahun\n")
        out.writelines(f"{i};Layanan {i};{rng.choice(agencies)};Kesehatan;{rng.randint(2018, 2025)}\n"
                       for i in range(1, rows + 1))
    return path


def staged_files(server, name: str) -> list:
    """The staged copies of the upload `name` (other uploads stay until replaced, confirmed or swept)."""
    folder = server.folder / "instance" / "upload-staging"
    return list(folder.rglob(name)) if folder.exists() else []


def running_jobs(server) -> list:
    """The server's child processes still alive: its background jobs."""
    children = psutil.Process(server.process.pid).children(recursive=True)
    return [child for child in children if child.is_running() and child.status() != psutil.STATUS_ZOMBIE]


def wait_until(condition, timeout: float = 30) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


@pytest.fixture
def editor(browser, server):
    page = log_in_as(browser, server, "editor1", PASSWORD)
    page.open("/data")
    yield page
    page.context.close()


def test_a_large_preview_shows_its_stage_and_progress_then_arrives(editor, server, tmp_path):
    editor.page.set_input_files("#edit-upload input[type=file]", str(large_csv(tmp_path / "inovasi_besar.csv")))
    progress = editor.page.locator("#edit-progress-wrap")
    expect(progress).to_be_visible(timeout=30000)
    expect(editor.page.locator("#edit-progress-text")).to_have_text(re.compile(STAGES), timeout=30000)
    expect(editor.page.locator("#edit-preview-cancel")).to_be_visible()
    expect(editor.page.locator("#edit-confirm")).to_be_hidden()          # nothing to confirm while it runs
    expect(editor.page.locator("#edit-preview-intro")).to_contain_text("60.000 inovasi terbaca dari 1 berkas",
                                                                        timeout=180000)
    expect(progress).to_be_hidden()
    expect(editor.page.locator("#edit-by-year")).to_contain_text("2025")
    expect(editor.page.locator("#edit-confirm")).to_be_visible()
    editor.assert_clean()


def test_cancel_stops_the_job_and_removes_its_files(editor, server, tmp_path):
    editor.page.set_input_files("#edit-upload input[type=file]", str(large_csv(tmp_path / "inovasi_batal.csv")))
    expect(editor.page.locator("#edit-progress-wrap")).to_be_visible(timeout=30000)
    assert wait_until(lambda: running_jobs(server)), "the preview job never started"
    assert staged_files(server, "inovasi_batal.csv")
    # Held still while the button is clicked: on a busy machine the job could otherwise finish (and
    # hide the button) between the checks above and the click, and nothing would be cancelled.
    jobs = running_jobs(server)
    for job in jobs:
        job.suspend()
    try:
        editor.page.click("#edit-preview-cancel")
        expect(editor.page.locator("#edit-preview-stopped")).to_contain_text("Pratinjau dibatalkan", timeout=30000)
    finally:
        for job in jobs:
            if job.is_running():
                job.resume()
    expect(editor.page.locator("#edit-progress-wrap")).to_be_hidden()
    assert wait_until(lambda: not running_jobs(server)), running_jobs(server)
    assert wait_until(lambda: not staged_files(server, "inovasi_batal.csv"))
    expect(editor.page.locator("#edit-preview")).to_be_empty()
    expect(editor.page.locator("#edit-confirm")).to_be_disabled()
    editor.assert_clean()


@pytest.mark.parametrize("make, file, message, row, column", [
    (csv_non_finite, "bukan_angka_hingga.csv", "bukan angka hingga", "2", "Kematangan"),
    (csv_unbalanced_quote, "kutip_terbuka.csv", "tanda kutip", "3", ""),
])
def test_errors_found_inside_the_job_are_the_located_messages(editor, tmp_path, make, file, message, row, column):
    editor.page.set_input_files("#edit-upload input[type=file]", str(make(tmp_path)))
    issue = editor.page.locator("#edit-issues tr", has_text=message).first
    expect(issue).to_contain_text(file, timeout=60000)
    expect(issue.locator("td").nth(3)).to_have_text(row)                 # as Excel shows it
    expect(issue.locator("td").nth(4)).to_have_text(column)
    expect(editor.page.locator("#edit-preview")).not_to_contain_text("Traceback")
    editor.assert_clean()
