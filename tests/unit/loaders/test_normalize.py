"""Cell values → canonical values."""

import datetime as dt

import pandas as pd
import pytest

from loaders import load_reference
from loaders.normalize import parse_date, parse_year, resolve_agency, resolve_enum, resolve_sector, \
    resolve_sector_list
from loaders.text import clean_text

REFERENCE = load_reference()


@pytest.mark.parametrize("value, year", [
    (2016, 2016), (2016.0, 2016), ("2016", 2016), (" 2016 ", 2016), ("2016.0", 2016), ("Th. 2016", 2016),
    ("Tahun 2016", 2016), (dt.date(2016, 5, 1), 2016), (dt.datetime(2016, 5, 1, 8), 2016), (None, None),
    ("-", None), ("", None),
])
def test_parse_year_accepts_every_way_a_year_is_written(value, year):
    assert parse_year(value) == year


@pytest.mark.parametrize("value", ["dua ribu", "2016/2017", 2016.5, "16-05"])
def test_parse_year_rejects_what_is_not_a_year(value):
    with pytest.raises(ValueError):
        parse_year(value)


@pytest.mark.parametrize("value, date, precision", [
    (dt.date(2016, 3, 8), "2016-03-08", "day"),
    (dt.datetime(2016, 3, 8, 10, 30), "2016-03-08", "day"),
    (42437, "2016-03-08", "day"),              # Excel serial
    (42437.0, "2016-03-08", "day"),
    ("42437", "2016-03-08", "day"),
    ("08-03-2016", "2016-03-08", "day"),
    ("8/3/2016", "2016-03-08", "day"),
    ("2016-03-08", "2016-03-08", "day"),
    ("8 Maret 2018", "2018-03-08", "day"),
    ("Maret 2016", "2016-03-01", "month"),
    ("MARET 2016", "2016-03-01", "month"),
    ("Agt 2016", "2016-08-01", "month"),
    ("03/2016", "2016-03-01", "month"),
    ("2014", "2014-01-01", "year"),
    (2014, "2014-01-01", "year"),
])
def test_parse_date_keeps_the_precision(value, date, precision):
    assert parse_date(value) == (pd.Timestamp(date), precision)


@pytest.mark.parametrize("value", [None, "", "-", "—", "n/a", "N/A", "  "])
def test_missing_markers_are_missing(value):
    assert clean_text(value) is None
    assert parse_date(value) == (None, None)


@pytest.mark.parametrize("value", ["31-02-2016", "besok", "Maretan 2016", "13-13-2016"])
def test_parse_date_rejects_impossible_dates(value):
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize("written, agency, unit", [
    ("Dinas Kesehatan", "Dinas Kesehatan", None),
    ("DINAS KESEHATAN", "Dinas Kesehatan", None),
    ("Dinkes", "Dinas Kesehatan", None),
    ("DINKES", "Dinas Kesehatan", None),
    ("Dinas Kesehatan Kab. Muara Enim", "Dinas Kesehatan", None),
    ("Dinas Kesehatan Kabupaten Muara Enim", "Dinas Kesehatan", None),
    ("Dinas Kesehatan (dinkes_muaraenim)", "Dinas Kesehatan", None),
    ("Puskesmas Tanjung Enim", "Dinas Kesehatan", "UPTD Puskesmas Tanjung Enim"),
    ("UPTD PUSKESMAS UJAN MAS", "Dinas Kesehatan", "UPTD Puskesmas Ujan Mas"),
    ("BPMPD", "Dinas Pemberdayaan Masyarakat dan Desa", None),
    ("Badan Pemberdayaan Masyarakat dan Pemerintahan Desa", "Dinas Pemberdayaan Masyarakat dan Desa", None),
    ("Kantor Ketahanan Pangan", "Dinas Ketahanan Pangan", None),
    ("Dinas PU Cipta Karya", "Dinas Perumahan Rakyat dan Kawasan Permukiman", None),
    ("Dinas Tanaman Pangan dan Hortikultura", "Dinas Tanaman Pangan Hortikultura dan Peternakan", None),
    ("Bagian Administrasi SDA Setda", "Sekretariat Daerah", "Bagian Administrasi SDA"),
    ("Kecamatan Gelumbang", "Kecamatan Gelumbang", None),
    ("Kec. Semende Darat Tengah", "Kecamatan Semende Darat Tengah", None),
    ("Camat Muara Enim", "Kecamatan Muara Enim", None),
    ("Kecamatan Muara Enim", "Kecamatan Muara Enim", None),
])
def test_resolve_agency_maps_every_variant_to_todays_agency(written, agency, unit):
    match = resolve_agency(written, REFERENCE)
    assert (match.agency, match.unit) == (agency, unit)


