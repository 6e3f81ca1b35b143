"""KPI cards of the overview and the sentence stating the main finding.

`kpi-total` holds only the number of innovations in view (formatted: "1.234" under id), so
automation can read it.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from analytics import metrics
from analytics.partial import same_day
from i18n import format_date, format_int, format_pct, format_signed_pct, t
from charts.views import Context

# the year-on-year change: the sentence above the cards says it as precisely as the change card does
CHANGE_DIGITS = 1


def _card(label: str, value: str, detail: str, value_id: str, tone: str = "") -> dbc.Col:
    return dbc.Col(dbc.Card(dbc.CardBody([
        html.Div(label, className="kpi-label small text-muted"),
        html.Div(value, id=value_id, className=f"kpi-value {tone}".strip()),
        html.Div(detail, className="kpi-detail small text-muted"),
    ]), className="kpi-card h-100"), xs=12, sm=6, lg=True)


def create_readiness_card(ctx: Context) -> dbc.Col | None:
    """Innovations in view that are Siap for the latest KIPP edition (value id="kpi-ready")."""
    from dashboard.components.readiness import readiness_kpi

    return _card(*readiness_kpi(ctx), "kpi-ready")


def _change_card(summary: metrics.Summary, lang: str) -> dbc.Col:
    """The last year against the one before; a partial year against the same period of the one before."""
    tone = "text-negative" if summary.change < 0 else "text-positive" if summary.change > 0 else ""
    year, prev, previous = summary.year, summary.year - 1, format_int(summary.previous, lang)
    if summary.until is None:
        label = t("kpi.change", lang, year=year, prev=prev)
        detail = t("kpi.change_detail", lang, count=previous, prev=prev)
    else:
        label = t("kpi.change_partial", lang, year=year, prev=prev)
        detail = t("kpi.change_partial_detail", lang, count=previous, prev=prev, year=year,
                   same_day=format_date(same_day(summary.until, prev), "day", lang),
                   until=format_date(summary.until, "day", lang))
    return _card(label, format_signed_pct(summary.change, lang, CHANGE_DIGITS), detail, "kpi-change", tone)


def create_kpi_cards(ctx: Context) -> list[dbc.Col]:
    """Innovations in view, change of the last year against the one before, agencies innovating."""
    lang = ctx.lang
    summary = metrics.summarise(ctx.dataset.view_frame, ctx.filters, ctx.dataset.register,
                                encoded=ctx.dataset.encoded)
    span = ctx.span
    until = format_date(summary.until, "day", lang) if summary.until else None
    years = ""
    if span and until and summary.year == span[1]:
        years = t("kpi.years_partial", lang, start=span[0], end=span[1], until=until)
    elif span:
        years = t("kpi.years", lang, start=span[0], end=span[1])
    cards = [_card(t("kpi.total", lang), format_int(summary.total, lang), years, "kpi-total")]
    if summary.year is not None and summary.change is not None:
        cards.append(_change_card(summary, lang))
    elif until:   # a partial year that cannot be compared like with like: no change is shown
        cards.append(_card(t("kpi.partial", lang, year=summary.year), t("detail.empty", lang),
                           t("kpi.partial_detail", lang, until=until, prev=summary.year - 1), "kpi-change"))
    else:
        cards.append(_card(t("kpi.change_none", lang), t("detail.empty", lang), t("kpi.change_na", lang),
                           "kpi-change"))
    cards.append(_card(t("kpi.agencies", lang), format_int(summary.agencies, lang),
                       t("kpi.agencies_of", lang, total=format_int(summary.register, lang)), "kpi-agencies"))
    readiness = create_readiness_card(ctx)
    if readiness is not None:
        cards.append(readiness)
    return cards


def finding_sentence(ctx: Context) -> str:
    """The main finding in one sentence: "Jumlah inovasi turun 16% dari 2016 ke 2017."."""
    lang = ctx.lang
    finding = metrics.main_finding(ctx.view, ctx.span, agencies=len(ctx.value_counts("agency")))
    if finding.kind == "none":
        return t("finding.none", lang)
    if finding.kind == "single":
        return t("finding.single", lang, count=format_int(finding.count, lang), year=finding.year,
                 agencies=format_int(finding.agencies, lang))
    if finding.until is not None:
        return _partial_sentence(finding, lang)
    if finding.kind == "flat":
        return t("finding.flat", lang, count=format_int(finding.count, lang), prev=finding.previous_year,
                 year=finding.year)
    if finding.ratio is None:  # nothing the year before: a percentage would be meaningless
        return t("finding.new", lang, count=format_int(finding.count, lang), prev=finding.previous_year,
                 year=finding.year)
    return t(f"finding.{finding.kind}", lang, pct=format_pct(abs(finding.ratio), lang, CHANGE_DIGITS), prev=finding.previous_year,
             year=finding.year)


def _partial_sentence(finding: metrics.Finding, lang: str) -> str:
    """A partial last year: against the same period of the year before, or only how far it runs."""
    until, count = format_date(finding.until, "day", lang), format_int(finding.count, lang)
    if finding.kind == "partial":
        return t("finding.partial", lang, year=finding.year, until=until, count=count, prev=finding.previous_year,
                 previous=format_int(finding.previous, lang))
    if finding.kind == "flat":
        return t("finding.partial_flat", lang, until=until, year=finding.year, count=count,
                 prev=finding.previous_year)
    return t(f"finding.partial_{finding.kind}", lang, until=until, year=finding.year,
             pct=format_pct(abs(finding.ratio), lang, CHANGE_DIGITS), prev=finding.previous_year)
