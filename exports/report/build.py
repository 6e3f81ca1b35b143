"""The report of the current view, assembled: title, date, active filters, KPIs, the charts of the
overview, trend, agency and sector pages, the One Agency One Innovation table and the KIPP readiness
summary — every number from the same functions the pages call.

`build_report(ctx)` gathers the content once into the model (exports.report.model);
`render_images(report)` draws its charts in the process's warm browser (exports.images). Where no
Chromium exists the report still holds every chart's numbers as a table, and says why.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

import pandas as pd

from analytics import metrics, one_agency
from analytics.dataset import source_caption
from analytics.kipp import readiness as kipp
from analytics.kipp.statuses import READY, REGISTRY
from charts.readiness_views import context_year, ready_count, view_readiness
from charts.views import Context, render
from exports import images
from exports.charts import REPORT_SECTIONS
from exports.report.model import ChartPart, Report, Section, TablePart
from i18n import format_date, format_int, format_signed_pct, t

Progress = Callable[[int, int], None]
REPORT_WIDTH = 820  # CSS px across 174 mm of A4: chart text prints at ~8 pt
REPORT_SCALE = 1.8  # 1476 px over 174 mm ≈ 215 dpi: sharp in print


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
              ready=format_int(counts[READY.name], lang), total=format_int(len(readiness), lang),
              shortlist=format_int(len(kipp.shortlist(readiness)), lang))
    table = pd.DataFrame([(s.label(lang), format_int(counts[s.name], lang)) for s in REGISTRY],
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
