"""Filters: parsed once from the URL or the CLI, round-tripped, applied to the canonical frame."""

import argparse

import pytest

from analytics.filters import Filters, text_mask
from tests.unit.dashboard_frames import frame_of, story_frame

ROUND_TRIP = [
    Filters(),
    Filters(year_from=2015, year_to=2017),
    Filters(year_from=2016),
    Filters(year_to=2017, lang="en"),
    Filters(agencies=("Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang")),
    Filters(sectors=("Koperasi, Usaha Kecil, dan Menengah",), stage="Uji Coba"),
    Filters(kind="Non Digital", form="Lainnya (sesuai urusan)", lang="en"),
    Filters(year_from=2015, year_to=2017, agencies=("A & B", "C=D"), sectors=("E?F",), stage="Penerapan",
            kind="Digital", form="Pelayanan Publik", lang="en"),
    Filters(text="posyandu"),
    Filters(year_from=2016, text="A & B = 50% #1?", lang="en"),
]


@pytest.mark.parametrize("filters", ROUND_TRIP)
def test_filters_round_trip(filters):
    assert Filters.from_query(filters.to_query()) == filters
    assert Filters.from_query("?" + filters.to_query()) == filters


@pytest.mark.parametrize("query, expected", [
    ("", Filters()),
    ("?from=2015&to=2017", Filters(year_from=2015, year_to=2017)),
    ("from=2016.0", Filters(year_from=2016)),
    ("from=abc&to=99999", Filters()),
    ("agency=A&agency=B&agency=A", Filters(agencies=("A", "B"))),
    ("stage=&kind=Digital", Filters(kind="Digital")),
    ("lang=fr", Filters()),
    ("lang=en", Filters(lang="en")),
    ("q=%20posyandu%20", Filters(text="posyandu")),
    ("q=&q=%20", Filters()),
])
def test_filters_from_query_string(query, expected):
    assert Filters.from_query(query) == expected


def test_filters_from_query_mapping_as_dash_pages_pass_it():
    # dash pages call layout(**query) with a str for one value and a list for repeated keys
    query = {"from": "2015", "to": "2017", "agency": ["A", "B"], "sector": "Kesehatan", "stage": ""}
    assert Filters.from_query(query) == Filters(year_from=2015, year_to=2017, agencies=("A", "B"), sectors=("Kesehatan",))


def test_filters_to_query_omits_default_language_and_empty_values():
    assert Filters().to_query() == ""
    assert Filters(year_from=2016, year_to=2016).to_query() == "from=2016&to=2016"
    assert Filters(lang="en").to_query() == "lang=en"
    assert Filters(lang="en").to_query(include_lang=False) == ""
    assert Filters(text="posyandu keliling", lang="en").to_query() == "q=posyandu+keliling&lang=en"


def test_filters_from_args_of_the_cli():
    args = argparse.Namespace(year_from=2015, year_to=None, agency=["A"], sector=None, stage="Penerapan",
                              kind=None, form=None, lang="en")
    assert Filters.from_args(args) == Filters(year_from=2015, agencies=("A",), stage="Penerapan", lang="en")
    args.q = " posyandu "
    assert Filters.from_args(args).text == "posyandu"


def test_filters_replace_and_is_empty():
    filters = Filters(year_from=2015)
    assert not filters.is_empty()
    assert filters.replace(year_from=None).is_empty()
    assert Filters(lang="en").is_empty()
    assert not Filters(text="posyandu").is_empty()


@pytest.mark.parametrize("filters, expected", [
    (Filters(), 202),
    (Filters(year_from=2016, year_to=2016), 67),
    (Filters(year_from=2015, year_to=2017), 202),
    (Filters(year_from=2016), 123),
    (Filters(agencies=("Dinas Kesehatan",)), 51),
    (Filters(agencies=("Dinas Kesehatan", "Dinas Perhubungan")), 100),
    (Filters(year_to=2015, agencies=("Dinas Perhubungan",)), 19),
    (Filters(stage="Penerapan"), 51),
    (Filters(kind="Digital", year_from=2017), 19),
    (Filters(form="Tata Kelola Pemerintahan Daerah"), 0),
])
def test_filters_apply_counts_rows(filters, expected):
    assert len(filters.apply(story_frame())) == expected


def test_filters_apply_with_text_searches_name_agency_and_sector_case_insensitively():
    frame = frame_of([
        {"year": 2016, "name": "Posyandu Keliling", "agency": "Dinas Sosial", "sector": "Sosial"},
        {"year": 2016, "name": "Sekolah Ramah", "agency": "Dinas POSYANDU", "sector": "Pendidikan"},
        {"year": 2017, "name": "Jalan Mulus", "agency": "Dinas PU", "sector": "Posyandu dan Gizi"},
        {"year": 2017, "name": None, "agency": "Dinas Sosial", "sector": None},
        {"year": 2017, "name": "Pos (yandu).*", "agency": "Dinas Sosial", "sector": "Sosial"},
    ])
    assert list(Filters(text="posYANDU").apply(frame)["year"]) == [2016, 2016, 2017]
    assert list(Filters(text="posyandu", year_from=2017).apply(frame)["sector"]) == ["Posyandu dan Gizi"]
    assert list(Filters(text="(yandu).*").apply(frame)["name"]) == ["Pos (yandu).*"]  # literal, not a regex
    assert len(Filters(text="tidak ada").apply(frame)) == 0


def test_text_mask_of_empty_text_keeps_every_row():
    frame = story_frame()
    assert text_mask(frame, None).all() and text_mask(frame, "  ").all()
    assert len(Filters(text="kesehatan").apply(frame)) == int(text_mask(frame, " KESEHATAN ").sum()) > 0
