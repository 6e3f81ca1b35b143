"""Pure helpers of the shell: controls <-> filters, chips as links, cross-filter clicks, KPI cards."""

import pytest

from analytics.filters import Filters
from dashboard.components import filterbar, kpi, page
from analytics.dataset import make_dataset
from charts.views import Context
from tests.unit.dashboard_frames import story_frame

SPAN = (2015, 2025)


def dataset():
    return make_dataset(story_frame(), "test", "sample")


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(year_from=2015, year_to=2017),
    Filters(year_from=2016, agencies=("A", "B"), stage="Penerapan", kind="Digital", form="Pelayanan Publik"),
    Filters(year_to=2025, sectors=("Kesehatan",), lang="en"),
])
def test_controls_round_trip_to_the_same_filters(filters):
    values = filterbar.controls_from_filters(filters, SPAN)
    assert filterbar.filters_from_controls(values, SPAN, filters) == filters


def test_controls_at_the_data_edge_mean_no_limit():
    values = [[2015, 2025], [], [], None, None, None]
    assert filterbar.filters_from_controls(values, SPAN, Filters(lang="en")) == Filters(lang="en")
    values = [[2015, 2018], ["A"], [], None, "Digital", None]
    assert filterbar.filters_from_controls(values, SPAN, Filters()) == Filters(year_to=2018, agencies=("A",),
                                                                                kind="Digital")


def test_search_of_and_href():
    assert filterbar.search_of(Filters()) == ""
    assert filterbar.href("/opd", Filters(year_from=2016, lang="en")) == "/opd?from=2016&lang=en"


def test_a_pages_own_keys_outlive_a_filter_change():
    """/kipp's `?edition=` stays when the filters change (filter bar, chips, language switch)."""
    search = "?from=2016&agency=A&edition=2018"
    assert filterbar.search_of(Filters(agencies=("B",)), search) == "?agency=B&edition=2018"
    assert filterbar.search_of(Filters(), search) == "?edition=2018"
    assert filterbar.page_query(search, edition=2023) == "edition=2023"
    assert filterbar.page_query(search, edition=None) == ""
    chips = filterbar.create_chips(Filters.from_query(search), "/kipp", dataset(), search)
    assert [chip.href for chip in chips[1:]] == ["/kipp?agency=A&edition=2018", "/kipp?from=2016&edition=2018"]


def test_chips_link_to_the_view_without_that_value():
    filters = Filters(year_from=2015, year_to=2017, agencies=("Dinas Kesehatan", "Dinas Sosial"), lang="en")
    chips = filterbar.create_chips(filters, "/opd", dataset())
    hrefs = [chip.href for chip in chips[1:]]
    assert hrefs == [
        "/opd?agency=Dinas+Kesehatan&agency=Dinas+Sosial&lang=en",
        "/opd?from=2015&to=2017&agency=Dinas+Sosial&lang=en",
        "/opd?from=2015&to=2017&agency=Dinas+Kesehatan&lang=en",
    ]


def test_the_search_text_is_a_chip_that_removes_only_q():
    chips = filterbar.create_chips(Filters(year_from=2016, text="posyandu"), "/inovasi", dataset())
    assert [chip.children[0].children for chip in chips[1:]] == ["Tahun: 2016 – …", 'Cari: "posyandu"']
    assert [chip.href for chip in chips[1:]] == ["/inovasi?q=posyandu", "/inovasi?from=2016"]


def test_no_chips_says_no_filters():
    chips = filterbar.create_chips(Filters(), "/", dataset())
    assert chips[0].children == "Tanpa filter"


def test_dropdown_options_cascade_and_translate():
    options = filterbar.dropdown_options(dataset(), Filters(lang="en", agencies=("Dinas Kesehatan",)), "sectors")
    assert options[0] == {"label": "Health (26)", "value": "Kesehatan"}


@pytest.mark.parametrize("field, value, expected", [
    ("year", 2016, Filters(year_from=2016, year_to=2016)),
    ("agency", "Dinas Kesehatan", Filters(agencies=("Dinas Kesehatan",))),
    ("sector", "Kesehatan", Filters(sectors=("Kesehatan",))),
    ("agency", None, Filters()),
])
def test_apply_click(field, value, expected):
    assert page.apply_click(Filters(), field, value) == expected


