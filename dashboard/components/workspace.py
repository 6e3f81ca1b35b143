"""The proposal workspace's pieces (issue 13): the form (title, sections with their word limits and
live counts, evidence, attachment checklist), the workflow (status, result, review comments), the
history with its word diff and revert buttons, and the per-institution progress of /kipp.

Editors get inputs whose ids start with "edit-" (the guard refuses their callbacks to anyone else,
and the callbacks check again); viewers get the same content as text, without a single control.
"""

from __future__ import annotations

from urllib.parse import quote

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from analytics.kipp.rules import word_counts
from analytics.kipp.workspace import FIELD_COLUMNS, word_diff
from i18n import format_datetime, format_int, t
from store.workspace import ATTACHMENT_PREFIX, EVIDENCE_FIELDS, REPLICATION_FIELDS, RESULT, RESULTS, TRANSITIONS

FIELD = "edit-ws-field"        # pattern type of the text fields: {"type": FIELD, "field": <field>}
# The result picker is there only once the proposal is submitted: a pattern id, so the workflow's callback
# (Input ALL) runs whether it is on the page or not ({"type": RESULT_PICKER, "status": "hasil"}).
RESULT_PICKER = "edit-ws-result"


def text(key: str, lang: str, **values) -> str:
    """The catalog's `workspace.ui.<key>`."""
    return t(f"workspace.ui.{key}", lang, **values)


def workspace_href(innovation_id: str, year: int, lang: str) -> str:
    """/inovasi/<id>/usulan?edition=2025 (and &lang=en)."""
    query = f"?edition={int(year)}" + ("&lang=en" if lang == "en" else "")
    return f"/inovasi/{quote(str(innovation_id), safe='')}/usulan{query}"


def field_label(field: str, edition, dataset, lang: str) -> str:
    """A field's label: a section's from the edition, an attachment's, else the column's."""
    if field == "title":
        return text("proposal_title", lang)
    for section in edition.sections:
        if section.key == field:
            return section.label(lang)
    if field.startswith(ATTACHMENT_PREFIX):
        key = field[len(ATTACHMENT_PREFIX):]
        return next((a.label(lang) for a in edition.attachments if a.key == key), key)
    return dataset.column_label(field, lang)


def shown_values(row: pd.Series, workspace: dict) -> dict[str, str]:
    """What each text field shows: the workspace's value, else the uploaded record's."""
    values = {}
    for field, column in FIELD_COLUMNS.items():
        saved = workspace["fields"].get(field, {}).get("value")
        uploaded = row.get(column)
        if field == "title":
            uploaded = None   # an empty title means the innovation's own name
        values[field] = saved if saved is not None else ("" if uploaded is None or pd.isna(uploaded)
                                                         else str(uploaded))
    return values


def ticked(workspace: dict) -> list[str]:
    return sorted(field[len(ATTACHMENT_PREFIX):] for field, item in workspace["fields"].items()
                  if field.startswith(ATTACHMENT_PREFIX) and item.get("value"))


def _count_text(value: str, limit: int, lang: str) -> str:
    return text("words", lang, words=format_int(int(word_counts(pd.Series([value]))[0]), lang),
                max_words=format_int(limit, lang))


