"""The index computed from evidence, on hand-computed cases (IID 2023: SPD max 63, SID max 111, count
0,38 per innovation up to 200 = 76, total 250; SID divided by MAX(10, n))."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.iid.editions import load_editions
from analytics.iid.evidence import Evidence, derived_tiers
from analytics.iid.scoring import assess, compute_index, what_if

HOME = "Kabupaten Muara Enim"


def frame(rows: list[dict]) -> pd.DataFrame:
    """Canonical rows of the regency's IID 2023, Penerapan unless told."""
    base = {"region": HOME, "year": 2023, "stage": "Penerapan", "agency": "Dinas Kesehatan", "maturity": None,
            "decree": None, "regulation_level": None, "video_url": None, "budget": None, "sop": None,
            "evaluation": None, "replicated_by": None, "trial_date": pd.NaT, "launch_date": pd.NaT}
    return pd.DataFrame([{**base, "name": f"Inovasi {row['id']}", **row} for row in rows])


@pytest.fixture(scope="module")
def e2023():
    return load_editions().get(2023)


@pytest.mark.parametrize("tier, score", [(0, 0), (1, 3), (2, 6), (3, 9)])
def test_every_tier_of_an_indicator_scores_weight_times_tier(e2023, tier, score):
    # regulation (weight 3): no document, an SK, a Perkada, a Perda
    level = {0: None, 1: "SK Kepala Dinas", 2: "Peraturan Bupati No. 5/2022", 3: "Perda No. 2/2021"}[tier]
    result = assess(frame([{"id": "a", "regulation_level": level}]), e2023)
    assert result.sid_tiers.loc["a", "sid-16"] == tier
    assert result.innovations.loc[0, "sid"] == score


def test_evidence_sheets_win_over_the_columns_and_spd_comes_from_them(e2023):
    rows = frame([{"id": "a", "decree": "SK Bupati 12/2023", "video_url": "https://youtu.be/x"}, {"id": "b"}])
    derived = assess(rows, e2023)
    assert derived.innovations.set_index("id")["sid"].to_dict() == {"a": 3 + 4, "b": 0}
    evidence = Evidence(sid={("a", "sid-16"): 3, ("b", "sid-33"): 2}, spd={"spd-08": 3, "spd-12": 1})
    result = assess(rows, e2023, evidence)
    assert result.innovations.set_index("id")["sid"].to_dict() == {"a": 9 + 4, "b": 6}
    assert result.result.spd == 1.5 * 3 + 2 * 1


def test_the_divisor_is_at_least_ten(e2023):
    # 4 innovations of SID 100: 400 / MAX(10, 4) = 40; + 4 × 0,38 = 41,52 of 250 -> 16,608 -> 16,61
    few = compute_index(e2023, 0, [100] * 4)
    assert (few.divisor, few.sid_average, few.count_score, few.index) == (10, 40, pytest.approx(1.52), 16.61)
    # 12 innovations: 1200 / 12 = 100; + 4,56 = 104,56 -> 41,824 -> 41,82
    many = compute_index(e2023, 0, [100] * 12)
    assert (many.divisor, many.sid_average, many.index) == (12, 100, 41.82)
    assert many.band.key == "inovatif" and few.band.key == "kurang-inovatif"


def test_the_count_score_stops_at_200_innovations_and_full_marks_are_100(e2023):
    perfect = compute_index(e2023, 63, [111] * 250)
    assert perfect.count_score == pytest.approx(76) and perfect.index == 100.0
    assert perfect.band.key == "sangat-inovatif"


def test_no_innovation_and_no_evidence_cannot_be_assessed(e2023):
    nothing = compute_index(e2023, 0, [])
    assert (nothing.n, nothing.divisor, nothing.index, nothing.band.key) == (0, 10, 0.0, "tidak-dapat-dinilai")


def test_the_same_score_takes_each_editions_predikat():
    # SPD 63 + 20 innovations of SID 80: 63 + 1600/20 + 7,6 = 150,6 of 250 = 60,24
    editions = load_editions()
    results = {year: compute_index(editions.get(year), 63, [80] * 20) for year in (2023, 2024, 2025)}
    assert {r.index for r in results.values()} == {60.24}
    assert [results[y].band.key for y in (2023, 2024, 2025)] == ["sangat-inovatif", "sangat-inovatif", "inovatif"]


def test_only_assessed_stages_count_and_other_years_and_regions_are_left_out(e2023):
    rows = frame([{"id": "a"}, {"id": "b", "stage": "Uji Coba"}, {"id": "c", "year": 2024},
                  {"id": "d", "region": "Kota Palembang"}])
    result = assess(rows, e2023)
    assert result.innovations["id"].tolist() == ["a", "b"]
    assert result.assessed_ids == ["a"] and result.result.n == 1


