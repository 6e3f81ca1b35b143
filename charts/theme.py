"""The one Plotly template: colour-blind-safe palette, system fonts (nothing fetched), quiet axes.

Colours are the Okabe–Ito set, keeping only those with at least 3:1 contrast on white
(orange, sky blue and yellow are dropped); bars of a single measure use one dark blue.
"""

from __future__ import annotations

import functools
import json

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE_NAME = "dasbor"
BAR = "#1F4E79"          # single-hue bars (8.7:1 on white)
NEUTRAL = "#595959"      # "not filled" / unknown (7.0:1)
OTHERS = "#8C8C8C"       # the summed "Lainnya" bar of a top-N ranking, apart from the ranked ones (3.4:1)
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#8C5A00"]
NEGATIVE, POSITIVE = "#D55E00", "#0072B2"
SEQUENTIAL = [[0.0, "#F4F8FB"], [0.25, "#BFD5E8"], [0.5, "#6F9FC9"], [0.75, "#2F6A9E"], [1.0, "#0B2E4F"]]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif"
TEXT = "#212529"
GRID = "#E3E7EB"


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of "#RRGGBB"."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str = "#FFFFFF") -> float:
    """WCAG contrast ratio between two colours (≥ 3 for graphics)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@functools.lru_cache(maxsize=1)
def template() -> go.layout.Template:
    """Build and register the template (once per process); figures name it by TEMPLATE_NAME."""
    axis = dict(gridcolor=GRID, zerolinecolor=GRID, linecolor="#ADB5BD", ticks="", automargin=True,
                title=dict(standoff=8), tickfont=dict(color=TEXT))
    built = go.layout.Template(layout=dict(
        font=dict(family=FONT, size=13, color=TEXT),
        colorway=PALETTE,
        paper_bgcolor="#FFFFFF", plot_bgcolor="#FFFFFF",
        margin=dict(l=8, r=16, t=16, b=8),
        xaxis=axis, yaxis=axis,
        hoverlabel=dict(font=dict(family=FONT)),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0, title=dict(text="")),
        bargap=0.25,
        dragmode=False,
    ))
    pio.templates[TEMPLATE_NAME] = built
    return built


def year_axis() -> dict:
    """An integer year axis: one tick per year, no thousands separator ("2015", never "2.015")."""
    return dict(tickmode="linear", dtick=1, tickformat="d", type="linear")


@functools.lru_cache(maxsize=1)
def _template_json() -> str:
    return json.dumps(template().to_plotly_json())


def template_dict() -> dict:
    """The template in Plotly's JSON form, a fresh copy each time (a figure may change its own): what an
    unvalidated figure carries, so it draws with the theme wherever it is sent (see charts.figures)."""
    return json.loads(_template_json())
