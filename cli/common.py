"""What the data commands read (readiness, proposal, chart, report): the KIPP edition asked for, and
the canonical frame of --data, else of the store (DESIGN.md §3)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def load_edition(args):
    """The edition asked for, or None after printing why it cannot be used (exit code 2)."""
    from analytics.kipp.editions import EditionError, load_editions

    try:
        return load_editions().get(args.edition)
    except EditionError as err:
        print(f"python app.py {args.command}: error: {err}", file=sys.stderr)
        return None


def load_edition_and_frame(args):
    """(edition, frame) for the readiness commands, or the exit code when either cannot be had:
    2 for an edition that is not in kipp_editions.toml, 1 when no data could be read."""
    edition = load_edition(args)
    if edition is None:
        return 2
    frame = load_frame(args)
    return 1 if frame is None else (edition, frame)


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

    from i18n import t
    from store.database import open_store

    try:
        store = open_store()
    except (sa.exc.OperationalError, sa.exc.ArgumentError) as err:
        detail = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        print(t("store.store_unreachable", args.lang, detail=detail), file=sys.stderr)
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


def load_dataset(args):
    """The Dataset the chart and report commands show: the frame of `load_frame`, labelled and
    versioned by where it came from (--data files, or the store and its uploads), so a caption never
    calls uploaded data "sample". None when nothing could be read (the reason is on stderr)."""
    from analytics.dataset import make_dataset
    from loaders import SAMPLE_DIR
    from loaders.load import describe_paths, fingerprint

    frame = load_frame(args)
    if frame is None:
        return None
    if args.data:
        is_sample = all(Path(p).resolve() == Path(SAMPLE_DIR).resolve() for p in args.data)
        return make_dataset(frame, fingerprint(args.data), "sample" if is_sample else describe_paths(args.data))
    from store.database import open_store, store_label

    store = open_store()
    try:
        return make_dataset(frame, store.data_version(), store_label(store.history()), store.reference())
    finally:
        store.close()
