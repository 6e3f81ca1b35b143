"""The switch for what makes the first screen fast: $DASBOR_SPEEDUPS=0 serves the dashboard as it was
before (no compression, no long-lived caching of static files, no view cache, Plotly's full bundle),
so the benchmarks can measure both in one run.

On (the default): the partial Plotly bundle in assets/vendor (every trace type the charts use, bar and
heatmap, see charts/figures.py), compressed static files with long-lived fingerprinted URLs
(dashboard.compression), the shared cache of view callbacks (dashboard.view_cache), pages served
without Dash's validation layout, and pages without the scripts they do not run (`page_scripts`; AG Grid's
only with a page that has a grid: dashboard.on_demand).
"""

from __future__ import annotations

import re

import settings
from dashboard.on_demand import configure as load_on_demand, is_left_out, preload_links

SPEEDUPS_ENV = "DASBOR_SPEEDUPS"
VENDOR_PLOTLY = r"^plotly-(bar-heatmap|once)"  # file names (Dash applies assets_ignore to names)


def enabled() -> bool:
    """False only when $DASBOR_SPEEDUPS is 0 / false / no / off (settings.py refuses other words)."""
    return settings.get(SPEEDUPS_ENV)


def assets_ignore() -> str:
    """Assets Dash must not put in the page: without speedups, the partial Plotly bundle (Dash then
    loads its full bundle when the first chart appears, as before)."""
    return "" if enabled() else VENDOR_PLOTLY


def suppress_callback_exceptions() -> bool:
    """Whether Dash leaves out the validation layout: every page's component ids (~700 components,
    116 kB of JSON) that Dash otherwise writes into every page it serves, for the browser to check
    each callback against before running it — a check for development (tests/unit/dashboard/test_app.py
    draws every page and callback), which on a phone costs a noticeable part of the first screen."""
    return enabled()


# Dash's chunks that every page needs once its layout arrives (the charts, the filter bar): asked for
# with the page, not one round trip after the layout
PRELOAD = ("dcc/async-graph.js", "dcc/async-dropdown.js", "dcc/async-slider.js")


# Scripts Dash puts in every page that the dashboard's pages do not need: Babel's polyfill for old
# browsers (core-js 2). A current browser has all it adds; there it only slows the page: 0.2-0.5 s of
# feature tests when it loads (Chromium's profiler, under load) and its String.prototype.trim in place
# of the browser's for every later call (Plotly's among them).
LEFT_OUT = ("dash/deps/polyfill@",)


def page_scripts(scripts: str) -> str:
    """The page's <script> tags without those in LEFT_OUT and the libraries loaded on demand
    (dashboard.on_demand)."""
    def keep(tag: re.Match) -> str:
        src = tag.group(1)
        return "" if any(part in src for part in LEFT_OUT) or is_left_out(src) else tag.group(0)

    return re.sub(r'<script src="([^"]*)"></script>\n?', keep, scripts)


def configure(app) -> None:
    """Compression, the view cache and the preloaded chunks on `app` (call after the login guard is
    installed)."""
    if not enabled():
        return
    links = "".join(f'<link rel="preload" as="script" href="/_dash-component-suites/dash/{path}">'
                    for path in PRELOAD)
    app.index_string = app.index_string.replace("{%favicon%}", "{%favicon%}" + links, 1)
    import flask

    interpolate = app.interpolate_index
    app.interpolate_index = lambda **parts: interpolate(**{
        **parts, "css": parts["css"] + preload_links(app, flask.request.path),
        "scripts": page_scripts(parts["scripts"])})
    server = app.server
    from dashboard.compression import configure as compress_responses
    from dashboard.view_cache import configure as cache_views
    from store.database import instance_dir

    folder = instance_dir()
    compress_responses(server, folder / "static-cache")
    cache_views(server, folder / "view-cache")
    load_on_demand(app)

