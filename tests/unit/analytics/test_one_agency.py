"""One Agency One Innovation: compliance against the agency register, per year."""

import pandas as pd
import pandas.testing as pdt

from analytics import one_agency
from tests.unit.dashboard_frames import frame_of

REGISTER = ["Dinas Kesehatan", "Dinas Pendidikan", "Dinas Sosial", "Kecamatan Gelumbang"]


def frame():
    return frame_of([
        {"year": 2015, "agency": "Dinas Kesehatan"},
        {"year": 2015, "agency": "Dinas Kesehatan"},
        {"year": 2015, "agency": "Dinas Pendidikan"},
        {"year": 2016, "agency": "Dinas Sosial"},
        {"year": 2016, "agency": "Unit Tak Dikenal"},  # not in the register: does not count
        {"year": 2017, "agency": "Dinas Kesehatan"},
        {"year": 2017, "agency": "Dinas Pendidikan"},
        {"year": 2017, "agency": "Dinas Sosial"},
        {"year": 2017, "agency": "Kecamatan Gelumbang"},
    ])


def test_compliance_by_year_counts_register_agencies_only():
    expected = pd.DataFrame({
        "year": [2015, 2016, 2017, 2018],
        "innovating": [2, 1, 4, 0],
        "register": [4, 4, 4, 4],
        "missing": [2, 3, 0, 4],
        "rate": [0.5, 0.25, 1.0, 0.0],
    })
    pdt.assert_frame_equal(one_agency.compliance_by_year(frame(), REGISTER, (2015, 2018)), expected)


def test_agencies_without_innovation_in_register_order():
    assert one_agency.agencies_without_innovation(frame(), REGISTER, 2015) == ["Dinas Sosial", "Kecamatan Gelumbang"]
    assert one_agency.agencies_without_innovation(frame(), REGISTER, 2017) == []
    assert one_agency.agencies_without_innovation(frame(), REGISTER, 2020) == REGISTER


def test_denominator_is_the_register_or_the_chosen_registered_agencies():
    assert one_agency.denominator(REGISTER) == REGISTER
    assert one_agency.denominator(REGISTER, ("Dinas Sosial", "Unit Tak Dikenal")) == ["Dinas Sosial"]


def test_compliance_without_a_span_is_empty():
    assert one_agency.compliance_by_year(frame(), REGISTER, None).empty


def test_compliance_on_the_real_register():
    from loaders.reference import load_reference

    register = load_reference().agency_names
    result = one_agency.compliance_by_year(frame(), register, (2017, 2017))
    assert result["innovating"].tolist() == [4]
    assert result["register"].tolist() == [len(register)]


def test_the_rule_is_stated_only_under_years_and_agencies():
    from analytics.filters import Filters

    assert one_agency.applies(Filters())
    assert one_agency.applies(Filters(year_from=2016, year_to=2017, agencies=("Dinas Kesehatan",)))
    assert not one_agency.applies(Filters(sectors=("Kesehatan",)))
    assert not one_agency.applies(Filters(stage="Uji Coba"))
    assert not one_agency.applies(Filters(text="sehat"))
