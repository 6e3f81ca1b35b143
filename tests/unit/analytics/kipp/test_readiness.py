"""KIPP readiness, rule by rule, then the outcome, the score, the shortlist and the JSON shape."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analytics.kipp.readiness import (FAIL, MISSING, PASS, UnknownInnovation, evaluate, main_gaps,
                                           shortlist, status_counts, summary, to_dict, to_json)
from loaders.schema import KIPP_SECTIONS


def words(count: int) -> str:
    return " ".join(["kata"] * count)


def ready_row(**overrides) -> dict:
    """An innovation that is Siap for every edition: old, running, complete, no awards."""
    row = {
        "id": "r1", "name": "Antrean Daring Puskesmas", "agency": "Dinas Kesehatan", "agency_raw": "DINKES",
        "year": 2016, "stage": "Penerapan", "status": "Berjalan",
        "launch_date": pd.Timestamp("2016-01-04"), "launch_date_precision": "day",
        "trial_date": pd.NaT, "trial_date_precision": None, "awards": None,
        "decree": "SK Kepala Dinas Kesehatan No. 12/2016", "video_url": "https://youtu.be/abc",
        "form": "Pelayanan Publik", "sdgs": "3",
        # 150 words: within every limit (min 200) and a full quarter of the largest (600)
        **{key: words(150) for key in KIPP_SECTIONS},
    }
    row.update(overrides)
    return row


def make_frame(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    for column in ("launch_date", "trial_date"):
        if column in frame:
            frame[column] = pd.to_datetime(frame[column])
    return frame


def check_of(readiness, rule: str, position: int = 0, lang: str = "id") -> dict:
    return next(c for c in readiness.checks_for(position, lang) if c["rule"] == rule)


def state_of(readiness, rule: str, position: int = 0) -> tuple[int, str]:
    check = next(c for c in readiness.checks if c.rule == rule)
    return int(check.state[position]), check.code[position]


# --- age at the edition's close -----------------------------------------------------------------

@pytest.mark.parametrize("edition, launch, precision, expected", [
    # exactly the minimum age at the close passes; one day short fails
    (2018, "2017-03-31", "day", (PASS, "age.ok")),
    (2018, "2017-04-01", "day", (FAIL, "age.young")),
    (2021, "2019-05-11", "day", (PASS, "age.ok")),
    (2021, "2019-05-12", "day", (FAIL, "age.young")),
    (2023, "2021-05-06", "day", (PASS, "age.ok")),
    (2023, "2021-05-07", "day", (FAIL, "age.young")),
    # year-only and month-only dates: judged from the last day of the period
    (2018, "2016-01-01", "year", (PASS, "age.ok_year")),
    (2018, "2017-01-01", "year", (FAIL, "age.young_year")),   # even January 2017 would have been enough
    (2018, "2017-03-01", "month", (PASS, "age.ok_month")),    # 31-03-2017: exactly one year
    (2018, "2017-04-01", "month", (FAIL, "age.young_month")),
    (2018, None, None, (MISSING, "age.missing")),
])
def test_readiness_age_at_close(edition, launch, precision, expected):
    frame = make_frame(ready_row(launch_date=launch, launch_date_precision=precision))
    assert state_of(evaluate(frame, edition), "age") == expected


def test_readiness_age_year_only_says_it_was_judged_conservatively():
    frame = make_frame(ready_row(launch_date="2017-01-01", launch_date_precision="year"))
    readiness = evaluate(frame, 2018)
    assert check_of(readiness, "age") == {
        "rule": "age", "passed": False, "missing": False,
        "message": "Hanya tahun penerapan yang tercatat (2017); dinilai hati-hati dari akhir tahun "
                   "(31 Desember 2017), belum 12 bulan pada penutupan 31 Maret 2018. Jika tanggal sebenarnya "
                   "paling lambat 31 Maret 2017, catat tanggal lengkapnya."}
    assert "judged conservatively from the year's last day (31 December 2017)" in check_of(readiness, "age", lang="en")[
        "message"]


@pytest.mark.parametrize("trial, expected", [
    ("2017-06-01", (FAIL, "age.young_trial")),   # the trial began after the cut-off: cannot be old enough
    ("2016-06-01", (MISSING, "age.missing")),    # could be old enough: the launch date is what is missing
])
def test_readiness_age_without_launch_date_uses_the_trial_as_a_bound(trial, expected):
    frame = make_frame(ready_row(launch_date=None, launch_date_precision=None, trial_date=trial,
                                 trial_date_precision="day"))
    assert state_of(evaluate(frame, 2018), "age") == expected


def test_readiness_age_of_a_past_winner_uses_the_khusus_group():
    row = ready_row(launch_date="2019-05-11", awards="2019: Top 45")
    assert state_of(evaluate(make_frame(row), 2021), "age") == (PASS, "age.ok")
    assert check_of(evaluate(make_frame(row), 2021), "age")["message"].startswith("Diterapkan sejak 11 Mei 2019")


# --- stage, status, award history, title --------------------------------------------------------

@pytest.mark.parametrize("stage, expected", [
    ("Penerapan", (PASS, "stage.ok")), ("Uji Coba", (FAIL, "stage.fail")), ("Inisiatif", (FAIL, "stage.fail")),
    (None, (MISSING, "stage.missing")),
])
def test_readiness_stage(stage, expected):
    assert state_of(evaluate(make_frame(ready_row(stage=stage)), 2023), "stage") == expected


def test_readiness_stage_message_names_the_stage_in_each_language():
    readiness = evaluate(make_frame(ready_row(stage="Uji Coba")), 2023)
    assert check_of(readiness, "stage")["message"].startswith("Tahapan: Uji Coba. ")
    assert check_of(readiness, "stage", lang="en")["message"].startswith("Stage: Uji Coba (trial). ")
    messages = next(c for c in readiness.checks if c.rule == "stage").messages("en")
    assert messages[0].startswith("Stage: Uji Coba (trial). ")


@pytest.mark.parametrize("status, expected", [
    ("Berjalan", (PASS, "running.ok")), ("Berhenti", (FAIL, "running.fail")),
    ("Tidak diketahui", (MISSING, "running.missing")), (None, (MISSING, "running.missing")),
])
def test_readiness_still_running(status, expected):
    assert state_of(evaluate(make_frame(ready_row(status=status)), 2023), "running") == expected


@pytest.mark.parametrize("edition, awards, expected, group", [
    (2021, None, (PASS, "group.ok"), "umum"),
    (2021, "2016: Top 99", (PASS, "group.ok_awards"), "umum"),
    (2021, "2016: Top 99; 2018: Top 99", (FAIL, "group.khusus"), "khusus"),        # Top 99 twice
    (2021, "2017: Top 40", (FAIL, "group.khusus"), "khusus"),                      # a past Top 40
    (2018, "2017: Top 40", (FAIL, "group.no_khusus"), "khusus"),                   # 2018 had no khusus group
    (2018, "2018: Top 40", (PASS, "group.ok_awards"), "umum"),                     # not before the edition
    (2021, "2019: Top 99; 2021: Top 99", (PASS, "group.ok_awards"), "umum"),       # only one before 2021
    (2023, "Top Terpuji", (FAIL, "group.khusus"), "khusus"),                       # unknown year counts
    (2023, "TOP-45 KIPP 2019", (FAIL, "group.khusus"), "khusus"),
    (2023, "Juara 1 Lomba Inovasi Provinsi 2019", (PASS, "group.ok"), "umum"),     # not a KIPP award
    (2025, "2023: Top Inovasi", (FAIL, "group.khusus"), "khusus"),                 # a workspace's result "Top Inovasi"
    (2025, "Top Inovasi Pelayanan Publik 2023", (FAIL, "group.khusus"), "khusus"),
    (2022, "2021: Top Inovasi", (FAIL, "group.khusus"), "khusus"),
])
def test_readiness_award_history_decides_the_group(edition, awards, expected, group):
    readiness = evaluate(make_frame(ready_row(awards=awards)), edition)
    assert state_of(readiness, "group") == expected
    assert readiness.table["group"].tolist() == [group]


@pytest.mark.parametrize("edition, awards, message", [
    (2021, "2016: Top 99; 2018: Top 99",
     "Pernah meraih Top 99 ×2 (2016, 2018): tidak bisa ikut kelompok umum; ajukan lewat kelompok khusus."),
    (2018, "2017: Top 40",
     "Pernah meraih Top 40 (2017): tidak bisa ikut kelompok umum, dan KIPP 2018 tidak punya kelompok khusus."),
])
def test_readiness_award_history_message(edition, awards, message):
    assert check_of(evaluate(make_frame(ready_row(awards=awards)), edition), "group")["message"] == message


def test_readiness_duplicate_titles_within_an_institution():
    frame = make_frame(
        ready_row(id="a", name="SiPintar", year=2016),
        ready_row(id="b", name="  SIPINTAR. ", year=2016),
        ready_row(id="e", name="Sipintar", year=2018),              # the same innovation reported again
        ready_row(id="c", name="SiPintar", agency="Dinas Pendidikan", year=2016),
        ready_row(id="d", name="Lain", year=2016),
    )
    readiness = evaluate(frame, 2023)
    assert [state_of(readiness, "title", i) for i in range(5)] == [
        (FAIL, "title.duplicate"), (FAIL, "title.duplicate"), (PASS, "title.other_years"), (PASS, "title.ok"),
        (PASS, "title.ok")]
    assert [check_of(readiness, "title", i)["message"] for i in (0, 2)] == [
        "Judul yang sama dipakai 1 inovasi lain di Dinas Kesehatan pada tahun yang sama (b (2016)): satu judul "
        "hanya untuk satu proposal — gabungkan atau bedakan judulnya.",
        "Judul unik di Dinas Kesehatan pada tahunnya; inovasi yang sama juga tercatat di tahun lain "
        "(a (2016), b (2016)): ajukan satu proposal saja."]
    assert readiness.table["status"].tolist() == ["Belum memenuhi syarat"] * 2 + ["Siap"] * 3


def test_readiness_duplicates_are_found_in_the_whole_data_before_a_view_is_selected():
    frame = make_frame(ready_row(id="a"), ready_row(id="b"))
    view = evaluate(frame, 2023).select(frame.index[frame["id"] == "b"])
    assert (len(view), state_of(view, "title")) == (1, (FAIL, "title.duplicate"))


def test_readiness_shortlist_proposes_an_innovation_recorded_in_several_years_once():
    frame = make_frame(ready_row(id="old", year=2016, adaptability=words(30)), ready_row(id="new", year=2019))
    assert shortlist(evaluate(frame, 2023))["id"].tolist() == ["new"]


# --- sections and attachments -------------------------------------------------------------------

@pytest.mark.parametrize("count, expected", [
    (200, (PASS, "section.ok")), (201, (FAIL, "section.over")), (0, (MISSING, "section.missing")),
])
def test_readiness_section_word_limit(count, expected):
    readiness = evaluate(make_frame(ready_row(summary=words(count) or None)), 2023)
    assert state_of(readiness, "section.summary") == expected


def test_readiness_section_messages():
    readiness = evaluate(make_frame(ready_row(summary=words(201), significance="   ")), 2023)
    assert check_of(readiness, "section.summary")["message"] == (
        "Ringkasan: 201 kata, melebihi batas 200 kata — ringkas.")
    assert check_of(readiness, "section.significance", lang="en") == {
        "rule": "section.significance", "passed": None, "missing": True,
        "message": "Significance: no text yet. It must contain impact before vs after, how it was measured, "
                   "and an evaluation report."}


@pytest.mark.parametrize("column, rule, value, expected", [
    ("decree", "attachment.decree", "SK Bupati No. 918/2016", (PASS, "attachment.ok")),
    ("decree", "attachment.decree", None, (MISSING, "attachment.missing")),
    ("decree", "attachment.decree", " - ", (MISSING, "attachment.missing")),
    ("video_url", "attachment.video", None, (MISSING, "attachment.missing")),
    ("form", "attachment.category", None, (MISSING, "attachment.missing")),
    ("sdgs", "attachment.sdgs", "Pendidikan Berkualitas", (PASS, "attachment.sdgs_ok")),
    ("sdgs", "attachment.sdgs", "SDG 3; 6", (PASS, "attachment.sdgs_ok")),
    ("sdgs", "attachment.sdgs", "kesejahteraan", (MISSING, "attachment.sdgs_unknown")),
    ("sdgs", "attachment.sdgs", None, (MISSING, "attachment.missing")),
])
def test_readiness_attachments(column, rule, value, expected):
    readiness = evaluate(make_frame(ready_row(**{column: value})), 2023)
    assert state_of(readiness, rule) == expected


def test_readiness_sk_missing_vs_present_messages():
    readiness = evaluate(make_frame(ready_row(id="a"), ready_row(id="b", name="B", decree=None)), 2023)
    assert [check_of(readiness, "attachment.decree", i)["message"] for i in range(2)] == [
        "SK penetapan inovator/tim inovasi: ada (SK Kepala Dinas Kesehatan No. 12/2016).",
        "SK penetapan inovator/tim inovasi: tidak ada di data."]
    assert readiness.table["status"].tolist() == ["Siap", "Hampir siap"]


# --- the outcome -------------------------------------------------------------------------------

OUTCOME_ROWS = {
    "ready": ({}, "Siap"),
    "no-sk": ({"decree": None}, "Hampir siap"),
    "unknown-status": ({"status": "Tidak diketahui"}, "Hampir siap"),
    "no-text": ({key: None for key in KIPP_SECTIONS}, "Hampir siap"),
    "trial": ({"stage": "Uji Coba"}, "Belum memenuhi syarat"),
    "stopped": ({"status": "Berhenti"}, "Belum memenuhi syarat"),
    "young": ({"launch_date": "2022-01-01"}, "Belum memenuhi syarat"),
    "too-long": ({"significance": words(601)}, "Belum memenuhi syarat"),
    "young-and-no-sk": ({"launch_date": "2022-01-01", "decree": None}, "Belum memenuhi syarat"),
    "top-40": ({"awards": "2017: Top 40"}, "Jalur khusus"),
    "top-99-twice-stopped": ({"awards": "2015: Top 99; 2016: Top 99", "status": "Berhenti"}, "Jalur khusus"),
}


def test_readiness_outcome_per_innovation():
    frame = make_frame(*(ready_row(id=key, name=key, **changes) for key, (changes, _) in OUTCOME_ROWS.items()))
    readiness = evaluate(frame, 2023)
    assert dict(zip(readiness.table["id"], readiness.table["status"])) == {
        key: status for key, (_, status) in OUTCOME_ROWS.items()}
    assert summary(readiness) == {"Siap": 1, "Hampir siap": 3, "Belum memenuhi syarat": 5, "Jalur khusus": 2}


def test_readiness_missing_information_is_never_a_failed_rule():
    empty = {column: None for column in ready_row() if column not in ("id", "name", "agency")}
    readiness = evaluate(make_frame({"id": "bare", "name": "Recap 2015 row", "agency": "Kecamatan Gelumbang",
                                     **empty}), 2018)
    checks = readiness.checks_for(0)
    assert readiness.table["status"].tolist() == ["Hampir siap"]
    assert [c["rule"] for c in checks if c["passed"] is False] == []
    assert all(c["missing"] == (c["passed"] is None) for c in checks)


def test_readiness_frame_without_optional_columns():
    readiness = evaluate(pd.DataFrame({"name": ["A"], "agency": ["X"]}), 2023)
    assert readiness.table[["id", "status", "score"]].to_dict("records") == [
        {"id": "0", "status": "Hampir siap", "score": 0.0}]


@pytest.mark.parametrize("changes, score", [
    ({}, 100.0),
    ({key: None for key in KIPP_SECTIONS}, 0.0),
    ({key: None for key in KIPP_SECTIONS} | {"significance": words(150)}, 30.0),
    ({key: None for key in KIPP_SECTIONS} | {"significance": words(75)}, 15.0),   # half of a quarter of 600
    ({key: None for key in KIPP_SECTIONS} | {"significance": words(700)}, 30.0),  # words past the limit add nothing
    ({"summary": None}, 100.0),                                                   # Ringkasan weighs 0
    ({"adaptability": None, "novelty": None}, 65.0),
])
def test_readiness_score_from_section_weights(changes, score):
    assert evaluate(make_frame(ready_row(**changes)), 2023).table["score"].tolist() == [score]


# --- shortlist ---------------------------------------------------------------------------------

def _agency_rows(agency: str, count: int, prefix: str) -> list[dict]:
    # scores 100, 95, ... by shortening Adaptabilitas (weight 20, full at 75 words)
    return [ready_row(id=f"{prefix}{i}", name=f"{prefix} inovasi {i:02d}", agency=agency,
                      adaptability=words(75 - 3 * i) if i else words(150)) for i in range(count)]


@pytest.mark.parametrize("edition, kept", [(2021, {"Dinas A": 10, "Dinas B": 3}), (2018, {"Dinas A": 12, "Dinas B": 3})])
def test_readiness_shortlist_respects_the_cap_per_institution(edition, kept):
    frame = make_frame(*_agency_rows("Dinas A", 12, "a"), *_agency_rows("Dinas B", 3, "b"),
                       ready_row(id="x", name="Berhenti", agency="Dinas A", status="Berhenti"))
    readiness = evaluate(frame, edition)
    picked = shortlist(readiness)
    assert picked.groupby("agency").size().to_dict() == kept
    first = picked[picked["agency"] == "Dinas A"]
    assert first["id"].tolist() == [f"a{i}" for i in range(kept["Dinas A"])]
    assert first["rank"].tolist() == list(range(1, kept["Dinas A"] + 1))
    assert first["score"].is_monotonic_decreasing
    everyone = shortlist(readiness, within_cap=False)
    assert (len(everyone), int((~everyone["within_cap"]).sum())) == (15, 12 - kept["Dinas A"])


def test_readiness_shortlist_row():
    picked = shortlist(evaluate(make_frame(ready_row()), 2021))
    assert picked.astype(object).to_dict("records") == [
        {"agency": "Dinas Kesehatan", "group": "umum", "rank": 1, "id": "r1", "name": "Antrean Daring Puskesmas",
         "year": 2016, "score": 100.0, "cap": 10, "within_cap": True}]


# --- views of the result -----------------------------------------------------------------------

def test_readiness_status_counts_by_year_and_agency():
    frame = make_frame(ready_row(id="a", name="a", year=2016), ready_row(id="b", name="b", year=2017, decree=None),
                       ready_row(id="c", name="c", year=2017, agency=None, stage="Uji Coba"))
    readiness = evaluate(frame, 2023)
    assert status_counts(readiness, "year").to_dict("index") == {
        2016: {"Siap": 1, "Hampir siap": 0, "Belum memenuhi syarat": 0, "Jalur khusus": 0},
        2017: {"Siap": 0, "Hampir siap": 1, "Belum memenuhi syarat": 1, "Jalur khusus": 0}}
    assert status_counts(readiness, "agency")["Belum memenuhi syarat"].to_dict() == {"-": 1, "Dinas Kesehatan": 0}


def test_readiness_main_gaps_lists_failures_then_missing():
    frame = make_frame(ready_row(stage="Uji Coba", decree=None), ready_row(id="b", name="b"))
    assert main_gaps(evaluate(frame, 2023), "en") == ["Implementation stage; Decree (SK) naming the innovator/team", ""]


def test_readiness_json_shape_of_design_md():
    frame = make_frame(ready_row(), ready_row(id="r2", name="Kedua", year=None, agency=None, decree=None))
    result = json.loads(json.dumps(to_dict(evaluate(frame, 2023), "id", filters={"query": ""})))
    assert list(result)[:3] == ["edition", "edition_label", "closes"]
    decree = next(c for c in result["innovations"][1]["checks"] if c["rule"] == "attachment.decree")
    assert decree["passed"] is None and decree["missing"] is True and "SK" in decree["message"]
    assert (result["edition"], result["closes"], result["filters"]) == (2023, "2023-05-06", {"query": ""})
    assert result["summary"] == {"Siap": 1, "Hampir siap": 1, "Belum memenuhi syarat": 0, "Jalur khusus": 0}
    first, second = result["innovations"]
    assert {k: v for k, v in first.items() if k != "checks"} == {
        "id": "r1", "name": "Antrean Daring Puskesmas", "agency": "Dinas Kesehatan", "year": 2016,
        "status": "Siap", "score": 100.0, "group": "umum"}
    assert (second["year"], second["agency"]) == (None, None)
    assert [c["rule"] for c in first["checks"]] == [
        "age", "stage", "group", "title", "running", *(f"section.{k}" for k in KIPP_SECTIONS),
        "attachment.decree", "attachment.video", "attachment.category", "attachment.sdgs", "replication"]
    assert all(set(c) == {"rule", "passed", "missing", "message"} for c in first["checks"])
    assert result["shortlist"][0]["id"] == "r1"
    # the vectorised messages of to_dict are the same as the one-by-one ones
    assert second["checks"] == evaluate(frame, 2023).checks_for(1)


def test_readiness_unknown_innovation():
    with pytest.raises(UnknownInnovation, match="'nope' tidak ada"):
        evaluate(make_frame(ready_row()), 2023).position("nope")


def test_readiness_default_edition_is_the_latest():
    assert evaluate(make_frame(ready_row())).edition.year == 2025


def test_readiness_of_many_rows_counts_every_row_once():
    # the speed at 100,000 rows is measured in bench/bench_dashboard.py (a timing assert here flaked under load)
    rng = np.random.default_rng(7)
    n = 5_000
    frame = make_frame(ready_row()).loc[np.zeros(n, dtype=int)].reset_index(drop=True)
    frame["id"] = [f"i{i}" for i in range(n)]
    frame["name"] = [f"Inovasi {i}" for i in range(n)]
    frame["agency"] = rng.choice([f"Dinas {k}" for k in range(40)], n)
    frame["stage"] = rng.choice(["Penerapan", "Uji Coba", None], n)
    frame["significance"] = [words(int(k)) for k in rng.integers(0, 700, n)]
    readiness = evaluate(frame, 2023)
    counts = summary(readiness)
    stage_fails = int((frame["stage"] == "Uji Coba").sum())
    assert sum(counts.values()) == n and counts["Belum memenuhi syarat"] >= stage_fails
    assert len(json.loads(to_json(readiness))["innovations"]) == n


def test_readiness_of_an_empty_frame():
    readiness = evaluate(pd.DataFrame(columns=list(ready_row())), 2018)
    assert (summary(readiness), to_dict(readiness)["innovations"], len(shortlist(readiness))) == (
        {"Siap": 0, "Hampir siap": 0, "Belum memenuhi syarat": 0, "Jalur khusus": 0}, [], 0)
