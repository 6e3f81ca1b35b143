"""Docs that cannot drift (STYLE.md §13): every CLI command, URL parameter and stable element id is
in the README."""

import re
from pathlib import Path

import pytest

from cli import COMMANDS
from analytics.filters import Filters
from charts.views import CHARTS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_cli_command_is_in_the_readme(command):
    assert f"python app.py {command}" in README


@pytest.mark.parametrize("key", list(Filters.QUERY_KEYS))
def test_every_url_parameter_is_in_the_readme(key):
    assert re.search(rf"[?&]{key}=", README)


@pytest.mark.parametrize("element", ["kpi-total", "kpi-ready", *(f"chart-{name}" for name in CHARTS)])
def test_every_stable_element_id_is_in_the_readme(element):
    assert f"`{element}`" in README


def test_the_two_commands_are_in_the_readme():
    assert "make run" in README and "make test" in README


def test_every_setting_is_in_the_readme():
    import settings

    for name in settings.SETTINGS:
        assert f"`{name}`" in README, name
