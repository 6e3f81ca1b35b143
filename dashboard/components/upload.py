"""The pieces of the /data page: decoding what dcc.Upload sends, staging it in a temporary folder,
the preview (the loaders' inspect report) and the history of batches with its buttons.

Every id starts with `dashboard.auth.EDITOR_PREFIX` ("edit-"): the guard lets only editors run the
callbacks that change them. Nothing here writes to the store; the page's callbacks do.
"""

from __future__ import annotations

import base64
import binascii
import io
import re
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components.comparison import create_comparison
from i18n import format_datetime, format_int, format_number, t
from store.accounts import user_label
from store.database import EDIT_MODES
from store.duplicates import KEEP_ONE, skipped_indexes, upload_duplicates

MEGABYTE = 1_000_000
CHUNK = 4 * 1024 * 1024   # base64 characters decoded at a time (a multiple of 4: whole groups)
UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]+")


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the user gave it and its bytes."""

    name: str
    content: bytes


class UploadRefused(ValueError):
    """An upload refused before anything was written (too large, not base64); `key` names the message."""

    def __init__(self, key: str, **values):
        self.key, self.values = key, values
        super().__init__(key)

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.values)


def _size(size: int, lang: str) -> str:
    return f"{format_number(size / MEGABYTE, lang, 1)} MB"


def safe_name(name: str | None) -> str:
    """The user's file name without folders or characters a file system refuses (kept for messages)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = UNSAFE.sub("_", base).strip(" .")[-120:]
    return base or "unggahan"


def decode_uploads(contents, filenames, limit: int, lang: str = "id") -> list[Upload]:
    """dcc.Upload's data URLs → files; UploadRefused when one, or all together, exceed `limit` bytes.

    The size is checked on the base64 text before decoding, then on the decoded bytes."""
    uploads, total = [], 0
    for name, content in _named(contents, filenames):
        buffer = io.BytesIO()
        total = _decode_into(buffer, content, name, limit, total, lang)
        uploads.append(Upload(name, buffer.getvalue()))
    return uploads


def write_uploads(contents, filenames, limit: int, folder: Path, lang: str = "id") -> list[Path]:
    """dcc.Upload's data URLs decoded straight into files `folder/<n>/<name>` (one folder each: two
    files may share a name), a chunk at a time so that no file is ever whole in memory; with the
    same checks and UploadRefused as `decode_uploads`."""
    paths, total = [], 0
    for index, (name, content) in enumerate(_named(contents, filenames)):
        path = folder / str(index) / name
        path.parent.mkdir()
        with path.open("wb") as out:
            total = _decode_into(out, content, name, limit, total, lang)
        paths.append(path)
    return paths


def _named(contents, filenames) -> list[tuple[str, str]]:
    """(safe file name, data URL) of each upload."""
    contents = [contents] if isinstance(contents, str) else list(contents or [])
    filenames = [filenames] if isinstance(filenames, str) else list(filenames or [])
    return [(safe_name(filenames[index] if index < len(filenames) else None), content or "")
            for index, content in enumerate(contents)]


def _decode_into(out, content: str, name: str, limit: int, total: int, lang: str) -> int:
    """Write the base64 payload of one data URL into `out`, CHUNK characters at a time; the size of
    all the uploads so far. UploadRefused when it is not base64, or it or the total exceeds `limit`."""
    comma = content.find(",")
    start = len(content) if comma < 0 else comma + 1
    encoded = (len(content) - start) * 3 // 4
    if encoded > limit + 3:
        raise UploadRefused("data.too_large", file=name, size=_size(encoded, lang), limit=_size(limit, lang))
    size = 0
    for offset in range(start, len(content), CHUNK):
        try:
            data = base64.b64decode(content[offset:offset + CHUNK], validate=True)
        except (binascii.Error, ValueError) as err:
            raise UploadRefused("data.bad_upload", file=name) from err
        out.write(data)
        size += len(data)
    total += size
    if size > limit or total > limit:
        raise UploadRefused("data.too_large", file=name, size=_size(total, lang), limit=_size(limit, lang))
    return total


