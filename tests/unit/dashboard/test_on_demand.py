"""AG Grid's script only with the pages that draw a grid (dashboard.on_demand): left out of every page
Dash serves, preloaded by the pages with a grid, and handed to the renderer in the router's `dist`
the first time the browser draws a grid, never a second time."""

import gzip
import json
import re

import pytest

from dashboard.on_demand import LOADED
from dashboard.sources import FrameSource
from dashboard.view_cache import HIT_HEADER
from tests.unit.dashboard.test_app import call, outputs_of, routing_state
from tests.unit.dashboard_frames import story_frame

GRID_SCRIPT = re.compile(r"/_dash-component-suites/dash_ag_grid/dash_ag_grid\.v[^\"']*\.min\.js")


@pytest.fixture(scope="module")
def app():
    from dashboard import create_app

    return create_app(FrameSource(story_frame(), label="sample"))


@pytest.fixture(scope="module")
def client(app):
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    return client


def scripts_and_preloads(client, path: str) -> tuple[list[str], list[str]]:
    html = client.get(path).data.decode()
    return re.findall(r'<script src="([^"]+)"', html), re.findall(r'<link rel="preload" as="script" href="([^"]+)"', html)


def route(client, app, pathname: str, loaded: list[str]) -> dict:
    return call(client, app, "_pages_content.children",
                [{"id": "_pages_location", "property": "pathname", "value": pathname},
                 {"id": "_pages_location", "property": "search", "value": "?from=2015"}], routing_state(loaded=loaded))


@pytest.mark.parametrize("path", ["/", "/tren", "/opd", "/urusan", "/data"])
def test_a_page_without_a_grid_neither_loads_nor_preloads_the_grid_script(client, path):
    scripts, preloads = scripts_and_preloads(client, path)
    assert any("dash_renderer" in url for url in scripts)
    assert not any(GRID_SCRIPT.search(url) for url in scripts + preloads)


@pytest.mark.parametrize("path", ["/inovasi", "/kipp"])
def test_a_page_with_a_grid_preloads_the_script_dash_serves(client, path):
    scripts, preloads = scripts_and_preloads(client, path)
    assert not any(GRID_SCRIPT.search(url) for url in scripts)  # the renderer loads it, from `dist`
    [preload] = [url for url in preloads if GRID_SCRIPT.search(url)]
    assert client.get(preload).status_code == 200


@pytest.mark.parametrize("path", ["/inovasi", "/kipp"])
def test_the_first_grid_drawn_brings_its_script_and_records_it(client, app, path):
    answer = route(client, app, path, loaded=[])
    [dist] = answer["dist"]
    assert dist["type"] == "_js_dist" and GRID_SCRIPT.fullmatch(dist["url"])
    assert client.get(dist["url"]).status_code == 200
    assert answer["sideUpdate"] == {LOADED: {"data": ["dash_ag_grid"]}}
    assert '"dash_ag_grid"' in json.dumps(answer["response"])  # the page's grid, drawn once the script is in


@pytest.mark.parametrize("path", ["/inovasi", "/kipp"])
def test_a_browser_that_has_the_script_is_not_sent_it_again(client, app, path):
    answer = route(client, app, path, loaded=["dash_ag_grid"])
    assert "dist" not in answer and "sideUpdate" not in answer
    assert '"dash_ag_grid"' in json.dumps(answer["response"])


def test_a_page_without_a_grid_brings_no_script(client, app):
    answer = route(client, app, "/opd", loaded=[])
    assert "dist" not in answer and "sideUpdate" not in answer


def test_the_view_cache_keeps_the_answer_with_its_script(client, app):
    key = next(key for key in app.callback_map if key.startswith(".._pages_content.children"))
    body = {"output": key, "outputs": outputs_of(key), "changedPropIds": ["_pages_location.pathname"],
            "inputs": [{"id": "_pages_location", "property": "pathname", "value": "/kipp"},
                       {"id": "_pages_location", "property": "search", "value": "?from=2017"}],
            "state": routing_state()}
    answers = []
    for _ in range(2):
        response = client.post("/_dash-update-component", json=body, headers={"Accept-Encoding": "gzip"})
        answers.append((response.headers[HIT_HEADER], json.loads(gzip.decompress(response.data))))
    assert [status for status, _ in answers] == ["miss", "hit"]
    assert answers[1][1]["dist"] == answers[0][1]["dist"] and GRID_SCRIPT.fullmatch(answers[1][1]["dist"][0]["url"])


def test_without_the_speedups_every_page_loads_the_grid_script_as_before(monkeypatch):
    from dashboard import create_app

    monkeypatch.setenv("DASBOR_SPEEDUPS", "0")
    client = create_app(FrameSource(story_frame(), label="sample")).server.test_client()
    scripts, _ = scripts_and_preloads(client, "/")
    assert any(GRID_SCRIPT.search(url) for url in scripts)
