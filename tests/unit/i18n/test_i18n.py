"""The catalog and the Indonesian formats."""

import pandas as pd
import pytest

from analytics.filters import Filters, describe_filters
from i18n import CATALOG, format_date, format_int, format_pct, format_signed_pct, plotly_separators, t


def test_every_message_has_both_languages():
    for key, (indonesian, english) in CATALOG.items():
        assert indonesian and english, key


def test_t_fills_values_and_falls_back_to_indonesian():
    assert t("finding.down", "id", pct="16%", prev=2016, year=2017) == "Jumlah inovasi turun 16% dari 2016 ke 2017."
    assert t("nav.home", "en") == "Overview"
    assert t("nav.home", "xx") == "Ringkasan"


@pytest.mark.parametrize("function, value, lang, expected", [
    (format_int, 1234, "id", "1.234"),
    (format_int, 1234567, "en", "1,234,567"),
    (format_int, 67, "id", "67"),
    (format_int, None, "id", "—"),
    (lambda v, lang: format_pct(v, lang, 1), 0.125, "id", "12,5%"),
    (lambda v, lang: format_pct(v, lang, 1), 0.125, "en", "12.5%"),
    (format_pct, 0.1642, "id", "16%"),
    (format_signed_pct, -0.1519, "id", "−15,2%"),
    (format_signed_pct, 0.1, "en", "+10.0%"),
])
def test_number_formats(function, value, lang, expected):
    assert function(value, lang) == expected


def test_plotly_separators():
    assert plotly_separators("id") == ",."
    assert plotly_separators("en") == ".,"


@pytest.mark.parametrize("precision, lang, expected", [
    ("day", "id", "8 Maret 2018"),
    ("month", "id", "Maret 2018"),
    ("year", "id", "2018"),
    ("day", "en", "8 March 2018"),
])
def test_format_date_by_precision(precision, lang, expected):
    assert format_date(pd.Timestamp("2018-03-08"), precision, lang) == expected


def test_format_date_missing():
    assert format_date(pd.NaT, "day", "id") == "—"


@pytest.mark.parametrize("filters, expected", [
    (Filters(), "Semua data"),
    (Filters(year_from=2015, year_to=2017, agencies=("Dinas Kesehatan",)), "Tahun 2015–2017 · OPD: Dinas Kesehatan"),
    (Filters(year_from=2016, year_to=2016), "Tahun 2016"),
    (Filters(year_from=2016), "Sejak 2016"),
    (Filters(agencies=("A", "B"), stage="Penerapan"), "OPD: A dan B · Tahapan: Penerapan"),
    (Filters(year_to=2017, sectors=("Kesehatan",), lang="en"), "Up to 2017 · Sector: Kesehatan"),
    (Filters(text="posyandu"), 'Cari: "posyandu"'),
    (Filters(year_from=2016, year_to=2016, text="posyandu", lang="en"), 'Year 2016 · Search: "posyandu"'),
])
def test_describe_filters(filters, expected):
    assert describe_filters(filters) == expected


def test_describe_filters_uses_the_labeler():
    labels = {("sector", "Kesehatan"): "Health", ("kind", "Non Digital"): "Non-digital"}
    text = describe_filters(Filters(sectors=("Kesehatan",), kind="Non Digital", lang="en"), "en",
                            lambda field, value: labels[(field, value)])
    assert text == "Sector: Health · Kind: Non-digital"
