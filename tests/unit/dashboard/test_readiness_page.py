"""The /kipp page, the `kpi-ready` card and the readiness block of /inovasi/<id>, through Flask's test
client (the browser test in tests/browser/test_kipp.py covers the same in Chromium)."""

from __future__ import annotations

import base64
import io
import json
import zipfile

import dash
import docx
import pytest

from analytics.dataset import canonical_frame
from dashboard.sources import FrameSource
from tests.unit.dashboard.test_app import call, route
from tests.unit.analytics.kipp.test_readiness import ready_row, words

ROWS = [
    ready_row(id="ready-a", name="Antrean SMS", agency="Dinas Kesehatan", year=2016),
    ready_row(id="ready-b", name="Sekolah Sore", agency="Dinas Pendidikan", year=2016, novelty=words(20)),
    ready_row(id="young", name="Aplikasi Baru", agency="Dinas Kesehatan", year=2017,
              launch_date="2017-06-01"),                                   # too young for 2018, old for 2021
    ready_row(id="no-sk", name="Pojok Baca", agency="Dinas Pendidikan", year=2017, decree=None),
    ready_row(id="winner", name="Jemput Bola", agency="Dinas Kesehatan", year=2015, awards="2017: Top 40"),
]


@pytest.fixture(scope="module")
def app():
    from dashboard import create_app

    records = [{**row, "source_file": "uji.xlsx", "source_sheet": "2017", "source_row": i + 6}
               for i, row in enumerate(ROWS)]
    return create_app(FrameSource(canonical_frame(records), label="sample"))


@pytest.fixture(scope="module")
def client(app):
    client = app.server.test_client()
    assert client.get("/kipp").status_code == 200
    return client


def _counts(children) -> dict[str, str]:
    text = json.dumps(children)
    return {slug: json.loads(text.split(f'"id": "kipp-count-{slug}"')[0].rsplit('"children": ', 1)[1].rsplit(",", 1)[0])
            for slug in ("siap", "hampir-siap", "belum", "khusus")}


def _update(client, app, edition: str, search: str = "") -> dict:
    """The page redrawn for `search` with `?edition=` (the edition lives in the URL)."""
    url = f"{search}{'&' if search else '?'}edition={edition}"
    return call(client, app, "kipp-rendered.data",
                [{"id": "url", "property": "search", "value": url}],
                [{"id": "kipp-edition", "property": "value", "value": edition},
                 {"id": "kipp-rendered", "property": "data", "value": search}])["response"]


def _grid(client, app, edition: str, search: str = "", **request) -> dict:
    """The grid's first block (or `request`) for the view `search` and edition, as the grid asks for it."""
    rendered = f"{search}{'&' if search else '?'}edition={edition}"
    return call(client, app, "kipp-grid.getRowsResponse",
                [{"id": "kipp-grid", "property": "getRowsRequest",
                  "value": {"startRow": 0, "endRow": 100, "sortModel": [], "filterModel": {}, **request}}],
                [{"id": "kipp-rendered", "property": "data", "value": rendered}])["response"]["kipp-grid"][
        "getRowsResponse"]


def test_kipp_the_edition_selector_writes_the_url(app):
    from dashboard.pages.kipp import choose_edition

    with app.server.test_request_context():
        assert choose_edition("2018", "?from=2015&agency=A&lang=en") == "?from=2015&agency=A&lang=en&edition=2018"
        assert choose_edition("2021", "?edition=2018&to=2020") == "?to=2020&edition=2021"
        assert choose_edition("2018", "?edition=2018") is dash.no_update


def test_kipp_page_renders_counts_charts_shortlist_and_grid(client, app):
    page = route(client, app, "/kipp", "?edition=2018")
    for element in ("kipp-edition", "kipp-count-siap", "chart-readiness", "chart-readiness-agency", "kipp-shortlist",
                    "kipp-grid", "kipp-checklist", "kipp-download-shortlist", "kipp-download-zip"):
        assert f'"id": "{element}"' in page
    assert _counts(json.loads(page)) == {"siap": "2", "hampir-siap": "1", "belum": "1", "khusus": "1"}
    assert "Antrean SMS" in page and "Sekolah Sore" in page


