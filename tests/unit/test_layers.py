"""The house in layers (README "Architecture"): no import cycle, every package imports only the ones
below it, and nothing below the dashboard pulls in Dash.

The order, bottom to top, as the code stands:

    i18n < settings < logs < loaders < store < analytics < charts < exports < dashboard < cli

(`settings`, the one module validating the environment, is a module beside the packages: it speaks
through the catalog and the loaders read their limits from it. `logs`, the log lines' format, reads
its variables from `settings`; the packages above write through the standard `logging` module.)

(`cli` sits on top because `serve` starts the dashboard; every other command stays below it.) The
static tests read the source with `ast`, lazy imports inside functions included, so an import that
only runs on one code path still counts.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["i18n", "settings", "logs", "loaders", "store", "analytics", "charts", "exports", "dashboard", "cli"]
WEB = ("dash", "dash_bootstrap_components", "flask")  # the web stack: the dashboard's alone
WEB_ALLOWED = ("dashboard", "cli.serve")                # ... and the one command that serves it


def module_files(root: Path = ROOT) -> dict[str, Path]:
    """Every module of the layered packages: dotted name -> file (a package by its __init__.py; a layer
    that is one module, settings.py, by its name)."""
    modules = {}
    for package in LAYERS:
        if (root / f"{package}.py").is_file():
            modules[package] = root / f"{package}.py"
            continue
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imported_names(path: Path) -> set[str]:
    """Every absolute module name `path` imports, at the top or inside a function ("from a.b import c"
    gives "a.b.c", which is resolved to a module or to "a.b" by the caller)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import; the layering tests read absolute ones only"
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """module -> the modules of the layered packages it imports (names resolved to the longest module)."""
    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for module, path in modules.items():
        targets = {resolve(name) for name in imported_names(path)}
        graph[module] = {target for target in targets if target and target != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles of `graph`: its strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def upward_imports(graph: dict[str, set[str]]) -> list[str]:
    """Every import from a package into one above it in LAYERS, as 'module -> module'."""
    rank = {package: position for position, package in enumerate(LAYERS)}
    return [f"{module} -> {target}" for module, targets in sorted(graph.items()) for target in sorted(targets)
            if rank[target.split(".")[0]] > rank[module.split(".")[0]]]


def _in(module: str, rooms: tuple[str, ...]) -> bool:
    return any(module == room or module.startswith(room + ".") for room in rooms)


@pytest.fixture(scope="module")
def graph():
    return import_graph(module_files())


def test_layers_no_import_cycle(graph):
    assert cycles(graph) == []


def test_layers_settings_is_a_layer_of_its_own(graph):
    """settings.py is read (and its imports checked) like the packages: it speaks through i18n, and the
    loaders and the dashboard read it."""
    assert graph["settings"] == {"i18n"}
    assert "settings" in graph["loaders.limits"] and "settings" in graph["dashboard.auth"]


def test_layers_packages_import_only_downward(graph):
    assert upward_imports(graph) == []


def test_layers_only_the_dashboard_and_serve_import_the_web_stack():
    """Dash, its components and Flask (and the dashboard package itself) are imported only inside
    dashboard/ and by cli/serve.py: a lazy import in, say, cli/chart.py counts too."""
    offenders = []
    for module, path in module_files().items():
        if _in(module, WEB_ALLOWED):
            continue
        offenders += [f"{module} -> {name}" for name in sorted(imported_names(path))
                      if _in(name, WEB) or _in(name, ("dashboard",))]
    assert offenders == []


def test_layers_the_checks_catch_a_cycle_and_an_upward_import():
    """The graph functions themselves: a two-module cycle and an import from below are reported."""
    graph = {"exports.report.model": {"exports.report.build"}, "exports.report.build": {"exports.report.model"},
             "analytics.dataset": {"dashboard.sources"}, "dashboard.sources": {"analytics.dataset"}}
    assert cycles(graph) == [["analytics.dataset", "dashboard.sources"],
                             ["exports.report.build", "exports.report.model"]]
    assert upward_imports(graph) == ["analytics.dataset -> dashboard.sources"]


NO_DASH = """
import importlib, json, pkgutil, sys
names = []
for package in ("loaders", "store", "analytics", "charts", "exports"):
    module = importlib.import_module(package)
    names.append(package)
    for info in pkgutil.walk_packages(module.__path__, package + "."):
        importlib.import_module(info.name)
        names.append(info.name)
for command in sys.argv[1:]:
    importlib.import_module("cli." + command)
    names.append("cli." + command)
print(json.dumps({"imported": names, "web": sorted(m for m in sys.modules if m.split(".")[0] in
                  ("dash", "dash_bootstrap_components", "flask"))}))
"""


def test_layers_nothing_below_the_dashboard_imports_dash_in_a_fresh_process():
    """A fresh interpreter imports every module of loaders, store, analytics, charts and exports and every
    command module but serve (the batch and cron path): Dash, its components and Flask stay unloaded."""
    commands = [name for name in COMMANDS if name != "serve"]
    completed = subprocess.run([sys.executable, "-c", NO_DASH, "common", *commands], cwd=ROOT,
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert "exports.report.formats" in result["imported"] and "cli.report" in result["imported"]
    assert result["web"] == []
