"""IID evidence entered in a real browser (issue 14): an editor sets the government's evidence for an SPD
indicator on /iid and the index, the predikat's parts and the indicator's source follow at once; an editor
sets an innovation's SID evidence on its workspace page and its SID follows; an editor reverts a change from
the evidence's history on both pages; a viewer reads the evidence without any control or history and the save
and revert callbacks refuse them (403). Its own server and store."""

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
        assert page.page.locator("#iid-spd-history").count() == 0   # no history, no revert for a viewer
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
        revert = page.page.evaluate("""async () => {
            const token = document.cookie.split('; ').find(c => c.startsWith('dasbor_csrf=')).split('=')[1];
            const revert = {id: {change: 1, type: 'edit-iid-spd-revert'}, property: 'n_clicks', value: 1};
            const body = {output: '..iid-body.children@x...edit-iid-spd-versions.data@x..',
                          outputs: [{id: 'iid-body', property: 'children'},
                                    {id: 'edit-iid-spd-versions', property: 'data'}],
                          inputs: [[revert]], state: [], changedPropIds: ['{"change":1,"type":"edit-iid-spd-revert"}.n_clicks']};
            const answer = await fetch('/_dash-update-component', {method: 'POST', body: JSON.stringify(body),
                headers: {'Content-Type': 'application/json', 'X-CSRFToken': decodeURIComponent(token)}});
            return answer.status;
        }""")
        assert revert == 403   # the revert callback writes edit- ids: the guard refuses a viewer
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


def test_an_editor_reverts_an_spd_change_from_its_history_and_the_index_follows(browser, server):
    page = log_in(browser, server, "editor1")
    try:
        page.open("/iid?iid=2025")
        index = page.page.locator("#iid-index")
        expect(index).not_to_be_empty(timeout=20000)
        before = index.inner_text()
        tier = page.page.locator(_control("tier", "spd-03"))
        opened = tier.input_value()
        page.page.select_option(_control("tier", "spd-03"), "3")
        page.page.click("#edit-iid-spd-save")
        expect(page.page.locator(".iid-saved")).to_contain_text("1 bukti tersimpan", timeout=30000)
        expect(index).not_to_have_text(before, timeout=30000)
        change = page.page.locator("#iid-spd-history li[data-indicator='spd-03']").first
        expect(change).to_contain_text("editor1")
        expect(change).to_contain_text("→ tingkat 3")
        change.get_by_role("button", name="Pulihkan yang sebelumnya").click()
        expect(page.page.locator(".iid-reverted")).to_contain_text("dipulihkan", timeout=30000)
        expect(index).to_have_text(before, timeout=30000)                # the index as before the save
        expect(tier).to_have_value(opened)                                # the choice as before the save
        newest = page.page.locator("#iid-spd-history li").first
        expect(newest).to_contain_text("dipulihkan")                      # the revert is itself in the history
        expect(newest).to_contain_text("tingkat 3 →")
        page.open("/iid?iid=2025")                                        # stored: a new visit shows it too
        expect(index).to_have_text(before, timeout=20000)
        page.assert_clean()
    finally:
        page.context.close()


def test_an_editor_reverts_an_innovations_sid_change_on_its_workspace(browser, server):
    from loaders import SAMPLE_DIR, load_paths

    frame = load_paths([SAMPLE_DIR]).frame
    row = frame[(frame["name"] == MUSRENBANG) & (frame["year"] == 2025)].iloc[0]
    page = log_in(browser, server, "editor1")
    try:
        page.open(f"/inovasi/{row['id']}/usulan?edition=2025")
        summary = page.page.locator("#ws-iid-summary")
        expect(summary).to_contain_text("SID inovasi ini di IID 2025:", timeout=20000)
        before = summary.inner_text()
        # an indicator with evidence now (not the one the test above withdraws): withdrawn, then restored
        indicator = page.page.eval_on_selector_all(
            "[id*='\"type\":\"ws-iid-current\"']",
            "spans => spans.map(s => [JSON.parse(s.id).indicator, Number(s.dataset.tier)])"
            ".find(([key, tier]) => tier > 0 && key !== 'sid-16')[0]")
        tier = page.page.locator(_control("tier", indicator, "ws-iid"))
        opened = tier.input_value()
        page.page.select_option(_control("tier", indicator, "ws-iid"), "0")
        page.page.click("#edit-ws-iid-save")
        expect(page.page.locator(".iid-saved")).to_contain_text("1 bukti tersimpan", timeout=30000)
        expect(summary).not_to_have_text(before, timeout=30000)
        change = page.page.locator(f"#ws-iid-history li[data-indicator='{indicator}']").first
        change.get_by_role("button", name="Pulihkan yang sebelumnya").click()
        expect(page.page.locator(".iid-reverted")).to_contain_text("dipulihkan", timeout=30000)
        expect(summary).to_have_text(before, timeout=30000)
        expect(tier).to_have_value(opened)
        page.assert_clean()
    finally:
        page.context.close()
