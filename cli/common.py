"""What several commands share, so that each command module imports only this module and the layers
below it (never another command): the usage error, the argument groups (SOURCE, FILTERS and the
page-level keys such as --edition, --lang, BATCH), opening the store or saying why not, reading the
KIPP edition and the canonical frame of --data or of the store (DESIGN.md §3), the view of a chart or
report, and a batch as a line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from i18n import CATALOG, format_datetime, format_int, printable, t


class UsageError(Exception):
    """A mistake in the command line itself (exit code 2)."""


def check_suffix(args, suffixes: tuple[str, ...]) -> Path:
    """`-o`'s path; a UsageError (exit code 2) unless it ends in one of `suffixes`."""
    output = Path(args.output)
    if output.suffix.lower() not in suffixes:
        listed = suffixes[0] if len(suffixes) == 1 else \
            ", ".join(suffixes[:-1]) + t("cli.or", args.lang) + suffixes[-1]
        raise UsageError(t("cli.bad_suffix", args.lang, suffixes=listed, name=output.name))
    return output


def cut_text(value, width: int) -> str:
    """A cell of a printed table: empty for a missing value, cut to `width` characters with "…"."""
    text = "" if value is None or value != value else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


# -- argument groups (their help in `lang`: the --lang of the command line, see cli.help_language) ------

def add_source_arguments(parser: argparse.ArgumentParser, lang: str = "id") -> None:
    """SOURCE: --data PATH ... (files or folders). Default: the store (seeded from the sample data)."""
    parser.add_argument("--data", nargs="+", metavar="PATH", help=t("cli.help.data", lang))


def add_filter_arguments(parser: argparse.ArgumentParser, lang: str = "id") -> None:
    """FILTERS of DESIGN.md §3, one flag per URL key of the rows of `analytics.filter_fields` (parsed into
    `analytics.filters.Filters.from_args`)."""
    from analytics import filter_fields

    _add_row_arguments(parser, filter_fields.filter_rows(), lang)


def add_page_arguments(parser: argparse.ArgumentParser, command: str, lang: str = "id") -> None:
    """The flags of the page-level keys whose row names `command` (readiness, proposal, chart, report: --edition)."""
    from analytics import filter_fields

    _add_row_arguments(parser, [row for row in filter_fields.page_rows() if command in row.commands], lang)


def _add_row_arguments(parser: argparse.ArgumentParser, rows, lang: str) -> None:
    from analytics.filter_fields import MULTI
    from i18n import t

    for row in rows:
        for key, dest, help_key in zip(row.urls, row.dests, row.helps):
            parser.add_argument(f"--{key}", dest=dest, type=row.value_type, metavar=row.metavar, help=t(help_key, lang),
                                **({"action": "append"} if row.kind == MULTI else {}))


def add_lang_argument(parser: argparse.ArgumentParser, lang: str = "id") -> None:
    parser.add_argument("--lang", choices=["id", "en"], default="id", help=t("cli.help.lang", lang))


def add_view_output_arguments(parser: argparse.ArgumentParser, command: str, lang: str = "id") -> None:
    """What a command writing a view to a file takes (chart, report): SOURCE, FILTERS, its page-level
    keys, --lang and -o OUT (help: cli.help.COMMAND.output)."""
    add_source_arguments(parser, lang)
    add_filter_arguments(parser, lang)
    add_page_arguments(parser, command, lang)
    add_lang_argument(parser, lang)
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help=t(f"cli.help.{command}.output", lang))


def add_json_argument(parser: argparse.ArgumentParser, lang: str = "id") -> None:
    """--json: the result as JSON (DESIGN.md §3's shapes) instead of text."""
    parser.add_argument("--json", action="store_true", help=t("cli.help.json", lang))


def add_dataset_arguments(parser: argparse.ArgumentParser, lang: str = "id") -> None:
    """SOURCE, --lang and --json: a command that reads the dataset and prints text or JSON (iid, similar)."""
    add_source_arguments(parser, lang)
    add_lang_argument(parser, lang)
    add_json_argument(parser, lang)


def add_map_argument(parser: argparse.ArgumentParser, lang: str = "id") -> None:
    """--map "Header=field" (repeatable): a column mapping for this run, over the stored ones."""
    from i18n import t

    parser.add_argument("--map", dest="mappings", action="append", default=[], type=parse_map,
                        metavar="HEADER=FIELD", help=t("cli.map_help", lang))


