"""One data path per chart: data, figure, title and table agree, on a frame built in the test."""

import pytest

from analytics.filters import Filters
from analytics.dataset import make_dataset
from charts.views import CHARTS, Context, download_name, render, slug
from tests.unit.dashboard_frames import frame_of, story_frame


def context(**filters):
    dataset = make_dataset(story_frame(), "test", "sample")
    return Context.build(dataset, Filters(**filters), by="stage")


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_renders_a_figure_title_and_table(name):
    rendered = render(name, context())
    assert not rendered.empty
    assert rendered.figure.data
    assert rendered.title and rendered.title != "Tidak ada data untuk filter ini"
    assert not rendered.table.empty
    if CHARTS[name].caption is None:  # the regions compared say which regions (test_region_views.py)
        assert rendered.caption == "Sumber: data contoh (sintetis) · Semua data"
    assert rendered.caption.startswith("Sumber: data contoh (sintetis) · ")


@pytest.mark.parametrize("name", sorted(CHARTS))
def test_every_chart_has_an_empty_state(name):
    # no year and no region in view (the index per region is not narrowed by the years: by the region it is)
    rendered = render(name, context(year_from=2030, year_to=2031, regions=("Kota Tidak Ada",)))
    assert rendered.empty
    assert rendered.title == "Tidak ada data untuk filter ini"
    assert rendered.figure.layout.annotations[0].text == "Tidak ada inovasi yang cocok dengan filter ini."


@pytest.mark.parametrize("name, filters, title", [
    ("trend", {}, "Terbanyak pada 2015: 79 inovasi"),
    ("trend", {"year_from": 2016, "year_to": 2016}, "67 inovasi pada 2016"),
    ("agency", {}, "Dinas Kesehatan paling banyak berinovasi (51)"),
    ("sector", {"lang": "en"}, "Health has the most innovations (52)"),
    ("yoy", {}, "Penurunan terbesar pada 2017: −16%"),
    ("heatmap", {}, "4 dari 4 perangkat daerah berinovasi setiap tahun"),
])
def test_titles_state_the_finding(name, filters, title):
    assert render(name, context(**filters)).title == title


def test_breakdown_title_names_the_largest_value():
    frame = frame_of([{"year": 2016, "agency": "A", "stage": stage} for stage in ["Uji Coba"] * 3 + ["Penerapan", None]])
    ctx = Context.build(make_dataset(frame, "test", "sample"), Filters(), by="stage")
    assert render("breakdown", ctx).title == "Uji Coba terbanyak: 60% dari semua inovasi"


def test_compliance_title_uses_the_register():
    rendered = render("compliance", context())
    register = len(context().dataset.register)
    assert rendered.title == f"Satu OPD Satu Inovasi: {round(4 / register * 100)}% OPD berinovasi pada 2017"


@pytest.mark.parametrize("name, filters, title", [
    ("agency", {"agencies": ("Dinas Kesehatan",)}, "Dinas Kesehatan: 51 inovasi"),      # not "paling banyak" of one
    ("agency-rank", {"agencies": ("Dinas Kesehatan",), "lang": "en"}, "Dinas Kesehatan: 51 innovations"),
    ("sector", {"sectors": ("Kesehatan",)}, "Urusan Kesehatan: 52 inovasi"),
])
def test_a_ranking_of_one_states_its_count_not_a_lead(name, filters, title):
    assert render(name, context(**filters)).title == title


def test_sector_year_title_counts_the_sectors_with_innovations_every_year():
    """Not one of them named as if it alone had innovations every year."""
    ctx = context()
    data = CHARTS["sector-year"].data(ctx)
    every = int((data > 0).all(axis=1).sum())
    assert every > 1
    assert render("sector-year", ctx).title == f"{every} dari {len(data)} urusan punya inovasi setiap tahun"
    one = render("sector-year", context(sectors=("Kesehatan",)))
    assert one.title == "Kesehatan punya inovasi pada 3 dari 3 tahun"


def test_compliance_title_under_an_agency_filter_says_the_chosen_agencies():
    rendered = render("compliance", context(agencies=("Dinas Kesehatan",)))
    assert rendered.title == "Satu OPD Satu Inovasi: 100% OPD terpilih berinovasi pada 2017"


def test_table_behind_the_trend_in_indonesian_format():
    table = render("trend", context()).table
    assert table.to_dict("list") == {"Tahun": ["2015", "2016", "2017"], "Jumlah": ["79", "67", "56"]}


def test_table_in_english():
    table = render("agency", context(lang="en")).table
    assert list(table.columns) == ["Agency", "Count", "Share"]
    assert table.iloc[0].tolist() == ["Dinas Kesehatan", "51", "25.2%"]


def test_caption_says_the_filters():
    rendered = render("trend", context(year_from=2015, year_to=2017, agencies=("Dinas Kesehatan",)))
    assert rendered.caption == "Sumber: data contoh (sintetis) · Tahun 2015–2017 · OPD: Dinas Kesehatan"


def test_download_name_from_chart_and_filters():
    filters = Filters(year_from=2015, year_to=2017, agencies=("Dinas Kesehatan",), stage="Uji Coba")
    assert download_name("trend", filters) == "inovasi-trend_2015-2017_dinas-kesehatan_uji-coba"
    assert download_name("agency", Filters()) == "inovasi-agency"
    assert download_name("data", Filters(year_from=2016, year_to=2016, text="Posyandu Keliling")) == \
        "inovasi-data_2016-2016_posyandu-keliling"
    assert slug("Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat") == \
        "ketenteraman-ketertiban-umum-dan-pelindungan-masyarakat"


def _many_agencies():
    rows = [{"year": 2015 + j % 3, "agency": f"Dinas {i:02d}", "sector": "Kesehatan", "stage": "Inisiatif",
             "kind": "Digital", "form": "Pelayanan Publik", "initiator": "OPD"}
            for i in range(14) for j in range(14 - i)]
    return make_dataset(frame_of(rows), "test", "sample")


def test_a_long_ranking_draws_its_top_10_and_its_table_keeps_every_row():
    from charts.views import TOP

    dataset = _many_agencies()
    top = render("agency-rank", Context.build(dataset, Filters()))
    assert len(top.figure.data[0].y) == TOP and len(top.table) == 14
    every = render("agency-rank", Context.build(dataset, Filters(), all=True))
    assert len(every.figure.data[0].y) == 14 and top.title == every.title


def test_the_report_ranking_ends_with_lainnya_and_the_heatmap_table_too():
    dataset = _many_agencies()
    ctx = Context.build(dataset, Filters(), others=True)
    ranking = render("agency", ctx)
    assert len(ranking.table) == 11 and ranking.table.iloc[-1, 0] == "Lainnya"
    assert ranking.table.iloc[-1, 1] == str(4 + 3 + 2 + 1)
    heatmap = render("heatmap", ctx)
    assert heatmap.table.iloc[-1, 0] == "Lainnya" and len(heatmap.table) == 11
    assert heatmap.title == render("heatmap", Context.build(dataset, Filters())).title  # the finding of all rows


def test_matrix_summary_is_the_phone_table_of_a_heatmap():
    from charts.views import matrix_summary

    summary = matrix_summary("heatmap", Context.build(_many_agencies(), Filters()))
    assert len(summary) == 10
    assert summary.iloc[0].tolist() == ["Dinas 00", "14", "3 dari 3 tahun"]
    assert summary.iloc[-1].tolist() == ["Dinas 09", "5", "3 dari 3 tahun"]
