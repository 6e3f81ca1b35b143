"""`python app.py readiness [--data PATH...] [--edition YEAR] [FILTERS] [--json]`: KIPP readiness.

The JSON is the shape of DESIGN.md §3 (plus the edition's label and close, the filters and the
shortlist); without --json, a readable table. Default edition: the latest in kipp_editions.toml.
"""

from __future__ import annotations

import argparse
import json
import sys

from cli import add_filter_arguments, add_lang_argument, add_source_arguments


def register(subparsers) -> None:
    parser = subparsers.add_parser("readiness", help="kesiapan proposal KIPP per inovasi")
    add_edition_argument(parser)
    add_source_arguments(parser)
    add_filter_arguments(parser)
    add_lang_argument(parser)
    parser.add_argument("--json", action="store_true", help="cetak satu objek JSON")
    parser.set_defaults(handler=run)


def add_edition_argument(parser) -> None:
    parser.add_argument("--edition", type=int, metavar="YEAR",
                        help="edisi KIPP (bawaan: edisi terbaru di data/reference/kipp_editions.toml)")


def load_edition(args):
    """The edition asked for, or None after printing why it cannot be used (exit code 2)."""
    from dashboard.analytics.editions import EditionError, load_editions

    try:
        return load_editions().get(args.edition)
    except EditionError as err:
        print(f"python app.py {args.command}: error: {err}", file=sys.stderr)
        return None


def load_frame(args):
    """The canonical frame of --data, else of the store (DESIGN.md §3). Rejected files are reported on
    stderr and left out; None when nothing could be read."""
    from loaders import load_paths

    if not args.data:
        return _store_frame(args)
    paths = args.data
    result = load_paths(paths, lang=args.lang)
    for issue in result.errors:
        print(issue.to_line(), file=sys.stderr)
    if result.frame.empty:
        where = ", ".join(str(p) for p in paths)
        print(("Tidak ada inovasi yang terbaca dari " if args.lang == "id" else "No innovations could be read from ")
              + where, file=sys.stderr)
        return None
    return result.frame


def _store_frame(args):
    """The store's current innovations ($DATABASE_URL, else the embedded file, seeded on first use);
    the sample while the store has never held a batch."""
    import sqlalchemy as sa

    from loaders.store import open_store
    from loaders.store_schema import render_store

    try:
        store = open_store()
    except (sa.exc.OperationalError, sa.exc.ArgumentError) as err:
        detail = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        print(render_store("store_unreachable", {"detail": detail}, args.lang), file=sys.stderr)
        return None
    try:
        frame, empty = store.current_frame(), not store.history()
    finally:
        store.close()
    if empty:  # a store nothing was ever loaded into (e.g. a new PostgreSQL): the sample, as DESIGN.md §3 says
        from loaders import SAMPLE_DIR

        return load_frame(argparse.Namespace(**{**vars(args), "data": [SAMPLE_DIR]}))
    if frame.empty:
        print("Penyimpanan tidak memuat inovasi aktif." if args.lang == "id" else "The store holds no active innovation.",
              file=sys.stderr)
        return None
    return frame


def run(args) -> int:
    from dashboard.analytics.filters import Filters
    from dashboard.analytics.readiness import evaluate, to_dict

    edition = load_edition(args)
    if edition is None:
        return 2
    frame = load_frame(args)
    if frame is None:
        return 1
    filters = Filters.from_args(args)
    # Judge the whole data (titles must be unique across it), then keep the rows in view.
    readiness = evaluate(frame, edition).select(filters.apply(frame).index)
    if args.json:
        query = filters.to_query(include_lang=False)
        print(json.dumps(to_dict(readiness, args.lang, filters={"query": query}), ensure_ascii=False, indent=1))
    else:
        print_table(readiness, args.lang)
    return 0


def print_table(readiness, lang: str) -> None:
    """Summary, one line per innovation, then the shortlist per institution."""
    from dashboard.analytics.kipp_messages import status_label
    from dashboard.analytics.readiness import main_gaps, shortlist, summary

    en = lang == "en"
    edition = readiness.edition
    closes = edition.close_date.strftime("%d-%m-%Y")
    print(f"{edition.label} — " + ("closes " if en else "penutupan ") + closes)
    print("  ".join(f"{status_label(status, lang)}: {count}" for status, count in summary(readiness).items()))
    print()
    headers = ("Status", "Score" if en else "Skor", "Year" if en else "Tahun", "ID",
               "Agency" if en else "Perangkat daerah", "Innovation" if en else "Inovasi",
               "Main gaps" if en else "Kekurangan utama")
    table = readiness.table
    rows = [(status_label(r.status, lang), f"{r.score:g}", "" if r.year is None or r.year != r.year else str(r.year),
             r.id, _cut(r.agency, 30), _cut(r.name, 40), gaps)
            for r, gaps in zip(table.itertuples(), main_gaps(readiness, lang))]
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    for line in [headers, *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths)).rstrip())
    picked = shortlist(readiness)
    print()
    print(("Shortlist per institution" if en else "Daftar usulan per instansi") + f" ({len(picked)}):")
    for agency, members in picked.groupby("agency", sort=True):
        names = ", ".join(f"{r.rank}. {r.name} ({r.score:g})" for r in members.itertuples())
        print(f"  {agency}: {names}")


def _cut(value, width: int) -> str:
    text = "" if value is None or value != value else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"
