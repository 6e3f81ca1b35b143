"""Lean figures: the same chart without the template object, its settings merged into the layout."""

import plotly.graph_objects as go

from charts import theme
from charts.lean import lean


def test_the_template_is_written_into_the_layout_and_not_sent():
    theme.template()
    figure = go.Figure(go.Bar(x=[2015, 2016], y=[0.123456789, 2 / 3]),
                       layout=dict(template=theme.TEMPLATE_NAME, height=300, xaxis=dict(title=dict(text="Tahun"))))
    sent = lean(figure)
    layout = sent["layout"]
    assert "template" not in layout
    assert layout["font"]["family"] == theme.FONT and layout["colorway"] == theme.PALETTE
    assert layout["xaxis"]["title"] == {"standoff": 8, "text": "Tahun"}  # the figure's own and the template's
    assert layout["xaxis"]["gridcolor"] == theme.GRID and layout["height"] == 300


def test_floats_are_rounded_to_six_significant_digits():
    sent = lean(go.Figure(go.Scatter(x=[1, 2], y=[1, 2], text=["a", "b"]),
                          layout=dict(yaxis=dict(range=[0, 1.0833333333333333]))))
    assert sent["layout"]["yaxis"]["range"] == [0, 1.08333]
    assert sent["data"][0]["text"] == ["a", "b"]
