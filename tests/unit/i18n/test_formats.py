

def test_plotly_speaks_indonesian_by_default_and_english_on_request():
    from i18n import plotly_locale_config

    indonesian = plotly_locale_config("id")
    assert indonesian["locale"] == "id"
    locale = indonesian["locales"]["id"]
    assert locale["dictionary"]["Download plot as a PNG"] == "Unduh grafik sebagai PNG"
    assert locale["format"]["months"][10] == "November"  # upstream's "Nopember" is an old spelling
    assert (locale["format"]["decimal"], locale["format"]["thousands"]) == (",", ".")
    assert plotly_locale_config("en") == {"locale": "en"}
