"""`python app.py readiness` and `python app.py proposal` on the sample data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from cli import main
from analytics.kipp.readiness import STATUSES
from loaders import SAMPLE_DIR, load_paths

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def sample_records() -> int:
    return len(load_paths([SAMPLE_DIR]).frame)


def test_cli_readiness_2018_json_on_the_sample_gives_every_status(sample_records):
    completed = subprocess.run([sys.executable, "app.py", "readiness", "--edition", "2018", "--json"],
                               cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert result["edition"] == 2018
    assert list(result["summary"]) == list(STATUSES)
    assert all(count >= 1 for count in result["summary"].values()), result["summary"]
    assert sum(result["summary"].values()) == len(result["innovations"]) == sample_records
    for innovation in result["innovations"]:
        assert {"id", "name", "agency", "year", "status", "score", "checks"} <= set(innovation)
        assert all(set(check) == {"rule", "passed", "missing", "message"} for check in innovation["checks"])
        assert 0 <= innovation["score"] <= 100


def test_cli_readiness_filters_and_english(capsys):
    assert main(["readiness", "--edition", "2021", "--from", "2017", "--to", "2017", "--json", "--lang", "en"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {innovation["year"] for innovation in result["innovations"]} == {2017}
    assert result["filters"] == {"query": "from=2017&to=2017"}
    messages = [check["message"] for i in result["innovations"] for check in i["checks"]]
    assert any(message.startswith("Implemented since") for message in messages)
    assert all(row["agency"] and row["rank"] >= 1 for row in result["shortlist"])


def test_cli_readiness_default_edition_is_the_latest_and_the_table_is_readable(capsys):
    assert main(["readiness", "--from", "2017", "--to", "2017"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "KIPP 2025 — penutupan 3 Juni 2025"
    assert lines[1].startswith("Siap: ") and "Jalur khusus: " in lines[1]
    assert lines[3].split()[:3] == ["Status", "Skor", "Tahun"]
    assert any(line.startswith("Daftar usulan per instansi") for line in lines)


def test_cli_readiness_unknown_edition_is_a_usage_error(capsys):
    assert main(["readiness", "--edition", "2019"]) == 2
    assert "Edisi KIPP 2019 tidak ada" in capsys.readouterr().err


def test_cli_readiness_nothing_to_read(tmp_path, capsys):
    assert main(["readiness", "--data", str(tmp_path)]) == 1
    assert "Tidak ada inovasi yang terbaca" in capsys.readouterr().err


def _siap_id(edition: int = 2018) -> str:
    from analytics.kipp.readiness import evaluate

    readiness = evaluate(load_paths([SAMPLE_DIR]).frame, edition)
    table = readiness.table
    return table.loc[table["status"] == "Siap", "id"].iloc[0]


def test_cli_proposal_writes_a_draft(tmp_path, capsys):
    innovation_id = _siap_id()
    output = tmp_path / "draft.docx"
    assert main(["proposal", innovation_id, "--edition", "2018", "-o", str(output)]) == 0
    assert capsys.readouterr().out.strip() == f"KIPP 2018: Siap → {output}"
    document = docx.Document(str(output))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "1. Ringkasan" in headings and "8. Strategi Keberlanjutan" in headings
    assert list(tmp_path.iterdir()) == [output]


def test_cli_proposal_unknown_id(tmp_path, capsys):
    output = tmp_path / "draft.docx"
    assert main(["proposal", "tidak-ada", "-o", str(output)]) == 1
    error = capsys.readouterr().err
    assert "Inovasi dengan id 'tidak-ada' tidak ada di data" in error and "Traceback" not in error
    assert not output.exists()


def test_cli_proposal_needs_a_docx_name(tmp_path, capsys):
    assert main(["proposal", "x", "-o", str(tmp_path / "draft.pdf")]) == 2
    assert "-o harus berakhiran .docx" in capsys.readouterr().err


# --- proposal workspaces (issue 13): the edited texts count ------------------------------------------

@pytest.fixture
def workspace_store(tmp_path, monkeypatch):
    """A seeded store (the sample) whose 'Kampung Budaya' has its missing sections and evidence written
    in the 2025 workspace by budi, one section then edited by sari, and the proposal in review."""
    from store.database import open_store
    from store.identity import identity_key

    url = f"sqlite:///{tmp_path / 'dasbor.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = open_store(url, seed=True)
    frame = store.current_frame()
    row = frame[frame["name"] == "Kampung Budaya"].iloc[0]
    identity = identity_key(row["name"], row["agency"], row["region"])
    from loaders.schema import KIPP_SECTIONS

    for key in KIPP_SECTIONS:
        store.save_field(identity, 2025, key, f"Teks {key} " + "kata " * 60, 0, "budi")
    store.save_field(identity, 2025, "novelty", "Gagasan baru: " + "kata " * 60, 1, "sari")
    store.save_field(identity, 2025, "decree", "SK Bupati No. 7/2018", 0, "budi")
    store.save_field(identity, 2025, "video_url", "https://youtu.be/kampung", 0, "budi")
    store.save_field(identity, 2025, "sdgs", "11", 0, "budi")
    store.save_field(identity, 2025, "attachment.replication_statement", "1", 0, "budi")
    store.set_workspace_status(identity, 2025, "ditinjau", "sari")
    store.close()
    return row["id"]


def test_cli_readiness_json_counts_the_workspace_and_says_its_status_and_editors(workspace_store, capsys):
    assert main(["readiness", "--edition", "2025", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    own = [i for i in result["innovations"] if i["name"] == "Kampung Budaya"]
    mine = next(i for i in own if i["id"] == workspace_store)
    same = [i for i in own if i["agency"] == mine["agency"]]    # the same innovation (name and agency)
    assert len(same) > 1 and all(i["workspace"] for i in same)    # every year's record of it
    assert all(i["workspace"] is None for i in own if i["agency"] != mine["agency"])
    assert mine["status"] == "Siap" and all(c["passed"] for c in mine["checks"] if c["rule"].startswith("section."))
    workspace = mine["workspace"]
    assert workspace["status"] == "ditinjau" and workspace["result"] is None
    assert [(s["key"], s["by"]) for s in workspace["sections"]] == [
        ("summary", "budi"), ("background", "budi"), ("novelty", "sari"), ("implementation", "budi"),
        ("significance", "budi"), ("adaptability", "budi"), ("resources", "budi"), ("sustainability", "budi")]
    others = [i for i in result["innovations"] if i["name"] != "Kampung Budaya" or i["agency"] != mine["agency"]]
    assert all(i["workspace"] is None for i in others)
    assert main(["readiness", "--edition", "2023", "--json"]) == 0   # another edition: not written for it
    earlier = json.loads(capsys.readouterr().out)
    assert next(i for i in earlier["innovations"] if i["id"] == workspace_store)["status"] == "Hampir siap"


def test_cli_proposal_holds_the_workspace_text(workspace_store, tmp_path, capsys):
    output = tmp_path / "usulan.docx"
    assert main(["proposal", workspace_store, "--edition", "2025", "-o", str(output)]) == 0
    assert "Siap" in capsys.readouterr().out
    paragraphs = [paragraph.text for paragraph in docx.Document(str(output)).paragraphs]
    assert any(text.startswith("Gagasan baru: kata") for text in paragraphs)
    assert any(text.startswith("Teks significance kata") for text in paragraphs)
    assert not any(text.startswith("[LENGKAPI") for text in paragraphs)   # no section left to complete
    rows = {row.cells[0].text: row.cells[1].text for table in docx.Document(str(output)).tables for row in table.rows}
    assert rows["Surat pernyataan kesediaan direplikasi"] == "Siap (dicentang di ruang kerja usulan)"
    assert rows["Surat pernyataan identitas inovator"] == "Siapkan (tidak tercatat di data)"
