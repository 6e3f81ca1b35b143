"""The app through Flask's test client: pages route, callbacks answer, nothing loads from outside."""

import json

import dash
import pytest

from dashboard.components.chart import IN_FULL
from dashboard.on_demand import LOADED
from dashboard.sources import FrameSource
from tests.unit.dashboard_frames import story_frame


@pytest.fixture(scope="module")
def app():
    from dashboard import create_app

    return create_app(FrameSource(story_frame(), label="sample"))


@pytest.fixture(scope="module")
def client(app):
    client = app.server.test_client()
    assert client.get("/").status_code == 200  # first request sets up routing
    return client


def outputs_of(text: str) -> list[dict]:
    """ "..a.b...c.d.." (several outputs) or "a.b" (one) -> [{"id": "a", "property": "b"}, ...]."""
    parts = text[2:-2].split("...") if text.startswith("..") else [text.split("@")[0]]
    ids = [part.rsplit(".", 1)[0] for part in parts]  # a pattern-matching id is written as its JSON
    return [{"id": json.loads(i) if i.startswith("{") else i, "property": part.rsplit(".", 1)[1]}
            for i, part in zip(ids, parts)]


def call(client, app, first_output: str, inputs: list[dict], state: list[dict] | None = None,
         changed: int = 0) -> dict:
    """POST the callback whose first output is `first_output`, as the browser does; return its response."""
    for key in app.callback_map:
        if "@" in key.split("...")[0]:  # an allow_duplicate twin (cross-filtering), not the callback asked for
            continue
        outputs = outputs_of(key)
        if f"{outputs[0]['id']}.{outputs[0]['property']}" == first_output:
            body = {"output": key, "outputs": outputs if key.startswith("..") else outputs[0],
                    "inputs": inputs, "state": state or [],
                    "changedPropIds": [f"{inputs[changed]['id']}.{inputs[changed]['property']}"]}
            response = client.post("/_dash-update-component", json=body)
            assert response.status_code in (200, 204), response.data[:500]
            return json.loads(response.data) if response.status_code == 200 else {}
    raise LookupError(first_output)


def in_full_state(in_full: list[str] | None = None) -> list[dict]:
    """The rankings drawn whole (the shell's store), as a callback reading it sends it."""
    return [{"id": IN_FULL, "property": "data", "value": in_full or []}]


def routing_state(in_full: list[str] | None = None, loaded: list[str] | None = None) -> list[dict]:
    """What the router reads besides the URL: the rankings drawn whole and the libraries the browser
    has loaded on demand (the shell's stores)."""
    return [*in_full_state(in_full), {"id": LOADED, "property": "data", "value": loaded or []}]


def route(client, app, pathname: str, search: str = "", in_full: list[str] | None = None) -> str:
    result = call(client, app, "_pages_content.children",
                  [{"id": "_pages_location", "property": "pathname", "value": pathname},
                   {"id": "_pages_location", "property": "search", "value": search}], routing_state(in_full))
    return json.dumps(result["response"]["_pages_content"]["children"])


def test_index_loads_nothing_from_outside(client):
    html = client.get("/?from=2015&to=2017").data.decode()
    assert "/assets/bootstrap.min.css" in html
    for marker in ("cdn", "googleapis", "unpkg", "jsdelivr", "https://"):
        assert marker not in html


def test_layout_has_the_filter_bar_and_a_nav_link_per_page(client):
    layout = json.dumps(client.get("/_dash-layout").get_json())
    for element in ("filter-years", "filter-agency", "filter-sector", "filter-stage", "filter-kind", "filter-form",
                    "filter-reset", "lang-switch"):
        assert f'"{element}"' in layout
    for path in ("/tren", "/opd", "/urusan", "/inovasi"):
        assert f'"href": "{path}"' in layout


@pytest.mark.parametrize("pathname, elements", [
    ("/", ["kpi-total", "chart-trend", "chart-agency", "chart-sector", "home-finding"]),
    ("/tren", ["chart-year", "chart-breakdown", "chart-yoy", "tren-by"]),
    ("/opd", ["chart-agency-rank", "chart-heatmap", "chart-compliance", "opd-missing"]),
    ("/urusan", ["chart-sector-rank", "chart-sector-year", "urusan-none"]),
    ("/inovasi", ["inovasi-grid", "inovasi-search"]),
    ("/provinsi", ["provinsi-regions", "chart-region-count", "chart-region-trend", "chart-region-sector",
                   "chart-region-index", "phone-region-sector"]),
])
def test_every_page_renders_its_charts(client, app, pathname, elements):
    content = route(client, app, pathname, "?from=2015&to=2017")
    for element in elements:
        assert f'"id": "{element}"' in content


def test_overview_layout_counts_the_view(client, app):
    content = route(client, app, "/", "?from=2016&to=2016")
    assert '"children": "67", "id": "kpi-total"' in content


def test_detail_page_and_not_found(client, app):
    content = route(client, app, "/inovasi/t0005", "?lang=en")
    assert "Inovasi 5" in content and "uji.xlsx" in content
    missing = route(client, app, "/inovasi/does-not-exist")
    assert "detail-not-found" in missing and "Inovasi tidak ditemukan" in missing


def test_overview_callback_redraws_for_a_new_search(client, app):
    result = call(client, app, "home-rendered.data",
                  [{"id": "url", "property": "search", "value": "?from=2016&to=2017"}],
                  [{"id": "home-rendered", "property": "data", "value": ""}])
    response = result["response"]
    assert response["home-rendered"]["data"] == "?from=2016&to=2017"
    assert response["home-finding"]["children"] == "Jumlah inovasi turun 16,4% dari 2016 ke 2017."
    assert response["chart-trend"]["figure"]["data"][0]["text"] == ["67", "56"]