def parse_map(value: str) -> tuple[str, str]:
    """'Kegiatan Pendukung=resources' -> ('Kegiatan Pendukung', 'resources'); a usage error otherwise."""
    from i18n import t
    from loaders.reference import IGNORE
    from loaders.schema import SOURCE_COLUMNS

    header, _, target = value.rpartition("=")
    if not header.strip() or target.strip() not in [*SOURCE_COLUMNS, IGNORE]:
        raise argparse.ArgumentTypeError(t("cli.map_bad", value=value, fields=", ".join([*SOURCE_COLUMNS, IGNORE])))
    return header.strip(), target.strip()


def add_year_argument(parser: argparse.ArgumentParser, lang: str = "id") -> None:
    """--year "SHEET=RULE" (repeatable): the year of a sheet without one, for this run, over the rules
    saved on /data. RULE: a year, title, code or code:HEADER (loaders.reference.parse_year_rule)."""
    from i18n import t

    parser.add_argument("--year", dest="years", action="append", default=[], type=parse_year,
                        metavar="SHEET=RULE", help=t("cli.year_help", lang))


def parse_year(value: str) -> tuple[str, str]:
    """'Data=2019' -> ('Data', '2019'); 'Ide Inovasi=kode' -> ('Ide Inovasi', 'code'); a usage error
    naming the accepted forms otherwise. The sheet is what precedes the first '=' ("code:A=B" is a rule)."""
    import datetime as dt

    from i18n import t
    from loaders.reference import parse_year_rule

    sheet, _, rule = value.partition("=")
    try:
        if not sheet.strip():
            raise ValueError(value)
        return sheet.strip(), parse_year_rule(rule)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.year_bad", value=value, max_year=dt.date.today().year)) from None


def existing_store(lang: str = "id"):
    """The store when there is one to read ($DATABASE_URL, or the embedded file already created),
    opened without seeding; else None. For commands that only read files but follow the store's
    mappings (`inspect`)."""
    import os

    # store.engine, not store.database: asking whether there is a store must not import SQLAlchemy
    from store.engine import DEFAULT_INSTANCE, EMBEDDED_FILE, ENV_INSTANCE, ENV_URL

    embedded = Path(os.environ.get(ENV_INSTANCE) or DEFAULT_INSTANCE) / EMBEDDED_FILE
    if not os.environ.get(ENV_URL) and not embedded.exists():
        return None
    return open_store_or_say(lang, seed=False)


def add_batch_arguments(parser, lang: str = "id") -> None:
    """BATCH (an id from `history`), --user and --lang: the arguments of rollback and restore."""
    parser.add_argument("batch", type=int, metavar="BATCH", help=t("cli.help.batch", lang))
    parser.add_argument("--user", default=None, help=t("cli.help.user", lang))
    add_lang_argument(parser, lang)


def register_batch_command(subparsers, name: str, handler, lang: str = "id") -> None:
    """`name BATCH [--user] [--lang]` (rollback, restore), its help from the catalog (cli.help.NAME)."""
    parser = subparsers.add_parser(name, help=t(f"cli.help.{name}", lang))
    add_batch_arguments(parser, lang)
    parser.set_defaults(handler=handler)


def run_batch_action(args, name: str) -> int:
    """store.NAME(BATCH) (rollback, restore) as --user, then the batch as a line (cli.NAME.done)."""
    def act(store) -> int:
        batch = getattr(store, name)(args.batch, user=cli_user(args))
        print(t(f"cli.{name}.done", args.lang, batch=batch_line(batch, args.lang)))
        return 0

    return run_with_store(args, act)


def cli_user(args) -> str:
    """--user, else $DASBOR_USER, else the operating-system user."""
    import getpass
    import os

    return args.user or os.environ.get("DASBOR_USER") or getpass.getuser()


# -- the store --------------------------------------------------------------------------------------

def open_store_or_say(lang: str = "id", **options):
    """The store ($DATABASE_URL or the embedded file; `options` as store.database.open_store), or None
    after printing on stderr why it cannot be opened."""
    import sqlalchemy as sa

    from i18n import t
    from store.database import open_store

    try:
        return open_store(**options)
    except (sa.exc.OperationalError, sa.exc.ArgumentError) as err:
        detail = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        print(t("store.store_unreachable", lang, detail=detail), file=sys.stderr)
        return None


def run_with_store(args, action) -> int:
    """Open the store, run `action(store)`, close it.

    A StoreError or an unreachable database prints its message in `args.lang` and returns 1.
    """
    from store.errors import StoreError

    lang = getattr(args, "lang", "id")
    store = open_store_or_say(lang)
    if store is None:
        return 1
    try:
        return action(store)
    except StoreError as err:
        print(printable(err.message(lang)), file=sys.stderr)   # a name in it cannot forge lines
        return 1
    finally:
        store.close()