def test_clicked_value_reads_customdata():
    assert page.clicked_value({"points": [{"customdata": "Dinas Kesehatan", "y": "Dinas<br>Kesehatan"}]}) == \
        "Dinas Kesehatan"
    assert page.clicked_value({"points": [{"customdata": ["Dinas Sosial"]}]}) == "Dinas Sosial"
    assert page.clicked_value(None) is None


def _texts(component):
    """Every (id, text) pair in a Dash component tree."""
    found = {}
    children = getattr(component, "children", None)
    if getattr(component, "id", None) and isinstance(children, str):
        found[component.id] = children
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        if hasattr(child, "to_plotly_json"):
            found.update(_texts(child))
    return found


@pytest.mark.parametrize("filters, total, change", [
    (Filters(year_from=2016, year_to=2016), "67", "−15,2%"),
    (Filters(year_from=2015, year_to=2017), "202", "−16,4%"),
    (Filters(year_to=2015), "79", "—"),
])
def test_kpi_cards(filters, total, change):
    cards = kpi.create_kpi_cards(Context.build(dataset(), filters))
    texts = {}
    for card in cards:
        texts.update(_texts(card))
    assert texts["kpi-total"] == total
    assert texts["kpi-change"] == change
    assert texts["kpi-agencies"] == "4"


@pytest.mark.parametrize("filters, sentence", [
    (Filters(year_from=2016, year_to=2017), "Jumlah inovasi turun 16,4% dari 2016 ke 2017."),
    (Filters(year_from=2016, year_to=2016), "Tercatat 67 inovasi pada 2016 dari 4 perangkat daerah."),
    (Filters(year_from=2015, year_to=2016, lang="en"), "The number of innovations fell 15.2% from 2015 to 2016."),
    (Filters(year_from=2030), "Tidak ada inovasi yang cocok dengan filter ini."),
])
def test_finding_sentence(filters, sentence):
    assert kpi.finding_sentence(Context.build(dataset(), filters)) == sentence


def test_refreshed_controls_show_the_region_control_and_new_agencies_once_the_data_holds_them():
    from dashboard.components.filterbar import refreshed_controls, refreshed_outputs
    from tests.unit.dashboard_frames import frame_of

    own = "Kabupaten Muara Enim"   # the loaders give every row its region, this regency's included
    home = [{"year": 2016, "agency": "Dinas Kesehatan", "sector": "Kesehatan", "region": own}]
    other = [{"year": 2016, "agency": "Dinas Lain", "sector": "Kesehatan", "region": "Kota Palembang"},
             {"year": 2017, "agency": "Dinas Pendidikan", "sector": "Pendidikan", "region": own}]
    outputs = refreshed_outputs()

    def refreshed(rows):
        values = refreshed_controls(make_dataset(frame_of(rows), "v", "uji"), Filters())
        assert len(values) == len(outputs)
        return dict(zip(outputs, values))

    before, after = refreshed(home), refreshed(home + other)
    assert before[("filter-region-field", "className")] == "d-none"
    assert after[("filter-region-field", "className")] is None
    assert [option["value"] for option in after[("filter-region", "options")]] == [
        "Kabupaten Muara Enim", "Kota Palembang"]
    assert [option["value"] for option in before[("filter-agency", "options")]] == ["Dinas Kesehatan"]
    assert [option["value"] for option in after[("filter-agency", "options")]] == ["Dinas Kesehatan",
                                                                                  "Dinas Pendidikan"]
    assert (before[("filter-years", "max")], after[("filter-years", "max")]) == (2016, 2017)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_finding_sentence_says_the_change_as_the_change_card_does(lang):
    context = Context.build(dataset(), Filters(year_from=2015, year_to=2017, lang=lang))
    texts = {}
    for card in kpi.create_kpi_cards(context):
        texts.update(_texts(card))
    change = texts["kpi-change"].lstrip("+−")
    assert change in kpi.finding_sentence(context)
