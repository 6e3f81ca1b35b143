"""KIPP replication-group readiness (analytics/kipp/replication.py) on hand-made innovations at the
boundaries: an innovation adopted from another region is judged in the edition's replication group (its
1-year minimum age and cap) instead of the general group (2 years), and its checklist says so; the
region it came from must be named (missing information) and cannot be this regency (a failed rule); an
edition without a replication group, and a past winner, keep their group."""

from __future__ import annotations

import pytest

from analytics.kipp.editions import edition_facts, load_editions
from analytics.kipp.readiness import FAIL, MISSING, PASS, evaluate, shortlist, to_dict
from tests.unit.analytics.kipp.test_readiness import check_of, make_frame, ready_row, state_of

LAHAT = "Kabupaten Lahat"


def adopted(**overrides) -> dict:
    return ready_row(**{"replicated_from": "Musrenbang Perempuan Keliling", "replicated_from_region": LAHAT,
                        **overrides})


@pytest.mark.parametrize("row, group, age", [
    # KIPP 2025 closes 3 Jun 2025: the replication group asks 12 months, the general group 24
    (adopted(launch_date="2024-06-03"), "replikasi", (PASS, "age.ok")),      # exactly a year: old enough
    (adopted(launch_date="2024-06-04"), "replikasi", (FAIL, "age.young")),   # a day short
    (ready_row(launch_date="2024-06-03"), "umum", (FAIL, "age.young")),      # not adopted: two years asked
    (ready_row(launch_date="2023-06-03"), "umum", (PASS, "age.ok")),
])
def test_an_adopted_innovation_is_judged_by_the_replication_groups_minimum_age(row, group, age):
    readiness = evaluate(make_frame(row), 2025)
    assert readiness.table["group"].iloc[0] == group
    assert state_of(readiness, "age") == age
    assert check_of(readiness, "age")["message"].count("12 bulan" if group == "replikasi" else "24 bulan") == 1


def test_the_checklist_says_where_it_came_from_and_which_rules_judge_it():
    readiness = evaluate(make_frame(adopted(launch_date="2024-06-03"), ready_row(id="r2", name="Lain")), 2025)
    assert state_of(readiness, "replication", 0) == (PASS, "replication.ok")
    assert check_of(readiness, "replication", 0, "en")["message"] == (
        "Replicates Musrenbang Perempuan Keliling (Kabupaten Lahat): judged by the rules of the KIPP 2025 "
        "replication group (at least 12 months old).")
    assert readiness.table["status"].tolist() == ["Siap", "Siap"]
    assert state_of(readiness, "replication", 1) == (PASS, "replication.none")


@pytest.mark.parametrize("region, expected, status", [
    ("", (MISSING, "replication.no_region"), "Hampir siap"),                     # 2025 asks for the origin
    ("kabupaten  MUARA enim", (FAIL, "replication.own_region"), "Belum memenuhi syarat"),   # ourselves
])
def test_the_region_it_came_from_must_be_named_and_another(region, expected, status):
    readiness = evaluate(make_frame(adopted(replicated_from_region=region)), 2025)
    assert state_of(readiness, "replication") == expected
    assert readiness.table["status"].iloc[0] == status


def test_an_edition_without_a_replication_group_judges_it_in_the_general_group():
    # KIPP 2022 (closes 15 Apr 2022) has no replication group: 24 months, not 12
    readiness = evaluate(make_frame(adopted(launch_date="2021-03-01")), 2022)
    assert readiness.table["group"].iloc[0] == "umum"
    assert state_of(readiness, "age") == (FAIL, "age.young")
    assert state_of(readiness, "replication") == (PASS, "replication.no_group")


def test_a_past_winner_stays_in_the_group_its_awards_decide():
    readiness = evaluate(make_frame(adopted(awards="2019: Top 45")), 2025)
    assert readiness.table["group"].iloc[0] == "khusus"
    assert state_of(readiness, "replication") == (PASS, "replication.past_winner")


def test_the_shortlist_keeps_the_replication_groups_cap_apart_from_the_general_group():
    rows = [adopted(id=f"a{n}", name=f"Adopsi {n}") for n in range(6)] + [ready_row(id=f"u{n}", name=f"Umum {n}")
                                                                         for n in range(3)]
    ranked = shortlist(evaluate(make_frame(*rows), 2025))
    assert ranked.groupby("group").size().to_dict() == {"replikasi": 5, "umum": 3}   # 2025: 5 replikasi per institution


def test_the_replication_rules_are_data_marked_unverified_with_their_source():
    edition = load_editions().get(2025)
    group = edition.group("replikasi")
    assert (group.min_age_months.value, group.cap.value) == (12, 5)
    assert group.origin_required.value is True and not group.origin_required.verified
    assert group.origin_required.source == "replication-origin"
    assert any(row["rule"] == "Kelompok replikasi: asal replikasi" and not row["verified"]
               for row in edition_facts(edition, "id"))
    assert load_editions().get(2021).group("replikasi").min_age_months.verified


def test_readiness_json_keeps_its_shape_and_adds_the_replication_check():
    result = to_dict(evaluate(make_frame(adopted()), 2025))
    innovation = result["innovations"][0]
    assert list(innovation) == ["id", "name", "agency", "year", "status", "score", "group", "checks"]
    assert innovation["group"] == "replikasi"
    check = next(c for c in innovation["checks"] if c["rule"] == "replication")
    assert list(check) == ["rule", "passed", "missing", "message"] and check["passed"] is True


def test_a_workspace_setting_marks_the_innovation_adopted():
    from analytics.kipp.workspace import apply_overlay
    from store.identity import identity_key

    row = ready_row(launch_date="2024-06-03")
    workspace = {"identity": identity_key(row["name"], row["agency"], None), "edition": 2025, "status": "draf",
                 "result": None, "values": {"replicated_from": "Musrenbang Perempuan Keliling",
                                            "replicated_from_region": LAHAT}}
    plain, overlaid = make_frame(row), None
    overlaid = apply_overlay(plain, [workspace], 2025)
    assert evaluate(plain, 2025).table["group"].iloc[0] == "umum"
    readiness = evaluate(overlaid, 2025)
    assert readiness.table["group"].iloc[0] == "replikasi" and state_of(readiness, "age") == (PASS, "age.ok")
    assert apply_overlay(plain, [workspace], 2023) is plain      # another edition's setting: none
