"""The store commands as users run them: ingest, history, rollback, restore, adduser (DESIGN.md §3).

Exit codes: 0 success, 1 input or operation refused (message, no traceback), 2 usage error.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.database import open_store
from tests.workbooks import make_xlsx, simple_table

ROOT = Path(__file__).resolve().parents[3]
REKAP = ROOT / "data" / "sample" / "rekap_inovasi_2015_2017.xlsx"
BATCH_KEYS = {"id", "file", "sha256", "size", "who", "when", "mode", "status", "active", "records",
              "active_records", "by_year", "changed_by", "changed_at"}


@pytest.fixture
def app(store_url):
    """Run `python app.py ...` against the test store; returns the CompletedProcess."""
    def run(*args, password: str | None = None, stdin: str | None = None):
        env = {**os.environ, "DATABASE_URL": store_url, "DASBOR_USER": "operator"}
        env.pop("DASBOR_PASSWORD", None)
        if password is not None:
            env["DASBOR_PASSWORD"] = password
        feed = {"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}
        return subprocess.run([sys.executable, "app.py", *map(str, args)], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300, **feed)
    return run


def test_cli_ingest_history_rollback_restore(app):
    done = app("ingest", REKAP, "--user", "budi")
    assert done.returncode == 0, done.stderr
    assert "Disimpan: #1" in done.stdout and "202 inovasi" in done.stdout
    history = json.loads(app("history", "--json").stdout)
    assert set(history) == {"data_version", "batches", "doubled"} and history["doubled"] == []
    [batch] = history["batches"]
    assert set(batch) == BATCH_KEYS
    assert (batch["who"], batch["status"], batch["active"], batch["by_year"]) == (
        "budi", "active", True, {"2015": 79, "2016": 67, "2017": 56})
    rolled = app("rollback", "1")
    assert rolled.returncode == 0 and "Dibatalkan: #1" in rolled.stdout
    after = json.loads(app("history", "--json").stdout)
    assert after["batches"][0]["status"] == "rolled_back" and after["batches"][0]["changed_by"] == "operator"
    assert after["data_version"] != history["data_version"]
    restored = app("restore", "1", "--lang", "en")
    assert restored.returncode == 0 and "Restored: #1  active" in restored.stdout
    assert "#1  aktif" in app("history").stdout


def test_cli_ingest_rejects_all_files_when_one_is_bad(app, tmp_path):
    good = make_xlsx(tmp_path / "baik.xlsx", {"Data": simple_table([[1, "A", "Dinas Kesehatan", "Kesehatan", 2019]])})
    bad = make_xlsx(tmp_path / "salah.xlsx", {"Data": simple_table([[1, "B", "Dinas Kesehatan", "Kesehatan", "20x6"]])})
    done = app("ingest", good, bad)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "GALAT salah.xlsx" in done.stdout and "Tidak ada yang disimpan" in done.stdout
    english = app("ingest", good, bad, "--lang", "en")
    assert english.returncode == 1 and "Nothing was saved" in english.stdout
    assert json.loads(app("history", "--json").stdout)["batches"] == []


@pytest.mark.parametrize("args, code, message", [
    (["rollback", "7"], 1, "Batch 7 tidak ada"),
    (["restore", "7", "--lang", "en"], 1, "Batch 7 does not exist"),
    (["rollback", "tujuh"], 2, "invalid int value"),
    (["ingest"], 2, "required"),
    (["adduser", "sari"], 2, "--role"),
    (["adduser", "sari", "--role", "admin"], 2, "invalid choice"),
    (["adduser", "sari", "--role", "editor", "--password", "rahasia-sekali"], 2, "unrecognized arguments"),
])
def test_cli_store_commands_refuse_with_exit_codes(app, args, code, message):
    done = app(*args, password="rahasia-sekali")
    assert done.returncode == code and message in done.stderr and "Traceback" not in done.stderr


def test_cli_adduser_reads_the_password_from_the_environment(app, store_url):
    done = app("adduser", "sari", "--role", "editor", password="rahasia-sekali")
    assert done.returncode == 0 and "Pengguna 'sari' dibuat (editor)" in done.stdout
    short = app("adduser", "sari", "--role", "viewer", password="pendek")
    assert short.returncode == 1 and "minimal 8 karakter" in short.stderr
    store = open_store(store_url, seed=False)
    try:
        assert store.check_password("sari", "rahasia-sekali") == "editor"
    finally:
        store.close()


def test_cli_adduser_without_a_terminal_reads_stdin_and_says_so(app, store_url):
    done = app("adduser", "dewi", "--role", "viewer", stdin="rahasia-dari-pipa\n")
    assert done.returncode == 0 and "dibaca dari baris pertama stdin" in done.stderr
    empty = app("adduser", "eko", "--role", "viewer", "--lang", "en")   # stdin is /dev/null
    assert empty.returncode == 1 and "No password given" in empty.stderr and "Traceback" not in empty.stderr
    store = open_store(store_url, seed=False)
    try:
        assert store.check_password("dewi", "rahasia-dari-pipa") == "viewer"
        assert [user["name"] for user in store.users()] == ["dewi"]
    finally:
        store.close()


def test_cli_file_names_cannot_forge_lines(app, tmp_path):
    name = "rekap\nDisimpan: #99 palsu \x1b[31mmerah.xlsx"
    forged = make_xlsx(tmp_path / name, {"Data": simple_table([[1, "A", "Dinas Kesehatan", "Kesehatan", 2016]])})
    done = app("ingest", forged)
    assert done.returncode == 0, done.stderr
    history = app("history")
    for output in (done.stdout, history.stdout):
        assert "\x1b" not in output and "#99" in output
        assert not any(line.startswith("Disimpan: #99") for line in output.splitlines())
        assert "rekap\\nDisimpan: #99 palsu \\x1b[31mmerah.xlsx" in output


def test_cli_store_unreachable_is_a_message_not_a_traceback():
    env = {**os.environ, "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    done = subprocess.run([sys.executable, "app.py", "history"], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1 and "Periksa DATABASE_URL" in done.stderr and "Traceback" not in done.stderr


IID_2025 = ROOT / "data" / "sample" / "iid_2025.xlsx"   # 108 innovations of 2025


def test_cli_ingest_refuses_a_year_already_stored_until_replace_or_add_new_is_chosen(app, tmp_path):
    from tests.workbooks import revised_copy

    assert app("ingest", IID_2025).returncode == 0
    revised = revised_copy(IID_2025, tmp_path / "iid_2025_revisi.xlsx", {(2, "Tahapan Inovasi"): "Uji Coba"})
    refused = app("ingest", revised)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert ("GALAT iid_2025_revisi.xlsx: Tahun 2025 sudah tersimpan: 108 inovasi; berkas ini memuat 108 (sama 107, "
            "berubah 1, baru 0; 0 yang tersimpan tidak ada di berkas)") in refused.stdout
    assert "--replace" in refused.stdout and "--add-new" in refused.stdout and "Tidak ada yang disimpan" in refused.stdout
    added_new = app("ingest", revised, "--add-new", "--lang", "en")
    assert added_new.returncode == 0 and "No new innovation" in added_new.stdout and "Saved" not in added_new.stdout
    assert len(json.loads(app("history", "--json").stdout)["batches"]) == 1
    replaced = app("ingest", revised, "--replace")
    assert replaced.returncode == 0 and "Disimpan: #2" in replaced.stdout and "108 inovasi" in replaced.stdout
    batches = json.loads(app("history", "--json").stdout)["batches"]
    assert [(b["mode"], b["status"], b["active_records"]) for b in batches] == [
        ("add", "replaced", 0), ("replace", "active", 108)]


def test_cli_ingest_add_new_adds_only_the_innovations_not_stored(app, tmp_path):
    assert app("ingest", IID_2025).returncode == 0
    book = make_xlsx(tmp_path / "tambahan_2025.xlsx", {"2025": simple_table(
        [[1, "Musrenbang Perempuan", "Badan Perencanaan Pembangunan Daerah", "Perencanaan", 2025],
         [2, "Inovasi Tambahan", "Dinas Kesehatan", "Kesehatan", 2025]])})
    done = app("ingest", book, "--add-new")
    assert done.returncode == 0, done.stdout
    assert "1 inovasi di berkas ini sudah tersimpan dan dilewati; 1 yang baru ditambahkan" in done.stdout
    assert "Disimpan: #2" in done.stdout
    [_, batch] = json.loads(app("history", "--json").stdout)["batches"]
    assert (batch["mode"], batch["records"], batch["by_year"]) == ("add-new", 1, {"2025": 1})


def test_cli_ingest_replace_and_add_new_exclude_each_other(app):
    done = app("ingest", IID_2025, "--replace", "--add-new")
    assert done.returncode == 2 and "not allowed with argument" in done.stderr and "Traceback" not in done.stderr


# --- column mappings: --map, and the store's mappings in inspect and ingest ----------------------

MAP_HEADER = ["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahun", "Kegiatan Pendukung"]


def _mapped_file(path):
    return make_xlsx(path, {"Data": [MAP_HEADER, [1, "Posyandu Digital", "Dinas Kesehatan", "Kesehatan", 2019,
                                                  "Kader terlatih"]]})


def test_cli_map_fills_the_field_and_inspect_json_says_where_each_mapping_came_from(app, store_url, tmp_path):
    path = _mapped_file(tmp_path / "a.xlsx")
    plain = json.loads(app("inspect", path, "--json").stdout)
    assert plain["files"][0]["sheets"][0]["unknown"] == ["Kegiatan Pendukung"] and plain["mappings"] == []
    store = open_store(store_url, seed=False)
    try:
        store.add_mapping("Kegiatan Pendukung", "ignore", user="sari")
    finally:
        store.close()
    stored = json.loads(app("inspect", path, "--json").stdout)
    sheet = stored["files"][0]["sheets"][0]
    assert sheet["mapping_source"]["Kegiatan Pendukung"] == "store" and sheet["mapping"]["Kegiatan Pendukung"] is None
    assert sheet["mapping_source"]["Nama Inovasi"] == "reference" and not stored["issues"]
    [used] = stored["mappings"]
    assert (used["header"], used["target"], used["source"], used["created_by"]) == (
        "Kegiatan Pendukung", "ignore", "store", "sari")
    mapped = json.loads(app("inspect", path, "--map", "Kegiatan Pendukung=resources", "--json").stdout)
    assert mapped["files"][0]["sheets"][0]["mapping"]["Kegiatan Pendukung"] == "resources"
    assert [m["source"] for m in mapped["mappings"]] == ["store", "option"]
    done = app("ingest", path, "--map", "Kegiatan Pendukung=resources", "--user", "budi")
    assert done.returncode == 0, done.stdout + done.stderr
    store = open_store(store_url, seed=False)
    try:
        assert store.current_frame()["resources"].tolist() == ["Kader terlatih"]
    finally:
        store.close()


def test_cli_ingest_uses_the_stored_mapping(app, store_url, tmp_path):
    store = open_store(store_url, seed=False)
    try:
        store.add_mapping("Kegiatan Pendukung", "resources", user="sari")
    finally:
        store.close()
    assert app("ingest", _mapped_file(tmp_path / "a.xlsx")).returncode == 0
    store = open_store(store_url, seed=False)
    try:
        assert store.current_frame()["resources"].tolist() == ["Kader terlatih"]
    finally:
        store.close()


@pytest.mark.parametrize("value", ["Kegiatan Pendukung", "Kegiatan=warna", "=resources"])
def test_cli_a_bad_map_is_a_usage_error(app, tmp_path, value):
    done = app("inspect", _mapped_file(tmp_path / "a.xlsx"), "--map", value)
    assert done.returncode == 2 and "Judul Kolom=kolom" in done.stderr and "Traceback" not in done.stderr


def _yearless_file(path):
    return make_xlsx(path, {"Data": [["No", "Nama Inovasi", "Perangkat Daerah", "Nomor Register"],
                                     [1, "Kartu Sehat", "Dinas Kesehatan", "15/07"]]})


def test_cli_year_sets_a_sheets_year_and_inspect_json_says_which_rule_and_where_it_came_from(app, store_url, tmp_path):
    path = _yearless_file(tmp_path / "a.xlsx")
    plain = app("inspect", path, "--json")
    assert plain.returncode == 1 and json.loads(plain.stdout)["files"][0]["sheets"][0]["no_year"] == 1
    given = json.loads(app("inspect", path, "--year", "Data=code:Nomor Register", "--json").stdout)
    sheet = given["files"][0]["sheets"][0]
    assert (sheet["year_rule"], sheet["year_rule_source"], sheet["no_year"]) == ("code:Nomor Register", "option", 0)
    assert given["by_year"] == {"2015": 1}
    assert given["year_rules"] == [{"sheet": "Data", "rule": "code:Nomor Register", "source": "option"}]
    store = open_store(store_url, seed=False)
    try:
        store.add_year_rule("Data", ["No", "Nama Inovasi", "Perangkat Daerah", "Nomor Register"], "2018", user="sari")
    finally:
        store.close()
    stored = json.loads(app("inspect", path, "--json").stdout)
    sheet = stored["files"][0]["sheets"][0]
    assert (sheet["year_rule"], sheet["year_rule_source"]) == ("2018", "store") and stored["by_year"] == {"2018": 1}
    [rule] = stored["year_rules"]
    assert (rule["sheet"], rule["rule"], rule["source"], rule["created_by"]) == ("Data", "2018", "store", "sari")
    assert [issue["code"] for issue in stored["issues"]] == ["unknown_header", "year_rule_stored"]
    done = app("ingest", path, "--year", "Data=2017", "--user", "budi")
    assert done.returncode == 0, done.stdout + done.stderr
    store = open_store(store_url, seed=False)
    try:
        assert store.current_frame()["year"].tolist() == [2017]
    finally:
        store.close()


@pytest.mark.parametrize("value", ["2019", "Data=", "Data=tahun lalu", "Data=1850", "=2019", "Data=code:"])
def test_cli_a_bad_year_rule_is_a_usage_error_naming_the_accepted_forms(value):
    import argparse

    from cli.common import parse_year

    with pytest.raises(argparse.ArgumentTypeError, match="Lembar=ATURAN"):
        parse_year(value)


@pytest.mark.parametrize("command", ["inspect", "ingest"])
def test_cli_a_bad_year_rule_exits_2_with_the_message(app, tmp_path, command):
    done = app(command, _yearless_file(tmp_path / "a.xlsx"), "--year", "Data=tahun lalu")
    assert done.returncode == 2 and "Lembar=ATURAN" in done.stderr and "Traceback" not in done.stderr


def test_cli_ingest_saves_an_innovation_listed_twice_once_unless_told_otherwise(app, tmp_path):
    from tests.unit.store.test_duplicates import dup_files

    first, second = dup_files(tmp_path)
    done = app("ingest", first, second, "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert "WARNING opd_a.xlsx › Data › row 3: Innovation 'Layanan Dua' of 2019 is also in opd_b.xlsx" in done.stdout
    assert sum(batch["records"] for batch in json.loads(app("history", "--json").stdout)["batches"]) == 3
    both = app("ingest", first, second, "--keep-duplicates", "--replace")
    assert both.returncode == 0 and "tidak disimpan" not in both.stdout
    batches = json.loads(app("history", "--json").stdout)["batches"]
    assert [(b["records"], b["active_records"]) for b in batches] == [(1, 0), (2, 0), (2, 2), (2, 2)]


def test_cli_history_and_inspect_flag_a_year_the_store_counts_twice(app, store_url, tmp_path):
    from tests.unit.store.conftest import IID_2025
    from tests.unit.store.test_duplicates import legacy_ingest

    store = open_store(store_url, seed=False)
    try:
        store.ingest([IID_2025], "budi")
        legacy_ingest(store, [IID_2025])
    finally:
        store.close()
    doubled = [{"year": 2025, "innovations": 108, "rows": 216, "extra": 108, "batches": [1, 2]}]
    assert json.loads(app("history", "--json").stdout)["doubled"] == doubled
    assert ("Perhatian: tahun 2025 menghitung 108 inovasi dua kali (batch #1, #2): 216 baris, 108 setelah "
            "dirapikan.") in app("history").stdout
    assert json.loads(app("inspect", IID_2025, "--json").stdout)["doubled"] == doubled


def _corrected_2016(path):
    """The 2016 sheet sent again after corrections: agencies written as the planner now writes them (today's
    names, upper case, with the regency's suffix), two stages changed and one name corrected."""
    from loaders import load_paths

    frame = load_paths([REKAP]).frame
    rows = frame[frame["year"] == 2016].reset_index(drop=True)
    table = [["No", "Nama Inovasi", "Perangkat Daerah", "Urusan", "Tahapan Inovasi", "Tahun"]]
    for i, row in rows.iterrows():
        agency = row["agency"].upper() if i % 3 == 0 else row["agency"] + (" Kab. Muara Enim" if i % 3 == 1 else "")
        name = "Musrenbang Perempuan dan Anak" if row["name"] == "Musrenbang Perempuan" else row["name"]
        table.append([i + 1, name, agency, row["sector"], "Uji Coba" if i in (2, 5) else row["stage"], 2016])
    return make_xlsx(path, {"2016": table})


def test_cli_a_corrected_year_with_renamed_agencies_replaces_once_and_replays_harmlessly(app, store_url, tmp_path):
    assert app("ingest", REKAP).returncode == 0
    corrected = _corrected_2016(tmp_path / "rekap_2016_revisi.xlsx")
    refused = app("ingest", corrected)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr + refused.stdout
    assert ("Tahun 2016 sudah tersimpan: 67 inovasi; berkas ini memuat 67 (sama 0, berubah 66, baru 1; 1 yang "
            "tersimpan tidak ada di berkas)") in refused.stdout   # renamed agencies are the same innovations
    for _ in range(2):   # the same command run twice (a replayed script, a second Enter)
        assert app("ingest", corrected, "--replace").returncode == 0
        store = open_store(store_url, seed=False)
        frame = store.current_frame()
        store.close()
        assert frame["year"].value_counts().sort_index().to_dict() == {2015: 79, 2016: 67, 2017: 56}
        assert (frame["name"] == "Musrenbang Perempuan dan Anak").sum() == 1
        assert not (frame["name"] == "Musrenbang Perempuan").any()
    again = app("ingest", corrected, "--add-new")
    assert again.returncode == 0 and "Tidak ada inovasi baru" in again.stdout
    assert len(json.loads(app("history", "--json").stdout)["batches"]) == 3
