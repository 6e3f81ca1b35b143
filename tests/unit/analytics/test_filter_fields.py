"""The filter rows: every real row round-trips through the URL and reads in words; a new row (one row
plus its catalog words) reaches Filters, the URL, the words, file names, the filter bar, its chips and the CLI."""

import re

import pytest

from analytics import filter_fields
from analytics import filters as filters_module
from analytics.dataset import make_dataset
from analytics.filter_fields import CHOICE, FIELDS, MULTI, TEXT, YEARS, FilterField
from analytics.filters import Filters, make_filters
from charts.views import download_name
from cli import build_parser
from dashboard.components import filterbar
from i18n import CATALOG
from tests.unit.dashboard_frames import frame_of

EXAMPLES = {YEARS: (2015, 2017), MULTI: ("A & B", "C=D?"), CHOICE: "Uji Coba", TEXT: "posyandu 50% #1"}


def example(row: FilterField) -> dict:
    """Attribute values of `row` that exercise its URL encoding."""
    value = 2018 if row.value_type is int and row.kind == CHOICE else EXAMPLES[row.kind]
    return dict(zip(row.names, value)) if row.kind == YEARS else {row.key: value}


@pytest.mark.parametrize("row", FIELDS, ids=lambda row: row.key)
def test_every_real_row_round_trips_through_the_url(row):
    filters = Filters(lang="en", **example(row))
    page = row.pages[0] if row.pages else None
    query = filters.to_query(page=page)
    assert all(f"{key}=" in query for key in row.urls)
    assert Filters.from_query(query) == filters
    assert Filters.from_query("?" + query) == filters


def test_the_real_rows_keep_todays_url_names_and_flags():
    assert list(Filters.QUERY_KEYS) == ["from", "to", "agency", "sector", "stage", "kind", "form", "q", "region",
                                        "lang"]
    assert list(Filters.PAGE_KEYS) == ["edition"]
    args = build_parser(["readiness"]).parse_args(
        ["readiness", "--from", "2015", "--to", "2017", "--agency", "A", "--agency", "B", "--sector", "S",
         "--stage", "Penerapan", "--kind", "Digital", "--form", "F", "--q", " posyandu ", "--region", "Kota X",
         "--edition", "2018"])
    assert Filters.from_args(args) == Filters(year_from=2015, year_to=2017, agencies=("A", "B"), sectors=("S",),
                                              stage="Penerapan", kind="Digital", form="F", text="posyandu",
                                              regions=("Kota X",), edition=2018)


def test_a_page_level_key_stays_on_its_pages_and_filters_nothing():
    filters = Filters(agencies=("A",), edition=2018)
    assert filters.to_query() == "agency=A"
    assert filters.to_query(page="/kipp") == "agency=A&edition=2018"
    assert Filters(edition=2018).is_empty()
    assert Filters(edition=2018).describe() == "Semua data"
    assert Filters.from_query("edition=abc") == Filters()
    assert filterbar.search_of(Filters(edition=2018)) == ""
    assert filterbar.search_of(Filters(edition=2018), page="/kipp") == "?edition=2018"


@pytest.mark.parametrize("row, lang, words", [
    ("years", "id", "Tahun 2015–2017"),
    ("agencies", "id", "OPD: A & B dan C=D?"),
    ("sectors", "en", "Sector: A & B and C=D?"),
    ("stage", "id", "Tahapan: Uji Coba"),
    ("kind", "en", "Kind: Uji Coba"),
    ("form", "id", "Bentuk: Uji Coba"),
    ("text", "en", 'Search: "posyandu 50% #1"'),
])
def test_every_real_filter_row_reads_in_words(row, lang, words):
    (field,) = [f for f in FIELDS if f.key == row]
    assert Filters(**example(field)).describe(lang) == words


def test_words_follow_the_row_order_and_the_labeler():
    filters = Filters(text="x", form="F", year_from=2016, sectors=("Kesehatan",), lang="en")
    label = lambda column, value: f"{column}:{value}"  # noqa: E731
    assert filters.describe(label=label) == 'From 2016 · Sector: sector:Kesehatan · Form: form:F · Search: "x"'


# -- a new filter is one row plus its words ---------------------------------------------------------

INITIATOR = FilterField("initiator", "initiator", "filter.initiator", "initiator", CHOICE, "cli.filter.initiator")
WORDS = {"filter.initiator": ("Inisiator", "Initiator"), "describe.initiator": ("Inisiator: {value}", "Initiator: {value}"),
         "cli.filter.initiator": ("inisiator inovasi", "who started the innovation")}


@pytest.fixture
def extended(monkeypatch):
    """The table with one more row (and its catalog words), as a developer would add it."""
    rows = (*filter_fields.FIELDS, INITIATOR)
    monkeypatch.setattr(filter_fields, "FIELDS", rows)
    cls = make_filters(rows)
    monkeypatch.setattr(filters_module, "Filters", cls)
    for key, words in WORDS.items():
        monkeypatch.setitem(CATALOG, key, words)
    return cls


