"""Figures as the browser needs them: the template's settings written into the layout once (Plotly
otherwise sends the whole template with every figure), floats rounded to what a chart can show, and
margins that already hold the labels (charts.margins: otherwise Plotly draws the chart twice).

`lean(figure)` draws the same chart as `figure` (tests/unit/charts/test_lean.py); the images, PDF and
Word exports keep using the figures themselves.
"""

from __future__ import annotations

import math

import numpy as np
import plotly.graph_objects as go

from charts import margins

SIGNIFICANT = 6  # digits kept of a float: far beyond what a bar, a hover or a colour can show


def _round(value):
    if isinstance(value, float):
        return value if not math.isfinite(value) or value == 0 else float(f"{value:.{SIGNIFICANT}g}")
    if isinstance(value, np.ndarray):
        return _round(value.tolist())
    if isinstance(value, (list, tuple)):
        return [_round(item) for item in value]
    if isinstance(value, dict):
        return {key: _round(item) for key, item in value.items()}
    if isinstance(value, np.generic):
        return _round(value.item())
    return value


def _merge(defaults: dict, values: dict) -> dict:
    """`values` over `defaults`, dict by dict (what Plotly does with a template)."""
    merged = dict(defaults)
    for key, value in values.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def lean(figure: go.Figure) -> dict:
    """The figure as a plain dict: no template object, the template's layout settings merged in
    (Plotly.js applies no template of its own), floats rounded, margins fitted to its labels.

    Read from the figure's own JSON-form properties (Plotly's `_data` and `_layout`), which `_round`
    copies anyway: `to_plotly_json` would deep-copy them and look for arrays to encode first."""
    data = {"data": figure._data, "layout": figure._layout}
    layout = dict(data.get("layout") or {})
    template = layout.pop("template", None) or {}
    template_layout = template.get("layout", {}) if isinstance(template, dict) else {}
    if hasattr(template_layout, "to_plotly_json"):
        template_layout = template_layout.to_plotly_json()
    layout = _merge(template_layout, layout)
    for name in [key for key in layout if key.startswith(("xaxis", "yaxis")) and key not in ("xaxis", "yaxis")]:
        layout[name] = _merge(template_layout.get(name[:5], {}), layout[name])
    layout["margin"] = margins.fit(figure, layout)  # room for the labels up front: Plotly draws once
    return {"data": _round(data.get("data") or []), "layout": _round(layout)}
