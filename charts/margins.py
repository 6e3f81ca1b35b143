"""Margins that already hold what Plotly's automargin will ask for, so a browser draws each chart once.

With `automargin` (the template's axes) and a legend above the plot, Plotly draws a chart, measures its
tick labels, axis titles and legend, and when they need more room than the layout's margins it draws the
whole chart a second time; on /opd's heatmap that second drawing is half of Plotly's time. `fit(figure)`
estimates that room from the text itself, generously: character widths of DejaVu Sans (the widest of the
common system fonts, Debian's `system-ui`), legends and year labels as a half-width card on a desktop
wraps and turns them. Automargin stays
on, so an estimate short of the need costs only the second drawing, never a clipped label; one beyond it
leaves a little blank space.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

# Advance widths in em (DejaVu Sans), rounded up; characters not listed count as WIDE.
WIDTHS = {**dict.fromkeys("0123456789", 0.64), " ": 0.32, ",": 0.32, ".": 0.32, ":": 0.34, ";": 0.34,
          "'": 0.28, "(": 0.4, ")": 0.4, "/": 0.34, "-": 0.37, "&": 0.78, "%": 0.95, "−": 0.84,
          "m": 0.98, "w": 0.82, "M": 0.87, "W": 0.99, "i": 0.28, "l": 0.28, "j": 0.28, "I": 0.3}
LOWER, UPPER, WIDE = 0.6, 0.72, 0.8
LINE = 1.3           # a line of text is this many font sizes tall
LABEL_GAP = 6        # between an axis and its tick labels, and around them
TITLE_ROOM = 1.5     # an axis title: its line and the space Plotly keeps around it, in font sizes
WIDTH = 520          # the chart's width assumed: a half-width card on a desktop (a wider one has room to spare)
LEGEND_ITEM = 40     # a legend entry's symbol and gaps, beside its text
LEGEND_ROW = 1.75    # a legend row's height, in font sizes
LEGEND_PAD = 20      # the legend's own padding and the room Plotly keeps above it
HEIGHT = 450         # Plotly's height of a figure that names none
SLACK = 1.06         # text measured in another font may be this much wider


def text_width(text: str, size: float, slack: float = SLACK) -> float:
    """Pixels of the widest line of `text` ("<br>" breaks lines) at font `size`, times `slack`."""
    def line(part: str) -> float:
        return sum(WIDTHS.get(char, LOWER if char.islower() else UPPER if char.isupper() else WIDE)
                   for char in part)
    return max((line(part) for part in str(text).split("<br>")), default=0) * size * slack


def _lines(values) -> int:
    return max((str(value).count("<br>") + 1 for value in values), default=1)


def _number_label(values, tickformat: str | None, axis_range) -> str:
    """The widest tick label a numeric axis can get (its largest tick, signed, in its format)."""
    numbers = [abs(float(v)) for v in values if v is not None and np.isfinite(float(v))]
    top = max([*numbers, *(abs(float(v)) for v in axis_range or [])], default=0) * 1.25
    negative = any(float(v) < 0 for v in values if v is not None and np.isfinite(float(v)))
    sign = "−" if negative else ""
    if tickformat and tickformat.endswith("%"):
        return f"{sign}{math.ceil(top * 100):,}%"
    return f"{sign}{math.ceil(top):,}" if top >= 1 else "0.0"


def _axis_values(figure: go.Figure, letter: str, stacked: bool) -> list:
    """The values on axis `letter`; of stacked bars, each stack's total too."""
    values, totals = [], {}
    for trace in figure.data:
        own = list(getattr(trace, letter, None) if getattr(trace, letter, None) is not None else [])
        values.extend(own)
        other = getattr(trace, "y" if letter == "x" else "x", None)
        value_axis = "x" if getattr(trace, "orientation", None) == "h" else "y"
        if stacked and trace.type == "bar" and letter == value_axis and other is not None:
            for key, value in zip(list(other), own):
                if isinstance(value, (int, float, np.number)):
                    totals[key] = totals.get(key, 0) + value
    return values + list(totals.values())


