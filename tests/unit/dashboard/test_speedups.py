"""What the speed-ups leave out of a page: Dash's polyfill for old browsers (and nothing while they are off)."""

import re

import pytest

from dashboard.sources import FrameSource
from tests.unit.dashboard_frames import story_frame


def page_scripts(monkeypatch, speedups: str, path: str = "/") -> list[str]:
    from dashboard import create_app

    monkeypatch.setenv("DASBOR_SPEEDUPS", speedups)
    client = create_app(FrameSource(story_frame(), label="sample")).server.test_client()
    return re.findall(r'<script src="([^"]+)"', client.get(path).data.decode())


@pytest.mark.parametrize("path", ["/", "/urusan?from=2016"])
def test_pages_leave_out_the_polyfill_for_old_browsers(monkeypatch, path):
    scripts = page_scripts(monkeypatch, "1", path)
    assert any("dash_renderer" in url for url in scripts) and any("plotly-bar-heatmap" in url for url in scripts)
    assert not any("polyfill" in url for url in scripts)


def test_without_the_speedups_every_script_is_there(monkeypatch):
    assert any("polyfill" in url for url in page_scripts(monkeypatch, "0"))
