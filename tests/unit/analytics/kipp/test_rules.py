"""The small text readers behind the readiness checks: awards, SDGs, words, conservative dates."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.kipp.editions import load_editions
from analytics.kipp.rules import conservative_dates, parse_awards, parse_sdgs, word_counts


@pytest.mark.parametrize("text, awards", [
    ("2017: Top 99; 2019: Top 45", ((2017, "top 99", "Top 99"), (2019, "top 45", "Top 45"))),
    ("TOP-40 KIPP 2018", ((2018, "top 40", "Top 40"),)),
    ("Top Terpuji", ((None, "top terpuji", "Top Terpuji"),)),
    ("Juara 1 Provinsi 2019; 2020: top 99", ((2020, "top 99", "Top 99"),)),
    ("", ()),
])
def test_parse_awards(text, awards):
    assert parse_awards(text, load_editions().latest.terms) == awards


@pytest.mark.parametrize("text, numbers", [
    ("3", (3,)),
    ("3; 6", (3, 6)),
    ("SDG 3; Pendidikan Berkualitas", (3, 4)),
    ("Industri, Inovasi dan Infrastruktur", (9,)),        # a name with a comma stays one name
    ("Good Health and Well-being; Climate Action", (3, 13)),
    ("TPB 16", (16,)),
    ("1, 2, 17", (1, 2, 17)),
    ("18; 0", ()),
    ("kesejahteraan", ()),
    ("", ()),
])
def test_parse_sdgs(text, numbers):
    assert parse_sdgs(text) == numbers


def test_word_counts_treat_empty_markers_as_empty():
    assert word_counts(pd.Series(["satu  dua\ntiga", None, "-", "   ", "n/a", "x"])).tolist() == [3, 0, 0, 0, 0, 1]


def test_conservative_dates_take_the_last_day_of_the_period():
    dates = pd.Series(pd.to_datetime(["2017-01-01", "2017-02-01", "2017-02-14", None]))
    precision = pd.Series(["year", "month", "day", None])
    assert conservative_dates(dates, precision).dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2017-12-31", "2017-02-28", "2017-02-14", ""]
