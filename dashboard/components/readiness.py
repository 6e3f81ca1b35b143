"""KIPP readiness in the dashboard: the pieces the /kipp page, the overview's `kpi-ready` card and
/inovasi/<id> share (status cards, rules table, checklist, draft buttons, edition selector).

The engine is analytics.kipp.readiness (pure pandas); the cached evaluation per data version and
edition and the two readiness charts live in charts.readiness_views (no Dash), registered in
charts.views like every chart. Words are the catalog's `kipp.ui.*` (i18n/catalog_kipp.py), next to
the readiness messages; each status's label, hint, colour and badge come from its registry,
analytics.kipp.statuses.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from analytics.kipp.editions import edition_facts, load_editions
from analytics.kipp.statuses import REGISTRY, status_label, status_of
from analytics.kipp.rules import FAIL, MISSING, PASS
from analytics.kipp.readiness import Readiness
from i18n import format_date, format_int, format_score, t
from charts.readiness_views import edition_year, readiness_of, ready_count
from dashboard.components.workspace import create_open_link

STATE_BADGES = {PASS: ("✓", "passed", "success"), FAIL: ("✗", "failed", "danger"), MISSING: ("?", "missing", "secondary")}


def text(key: str, lang: str, **values) -> str:
    """The catalog's `kipp.ui.<key>`."""
    return t(f"kipp.ui.{key}", lang, **values)


# -- editions -------------------------------------------------------------------------------------

def edition_options(lang: str) -> list[dict]:
    """The edition selector's options, newest first: "KIPP 2023 (penutupan …)"."""
    editions = load_editions()
    return [{"label": text("edition_option", lang, label=e.label, closes=format_date(e.close_date, "day", lang)),
             "value": str(e.year)} for e in reversed([editions.get(y) for y in editions.years])]


# -- builders ---------------------------------------------------------------------------------------

def create_status_badge(status: str, lang: str, **kwargs) -> dbc.Badge:
    registered = status_of(status)
    return dbc.Badge(status_label(status, lang), color=registered.badge if registered else "secondary", **kwargs)


def create_status_counts(counts: dict[str, int], lang: str) -> list[dbc.Col]:
    """One small card per status; the number has id `kipp-count-<status key>` for automation."""
    return [dbc.Col(dbc.Card(dbc.CardBody([
        html.Div(status.label(lang), className="kpi-label small text-muted"),
        html.Div(format_int(counts.get(status.name, 0), lang), id=f"kipp-count-{status.key}",
                 className="kpi-value", style={"color": status.colour}),
        html.Div(status.hint(lang), className="kpi-detail small text-muted"),
    ]), className="kpi-card h-100"), xs=6, lg=3) for status in REGISTRY]


def create_rules_table(year: int, lang: str) -> dbc.Table:
    """The edition's rules, each marked verified or not, with its source."""
    rows = [html.Tr([html.Td(fact["rule"]), html.Td(fact["value"]),
                     html.Td(text("verified" if fact["verified"] else "unverified", lang)),
                     html.Td(fact["source"], className="small text-muted")])
            for fact in edition_facts(load_editions().get(year), lang)]
    head = html.Thead(html.Tr([html.Th(text(key, lang)) for key in ("rule", "value", "state", "source")]))
    return dbc.Table([head, html.Tbody(rows)], size="sm", striped=True, className="mb-0 small")


def edition_note(year: int, lang: str) -> str:
    facts = edition_facts(load_editions().get(year), lang)
    return text("edition_note", lang, closes=format_date(load_editions().get(year).close_date, "day", lang),
                verified=format_int(sum(f["verified"] for f in facts), lang), total=format_int(len(facts), lang))


def create_draft_download(innovation_id: str, year: int, lang: str) -> html.Div:
    """The button that downloads one innovation's draft (pattern ids, so it works on any page)."""
    key = {"innovation": str(innovation_id), "edition": int(year)}
    return html.Div([
        dbc.Button(text("download_draft", lang), id={"type": "kipp-draft", **key}, color="primary", size="sm",
                   n_clicks=0, className="kipp-draft-button"),
        dcc.Download(id={"type": "kipp-draft-file", **key}),
    ], className="mt-2")


def create_checklist(readiness: Readiness, position: int, lang: str) -> html.Div:
    """Status, score and every check of one innovation: ✓ passes, ✗ fails, ? missing in the data."""
    info = readiness.table.iloc[position]
    items = []
    for check in readiness.checks:
        state = int(check.state[position])
        mark, key, colour = STATE_BADGES[state]
        message = check.message(position, lang)
        label = check.label(lang)
        if message.startswith(label):  # section and attachment messages name themselves
            message = message[len(label):].lstrip(": ")
        items.append(html.Li([
            dbc.Badge(mark, color=colour, className="me-2", title=text(key, lang)),
            html.Span(label + ": ", className="fw-semibold"),
            html.Span(message),
        ], className=f"list-group-item small kipp-check kipp-check-{key}", **{"data-rule": check.rule}))
    return html.Div([
        html.Div([
            html.Span(str(info["name"]), className="fw-semibold me-2"),
            create_status_badge(info["status"], lang, className="me-2"),
            html.Span(text("score", lang, score=format_score(info["score"], lang)), className="small text-muted"),
        ], className="mb-2"),
        html.Ul(items, className="list-group kipp-checklist-items"),
        html.Div([create_draft_download(info["id"], readiness.edition.year, lang),
                  create_open_link(info["id"], readiness.edition.year, lang)], className="d-flex align-items-end"),
    ], **{"data-innovation": str(info["id"])})


def create_readiness_section(dataset, innovation_id: str, lang: str, href_kipp: str, year=None) -> dbc.Card:
    """The readiness block of /inovasi/<id>: an edition selector and the innovation's checklist."""
    year = edition_year(year)
    return dbc.Card(dbc.CardBody([
        html.Div([
            html.H2(text("detail_heading", lang), className="h6 mb-0 me-3"),
            dbc.Select(id={"type": "kipp-detail-edition", "innovation": str(innovation_id)},
                       options=edition_options(lang), value=str(year), size="sm", style={"maxWidth": "22rem"}),
        ], className="d-flex align-items-center flex-wrap gap-2 mb-2"),
        html.Div(create_detail_body(dataset, innovation_id, year, lang),
                 id={"type": "kipp-detail-body", "innovation": str(innovation_id)}),
        dcc.Link(text("detail_more", lang), href=href_kipp, className="small"),
    ]), className="mb-3", id="detail-readiness")


def create_detail_body(dataset, innovation_id: str, year: int, lang: str) -> html.Div:
    readiness = readiness_of(dataset, year)
    return create_checklist(readiness, readiness.position(innovation_id), lang)


def readiness_kpi(ctx) -> tuple[str, str, str]:
    """(label, value, detail) of the overview's `kpi-ready` card: Siap innovations in view for the
    latest edition (counted on the cached whole-data result: no per-request selection of checks)."""
    year = edition_year(None)
    edition = load_editions().get(year)
    return (text("kpi_label", ctx.lang, edition=edition.label), format_int(ready_count(ctx, year), ctx.lang),
            text("kpi_detail", ctx.lang, total=format_int(len(ctx.view), ctx.lang)))
