"""The report's data model: what the report says, independent of how it is drawn.

`build.build_report` fills it from a view; the writers (`pdf.write_pdf`, `docx.write_docx`) read it
and import nothing else of the report, so the model, the assembly and the writers never import one
another in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

CHART_SHARE = 0.67  # the tallest a chart is placed, as a share of the page's text height (see report.pdf)


def column_shares(count: int) -> list[float]:
    """How a report table of `count` columns shares the text width: the first column (the names) wider,
    the rest alike; more than 8 columns is a year table, whose names get 28%."""
    if count <= 1:
        return [1.0]
    first = 0.28 if count > 8 else min(0.45, max(1 / count, 0.3)) if count > 2 else 0.6
    return [first] + [(1 - first) / (count - 1)] * (count - 1)


@dataclass
class ChartPart:
    """One chart: the framed figure (title, filters and source drawn in), its table, and its image."""

    name: str
    title: str
    figure: go.Figure
    table: pd.DataFrame
    empty: bool
    image: bytes | None = None  # PNG, filled by render_images
    placed_width: float | None = None  # points across the page, set by the writer that placed the image

    def smallest_text_pt(self) -> float | None:
        """The smallest chart text as printed: its font size in CSS px scaled by the placed width."""
        if self.placed_width is None:
            return None
        return smallest_font_px(self.figure) * self.placed_width / float(self.figure.layout.width)


def smallest_font_px(figure: go.Figure) -> float:
    """The smallest font size a figure sets anywhere (titles, ticks, texts, annotations, legend), or its
    template's base size: every text without a size of its own inherits that."""
    sizes: list[float] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("font") and isinstance(value, dict) and isinstance(value.get("size"), (int, float)):
                    sizes.append(float(value["size"]))
                walk(value)
        elif isinstance(node, (list, tuple)):
            for item in node:
                walk(item)

    walk(figure.to_plotly_json())
    return min(sizes) if sizes else 12.0


@dataclass(frozen=True)
class TablePart:
    title: str
    frame: pd.DataFrame  # display strings, headers in the report's language


@dataclass(frozen=True)
class ListPart:
    title: str
    items: list[str]


@dataclass
class Section:
    heading: str
    blocks: list = field(default_factory=list)  # ChartPart | TablePart | ListPart | str (a paragraph)


@dataclass
class Report:
    lang: str
    title: str
    subtitle: str
    created: str
    filters: str
    count: str
    source: str
    sections: list[Section]
    notes: list[str] = field(default_factory=list)

    def charts(self) -> list[ChartPart]:
        """Every chart of the report, in reading order."""
        return [block for section in self.sections for block in section.blocks if isinstance(block, ChartPart)]
