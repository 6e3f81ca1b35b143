"""IID editions as data: data/reference/iid_editions.toml, loaded and validated with clear messages."""

from __future__ import annotations

import pytest

from analytics.iid.editions import EDITIONS_PATH, IIDEditionError, edition_facts, load_editions

TOML = EDITIONS_PATH.read_text(encoding="utf-8")


def _load(tmp_path, text: str):
    path = tmp_path / "iid_editions.toml"
    path.write_text(text, encoding="utf-8")
    load_editions.cache_clear()
    try:
        return load_editions(path)
    finally:
        load_editions.cache_clear()


def _failure(tmp_path, text: str, lang: str = "en") -> str:
    with pytest.raises(IIDEditionError) as caught:
        _load(tmp_path, text)
    return caught.value.message(lang)


def test_the_four_editions_with_15_spd_and_20_sid_indicators():
    editions = load_editions()
    assert editions.years == [2023, 2024, 2025, 2026]
    for edition in editions.by_year.values():
        assert len({i.number.rstrip("ab") for i in edition.spd}) == 15
        assert [int(i.number) for i in edition.sid] == list(range(16, 36))
        assert all(len(i.tiers) == 3 for i in edition.indicators)
        # the published totals: SID (an export's Kematangan) out of 111, SPD 63 = 25,2% of 250
        assert (edition.sid_max, edition.spd_max, edition.max_total) == (111, 63, 250)


def test_every_value_is_marked_verified_or_not_with_its_source():
    editions = load_editions()
    for edition in editions.by_year.values():
        rows = edition_facts(edition, "en")
        assert len(rows) == 5 + len(edition.bands) + len(edition.indicators)
        assert all(isinstance(row["verified"], bool) and row["source"] for row in rows)
    # what the sources say: 2023's formula and bands are verified, 2025's lower bands are not
    e2023, e2025 = editions.get(2023), editions.get(2025)
    assert e2023.divisor_min.verified and e2023.divisor_min.value == 10
    assert all(band.start.verified for band in e2023.bands)
    assert {b.key: b.start.verified for b in e2025.bands} == {
        "sangat-inovatif": True, "inovatif": False, "kurang-inovatif": False, "tidak-dapat-dinilai": False}


def test_2026_is_2025_copied_with_every_value_unverified_and_the_reason():
    """No published 2026 rule was found: the edition is IID 2025's values, none verified, each citing a
    source that says where it came from (the third-party reading of the 2026 letter, or no source)."""
    editions = load_editions()
    e2025, e2026 = editions.get(2025), editions.get(2026)
    rows = edition_facts(e2026, "en")
    assert not any(row["verified"] for row in rows)
    assert [r["value"] for r in rows] == [r["value"] for r in edition_facts(e2025, "en")]
    assert [i.weight.value for i in e2026.indicators] == [i.weight.value for i in e2025.indicators]
    assert {e2026.divisor_min.source, *(b.start.source for b in e2026.bands)} == {"assumed-2026"}
    assert "IID 2025's, copied unchanged" in editions.sources["assumed-2026"].en
    assert "disalin tanpa perubahan" in editions.sources["assumed-2026"].id
    assert {e2026.indicators_fact.source, e2026.count_fact.source, e2026.sid_max_fact.source} == {"catalog-2026"}


@pytest.mark.parametrize("year, boundary, below", [(2023, 60.01, 60.00), (2024, 60.01, 60.00), (2025, 65.01, 65.00),
                                                    (2026, 65.01, 65.00)])
def test_sangat_inovatif_starts_at_each_editions_threshold(year, boundary, below):
    edition = load_editions().get(year)
    assert edition.band(boundary).key == "sangat-inovatif"
    assert edition.band(below).key == "inovatif"
    assert edition.band(100).key == "sangat-inovatif"


@pytest.mark.parametrize("year, inovatif, kurang", [(2023, 35.00, 34.99), (2024, 35.00, 34.99), (2025, 35.01, 35.00),
                                                     (2026, 35.01, 35.00)])
def test_the_lower_bands_at_their_boundaries(year, inovatif, kurang):
    edition = load_editions().get(year)
    assert edition.band(inovatif).key == "inovatif"
    assert edition.band(kurang).key == "kurang-inovatif"
    assert edition.band(0.01).key == "kurang-inovatif"
    assert edition.band(0).key == "tidak-dapat-dinilai"


def test_the_band_is_read_on_the_index_rounded_to_two_decimals():
    edition = load_editions().get(2023)
    assert edition.band(60.004).key == "inovatif"        # 60.00
    assert edition.band(60.005).key == "sangat-inovatif"  # 60.01 (60.005 is stored as 60.00500000000000256)
    assert edition.band(0.004).key == "tidak-dapat-dinilai"


