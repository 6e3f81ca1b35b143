"""The report's data model: what the report says, independent of how it is drawn.

`build.build_report` fills it from a view; the writers (`pdf.write_pdf`, `docx.write_docx`) read it
and import nothing else of the report, so the model, the assembly and the writers never import one
another in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go


@dataclass
class ChartPart:
    """One chart: the framed figure (title, filters and source drawn in), its table, and its image."""

    name: str
    title: str
    figure: go.Figure
    table: pd.DataFrame
    empty: bool
    image: bytes | None = None  # PNG, filled by render_images


@dataclass(frozen=True)
class TablePart:
    title: str
    frame: pd.DataFrame  # display strings, headers in the report's language


@dataclass
class Section:
    heading: str
    blocks: list = field(default_factory=list)  # ChartPart | TablePart | str (a paragraph)


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
