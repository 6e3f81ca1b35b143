"""A KIPP proposal draft for one innovation, as a Word document (python-docx).

The draft follows the edition's section order, is pre-filled from the data, counts words against each
limit, marks every missing section with a highlighted "[LENGKAPI: …]" placeholder saying what it must
contain, and ends with the attachment checklist, the checks that failed or lack data, and the
edition's rules with their verification state. The Admin Lokal sends it to the unit to complete.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Iterable

import pandas as pd
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Pt, RGBColor

from analytics.kipp.editions import edition_facts, video_limits
from analytics.kipp.statuses import status_label
from analytics.kipp.rules import FAIL, MISSING, PASS, word_counts
from analytics.kipp.readiness import Readiness
from analytics.kipp.workspace import TICKS_COLUMN
from exports.word import fit_table, new_document, page_footer
from loaders.schema import LIST_SEPARATOR
from i18n import format_date, format_int, format_score, t

IDENTITY_FIELDS = ("name", "agency", "unit", "year", "stage", "launch_date", "innovator", "sector", "form", "sdgs",
                   "status")  # each labelled by the catalog's proposal.field.<column>
RULES_COLUMNS = ("rule", "value", "state", "source")  # kipp.ui.<column>, as on the /kipp page
ATTACHMENT_COLUMNS = ("attachment", "status", "note")  # proposal.col.<column>
# each table's column shares of the text width (exports.word.fit_table)
IDENTITY_SHARES, ATTACHMENT_SHARES, RULES_SHARES = (0.3, 0.7), (0.27, 0.2, 0.53), (0.26, 0.22, 0.14, 0.38)


def _t(key: str, lang: str, **params) -> str:
    return t(f"proposal.{key}", lang, **params)


def _value(row: pd.Series, column: str, lang: str = "id") -> str:
    value = row.get(column)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (pd.Timestamp, dt.date)):
        return format_date(value, row.get(f"{column}_precision"), lang)
    return str(value).strip()


def _frame_row(frame: pd.DataFrame, readiness: Readiness, position: int) -> pd.Series:
    label = readiness.table.index[position]
    row = frame.loc[label]
    return row.iloc[0] if isinstance(row, pd.DataFrame) else row


def proposal_document(frame: pd.DataFrame, readiness: Readiness, innovation_id: str,
                      lang: str = "id", today: dt.date | None = None) -> Document:
    """The draft of one innovation (UnknownInnovation when the id is not in `readiness`)."""
    position = readiness.position(innovation_id)
    row = _frame_row(frame, readiness, position)
    info = readiness.table.iloc[position]
    edition = readiness.edition
    document = new_document(lang)
    document.core_properties.title = f"{edition.label}: {_value(row, 'name')}"
    document.core_properties.subject = "KIPP proposal draft"
    document.add_heading(_t("title", lang, edition=edition.label), level=0)
    document.add_heading(_value(row, "name") or "-", level=1)
    group = edition.group(info["group"])
    document.add_paragraph(_t("intro", lang, date=format_date(today or dt.date.today(), "day", lang),
                              status=status_label(info["status"], lang), score=format_score(info["score"], lang),
                              group=group.label(lang) if group else info["group"]))
    _identity(document, row, lang)
    _sections(document, row, readiness, lang)
    _attachments(document, row, readiness, position, lang)
    _checks(document, readiness, position, lang)
    _rules(document, readiness, lang)
    page_footer(document, f"{edition.label} · {_value(row, 'name') or '-'}", lang)
    return document


def _identity(document, row: pd.Series, lang: str) -> None:
    document.add_heading(_t("identity", lang), level=2)
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for column in IDENTITY_FIELDS:
        cells = table.add_row().cells
        cells[0].text = _t(f"field.{column}", lang)
        cells[1].text = _value(row, column, lang) or "-"
    fit_table(table, IDENTITY_SHARES, header=False)


def _placeholder(paragraph, text: str, color=WD_COLOR_INDEX.YELLOW) -> None:
    run = paragraph.add_run(text)
    run.bold = True
    run.font.highlight_color = color


def _sections(document, row: pd.Series, readiness: Readiness, lang: str) -> None:
    document.add_heading(_t("sections", lang), level=1)
    for number, section in enumerate(readiness.edition.sections, start=1):
        text = _value(row, section.key)
        words = int(word_counts(pd.Series([text]))[0])
        limit = section.max_words.value
        document.add_heading(f"{number}. {section.label(lang)}", level=2)
        note = document.add_paragraph()
        note_run = note.add_run(_t("limits", lang, max_words=format_int(limit, lang), weight=section.weight.value,
                                   words=format_int(words, lang)))
        note_run.italic, note_run.font.size = True, Pt(9)
        if words > limit:
            note_run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
        if text:
            document.add_paragraph(text)
            if words > limit:
                over = _t("over", lang, words=format_int(words, lang), max_words=format_int(limit, lang))
                _placeholder(document.add_paragraph(), f"[{over}]", WD_COLOR_INDEX.PINK)
            continue
        _placeholder(document.add_paragraph(), f"[{_t('placeholder', lang)}: {section.must_contain(lang)}]")
        material = [(column, _value(row, column)) for column in section.draft_from if _value(row, column)]
        if material:
            intro = document.add_paragraph().add_run(_t("material", lang))
            intro.italic = True
            for _, value in material:
                document.add_paragraph(value, style="Quote")


def _attachments(document, row: pd.Series, readiness: Readiness, position: int, lang: str) -> None:
    edition = readiness.edition
    ticks = {tick.strip() for tick in _value(row, TICKS_COLUMN).split(LIST_SEPARATOR.strip())}  # workspace checklist
    document.add_heading(_t("attachments", lang), level=1)
    checks = {check.rule: check for check in readiness.checks}
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, ATTACHMENT_COLUMNS):
        cell.text = _t(f"col.{column}", lang)
    for attachment in edition.attachments:
        if not attachment.required.value:
            continue
        check = checks.get(f"attachment.{attachment.key}")
        if check is None:
            status = _t("ticked" if attachment.key in ticks else "prepare", lang)
            note = ""
        else:
            state = int(check.state[position])
            status = _t("present", lang) if state == PASS else _t("absent", lang)
            note = check.message(position, lang)
        if attachment.key == "video" and edition.video:
            note = _sentences(note, _t("video_limits", lang, limits=video_limits(edition, lang)))
        if attachment.key == "category" and edition.categories:
            note = _sentences(note, _t("choose_category", lang, edition=edition.label,
                                       names=", ".join(edition.categories)))
        if attachment.key == "launch_statement":
            note = checks["age"].message(position, lang)
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = attachment.label(lang), status, note
    fit_table(table, ATTACHMENT_SHARES)


def _sentences(*parts: str) -> str:
    """The non-empty parts as sentences: each ends with a full stop, one space between."""
    return " ".join(part if part.endswith((".", "!", "?")) else f"{part}." for part in parts if part)


def _checks(document, readiness: Readiness, position: int, lang: str) -> None:
    document.add_heading(_t("checks", lang), level=1)
    shown = False
    for state, title in ((FAIL, "failed"), (MISSING, "missing")):
        checks = [check for check in readiness.checks if int(check.state[position]) == state]
        if not checks:
            continue
        shown = True
        document.add_heading(_t(title, lang), level=3)
        for check in checks:
            paragraph = document.add_paragraph(style="List Bullet")
            message = check.message(position, lang)
            if not message.startswith(check.label(lang)):  # section and attachment messages name themselves
                paragraph.add_run(f"{check.label(lang)}: ").bold = True
            paragraph.add_run(message)
    if not shown:
        document.add_paragraph(_t("all_passed", lang))


def _rules(document, readiness: Readiness, lang: str) -> None:
    edition = readiness.edition
    document.add_heading(_t("rules", lang, edition=edition.label), level=1)
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, RULES_COLUMNS):
        cell.text = t(f"kipp.ui.{column}", lang)
    for fact in edition_facts(edition, lang):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = fact["rule"], fact["value"]
        cells[2].text = t("kipp.ui.verified" if fact["verified"] else "kipp.ui.unverified", lang)
        cells[3].text = fact["source"]
    fit_table(table, RULES_SHARES, font_size=8.5)


def proposal_bytes(frame: pd.DataFrame, readiness: Readiness, innovation_id: str, lang: str = "id") -> bytes:
    """The draft as .docx bytes (for downloads)."""
    buffer = io.BytesIO()
    proposal_document(frame, readiness, innovation_id, lang).save(buffer)
    return buffer.getvalue()


def proposal_filename(readiness: Readiness, innovation_id: str) -> str:
    """'KIPP2023-<id>-<name>.docx', safe on every file system."""
    info = readiness.table.iloc[readiness.position(innovation_id)]
    slug = re.sub(r"[^0-9A-Za-z]+", "-", str(info["name"] or "")).strip("-")[:40] or "inovasi"
    safe_id = re.sub(r"[^0-9A-Za-z_-]+", "-", str(innovation_id)).strip("-")
    return f"KIPP{readiness.edition.year}-{safe_id}-{slug}.docx"


def proposals_zip(frame: pd.DataFrame, readiness: Readiness, ids: Iterable[str], lang: str = "id") -> bytes:
    """A zip of the drafts of `ids` (e.g. the shortlist), one .docx each."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for innovation_id in ids:
            archive.writestr(proposal_filename(readiness, innovation_id),
                             proposal_bytes(frame, readiness, innovation_id, lang))
    return buffer.getvalue()
