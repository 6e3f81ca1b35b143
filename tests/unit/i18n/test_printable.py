"""Text shown on a terminal (i18n.printable): control characters escaped, so a name cannot forge or colour lines."""

import pytest

from i18n import printable


@pytest.mark.parametrize("value, expected", [
    ("rekap 2016.xlsx", "rekap 2016.xlsx"), ("Dinas Pendidikan – Bidang é", "Dinas Pendidikan – Bidang é"),
    ("a\nGALAT palsu", "a\\nGALAT palsu"), ("\x1b[31mmerah\x1b[0m", "\\x1b[31mmerah\\x1b[0m"),
    ("a\rb\tc\x00d\x7f", "a\\rb\\tc\\x00d\\x7f"), ("kiri\u202ekanan\u2028", "kiri\\u202ekanan\\u2028"), (7, "7"),
])
def test_printable_escapes_control_characters(value, expected):
    assert printable(value) == expected
