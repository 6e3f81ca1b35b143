"""The provincial view's charts (charts/region_views.py): they compare every region stored whatever the view's
own region, say which regions in their caption, and state their finding — on a frame built in the test with
this regency and two other regions (2023: 3, 1, 1 innovations; 2024: 1, 2, 1; Musi Rawas also 2022)."""

import pytest

from analytics.dataset import canonical_frame, make_dataset
from analytics.filters import Filters
from charts.views import Context, matrix_summary, render
from tests.unit.dashboard_frames import region_rows as rows

HOME, CITY, MUSI = "Kabupaten Muara Enim", "Kota Lubuklinggau", "Kabupaten Musi Rawas"


@pytest.fixture(scope="module")
def dataset():
    frame = canonical_frame(
        rows(HOME, [(2023, "Kesehatan"), (2023, "Kesehatan"), (2023, "Pendidikan"), (2024, "Perhubungan")], "h")
        + rows(CITY, [(2023, "Kesehatan"), (2024, "Kehutanan"), (2024, "Kehutanan")], "c")
        + rows(MUSI, [(2022, "Pertanian"), (2023, "Pertanian"), (2024, "Pendidikan")], "m"))
    return make_dataset(frame, "v-regions", "uji.xlsx")  # not the sample: no replication library


def context(dataset, query=""):
    return Context.build(dataset, Filters.from_query(query))


def test_the_charts_compare_every_region_while_the_view_holds_this_regency_only(dataset):
    ctx = context(dataset)
    assert set(ctx.view["region"]) == {HOME}
    rendered = render("region-count", ctx)
    assert rendered.table.iloc[:, 0].tolist() == [HOME, CITY, MUSI]
    assert rendered.table.iloc[:, 1].tolist() == ["4", "3", "2"]   # 2023–2024, the years all three have
    assert rendered.title == ("Kabupaten Muara Enim mencatat inovasi terbanyak: 4 pada 2023–2024 "
                              "(tahun data bersama 3 daerah)")
    assert rendered.caption == "Sumber: uji.xlsx · Semua data · Daerah: semua (3)"


def test_the_url_regions_choose_the_regions_compared(dataset):
    ctx = context(dataset, "region=Kota+Lubuklinggau&region=Kabupaten+Musi+Rawas")
    count = render("region-count", ctx)
    assert count.table.iloc[:, 0].tolist() == [CITY, MUSI]
    assert count.caption == "Sumber: uji.xlsx · Daerah: Kota Lubuklinggau dan Kabupaten Musi Rawas"
    trend = render("region-trend", ctx)
    # in the stored order (this regency, then by innovations: 3 each, so by name), whatever the URL's
    assert trend.table.to_dict("records") == [{"Daerah": MUSI, "2022": "1", "2023": "1", "2024": "1"},
                                             {"Daerah": CITY, "2022": "0", "2023": "1", "2024": "2"}]
    assert trend.title == "Tahun 2024: Kota Lubuklinggau terbanyak (2 inovasi)"
    assert [trace.name for trace in trend.figure.data] == [MUSI, CITY]
    assert trend.figure.layout.barmode == "group" and trend.figure.layout.xaxis.dtick == 1


def test_the_filters_apply_to_every_region(dataset):
    rendered = render("region-count", context(dataset, "sector=Kesehatan"))
    assert rendered.table.iloc[:, 0].tolist() == [HOME, CITY]   # Musi Rawas has no Kesehatan
    assert rendered.table.iloc[:, 1].tolist() == ["2", "1"]


