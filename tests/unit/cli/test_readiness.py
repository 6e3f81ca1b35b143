"""`python app.py readiness` and `python app.py proposal` on the sample data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from cli import main
from analytics.kipp.readiness import STATUSES, expand
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
    for innovation in expand(result):
        assert {"id", "name", "agency", "year", "status", "score", "checks"} <= set(innovation)
        assert all(set(check) == {"rule", "passed", "missing", "message"} for check in innovation["checks"])
        assert 0 <= innovation["score"] <= 100


def test_cli_readiness_filters_and_english(capsys):
    assert main(["readiness", "--edition", "2021", "--from", "2017", "--to", "2017", "--json", "--lang", "en"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert {innovation["year"] for innovation in result["innovations"]} == {2017}
    assert result["filters"] == {"query": "from=2017&to=2017"}
    messages = [check["message"] for i in expand(result) for check in i["checks"]]
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
