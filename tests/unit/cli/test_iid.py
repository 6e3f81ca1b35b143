"""`python app.py iid` and `python app.py similar` on the sample data (and its synthetic IID evidence
and replication library, data/iid_sample/)."""

from __future__ import annotations

import json
import re

import pytest

from cli import main
from loaders import SAMPLE_DIR

SAMPLE = ["--data", str(SAMPLE_DIR)]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def index_2025():
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["iid", *SAMPLE, "--json"]) == 0
    return json.loads(buffer.getvalue())


def test_iid_json_on_the_sample_is_the_latest_edition_with_the_sample_evidence(index_2025):
    result = index_2025
    assert result["edition"] == 2025 and result["evidence"][0].endswith("data/iid_sample/bukti_iid.csv")
    parts = result["parts"]
    assert parts["index"] == result["index"] == round(parts["total"] / parts["max_total"] * 100, 2)
    assert parts["divisor"] == max(10, parts["n"]) == sum(r["assessed"] for r in result["innovations"])
    assert result["predikat"] == "inovatif" and result["index"] < 65.01      # 2025: Sangat Inovatif from 65,01
    assert len(result["spd"]) == 20 and len(result["what_if"]) == 10
    points = [m["points"] / m["documents"] for m in result["what_if"]]
    assert points == sorted(points, reverse=True)
    for row in result["innovations"]:
        if row["maturity"] is not None:
            assert row["difference"] == round(row["sid"] - row["maturity"], 2)


def test_iid_text_per_edition_and_in_english(capsys):
    code, out, _ = run(capsys, "iid", *SAMPLE, "--edition", "2023", "--lang", "en")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("IID 2023: index ") and first.endswith("Very innovative")
    assert "Cheapest evidence additions (index points per document):" in out
    assert "Export's maturity" in out
    code, out, _ = run(capsys, "iid", *SAMPLE, "--edition", "2024")
    assert code == 0 and out.startswith("IID 2024: indeks ") and "Tambahan bukti termurah" in out


def test_iid_with_an_evidence_sheet_of_ones_own(capsys, tmp_path):
    sheet = tmp_path / "bukti.csv"
    sheet.write_text("tahun,id,indikator,tingkat\n2025,,12,3\n2025,nope,16,1\n", encoding="utf-8")
    code, out, err = run(capsys, "iid", *SAMPLE, "--evidence", str(sheet), "--json")
    assert code == 0
    result = json.loads(out)
    assert {row["indicator"]: row["tier"] for row in result["spd"] if row["tier"]} == {"spd-12": 3}
    assert "No innovation with id 'nope'" not in err and "Tidak ada inovasi ber-id 'nope' di IID 2025" in err


def test_iid_refuses_a_bad_evidence_sheet_and_an_unknown_edition(capsys, tmp_path):
    sheet = tmp_path / "bukti.csv"
    sheet.write_text("indikator,tingkat\n16,7\n", encoding="utf-8")
    code, _, err = run(capsys, "iid", *SAMPLE, "--evidence", str(sheet), "--lang", "en")
    assert code == 1 and "row 2 › tingkat: Tier '7' is not valid" in err
    code, _, err = run(capsys, "iid", *SAMPLE, "--edition", "2019", "--lang", "en")
    assert code == 2 and "IID edition 2019 is not in data/reference/iid_editions.toml" in err


def test_similar_finds_the_replication_candidate_and_the_missing_urusan(capsys, index_2025):
    musrenbang = next(r for r in index_2025["innovations"] if r["name"] == "Musrenbang Perempuan")
    code, out, _ = run(capsys, "similar", musrenbang["id"], *SAMPLE, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["innovation"]["name"] == "Musrenbang Perempuan"
    assert result["library"]["regions"] == 4
    best = result["others"][0]
    assert best["name"] == "Musrenbang Perempuan Keliling" and best["region"] == "Kabupaten Lahat"
    assert all(r["region"] == "Kabupaten Muara Enim" for r in result["ours"])
    assert {g["sector"] for g in result["sector_gaps"]} == {"Kehutanan", "Transmigrasi", "Persandian"}
    code, out, _ = run(capsys, "similar", musrenbang["id"], *SAMPLE, "--lang", "en")
    assert code == 0 and "In other regions (to replicate):" in out
    assert re.search(r"^  Forestry: \d+ innovations in 4 other regions$", out, re.M) and "Kehutanan" not in out


def test_similar_says_when_the_id_is_unknown(capsys):
    code, _, err = run(capsys, "similar", "nope", *SAMPLE, "--lang", "en")
    assert code == 1 and "No innovation with id 'nope' in the data" in err


# --- evidence entered in the dashboard (store/iid_evidence.py) wins over the sheets -------------------

def test_iid_from_the_store_counts_the_entered_evidence_over_the_sheet(tmp_path, monkeypatch, capsys):
    from analytics.filter_fields import home_region
    from store.database import open_store
    from store.identity import identity_key

    url = f"sqlite:///{tmp_path / 'dasbor.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    store = open_store(url, seed=True)
    code, out, _ = run(capsys, "iid", "--edition", "2025", "--json")
    before = json.loads(out)
    spd01 = next(row for row in before["spd"] if row["indicator"] == "spd-01")
    assert code == 0 and spd01["tier"] < 3 and spd01["source"]["source"] == "sheet"   # the sample's sheet
    mine = next(r for r in before["innovations"] if r["name"] == "Musrenbang Perempuan")
    frame = store.current_frame()
    row = frame[frame["id"] == mine["id"]].iloc[0]
    store.save_evidence(2025, home_region(), "", "spd-01", 3, "RPJMD 2025-2029", 0, "budi")
    store.save_evidence(2025, home_region(), identity_key(row["name"], row["agency"], row["region"]), "sid-35", 0,
                        "video ditarik", 0, "budi")     # an entered 0 counts too: the sheet's tier no longer does
    store.close()
    code, out, _ = run(capsys, "iid", "--edition", "2025", "--json")
    after = json.loads(out)
    spd01 = next(row for row in after["spd"] if row["indicator"] == "spd-01")
    assert spd01["tier"] == 3 and spd01["source"] == {"source": "entered", "by": "budi", "at": spd01["source"]["at"],
                                                      "document": "RPJMD 2025-2029"}
    now = next(r for r in after["innovations"] if r["id"] == mine["id"])
    assert now["sources"]["sid-35"] == "entered" and now["sid"] < mine["sid"]
    assert after["index"] > before["index"]
    code, out, _ = run(capsys, "iid", "--edition", "2025", "--lang", "en")
    assert "Evidence entered in the dashboard: 2 (wins over the evidence sheets)." in out
