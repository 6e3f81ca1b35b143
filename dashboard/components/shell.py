"""The app shell around every page: navbar (from dash.page_registry), language switch, filter bar,
chips, footer. Pages appear in the navbar when they register with `nav=True` and a catalog key
`label_key` (e.g. `dash.register_page(__name__, path="/kipp", order=5, nav=True, label_key="nav.kipp")`).

A page the filter bar does not narrow registers `filters_note` (the catalog key of one sentence saying
why): there the bar, its chips and reset are hidden and the sentence shows in their place. A page that
draws its own control for a filter row registers `own_filters` (row keys, e.g. ("regions",)): there the
bar hides that row's control (dasbor.css). The URL keeps every filter either way. A page the report ("Unduh
laporan", a report of the normal view) does not cover registers `report_note` (the catalog key of why): there
the report menu gives way to that sentence; "Unduh data" exports a page's own table where it registers
`data_table` (exports.data.TABLES; dashboard/components/downloads.py).
"""

from __future__ import annotations

import copy
import re

import dash
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, callback, clientside_callback, ctx, dcc, html

from analytics.filters import Filters
from dashboard.components.chart import in_full_store
from dashboard.on_demand import loaded_store
from dashboard.components.downloads import create_download_bar
from dashboard.components.filterbar import bar_rows, create_filter_bar, href
from dashboard.components.registry import page_of
from dashboard.sources import current_dataset
from i18n import other_language, t


def nav_pages() -> list[dict]:
    """The registered pages that ask for a navbar entry, in their `order`."""
    pages = [page for page in dash.page_registry.values() if page.get("nav")]
    return sorted(pages, key=lambda page: (page.get("order") is None, page.get("order") or 0, page["path"]))


def page_titles() -> dict[str, list[list[str]]]:
    """Per language, [path pattern, tab title] for every page: the browser tab follows the language
    (Dash's own router only knows each page's one `title`)."""
    titles = {}
    for lang in ("id", "en"):
        app_title = t("app.title", lang)
        titles[lang] = [
            ["^" + re.sub(r"<[^>]+>", "[^/]+", page.get("path_template") or page["path"]) + "/?$",
             app_title if page["path"] == "/" else f"{t(page['label_key'], lang)} · {app_title}"]
            for page in dash.page_registry.values() if page.get("label_key")]
    return titles


def _is_active(page: dict, pathname: str | None) -> bool:
    path = page["path"]
    pathname = pathname or "/"
    return pathname == path if path == "/" else pathname == path or pathname.startswith(path + "/")


def create_navbar(lang: str = "id") -> dbc.Navbar:
    """Brand, one link per nav page (hrefs keep the current filters), language switch."""
    links = [dbc.NavItem(dcc.Link(t(page["label_key"], lang), href=page["relative_path"], className="nav-link",
                                  id={"type": "nav-link", "page": page["module"]}))
             for page in nav_pages()]
    switch = dcc.Link(t("lang.switch", lang), href="?lang=en", id="lang-switch", className="nav-link lang-switch",
                      title=t("lang.switch", lang))
    account = create_account_item(lang)
    return dbc.Navbar(dbc.Container([
        dcc.Link([html.Span(t("app.title", lang), id={"type": "i18n", "key": "app.title"}, className="fw-bold"),
                  html.Span(t("app.region", lang), id={"type": "i18n", "key": "app.region"},
                            className="brand-region")], href="/", className="navbar-brand", id="nav-brand"),
        dbc.NavbarToggler(id="nav-toggle", n_clicks=0),
        dbc.Collapse(dbc.Nav(links + [dbc.NavItem(switch, className="ms-lg-auto"), account], navbar=True,
                             className="w-100"),
                     id="nav-collapse", navbar=True, is_open=False),
    ], fluid="lg"), color="dark", dark=True, className="mb-3 app-navbar")


def _i18n(key: str, lang: str) -> html.Span:
    return html.Span(t(key, lang), id={"type": "i18n", "key": key})


def create_account_item(lang: str = "id") -> dbc.NavItem:
    """Who is logged in and a logout button (a plain POST form), or a login link."""
    from dashboard.auth import current_role, current_user

    name = current_user()
    if name is None:
        return dbc.NavItem(html.A(_i18n("nav.login", lang), href="/login", id="nav-login", className="nav-link"))
    role = current_role()
    return dbc.NavItem(html.Form([
        html.Span([name, " (", _i18n(f"role.{role}", lang), ")"], id="nav-user", className="nav-user"),
        html.Button(_i18n("nav.logout", lang), type="submit", id="nav-logout", className="btn btn-link nav-link"),
    ], action="/logout", method="post", className="d-flex align-items-center gap-1 nav-account"))


def create_skeleton(lang: str = "id") -> html.Div:
    """What the page area shows until the page arrives: grey blocks where the KPIs and charts will
    be (dasbor.css), and the words "loading" for screen readers."""
    blocks = [html.Div(className="skeleton skeleton-heading"),
              html.Div([html.Div(className="skeleton skeleton-kpi") for _ in range(4)], className="skeleton-row"),
              html.Div(className="skeleton skeleton-chart"),
              html.Div([html.Div(className="skeleton skeleton-chart") for _ in range(2)], className="skeleton-row")]
    return html.Div([html.Span(t("chart.loading", lang), className="visually-hidden"), *blocks],
                    id="page-skeleton", className="page-skeleton", role="status", **{"aria-busy": "true"})


