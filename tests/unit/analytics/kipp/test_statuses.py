"""The one registry of KIPP statuses (analytics.kipp.statuses): order, labels, hints, colours."""

from __future__ import annotations

import pytest

from analytics.kipp.statuses import REGISTRY, STATUSES, status_label, status_of
from i18n import CATALOG


def test_statuses_are_in_display_order_siap_first():
    assert STATUSES == ("Siap", "Hampir siap", "Belum memenuhi syarat", "Jalur khusus")


@pytest.mark.parametrize("name, lang, label", [
    ("Siap", "id", "Siap"), ("Siap", "en", "Ready"),
    ("Hampir siap", "id", "Hampir siap"), ("Hampir siap", "en", "Almost ready"),
    ("Belum memenuhi syarat", "id", "Belum memenuhi syarat"), ("Belum memenuhi syarat", "en", "Not eligible yet"),
    ("Jalur khusus", "id", "Jalur khusus"), ("Jalur khusus", "en", "Special track"),
])
def test_status_label_comes_from_the_catalog_in_both_languages(name, lang, label):
    assert status_label(name, lang) == label


def test_status_label_of_an_unknown_name_is_the_name_itself():
    assert status_label("Entah", "en") == "Entah" and status_of("Entah") is None


def test_every_status_has_a_label_and_a_hint_in_both_languages_and_its_own_colour():
    for status in REGISTRY:
        for kind in ("status", "status_hint"):
            indonesian, english = CATALOG[f"kipp.{kind}.{status.key}"]
            assert indonesian and english
    assert status_of("Hampir siap").hint("en") == "only information is missing"
    assert len({status.colour for status in REGISTRY}) == len(REGISTRY)
    assert len({status.key for status in REGISTRY}) == len(REGISTRY)