def _frame():
    return frame_of([{"year": 2016, "agency": "Dinas Kesehatan", "sector": "Kesehatan", "initiator": who}
                     for who in ("OPD", "Masyarakat", "Masyarakat", None)])


def test_a_new_row_is_a_filter_field_of_the_url_and_the_frame(extended):
    filters = extended(year_from=2016, initiator="Masyarakat")
    assert filters.to_query() == "from=2016&initiator=Masyarakat"
    assert extended.from_query(filters.to_query()) == filters
    assert extended.from_query({"initiator": "Masyarakat", "from": "2016"}) == filters
    assert not extended(initiator="OPD").is_empty()
    assert len(filters.apply(_frame())) == 2
    assert "initiator" in extended.QUERY_KEYS
    with pytest.raises(TypeError):
        Filters(initiator="OPD")  # the real table has no such row


def test_a_new_row_reads_in_words_and_names_downloads(extended):
    filters = extended(initiator="Masyarakat", lang="en")
    assert filters.describe() == "Initiator: Masyarakat"
    assert extended(initiator="Masyarakat", stage="Penerapan").describe() == "Tahapan: Penerapan · Inisiator: Masyarakat"
    assert download_name("trend", filters) == "inovasi-trend_masyarakat"


def test_a_new_row_has_a_control_a_chip_and_options_in_the_filter_bar(extended):
    dataset = make_dataset(_frame(), "test", "sample")
    bar = str(filterbar.create_filter_bar(dataset))
    assert "filter-initiator" in bar and "Inisiator" in bar
    filters = extended(initiator="Masyarakat")
    values = filterbar.controls_from_filters(filters, (2016, 2016))
    assert values[-1] == "Masyarakat"
    assert filterbar.filters_from_controls(values, (2016, 2016), filters) == filters
    chips = filterbar.create_chips(filters, "/opd", dataset)
    assert [(chip.children[0].children, chip.href) for chip in chips[1:]] == [("Inisiator: Masyarakat", "/opd")]
    options = filterbar.dropdown_options(dataset, filters, "initiator")
    assert [option["value"] for option in options] == ["Masyarakat", "OPD"]


def test_a_new_row_is_a_cli_flag(extended, capsys):
    parser = build_parser(["readiness"])
    args = parser.parse_args(["readiness", "--initiator", "Masyarakat", "--from", "2016"])
    assert extended.from_args(args) == extended(year_from=2016, initiator="Masyarakat")
    with pytest.raises(SystemExit):
        parser.parse_args(["readiness", "--help"])
    assert re.search(r"--initiator NAME\s+inisiator inovasi", capsys.readouterr().out)


def _regions_frame():
    return frame_of([{"year": 2016, "agency": "Dinas Kesehatan", "region": region}
                     for region in ("Kabupaten Muara Enim", "Kabupaten Muara Enim", None, "Kota Palembang",
                                    "Kabupaten Lahat")])


def test_the_region_row_keeps_this_regencys_rows_unless_the_url_names_regions():
    frame = _regions_frame()
    assert Filters().is_empty() and Filters().to_query() == ""
    own = Filters().apply(frame)["region"]
    assert own.fillna("-").tolist() == ["Kabupaten Muara Enim", "Kabupaten Muara Enim", "-"]  # no region: ours
    chosen = Filters.from_query("region=Kota+Palembang&region=Kabupaten+Lahat")
    assert chosen.regions == ("Kota Palembang", "Kabupaten Lahat")
    assert chosen.apply(frame)["region"].tolist() == ["Kota Palembang", "Kabupaten Lahat"]
    assert chosen.describe() == "Daerah: Kota Palembang dan Kabupaten Lahat"
    assert Filters(regions=("Kabupaten Muara Enim", "Kota Palembang")).apply(frame).shape[0] == 3


def test_the_region_control_shows_once_the_data_holds_more_than_one_region():
    one = str(filterbar.create_filter_bar(make_dataset(frame_of([{"year": 2016, "region": "Kabupaten Muara Enim"}]),
                                                       "t", "sample")))
    several = str(filterbar.create_filter_bar(make_dataset(_regions_frame(), "t", "sample")))
    hidden = re.compile(r"Col\(children=\[Label\(children='Daerah'.*?className='d-none'\)")
    assert hidden.search(one) and not hidden.search(several)
    filters = Filters(regions=("Kota Palembang",))
    options = filterbar.dropdown_options(make_dataset(_regions_frame(), "t", "sample"), filters, "regions")
    assert [option["value"] for option in options] == ["Kabupaten Muara Enim", "Kabupaten Lahat", "Kota Palembang"]
    chips = filterbar.create_chips(filters, "/", make_dataset(_regions_frame(), "t", "sample"))
    assert [chip.children[0].children for chip in chips[1:]] == ["Daerah: Kota Palembang"]
