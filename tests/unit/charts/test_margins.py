"""Margins fitted to a chart's labels, so the browser need not widen them (and draw the chart again)."""

import pandas as pd
import plotly.graph_objects as go

from charts import figures, margins
from charts.lean import lean


def test_text_is_as_wide_as_its_widest_line_and_wide_letters_count_more():
    assert margins.text_width("Dinas Kesehatan<br>Kabupaten", 13) == margins.text_width("Dinas Kesehatan", 13)
    assert margins.text_width("MMMM", 13) > margins.text_width("iiii", 13)
    assert margins.text_width("Dinas", 26) == 2 * margins.text_width("Dinas", 13)


def heatmap(names: list[str]) -> go.Figure:
    matrix = pd.DataFrame([[1, 2, 3]] * len(names), index=names, columns=[2015, 2016, 2017])
    return figures.heatmap_figure(matrix, "id")


def test_a_heatmap_keeps_room_on_the_left_for_its_longest_name_and_above_for_its_years():
    short, long = lean(heatmap(["Dinas A", "Dinas B"])), lean(heatmap(["Badan Perencanaan Pembangunan Daerah", "B"]))
    longest = margins.text_width(figures.wrap_label("Badan Perencanaan Pembangunan Daerah"), 13)
    assert long["layout"]["margin"]["l"] > longest > short["layout"]["margin"]["l"]
    assert long["layout"]["margin"]["t"] > 2 * 13  # the years and the axis title are on top


def test_a_bar_list_writes_its_names_inside_so_its_left_margin_stays_narrow():
    ranked = pd.DataFrame({"value": ["Dinas Pekerjaan Umum dan Penataan Ruang"], "count": [5], "share": [1.0]})
    sent = lean(figures.ranking_figure(ranked, "id", "axis.count"))["layout"]
    assert sent["margin"]["l"] < 20 and sent["margin"]["b"] > 13  # the count axis's title is under it


def test_the_count_axis_keeps_room_for_its_largest_stacked_total():
    one = figures.breakdown_figure(pd.DataFrame({"year": [2015], "value": ["a"], "count": [70]}), "id", str)
    stacked = figures.breakdown_figure(pd.DataFrame({"year": [2015] * 3, "value": ["a", "b", "c"],
                                                     "count": [70, 70, 70]}), "id", str)
    assert lean(stacked)["layout"]["margin"]["l"] > lean(one)["layout"]["margin"]["l"]


def test_a_legend_above_the_plot_gets_a_row_more_when_its_entries_do_not_fit_in_one():
    def legend_top(names):
        frame = pd.DataFrame({"year": [2015] * len(names), "value": names, "count": [1] * len(names)})
        return lean(figures.breakdown_figure(frame, "id", str))["layout"]["margin"]["t"]
    assert legend_top(["a", "b"]) < legend_top([f"Tahap penerapan nomor {i}" for i in range(8)])


def test_a_legend_lifted_by_a_share_of_the_plot_gets_more_room_above_a_taller_plot():
    """Plotly places a legend at `y` 1.02 by 2% of the plot's height above it: 40 px over a ranking drawn
    whole (2,000 px), which a browser showed it then widened the margin for (a second drawing)."""
    frame = pd.DataFrame({"year": [2015] * 4, "value": ["Wajib pelayanan dasar", "Pilihan", "Fungsi penunjang",
                                                         "Wajib non pelayanan dasar"], "count": [1] * 4})
    short, tall = figures.breakdown_figure(frame, "id", str), figures.breakdown_figure(frame, "id", str)
    short.update_layout(height=690)
    tall.update_layout(height=2140)
    top = {name: lean(figure)["layout"]["margin"]["t"] for name, figure in (("short", short), ("tall", tall))}
    assert top["tall"] - top["short"] >= 0.02 * (2140 - 690)