def test_urusan_coverage_is_a_heatmap_with_a_phone_table(dataset):
    ctx = context(dataset)
    rendered = render("region-sector", ctx)
    assert rendered.title == "Kabupaten Muara Enim menjangkau urusan terbanyak pada 2023–2024: 3 dari 38"
    assert rendered.figure.data[0].type == "heatmap"
    heatmap = rendered.table.set_index("Urusan")
    assert heatmap.columns.tolist() == [HOME, MUSI, CITY]
    assert heatmap.loc["Kehutanan"].tolist() == ["0", "0", "2"]
    assert heatmap.loc["Pertanian"].tolist() == ["0", "1", "0"]   # 2022's is outside the common years
    phone = matrix_summary("region-sector", ctx)
    assert phone.to_dict("records")[0] == {"Daerah": HOME, "Urusan 2023–2024": "3 (8%)",
                                           "Urusan terbanyak": "Kesehatan (2)"}


def test_the_index_says_which_regions_have_no_evidence(dataset):
    rendered = render("region-index", context(dataset, "region=Kota+Lubuklinggau&lang=en"))
    assert not rendered.empty and not rendered.figure.data
    assert rendered.title == "These 1 regions have no IID evidence yet"
    assert set(rendered.table["Rating"]) == {"No evidence yet"}
    assert rendered.caption.endswith("the filters do not apply")


def test_regions_keep_their_colours_whatever_is_chosen(dataset):
    every = render("region-trend", context(dataset))
    chosen = render("region-trend", context(dataset, "region=Kabupaten+Musi+Rawas"))
    colours = {trace.name: trace.marker.color for trace in every.figure.data}
    assert colours[HOME] == "#D55E00"
    assert chosen.figure.data[0].marker.color == colours[MUSI]
    assert render("region-count", context(dataset)).figure.data[0].marker.color == ("#D55E00", "#1F4E79", "#1F4E79")


def test_evidence_entered_for_this_regency_changes_its_index_in_the_table(dataset):
    """/provinsi scores this regency as /iid does: with the evidence entered in the dashboard."""
    from dataclasses import replace

    from analytics.iid.editions import load_editions
    from analytics.iid.scoring import assess_with_sheets
    from i18n import format_number

    entry = {"edition": 2024, "region": "kabupaten muara enim", "identity": "", "indicator": "spd-01", "tier": 3,
             "document": "RPJMD 2021-2026", "version": 1, "by": "budi", "at": "2026-12-05T03:00:00+00:00"}
    entered = replace(dataset, version="v-regions-e1", iid_evidence=(entry,))
    query = "region=Kabupaten+Muara+Enim&lang=en"

    def index_2024(data):
        table = render("region-index", context(data, query)).table
        return table.loc[table["IID edition"] == "IID 2024", "Index"].tolist()

    expected = assess_with_sheets(dataset.frame, load_editions().get(2024), [], "en", (entry,))[0].result.index
    assert index_2024(dataset) == ["—"]                                # no evidence before the entry
    assert index_2024(entered) == [format_number(expected, "en", 2)]   # the entered SPD tier scores it
    assert expected > 0


def test_each_region_chart_says_what_it_drew_with_the_regions_figures(dataset):
    """The CLI's summary line (`app.py chart region-*`): the regions compared and each one's figure."""
    from charts.views import drawn

    ctx = context(dataset)
    assert drawn("region-count", ctx) == ("3 daerah, inovasi 2023–2024: Kabupaten Muara Enim 4, "
                                          "Kota Lubuklinggau 3, Kabupaten Musi Rawas 2")
    assert drawn("region-trend", ctx) == ("3 daerah, inovasi 2022–2024: Kabupaten Muara Enim 4, "
                                          "Kabupaten Musi Rawas 3, Kota Lubuklinggau 3")
    assert drawn("region-sector", ctx) == ("3 daerah, urusan 2023–2024 (dari 38): Kabupaten Muara Enim 3, "
                                           "Kabupaten Musi Rawas 2, Kota Lubuklinggau 2")
    english = context(dataset, "region=Kota+Lubuklinggau&lang=en")
    assert drawn("region-index", english) == "1 regions, IID 2026 index: Kota Lubuklinggau no evidence yet"
    assert drawn("trend", ctx) == "4 inovasi"   # the other charts: the innovations in view
