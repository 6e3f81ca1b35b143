"""The charts the exports know, and in which order: every `charts.views.CHARTS` entry.

Exports never compute a chart of their own: a chart is a `views.ChartView` (data → figure, title,
table) drawn with `views.render`, the same row the page draws from, so an image, a report and the
screen show the same numbers. KIPP readiness is one of those rows (see charts.readiness_views).
"""

from __future__ import annotations

from charts.views import CHARTS

# Report order: the overview, then the trend, agency and sector pages (DESIGN.md §4); KIPP comes after.
REPORT_SECTIONS: list[tuple[str, list[str]]] = [
    ("nav.home", ["trend", "agency", "sector"]),
    ("nav.tren", ["breakdown", "yoy"]),
    ("nav.opd", ["agency-rank", "heatmap", "compliance"]),
    ("nav.urusan", ["sector-rank", "sector-year"]),
]
# The names `python app.py chart NAME` accepts (DESIGN.md §3), then every other chart of the pages.
CLI_CHARTS = ["trend", "agency", "sector", "readiness"]


def chart_names() -> list[str]:
    """Every chart an export can draw: the CLI's names first, then the pages' other charts."""
    return list(dict.fromkeys(CLI_CHARTS + list(CHARTS)))