def test_kipp_switching_the_edition_changes_the_counts(client, app):
    counts = _counts(_update(client, app, "2021")["kipp-counts"]["children"])
    assert counts == {"siap": "3", "hampir-siap": "1", "belum": "0", "khusus": "1"}
    response = _update(client, app, "2018")
    assert _counts(response["kipp-counts"]["children"]) == {"siap": "2", "hampir-siap": "1", "belum": "1",
                                                            "khusus": "1"}
    assert "kipp-grid" not in response  # the grid asks for its rows itself (below)
    rows = {row["id"]: (row["status"], row["gaps"]) for row in _grid(client, app, "2018")["rowData"]}
    assert rows["young"] == ("Belum memenuhi syarat", "Umur inovasi")
    assert rows["no-sk"] == ("Hampir siap", "SK penetapan inovator/tim inovasi")
    later = {row["id"]: row["status"] for row in _grid(client, app, "2021")["rowData"]}
    assert later["young"] != rows["young"][0]  # the grid follows the edition of the page


def test_kipp_filters_narrow_the_view(client, app):
    response = _update(client, app, "2018", "?agency=Dinas+Pendidikan&lang=en")
    assert _counts(response["kipp-counts"]["children"]) == {"siap": "1", "hampir-siap": "1", "belum": "0",
                                                            "khusus": "0"}
    grid = _grid(client, app, "2018", "?agency=Dinas+Pendidikan&lang=en")
    assert {row["status"] for row in grid["rowData"]} == {"Ready", "Almost ready"} and grid["rowCount"] == 2


def test_kipp_clicking_a_row_shows_its_checklist(client, app):
    key = next(k for k in app.callback_map if k.startswith("kipp-checklist.children@"))  # allow_duplicate
    body = {"output": key, "outputs": {"id": "kipp-checklist", "property": "children"},
            "inputs": [{"id": "kipp-grid", "property": "cellClicked", "value": {"rowId": "no-sk", "colId": "status"}}],
            "state": [{"id": "kipp-edition", "property": "value", "value": "2018"},
                      {"id": "url", "property": "search", "value": ""}],
            "changedPropIds": ["kipp-grid.cellClicked"]}
    text = client.post("/_dash-update-component", json=body).data.decode()
    assert "Pojok Baca" in text and "tidak ada di data" in text and "kipp-draft" in text


def _pattern_call(client, output_key: str, output_id: dict, trigger: dict, prop: str, value) -> dict:
    """POST a pattern-matching (MATCH) callback as the browser does; return its one output's value."""
    body = {"output": output_key, "outputs": {"id": output_id, "property": output_key.rsplit(".", 1)[1]},
            "inputs": [{"id": trigger, "property": prop, "value": value}],
            "state": [{"id": "url", "property": "search", "value": ""}],
            "changedPropIds": [json.dumps(trigger, separators=(",", ":"), sort_keys=True) + f".{prop}"]}
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200, response.data[:300]
    return next(iter(json.loads(response.data)["response"].values()))


def test_kipp_draft_download_is_a_docx(client):
    key = {"edition": 2018, "innovation": "no-sk"}
    data = _pattern_call(client, '{"edition":["MATCH"],"innovation":["MATCH"],"type":"kipp-draft-file"}.data',
                         {**key, "type": "kipp-draft-file"}, {**key, "type": "kipp-draft"}, "n_clicks", 1)["data"]
    assert data["filename"] == "KIPP2018-no-sk-Pojok-Baca.docx"
    document = docx.Document(io.BytesIO(base64.b64decode(data["content"])))
    assert document.paragraphs[1].text == "Pojok Baca"


