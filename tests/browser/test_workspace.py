"""The proposal workspace in a real browser (issue 13): an editor fills the missing sections and
evidence of a "Hampir siap" innovation, each word count follows the typing, the readiness becomes
"Siap" before anything is saved, the save lands, and the downloaded .docx holds the typed text; a
viewer then reads that text without any edit control, and the save callback refuses them (403). A save
pressed while a field still holds text not yet sent (the fields send it once the typing pauses) saves
that text; the proposal moves draf → ditinjau (a review comment) → diajukan → hasil.
Its own server and store, so the edits do not change what the other browser tests see."""

from __future__ import annotations

import io

import docx
import pytest
from playwright.sync_api import expect

from analytics.kipp.editions import load_editions
from tests.browser.conftest import seeded_server
from tests.browser.test_data_page import PASSWORD, log_in

INNOVATION = "65af2e258b"   # Kampung Budaya (2018): Hampir siap for KIPP 2025, every section, SK, video, SDGs missing
PATH = f"/inovasi/{INNOVATION}/usulan?edition=2025"
OTHER = "/inovasi/1ff1fdd0a1/usulan?edition=2025"    # SI CEPAT (2017): another innovation, untouched by the above
EVIDENCE = {"decree": "SK Kepala Dinas Pendidikan No. 421/2018", "video_url": "https://youtu.be/kampungbudaya",
            "sdgs": "4; 11"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with seeded_server(tmp_path_factory.mktemp("workspace"), {"editor1": "editor", "viewer1": "viewer"},
                       PASSWORD) as started:
        yield started


def section_text(key: str, words: int) -> str:
    return " ".join([f"Kampung{key.capitalize()}"] + ["kata"] * (words - 1))


def test_an_editor_completes_an_almost_ready_proposal_and_downloads_the_typed_text(browser, server):
    sections = load_editions().get(2025).sections
    page = log_in(browser, server, "editor1")
    try:
        page.open(PATH)
        readiness = page.page.locator("#ws-readiness")
        expect(readiness).to_contain_text("Hampir siap")
        for number, section in enumerate(sections):
            words = 30 + number
            area = page.page.locator(f"[data-section='{section.key}'] textarea")
            area.fill(section_text(section.key, words))
            expect(page.page.locator(f"#ws-count-{section.key}")).to_have_text(
                f"{words} / {section.max_words.value} kata")
        for field, value in EVIDENCE.items():
            page.page.locator(_field(field)).fill(value)
        page.page.locator(_field("decree")).press("Tab")
        badge = readiness.locator(".badge").first
        expect(badge).to_have_text("Siap", timeout=30000)               # judged on the typed, unsaved text
        page.page.click("#edit-ws-save")
        expect(page.page.locator("#ws-saved")).to_contain_text("Tersimpan: 11 isian", timeout=30000)
        expect(page.page.locator("#ws-history")).to_contain_text("editor1")
        with page.page.expect_download(timeout=30000) as download:
            readiness.locator(".kipp-draft-button").click()
        paragraphs = [p.text for p in docx.Document(io.BytesIO(download.value.path().read_bytes())).paragraphs]
        for number, section in enumerate(sections):
            assert section_text(section.key, 30 + number) in paragraphs, section.key
        assert not any(text.startswith("[LENGKAPI") for text in paragraphs)
        page.assert_clean()
    finally:
        page.context.close()


def test_a_viewer_reads_the_proposal_without_edit_controls_and_the_callback_refuses_them(browser, server):
    page = log_in(browser, server, "viewer1")
    try:
        page.open(PATH)
        expect(page.page.locator("#ws-read-only")).to_be_visible()
        assert page.page.locator("textarea").count() == 0
        assert page.page.locator("#edit-ws-save").count() == 0
        assert page.page.locator("[id*='edit-ws']").count() == 0
        status = page.page.evaluate("""async () => {
            const token = document.cookie.split('; ').find(c => c.startsWith('dasbor_csrf=')).split('=')[1];
            const body = {output: '..edit-ws-versions.data...edit-ws-initial.data...ws-save-message.children...ws-history.children..',
                          outputs: [{id: 'edit-ws-versions', property: 'data'}, {id: 'edit-ws-initial', property: 'data'},
                                    {id: 'ws-save-message', property: 'children'}, {id: 'ws-history', property: 'children'}],
                          inputs: [{id: 'edit-ws-save', property: 'n_clicks', value: 1}], state: [],
                          changedPropIds: ['edit-ws-save.n_clicks']};
            const answer = await fetch('/_dash-update-component', {method: 'POST', body: JSON.stringify(body),
                headers: {'Content-Type': 'application/json', 'X-CSRFToken': decodeURIComponent(token)}});
            return answer.status;
        }""")
        assert status == 403
        page.problems.clear()   # the refused request is logged by the browser, as it should be
        page.assert_clean()
    finally:
        page.context.close()


# Types into a section and presses "Simpan" in one go, well within the field's 500 ms pause (as a person
# who types and clicks at once; Playwright's fill and click could be further apart on a busy machine).
TYPE_AND_SAVE = """(text) => {
    const area = document.querySelector("[data-section='adaptability'] textarea");
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(area, text);
    area.dispatchEvent(new Event('input', {bubbles: true}));
    const button = document.getElementById('edit-ws-save');
    button.dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));
    button.click();
}"""


def test_a_save_pressed_straight_after_typing_saves_the_text_as_typed(browser, server):
    page = log_in(browser, server, "editor1")
    try:
        page.open(OTHER)
        page.page.locator("[data-section='adaptability'] textarea").wait_for()
        page.page.evaluate(TYPE_AND_SAVE, "Sudah direplikasi di dua kecamatan")
        expect(page.page.locator("#ws-saved")).to_contain_text("Tersimpan: 1 isian", timeout=30000)
        expect(page.page.locator("#ws-history")).to_contain_text("Sudah direplikasi di dua kecamatan")
        page.assert_clean()
    finally:
        page.context.close()


def test_the_proposal_moves_from_draft_through_review_to_its_result(browser, server):
    page = log_in(browser, server, "editor1")
    try:
        page.open(OTHER + "&lang=en")
        status = page.page.locator("#ws-workflow-status")
        expect(status).to_have_attribute("data-status", "draf")
        page.page.locator("#ws-workflow button", has_text="In review").click()
        expect(status).to_have_attribute("data-status", "ditinjau", timeout=30000)
        page.page.fill("#edit-ws-comment", "Background needs a measurable target")
        page.page.click("#edit-ws-comment-add")
        expect(page.page.locator("#ws-comments")).to_contain_text("Background needs a measurable target", timeout=30000)
        page.page.locator("#ws-workflow button", has_text="Submitted").click()
        expect(status).to_have_attribute("data-status", "diajukan", timeout=30000)
        page.page.locator("#ws-workflow select").select_option("top99")
        expect(status).to_have_attribute("data-status", "hasil", timeout=30000)
        expect(page.page.locator("#ws-workflow-result")).to_contain_text("Top 99")
        page.open(OTHER)                                  # stored: a new page shows it
        expect(page.page.locator("#ws-comments")).to_contain_text("Background needs a measurable target")
        expect(page.page.locator("#ws-workflow-result")).to_contain_text("Top 99")
        page.assert_clean()
    finally:
        page.context.close()


def _field(field: str) -> str:
    """The selector of a pattern-matching field id as Dash writes it in the page (keys sorted)."""
    return f"""[id='{{"field":"{field}","type":"edit-ws-field"}}']"""
