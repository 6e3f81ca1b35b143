"""The KIPP proposal draft (.docx): opened again with python-docx and read back."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from docx.oxml.ns import qn

from analytics.kipp.readiness import UnknownInnovation, evaluate
from exports.proposal_docx import (proposal_bytes, proposal_document, proposal_filename,
                                             proposals_zip)
from exports.word import TEXT_WIDTH
from tests.unit.analytics.kipp.test_readiness import make_frame, ready_row, words

BACKGROUND = "Sebelum inovasi, warga antre sejak subuh di loket pendaftaran Puskesmas Tanjung Enim."
NOVELTY = "Pendaftaran lewat pesan singkat dengan nomor antrean dan perkiraan jam dilayani."


def _reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def _paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def _headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


@pytest.fixture
def drafted():
    """An innovation with two sections written, one over its limit, and the rest missing."""
    row = ready_row(
        id="sms-1", name="Antrean SMS", goal="Mengurangi waktu tunggu pasien menjadi 15 menit.",
        benefit="Waktu tunggu turun dari 2 jam menjadi 20 menit.", decree=None,
        **{key: None for key in ("summary", "implementation", "significance", "adaptability", "resources",
                                 "sustainability")},
        background=BACKGROUND, novelty=NOVELTY + " " + words(200))
    frame = make_frame(row)
    readiness = evaluate(frame, 2023)
    data = proposal_bytes(frame, readiness, "sms-1")
    return frame, readiness, _reopen(data)


def test_proposal_docx_holds_every_section_heading_of_the_edition_in_order(drafted):
    _, readiness, document = drafted
    assert _headings(document, 2)[1:] == [f"{n}. {s.label_id}" for n, s in enumerate(readiness.edition.sections, 1)]
    assert _headings(document, 1)[0] == "Antrean SMS"
    assert document.core_properties.title == "KIPP 2023: Antrean SMS"


def test_proposal_docx_prefills_the_text_and_counts_words(drafted):
    _, _, document = drafted
    paragraphs = _paragraphs(document)
    assert BACKGROUND in paragraphs
    assert "Batas 300 kata · bobot 10 · terisi 12 kata" in paragraphs
    assert "Batas 200 kata · bobot 15 · terisi 211 kata" in paragraphs
    assert "[RINGKAS: 211 kata, batas 200 kata]" in paragraphs


def test_proposal_docx_has_a_highlighted_placeholder_for_each_missing_section(drafted):
    _, readiness, document = drafted
    placeholders = [p for p in document.paragraphs if p.text.startswith("[LENGKAPI:")]
    missing = [s for s in readiness.edition.sections if s.key not in ("background", "novelty")]
    assert [p.text for p in placeholders] == [f"[LENGKAPI: {s.must_contain_id}]" for s in missing]
    assert all(run.font.highlight_color == WD_COLOR_INDEX.YELLOW for p in placeholders for run in p.runs)
    # material from the data is offered under the placeholder it belongs to
    paragraphs = _paragraphs(document)
    significance = paragraphs.index("[LENGKAPI: dampak sebelum vs sesudah, cara mengukurnya, dan laporan evaluasi]")
    assert paragraphs[significance + 1:significance + 3] == [
        "Bahan dari data (sunting sebelum dipakai):", "Waktu tunggu turun dari 2 jam menjadi 20 menit."]


def test_proposal_docx_lists_attachments_and_the_failed_or_missing_checks(drafted):
    _, _, document = drafted
    attachments = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    assert attachments[0] == ["Lampiran", "Status", "Keterangan"]
    by_name = {row[0]: row[1:] for row in attachments[1:]}
    assert by_name["SK penetapan inovator/tim inovasi"] == ["Belum ada di data",
                                                             "SK penetapan inovator/tim inovasi: tidak ada di data."]
    assert by_name["Tautan video"][0] == "Ada di data"
    assert by_name["Formulir SPBE (untuk inovasi berbasis aplikasi)"] == ["Siapkan (tidak tercatat di data)", ""]
    assert by_name["Tanggal mulai implementasi + surat pernyataan bertanda tangan"][1].startswith(
        "Diterapkan sejak 4 Januari 2016")
    paragraphs = _paragraphs(document)
    failed = paragraphs.index("Tidak memenuhi syarat")
    missing = paragraphs.index("Data belum ada")
    assert paragraphs[failed + 1] == "Kebaruan / Nilai Tambah: 211 kata, melebihi batas 200 kata — ringkas."
    assert len(paragraphs[missing + 1:missing + 8]) == 7   # six sections and the SK
    assert paragraphs[missing + 7] == "SK penetapan inovator/tim inovasi: tidak ada di data."
    assert paragraphs[missing + 1].startswith("Ringkasan: belum ada isi. Harus memuat ringkasan seluruh aspek")


def test_proposal_docx_rules_table_marks_verified_values(drafted):
    _, _, document = drafted
    rules = [[cell.text for cell in row.cells] for row in document.tables[2].rows]
    assert rules[0] == ["Aturan", "Nilai", "Status", "Sumber"]
    assert rules[1][:3] == ["Penutupan", "6 Mei 2023", "terverifikasi"]
    assert ["Signifikansi", "600 kata · bobot 30", "belum terverifikasi"] in [r[:3] for r in rules]


def test_proposal_docx_is_a4_numbered_and_its_tables_fit_the_page(drafted):
    _, _, document = drafted
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # not python-docx's Letter
    footer = section.footer.paragraphs[0]
    assert footer.text.startswith("KIPP 2023 · Antrean SMS") and " NUMPAGES " in footer._p.xml
    identity, attachments, rules = document.tables
    for table in document.tables:
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert all(sum(cell.width for cell in row.cells) <= TEXT_WIDTH for row in table.rows)
    assert identity.rows[0]._tr.trPr.find(qn("w:tblHeader")) is None  # no header: a list of fields
    for table in (attachments, rules):  # the header repeats on the next page, and is never left alone
        header = table.rows[0]
        assert header._tr.trPr.find(qn("w:tblHeader")) is not None
        assert header.cells[0].paragraphs[0].paragraph_format.keep_with_next
    source = [cell.width for cell in rules.rows[0].cells][3]
    assert source == max(cell.width for cell in rules.rows[0].cells)  # the longest texts get the most room


def test_proposal_docx_speaks_the_documents_language_in_rules_and_video_limits():
    frame = make_frame(ready_row())
    readiness = evaluate(frame, 2025)
    for lang, limits, assumed in (("id", "Video paling lama 5 menit, resolusi minimal 720p, dalam Bahasa Indonesia.",
                                   "Tanpa sumber: diambil dari edisi terdekat"),
                                  ("en", "Video at most 5 minutes, at least 720p, in Bahasa Indonesia.",
                                   "No source found: carried over")):
        document = proposal_document(frame, readiness, "r1", lang)
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        assert any(limits in text for text in cells)
        assert any(text.startswith(assumed) for text in cells)
        assert not any("max_minutes" in text or ".;" in text for text in cells)
    indonesian = proposal_document(frame, readiness, "r1", "id")
    sources = [row.cells[3].text for row in indonesian.tables[-1].rows[1:]]
    assert any(text.startswith("kaltimprov.go.id, 2 Mei 2025") for text in sources)   # the cited sources too
    assert not any(" row (" in text or "registration" in text for text in sources)


def test_proposal_docx_of_a_ready_innovation_in_english():
    frame = make_frame(ready_row())
    readiness = evaluate(frame, 2021)
    document = proposal_document(frame, readiness, "r1", "en", today=dt.date(2021, 4, 1))
    paragraphs = _paragraphs(document)
    assert not any(text.startswith("[COMPLETE:") for text in paragraphs)
    assert "Every check passes." in paragraphs
    assert paragraphs[2].startswith("Draft generated by Dasbor Inovasi Kabupaten Muara Enim, 1 April 2021. "
                                    "Readiness: Ready (score 100/100, General group).")
    category = [row.cells[2].text for row in document.tables[1].rows if row.cells[0].text == "Innovation category"]
    assert "Choose one category of KIPP 2021: Pengentasan kemiskinan, Pendidikan" in category[0]


def test_proposal_docx_unknown_id():
    frame = make_frame(ready_row())
    with pytest.raises(UnknownInnovation):
        proposal_bytes(frame, evaluate(frame, 2023), "nope")


def test_proposal_docx_zip_of_the_shortlist():
    frame = make_frame(ready_row(id="a/1", name="Antrean SMS!"), ready_row(id="b", name="Kedua"))
    readiness = evaluate(frame, 2023)
    archive = zipfile.ZipFile(io.BytesIO(proposals_zip(frame, readiness, ["a/1", "b"])))
    assert archive.namelist() == ["KIPP2023-a-1-Antrean-SMS.docx", "KIPP2023-b-Kedua.docx"]
    assert _headings(_reopen(archive.read("KIPP2023-b-Kedua.docx")), 1)[0] == "Kedua"
    assert proposal_filename(readiness, "b") == "KIPP2023-b-Kedua.docx"
