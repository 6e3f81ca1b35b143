"""KIPP editions as data: data/reference/kipp_editions.toml, loaded and validated."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pandas as pd
import pytest

from analytics.kipp.editions import (EDITIONS_PATH, Edition, EditionError, Fact, edition_facts,
                                          load_editions)
from analytics.kipp.readiness import evaluate, summary
from loaders.schema import KIPP_SECTIONS

TOML = EDITIONS_PATH.read_text(encoding="utf-8")


def _facts(value):
    """Every Fact inside an edition, wherever it sits."""
    if isinstance(value, Fact):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _facts(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _facts(item)


def test_editions_are_the_five_of_domain_md():
    editions = load_editions()
    assert editions.years == [2018, 2021, 2022, 2023, 2025]
    assert editions.latest.year == 2025
    assert editions.get(None) is editions.latest


def test_editions_every_value_is_marked_verified_or_not_with_a_known_source():
    editions = load_editions()
    for edition in editions.by_year.values():
        facts = list(_facts(edition))
        assert len(facts) > 20
        for fact in facts:
            assert isinstance(fact.verified, bool)
            assert fact.source in editions.sources and fact.source_text


def test_editions_2023_sections_match_the_form_table():
    sections = load_editions().get(2023).sections
    assert {s.label_id: (s.weight.value, s.max_words.value) for s in sections} == {
        "Ringkasan": (0, 200), "Latar Belakang dan Tujuan": (10, 300), "Kebaruan / Nilai Tambah": (15, 200),
        "Implementasi": (5, 200), "Signifikansi": (30, 600), "Adaptabilitas": (20, 300),
        "Sumber Daya": (5, 200), "Strategi Keberlanjutan": (15, 500)}
    assert [s.key for s in sections] == KIPP_SECTIONS
    assert all(s.weight.verified for s in sections)
    assert not any(s.max_words.verified for s in sections)  # from a provincial copy of the form


def test_editions_older_forms_reuse_the_2023_sections_marked_unverified():
    for year in (2018, 2021, 2022, 2025):
        edition = load_editions().get(year)
        assert edition.sections_fact.value == "form-2023" and edition.sections_fact.verified is False


@pytest.mark.parametrize("year, closes, months, caps, closes_verified", [
    (2018, dt.date(2018, 3, 31), {"umum": 12}, {}, True),
    (2021, dt.date(2021, 5, 11), {"umum": 24, "replikasi": 12, "khusus": 24}, {"umum": 10, "replikasi": 5}, True),
    (2022, dt.date(2022, 4, 15), {"umum": 24, "khusus": 24}, {"umum": 10}, False),
    (2023, dt.date(2023, 5, 6), {"umum": 24, "replikasi": 12, "khusus": 24}, {"umum": 10, "replikasi": 5}, True),
    (2025, dt.date(2025, 6, 3), {"umum": 24, "replikasi": 12, "khusus": 24}, {"umum": 10, "replikasi": 5}, True),
])
def test_editions_close_ages_and_caps(year, closes, months, caps, closes_verified):
    edition = load_editions().get(year)
    assert (edition.close_date, edition.closes.verified) == (closes, closes_verified)
    assert {g.key: g.min_age_months.value for g in edition.groups} == months
    assert {g.key: g.cap.value for g in edition.groups if g.cap} == caps


def test_editions_award_exclusions_of_2021_are_verified():
    rules = load_editions().get(2021).exclusions
    assert [(set(r.results), r.min_count, r.fact.verified) for r in rules] == [
        ({"Top 9", "Top 25", "Top 35", "Top 40", "Top 45", "Top Terpuji"}, 1, True), ({"Top 99"}, 2, True),
        ({"Top Inovasi"}, 1, False)]   # the product's own result label, not in the 2021 juklak


def test_every_edition_keeps_a_past_top_inovasi_out_of_the_general_group_marked_unverified():
    """A proposal's result "Top Inovasi" ([results]) is a winner: no edition lets it enter umum again.
    No juklak found says so in those words, so the rule is marked unverified with its source."""
    editions = load_editions()
    for year in (2018, 2021, 2022, 2023, 2025):
        [rule] = [r for r in editions.get(year).exclusions if "Top Inovasi" in r.results]
        assert (rule.min_count, rule.fact.verified, rule.fact.source) == (1, False, "top-inovasi")


def test_editions_required_attachments_seen_in_the_data():
    edition = load_editions().get(2023)
    assert [(a.key, a.columns) for a in edition.checked_attachments] == [
        ("decree", ("decree",)), ("video", ("video_url",)), ("category", ("form", "sector")), ("sdgs", ("sdgs",))]
    assert {a.key for a in edition.attachments} >= {"launch_statement", "replication_statement", "spbe_form"}


def test_editions_unknown_year_names_the_ones_that_exist():
    with pytest.raises(EditionError, match=r"KIPP edition 2019 is not in.*2018, 2021, 2022, 2023, 2025") as raised:
        load_editions().get(2019)
    assert raised.value.message("id").startswith("Edisi KIPP 2019 tidak ada")


def test_editions_facts_list_says_verified_and_source():
    rows = edition_facts(load_editions().get(2021), "en")
    assert rows[0] == {"rule": "Closes", "value": "11 May 2021", "verified": True,
                       "source": load_editions().sources["mmc-2021-05-10"].en}
    assert {"rule": "General group: cap per institution", "value": "10", "verified": True,
            "source": load_editions().sources["mmc-2021-05-10"].en} in rows


def test_editions_sources_are_worded_in_the_reader_s_language():
    """An Indonesian screen or draft never cites its rules' sources in English."""
    rows = edition_facts(load_editions().get(2021), "id")
    assert rows[0]["source"].startswith("mmcindonesia.id, 10 Mei 2021") and "ditutup 11 Mei 2021" in rows[0]["source"]
    for edition in load_editions().by_year.values():
        for row in edition_facts(edition, "id"):
            assert not {"the", "and", "of", "from"} & set(row["source"].replace("(", " ").split()), row["source"]