@contextmanager
def staged(uploads: list[Upload]):
    """The uploads as files with their users' names in a private temporary folder, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="dasbor-upload-") as folder:
        paths = []
        for index, upload in enumerate(uploads):
            path = Path(folder) / str(index) / upload.name  # one folder each: two files may share a name
            path.parent.mkdir()
            path.write_bytes(upload.content)
            paths.append(path)
        yield paths


def preview_report(store, paths: list[Path], lang: str, mappings=(), sheet_years: dict | None = None,
                   progress=None, duplicates: str = KEEP_ONE) -> tuple[dict, Counter]:
    """The inspect report of the uploaded files (`paths`, staged) read as the store would read them
    (its aliases and column mappings included, plus the preview's own `mappings` and `sheet_years`),
    with `duplicates`: the innovations listed twice for a year, the row kept and the rows left out
    (store.duplicates), and `comparison`: what would be saved (one copy each, unless `duplicates` is
    "keep-all") against the stored rows of its years (store.compare); and the agency names not in
    the register with their row counts. `progress` hears how far reading, normalising and comparing
    have come (loaders.load.Progress)."""
    from loaders import load_paths

    result = load_paths(paths, lang=lang, reference=store.reference(mappings, sheet_years, "preview"),
                        progress=progress)
    report = result.to_dict()
    records = result.frame.to_dict("records")
    found = upload_duplicates(records)
    report["duplicates"] = [duplicate.to_dict(records) for duplicate in found]
    left_out = sorted(skipped_indexes(found)) if duplicates == KEEP_ONE else []
    report["comparison"] = store.compare(result.frame.drop(index=result.frame.index[left_out]), progress,
                                         result.files).to_dict()
    for file in report["files"]:
        file["path"] = Path(file["path"]).name
    unknown = Counter(dict(issue.params).get("value") for issue in result.issues if issue.code == "unknown_agency")
    return report, unknown


def mapping_choices(report: dict) -> tuple[dict[str, str | None], dict[str, tuple[str | None, int, list[str]]]]:
    """What the preview asks: header → its preview choice (None: not chosen yet), for every header
    that matched nothing or was mapped in this preview, once across files and sheets; and sheet →
    (its year rule, rows without a year, the headers a code rule may read: any, a recognised code
    column included) for the sheets lacking a year."""
    from loaders.reference import IGNORE
    from loaders.text import text_key

    headers: dict[str, str | None] = {}
    years: dict[str, tuple] = {}
    seen: set[str] = set()
    for file in report["files"]:
        for sheet in file["sheets"]:
            if sheet["skipped"]:
                continue
            sources = sheet.get("mapping_source") or {}
            asked = [h for h in sheet["mapping"] if h in sheet.get("unknown", []) or sources.get(h) == "preview"]
            for header in asked:
                if text_key(header) not in seen:
                    seen.add(text_key(header))
                    chosen = sheet["mapping"][header] or IGNORE if sources.get(header) == "preview" else None
                    headers[header] = chosen
            if sheet.get("no_year") or sheet.get("year_rule"):
                years.setdefault(sheet["name"], (sheet.get("year_rule"), sheet.get("no_year", 0),
                                                 list(sheet["mapping"])))
    return headers, years


def create_mapping_controls(report: dict, lang: str, column_label) -> html.Div | None:
    """A dropdown per header the loaders did not recognise (a dashboard column or ignore) and per sheet
    without a year (a year, or: from the title rows, from a code column); None when nothing is asked."""
    import datetime as dt

    from loaders.reference import IGNORE
    from loaders.schema import SOURCE_COLUMNS

    headers, years = mapping_choices(report)
    if not headers and not years:
        return None
    fields = [{"label": f"{column_label(column, lang)} ({column})", "value": column} for column in SOURCE_COLUMNS]
    fields.append({"label": t("data.map_ignore", lang), "value": IGNORE})
    rows = [dbc.Row([
        dbc.Col(html.Span(header, className="fw-semibold"), md=5),
        dbc.Col(dcc.Dropdown(id={"type": "edit-map", "header": header}, options=fields, value=chosen,
                             placeholder=t("data.map_choose", lang)), md=7),
    ], className="g-2 mb-2 align-items-center") for header, chosen in headers.items()]
    for sheet, (rule, count, code_headers) in years.items():
        options = [{"label": t("data.year_from_title", lang), "value": "title"}]
        options += [{"label": t("data.year_from_code", lang, header=h), "value": f"code:{h}"} for h in code_headers]
        options += [{"label": str(year), "value": str(year)} for year in range(dt.date.today().year, 1999, -1)]
        rows.append(dbc.Row([
            dbc.Col(html.Span(t("data.year_heading" if count else "data.year_heading_ruled", lang, sheet=sheet,
                                count=format_int(count, lang)), className="fw-semibold"), md=5),
            dbc.Col(dcc.Dropdown(id={"type": "edit-year", "sheet": sheet}, options=options, value=rule,
                                 placeholder=t("data.year_choose", lang)), md=7),
        ], className="g-2 mb-2 align-items-center"))
    return html.Div([html.H3(t("data.map_heading", lang), className="h6"),
                     html.P(t("data.map_intro", lang), className="small"), *rows],
                    id="edit-mapper", className="alias-mapper mb-3")


def _table(header: list[str], rows: list[list], table_id: str | None = None) -> html.Div:
    table = dbc.Table([html.Thead(html.Tr([html.Th(cell) for cell in header])),
                       html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in rows])],
                      size="sm", striped=True, className="mb-0", **({"id": table_id} if table_id else {}))
    return html.Div(table, className="table-scroll")


def _file_card(file: dict, lang: str) -> html.Div:
    status = file["status"]
    lines = []
    for sheet in file["sheets"]:
        if sheet["skipped"]:
            lines.append(html.Li(t("data.sheet_skipped", lang, sheet=sheet["name"], reason=sheet["skipped"])))
            continue
        mapping = ", ".join(f"{given} → {column}" for given, column in (sheet["mapping"] or {}).items())
        lines.append(html.Li([t("data.sheet", lang, sheet=sheet["name"], row=sheet["header_row"],
                                 count=format_int(sheet["records"], lang)),
                              html.Div([html.Small(t("data.mapping", lang) + ": ", className="text-muted"),
                                        html.Small(mapping)])]))
    badge = dbc.Badge(t("data.file_ok" if status == "ok" else "data.file_rejected", lang),
                      color="success" if status == "ok" else "danger", className="ms-2")
    return html.Div([html.Strong(file["path"]), badge, html.Ul(lines, className="mb-2")])


def _agency_table(report: dict, lang: str) -> html.Div:
    """Rows per agency; once the files hold another government's rows, per region and agency (this
    regency first), so another region's "Dinas Kesehatan" is never counted as ours."""
    by_region = report.get("by_region_agency") or {}
    if len(by_region) <= 1:
        return _table([t("filter.agency", lang), t("data.count", lang)],
                      [[name, format_int(n, lang)] for name, n in report["by_agency"].items()], "edit-by-agency")
    return _table([t("filter.region", lang), t("filter.agency", lang), t("data.count", lang)],
                  [[region, name, format_int(n, lang)] for region, agencies in by_region.items()
                   for name, n in agencies.items()], "edit-by-agency")


