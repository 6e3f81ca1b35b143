"""The Dash app: `create_app()` builds the one app of a process (pages under dashboard/pages).

Data: `create_app(source)` with a StoreSource / DataSource / FrameSource, else the paths in
$DASBOR_DATA (read-only), else the store. The source caches the frame per data version.
Accounts: `store` (default: the source's store; for $DASBOR_DATA, the default store unseeded);
without one nobody can log in and anonymous viewing is on (dashboard.auth).
"""

from __future__ import annotations

from pathlib import Path

PAGES_FOLDER = Path(__file__).resolve().parent / "pages"
ASSETS_FOLDER = Path(__file__).resolve().parent / "assets"


def create_app(source=None, store=None):
    """Build the Dash app (call once per process); `app.server` is the WSGI app for gunicorn."""
    import dash

    from dashboard import auth, health, notices, on_demand, request_log, routes, speedups
    from dashboard.components import chart, downloads, filterbar, shell
    from dashboard.sources import CONFIG_KEY, source_from_environment

    if source is None:
        source = source_from_environment()
        store = store or getattr(source, "store", None) or _accounts_store()
    store = store or getattr(source, "store", None)

    app = dash.Dash(
        __package__ or "dashboard",
        use_pages=True,
        # the rankings drawn whole, for every page's layout; the libraries the browser has loaded
        routing_callback_inputs={**chart.ROUTING_INPUTS, **on_demand.ROUTING_INPUTS},
        pages_folder=str(PAGES_FOLDER),
        assets_folder=str(ASSETS_FOLDER),
        serve_locally=True,
        assets_ignore=speedups.assets_ignore(),
        suppress_callback_exceptions=speedups.suppress_callback_exceptions(),
        title="Dasbor Inovasi · Kabupaten Muara Enim",
        update_title=None,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
        csrf_token_name=auth.CSRF_COOKIE,     # the renderer sends it back as X-CSRFToken
        csrf_header_name=auth.CSRF_HEADER,
    )
    for component in (shell, filterbar, chart, downloads):
        component.register_callbacks()
    app.index_string = app.index_string.replace("<html>", '<html lang="id">', 1)  # lang=en is set in the browser
    app.server.config[CONFIG_KEY] = source
    request_log.configure(app.server)     # first: its line covers the guard and sees the final answer
    notices.configure(app.server, source)   # before the guard: every request may start the listener
    auth.configure(app.server, store, app.callback_map)
    routes.register_routes(app.server)
    health.register(app.server)
    speedups.configure(app)
    with app.server.app_context():
        app.layout = shell.create_layout
    return app


def _accounts_store():
    """The default store, unseeded, for its accounts only (when the data comes from --data files)."""
    from store.database import open_store

    return open_store(seed=False)
