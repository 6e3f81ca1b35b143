"""KPI cards of the overview and the sentence stating the main finding.

`kpi-total` holds only the number of innovations in view (formatted: "1.234" under id), so
automation can read it.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import html

from analytics import metrics
from i18n import format_int, format_pct, format_signed_pct, t
from charts.views import Context


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


def create_kpi_cards(ctx: Context) -> list[dbc.Col]:
    """Innovations in view, change of the last year against the one before, agencies innovating."""
    lang = ctx.lang
    summary = metrics.summarise(ctx.dataset.view_frame, ctx.filters, ctx.dataset.register)
    span = ctx.span
    years = t("kpi.years", lang, start=span[0], end=span[1]) if span else ""
    cards = [_card(t("kpi.total", lang), format_int(summary.total, lang), years, "kpi-total")]
    if summary.year is not None and summary.change is not None:
        tone = "text-negative" if summary.change < 0 else "text-positive" if summary.change > 0 else ""
        cards.append(_card(t("kpi.change", lang, year=summary.year, prev=summary.year - 1),
                           format_signed_pct(summary.change, lang),
                           t("kpi.change_detail", lang, count=format_int(summary.previous, lang),
                             prev=summary.year - 1), "kpi-change", tone))
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
    finding = metrics.main_finding(ctx.view, ctx.span)
    if finding.kind == "none":
        return t("finding.none", lang)
    if finding.kind == "single":
        return t("finding.single", lang, count=format_int(finding.count, lang), year=finding.year,
                 agencies=format_int(finding.agencies, lang))
    if finding.kind == "flat":
        return t("finding.flat", lang, count=format_int(finding.count, lang), prev=finding.previous_year,
                 year=finding.year)
    if finding.ratio is None:  # nothing the year before: a percentage would be meaningless
        return t("finding.new", lang, count=format_int(finding.count, lang), prev=finding.previous_year,
                 year=finding.year)
    return t(f"finding.{finding.kind}", lang, pct=format_pct(abs(finding.ratio), lang), prev=finding.previous_year,
             year=finding.year)