def test_resolve_agency_returns_none_for_unknown_names():
    assert resolve_agency("Dinas Antah Berantah", REFERENCE) is None


@pytest.mark.parametrize("written, sector", [
    ("kesehatan", "Kesehatan"), ("PENDIDIKAN", "Pendidikan"), ("Adminduk", "Administrasi Kependudukan dan Pencatatan Sipil"),
    ("koperasi, usaha kecil, dan menengah", "Koperasi, Usaha Kecil, dan Menengah"),
    ("Urusan Kesehatan", "Kesehatan"), ("tidak ada", None),
])
def test_resolve_sector_ignores_case_and_punctuation(written, sector):
    assert resolve_sector(written, REFERENCE) == sector


def test_overlapping_sectors_are_matched_against_the_taxonomy_not_split_on_commas():
    names, leftover = resolve_sector_list(
        "koperasi, usaha kecil, dan menengah, perdagangan, ketenteraman, ketertiban umum, dan pelindungan "
        "masyarakat", REFERENCE)
    assert names == ("Koperasi, Usaha Kecil, dan Menengah", "Perdagangan",
                     "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat")
    assert leftover == ""


def test_overlapping_sectors_report_what_does_not_match():
    names, leftover = resolve_sector_list("kesehatan, urusan antariksa", REFERENCE)
    assert names == ("Kesehatan",) and leftover == "antariksa"


@pytest.mark.parametrize("field, written, value", [
    ("stage", "PENERAPAN", "Penerapan"), ("stage", "uji coba", "Uji Coba"), ("stage", "Uji-Coba", "Uji Coba"),
    ("kind", "Non Digital", "Non Digital"), ("kind", "non-digital", "Non Digital"), ("kind", "Teknologi", "Teknologi"),
    ("form", "Inovasi Pelayanan Publik", "Pelayanan Publik"),
    ("form", "Inovasi Daerah lainnya sesuai dengan Urusan Pemerintahan yang menjadi kewenangan Daerah",
     "Lainnya (sesuai urusan)"),
    ("initiator", "Kepala Daerah", "Kepala Daerah"), ("initiator", "asn", "ASN"),
    ("status", "masih berjalan", "Berjalan"), ("stage", "selesai", None),
])
def test_resolve_enum(field, written, value):
    assert resolve_enum(field, written, REFERENCE) == value


@pytest.mark.parametrize("value", ["inf", "-inf", "1e999", "Infinity", float("inf"), float("nan")])
def test_non_finite_numbers_are_told_apart_from_bad_ones(value):
    from loaders.normalize import NotFinite, parse_number

    with pytest.raises(NotFinite):
        parse_number(value)
    with pytest.raises(NotFinite):
        parse_year(value)
    with pytest.raises(ValueError) as bad:
        parse_number("delapan")
    assert not isinstance(bad.value, NotFinite)


def test_control_characters_are_removed_from_text_and_names():
    from loaders.text import clean_name

    assert clean_text("Inovasi\x00 Sehat\x1b[31m\u202e") == "Inovasi Sehat[31m"
    assert clean_text("Baris\r\nbaru\tdan tab") == "Baris baru dan tab"
    assert clean_name("rekap\nOK  palsu\x1b[2J.xlsx") == "rekap OK palsu[2J.xlsx"
    assert clean_name("Rekap 2016.xlsx") == "Rekap 2016.xlsx"