def create_form(edition, dataset, values: dict, ticks: list[str], editable: bool, lang: str) -> list:
    """Title, every section of the edition (limit, what it must contain, live count), evidence, checklist."""
    parts = [html.Label(text("proposal_title", lang), className="form-label fw-semibold", htmlFor="ws-title")]
    if editable:
        parts += [dbc.Input(id={"type": FIELD, "field": "title"}, value=values["title"], debounce=500,
                            placeholder=text("title_hint", lang))]
    else:
        parts += [html.P(values["title"] or "—", id="ws-title-text")]
    parts += [html.Div(id="ws-title-warning", className="small mt-1"),
              html.H2(text("sections", lang), className="h6 mt-3")]
    template = text("words", lang, words="{words}", max_words="{max_words}")
    for section in edition.sections:
        value, limit = values[section.key], section.max_words.value
        counter = f"ws-count-{section.key}"
        body = (html.Div(dbc.Textarea(id={"type": FIELD, "field": section.key}, value=value, rows=5, debounce=500,
                                      className="ws-text"), **{"data-counter": counter})
                if editable else html.P(value or "—", className="ws-text-read", style={"whiteSpace": "pre-wrap"}))
        parts.append(html.Div([
            html.Div([html.Span(section.label(lang), className="fw-semibold me-2"),
                      html.Span(_count_text(value, limit, lang), id=counter, className="small ws-count",
                                **{"data-template": template, "data-limit": str(limit)})],
                     className="d-flex align-items-baseline flex-wrap"),
            html.Div(text("must", lang, must=section.must_contain(lang)), className="small text-muted mb-1"),
            body,
        ], className="mb-3 ws-section", **{"data-section": section.key}))
    parts.append(html.H2(text("evidence", lang), className="h6 mt-3"))
    for field in EVIDENCE_FIELDS:
        label = dataset.column_label(field, lang)
        control = (dbc.Input(id={"type": FIELD, "field": field}, value=values[field], debounce=500)
                   if editable else html.Span(values[field] or "—"))
        parts.append(dbc.Row([dbc.Col(html.Label(label, className="small"), xs=12, md=4),
                              dbc.Col(control, xs=12, md=8)], className="mb-2 g-1"))
    parts += _replication_fields(values, editable, lang)
    options = [{"label": a.label(lang), "value": a.key} for a in edition.attachments if a.required.value]
    parts.append(html.H2(text("attachments", lang), className="h6 mt-3"))
    if editable:
        parts.append(dbc.Checklist(id="edit-ws-attachments", options=options, value=ticks))
    else:
        parts.append(html.Ul([html.Li(f"{'☑' if o['value'] in ticks else '☐'} {o['label']}") for o in options],
                             className="list-unstyled", id="ws-attachments-read"))
    return parts


def _replication_fields(values: dict, editable: bool, lang: str) -> list:
    """The innovation it adopts from another region, if any (KIPP's replication group): its name as in the
    replication library (/replikasi) and that region."""
    parts = [html.H2(text("replication", lang), className="h6 mt-3"),
             html.P([text("replication_hint", lang), " ", dcc.Link(text("replication_library", lang),
                                                                   href="/replikasi" + ("?lang=en" if lang == "en" else ""),
                                                                   id="ws-replication-library")],
                    className="small text-muted mb-1")]
    for field in REPLICATION_FIELDS:
        control = (dbc.Input(id={"type": FIELD, "field": field}, value=values[field], debounce=500)
                   if editable else html.Span(values[field] or "—", id=f"ws-{field}"))
        parts.append(dbc.Row([dbc.Col(html.Label(t(f"column.{field}", lang), className="small"), xs=12, md=4),
                              dbc.Col(control, xs=12, md=8)], className="mb-2 g-1"))
    return parts


def create_workflow(workspace: dict, editable: bool, lang: str) -> list:
    """The proposal's status and result, the steps it may take next (editors), the review comments."""
    status = workspace["status"]
    parts = [html.Div([html.Span(text("status_line", lang, status=t(f"workspace.status.{status}", lang)),
                                 id="ws-workflow-status", className="fw-semibold me-2", **{"data-status": status}),
                       html.Span(text("result_line", lang, result=t(f"workspace.result.{workspace['result']}", lang))
                                 if workspace["result"] else "", id="ws-workflow-result")], className="mb-2")]
    if editable:
        steps = [s for s in ("draf", "ditinjau", "diajukan", "hasil") if s in TRANSITIONS[status] and s != RESULT]
        buttons = [dbc.Button(text("move_to", lang, status=t(f"workspace.status.{s}", lang)),
                              id={"type": "edit-ws-step", "status": s}, size="sm", outline=True, color="primary",
                              className="me-2 mb-2", n_clicks=0) for s in steps]
        if RESULT in TRANSITIONS[status]:
            buttons.append(dbc.Select(id={"type": RESULT_PICKER, "status": RESULT}, size="sm", className="mb-2", style={"maxWidth": "16rem"},
                                      placeholder=text("result_choose", lang), value=None,
                                      options=[{"label": t(f"workspace.result.{r}", lang), "value": r}
                                               for r in RESULTS]))
        parts.append(html.Div(buttons, className="d-flex flex-wrap align-items-center"))
    comments = [html.Li([html.Div(c["value"], style={"whiteSpace": "pre-wrap"}),
                         html.Div(text("comment_line", lang, by=c["by"], at=format_datetime(c["at"], lang)),
                                  className="small text-muted")], className="list-group-item small")
                for c in workspace["comments"]]
    parts += [html.H3(text("comments", lang), className="h6 mt-2"),
              html.Ul(comments, className="list-group mb-2", id="ws-comments") if comments
              else html.P(text("no_comments", lang), className="small text-muted", id="ws-comments")]
    if editable:
        parts += [dbc.Textarea(id="edit-ws-comment", rows=2, value=""),
                  dbc.Button(text("comment_add", lang), id="edit-ws-comment-add", size="sm", color="secondary",
                             className="mt-1", n_clicks=0)]
    return parts


