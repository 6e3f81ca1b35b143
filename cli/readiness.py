"""`python app.py readiness [--data PATH...] [--edition YEAR] [FILTERS] [--json]`: KIPP readiness.

The JSON is the shape of DESIGN.md §3 (plus the edition's label and close, each innovation's proposal
workspace, the filters and the shortlist); without --json, a readable table. Default edition: the
latest in kipp_editions.toml.
"""

from __future__ import annotations

import sys

from cli.common import (add_filter_arguments, add_json_argument, add_lang_argument, add_page_arguments,
                        add_source_arguments, cut_text, load_edition_and_frame)
from i18n import t


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("readiness", help=t("cli.help.readiness", lang))
    add_page_arguments(parser, "readiness", lang)
    add_source_arguments(parser, lang)
    add_filter_arguments(parser, lang)
    add_lang_argument(parser, lang)
    add_json_argument(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from analytics.filters import Filters
    from analytics.kipp.readiness import evaluate, write_json
    from analytics.kipp.workspace import workspace_column

    loaded = load_edition_and_frame(args)
    if isinstance(loaded, int):
        return loaded
    edition, frame, workspaces = loaded
    filters = Filters.from_args(args)
    # Judge the whole data (titles must be unique across it), then keep the rows in view.
    readiness = evaluate(frame, edition).select(filters.apply(frame).index)
    if args.json:
        query = filters.to_query(include_lang=False)
        write_json(readiness, sys.stdout, args.lang, filters={"query": query},
                   workspace=workspace_column(frame, workspaces, edition))
    else:
        print_table(readiness, args.lang)
    return 0


def print_table(readiness, lang: str) -> None:
    """Summary, one line per innovation, then the shortlist per institution."""
    from analytics.kipp.statuses import status_label
    from analytics.kipp.readiness import main_gaps, shortlist, summary
    from i18n import format_date, format_int, format_score, t

    edition = readiness.edition
    print(t("cli.readiness.edition", lang, edition=edition.label, closes=format_date(edition.close_date, "day", lang)))
    print("  ".join(f"{status_label(status, lang)}: {format_int(count, lang)}"
                    for status, count in summary(readiness).items()))
    print()
    headers = tuple(t(f"kipp.ui.col.{column}", lang) for column in ("status", "score", "year")) + ("ID",) + tuple(
        t(f"kipp.ui.col.{column}", lang) for column in ("agency", "name", "gaps"))
    table = readiness.table
    rows = [(status_label(r.status, lang), format_score(r.score, lang),
             "" if r.year is None or r.year != r.year else str(r.year),
             r.id, cut_text(r.agency, 30), cut_text(r.name, 40), gaps)
            for r, gaps in zip(table.itertuples(), main_gaps(readiness, lang))]
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    for line in [headers, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip())
    picked = shortlist(readiness)
    print()
    print(t("cli.readiness.shortlist", lang, count=format_int(len(picked), lang)))
    for agency, members in picked.groupby("agency", sort=True):
        names = ", ".join(f"{r.rank}. {r.name} ({format_score(r.score, lang)})" for r in members.itertuples())
        print(f"  {agency}: {names}")

