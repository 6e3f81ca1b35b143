"""The report of the current view, assembled for an A4 meeting: a cover (title, date, active filters, the
main findings, the KPIs, the trend), then the trend, agency and sector pages and the KIPP readiness
summary — every number from the same functions the pages call. Each chart appears once; rankings are
the top 10 and one summed "Lainnya" row; the year heatmaps become top-10 tables; the One Agency One
Innovation rule is stated only where it holds (one_agency.applies: no filter but years and agencies),
else the report says why it is left out.

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
from charts.views import Context, one_agency_missing, render
from exports import images
from exports.report.model import ChartPart, ListPart, Report, Section, TablePart
from i18n import format_date, format_int, format_signed_pct, t

Progress = Callable[[int, int], None]
REPORT_WIDTH = 700  # CSS px across 174 mm of A4: 12 px chart text (the smallest) prints at 8.4 pt
REPORT_PLOT_HEIGHT = 290  # CSS px: a year chart's plot, so two charts and their headings share a page
YEAR_CHARTS = ("trend", "breakdown", "yoy", "compliance", "readiness")  # a bar list's height is its rows'
RANKING_WRAP = 90  # characters of a name on one line above its bar: the report's 700 px hold them
FINDINGS = ("trend", "agency", "sector", "compliance", "readiness")  # the charts whose titles the cover lists
REPORT_SCALE = 1.8  # 1476 px over 174 mm ≈ 215 dpi: sharp in print


def _chart(name: str, ctx: Context) -> ChartPart:
    rendered = render(name, ctx)
    if name in YEAR_CHARTS and not rendered.empty:
        rendered.figure.update_layout(height=REPORT_PLOT_HEIGHT)
    if rendered.figure.layout.yaxis.tickfont.size is not None:  # a bar list's names: the base size, not smaller
        rendered.figure.update_yaxes(tickfont_size=None)
    # no source line in the image: the cover states the source once for every chart
    framed = images.framed_figure(rendered.figure, rendered.title, images.filters_in_words(ctx), "",
                                  width=REPORT_WIDTH)
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
    label = t("kpi.agencies", lang)   # over the years in view: say which, beside "not in {year}" further on
    if ctx.span is not None:
        label += f", {ctx.span[0]}–{ctx.span[1]}" if ctx.span[0] != ctx.span[1] else f", {ctx.span[0]}"
    rows.append((label,
                 f"{format_int(summary.agencies, lang)} {t('kpi.agencies_of', lang, total=format_int(summary.register, lang))}"))
    year = context_year(ctx, edition)
    rows.append((t("report.ready", lang, edition=year), format_int(ready_count(ctx, year), lang)))
    frame = pd.DataFrame(rows, columns=[t("report.kpi", lang), t("report.value", lang)])
    return TablePart(t("report.kpis", lang), frame)


def one_agency_blocks(ctx: Context) -> list:
    """The One Agency One Innovation chart per year (its bars say "41/57"; without Chromium its table) and the
    agencies without an innovation in the last year; under a filter the rule cannot be stated for, why not."""
    lang = ctx.lang
    if not one_agency.applies(ctx.filters):
        return [t("report.oaoi_filtered", lang, filters=images.filters_in_words(ctx))]
    blocks: list = [_chart("compliance", ctx)]
    if ctx.span is not None:
        sentence, missing = one_agency_missing(ctx, ctx.span[1])
        if sentence:
            blocks.append(sentence + (": " + ", ".join(missing) + "." if missing else ""))
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


def years_table(name: str, ctx: Context) -> list:
    """A year heatmap as a table of its top 10 rows and "Lainnya" (readable on A4), under its finding."""
    rendered = render(name, _with_others(ctx))
    return [] if rendered.empty else [TablePart(rendered.title, rendered.table)]


def _with_others(ctx: Context) -> Context:
    """The view with the report's rankings: top 10 + "Lainnya", each name on one line."""
    return Context(ctx.dataset, ctx.filters, ctx.view, ctx.span,
                   {**ctx.options, "others": True, "wrap": RANKING_WRAP})


def findings(sections: list[Section], lang: str) -> ListPart:
    """The main findings: the finding each chart's title states, in reading order, the trend first."""
    titles = [block.title for section in sections for block in section.blocks
              if isinstance(block, ChartPart) and not block.empty and block.name in FINDINGS]
    return ListPart(t("report.findings", lang), titles)


def build_report(ctx: Context, today: dt.date | None = None, edition: int | None = None) -> Report:
    """Everything the report says, computed once from the view (images are rendered separately)."""
    lang = ctx.lang
    today = today or dt.date.today()
    ranked = _with_others(ctx)
    sections = [
        Section(t("nav.home", lang), [kpi_table(ctx, edition), _chart("trend", ctx)]),
        Section(t("nav.tren", lang), [_chart("breakdown", ctx), _chart("yoy", ctx)]),
        Section(t("nav.opd", lang), [_chart("agency", ranked), *years_table("heatmap", ctx),
                                     *one_agency_blocks(ctx)]),
        Section(t("nav.urusan", lang), [_chart("sector", ranked), *years_table("sector-year", ctx)]),
        Section(t("report.readiness", lang), readiness_blocks(ctx, edition)),
    ]
    if not ctx.view.empty:  # a chart that cannot be drawn here (a year-on-year change of one year) is left out
        for section in sections:
            section.blocks = [b for b in section.blocks if not (isinstance(b, ChartPart) and b.empty)]
    sections[0].blocks.insert(0, findings(sections, lang))
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