def _tick_labels(figure: go.Figure, letter: str, axis: dict, stacked: bool = False) -> list:
    """What the axis writes beside the plot: category names, or its widest number; none when hidden."""
    if axis.get("visible") is False or axis.get("showticklabels") is False:
        return []
    if "inside" in str(axis.get("ticklabelposition") or ""):
        return []
    values = _axis_values(figure, letter, stacked)
    if axis.get("tickformat") == "d" or axis.get("type") == "category" or any(isinstance(v, str) for v in values):
        return list(dict.fromkeys(str(v) for v in values if v is not None))  # each label once
    return [_number_label(values, axis.get("tickformat"), axis.get("range"))]


def _title(axis: dict) -> str:
    title = axis.get("title") or {}
    return (title.get("text") if isinstance(title, dict) else title) or ""


def _legend_rows(figure: go.Figure, size: float, width: float) -> int:
    names = [trace.name for trace in figure.data if trace.name and trace.showlegend is not False]
    if len(names) < 2 and not any(trace.showlegend for trace in figure.data):
        return 0
    items = [LEGEND_ITEM + text_width(name, size, slack=1) for name in names]
    if sum(items) <= width:
        return 1
    return math.ceil(len(items) / max(1, int(width // max(items))))  # wrapped: columns of the widest entry


def fit(figure: go.Figure, layout: dict) -> dict:
    """The margins (l, r, t, b) for `layout` (the figure's layout as sent, template merged in): the
    larger of its own and the room its labels, titles and legend need."""
    size = float((layout.get("font") or {}).get("size") or 12)
    margin = dict(layout.get("margin") or {})
    need = {side: float(margin.get(side) or 0) for side in "lrtb"}
    for letter in "yx":  # the y labels first: they narrow the plot the x labels share
        axis = layout.get(f"{letter}axis") or {}
        if axis.get("automargin") is False or axis.get("visible") is False:
            continue
        tick_size = float((axis.get("tickfont") or {}).get("size") or size)
        labels = _tick_labels(figure, letter, axis, layout.get("barmode") in ("stack", "relative"))
        title = _title(axis)
        title_size = float(((axis.get("title") or {}).get("font") or {}).get("size") or size)
        standoff = float((axis.get("title") or {}).get("standoff") or 0) if title else 0
        widest = max((text_width(label, tick_size) for label in labels), default=0)
        if letter == "y":  # labels beside the plot; the first and last stand out half a line above and below
            room = widest + LABEL_GAP if labels else 0
            side = "r" if axis.get("side") == "right" else "l"
            ends = ("t", "b", LINE * tick_size / 2 + 2 * LABEL_GAP) if labels else None
        else:  # labels under (or over) the plot; the first and last stand out half their width left and right
            room = _lines(labels) * LINE * tick_size + LABEL_GAP if labels else 0
            plot = WIDTH - need["l"] - need["r"]
            unslacked = max(text_width(label, tick_size, slack=1) for label in labels) if labels else 0
            if labels and axis.get("tickangle") in (None, "auto") and plot / len(labels) < unslacked + 4:
                room += 0.75 * widest  # too close to stand side by side: Plotly turns them
            side = "t" if axis.get("side") == "top" else "b"
            ends = ("l", "r", widest / 2 + LABEL_GAP) if labels else None
        if ends:
            for end in ends[:2]:
                need[end] = max(need[end], math.ceil(ends[2]))
        room += standoff + TITLE_ROOM * title_size if title else 0
        need[side] = max(need[side], math.ceil(room + LABEL_GAP))
    legend = layout.get("legend") or {}
    if legend.get("orientation") == "h" and float(legend.get("y", 1)) > 1:
        rows = _legend_rows(figure, float((legend.get("font") or {}).get("size") or size),
                            WIDTH - need["l"] - need["r"])  # a legend wraps within the plot's width
        if rows:  # its `y` above 1 lifts it by that share of the plot's height: on a long ranking drawn whole, 40 px
            lift = (float(legend["y"]) - 1) * (float(layout.get("height") or HEIGHT) - need["b"])
            need["t"] = max(need["t"], math.ceil(rows * LEGEND_ROW * size + LEGEND_PAD + lift))
    return {**margin, **{side: int(value) for side, value in need.items()}}