def test_adding_an_edition_is_a_data_edit(tmp_path):
    block = TOML[TOML.index("[[edition]]\nyear = 2026"):]
    text = TOML + "\n" + block.replace("year = 2026", "year = 2027").replace('label = "IID 2026"', 'label = "IID 2027"') \
        .replace("value = 65.01", "value = 70.01")
    editions = _load(tmp_path, text)
    assert editions.years == [2023, 2024, 2025, 2026, 2027]
    assert editions.latest.band(70.00).key == "inovatif" and editions.latest.band(70.01).key == "sangat-inovatif"


def test_an_unknown_edition_names_the_ones_there_are():
    with pytest.raises(IIDEditionError) as caught:
        load_editions().get(2019)
    assert caught.value.message("en") == ("IID edition 2019 is not in data/reference/iid_editions.toml "
                                          "(available: 2023, 2024, 2025, 2026).")
    assert "tersedia: 2023, 2024, 2025, 2026" in caught.value.message("id")


def test_the_default_edition_is_the_latest_the_data_reaches():
    editions = load_editions()
    assert editions.reached([2015, 2025]).year == 2025      # the sample: no 2026 innovations, 2026 would be empty
    assert editions.reached([2024, 2026, 2027]).year == 2026
    assert editions.reached([2023]).year == 2023
    assert editions.reached([2019]).year == 2026 == editions.reached([]).year   # none reached: the latest


@pytest.mark.parametrize("old, new, expected", [
    ('source = "ngawi-2022" }', 'source = "nowhere" }',
     "iid_editions.toml: edition 2023.sid_max: source 'nowhere' is not in [sources]."),
    ('weight = { value = 4, verified = false, source = "catalog-2026" }',
     'weight = { value = 5, verified = false, source = "catalog-2026" }',
     "iid_editions.toml: edition 2023.sid_max: 111 is written, but the indicator weights give 114; check the "
     "weights."),
    ('derive = "video"', 'derive = "telepathy"',
     "iid_editions.toml: indicator_sets.iid-2023.sid-35.derive: 'telepathy' is unknown; choose one of: regulation, "
     "budget, sop, evaluation, video, replication, speed."),
    ('tiers = ["9 bulan atau lebih", "5-8 bulan", "1-4 bulan"]', 'tiers = ["9 bulan atau lebih"]',
     "iid_editions.toml: indicator_sets.iid-2023.sid-32.tiers: must be a list of 3 texts (parameters 1 to 3)."),
    ('{ key = "tidak-dapat-dinilai", from = { value = 0, verified = true, source = "sosialisasi-2023" } },', "",
     "iid_editions.toml: edition 2023.predikat: one band must start at 0 (cannot be assessed)."),
    ('assessed_stages = { value = ["Penerapan"], verified = false, source = "assumed" }\npredikat = [\n'
     '  { key = "sangat-inovatif", from = { value = 60.01, verified = true, source = "sosialisasi-2023" } },',
     'assessed_stages = { value = ["Selesai"], verified = false, source = "assumed" }\npredikat = [\n'
     '  { key = "sangat-inovatif", from = { value = 60.01, verified = true, source = "sosialisasi-2023" } },',
     "iid_editions.toml: edition 2023.assessed_stages: '['Selesai']' is unknown; choose one of: Inisiatif, Uji Coba, "
     "Penerapan."),
    ("year = 2024", "year = 2023", "iid_editions.toml: edition 2023: this year appears twice."),
    ('smpantura-2024 = { id = "', 'smpantura-2024 = "smpantura.news"\nold = { id = "',
     'iid_editions.toml: [sources].smpantura-2024: must be a table { id = "…", en = "…" }: the source in Indonesian '
     'and English.'),
])
def test_a_malformed_file_says_where_and_what(tmp_path, old, new, expected):
    assert old in TOML
    assert _failure(tmp_path, TOML.replace(old, new, 1)) == expected


def test_the_messages_come_in_indonesian_too(tmp_path):
    message = _failure(tmp_path, TOML.replace("year = 2024", "year = 2023"), "id")
    assert message == "iid_editions.toml: edition 2023: tahun ini muncul dua kali."


def test_an_unreadable_file_is_one_clear_message(tmp_path):
    assert _failure(tmp_path, "format = [").startswith("iid_editions.toml cannot be read: ")


def test_sources_are_worded_in_the_reader_s_language():
    """/iid in Indonesian never cites its rules' sources in English."""
    for edition in load_editions().by_year.values():
        for row in edition_facts(edition, "id"):
            assert not {"the", "and", "of", "from", "found"} & set(row["source"].replace("(", " ").split()), row
    rows = edition_facts(load_editions().get(2025), "id")
    assert any(row["source"].startswith("ketik.com, 15 Des 2025") for row in rows)