def create_preview(report: dict, lang: str, column_label) -> html.Div:
    """The preview: files and sheets with their column mapping, counts by year and agency, the
    comparison with the store (unless the files have errors), every issue."""
    errors = [issue for issue in report["issues"] if issue["severity"] == "error"]
    intro = t("data.preview_blocked", lang) if errors else t(
        "data.preview_intro", lang, count=format_int(report["records"], lang), files=len(report["files"]))
    issue_rows = [[t(f"severity.{i['severity']}", lang), i["file"], i["sheet"] or "", i["row"] or "",
                   i["column"] or "", i["message"]] for i in report["issues"]]
    counts = dbc.Row([
        dbc.Col([html.H3(t("data.by_year", lang), className="h6"),
                 _table([t("data.col_years", lang), t("data.count", lang)],
                        [[year, format_int(n, lang)] for year, n in report["by_year"].items()], "edit-by-year")],
                md=4),
        dbc.Col([html.H3(t("data.by_agency", lang), className="h6"), _agency_table(report, lang)], md=8),
    ], className="g-3 mb-3")
    headers = [t(f"data.col_{key}", lang) for key in ("severity", "file", "sheet", "row", "column", "message")]
    return html.Div([
        html.H2(t("data.preview_heading", lang), className="h5"),
        dbc.Alert(intro, color="danger" if errors else "info", id="edit-preview-intro"),
        *[_file_card(file, lang) for file in report["files"]],
        create_mapping_controls(report, lang, column_label),
        counts,
        *([] if errors or not report.get("comparison") else [create_comparison(report["comparison"], lang, column_label)]),
        html.H3(t("data.issues", lang, count=format_int(len(issue_rows), lang)), className="h6"),
        _table(headers, issue_rows, "edit-issues") if issue_rows else html.P(t("data.no_issues", lang)),
    ])