def batch_line(batch: dict, lang: str) -> str:
    """One batch as a line: '#3  aktif  31 Januari 2025 10.02  budi  rekap.xlsx  202 inovasi  (2015: 79, ...)'."""
    from store.accounts import user_label

    status_key = f"data.status.{batch['status']}"
    status = t(status_key, lang) if status_key in CATALOG else batch["status"]
    when = format_datetime(batch["when"], lang) if batch["when"] else ""
    years = ", ".join(f"{year}: {format_int(count, lang)}" for year, count in batch["by_year"].items())
    records = t("cli.history.records", lang, count=format_int(batch["records"], lang))
    visible = "" if batch["active_records"] == batch["records"] else (
        ", " + t("cli.history.shown", lang, count=format_int(batch["active_records"], lang)))
    return printable(f"#{batch['id']}  {status:<10}  {when}  {user_label(batch['who'], lang)}  {batch['file']}  "
                     f"{records}{visible}  ({years})")  # names cannot forge lines


# -- what the data commands read --------------------------------------------------------------------

def doubled_lines(doubled: list[dict], lang: str) -> list[str]:
    """A warning per year the store counts innovations twice (store.doubled), for `history` and `inspect`."""
    return [t("cli.history.doubled", lang, year=item["year"], count=format_int(item["innovations"], lang),
              rows=format_int(item["rows"], lang), after=format_int(item["rows"] - item["extra"], lang),
              batches=", ".join(f"#{batch}" for batch in item["batches"])) for item in doubled]


def load_edition(args):
    """The edition asked for, or None after printing why it cannot be used (exit code 2)."""
    from analytics.kipp.editions import EditionError, load_editions

    try:
        return load_editions().get(args.edition)
    except EditionError as err:
        print(f"python app.py {args.command}: error: {err.message(args.lang)}", file=sys.stderr)
        return None


def check_edition(args) -> bool:
    """False (after saying why on stderr) when --edition names no edition in kipp_editions.toml."""
    return getattr(args, "edition", None) is None or load_edition(args) is not None


def load_edition_and_frame(args):
    """(edition, frame, workspaces) for the readiness commands, or the exit code when either cannot be
    had: 2 for an edition that is not in kipp_editions.toml, 1 when no data could be read. From the
    store, the frame has the edition's proposal workspaces laid over it (the edited texts count) and
    `workspaces` lists them; files read with --data have none."""
    from analytics.kipp.workspace import apply_overlay

    edition = load_edition(args)
    if edition is None:
        return 2
    frame = load_frame(args)
    if frame is None:
        return 1
    workspaces = () if args.data else _store_workspaces(args)
    return edition, apply_overlay(frame, workspaces, edition), workspaces


def _store_workspaces(args) -> tuple:
    """The store's proposal workspaces (none when the store cannot be opened; load_frame said why)."""
    store = open_store_or_say(args.lang, seed=False)
    if store is None:
        return ()
    try:
        return tuple(store.workspaces())
    finally:
        store.close()


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
        print(t("cli.nothing_read", args.lang, paths=where), file=sys.stderr)
        return None
    return result.frame


def _store_frame(args):
    """The store's current innovations ($DATABASE_URL, else the embedded file, seeded on first use);
    the sample while the store has never held a batch."""
    store = open_store_or_say(args.lang)
    if store is None:
        return None
    try:
        frame, empty = store.current_frame(), not store.history()
    finally:
        store.close()
    if empty:  # a store nothing was ever loaded into (e.g. a new PostgreSQL): the sample, as DESIGN.md §3 says
        from loaders import SAMPLE_DIR

        return load_frame(argparse.Namespace(**{**vars(args), "data": [SAMPLE_DIR]}))
    if frame.empty:
        print(t("cli.store_no_active", args.lang), file=sys.stderr)
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
        return make_dataset(frame, store.data_version(), store_label(store.history()), store.reference(),
                            iid_evidence=store.iid_evidence())
    finally:
        store.close()


def load_context(args):
    """The view of the command line: the data (--data, else the store) read once, FILTERS applied;
    None when nothing could be read (the reason is on stderr)."""
    from analytics.filters import Filters
    from charts.views import Context

    dataset = load_dataset(args)
    if dataset is None:
        return None
    options = {"edition": args.edition} if getattr(args, "edition", None) else {}
    return Context.build(dataset, Filters.from_args(args), **options)
