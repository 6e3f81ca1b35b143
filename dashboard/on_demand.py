"""Component libraries a page loads only when it draws what needs them.

Dash puts the script of every component library it knows into every page it serves; AG Grid's
(dash_ag_grid.min.js: 1.3 MB, 360 kB gzip) is needed only by the pages with a grid (/inovasi, /kipp).
With the speedups on (dashboard.speedups), the pages leave the libraries of ON_DEMAND out, and:

- when the router's answer draws a page holding one of them (its JSON names the library's namespace)
  and the browser has not loaded it yet (the shell's store LOADED, sent with every routing request:
  ROUTING_INPUTS), the answer carries the library's scripts in Dash's own `dist` list — the renderer
  loads those before it draws the answer (what Dash does for a library imported inside a callback) —
  and records the library in LOADED, so it is never loaded twice;
- the page of a path whose layout holds one (`dash.register_page(..., libraries=[...])`) asks for the
  script at once with a preload link, so a first visit there fetches it beside Dash's own scripts.

The answer, `dist` included, is what the view cache keeps: LOADED's value is part of its key.
"""

from __future__ import annotations

import json
import re

import flask
from dash import State, dcc

ON_DEMAND = ("dash_ag_grid",)
LOADED = "loaded-libraries"      # the shell's store: the libraries of ON_DEMAND this browser has loaded
LOADED_KEY = "loaded_libraries"  # the name under which the router passes it to a page's layout
ROUTING_INPUTS = {LOADED_KEY: State(LOADED, "data")}  # Dash(routing_callback_inputs=...)
CALLBACK_PATH = "/_dash-update-component"
ROUTING_OUTPUT = "_pages_content.children"


def loaded_store() -> dcc.Store:
    """The shell's record of the libraries loaded on demand (none when the page opens)."""
    return dcc.Store(id=LOADED, data=[])


def suite(library: str) -> str:
    """The start of the URLs of a library's files."""
    return f"/_dash-component-suites/{library}/"


def is_left_out(src: str) -> bool:
    """Is this script one of the libraries loaded on demand?"""
    return any(suite(library) in src for library in ON_DEMAND)


def preload_links(app, path: str) -> str:
    """<link rel=preload> of the on-demand scripts the page at `path` draws (none for other pages)."""
    import dash

    wanted = [library for page in dash.page_registry.values() if page.get("path") == path
              for library in page.get("libraries", ()) if library in ON_DEMAND]
    return "".join(f'<link rel="preload" as="script" href="{dist["url"]}">'
                   for dist in app.get_dist(wanted) if dist["type"] == "_js_dist")


def _loaded(body: dict) -> list[str]:
    """LOADED's value as the routing request sends it."""
    for item in body.get("state") or []:
        if isinstance(item, dict) and item.get("id") == LOADED:
            return [name for name in item.get("value") or [] if isinstance(name, str)]
    return []


def _drawn(data: bytes, library: str) -> bool:
    return re.search(rb'"namespace":\s*"' + re.escape(library.encode()) + rb'"', data) is not None


def with_libraries(app, response):
    """after_request: a routing answer drawing a library of ON_DEMAND that the browser lacks gets its
    scripts in `dist` and the library added to LOADED (run before the view cache keeps the answer)."""
    request = flask.request
    if (request.method != "POST" or request.path != CALLBACK_PATH or response.status_code != 200
            or response.direct_passthrough or "Content-Encoding" in response.headers):
        return response
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or str(body.get("output", "")).strip(".").split("...")[0] != ROUTING_OUTPUT:
        return response
    loaded = _loaded(body)
    data = response.get_data()
    missing = [library for library in ON_DEMAND if library not in loaded and _drawn(data, library)]
    if not missing:
        return response
    answer = json.loads(data)
    answer["dist"] = answer.get("dist", []) + app.get_dist(missing)
    answer["sideUpdate"] = {**answer.get("sideUpdate", {}), LOADED: {"data": loaded + missing}}
    response.set_data(json.dumps(answer))
    return response


def configure(app) -> None:
    """Load the on-demand libraries with the first routing answer that draws them (call after the view
    cache is configured: Flask runs the later after_request first, so the cache keeps the answers made
    here). speedups.configure leaves them out of the pages."""
    app.server.after_request(lambda response: with_libraries(app, response))