def create_alias_rows(unknown: Counter, register: list[str], lang: str) -> list:
    """One row per unknown agency name: the name, its row count and a dropdown of the register."""
    options = [{"label": name, "value": name} for name in register]
    return [dbc.Row([
        dbc.Col([html.Span(name, className="fw-semibold"), " ",
                 html.Small(t("data.unknown_rows", lang, count=format_int(count, lang)), className="text-muted")],
                md=5),
        dbc.Col(dcc.Dropdown(id={"type": "edit-alias", "alias": name}, options=options,
                             placeholder=t("data.alias_choose", lang)), md=7),
    ], className="g-2 mb-2 align-items-center") for name, count in unknown.most_common() if name]


def _years(by_year: dict) -> str:
    return ", ".join(f"{year}: {count}" for year, count in by_year.items())


def _action(batch: dict, lang: str):
    if batch["status"] == "rolled_back":
        return dbc.Button(t("data.restore", lang), id={"type": "edit-restore", "batch": batch["id"]},
                          size="sm", color="secondary", outline=True)
    return dbc.Button(t("data.rollback", lang), id={"type": "edit-rollback", "batch": batch["id"]},
                      size="sm", color="danger", outline=True)


def create_history(history: list[dict], lang: str):
    """The batches, newest first: who, when, how, status, counts by year, and rollback / restore."""
    if not history:
        return html.P(t("data.history_empty", lang))
    header = [t(f"data.col_{key}", lang) for key in ("id", "when", "who", "mode", "status", "records", "years",
                                                    "action")]
    rows = []
    for batch in reversed(history):
        records = format_int(batch["records"], lang)
        if batch["active_records"] != batch["records"] and batch["mode"] not in EDIT_MODES:   # an edit's rows are others'
            records += " (" + t("data.shown", lang, count=format_int(batch["active_records"], lang)) + ")"
        when = format_datetime(batch["when"], lang) if batch["when"] else ""
        rows.append([f"#{batch['id']} {batch['file']}", when, user_label(batch["who"], lang),
                     t(f"data.mode.{batch['mode']}", lang), t(f"data.status.{batch['status']}", lang), records,
                     _years(batch["by_year"]), _action(batch, lang)])
    return _table(header, rows, "edit-history-table")
