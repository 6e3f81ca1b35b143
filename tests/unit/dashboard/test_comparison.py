"""The /data preview's comparison (dashboard.components.comparison): values as people read them."""

from dashboard.components.comparison import value_text


def test_compared_dates_are_written_out_by_the_one_formatter():
    assert value_text("launch_date", "2018-03-08", "id") == "8 Maret 2018"
    assert value_text("launch_date", "2018-04", "en") == "April 2018"
    assert value_text("trial_date", "2017", "id") == "2017"
    assert value_text("stage", "Uji Coba", "id") == "Uji Coba"
    assert value_text("launch_date", "", "en") == "(empty)"
