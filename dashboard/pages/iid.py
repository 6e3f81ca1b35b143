"""Indeks Inovasi Daerah (/iid): the regency's index of an IID edition, its predikat, how it is made up,
the cheapest evidence additions (what-if) and each innovation's computed SID beside the export's
Kematangan.

`?iid=2024` opens an edition (default: the latest in data/reference/iid_editions.toml that the data reaches); the edition
links write it into the URL. The index is the regency's whole: the filters of the bar do not narrow it.
Evidence: what editors entered in the dashboard (editors also see its history, each change with a revert button) (the government's SPD indicators below the index, an
innovation's SID indicators on its workspace page) over the evidence sheets (the synthetic
data/iid_sample/bukti_iid.csv while the data is the sample) over what the innovations' own columns show
(analytics/iid/evidence.py); each tier says its source. Viewers read the evidence; the save refuses them.
"""

from __future__ import annotations

import dash
from dash import Output, dcc, html

from analytics.iid.editions import IIDEditionError, edition_facts, load_editions
from analytics.iid.evidence import default_evidence
from analytics.iid.scoring import assess_with_sheets, default_edition, describe_move, what_if
from analytics.filter_fields import home_region
from dashboard.auth import editor_name
from dashboard.components import iid_evidence as evidence_ui
from dashboard.components.filterbar import page_query
from dashboard.components.page import context_from_query, create_page, rendering_for_validation
from dashboard.sources import current_dataset, current_store
from i18n import format_int, format_number, t

dash.register_page(__name__, path="/iid", order=7, name="Indeks Inovasi Daerah",
                   title="Indeks Inovasi Daerah · Dasbor Inovasi", nav=True, label_key="nav.iid",
                   filters_note="iid.ui.filters_ignored")  # the shell hides the filter bar here and says why

PAGE = "iid"
KEY = "iid"          # the page's own URL key: the edition's year
WHAT_IF = 10
ROWS = 300           # innovations listed (an edition has about a hundred)
SPD = "iid-spd"      # the id prefix of the government's evidence editor (dashboard/components/iid_evidence.py)


def _edition(query: dict, frame):
    """The edition of the URL's `iid`, else the latest the regency's rows reach."""
    editions = load_editions()
    try:
        return editions.get(int(query.get(KEY))) if query.get(KEY) else default_edition(frame, editions)
    except (IIDEditionError, ValueError):
        return default_edition(frame, editions)


def _edition_links(edition, search: str, lang: str) -> html.Div:
    links = []
    for year in load_editions().years:
        query = page_query(search, **{KEY: year})
        links.append(dcc.Link(str(year), href=f"/iid?{query}", id=f"iid-edition-{year}",
                              className="btn btn-sm " + ("btn-primary" if year == edition.year
                                                         else "btn-outline-primary")))
    return html.Div([html.Span(t("iid.ui.edition", lang), className="me-2"), *links],
                    className="d-flex gap-1 align-items-center mb-3", id="iid-editions")


def _table(assessment, lang: str) -> html.Table:
    columns = ("name", "agency", "sid", "maturity", "difference", "assessed")
    head = html.Thead(html.Tr([html.Th(t(f"iid.ui.col.{c}", lang)) for c in columns]))
    yes, no = t("iid.ui.yes", lang), t("iid.ui.no", lang)
    body = html.Tbody([
        html.Tr([html.Td(r.name), html.Td(r.agency), html.Td(format_number(r.sid, lang, 0)),
                 html.Td(format_number(r.maturity, lang, 0)), html.Td(format_number(r.difference, lang, 0)),
                 html.Td(yes if r.assessed else no)], **{"data-id": str(r.id)})
        for r in assessment.innovations.head(ROWS).itertuples()])
    return html.Table([head, body], id="iid-table", className="table table-sm small")