def test_the_computed_sid_is_shown_beside_the_exports_kematangan(e2023):
    rows = frame([{"id": "a", "maturity": 20.0, "decree": "SK", "video_url": "v"}, {"id": "b"}])
    table = assess(rows, e2023).innovations.set_index("id")
    assert table.loc["a", ["sid", "maturity", "difference"]].tolist() == [7, 20, -13]
    assert pd.isna(table.loc["b", "difference"])


@pytest.mark.parametrize("trial, launch, tier", [
    ("2023-01-10", "2023-05-02", 3),   # 4 months
    ("2023-01-10", "2023-06-02", 2),   # 5 months
    ("2023-01-10", "2023-09-30", 2),   # 8 months
    ("2023-01-10", "2023-10-01", 1),   # 9 months
    ("2023-05-01", "2023-01-01", 0),   # launched before its trial: not known
])
def test_the_speed_of_creation_is_read_from_the_dates(e2023, trial, launch, tier):
    rows = frame([{"id": "a", "trial_date": pd.Timestamp(trial), "launch_date": pd.Timestamp(launch)}])
    assert derived_tiers(rows, e2023).loc["a", "sid-32"] == tier


def test_replication_counts_the_places_up_to_three(e2023):
    rows = frame([{"id": "a", "replicated_by": "Kota Palembang"},
                  {"id": "b", "replicated_by": "Kota Palembang; Kabupaten Lahat; Kota Pagar Alam; Kabupaten Musi"}])
    assert derived_tiers(rows, e2023)["sid-31"].tolist() == [1, 3]


def test_what_if_with_few_innovations_puts_the_government_documents_first(e2023):
    # Two innovations, nothing for the government: one SPD document of weight 2 (innovator rewards) adds
    # 2/250 = 0,8 points; a video for both innovations adds only 2 × 4 / MAX(10, 2) / 250 = 0,32. The
    # statistics (investment, PAD, the audit opinion: weight 1,5) are measured, never proposed.
    rows = frame([{"id": "a", "decree": "SK"}, {"id": "b"}])
    moves = what_if(assess(rows, e2023), limit=None)
    best = moves[0]
    assert (best.indicator, best.tier, best.documents, best.ids) == ("spd-12", 1, 1, ())
    assert best.points == pytest.approx(0.8)
    assert [m.indicator for m in moves[1:6]] == ["spd-01", "spd-13a", "spd-14", "spd-15", "sid-35"]
    assert not {"spd-06", "spd-07", "spd-08", "sid-32"} & {m.indicator for m in moves}
    video = next(m for m in moves if m.indicator == "sid-35")
    assert (video.tier, video.ids, video.points) == (1, ("a", "b"), pytest.approx(0.32))
    sk = next(m for m in moves if m.indicator == "sid-16" and m.tier == 1)
    assert sk.ids == ("b",) and sk.points == pytest.approx(3 / 10 / 250 * 100)


def test_what_if_with_the_government_complete_ranks_by_points_per_document(e2023):
    # Everything at tier 3 but the regulation: 12 innovations, 6 with an SK (tier 1), 6 without. The SK for
    # those 6 adds 6 × 3 / 12 / 250 × 100 = 0,6 points, as does a Perkada for the other 6 (tier 2).
    rows = frame([{"id": f"i{n}", "decree": "SK" if n < 6 else None} for n in range(12)])
    evidence = Evidence(sid={(f"i{n}", i.key): 3 for n in range(12) for i in e2023.sid if i.key != "sid-16"},
                        spd={i.key: 3 for i in e2023.spd})
    assessment = assess(rows, e2023, evidence)
    moves = what_if(assessment)
    assert [(m.indicator, m.tier, m.ids) for m in moves] == [
        ("sid-16", 1, tuple(f"i{n}" for n in range(6, 12))), ("sid-16", 2, tuple(f"i{n}" for n in range(6)))]
    assert [m.points for m in moves] == [pytest.approx(0.6)] * 2
    assert moves[0].index == round(assessment.result.exact + 0.6, 2)


def test_what_if_prefers_more_points_for_the_same_price(e2023):
    # Per document, a video (weight 4) for 12 innovations beats everything; replication and benefit (weight 3)
    # for all 12 come before the SK (weight 3) for the 6 without one: same price per document, more points.
    rows = frame([{"id": f"i{n}", "decree": "SK" if n < 6 else None} for n in range(12)])
    moves = what_if(assess(rows, e2023, Evidence(spd={i.key: 3 for i in e2023.spd})), limit=4)
    assert [(m.indicator, m.tier, m.documents) for m in moves] == [
        ("sid-35", 1, 12), ("sid-31", 1, 12), ("sid-33", 1, 12), ("sid-16", 1, 6)]


def test_what_if_leaves_out_what_is_already_at_the_top(e2023):
    rows = frame([{"id": "a"}])
    evidence = Evidence(sid={("a", i.key): 3 for i in e2023.sid}, spd={i.key: 3 for i in e2023.spd})
    assert what_if(assess(rows, e2023, evidence)) == []