def test_a_source_in_one_language_only_is_refused_naming_it(tmp_path):
    path = tmp_path / "kipp.toml"
    path.write_text(re.sub(r"(?m)^jpnn-2023 = .*$", 'jpnn-2023 = "jpnn.com, Apr 2023"',
                           EDITIONS_PATH.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(EditionError) as raised:
        load_editions(path)
    assert raised.value.message("id") == ('kipp.toml: [sources].jpnn-2023: harus tabel { id = "…", en = "…" }: '
                                          'sumber dalam Bahasa Indonesia dan Inggris')


def test_editions_video_limits_and_unsourced_rules_in_words():
    from analytics.kipp.editions import video_limits

    edition = load_editions().get(2025)
    assert video_limits(edition, "id") == "paling lama 5 menit, resolusi minimal 720p, dalam Bahasa Indonesia"
    assert video_limits(load_editions().get(2022), "en") == "at most 3 minutes, uploaded to YouTube"
    indonesian = {row["source"] for row in edition_facts(edition, "id")}
    assert any(source.startswith("Tanpa sumber: diambil dari edisi terdekat") for source in indonesian)
    assert load_editions().sources["assumed"].id not in indonesian  # the catalog's words, not the file's note
    assert any(row["source"].startswith("No source found") for row in edition_facts(edition, "en"))
    assert {row["source"] for row in edition_facts(edition, "en") if row["rule"] == "Video"} == {
        load_editions().sources["domain-2025"].en}


NEW_EDITION = '''
[[edition]]
year = 2026
label = "KIPP 2026"
closes = { value = 2026-04-30, verified = false, source = "assumed" }
default_group = "umum"
sections = { set = "form-2023", verified = false, source = "assumed" }
groups = [
  { key = "umum", min_age_months = { value = 36, verified = false, source = "assumed" }, cap = { value = 1, verified = false, source = "assumed" } },
]
exclusions = []
attachments = [ { key = "decree", required = { value = true, verified = false, source = "assumed" } } ]
video = { verified = false, source = "assumed" }
categories = { scheme = "form", names = [], verified = false, source = "assumed" }
'''


def test_editions_adding_an_edition_is_editing_data_only(tmp_path):
    path = tmp_path / "kipp_editions.toml"
    path.write_text(TOML + NEW_EDITION, encoding="utf-8")
    editions = load_editions(path)
    assert editions.latest.year == 2026
    frame = pd.DataFrame([{"id": "a", "name": "A", "agency": "X", "stage": "Penerapan", "status": "Berjalan",
                           "launch_date": pd.Timestamp("2023-04-30"), "launch_date_precision": "day",
                           "decree": "SK", **{key: "kata " * 60 for key in KIPP_SECTIONS}}])
    readiness = evaluate(frame, editions.latest)
    assert summary(readiness) == {"Siap": 1, "Hampir siap": 0, "Belum memenuhi syarat": 0, "Jalur khusus": 0}
    assert [check.rule for check in readiness.checks][-2:] == ["attachment.decree", "replication"]


@pytest.mark.parametrize("old, new, message", [
    ('source = "gosumut-2018-04-02" }', 'source = "nowhere" }', r"edition 2018\.closes: sumber 'nowhere'"),
    ('closes = { value = 2018-03-31, verified = true,', 'closes = { value = 2018-03-31, verified = "yes",',
     r"edition 2018\.closes: 'verified' harus true atau false"),
    ('closes = { value = 2018-03-31,', 'closes = { value = "31 Maret",', r"edition 2018\.closes: 'value' harus tanggal"),
    ('{ key = "umum", min_age_months = { value = 12,', '{ key = "umumm", min_age_months = { value = 12,',
     r"kelompok 'umumm' tidak ada"),
    ('key = "novelty"', 'key = "kebaruan"', r"'kebaruan' bukan kolom bagian proposal"),
    ('year = 2021', 'year = 2018', r"edition 2018: tahun ini muncul dua kali"),
    ('{ key = "decree", required = { value = true, verified = false, source = "assumed" } },\n  { key = "video"',
     '{ key = "sk", required = { value = true, verified = false, source = "assumed" } },\n  { key = "video"',
     r"lampiran 'sk' tidak ada"),
    ('proposable_stage = "Penerapan"', 'proposable_stage = "Diterapkan"',
     r"terms\.proposable_stage: 'Diterapkan' bukan nilai stage di enums\.csv"),
    ('stopped_status = "Berhenti"', 'stopped_status = ""', r"terms\.stopped_status: harus teks"),
    ('video = { max_minutes = 5,', 'video = { max_menit = 5,', r"edition 2025\.video: batas tidak dikenal: max_menit"),
    ('past_winner_group = "khusus"', 'past_winner_group = "juara"', r"terms\.past_winner_group: kelompok 'juara'"),
    ('award_names = ["terpuji", "inovasi"]', 'award_names = "terpuji"', r"terms\.award_names: harus daftar teks"),
])
def test_editions_malformed_file_names_the_place(tmp_path, old, new, message):
    assert old in TOML
    path = tmp_path / "kipp_editions.toml"
    path.write_text(TOML.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(EditionError) as raised:
        load_editions(path)
    assert re.search(message, raised.value.message("id"))
    assert raised.value.message("en") == str(raised.value) != raised.value.message("id")  # both languages


def test_editions_unreadable_file(tmp_path):
    path = tmp_path / "kipp_editions.toml"
    path.write_text("[[edition]\n", encoding="utf-8")
    with pytest.raises(EditionError, match="cannot be read") as raised:
        load_editions(path)
    assert "tidak bisa dibaca" in raised.value.message("id")


def test_editions_edition_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        load_editions().latest.year = 2030  # type: ignore[misc]
    assert isinstance(load_editions().latest, Edition)


def test_editions_terms_are_what_the_rules_look_for(tmp_path):
    """The stage, the statuses and the award words come from [terms]: editing them changes the verdicts."""
    frame = pd.DataFrame([{"id": "a", "name": "A", "agency": "X", "stage": "Uji Coba", "status": "Tidak diketahui",
                           "awards": "2019: Top Harapan", "launch_date": pd.Timestamp("2015-01-31"),
                           "launch_date_precision": "day"}])
    assert load_editions().latest.terms.proposable_stage == "Penerapan"
    before = evaluate(frame, load_editions().get(2021)).innovation(0)
    path = tmp_path / "kipp_editions.toml"
    path.write_text(TOML.replace('proposable_stage = "Penerapan"', 'proposable_stage = "Uji Coba"')
                    .replace('running_status = "Berjalan"', 'running_status = "Tidak diketahui"')
                    .replace('award_names = ["terpuji", "inovasi"]', 'award_names = ["terpuji", "inovasi", "harapan"]')
                    .replace('"Top 45", "Top Terpuji"], min_count = 1, verified = true',
                             '"Top 45", "Top Terpuji", "Top Harapan"], min_count = 1, verified = true', 1), encoding="utf-8")
    after = evaluate(frame, load_editions(path).get(2021)).innovation(0)
    checks = {name: {c["rule"]: c["passed"] for c in result["checks"]} for name, result in
              (("before", before), ("after", after))}
    assert (checks["before"]["stage"], checks["before"]["running"], checks["before"]["group"]) == (False, None, True)
    assert (checks["after"]["stage"], checks["after"]["running"], checks["after"]["group"]) == (True, True, False)
    assert after["status"] == "Jalur khusus"