def test_overview_callback_skips_the_view_already_drawn(client, app):
    result = call(client, app, "home-rendered.data",
                  [{"id": "url", "property": "search", "value": "?from=2016"}],
                  [{"id": "home-rendered", "property": "data", "value": "?from=2016"}])
    assert result == {}  # 204: PreventUpdate


def test_filter_controls_write_the_url(client, app):
    controls = ["filter-years", "filter-agency", "filter-sector", "filter-stage", "filter-kind", "filter-form",
                "filter-region"]
    values = [[2016, 2017], ["Dinas Kesehatan"], [], "Penerapan", None, None, []]
    inputs = [{"id": "url", "property": "search", "value": ""}] + [
        {"id": c, "property": "value", "value": v} for c, v in zip(controls, values)]
    body_result = call(client, app, "url.search", inputs, changed=2)  # the agency dropdown changed
    assert body_result["response"]["url"]["search"] == "?from=2016&agency=Dinas+Kesehatan&stage=Penerapan"


# Long rankings: the "tampilkan semua" choice lives in the shell (chart.IN_FULL), which the router and the
# page's refresh both read, so a filter change (a new layout for the same page) draws the ranking as chosen.

@pytest.fixture(scope="module")
def many_agencies():
    """14 agencies (more than the top 10), with the app and a client of their own."""
    from dashboard import create_app
    from tests.unit.dashboard_frames import frame_of

    rows = [{"year": 2015 + j % 3, "agency": f"Dinas {i:02d}", "sector": "Kesehatan", "stage": "Inisiatif",
             "kind": "Digital", "form": "Pelayanan Publik", "initiator": "OPD"} for i in range(14) for j in range(14 - i)]
    app = create_app(FrameSource(frame_of(rows), label="many"))
    client = app.server.test_client()
    client.get("/")
    return app, client


def component(tree, element_id: str) -> dict:
    """The props of the component `element_id` in a layout's JSON."""
    if isinstance(tree, list):
        found = (component(child, element_id) for child in tree)
        return next((props for props in found if props is not None), None)
    if not isinstance(tree, dict):
        return None
    props = tree.get("props", {})
    if props.get("id") == element_id:
        return props
    return next((found for child in props.values() if (found := component(child, element_id)) is not None), None)


def bars(figure: dict) -> int:
    return len(figure["data"][0]["y"])


@pytest.mark.parametrize("in_full, shown, label", [([], 10, "Tampilkan semua (14)"),
                                                   (["agency-rank"], 14, "Tampilkan 10 teratas"),
                                                   (["sector-rank"], 10, "Tampilkan semua (14)")])
def test_a_new_layout_draws_the_ranking_as_the_shell_keeps_it(many_agencies, in_full, shown, label):
    app, client = many_agencies
    layout = json.loads(route(client, app, "/opd", "?to=2017", in_full))
    assert bars(component(layout, "chart-agency-rank")["figure"]) == shown
    assert component(layout, "all-agency-rank")["children"] == label


def test_the_pages_refresh_reads_the_choice_from_the_shell(many_agencies):
    app, client = many_agencies
    for in_full, shown in (([], 10), (["agency-rank"], 14)):
        result = call(client, app, "opd-rendered.data",
                      [{"id": "url", "property": "search", "value": "?from=2015"},
                       {"id": "opd-year", "property": "value", "value": None}],
                      [{"id": "opd-rendered", "property": "data", "value": "?from=2016"},
                       *in_full_state(in_full)])
        assert bars(result["response"]["chart-agency-rank"]["figure"]) == shown


def test_the_toggle_records_its_choice_in_the_shell_beside_the_others(many_agencies):
    app, client = many_agencies
    key = next(key for key, spec in app.callback_map.items()
               if spec["inputs"] == [{"id": "all-agency-rank", "property": "n_clicks"}])

    def toggle(in_full):
        body = {"output": key, "outputs": outputs_of(key), "changedPropIds": ["all-agency-rank.n_clicks"],
                "inputs": [{"id": "all-agency-rank", "property": "n_clicks", "value": 1}],
                "state": [*in_full_state(in_full), {"id": "url", "property": "search", "value": ""}]}
        result = client.post("/_dash-update-component", json=body).get_json()["response"]
        return result[IN_FULL]["data"], bars(result["chart-agency-rank"]["figure"])

    assert toggle(["sector-rank"]) == (["sector-rank", "agency-rank"], 14)
    assert toggle(["sector-rank", "agency-rank"]) == (["sector-rank"], 10)


@pytest.mark.parametrize("pathname, classes, note", [
    ("/iid", "filters-off", "Filter tidak berlaku di halaman ini"),   # the index is the regency's whole
    ("/provinsi", "own-filter-region", ""),                            # the page draws its own choice of regions
    ("/tren", "", ""),
    ("/inovasi/t0005", "", ""),
])
def test_the_shell_hides_the_filters_a_page_does_not_use(client, pathname, classes, note):
    from dashboard.components.shell import filter_state

    shown_classes, shown_note = filter_state(pathname, "id")
    assert shown_classes == classes
    assert shown_note.startswith(note) and bool(shown_note) == bool(note)


@pytest.mark.parametrize("pathname, classes, note", [
    ("/provinsi", "report-off", "Laporan PDF/Word merangkum tampilan biasa"),   # the report is not the comparison
    ("/tren", "", ""),
])
def test_the_shell_hides_the_report_where_a_page_says_it_does_not_cover_it(client, pathname, classes, note):
    from dashboard.components.shell import report_state

    shown_classes, shown_note = report_state(pathname, "id")
    assert shown_classes == classes
    assert shown_note.startswith(note) and bool(shown_note) == bool(note)