def test_kipp_shortlist_download_is_a_zip_of_drafts(client, app):
    response = call(client, app, "kipp-download-zip.data",
                    [{"id": "kipp-download-shortlist", "property": "n_clicks", "value": 1}],
                    [{"id": "kipp-edition", "property": "value", "value": "2021"},
                     {"id": "url", "property": "search", "value": ""}])
    data = response["response"]["kipp-download-zip"]["data"]
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(data["content"])))
    assert (data["filename"], sorted(archive.namelist())) == ("KIPP2021-daftar-usulan.zip", [
        "KIPP2021-ready-a-Antrean-SMS.docx", "KIPP2021-ready-b-Sekolah-Sore.docx", "KIPP2021-young-Aplikasi-Baru.docx"])


def test_overview_kpi_ready_counts_siap_for_the_latest_edition(client, app):
    page = route(client, app, "/", "")
    card = page.split('"id": "kpi-ready"')[0].rsplit('"children": ', 1)[1]
    assert card.startswith('"3"')
    assert "Siap diajukan ke KIPP 2025" in page


def test_detail_page_shows_readiness_and_switches_edition(client, app):
    page = route(client, app, "/inovasi/young", "")
    assert '"id": "detail-readiness"' in page and "Umur inovasi" in page and "kipp-draft" in page
    response = _pattern_call(client, '{"innovation":["MATCH"],"type":"kipp-detail-body"}.children',
                             {"innovation": "young", "type": "kipp-detail-body"},
                             {"innovation": "young", "type": "kipp-detail-edition"}, "value", "2018")
    assert "belum 12 bulan pada penutupan 31 Maret 2018" in json.dumps(response)


def test_kipp_view_matching_nothing_shows_empty_states(client, app):
    response = _update(client, app, "2018", "?from=2030")
    assert _counts(response["kipp-counts"]["children"]) == {"siap": "0", "hampir-siap": "0", "belum": "0",
                                                            "khusus": "0"}
    assert response["title-readiness"]["children"] == "Tidak ada data untuk filter ini"
    assert _grid(client, app, "2018", "?from=2030") == {"rowData": [], "rowCount": 0}
    assert "Belum ada inovasi berstatus Siap" in json.dumps(response["kipp-shortlist"]["children"])


def test_kipp_shortlist_zip_and_progress_use_the_proposal_workspaces():
    from dashboard import create_app
    from store.identity import identity_key

    records = [{**row, "source_file": "uji.xlsx", "source_sheet": "2017", "source_row": i + 6}
               for i, row in enumerate(ROWS)]
    typed = "Sekolah sore membuka kelas setelah jam kerja orang tua " + words(40)
    spaces = [{"identity": identity_key("Sekolah Sore", "Dinas Pendidikan", None), "edition": 2021,
               "status": "diajukan", "result": None, "values": {"novelty": typed}, "editors": {}}]
    app = create_app(FrameSource(canonical_frame(records), label="sample", workspaces=spaces))
    client = app.server.test_client()
    assert client.get("/kipp").status_code == 200
    response = call(client, app, "kipp-download-zip.data",
                    [{"id": "kipp-download-shortlist", "property": "n_clicks", "value": 1}],
                    [{"id": "kipp-edition", "property": "value", "value": "2021"},
                     {"id": "url", "property": "search", "value": "?edition=2021"}])
    data = response["response"]["kipp-download-zip"]["data"]
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(data["content"])))
    draft = docx.Document(io.BytesIO(archive.read("KIPP2021-ready-b-Sekolah-Sore.docx")))
    assert typed in [paragraph.text for paragraph in draft.paragraphs]
    assert _progress_rows(_update(client, app, "2021")["kipp-progress"]["children"])["Dinas Pendidikan"] == [
        "1", "1", "0", "1"]      # proposals, complete (Siap), in review, submitted


def _progress_rows(children) -> dict[str, list[str]]:
    """The /kipp progress table as {institution: its counts}, from the component tree."""
    rows = {}

    def walk(node):
        if isinstance(node, dict):
            props = node.get("props", {})
            if node.get("type") == "Tr" and "data-agency" in props:
                cells = [cell["props"]["children"] for cell in props["children"]]
                rows[cells[0]] = cells[1:]
            for value in props.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(children)
    return rows
