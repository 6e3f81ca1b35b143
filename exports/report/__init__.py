"""The report of the current view: title, date, active filters, KPIs, the charts of the overview, trend,
agency and sector pages, the One Agency One Innovation table and the KIPP readiness summary.

`build_report(ctx)` gathers the content once (every number from the same functions the pages call);
`write_report(ctx, path)` renders it as PDF (report_pdf, reportlab) or Word (report_docx, python-docx),
A4 with page numbers, in the view's language. Chart images come from exports.images; where
no Chromium exists the report still holds every chart's numbers as a table, and says why.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd
import plotly.graph_objects as go

from analytics import metrics, one_agency
from analytics.kipp import readiness as kipp
from analytics.kipp.messages import STATUSES, status_label
from analytics.dataset import source_caption
from exports import images
from exports.charts import REPORT_SECTIONS
from i18n import format_date, format_int, format_signed_pct, t
from charts.readiness_views import context_year, ready_count, view_readiness
from charts.views import Context, download_name, render

MEDIA_TYPES = {"pdf": "application/pdf",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
Progress = Callable[[int, int], None]
REPORT_WIDTH = 820  # CSS px across 174 mm of A4: chart text prints at ~8 pt
REPORT_SCALE = 1.8  # 1476 px over 174 mm ≈ 215 dpi: sharp in print


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


def _chart(name: str, ctx: Context) -> ChartPart:
    rendered = render(name, ctx)
    framed = images.framed_figure(rendered.figure, rendered.title, images.filters_in_words(ctx),
                                  images.image_footer(ctx), width=REPORT_WIDTH)
    return ChartPart(name, rendered.title, framed, rendered.table, rendered.empty)


def kpi_table(ctx: Context, edition: int | None = None) -> TablePart:
    """The overview's KPIs (metrics.summarise, as the cards) plus the proposal-ready count."""
    lang = ctx.lang
    summary = metrics.summarise(ctx.dataset.frame, ctx.filters, ctx.dataset.register)
    rows = [(t("kpi.total", lang), format_int(summary.total, lang))]
    if summary.year is not None and summary.change is not None:
        key = "kpi.change" if summary.until is None else "kpi.change_partial"
        rows.append((t(key, lang, year=summary.year, prev=summary.year - 1),
                     f"{format_signed_pct(summary.change, lang)} ({format_int(summary.previous, lang)} → "
                     f"{format_int(summary.count, lang)})"))
    if summary.until is not None:   # the last year is partial: say how far its data runs
        rows.append((t("report.partial", lang, year=summary.year), format_date(summary.until, "day", lang)))
    rows.append((t("kpi.agencies", lang),
                 f"{format_int(summary.agencies, lang)} {t('kpi.agencies_of', lang, total=format_int(summary.register, lang))}"))
    year = context_year(ctx, edition)
    rows.append((t("report.ready", lang, edition=year), format_int(ready_count(ctx, year), lang)))
    frame = pd.DataFrame(rows, columns=[t("report.kpi", lang), t("report.value", lang)])
    return TablePart(t("report.kpis", lang), frame)


def one_agency_blocks(ctx: Context) -> list:
    """The One Agency One Innovation table per year and the agencies without one in the last year."""
    lang = ctx.lang
    compliance = render("compliance", ctx)
    blocks: list = [TablePart(t("opd.compliance_heading", lang), compliance.table)] if not compliance.empty else []
    if ctx.span is not None:
        register = one_agency.denominator(ctx.dataset.register, ctx.filters.agencies)
        year = ctx.span[1]
        missing = one_agency.agencies_without_innovation(ctx.view, register, year)
        if missing:
            blocks.append(t("opd.missing", lang, count=format_int(len(missing), lang),
                            total=format_int(len(register), lang), year=year) + ": " + ", ".join(missing) + ".")
        elif register:
            blocks.append(t("opd.all_ok", lang, year=year))
    return blocks


