"""IID evidence entered in a real browser (issue 14): an editor sets the government's evidence for an SPD
indicator on /iid and the index, the predikat's parts and the indicator's source follow at once; an editor
sets an innovation's SID evidence on its workspace page and its SID follows; a viewer reads the evidence
without any control and the save callback refuses them (403). Its own server and store."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from analytics.filter_fields import home_region
from analytics.iid.editions import load_editions
from analytics.iid.evidence import default_evidence
from analytics.iid.scoring import assess_with_sheets
from i18n import format_number
from tests.browser.conftest import seeded_server
from tests.browser.test_data_page import PASSWORD, log_in


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with seeded_server(tmp_path_factory.mktemp("iid-evidence"), {"editor1": "editor", "viewer1": "viewer"},
                       PASSWORD) as started:
        yield started


def index_with(entered) -> str:
    from loaders import SAMPLE_DIR, load_paths

    assessment, _ = assess_with_sheets(load_paths([SAMPLE_DIR]).frame, load_editions().get(2025),
                                       default_evidence("sample"), "id", entered)
    return format_number(assessment.result.index, "id", 2)


def _control(kind: str, indicator: str, prefix: str = "iid-spd") -> str:
    """The selector of a pattern-matching control as Dash writes its id (keys sorted)."""
    return f"""[id='{{"indicator":"{indicator}","type":"edit-{prefix}-{kind}"}}']"""


def test_an_editor_sets_an_spd_indicators_evidence_and_the_index_follows(browser, server):
    page = log_in(browser, server, "editor1")
    try:
        page.open("/iid?iid=2025")
        expect(page.page.locator("#iid-index")).to_have_text(index_with(()), timeout=20000)
        current = page.page.locator("""[id='{"indicator":"spd-01","type":"iid-spd-current"}']""")
        expect(current).to_contain_text("lembar bukti_iid.csv")          # the sample's sheet gives it now
        page.page.select_option(_control("tier", "spd-01"), "3")
        page.page.fill(_control("doc", "spd-01"), "RPJMD 2025-2029 misi 4")
        page.page.click("#edit-iid-spd-save")
        expect(page.page.locator(".iid-saved")).to_contain_text("1 bukti tersimpan", timeout=30000)
        entry = {"edition": 2025, "region": "kabupaten muara enim", "identity": "", "indicator": "spd-01",
                 "tier": 3, "document": "RPJMD 2025-2029 misi 4", "by": "editor1", "at": None}
        expected = index_with([entry])
        assert expected != index_with(())
        expect(page.page.locator("#iid-index")).to_have_text(expected, timeout=30000)
        expect(current).to_contain_text("Tingkat 3 — diisi editor1")
        expect(current).to_contain_text("RPJMD 2025-2029 misi 4")
        page.open("/iid?iid=2025")                                          # stored: a new visit shows it too
        expect(page.page.locator("#iid-index")).to_have_text(expected, timeout=20000)
        expect(page.page.locator(_control("tier", "spd-01"))).to_have_value("3")
        page.assert_clean()
    finally:
        page.context.close()


def test_a_viewer_reads_the_evidence_without_controls_and_the_save_is_refused(browser, server):
    page = log_in(browser, server, "viewer1")
    try:
        page.open("/iid?iid=2025")
        expect(page.page.locator("#iid-spd-read-only")).to_be_visible()
        expect(page.page.locator("#iid-spd-list li")).to_have_count(20)
        assert page.page.locator("[id*='edit-iid']").count() == 0
        status = page.page.evaluate("""async () => {
            const token = document.cookie.split('; ').find(c => c.startsWith('dasbor_csrf=')).split('=')[1];
            const body = {output: '..iid-body.children...edit-iid-spd-versions.data..',
                          outputs: [{id: 'iid-body', property: 'children'}, {id: 'edit-iid-spd-versions', property: 'data'}],
                          inputs: [{id: 'edit-iid-spd-save', property: 'n_clicks', value: 1}], state: [],
                          changedPropIds: ['edit-iid-spd-save.n_clicks']};
            const answer = await fetch('/_dash-update-component', {method: 'POST', body: JSON.stringify(body),
                headers: {'Content-Type': 'application/json', 'X-CSRFToken': decodeURIComponent(token)}});
            return answer.status;
        }""")
        assert status == 403
        page.problems.clear()   # the refused request is logged by the browser, as it should be
        page.assert_clean()
    finally:
        page.context.close()


MUSRENBANG = "Musrenbang Perempuan"


def test_an_editor_sets_an_innovations_sid_evidence_on_its_workspace_and_its_sid_follows(browser, server):
    from loaders import SAMPLE_DIR, load_paths

    frame = load_paths([SAMPLE_DIR]).frame
    row = frame[(frame["name"] == MUSRENBANG) & (frame["year"] == 2025)].iloc[0]
    page = log_in(browser, server, "editor1")
    try:
        page.open(f"/inovasi/{row['id']}/usulan?edition=2025")
        summary = page.page.locator("#ws-iid-summary")
        expect(summary).to_contain_text("SID inovasi ini di IID 2025:", timeout=20000)
        before = summary.inner_text()
        page.page.select_option(_control("tier", "sid-16", "ws-iid"), "0")     # the regulation withdrawn
        page.page.click("#edit-ws-iid-save")
        expect(page.page.locator(".iid-saved")).to_contain_text("1 bukti tersimpan", timeout=30000)
        expect(summary).not_to_have_text(before, timeout=30000)
        current = page.page.locator("""[id='{"indicator":"sid-16","type":"ws-iid-current"}']""")
        expect(current).to_contain_text("Tingkat 0 — diisi editor1")
        page.assert_clean()
    finally:
        page.context.close()