def _body(assessment, lang: str) -> list:
    """The index, its predikat and parts, the what-if list and the innovations' SID (what a save redraws)."""
    edition, result = assessment.edition, assessment.result
    facts = edition_facts(edition, lang)
    moves = what_if(assessment, WHAT_IF)
    return [
        html.Div([
            html.Div(format_number(result.index, lang, 2), id="iid-index", className="display-5 fw-semibold"),
            html.Div(result.band.label(lang), id="iid-predikat", className="h5"),
            html.P(t("iid.ui.parts", lang, spd=format_number(result.spd, lang, 2),
                     sid_sum=format_number(result.sid_sum, lang, 2), divisor=format_int(result.divisor, lang),
                     sid_average=format_number(result.sid_average, lang, 2),
                     count_score=format_number(result.count_score, lang, 2),
                     total=format_number(result.total, lang, 2), max_total=format_number(edition.max_total, lang, 0),
                     n=format_int(result.n, lang)), id="iid-parts", className="small"),
            html.P(t("iid.ui.bands", lang, bands=", ".join(
                f"{b.label(lang)} ≥ {format_number(b.start.value, lang, 2)}" for b in edition.bands)),
                className="small text-muted mb-1"),
            html.P(t("iid.ui.unverified", lang, count=format_int(sum(not f["verified"] for f in facts), lang),
                     total=format_int(len(facts), lang)), className="small text-muted"),
        ], className="mb-3"),
        html.H2(t("iid.ui.whatif", lang), className="h5"),
        # each move starts with its indicator's number ("13a."): bullets, not a second number before it
        html.Ul([html.Li(describe_move(m, edition, lang), **{"data-indicator": m.indicator}) for m in moves]
                or [html.Li(t("iid.ui.no_moves", lang))], id="iid-whatif", className="small"),
        html.H2(t("iid.ui.table_heading", lang), className="h5 mt-3"),
        html.Div(_table(assessment, lang), style={"maxHeight": "40rem", "overflowY": "auto"}),
    ]


def _assess(dataset, edition, lang: str):
    """The edition's assessment: the evidence entered in the dashboard over the sheets over the data."""
    assessment, _ = assess_with_sheets(dataset.frame, edition, default_evidence(dataset.source_label), lang,
                                       dataset.iid_evidence)
    return assessment


def _spd_editor(assessment, lang: str) -> list:
    """The government's SPD evidence: editors enter it, viewers read it (nothing without a store)."""
    store = current_store()
    heading = html.H2(t("iid.entry.spd_heading", lang), className="h5 mt-4")
    if rendering_for_validation():
        return [heading, evidence_ui.create_editor(SPD, {}, [], True, lang)]
    if store is None:
        return [heading, html.P(t("iid.entry.no_store", lang), className="small text-muted", id="iid-spd-no-store")]
    edition = assessment.edition
    entries = store.evidence_entries(edition.year, home_region())
    rows = evidence_ui.indicator_rows(assessment, "spd", None, entries)
    key = {"edition": edition.year, "region": home_region(), "identity": ""}
    editable = editor_name() is not None
    history = store.evidence_history(edition.year, home_region()) if editable else []
    return [heading, evidence_ui.create_editor(SPD, key, rows, editable, lang, history)]


def layout(**query):
    """The index of the edition of the URL's `iid`, and the government's evidence."""
    ctx = context_from_query(query)
    lang, edition = ctx.lang, _edition(query, ctx.dataset.frame)
    search = "&".join(f"{k}={v}" for k, v in query.items() if isinstance(v, str))
    assessment = _assess(ctx.dataset, edition, lang)
    return create_page(PAGE, ctx, "iid.ui.heading", [
        _edition_links(edition, search, lang),
        html.Div(_body(assessment, lang), id="iid-body"),
        *_spd_editor(assessment, lang),
    ])


def _redraw(key: dict, edition, lang: str):
    """After a save: the index, what-if and table, and the government's indicator rows."""
    assessment = _assess(current_dataset(), edition, lang)
    return _body(assessment, lang), evidence_ui.indicator_rows(assessment, "spd", None, {})


save_spd = evidence_ui.register_save(SPD, Output("iid-body", "children"), _redraw)
revert_spd = evidence_ui.register_revert(SPD, Output("iid-body", "children"), _redraw)
