"""Replikasi (/replikasi): the replication library searched by words (TF-IDF over name, description and
urusan, analytics/iid/similar.py) — our own innovations alike (possible duplicates) apart from other
regions' (candidates to replicate) — and the urusan where this regency has none and others have many.

The library: other regions' rows of the data, plus the synthetic data/iid_sample/replikasi/ while the
data is the sample.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import Input, Output, State, callback, dcc, html

from analytics.iid.similar import default_library, search, sector_gaps
from analytics.regions import load_library
from dashboard.components.page import context_from_query, create_page
from dashboard.sources import current_dataset
from i18n import format_int, format_number, normalise_lang, t

dash.register_page(__name__, path="/replikasi", order=8, name="Replikasi", title="Replikasi · Dasbor Inovasi",
                   nav=True, label_key="nav.replikasi",
                   filters_note="replikasi.filters_ignored")  # the library is searched whole: no filter bar here

PAGE = "replikasi"


def _rows(frame: pd.DataFrame, list_id: str, lang: str) -> html.Ul:
    items = [html.Li([html.Span(format_number(r.score, lang, 2), className="badge text-bg-light me-2"),
                      html.Span(str(r.name), className="fw-semibold"),
                      html.Span(f" · {r.agency} · {r.region} · {'' if r.year != r.year else int(r.year)}",
                                className="text-muted")], **{"data-id": str(r.id)})
             for r in frame.itertuples()]
    return html.Ul(items or [html.Li(t("iid.similar.nothing", lang).strip(), className="text-muted")],
                   id=list_id, className="small list-unstyled")


def create_results(text: str | None, lang: str) -> list:
    if not (text or "").strip():
        return [html.P(t("iid.search.prompt", lang), id="replication-prompt", className="small text-muted")]
    dataset = current_dataset()
    ours, others = search(dataset.frame, load_library(tuple(default_library(dataset.source_label))), text or "")
    return [html.H2(t("iid.similar.others", lang), className="h6 mt-2"), _rows(others, "replication-others", lang),
            html.H2(t("iid.similar.ours", lang), className="h6 mt-2"), _rows(ours, "replication-ours", lang)]


def layout(**query):
    """The search box, its results, and the urusan others have and we lack."""
    ctx = context_from_query(query)
    lang, dataset = ctx.lang, ctx.dataset
    library = load_library(tuple(default_library(dataset.source_label)))
    gaps = sector_gaps(dataset.frame, library)
    label = ctx.label("sector")
    return create_page(PAGE, ctx, "iid.search.heading", [
        html.P(t("iid.search.library", lang, count=format_int(len(library), lang),
                 regions=format_int(library["region"].nunique() if len(library) else 0, lang)),
               className="small text-muted"),
        dbc.Input(id="replication-query", type="search", debounce=True, placeholder=t("iid.search.placeholder", lang),
                  className="mb-2"),
        dcc.Store(id="replication-lang", data=lang),
        html.Div(create_results("", lang), id="replication-results"),
        html.H2(t("iid.gaps.title", lang), className="h5 mt-3"),
        html.Ul([html.Li(t("iid.gaps.row", lang, sector=label(g.sector), count=format_int(g.count, lang),
                           regions=format_int(g.regions, lang))) for g in gaps.itertuples()]
                or [html.Li(t("iid.similar.nothing", lang).strip())], id="replication-gaps", className="small"),
    ])


@callback(Output("replication-results", "children"), Input("replication-query", "value"),
          State("replication-lang", "data"), prevent_initial_call=True)
def update(text, lang):
    """The library searched for the words typed."""
    return create_results(text, normalise_lang(lang))