def _diff(before, after, lang: str) -> html.Span:
    if not (before or "").strip() and not (after or "").strip():
        return html.Span(text("empty_value", lang), className="text-muted")
    pieces = []
    for kind, words in word_diff(before, after):
        element = {"same": html.Span, "removed": html.Del, "added": html.Ins}[kind]
        pieces += [element(words, className=f"ws-diff-{kind}"), " "]
    return html.Span(pieces)


def create_history(history: list[dict], edition, dataset, editable: bool, lang: str) -> list:
    """Every change of a field, newest first: who, when, the word diff, and (editors) a revert button."""
    items = []
    for change in history:
        if change["kind"] not in ("save", "revert"):
            continue
        field = change["field"]
        if field.startswith(ATTACHMENT_PREFIX):
            body = html.Span(text("ticked" if change["value"] else "unticked", lang))
        else:
            body = _diff(change["previous"], change["value"], lang)
        head = text("change_line", lang, field=field_label(field, edition, dataset, lang), by=change["by"],
                    at=format_datetime(change["at"], lang))
        marks = [dbc.Badge(text(f"kind.{change['kind']}", lang), color="light", text_color="dark", className="ms-2")]
        if change["conflict"]:
            marks.append(dbc.Badge(text("conflict_mark", lang), color="warning", text_color="dark", className="ms-2"))
        revert = [dbc.Button(text("revert", lang), id={"type": "edit-ws-revert", "change": change["id"]},
                             size="sm", color="link", className="p-0 ms-2", n_clicks=0)] if editable else []
        items.append(html.Li([html.Div([html.Span(head, className="fw-semibold"), *marks, *revert]),
                              html.Div(body, className="ws-diff")],
                             className="list-group-item small", **{"data-field": field}))
    if not items:
        return [html.P(text("no_history", lang), className="small text-muted mb-0")]
    return [html.Ul(items, className="list-group")]


def create_progress(progress: pd.DataFrame, lang: str) -> html.Div:
    """/kipp: per institution, its proposals and how many are complete, in review, submitted."""
    if progress.empty:
        return html.P(text("progress_empty", lang), className="small text-muted mb-0", id="kipp-progress-empty")
    columns = ("agency", "proposals", "complete", "review", "submitted")
    head = html.Thead(html.Tr([html.Th(text(f"col.{c}", lang)) for c in columns]))
    rows = [html.Tr([html.Td(row.agency)] + [html.Td(format_int(getattr(row, c), lang), className="text-end")
                                            for c in columns[1:]], **{"data-agency": row.agency})
            for row in progress.itertuples()]
    return html.Div([html.P(text("progress_hint", lang), className="small text-muted"),
                     dbc.Table([head, html.Tbody(rows)], size="sm", striped=True, className="small mb-0 ws-progress",
                               id="kipp-progress-table")],
                    style={"maxHeight": "24rem", "overflowY": "auto"})


def create_open_link(innovation_id: str, year: int, lang: str) -> dcc.Link:
    """The link from a checklist to the innovation's workspace for the edition."""
    return dcc.Link(text("open", lang), href=workspace_href(innovation_id, year, lang),
                    className="btn btn-outline-primary btn-sm ms-2 ws-open")