def page_container() -> html.Div:
    """Dash's page container, its content area holding the skeleton until the routing callback fills it."""
    container = copy.deepcopy(dash.page_container)
    for child in container.children:
        if getattr(child, "id", None) == "_pages_content":
            child.children = create_skeleton()
    return container


def create_layout() -> html.Div:
    """The app layout (a function, so each page load sees the current data version)."""
    dataset = current_dataset()
    return html.Div([
        dcc.Location(id="url", refresh=False),
        dcc.Store(id="html-lang"),
        dcc.Store(id="page-titles", data=page_titles()),
        in_full_store(),
        loaded_store(),
        create_navbar(),
        dbc.Container([
            html.P(id="filters-note", className="filters-note small text-muted mb-2"),
            html.Div([
                dbc.Button([html.Span(t("filter.toggle", "id"), id={"type": "i18n", "key": "filter.toggle"})],
                           id="filter-toggle", color="secondary", outline=True, size="sm",
                           className="d-md-none me-2", n_clicks=0),
                html.Div(id="filter-chips", className="filter-chips"),
                dcc.Link(t("filter.reset", "id"), href="/", id="filter-reset",
                         className="btn btn-sm btn-outline-secondary ms-auto"),
                create_download_bar(),
            ], className="d-flex align-items-center flex-wrap gap-1 mb-2"),
            dbc.Collapse(create_filter_bar(dataset), id="filter-collapse", is_open=False,
                         className="filter-collapse mb-3"),
            html.Main(page_container(), className="page"),
        ], fluid="lg", id="shell-body"),
    ], className="app-shell")


def register_callbacks() -> None:
    """Wire the shell into the app being built (called by create_app)."""
    callback(
        Output({"type": "i18n", "key": ALL}, "children"),
        Output({"type": "nav-link", "page": ALL}, "children"),
        Output({"type": "nav-link", "page": ALL}, "href"),
        Output({"type": "nav-link", "page": ALL}, "className"),
        Output("lang-switch", "children"),
        Output("lang-switch", "href"),
        Output("nav-brand", "href"),
        Output("filter-reset", "children"),
        Output("shell-body", "className"),
        Output("filters-note", "children"),
        Output("report-note", "children"),
        Input("url", "search"),
        Input("url", "pathname"),
    )(update_shell)
    # The navbar's burger menu on a phone, and <html lang> following the URL: pure UI, in the browser.
    clientside_callback(
        "function(n, open) { return n ? !open : open; }",
        Output("nav-collapse", "is_open"),
        Input("nav-toggle", "n_clicks"),
        dash.State("nav-collapse", "is_open"),
        prevent_initial_call=True,
    )
    # The tab title too, after Dash's router has written the page's single (Indonesian) title.
    clientside_callback(
        """function(search, pathname, _page, titles) {
            var lang = new URLSearchParams(search || "").get("lang") === "en" ? "en" : "id";
            document.documentElement.lang = lang;
            var match = (titles[lang] || []).find(function(entry) { return new RegExp(entry[0]).test(pathname || "/"); });
            if (match) { setTimeout(function() { document.title = match[1]; }, 0); }
            return lang;
        }""",
        Output("html-lang", "data"),
        Input("url", "search"),
        Input("url", "pathname"),
        Input("_pages_store", "data"),
        dash.State("page-titles", "data"),
    )


def filter_state(pathname: str | None, lang: str) -> tuple[str, str]:
    """(class of the shell's body, the note in place of the filter bar) for the page at `pathname`: the
    bar hidden with the page's note where the filters do not narrow it, its own controls' rows hidden."""
    page = page_of(pathname) or {}
    classes = [f"own-{row.control_id}" for row in bar_rows() if row.key in page.get("own_filters", ())]
    note = page.get("filters_note")
    if note:
        classes.append("filters-off")
    return " ".join(classes), t(note, lang) if note else ""


def report_state(pathname: str | None, lang: str) -> tuple[str, str]:
    """(class of the shell's body, the note in place of the report menu) for the page at `pathname`: the
    report hidden, and why, where the page registers a `report_note`."""
    note = (page_of(pathname) or {}).get("report_note")
    return ("report-off", t(note, lang)) if note else ("", "")


def update_shell(search, pathname):
    """Every shell label in the URL's language; nav links carry the current filters; the filter bar
    as the page wants it (filter_state)."""
    filters = Filters.from_query(search)
    lang = filters.lang
    pages = {page["module"]: page for page in dash.page_registry.values()}
    texts = [t(item["id"]["key"], lang) for item in ctx.outputs_list[0]]
    nav = [pages[item["id"]["page"]] for item in ctx.outputs_list[1]]
    other = other_language(lang)
    classes, filters_note = filter_state(pathname, lang)
    report_class, report_note = report_state(pathname, lang)
    return (
        texts,
        [t(page["label_key"], lang) for page in nav],
        [href(page["relative_path"], filters) for page in nav],
        ["nav-link active" if _is_active(page, pathname) else "nav-link" for page in nav],
        t("lang.switch", lang),
        href(pathname, filters.replace(lang=other), search),  # a page's own keys (/kipp's edition) stay
        href("/", filters),
        t("filter.reset", lang),
        " ".join(filter(None, (classes, report_class))),
        filters_note,
        report_note,
    )
