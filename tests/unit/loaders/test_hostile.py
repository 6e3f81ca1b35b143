"""Hostile files (issue 11): each crafted or damaged file ends `inspect` with exit 0 or 1 and a message,
never a traceback, within 10 s and 500 MB of memory; `ingest` of a rejected one leaves the store as it was.

Every run is a separate process (tests.measured.run_app), so a reader that aborts or runs away
fails its case instead of taking the test run down, and its peak memory is its own.
"""

import json

import pytest

from tests.hostile_files import (CORPUS, bit_flipped_zip, csv_million_rows, csv_nul, csv_unbalanced_quote,
                                 far_cell_xfd, hidden_sheets_only, html_spans, huge_string, ods_repeated, xls_far_cell,
                                 xlsx_nul, xxe)
from tests.measured import PEAK_BYTES, SECONDS, run_app
from tests.workbooks import make_xlsx, simple_table


def assert_within_bounds(done) -> None:
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    assert done.seconds < SECONDS, f"{done.seconds:.1f} s"
    assert done.peak_bytes < PEAK_BYTES, f"{done.peak_bytes / 1e6:.0f} MB"


@pytest.mark.parametrize("case", CORPUS, ids=[case.make.__name__ for case in CORPUS])
def test_inspect_ends_with_a_message_within_the_bounds(tmp_path, case):
    path = case.make(tmp_path)
    done = run_app("inspect", path)
    assert done.returncode == case.exit_code, done.stdout + done.stderr
    assert case.words in done.stdout, done.stdout
    assert_within_bounds(done)


@pytest.fixture(scope="module")
def store_env(tmp_path_factory):
    """A store (SQLite file) holding one batch, as the CLI sees it through DATABASE_URL."""
    folder = tmp_path_factory.mktemp("hostile-store")
    env = {"DATABASE_URL": f"sqlite:///{folder / 'dasbor.sqlite3'}", "DASBOR_INSTANCE": str(folder)}
    good = make_xlsx(folder / "baik.xlsx", {"2016": simple_table([[1, "Inovasi Baik", "Dinas Kesehatan",
                                                                   "Kesehatan", 2016]])})
    assert run_app("ingest", good, "--user", "budi", env=env).returncode == 0
    return env


def store_state(env) -> tuple:
    from store.database import open_store

    store = open_store(env["DATABASE_URL"])
    try:
        return store.data_version(), store.history(), store.current_frame().to_dict("records")
    finally:
        store.close()


# one rejected file per reader and kind of refusal (every file of the corpus is inspected above; each
# `ingest` is a process of its own, so the whole corpus twice would double the time for little more)
REJECTED = [case for case in CORPUS if case.make in (far_cell_xfd, html_spans, xls_far_cell, ods_repeated,
                                                      csv_unbalanced_quote, csv_million_rows, bit_flipped_zip,
                                                      xxe, hidden_sheets_only, huge_string)]


@pytest.mark.parametrize("case", REJECTED, ids=[case.make.__name__ for case in REJECTED])
def test_ingest_of_a_rejected_file_leaves_the_store_unchanged(tmp_path, store_env, case):
    before = store_state(store_env)
    done = run_app("ingest", case.make(tmp_path), env=store_env)
    assert done.returncode == 1 and "Tidak ada yang disimpan" in done.stdout, done.stdout + done.stderr
    assert case.words in done.stdout
    assert_within_bounds(done)
    assert store_state(store_env) == before


@pytest.mark.parametrize("make", [csv_nul, xlsx_nul])
def test_control_characters_are_removed_once_so_both_databases_store_the_same(tmp_path, store, make):
    result = store.ingest([make(tmp_path)], user="budi")
    assert result.ok, [issue.message for issue in result.issues]
    [name] = store.current_frame()["name"].tolist()
    assert name == "InovasiSehat[31m"


def test_names_with_line_breaks_or_escapes_cannot_forge_output_lines(tmp_path):
    path = far_cell_xfd(tmp_path).rename(tmp_path / "rekap\nOK  palsu\x1b[2J.xlsx")
    done = run_app("inspect", path, "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    [issue] = report["issues"]
    assert issue["file"] == "rekap OK palsu[2J.xlsx" and "\x1b" not in done.stdout
    lines = run_app("inspect", path).stdout.splitlines()
    assert not any(line.startswith("OK") for line in lines), lines


@pytest.mark.parametrize("variable, value", [("DASBOR_MAX_ROWS", "abc"), ("DASBOR_MAX_CELLS", "0"),
                                             ("DASBOR_MAX_COLUMNS", "-3"), ("DASBOR_MAX_FIELD_CHARS", "1e6")])
def test_a_limit_setting_that_is_not_a_whole_number_stops_the_command_with_one_line(tmp_path, variable, value):
    path = make_xlsx(tmp_path / "baik.xlsx", {"2016": simple_table([[1, "A", "Dinas Kesehatan", "Kesehatan", 2016]])})
    done = run_app("inspect", path, env={variable: value})
    assert done.returncode == 2 and f"{variable}='{value}' tidak valid" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_limits_are_configurable(tmp_path):
    rows = [[i, f"Inovasi {i}", "Dinas Kesehatan", "Kesehatan", 2016] for i in range(1, 11)]
    path = make_xlsx(tmp_path / "sebelas_baris.xlsx", {"2016": simple_table(rows)})
    assert run_app("inspect", path, env={"DASBOR_MAX_ROWS": "11"}).returncode == 0
    done = run_app("inspect", path, "--lang", "en", env={"DASBOR_MAX_ROWS": "10"})
    assert done.returncode == 1
    assert "holds 11 rows, over the limit of 10" in done.stdout and "DASBOR_MAX_ROWS" in done.stdout


def test_records_name_their_file_without_its_control_characters(tmp_path, store):
    """The rows keep the cleaned name; the batch keeps the name as given, escaped wherever it is printed
    (tests/unit/cli/test_store.py)."""
    from tests.hostile_files import good_xlsx

    path = good_xlsx(tmp_path / "rekap\x1b[2J\nbaru.xlsx")
    assert store.ingest([path], user="budi").ok
    assert set(store.current_frame()["source_file"]) == {"rekap[2J baru.xlsx"}
