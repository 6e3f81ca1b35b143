"""Static files compressed once (brotli or gzip), byte-identical once decompressed, cached by browsers for
a year when their URL is fingerprinted; callbacks' JSON compressed on the fly; DASBOR_SPEEDUPS=0 turns it off."""

import gzip
import json
import re

import brotli
import pytest

from dashboard.sources import FrameSource
from tests.unit.dashboard_frames import story_frame


def build_client(monkeypatch, speedups: str):
    from dashboard import create_app

    monkeypatch.setenv("DASBOR_SPEEDUPS", speedups)
    app = create_app(FrameSource(story_frame(), label="sample"))
    client = app.server.test_client()
    assert client.get("/").status_code == 200
    return app, client


@pytest.fixture
def client(monkeypatch):
    return build_client(monkeypatch, "1")[1]


def script_urls(client) -> list[str]:
    return re.findall(r'<script src="([^"]+)"', client.get("/").data.decode())


@pytest.mark.parametrize("encoding, decompress", [("br", brotli.decompress), ("gzip", gzip.decompress)])
def test_the_partial_plotly_bundle_is_served_compressed_with_the_same_bytes(client, encoding, decompress):
    url = next(u for u in script_urls(client) if "vendor/plotly-bar-heatmap" in u)
    plain = client.get(url)
    packed = client.get(url, headers={"Accept-Encoding": f"{encoding}, deflate"})
    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in packed.headers["Vary"]
    assert "max-age=31536000" in packed.headers["Cache-Control"] and "immutable" in packed.headers["Cache-Control"]
    assert int(packed.headers["Content-Length"]) == len(packed.data) < len(plain.data) / 2
    assert decompress(packed.data) == plain.data


def test_dash_component_suites_are_compressed_too(client):
    url = next(u for u in script_urls(client) if "dash_renderer" in u)
    packed = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(packed.data) == client.get(url).data


def test_compressed_copies_are_kept_in_the_instance_folder_for_every_worker(client):
    from store.database import instance_dir

    url = next(u for u in script_urls(client) if "dash_renderer" in u)
    client.get(url, headers={"Accept-Encoding": "br"})
    assert any(path.suffix == ".br" for path in (instance_dir() / "static-cache").iterdir())


def test_a_file_without_fingerprint_is_revalidated_and_earns_a_304(client):
    first = client.get("/assets/dasbor.css", headers={"Accept-Encoding": "gzip"})
    assert "max-age=31536000" not in first.headers.get("Cache-Control", "")
    again = client.get("/assets/dasbor.css", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_callback_answers_are_gzipped_when_the_browser_accepts_it(client):
    body = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    assert body.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(body.data)) == client.get("/_dash-layout").get_json()


def test_speedups_off_serves_everything_as_before(monkeypatch):
    _, client = build_client(monkeypatch, "0")
    assert not any("vendor/plotly" in url for url in script_urls(client))
    url = script_urls(client)[0]
    response = client.get(url, headers={"Accept-Encoding": "br, gzip"})
    assert "Content-Encoding" not in response.headers


def test_the_chunks_every_page_needs_are_asked_for_with_the_page(client):
    html = client.get("/").data.decode()
    for chunk in ("async-graph.js", "async-dropdown.js", "async-slider.js"):
        assert f'<link rel="preload" as="script" href="/_dash-component-suites/dash/dcc/{chunk}">' in html
