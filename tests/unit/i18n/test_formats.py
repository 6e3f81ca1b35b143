"""One number and date formatter: Indonesian by default, English on request, the same everywhere."""

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from i18n import Bilingual, t
from i18n.formats import (format_date, format_dates, format_datetime, format_int, format_number, format_score,
                          grid_number_format, locale_tag, other_language)


@pytest.mark.parametrize("function, value, lang, expected", [
    (format_number, 82.34, "id", "82,3"),
    (format_number, 82.34, "en", "82.3"),
    (format_number, 1234.5, "id", "1.234,5"),
    (format_number, 1234.5, "en", "1,234.5"),
    (format_number, None, "id", "—"),
    (format_int, 1234, "id", "1.234"),
    (format_int, 1234, "en", "1,234"),
    (format_score, 91.25, "id", "91,3"),       # halves up, like the browser's grid
    (format_number, 0.25, "en", "0.3"),
    (format_score, 91.3, "en", "91.3"),
    (format_score, 80.0, "id", "80"),
    (format_score, 79.96, "id", "80"),
    (format_score, float("nan"), "en", "—"),
    # negatives carry a true minus sign (U+2212, as format_signed_pct), never a hyphen; "-0" has none
    (format_number, -3, "id", "−3,0"),
    (format_number, -1234.5, "en", "−1,234.5"),
    (format_number, -0.04, "id", "0,0"),
    (format_int, -1234, "id", "−1.234"),
    (format_int, -0.4, "en", "0"),
    (format_score, -12.5, "en", "−12.5"),
])
def test_numbers(function, value, lang, expected):
    assert function(value, lang) == expected


@pytest.mark.parametrize("value, precision, lang, expected", [
    (dt.date(2018, 3, 8), "day", "id", "8 Maret 2018"),
    (dt.date(2018, 3, 8), "day", "en", "8 March 2018"),
    (pd.Timestamp("2018-03-08"), "month", "id", "Maret 2018"),
    (np.datetime64("2018-03-08"), "year", "en", "2018"),
    ("2018-12-31", None, "id", "31 Desember 2018"),
])
def test_dates(value, precision, lang, expected):
    assert format_date(value, precision, lang) == expected


@pytest.mark.parametrize("precision", ["day", "month", "year"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_column_of_dates_reads_like_one_date(precision, lang):
    values = pd.Series(pd.to_datetime(["2018-03-08", None, "2020-11-30"]))
    assert list(format_dates(values.to_numpy(), lang, precision)) == [
        format_date(values[0], precision, lang), "", format_date(values[2], precision, lang)]


def test_date_times():
    assert format_datetime("2025-01-31T10:02:33", "id") == "31 Januari 2025 10.02"
    assert format_datetime(pd.Timestamp("2025-01-31 09:05"), "en") == "31 January 2025 09:05"
    assert format_datetime(None, "en") == "—"


def test_grid_numbers_are_formatted_in_the_browser_with_the_pages_locale():
    assert "toLocaleString('id-ID', {maximumFractionDigits: 1})" in grid_number_format("id")["function"]
    assert "toLocaleString('en-GB', {maximumFractionDigits: 1})" in grid_number_format("en")["function"]


def test_languages():
    assert (other_language("id"), other_language("en"), other_language(None)) == ("en", "id", "en")
    assert (locale_tag("id"), locale_tag("en"), locale_tag("xx")) == ("id-ID", "en-GB", "id-ID")


def test_messages_write_their_parameters_in_the_language():
    """Dates, decimals, labels from the data and catalog phrases as parameters all follow `lang`."""
    assert t("loader.file_too_large", "id", size_mb=12.46, limit_mb=10.0).startswith(
        "Berkas 12,5 MB melebihi batas 10 MB.")
    assert t("loader.file_too_large", "en", size_mb=12.46, limit_mb=10.0).startswith("The file is 12.5 MB")
    assert t("cli.readiness.edition", "en", edition="KIPP 2025", closes=dt.date(2025, 6, 3)) == \
        "KIPP 2025 — closes 3 June 2025"
    assert t("kipp.msg.attachment.missing", "en", label=Bilingual("Tautan video", "Video link")) == \
        "Video link: not in the data."
    assert t("kipp.msg.age.ok_month", "id", raw=dt.date(2017, 3, 1), launch=dt.date(2017, 3, 31), months=12,
             close=dt.date(2018, 3, 31)).startswith("Hanya bulan penerapan yang tercatat (Maret 2017)")


def test_plotly_speaks_indonesian_by_default_and_english_on_request():
    from i18n import plotly_locale_config

    indonesian = plotly_locale_config("id")
    assert indonesian["locale"] == "id"
    locale = indonesian["locales"]["id"]
    assert locale["dictionary"]["Download plot as a PNG"] == "Unduh grafik sebagai PNG"
    assert locale["format"]["months"][10] == "November"  # upstream's "Nopember" is an old spelling
    assert (locale["format"]["decimal"], locale["format"]["thousands"]) == (",", ".")
    assert plotly_locale_config("en") == {"locale": "en"}
