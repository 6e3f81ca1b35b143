"""The registered page at a path and what it registered about itself (dash.page_registry): the shell and the
download buttons read a page's own options there (`filters_note`, `own_filters`, `report_note`, `data_table`).
A module of its own, so both can read it without importing each other."""

from __future__ import annotations

import re

import dash


def page_of(pathname: str | None) -> dict | None:
    """The registered page at `pathname` (a page's sub-paths, such as /inovasi/<id>, count as their own)."""
    pages = [page for page in dash.page_registry.values()
             if re.fullmatch(re.sub(r"<[^>]+>", "[^/]+", page.get("path_template") or page["path"]) + "/?",
                             pathname or "/")]
    return pages[0] if pages else None