def readiness_blocks(ctx: Context, edition: int | None = None) -> list:
    """The readiness summary: edition, counts per status, the shortlist size, the readiness chart."""
    lang = ctx.lang
    readiness = view_readiness(ctx, context_year(ctx, edition))
    counts = kipp.summary(readiness)
    intro = t("report.readiness_intro", lang, edition=readiness.edition.label,
              close=format_date(readiness.edition.close_date, "day", lang),
              ready=format_int(counts["Siap"], lang), total=format_int(len(readiness), lang),
              shortlist=format_int(len(kipp.shortlist(readiness)), lang))
    table = pd.DataFrame([(status_label(s, lang), format_int(counts[s], lang)) for s in STATUSES],
                         columns=[t("report.status", lang), t("column.count", lang)])
    return [intro, TablePart(readiness.edition.label, table), _chart("readiness", ctx),
            t("report.readiness_note", lang)]


def build_report(ctx: Context, today: dt.date | None = None, edition: int | None = None) -> Report:
    """Everything the report says, computed once from the view (images are rendered separately)."""
    lang = ctx.lang
    today = today or dt.date.today()
    sections = []
    for heading, names in REPORT_SECTIONS:
        section = Section(t(heading, lang), [_chart(name, ctx) for name in names])
        if heading == "nav.home":
            section.blocks.insert(0, kpi_table(ctx, edition))
        if heading == "nav.opd":
            section.blocks.extend(one_agency_blocks(ctx))
        sections.append(section)
    sections.append(Section(t("report.readiness", lang), readiness_blocks(ctx, edition)))
    return Report(lang=lang, title=t("report.title", lang), subtitle=t("app.region", lang),
                  created=t("report.created", lang, date=format_date(today, "day", lang)),
                  filters=t("report.filters", lang, filters=images.filters_in_words(ctx)),
                  count=t("report.count", lang, count=format_int(len(ctx.view), lang)),
                  source=source_caption(ctx.dataset, lang), sections=sections)


def render_images(report: Report, progress: Progress | None = None) -> Report:
    """Render every chart of `report` to PNG in the process's warm browser (tabs in parallel).

    Without Chromium the charts stay as tables and the report says so."""
    charts = [chart for chart in report.charts() if not chart.empty]
    if not images.chromium_available():
        report.notes.append(t("report.no_charts", report.lang))
        return report
    batch = 4
    for start in range(0, len(charts), batch):
        chunk = charts[start:start + batch]
        for chart, png in zip(chunk, images.figure_images([c.figure for c in chunk], "png", REPORT_SCALE)):
            chart.image = png
        if progress:
            progress(min(start + batch, len(charts)), len(charts) + 1)
    return report


def report_filename(ctx: Context, fmt: str) -> str:
    """ "laporan-inovasi_2016.pdf" style names, from the same slugs as the chart images."""
    return download_name("laporan", ctx.filters).replace("inovasi-laporan", "laporan-inovasi", 1) + f".{fmt}"


def write_report(ctx: Context, path: str | os.PathLike, fmt: str | None = None,
                 progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """Write the report of `ctx` to `path` as pdf or docx (by `fmt`, else the suffix), atomically."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in MEDIA_TYPES:
        raise ValueError(f"format laporan tidak dikenal: {fmt} (pilih pdf atau docx)")
    report = render_images(build_report(ctx, today), progress)
    temporary = path.with_name(f".{path.name}.tmp")
    if fmt == "pdf":
        from exports.report.pdf import write_pdf

        write_pdf(report, temporary)
    else:
        from exports.report.docx import write_docx

        write_docx(report, temporary)
    temporary.replace(path)
    if progress:
        total = len([c for c in report.charts() if not c.empty]) + 1
        progress(total, total)
    return path


def report_bytes(ctx: Context, fmt: str, progress: Progress | None = None) -> tuple[bytes, str]:
    """The report as bytes in memory, with its file name (for a download)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="dasbor-report-") as folder:
        path = write_report(ctx, Path(folder) / f"report.{fmt}", fmt, progress)
        return path.read_bytes(), report_filename(ctx, fmt)
