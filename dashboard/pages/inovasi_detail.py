"""Detail Inovasi (/inovasi/<id>): every field of one innovation and where it came from."""

import dash
import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from analytics.filters import Filters
from dashboard.components.filterbar import href
from dashboard.components.page import rendering_for_validation
from dashboard.components.readiness import create_readiness_section
from dashboard.sources import current_dataset
from i18n import format_date, format_int, t

dash.register_page(__name__, path_template="/inovasi/<innovation_id>", order=5, name="Detail Inovasi",
                   title="Detail Inovasi · Dasbor Inovasi", nav=False, label_key="nav.detail")

# (catalog key of the heading, columns) — the canonical record's groups (loaders/schema.py)
GROUPS = [
    ("detail.group.identity", ["id", "name", "year", "year_source", "agency", "agency_raw", "unit", "region"]),
    ("detail.group.classification", ["sector", "sector_raw", "sectors_other", "stage", "initiator", "innovator",
                                     "kind", "form"]),
    ("detail.group.dates", ["trial_date", "launch_date", "input_date", "development_date"]),
    ("detail.group.narrative", ["description", "goal", "benefit", "result"]),
    ("detail.group.kipp", ["summary", "background", "novelty", "implementation", "significance", "adaptability",
                           "resources", "sustainability"]),
    ("detail.group.evidence", ["status", "replicated_by", "video_url", "decree", "regulation_level", "budget", "sop",
                               "evaluation", "sdgs", "awards", "maturity", "asta_cipta", "coordinates"]),
    ("detail.group.provenance", ["source_file", "source_sheet", "source_row"]),
]
LABELLED = {"sector", "stage", "kind", "form", "initiator"}


def field_text(row: pd.Series, column: str, dataset, lang: str) -> str:
    """One field as people read it: dates by their precision, numbers Indonesian, labels translated."""
    value = row.get(column)
    if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return t("detail.empty", lang)
    if column.endswith("_date"):
        return format_date(value, row.get(f"{column}_precision"), lang)
    if column in LABELLED:
        return dataset.label(column, value, lang)
    if column == "year_source":
        return t(f"year_source.{value}", lang)
    if isinstance(value, bool):
        return t(f"bool.{str(value).lower()}", lang)
    if column in ("year",):
        return str(int(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return format_int(value, lang) if float(value).is_integer() else str(value)
    return str(value)


def create_fields(row: pd.Series, dataset, lang: str) -> list:
    """One card per group of fields (description lists: label, value)."""
    cards = []
    for key, columns in GROUPS:
        items = []
        for column in columns:
            text = field_text(row, column, dataset, lang)
            items += [html.Dt(dataset.column_label(column, lang), className="col-sm-4"),
                      html.Dd(text, className="col-sm-8" + (" text-muted" if text == "—" else ""))]
        cards.append(dbc.Card(dbc.CardBody([html.H2(t(key, lang), className="h6"),
                                            html.Dl(items, className="row mb-0 detail-fields")]), className="mb-3"))
    return cards


def create_not_found(innovation_id: str, back: str, lang: str) -> dbc.Alert:
    """A friendly panel for a link to an innovation that is not in this data (any more)."""
    return dbc.Alert([
        html.H1(t("detail.not_found_title", lang), className="h5"),
        html.P(t("detail.not_found", lang, id=innovation_id)),
        dcc.Link(t("detail.back", lang), href=back, className="btn btn-primary btn-sm", id="detail-back"),
    ], color="warning", id="detail-not-found")


def layout(innovation_id=None, **query):
    """One innovation with all its fields and its provenance (file, sheet, row)."""
    filters = Filters.from_query(query)
    lang = filters.lang
    dataset = current_dataset()
    if rendering_for_validation():
        return create_not_found("", href("/inovasi", filters), lang)
    back = href("/inovasi", filters)
    match = dataset.frame[dataset.frame["id"].astype(str) == str(innovation_id)]
    if innovation_id is None or match.empty:
        return create_not_found(str(innovation_id or ""), back, lang)
    row = match.iloc[0]
    provenance = t("detail.provenance_line", lang, file=row.get("source_file") or "—",
                   sheet=row.get("source_sheet") or "—",
                   row=int(row["source_row"]) if pd.notna(row.get("source_row")) else "—")
    return html.Div([
        dcc.Link(f"← {t('detail.back', lang)}", href=back, id="detail-back", className="small"),
        html.H1(str(row["name"]), className="h4 mt-2", id="detail-name"),
        html.P(provenance, className="small text-muted", id="detail-provenance"),
        create_readiness_section(dataset, innovation_id, lang, href("/kipp", filters)),
        *create_fields(row, dataset, lang),
    ], className="page-detail")
